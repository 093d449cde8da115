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
