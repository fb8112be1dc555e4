//! `conflict`: two sources give the same metric for overlapping dates (any
//! date for a fixed event) and the intervals their hedges allow do not
//! overlap. Example: `20,057` killed (Civic Ledger, 2023-12-21) against
//! `more than 30,000` (Harbor Daily, 2023-12-21).
//!
//! Per metric and day, the point covered by the most sources is the
//! consensus; each figure that misses it and contradicts a figure that
//! holds it is reported once, against the nearest such figures.

use std::fmt;
use std::ops::Range;

use super::{Context, Day, Describe, Detail, Groups, Interval, amount, days_apart, float_key};
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
    let mut scratch = Scratch::default();
    if fixed {
        report(groups, facts, 0..facts.len(), tolerance, &mut scratch, out);
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
        let (peers, subjects) = (&dated[lo..hi], i - lo..j - lo);
        report(groups, peers, subjects, tolerance, &mut scratch, out);
        i = j;
    }
}

fn shift(day: Day, days: i64) -> Day {
    let date = day
        .date()
        .map(|d| d.checked_add(jiff::Span::new().days(days)).unwrap_or(d));
    Day::of(date)
}

/// A figure as the comparisons of its day read it, gathered once so that
/// they never go back to the corpus. Its index in the corpus sits at the
/// same position in the peers' indices.
struct Peer {
    interval: Interval,
    day: Day,
    /// The article, numbered among the peers' articles from zero.
    source: u32,
}

/// The buffers `report` fills for each day, kept from one day to the next
/// so that the days of a metric cost no allocations.
#[derive(Default)]
struct Scratch {
    peers: Vec<Peer>,
    by_source: Vec<(u32, u32)>,
    sweep: Sweep,
}

/// Reports the figures of `peers[subjects]` that contradict the consensus
/// of `peers`.
fn report(
    groups: &Groups<'_>,
    peers: &[u32],
    subjects: Range<usize>,
    tolerance: Tolerance,
    scratch: &mut Scratch,
    out: &mut Vec<Detail>,
) {
    if peers.len() < 2 {
        return;
    }
    let indices = peers;
    let peers = &mut scratch.peers;
    peers.clear();
    peers.extend(indices.iter().map(|&f| {
        let fact = groups.fact(f);
        Peer {
            interval: Interval::of(fact, tolerance),
            day: fact.day,
            source: fact.source,
        }
    }));
    let sources = number_sources(peers, &mut scratch.by_source);
    let Some(consensus) = consensus(peers, sources, &mut scratch.sweep) else {
        return;
    };
    for subject in subjects {
        if peers[subject].interval.contains(consensus) {
            continue;
        }
        let conflict = nearest_against(indices, peers, subject, consensus);
        if conflict.against_len > 0 {
            out.push(Detail::Conflict(conflict));
        }
    }
}

/// Numbers the articles of `peers` from zero, so that figures can be
/// counted per article in a plain array; returns how many there are.
fn number_sources(peers: &mut [Peer], by_source: &mut Vec<(u32, u32)>) -> usize {
    by_source.clear();
    by_source.extend((peers.iter().enumerate()).map(|(i, p)| (p.source, i as u32)));
    by_source.sort_unstable();
    let mut sources = 0;
    for (k, &(source, i)) in by_source.iter().enumerate() {
        sources += u32::from(k == 0 || by_source[k - 1].0 != source);
        peers[i as usize].source = sources - 1;
    }
    sources as usize
}

impl Conflict {
    pub(super) fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe) {
        let subject = cx.fact(self.subject);
        let against = &self.against[..usize::from(self.against_len)];
        let metric = cx.pack.metric(subject.metric as usize);
        let first = cx.fact(against[0]);
        // a fixed event is compared across all dates
        let day = subject
            .day
            .date()
            .filter(|_| metric.kind != MetricKind::Fixed);
        let when = fmt::from_fn(|f| match day {
            Some(day) => write!(f, " for {day}"),
            None => Ok(()),
        });
        cx.finding(
            out,
            Some(subject.metric),
            format_args!(
                "{}{when}: {} conflicts with {} reported by {}",
                metric.id,
                amount(subject),
                amount(first),
                cx.corpus.provenance(first)
            ),
        );
        let labelled = std::iter::once(subject).chain(against.iter().map(|&f| cx.fact(f)));
        for fact in labelled {
            let provenance = cx.corpus.provenance(fact);
            cx.label(out, fact, format_args!("{} ({provenance})", amount(fact)));
        }
    }
}

/// Up to `MAX_RELATED` figures of other sources that hold the consensus
/// and contradict `peers[subject]`, nearest in date first: a scan outwards
/// from the subject's date over `peers` (sorted by date), bounded so that a
/// metric with thousands of figures stays cheap.
fn nearest_against(indices: &[u32], peers: &[Peer], subject: usize, consensus: f64) -> Conflict {
    const SCAN: usize = 512;
    let me = &peers[subject];
    let mut conflict = Conflict {
        subject: indices[subject],
        against: [0; MAX_RELATED],
        against_len: 0,
    };
    let at = peers.partition_point(|p| p.day < me.day);
    let contradicts = |p: &Peer| {
        p.source != me.source && p.interval.contains(consensus) && !p.interval.overlaps(me.interval)
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
                || days_apart(peers[right].day, me.day) <= days_apart(peers[left - 1].day, me.day));
        let i = if take_right {
            right += 1;
            right - 1
        } else {
            left -= 1;
            left
        };
        if contradicts(&peers[i]) {
            conflict.against[found] = indices[i];
            conflict.against_len += 1;
        }
    }
    conflict
}

/// What the sweep of `consensus` orders and counts.
#[derive(Default)]
struct Sweep {
    opens: Vec<u32>,
    closes: Vec<u32>,
    /// Figures open per article.
    open_of: Vec<u32>,
}

/// The value allowed by the figures of the most distinct sources (ties:
/// the most figures, then the lowest value), found by a sweep over the
/// interval ends: n log n.
fn consensus(peers: &[Peer], sources: usize, sweep: &mut Sweep) -> Option<f64> {
    // Intervals by low end to open them, by high end to close them; at one
    // value opens go first, so touching intervals agree. The order among
    // equal ends does not change the result.
    let low = |i: u32| peers[i as usize].interval.low;
    let high = |i: u32| peers[i as usize].interval.high;
    let Sweep {
        opens,
        closes,
        open_of,
    } = sweep;
    opens.clear();
    opens.extend(0..peers.len() as u32);
    closes.clear();
    closes.extend_from_slice(opens);
    opens.sort_unstable_by_key(|&i| float_key(low(i)));
    closes.sort_unstable_by_key(|&i| float_key(high(i)));
    open_of.clear();
    open_of.resize(sources, 0);
    let source_of = |i: u32| peers[i as usize].source as usize;
    let (mut open, mut open_sources) = (0usize, 0usize);
    let mut best: Option<(usize, usize, f64)> = None;
    let mut closed = 0;
    for &i in opens.iter() {
        let low = low(i);
        while closed < closes.len() && high(closes[closed]).total_cmp(&low).is_lt() {
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
