//! The scanner: one pass over an article's tokens, assembling mentions.

use std::ops::Range;

use super::lexicon::{self, NumberWord, Opener};
use super::token::{Kind, Token, tokenize};
use super::{Amount, Mention, Qualifier, Unit};

/// Reusable scanner state: the token buffers are kept between articles so
/// that scanning allocates nothing per word.
#[derive(Default)]
pub struct Scanner {
    tokens: Vec<Token>,
    /// The indices of the tokens that may open a figure, in order.
    openers: Vec<u32>,
}

/// A figure before hedges and ranges are read: token indices (inclusive)
/// and byte range.
#[derive(Debug, Clone, Copy)]
struct Core {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    value: f64,
    /// The scale written with the figure (`million`), if any.
    scale: Option<f64>,
    unit: Unit,
    /// A lone `one`, which may be a pronoun.
    lone_one: bool,
}

impl Scanner {
    pub fn new() -> Self {
        Scanner::default()
    }

    /// Appends the mentions of `text[body]` to `out`, in text order.
    pub fn scan(&mut self, text: &str, body: Range<usize>, out: &mut Vec<Mention>) {
        self.tokens.clear();
        self.openers.clear();
        tokenize(text, body, &mut self.tokens, &mut self.openers);
        // News text has about one figure in sixteen tokens: room for twice
        // that spares most articles growing `out` one mention at a time.
        out.reserve(self.tokens.len() / 8);
        let view = View {
            text,
            tokens: &self.tokens,
        };
        // Most tokens can open no figure: visit only those that may, past
        // the last mention's tokens.
        let mut next = 0;
        for &i in &self.openers {
            let i = i as usize;
            if i >= next
                && let Some((mention, last)) = view.mention_at(i)
            {
                out.push(mention);
                next = last + 1;
            }
        }
    }
}

struct View<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl<'a> View<'a> {
    /// Token `i`'s bytes. Words and numbers are read as bytes: the lists
    /// they are compared with are ASCII, and slicing bytes skips the checks
    /// for UTF-8 boundaries.
    fn bytes(&self, i: usize) -> &'a [u8] {
        &self.text.as_bytes()[self.tokens[i].range()]
    }

    fn word(&self, i: usize) -> Option<&'a [u8]> {
        self.bytes_of(i, Kind::Word)
    }

    /// Token `i`'s bytes if it is of `kind`.
    #[inline(always)]
    fn bytes_of(&self, i: usize, kind: Kind) -> Option<&'a [u8]> {
        let t = self.tokens.get(i)?;
        (t.kind == kind).then(|| &self.text.as_bytes()[t.range()])
    }

    /// Inlined so that each call's short constant list becomes a few
    /// direct comparisons; these run many times per figure.
    #[inline(always)]
    fn word_is(&self, i: usize, options: &[&str]) -> bool {
        let Some(w) = self.bytes_of(i, Kind::Word) else {
            return false;
        };
        // A loop rather than `any`, which is not inlined for longer lists.
        for o in options {
            if o.as_bytes().eq_ignore_ascii_case(w) {
                return true;
            }
        }
        false
    }

    fn punct(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Punct).then(|| &self.text[t.range()])
    }

    /// Inlined like `word_is`.
    #[inline(always)]
    fn punct_is(&self, i: usize, options: &[&str]) -> bool {
        self.bytes_of(i, Kind::Punct)
            .is_some_and(|p| options.iter().any(|o| o.as_bytes() == p))
    }

    /// Token `i` touches token `i + 1` with no space between.
    fn glued(&self, i: usize) -> bool {
        i + 1 < self.tokens.len() && self.tokens[i].end == self.tokens[i + 1].start
    }

    fn before(&self, i: usize) -> Option<usize> {
        i.checked_sub(1)
    }

    /// Token `i` opens a sentence (or a line, or a quotation).
    fn sentence_start(&self, i: usize) -> bool {
        let Some(p) = self.before(i) else { return true };
        let gap = &self.text.as_bytes()[self.tokens[p].end as usize..self.tokens[i].start as usize];
        if gap.contains(&b'\n') {
            return true;
        }
        match self.punct(p) {
            Some("." | "!" | "?" | ":" | "\u{201c}" | "\"" | "(" | "\u{2018}") => {
                !matches!(self.punct(p), Some("\"" | "(")) || self.sentence_start(p)
            }
            _ => false,
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w[0].is_ascii_uppercase())
    }

    /// A capital anywhere: a name, also one like `iPhone`.
    fn has_capital(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.iter().any(u8::is_ascii_uppercase))
    }

    /// The mention starting at token `i`, with the index of its last token.
    fn mention_at(&self, i: usize) -> Option<(Mention, usize)> {
        let core = self.core_at(i, false)?;
        let (mut hedge_first, mut qualifier) = self.hedge_before(core.first);
        // `over four days` spans a time, and `handed over 105` is a verb's
        // particle: neither hedges the figure
        let over_not_hedge = hedge_first
            .filter(|&h| h + 1 == core.first && self.word_is(h, &["over"]))
            .is_some_and(|h| {
                self.word(core.last + 1).is_some_and(lexicon::is_time_unit)
                    || self
                        .word(h.wrapping_sub(1))
                        .is_some_and(lexicon::takes_over_particle)
            });
        if over_not_hedge {
            (hedge_first, qualifier) = (None, Qualifier::Exact);
        }
        let between =
            hedge_first.is_none() && self.word_is(core.first.wrapping_sub(1), &["between"]);
        if let Some(range) = self.range_after(&core, between) {
            let start = if between {
                self.tokens[core.first - 1].start as usize
            } else {
                core.start
            };
            let mention = Mention {
                start,
                end: range.end,
                number: core.start,
                amount: Amount::Range(core.value * range.scale_low, range.value),
                qualifier: Qualifier::Range,
                unit: if core.unit == Unit::Count {
                    range.unit
                } else {
                    core.unit
                },
            };
            return Some((mention, range.last));
        }
        if core.lone_one && self.one_is_pronoun(core.first) {
            return None;
        }
        let mut start = core.start;
        if let Some(first) = hedge_first {
            start = self.tokens[first].start as usize;
        }
        let (mut end, mut last) = (core.end, core.last);
        if hedge_first.is_none()
            && let Some((after_last, q)) = self.hedge_after(core.last)
        {
            qualifier = q;
            end = self.tokens[after_last].end as usize;
            last = after_last;
        }
        let mention = Mention {
            start,
            end,
            number: core.start,
            amount: Amount::Point(core.value),
            qualifier,
            unit: core.unit,
        };
        Some((mention, last))
    }

    /// The figure at token `i`; `range_end` when it closes a range, where
    /// a glued hyphen before it is the range's (`8-10`), not a code's.
    /// Inlined into its two callers: it runs for every opener, and most
    /// turns end in a test or two.
    #[inline(always)]
    fn core_at(&self, i: usize, range_end: bool) -> Option<Core> {
        let Token { kind, opens, .. } = *self.tokens.get(i)?;
        if !opens {
            return None;
        }
        // Digits open most figures, and a sign or currency before them is
        // a token of its own: no need to look for one here.
        if kind == Kind::Number {
            return self.digits_core(i, range_end, false);
        }
        // A word that passed the quick test may still be none of the words
        // that open a figure: tell once, before reading signs, currencies
        // and number words.
        let lead = self.word(i).and_then(lexicon::opener);
        if let Some(word) = self.word(i)
            && lead.is_none()
            && !lexicon::is_currency_code(word)
            && !lexicon::is_country_code(word)
        {
            return None;
        }
        // A number word, or `half`, is neither a sign nor a currency.
        if matches!(lead, Some(Opener::Number(_) | Opener::Half)) {
            return self.words_core(i, lead);
        }
        // A sign and a currency may open the figure, in either order:
        // `-1.3%`, `minus 5`, `$6`, `US$5`, `RM 5`, `$-50.8bn`.
        let (n, minus_before) = self.minus_at(i);
        let (n, money) = self.currency_at(n);
        // Neither opened the figure: a sign after nothing would be the sign
        // already tested.
        if n == i {
            return match kind {
                Kind::Word => self.words_core(i, lead),
                Kind::Number | Kind::Punct => None,
            };
        }
        let (n, minus_after) = self.minus_at(n);
        // The hyphen before the digits, if any, was the sign.
        let mut core = self.digits_core(n, true, money)?;
        core.first = i;
        core.start = self.tokens[i].start as usize;
        if minus_before || minus_after {
            core.value = -core.value;
        }
        Some(core)
    }

    /// A minus sign at token `i` (`-5`, `−5`, `minus 5`, `negative 5`): the
    /// index after it. A hyphen glued to a word or number before it joins
    /// a code or a range (`COVID-19`, `8-10`), so it is no sign.
    fn minus_at(&self, i: usize) -> (usize, bool) {
        if self.word(i).and_then(lexicon::opener) == Some(Opener::Minus) {
            let hyphen = self.punct_is(i + 1, &["-"]) && self.glued(i) && self.glued(i + 1);
            return (i + 1 + usize::from(hyphen), true);
        }
        let sign = self.punct_is(i, &["-", "\u{2212}"])
            && self.glued(i)
            && (i == 0 || !self.glued(i - 1) || self.tokens[i - 1].kind == Kind::Punct);
        if sign { (i + 1, true) } else { (i, false) }
    }

    /// A currency written before a figure at token `i` (`$`, `£`, `US$`,
    /// `$US`, `USD`, `RM`): the index after it.
    fn currency_at(&self, i: usize) -> (usize, bool) {
        let mut k = i;
        // `US$5`, `HK$5`
        if self.word(k).is_some_and(lexicon::is_country_code)
            && self.glued(k)
            && self.punct(k + 1).is_some_and(lexicon::is_currency_sign)
        {
            k += 1;
        }
        if self.punct(k).is_some_and(lexicon::is_currency_sign) && self.glued(k) {
            k += 1;
            // `$US5`, `$A3`
            if self.word(k).is_some_and(lexicon::is_country_code) && self.glued(k) {
                k += 1;
            }
            return (k, true);
        }
        if k == i && self.word(k).is_some_and(lexicon::is_currency_code) {
            return (k + 1, true);
        }
        (i, false)
    }

    fn digits_core(&self, i: usize, range_end: bool, money: bool) -> Option<Core> {
        if self.tokens.get(i)?.kind != Kind::Number {
            return None;
        }
        let digits = self.bytes(i);
        if !money && self.is_code_or_date_part(i, range_end) {
            return None;
        }
        let (mantissa, decimals) = parse_decimal(digits)?;
        let mut core = Core {
            first: i,
            last: i,
            start: self.tokens[i].start as usize,
            end: self.tokens[i].end as usize,
            value: mantissa as f64 / 10f64.powi(decimals as i32),
            scale: None,
            unit: if money { Unit::Money } else { Unit::Count },
            lone_one: false,
        };
        let mut next = i + 1;
        // A glued suffix: scale (`2.3m`), percent (`5pc`), pence (`164p`),
        // unit (`10km`, `32m2`), else an ordinal, decade, clock time or
        // identifier (`7th`, `1990s`, `5pm`, `5G`).
        if self.glued(i) && self.tokens[next].kind == Kind::Word {
            let suffix = self.bytes(next);
            let squared = self.glued(next) && self.tokens[next + 1].kind == Kind::Number;
            let scale = lexicon::scale_suffix(suffix).filter(|_| !squared);
            let clock = self.glued(next)
                && self.punct_is(next + 1, &["."])
                && self.word_is(next + 2, &["m"]);
            if scale.is_some() || suffix == b"pc" || suffix == b"p" && !clock {
                core.scale = scale;
                core.unit = match suffix {
                    b"pc" => Unit::Percent,
                    b"p" => Unit::Money,
                    _ => core.unit,
                };
                core.end = self.tokens[next].end as usize;
                core.last = next;
                next += 1;
            } else if !squared && !lexicon::is_measure_suffix(suffix) {
                return None;
            }
        }
        // Scale words, largest last: `1.5 million`, `4 hundred million`.
        while let Some(scale) = self.word(next).and_then(lexicon::scale_word) {
            if core.scale.is_some_and(|s| s >= scale) {
                break;
            }
            core.scale = Some(core.scale.unwrap_or(1.0) * scale);
            core.end = self.tokens[next].end as usize;
            core.last = next;
            next += 1;
        }
        if let Some(scale) = core.scale {
            core.value = mantissa as f64 * scale / 10f64.powi(decimals as i32);
        }
        if self.punct_is(next, &["%"]) && self.tokens[core.last].end + 1 >= self.tokens[next].start
        {
            core.unit = Unit::Percent;
            core.end = self.tokens[next].end as usize;
            core.last = next;
        } else if self.word_is(next, &["percent", "pct"])
            || self.word_is(next, &["per"]) && self.word_is(next + 1, &["cent"])
        {
            core.unit = Unit::Percent;
        } else if self.word_is(
            next,
            &[
                "dollars", "euros", "pounds", "cents", "dollar", "euro", "yen",
            ],
        ) {
            core.unit = Unit::Money;
        }
        if core.scale.is_none() && core.unit == Unit::Count && self.is_year(i) {
            return None;
        }
        Some(core)
    }

    /// Digits that are part of a date, a clock time, a code or a name.
    fn is_code_or_date_part(&self, i: usize, range_end: bool) -> bool {
        let prev = self.before(i);
        if let Some(p) = prev
            && self.glued(p)
        {
            match self.tokens[p].kind {
                // `A320`, `G7`
                Kind::Word => return true,
                // `17:00`, `24/7`, `3.2.1`, `COVID-19`, `2023-12-21`, `#5`
                Kind::Punct => {
                    if self.punct_is(p, &[":", "/", ".", "#"]) {
                        return true;
                    }
                    if self.punct_is(p, &["-", "\u{2013}"])
                        && !range_end
                        && p > 0
                        && self.glued(p - 1)
                        && self.tokens[p - 1].kind != Kind::Punct
                        && !self.word_is(p - 1, &["sub"])
                    {
                        return true;
                    }
                }
                Kind::Number => {}
            }
        }
        // `17:00`, `24/7`
        if self.glued(i) && self.punct_is(i + 1, &[":", "/"]) && self.glued(i + 1) {
            return true;
        }
        // `5 p.m.`, `10 am`, `21:00 GMT`
        if self.word_is(
            i + 1,
            &["am", "pm", "GMT", "EST", "EDT", "UTC", "BST", "CET"],
        ) || (self.word_is(i + 1, &["a", "p"])
            && self.punct_is(i + 2, &["."])
            && self.word_is(i + 3, &["m"]))
        {
            return true;
        }
        // `October 7`, `Oct. 7`, `7 October`
        if let Some(p) = prev
            && (self.word(p).is_some_and(lexicon::is_month)
                || (self.punct_is(p, &["."])
                    && p > 0
                    && self.word(p - 1).is_some_and(lexicon::is_month)))
        {
            return true;
        }
        if self.word(i + 1).is_some_and(lexicon::is_month) {
            return true;
        }
        // `Resolution 2720`, `Route 4`, `Section 427`: a figure right after a
        // capitalised word that does not open the sentence names something,
        // unless a unit is glued to it (`Tylenol 500mg`).
        if let Some(p) = prev {
            let unit_glued = self.glued(i) && self.tokens[i + 1].kind == Kind::Word;
            let plain = !self.bytes(i).iter().any(|&b| b == b',' || b == b'.') && !unit_glued;
            if plain
                && self.has_capital(p)
                && !self.sentence_start(p)
                && !self
                    .word(p)
                    .is_some_and(|w| lexicon::is_month(w) || lexicon::is_weekday(w))
                && !self.gap_has_newline(p)
            {
                return true;
            }
            // `No. 5`
            if self.punct_is(p, &["."]) && p > 0 && self.word_is(p - 1, &["No", "Nos"]) {
                return true;
            }
        }
        false
    }

    fn gap_has_newline(&self, p: usize) -> bool {
        self.text.as_bytes()[self.tokens[p].end as usize..self.tokens[p + 1].start as usize]
            .contains(&b'\n')
    }

    /// A four-digit figure between 1800 and 2100, not counting anything.
    fn is_year(&self, i: usize) -> bool {
        let digits = self.bytes(i);
        if digits.len() != 4 || !digits.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let year = digits
            .iter()
            .fold(0, |year, &d| year * 10 + u32::from(d - b'0'));
        if !(1800..=2100).contains(&year) {
            return false;
        }
        // `2,000` is written with a separator; `2000 people` is rare, but a
        // year is never followed by a plural noun and a preposition before
        // makes a year certain.
        let before_is_year_word = self
            .before(i)
            .and_then(|p| self.word(p))
            .is_some_and(lexicon::is_year_preposition);
        let plural_after = self.word(i + 1).is_some_and(|w| {
            w.len() > 3 && w.ends_with(b"s") && w[0].is_ascii_lowercase() && !w.ends_with(b"ss")
        });
        before_is_year_word || !plural_after
    }

    /// The figure in number words at token `i`, a word that is `lead`.
    fn words_core(&self, i: usize, lead: Option<Opener>) -> Option<Core> {
        // `a dozen`, `a hundred`, `half a million`, `an estimated`… only
        // `a` + scale word counts.
        let half = lead == Some(Opener::Half)
            && self.word(i + 1).and_then(lexicon::opener) == Some(Opener::Article);
        let article = half || lead == Some(Opener::Article);
        let first_number = i + usize::from(article) + usize::from(half);
        let first = if article {
            lexicon::number_word(self.word(first_number)?)?
        } else {
            // without one, the lead word is the first number
            match lead? {
                Opener::Number(number) => number,
                _ => return None,
            }
        };
        // `a hundred` counts; a bare `hundred` or `million` (`parts per
        // million`, `a baker's dozen`) has no number.
        let scale_first = matches!(
            first,
            NumberWord::Hundred | NumberWord::Dozen | NumberWord::Scale(_)
        );
        if article != scale_first {
            return None;
        }
        // A capitalised number word inside a sentence is a name
        // (`Air Force One`, `Channel Nine`), not a count.
        if !article && self.capitalized(i) && !self.sentence_start(i) {
            return None;
        }
        let (mut value, mut last, mut scale) = self.compound(first_number, first)?;
        if half {
            value /= 2.0;
        }
        // `two and a half`, `one and a half million`
        if !article
            && scale.is_none()
            && self.word_is(last + 1, &["and"])
            && self.word_is(last + 2, &["a"])
            && self.word_is(last + 3, &["half"])
        {
            value += 0.5;
            last += 3;
            if let Some(s) = self.word(last + 1).and_then(lexicon::scale_word) {
                value *= s;
                scale = Some(s);
                last += 1;
            }
        }
        // `two-thirds`, `one half`: fractions are not cardinals.
        let after = last + 1;
        let fraction_at = if self.punct_is(after, &["-"]) && self.glued(last) {
            after + 1
        } else {
            after
        };
        if self.word(fraction_at).is_some_and(lexicon::is_fraction) {
            return None;
        }
        let mut core = Core {
            first: i,
            last,
            start: self.tokens[i].start as usize,
            end: self.tokens[last].end as usize,
            value,
            scale,
            unit: Unit::Count,
            lone_one: !article && last == i && value == 1.0,
        };
        if self.word_is(last + 1, &["percent"])
            || self.word_is(last + 1, &["per"]) && self.word_is(last + 2, &["cent"])
        {
            core.unit = Unit::Percent;
        }
        Some(core)
    }

    /// Reads a compound number from word tokens: `twenty-five`,
    /// `two hundred and five`, `fifty-seven thousand five hundred`.
    fn compound(&self, i: usize, first: NumberWord) -> Option<(f64, usize, Option<f64>)> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last = i;
        let mut prev = first;
        let mut scale = None;
        let mut smallest_scale = f64::INFINITY;
        apply(
            first,
            &mut total,
            &mut current,
            &mut scale,
            &mut smallest_scale,
        )?;
        let mut j = i + 1;
        loop {
            // separators: a glued hyphen (`twenty-five`), a space, or `and`
            // after hundred or a scale (`two hundred and five`).
            let hyphen = self.punct_is(j, &["-"]) && self.glued(j - 1) && self.glued(j);
            let and = self.word_is(j, &["and"])
                && matches!(prev, NumberWord::Hundred | NumberWord::Scale(_));
            let k = j + usize::from(hyphen || and);
            let Some(next) = self.word(k).and_then(lexicon::number_word) else {
                break;
            };
            let allowed = match (prev, next) {
                (NumberWord::Ten(_), NumberWord::Unit(n)) => (1..=9).contains(&n),
                (NumberWord::Unit(_) | NumberWord::Ten(_), NumberWord::Hundred) => current < 100.0,
                (NumberWord::Hundred, NumberWord::Unit(_) | NumberWord::Ten(_)) => true,
                (NumberWord::Scale(_), NumberWord::Unit(_) | NumberWord::Ten(_)) => true,
                (_, NumberWord::Scale(s)) => {
                    s < smallest_scale && !matches!(prev, NumberWord::Scale(_) | NumberWord::Dozen)
                }
                (NumberWord::Unit(_) | NumberWord::Ten(_), NumberWord::Dozen) => true,
                _ => false,
            };
            if !allowed {
                break;
            }
            apply(
                next,
                &mut total,
                &mut current,
                &mut scale,
                &mut smallest_scale,
            )?;
            prev = next;
            last = k;
            j = k + 1;
        }
        Some((total + current, last, scale))
    }

    fn one_is_pronoun(&self, i: usize) -> bool {
        if self
            .before(i)
            .and_then(|p| self.word(p))
            .is_some_and(lexicon::pronoun_one_before)
        {
            return true;
        }
        match self.tokens.get(i + 1).map(|t| t.kind) {
            None => true,
            Some(Kind::Word) => self.word(i + 1).is_some_and(lexicon::pronoun_one_after),
            Some(Kind::Punct) => !self.punct_is(i + 1, &["-"]),
            Some(Kind::Number) => false,
        }
    }

    /// The hedge written before token `first`: its first token and qualifier.
    fn hedge_before(&self, first: usize) -> (Option<usize>, Qualifier) {
        // `~25`, `≈ 32`
        if first > 0 && self.punct_is(first - 1, &["~", "\u{2248}"]) {
            return (Some(first - 1), Qualifier::About);
        }
        // `sub-7`: the prefix is glued by a hyphen.
        if first > 1
            && self.punct_is(first - 1, &["-"])
            && self.glued(first - 2)
            && self.word_is(first - 2, &["sub"])
        {
            return (Some(first - 2), Qualifier::Under);
        }
        // Every hedge ends with the word just before the figure: read that
        // word once, and the earlier ones only for a hedge it ends.
        let Some(word_before) = first.checked_sub(1).and_then(|p| self.word(p)) else {
            return (None, Qualifier::Exact);
        };
        for (earlier, qualifier) in lexicon::hedges_ending(word_before) {
            let Some(start) = (first - 1).checked_sub(earlier.len()) else {
                continue;
            };
            let matches = earlier.iter().enumerate().all(|(k, w)| {
                self.word(start + k)
                    .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
            });
            if matches {
                return (Some(start), *qualifier);
            }
        }
        (None, Qualifier::Exact)
    }

    /// A hedge written after the figure (`or more`, `-plus`, `+`).
    fn hedge_after(&self, last: usize) -> Option<(usize, Qualifier)> {
        if self.punct_is(last + 1, &["+"]) && self.glued(last) {
            return Some((last + 1, Qualifier::Over));
        }
        if self.punct_is(last + 1, &["-"]) && self.glued(last) && self.word_is(last + 2, &["plus"])
        {
            return Some((last + 2, Qualifier::Over));
        }
        // Read the word after the figure once, and the later ones only for
        // a hedge it opens.
        let word_after = self.word(last + 1)?;
        for (words, qualifier) in lexicon::HEDGES_AFTER {
            let Some((first, later)) = words.split_first() else {
                continue;
            };
            let matches = first.as_bytes().eq_ignore_ascii_case(word_after)
                && later.iter().enumerate().all(|(k, w)| {
                    self.word(last + 2 + k)
                        .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                });
            if matches {
                return Some((last + words.len(), *qualifier));
            }
        }
        None
    }

    /// The upper end of a range after `core`: `8 to 10`, `8-10`,
    /// `one-to-three`, `and 50` after `between 40`, also with the unit
    /// written at both ends (`1 per cent to 2 per cent`, `5 mm to 7 mm`).
    fn range_after(&self, core: &Core, between: bool) -> Option<RangeEnd> {
        let unit = self.unit_before_connector(core.last + 1);
        let mut k = core.last + 1 + unit;
        // `from 20 to 30` is a change, two figures; `ranging from 20 to 30`
        // is a range.
        let from = self.word_is(core.first.wrapping_sub(1), &["from"])
            && !self.word_is(
                core.first.wrapping_sub(2),
                &[
                    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying",
                    "priced", "run", "runs",
                ],
            );
        let dash = self.punct_is(k, &["-", "\u{2013}"])
            // `50 -1.3%`: a hyphen glued only to what follows is a sign.
            && (self.glued(k - 1) || !self.glued(k));
        if between {
            if !self.word_is(k, &["and", "to"]) {
                return None;
            }
            k += 1;
        } else if dash && !self.word_is(k + 1, &["to"]) {
            k += 1;
        } else {
            if self.punct_is(k, &["-"]) && self.glued(k - 1) {
                k += 1;
            }
            if !self.word_is(k, &["to"]) || from {
                return None;
            }
            k += 1;
            if self.punct_is(k, &["-"]) && self.glued(k - 1) {
                k += 1;
            }
        }
        let high = self.core_at(k, true)?;
        if unit > 0 && !self.same_words(core.last + 1, high.last + 1, unit) {
            return None;
        }
        let scale_low = match (core.scale, high.scale) {
            (None, Some(scale)) if core.value * scale < high.value => scale,
            _ => 1.0,
        };
        // A plain low end takes the unit of the high end (`8 to 10%`); two
        // different units are two figures (`0.1% to 1,333`).
        if core.value * scale_low >= high.value
            || core.unit != Unit::Count && core.unit != high.unit
        {
            return None;
        }
        Some(RangeEnd {
            value: high.value,
            scale_low,
            end: high.end,
            last: high.last,
            unit: high.unit,
        })
    }

    /// How many unit words (one or two) stand between a figure and a range
    /// connector at token `k`: `miles` in `5 miles to 7 miles`.
    fn unit_before_connector(&self, k: usize) -> usize {
        // The connector first: most figures are followed by none.
        (1..=2)
            .find(|&n| {
                (self.word_is(k + n, &["to", "and"]) || self.punct_is(k + n, &["-", "\u{2013}"]))
                    && (k..k + n)
                        .all(|j| self.word(j).is_some() && !self.word_is(j, &["to", "and"]))
            })
            .unwrap_or(0)
    }

    /// The `n` words at `a` and at `b` are the same.
    fn same_words(&self, a: usize, b: usize, n: usize) -> bool {
        (0..n).all(|j| match (self.word(a + j), self.word(b + j)) {
            (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
            _ => false,
        })
    }
}

struct RangeEnd {
    value: f64,
    /// The scale the low end takes from the high end (`1 to 2 million`).
    scale_low: f64,
    end: usize,
    last: usize,
    unit: Unit,
}

fn apply(
    word: NumberWord,
    total: &mut f64,
    current: &mut f64,
    scale: &mut Option<f64>,
    smallest: &mut f64,
) -> Option<()> {
    match word {
        NumberWord::Unit(n) | NumberWord::Ten(n) => *current += f64::from(n),
        NumberWord::Hundred => *current = current.max(1.0) * 100.0,
        NumberWord::Dozen => *current = current.max(1.0) * 12.0,
        NumberWord::Scale(s) => {
            *total += current.max(1.0) * s;
            *current = 0.0;
            *smallest = s;
            *scale = Some(s);
        }
    }
    Some(())
}

/// `57,500` → (57500, 0); `1.5` → (15, 1).
fn parse_decimal(digits: &[u8]) -> Option<(u64, u32)> {
    let mut mantissa: u64 = 0;
    let mut decimals = 0;
    let mut after_point = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                decimals += u32::from(after_point);
            }
            b'.' => after_point = true,
            _ => {}
        }
    }
    Some((mantissa, decimals))
}

#[cfg(test)]
mod tests;
