//! A byte-level tokenizer: words, numbers and single punctuation marks,
//! with byte offsets into the text. One pass, no allocation per token; the
//! token buffer is reused across articles by the caller.

use super::lexicon::OPENING;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes (`Israel's`, `they’re`).
    Word,
    /// Digits with thousands separators and one decimal point (`57,500`, `1.5`).
    Number,
    /// One character that is neither (`,` `%` `$` `-` `—` …).
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The token may open a figure: a number, a sign or currency mark, or
    /// a word `lexicon::OPENING` lets through. Most tokens cannot; telling
    /// so here, where the kind is known, spares the scanner a second look.
    pub opens: bool,
}

impl Token {
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Appends the tokens of `text[range]` to `out`, and the indices of those
/// that may open a figure to `openers`. Whitespace (including no-break and
/// thin spaces) separates tokens and is not kept. Not inlined:
/// in a function of its own, the loop over words keeps its state in
/// registers.
#[inline(never)]
pub(crate) fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    out: &mut Vec<Token>,
    openers: &mut Vec<u32>,
) {
    // Cut at the range's end, so that reads below it need no bounds check.
    let bytes = &text.as_bytes()[..range.end];
    let end = bytes.len();
    let mut at = range.start;
    while at < end {
        // Most tokens are short words: read them from one chunk, without
        // the tests below.
        if let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
            let chunk = u64::from_le_bytes(*chunk);
            // 0 when the first byte is no letter, 8 when all eight are.
            let len = not_letters(chunk).trailing_zeros() as usize / 8;
            let stop = (chunk >> (len * 8 % 64)) as u8;
            // An apostrophe or a non-ASCII byte may continue the word.
            if (1..8).contains(&len) && stop != b'\'' && stop.is_ascii() {
                let opens = OPENING.may_contain(&chunk.to_le_bytes()[..len]);
                if opens {
                    openers.push(out.len() as u32);
                }
                out.push(Token {
                    start: at as u32,
                    end: (at + len) as u32,
                    kind: Kind::Word,
                    opens,
                });
                at += len + usize::from(stop == b' ');
                continue;
            }
        }
        let b = bytes[at];
        let start = at;
        // Letters first: most tokens are words.
        let kind = if b.is_ascii_alphabetic() {
            at = word_end(text, at + 1, end);
            Kind::Word
        } else if b.is_ascii_whitespace() {
            at += 1;
            continue;
        } else if b.is_ascii_digit() || leading_point(bytes, at, range.start, end) {
            at = number_end(bytes, at, end);
            Kind::Number
        } else if b < 0x80 {
            at += 1;
            Kind::Punct
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}') {
                at += len;
                continue;
            }
            if c.is_alphabetic() {
                at = word_end(text, at + len, end);
                Kind::Word
            } else {
                at += len;
                Kind::Punct
            }
        };
        let opens = match kind {
            Kind::Number => true,
            Kind::Word => OPENING.may_contain(&bytes[start..at]),
            // `-`, `$`; `£`, `¥` (0xC2 …); `−`, `€`, `₹`, `₪` (0xE2 …)
            Kind::Punct => matches!(b, b'-' | b'$' | 0xC2 | 0xE2),
        };
        if opens {
            openers.push(out.len() as u32);
        }
        out.push(Token {
            start: start as u32,
            end: at as u32,
            kind,
            opens,
        });
        // Most tokens are followed by one space: skip it here rather than
        // in a turn of the loop of its own.
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
    }
}

/// A decimal written without its zero (`.500 record`, `.001 per cent`):
/// a point before a digit that does not follow a word, number or mark.
fn leading_point(bytes: &[u8], at: usize, start: usize, end: usize) -> bool {
    bytes[at] == b'.'
        && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
        && at + 1 < end
        && (at == start || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r' | b'('))
}

fn number_end(bytes: &[u8], mut at: usize, end: usize) -> usize {
    let mut seen_point = false;
    while at < end {
        let b = bytes[at];
        if b.is_ascii_digit() || b == b',' && group_of_three(bytes, at + 1, end) {
            at += 1;
        } else if b == b'.' && !seen_point && at + 1 < end && bytes[at + 1].is_ascii_digit() {
            seen_point = true;
            at += 1;
        } else {
            break;
        }
    }
    at
}

/// A thousands separator is followed by exactly three digits.
fn group_of_three(bytes: &[u8], at: usize, end: usize) -> bool {
    at + 3 <= end
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && (at + 3 == end || !bytes[at + 3].is_ascii_digit())
}

/// Inlined with a fast skip over ASCII letters, which make up most of
/// every word: this runs for every word of the corpus.
#[inline(always)]
fn word_end(text: &str, mut at: usize, end: usize) -> usize {
    let word = &text.as_bytes()[..end];
    loop {
        at = letters_end(word, at);
        match word.get(at) {
            Some(b'\'') if word.get(at + 1).is_some_and(u8::is_ascii_alphabetic) => at += 2,
            Some(&b) if b >= 0x80 => match inner_letter(text, at) {
                Some(len) => at += len,
                None => return at,
            },
            _ => return at,
        }
    }
}

/// The end of the run of ASCII letters at `at`, eight bytes at a time
/// while eight remain: most words end within the first eight.
#[inline(always)]
fn letters_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let others = not_letters(u64::from_le_bytes(chunk));
        if others != 0 {
            return at + others.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

/// The high bit of each byte of `chunk` that is not an ASCII letter,
/// tested in all eight bytes at once: a byte is a letter when it is ASCII
/// and, lower-cased, from `a` to `z`.
fn not_letters(chunk: u64) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    const CASE: u64 = ONES * 0x20;
    // Each sum sets a byte's high bit when it is at least `a`, or past `z`.
    const TO_A: u64 = ONES * (0x80 - b'a' as u64);
    const PAST_Z: u64 = ONES * (0x80 - b'z' as u64 - 1);
    // High bits cleared, so that no sum carries into the next byte.
    let lower = (chunk & !HIGH) | CASE;
    let letters = (lower + TO_A) & !(lower + PAST_Z) & !chunk & HIGH;
    !letters & HIGH
}

/// The length of the non-ASCII character at `at` when it continues a word:
/// a letter, or a curly apostrophe before an ASCII letter (`they’re`).
fn inner_letter(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next()?;
    let len = c.len_utf8();
    let next_is_letter = text
        .as_bytes()
        .get(at + len)
        .is_some_and(u8::is_ascii_alphabetic);
    (c.is_alphabetic() || (c == '\u{2019}' && next_is_letter)).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out, &mut Vec::new());
        out.iter().map(|t| (&text[t.range()], t.kind)).collect()
    }

    #[test]
    fn numbers_keep_separators_and_one_point() {
        use Kind::*;
        assert_eq!(
            kinds("57,500 and 1.5m, 1,20 (3.2.1)"),
            vec![
                ("57,500", Number),
                ("and", Word),
                ("1.5", Number),
                ("m", Word),
                (",", Punct),
                ("1", Number),
                (",", Punct),
                ("20", Number),
                ("(", Punct),
                ("3.2", Number),
                (".", Punct),
                ("1", Number),
                (")", Punct),
            ]
        );
    }

    #[test]
    fn words_keep_apostrophes_and_non_ascii_letters() {
        assert_eq!(
            kinds("they’re Israel's café — x"),
            vec![
                ("they’re", Kind::Word),
                ("Israel's", Kind::Word),
                ("café", Kind::Word),
                ("—", Kind::Punct),
                ("x", Kind::Word),
            ]
        );
    }

    #[test]
    fn apostrophes_join_letters_only() {
        assert_eq!(
            kinds("rock'n'roll O' \u{2019}tis x\u{2019} don\u{2019}t"),
            vec![
                ("rock'n'roll", Kind::Word),
                ("O", Kind::Word),
                ("'", Kind::Punct),
                ("\u{2019}", Kind::Punct),
                ("tis", Kind::Word),
                ("x", Kind::Word),
                ("\u{2019}", Kind::Punct),
                ("don\u{2019}t", Kind::Word),
            ]
        );
    }

    #[test]
    fn letters_end_where_a_byte_is_no_ascii_letter() {
        for b in 0..=255u8 {
            let mut bytes = *b"abcdefghijklmnopqrstuvwxyz";
            for at in [0, 3, 7, 8, 20, 25] {
                let mut text = bytes;
                text[at] = b;
                let end = if b.is_ascii_alphabetic() { 26 } else { at };
                assert_eq!(letters_end(&text, 0), end, "{b:#x} at {at}");
            }
            bytes.make_ascii_uppercase();
            bytes[5] = b;
            let end = if b.is_ascii_alphabetic() { 26 } else { 5 };
            assert_eq!(letters_end(&bytes, 0), end, "{b:#x}");
        }
    }

    #[test]
    fn signs_currency_marks_numbers_and_number_words_may_open() {
        let text = "- \u{2212} $ \u{a3} \u{20ac} \u{a5} \u{20b9} \u{20aa} 5 Five USD , the %";
        let mut tokens = Vec::new();
        let mut openers = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens, &mut openers);
        let opens: Vec<_> = tokens.iter().map(|t| (&text[t.range()], t.opens)).collect();
        let last = opens.len() - 3;
        assert!(opens[..last].iter().all(|&(_, o)| o), "{opens:?}");
        assert!(opens[last..].iter().all(|&(_, o)| !o), "{opens:?}");
        assert!(openers.iter().copied().eq(0..last as u32), "{openers:?}");
    }
}
