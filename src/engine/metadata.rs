//! `metadata`: an article with no publication date cannot date its
//! figures, so no cross-source check can use them; one with no outlet
//! cannot be told apart from other sources in a report.

use super::{Context, Finding, Label};
use crate::rules::Field;

pub(super) fn run(cx: &Context<'_>, require: &[Field], out: &mut Vec<Finding>) {
    for source in &cx.corpus.sources {
        let missing: Vec<&str> = require
            .iter()
            .filter_map(|field| match field {
                Field::Date if source.published.is_none() => Some("date"),
                Field::Outlet if source.outlet.is_none() => Some("outlet"),
                _ => None,
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let message = format!("article has no {}", missing.join(" and no "));
        let label = Label {
            file: source.name.clone(),
            start: 0,
            end: 0,
            message: format!("no {} for this article", missing.join(" or ")),
        };
        out.push(cx.finding(None, message, vec![label]));
    }
}
