//! The TOML shape of a rule file, deserialized with spans kept on every
//! value a user can get wrong. Every table denies unknown keys.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct FileDoc {
    #[serde(default)]
    pub metric: Vec<MetricDoc>,
    #[serde(default)]
    pub check: Vec<CheckDoc>,
    #[serde(default)]
    pub event: Vec<EventDoc>,
    /// Only in `figcheck.toml`: more pack folders, relative to the file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
}

/// A metric definition; every field but `id` may be left out when the
/// definition overrides one of an earlier pack.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct MetricDoc {
    pub id: Spanned<String>,
    pub description: Option<String>,
    pub unit: Option<String>,
    pub kind: Option<Spanned<String>>,
    pub period_days: Option<Spanned<i64>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub after: Option<Vec<Spanned<String>>>,
    pub before: Option<Vec<Spanned<String>>>,
    pub context: Option<Vec<Spanned<String>>>,
    pub veto: Option<Vec<Spanned<String>>>,
    pub veto_after: Option<Vec<Spanned<String>>>,
    pub veto_before: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct CheckDoc {
    pub id: Spanned<String>,
    pub kind: Option<Spanned<String>>,
    pub severity: Option<Spanned<String>>,
    pub enabled: Option<bool>,
    pub metrics: Option<Vec<Spanned<String>>>,
    pub explain: Option<String>,
    pub help: Option<String>,
    pub tolerance: Option<Spanned<ToleranceDoc>>,
    pub window_days: Option<Spanned<i64>>,
    pub direction: Option<Spanned<String>>,
    pub max_per_day: Option<Spanned<f64>>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
    pub require: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub(super) struct ToleranceDoc {
    pub exact: Option<f64>,
    pub about: Option<f64>,
    pub under: Option<f64>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct EventDoc {
    /// A regex naming the event in text (`October 7`).
    pub pattern: Spanned<String>,
    pub date: Spanned<String>,
}
