//! Metadata at the top of a text article: the seed header line
//! (` date 2023-12-21 (Outlet) — body…`), TOML front matter between `+++`
//! lines, or YAML front matter between `---` lines. The header is never part
//! of the body, so it never yields claims.

use std::sync::Arc;

use super::{Article, InputProblem, Loaded, Metadata, parse_date};

/// Splits the header from the body and records the article (and any
/// problem with its metadata) in `loaded`.
pub(super) fn parse(name: &str, text: String, loaded: &mut Loaded) {
    let mut meta = Metadata::default();
    let mut problems = Vec::new();
    let body_start = if let Some((fence, inner, end)) = front_matter(&text) {
        let inner_start = inner.start;
        let fields = if fence == "+++" {
            toml_fields(&text[inner.clone()])
        } else {
            Ok(yaml_fields(&text[inner.clone()]))
        };
        match fields {
            Ok(fields) => apply(&fields, inner_start, &mut meta, &mut problems),
            Err((message, span)) => problems.push((
                format!("front matter is not valid TOML: {message}"),
                span.map(|s| s.start + inner_start..s.end + inner_start),
            )),
        }
        end
    } else {
        seed_header(&text, &mut meta, &mut problems)
    };
    // the text is copied for the problems' snippets only when there are any
    let source: Option<Arc<str>> = (!problems.is_empty()).then(|| Arc::from(text.as_str()));
    for (message, span) in problems {
        let mut problem = InputProblem::new(name, message);
        if let (Some(span), Some(source)) = (span, &source) {
            problem = problem.at(source.clone(), span);
        }
        loaded
            .problems
            .push(problem.help("write dates as YYYY-MM-DD; the article is checked as undated"));
    }
    let body = body_start..text.len();
    loaded.articles.push(Article {
        file: Arc::from(name),
        line: None,
        text,
        body,
        meta,
    });
}

/// A field of front matter: key, value and the value's span in the front matter.
type Field<'a> = (&'a str, String, std::ops::Range<usize>);

fn apply(
    fields: &[Field<'_>],
    offset: usize,
    meta: &mut Metadata,
    problems: &mut Vec<(String, Option<std::ops::Range<usize>>)>,
) {
    for (key, value, span) in fields {
        let span = span.start + offset..span.end + offset;
        match *key {
            "date" => match parse_date(value) {
                Some(date) => meta.date = Some(date),
                None if value.eq_ignore_ascii_case("unknown") => {}
                None => problems.push((format!("unparsable date `{value}`"), Some(span))),
            },
            "outlet" | "source" if !value.is_empty() => meta.outlet = Some(value.clone()),
            "title" => meta.title = Some(value.clone()),
            "url" => meta.url = Some(value.clone()),
            _ => {}
        }
    }
}

/// Finds front matter: the fence, the byte range inside the fences, and
/// where the body starts.
fn front_matter(text: &str) -> Option<(&'static str, std::ops::Range<usize>, usize)> {
    let fence = ["+++", "---"].into_iter().find(|fence| {
        text.strip_prefix(fence)
            .is_some_and(|rest| rest.starts_with(['\n', '\r']))
    })?;
    let inner_start = text[3..].find('\n')? + 4;
    let mut at = inner_start;
    for line in text[inner_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((fence, inner_start..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

fn toml_fields(inner: &str) -> Result<Vec<Field<'_>>, (String, Option<std::ops::Range<usize>>)> {
    let table: toml::Table =
        toml::from_str(inner).map_err(|err| (err.message().to_string(), err.span()))?;
    let mut fields = Vec::new();
    for key in ["date", "outlet", "source", "title", "url"] {
        let Some(value) = table.get(key) else {
            continue;
        };
        let text = match value {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        // Point at the key's line: toml::Table does not keep value spans.
        let span = find_key(inner, key).unwrap_or(0..0);
        fields.push((key, text, span));
    }
    Ok(fields)
}

fn find_key(inner: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in inner.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with(['=', ':']) {
            let value = line.find(['=', ':'])? + 1;
            let start = at + value + (line.len() - value - line[value..].trim_start().len());
            return Some(start..at + line.trim_end().len());
        }
        at += line.len();
    }
    None
}

/// YAML front matter is read as flat `key: value` lines: figcheck needs only
/// a handful of scalar keys, not a YAML parser.
fn yaml_fields(inner: &str) -> Vec<Field<'_>> {
    let mut fields = Vec::new();
    let mut at = 0;
    for line in inner.split_inclusive('\n') {
        if let Some((key, value)) = line.split_once(':') {
            let key = key.trim();
            if let Some(known) = ["date", "outlet", "source", "title", "url"]
                .into_iter()
                .find(|k| *k == key)
            {
                let value_start = at + key.len() + 1 + (value.len() - value.trim_start().len());
                let value = value.trim();
                let unquoted = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(value);
                fields.push((
                    known,
                    unquoted.to_string(),
                    value_start..value_start + value.len(),
                ));
            }
        }
        at += line.len();
    }
    fields
}

/// The seed header: optional spaces, `date YYYY-MM-DD` or `date unknown`,
/// an optional `(Outlet)`, an optional ` — `; returns where the body starts.
fn seed_header(
    text: &str,
    meta: &mut Metadata,
    problems: &mut Vec<(String, Option<std::ops::Range<usize>>)>,
) -> usize {
    let lead = text.len() - text.trim_start_matches([' ', '\t', '\u{feff}']).len();
    let Some(rest) = text[lead..].strip_prefix("date ") else {
        return 0;
    };
    let date_start = lead + 5;
    let token_len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let token = &rest[..token_len];
    if !token.eq_ignore_ascii_case("unknown") {
        match parse_date(token) {
            Some(date) => meta.date = Some(date),
            None => problems.push((
                format!("unparsable date `{token}` in the header"),
                Some(date_start..date_start + token_len),
            )),
        }
    }
    let mut at = date_start + token_len;
    let after = &text[at..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if after[spaces..].starts_with('(')
        && let Some(close) = after[spaces..]
            .find(')')
            .filter(|c| !after[spaces..spaces + c].contains('\n'))
    {
        let outlet = after[spaces + 1..spaces + close].trim();
        if !outlet.is_empty() {
            meta.outlet = Some(outlet.to_string());
        }
        at += spaces + close + 1;
    }
    let after = &text[at..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if let Some(rest) = after[spaces..].strip_prefix('\u{2014}') {
        at += spaces
            + '\u{2014}'.len_utf8()
            + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    } else {
        at += spaces;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn one(text: &str) -> (Article, Vec<InputProblem>) {
        let mut loaded = Loaded::default();
        parse("a.txt", text.to_string(), &mut loaded);
        (loaded.articles.pop().unwrap(), loaded.problems)
    }

    #[test]
    fn seed_header_with_outlet_and_dash() {
        let (a, p) = one(" date 2023-12-21 (NewsNation) — Talks went on.");
        assert!(p.is_empty());
        assert_eq!(a.meta.date, Some(date(2023, 12, 21)));
        assert_eq!(a.meta.outlet.as_deref(), Some("NewsNation"));
        assert_eq!(&a.text[a.body.clone()], "Talks went on.");
    }

    #[test]
    fn seed_header_without_outlet() {
        let (a, _) = one(" date 2024-04-29 The White House said.");
        assert_eq!(a.meta.outlet, None);
        assert_eq!(&a.text[a.body.clone()], "The White House said.");
    }

    #[test]
    fn seed_header_with_unknown_date() {
        let (a, p) = one("date unknown (Wire) — Body.");
        assert!(p.is_empty());
        assert_eq!(a.meta.date, None);
        assert_eq!(a.meta.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn bad_header_date_is_a_problem_with_a_span() {
        let (a, p) = one(" date 2023-13-45 (Wire) — Body.");
        assert_eq!(a.meta.date, None);
        assert_eq!(p[0].span, Some(6..16));
        assert_eq!(&a.text[a.body.clone()], "Body.");
    }

    #[test]
    fn no_header_is_an_undated_article() {
        let (a, _) = one("In an urgent bid, talks began.");
        assert_eq!(a.meta, Metadata::default());
        assert_eq!(a.body, 0..a.text.len());
    }

    #[test]
    fn toml_front_matter() {
        let (a, p) = one("+++\ndate = 2023-11-08\nsource = \"Wire\"\ntitle = \"T\"\n+++\nBody.\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(a.meta.date, Some(date(2023, 11, 8)));
        assert_eq!(a.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(&a.text[a.body.clone()], "Body.\n");
    }

    #[test]
    fn yaml_front_matter_with_bad_date() {
        let text = "---\ndate: 2023-02-30\noutlet: \"The Post\"\n---\n\nBody.\n";
        let (a, p) = one(text);
        assert_eq!(a.meta.outlet.as_deref(), Some("The Post"));
        assert_eq!(&text[p[0].span.clone().unwrap()], "2023-02-30");
        assert_eq!(&a.text[a.body.clone()], "\nBody.\n");
    }
}
