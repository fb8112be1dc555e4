//! Word lists the scanner needs: number words, scale words, hedges, months.
//! Lookups lowercase the word into a stack buffer and `match` its bytes,
//! which compiles to a branch on length and then on each byte, so the
//! common word that is in no list is rejected in a few instructions, and
//! no word is ever lowercased into a new string.

use super::Qualifier;

/// Room for the longest word in any list matched here (`september`): a
/// longer word is in none of them.
const LONGEST: usize = 16;

/// `word` in ASCII lower case, in `buf`, or `None` when it is longer than
/// any listed word. Lowercasing only ASCII keeps the lookups ASCII
/// case-insensitive, like `eq_ignore_ascii_case`.
fn lowercase<'b>(word: &[u8], buf: &'b mut [u8; LONGEST]) -> Option<&'b [u8]> {
    let lower = buf.get_mut(..word.len())?;
    // Byte by byte: a copy then an in-place pass makes the CPU wait for
    // the copy's stores before it can lowercase.
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// What a number word contributes to a compound number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    /// zero … nineteen
    Unit(u32),
    /// twenty … ninety
    Ten(u32),
    Hundred,
    Dozen,
    /// thousand, million, billion, trillion
    Scale(f64),
}

/// Every word that can open a figure: the words `opener` knows, in lower
/// case, and the currency and country codes as written. A test checks
/// this list against the lookups.
#[rustfmt::skip]
const OPENING_WORDS: &[&str] = &[
    "minus", "negative", "a", "an", "half",
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "dozen", "thousand", "million", "mln", "billion", "bln", "trillion",
    "USD", "EUR", "GBP", "AUD", "CAD", "NZD", "SGD", "HKD", "JPY", "CNY", "RMB", "INR", "CHF",
    "ZAR", "RM", "Rs",
    "US", "A", "AU", "C", "CA", "NZ", "HK", "S", "NT",
];

/// A quick test of whether a word may be in a list, from its first two
/// bytes, its length and its last byte, so that the scanner rejects most
/// words without lowercasing them: for each slot (see `slot`), bit `n` of
/// `lengths` is set when a listed word of `n` bytes has that slot, and bit
/// `b` of `lasts` when one ends with a byte whose low five bits are `b`.
/// Without the last byte, common words like `have` (`half`), `their`
/// (`three`) and `since` (`sixty`) would pass.
pub(crate) struct Prefilter {
    lengths: [u16; 32 * 32],
    lasts: [u32; 32 * 32],
}

impl Prefilter {
    const fn new(words: &[&str]) -> Self {
        let mut lengths = [0; 32 * 32];
        let mut lasts = [0; 32 * 32];
        let mut k = 0;
        while k < words.len() {
            let word = words[k].as_bytes();
            lengths[slot(word)] |= 1 << word.len();
            lasts[slot(word)] |= 1 << (word[word.len() - 1] & 31);
            k += 1;
        }
        Prefilter { lengths, lasts }
    }

    /// True for every listed word and for few others. `word` is not empty.
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        let slot = slot(word);
        // Longer words share bit 15, which a listed word of 15 bytes would
        // set; one of 16 or more would not compile.
        self.lengths[slot] >> word.len().min(15) & 1 == 1
            && self.lasts[slot] >> (word[word.len() - 1] & 31) & 1 == 1
    }
}

/// A word's slot, from the low five bits of its first two bytes: those of
/// an ASCII letter are the same in either case (1 to 26), and 0 stands for
/// no second byte. Other bytes share slots (and last bits) with letters,
/// which only lets a few more words through.
const fn slot(word: &[u8]) -> usize {
    let second = if word.len() > 1 { word[1] } else { 0 };
    (word[0] as usize & 31) << 5 | (second as usize & 31)
}

/// The words that may open a figure.
pub(crate) const OPENING: Prefilter = Prefilter::new(OPENING_WORDS);

/// What a word can be at the start of a figure, besides a currency code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Opener {
    /// minus, negative: the figure after it is negative.
    Minus,
    /// a, an: one of the scale after it (`a dozen`, `a million`).
    Article,
    /// half, in `half a million`.
    Half,
    Number(NumberWord),
}

/// What `word` can be at the start of a figure. Called on the few words
/// `OPENING` lets through.
pub(crate) fn opener(word: &[u8]) -> Option<Opener> {
    use NumberWord::{Dozen, Hundred, Scale, Ten, Unit};
    use Opener::Number;
    let mut buf = [0; LONGEST];
    let lower = lowercase(word, &mut buf)?;
    Some(match lower {
        b"minus" | b"negative" => Opener::Minus,
        b"a" | b"an" => Opener::Article,
        b"half" => Opener::Half,
        b"zero" => Number(Unit(0)),
        b"one" => Number(Unit(1)),
        b"two" => Number(Unit(2)),
        b"three" => Number(Unit(3)),
        b"four" => Number(Unit(4)),
        b"five" => Number(Unit(5)),
        b"six" => Number(Unit(6)),
        b"seven" => Number(Unit(7)),
        b"eight" => Number(Unit(8)),
        b"nine" => Number(Unit(9)),
        b"ten" => Number(Unit(10)),
        b"eleven" => Number(Unit(11)),
        b"twelve" => Number(Unit(12)),
        b"thirteen" => Number(Unit(13)),
        b"fourteen" => Number(Unit(14)),
        b"fifteen" => Number(Unit(15)),
        b"sixteen" => Number(Unit(16)),
        b"seventeen" => Number(Unit(17)),
        b"eighteen" => Number(Unit(18)),
        b"nineteen" => Number(Unit(19)),
        b"twenty" => Number(Ten(20)),
        b"thirty" => Number(Ten(30)),
        b"forty" => Number(Ten(40)),
        b"fifty" => Number(Ten(50)),
        b"sixty" => Number(Ten(60)),
        b"seventy" => Number(Ten(70)),
        b"eighty" => Number(Ten(80)),
        b"ninety" => Number(Ten(90)),
        b"hundred" => Number(Hundred),
        b"dozen" => Number(Dozen),
        // `bn` and `tn` stand for a scale only after digits (`3 bn`).
        _ if lower.len() >= 3 => Number(Scale(scale_of(lower)?)),
        _ => return None,
    })
}

pub(crate) fn number_word(word: &[u8]) -> Option<NumberWord> {
    match opener(word)? {
        Opener::Number(number) => Some(number),
        _ => None,
    }
}

/// A scale word written after a figure: `1.5 million`, `57 thousand`,
/// `4 hundred`, `3 bn`.
pub(crate) fn scale_word(word: &[u8]) -> Option<f64> {
    // Most words after a figure are no scale: tell so before lowercasing.
    if !SCALES.may_contain(word) {
        return None;
    }
    scale_of(lowercase(word, &mut [0; LONGEST])?)
}

/// The words `scale_of` knows. A test checks this list against it.
const SCALES: Prefilter = Prefilter::new(&[
    "hundred", "thousand", "million", "mln", "billion", "bn", "bln", "trillion", "tn",
]);

fn scale_of(lower: &[u8]) -> Option<f64> {
    Some(match lower {
        b"hundred" => 1e2,
        b"thousand" => 1e3,
        b"million" | b"mln" => 1e6,
        b"billion" | b"bn" | b"bln" => 1e9,
        b"trillion" | b"tn" => 1e12,
        _ => return None,
    })
}

/// A scale suffix glued to digits: `2.3m`, `4bn`, `5k`.
pub(crate) fn scale_suffix(word: &[u8]) -> Option<f64> {
    Some(match lowercase(word, &mut [0; LONGEST])? {
        b"k" | b"thousand" => 1e3,
        b"m" | b"mn" | b"mln" | b"mil" | b"million" => 1e6,
        b"b" | b"bln" | b"bn" | b"billion" => 1e9,
        b"tn" => 1e12,
        _ => return None,
    })
}

/// Units glued to a figure that keep it a quantity (`10km`, `5kg`,
/// `120Hz`). Grams only in lower case: `5G` and `4G` are network names.
pub(crate) fn is_measure_suffix(word: &[u8]) -> bool {
    word == b"g"
        || matches!(
            lowercase(word, &mut [0; LONGEST]),
            Some(
                b"km"
                    | b"kg"
                    | b"mph"
                    | b"kph"
                    | b"mm"
                    | b"cm"
                    | b"ft"
                    | b"lb"
                    | b"lbs"
                    | b"oz"
                    | b"gb"
                    | b"mb"
                    | b"tb"
                    | b"kw"
                    | b"mw"
                    | b"gw"
                    | b"kwh"
                    | b"mwh"
                    | b"mg"
                    | b"ml"
                    | b"l"
                    | b"hrs"
                    | b"yrs"
                    | b"min"
                    | b"mins"
                    | b"sq"
                    | b"sqm"
                    | b"sqft"
                    | b"x"
                    | b"hz"
                    | b"khz"
                    | b"mhz"
                    | b"ghz"
                    | b"kbps"
                    | b"mbps"
                    | b"gbps"
                    | b"w"
                    | b"hp"
                    | b"bhp"
                    | b"mah"
                    | b"deg"
                    | b"degf"
                    | b"degc"
                    | b"nm"
            )
        )
}

/// Currency codes written before a figure, glued or spaced: `USD10m`,
/// `RM 5`. Compared as written (`USD`, `Rs`): lower-case `usd` is no code.
pub(crate) fn is_currency_code(word: &[u8]) -> bool {
    matches!(
        word,
        b"USD"
            | b"EUR"
            | b"GBP"
            | b"AUD"
            | b"CAD"
            | b"NZD"
            | b"SGD"
            | b"HKD"
            | b"JPY"
            | b"CNY"
            | b"RMB"
            | b"INR"
            | b"CHF"
            | b"ZAR"
            | b"RM"
            | b"Rs"
    )
}

/// Country prefixes glued to a currency sign: `US$5`, `$US5`, `A$3`.
pub(crate) fn is_country_code(word: &[u8]) -> bool {
    matches!(
        word,
        b"US" | b"A" | b"AU" | b"C" | b"CA" | b"NZ" | b"HK" | b"S" | b"NT"
    )
}

/// Signs that open a money figure: `$6`, `£2.3bn`, `₪40`.
pub(crate) fn is_currency_sign(mark: &str) -> bool {
    matches!(mark, "$" | "£" | "€" | "¥" | "₹" | "₪")
}

/// A hedge before a figure: the words before its last one (`more` in
/// `more than`) and what it implies.
pub(crate) type Hedge = (&'static [&'static str], Qualifier);

/// The hedges written before a figure that end with `word`, longest first
/// so that `no more than` wins over `more than`.
pub(crate) fn hedges_ending(word: &[u8]) -> &'static [Hedge] {
    use Qualifier::{About, Over, Under};
    let mut buf = [0; LONGEST];
    let Some(lower) = lowercase(word, &mut buf) else {
        return &[];
    };
    match lower {
        b"than" => &[
            (&["no", "more"], Under),
            (&["not", "more"], Under),
            (&["no", "fewer"], Over),
            (&["no", "less"], Over),
            (&["more"], Over),
            (&["greater"], Over),
            (&["higher"], Over),
            (&["lower"], Under),
            (&["fewer"], Under),
            (&["less"], Under),
        ],
        b"of" => &[
            (&["in", "excess"], Over),
            (&["just", "shy"], Under),
            (&["upwards"], Over),
            (&["upward"], Over),
            (&["north"], Over),
            (&["shy"], Under),
        ],
        b"as" => &[(&["as", "many"], Under), (&["as", "much"], Under)],
        b"least" => &[(&["at"], Over)],
        b"most" => &[(&["at"], Under)],
        b"to" => &[(&["up"], Under), (&["close"], Under)],
        b"over" => &[(&["well"], Over), (&["just"], Over), (&[], Over)],
        b"above" => &[(&["well"], Over), (&[], Over)],
        b"under" => &[(&["just"], Under), (&[], Under)],
        b"below" => &[(&["just"], Under), (&[], Under)],
        b"estimated" => &[(&["an"], About), (&["some"], About), (&[], About)],
        b"exceeding" | b"surpassing" | b"topping" | b"passed" | b"surpassed" | b"topped"
        | b"exceeded" | b"exceeds" | b"surpasses" => &[(&[], Over)],
        b"nearly" | b"almost" => &[(&[], Under)],
        b"about" | b"around" | b"roughly" | b"approximately" | b"approx" | b"circa" | b"some" => {
            &[(&[], About)]
        }
        _ => &[],
    }
}

/// Hedges written after a figure: `20,000 or more`, `30 or so`.
pub(crate) const HEDGES_AFTER: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::Over),
    (&["or", "so"], Qualifier::About),
    (&["or", "fewer"], Qualifier::Under),
    (&["or", "less"], Qualifier::Under),
    (&["plus"], Qualifier::Over),
];

/// Month names and their abbreviations. `May` and `March` are months only
/// when capitalised (the verbs are lowercase). Inlined so that the common
/// lowercase word costs no call.
#[inline(always)]
pub(crate) fn is_month(word: &[u8]) -> bool {
    word.first().is_some_and(u8::is_ascii_uppercase) && is_month_name(word)
}

fn is_month_name(word: &[u8]) -> bool {
    lowercase(word, &mut [0; LONGEST]).is_some_and(|lower| {
        matches!(
            lower,
            b"january"
                | b"february"
                | b"march"
                | b"april"
                | b"may"
                | b"june"
                | b"july"
                | b"august"
                | b"september"
                | b"october"
                | b"november"
                | b"december"
        ) || is_month_abbreviation(lower)
    })
}

/// A lowercase month abbreviation (`jun`, `sept`): a month before a date,
/// and a word whose period does not end a sentence.
pub(crate) fn is_month_abbreviation(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sept"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Weekday names, Monday first (the order of `jiff::civil::Weekday`). A
/// list rather than a `match`: dates read a weekday's position from it.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(crate) fn is_weekday(word: &[u8]) -> bool {
    WEEKDAYS
        .iter()
        .any(|d| d.as_bytes().eq_ignore_ascii_case(word))
}

/// Words before `one` that make it a pronoun (`no one`, `the one`).
pub(crate) fn pronoun_one_before(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"no"
                | b"any"
                | b"every"
                | b"each"
                | b"the"
                | b"this"
                | b"that"
                | b"which"
                | b"someone"
                | b"anyone"
                | b"only"
                | b"last"
                | b"little"
                | b"another"
                | b"such"
                | b"everyone"
                | b"nobody"
                | b"same"
        )
    )
}

/// Words after `one` that make it a pronoun (`one of them`, `one another`).
pub(crate) fn pronoun_one_after(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"of"
                | b"another"
                | b"who"
                | b"whom"
                | b"whose"
                | b"which"
                | b"that"
                | b"else"
                | b"is"
                | b"was"
                | b"has"
                | b"had"
                | b"does"
                | b"did"
                | b"can"
                | b"could"
                | b"would"
                | b"should"
                | b"will"
                | b"may"
                | b"might"
                | b"must"
                | b"thing"
                | b"way"
                | b"day"
                | b"side"
                | b"hand"
                | b"time"
                | b"point"
        )
    )
}

/// Fractions written after a number word (`two-thirds`, `one half`).
pub(crate) fn is_fraction(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"half"
                | b"halves"
                | b"third"
                | b"thirds"
                | b"quarter"
                | b"quarters"
                | b"fifth"
                | b"fifths"
                | b"tenth"
                | b"tenths"
        )
    )
}

/// Words after a four-digit number that make it a year (`in 2024`).
pub(crate) fn is_year_preposition(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"in"
                | b"since"
                | b"of"
                | b"by"
                | b"until"
                | b"till"
                | b"from"
                | b"before"
                | b"after"
                | b"during"
                | b"through"
                | b"early"
                | b"late"
                | b"mid"
                | b"summer"
                | b"winter"
                | b"spring"
                | b"autumn"
                | b"fall"
                | b"year"
                | b"the"
        )
    )
}

/// Units of time: after `over N`, the `over` means "during".
pub(crate) fn is_time_unit(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"minute"
                | b"minutes"
                | b"hour"
                | b"hours"
                | b"day"
                | b"days"
                | b"night"
                | b"nights"
                | b"week"
                | b"weeks"
                | b"month"
                | b"months"
                | b"year"
                | b"years"
                | b"decade"
                | b"decades"
        )
    )
}

/// Verbs whose `over` is a particle: in `handed over 105`, `over` does
/// not hedge the figure.
pub(crate) fn takes_over_particle(word: &[u8]) -> bool {
    matches!(
        lowercase(word, &mut [0; LONGEST]),
        Some(
            b"hand"
                | b"hands"
                | b"handed"
                | b"handing"
                | b"turn"
                | b"turns"
                | b"turned"
                | b"turning"
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word the lookups accept is written in this file: calls `each`
    /// with each run of letters here, in each case.
    fn every_word_form(mut each: impl FnMut(&[u8])) {
        let source = include_str!("lexicon.rs");
        for word in source.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.is_empty() {
                continue;
            }
            let mut capital = word.to_ascii_lowercase();
            capital[..1].make_ascii_uppercase();
            for form in [
                word,
                &word.to_ascii_lowercase(),
                &word.to_ascii_uppercase(),
                &capital,
            ] {
                each(form.as_bytes());
            }
        }
    }

    #[test]
    fn opening_passes_every_opening_word() {
        every_word_form(|form| {
            let opens = opener(form).is_some() || is_currency_code(form) || is_country_code(form);
            assert!(!opens || OPENING.may_contain(form), "{form:?}");
        });
    }

    #[test]
    fn scales_pass_every_scale_word() {
        every_word_form(|form| {
            let scale = lowercase(form, &mut [0; LONGEST]).and_then(scale_of);
            assert!(scale.is_none() || SCALES.may_contain(form), "{form:?}");
        });
    }

    #[test]
    fn opening_words_all_open() {
        for word in OPENING_WORDS {
            assert!(
                opener(word.as_bytes()).is_some()
                    || is_currency_code(word.as_bytes())
                    || is_country_code(word.as_bytes()),
                "{word}"
            );
        }
    }

    #[test]
    fn opening_rejects_common_words() {
        for word in [
            "the", "and", "The", "people", "from", "at", "said", "café", "O'Neill", "have",
            "their", "since", "Force", "figures",
        ] {
            assert!(!OPENING.may_contain(word.as_bytes()), "{word}");
        }
    }
}
