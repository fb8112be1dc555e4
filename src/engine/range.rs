//! `range`: a figure outside the plausible bounds of its metric, such as
//! `16,500` trucks of aid in one day or more hostages held than were ever
//! taken. Bounds come from the check (`min`, `max`) or else the metric.

use super::{Context, Describe, Detail, Fact, Groups, amount};
use crate::output::number;

/// A figure beyond one of its metric's bounds.
#[derive(Debug, Clone, Copy)]
pub(super) struct OutOfRange {
    pub(super) fact: u32,
}

pub(super) fn run(
    cx: &Context<'_>,
    groups: &Groups<'_>,
    metric: u16,
    facts: &[u32],
    min: Option<f64>,
    max: Option<f64>,
    out: &mut Vec<Detail>,
) {
    let def = cx.pack.metric(metric as usize);
    let (min, max) = (min.or(def.min), max.or(def.max));
    for &fact in facts {
        if crossed(groups.fact(fact), min, max).is_some() {
            out.push(Detail::Range(OutOfRange { fact }));
        }
    }
}

/// The bound a figure crosses, and whether it is the minimum.
fn crossed(fact: &Fact, min: Option<f64>, max: Option<f64>) -> Option<(f64, bool)> {
    match (
        min.filter(|&m| fact.high < m),
        max.filter(|&m| fact.low > m),
    ) {
        (Some(bound), _) => Some((bound, true)),
        (_, Some(bound)) => Some((bound, false)),
        _ => None,
    }
}

impl OutOfRange {
    pub(super) fn describe(
        &self,
        cx: &Context<'_>,
        out: &mut dyn Describe,
        min: Option<f64>,
        max: Option<f64>,
    ) {
        let fact = cx.fact(self.fact);
        let def = cx.pack.metric(fact.metric as usize);
        let (bound, below) = crossed(fact, min.or(def.min), max.or(def.max))
            .expect("the check found the figure out of range");
        let side = if below {
            "below the plausible minimum"
        } else {
            "above the plausible maximum"
        };
        let space = if def.unit.is_empty() { "" } else { " " };
        cx.finding(
            out,
            Some(fact.metric),
            format_args!(
                "{} figure {} is {side} of {}{space}{}",
                def.id,
                amount(fact),
                number(bound),
                def.unit
            ),
        );
        let provenance = cx.corpus.provenance(fact);
        cx.label(out, fact, format_args!("{} ({provenance})", amount(fact)));
    }
}
