//! `check --format json`: one object `{"findings": [...], "summary": {...}}`
//! (the contract in PRODUCT.md), pretty-printed. Labels carry byte offsets
//! only: no source is read again. Findings are written out and serialized
//! in parallel, a bounded batch at a time, and written in order, so JSON
//! output stays as cheap as the check itself on corpora of any size.

use std::fmt::{self, Write as _};
use std::io;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::{Summary, count};
use crate::article::plain_run;
use crate::engine::{Describe, Findings, Name};
use crate::rules::Severity;

/// Findings serialized together by one thread.
const CHUNK: usize = 256;

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    summary: &Summary,
) -> io::Result<()> {
    // The layout serde_json's pretty printer gives the whole document,
    // written member by member as each finding is described: no finding
    // or record is built to be serialized.
    out.write_all(b"{\n  \"findings\": [")?;
    let batch = CHUNK * rayon::current_num_threads() * 2;
    for first in (0..findings.len()).step_by(batch) {
        let last = (first + batch).min(findings.len());
        let chunks: Vec<Vec<u8>> = (first..last)
            .step_by(CHUNK)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|start| {
                let mut element = Element {
                    buf: Vec::new(),
                    text: String::new(),
                    labels: 0,
                    result: Ok(()),
                };
                for i in start..(start + CHUNK).min(last) {
                    element
                        .buf
                        .extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    findings.describe(i, &mut element);
                    element.close();
                }
                element.result?;
                Ok(element.buf)
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

/// Writes findings into `buf` as elements of the `findings` array, each
/// part as it is described.
struct Element {
    buf: Vec<u8>,
    /// A formatted message or name, before it is escaped.
    text: String,
    /// Labels written in the current finding.
    labels: usize,
    /// An error of any part written.
    result: io::Result<()>,
}

impl Element {
    /// A member whose value is a string.
    fn string(&mut self, depth: usize, first: bool, key: &str, value: &str) {
        name(&mut self.buf, depth, first, key);
        if let Err(error) = string(&mut self.buf, value) {
            self.result = Err(error.into());
        }
    }

    /// A member whose value is formatted text.
    fn text(&mut self, depth: usize, first: bool, key: &str, value: impl fmt::Display) {
        self.text.clear();
        if write!(self.text, "{value}").is_err() {
            self.result = Err(io::Error::other("a finding could not be formatted"));
        }
        name(&mut self.buf, depth, first, key);
        if let Err(error) = string(&mut self.buf, &self.text) {
            self.result = Err(error.into());
        }
    }

    /// A member whose value is a string or `null`.
    fn optional(&mut self, depth: usize, first: bool, key: &str, value: Option<&str>) {
        match value {
            Some(value) => self.string(depth, first, key, value),
            None => {
                name(&mut self.buf, depth, first, key);
                self.buf.extend_from_slice(b"null");
            }
        }
    }

    fn number(&mut self, depth: usize, first: bool, key: &str, value: usize) {
        if let Err(error) = member(&mut self.buf, depth, first, key, &value) {
            self.result = Err(error.into());
        }
    }

    /// Ends the finding and its `labels` array.
    fn close(&mut self) {
        if self.labels > 0 {
            self.buf.push(b'\n');
            indent(&mut self.buf, 6);
        }
        self.buf.extend_from_slice(b"]\n    }");
        self.labels = 0;
    }
}

impl Describe for Element {
    fn finding(
        &mut self,
        rule: &str,
        severity: Severity,
        message: fmt::Arguments<'_>,
        metric: Option<&str>,
        help: Option<&str>,
    ) {
        self.buf.push(b'{');
        self.string(6, true, "rule", rule);
        self.string(6, false, "severity", severity.name());
        self.text(6, false, "message", message);
        self.optional(6, false, "metric", metric);
        self.optional(6, false, "help", help);
        name(&mut self.buf, 6, false, "labels");
        self.buf.push(b'[');
    }

    fn label(&mut self, file: Name<'_>, span: Range<usize>, message: fmt::Arguments<'_>) {
        self.buf
            .extend_from_slice(if self.labels == 0 { b"\n" } else { b",\n" });
        indent(&mut self.buf, 8);
        self.buf.push(b'{');
        self.text(10, true, "file", file);
        self.number(10, false, "start", span.start);
        self.number(10, false, "end", span.end);
        self.text(10, false, "message", message);
        self.buf.push(b'\n');
        indent(&mut self.buf, 8);
        self.buf.push(b'}');
        self.labels += 1;
    }
}

/// `value` as a JSON string. Most need no escape, and are copied as they
/// are; serde_json escapes the others.
fn string(buf: &mut Vec<u8>, value: &str) -> serde_json::Result<()> {
    if plain_run(value.as_bytes()) < value.len() {
        return serde_json::to_writer(buf, value);
    }
    buf.push(b'"');
    buf.extend_from_slice(value.as_bytes());
    buf.push(b'"');
    Ok(())
}

/// `"name": value` as a member of an object, on a line `depth` spaces in.
fn member(
    buf: &mut Vec<u8>,
    depth: usize,
    first: bool,
    key: &str,
    value: &(impl Serialize + ?Sized),
) -> serde_json::Result<()> {
    name(buf, depth, first, key);
    serde_json::to_writer(buf, value)
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

/// `depth` spaces, at most ten.
fn indent(buf: &mut Vec<u8>, depth: usize) {
    buf.extend_from_slice(&b"          "[..depth]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let texts = [
            "",
            "plain text",
            "\"quoted\"",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{0}\u{1f} controls",
            "\u{7f} delete is kept",
            "Gaza – 30,035 killed, “about” 1.5 million",
            "\u{2028}\u{2029} separators",
            "a long line of text well past sixteen bytes, ending in a quote\"",
            "é\"",
        ];
        for text in texts {
            let mut buf = Vec::new();
            string(&mut buf, text).expect("written");
            let expected = serde_json::to_string(text).expect("serialized");
            assert_eq!(String::from_utf8(buf).expect("UTF-8"), expected, "{text:?}");
        }
    }
}
