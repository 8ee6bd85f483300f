//! Decimal numbers read and rounded exactly, without core's float parsing and formatting.
//!
//! `str::parse::<f64>` brings a 10 KB table of powers of five and `format!("{x:.11e}")` Grisu and
//! Dragon (about 25 KB of WebAssembly together, 15 KB gzipped). The values stage needs neither in
//! full: it reads plain digits with at most one decimal point, and rounds values to twelve
//! significant digits. Both are done here with a small big-integer quotient, to the same bit as
//! core: the nearest `f64`, ties to even, and twelve digits rounded half to even on the exact
//! binary value (the tests compare both with core on random input).

use std::cmp::Ordering;

/// A non-negative integer, little-endian base 2³², without high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `self = self * k + add`.
    fn mul_add(&mut self, k: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(9);
            self.mul_add(10u32.pow(step), 0);
            n -= step;
        }
    }

    fn shl(&mut self, bits: u32) {
        let (limbs, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let v = (*limb >> 1) | carry;
            carry = *limb << 31;
            *limb = v;
        }
        self.trim();
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self -= other`, for `self >= other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let o = u64::from(other.0.get(i).copied().unwrap_or(0)) + borrow;
            let (v, under) = u64::from(*limb).overflowing_sub(o);
            *limb = v as u32;
            borrow = u64::from(under);
        }
        self.trim();
    }

    fn bits(&self) -> u32 {
        self.0.last().map_or(0, |top| 32 * self.0.len() as u32 - top.leading_zeros())
    }
}

/// `⌊n / m⌋` when it is below 2^`bits` (`bits` ≤ 64), leaving the remainder in `n`.
fn quotient(n: &mut Big, m: &Big, bits: u32) -> u64 {
    let mut step = m.clone();
    step.shl(bits - 1);
    let mut q = 0;
    for j in (0..bits).rev() {
        if n.cmp(&step) != Ordering::Less {
            n.sub(&step);
            q |= 1 << j;
        }
        step.shr1();
    }
    q
}

/// `n / m` rounded to even at the last place, where the remainder `r` of the quotient `q` is
/// compared with half of `m`.
fn round_even(q: u64, r: &Big, m: &Big) -> u64 {
    let mut twice = r.clone();
    twice.shl(1);
    match twice.cmp(m) {
        Ordering::Greater => q + 1,
        Ordering::Equal => q + (q & 1),
        Ordering::Less => q,
    }
}

/// Powers of ten that an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The `f64` nearest to `n × 10^exp10` (ties to even).
fn nearest(n: Big, exp10: i32) -> f64 {
    if n.0.is_empty() {
        return 0.0;
    }
    // Exact with one rounding when both factors are exact: an integer below 2^53 and a power of
    // ten up to 10^22 (Clinger's fast path; nearly every number in news copy).
    if n.bits() <= 53 && exp10.unsigned_abs() <= 22 {
        let x = n.0.iter().rev().fold(0u64, |acc, &l| (acc << 32) | u64::from(l)) as f64;
        let p = POW10[exp10.unsigned_abs() as usize];
        return if exp10 < 0 { x / p } else { x * p };
    }
    // The decimal has n.bits() + 3.33·exp10 bits or so: far above the largest or below the
    // smallest f64, the answer is known without dividing.
    let size = n.bits() as i64 + (i64::from(exp10) * 3402 / 1024);
    if size > 1100 {
        return f64::INFINITY;
    }
    if size < -1200 {
        return 0.0;
    }
    let (mut num, mut den) = (n, Big::from_u64(1));
    if exp10 >= 0 {
        num.mul_pow10(exp10.unsigned_abs());
    } else {
        den.mul_pow10(exp10.unsigned_abs());
    }
    // Find the binary exponent e with 2^52 ≤ num / (den · 2^e) < 2^53 (or e = -1074 below the
    // normal range), then one quotient of 53 bits and its rounding.
    let mut e = (num.bits() as i32 - den.bits() as i32 - 53).max(-1074);
    loop {
        let (mut a, mut b) = (num.clone(), den.clone());
        if e >= 0 {
            b.shl(e as u32);
        } else {
            a.shl(e.unsigned_abs());
        }
        let mut top = b.clone();
        top.shl(53);
        if a.cmp(&top) != Ordering::Less {
            e += 1;
            continue;
        }
        let mut low = b.clone();
        low.shl(52);
        if a.cmp(&low) == Ordering::Less && e > -1074 {
            e -= 1;
            continue;
        }
        let q = quotient(&mut a, &b, 53);
        let q = round_even(q, &a, &b);
        let (q, e) = if q == 1 << 53 { (q >> 1, e + 1) } else { (q, e) };
        if e + 52 > 1023 {
            return f64::INFINITY;
        }
        let bits = if q >= 1 << 52 { ((e + 52 + 1023) as u64) << 52 | (q - (1 << 52)) } else { q };
        return f64::from_bits(bits);
    }
}

/// Digits kept from a long number: any decimal that decides an `f64` rounding has fewer than 800
/// significant digits; the digits after them only count for whether they are all zero.
const MAX_DIGITS: usize = 800;

/// The nearest `f64` to ASCII digits with at most one decimal point ("3", "2.50", ".5", "7."),
/// as `str::parse::<f64>` reads them; `None` for anything else (a sign, an exponent, no digit).
pub(crate) fn parse(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !ok(int) || !ok(frac) {
        return None;
    }
    let digits = int.bytes().chain(frac.bytes()).skip_while(|&b| b == b'0');
    let mut exp10 = -(frac.len().min(i32::MAX as usize / 2) as i32);
    let mut n = Big(Vec::new());
    let mut count = 0;
    let mut rest_nonzero = false;
    for b in digits {
        if count < MAX_DIGITS {
            n.mul_add(10, u32::from(b - b'0'));
            count += 1;
        } else {
            rest_nonzero |= b != b'0';
            exp10 = exp10.saturating_add(1);
        }
    }
    if rest_nonzero {
        // Anything strictly between two kept values rounds like a digit 1 after them.
        n.mul_add(10, 1);
        exp10 -= 1;
    }
    Some(nearest(n, exp10))
}

/// `x` rounded to twelve significant decimal digits: `format!("{x:.11e}").parse()`, exactly.
/// Values computed two ways (3.5 × 10⁶ and 3,500,000) then compare equal.
pub(crate) fn round_12(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let bits = x.abs().to_bits();
    let (exp, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    // |x| = m · 2^q exactly.
    let (m, q) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp - 1075) };
    // 10^d ≤ |x| < 10^(d+1), estimated from the bit length and corrected below.
    let mut d = ((64 - m.leading_zeros() as i32 + q - 1) * 1233) >> 12;
    loop {
        // digits = |x| / 10^(d-11), between 10^11 and 10^12 when d is right.
        let k = d - 11;
        let mut num = Big::from_u64(m);
        let mut den = Big::from_u64(1);
        if q >= 0 {
            num.shl(q as u32)
        } else {
            den.shl(q.unsigned_abs())
        }
        if k >= 0 {
            den.mul_pow10(k as u32)
        } else {
            num.mul_pow10(k.unsigned_abs())
        }
        let mut limit = den.clone();
        limit.shl(44);
        if num.cmp(&limit) != Ordering::Less {
            d += 1;
            continue;
        }
        let digits = quotient(&mut num, &den, 44);
        if digits >= 1_000_000_000_000 {
            d += 1;
            continue;
        }
        if digits < 100_000_000_000 {
            d -= 1;
            continue;
        }
        let rounded = round_even(digits, &num, &den);
        let value = nearest(Big::from_u64(rounded), k);
        return if x < 0.0 { -value } else { value };
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        a.map(f64::to_bits) == b.map(f64::to_bits)
    }

    #[test]
    fn issue_8_parse_matches_core_on_hard_cases() {
        let long_zeros = format!("0.{}1", "0".repeat(400));
        let long_ones = "1".repeat(2000);
        let near_tie = format!("9007199254740993{}", "0".repeat(900));
        let tie_then_one = format!("9007199254740993.{}1", "0".repeat(900));
        let subnormal = format!("0.{}49406564584124654", "0".repeat(323));
        let smallest_normal = format!("0.{}22250738585072011", "0".repeat(307));
        let huge = format!("1{}", "0".repeat(400));
        for s in [
            "0", "0.0", "1", "3", "2.5", ".5", "7.", "0.1", "0.3", "123456789012345678901234567890", "9007199254740993",
            "9007199254740995", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "17976931348623159079372897140530341507993413271003782693617377898044496829276475094664901797758720709633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006985099187928351", long_zeros.as_str(), long_ones.as_str(), near_tie.as_str(), tie_then_one.as_str(),
            subnormal.as_str(), smallest_normal.as_str(), huge.as_str(),
        ] {
            assert!(same(parse(s), s.parse().ok()), "{s}: {:?} vs {:?}", parse(s), s.parse::<f64>());
        }
        for s in ["", ".", "-1", "+1", "1e5", "1.2.3", "inf", "NaN", "1,5", " 1"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn issue_8_round_12_matches_core_on_hard_cases() {
        for x in [
            1.0,
            0.1,
            0.3,
            2.5,
            1e22,
            1e23,
            5e-324,
            2.2250738585072014e-308,
            f64::MAX,
            f64::MIN_POSITIVE,
            1234567890122.5,
            1234567890123.5,
            999999999999.5,
            9999999999995.0,
            0.1 + 0.2,
            3.5e6,
            123.456,
            -7.25,
            1e300,
            1e-300,
        ] {
            let core: f64 = format!("{x:.11e}").parse().unwrap();
            assert_eq!(round_12(x).to_bits(), core.to_bits(), "{x:e}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn issue_8_parse_matches_core(int in "[0-9]{0,30}", frac in proptest::option::of("[0-9]{0,30}")) {
            let s = match frac { Some(f) => format!("{int}.{f}"), None => int };
            prop_assert!(same(parse(&s), s.parse().ok()), "{}", s);
        }

        #[test]
        fn issue_8_round_12_matches_core(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let core: f64 = format!("{x:.11e}").parse().unwrap();
            prop_assert_eq!(round_12(x).to_bits(), core.to_bits(), "{:e}", x);
        }

        #[test]
        fn issue_8_round_12_matches_core_on_news_sized_values(n in 0u64..10_000_000_000_000, scale in -8i32..8) {
            let x = n as f64 * 10f64.powi(scale);
            let core: f64 = format!("{x:.11e}").parse().unwrap();
            prop_assert_eq!(round_12(x).to_bits(), core.to_bits(), "{:e}", x);
        }
    }
}
