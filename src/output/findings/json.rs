//! `check --format json`: one object `{"findings": [...], "summary": {...}}`
//! (the contract in PRODUCT.md), pretty-printed. Labels carry byte offsets
//! only: no source is read again, and each finding is written out as it is
//! serialized, so JSON output stays as cheap as the check itself on corpora
//! of any size.

use std::io;

use serde::{Serialize, Serializer};

use super::{Summary, count};
use crate::engine::{Finding, Findings, Label};

#[derive(Serialize)]
struct Document<'a> {
    findings: FindingList<'a>,
    summary: SummaryRecord,
}

/// The findings, spelled out one at a time as the serializer asks.
struct FindingList<'a>(&'a Findings<'a>);

impl Serialize for FindingList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Written))
    }
}

/// A finding written out, serialized as its record.
struct Written(Finding);

impl Serialize for Written {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        record(&self.0).serialize(serializer)
    }
}

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
    let document = Document {
        findings: FindingList(findings),
        summary: SummaryRecord {
            files: summary.files,
            articles: summary.articles,
            mentions: summary.mentions,
            claims: summary.claims,
            findings: findings.len(),
            errors,
            warnings,
            infos,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
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
