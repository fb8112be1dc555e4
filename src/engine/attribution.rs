//! `attribution`: editorial policy says some figures (casualty tolls) are
//! stated with their source. A toll with no `according to …`, `… said` or
//! `figures from …` in its sentence reads as the outlet's own count.

use super::{Context, Finding, amount};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (metric, facts) in cx.by_metric() {
        let id = &cx.pack.metric(metric as usize).id;
        for fact in facts.into_iter().filter(|f| !f.attributed) {
            let message = format!("{id} figure {} is not attributed to a source", amount(fact));
            let labels = vec![cx.label(fact, "stated without a source".to_string())];
            out.push(cx.finding(Some(metric), message, labels));
        }
    }
}
