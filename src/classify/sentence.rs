//! Sentences and clauses of a body, as byte ranges. Cues look at the
//! clause of a figure (dates, vetoes) or its sentence (context,
//! attribution), so both are computed once per article.

use std::ops::Range;

use super::is_ascii_space;

/// Splits `text[body]` into sentences: after `.`, `!` or `?` (and any
/// closing quotes) followed by a space and a capital, digit or quote, and
/// at line breaks. The sentences replace the contents of `out`, whose
/// memory serves article after article.
pub(crate) fn sentences(text: &str, body: Range<usize>, out: &mut Vec<Range<usize>>) {
    let within = &text.as_bytes()[body.clone()];
    out.clear();
    let mut start = body.start;
    // Line breaks are few: one search for them, merged in order with the
    // search for terminators, costs less than one between each terminator.
    let mut lines = memchr::memchr_iter(b'\n', within)
        .map(|i| body.start + i)
        .peekable();
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', within).map(|i| body.start + i);
    loop {
        let stop = stops.next();
        while let Some(line) = lines.next_if(|&line| stop.is_none_or(|i| line < i)) {
            push_trimmed(text, start..line, out);
            start = line;
        }
        let Some(i) = stop else { break };
        if let Some(end) = sentence_end(text, start, i, body.end) {
            push_trimmed(text, start..end, out);
            start = end;
        }
    }
    push_trimmed(text, start..body.end, out);
}

/// Where a sentence begun at `start` ends if the terminator at `i` (before
/// `end`) ends it: after the closing quotes and brackets that follow.
fn sentence_end(text: &str, start: usize, i: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i + 1;
    // closing quotes and brackets stay with the sentence (none of them can
    // end one, so no terminator or line break lies between i and j)
    while j < end {
        if matches!(bytes[j], b'"' | b'\'' | b')') {
            j += 1;
        } else if bytes[j..].starts_with("\u{201d}".as_bytes())
            || bytes[j..].starts_with("\u{2019}".as_bytes())
        {
            j += 3;
        } else {
            break;
        }
    }
    let gap = bytes[j..end]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let ends = match bytes[j + gap..end].first() {
        None | Some(b'\n' | b'\r') => true,
        // the abbreviation comes last: most periods end a sentence for
        // other reasons
        Some(_) => {
            gap > 0
                && opens(&text[j + gap..end])
                && !(bytes[i] == b'.' && is_abbreviation(&text[start..i]))
        }
    };
    ends.then_some(j)
}

/// `next` begins with a capital, a digit or an opening quote or bracket.
fn opens(next: &str) -> bool {
    match next.as_bytes().first() {
        // ASCII needs no decoding: its only capitals are A to Z
        Some(b) if b.is_ascii() => {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'"' | b'(')
        }
        _ => next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '\u{201c}' | '\u{2018}')),
    }
}

/// Pushes `text[range]` without its leading and trailing whitespace, unless
/// nothing is left.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - trim_start(s).len();
    let trail = s.len() - trim_end(s).len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// `s.trim_start()`, judging ASCII by the byte and decoding only when other
/// characters follow the ASCII whitespace.
fn trim_start(s: &str) -> &str {
    match s.bytes().position(|b| !is_ascii_space(b)) {
        Some(k) if s.as_bytes()[k].is_ascii() => &s[k..],
        Some(k) => s[k..].trim_start(),
        None => "",
    }
}

/// `s.trim_end()`, judging ASCII by the byte and decoding only when other
/// characters precede the ASCII whitespace.
fn trim_end(s: &str) -> &str {
    match s.bytes().rposition(|b| !is_ascii_space(b)) {
        Some(k) if s.as_bytes()[k].is_ascii() => &s[..=k],
        // k ends a character: only ASCII follows it
        Some(k) => s[..=k].trim_end(),
        None => "",
    }
}

/// The word before a period is an abbreviation or an initial (`U.S.`).
/// Both are ASCII letters after whitespace, `(`, `"`, `.` or nothing.
pub(super) fn is_abbreviation(before: &str) -> bool {
    let letters = before
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let (rest, word) = before.split_at(before.len() - letters);
    let listed = match word.as_bytes() {
        [initial] => initial.is_ascii_uppercase(),
        word => is_listed(word),
    };
    listed
        && rest
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '.'))
}

/// `word` is an abbreviation whose period does not end a sentence, in any
/// case.
fn is_listed(word: &[u8]) -> bool {
    // as long as the longest abbreviation
    let mut lower = [0; 6];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    // a match, not a list: it tests the length and then byte by byte
    matches!(
        &*lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"gen"
            | b"lt"
            | b"col"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"st"
            | b"jr"
            | b"sr"
            | b"no"
            | b"nos"
            | b"approx"
            | b"vs"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"prof"
            | b"capt"
            | b"sgt"
            | b"maj"
            | b"mt"
    ) || crate::extract::lexicon::is_month_abbreviation(lower)
}

/// Words that begin a new clause after a comma.
const CONJUNCTIONS: [&[u8]; 7] = [
    b"while ",
    b"but ",
    b"whereas ",
    b"although ",
    b"though ",
    b"yet ",
    b"and ",
];

/// Splits a sentence into clauses at `;`, a spaced dash, and a comma
/// before `while`, `but`, `whereas`, `although`, `though`, `yet`, `and`:
/// a date or a veto in one clause says nothing of a figure in the next.
/// Two spaced dashes enclose an aside, which cuts nothing (`Nearly two
/// million Gazans — about 85% of the population — are displaced`). The
/// clauses replace the contents of `out`, whose memory serves sentence
/// after sentence.
pub(crate) fn clauses(text: &str, sentence: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[sentence.clone()];
    out.clear();
    let mut start = 0;
    // where the aside that a dash opened closes
    let mut aside_end = 0;
    // 0xE2 leads the three bytes of either dash
    for i in memchr::memchr3_iter(b';', b',', 0xE2, s.as_bytes()) {
        if i < aside_end {
            continue;
        }
        let cut = match s.as_bytes()[i] {
            b';' => true,
            b',' => {
                let next = trim_start(&s[i + 1..]).as_bytes();
                // the first letter rules out most words at once
                matches!(
                    next.first().map(u8::to_ascii_lowercase),
                    Some(b'w' | b'b' | b'a' | b't' | b'y')
                ) && CONJUNCTIONS.iter().any(|w| {
                    next.get(..w.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(w))
                })
            }
            _ if spaced_dash_at(s, i) => match spaced_dash_after(s, i + 3) {
                Some(close) => {
                    aside_end = close + 3;
                    false
                }
                None => true,
            },
            _ => false,
        };
        if cut {
            out.push(sentence.start + start..sentence.start + i);
            start = i;
        }
    }
    out.push(sentence.start + start..sentence.end);
}

/// The em or en dash that starts at byte `i` of `text`, if one does. Both
/// are three bytes led by 0xE2.
pub(super) fn dash_at(text: &[u8], i: usize) -> Option<&'static [u8]> {
    ["\u{2014}", "\u{2013}"]
        .into_iter()
        .map(str::as_bytes)
        .find(|dash| text[i..].starts_with(dash))
}

/// A dash with a space on either side starts at byte `i`.
fn spaced_dash_at(s: &str, i: usize) -> bool {
    let bytes = s.as_bytes();
    dash_at(bytes, i).is_some() && bytes[..i].ends_with(b" ") && bytes[i + 3..].starts_with(b" ")
}

/// Where the first spaced dash at or after byte `from` starts, before the
/// next `;` (an aside closes within its clause).
fn spaced_dash_after(s: &str, from: usize) -> Option<usize> {
    let rest = &s.as_bytes()[from..];
    let end = memchr::memchr(b';', rest).unwrap_or(rest.len());
    memchr::memchr_iter(0xE2, &rest[..end])
        .map(|i| from + i)
        .find(|&i| spaced_dash_at(s, i))
}

/// Where `and` starts, when it comes right before `at` with only spaces
/// between, and after a space or the clause's start at `from`.
pub(crate) fn and_before(text: &str, from: usize, at: usize) -> Option<usize> {
    let before = text.as_bytes().get(from..at)?;
    let words = before.trim_ascii_end();
    if words.len() == before.len() || words.len() < 3 {
        return None;
    }
    let and = words.len() - 3;
    let spaced = and == 0 || words[and - 1].is_ascii_whitespace();
    (spaced && words[and..].eq_ignore_ascii_case(b"and")).then_some(from + and)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        // what `out` held before is dropped
        let mut out = vec![0..1, 1..2];
        sentences(text, 0..text.len(), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    fn split_clauses(text: &str) -> Vec<&str> {
        // what `out` held before is dropped
        let mut out = vec![0..1, 1..2];
        clauses(text, 0..text.len(), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
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
    fn abbreviations_match_in_any_case_and_in_full() {
        assert_eq!(
            split("MR. Smith and APPROX. 5 left. Approxi. Then x. Then Sept. 9 came."),
            [
                "MR. Smith and APPROX. 5 left.",
                "Approxi.",
                "Then x.",
                "Then Sept. 9 came."
            ]
        );
        // every month abbreviation, the scanner's too
        for month in [
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        ] {
            let text = format!("On {month}. 5 ten died.");
            assert_eq!(split(&text), [text.as_str()]);
        }
    }

    #[test]
    fn sentences_open_with_any_capital_quote_or_bracket() {
        assert_eq!(
            split(
                "One. \u{c9}lan went. caf\u{e9}. \u{e9}t\u{e9}. \u{2018}Two\u{2019}. (Three.) \
                 4 fell!\u{201d}\tFive?\rSix."
            ),
            [
                "One.",
                "\u{c9}lan went. caf\u{e9}. \u{e9}t\u{e9}.",
                "\u{2018}Two\u{2019}.",
                "(Three.)",
                "4 fell!\u{201d}",
                "Five?",
                "Six."
            ]
        );
    }

    #[test]
    fn sentences_trim_mixed_whitespace() {
        assert_eq!(
            split(" \u{a0}\t\u{c9}lan.\u{85} \n\u{2003}\u{e9}t\u{e9} \u{a0}\u{3000}\n \u{a0} \n"),
            ["\u{c9}lan.", "\u{e9}t\u{e9}"]
        );
    }

    #[test]
    fn clauses_split_before_conjunctions_in_any_case_and_space() {
        let text =
            "A, And b,\u{a0} BUT c, butter, yet d,\u{2003}\twHiLe e, and, x \u{2014} y,though z,an";
        assert_eq!(
            split_clauses(text),
            [
                "A",
                ", And b",
                ",\u{a0} BUT c, butter",
                ", yet d",
                ",\u{2003}\twHiLe e, and, x ",
                "\u{2014} y",
                ",though z,an"
            ]
        );
    }

    #[test]
    fn a_dashed_aside_cuts_no_clause() {
        assert_eq!(
            split_clauses(
                "Some 1.9 million \u{2014} 85% of all \u{2013} fled; 40 \u{2014} then 50"
            ),
            [
                "Some 1.9 million \u{2014} 85% of all \u{2013} fled",
                "; 40 ",
                "\u{2014} then 50"
            ]
        );
        // an aside closes within its clause
        assert_eq!(
            split_clauses("40 \u{2014} x; 50 \u{2014} y"),
            ["40 ", "\u{2014} x", "; 50 ", "\u{2014} y"]
        );
        // unspaced dashes cut nothing either
        assert_eq!(
            split_clauses("a\u{2014}b \u{2014}c"),
            ["a\u{2014}b \u{2014}c"]
        );
    }

    #[test]
    fn and_before_a_figure() {
        let at = |text: &str| text.find('9').unwrap();
        for (text, and) in [
            ("killed in Israel and 90 in Gaza", Some(17)),
            ("killed in Israel AND  \t90 in Gaza", Some(17)),
            ("and 90", Some(0)),
            ("killed in Israel and90", None),
            ("killed in Israel sand 90", None),
            ("killed in Israel, 90", None),
            ("9", None),
        ] {
            assert_eq!(and_before(text, 0, at(text)), and, "{text}");
        }
        // `and` must lie after `from`, the clause's start
        assert_eq!(and_before("x and 90", 3, 6), None);
    }

    #[test]
    fn clauses_split_before_while() {
        let text =
            "An attack killed 1,200 on October 7, 2023, while strikes killed 57,500; talks go on.";
        assert_eq!(
            split_clauses(text),
            [
                "An attack killed 1,200 on October 7, 2023",
                ", while strikes killed 57,500",
                "; talks go on."
            ]
        );
    }
}
