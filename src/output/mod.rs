//! Every byte figcheck writes goes through here: one renderer per format,
//! each writing to a `Write` so that the library itself never prints.
//! Line and column are computed only here, from byte offsets.

pub mod claims;
pub mod findings;
mod lines;
pub mod report;
pub mod rules;

pub use lines::LineIndex;

use std::fmt::Write as _;

/// A number as JSON writes it: integral values without a fraction.
pub(crate) fn number_json(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 9e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

/// A number as people read it: `57,500`, `1.5`.
pub(crate) fn number_text(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 9e15 {
        return format!("{value}");
    }
    let digits = (value.abs() as i64).to_string();
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        let _ = out.write_char(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number_text(57500.0), "57,500");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(165.0), "165");
        assert_eq!(number_json(1500000.0).to_string(), "1500000");
        assert_eq!(number_json(2.5).to_string(), "2.5");
    }
}
