//! `check --format json`: one object `{"findings": [...], "summary": {...}}`
//! (the contract in PRODUCT.md), pretty-printed. Labels carry byte offsets
//! only: no source is read again. Findings are written out and serialized
//! in parallel, a bounded batch at a time, and written in order, so JSON
//! output stays as cheap as the check itself on corpora of any size.

use std::io;

use rayon::prelude::*;
use serde::Serialize;

use super::{Summary, count};
use crate::engine::{Finding, Findings, Label};

/// Findings serialized together by one thread.
const CHUNK: usize = 256;

#[derive(Serialize)]
struct FindingRecord<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    metric: Option<&'a str>,
    help: Option<&'a str>,
    labels: Vec<LabelRecord<'a>>,
}

#[derive(Serialize)]
struct LabelRecord<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryRecord {
    files: usize,
    articles: usize,
    mentions: usize,
    claims: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    summary: &Summary,
) -> io::Result<()> {
    let [errors, warnings, infos] = count(findings);
    let summary = SummaryRecord {
        files: summary.files,
        articles: summary.articles,
        mentions: summary.mentions,
        claims: summary.claims,
        findings: findings.len(),
        errors,
        warnings,
        infos,
    };
    // The layout serde_json's pretty printer gives the whole document.
    out.write_all(b"{\n  \"findings\": [")?;
    let batch = CHUNK * rayon::current_num_threads() * 2;
    for first in (0..findings.len()).step_by(batch) {
        let last = (first + batch).min(findings.len());
        let chunks: Vec<Vec<u8>> = (first..last)
            .step_by(CHUNK)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|start| {
                let mut buf = Vec::new();
                for i in start..(start + CHUNK).min(last) {
                    buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    nested(&record(&findings.get(i)), 4, &mut buf)?;
                }
                Ok(buf)
            })
            .collect::<io::Result<_>>()?;
        for chunk in chunks {
            out.write_all(&chunk)?;
        }
    }
    if !findings.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    let mut buf = Vec::new();
    nested(&summary, 2, &mut buf)?;
    out.write_all(&buf)?;
    out.write_all(b"\n}\n")
}

/// `value` pretty-printed to sit `depth` spaces in: the lines after the
/// first are indented (a JSON string never holds a raw line break).
fn nested(value: &impl Serialize, depth: usize, buf: &mut Vec<u8>) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            buf.push(b'\n');
            buf.extend(std::iter::repeat_n(b' ', depth));
        }
        buf.extend_from_slice(line);
    }
    Ok(())
}

fn record(finding: &Finding) -> FindingRecord<'_> {
    FindingRecord {
        rule: &finding.rule,
        severity: finding.severity.name(),
        message: &finding.message,
        metric: finding.metric.as_deref(),
        help: finding.help.as_deref(),
        labels: finding.labels.iter().map(label).collect(),
    }
}

fn label(label: &Label) -> LabelRecord<'_> {
    LabelRecord {
        file: &label.file,
        start: label.start,
        end: label.end,
        message: &label.message,
    }
}
