//! The date a figure describes (`as_of`): an explicit date or a named
//! event in the figure's clause, a relative day (`on Wednesday`,
//! `yesterday`) or period (`last week`) resolved against the publication
//! date, else the publication date. A date after `since`, `from` or
//! `until` starts or ends a period and does not date the figure.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};

use super::{is_ascii_space, is_word_byte};
use crate::rules::EventDef;

/// When a figure holds: one day, or a period ending on `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub day: Date,
    /// The first day when the figure describes a period (`last week`).
    pub from: Option<Date>,
}

impl When {
    fn day(day: Date) -> When {
        When { day, from: None }
    }
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|(?-i:Mar)(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// The ways a date is written, one pattern of `DATES` each, in its order.
#[derive(Clone, Copy)]
enum Kind {
    /// `2023-10-07`
    Iso,
    /// `October 7`, `Oct. 7th, 2023`
    MonthDay,
    /// `7 October`, `7th of October 2023`
    DayMonth,
    /// `Monday`, `last Monday`
    Weekday,
    /// `yesterday`, `this morning`
    Relative,
    /// `last week`, `earlier this month`
    Period,
}

const KINDS: [Kind; 6] = [
    Kind::Iso,
    Kind::MonthDay,
    Kind::DayMonth,
    Kind::Weekday,
    Kind::Relative,
    Kind::Period,
];

/// A builder with the syntax of the pack's regexes, for leftmost-first
/// searches whose matches carry their pattern id. No prefilter: on
/// clauses a few words long, the search never gets to use one, and
/// extracting it from case-insensitive patterns costs more than half of
/// the build.
fn builder() -> regex_automata::meta::Builder {
    let mut builder = regex_automata::meta::Regex::builder();
    builder.syntax(crate::rules::cue_syntax()).configure(
        regex_automata::meta::Regex::config()
            .utf8_empty(false)
            .auto_prefilter(false),
    );
    builder
}

/// The ways a date is written, one pattern per kind, in `KINDS` order.
static DATE_PATTERNS: LazyLock<[String; 6]> = LazyLock::new(|| {
    [
        r"\b\d{4}-\d{2}-\d{2}\b".to_string(),
        format!(r"\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
        format!(r"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+\d{{4}}\b)?"),
        r"\b(?:(?:last|this|next|on|past)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b".to_string(),
        r"\b(?:yesterday|today|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|overnight)\b".to_string(),
        r"\b(?:last\s+week|this\s+week|earlier\s+this\s+week|past\s+week|last\s+month|earlier\s+this\s+month|this\s+month)\b".to_string(),
    ]
});

/// Dates of every kind in one search; a match's pattern id says its kind,
/// and its parts are read from its text, with no capture groups to resolve.
static DATES: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    builder()
        .build_many(&*DATE_PATTERNS)
        .expect("built-in patterns compile")
});

/// The date searches of a pack: its named events, and one search for
/// where the first event or date of a clause starts. Most clauses name
/// none and are done after that one search; in the others, the searches
/// for events and dates start there.
pub(crate) struct DateSearch {
    /// Each event's regex, as the pack loader compiles it, and its date.
    events: Vec<(regex_automata::meta::Regex, Date)>,
    /// The events' patterns, then the dates'.
    first: regex_automata::meta::Regex,
}

impl DateSearch {
    pub(crate) fn new(events: &[EventDef]) -> DateSearch {
        const LOADED: &str = "every event compiled alone when the pack was loaded";
        let patterns: Vec<&str> = events
            .iter()
            .map(|e| e.regex.as_str())
            .chain(DATE_PATTERNS.iter().map(String::as_str))
            .collect();
        DateSearch {
            events: events
                .iter()
                .map(|e| (builder().build(e.regex.as_str()).expect(LOADED), e.date))
                .collect(),
            first: builder().build_many(&patterns).expect(LOADED),
        }
    }

    /// The date of a figure at `figure` (byte range within `clause`).
    /// `event_spans` is scratch space, kept from figure to figure so that
    /// clauses naming an event need no allocation.
    pub(crate) fn resolve(
        &self,
        clause: &[u8],
        figure: Range<usize>,
        published: Option<Date>,
        event_spans: &mut Vec<Range<usize>>,
    ) -> Option<When> {
        // no pattern matches before the leftmost match of them all, so
        // each search finds the same matches from there as from the start
        let Some(first) = self.first.find(clause) else {
            return published.map(When::day);
        };
        // and that match is the first of its own pattern's search, which
        // need not look for it again: no pattern before it in `first`
        // matches where it starts
        let pattern = first.pattern().as_usize();
        let known = |patterns: Range<usize>| {
            patterns.contains(&pattern).then(|| {
                let id = regex_automata::PatternID::must(pattern - patterns.start);
                regex_automata::Match::new(id, first.span())
            })
        };
        let mut best: Option<(usize, When)> = None;
        event_spans.clear();
        for (e, (regex, date)) in self.events.iter().enumerate() {
            for m in matches(regex, clause, first.start(), known(e..e + 1)) {
                event_spans.push(m.range());
                if let Some(distance) = closer(clause, &figure, m.range(), best) {
                    best = Some((distance, When::day(*date)));
                }
            }
        }
        let dates = self.events.len()..self.events.len() + KINDS.len();
        for found in matches(&DATES, clause, first.start(), known(dates)) {
            if overlaps(event_spans, found.range())
                || overlaps(std::slice::from_ref(&figure), found.range())
            {
                continue;
            }
            let Some(distance) = closer(clause, &figure, found.range(), best) else {
                continue;
            };
            // every pattern matches ASCII only
            let when = std::str::from_utf8(&clause[found.range()])
                .ok()
                .and_then(|text| interpret(KINDS[found.pattern().as_usize()], text, published));
            if let Some(when) = when {
                best = Some((distance, when));
            }
        }
        match best {
            Some((_, when)) => Some(when),
            None => published.map(When::day),
        }
    }
}

/// The matches of `regex.find_iter` from `start`, when the first of them
/// is already `known`: the search goes on from its end.
fn matches<'a>(
    regex: &'a regex_automata::meta::Regex,
    clause: &'a [u8],
    start: usize,
    known: Option<regex_automata::Match>,
) -> impl Iterator<Item = regex_automata::Match> + 'a {
    let rest = regex_automata::Input::new(clause).range(known.map_or(start, |m| m.end())..);
    // `find_iter` takes no empty match where its last match ended; only
    // the first match from there can be one
    let repeat = move |m: &regex_automata::Match| {
        known.is_some_and(|k| m.is_empty() && m.start() == k.end())
    };
    known
        .into_iter()
        .chain(regex.find_iter(rest).filter(move |m| !repeat(m)))
}

/// How far `date` (byte range within `clause`) sits from the figure, if
/// it is closer than the best so far (ties go to the first found), does
/// not start or end a period, and is not the day others were captured.
/// The distance is checked first: it is cheaper than the words before the
/// date.
fn closer(
    clause: &[u8],
    figure: &Range<usize>,
    date: Range<usize>,
    best: Option<(usize, When)>,
) -> Option<usize> {
    let distance = if date.end <= figure.start {
        figure.start - date.end
    } else {
        date.start.saturating_sub(figure.end)
    };
    let before = &clause[date.start.saturating_sub(24)..date.start];
    let of_captives = || {
        date.end <= figure.start
            && memchr::memchr(b',', &clause[date.end..figure.start]).is_some()
            && capture_date(before, &clause[date.clone()])
    };
    (best.is_none_or(|(d, _)| distance < d) && !period_edge(before) && !of_captives())
        .then_some(distance)
}

/// Whether `before`, the bytes before `date`, end with a verb of capture
/// and `on` (`seized on`; the `on` may open the date): the date is the day
/// those people were taken, which dates no figure past the comma after it
/// (`Of the 251 hostages seized on October 7, 94 are still in Gaza`).
fn capture_date(before: &[u8], date: &[u8]) -> bool {
    const CAPTURED: [&str; 6] = [
        "seized",
        "taken",
        "abducted",
        "kidnapped",
        "captured",
        "snatched",
    ];
    let verb_ends = |text: &[u8]| {
        strip_spaces(text).is_some_and(|head| {
            let verb = last_run(head, is_word_byte).1;
            CAPTURED
                .iter()
                .any(|w| verb.eq_ignore_ascii_case(w.as_bytes()))
        })
    };
    let opens_with_on =
        date.len() > 2 && date[..2].eq_ignore_ascii_case(b"on") && is_ascii_space(date[2]);
    if opens_with_on {
        return verb_ends(before);
    }
    strip_spaces(before).is_some_and(|rest| {
        let (head, on) = last_run(rest, is_word_byte);
        on.eq_ignore_ascii_case(b"on") && verb_ends(head)
    })
}

/// Whether `before`, the bytes before a date, end with a word that makes
/// the date the edge of a period: as the pack pattern
/// `\b(?:since|from|until|till|after|before|by|between|through)\s+(?:the\s+|hamas'?s?\s+)?$`
/// would, written out because a regex search costs more than the date
/// search it follows.
fn period_edge(before: &[u8]) -> bool {
    const EDGES: [&str; 9] = [
        "since", "from", "until", "till", "after", "before", "by", "between", "through",
    ];
    const BETWEEN: [&str; 5] = ["the", "hamas", "hamas'", "hamass", "hamas's"];
    let one_of = |words: &[&str], text: &[u8]| {
        words
            .iter()
            .any(|w| text.eq_ignore_ascii_case(w.as_bytes()))
    };
    let Some(rest) = strip_spaces(before) else {
        return false;
    };
    // a word of either list follows `\b` or `\s` and comes before `\s`,
    // so it is the whole run of its kind of bytes there
    if one_of(&EDGES, last_run(rest, is_word_byte).1) {
        return true;
    }
    let (head, between) = last_run(rest, |b| is_word_byte(b) || b == b'\'');
    one_of(&BETWEEN, between)
        && strip_spaces(head).is_some_and(|head| one_of(&EDGES, last_run(head, is_word_byte).1))
}

/// `text` without the run of `\s` it ends with, if it ends with one.
fn strip_spaces(text: &[u8]) -> Option<&[u8]> {
    let (head, spaces) = last_run(text, is_ascii_space);
    (!spaces.is_empty()).then_some(head)
}

/// `text` split before the run of bytes of `kind` it ends with.
fn last_run(text: &[u8], kind: impl Fn(u8) -> bool) -> (&[u8], &[u8]) {
    let run = text.iter().rev().take_while(|b| kind(**b)).count();
    text.split_at(text.len() - run)
}

fn overlaps(spans: &[Range<usize>], range: Range<usize>) -> bool {
    spans
        .iter()
        .any(|s| s.start < range.end && range.start < s.end)
}

/// The runs of ASCII digits or of ASCII letters in `text`, in order.
fn runs(text: &str, of: fn(&char) -> bool) -> impl Iterator<Item = &str> {
    text.split(move |c: char| !of(&c))
        .filter(|run| !run.is_empty())
}

/// The date that `text`, a match of `kind`, names.
fn interpret(kind: Kind, text: &str, published: Option<Date>) -> Option<When> {
    let mut numbers = runs(text, char::is_ascii_digit).map(|run| run.parse::<i16>().ok());
    match kind {
        Kind::Iso => {
            let (year, month, day) = (numbers.next()??, numbers.next()??, numbers.next()??);
            Date::new(year, month as i8, day as i8).ok().map(When::day)
        }
        Kind::MonthDay | Kind::DayMonth => {
            let month = runs(text, char::is_ascii_alphabetic).find_map(month_of)?;
            // the day comes first in either order, then the year if written
            let day = numbers.next()??;
            let year = numbers.next().flatten();
            explicit(year, month, day as i8, published).map(When::day)
        }
        // the words are compared in any case, not lowered into a new string
        Kind::Weekday => weekday(text, published?),
        Kind::Relative => {
            let back = if text.eq_ignore_ascii_case("yesterday") || starts(text, "last") {
                1
            } else {
                0
            };
            published?
                .checked_sub(jiff::Span::new().days(back))
                .ok()
                .map(When::day)
        }
        Kind::Period => period(text, published?),
    }
}

/// Whether `text` starts with `word` (lower case), in any case.
fn starts(text: &str, word: &str) -> bool {
    text.as_bytes()
        .get(..word.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether `text` ends with `word` (lower case), in any case.
fn ends(text: &str, word: &str) -> bool {
    text.len()
        .checked_sub(word.len())
        .is_some_and(|at| text.as_bytes()[at..].eq_ignore_ascii_case(word.as_bytes()))
}

/// `Monday`, `last Monday`…: the latest such day on or before publication.
fn weekday(text: &str, published: Date) -> Option<When> {
    let mut words = text.split_ascii_whitespace();
    let (qualifier, day) = match (words.next()?, words.next()) {
        (qualifier, Some(day)) => (Some(qualifier), day),
        (day, None) => (None, day),
    };
    let weekday = weekday_of(day)?;
    let is = |word: &str| qualifier.is_some_and(|q| q.eq_ignore_ascii_case(word));
    if is("next") {
        None
    } else if published.weekday() != weekday {
        published.nth_weekday(-1, weekday).ok().map(When::day)
    } else if is("last") || is("past") {
        published
            .checked_sub(jiff::Span::new().days(7))
            .ok()
            .map(When::day)
    } else {
        Some(When::day(published))
    }
}

/// `last week`, `This month`…: the period, ending on its last day so far.
fn period(period: &str, published: Date) -> Option<When> {
    let monday = if published.weekday() == Weekday::Monday {
        published
    } else {
        published.nth_weekday(-1, Weekday::Monday).ok()?
    };
    let week = ends(period, "week");
    let when = if week && (starts(period, "last") || starts(period, "past")) {
        let from = monday.checked_sub(jiff::Span::new().days(7)).ok()?;
        When {
            day: monday.checked_sub(jiff::Span::new().days(1)).ok()?,
            from: Some(from),
        }
    } else if week {
        When {
            day: published,
            from: Some(monday),
        }
    } else if starts(period, "last") {
        let last = published
            .first_of_month()
            .checked_sub(jiff::Span::new().days(1))
            .ok()?;
        When {
            day: last,
            from: Some(last.first_of_month()),
        }
    } else {
        When {
            day: published,
            from: Some(published.first_of_month()),
        }
    };
    Some(when)
}

/// A month and day, with the year written or else the latest such date on
/// or before publication.
fn explicit(year: Option<i16>, month: i8, day: i8, published: Option<Date>) -> Option<Date> {
    if let Some(year) = year {
        return Date::new(year, month, day).ok();
    }
    let published = published?;
    let this_year = Date::new(published.year(), month, day).ok()?;
    if this_year <= published {
        Some(this_year)
    } else {
        Date::new(published.year() - 1, month, day).ok()
    }
}

/// The month a word names (`Oct`, `october`) by its first three letters.
fn month_of(word: &str) -> Option<i8> {
    let prefix = word.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = months.iter().position(|m| m.eq_ignore_ascii_case(prefix))?;
    Some(index as i8 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    use Weekday::*;
    let days = [
        Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    ];
    let at = crate::extract::lexicon::WEEKDAYS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word))?;
    Some(days[at])
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(clause: &str, figure: &str, published: Option<Date>) -> Option<When> {
        let start = clause.find(figure).unwrap();
        DateSearch::new(&[]).resolve(
            clause.as_bytes(),
            start..start + figure.len(),
            published,
            &mut Vec::new(),
        )
    }

    fn day(clause: &str, published: Date) -> Option<Date> {
        at(clause, "165", Some(published)).map(|w| w.day)
    }

    #[test]
    fn publication_date_by_default() {
        assert_eq!(
            day("165 trucks went in", date(2023, 12, 21)),
            Some(date(2023, 12, 21))
        );
        assert_eq!(at("165 trucks went in", "165", None), None);
    }

    #[test]
    fn weekdays_resolve_to_the_latest_on_or_before_publication() {
        // 2023-12-21 is a Thursday.
        let thursday = date(2023, 12, 21);
        assert_eq!(
            day("165 trucks went in on Wednesday", thursday),
            Some(date(2023, 12, 20))
        );
        assert_eq!(
            day("On Thursday, 165 trucks went in", thursday),
            Some(thursday)
        );
        assert_eq!(
            day("165 trucks went in on Friday", thursday),
            Some(date(2023, 12, 15))
        );
        assert_eq!(
            day("165 trucks went in last Thursday", thursday),
            Some(date(2023, 12, 14))
        );
        assert_eq!(
            day("165 trucks will go in next Monday", thursday),
            Some(thursday)
        );
    }

    #[test]
    fn weekdays_cross_month_and_year_boundaries() {
        // 2024-01-01 is a Monday.
        assert_eq!(
            day("165 trucks on Sunday", date(2024, 1, 1)),
            Some(date(2023, 12, 31))
        );
        assert_eq!(
            day("165 trucks on Friday", date(2024, 3, 1)),
            Some(date(2024, 3, 1))
        );
        assert_eq!(
            day("165 trucks on Thursday", date(2024, 3, 1)),
            Some(date(2024, 2, 29))
        );
    }

    #[test]
    fn relative_days_and_periods() {
        let thursday = date(2023, 12, 21);
        assert_eq!(
            day("165 trucks yesterday", thursday),
            Some(date(2023, 12, 20))
        );
        assert_eq!(day("Today 165 trucks", thursday), Some(thursday));
        let week = at("165 trucks last week", "165", Some(thursday)).unwrap();
        assert_eq!(
            (week.from, week.day),
            (Some(date(2023, 12, 11)), date(2023, 12, 17))
        );
        let month = at(
            "165 trucks earlier this month",
            "165",
            Some(date(2024, 1, 10)),
        )
        .unwrap();
        assert_eq!(
            (month.from, month.day),
            (Some(date(2024, 1, 1)), date(2024, 1, 10))
        );
        let last = at("165 trucks last month", "165", Some(date(2024, 1, 10))).unwrap();
        assert_eq!(
            (last.from, last.day),
            (Some(date(2023, 12, 1)), date(2023, 12, 31))
        );
    }

    #[test]
    fn relative_words_in_any_case() {
        let thursday = date(2023, 12, 21);
        assert_eq!(
            day("165 trucks LAST Thursday", thursday),
            Some(date(2023, 12, 14))
        );
        assert_eq!(day("165 trucks Next Monday", thursday), Some(thursday));
        assert_eq!(
            day("165 trucks Yesterday", thursday),
            Some(date(2023, 12, 20))
        );
        assert_eq!(
            day("165 trucks Last Night", thursday),
            Some(date(2023, 12, 20))
        );
        let week = at("165 trucks Past WEEK", "165", Some(thursday)).unwrap();
        assert_eq!(
            (week.from, week.day),
            (Some(date(2023, 12, 11)), date(2023, 12, 17))
        );
        let month = at("165 trucks LAST month", "165", Some(thursday)).unwrap();
        assert_eq!(
            (month.from, month.day),
            (Some(date(2023, 11, 1)), date(2023, 11, 30))
        );
    }

    #[test]
    fn explicit_dates_in_the_clause() {
        let published = date(2024, 7, 9);
        assert_eq!(
            day(
                "began on October 7, 2023, with an attack that killed 165",
                published
            ),
            Some(date(2023, 10, 7))
        );
        assert_eq!(
            day("on 3 January 165 trucks", published),
            Some(date(2024, 1, 3))
        );
        assert_eq!(
            day("on December 30 165 trucks", published),
            Some(date(2023, 12, 30))
        );
        assert_eq!(
            day("165 trucks on 2024-02-29", published),
            Some(date(2024, 2, 29))
        );
        assert_eq!(
            at("began on October 7, 2023, killing 165", "165", None).map(|w| w.day),
            Some(date(2023, 10, 7))
        );
    }

    #[test]
    fn period_edges_do_not_date_a_figure() {
        let published = date(2024, 7, 9);
        assert_eq!(
            day("165 killed since October 7", published),
            Some(published)
        );
        assert_eq!(day("165 killed since Monday", published), Some(published));
    }

    #[test]
    fn a_period_edge_passes_over_the_nearer_date() {
        let thursday = date(2023, 12, 21);
        assert_eq!(
            day(
                "On Wednesday, aid trucks since Monday reached 165",
                thursday
            ),
            Some(date(2023, 12, 20))
        );
        assert_eq!(
            day("165 trucks on Tuesday, since Monday", thursday),
            Some(date(2023, 12, 19))
        );
    }

    #[test]
    fn the_day_of_a_capture_dates_no_figure_past_its_comma() {
        let thursday = date(2023, 12, 21);
        for clause in [
            "Of the 240 people seized on December 1, 165 remain",
            "Of those taken  ON Tuesday, 165 are still held",
        ] {
            assert_eq!(day(clause, thursday), Some(thursday), "{clause}");
        }
        for (clause, captured) in [
            // the captives themselves, and a capture with no comma between
            (
                "165 people seized on December 1, officials said",
                date(2023, 12, 1),
            ),
            ("Those seized on December 1 number 165", date(2023, 12, 1)),
            // not a capture
            (
                "Of the trucks sent on December 1, 165 arrived",
                date(2023, 12, 1),
            ),
        ] {
            assert_eq!(day(clause, thursday), Some(captured), "{clause}");
        }
    }

    /// An event as the pack loader compiles it.
    fn event(pattern: &str, date: Date) -> EventDef {
        EventDef {
            regex: crate::rules::cue_regex(pattern).unwrap(),
            date,
        }
    }

    fn with_events(clause: &str, events: &[EventDef]) -> Option<Date> {
        let start = clause.find("165").unwrap();
        DateSearch::new(events)
            .resolve(
                clause.as_bytes(),
                start..start + 3,
                Some(date(2025, 3, 1)),
                &mut Vec::new(),
            )
            .map(|w| w.day)
    }

    #[test]
    fn named_events_give_their_date() {
        let october = [event(r"\boctober\s+7\b", date(2023, 10, 7))];
        assert_eq!(
            with_events("The October 7 attack killed 165 people", &october),
            Some(date(2023, 10, 7))
        );
    }

    #[test]
    fn each_event_is_found_even_where_another_matched() {
        // `3 January` starts first, `January 2024` ends nearer the figure
        let events = [
            event(r"\b3\s+january\b", date(2024, 1, 4)),
            event(r"\bjanuary\s+2024\b", date(2024, 1, 15)),
        ];
        assert_eq!(
            with_events("On 3 January 2024 aid reached 165", &events),
            Some(date(2024, 1, 15))
        );
        assert_eq!(
            with_events("165 arrived on 3 January 2024", &events),
            Some(date(2024, 1, 4))
        );
    }

    #[test]
    fn a_date_overlapping_an_event_gives_way_to_it() {
        // the date `3 January 2024` starts nearer the figure than the event
        let events = [event(r"\bjanuary\s+2024\b", date(2024, 1, 15))];
        assert_eq!(
            with_events("165 arrived on 3 January 2024", &events),
            Some(date(2024, 1, 15))
        );
        assert_eq!(
            with_events("165 arrived on 3 January 2024", &[]),
            Some(date(2024, 1, 3))
        );
    }

    #[test]
    fn matches_go_on_as_find_iter_after_the_known_first() {
        // empty matches too, which `find_iter` does not take where its
        // last match ended
        for pattern in [r"\boct\w*", r"o*", r"\b", r"(?:oct)?", r"x"] {
            let regex = builder().build(pattern).unwrap();
            for clause in ["", "oct", "Oct 7 and oct 8", "oo x oct", "octoct o"] {
                let clause = clause.as_bytes();
                for start in 0..=clause.len() {
                    let input = || regex_automata::Input::new(clause).range(start..);
                    let all: Vec<_> = regex.find_iter(input()).collect();
                    let known = regex.find(input());
                    let found: Vec<_> = matches(&regex, clause, start, known).collect();
                    assert_eq!(found, all, "{pattern} in {clause:?} from {start}");
                }
            }
        }
    }

    #[test]
    fn period_edge_is_the_pattern_written_out() {
        let pattern = crate::rules::cue_regex(
            r"\b(?:since|from|until|till|after|before|by|between|through)\s+(?:the\s+|hamas'?s?\s+)?$",
        )
        .unwrap();
        let starts = ["", "x", "_", "7", " ", "-", "on "];
        let words = [
            "", "since", "Since", "SINCE", "sinc", "from", "until", "till", "til", "after",
            "before", "by", "bye", "between", "through", "xby",
        ];
        let spaces = ["", " ", "  ", "\t", "\x0B", "\n ", "\u{a0}"];
        let middles = [
            "", "the", "The", "thee", "hamas", "Hamas'", "hamass", "hamas's", "hamas''", "amas",
        ];
        for start in starts {
            for word in words {
                for inner in spaces {
                    for middle in middles {
                        for end in spaces {
                            let before = format!("{start}{word}{inner}{middle}{end}");
                            assert_eq!(
                                period_edge(before.as_bytes()),
                                pattern.is_match(before.as_bytes()),
                                "{before:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}
