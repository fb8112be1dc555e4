//! Every byte figcheck writes goes through here: one renderer per format,
//! each writing to a `Write` so that the library itself never prints.
//! Line and column are computed only here, from byte offsets.

pub mod claims;
pub mod findings;
mod lines;
pub mod report;
pub mod rules;

pub use lines::LineIndex;

use std::fmt::{self, Write as _};

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
    number(value).to_string()
}

/// `number_text` without a string of its own, for messages that write
/// several numbers.
pub(crate) fn number(value: f64) -> impl fmt::Display {
    fmt::from_fn(move |f| {
        if value.fract() != 0.0 || value.abs() >= 9e15 {
            return write!(f, "{value}");
        }
        if value < 0.0 {
            f.write_char('-')?;
        }
        // the leading group of digits, then groups of three
        let digits = value.abs() as u64;
        let mut scale = 1;
        while scale * 1000 <= digits {
            scale *= 1000;
        }
        write!(f, "{}", digits / scale)?;
        while scale > 1 {
            scale /= 1000;
            write!(f, ",{:03}", digits / scale % 1000)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(number_text(57500.0), "57,500");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(165.0), "165");
        assert_eq!(number_text(-1_000_007.0), "-1,000,007");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_json(1500000.0).to_string(), "1500000");
        assert_eq!(number_json(2.5).to_string(), "2.5");
    }
}
