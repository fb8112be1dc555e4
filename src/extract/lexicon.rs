//! Word lists the scanner needs: number words, scale words, hedges, months.
//! Lookups compare ASCII case-insensitively against static tables, so no
//! word is ever lowercased into a new string.

use super::Qualifier;

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

pub(crate) fn number_word(word: &str) -> Option<NumberWord> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if word.len() > 9 || word.len() < 3 {
        return None;
    }
    if let Some(n) = UNITS.iter().position(|w| w.eq_ignore_ascii_case(word)) {
        return Some(NumberWord::Unit(n as u32));
    }
    if let Some(n) = TENS.iter().position(|w| w.eq_ignore_ascii_case(word)) {
        return Some(NumberWord::Ten(20 + 10 * n as u32));
    }
    if word.eq_ignore_ascii_case("hundred") {
        return Some(NumberWord::Hundred);
    }
    if word.eq_ignore_ascii_case("dozen") {
        return Some(NumberWord::Dozen);
    }
    scale_word(word).map(NumberWord::Scale)
}

/// A scale word written after a figure: `1.5 million`, `57 thousand`,
/// `4 hundred`, `3 bn`.
pub(crate) fn scale_word(word: &str) -> Option<f64> {
    [
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("mln", 1e6),
        ("bn", 1e9),
        ("bln", 1e9),
        ("tn", 1e12),
    ]
    .into_iter()
    .find(|(w, _)| w.eq_ignore_ascii_case(word))
    .map(|(_, scale)| scale)
}

/// A scale suffix glued to digits: `2.3m`, `4bn`, `5k`.
pub(crate) fn scale_suffix(word: &str) -> Option<f64> {
    [
        ("k", 1e3),
        ("m", 1e6),
        ("mn", 1e6),
        ("mln", 1e6),
        ("mil", 1e6),
        ("b", 1e9),
        ("bln", 1e9),
        ("bn", 1e9),
        ("tn", 1e12),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
    ]
    .into_iter()
    .find(|(w, _)| w.eq_ignore_ascii_case(word))
    .map(|(_, scale)| scale)
}

/// Units glued to a figure that keep it a quantity (`10km`, `5kg`,
/// `120Hz`). Grams only in lower case: `5G` and `4G` are network names.
pub(crate) fn is_measure_suffix(word: &str) -> bool {
    word == "g"
        || [
            "km", "kg", "mph", "kph", "mm", "cm", "ft", "lb", "lbs", "oz", "gb", "mb", "tb", "kw",
            "mw", "gw", "kwh", "mwh", "mg", "ml", "l", "hrs", "yrs", "min", "mins", "sq", "sqm",
            "sqft", "x", "hz", "khz", "mhz", "ghz", "kbps", "mbps", "gbps", "w", "hp", "bhp",
            "mah", "deg", "degf", "degc", "nm",
        ]
        .iter()
        .any(|u| u.eq_ignore_ascii_case(word))
}

/// Currency codes written before a figure, glued or spaced: `USD10m`,
/// `RM 5`. Compared as written (`USD`, `Rs`): lower-case `usd` is no code.
pub(crate) fn is_currency_code(word: &str) -> bool {
    [
        "USD", "EUR", "GBP", "AUD", "CAD", "NZD", "SGD", "HKD", "JPY", "CNY", "RMB", "INR", "CHF",
        "ZAR", "RM", "Rs",
    ]
    .contains(&word)
}

/// Country prefixes glued to a currency sign: `US$5`, `$US5`, `A$3`.
pub(crate) fn is_country_code(word: &str) -> bool {
    ["US", "A", "AU", "C", "CA", "NZ", "HK", "S", "NT"].contains(&word)
}

/// Signs that open a money figure: `$6`, `£2.3bn`, `₪40`.
pub(crate) fn is_currency_sign(mark: &str) -> bool {
    matches!(mark, "$" | "£" | "€" | "¥" | "₹" | "₪")
}

/// Hedges written before a figure, longest first so that `no more than`
/// wins over `more than`. Each entry is its words and its qualifier.
pub(crate) const HEDGES_BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "more", "than"], Qualifier::Under),
    (&["not", "more", "than"], Qualifier::Under),
    (&["no", "fewer", "than"], Qualifier::Over),
    (&["no", "less", "than"], Qualifier::Over),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["just", "shy", "of"], Qualifier::Under),
    (&["as", "many", "as"], Qualifier::Under),
    (&["as", "much", "as"], Qualifier::Under),
    (&["more", "than"], Qualifier::Over),
    (&["greater", "than"], Qualifier::Over),
    (&["higher", "than"], Qualifier::Over),
    (&["lower", "than"], Qualifier::Under),
    (&["upwards", "of"], Qualifier::Over),
    (&["upward", "of"], Qualifier::Over),
    (&["at", "least"], Qualifier::Over),
    (&["well", "over"], Qualifier::Over),
    (&["well", "above"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["north", "of"], Qualifier::Over),
    (&["fewer", "than"], Qualifier::Under),
    (&["less", "than"], Qualifier::Under),
    (&["up", "to"], Qualifier::Under),
    (&["at", "most"], Qualifier::Under),
    (&["just", "under"], Qualifier::Under),
    (&["just", "below"], Qualifier::Under),
    (&["close", "to"], Qualifier::Under),
    (&["shy", "of"], Qualifier::Under),
    (&["an", "estimated"], Qualifier::About),
    (&["some", "estimated"], Qualifier::About),
    (&["over"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["exceeding"], Qualifier::Over),
    (&["surpassing"], Qualifier::Over),
    (&["topping"], Qualifier::Over),
    (&["passed"], Qualifier::Over),
    (&["surpassed"], Qualifier::Over),
    (&["topped"], Qualifier::Over),
    (&["exceeded"], Qualifier::Over),
    (&["nearly"], Qualifier::Under),
    (&["almost"], Qualifier::Under),
    (&["under"], Qualifier::Under),
    (&["below"], Qualifier::Under),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
];

/// Hedges written after a figure: `20,000 or more`, `30 or so`.
pub(crate) const HEDGES_AFTER: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::Over),
    (&["or", "so"], Qualifier::About),
    (&["or", "fewer"], Qualifier::Under),
    (&["or", "less"], Qualifier::Under),
    (&["plus"], Qualifier::Over),
];

const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// Month names and their abbreviations. `May` and `March` are months only
/// when capitalised (the verbs are lowercase).
pub(crate) fn is_month(word: &str) -> bool {
    let capital = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    capital && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Weekday names, Monday first (the order of `jiff::civil::Weekday`).
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(crate) fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// Words before `one` that make it a pronoun (`no one`, `the one`).
pub(crate) fn pronoun_one_before(word: &str) -> bool {
    [
        "no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "only",
        "last", "little", "another", "such", "everyone", "nobody", "same",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Words after `one` that make it a pronoun (`one of them`, `one another`).
pub(crate) fn pronoun_one_after(word: &str) -> bool {
    [
        "of", "another", "who", "whom", "whose", "which", "that", "else", "is", "was", "has",
        "had", "does", "did", "can", "could", "would", "should", "will", "may", "might", "must",
        "thing", "way", "day", "side", "hand", "time", "point",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Fractions written after a number word (`two-thirds`, `one half`).
pub(crate) fn is_fraction(word: &str) -> bool {
    [
        "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
        "tenths",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Words after a four-digit number that make it a year (`in 2024`).
pub(crate) fn is_year_preposition(word: &str) -> bool {
    [
        "in", "since", "of", "by", "until", "till", "from", "before", "after", "during", "through",
        "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "year", "the",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

/// Units of time: after `over N`, the `over` means "during".
pub(crate) fn is_time_unit(word: &str) -> bool {
    [
        "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}
