//! miette reports for figcheck's own diagnostics (input problems, rule
//! pack errors), rendered with a handler chosen once per run.

use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, NamedSource, NarratableReportHandler,
    SourceSpan,
};

use crate::article::InputProblem;

/// How human diagnostics look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Boxes and arrows, for a terminal; `color` adds ANSI colours.
    Graphical { color: bool, width: usize },
    /// Plain sentences, for logs, pipes and screen readers.
    Narrated,
}

impl Style {
    /// Renders one diagnostic to a string ending in a newline.
    pub fn render(self, diagnostic: &dyn Diagnostic) -> String {
        let mut out = String::new();
        let result = match self {
            Style::Graphical { color, width } => {
                let theme = if color {
                    GraphicalTheme::unicode()
                } else {
                    GraphicalTheme::unicode_nocolor()
                };
                GraphicalReportHandler::new_themed(theme)
                    .with_width(width)
                    .with_links(false)
                    .render_report(&mut out, diagnostic)
            }
            Style::Narrated => NarratableReportHandler::new().render_report(&mut out, diagnostic),
        };
        if result.is_err() {
            out = format!("{diagnostic}\n");
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// An input problem as a miette diagnostic.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{name}: {message}")]
#[diagnostic(code(figcheck::input), severity(Error))]
pub struct InputDiagnostic {
    name: String,
    message: String,
    #[source_code]
    source_code: Option<NamedSource<Arc<str>>>,
    #[label("here")]
    span: Option<SourceSpan>,
    #[help]
    help: Option<String>,
}

impl From<&InputProblem> for InputDiagnostic {
    fn from(problem: &InputProblem) -> Self {
        InputDiagnostic {
            name: problem.name.clone(),
            message: problem.message.clone(),
            source_code: problem
                .source
                .clone()
                .map(|text| NamedSource::new(problem.name.clone(), text)),
            span: problem.span.clone().map(SourceSpan::from),
            help: problem.help.clone(),
        }
    }
}
