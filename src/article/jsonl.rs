//! JSON Lines corpora: one article per line with `text` and optional `id`,
//! `date`, `outlet` (or `source`), `title`, `url`. Each article is named
//! `path:LINE`, and its spans point into that line's decoded `text`.

use std::borrow::Cow;
use std::sync::Arc;

use serde::Deserialize;

use super::{Article, InputProblem, Loaded, Metadata, parse_date};

#[derive(Deserialize)]
struct Record<'a> {
    text: String,
    /// Read and dropped: borrowed from the line unless it has escapes.
    #[serde(default, borrow)]
    date: Option<Borrowed<'a>>,
    #[serde(default, alias = "source")]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// A string field borrowed from the line when it has no escapes: serde
/// borrows a `Cow` only as a field's own type, not inside an `Option`.
#[derive(Deserialize)]
#[serde(transparent)]
struct Borrowed<'a>(#[serde(borrow)] Cow<'a, str>);

/// Up to this many lines, or a little over this many bytes, are read and
/// parsed together: large enough to share out among threads, small enough
/// to bound memory on huge files.
const BLOCK_LINES: usize = 2048;
const BLOCK_BYTES: usize = 256 * 1024;

/// A run of lines of one JSON Lines file, to be parsed together.
#[derive(Debug)]
pub struct LineBlock {
    file: Arc<str>,
    /// 1-based number of the first line.
    first: usize,
    /// The lines, without their line ends, back to back in one buffer.
    bytes: Vec<u8>,
    /// Where each line ends in `bytes`.
    ends: Vec<usize>,
    /// A problem with the file itself (unreadable, empty).
    problem: Option<InputProblem>,
}

impl LineBlock {
    /// Bytes in the block, for progress.
    pub fn size(&self) -> u64 {
        (self.bytes.len() + self.ends.len()) as u64
    }

    /// Parses every line into an article, or a problem naming `path:LINE`.
    pub fn parse(self, loaded: &mut Loaded) {
        loaded.problems.extend(self.problem);
        loaded.articles.reserve(self.ends.len());
        let mut start = 0;
        for (i, &end) in self.ends.iter().enumerate() {
            let line = &self.bytes[start..end];
            start = end;
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match parse_line(&self.file, self.first + i, line) {
                Ok((article, problem)) => {
                    loaded.articles.push(article);
                    loaded.problems.extend(problem);
                }
                Err(problem) => loaded.problems.push(problem),
            }
        }
    }
}

/// Reads a JSON Lines file block by block, so that a file of any size is
/// never held in memory whole.
pub struct LineBlocks {
    file: Arc<str>,
    reader: Option<std::io::BufReader<std::fs::File>>,
    /// Why the file could not be opened, reported as the first block.
    open_error: Option<std::io::Error>,
    next_line: usize,
    seen_text: bool,
}

impl LineBlocks {
    pub fn open(input: &super::Input) -> LineBlocks {
        let (reader, open_error) = match std::fs::File::open(&input.path) {
            Ok(file) => (
                Some(std::io::BufReader::with_capacity(BLOCK_BYTES, file)),
                None,
            ),
            Err(err) => (None, Some(err)),
        };
        LineBlocks {
            file: Arc::from(input.name.as_str()),
            reader,
            open_error,
            next_line: 1,
            seen_text: false,
        }
    }

    fn problem(&mut self, problem: InputProblem) -> Option<LineBlock> {
        self.reader = None;
        Some(LineBlock {
            file: self.file.clone(),
            first: self.next_line,
            bytes: Vec::new(),
            ends: Vec::new(),
            problem: Some(problem),
        })
    }
}

impl Iterator for LineBlocks {
    type Item = LineBlock;

    fn next(&mut self) -> Option<LineBlock> {
        use std::io::BufRead;
        if let Some(err) = self.open_error.take() {
            return self.problem(super::unreadable(&self.file, &err));
        }
        let reader = self.reader.as_mut()?;
        let mut bytes = Vec::new();
        let mut ends = Vec::new();
        while ends.len() < BLOCK_LINES && bytes.len() < BLOCK_BYTES {
            let start = bytes.len();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {
                    if bytes.last() == Some(&b'\n') {
                        bytes.pop();
                    }
                    self.seen_text |= !bytes[start..].iter().all(u8::is_ascii_whitespace);
                    ends.push(bytes.len());
                }
                Err(err) => return self.problem(super::unreadable(&self.file, &err)),
            }
        }
        let first = self.next_line;
        self.next_line += ends.len();
        if ends.is_empty() {
            self.reader = None;
            if !self.seen_text {
                self.seen_text = true;
                let empty = InputProblem::new(&*self.file, "empty article")
                    .help("the JSON Lines file has no records");
                return self.problem(empty);
            }
            return None;
        }
        Some(LineBlock {
            file: self.file.clone(),
            first,
            bytes,
            ends,
            problem: None,
        })
    }
}

/// The article of one line, with a problem in its metadata if any (the
/// article is then checked as undated), or the problem that lost the line.
fn parse_line(
    file: &Arc<str>,
    line_number: usize,
    line: &[u8],
) -> Result<(Article, Option<InputProblem>), InputProblem> {
    // only a problem needs the record's name
    let name = || format!("{file}:{line_number}");
    let text = std::str::from_utf8(line).map_err(|err| {
        let at = err.valid_up_to();
        InputProblem::new(name(), "invalid UTF-8, line skipped")
            .at(String::from_utf8_lossy(line).into(), at..at + 3)
            .help("re-encode the file as UTF-8")
    })?;
    let record: Record = serde_json::from_str(text).map_err(|err| {
        let at = offset_of(text, err.line(), err.column());
        InputProblem::new(name(), format!("malformed JSON Lines record: {err}"))
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
    if let Some(Borrowed(date)) = record.date {
        meta.date = parse_date(&date);
        if meta.date.is_none() && !date.eq_ignore_ascii_case("unknown") {
            let at = text
                .find(&format!("\"{date}\""))
                .map_or(0..0, |at| at..at + date.len() + 2);
            problem = Some(
                InputProblem::new(name(), format!("unparsable date `{date}`"))
                    .at(Arc::from(text), at)
                    .help("write dates as YYYY-MM-DD; the article is checked as undated"),
            );
        }
    }
    let text = record.text;
    let article = Article {
        file: file.clone(),
        line: Some(line_number),
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
