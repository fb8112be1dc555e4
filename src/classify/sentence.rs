//! Sentences and clauses of a body, as byte ranges. Cues look at the
//! clause of a figure (dates, vetoes) or its sentence (context,
//! attribution), so both are computed once per article.

use std::ops::Range;

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: [&str; 36] = [
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "st", "jr", "sr", "no",
    "nos", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "vs",
    "inc", "corp", "co", "ltd", "prof", "capt", "sgt", "maj", "mt",
];

/// Splits `text[body]` into sentences: after `.`, `!` or `?` (and any
/// closing quotes) followed by a space and a capital, digit or quote, and
/// at line breaks.
pub(crate) fn sentences(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // news sentences run well over 64 bytes: one allocation, rarely two
    let mut out = Vec::with_capacity(body.len() / 64 + 1);
    let mut start = body.start;
    for i in ends(&bytes[body.clone()]).map(|i| body.start + i) {
        let b = bytes[i];
        let end_here = if b == b'\n' {
            Some(i)
        } else {
            let mut j = i + 1;
            // closing quotes and brackets stay with the sentence (none of
            // them can end one, so `ends` has nothing between i and j)
            while j < body.end {
                if matches!(bytes[j], b'"' | b'\'' | b')') {
                    j += 1;
                } else if text[j..].starts_with('\u{201d}') || text[j..].starts_with('\u{2019}') {
                    j += 3;
                } else {
                    break;
                }
            }
            let gap = bytes[j..body.end]
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            let next = &text[j + gap..body.end];
            let opens = next.chars().next().is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '(')
            });
            // looked up last: most periods end a sentence for other reasons
            let abbreviation = || b == b'.' && is_abbreviation(&text[start..i]);
            (next.is_empty()
                || next.starts_with(['\n', '\r'])
                || (gap > 0 && opens && !abbreviation()))
            .then_some(j)
        };
        if let Some(end) = end_here {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..body.end, &mut out);
    out
}

/// Offsets in `bytes` of every byte that may end a sentence, in order:
/// `.`, `!`, `?` and line breaks. memchr skips the bytes between them many
/// times faster than a loop over every byte.
fn ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .chain([bytes.len()])
        .flat_map(move |stop| {
            let lines = memchr::memchr_iter(b'\n', &bytes[from..stop]).map(move |i| from + i);
            from = stop + 1;
            lines.chain((stop < bytes.len()).then_some(stop))
        })
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// The word before a period is an abbreviation or an initial (`U.S.`).
/// Both are ASCII letters after whitespace, `(`, `"`, `.` or nothing.
fn is_abbreviation(before: &str) -> bool {
    let letters = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (rest, word) = before.split_at(before.len() - letters);
    let starts = rest
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '.'));
    starts
        && ((word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// Splits a sentence into clauses at `;`, a spaced dash, and a comma
/// before `while`, `but`, `whereas`, `although`, `though`, `yet`, `and`:
/// a date or a veto in one clause says nothing of a figure in the next.
/// The clauses replace the contents of `out`, whose memory serves sentence
/// after sentence.
pub(crate) fn clauses(text: &str, sentence: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[sentence.clone()];
    out.clear();
    let mut start = 0;
    // 0xE2 leads the three bytes of either dash
    for i in memchr::memchr3_iter(b';', b',', 0xE2, s.as_bytes()) {
        let cut = match s.as_bytes()[i] {
            b';' => true,
            b',' => {
                let next = s[i + 1..].trim_start();
                [
                    "while ",
                    "but ",
                    "whereas ",
                    "although ",
                    "though ",
                    "yet ",
                    "and ",
                ]
                .iter()
                .any(|w| {
                    next.as_bytes()
                        .get(..w.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
                })
            }
            _ => {
                let rest = &s[i..];
                (rest.starts_with('\u{2014}') || rest.starts_with('\u{2013}'))
                    && s[..i].ends_with(' ')
                    && rest[3..].starts_with(' ')
            }
        };
        if cut {
            out.push(sentence.start + start..sentence.start + i);
            start = i;
        }
    }
    out.push(sentence.start + start..sentence.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_split_at_ends_and_lines() {
        assert_eq!(
            split("Ten died. “We act,” he said! Why?\nHeadline here\nMore."),
            [
                "Ten died.",
                "“We act,” he said!",
                "Why?",
                "Headline here",
                "More."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("U.S. President Joe Biden met Mr. Smith on Oct. 7 at 5 p.m. Then he left."),
            [
                "U.S. President Joe Biden met Mr. Smith on Oct. 7 at 5 p.m.",
                "Then he left."
            ]
        );
        assert_eq!(
            split("It cost approx. 5 dollars. Next."),
            ["It cost approx. 5 dollars.", "Next."]
        );
    }

    #[test]
    fn sentences_trim_unicode_whitespace() {
        assert_eq!(
            split("\u{2003} Ten died.\u{a0}\nMore.\u{3000}"),
            ["Ten died.", "More."]
        );
    }

    #[test]
    fn abbreviations_follow_space_brackets_and_quotes_only() {
        assert_eq!(
            split(
                "Troops left (Gen. Smith said). \u{201c}No. 5 fell.\u{201d} Then\u{a0}Dr. Jones \
                 spoke at the Caf\u{e9}. Then x-Mr. Y came."
            ),
            [
                "Troops left (Gen. Smith said).",
                "\u{201c}No.",
                "5 fell.\u{201d}",
                "Then\u{a0}Dr. Jones spoke at the Caf\u{e9}.",
                "Then x-Mr.",
                "Y came."
            ]
        );
    }

    #[test]
    fn clauses_split_before_while() {
        let text =
            "An attack killed 1,200 on October 7, 2023, while strikes killed 57,500; talks go on.";
        // what `out` held before is dropped
        let mut ranges = vec![0..1, 1..2];
        clauses(text, 0..text.len(), &mut ranges);
        let parts: Vec<&str> = ranges.into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "An attack killed 1,200 on October 7, 2023",
                ", while strikes killed 57,500",
                "; talks go on."
            ]
        );
    }
}
