//! `conflict`: two sources give the same metric for overlapping dates (any
//! date for a fixed event) and the intervals their hedges allow do not
//! overlap. Example: `20,057` killed (Civic Ledger, 2023-12-21) against
//! `more than 30,000` (Harbor Daily, 2023-12-21).
//!
//! Per metric and day, the point covered by the most sources is the
//! consensus; each figure that misses it and contradicts a figure that
//! holds it is reported once, against the nearest such figures.

use jiff::civil::Date;

use super::{Context, Detail, Fact, Finding, Groups, Interval, amount, days_apart, float_key};
use crate::rules::{MetricKind, Tolerance};

/// At most this many contradicting figures are labelled per finding.
const MAX_RELATED: usize = 3;

/// A figure against the consensus of its day, and the nearest figures
/// that hold the consensus and contradict it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Conflict {
    pub(super) subject: u32,
    against: [u32; MAX_RELATED],
    against_len: u8,
}

pub(super) fn run(
    cx: &Context<'_>,
    groups: &Groups<'_>,
    tolerance: Tolerance,
    window_days: u32,
    out: &mut Vec<Detail>,
) {
    for (metric, facts) in groups.of(cx.check) {
        let fixed = cx.pack.metric(metric as usize).kind == MetricKind::Fixed;
        if fixed {
            report(groups, facts, facts, tolerance, out);
            continue;
        }
        // undated facts sort last
        let dated = &facts[..facts.partition_point(|&f| groups.fact(f).day.is_some())];
        let day_of = |f: u32| groups.fact(f).day.expect("dated");
        // Each run of one day is compared with the figures within the window.
        let mut i = 0;
        while i < dated.len() {
            let day = day_of(dated[i]);
            let j = i + dated[i..].partition_point(|&f| day_of(f) == day);
            let lo = dated.partition_point(|&f| day_of(f) < shift(day, -(window_days as i64)));
            let hi = dated.partition_point(|&f| day_of(f) <= shift(day, window_days as i64));
            report(groups, &dated[i..j], &dated[lo..hi], tolerance, out);
            i = j;
        }
    }
}

fn shift(day: Date, days: i64) -> Date {
    day.checked_add(jiff::Span::new().days(days)).unwrap_or(day)
}

/// Reports the figures of `subjects` that contradict the consensus of
/// `peers` (which include the subjects).
fn report(
    groups: &Groups<'_>,
    subjects: &[u32],
    peers: &[u32],
    tolerance: Tolerance,
    out: &mut Vec<Detail>,
) {
    if peers.len() < 2 {
        return;
    }
    let peer_facts: Vec<&Fact> = peers.iter().map(|&f| groups.fact(f)).collect();
    let intervals: Vec<Interval> = peer_facts
        .iter()
        .map(|f| Interval::of(f, tolerance))
        .collect();
    let Some(consensus) = consensus(&peer_facts, &intervals) else {
        return;
    };
    for &subject in subjects {
        let fact = groups.fact(subject);
        let mine = Interval::of(fact, tolerance);
        if mine.contains(consensus) {
            continue;
        }
        let mut against = [0; MAX_RELATED];
        let mut against_len = 0;
        for i in nearest_against(fact, mine, &peer_facts, &intervals, consensus) {
            against[against_len] = peers[i];
            against_len += 1;
        }
        if against_len == 0 {
            continue;
        }
        out.push(Detail::Conflict(Conflict {
            subject,
            against,
            against_len: against_len as u8,
        }));
    }
}

impl Conflict {
    pub(super) fn finding(&self, cx: &Context<'_>) -> Finding {
        let subject = cx.fact(self.subject);
        let against: Vec<&Fact> = self.against[..usize::from(self.against_len)]
            .iter()
            .map(|&f| cx.fact(f))
            .collect();
        let metric = cx.pack.metric(subject.metric as usize);
        let first = against[0];
        // a fixed event is compared across all dates
        let day = subject.day.filter(|_| metric.kind != MetricKind::Fixed);
        let when = day.map_or(String::new(), |d| format!(" for {d}"));
        let message = format!(
            "{}{when}: {} conflicts with {} reported by {}",
            metric.id,
            amount(subject),
            amount(first),
            cx.corpus.provenance(first)
        );
        let mut labels = vec![cx.label(
            subject,
            format!("{} ({})", amount(subject), cx.corpus.provenance(subject)),
        )];
        labels.extend(
            against
                .iter()
                .map(|f| cx.label(f, format!("{} ({})", amount(f), cx.corpus.provenance(f)))),
        );
        cx.finding(Some(subject.metric), message, labels)
    }
}

/// Up to `MAX_RELATED` figures of other sources (indices into `peers`)
/// that hold the consensus and contradict `subject`, nearest in date
/// first: a scan outwards from the subject's date over `peers` (sorted by
/// date), bounded so that a metric with thousands of figures stays cheap.
fn nearest_against(
    subject: &Fact,
    mine: Interval,
    peers: &[&Fact],
    intervals: &[Interval],
    consensus: f64,
) -> Vec<usize> {
    const SCAN: usize = 512;
    let at = peers.partition_point(|f| f.day < subject.day);
    let contradicts = |i: usize| {
        let f = peers[i];
        f.source != subject.source
            && intervals[i].contains(consensus)
            && !intervals[i].overlaps(mine)
    };
    let mut found = Vec::new();
    let (mut left, mut right) = (at, at);
    for _ in 0..SCAN {
        if found.len() == MAX_RELATED || (left == 0 && right == peers.len()) {
            break;
        }
        // take the nearer side next, preferring later figures on a tie
        let take_right = right < peers.len()
            && (left == 0
                || days_apart(peers[right], subject) <= days_apart(peers[left - 1], subject));
        let i = if take_right {
            right += 1;
            right - 1
        } else {
            left -= 1;
            left
        };
        if contradicts(i) {
            found.push(i);
        }
    }
    found
}

/// The value allowed by the figures of the most distinct sources (ties:
/// the most figures, then the lowest value), found by a sweep over the
/// interval ends: n log n.
fn consensus(facts: &[&Fact], intervals: &[Interval]) -> Option<f64> {
    // Ends by value, opens before closes at one value so that touching
    // intervals agree; the order among equal ends does not change the result.
    const CLOSES: u32 = 1 << 31;
    let mut ends: Vec<(u64, u32)> = Vec::with_capacity(intervals.len() * 2);
    for (i, interval) in intervals.iter().enumerate() {
        ends.push((float_key(interval.low), i as u32));
        ends.push((float_key(interval.high), i as u32 | CLOSES));
    }
    ends.sort_unstable();
    // sources as dense ids, to count the figures each has open
    let mut sources: Vec<u32> = facts.iter().map(|f| f.source).collect();
    sources.sort_unstable();
    sources.dedup();
    let mut open_of = vec![0u32; sources.len()];
    let (mut open, mut open_sources) = (0usize, 0usize);
    let mut best: Option<(usize, usize, f64)> = None;
    for (_, end) in ends {
        let i = (end & !CLOSES) as usize;
        let source = sources.partition_point(|&s| s < facts[i].source);
        if end & CLOSES == 0 {
            open += 1;
            open_sources += usize::from(open_of[source] == 0);
            open_of[source] += 1;
            if best.is_none_or(|(s, n, _)| (open_sources, open) > (s, n)) {
                best = Some((open_sources, open, intervals[i].low));
            }
        } else {
            open -= 1;
            open_of[source] -= 1;
            open_sources -= usize::from(open_of[source] == 0);
        }
    }
    best.map(|(_, _, value)| value)
}
