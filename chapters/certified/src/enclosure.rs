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
