//! Who reported a figure: `according to X`, `X said`, `figures from X`,
//! `X reported` in the figure's sentence. The source is the noun phrase,
//! without determiners (`according to the Hamas-led health ministry` →
//! `Hamas-led health ministry`). One scan for the cue words, then plain
//! string work around each cue: no backtracking over the sentence.

use std::sync::LazyLock;

use regex_automata::meta::Regex;

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

/// Where a source's name ends (or, read backwards, begins).
const DELIMITERS: [char; 12] = [
    ',', '.', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}', '\u{2014}', '!', '?',
];

/// Pronouns and vague subjects that name no source.
const NO_SOURCE: [&str; 9] = ["he", "she", "they", "it", "we", "i", "you", "this", "that"];

/// The source the sentence attributes its figures to, if any: a leading
/// cue (`according to`) wins, then an inverted one (`, said the UN`), then
/// the last `X said`.
pub(crate) fn attribution(sentence: &str) -> Option<String> {
    let mut inverted = None;
    let mut said = None;
    for cue in CUES.find_iter(sentence.as_bytes()) {
        let after = &sentence[cue.end()..];
        if cue.pattern().as_usize() == LEADING {
            if let Some(name) = clean(until_delimiter(after), true) {
                return Some(name);
            }
            continue;
        }
        let before = sentence[..cue.start()].trim_end();
        if inverted.is_none() && (before.ends_with(',') || before.ends_with('\u{201d}')) {
            inverted = clean(until_delimiter(after), true);
        }
        if let Some(name) = clean(back_to_delimiter(before), false) {
            said = Some(name);
        }
    }
    inverted.or(said)
}

fn until_delimiter(text: &str) -> &str {
    let end = text
        .find(DELIMITERS)
        .unwrap_or(text.len())
        .min(floor_char(text, 90));
    &text[..end]
}

fn back_to_delimiter(text: &str) -> &str {
    let start = text.rfind(DELIMITERS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    &text[start..]
}

fn floor_char(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// Trims a noun phrase down to the source's name.
fn clean(phrase: &str, leading: bool) -> Option<String> {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if leading {
        // `the ministry that runs…` keeps the name only
        let stop = ["that", "which", "who", "as", "on", "when", "while", "and"];
        if let Some(cut) = words
            .iter()
            .position(|w| stop.iter().any(|s| s.eq_ignore_ascii_case(w)))
        {
            words.truncate(cut);
        }
    } else {
        // `… and health officials in Gaza said`: the last few words, after any conjunction
        let conjunctions = ["and", "as", "but", "while", "because"];
        if let Some(cut) = words
            .iter()
            .rposition(|w| conjunctions.iter().any(|c| c.eq_ignore_ascii_case(w)))
        {
            words.drain(..=cut);
        }
        let keep = words.len().saturating_sub(6);
        words.drain(..keep);
    }
    while let Some(first) = words.first() {
        let possessive = (first.ends_with("'s") || first.ends_with("\u{2019}s"))
            && first.starts_with(char::is_lowercase);
        let filler = [
            "the", "a", "an", "figures", "data", "from", "by", "of", "its", "their",
        ];
        if possessive || filler.iter().any(|f| f.eq_ignore_ascii_case(first)) {
            words.remove(0);
        } else {
            break;
        }
    }
    let name = words.join(" ");
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    if name.is_empty()
        || NO_SOURCE.iter().any(|p| p.eq_ignore_ascii_case(name))
        || name.contains(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::attribution;

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
    fn pronouns_and_plain_sentences_have_no_source() {
        assert_eq!(
            attribution("More than 20,000 people have been killed in Gaza."),
            None
        );
        assert_eq!(attribution("“We will not stop,” he said."), None);
    }
}
