//! `check --format json`: one object `{"findings": [...], "summary": {...}}`
//! (the contract in PRODUCT.md), pretty-printed. Labels keep their byte
//! offsets and add the 1-based line and column of their start in the
//! article text (for a JSON Lines record, in its decoded `text`).

use std::io;

use serde_json::{Value, json};

use super::{SourceCache, Summary, count};
use crate::engine::Finding;

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &[Finding],
    summary: &Summary,
    cache: &mut SourceCache,
) -> io::Result<()> {
    let [errors, warnings, infos] = count(findings);
    let findings: Vec<Value> = findings.iter().map(|f| finding(f, cache)).collect();
    let document = json!({
        "findings": findings,
        "summary": {
            "files": summary.files,
            "articles": summary.articles,
            "mentions": summary.mentions,
            "claims": summary.claims,
            "findings": findings.len(),
            "errors": errors,
            "warnings": warnings,
            "infos": infos,
        },
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn finding(finding: &Finding, cache: &mut SourceCache) -> Value {
    let labels: Vec<Value> = finding
        .labels
        .iter()
        .map(|label| {
            // Unknown when the text cannot be re-read: line 1, no column.
            let (line, column) = match cache.locate(finding, label).span {
                Some(span) => (span.start.0, Some(span.start.1)),
                None => (1, None),
            };
            json!({
                "file": &*label.file,
                "start": label.start,
                "end": label.end,
                "line": line,
                "column": column,
                "message": label.message,
            })
        })
        .collect();
    json!({
        "rule": finding.rule,
        "severity": finding.severity.name(),
        "message": finding.message,
        "metric": finding.metric,
        "help": finding.help,
        "labels": labels,
    })
}
