//! JSON Lines corpora: one article per line with `text` and optional `id`,
//! `date`, `outlet` (or `source`), `title`, `url`. Each article is named
//! `path:LINE`, and its spans point into that line's decoded `text`.

use std::borrow::Cow;
use std::sync::Arc;

use serde::Deserialize;

use super::{Article, InputProblem, Loaded, Metadata, parse_date};

#[derive(Deserialize, Debug, PartialEq)]
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
#[derive(Deserialize, Debug, PartialEq)]
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
        // Sized for the whole block, with room for its last line to run
        // past: growing it line by line would copy it over and over.
        let mut bytes = Vec::with_capacity(2 * BLOCK_BYTES);
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
    let record = match read_flat(text) {
        Some(record) => record,
        None => serde_json::from_str(text).map_err(|err| {
            let at = offset_of(text, err.line(), err.column());
            InputProblem::new(name(), format!("malformed JSON Lines record: {err}"))
                .at(Arc::from(text), at..(at + 1).min(text.len()).max(at))
                .help("each line must be one JSON object with a string field `text`")
        })?,
    };
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

/// The record of a line that is one flat JSON object of strings (and
/// nulls), read without serde_json at a fraction of its cost; `None` for
/// anything else (other values, `\u` escapes, a repeated field, malformed
/// JSON), which serde_json then reads or words the error for.
fn read_flat(line: &str) -> Option<Record<'_>> {
    let mut reader = FlatReader { line, at: 0 };
    // Each field is unseen, null or a string, as serde tells them apart.
    let mut text = None;
    let mut date = None;
    let mut outlet = None;
    let mut title = None;
    let mut url = None;
    reader.expect(b'{')?;
    loop {
        reader.expect(b'"')?;
        let key = reader.string()?;
        reader.expect(b':')?;
        let value = reader.value()?;
        let field = match &*key {
            "text" => Some(&mut text),
            "date" => Some(&mut date),
            "outlet" | "source" => Some(&mut outlet),
            "title" => Some(&mut title),
            "url" => Some(&mut url),
            // serde ignores unknown fields
            _ => None,
        };
        // and rejects a repeated one
        if let Some(field) = field
            && field.replace(value).is_some()
        {
            return None;
        }
        if reader.expect(b'}').is_some() {
            break;
        }
        reader.expect(b',')?;
    }
    reader.skip_whitespace();
    if reader.at != line.len() {
        return None;
    }
    Some(Record {
        text: text??.into_owned(),
        date: date.flatten().map(Borrowed),
        outlet: outlet.flatten().map(Cow::into_owned),
        title: title.flatten().map(Cow::into_owned),
        url: url.flatten().map(Cow::into_owned),
    })
}

/// A cursor over one JSON Lines record for [`read_flat`].
struct FlatReader<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> FlatReader<'a> {
    /// Skips JSON whitespace, as serde_json does.
    fn skip_whitespace(&mut self) {
        let bytes = self.line.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// Reads `byte` after any whitespace.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.line.as_bytes().get(self.at) == Some(&byte)).then(|| self.at += 1)
    }

    /// A value that is a string or null.
    fn value(&mut self) -> Option<Option<Cow<'a, str>>> {
        if self.expect(b'"').is_some() {
            return self.string().map(Some);
        }
        let null = self.line.as_bytes()[self.at..].starts_with(b"null");
        null.then(|| {
            self.at += 4;
            None
        })
    }

    /// The rest of a string whose opening quote was read, unescaped:
    /// borrowed from the line unless it has escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let bytes = self.line.as_bytes();
        let mut unescaped: Option<String> = None;
        let mut run = self.at;
        loop {
            let end = self.at + plain_run(&bytes[self.at..]);
            let escape = match *bytes.get(end)? {
                b'"' => {
                    self.at = end + 1;
                    let last = &self.line[run..end];
                    return Some(match unescaped {
                        None => Cow::Borrowed(last),
                        Some(mut unescaped) => {
                            unescaped.push_str(last);
                            Cow::Owned(unescaped)
                        }
                    });
                }
                b'\\' => match bytes.get(end + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    // `\u` escapes are rare: serde_json reads those lines
                    _ => return None,
                },
                // a control character, which JSON strings must escape
                _ => return None,
            };
            // one allocation: the string is at most the rest of the line
            let unescaped =
                unescaped.get_or_insert_with(|| String::with_capacity(bytes.len() - run));
            unescaped.push_str(&self.line[run..end]);
            unescaped.push(escape);
            self.at = end + 2;
            run = self.at;
        }
    }
}

/// How many bytes at the start of `bytes` a JSON string holds as they
/// are: up to a quote, a backslash or a control character. Eight bytes at
/// a time, as texts are most of a line. JSON output uses it too, to find
/// the strings it can copy unescaped.
pub(crate) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH_BITS: u64 = ONES << 7;
    // The high bit of each byte below `n`, for bytes below 0x80: exact for
    // the first such byte (the least significant), which is all we read.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH_BITS;
    let (chunks, _) = bytes.as_chunks::<8>();
    for (i, chunk) in chunks.iter().enumerate() {
        let word = u64::from_le_bytes(*chunk);
        let stops = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if stops != 0 {
            return i * 8 + stops.trailing_zeros() as usize / 8;
        }
    }
    let rest = &bytes[chunks.len() * 8..];
    chunks.len() * 8
        + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_records_read_as_serde_json_reads_them() {
        let lines = [
            r#"{"id": "a1", "outlet": "Daily", "text": "One.\n\nTwo \"quoted\" \\ \/ \t\b\f\r end.", "date": "2024-01-02"}"#,
            r#"{"text":"plain","source":"Wire","title":"T","url":"https://x.test/a?b=1"}"#,
            r#"  { "text" : "é ünï ☃ 𝄞" , "date" : null , "outlet" : null }  "#,
            "{\t\"text\":\r\"tabs around\"\t}",
            r#"{"text": "", "title": "", "url": ""}"#,
            r#"{"te\u0078t": "key escaped"}"#,
            r#"{"text": "\u00e9 escaped"}"#,
            r#"{"text": "a", "id": 17}"#,
            r#"{"text": "a", "meta": {"k": "v"}}"#,
            r#"{"text": "a", "text": "b"}"#,
            r#"{"text": "a", "outlet": "O", "source": "S"}"#,
            r#"{"text": null}"#,
            r#"{"outlet": "no text"}"#,
            r#"{}"#,
            r#"{"text": "a",}"#,
            r#"{"text": "a"} {"text": "b"}"#,
            r#"{"text": "a""#,
            r#"{"text": "a"#,
            r#"{"text": "a\"#,
            r#"{"text": "bad \x escape"}"#,
            "{\"text\": \"raw \t tab\"}",
            r#"{"text": "a", "date": nul}"#,
            r#"{"text": "a", "date": nullx}"#,
            r#"{"text": "a", "date": true}"#,
            r#"["a", null]"#,
            r#"{"text" "a"}"#,
            r#"{"text": "a" "date": "b"}"#,
            r#"{text: "a"}"#,
            "",
        ];
        // what the fast path reads, it reads as serde_json does; the rest
        // (a reading or an error) is left to serde_json
        for line in lines {
            if let Some(flat) = read_flat(line) {
                assert_eq!(Some(flat), serde_json::from_str(line).ok(), "{line}");
            }
        }
        for common in &lines[..5] {
            assert!(read_flat(common).is_some(), "{common}");
        }
    }

    #[test]
    fn plain_runs_end_where_a_byte_loop_ends_them() {
        let stops = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let mut text = "Plain words, «ünïcode» ☃ and more words to fill several words".to_owned();
        for stop in ["\"", "\\", "\n", "\u{1f}", "\0"] {
            for at in 0..text.len() + 1 {
                if !text.is_char_boundary(at) {
                    continue;
                }
                let mut line = text.clone();
                line.insert_str(at, stop);
                let bytes = line.as_bytes();
                for start in 0..bytes.len() {
                    let expected = bytes[start..].iter().position(|&b| stops(b));
                    let expected = expected.unwrap_or(bytes.len() - start);
                    assert_eq!(
                        plain_run(&bytes[start..]),
                        expected,
                        "{line:?} from {start}"
                    );
                }
            }
        }
        text.clear();
        assert_eq!(plain_run(text.as_bytes()), 0);
    }
}
