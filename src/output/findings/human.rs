//! `check --format human`: one miette report per finding, then a summary
//! line. Rule ids come from TOML at run time, so the report is a small
//! hand-written `Diagnostic` rather than a derived one: the primary label
//! and the other labels in its file share one snippet, and labels in other
//! files become related reports, each with its own source.

use std::fmt;
use std::io;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use super::{SourceCache, Summary, count};
use crate::engine::{Finding, Findings, Label};
use crate::output::report::Style;
use crate::rules::Severity;

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    summary: &Summary,
    style: Style,
    cache: &mut SourceCache,
) -> io::Result<()> {
    for finding in findings.iter() {
        out.write_all(style.render(&report(&finding, cache)).as_bytes())?;
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(findings, summary))
}

/// `2 errors, 1 warning in 4 articles (12 claims)`.
fn summary_line(findings: &Findings<'_>, summary: &Summary) -> String {
    let counts: Vec<String> = count(findings)
        .into_iter()
        .zip([
            ("error", "errors"),
            ("warning", "warnings"),
            ("info", "infos"),
        ])
        .filter(|(n, _)| *n > 0)
        .map(|(n, names)| plural(n, names))
        .collect();
    let found = if counts.is_empty() {
        "no findings".to_string()
    } else {
        counts.join(", ")
    };
    format!(
        "{found} in {} ({})",
        plural(summary.articles, ("article", "articles")),
        plural(summary.claims, ("claim", "claims"))
    )
}

fn plural(n: usize, (one, many): (&str, &str)) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A finding, or one of its labels in another file, as miette sees it.
#[derive(Debug)]
struct Report {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Report>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty()).then(|| Box::new(self.labels.iter().cloned()) as _)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        (!self.related.is_empty())
            .then(|| Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)) as _)
    }
}

fn report(finding: &Finding, cache: &mut SourceCache) -> Report {
    let severity = match finding.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut report = Report {
        message: finding.message.clone(),
        code: Some(finding.rule.clone()),
        severity,
        help: finding.help.clone(),
        source: None,
        labels: Vec::new(),
        related: Vec::new(),
    };
    let Some((primary, others)) = finding.labels.split_first() else {
        return report;
    };
    match snippet(finding, primary, cache) {
        Some(source) => {
            report.source = Some(source);
            report.labels.push(LabeledSpan::new_primary_with_span(
                Some(primary.message.clone()),
                span(primary),
            ));
        }
        None => report.message = format!("{}: {}", primary.file, finding.message),
    }
    for label in others {
        let same_file = report.source.is_some() && label.file == primary.file;
        if same_file && cache.locate(finding, label).span.is_some() {
            report.labels.push(LabeledSpan::new_with_span(
                Some(label.message.clone()),
                span(label),
            ));
        } else {
            report.related.push(related(finding, label, cache));
        }
    }
    report
}

/// A label in another file: its message names outlet and date, and the
/// snippet underlines the figure.
fn related(finding: &Finding, label: &Label, cache: &mut SourceCache) -> Report {
    let source = snippet(finding, label, cache);
    let message = match source {
        Some(_) => label.message.clone(),
        None => format!("{}: {}", label.file, label.message),
    };
    Report {
        message,
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        labels: source
            .iter()
            .map(|_| LabeledSpan::new_with_span(None, span(label)))
            .collect(),
        source,
        related: Vec::new(),
    }
}

/// The label's source named after its article, when its span can be shown.
/// A record is named `path (line N)`, since the snippet header adds the
/// line and column inside its text: `wire.jsonl (line 2):1:13`.
fn snippet(
    finding: &Finding,
    label: &Label,
    cache: &mut SourceCache,
) -> Option<NamedSource<Arc<str>>> {
    let location = cache.locate(finding, label);
    let span = location.span?;
    let name = match location.record {
        Some(line) => format!("{} (line {line})", location.path),
        None => location.path,
    };
    Some(NamedSource::new(name, span.text))
}

fn span(label: &Label) -> (usize, usize) {
    (label.start, label.end.saturating_sub(label.start))
}
