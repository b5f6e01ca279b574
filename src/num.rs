//! Exact decimal numbers as written in a report.
//!
//! Report cells are integers except money (万元, e.g. `3490.9558`). Floating point would
//! make `0.1 + 0.2` fail a sum that the report gets right, so values are kept as a scaled
//! integer and all arithmetic is checked: an overflow makes a rule "cannot check", never
//! a wrong verdict.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy)]
pub struct Num {
    /// value = mantissa / 10^scale
    mantissa: i64,
    scale: u8,
}

const MAX_SCALE: u8 = 9;

impl Num {
    pub const ZERO: Num = Num {
        mantissa: 0,
        scale: 0,
    };

    pub fn int(v: i64) -> Num {
        Num {
            mantissa: v,
            scale: 0,
        }
    }

    pub fn is_integer(&self) -> bool {
        self.mantissa % 10i64.pow(u32::from(self.scale)) == 0
    }

    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// The integer value, when the number is one.
    pub fn as_i64(&self) -> Option<i64> {
        if self.is_integer() {
            Some(self.mantissa / 10i64.pow(u32::from(self.scale)))
        } else {
            None
        }
    }

    pub fn as_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    fn rescale(self, scale: u8) -> Option<Num> {
        if scale < self.scale {
            return None;
        }
        let m = self
            .mantissa
            .checked_mul(10i64.checked_pow(u32::from(scale - self.scale))?)?;
        Some(Num { mantissa: m, scale })
    }

    fn aligned(a: Num, b: Num) -> Option<(i64, i64, u8)> {
        // Most operands share a scale (integers): nothing to rescale.
        if a.scale == b.scale {
            return Some((a.mantissa, b.mantissa, a.scale));
        }
        let s = a.scale.max(b.scale);
        Some((a.rescale(s)?.mantissa, b.rescale(s)?.mantissa, s))
    }

    pub fn checked_add(self, other: Num) -> Option<Num> {
        let (a, b, s) = Num::aligned(self, other)?;
        Some(
            Num {
                mantissa: a.checked_add(b)?,
                scale: s,
            }
            .normalized(),
        )
    }

    pub fn checked_sub(self, other: Num) -> Option<Num> {
        let (a, b, s) = Num::aligned(self, other)?;
        Some(
            Num {
                mantissa: a.checked_sub(b)?,
                scale: s,
            }
            .normalized(),
        )
    }

    /// Sum of all, or None on overflow.
    pub fn sum<I: IntoIterator<Item = Num>>(it: I) -> Option<Num> {
        it.into_iter().try_fold(Num::ZERO, Num::checked_add)
    }

    fn normalized(mut self) -> Num {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// Parses plain ASCII digits with an optional sign and one decimal point.
    /// Thousands separators and units are removed by the caller (`cells.rs`).
    pub fn parse(s: &str) -> Option<Num> {
        let (neg, body) = match s.as_bytes().first()? {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (int_part, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) || frac.len() > usize::from(MAX_SCALE) {
            return None;
        }
        if body.contains('.') && frac.is_empty() {
            return None;
        }
        let mut m: i64 = 0;
        for b in int_part.bytes().chain(frac.bytes()) {
            m = m.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        let scale = u8::try_from(frac.len()).ok()?;
        let n = Num {
            mantissa: if neg { -m } else { m },
            scale,
        };
        Some(n.normalized())
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Num {}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> Ordering {
        match Num::aligned(*self, *other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only reachable for values beyond i64 after rescaling: compare as floats.
            None => self.as_f64().total_cmp(&other.as_f64()),
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10i64.pow(u32::from(self.scale));
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let a = self.mantissa.unsigned_abs();
        let p = p.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$}",
            a / p,
            a % p,
            width = usize::from(self.scale)
        )
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Integers beyond 2^53 lose precision as a JS number anyway; as f64 they at
        // least stay numbers (serde-wasm-bindgen refuses such an i64 outright).
        const EXACT: i64 = 1 << 53;
        match self.as_i64() {
            Some(i) if (-EXACT..=EXACT).contains(&i) => s.serialize_i64(i),
            _ => s.serialize_f64(self.as_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        let f = f64::deserialize(d)?;
        Num::parse(&format!("{f}")).ok_or_else(|| serde::de::Error::custom("not a number"))
    }
}

/// In the JSON Schema (native builds only): a number. Generated into `www/report.d.ts` as
/// `number | bigint` (see `src/schema.rs`).
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Num".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "An exact decimal as written: integers for counts; 万元 amounts may have decimals. In the JS API a number, and a BigInt only beyond ±2^53 (never in a real report)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_adds_exactly() {
        let a = Num::parse("0.1").unwrap();
        let b = Num::parse("0.2").unwrap();
        assert_eq!(a.checked_add(b).unwrap(), Num::parse("0.3").unwrap());
        assert_eq!(Num::parse("3490.9558").unwrap().to_string(), "3490.9558");
        assert_eq!(Num::parse("+1036").unwrap(), Num::int(1036));
        assert_eq!(Num::parse("-3").unwrap(), Num::int(-3));
        assert!(Num::parse("1.").is_none());
        assert!(Num::parse("").is_none());
        assert!(Num::parse("12a").is_none());
        assert!(Num::parse("99999999999999999999").is_none());
    }

    #[test]
    fn overflow_is_none() {
        assert!(Num::int(i64::MAX).checked_add(Num::int(1)).is_none());
    }
}
