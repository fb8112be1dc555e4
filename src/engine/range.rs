//! `range`: a figure outside the plausible bounds of its metric, such as
//! `16,500` trucks of aid in one day or more hostages held than were ever
//! taken. Bounds come from the check (`min`, `max`) or else the metric.

use super::{Context, Finding, amount};
use crate::output::number_text;

pub(super) fn run(cx: &Context<'_>, min: Option<f64>, max: Option<f64>, out: &mut Vec<Finding>) {
    for (metric, facts) in cx.by_metric() {
        let def = cx.pack.metric(metric as usize);
        let (min, max) = (min.or(def.min), max.or(def.max));
        for fact in facts {
            let below = min.filter(|&m| fact.high < m);
            let above = max.filter(|&m| fact.low > m);
            let bound = match (below, above) {
                (Some(m), _) => format!("below the plausible minimum of {}", number_text(m)),
                (_, Some(m)) => format!("above the plausible maximum of {}", number_text(m)),

                _ => continue,
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
            out.push(cx.finding(Some(metric), message, labels));
        }
    }
}
