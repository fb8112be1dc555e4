//! JSON Lines corpora: one article per line with `text` and optional `id`,
//! `date`, `outlet` (or `source`), `title`, `url`. Each article is named
//! `path:LINE`, and its spans point into that line's decoded `text`.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::{Article, InputProblem, Loaded, Metadata, parse_date};

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default, alias = "source")]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

pub(super) fn parse(name: &str, bytes: &[u8], loaded: &mut Loaded) {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        loaded.problems.push(
            InputProblem::new(name, "empty article").help("the JSON Lines file has no records"),
        );
        return;
    }
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_name = format!("{name}:{}", index + 1);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&line_name, line) {
            Ok((article, problem)) => {
                loaded.articles.push(article);
                loaded.problems.extend(problem);
            }
            Err(problem) => loaded.problems.push(problem),
        }
    }
}

/// The article of one line, with a problem in its metadata if any (the
/// article is then checked as undated), or the problem that lost the line.
fn parse_line(name: &str, line: &[u8]) -> Result<(Article, Option<InputProblem>), InputProblem> {
    let text = std::str::from_utf8(line).map_err(|err| {
        let at = err.valid_up_to();
        InputProblem::new(name, "invalid UTF-8, line skipped")
            .at(String::from_utf8_lossy(line).into(), at..at + 3)
            .help("re-encode the file as UTF-8")
    })?;
    let record: Record = serde_json::from_str(text).map_err(|err| {
        let at = offset_of(text, err.line(), err.column());
        InputProblem::new(name, format!("malformed JSON Lines record: {err}"))
            .at(Arc::from(text), at..(at + 1).min(text.len()).max(at))
            .help("each line must be one JSON object with a string field `text`")
    })?;
    let mut meta = Metadata {
        outlet: record.outlet.filter(|o| !o.trim().is_empty()),
        title: record.title,
        url: record.url,
        ..Metadata::default()
    };
    let mut problem = None;
    if let Some(date) = record.date {
        meta.date = parse_date(&date);
        if meta.date.is_none() && !date.eq_ignore_ascii_case("unknown") {
            let at = text
                .find(&format!("\"{date}\""))
                .map_or(0..0, |at| at..at + date.len() + 2);
            problem = Some(
                InputProblem::new(name, format!("unparsable date `{date}`"))
                    .at(Arc::from(text), at)
                    .help("write dates as YYYY-MM-DD; the article is checked as undated"),
            );
        }
    }
    let text = record.text;
    let article = Article {
        name: Arc::from(name),
        body: 0..text.len(),
        text,
        meta,
    };
    Ok((article, problem))
}

/// serde_json reports 1-based line and column; the line is one line, so
/// the column is a byte offset plus one.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// `path:LINE` back into its parts, when the path is a JSONL file.
pub(super) fn split_name(name: &str) -> Option<(&str, usize)> {
    let (path, line) = name.rsplit_once(':')?;
    if !path.ends_with(".jsonl") {
        return None;
    }
    Some((path, line.parse().ok()?))
}

pub(super) fn reread_line(path: &Path, line: usize) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let raw = bytes.split(|&b| b == b'\n').nth(line.checked_sub(1)?)?;
    let record: Record = serde_json::from_slice(raw).ok()?;
    Some(record.text)
}
