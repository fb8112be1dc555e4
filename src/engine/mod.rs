//! The rule engine: every check of the pack runs over the claims of all
//! articles together. Claims are kept compact (`Fact`: no text, interned
//! outlets), grouped by metric and sorted by date, so each check costs
//! n log n in the number of claims, never all pairs of sources.
//!
//! One file per check kind; each opens with what it checks and why.

mod attribution;
mod conflict;
mod consistency;
mod interval;
mod metadata;
mod monotonic;
mod range;
mod rate;

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;

use crate::article::{Article, InputProblem};
use crate::classify::Claim;
use crate::extract::Qualifier;
use crate::rules::{CheckDef, CheckKind, Pack, Severity};

pub use interval::Interval;

/// A claim with a metric, as the checks see it: 32 bytes, no text. A
/// corpus holds millions, so its day is packed in four bytes, whether it
/// was attributed is kept beside it (`Corpus::attributed`), and its span
/// is a start and a short length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    /// The figure as stated: equal ends for a point.
    pub low: f64,
    pub high: f64,
    /// Index of the article in `Corpus::sources`.
    pub source: u32,
    pub start: u32,
    /// The day the figure describes.
    pub day: Day,
    pub metric: u16,
    pub qualifier: Qualifier,
    /// Bytes of the figure's words, at most 255.
    pub len: u8,
}

impl Fact {
    pub fn end(&self) -> usize {
        self.start as usize + usize::from(self.len)
    }
}

/// The length of a span as a fact keeps it: a figure's words are a few
/// dozen bytes, and a longer span is cut at a character boundary.
fn short_len(text: &str, span: Range<usize>) -> u8 {
    (0..=span.len().min(255))
        .rev()
        .find(|&len| text.is_char_boundary(span.start + len))
        .map_or(0, |len| len as u8)
}

const _: () = assert!(std::mem::size_of::<Fact>() == 32);

/// A day or none, in four bytes (`Option<Date>` takes six), ordered as
/// `Option<Date>` is: undated first, then by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(u32);

impl Day {
    pub const UNDATED: Day = Day(0);

    /// Packs year, month and day as digits of one number (years run from
    /// -9999 to 9999), so the number orders as the dates do; no date packs
    /// to zero, as months count from one.
    pub fn of(date: Option<Date>) -> Day {
        date.map_or(Day::UNDATED, |d| {
            let year = (i32::from(d.year()) + 10_000) as u32;
            Day((year * 16 + d.month() as u32) * 32 + d.day() as u32)
        })
    }

    pub fn date(self) -> Option<Date> {
        if self == Day::UNDATED {
            return None;
        }
        let year = (self.0 / 512) as i32 - 10_000;
        let month = (self.0 / 32 % 16) as i8;
        Date::new(year as i16, month, (self.0 % 32) as i8).ok()
    }

    pub fn is_dated(self) -> bool {
        self != Day::UNDATED
    }

    /// A number that orders days as dates do, undated last.
    pub fn last_key(self) -> u32 {
        if self.is_dated() { self.0 } else { u32::MAX }
    }
}

/// An article, as the checks and reports need it.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Index into `Corpus::files`.
    pub file: u32,
    /// For a JSON Lines record, its line (lines count from 1).
    pub line: Option<NonZeroU32>,
    /// Index into `Corpus::outlets`.
    pub outlet: Option<u32>,
    /// Whether the article gives its publication date: no check needs the
    /// date itself, and a corpus holds hundreds of thousands of sources.
    pub dated: bool,
}

/// All claims of a run, without the texts they came from.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The files read, each named once however many articles it holds.
    pub files: Vec<Arc<str>>,
    pub sources: Vec<Source>,
    pub outlets: Vec<String>,
    pub facts: Vec<Fact>,
    /// For each fact, whether its sentence names a source.
    pub attributed: Vec<bool>,
    /// Mentions read, with or without a metric.
    pub mentions: usize,
    file_ids: HashMap<Arc<str>, u32>,
    outlet_ids: HashMap<String, u32>,
}

impl Corpus {
    /// Adds an article and the claims that have a metric.
    pub fn add(&mut self, article: &Article, claims: &[Claim]) {
        let source = self.sources.len() as u32;
        let file = self.file_id(&article.file);
        let outlet = article.meta.outlet.as_ref().map(|o| self.intern(o));
        self.sources.push(Source {
            file,
            line: article
                .line
                .and_then(|l| NonZeroU32::new(u32::try_from(l).ok()?)),
            outlet,
            dated: article.meta.date.is_some(),
        });
        self.mentions += claims.len();
        for claim in claims {
            let Some(metric) = claim.metric else { continue };
            let m = &claim.mention;
            self.facts.push(Fact {
                low: m.amount.low(),
                high: m.amount.high(),
                source,
                start: m.start as u32,
                day: Day::of(claim.as_of.map(|w| w.day)),
                metric: metric as u16,
                qualifier: m.qualifier,
                len: short_len(&article.text, m.start..m.end),
            });
            self.attributed.push(claim.attribution.is_some());
        }
    }

    /// The articles of a file come one after another: only a new file
    /// costs a lookup.
    fn file_id(&mut self, file: &Arc<str>) -> u32 {
        let last = self.files.len().checked_sub(1);
        if let Some(last) = last
            && self.files[last] == *file
        {
            return last as u32;
        }
        if let Some(&id) = self.file_ids.get(file) {
            return id;
        }
        let id = self.files.len() as u32;
        self.files.push(file.clone());
        self.file_ids.insert(file.clone(), id);
        id
    }

    fn intern(&mut self, outlet: &str) -> u32 {
        if let Some(&id) = self.outlet_ids.get(outlet) {
            return id;
        }
        let id = self.outlets.len() as u32;
        self.outlets.push(outlet.to_string());
        self.outlet_ids.insert(outlet.to_string(), id);
        id
    }

    pub fn outlet(&self, source: u32) -> Option<&str> {
        let outlet = self.sources[source as usize].outlet?;
        Some(&self.outlets[outlet as usize])
    }

    /// How reports name an article.
    pub fn name(&self, source: u32) -> Name<'_> {
        let source = &self.sources[source as usize];
        Name {
            file: &self.files[source.file as usize],
            line: source.line,
        }
    }

    /// `Civic Ledger, 2023-12-21`: who gave a figure, and for which day.
    pub fn provenance(&self, fact: &Fact) -> impl fmt::Display {
        let outlet = self.outlet(fact.source).unwrap_or("unknown outlet");
        let day = fact.day.date();
        // pieces written one by one, as a message formats many of these
        fmt::from_fn(move |f| {
            f.write_str(outlet)?;
            match day {
                Some(day) => {
                    f.write_str(", ")?;
                    fmt::Display::fmt(&day, f)
                }
                None => f.write_str(", undated"),
            }
        })
    }
}

/// How reports name an article: its path, `path:LINE` for a record.
#[derive(Debug, Clone, Copy)]
pub struct Name<'a> {
    file: &'a Arc<str>,
    line: Option<NonZeroU32>,
}

impl Name<'_> {
    /// The name as a label keeps it: a file's own name is shared.
    pub fn to_arc(self) -> Arc<str> {
        match self.line {
            Some(_) => self.to_string().into(),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file)?;
        match self.line {
            Some(line) => {
                f.write_str(":")?;
                fmt::Display::fmt(&line, f)
            }
            None => Ok(()),
        }
    }
}

/// A labelled span in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: Arc<str>,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

/// One result of a check, spelled out for a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The metric id, for findings about a metric.
    pub metric: Option<String>,
    /// The primary label first, then the other claims involved.
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

/// The rule id of findings about unreadable input.
pub const INPUT_RULE: &str = "input";

impl Finding {
    /// An input problem (unreadable file, broken line, bad date) as a finding.
    pub fn input(problem: &InputProblem) -> Finding {
        let span = problem.span.clone().unwrap_or(0..0);
        Finding {
            rule: INPUT_RULE.to_string(),
            severity: Severity::Error,
            message: problem.message.clone(),
            metric: None,
            labels: vec![Label {
                file: Arc::from(problem.name.as_str()),
                start: span.start,
                end: span.end,
                message: "here".to_string(),
            }],
            help: problem.help.clone(),
        }
    }
}

/// Takes a finding part by part, as its check writes it out: the finding,
/// then its labels, the primary first. `Findings::get` collects the parts
/// into a `Finding`; a renderer can write them as they come instead, with
/// no strings built for them.
pub trait Describe {
    fn finding(
        &mut self,
        rule: &str,
        severity: Severity,
        message: fmt::Arguments<'_>,
        metric: Option<&str>,
        help: Option<&str>,
    );

    fn label(&mut self, file: Name<'_>, span: Range<usize>, message: fmt::Arguments<'_>);
}

/// Collects the parts of a finding into a `Finding`.
struct Collect(Option<Finding>);

impl Describe for Collect {
    fn finding(
        &mut self,
        rule: &str,
        severity: Severity,
        message: fmt::Arguments<'_>,
        metric: Option<&str>,
        help: Option<&str>,
    ) {
        self.0 = Some(Finding {
            rule: rule.to_string(),
            severity,
            message: message.to_string(),
            metric: metric.map(str::to_string),
            labels: Vec::new(),
            help: help.map(str::to_string),
        });
    }

    fn label(&mut self, file: Name<'_>, span: Range<usize>, message: fmt::Arguments<'_>) {
        let finding = self.0.as_mut().expect("a finding comes before its labels");
        finding.labels.push(Label {
            file: file.to_arc(),
            start: span.start,
            end: span.end,
            message: message.to_string(),
        });
    }
}

/// What a check found, as indices into the corpus. Messages and labels
/// are written out only when a finding is reported, so a run with many
/// findings holds a few words for each.
#[derive(Debug, Clone, Copy)]
enum Detail {
    Conflict(conflict::Conflict),
    Monotonic(monotonic::Reversal),
    Rate(rate::Jump),
    Range(range::OutOfRange),
    Attribution(attribution::Unattributed),
    Consistency(consistency::Restated),
    Metadata(metadata::Missing),
}

impl Detail {
    /// Where the primary label points: the article, and the position in it.
    fn at(&self, facts: &[Fact]) -> (u32, u32) {
        let fact = match self {
            Detail::Conflict(d) => d.subject,
            Detail::Monotonic(d) => d.fact,
            Detail::Rate(d) => d.later,
            Detail::Range(d) => d.fact,
            Detail::Attribution(d) => d.fact,
            Detail::Consistency(d) => d.later,
            Detail::Metadata(d) => return (d.source, 0),
        };
        let fact = &facts[fact as usize];
        (fact.source, fact.start)
    }

    /// Written out with the parameters of the check that found it, as its
    /// `run` was given them.
    fn describe(&self, cx: &Context<'_>, out: &mut dyn Describe) {
        match (self, &cx.check.kind) {
            (Detail::Conflict(d), _) => d.describe(cx, out),
            (Detail::Monotonic(d), _) => d.describe(cx, out),
            (
                Detail::Rate(d),
                CheckKind::Rate {
                    max_per_day,
                    tolerance,
                },
            ) => d.describe(cx, out, *max_per_day, *tolerance),
            (Detail::Range(d), CheckKind::Range { min, max }) => d.describe(cx, out, *min, *max),
            (Detail::Attribution(d), _) => d.describe(cx, out),
            (Detail::Consistency(d), _) => d.describe(cx, out),
            (Detail::Metadata(d), CheckKind::Metadata { require }) => d.describe(cx, out, require),
            _ => unreachable!("a finding is written by the kind of check that found it"),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Detection {
    /// Index of the check in the pack.
    check: u16,
    detail: Detail,
}

/// The findings of a run, in report order: the checks' findings by
/// article and position, then findings given whole (input problems).
pub struct Findings<'a> {
    pack: &'a Pack,
    corpus: &'a Corpus,
    detected: Vec<Detection>,
    given: Vec<Finding>,
}

impl<'a> Findings<'a> {
    /// No findings yet, about `corpus` checked with `pack`.
    pub fn new(pack: &'a Pack, corpus: &'a Corpus) -> Findings<'a> {
        Findings {
            pack,
            corpus,
            detected: Vec::new(),
            given: Vec::new(),
        }
    }

    /// Adds a finding after all others.
    pub fn push(&mut self, finding: Finding) {
        self.given.push(finding);
    }

    pub fn len(&self) -> usize {
        self.detected.len() + self.given.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The severity of each finding, in order, without writing any out.
    pub fn severities(&self) -> impl Iterator<Item = Severity> + '_ {
        let detected = self
            .detected
            .iter()
            .map(|d| self.pack.checks[usize::from(d.check)].severity);
        detected.chain(self.given.iter().map(|f| f.severity))
    }

    /// Every finding, written out one at a time.
    pub fn iter(&self) -> impl Iterator<Item = Finding> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The finding at `index` in report order, written out.
    pub fn get(&self, index: usize) -> Finding {
        let mut collect = Collect(None);
        self.describe(index, &mut collect);
        collect.0.expect("every finding is described")
    }

    /// The finding at `index` in report order, part by part into `out`.
    pub fn describe(&self, index: usize, out: &mut dyn Describe) {
        let Some(d) = self.detected.get(index) else {
            let given = &self.given[index - self.detected.len()];
            out.finding(
                &given.rule,
                given.severity,
                format_args!("{}", given.message),
                given.metric.as_deref(),
                given.help.as_deref(),
            );
            for label in &given.labels {
                // a given label's file is its whole name, line and all
                let file = Name {
                    file: &label.file,
                    line: None,
                };
                out.label(
                    file,
                    label.start..label.end,
                    format_args!("{}", label.message),
                );
            }
            return;
        };
        let cx = Context {
            check: &self.pack.checks[usize::from(d.check)],
            pack: self.pack,
            corpus: self.corpus,
        };
        d.detail.describe(&cx, out);
    }
}

/// What a check needs to describe its findings: the check, the pack and
/// the corpus.
pub(crate) struct Context<'a> {
    pub check: &'a CheckDef,
    pub pack: &'a Pack,
    pub corpus: &'a Corpus,
}

impl<'a> Context<'a> {
    pub(crate) fn fact(&self, index: u32) -> &'a Fact {
        &self.corpus.facts[index as usize]
    }

    /// Describes the finding: which check found what, about which metric.
    pub(crate) fn finding(
        &self,
        out: &mut dyn Describe,
        metric: Option<u16>,
        message: fmt::Arguments<'_>,
    ) {
        out.finding(
            &self.check.id,
            self.check.severity,
            message,
            metric.map(|m| self.pack.metric(m as usize).id.as_str()),
            self.check.help.as_deref(),
        );
    }

    /// Describes a label on the figure of `fact`.
    pub(crate) fn label(&self, out: &mut dyn Describe, fact: &Fact, message: fmt::Arguments<'_>) {
        let span = fact.start as usize..fact.end();
        out.label(self.corpus.name(fact.source), span, message);
    }
}

/// The facts of each metric as indices into `Corpus::facts`, sorted once
/// for all checks: by day (undated last), then by source and position.
pub(crate) struct Groups<'a> {
    facts: &'a [Fact],
    order: Vec<u32>,
    /// Per metric, its run in `order`.
    runs: Vec<Range<usize>>,
}

impl<'a> Groups<'a> {
    /// Facts are stored article by article in text order, so an index
    /// already orders by source and position: one counting pass groups the
    /// indices by metric, then each group is sorted as plain integers by
    /// day and index.
    fn new(facts: &'a [Fact], metrics: usize) -> Groups<'a> {
        let mut runs = vec![0..0; metrics];
        for fact in facts {
            runs[usize::from(fact.metric)].end += 1;
        }
        let mut start = 0;
        for run in &mut runs {
            *run = start..start + run.end;
            start = run.end;
        }
        let mut next: Vec<usize> = runs.iter().map(|r| r.start).collect();
        // the day of each index beside it, so that the keys are built from
        // two arrays read in order rather than from facts all over the corpus
        let mut order = vec![0; facts.len()];
        let mut days = vec![0; facts.len()];
        for (i, fact) in facts.iter().enumerate() {
            let at = &mut next[usize::from(fact.metric)];
            order[*at] = i as u32;
            days[*at] = fact.day.last_key();
            *at += 1;
        }
        for run in &runs {
            let mut keys: Vec<u64> = (order[run.clone()].iter().zip(&days[run.clone()]))
                .map(|(&i, &day)| u64::from(day) << 32 | u64::from(i))
                .collect();
            rayon::slice::ParallelSliceMut::par_sort_unstable(&mut keys[..]);
            for (slot, key) in order[run.clone()].iter_mut().zip(keys) {
                *slot = key as u32;
            }
        }
        Groups { facts, order, runs }
    }

    /// The facts of each metric the check covers.
    pub(crate) fn of(&self, check: &CheckDef) -> Vec<(u16, &[u32])> {
        check
            .metrics
            .iter()
            .map(|&m| {
                let run = self.runs.get(m).cloned().unwrap_or(0..0);
                (m as u16, &self.order[run])
            })
            .collect()
    }

    pub(crate) fn fact(&self, index: u32) -> &'a Fact {
        &self.facts[index as usize]
    }
}

/// A number that orders floats as `f64::total_cmp` does.
pub(crate) fn float_key(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// A check (its index in the pack) over the facts of one metric, or over
/// the whole corpus for the checks that do not go metric by metric.
type Task<'g> = (usize, Option<(u16, &'g [u32])>);

/// Runs every check of the pack. Findings come back in a stable order:
/// by article and position of their primary label, then by check.
pub fn run<'a>(pack: &'a Pack, corpus: &'a Corpus) -> Findings<'a> {
    use rayon::prelude::*;
    let facts = &corpus.facts;
    let groups = Groups::new(facts, pack.metrics.len());
    // Checks are independent, and most work metric by metric: each check
    // of each metric is a task, the largest first, so that two large checks
    // do not end up queued on one thread.
    let mut tasks: Vec<Task<'_>> = Vec::new();
    for (c, check) in pack.checks.iter().enumerate() {
        match check.kind {
            CheckKind::Consistency { .. } | CheckKind::Metadata { .. } => tasks.push((c, None)),
            _ => tasks.extend(groups.of(check).into_iter().map(|g| (c, Some(g)))),
        }
    }
    let size = |task: &Task<'_>| task.1.map_or(facts.len(), |g| g.1.len());
    tasks.sort_by_key(|task| std::cmp::Reverse(size(task)));
    let per_task: Vec<(u16, Vec<Detail>)> = tasks
        .into_par_iter()
        .with_max_len(1)
        .map(|(c, scope)| {
            let check = &pack.checks[c];
            let cx = Context {
                check,
                pack,
                corpus,
            };
            let mut details = Vec::new();
            let out = &mut details;
            let g = &groups;
            match (&check.kind, scope) {
                (CheckKind::Consistency { tolerance }, _) => consistency::run(&cx, *tolerance, out),
                (CheckKind::Metadata { require }, _) => metadata::run(&cx, require, out),
                // every other check was given its metrics one by one
                (_, None) => {}
                (
                    CheckKind::Conflict {
                        tolerance,
                        window_days,
                    },
                    Some((m, f)),
                ) => conflict::run(&cx, g, m, f, *tolerance, *window_days, out),
                (
                    CheckKind::Monotonic {
                        tolerance,
                        direction,
                    },
                    Some((m, f)),
                ) => monotonic::run(&cx, g, m, f, *tolerance, *direction, out),
                (
                    CheckKind::Rate {
                        max_per_day,
                        tolerance,
                    },
                    Some((m, f)),
                ) => rate::run(&cx, g, m, f, *max_per_day, *tolerance, out),
                (CheckKind::Range { min, max }, Some((m, f))) => {
                    range::run(&cx, g, m, f, *min, *max, out)
                }
                (CheckKind::Attribution, Some((_, f))) => {
                    attribution::run(&corpus.attributed, f, out)
                }
            }
            details.shrink_to_fit();
            (c as u16, details)
        })
        .collect();
    // no task needs the groups now: free them before the findings are
    // gathered and sorted, the run's largest moment
    drop(groups);
    let mut detected = Vec::with_capacity(per_task.iter().map(|t| t.1.len()).sum());
    for (check, details) in per_task {
        detected.extend(
            details
                .into_iter()
                .map(|detail| Detection { check, detail }),
        );
    }
    // By article and position of the primary label, then by the order of
    // the checks in the pack: a check reports a spot once, so no two keys
    // are equal and the order is deterministic whatever order the tasks
    // ran and were collected in. Each key is looked up in the corpus once.
    detected.par_sort_by_cached_key(|d| {
        let (source, start) = d.detail.at(facts);
        (source, start, d.check)
    });
    Findings {
        pack,
        corpus,
        detected,
        given: Vec::new(),
    }
}

/// Days between two days; undated ones are furthest.
pub(crate) fn days_apart(a: Day, b: Day) -> i64 {
    match (a.date(), b.date()) {
        (Some(x), Some(y)) => days_between(y, x).abs(),
        _ => i64::MAX,
    }
}

/// Days from `earlier` to `later`: what `later - earlier` spans, without
/// the cost of building a `Span`, which the scans of `conflict` would pay
/// at every step.
pub(crate) fn days_between(earlier: Date, later: Date) -> i64 {
    later.duration_since(earlier).as_secs() / 86_400
}

/// `more than 20,000`, `about 240`, `8–10`: a figure as people read it,
/// written straight into the message that holds it.
pub(crate) fn amount(fact: &Fact) -> impl fmt::Display {
    use crate::output::number;
    let (low, high, qualifier) = (fact.low, fact.high, fact.qualifier);
    // pieces written one by one, as a message formats several of these
    fmt::from_fn(move |f| {
        f.write_str(match qualifier {
            Qualifier::Exact | Qualifier::Range => "",
            Qualifier::About => "about ",
            Qualifier::Over => "more than ",
            Qualifier::Under => "up to ",
        })?;
        fmt::Display::fmt(&number(low), f)?;
        if qualifier == Qualifier::Range {
            f.write_str("–")?;
            fmt::Display::fmt(&number(high), f)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_pack_and_order_as_dates() {
        let dates = [
            None,
            Some(jiff::civil::date(-9999, 1, 1)),
            Some(jiff::civil::date(2023, 10, 7)),
            Some(jiff::civil::date(2023, 12, 31)),
            Some(jiff::civil::date(2024, 2, 29)),
            Some(jiff::civil::date(9999, 12, 31)),
        ];
        for pair in dates.windows(2) {
            assert!(Day::of(pair[0]) < Day::of(pair[1]));
            assert!(Day::of(pair[0]).last_key() != Day::of(pair[1]).last_key());
        }
        for date in dates {
            assert_eq!(Day::of(date).date(), date);
        }
        assert_eq!(Day::UNDATED.last_key(), u32::MAX);
    }

    #[test]
    fn long_spans_are_cut_at_a_character() {
        assert_eq!(short_len("about 1,200 people", 0..11), 11);
        let long = format!("{}é tail", "x".repeat(254));
        // 255 bytes would end inside `é`, so the span stops before it
        assert_eq!(short_len(&long, 0..long.len()), 254);
        assert_eq!(short_len(&"y".repeat(400), 0..400), 255);
    }
}
