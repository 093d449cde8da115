//! Logarithms and π as enclosures, from series whose truncation error is bounded.
//!
//! `ln x = k·ln 2 + 2·atanh(z)` with `x = 2^k·m`, `m ∈ [1, 2)` and `z = (m − 1)/(m + 1) ≤ 1/3`;
//! `ln 2 = 2·atanh(1/3)`; `π = 16·atan(1/5) − 4·atan(1/239)` (Machin). Each series term is
//! computed exactly as a rational and rounded outward onto the grid, and the tail after
//! the last term is bounded by a geometric series, so the results are enclosures, not
//! estimates.

use crate::enclosure::{Enclosure, FRAC_BITS, big};
use num_bigint::{BigInt, BigUint};
use num_traits::{One, Zero};
use std::sync::OnceLock;

/// Terms of the atanh / atan series. With |z| ≤ 1/3 the tail after this many terms is
/// below 3^-(2·TERMS+1), far under one grid step (2^-FRAC_BITS); checked in a test.
const TERMS: u32 = 84;

/// Sum of `z^(2j+1) / (2j+1)` for `z = a/b` with `0 ≤ a/b ≤ 1/3`, alternating in sign when
/// `alternating` (atan) or not (atanh).
fn odd_power_series(a: &BigUint, b: &BigUint, alternating: bool) -> Enclosure {
    assert!(
        BigUint::from(3u8) * a <= *b,
        "series argument must be at most 1/3"
    );
    let (mut lo, mut hi) = (BigInt::zero(), BigInt::zero());
    let mut num = a.clone();
    let mut den = b.clone();
    let a2 = a * a;
    let b2 = b * b;
    for j in 0..TERMS {
        let term = Enclosure::from_ratio(big(&num), big(&den) * (2 * j + 1));
        let (tlo, thi) = term.grid();
        if alternating && j % 2 == 1 {
            lo -= thi;
            hi -= tlo;
        } else {
            lo += tlo;
            hi += thi;
        }
        num *= &a2;
        den *= &b2;
    }
    // The tail is below (1/3)^(2·TERMS+1) · 9/8 < 2^-FRAC_BITS: one grid step each way.
    Enclosure::from_grid(lo, hi).widen(1)
}

/// `ln n` for an integer `n ≥ 1`.
pub fn ln(n: u64) -> Enclosure {
    ln_big(&BigUint::from(n))
}

/// `ln n` for a big integer `n ≥ 1`.
///
/// # Panics
/// If `n` is zero.
pub fn ln_big(n: &BigUint) -> Enclosure {
    assert!(!n.is_zero(), "ln of zero");
    if n.is_one() {
        return Enclosure::from_int(0);
    }
    // n = 2^k · m with m = n / 2^k in [1, 2); z = (n − 2^k) / (n + 2^k) ∈ [0, 1/3).
    let k = n.bits() - 1;
    let p = BigUint::one() << k;
    let z = odd_power_series(&(n - &p), &(n + &p), false);
    &ln2().mul_int(k) + &z.mul_int(2)
}

/// `ln x` for a real `x` given by an enclosure lying above zero: `ln` is increasing, so the
/// logarithms of the two ends (grid integers, scaled by `2^-FRAC_BITS`) bound it.
///
/// # Panics
/// If the enclosure reaches zero or below.
pub fn ln_of(x: &Enclosure) -> Enclosure {
    let (lo, hi) = x.grid();
    let as_natural = |v: &BigInt| {
        v.to_biguint()
            .filter(|v| !v.is_zero())
            .expect("ln_of needs an enclosure above zero")
    };
    let shift = ln2().mul_int(FRAC_BITS);
    let (lower, _) = (&ln_big(&as_natural(lo)) - &shift).into_grid();
    let (_, upper) = (&ln_big(&as_natural(hi)) - &shift).into_grid();
    Enclosure::from_grid(lower, upper)
}

/// `ln 2 = 2·atanh(1/3)`.
pub fn ln2() -> Enclosure {
    static LN2: OnceLock<Enclosure> = OnceLock::new();
    LN2.get_or_init(|| odd_power_series(&BigUint::one(), &BigUint::from(3u8), false).mul_int(2))
        .clone()
}

/// `ln 10`.
pub fn ln10() -> Enclosure {
    static LN10: OnceLock<Enclosure> = OnceLock::new();
    LN10.get_or_init(|| ln(10)).clone()
}

/// `π`, by Machin's formula.
pub fn pi() -> Enclosure {
    static PI: OnceLock<Enclosure> = OnceLock::new();
    PI.get_or_init(|| {
        let one = BigUint::one();
        let a = odd_power_series(&one, &BigUint::from(5u8), true).mul_int(16);
        let b = odd_power_series(&one, &BigUint::from(239u8), true).mul_int(4);
        &a - &b
    })
    .clone()
}

/// Converts a natural logarithm to base 10.
pub fn to_log10(ln_x: &Enclosure) -> Enclosure {
    ln_x.div(&ln10())
}

/// Converts a natural logarithm to base 2.
pub fn to_log2(ln_x: &Enclosure) -> Enclosure {
    ln_x.div(&ln2())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_tail_is_below_one_grid_step() {
        // (1/3)^(2·TERMS+1) · 9/8 < 2^-FRAC_BITS  ⇔  (2·TERMS+1)·log2(3) − log2(9/8) > FRAC_BITS
        let bits = f64::from(2 * TERMS + 1) * 3f64.log2() - (9.0f64 / 8.0).log2();
        assert!(bits > FRAC_BITS as f64 + 8.0, "only {bits} bits");
    }

    #[test]
    fn constants_enclose_their_f64_values() {
        assert!(ln2().contains_f64(std::f64::consts::LN_2));
        assert!(ln10().contains_f64(std::f64::consts::LN_10));
        assert!(pi().contains_f64(std::f64::consts::PI));
        assert!(ln2().width_f64() < 1e-70);
    }

    #[test]
    fn ln_of_products_adds_up() {
        let lhs = ln(19_999 * 7);
        let rhs = &ln(19_999) + &ln(7);
        // Both enclose the same number, so they must overlap.
        assert!(!lhs.is_below(&rhs) && !rhs.is_below(&lhs));
        assert!(ln(1).contains_f64(0.0));
        assert!(ln(1 << 40).contains_f64(40.0 * std::f64::consts::LN_2));
    }

    #[test]
    fn logs_of_ratios_and_base_changes_enclose_the_true_values() {
        let (six, three) = (BigUint::from(6u8), BigUint::from(3u8));
        let quotient = &ln_big(&six) - &ln_big(&three); // ln 2
        assert!(!quotient.is_below(&ln2()) && !ln2().is_below(&quotient));
        let inverse = &ln_big(&three) - &ln_big(&six); // −ln 2
        assert!(!inverse.is_below(&-&ln2()) && !(-&ln2()).is_below(&inverse));
        assert!(quotient.width_f64() < 1e-70 && inverse.width_f64() < 1e-70);
        // log2(2^40) = 40 and log10(1000) = 3, each within a few grid steps.
        let forty = to_log2(&ln(1 << 40));
        let three_decades = to_log10(&ln(1000));
        for (e, x) in [(forty, 40), (three_decades, 3)] {
            let x = Enclosure::from_int(x);
            assert!(!e.is_below(&x) && !x.is_below(&e), "{e:?} encloses {x:?}");
            assert!(e.width_f64() < 1e-70);
        }
    }

    #[test]
    fn ln_of_an_enclosure_is_bounded_by_the_logs_of_its_ends() {
        let between = Enclosure::from_ratio(2, 1).plus_minus(&Enclosure::from_ratio(1, 1_000));
        let l = ln_of(&between); // [ln 1.999, ln 2.001]
        assert!((l.lo_f64() - 1.999f64.ln()).abs() < 1e-12, "{}", l.lo_f64());
        assert!((l.hi_f64() - 2.001f64.ln()).abs() < 1e-12, "{}", l.hi_f64());
        assert!(l.contains_f64(2f64.ln()));
    }
}
