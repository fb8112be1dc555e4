//! `check --format json`: one object `{"findings": [...], "summary": {...}}`
//! (the contract in PRODUCT.md), pretty-printed. Labels carry byte offsets
//! only: no source is read again. Findings are written out and serialized
//! in parallel, a bounded batch at a time, and written in order, so JSON
//! output stays as cheap as the check itself on corpora of any size.

use std::io;

use rayon::prelude::*;
use serde::Serialize;

use super::{Summary, count};
use crate::engine::{Finding, Findings};

/// Findings serialized together by one thread.
const CHUNK: usize = 256;

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    summary: &Summary,
) -> io::Result<()> {
    // The layout serde_json's pretty printer gives the whole document,
    // written member by member: no record is built to be serialized.
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
                    finding(&findings.get(i), &mut buf)?;
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
    out.write_all(b"],\n  \"summary\": {")?;
    let [errors, warnings, infos] = count(findings);
    let mut buf = Vec::new();
    let members = [
        ("files", summary.files),
        ("articles", summary.articles),
        ("mentions", summary.mentions),
        ("claims", summary.claims),
        ("findings", findings.len()),
        ("errors", errors),
        ("warnings", warnings),
        ("infos", infos),
    ];
    for (i, (name, value)) in members.into_iter().enumerate() {
        member(&mut buf, 4, i == 0, name, &value)?;
    }
    out.write_all(&buf)?;
    out.write_all(b"\n  }\n}\n")
}

/// A finding as an element of the `findings` array.
fn finding(finding: &Finding, buf: &mut Vec<u8>) -> io::Result<()> {
    buf.push(b'{');
    member(buf, 6, true, "rule", &finding.rule)?;
    member(buf, 6, false, "severity", finding.severity.name())?;
    member(buf, 6, false, "message", &finding.message)?;
    member(buf, 6, false, "metric", &finding.metric)?;
    member(buf, 6, false, "help", &finding.help)?;
    name(buf, 6, false, "labels");
    buf.push(b'[');
    for (i, label) in finding.labels.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        indent(buf, 8);
        buf.push(b'{');
        member(buf, 10, true, "file", &*label.file)?;
        member(buf, 10, false, "start", &label.start)?;
        member(buf, 10, false, "end", &label.end)?;
        member(buf, 10, false, "message", &label.message)?;
        buf.push(b'\n');
        indent(buf, 8);
        buf.push(b'}');
    }
    if !finding.labels.is_empty() {
        buf.push(b'\n');
        indent(buf, 6);
    }
    buf.extend_from_slice(b"]\n    }");
    Ok(())
}

/// `"name": value` as a member of an object, on a line `depth` spaces in.
fn member(
    buf: &mut Vec<u8>,
    depth: usize,
    first: bool,
    key: &str,
    value: &(impl Serialize + ?Sized),
) -> io::Result<()> {
    name(buf, depth, first, key);
    serde_json::to_writer(buf, value)?;
    Ok(())
}

/// `"name": `, on a new line `depth` spaces in, after a comma unless the
/// member is the first of its object.
fn name(buf: &mut Vec<u8>, depth: usize, first: bool, key: &str) {
    buf.extend_from_slice(if first { b"\n" } else { b",\n" });
    indent(buf, depth);
    buf.push(b'"');
    buf.extend_from_slice(key.as_bytes());
    buf.extend_from_slice(b"\": ");
}

fn indent(buf: &mut Vec<u8>, depth: usize) {
    buf.extend(std::iter::repeat_n(b' ', depth));
}
