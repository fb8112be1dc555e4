//! Numeric mentions: every cardinal quantity in an article's body, with the
//! byte span of the figure and its hedge, the value as stated (scale
//! applied), and the qualifier the hedge implies.
//!
//! The scanner tokenizes the body once and walks the tokens, looking behind
//! and ahead a few tokens to read hedges, scale words and ranges, and to
//! leave out dates, years, clock times, ordinals, identifiers and `one` used
//! as a pronoun.

pub(crate) mod lexicon;
mod scan;
mod token;

pub use scan::Scanner;

/// The figure as stated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Point(f64),
    Range(f64, f64),
}

impl Amount {
    pub fn low(self) -> f64 {
        match self {
            Amount::Point(v) | Amount::Range(v, _) => v,
        }
    }

    pub fn high(self) -> f64 {
        match self {
            Amount::Point(v) | Amount::Range(_, v) => v,
        }
    }
}

/// How the figure relates to the true value, from its hedge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    Exact,
    /// about, around, roughly, some, an estimated
    About,
    /// more than, over, at least, upwards of
    Over,
    /// up to, fewer than, nearly, almost
    Under,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::Range => "range",
        }
    }
}

/// What kind of quantity the figure is, as far as the figure itself says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
    Money,
}

/// One numeric mention: byte offsets into the article text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Where the number itself starts: after a hedge written before it
    /// (`more than 400`, `surpassed 29,000`), else at `start`.
    pub number: usize,
    pub amount: Amount,
    pub qualifier: Qualifier,
    pub unit: Unit,
}
