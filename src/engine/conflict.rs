//! `conflict`: two sources give the same metric for overlapping dates (any
//! date for a fixed event) and the intervals their hedges allow do not
//! overlap. Example: `20,057` killed (Civic Ledger, 2023-12-21) against
//! `more than 30,000` (Harbor Daily, 2023-12-21).
//!
//! Per metric and day, the point covered by the most sources is the
//! consensus; each figure that misses it and contradicts a figure that
//! holds it is reported once, against the nearest such figures.

use jiff::civil::Date;

use super::{Context, Fact, Finding, Interval, amount, days_apart};
use crate::rules::{MetricKind, Tolerance};

/// At most this many contradicting figures are labelled per finding.
const MAX_RELATED: usize = 3;

pub(super) fn run(
    cx: &Context<'_>,
    tolerance: Tolerance,
    window_days: u32,
    out: &mut Vec<Finding>,
) {
    for (metric, facts) in cx.by_metric() {
        let fixed = cx.pack.metric(metric as usize).kind == MetricKind::Fixed;
        if fixed {
            report(cx, metric, &facts, &facts, tolerance, None, out);
            continue;
        }
        let dated: Vec<&Fact> = facts.into_iter().filter(|f| f.day.is_some()).collect();
        // Each run of one day is compared with the figures within the window.
        let mut i = 0;
        while i < dated.len() {
            let day = dated[i].day.expect("dated");
            let j = i + dated[i..].partition_point(|f| f.day == Some(day));
            let lo = dated
                .partition_point(|f| f.day.expect("dated") < shift(day, -(window_days as i64)));
            let hi =
                dated.partition_point(|f| f.day.expect("dated") <= shift(day, window_days as i64));
            report(
                cx,
                metric,
                &dated[i..j],
                &dated[lo..hi],
                tolerance,
                Some(day),
                out,
            );
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
    cx: &Context<'_>,
    metric: u16,
    subjects: &[&Fact],
    peers: &[&Fact],
    tolerance: Tolerance,
    day: Option<Date>,
    out: &mut Vec<Finding>,
) {
    if peers.len() < 2 {
        return;
    }
    let intervals: Vec<Interval> = peers.iter().map(|f| Interval::of(f, tolerance)).collect();
    let Some(consensus) = consensus(peers, &intervals) else {
        return;
    };
    for subject in subjects {
        let mine = Interval::of(subject, tolerance);
        if mine.contains(consensus) {
            continue;
        }
        let mut against: Vec<(&Fact, Interval)> = peers
            .iter()
            .zip(&intervals)
            .filter(|(f, i)| {
                f.source != subject.source && i.contains(consensus) && !i.overlaps(mine)
            })
            .map(|(f, i)| (*f, *i))
            .collect();
        if against.is_empty() {
            continue;
        }
        // nearest first: by distance in days, then by corpus order
        against.sort_by_key(|(f, _)| (days_apart(f, subject), f.source, f.start));
        against.truncate(MAX_RELATED);
        let metric_id = &cx.pack.metric(metric as usize).id;
        let (first, _) = against[0];
        let when = day.map_or(String::new(), |d| format!(" for {d}"));
        let message = format!(
            "{metric_id}{when}: {} conflicts with {} reported by {}",
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
                .map(|(f, _)| cx.label(f, format!("{} ({})", amount(f), cx.corpus.provenance(f)))),
        );
        out.push(cx.finding(Some(metric), message, labels));
    }
}

/// The value allowed by the figures of the most distinct sources (ties:
/// the most figures, then the lowest value), found by a sweep over the
/// interval ends: n log n.
fn consensus(facts: &[&Fact], intervals: &[Interval]) -> Option<f64> {
    let mut events: Vec<(f64, bool, usize)> = Vec::with_capacity(intervals.len() * 2);
    for (i, interval) in intervals.iter().enumerate() {
        events.push((interval.low, true, i));
        events.push((interval.high, false, i));
    }
    // opens before closes at the same value, so touching intervals agree
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut open_sources: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut open = 0usize;
    let mut best: Option<(usize, usize, f64)> = None;
    for (value, opens, i) in events {
        let source = facts[i].source;
        if opens {
            open += 1;
            *open_sources.entry(source).or_default() += 1;
            let score = (open_sources.len(), open);
            if best.is_none_or(|(s, n, _)| score > (s, n)) {
                best = Some((score.0, score.1, value));
            }
        } else {
            open -= 1;
            if let Some(count) = open_sources.get_mut(&source) {
                *count -= 1;
                if *count == 0 {
                    open_sources.remove(&source);
                }
            }
        }
    }
    best.map(|(_, _, value)| value)
}
