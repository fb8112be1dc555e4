//! `check --format sarif`: a SARIF 2.1.0 log for code scanning. Every check
//! of the pack is a rule (plus `input` for unreadable articles); a finding
//! is a result at its primary label, its other labels related locations.
//! Columns count Unicode code points, as `LineIndex` does.

use std::collections::HashMap;
use std::io;

use serde_json::{Value, json};

use super::{Location, SourceCache};
use crate::engine::{Finding, Findings, INPUT_RULE, Label};
use crate::rules::{Pack, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

const INPUT_EXPLAIN: &str = "An input could not be read as an article. figcheck reports a file \
    that cannot be opened, a binary or empty file, invalid UTF-8, a malformed JSON Lines record or \
    an unparsable date, and checks the rest of the corpus.";
const INPUT_HELP: &str = "fix or remove the input; the other articles were still checked";

/// A rule of the log: its id, its help (to tell a finding's own help
/// apart) and its SARIF descriptor.
struct Rule {
    id: String,
    help: Option<String>,
    descriptor: Value,
}

impl Rule {
    fn new(id: &str, kind: &str, severity: Severity, explain: &str, help: Option<&str>) -> Rule {
        let mut descriptor = json!({
            "id": id,
            "shortDescription": { "text": first_sentence(explain).unwrap_or_else(|| format!("{kind} check")) },
            "fullDescription": { "text": unwrap_lines(explain) },
            "defaultConfiguration": { "level": level(severity) },
            "properties": { "kind": kind },
        });
        if let Some(help) = help {
            descriptor["help"] = json!({ "text": help });
        }
        Rule {
            id: id.to_string(),
            help: help.map(str::to_string),
            descriptor,
        }
    }
}

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    pack: &Pack,
    cache: &mut SourceCache,
) -> io::Result<()> {
    let mut rules: Vec<Rule> = pack
        .checks
        .iter()
        .map(|c| {
            Rule::new(
                &c.id,
                c.kind.name(),
                c.severity,
                &c.explain,
                c.help.as_deref(),
            )
        })
        .collect();
    rules.push(Rule::new(
        INPUT_RULE,
        INPUT_RULE,
        Severity::Error,
        INPUT_EXPLAIN,
        Some(INPUT_HELP),
    ));
    let mut index: HashMap<String, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    let mut results = Vec::with_capacity(findings.len());
    for finding in findings.iter() {
        // A rule the pack does not know still gets a descriptor, so that
        // every ruleIndex is valid.
        let rule = *index.entry(finding.rule.clone()).or_insert_with(|| {
            rules.push(Rule::new(
                &finding.rule,
                &finding.rule,
                finding.severity,
                "",
                None,
            ));
            rules.len() - 1
        });
        results.push(result(&finding, rule, rules[rule].help.as_deref(), cache));
    }
    let rules: Vec<Value> = rules.into_iter().map(|r| r.descriptor).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "figcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn result(
    finding: &Finding,
    rule: usize,
    rule_help: Option<&str>,
    cache: &mut SourceCache,
) -> Value {
    // The rule's help says what to do in general; an input problem's own
    // help says what to do about this file.
    let text = match finding.help.as_deref() {
        Some(help) if Some(help) != rule_help => format!("{}\nhelp: {help}", finding.message),
        _ => finding.message.clone(),
    };
    let mut labels = finding.labels.iter();
    let mut result = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule,
        "level": level(finding.severity),
        "message": { "text": text },
    });
    if let Some(primary) = labels.next() {
        result["locations"] = json!([location(primary, cache.locate(finding, primary))]);
    }
    let related: Vec<Value> = labels
        .enumerate()
        .map(|(id, label)| {
            let mut related = location(label, cache.locate(finding, label));
            related["id"] = json!(id + 1);
            related
        })
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if let Some(metric) = &finding.metric {
        result["properties"] = json!({ "metric": metric });
    }
    result
}

fn location(label: &Label, location: Location) -> Value {
    let region = location.region();
    let mut json_region = json!({ "startLine": region.line });
    if let (Some((col, end_col)), Some(span)) = (region.columns, &location.span) {
        let chars = |range: Option<&str>| range.map_or(0, |s| s.chars().count());
        json_region = json!({
            "startLine": region.line,
            "startColumn": col,
            "endLine": region.end_line,
            "endColumn": end_col,
            "charOffset": chars(span.text.get(..label.start)),
            "charLength": chars(span.text.get(label.start..label.end)),
        });
    }
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&location.path) },
            "region": json_region,
        },
        "message": { "text": label.message },
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: forward slashes, and the few
/// characters that would end or corrupt one percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '\\' => out.push('/'),
            '%' => out.push_str("%25"),
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            _ => out.push(c),
        }
    }
    out
}

/// An explain text's lines as one paragraph per blank-line break.
fn unwrap_lines(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The first sentence of an explain text, for a one-line description.
fn first_sentence(text: &str) -> Option<String> {
    let paragraph = unwrap_lines(text).split("\n\n").next()?.to_string();
    let end = paragraph.find(". ").map_or(paragraph.len(), |i| i + 1);
    let sentence = paragraph[..end].trim();
    (!sentence.is_empty()).then(|| sentence.to_string())
}
