//! `consistency`: one article states the same metric for the same date
//! twice (any date, for a fixed event), and the two figures cannot both be
//! true: `137 hostages` in one paragraph, `180 hostages` in another.

use super::{Context, Describe, Detail, Fact, Interval, amount};
use crate::rules::{MetricKind, Tolerance};

/// A figure of an article that contradicts an earlier one of the same
/// article.
#[derive(Debug, Clone, Copy)]
pub(super) struct Restated {
    earlier: u32,
    pub(super) later: u32,
}

pub(super) fn run(cx: &Context<'_>, tolerance: Tolerance, out: &mut Vec<Detail>) {
    let checked: Vec<bool> = (0..cx.pack.metrics.len())
        .map(|m| cx.check.metrics.contains(&m))
        .collect();
    let facts = &cx.corpus.facts;
    // Facts are stored article by article, so each article is one run.
    let mut start = 0;
    for article in facts.chunk_by(|a, b| a.source == b.source) {
        for (i, later) in article.iter().enumerate() {
            if !checked[later.metric as usize] {
                continue;
            }
            let fixed = cx.pack.metric(later.metric as usize).kind == MetricKind::Fixed;
            let earlier = article[..i].iter().position(|e| {
                e.metric == later.metric
                    && (fixed || e.day == later.day)
                    && !Interval::of(e, tolerance).overlaps(Interval::of(later, tolerance))
            });
            if let Some(earlier) = earlier {
                out.push(Detail::Consistency(Restated {
                    earlier: (start + earlier) as u32,
                    later: (start + i) as u32,
                }));
            }
        }
        start += article.len();
    }
}

impl Restated {
    pub(super) fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe) {
        let (earlier, later): (&Fact, &Fact) = (cx.fact(self.earlier), cx.fact(self.later));
        let id = &cx.pack.metric(later.metric as usize).id;
        cx.finding(
            out,
            Some(later.metric),
            format_args!(
                "{id} is stated as {} and as {} in the same article",
                amount(earlier),
                amount(later)
            ),
        );
        cx.label(out, later, format_args!("{} here", amount(later)));
        cx.label(
            out,
            earlier,
            format_args!("{} earlier in the article", amount(earlier)),
        );
    }
}
