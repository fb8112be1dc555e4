//! `consistency`: one article states the same metric for the same date
//! twice (any date, for a fixed event), and the two figures cannot both be
//! true: `137 hostages` in one paragraph, `180 hostages` in another.

use super::{Context, Fact, Finding, Interval, amount};
use crate::rules::{MetricKind, Tolerance};

pub(super) fn run(cx: &Context<'_>, tolerance: Tolerance, out: &mut Vec<Finding>) {
    let checked: Vec<bool> = (0..cx.pack.metrics.len())
        .map(|m| cx.check.metrics.contains(&m))
        .collect();
    // Facts are stored article by article, so each article is one run.
    for article in cx.corpus.facts.chunk_by(|a, b| a.source == b.source) {
        for (i, later) in article.iter().enumerate() {
            if !checked[later.metric as usize] {
                continue;
            }
            let fixed = cx.pack.metric(later.metric as usize).kind == MetricKind::Fixed;
            let earlier = article[..i].iter().find(|e| {
                e.metric == later.metric
                    && (fixed || e.day == later.day)
                    && !Interval::of(e, tolerance).overlaps(Interval::of(later, tolerance))
            });
            if let Some(earlier) = earlier {
                out.push(finding(cx, earlier, later));
            }
        }
    }
}

fn finding(cx: &Context<'_>, earlier: &Fact, later: &Fact) -> Finding {
    let id = &cx.pack.metric(later.metric as usize).id;
    let message = format!(
        "{id} is stated as {} and as {} in the same article",
        amount(earlier),
        amount(later)
    );
    let labels = vec![
        cx.label(later, format!("{} here", amount(later))),
        cx.label(
            earlier,
            format!("{} earlier in the article", amount(earlier)),
        ),
    ];
    cx.finding(Some(later.metric), message, labels)
}
