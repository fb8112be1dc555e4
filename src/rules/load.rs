//! Loading packs: read every rule file, deserialize it with spans, check
//! each definition, merge definitions by id across packs, and resolve the
//! metrics that checks name. Every problem is collected with its span.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use toml::Spanned;

use super::error::RuleFile;
use super::schema::{CheckDoc, FileDoc, MetricDoc, ToleranceDoc};
use super::{
    CheckDef, CheckKind, Cue, Direction, EventDef, Field, MetricDef, MetricKind, Pack, RuleError,
    RuleErrors, Severity, Tolerance, check_pattern, cue_regex, default, did_you_mean,
};

/// Where rule files come from, in the order they are layered.
#[derive(Debug, Clone)]
pub enum PackSource {
    /// The pack embedded in the binary.
    Default,
    /// A folder of `.toml` rule files (`--rules DIR`).
    Dir(PathBuf),
    /// A `figcheck.toml`: rule definitions, and more folders in `rules`.
    Config(PathBuf),
}

/// Loads and validates the packs; no pack is returned unless every file
/// of every source is valid.
pub fn load(sources: &[PackSource]) -> Result<Pack, RuleErrors> {
    let mut loader = Loader::default();
    for source in sources {
        loader.source(source);
    }
    loader.finish()
}

/// A file index and a span in it.
type Where = (usize, Range<usize>);

/// A value with the file and span it was written at.
#[derive(Debug, Clone)]
struct At<T> {
    value: T,
    file: usize,
    span: Range<usize>,
}

#[derive(Default)]
struct MetricDraft {
    id: At<String>,
    /// A field was already reported broken: errors that follow from it
    /// (no kind, no cue) would only repeat it.
    broken: bool,
    description: Option<String>,
    unit: Option<String>,
    kind: Option<MetricKind>,
    period_days: Option<u32>,
    min: Option<f64>,
    max: Option<f64>,
    cues: [Option<Vec<Cue>>; 6],
}

impl Default for At<String> {
    fn default() -> Self {
        At {
            value: String::new(),
            file: 0,
            span: 0..0,
        }
    }
}

#[derive(Default)]
struct CheckDraft {
    id: At<String>,
    /// As for metrics: a broken field silences the errors it causes.
    broken: bool,
    kind: Option<At<String>>,
    severity: Option<Severity>,
    enabled: Option<bool>,
    metrics: Option<Vec<At<String>>>,
    explain: Option<String>,
    help: Option<String>,
    tolerance: Option<At<ToleranceDoc>>,
    window_days: Option<At<i64>>,
    direction: Option<At<Direction>>,
    max_per_day: Option<At<f64>>,
    min: Option<At<f64>>,
    max: Option<At<f64>>,
    require: Option<At<Vec<Field>>>,
}

const CUE_LISTS: [&str; 6] = [
    "after",
    "before",
    "context",
    "veto",
    "veto_after",
    "veto_before",
];

#[derive(Default)]
struct Loader {
    files: Vec<RuleFile>,
    errors: Vec<RuleError>,
    metrics: Vec<MetricDraft>,
    checks: Vec<CheckDraft>,
    events: Vec<EventDef>,
}

impl Loader {
    fn source(&mut self, source: &PackSource) {
        match source {
            PackSource::Default => {
                for (name, text) in default::FILES {
                    self.file(name, Arc::<str>::from(text), false);
                }
            }
            PackSource::Dir(dir) => self.dir(dir),
            PackSource::Config(path) => match std::fs::read_to_string(path) {
                Ok(text) => self.file(&path.display().to_string(), Arc::from(text), true),
                Err(err) => self.errors.push(no_file(path, &err.to_string())),
            },
        }
    }

    fn dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.errors
                    .push(no_file(dir, &format!("cannot read rule folder: {err}")));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            self.errors
                .push(no_file(dir, "no .toml rule files in this folder"));
        }
        for path in paths {
            match std::fs::read_to_string(&path) {
                Ok(text) => self.file(&path.display().to_string(), Arc::from(text), false),
                Err(err) => self
                    .errors
                    .push(no_file(&path, &format!("cannot read rule file: {err}"))),
            }
        }
    }

    fn file(&mut self, name: &str, text: Arc<str>, config: bool) {
        let file = RuleFile {
            name: Arc::from(name),
            text: text.clone(),
        };
        let index = self.files.len();
        self.files.push(file.clone());
        let doc: FileDoc = match toml::from_str(&text) {
            Ok(doc) => doc,
            Err(err) => {
                let message = err.message().to_string();
                let label = if message.starts_with("unknown field") {
                    "unknown key"
                } else {
                    "here"
                };
                self.errors.push(file.error(err.span(), message, label));
                return;
            }
        };
        if config {
            let base = Path::new(name).parent().unwrap_or(Path::new(""));
            for dir in &doc.rules {
                self.dir(&base.join(dir.get_ref()));
            }
        } else if let Some(first) = doc.rules.first() {
            self.errors.push(
                file.error(
                    Some(first.span()),
                    "`rules` is only read in figcheck.toml",
                    "not in a pack file",
                )
                .help("name pack folders with --rules DIR"),
            );
        }
        for metric in first_definitions(&file, &doc.metric, |m| &m.id, "metric", &mut self.errors) {
            self.metric(index, metric);
        }
        for check in first_definitions(&file, &doc.check, |c| &c.id, "check", &mut self.errors) {
            self.check(index, check);
        }
        for event in &doc.event {
            let regex = self
                .check_pattern(index, &event.pattern)
                .then(|| cue_regex(event.pattern.get_ref()).expect("the pattern was checked"));
            let date = crate::article::parse_date(event.date.get_ref());
            if date.is_none() {
                let err = file.error(
                    Some(event.date.span()),
                    format!("invalid date `{}`", event.date.get_ref()),
                    "not YYYY-MM-DD",
                );
                self.errors.push(err);
            }
            if let (Some(regex), Some(date)) = (regex, date) {
                self.events.push(EventDef { regex, date });
            }
        }
    }

    fn at<T: Clone>(&self, file: usize, value: &Spanned<T>) -> At<T> {
        At {
            value: value.get_ref().clone(),
            file,
            span: value.span(),
        }
    }

    fn error(
        &mut self,
        file: usize,
        span: Range<usize>,
        message: String,
        label: &str,
    ) -> &mut RuleError {
        let err = self.files[file].error(Some(span), message, label);
        self.errors.push(err);
        self.errors.last_mut().expect("just pushed")
    }

    /// Reports `pattern` if it would not compile: a syntax error, or an
    /// automaton over the size limit. Cheaper than compiling it, which
    /// the classifier does only for the cues it needs alone.
    fn check_pattern(&mut self, file: usize, pattern: &Spanned<String>) -> bool {
        let Err(detail) = check_pattern(pattern.get_ref()) else {
            return true;
        };
        // the last line of a syntax error says what is wrong
        let detail = detail.lines().last().unwrap_or("").trim().to_string();
        self.error(
            file,
            pattern.span(),
            format!("invalid regex `{}`", pattern.get_ref()),
            "this pattern",
        )
        .help = Some(detail);
        false
    }

    fn metric(&mut self, file: usize, doc: &MetricDoc) {
        let errors_before = self.errors.len();
        let mut draft = MetricDraft {
            id: self.at(file, &doc.id),
            description: doc.description.clone(),
            unit: doc.unit.clone(),
            ..MetricDraft::default()
        };
        if let Some(kind) = &doc.kind {
            draft.kind = MetricKind::parse(kind.get_ref());
            if draft.kind.is_none() {
                let help = suggest(kind.get_ref(), MetricKind::NAMES);
                self.error(
                    file,
                    kind.span(),
                    format!("unknown metric kind `{}`", kind.get_ref()),
                    "unknown kind",
                )
                .help = Some(help);
            }
        }
        if let Some(period) = &doc.period_days {
            match u32::try_from(*period.get_ref()) {
                Ok(days) if days > 0 => draft.period_days = Some(days),
                _ => {
                    self.error(
                        file,
                        period.span(),
                        "`period_days` must be a positive number of days".into(),
                        "not positive",
                    );
                }
            }
        }
        draft.min = doc.min.as_ref().map(|m| *m.get_ref());
        draft.max = doc.max.as_ref().map(|m| *m.get_ref());
        if let (Some(min), Some(max)) = (&doc.min, &doc.max)
            && min.get_ref() > max.get_ref()
        {
            self.error(
                file,
                max.span(),
                format!(
                    "`max` ({}) is below `min` ({})",
                    max.get_ref(),
                    min.get_ref()
                ),
                "below min",
            );
        }
        let lists = [
            &doc.after,
            &doc.before,
            &doc.context,
            &doc.veto,
            &doc.veto_after,
            &doc.veto_before,
        ];
        for (slot, (list, name)) in lists.into_iter().zip(CUE_LISTS).enumerate() {
            if let Some(patterns) = list {
                let mut cues = Vec::with_capacity(patterns.len());
                for (i, pattern) in patterns.iter().enumerate() {
                    if self.check_pattern(file, pattern) {
                        cues.push(Cue {
                            pattern: pattern.get_ref().clone(),
                            regex: OnceLock::new(),
                            name: format!("{name}[{i}]"),
                            file: self.files[file].name.clone(),
                        });
                    }
                }
                draft.cues[slot] = Some(cues);
            }
        }
        draft.broken = self.errors.len() > errors_before;
        match self
            .metrics
            .iter_mut()
            .find(|m| m.id.value == draft.id.value)
        {
            Some(earlier) => {
                earlier.broken |= draft.broken;
                merge(&mut earlier.description, draft.description);
                merge(&mut earlier.unit, draft.unit);
                merge(&mut earlier.kind, draft.kind);
                merge(&mut earlier.period_days, draft.period_days);
                merge(&mut earlier.min, draft.min);
                merge(&mut earlier.max, draft.max);
                for (slot, cues) in earlier.cues.iter_mut().zip(draft.cues) {
                    merge(slot, cues);
                }
            }
            None => self.metrics.push(draft),
        }
    }

    fn check(&mut self, file: usize, doc: &CheckDoc) {
        let errors_before = self.errors.len();
        let mut draft = CheckDraft {
            id: self.at(file, &doc.id),
            kind: doc.kind.as_ref().map(|k| self.at(file, k)),
            enabled: doc.enabled,
            metrics: doc
                .metrics
                .as_ref()
                .map(|list| list.iter().map(|m| self.at(file, m)).collect()),
            explain: doc.explain.clone(),
            help: doc.help.clone(),
            tolerance: doc.tolerance.as_ref().map(|t| self.at(file, t)),
            window_days: doc.window_days.as_ref().map(|w| self.at(file, w)),
            max_per_day: doc.max_per_day.as_ref().map(|m| self.at(file, m)),
            min: doc.min.as_ref().map(|m| self.at(file, m)),
            max: doc.max.as_ref().map(|m| self.at(file, m)),
            ..CheckDraft::default()
        };
        if let Some(kind) = &draft.kind
            && !CheckKind::NAMES.contains(&kind.value.as_str())
        {
            let help = suggest(&kind.value, CheckKind::NAMES);
            self.error(
                file,
                kind.span.clone(),
                format!("unknown check kind `{}`", kind.value),
                "unknown kind",
            )
            .help = Some(help);
            draft.kind = None;
        }
        if let Some(severity) = &doc.severity {
            draft.severity = Severity::parse(severity.get_ref());
            if draft.severity.is_none() {
                let help = suggest(severity.get_ref(), Severity::NAMES);
                self.error(
                    file,
                    severity.span(),
                    format!("unknown severity `{}`", severity.get_ref()),
                    "unknown severity",
                )
                .help = Some(help);
            }
        }
        if let Some(direction) = &doc.direction {
            let value = match direction.get_ref().as_str() {
                "up" => Some(Direction::Up),
                "down" => Some(Direction::Down),
                other => {
                    let help = suggest(other, ["up", "down"]);
                    self.error(
                        file,
                        direction.span(),
                        format!("unknown direction `{other}`"),
                        "expected `up` or `down`",
                    )
                    .help = Some(help);
                    None
                }
            };
            draft.direction = value.map(|value| At {
                value,
                file,
                span: direction.span(),
            });
        }
        if let Some(require) = &doc.require {
            let mut fields = Vec::new();
            for field in require {
                match field.get_ref().as_str() {
                    "date" => fields.push(Field::Date),
                    "outlet" => fields.push(Field::Outlet),
                    other => {
                        let help = suggest(other, ["date", "outlet"]);
                        self.error(
                            file,
                            field.span(),
                            format!("unknown metadata field `{other}`"),
                            "expected `date` or `outlet`",
                        )
                        .help = Some(help);
                    }
                }
            }
            let span = require.first().map_or(0..0, Spanned::span);
            draft.require = Some(At {
                value: fields,
                file,
                span,
            });
        }
        for (value, name) in [(&draft.max_per_day, "max_per_day")] {
            if let Some(v) = value
                && (v.value <= 0.0 || v.value.is_nan())
            {
                let (f, s) = (v.file, v.span.clone());
                self.error(
                    f,
                    s,
                    format!("`{name}` must be above zero"),
                    "not above zero",
                );
            }
        }
        if let Some(window) = &draft.window_days
            && window.value < 0
        {
            let (f, s) = (window.file, window.span.clone());
            self.error(
                f,
                s,
                "`window_days` must not be negative".into(),
                "negative",
            );
        }
        if let Some(tolerance) = &draft.tolerance {
            let t = tolerance.value;
            if [t.exact, t.about, t.under]
                .into_iter()
                .flatten()
                .any(|v| !(0.0..1.0).contains(&v))
            {
                let (f, s) = (tolerance.file, tolerance.span.clone());
                self.error(
                    f,
                    s,
                    "tolerances are shares of the figure, from 0 up to 1".into(),
                    "out of range",
                )
                .help = Some("write `about = 0.1` for ±10%".into());
            }
        }
        draft.broken = self.errors.len() > errors_before;
        match self
            .checks
            .iter_mut()
            .find(|c| c.id.value == draft.id.value)
        {
            Some(earlier) => {
                earlier.broken |= draft.broken;
                merge(&mut earlier.kind, draft.kind);
                merge(&mut earlier.severity, draft.severity);
                merge(&mut earlier.enabled, draft.enabled);
                merge(&mut earlier.metrics, draft.metrics);
                merge(&mut earlier.explain, draft.explain);
                merge(&mut earlier.help, draft.help);
                merge(&mut earlier.tolerance, draft.tolerance);
                merge(&mut earlier.window_days, draft.window_days);
                merge(&mut earlier.direction, draft.direction);
                merge(&mut earlier.max_per_day, draft.max_per_day);
                merge(&mut earlier.min, draft.min);
                merge(&mut earlier.max, draft.max);
                merge(&mut earlier.require, draft.require);
            }
            None => self.checks.push(draft),
        }
    }

    fn finish(mut self) -> Result<Pack, RuleErrors> {
        let mut metrics = Vec::new();
        for draft in std::mem::take(&mut self.metrics) {
            let Some(kind) = draft.kind else {
                if draft.broken {
                    continue;
                }
                let id = &draft.id;
                let (f, s) = (id.file, id.span.clone());
                self.error(
                    f,
                    s,
                    format!("metric `{}` has no `kind`", id.value),
                    "defined here",
                )
                .help = Some(format!(
                    "add `kind = ` one of {}",
                    MetricKind::NAMES.join(", ")
                ));
                continue;
            };
            let [after, before, context, veto, veto_after, veto_before] =
                draft.cues.map(Option::unwrap_or_default);
            if after.is_empty() && before.is_empty() && !draft.broken {
                let (f, s) = (draft.id.file, draft.id.span.clone());
                self.error(
                    f,
                    s,
                    format!("metric `{}` has no `after` or `before` cue", draft.id.value),
                    "defined here",
                )
                .help = Some(
                    "a metric is chosen by a cue next to the figure; add `after = ['^ trucks']`"
                        .into(),
                );
            }
            metrics.push(MetricDef {
                id: draft.id.value,
                description: draft.description.unwrap_or_default(),
                unit: draft.unit.unwrap_or_default(),
                kind,
                period_days: draft.period_days.unwrap_or(1),
                min: draft.min,
                max: draft.max,
                after,
                before,
                context,
                veto,
                veto_after,
                veto_before,
            });
        }
        let mut checks = Vec::new();
        for draft in std::mem::take(&mut self.checks) {
            if draft.enabled == Some(false) {
                continue;
            }
            if let Some(check) = self.build_check(draft, &metrics) {
                checks.push(check);
            }
        }
        if !self.errors.is_empty() {
            return Err(RuleErrors {
                errors: self.errors,
            });
        }
        Ok(Pack {
            metrics,
            checks,
            events: self.events,
            files: self.files.into_iter().map(|f| f.name).collect(),
        })
    }

    fn build_check(&mut self, draft: CheckDraft, metrics: &[MetricDef]) -> Option<CheckDef> {
        let id = draft.id.clone();
        let Some(kind) = draft.kind.clone() else {
            if draft.broken {
                return None;
            }
            self.error(
                id.file,
                id.span.clone(),
                format!("check `{}` has no `kind`", id.value),
                "defined here",
            )
            .help = Some(format!(
                "add `kind = ` one of {}",
                CheckKind::NAMES.join(", ")
            ));
            return None;
        };
        let mut indices = Vec::new();
        for metric in draft.metrics.iter().flatten() {
            match metrics.iter().position(|m| m.id == metric.value) {
                Some(i) => indices.push(i),
                None => {
                    let help = suggest(&metric.value, metrics.iter().map(|m| m.id.as_str()));
                    self.error(
                        metric.file,
                        metric.span.clone(),
                        format!("unknown metric `{}`", metric.value),
                        "no such metric",
                    )
                    .help = Some(help);
                }
            }
        }
        if draft.metrics.is_none() {
            indices = (0..metrics.len()).collect();
        }
        let tolerance = draft
            .tolerance
            .as_ref()
            .map_or_else(Tolerance::default, |t| {
                let base = Tolerance::default();
                Tolerance {
                    exact: t.value.exact.unwrap_or(base.exact),
                    about: t.value.about.unwrap_or(base.about),
                    under: t.value.under.unwrap_or(base.under),
                }
            });
        // Each kind takes its own parameters; any other is a mistake.
        let params: [(&str, Option<Where>); 7] = [
            (
                "tolerance",
                draft.tolerance.as_ref().map(|a| (a.file, a.span.clone())),
            ),
            (
                "window_days",
                draft.window_days.as_ref().map(|a| (a.file, a.span.clone())),
            ),
            (
                "direction",
                draft.direction.as_ref().map(|a| (a.file, a.span.clone())),
            ),
            (
                "max_per_day",
                draft.max_per_day.as_ref().map(|a| (a.file, a.span.clone())),
            ),
            ("min", draft.min.as_ref().map(|a| (a.file, a.span.clone()))),
            ("max", draft.max.as_ref().map(|a| (a.file, a.span.clone()))),
            (
                "require",
                draft.require.as_ref().map(|a| (a.file, a.span.clone())),
            ),
        ];
        let allowed: &[&str] = match kind.value.as_str() {
            "conflict" => &["tolerance", "window_days"],
            "monotonic" => &["tolerance", "direction"],
            "rate" => &["tolerance", "max_per_day"],
            "range" => &["min", "max"],
            "consistency" => &["tolerance"],
            "metadata" => &["require"],
            _ => &[],
        };
        for (name, at) in params {
            if let Some((file, span)) = at
                && !allowed.contains(&name)
            {
                let expected = if allowed.is_empty() {
                    "none".to_string()
                } else {
                    allowed.join(", ")
                };
                self.error(
                    file,
                    span,
                    format!("`{name}` does not apply to a `{}` check", kind.value),
                    "not a parameter of this kind",
                )
                .help = Some(format!("parameters of `{}`: {expected}", kind.value));
            }
        }
        let check_kind = match kind.value.as_str() {
            "conflict" => CheckKind::Conflict {
                tolerance,
                window_days: draft.window_days.map_or(0, |w| w.value.max(0) as u32),
            },
            "monotonic" => CheckKind::Monotonic {
                tolerance,
                direction: draft.direction.map(|d| d.value),
            },
            "rate" => {
                let Some(max) = draft.max_per_day else {
                    self.error(
                        id.file,
                        id.span.clone(),
                        format!("rate check `{}` has no `max_per_day`", id.value),
                        "defined here",
                    );
                    return None;
                };
                CheckKind::Rate {
                    max_per_day: max.value,
                    tolerance,
                }
            }
            "range" => {
                if let (Some(min), Some(max)) = (&draft.min, &draft.max)
                    && max.value < min.value
                {
                    let message = format!("`max` ({}) is below `min` ({})", max.value, min.value);
                    self.error(max.file, max.span.clone(), message, "below min");
                }
                CheckKind::Range {
                    min: draft.min.map(|m| m.value),
                    max: draft.max.map(|m| m.value),
                }
            }
            "attribution" => CheckKind::Attribution,
            "consistency" => CheckKind::Consistency { tolerance },
            "metadata" => CheckKind::Metadata {
                require: draft
                    .require
                    .map_or_else(|| vec![Field::Date, Field::Outlet], |r| r.value),
            },
            _ => return None,
        };
        let Some(explain) = draft.explain else {
            self.error(
                id.file,
                id.span.clone(),
                format!("check `{}` has no `explain` text", id.value),
                "defined here",
            )
            .help = Some(
                "say what the check finds and why it matters, for `figcheck rules explain`".into(),
            );
            return None;
        };
        Some(CheckDef {
            id: id.value,
            kind: check_kind,
            severity: draft.severity.unwrap_or(Severity::Warning),
            metrics: indices,
            explain,
            help: draft.help,
            file: self.files[id.file].name.clone(),
        })
    }
}

/// The definitions of one file whose id it has not defined before; each
/// repeat is an error at its id.
fn first_definitions<'d, T>(
    file: &RuleFile,
    items: &'d [T],
    id: impl Fn(&T) -> &Spanned<String>,
    what: &str,
    errors: &mut Vec<RuleError>,
) -> Vec<&'d T> {
    let mut seen: Vec<&str> = Vec::new();
    let mut first = Vec::with_capacity(items.len());
    for item in items {
        let id = id(item);
        if seen.contains(&id.get_ref().as_str()) {
            let message = format!("{what} `{}` is defined twice in this file", id.get_ref());
            errors.push(file.error(Some(id.span()), message, "second definition"));
        } else {
            seen.push(id.get_ref());
            first.push(item);
        }
    }
    first
}

fn merge<T>(slot: &mut Option<T>, later: Option<T>) {
    if later.is_some() {
        *slot = later;
    }
}

fn suggest<'a>(given: &str, names: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(given, names.clone()) {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!(
            "expected one of: {}",
            names.into_iter().collect::<Vec<_>>().join(", ")
        ),
    }
}

fn no_file(path: &Path, message: &str) -> RuleError {
    RuleFile {
        name: Arc::from(path.display().to_string()),
        text: Arc::from(""),
    }
    .error(None, format!("{}: {message}", path.display()), "")
}
