//! Every byte figcheck writes goes through here: one renderer per format,
//! each writing to a `Write` so that the library itself never prints.
//! Line and column are computed only here, from byte offsets.

pub mod claims;
pub mod findings;
mod lines;
pub mod report;
pub mod rules;

pub use lines::LineIndex;

use std::fmt;

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
        // Digits from the last, a comma before each group of three, into
        // one piece: `-` and 16 digits in 6 groups fit in 22 bytes.
        let mut text = [0; 22];
        let mut at = text.len();
        let mut digits = value.abs() as u64;
        for place in 0.. {
            if place > 0 && place % 3 == 0 {
                at -= 1;
                text[at] = b',';
            }
            at -= 1;
            text[at] = b'0' + (digits % 10) as u8;
            digits /= 10;
            if digits == 0 {
                break;
            }
        }
        if value < 0.0 {
            at -= 1;
            text[at] = b'-';
        }
        f.write_str(std::str::from_utf8(&text[at..]).expect("ASCII digits"))
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
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(999.0), "999");
        assert_eq!(number_text(1000.0), "1,000");
        assert_eq!(number_text(-999_999.0), "-999,999");
        assert_eq!(
            number_text(8_999_999_999_999_999.0),
            "8,999,999,999,999,999"
        );
        assert_eq!(number_text(9e15), "9000000000000000");
        assert_eq!(number_text(-2.5), "-2.5");
        assert_eq!(number_json(1500000.0).to_string(), "1500000");
        assert_eq!(number_json(2.5).to_string(), "2.5");
    }
}
