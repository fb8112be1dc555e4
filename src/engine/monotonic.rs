//! `monotonic`: a cumulative metric never falls (a death toll reported
//! lower than an earlier one), and a stock that can only fall never rises
//! (hostages still held). Example: `12,000` killed on 2024-03-01 after
//! `30,035` on 2024-02-29.
//!
//! The claims of a metric are ordered by date; the longest run that moves
//! the right way is kept (n log n), and each figure outside it that
//! contradicts a figure of the run is reported against the nearest one.

use super::{
    Context, Day, Describe, Detail, Fact, Groups, Interval, amount, days_apart, float_key,
};
use crate::rules::{Direction, MetricKind, Tolerance};

/// How far from a figure, in run positions, to look for the one it
/// contradicts: bounds the work per figure.
const SEARCH: usize = 64;

/// A figure that moves the wrong way against `other`, a figure of the
/// metric's longest consistent run.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reversal {
    pub(super) fact: u32,
    other: u32,
    direction: Direction,
}

pub(super) fn run(
    cx: &Context<'_>,
    groups: &Groups<'_>,
    metric: u16,
    facts: &[u32],
    tolerance: Tolerance,
    direction: Option<Direction>,
    out: &mut Vec<Detail>,
) {
    let Some(direction) =
        direction.or_else(|| default_direction(cx.pack.metric(metric as usize).kind))
    else {
        return;
    };
    let facts = dated_in_order(groups, facts, direction);
    let run = longest_run(groups, &facts, direction);
    let mut in_run = vec![false; facts.len()];
    for &i in &run {
        in_run[i as usize] = true;
    }
    // Every figure outside the run searches it: its figures side by side,
    // rather than scattered over the corpus, keep those searches in cache.
    let run: Vec<Held> = run
        .into_iter()
        .map(|i| {
            let fact = facts[i as usize];
            Held {
                day: groups.fact(fact).day,
                interval: Interval::of(groups.fact(fact), tolerance),
                fact,
            }
        })
        .collect();
    for (i, &fact) in facts.iter().enumerate() {
        if in_run[i] {
            continue;
        }
        if let Some(other) = contradicted(&run, groups.fact(fact), direction, tolerance) {
            out.push(Detail::Monotonic(Reversal {
                fact,
                other,
                direction,
            }));
        }
    }
}

impl Reversal {
    pub(super) fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe) {
        let (fact, other) = (cx.fact(self.fact), cx.fact(self.other));
        let day = fact.day.date().expect("dated");
        let verb = match self.direction {
            Direction::Up => "falls",
            Direction::Down => "rises",
        };
        let metric_id = &cx.pack.metric(fact.metric as usize).id;
        let (earlier, later) = if other.day < fact.day {
            (other, fact)
        } else {
            (fact, other)
        };
        cx.finding(
            out,
            Some(fact.metric),
            format_args!(
                "{metric_id} {verb} from {} on {} to {} on {}",
                amount(earlier),
                earlier.day.date().expect("dated"),
                amount(later),
                later.day.date().expect("dated"),
            ),
        );
        cx.label(out, fact, format_args!("{} for {day}", amount(fact)));
        let provenance = cx.corpus.provenance(other);
        cx.label(out, other, format_args!("{} ({provenance})", amount(other)));
    }
}

/// Cumulative metrics only go up unless the check says otherwise.
pub(super) fn default_direction(kind: MetricKind) -> Option<Direction> {
    (kind == MetricKind::Cumulative).then_some(Direction::Up)
}

/// The dated facts, by day, and within a day in the direction of travel
/// so that figures of one day never contradict each other's order.
pub(super) fn dated_in_order(groups: &Groups<'_>, facts: &[u32], direction: Direction) -> Vec<u32> {
    // The group is by day already, undated last: only each day's figures
    // need ordering, by figure and then index (the group's order), packed
    // in one number so that the sort compares plain integers.
    let dated = &facts[..facts.partition_point(|&f| groups.fact(f).day.is_dated())];
    let mut keyed: Vec<u128> = dated
        .iter()
        .map(|&f| {
            let fact = groups.fact(f);
            let day = u128::from(fact.day.last_key());
            day << 96 | u128::from(float_key(key(fact, direction))) << 32 | u128::from(f)
        })
        .collect();
    for day in keyed.chunk_by_mut(|a, b| a >> 96 == b >> 96) {
        day.sort_unstable();
    }
    keyed.into_iter().map(|k| k as u32).collect()
}

/// The figure as stated, signed so that the run never decreases.
fn key(fact: &Fact, direction: Direction) -> f64 {
    let value = (fact.low + fact.high) / 2.0;
    match direction {
        Direction::Up => value,
        Direction::Down => -value,
    }
}

/// Indices of the longest run that never moves against `direction`
/// (patience sorting, n log n). Among runs of equal length it keeps the
/// earliest figures: the search goes backwards, so a later figure that
/// breaks the history is the one left out (an old toll copied late).
pub(super) fn longest_run(groups: &Groups<'_>, facts: &[u32], direction: Direction) -> Vec<u32> {
    // read in one pass, so that the figures' lookups overlap
    let keys: Vec<f64> = facts
        .iter()
        .map(|&f| key(groups.fact(f), direction))
        .collect();
    // the last figure of the best run of each length, and beside it its
    // key, for the searches
    let mut tails: Vec<u32> = Vec::new();
    let mut tail_keys: Vec<f64> = Vec::new();
    // for each figure, the next in the best run it starts
    let mut next: Vec<Option<u32>> = vec![None; facts.len()];
    for (i, &k) in keys.iter().enumerate().rev() {
        // backwards, the run never increases: keep keys in decreasing order
        let at = tail_keys.partition_point(|&t| t >= k);
        next[i] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(i as u32);
            tail_keys.push(k);
        } else {
            tails[at] = i as u32;
            tail_keys[at] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        run.push(i);
        cursor = next[i as usize];
    }
    run
}

/// A figure of the longest run, with what the search for contradictions
/// reads of it.
struct Held {
    day: Day,
    interval: Interval,
    fact: u32,
}

/// The nearest figure of the run that `fact` contradicts: an earlier one
/// that must be above it, or a later one that must be below it.
fn contradicted(
    run: &[Held],
    fact: &Fact,
    direction: Direction,
    tolerance: Tolerance,
) -> Option<u32> {
    let mine = Interval::of(fact, tolerance);
    let at = run.partition_point(|r| r.day < fact.day);
    let wrong_way = |other: &&Held| {
        let (lower, upper) = match (other.day < fact.day, direction) {
            (true, Direction::Up) | (false, Direction::Down) => (mine, other.interval),
            (false, Direction::Up) | (true, Direction::Down) => (other.interval, mine),
        };
        other.day != fact.day && lower.high < upper.low
    };
    let before = run[..at].iter().rev().take(SEARCH).find(wrong_way);
    let after = run[at..].iter().take(SEARCH).find(wrong_way);
    let nearer = match (before, after) {
        (Some(b), Some(a)) => {
            if days_apart(b.day, fact.day) <= days_apart(a.day, fact.day) {
                b
            } else {
                a
            }
        }
        (b, a) => b.or(a)?,
    };
    Some(nearer.fact)
}
