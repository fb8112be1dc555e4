//! The rule engine: checks run over all claims of all articles.
