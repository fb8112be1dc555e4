//! Rule packs: metric definitions (what a figure counts, found by regex
//! cues), checks (which kind of check runs on which metrics, with what
//! thresholds) and named events (dates a pack knows by name).
//!
//! Packs are folders of TOML files. The default pack is embedded in the
//! binary; `--rules DIR` and a discovered `figcheck.toml` are layered on
//! top, a later definition with the same id overriding the fields it sets.
//! Loading is two stages: deserialize with spans kept, then validate,
//! collecting every problem before any check runs.

mod default;
mod error;
mod load;
mod schema;

use std::sync::{Arc, OnceLock};

pub use error::{RuleError, RuleErrors};
pub use load::{PackSource, load};

/// What a metric counts over time, which decides how its claims compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    /// One true value for all time (people abducted on 7 October).
    Fixed,
    /// A level at a date that may rise or fall (hostages held).
    Stock,
    /// A running total that never falls (death toll).
    Cumulative,
    /// An amount per period (aid trucks per day).
    Flow,
    /// A length of time (pause days).
    Duration,
    /// A number of things in an event or deal (hostages released).
    Count,
}

impl MetricKind {
    pub const NAMES: [&'static str; 6] =
        ["fixed", "stock", "cumulative", "flow", "duration", "count"];

    fn parse(name: &str) -> Option<MetricKind> {
        Some(match name {
            "fixed" => MetricKind::Fixed,
            "stock" => MetricKind::Stock,
            "cumulative" => MetricKind::Cumulative,
            "flow" => MetricKind::Flow,
            "duration" => MetricKind::Duration,
            "count" => MetricKind::Count,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A regex cue of a metric, with where it came from for `--explain`.
#[derive(Debug, Clone)]
pub struct Cue {
    pub pattern: String,
    /// Compiled on first use: the classifier searches cues through sets
    /// and needs a cue's own regex only to rank competing matches, and
    /// compiling every cue alone was half the start-up of a run.
    regex: OnceLock<regex::bytes::Regex>,
    /// `after[0]` of the metric, `veto[2]`…
    pub name: String,
    pub file: Arc<str>,
}

impl Cue {
    /// The cue's own regex.
    pub fn regex(&self) -> &regex::bytes::Regex {
        self.regex
            .get_or_init(|| cue_regex(&self.pattern).expect("the pattern was checked at load"))
    }
}

/// Compiles a cue or event pattern: ASCII word classes and case folding,
/// since cues are English phrases and Unicode word boundaries would slow
/// every match by 10× (`cue_syntax`, in the `regex` crate's terms).
pub fn cue_regex(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(false)
        .size_limit(PATTERN_SIZE_LIMIT)
        .build()
}

/// The syntax of cue and event patterns, for the engines that take it
/// apart from `cue_regex`: ASCII word classes, case folding, over bytes.
pub fn cue_syntax() -> regex_automata::util::syntax::Config {
    regex_automata::util::syntax::Config::new()
        .case_insensitive(true)
        .unicode(false)
        .utf8(false)
}

/// Parses a cue or event pattern with `cue_syntax`; an error is the
/// parser's message, as the `regex` crate shows it.
pub fn parse_cue(pattern: &str) -> Result<regex_syntax::hir::Hir, String> {
    regex_automata::util::syntax::parse_with(pattern, &cue_syntax()).map_err(|err| err.to_string())
}

/// Why `pattern` would not compile as a cue, in the words of the `regex`
/// crate: parsing and building its automata checks all that compiling
/// does, at a fraction of the cost.
fn check_pattern(pattern: &str) -> Result<(), String> {
    let hir = parse_cue(pattern)?;
    use regex_automata::nfa::thompson::{Compiler, Config, WhichCaptures};
    // the forward automaton with its groups, the reverse one without, as
    // the `regex` crate builds them
    for (reverse, captures) in [(false, WhichCaptures::All), (true, WhichCaptures::None)] {
        Compiler::new()
            .configure(
                Config::new()
                    .utf8(false)
                    .reverse(reverse)
                    .which_captures(captures)
                    .nfa_size_limit(Some(PATTERN_SIZE_LIMIT)),
            )
            .build_from_hir(&hir)
            .map_err(|err| match err.size_limit() {
                Some(limit) => format!("Compiled regex exceeds size limit of {limit} bytes."),
                None => err.to_string(),
            })?;
    }
    Ok(())
}

/// The most memory one pattern's compiled automaton may take (the `regex`
/// crate's default, named so that loading checks the same limit).
const PATTERN_SIZE_LIMIT: usize = 10 << 20;

/// One metric of the loaded packs.
#[derive(Debug, Clone)]
pub struct MetricDef {
    pub id: String,
    pub description: String,
    pub unit: String,
    pub kind: MetricKind,
    /// Days in the period of a flow metric.
    pub period_days: u32,
    /// Plausible bounds, used by `range` checks.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Cues matched on the clause text right after the figure (anchored at
    /// its end), right before it (anchored at its start), or anywhere in
    /// the clause; a metric needs an `after` or `before` cue, every
    /// `context` list it has, and no `veto`.
    pub after: Vec<Cue>,
    pub before: Vec<Cue>,
    pub context: Vec<Cue>,
    pub veto: Vec<Cue>,
    pub veto_after: Vec<Cue>,
    pub veto_before: Vec<Cue>,
}

/// A date a pack knows by name (`the October 7 attack`).
#[derive(Debug, Clone)]
pub struct EventDef {
    pub regex: regex::bytes::Regex,
    pub date: jiff::civil::Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const NAMES: [&'static str; 3] = ["info", "warning", "error"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    fn parse(name: &str) -> Option<Severity> {
        Some(match name {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

/// How far an honest figure may sit from the truth, per qualifier, as a
/// share of the figure: `about 240` with `about = 0.1` covers 216–264.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    pub exact: f64,
    pub about: f64,
    /// `nearly 130` covers 130 × (1 − under) up to 130.
    pub under: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            exact: 0.0,
            about: 0.1,
            under: 0.2,
        }
    }
}

/// Which way a monotonic metric may move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Never falls (a cumulative toll).
    Up,
    /// Never rises (hostages still held).
    Down,
}

/// A metadata field an article must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Outlet,
}

/// The check kinds figcheck implements, with their parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckKind {
    Conflict {
        tolerance: Tolerance,
        window_days: u32,
    },
    Monotonic {
        tolerance: Tolerance,
        direction: Option<Direction>,
    },
    Rate {
        max_per_day: f64,
        tolerance: Tolerance,
    },
    Range {
        min: Option<f64>,
        max: Option<f64>,
    },
    Attribution,
    Consistency {
        tolerance: Tolerance,
    },
    Metadata {
        require: Vec<Field>,
    },
}

impl CheckKind {
    pub const NAMES: [&'static str; 7] = [
        "conflict",
        "monotonic",
        "rate",
        "range",
        "attribution",
        "consistency",
        "metadata",
    ];

    pub fn name(&self) -> &'static str {
        match self {
            CheckKind::Conflict { .. } => "conflict",
            CheckKind::Monotonic { .. } => "monotonic",
            CheckKind::Rate { .. } => "rate",
            CheckKind::Range { .. } => "range",
            CheckKind::Attribution => "attribution",
            CheckKind::Consistency { .. } => "consistency",
            CheckKind::Metadata { .. } => "metadata",
        }
    }
}

/// One check of the loaded packs.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub id: String,
    pub kind: CheckKind,
    pub severity: Severity,
    /// Metric indices the check runs on (all metrics when the TOML names none).
    pub metrics: Vec<usize>,
    pub explain: String,
    pub help: Option<String>,
    pub file: Arc<str>,
}

/// The loaded and validated rule packs.
#[derive(Debug, Clone)]
pub struct Pack {
    pub metrics: Vec<MetricDef>,
    pub checks: Vec<CheckDef>,
    pub events: Vec<EventDef>,
    /// The files the pack was read from, in order.
    pub files: Vec<Arc<str>>,
}

impl Pack {
    pub fn metric(&self, index: usize) -> &MetricDef {
        &self.metrics[index]
    }

    pub fn metric_index(&self, id: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.id == id)
    }

    pub fn check(&self, id: &str) -> Option<&CheckDef> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The embedded default pack alone.
    pub fn default_pack() -> Pack {
        load(&[PackSource::Default]).expect("the embedded default pack is valid")
    }
}

/// The closest name in `names` to `given`, for "did you mean" help.
pub fn did_you_mean<'a>(given: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .map(|name| (edit_distance(given, name), name))
        .filter(|(d, name)| *d <= 2.max(name.len() / 3))
        .min()
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_checked_as_compiling_them_would() {
        for pattern in [
            r"^\s+(hostages?)\b",
            r"\b(?-i:May)\b$",
            "(unclosed",
            r"\w{1000}{1000}",
        ] {
            let compiled = cue_regex(pattern).map_err(|err| err.to_string());
            assert_eq!(check_pattern(pattern), compiled.map(|_| ()), "{pattern}");
        }
        assert_eq!(
            check_pattern(r"\w{1000}{1000}"),
            Err("Compiled regex exceeds size limit of 10485760 bytes.".to_string())
        );
    }

    #[test]
    fn did_you_mean_finds_near_names() {
        assert_eq!(did_you_mean("conflcit", CheckKind::NAMES), Some("conflict"));
        assert_eq!(did_you_mean("zzz", CheckKind::NAMES), None);
    }

    #[test]
    fn default_pack_loads() {
        let pack = Pack::default_pack();
        for id in [
            "hostages.taken",
            "hostages.held",
            "hostages.released",
            "prisoners.released",
            "aid.trucks",
            "deaths.gaza",
            "deaths.israel",
            "injured.gaza",
            "displaced.gaza",
            "pause.days",
        ] {
            assert!(pack.metric_index(id).is_some(), "{id}");
        }
    }
}
