//! Who reported a figure: `according to X`, `X said`, `figures from X`,
//! `X reported` in the figure's sentence. The source is the noun phrase,
//! without determiners (`according to the Hamas-led health ministry` →
//! `Hamas-led health ministry`). One scan for the cue words, then plain
//! string work around each cue: no backtracking over the sentence.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex_automata::Input;
use regex_automata::meta::Regex;

use super::{is_ascii_space, is_word_byte};

/// Cues the source follows (`according to X`), then cues it precedes (`X
/// said`): one pattern each, so a match tells which by its pattern id, with
/// no capture groups to resolve.
static CUES: LazyLock<Regex> = LazyLock::new(|| {
    super::multi_pattern(&[
        r"\b(?:according\s+to|citing|figures\s+from|data\s+from|statistics\s+from|tallies\s+from|a\s+tally\s+by|estimates\s+from|reported\s+by)\b",
        r"\b(?:said|says|say|reported|reports|announced|stated|estimated|estimates|confirmed|told|added|noted)\b",
    ])
});

/// The pattern id of the cues the source follows.
const LEADING: usize = 0;

/// Pronouns and vague subjects that name no source.
const NO_SOURCE: [&str; 9] = ["he", "she", "they", "it", "we", "i", "you", "this", "that"];

/// The source the sentence attributes its figures to, if any: a leading
/// cue (`according to`) wins, then an inverted one (`, said the UN`), then
/// the last `X said`. Borrowed from the sentence unless its words need
/// respacing.
pub(crate) fn attribution(sentence: &str) -> Option<Cow<'_, str>> {
    let mut inverted = None;
    let mut said = None;
    // only the ends of cues: a trailing cue is one word, so its start is
    // found without the reverse search a full match costs
    let mut input = Input::new(sentence);
    while let Some(cue) = CUES.search_half(&input) {
        let end = cue.offset();
        input.set_start(end);
        let after = &sentence[end..];
        if cue.pattern().as_usize() == LEADING {
            if let Some(name) = clean(until_delimiter(after), true) {
                return Some(name);
            }
            continue;
        }
        let start = sentence.as_bytes()[..end]
            .iter()
            .rposition(|&b| !is_word_byte(b))
            .map_or(0, |i| i + 1);
        let before = sentence[..start].trim_end();
        if inverted.is_none() && (before.ends_with(',') || before.ends_with('\u{201d}')) {
            inverted = clean(until_delimiter(after), true);
        }
        if let Some(name) = clean(back_to_delimiter(before), false) {
            said = Some(name);
        }
    }
    inverted.or(said)
}

/// `text` up to its first delimiter, and at most 90 bytes of it.
fn until_delimiter(text: &str) -> &str {
    let text = &text[..text.floor_char_boundary(90)];
    let end = (0..text.len())
        .find(|&i| delimiter_at(text.as_bytes(), i).is_some() && !initial_at(text, i))
        .unwrap_or(text.len());
    &text[..end]
}

/// `text` after its last delimiter.
fn back_to_delimiter(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = (0..bytes.len())
        .rev()
        .find_map(|i| Some(i + delimiter_at(bytes, i).filter(|_| !initial_at(text, i))?))
        .unwrap_or(0);
    &text[start..]
}

/// The byte at `i` is the period of an initial or an abbreviation
/// (`U.N.`, `Gen.`), which a name goes on past.
fn initial_at(text: &str, i: usize) -> bool {
    text.as_bytes()[i] == b'.' && super::sentence::is_abbreviation(&text[..i])
}

/// The length of the delimiter, where a source's name ends (or, read
/// backwards, begins), that starts at byte `i`: ASCII punctuation, or `“`,
/// `”` or `—`, whose UTF-8 shares its first two bytes. Byte by byte, as
/// no other character holds these bytes in that order.
// always inlined: called per byte, the call would cost more than the match
#[inline(always)]
fn delimiter_at(text: &[u8], i: usize) -> Option<usize> {
    match text[i] {
        b',' | b'.' | b';' | b':' | b'(' | b')' | b'"' | b'!' | b'?' => Some(1),
        0xE2 if matches!(text.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D | 0x94])) => Some(3),
        _ => None,
    }
}

/// Words that end the name a leading cue starts: `the ministry that runs…`
/// keeps the name only.
const STOP: [&str; 8] = ["that", "which", "who", "as", "on", "when", "while", "and"];

/// Words a name never spans before `said`: `… and health officials in Gaza
/// said`.
const CONJUNCTIONS: [&str; 5] = ["and", "as", "but", "while", "because"];

/// Auxiliaries and adverbs between a name and `said`, dropped from the end
/// of the name: `the ministry had also reported` → `ministry`.
const BEFORE_VERB: [&str; 13] = [
    "also",
    "had",
    "has",
    "have",
    "again",
    "now",
    "later",
    "earlier",
    "previously",
    "separately",
    "further",
    "initially",
    "then",
];

/// Words dropped from the start of a name.
const FILLER: [&str; 10] = [
    "the", "a", "an", "figures", "data", "from", "by", "of", "its", "their",
];

/// Trims a noun phrase down to the source's name: after a leading cue, the
/// words before any stop word; before `said`, the last six words after any
/// conjunction, without the auxiliaries and adverbs right before `said`.
fn clean(phrase: &str, leading: bool) -> Option<Cow<'_, str>> {
    if leading {
        return name(phrase, words(phrase).take_while(|w| !is_any(w, &STOP)));
    }
    // read from the end, kept in order
    let mut last = [""; 6];
    let mut n = 0;
    for word in words_back(phrase)
        .skip_while(|w| is_any(w, &BEFORE_VERB))
        .take_while(|w| !is_any(w, &CONJUNCTIONS))
        .take(last.len())
    {
        n += 1;
        last[last.len() - n] = word;
    }
    name(phrase, last[last.len() - n..].iter().copied())
}

/// The words of `text`, as `split_whitespace` has them, found a byte at a
/// time: a phrase is mostly ASCII, which needs no decoding.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut next = 0;
    std::iter::from_fn(move || {
        // a local index stays in a register, where the captured one is
        // stored back at every byte
        let mut at = next;
        while let Some(n) = space_at(text, at) {
            at += n;
        }
        let start = at;
        while at < text.len() && space_at(text, at).is_none() {
            at += 1;
        }
        next = at;
        (at > start).then(|| &text[start..at])
    })
}

/// The words of `text` from the last, as `split_whitespace().rev()` has
/// them, found a byte at a time as `words` finds them.
fn words_back(text: &str) -> impl Iterator<Item = &str> {
    let mut next = text.len();
    std::iter::from_fn(move || {
        let mut at = next;
        while let Some(n) = space_before(text, at) {
            at -= n;
        }
        let end = at;
        while at > 0 && space_before(text, at).is_none() {
            at -= 1;
        }
        next = at;
        (at < end).then(|| &text[at..end])
    })
}

/// The length of the whitespace character that ends before byte `i` of
/// `text`, if one does: `space_at` read backwards.
#[inline(always)]
fn space_before(text: &str, i: usize) -> Option<usize> {
    match *text.as_bytes().get(i.checked_sub(1)?)? {
        b if is_ascii_space(b) => Some(1),
        0..0x80 => None,
        // only a boundary ends a character, and `get` rules out the others
        _ => text
            .get(..i)?
            .chars()
            .next_back()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

/// The length of the whitespace character (as `char::is_whitespace` has
/// it) that starts at byte `i` of `text`, if one does.
#[inline(always)]
fn space_at(text: &str, i: usize) -> Option<usize> {
    match *text.as_bytes().get(i)? {
        b if is_ascii_space(b) => Some(1),
        0..0x80 => None,
        // a character's later bytes are no boundary, so `get` rules them out
        _ => text
            .get(i..)?
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

/// The name `words` (slices of `phrase`, in order) spell without filler at
/// the start and punctuation around, if it names a source.
fn name<'a>(phrase: &'a str, words: impl Iterator<Item = &'a str>) -> Option<Cow<'a, str>> {
    let mut words = words.skip_while(|w| is_filler(w));
    let first = words.next()?;
    let start = offset(phrase, first);
    let mut end = start + first.len();
    // whether one space parts each word from the next, as in the name
    let mut spaced = true;
    for word in words {
        let at = offset(phrase, word);
        spaced &= &phrase[end..at] == " ";
        end = at + word.len();
    }
    let name = &phrase[start..end];
    // trimming keeps a name that starts and ends with an ASCII letter or
    // digit, as most do: no need to decode its ends
    let name = match (name.as_bytes().first(), name.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_alphanumeric() && z.is_ascii_alphanumeric() => name,
        _ => {
            let trimmed = name.trim_matches(|c: char| !c.is_alphanumeric());
            // with the period of a closing initial: `U.N.`
            let start = offset(phrase, trimmed);
            let end = start + trimmed.len();
            let end = end + usize::from(phrase[end..].starts_with('.') && initial_at(phrase, end));
            &phrase[start..end]
        }
    };
    if name.is_empty() || is_any(name, &NO_SOURCE) || name.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if spaced {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

fn is_filler(word: &str) -> bool {
    let possessive = (word.ends_with("'s") || word.ends_with("\u{2019}s"))
        && word.starts_with(char::is_lowercase);
    possessive || is_any(word, &FILLER)
}

fn is_any(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Where `part`, a slice of `text`, starts in it.
fn offset(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{attribution, delimiter_at, words, words_back};

    #[test]
    fn according_to() {
        assert_eq!(
            attribution("Strikes killed 57,500, according to figures from the territory's Hamas-led health ministry.").as_deref(),
            Some("Hamas-led health ministry")
        );
        assert_eq!(
            attribution("Over 20,000 died, according to the Gaza health ministry.").as_deref(),
            Some("Gaza health ministry")
        );
    }

    #[test]
    fn said_and_reported() {
        assert_eq!(
            attribution("The toll rose to 20,000, the Hamas-run health ministry said.").as_deref(),
            Some("Hamas-run health ministry")
        );
        assert_eq!(
            attribution("Health officials in Gaza said 300 were hurt.").as_deref(),
            Some("Health officials in Gaza")
        );
        assert_eq!(
            attribution("Israel says 130 hostages remain in Gaza.").as_deref(),
            Some("Israel")
        );
        assert_eq!(
            attribution("The UN reported 1.9 million displaced.").as_deref(),
            Some("UN")
        );
        assert_eq!(
            attribution("“The toll is 300,” said the civil defence agency.").as_deref(),
            Some("civil defence agency")
        );
    }

    #[test]
    fn auxiliaries_and_adverbs_before_said_are_not_the_name() {
        for (sentence, name) in [
            ("The ministry also reports 73,134 injured.", "ministry"),
            (
                "On Monday, the ministry had reported 31,112 deaths.",
                "ministry",
            ),
            (
                "Israeli officials have previously said 134 remain.",
                "Israeli officials",
            ),
        ] {
            assert_eq!(attribution(sentence).as_deref(), Some(name), "{sentence}");
        }
    }

    #[test]
    fn initials_do_not_end_a_name() {
        for (sentence, name) in [
            (
                "159 trucks entered, according to the U.N. agency for refugees.",
                "U.N. agency for refugees",
            ),
            (
                "Some 1.7 million are displaced, according to the U.N.",
                "U.N.",
            ),
            ("The U.N. agency said 159 trucks entered.", "U.N. agency"),
            ("Gen. Smith said 150 trucks entered.", "Gen. Smith"),
        ] {
            assert_eq!(attribution(sentence).as_deref(), Some(name), "{sentence}");
        }
    }

    #[test]
    fn names_keep_their_words_one_space_apart() {
        // borrowed from the sentence when it spaces them so
        assert!(matches!(
            attribution("300 died, according to the\u{a0}Gaza health ministry."),
            Some(Cow::Borrowed("Gaza health ministry"))
        ));
        assert_eq!(
            attribution("300 died, according to the Gaza\u{2009}health ministry.").as_deref(),
            Some("Gaza health ministry")
        );
        assert_eq!(
            attribution("Over 20,000 died, according to the Gaza  health\tministry.").as_deref(),
            Some("Gaza health ministry")
        );
    }

    #[test]
    fn possessives_conjunctions_and_the_last_six_words() {
        assert_eq!(
            attribution("The toll rose, the territory\u{2019}s health ministry said.").as_deref(),
            Some("health ministry")
        );
        assert_eq!(
            attribution("Aid groups and health officials in the north of Gaza City said 300 died.")
                .as_deref(),
            Some("in the north of Gaza City")
        );
        assert_eq!(
            attribution("\u{201c}It is over,\u{201d} said the UN\u{2019}s relief agency, which runs shelters.")
                .as_deref(),
            Some("UN\u{2019}s relief agency")
        );
    }

    #[test]
    fn pronouns_and_plain_sentences_have_no_source() {
        assert_eq!(
            attribution("More than 20,000 people have been killed in Gaza."),
            None
        );
        assert_eq!(attribution("“We will not stop,” he said."), None);
    }

    #[test]
    fn trailing_cues_start_after_a_non_word_byte() {
        assert_eq!(
            attribution("300 died, the health ministry\u{a0}said.").as_deref(),
            Some("health ministry")
        );
        assert_eq!(attribution("UN said 300 died.").as_deref(), Some("UN"));
        assert_eq!(attribution("300 died, the ministry_said."), None);
    }

    #[test]
    fn delimiters_are_these_characters_only() {
        const DELIMITERS: [char; 12] = [
            ',', '.', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}', '\u{2014}', '!', '?',
        ];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let expected = DELIMITERS.contains(&c).then_some(bytes.len());
            assert_eq!(delimiter_at(bytes, 0), expected, "{c:?}");
            for i in 1..bytes.len() {
                assert_eq!(delimiter_at(bytes, i), None, "{c:?} at {i}");
            }
        }
    }

    #[test]
    fn words_split_where_split_whitespace_does_both_ways() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            for text in [
                format!("a{c}b"),
                format!("{c}{c}x\u{a0}\u{e9}{c}"),
                c.to_string(),
            ] {
                assert_eq!(
                    words(&text).collect::<Vec<_>>(),
                    text.split_whitespace().collect::<Vec<_>>(),
                    "{c:?}"
                );
                assert_eq!(
                    words_back(&text).collect::<Vec<_>>(),
                    text.split_whitespace().rev().collect::<Vec<_>>(),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn names_lose_punctuation_at_their_ends() {
        assert_eq!(
            attribution("300 died, according to 'Gaza officials' in the north.").as_deref(),
            Some("Gaza officials' in the north")
        );
        assert_eq!(
            attribution("300 died, according to officials in Bogot\u{e1}.").as_deref(),
            Some("officials in Bogot\u{e1}")
        );
    }
}
