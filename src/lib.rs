//! figcheck: turns news articles into dated numeric claims and checks them
//! against each other with rules loaded from TOML packs.
//!
//! The data flows through the modules in order: `article` (ingest) →
//! `extract` (numeric mentions) → `classify` (metric, date, attribution) →
//! `rules` (packs) → `engine` (checks) → `output` (renderers) → `cli`.

pub mod article;
pub mod classify;
pub mod cli;
pub mod engine;
pub mod extract;
pub mod output;
pub mod pipeline;
pub mod rules;
