//! Renderers for `figcheck check` findings: human (miette), JSON, SARIF and
//! GitHub workflow commands, behind one entry point, `write_findings`.
//! Article texts are dropped during a check, so the renderers that need
//! text (snippets, line and column) re-read each source once through a
//! `SourceCache`; a source that cannot be re-read degrades to line 1 and
//! no snippet, never to an error.

mod github;
mod human;
mod json;
mod sarif;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::LineIndex;
use super::report::Style;
use crate::article::{Format, Input, LineBlocks, Loaded};
use crate::engine::{Finding, Findings, INPUT_RULE, Label};
use crate::rules::{Pack, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
    Github,
}

/// What a check run read, for the closing summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub articles: usize,
    pub mentions: usize,
    pub claims: usize,
}

/// Writes `findings` in `format`; `style` matters only to `Human`.
pub fn write_findings(
    out: &mut dyn io::Write,
    format: CheckFormat,
    findings: &Findings<'_>,
    summary: &Summary,
    pack: &Pack,
    style: Style,
) -> io::Result<()> {
    if format == CheckFormat::Json {
        return json::write(out, findings, summary);
    }
    let mut cache = SourceCache::new(findings);
    match format {
        CheckFormat::Human => human::write(out, findings, summary, style, &mut cache),
        CheckFormat::Sarif => sarif::write(out, findings, pack, &mut cache),
        CheckFormat::Github | CheckFormat::Json => github::write(out, findings, &mut cache),
    }
}

/// Errors, warnings and infos among `findings`, in that order.
pub(crate) fn count(findings: &Findings<'_>) -> [usize; 3] {
    let mut counts = [0; 3];
    for severity in findings.severities() {
        counts[match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    counts
}

/// A re-read source text with its line index.
struct Source {
    text: Arc<str>,
    lines: LineIndex,
}

impl Source {
    fn new(text: impl Into<Arc<str>>) -> Source {
        let text = text.into();
        let lines = LineIndex::new(&text);
        Source { text, lines }
    }
}

/// The texts a set of findings points into, each file read at most once:
/// a plain article whole, a JSON Lines file in one pass that keeps only the
/// records the findings name (the file may be far larger than memory).
pub struct SourceCache {
    files: HashMap<String, Option<Source>>,
    /// Per JSON Lines path: the lines the findings name, then, once read,
    /// the decoded `text` of each of those records.
    wanted: HashMap<String, HashSet<usize>>,
    records: HashMap<String, HashMap<usize, Source>>,
}

impl SourceCache {
    /// A cache for the labels of `findings`; nothing is read until asked.
    pub fn new(findings: &Findings<'_>) -> SourceCache {
        let mut wanted: HashMap<String, HashSet<usize>> = HashMap::new();
        // Input problems in records are never shown from the decoded text.
        for finding in findings.iter().filter(|f| f.rule != INPUT_RULE) {
            for label in &finding.labels {
                if let Some((path, line)) = record_name(&label.file) {
                    wanted.entry(path.to_string()).or_default().insert(line);
                }
            }
        }
        SourceCache {
            files: HashMap::new(),
            wanted,
            records: HashMap::new(),
        }
    }

    /// The text a label's offsets point into: a file, or the decoded
    /// `text` of a JSON Lines record the findings name.
    pub fn text(&mut self, name: &str) -> Option<Arc<str>> {
        self.source(name).map(|s| s.text.clone())
    }

    fn source(&mut self, name: &str) -> Option<&Source> {
        if let Some((path, line)) = record_name(name) {
            let wanted = self.wanted.get(path);
            return self
                .records
                .entry(path.to_string())
                .or_insert_with(|| wanted.map_or_else(HashMap::new, |w| read_records(path, w)))
                .get(&line);
        }
        self.files
            .entry(name.to_string())
            .or_insert_with(|| read_file(name))
            .as_ref()
    }

    /// Where `label` of `finding` sits, in the terms every format needs.
    pub(crate) fn locate(&mut self, finding: &Finding, label: &Label) -> Location {
        let record = record_name(&label.file);
        let path = record.map_or(&*label.file, |(path, _)| path).to_string();
        // An input problem in a record points into the raw JSON line, not
        // into the decoded text this cache holds.
        let raw_record = record.is_some() && finding.rule == INPUT_RULE;
        let found = if raw_record {
            None
        } else {
            self.source(&label.file)
                .filter(|s| fits(&s.text, label.start, label.end))
        };
        Location {
            path,
            record: record.map(|(_, line)| line),
            span: found.map(|s| TextSpan {
                text: s.text.clone(),
                start: s.lines.line_col(&s.text, label.start),
                end: s.lines.line_col(&s.text, label.end),
            }),
        }
    }
}

/// A label resolved against its re-read source.
pub(crate) struct Location {
    /// The file on disk: the path of a `path.jsonl:LINE` article.
    pub(crate) path: String,
    /// For an article that is one record of a JSON Lines file, its line.
    pub(crate) record: Option<usize>,
    /// The label in its text, when the text could be re-read and the span
    /// fits in it.
    pub(crate) span: Option<TextSpan>,
}

/// 1-based (line, column) of a span's start and end in its article text;
/// columns count characters, the end is exclusive.
pub(crate) struct TextSpan {
    pub(crate) text: Arc<str>,
    pub(crate) start: (usize, usize),
    pub(crate) end: (usize, usize),
}

/// A region of the file on disk, as SARIF and GitHub give one.
pub(crate) struct Region {
    pub(crate) line: usize,
    pub(crate) end_line: usize,
    /// Start and end columns, only where they are known: not for a JSON
    /// Lines record (its offsets are into the decoded `text`) nor for a
    /// source that could not be re-read.
    pub(crate) columns: Option<(usize, usize)>,
}

impl Location {
    pub(crate) fn region(&self) -> Region {
        match (self.record, &self.span) {
            (Some(line), _) => Region {
                line,
                end_line: line,
                columns: None,
            },
            (None, Some(span)) => Region {
                line: span.start.0,
                end_line: span.end.0,
                columns: Some((span.start.1, span.end.1)),
            },
            (None, None) => Region {
                line: 1,
                end_line: 1,
                columns: None,
            },
        }
    }
}

/// Whether `start..end` is a span of `text` that can be sliced.
fn fits(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.get(start..end).is_some()
}

/// `path.jsonl:LINE` into its parts; any other name is a plain file.
fn record_name(name: &str) -> Option<(&str, usize)> {
    let (path, line) = name.rsplit_once(':')?;
    if Format::of(Path::new(path)) != Some(Format::JsonLines) {
        return None;
    }
    Some((path, line.parse().ok()?))
}

/// A plain article. Invalid UTF-8 is decoded lossily, as the input problem
/// that reports it was, so its span still lands on the bad bytes; a binary
/// file has no text to show.
fn read_file(name: &str) -> Option<Source> {
    let bytes = std::fs::read(name).ok()?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return None;
    }
    Some(Source::new(String::from_utf8_lossy(&bytes)))
}

/// The records of a JSON Lines file that `wanted` names, decoded by the
/// reader that produced the findings so that offsets land where they did.
/// The file is read block by block and only until every wanted record is in.
fn read_records(path: &str, wanted: &HashSet<usize>) -> HashMap<usize, Source> {
    let input = Input {
        path: PathBuf::from(path),
        name: path.to_string(),
        format: Format::JsonLines,
    };
    let mut records = HashMap::new();
    for block in LineBlocks::open(&input) {
        let mut loaded = Loaded::default();
        block.parse(&mut loaded);
        for article in loaded.articles {
            if let Some(line) = article.line
                && wanted.contains(&line)
            {
                records.insert(line, Source::new(article.text));
            }
        }
        if records.len() == wanted.len() {
            break;
        }
    }
    records
}
