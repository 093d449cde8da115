//! The upper tail of a binomial distribution, `P(X ≥ k)` for `X ~ Binomial(n, p)`, as an
//! enclosure of its base-10 logarithm — for tails far too small for any floating-point type.
//!
//! Above the mean the terms `t_j = C(n, j)·p^j·(1 − p)^(n − j)` fall geometrically: the
//! ratio `t_{j+1}/t_j = (n − j)/(j + 1) · p/(1 − p)` decreases in `j`, so with
//! `r = (n − k)/(k + 1) · p/(1 − p) < 1`,
//!
//! ```text
//! t_k·(1 + r)  ≤  P(X ≥ k)  ≤  t_k / (1 − r),
//! ```
//!
//! (the left side is `t_k + t_{k+1}` exactly), and the two sides differ by a factor of at
//! most `1 + r²/(1 − r)`.
//!
//! Both sides are logarithms of integers and factorials, which [`crate::elementary`] and
//! [`crate::factorial`] enclose rigorously.

use crate::elementary::{ln, ln_big, to_log10};
use crate::enclosure::Enclosure;
use crate::factorial::ln_factorial;
use num_bigint::BigUint;
use std::fmt;

/// A success probability `p = num / den` with `0 < num < den`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probability {
    num: u64,
    den: u64,
}

impl Probability {
    /// `num / den`, which must lie strictly between 0 and 1.
    ///
    /// # Errors
    /// [`TailError::ProbabilityOutOfRange`] unless `0 < num < den`.
    pub fn new(num: u64, den: u64) -> Result<Self, TailError> {
        if num == 0 || num >= den {
            return Err(TailError::ProbabilityOutOfRange { num, den });
        }
        Ok(Probability { num, den })
    }
}

/// Why a tail could not be enclosed by this method.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TailError {
    /// `p` was not strictly between 0 and 1.
    ProbabilityOutOfRange { num: u64, den: u64 },
    /// `k > n`: the tail is empty, its probability zero, its logarithm undefined.
    EmptyTail { n: u64, k: u64 },
    /// `k` is not far enough above the mean for the geometric bound (`r ≥ 1`).
    NotAboveMean { n: u64, k: u64 },
}

impl fmt::Display for TailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TailError::ProbabilityOutOfRange { num, den } => {
                write!(f, "probability {num}/{den} is not strictly between 0 and 1")
            }
            TailError::EmptyTail { n, k } => {
                write!(f, "P(X ≥ {k}) with n = {n} is zero: no logarithm")
            }
            TailError::NotAboveMean { n, k } => write!(
                f,
                "P(X ≥ {k}) with n = {n}: k is too close to the mean for the geometric tail bound"
            ),
        }
    }
}

impl std::error::Error for TailError {}

/// `ln C(n, k)`.
pub fn ln_binomial_coefficient(n: u64, k: u64) -> Enclosure {
    assert!(k <= n, "C(n, k) needs k ≤ n");
    &(&ln_factorial(n) - &ln_factorial(k)) - &ln_factorial(n - k)
}

/// An enclosure of `log10 P(X ≥ k)` for `X ~ Binomial(n, p)`.
///
/// # Errors
/// [`TailError::EmptyTail`] when `k > n`; [`TailError::NotAboveMean`] when `k` is so
/// close to the mean that the terms do not shrink geometrically from the first.
///
/// # Examples
/// ```
/// use certified::binomial::{log10_upper_tail, Probability};
/// // Ten fair coins all heads: exactly 2^-10.
/// let tail = log10_upper_tail(10, 10, Probability::new(1, 2).unwrap()).unwrap();
/// assert!(tail.contains_f64(-10.0 * 2f64.log10()));
/// ```
pub fn log10_upper_tail(n: u64, k: u64, p: Probability) -> Result<Enclosure, TailError> {
    if k > n {
        return Err(TailError::EmptyTail { n, k });
    }
    if k == 0 {
        return Ok(Enclosure::from_int(0));
    }
    let (a, b) = (p.num, p.den);
    // r < 1  ⇔  (n − k)·a < (k + 1)·(b − a), in exact integers.
    let lhs = BigUint::from(n - k) * a;
    let rhs = BigUint::from(k + 1) * (b - a);
    if lhs >= rhs {
        return Err(TailError::NotAboveMean { n, k });
    }
    let ln_b = ln(b);
    let ln_p = &ln(a) - &ln_b;
    let ln_q = &ln(b - a) - &ln_b;
    let ln_first = &(&ln_binomial_coefficient(n, k) + &ln_p.mul_int(k)) + &ln_q.mul_int(n - k);
    // r = lhs / rhs, so 1 + r = (rhs + lhs) / rhs and 1 / (1 − r) = rhs / (rhs − lhs).
    let ln_rhs = ln_big(&rhs);
    let lower = &ln_first + &(&ln_big(&(&rhs + &lhs)) - &ln_rhs);
    let upper = &ln_first + &(&ln_rhs - &ln_big(&(&rhs - &lhs)));
    let (lo, _) = to_log10(&lower).into_grid();
    let (_, hi) = to_log10(&upper).into_grid();
    Ok(Enclosure::from_grid(lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enclosure::big;

    /// `log10 P(X ≥ k)` summed exactly: `Σ_{j ≥ k} C(n, j)·a^j·(b − a)^(n − j) / b^n`.
    fn exact_log10_tail(n: u64, k: u64, a: u64, b: u64) -> Enclosure {
        let mut numerator = BigUint::ZERO;
        let mut choose = BigUint::from(1u8); // C(n, j), from j = 0
        for j in 0..=n {
            if j >= k {
                numerator += &choose
                    * BigUint::from(a).pow(u32::try_from(j).unwrap())
                    * BigUint::from(b - a).pow(u32::try_from(n - j).unwrap());
            }
            choose = choose * (n - j) / (j + 1);
        }
        let denominator = BigUint::from(b).pow(u32::try_from(n).unwrap());
        to_log10(&(&ln_big(&numerator) - &ln_big(&denominator)))
    }

    /// Tails above the mean, including `k = n` (one term) and `k = 1` (nearly everything).
    const CASES: [(u64, u64, u64, u64); 7] = [
        (10, 10, 1, 2),
        (20, 15, 1, 2),
        (30, 29, 1, 2),
        (100, 40, 1, 5),
        (50, 50, 1, 3),
        (7, 5, 2, 7),
        (12, 1, 1, 100),
    ];

    #[test]
    fn tails_enclose_the_exact_sum_and_are_as_tight_as_the_bound_says() {
        for (n, k, a, b) in CASES {
            let p = Probability::new(a, b).unwrap();
            let tail = log10_upper_tail(n, k, p).unwrap();
            let exact = exact_log10_tail(n, k, a, b);
            assert!(
                !tail.is_below(&exact) && !exact.is_below(&tail),
                "n = {n}, k = {k}, p = {a}/{b}: [{}, {}] misses the exact {}",
                tail.lo_f64(),
                tail.hi_f64(),
                exact.lo_f64()
            );
            // The two sides differ by the factor 1/(1 − r²), r = (n − k)/(k + 1)·p/(1 − p).
            let r = ((n - k) * a) as f64 / ((k + 1) * (b - a)) as f64;
            let allowed = -(1.0 - r * r).log10();
            assert!(
                tail.width_f64() <= allowed * (1.0 + 1e-9) + 1e-15,
                "n = {n}, k = {k}, p = {a}/{b}: width {} above {allowed}",
                tail.width_f64()
            );
        }
    }

    #[test]
    fn binomial_coefficients_are_logs_of_the_exact_counts() {
        for (n, k, count) in [
            (10u64, 3u64, 120u64),
            (10, 10, 1),
            (10, 0, 1),
            (52, 5, 2_598_960),
        ] {
            let e = ln_binomial_coefficient(n, k);
            let exact = ln(count);
            assert!(
                !e.is_below(&exact) && !exact.is_below(&e),
                "ln C({n}, {k}) = ln {count}"
            );
            assert!(
                e.width_f64() < 1e-40,
                "C({n}, {k}): width {}",
                e.width_f64()
            );
        }
    }

    #[test]
    fn a_tail_at_zero_is_certain_and_the_rest_are_refused_with_reasons() {
        let half = Probability::new(1, 2).unwrap();
        assert_eq!(log10_upper_tail(5, 0, half), Ok(Enclosure::from_int(0)));
        assert_eq!(
            log10_upper_tail(5, 6, half),
            Err(TailError::EmptyTail { n: 5, k: 6 })
        );
        // At the mean and just above it the terms do not fall off geometrically from k.
        assert_eq!(
            log10_upper_tail(100, 49, half),
            Err(TailError::NotAboveMean { n: 100, k: 49 })
        );
        assert!(log10_upper_tail(100, 50, half).is_ok());
        for (num, den) in [(0, 2), (2, 2), (3, 2)] {
            assert_eq!(
                Probability::new(num, den),
                Err(TailError::ProbabilityOutOfRange { num, den })
            );
        }
        assert_eq!(big(&BigUint::from(3u8)), num_bigint::BigInt::from(3));
    }

    #[test]
    fn errors_say_what_went_wrong() {
        let cases = [
            (
                TailError::ProbabilityOutOfRange { num: 3, den: 2 },
                "probability 3/2 is not strictly between 0 and 1",
            ),
            (
                TailError::EmptyTail { n: 5, k: 6 },
                "P(X ≥ 6) with n = 5 is zero: no logarithm",
            ),
            (
                TailError::NotAboveMean { n: 100, k: 49 },
                "P(X ≥ 49) with n = 100: k is too close to the mean for the geometric tail bound",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
    }
}
