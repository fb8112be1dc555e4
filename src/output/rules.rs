//! `figcheck rules`: the list of metrics and checks, one check's explain
//! text, and the result of testing packs.

use std::io::{self, Write};

use crate::rules::Pack;

pub fn list(out: &mut dyn Write, pack: &Pack) -> io::Result<()> {
    writeln!(out, "checks:")?;
    let width = pack.checks.iter().map(|c| c.id.len()).max().unwrap_or(0);
    for check in &pack.checks {
        let metrics = if check.metrics.len() == pack.metrics.len() {
            "all metrics".to_string()
        } else {
            check
                .metrics
                .iter()
                .map(|&m| pack.metric(m).id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(
            out,
            "  {:width$}  {:11}  {:7}  {metrics}",
            check.id,
            check.kind.name(),
            check.severity.name()
        )?;
    }
    writeln!(out, "metrics:")?;
    let width = pack.metrics.iter().map(|m| m.id.len()).max().unwrap_or(0);
    for metric in &pack.metrics {
        writeln!(
            out,
            "  {:width$}  {:10}  {}",
            metric.id,
            metric.kind.name(),
            metric.description
        )?;
    }
    Ok(())
}

/// Prints the explain text of a check or the definition of a metric;
/// false when the pack has neither.
pub fn explain(out: &mut dyn Write, pack: &Pack, id: &str) -> io::Result<bool> {
    if let Some(check) = pack.check(id) {
        writeln!(
            out,
            "{} ({} check, {} by default, from {})\n",
            check.id,
            check.kind.name(),
            check.severity.name(),
            check.file
        )?;
        writeln!(out, "{}", check.explain.trim_end())?;
        if let Some(help) = &check.help {
            writeln!(out, "\nhelp: {help}")?;
        }
        return Ok(true);
    }
    let Some(metric) = pack.metric_index(id).map(|m| pack.metric(m)) else {
        return Ok(false);
    };
    writeln!(
        out,
        "{} ({} metric, counted in {})\n",
        metric.id,
        metric.kind.name(),
        metric.unit
    )?;
    writeln!(out, "{}", metric.description)?;
    if metric.min.is_some() || metric.max.is_some() {
        let bound = |b: Option<f64>| b.map_or("-".to_string(), super::number_text);
        writeln!(
            out,
            "\nplausible range: {} to {}",
            bound(metric.min),
            bound(metric.max)
        )?;
    }
    let lists = [
        ("after", &metric.after),
        ("before", &metric.before),
        ("context", &metric.context),
        ("veto", &metric.veto),
        ("veto_after", &metric.veto_after),
        ("veto_before", &metric.veto_before),
    ];
    for (name, cues) in lists {
        if cues.is_empty() {
            continue;
        }
        writeln!(out, "\n{name}:")?;
        for cue in cues {
            writeln!(out, "  {}", cue.pattern)?;
        }
    }
    Ok(true)
}

pub fn tested(out: &mut dyn Write, pack: &Pack) -> io::Result<()> {
    writeln!(
        out,
        "ok: {} metrics, {} checks, {} events from {} rule files",
        pack.metrics.len(),
        pack.checks.len(),
        pack.events.len(),
        pack.files.len()
    )
}
