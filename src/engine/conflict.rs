//! `conflict`: two sources give the same metric for overlapping dates (any
//! date for a fixed event) and the intervals their hedges allow do not
//! overlap. Example: `20,057` killed (Civic Ledger, 2023-12-21) against
//! `more than 30,000` (Harbor Daily, 2023-12-21).
//!
//! Per metric and day, the point covered by the most sources is the
//! consensus; each figure that misses it and contradicts a figure that
//! holds it is reported once, against the nearest such figures.

use super::{Context, Day, Detail, Fact, Finding, Groups, Interval, amount, days_apart};
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
    metric: u16,
    facts: &[u32],
    tolerance: Tolerance,
    window_days: u32,
    out: &mut Vec<Detail>,
) {
    let fixed = cx.pack.metric(metric as usize).kind == MetricKind::Fixed;
    if fixed {
        report(groups, facts, facts, tolerance, out);
        return;
    }
    // undated facts sort last
    let dated = &facts[..facts.partition_point(|&f| groups.fact(f).day.is_dated())];
    let day_of = |f: u32| groups.fact(f).day;
    // Each run of one day is compared with the figures within the window,
    // its edges packed once so that the searches compare plain numbers.
    let mut i = 0;
    while i < dated.len() {
        let day = day_of(dated[i]);
        let j = i + dated[i..].partition_point(|&f| day_of(f) == day);
        let [first, last] = [-1, 1].map(|side| shift(day, side * i64::from(window_days)));
        let lo = dated.partition_point(|&f| day_of(f) < first);
        let hi = dated.partition_point(|&f| day_of(f) <= last);
        report(groups, &dated[i..j], &dated[lo..hi], tolerance, out);
        i = j;
    }
}

fn shift(day: Day, days: i64) -> Day {
    let date = day
        .date()
        .map(|d| d.checked_add(jiff::Span::new().days(days)).unwrap_or(d));
    Day::of(date)
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
    let Some(consensus) = consensus(groups, peers, tolerance) else {
        return;
    };
    for &subject in subjects {
        let mine = Interval::of(groups.fact(subject), tolerance);
        if mine.contains(consensus) {
            continue;
        }
        let mut conflict = Conflict {
            subject,
            against: [0; MAX_RELATED],
            against_len: 0,
        };
        nearest_against(groups, &mut conflict, mine, peers, tolerance, consensus);
        if conflict.against_len > 0 {
            out.push(Detail::Conflict(conflict));
        }
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
        let day = subject
            .day
            .date()
            .filter(|_| metric.kind != MetricKind::Fixed);
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

/// Fills `conflict` with up to `MAX_RELATED` figures of other sources that
/// hold the consensus and contradict its subject, nearest in date first: a
/// scan outwards from the subject's date over `peers` (sorted by date),
/// bounded so that a metric with thousands of figures stays cheap.
fn nearest_against(
    groups: &Groups<'_>,
    conflict: &mut Conflict,
    mine: Interval,
    peers: &[u32],
    tolerance: Tolerance,
    consensus: f64,
) {
    const SCAN: usize = 512;
    let subject = groups.fact(conflict.subject);
    let peer = |i: usize| groups.fact(peers[i]);
    let at = peers.partition_point(|&f| groups.fact(f).day < subject.day);
    let contradicts = |i: usize| {
        let theirs = Interval::of(peer(i), tolerance);
        peer(i).source != subject.source && theirs.contains(consensus) && !theirs.overlaps(mine)
    };
    let (mut left, mut right) = (at, at);
    for _ in 0..SCAN {
        let found = usize::from(conflict.against_len);
        if found == MAX_RELATED || (left == 0 && right == peers.len()) {
            break;
        }
        // take the nearer side next, preferring later figures on a tie
        let take_right = right < peers.len()
            && (left == 0
                || days_apart(peer(right), subject) <= days_apart(peer(left - 1), subject));
        let i = if take_right {
            right += 1;
            right - 1
        } else {
            left -= 1;
            left
        };
        if contradicts(i) {
            conflict.against[found] = peers[i];
            conflict.against_len += 1;
        }
    }
}

/// The value allowed by the figures of the most distinct sources (ties:
/// the most figures, then the lowest value), found by a sweep over the
/// interval ends: n log n.
fn consensus(groups: &Groups<'_>, peers: &[u32], tolerance: Tolerance) -> Option<f64> {
    let fact = |i: u32| groups.fact(peers[i as usize]);
    let interval = |i: u32| Interval::of(fact(i), tolerance);
    // Intervals by low end to open them, by high end to close them; at one
    // value opens go first, so touching intervals agree. The order among
    // equal ends does not change the result.
    let mut opens: Vec<u32> = (0..peers.len() as u32).collect();
    let mut closes = opens.clone();
    opens.sort_unstable_by(|&a, &b| interval(a).low.total_cmp(&interval(b).low));
    closes.sort_unstable_by(|&a, &b| interval(a).high.total_cmp(&interval(b).high));
    // sources as dense ids, to count the figures each has open
    let mut sources: Vec<u32> = peers.iter().map(|&f| groups.fact(f).source).collect();
    sources.sort_unstable();
    sources.dedup();
    let source_of = |i: u32| sources.partition_point(|&s| s < fact(i).source);
    let mut open_of = vec![0u32; sources.len()];
    let (mut open, mut open_sources) = (0usize, 0usize);
    let mut best: Option<(usize, usize, f64)> = None;
    let mut closed = 0;
    for &i in &opens {
        let low = interval(i).low;
        while closed < closes.len() && interval(closes[closed]).high.total_cmp(&low).is_lt() {
            let source = source_of(closes[closed]);
            open -= 1;
            open_of[source] -= 1;
            open_sources -= usize::from(open_of[source] == 0);
            closed += 1;
        }
        let source = source_of(i);
        open += 1;
        open_sources += usize::from(open_of[source] == 0);
        open_of[source] += 1;
        if best.is_none_or(|(s, n, _)| (open_sources, open) > (s, n)) {
            best = Some((open_sources, open, low));
        }
    }
    best.map(|(_, _, value)| value)
}
