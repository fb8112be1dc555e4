//! `range`: a figure outside the plausible bounds of its metric, such as
//! `16,500` trucks of aid in one day or more hostages held than were ever
//! taken. Bounds come from the check (`min`, `max`) or else the metric.

use super::{Context, Detail, Finding, Groups, amount};
use crate::output::number_text;

/// A figure beyond one of its metric's bounds.
#[derive(Debug, Clone, Copy)]
pub(super) struct OutOfRange {
    pub(super) fact: u32,
    /// The bound crossed, and whether it is the minimum.
    bound: f64,
    below: bool,
}

pub(super) fn run(
    cx: &Context<'_>,
    groups: &Groups<'_>,
    min: Option<f64>,
    max: Option<f64>,
    out: &mut Vec<Detail>,
) {
    for (metric, facts) in groups.of(cx.check) {
        let def = cx.pack.metric(metric as usize);
        let (min, max) = (min.or(def.min), max.or(def.max));
        for &fact in facts {
            let f = groups.fact(fact);
            let crossed = match (min.filter(|&m| f.high < m), max.filter(|&m| f.low > m)) {
                (Some(bound), _) => (bound, true),
                (_, Some(bound)) => (bound, false),
                _ => continue,
            };
            out.push(Detail::Range(OutOfRange {
                fact,
                bound: crossed.0,
                below: crossed.1,
            }));
        }
    }
}

impl OutOfRange {
    pub(super) fn finding(&self, cx: &Context<'_>) -> Finding {
        let fact = cx.fact(self.fact);
        let def = cx.pack.metric(fact.metric as usize);
        let bound = number_text(self.bound);
        let bound = if self.below {
            format!("below the plausible minimum of {bound}")
        } else {
            format!("above the plausible maximum of {bound}")
        };
        let unit = if def.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", def.unit)
        };
        let message = format!("{} figure {} is {bound}{unit}", def.id, amount(fact));
        let labels = vec![cx.label(
            fact,
            format!("{} ({})", amount(fact), cx.corpus.provenance(fact)),
        )];
        cx.finding(Some(fact.metric), message, labels)
    }
}
