//! A score that is always finite and inside `[0, 1]`.

use serde::{Serialize, Serializer};

/// A finite number in `[0, 1]`. Construction clamps and maps NaN to 0, so no stage can leak an
/// out-of-range value into the report. Serialized rounded to 4 decimals so reports are stable and
/// readable.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Score(f64);

impl Score {
    /// The lowest score.
    pub const ZERO: Score = Score(0.0);
    /// The highest score.
    pub const ONE: Score = Score(1.0);

    /// Clamps `x` into `[0, 1]`; NaN becomes 0.
    pub fn new(x: f64) -> Score {
        if x.is_nan() {
            Score(0.0)
        } else {
            Score(x.clamp(0.0, 1.0))
        }
    }

    /// `num / den`, or 0 when `den` is 0.
    pub fn ratio(num: f64, den: f64) -> Score {
        if den > 0.0 {
            Score::new(num / den)
        } else {
            Score::ZERO
        }
    }

    /// The value as a plain number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64((self.0 * 10_000.0).round() / 10_000.0)
    }
}
