//! `metadata`: an article with no publication date cannot date its
//! figures, so no cross-source check can use them; one with no outlet
//! cannot be told apart from other sources in a report.

use super::{Context, Describe, Detail};
use crate::rules::Field;

/// An article without a required field.
#[derive(Debug, Clone, Copy)]
pub(super) struct Missing {
    pub(super) source: u32,
    date: bool,
    outlet: bool,
}

pub(super) fn run(cx: &Context<'_>, require: &[Field], out: &mut Vec<Detail>) {
    for (source, article) in cx.corpus.sources.iter().enumerate() {
        let missing = Missing {
            source: source as u32,
            date: require.contains(&Field::Date) && !article.dated,
            outlet: require.contains(&Field::Outlet) && article.outlet.is_none(),
        };
        if missing.date || missing.outlet {
            out.push(Detail::Metadata(missing));
        }
    }
}

impl Missing {
    pub(super) fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe, require: &[Field]) {
        // named in the order the check requires them
        let missing: Vec<&str> = require
            .iter()
            .filter_map(|field| match field {
                Field::Date if self.date => Some("date"),
                Field::Outlet if self.outlet => Some("outlet"),
                _ => None,
            })
            .collect();
        cx.finding(
            out,
            None,
            format_args!("article has no {}", missing.join(" and no ")),
        );
        out.label(
            cx.corpus.name(self.source),
            0..0,
            format_args!("no {} for this article", missing.join(" or ")),
        );
    }
}
