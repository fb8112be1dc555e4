//! `check --format github`: one GitHub workflow command per finding, so a
//! CI job annotates the offending lines. The other labels go into the
//! message, one per line; a span over several lines drops its columns, and
//! a JSON Lines record is annotated at its line, without columns.

use std::io;

use super::SourceCache;
use crate::engine::{Finding, Findings};
use crate::rules::Severity;

pub(super) fn write(
    out: &mut dyn io::Write,
    findings: &Findings<'_>,
    cache: &mut SourceCache,
) -> io::Result<()> {
    for finding in findings.iter() {
        writeln!(out, "{}", command(&finding, cache))?;
    }
    Ok(())
}

fn command(finding: &Finding, cache: &mut SourceCache) -> String {
    let level = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = Vec::new();
    let mut lines = vec![finding.message.clone()];
    let mut labels = finding.labels.iter();
    if let Some(primary) = labels.next() {
        let location = cache.locate(finding, primary);
        let region = location.region();
        properties.push(format!("file={}", escape_property(&location.path)));
        properties.push(format!("line={}", region.line));
        match region.columns {
            Some((col, end_col)) if region.end_line == region.line => {
                properties.push(format!("col={col}"));
                properties.push(format!("endLine={}", region.end_line));
                properties.push(format!("endColumn={end_col}"));
            }
            _ => properties.push(format!("endLine={}", region.end_line)),
        }
    }
    for label in labels {
        let location = cache.locate(finding, label);
        // A record's name already carries its line.
        let at = match (&location.span, location.record) {
            (Some(span), None) => format!("{}:{}:{}", label.file, span.start.0, span.start.1),
            _ => label.file.to_string(),
        };
        lines.push(format!("{at}: {}", label.message));
    }
    if let Some(help) = &finding.help {
        lines.push(format!("help: {help}"));
    }
    properties.push(format!(
        "title={}",
        escape_property(&format!("figcheck {}", finding.rule))
    ));
    format!(
        "::{level} {}::{}",
        properties.join(","),
        escape_data(&lines.join("\n"))
    )
}

/// A workflow command's message: `%`, CR and LF are escaped.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_their_delimiters() {
        assert_eq!(
            escape_data("50% of 2,000:\r\nnext"),
            "50%25 of 2,000:%0D%0Anext"
        );
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
