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

use std::sync::Arc;

use jiff::civil::Date;

use crate::article::{Article, InputProblem};
use crate::classify::Claim;
use crate::extract::Qualifier;
use crate::rules::{CheckDef, CheckKind, Pack, Severity};

pub use interval::Interval;

/// A claim with a metric, as the checks see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    /// Index of the article in `Corpus::sources`.
    pub source: u32,
    pub metric: u16,
    pub start: u32,
    pub end: u32,
    /// The figure as stated: equal ends for a point.
    pub low: f64,
    pub high: f64,
    pub qualifier: Qualifier,
    /// The day the figure describes, and the first day of its period.
    pub day: Option<Date>,
    pub from: Option<Date>,
    pub attributed: bool,
}

/// An article, as the checks and reports need it.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: Arc<str>,
    pub published: Option<Date>,
    /// Index into `Corpus::outlets`.
    pub outlet: Option<u32>,
}

/// All claims of a run, without the texts they came from.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub outlets: Vec<String>,
    pub facts: Vec<Fact>,
    /// Mentions read, with or without a metric.
    pub mentions: usize,
    outlet_ids: std::collections::HashMap<String, u32>,
}

impl Corpus {
    /// Adds an article and the claims that have a metric.
    pub fn add(&mut self, article: &Article, claims: &[Claim]) {
        let source = self.sources.len() as u32;
        let outlet = article.meta.outlet.as_ref().map(|o| self.intern(o));
        self.sources.push(Source {
            name: article.name.clone(),
            published: article.meta.date,
            outlet,
        });
        self.mentions += claims.len();
        for claim in claims {
            let Some(metric) = claim.metric else { continue };
            let m = &claim.mention;
            self.facts.push(Fact {
                source,
                metric: metric as u16,
                start: m.start as u32,
                end: m.end as u32,
                low: m.amount.low(),
                high: m.amount.high(),
                qualifier: m.qualifier,
                day: claim.as_of.map(|w| w.day),
                from: claim.as_of.and_then(|w| w.from),
                attributed: claim.attribution.is_some(),
            });
        }
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

    /// `Civic Ledger, 2023-12-21`: who gave a figure, and for which day.
    pub fn provenance(&self, fact: &Fact) -> String {
        let outlet = self.outlet(fact.source).unwrap_or("unknown outlet");
        match fact.day {
            Some(day) => format!("{outlet}, {day}"),
            None => format!("{outlet}, undated"),
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

/// One result of a check, plain data; reports are built from it at the
/// output edge.
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

/// What a check kind needs to report: the check, the pack and the corpus.
pub(crate) struct Context<'a> {
    pub check: &'a CheckDef,
    pub pack: &'a Pack,
    pub corpus: &'a Corpus,
    /// The facts of each metric, sorted once for all checks.
    groups: &'a [(u16, &'a [&'a Fact])],
}

impl<'a> Context<'a> {
    pub(crate) fn label(&self, fact: &Fact, message: String) -> Label {
        Label {
            file: self.corpus.sources[fact.source as usize].name.clone(),
            start: fact.start as usize,
            end: fact.end as usize,
            message,
        }
    }

    pub(crate) fn finding(
        &self,
        metric: Option<u16>,
        message: String,
        labels: Vec<Label>,
    ) -> Finding {
        Finding {
            rule: self.check.id.clone(),
            severity: self.check.severity,
            message,
            metric: metric.map(|m| self.pack.metric(m as usize).id.clone()),
            labels,
            help: self.check.help.clone(),
        }
    }

    /// The facts of the check's metrics, grouped by metric, each group
    /// sorted by day (undated last), then by source and position.
    pub(crate) fn by_metric(&self) -> Vec<(u16, Vec<&'a Fact>)> {
        self.check
            .metrics
            .iter()
            .map(|&m| {
                let facts = self
                    .groups
                    .iter()
                    .find(|(g, _)| usize::from(*g) == m)
                    .map_or(&[][..], |(_, f)| f);
                (m as u16, facts.to_vec())
            })
            .collect()
    }
}

/// Runs every check of the pack; findings come back in a stable order:
/// by file position of their primary label, then rule.
pub fn run(pack: &Pack, corpus: &Corpus) -> Vec<Finding> {
    use rayon::prelude::*;
    let mut sorted: Vec<&Fact> = corpus.facts.iter().collect();
    sorted.sort_unstable_by_key(|f| (f.metric, f.day.is_none(), f.day, f.source, f.start));
    let groups: Vec<(u16, &[&Fact])> = sorted
        .chunk_by(|a, b| a.metric == b.metric)
        .map(|g| (g[0].metric, g))
        .collect();
    // Checks are independent: they run in parallel, and their findings
    // are joined in pack order.
    let per_check: Vec<Vec<Finding>> = pack
        .checks
        .par_iter()
        .map(|check| {
            let cx = Context {
                check,
                pack,
                corpus,
                groups: &groups,
            };
            let mut findings = Vec::new();
            let out = &mut findings;
            match &check.kind {
                CheckKind::Conflict {
                    tolerance,
                    window_days,
                } => conflict::run(&cx, *tolerance, *window_days, out),
                CheckKind::Monotonic {
                    tolerance,
                    direction,
                } => monotonic::run(&cx, *tolerance, *direction, out),
                CheckKind::Rate {
                    max_per_day,
                    tolerance,
                } => rate::run(&cx, *max_per_day, *tolerance, out),
                CheckKind::Range { min, max } => range::run(&cx, *min, *max, out),
                CheckKind::Attribution => attribution::run(&cx, out),
                CheckKind::Consistency { tolerance } => consistency::run(&cx, *tolerance, out),
                CheckKind::Metadata { require } => metadata::run(&cx, require, out),
            }
            findings
        })
        .collect();
    let findings = per_check.into_iter().flatten();
    let order: std::collections::HashMap<&str, usize> = corpus
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (&*s.name, i))
        .collect();
    // by article and position of the primary label; at one spot, the order
    // of the checks in the pack
    let mut keyed: Vec<(usize, usize, usize, Finding)> = findings
        .enumerate()
        .map(|(i, f)| {
            let primary = f.labels.first();
            let source = primary
                .and_then(|l| order.get(&*l.file))
                .copied()
                .unwrap_or(usize::MAX);
            (source, primary.map_or(0, |l| l.start), i, f)
        })
        .collect();
    keyed.sort_unstable_by_key(|&(source, start, i, _)| (source, start, i));
    keyed.into_iter().map(|(_, _, _, f)| f).collect()
}

/// Days between the dates of two facts; undated facts are furthest.
pub(crate) fn days_apart(a: &Fact, b: &Fact) -> i64 {
    match (a.day, b.day) {
        (Some(x), Some(y)) => (x - y).get_days().abs() as i64,
        _ => i64::MAX,
    }
}

/// `more than 20,000`, `about 240`, `8–10`: a figure as people read it.
pub(crate) fn amount(fact: &Fact) -> String {
    use crate::output::number_text;
    let v = number_text(fact.low);
    match fact.qualifier {
        Qualifier::Exact => v,
        Qualifier::About => format!("about {v}"),
        Qualifier::Over => format!("more than {v}"),
        Qualifier::Under => format!("up to {v}"),
        Qualifier::Range => format!("{v}–{}", number_text(fact.high)),
    }
}
