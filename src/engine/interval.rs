//! The interval of true values a stated figure allows, from its hedge and
//! the check's tolerances: `nearly 130` is a little under 130, `more than
//! 20,000` has no upper bound, `about` takes the tolerance either side.

use super::Fact;
use crate::extract::Qualifier;
use crate::rules::Tolerance;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn of(fact: &Fact, tolerance: Tolerance) -> Interval {
        let (low, high) = (fact.low, fact.high);
        match fact.qualifier {
            Qualifier::Exact => Interval {
                low: low * (1.0 - tolerance.exact),
                high: high * (1.0 + tolerance.exact),
            },
            Qualifier::About => Interval {
                low: low * (1.0 - tolerance.about),
                high: high * (1.0 + tolerance.about),
            },
            Qualifier::Over => Interval {
                low,
                high: f64::INFINITY,
            },
            Qualifier::Under => Interval {
                low: high * (1.0 - tolerance.under),
                high,
            },
            Qualifier::Range => Interval {
                low: low * (1.0 - tolerance.exact),
                high: high * (1.0 + tolerance.exact),
            },
        }
    }

    pub fn overlaps(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    pub fn contains(self, point: f64) -> bool {
        self.low <= point && point <= self.high
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Day;

    fn fact(value: f64, qualifier: Qualifier) -> Fact {
        Fact {
            source: 0,
            metric: 0,
            start: 0,
            len: 0,
            low: value,
            high: value,
            qualifier,
            day: Day::UNDATED,
        }
    }

    #[test]
    fn hedges_become_intervals() {
        let t = Tolerance::default();
        assert_eq!(
            Interval::of(&fact(130.0, Qualifier::Under), t),
            Interval {
                low: 104.0,
                high: 130.0
            }
        );
        assert_eq!(
            Interval::of(&fact(20_000.0, Qualifier::Over), t).high,
            f64::INFINITY
        );
        let about = Interval::of(&fact(240.0, Qualifier::About), t);
        assert!(about.contains(216.0) && about.contains(264.0) && !about.contains(270.0));
    }

    #[test]
    fn honest_rounding_overlaps() {
        let t = Tolerance::default();
        let nearly = Interval::of(&fact(130.0, Qualifier::Under), t);
        let exact = Interval::of(&fact(128.0, Qualifier::Exact), t);
        let more_than = Interval::of(&fact(20_000.0, Qualifier::Over), t);
        assert!(nearly.overlaps(exact));
        assert!(more_than.overlaps(Interval::of(&fact(20_057.0, Qualifier::Exact), t)));
        assert!(!more_than.overlaps(Interval::of(&fact(19_000.0, Qualifier::Exact), t)));
    }
}
