//! Articles: reading a corpus from disk into texts with metadata.
//!
//! An article keeps its whole source text (the file, or one JSONL line's
//! `text`) so that every span is a byte range into exactly what the user
//! sees; the header or front matter is metadata and is excluded from the body.

mod header;
mod jsonl;
mod walk;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

pub(crate) use jsonl::plain_run;
pub use jsonl::{LineBlock, LineBlocks};
pub use walk::{Input, walk};

/// One article ready for extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file the article comes from, as walked: shared by all the
    /// records of a JSON Lines file, so no name is built per article.
    pub file: Arc<str>,
    /// For a JSON Lines record, its 1-based line in `file`.
    pub line: Option<usize>,
    /// The text that spans point into.
    pub text: String,
    /// The byte range of the body (after any header or front matter).
    pub body: Range<usize>,
    pub meta: Metadata,
}

impl Article {
    /// How reports name the article: its path, `path:LINE` for a JSON Lines record.
    pub fn name(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.to_string(),
        }
    }
}

/// Metadata from the seed header, front matter or JSONL fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub date: Option<Date>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// A problem with an input: the file could not be read as an article, or a
/// part of its metadata is broken. Other articles are still checked.
#[derive(Debug, Clone)]
pub struct InputProblem {
    /// The path as named or walked, with `:LINE` for a JSONL line.
    pub name: String,
    pub message: String,
    /// The text the span points into (the file or the JSONL line), if any.
    pub source: Option<Arc<str>>,
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

impl InputProblem {
    fn new(name: impl Into<String>, message: impl Into<String>) -> Self {
        InputProblem {
            name: name.into(),
            message: message.into(),
            source: None,
            span: None,
            help: None,
        }
    }

    fn at(mut self, source: Arc<str>, span: Range<usize>) -> Self {
        self.source = Some(source);
        self.span = Some(span);
        self
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// What reading one input produced: its articles and its problems.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<InputProblem>,
}

/// The article formats figcheck reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt` and `.md`: a seed header line or front matter, then the body.
    Text,
    /// `.jsonl`: one article per line.
    JsonLines,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "txt" | "md" | "markdown" => Some(Format::Text),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Reads one text article (`.txt`, `.md`) through `buffer`, turning every
/// failure into a problem rather than an error so the rest of the corpus
/// goes on; returns the bytes read. JSON Lines files are read in blocks
/// with [`LineBlocks`].
pub fn load_text(input: &Input, buffer: &mut Vec<u8>, loaded: &mut Loaded) -> u64 {
    buffer.clear();
    match read_into(&input.path, buffer) {
        Ok(()) => match decode(&input.name, buffer) {
            Ok(text) => header::parse(&input.name, text, loaded),
            Err(problem) => loaded.problems.push(problem),
        },
        Err(err) => loaded.problems.push(unreadable(&input.name, &err)),
    }
    buffer.len() as u64
}

/// Reads a whole file into `buffer`, which keeps its capacity from file to
/// file. `std::fs::read` would first stat the file for its size: on small
/// articles that is a fifth of the system calls.
fn read_into(path: &Path, buffer: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Read;
    buffer.reserve(64 * 1024);
    // `Take` reads with plain `read` calls, without the size probe of `File`.
    std::fs::File::open(path)?
        .take(u64::MAX)
        .read_to_end(buffer)
        .map(drop)
}

fn unreadable(name: &str, err: &std::io::Error) -> InputProblem {
    InputProblem::new(name, format!("cannot read file: {err}"))
        .help("check that the file exists and is readable")
}

/// UTF-8 text of a file, or a problem pointing at the first bad byte.
fn decode(name: &str, bytes: &[u8]) -> Result<String, InputProblem> {
    let sniff = &bytes[..bytes.len().min(8192)];
    if sniff.contains(&0) {
        return Err(InputProblem::new(name, "binary file, not an article")
            .help("only UTF-8 text articles (.txt, .md, .jsonl) are checked"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) if text.trim().is_empty() => {
            Err(InputProblem::new(name, "empty article").help("the file has no text to check"))
        }
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let at = err.valid_up_to();
            let bad = err.error_len().unwrap_or(1);
            let lossy: Arc<str> = String::from_utf8_lossy(bytes).into();
            // In the lossy text the bad bytes became one U+FFFD (3 bytes).
            Err(InputProblem::new(name, "invalid UTF-8, article skipped")
                .at(lossy, at..at + 3)
                .help(format!(
                    "{bad} byte(s) at offset {at} are not UTF-8; re-encode the file as UTF-8"
                )))
        }
    }
}

/// Parses a `YYYY-MM-DD` date, also accepting a date-time whose date part
/// comes first (`2023-12-21T10:00:00Z`).
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let day = text.get(..10).unwrap_or(text);
    if day.len() != 10 || text.len() > 10 && !matches!(text.as_bytes()[10], b'T' | b' ' | b't') {
        return None;
    }
    day.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_with_or_without_time() {
        assert_eq!(
            parse_date("2023-12-21"),
            Some(jiff::civil::date(2023, 12, 21))
        );
        assert_eq!(
            parse_date("2023-12-21T08:00:00Z"),
            Some(jiff::civil::date(2023, 12, 21))
        );
        assert_eq!(parse_date("2023-13-45"), None);
        assert_eq!(parse_date("21/12/2023"), None);
        assert_eq!(parse_date("2023-12-211"), None);
    }

    #[test]
    fn binary_and_empty_files_are_problems() {
        assert!(decode("a.txt", b"abc\0def").is_err());
        assert!(decode("a.txt", b"  \n").is_err());
        let bad = decode("a.txt", b"ok \xff here").unwrap_err();
        assert_eq!(bad.span, Some(3..6));
    }
}
