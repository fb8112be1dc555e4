//! Case-insensitive patterns searched over ASCII-lowercased text. Compiled
//! case-insensitively, every letter of a pattern becomes a two-case class,
//! and a word like `released` has 256 spellings: too many for the meta
//! regex's prefilters, so it runs the DFA over every byte. Over text that
//! holds no capital letter the capitals can be dropped from every class,
//! the literals come back, and a search skips to where they occur (about
//! four times fewer instructions for a veto that does not match).
//!
//! Exact for a pattern that never tells case apart: every class holds both
//! cases of its letters (or neither), and no literal holds a letter (as
//! `(?-i:May)` would). Other patterns search the text as written.
//!
//! Only where it pays: the gates are lists of whole words. Prefilters can
//! also lose, as on the attribution cues, where `a\s+tally` leaves a
//! one-letter literal that fires all over the text.

use std::ops::Range;

use regex_automata::meta;
use regex_syntax::hir::{self, Class, ClassBytes, ClassBytesRange, Hir, HirKind};

/// An article's text as written and ASCII-lowercased: the same length and
/// offsets, since only the bytes `A`–`Z` change.
pub(super) struct Text<'a> {
    pub original: &'a str,
    pub lowered: &'a [u8],
}

/// A pattern compiled for the lowered text when it never tells case apart,
/// else for the text as written.
pub(super) struct Regex {
    regex: meta::Regex,
    lowered: bool,
}

impl Regex {
    /// Compiles `pattern` with the cues' syntax (ASCII, case-insensitive,
    /// over bytes).
    pub(super) fn new(pattern: &str) -> Result<Regex, String> {
        let hir = crate::rules::parse_cue(pattern)?;
        let folded = lowercase_only(&hir);
        let lowered = folded.is_some();
        let regex = meta::Regex::builder()
            .configure(meta::Regex::config().utf8_empty(false))
            .build_from_hir(folded.as_ref().unwrap_or(&hir))
            .map_err(|err| err.to_string())?;
        Ok(Regex { regex, lowered })
    }

    pub(super) fn is_match(&self, text: &Text<'_>, range: Range<usize>) -> bool {
        let haystack = if self.lowered {
            &text.lowered[range]
        } else {
            &text.original.as_bytes()[range]
        };
        self.regex.is_match(haystack)
    }
}

/// `hir` with the capitals dropped from its classes, if it never tells
/// case apart.
fn lowercase_only(hir: &Hir) -> Option<Hir> {
    Some(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => hir.clone(),
        HirKind::Literal(hir::Literal(bytes)) => {
            if bytes.iter().any(u8::is_ascii_alphabetic) {
                return None;
            }
            hir.clone()
        }
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Bytes(lowercase_class(class)?)),
        // `(?u:…)`: Unicode case folding is more than ASCII's
        HirKind::Class(Class::Unicode(_)) => return None,
        HirKind::Repetition(repetition) => Hir::repetition(hir::Repetition {
            min: repetition.min,
            max: repetition.max,
            greedy: repetition.greedy,
            sub: Box::new(lowercase_only(&repetition.sub)?),
        }),
        HirKind::Capture(capture) => Hir::capture(hir::Capture {
            index: capture.index,
            name: capture.name.clone(),
            sub: Box::new(lowercase_only(&capture.sub)?),
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.iter().map(lowercase_only).collect::<Option<_>>()?)
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(lowercase_only).collect::<Option<_>>()?)
        }
    })
}

/// `class` without `A`–`Z`, if it holds both cases of each of its letters.
fn lowercase_class(class: &ClassBytes) -> Option<ClassBytes> {
    // one bit per ASCII byte in the class
    let mut ascii = 0u128;
    for range in class.ranges().iter().filter(|r| r.start() < 0x80) {
        for byte in range.start()..=range.end().min(0x7f) {
            ascii |= 1 << byte;
        }
    }
    const LETTERS: u128 = (1 << 26) - 1;
    if (ascii >> b'A') & LETTERS != (ascii >> b'a') & LETTERS {
        return None;
    }
    let mut lowered = class.clone();
    lowered.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
    Some(lowered)
}

#[cfg(test)]
mod tests {
    use super::{Regex, Text};

    fn matches(pattern: &str, text: &str) -> (bool, bool) {
        let regex = Regex::new(pattern).unwrap();
        let lowered = text.to_ascii_lowercase();
        let text = Text {
            original: text,
            lowered: lowered.as_bytes(),
        };
        (regex.lowered, regex.is_match(&text, 0..text.original.len()))
    }

    #[test]
    fn case_blind_patterns_search_the_lowered_text() {
        assert_eq!(matches(r"\bhostages?\b", "HOSTAGES freed"), (true, true));
        assert_eq!(matches(r"[A-Z]{3}\s+\d", "UN 3"), (true, false));
        assert_eq!(matches(r"[A-Z]{2}\s+\d", "UN 3"), (true, true));
        assert_eq!(
            matches(r"^\s+[\w-]+\s+dead\b", " Israeli-held Dead"),
            (true, true)
        );
        assert_eq!(matches(r"[^a-z]\d", "x1"), (true, false));
        assert_eq!(matches(r"\brelease[sd]?\b", "releasing"), (true, false));
    }

    #[test]
    fn patterns_that_tell_case_apart_search_the_text_as_written() {
        assert_eq!(matches(r"\b(?-i:May)\b", "may"), (false, false));
        assert_eq!(matches(r"\b(?-i:May)\b", "in May"), (false, true));
        assert_eq!(matches(r"(?-i:[a-z])x", "Ax"), (false, false));
        assert_eq!(matches(r"(?u:\w)", "é"), (false, true));
    }
}
