//! Who reported a figure: `according to X`, `X said`, `figures from X`,
//! `X reported` in the figure's sentence. The source is the noun phrase,
//! without determiners (`according to the Hamas-led health ministry` →
//! `Hamas-led health ministry`).

use std::sync::LazyLock;

use regex::Regex;

static ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:according\s+to|citing|figures\s+from|data\s+from|statistics\s+from|tallies\s+from|a\s+tally\s+by|estimates\s+from|reported\s+by|per)\s+(?P<who>[^,.;:()\u{2014}]{3,90})",
    )
    .expect("attribution pattern compiles")
});

static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[,;:\u{2014}]\s*|\b(?:and|as|but)\s+)(?P<who>[^,.;:()\u{2014}\u{201c}\u{201d}]{2,80}?)\s+(?:said|says|say|reported|reports|announced|stated|estimated|estimates|confirmed|told|added|noted)\b",
    )
    .expect("attribution pattern compiles")
});

static SAID_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,\u{201d}]\s*(?:said|says|according\s+to)\s+(?P<who>[^,.;:()]{3,80})")
        .expect("attribution pattern compiles")
});

/// Pronouns and vague subjects that name no source.
const NO_SOURCE: [&str; 9] = ["he", "she", "they", "it", "we", "i", "you", "this", "that"];

/// The source the sentence attributes its figures to, if any.
pub(crate) fn attribution(sentence: &str) -> Option<String> {
    let found = ACCORDING
        .captures(sentence)
        .or_else(|| SAID_INVERTED.captures(sentence))
        .and_then(|c| clean(c.name("who")?.as_str(), true))
        .or_else(|| {
            SAID.captures_iter(sentence)
                .filter_map(|c| clean(c.name("who")?.as_str(), false))
                .last()
        });
    found
}

/// Trims a captured noun phrase down to the source's name.
fn clean(phrase: &str, leading: bool) -> Option<String> {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if leading {
        // `the ministry in Gaza and the UN` keeps its first source only
        if let Some(cut) = words.iter().position(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "that" | "which" | "who" | "as" | "on" | "when" | "while"
            )
        }) {
            words.truncate(cut);
        }
    } else {
        // `Israel says`: keep the last few words before the verb
        let keep = words.len().saturating_sub(6);
        words.drain(..keep);
        if let Some(cut) = words
            .iter()
            .rposition(|w| w.ends_with('"') || w.ends_with('\u{201d}'))
        {
            words.drain(..=cut);
        }
    }
    while let Some(first) = words.first() {
        let lower = first.to_ascii_lowercase();
        let possessive = (lower.ends_with("'s") || lower.ends_with("\u{2019}s"))
            && first.chars().next().is_some_and(char::is_lowercase);
        if matches!(
            lower.as_str(),
            "the" | "a" | "an" | "figures" | "data" | "from" | "by" | "of" | "its" | "their"
        ) || possessive
        {
            words.remove(0);
        } else {
            break;
        }
    }
    let name = words.join(" ");
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    if name.is_empty()
        || NO_SOURCE.iter().any(|p| p.eq_ignore_ascii_case(name))
        || name.chars().any(|c| c.is_ascii_digit())
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
