//! The date a figure describes (`as_of`): an explicit date or a named
//! event in the figure's clause, a relative day (`on Wednesday`,
//! `yesterday`) or period (`last week`) resolved against the publication
//! date, else the publication date. A date after `since`, `from` or
//! `until` starts or ends a period and does not date the figure.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::bytes::Regex;

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

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|(?-i:Mar)(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        \b(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b
      | \b(?P<md>{MONTH}\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>\d{{4}})\b)?)
      | \b(?P<dm>(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+(?P<dmy>\d{{4}})\b)?)
      | \b(?P<wd>(?:(?P<wdq>last|this|next|on|past)\s+)?(?P<wdn>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b
      | \b(?P<rel>yesterday|today|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night|overnight)\b
      | \b(?P<per>last\s+week|this\s+week|earlier\s+this\s+week|past\s+week|last\s+month|earlier\s+this\s+month|this\s+month)\b
        "
    );
    regex::bytes::RegexBuilder::new(&pattern)
        .case_insensitive(true)
        .unicode(false)
        .build()
        .expect("date pattern compiles")
});

/// Words before a date that make it the edge of a period, not the date
/// of the figure.
static PERIOD_EDGE: LazyLock<Regex> = LazyLock::new(|| {
    regex::bytes::RegexBuilder::new(
        r"\b(?:since|from|until|till|after|before|by|between|through)\s+(?:the\s+|hamas'?s?\s+)?$",
    )
    .case_insensitive(true)
    .unicode(false)
    .build()
    .expect("edge pattern compiles")
});

/// The date of a figure at `figure` (byte range within `clause`).
pub(crate) fn resolve(
    clause: &[u8],
    figure: std::ops::Range<usize>,
    published: Option<Date>,
    events: &[EventDef],
) -> Option<When> {
    let mut best: Option<(usize, When)> = None;
    let mut consider = |start: usize, end: usize, when: Option<When>| {
        let Some(when) = when else { return };
        let before = &clause[start.saturating_sub(24)..start];
        if PERIOD_EDGE.is_match(before) {
            return;
        }
        let distance = if end <= figure.start {
            figure.start - end
        } else {
            start.saturating_sub(figure.end)
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, when));
        }
    };
    let mut event_spans = Vec::new();
    for event in events {
        for m in event.regex.find_iter(clause) {
            event_spans.push(m.range());
            consider(m.start(), m.end(), Some(When::day(event.date)));
        }
    }
    for caps in DATES.captures_iter(clause) {
        let whole = caps.get(0).expect("group 0");
        if overlaps(&event_spans, whole.range())
            || overlaps(std::slice::from_ref(&figure), whole.range())
        {
            continue;
        }
        consider(whole.start(), whole.end(), interpret(&caps, published));
    }
    match best {
        Some((_, when)) => Some(when),
        None => published.map(When::day),
    }
}

fn overlaps(spans: &[std::ops::Range<usize>], range: std::ops::Range<usize>) -> bool {
    spans
        .iter()
        .any(|s| s.start < range.end && range.start < s.end)
}

fn text<'a>(caps: &'a regex::bytes::Captures<'_>, name: &str) -> Option<&'a str> {
    caps.name(name)
        .and_then(|m| std::str::from_utf8(m.as_bytes()).ok())
}

fn number(caps: &regex::bytes::Captures<'_>, name: &str) -> Option<i16> {
    text(caps, name)?.parse().ok()
}

fn interpret(caps: &regex::bytes::Captures<'_>, published: Option<Date>) -> Option<When> {
    if caps.name("iso").is_some() {
        let date = Date::new(
            number(caps, "iy")?,
            number(caps, "im")? as i8,
            number(caps, "id")? as i8,
        )
        .ok()?;
        return Some(When::day(date));
    }
    if caps.name("md").is_some() || caps.name("dm").is_some() {
        let (day, year) = if caps.name("md").is_some() {
            ("mdd", "mdy")
        } else {
            ("dmd", "dmy")
        };
        let month_name = caps
            .iter()
            .skip(1)
            .flatten()
            .find_map(|m| month_of(m.as_bytes()))?;
        return explicit(
            number(caps, year),
            month_name,
            number(caps, day)? as i8,
            published,
        )
        .map(When::day);
    }
    let published = published?;
    if caps.name("wd").is_some() {
        let weekday = weekday_of(text(caps, "wdn")?)?;
        let qualifier = text(caps, "wdq").map(str::to_ascii_lowercase);
        return match qualifier.as_deref() {
            Some("next") => None,
            Some("last" | "past") if published.weekday() == weekday => published
                .checked_sub(jiff::Span::new().days(7))
                .ok()
                .map(When::day),
            _ if published.weekday() == weekday => Some(When::day(published)),
            _ => published.nth_weekday(-1, weekday).ok().map(When::day),
        };
    }
    if let Some(rel) = text(caps, "rel") {
        let rel = rel.to_ascii_lowercase();
        let back = if rel == "yesterday" || rel.starts_with("last") {
            1
        } else {
            0
        };
        return published
            .checked_sub(jiff::Span::new().days(back))
            .ok()
            .map(When::day);
    }
    let period = text(caps, "per")?.to_ascii_lowercase();
    let monday = if published.weekday() == Weekday::Monday {
        published
    } else {
        published.nth_weekday(-1, Weekday::Monday).ok()?
    };
    let when =
        if period.ends_with("week") && (period.starts_with("last") || period.starts_with("past")) {
            let from = monday.checked_sub(jiff::Span::new().days(7)).ok()?;
            When {
                day: monday.checked_sub(jiff::Span::new().days(1)).ok()?,
                from: Some(from),
            }
        } else if period.ends_with("week") {
            When {
                day: published,
                from: Some(monday),
            }
        } else if period.starts_with("last") {
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

fn month_of(word: &[u8]) -> Option<i8> {
    let word = std::str::from_utf8(word).ok()?.trim_end_matches('.');
    let prefix = word.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = months.iter().position(|m| m.eq_ignore_ascii_case(prefix))?;
    word.chars()
        .all(|c| c.is_ascii_alphabetic())
        .then_some(index as i8 + 1)
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
        resolve(
            clause.as_bytes(),
            start..start + figure.len(),
            published,
            &[],
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
    fn named_events_give_their_date() {
        let event = EventDef {
            regex: regex::bytes::RegexBuilder::new(r"\boctober\s+7\b")
                .case_insensitive(true)
                .build()
                .unwrap(),
            date: date(2023, 10, 7),
        };
        let clause = "The October 7 attack killed 165 people";
        let start = clause.find("165").unwrap();
        let when = resolve(
            clause.as_bytes(),
            start..start + 3,
            Some(date(2025, 3, 1)),
            &[event],
        );
        assert_eq!(when.map(|w| w.day), Some(date(2023, 10, 7)));
    }
}
