//! Rule pack errors as miette diagnostics pointing at the TOML that caused
//! them; all errors of a load are reported together.

use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};

/// One problem in a rule file.
#[derive(Debug, Clone, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(figcheck::rules))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    pub source_code: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// Every problem found while loading the packs.
#[derive(Debug, Clone, thiserror::Error, Diagnostic)]
#[error("invalid rule pack: {} error(s), no check was run", errors.len())]
#[diagnostic(code(figcheck::rules))]
pub struct RuleErrors {
    #[related]
    pub errors: Vec<RuleError>,
}

/// The text of one rule file, for building errors that point into it.
#[derive(Clone)]
pub(super) struct RuleFile {
    pub name: Arc<str>,
    pub text: Arc<str>,
}

impl RuleFile {
    pub(super) fn error(
        &self,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> RuleError {
        RuleError {
            message: message.into(),
            source_code: NamedSource::new(&self.name, self.text.clone()),
            span: span.map(SourceSpan::from),
            label: label.into(),
            help: None,
        }
    }
}

impl RuleError {
    pub(super) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
