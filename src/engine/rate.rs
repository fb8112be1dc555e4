//! `rate`: a change per day beyond what the metric can plausibly do. A
//! death toll that jumps from `20,057` to `45,000` overnight is more often a
//! typo or a different count than a real change.
//!
//! For a cumulative metric the figures compared are the consecutive ones
//! of its longest rising run (a fall is `monotonic`'s to report); for any
//! other metric, consecutive dated figures. The change is the smallest the
//! two intervals allow, over the days between them (at least one).

use super::monotonic::{dated_in_order, default_direction, longest_run};
use super::{Context, Describe, Detail, Fact, Groups, Interval, amount, days_between};
use crate::output::number;
use crate::rules::{Direction, Tolerance};

/// Two consecutive figures further apart than the metric can move.
#[derive(Debug, Clone, Copy)]
pub(super) struct Jump {
    earlier: u32,
    pub(super) later: u32,
}

pub(super) fn run(
    cx: &Context<'_>,
    groups: &Groups<'_>,
    metric: u16,
    facts: &[u32],
    max_per_day: f64,
    tolerance: Tolerance,
    out: &mut Vec<Detail>,
) {
    let direction = default_direction(cx.pack.metric(metric as usize).kind);
    let facts = dated_in_order(groups, facts, direction.unwrap_or(Direction::Up));
    let sequence: Vec<u32> = match direction {
        Some(direction) => longest_run(groups, &facts, direction)
            .into_iter()
            .map(|i| facts[i as usize])
            .collect(),
        None => facts,
    };
    for pair in sequence.windows(2) {
        let (a, b) = (groups.fact(pair[0]), groups.fact(pair[1]));
        if per_day(a, b, tolerance) > max_per_day {
            out.push(Detail::Rate(Jump {
                earlier: pair[0],
                later: pair[1],
            }));
        }
    }
}

/// The smallest change a day that two dated figures allow (over at least
/// one day).
fn per_day(a: &Fact, b: &Fact, tolerance: Tolerance) -> f64 {
    let (Some(day_a), Some(day_b)) = (a.day.date(), b.day.date()) else {
        return 0.0;
    };
    let days = days_between(day_a, day_b).max(1) as f64;
    let (ia, ib) = (Interval::of(a, tolerance), Interval::of(b, tolerance));
    let gap = (ib.low - ia.high).max(ia.low - ib.high).max(0.0);
    gap / days
}

impl Jump {
    pub(super) fn describe(
        &self,
        cx: &Context<'_>,
        out: &mut dyn Describe,
        max_per_day: f64,
        tolerance: Tolerance,
    ) {
        let (a, b) = (cx.fact(self.earlier), cx.fact(self.later));
        let (day_a, day_b) = (a.day.date().expect("dated"), b.day.date().expect("dated"));
        let metric_id = &cx.pack.metric(a.metric as usize).id;
        cx.finding(
            out,
            Some(a.metric),
            format_args!(
                "{metric_id} changes by at least {} a day, from {} on {day_a} to {} on {day_b} (bound {})",
                number(per_day(a, b, tolerance).round()),
                amount(a),
                amount(b),
                number(max_per_day),
            ),
        );
        cx.label(out, b, format_args!("{} for {day_b}", amount(b)));
        let provenance = cx.corpus.provenance(a);
        cx.label(out, a, format_args!("{} ({provenance})", amount(a)));
    }
}
