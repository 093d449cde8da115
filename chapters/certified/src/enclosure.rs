//! Fixed-point intervals with outward rounding.
//!
//! An [`Enclosure`] holds two big integers `lo ≤ hi` and stands for the real interval
//! `[lo, hi] · 2^-FRAC_BITS`. Every operation rounds its lower end down and its upper end
//! up, so the true value, once inside, stays inside: nothing here is an approximation
//! whose error is merely hoped to be small.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::ops::{Add, Neg, Sub};

/// Binary digits after the point. 256 bits (about 77 decimal digits) is far more than any
/// number in the book prints; the margin keeps the bounds tight after long chains of work.
pub const FRAC_BITS: u64 = 256;

/// A closed interval `[lo, hi] · 2^-FRAC_BITS` known to contain a real number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enclosure {
    lo: BigInt,
    hi: BigInt,
}

/// `floor(n / d)` and `ceil(n / d)` for a positive divisor.
fn div_floor_ceil(n: &BigInt, d: &BigInt) -> (BigInt, BigInt) {
    debug_assert!(d.is_positive());
    let (q, r) = n.div_mod_floor(d);
    let up = if r.is_zero() { q.clone() } else { &q + 1 };
    (q, up)
}

impl Enclosure {
    /// The integer `n`, exactly.
    pub fn from_int(n: impl Into<BigInt>) -> Self {
        let v = n.into() << FRAC_BITS;
        Enclosure {
            lo: v.clone(),
            hi: v,
        }
    }

    /// The rational `num / den` (den > 0), rounded outward to the fixed-point grid.
    ///
    /// # Panics
    /// If `den` is zero.
    pub fn from_ratio(num: impl Into<BigInt>, den: impl Into<BigInt>) -> Self {
        let den = den.into();
        assert!(den.is_positive(), "from_ratio needs a positive denominator");
        let (lo, hi) = div_floor_ceil(&(num.into() << FRAC_BITS), &den);
        Enclosure { lo, hi }
    }

    /// An enclosure from raw grid points; `lo ≤ hi` is the caller's promise.
    pub(crate) fn from_grid(lo: BigInt, hi: BigInt) -> Self {
        debug_assert!(lo <= hi);
        Enclosure { lo, hi }
    }

    /// The raw grid points `(lo, hi)`.
    pub(crate) fn grid(&self) -> (&BigInt, &BigInt) {
        (&self.lo, &self.hi)
    }

    /// The raw grid points `(lo, hi)`, by value.
    pub(crate) fn into_grid(self) -> (BigInt, BigInt) {
        (self.lo, self.hi)
    }

    /// Widen both ends by `units` grid steps (used to absorb a bounded truncation error).
    pub(crate) fn widen(&self, units: u32) -> Self {
        Enclosure {
            lo: &self.lo - units,
            hi: &self.hi + units,
        }
    }

    /// Widened on both sides by the upper end of a non-negative `magnitude`: the enclosure
    /// of `x + e` for any error `|e| ≤ magnitude`.
    pub fn plus_minus(&self, magnitude: &Self) -> Self {
        Enclosure {
            lo: &self.lo - &magnitude.hi,
            hi: &self.hi + &magnitude.hi,
        }
    }

    /// The product with an integer (exact on the grid).
    pub fn mul_int(&self, k: impl Into<BigInt>) -> Self {
        let k = k.into();
        let (a, b) = (&self.lo * &k, &self.hi * &k);
        if k.is_negative() {
            Enclosure { lo: b, hi: a }
        } else {
            Enclosure { lo: a, hi: b }
        }
    }

    /// The quotient by a positive integer, rounded outward.
    ///
    /// # Panics
    /// If `k` is not positive.
    pub fn div_int(&self, k: impl Into<BigInt>) -> Self {
        let k = k.into();
        assert!(k.is_positive(), "div_int needs a positive divisor");
        Enclosure {
            lo: div_floor_ceil(&self.lo, &k).0,
            hi: div_floor_ceil(&self.hi, &k).1,
        }
    }

    /// The quotient by an enclosure that lies strictly above zero, rounded outward.
    ///
    /// # Panics
    /// If the divisor's lower end is not positive.
    pub fn div(&self, divisor: &Self) -> Self {
        assert!(
            divisor.lo.is_positive(),
            "div needs a divisor enclosed strictly above zero"
        );
        let (nlo, nhi) = (&self.lo << FRAC_BITS, &self.hi << FRAC_BITS);
        // For a positive divisor the extremes are at the divisor's ends, chosen by sign.
        let lo_div = if nlo.is_negative() {
            &divisor.lo
        } else {
            &divisor.hi
        };
        let hi_div = if nhi.is_negative() {
            &divisor.hi
        } else {
            &divisor.lo
        };
        Enclosure {
            lo: div_floor_ceil(&nlo, lo_div).0,
            hi: div_floor_ceil(&nhi, hi_div).1,
        }
    }

    /// An `f64` at or below the lower end.
    pub fn lo_f64(&self) -> f64 {
        grid_to_f64(&self.lo).next_down().next_down()
    }

    /// An `f64` at or above the upper end.
    pub fn hi_f64(&self) -> f64 {
        grid_to_f64(&self.hi).next_up().next_up()
    }

    /// The width `hi − lo`, as an `f64` (a diagnostic, not a bound).
    pub fn width_f64(&self) -> f64 {
        grid_to_f64(&(&self.hi - &self.lo))
    }

    /// Whether the whole enclosure lies strictly below the other's lower end.
    pub fn is_below(&self, other: &Self) -> bool {
        self.hi < other.lo
    }

    /// Whether `x` lies within the enclosure as widened to the `f64` grid.
    pub fn contains_f64(&self, x: f64) -> bool {
        self.lo_f64() <= x && x <= self.hi_f64()
    }
}

/// An `f64` within one ulp of a grid value: the integer part rounds to nearest, and so
/// does the final sum. Callers step two ulps outward to stay conservative.
fn grid_to_f64(v: &BigInt) -> f64 {
    let int = v >> FRAC_BITS; // floor
    let frac = v - (&int << FRAC_BITS);
    let frac_f = (frac >> (FRAC_BITS - 64))
        .to_u64()
        .expect("fraction fits 64 bits") as f64
        / 2f64.powi(64);
    int.to_f64().expect("finite integer part") + frac_f
}

impl Add for &Enclosure {
    type Output = Enclosure;
    fn add(self, o: &Enclosure) -> Enclosure {
        Enclosure {
            lo: &self.lo + &o.lo,
            hi: &self.hi + &o.hi,
        }
    }
}

impl Sub for &Enclosure {
    type Output = Enclosure;
    fn sub(self, o: &Enclosure) -> Enclosure {
        Enclosure {
            lo: &self.lo - &o.hi,
            hi: &self.hi - &o.lo,
        }
    }
}

impl Neg for &Enclosure {
    type Output = Enclosure;
    fn neg(self) -> Enclosure {
        Enclosure {
            lo: -&self.hi,
            hi: -&self.lo,
        }
    }
}

/// Converts an unsigned big integer for the enclosure constructors.
pub(crate) fn big(n: &BigUint) -> BigInt {
    BigInt::from(n.clone())
}

/// Every operation checked at the resolution that matters: the exact grid integers, not
/// `f64` values within some slack. One grid step is 2^-256, far below any `f64` tolerance, so
/// a ceiling turned into a floor or a widening turned inward would pass a comparison with
/// `1e-9` of slack; here it changes an integer and fails.
#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    /// One unit, `2^FRAC_BITS` grid steps.
    fn unit() -> BigInt {
        BigInt::one() << FRAC_BITS
    }

    fn ends(e: &Enclosure) -> (BigInt, BigInt) {
        (e.lo.clone(), e.hi.clone())
    }

    fn int(n: i64) -> BigInt {
        BigInt::from(n)
    }

    #[test]
    fn division_rounds_down_and_up_only_when_inexact() {
        assert_eq!(div_floor_ceil(&int(7), &int(2)), (int(3), int(4)));
        assert_eq!(div_floor_ceil(&int(-7), &int(2)), (int(-4), int(-3)));
        assert_eq!(div_floor_ceil(&int(6), &int(2)), (int(3), int(3)));
        assert_eq!(div_floor_ceil(&int(-6), &int(3)), (int(-2), int(-2)));
        assert_eq!(div_floor_ceil(&int(1), &int(3)), (int(0), int(1)));
    }

    #[test]
    fn ratios_land_on_the_grid_points_either_side() {
        let third: BigInt = unit() / 3; // floor(2^256 / 3)
        assert_eq!(
            ends(&Enclosure::from_ratio(1, 3)),
            (third.clone(), &third + 1)
        );
        assert_eq!(
            ends(&Enclosure::from_ratio(-1, 3)),
            (-&third - 1, -third.clone())
        );
        // 1/4 is on the grid: a zero-width enclosure.
        assert_eq!(ends(&Enclosure::from_ratio(1, 4)), (unit() / 4, unit() / 4));
        assert_eq!(ends(&Enclosure::from_int(-2)), (-unit() * 2, -unit() * 2));
    }

    #[test]
    fn widening_moves_each_end_outward_by_exactly_the_units() {
        let e = Enclosure::from_ratio(1, 3);
        let (lo, hi) = ends(&e);
        assert_eq!(ends(&e.widen(1)), (&lo - 1, &hi + 1));
        assert_eq!(ends(&e.widen(5)), (&lo - 5, &hi + 5));
        assert_eq!(e.widen(0), e);
    }

    #[test]
    fn plus_minus_widens_by_the_magnitudes_upper_end() {
        let magnitude = Enclosure::from_ratio(1, 3); // upper end ceil(2^256 / 3)
        let up = unit() / 3 + 1;
        let e = Enclosure::from_int(5).plus_minus(&magnitude);
        assert_eq!(ends(&e), (unit() * 5 - &up, unit() * 5 + &up));
    }

    #[test]
    fn integer_products_and_quotients_on_the_grid() {
        let e = Enclosure::from_grid(int(1), int(2));
        assert_eq!(ends(&e.mul_int(3)), (int(3), int(6)));
        assert_eq!(ends(&e.mul_int(-3)), (int(-6), int(-3)));
        assert_eq!(ends(&e.mul_int(0)), (int(0), int(0)));
        let third = Enclosure::from_int(1).div_int(3);
        assert_eq!(ends(&third), (unit() / 3, unit() / 3 + 1));
        let exact = Enclosure::from_int(6).div_int(3);
        assert_eq!(ends(&exact), (unit() * 2, unit() * 2));
    }

    #[test]
    fn quotients_take_the_divisors_end_that_makes_them_extreme() {
        let (one, u) = (Enclosure::from_int(1), unit());
        let divisor = Enclosure::from_grid(u.clone() * 2, u.clone() * 4); // [2, 4]
        // 1 / [2, 4] = [1/4, 1/2]; −1 / [2, 4] = [−1/2, −1/4]; [−1, 1] / [2, 4] = [−1/2, 1/2].
        assert_eq!(ends(&one.div(&divisor)), (&u / 4, &u / 2));
        assert_eq!(ends(&(-&one).div(&divisor)), (-&u / 2, -&u / 4));
        let straddling = Enclosure::from_grid(-u.clone(), u.clone());
        assert_eq!(ends(&straddling.div(&divisor)), (-&u / 2, &u / 2));
        // Inexact: 1/3 rounds outward to the grid points either side.
        let three = Enclosure::from_int(3);
        assert_eq!(ends(&one.div(&three)), (&u / 3, &u / 3 + 1));
        assert_eq!(ends(&(-&one).div(&three)), (-&u / 3 - 1, -&u / 3));
    }

    #[test]
    fn sums_differences_and_negation_round_outward() {
        let a = Enclosure::from_grid(int(1), int(2));
        let b = Enclosure::from_grid(int(10), int(30));
        assert_eq!(ends(&(&a + &b)), (int(11), int(32)));
        assert_eq!(ends(&(&a - &b)), (int(-29), int(-8)));
        assert_eq!(ends(&-&a), (int(-2), int(-1)));
        assert_eq!(a.grid(), (&int(1), &int(2)));
        assert_eq!(a.into_grid(), (int(1), int(2)));
        assert_eq!(big(&BigUint::from(7u8)), int(7));
    }

    #[test]
    fn is_below_is_strict_and_holds_in_one_direction_only() {
        let (u, e) = (unit(), |lo: i64, hi: i64| {
            Enclosure::from_grid(int(lo), int(hi))
        });
        assert!(e(0, 1).is_below(&e(2, 3)));
        assert!(!e(2, 3).is_below(&e(0, 1)));
        // Touching ends share a point: neither is below the other.
        assert!(!e(0, 2).is_below(&e(2, 3)));
        assert!(!e(2, 3).is_below(&e(0, 2)));
        // One grid step apart is enough.
        let third = Enclosure::from_ratio(1, 3);
        let next = Enclosure::from_grid(&u / 3 + 2, &u / 3 + 2);
        assert!(third.is_below(&next) && !next.is_below(&third));
        // Overlapping enclosures.
        assert!(!e(0, 5).is_below(&e(3, 8)) && !e(3, 8).is_below(&e(0, 5)));
    }

    #[test]
    fn f64_ends_are_exactly_two_ulps_outside() {
        // Grid values that f64 holds exactly: 1.5, −0.25, 3.
        let e = Enclosure::from_grid(-unit() / 4, unit() * 3 / 2);
        assert_eq!(e.lo_f64(), (-0.25f64).next_down().next_down());
        assert_eq!(e.hi_f64(), 1.5f64.next_up().next_up());
        assert_eq!(grid_to_f64(&(unit() * 3)), 3.0);
        assert_eq!(grid_to_f64(&(-unit() * 3 / 4)), -0.75);
        assert_eq!(e.width_f64(), 1.75);
        assert_eq!(Enclosure::from_int(7).width_f64(), 0.0);
    }

    #[test]
    fn contains_f64_holds_inside_and_fails_on_either_side() {
        let e = Enclosure::from_grid(-unit() / 4, unit() * 3 / 2); // [−0.25, 1.5]
        for inside in [-0.25, 0.0, 1.0, 1.5, e.lo_f64(), e.hi_f64()] {
            assert!(e.contains_f64(inside), "{inside} is inside");
        }
        for outside in [
            -1.0,
            2.0,
            e.lo_f64().next_down(),
            e.hi_f64().next_up(),
            f64::NAN,
        ] {
            assert!(!e.contains_f64(outside), "{outside} is outside");
        }
    }

    #[test]
    #[should_panic(expected = "positive denominator")]
    fn a_zero_denominator_is_refused() {
        let _ = Enclosure::from_ratio(1, 0);
    }

    #[test]
    #[should_panic(expected = "positive divisor")]
    fn a_negative_integer_divisor_is_refused() {
        let _ = Enclosure::from_int(1).div_int(-2);
    }

    #[test]
    #[should_panic(expected = "strictly above zero")]
    fn a_divisor_reaching_zero_is_refused() {
        let _ = Enclosure::from_int(1).div(&Enclosure::from_grid(int(0), int(5)));
    }
}
