//! Renderers for `figcheck claims`: JSON Lines (the contract the scorers
//! read), CSV, and an aligned table for people.

use std::io::{self, Write};

use serde_json::{Map, Value};

use super::{LineIndex, number_json, number_text};
use crate::article::Article;
use crate::classify::Claim;
use crate::extract::Amount;
use crate::rules::Pack;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    Table,
    Json,
    Csv,
}

/// The fields of one claim as every format prints them.
struct Row<'a> {
    article: &'a Article,
    claim: &'a Claim,
    metric: Option<&'a str>,
}

impl Row<'_> {
    fn text(&self) -> &str {
        &self.article.text[self.claim.mention.start..self.claim.mention.end]
    }

    fn values(&self) -> (Option<f64>, Option<f64>, Option<f64>) {
        match self.claim.mention.amount {
            Amount::Point(v) => (Some(v), None, None),
            Amount::Range(low, high) => (None, Some(low), Some(high)),
        }
    }

    fn date(date: Option<jiff::civil::Date>) -> Option<String> {
        date.map(|d| d.to_string())
    }

    fn as_of(&self) -> Option<String> {
        Self::date(self.claim.as_of.map(|w| w.day))
    }

    /// Which cue chose the metric, with the pattern and its file.
    fn explain(&self, pack: &Pack) -> Option<String> {
        let (list, index) = self.claim.cue?;
        let metric = pack.metric(self.claim.metric?);
        let cue = list.of(metric).get(index)?;
        Some(format!(
            "{} cue {} `{}` ({})",
            metric.id, cue.name, cue.pattern, cue.file
        ))
    }

    fn json(&self, explain: Option<&Pack>) -> Value {
        let (value, low, high) = self.values();
        let num = |v: Option<f64>| v.map_or(Value::Null, number_json);
        let string = |v: Option<String>| v.map_or(Value::Null, Value::from);
        let mut map = Map::new();
        map.insert("file".into(), Value::from(self.article.name()));
        map.insert("start".into(), Value::from(self.claim.mention.start));
        map.insert("end".into(), Value::from(self.claim.mention.end));
        map.insert("text".into(), Value::from(self.text()));
        map.insert("value".into(), num(value));
        map.insert("low".into(), num(low));
        map.insert("high".into(), num(high));
        map.insert(
            "qualifier".into(),
            Value::from(self.claim.mention.qualifier.as_str()),
        );
        map.insert("metric".into(), string(self.metric.map(str::to_string)));
        map.insert("as_of".into(), string(self.as_of()));
        map.insert(
            "as_of_from".into(),
            string(Self::date(self.claim.as_of.and_then(|w| w.from))),
        );
        map.insert(
            "published".into(),
            string(Self::date(self.article.meta.date)),
        );
        map.insert("outlet".into(), string(self.article.meta.outlet.clone()));
        map.insert(
            "attribution".into(),
            string(self.claim.attribution.as_deref().map(str::to_string)),
        );
        if let Some(pack) = explain {
            map.insert("explain".into(), string(self.explain(pack)));
        }
        Value::Object(map)
    }

    fn cells(&self, index: &LineIndex) -> Vec<String> {
        let (line, col) = index.line_col(&self.article.text, self.claim.mention.start);
        let (value, low, high) = self.values();
        let amount = match (value, low, high) {
            (Some(v), _, _) => number_text(v),
            (None, Some(low), Some(high)) => format!("{}–{}", number_text(low), number_text(high)),
            _ => String::new(),
        };
        vec![
            format!("{}:{line}:{col}", self.article.name()),
            self.text().to_string(),
            amount,
            self.claim.mention.qualifier.as_str().to_string(),
            self.metric.unwrap_or("-").to_string(),
            self.as_of().unwrap_or_else(|| "-".into()),
            self.claim.attribution.as_deref().unwrap_or("-").to_string(),
        ]
    }
}

const HEADER: [&str; 7] = [
    "location",
    "text",
    "value",
    "qualifier",
    "metric",
    "as_of",
    "attribution",
];

/// Writes claims in one format. The table is aligned, so it is collected
/// and written at `finish`; JSON Lines and CSV stream.
pub struct ClaimsWriter<W: Write> {
    out: W,
    format: ClaimsFormat,
    explain: bool,
    table: Vec<Vec<String>>,
    wrote_header: bool,
}

impl<W: Write> ClaimsWriter<W> {
    pub fn new(out: W, format: ClaimsFormat, explain: bool) -> Self {
        ClaimsWriter {
            out,
            format,
            explain,
            table: Vec::new(),
            wrote_header: false,
        }
    }

    /// Writes the claims of one article; unclassified mentions only with `all`.
    pub fn article(
        &mut self,
        article: &Article,
        claims: &[Claim],
        pack: &Pack,
        all: bool,
    ) -> io::Result<()> {
        let index = (self.format == ClaimsFormat::Table).then(|| LineIndex::new(&article.text));
        for claim in claims {
            if !all && claim.metric.is_none() {
                continue;
            }
            let row = Row {
                article,
                claim,
                metric: claim.metric.map(|m| pack.metric(m).id.as_str()),
            };
            match self.format {
                ClaimsFormat::Json => {
                    serde_json::to_writer(&mut self.out, &row.json(self.explain.then_some(pack)))?;
                    self.out.write_all(b"\n")?;
                }
                ClaimsFormat::Csv => {
                    // the JSON fields as columns: plain numbers, empty when null
                    let Value::Object(record) = row.json(self.explain.then_some(pack)) else {
                        continue;
                    };
                    if !self.wrote_header {
                        self.wrote_header = true;
                        let header: Vec<&str> = record.keys().map(String::as_str).collect();
                        writeln!(self.out, "{}", header.join(","))?;
                    }
                    let line: Vec<String> = record
                        .values()
                        .map(|value| match value {
                            Value::Null => String::new(),
                            Value::String(text) => csv_field(text),
                            other => other.to_string(),
                        })
                        .collect();
                    writeln!(self.out, "{}", line.join(","))?;
                }
                ClaimsFormat::Table => {
                    let mut cells = row.cells(index.as_ref().expect("index for table"));
                    if self.explain {
                        cells.push(row.explain(pack).unwrap_or_else(|| "-".into()));
                    }
                    self.table.push(cells);
                }
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        if self.format == ClaimsFormat::Table && !self.table.is_empty() {
            let mut header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
            if self.explain {
                header.push("explain".into());
            }
            self.table.insert(0, header);
            let columns = self.table[0].len();
            let widths: Vec<usize> = (0..columns)
                .map(|c| {
                    self.table
                        .iter()
                        .map(|r| r[c].chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for row in &self.table {
                let mut line = String::new();
                for (c, cell) in row.iter().enumerate() {
                    if c + 1 == columns {
                        line.push_str(cell);
                    } else {
                        line.push_str(cell);
                        line.extend(std::iter::repeat_n(
                            ' ',
                            widths[c] - cell.chars().count() + 2,
                        ));
                    }
                }
                writeln!(self.out, "{}", line.trim_end())?;
            }
        }
        self.out.flush()
    }
}

fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}
