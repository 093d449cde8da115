//! `ln n!` as an enclosure: exactly for small `n`, by Stirling's series above.
//!
//! For real `n > 0` the remainder of Stirling's series for `ln Γ(n + 1)` after the
//! `B_{2J}` term is smaller in magnitude than the first omitted term, so adding that term's
//! magnitude on both sides gives a rigorous enclosure.

use crate::elementary::{ln, ln_big, ln_of, pi};
use crate::enclosure::Enclosure;
use num_bigint::{BigInt, BigUint};

/// Below this, `n!` is formed exactly and its logarithm taken directly.
const EXACT_BELOW: u64 = 30;

/// `B_{2j} / (2j·(2j − 1))` for j = 1..=6, as (numerator, denominator): the Stirling
/// coefficients 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360.
const STIRLING: [(i64, i64); 6] = [
    (1, 12),
    (-1, 360),
    (1, 1260),
    (-1, 1680),
    (1, 1188),
    (-691, 360_360),
];

/// Magnitude of the first omitted coefficient, `B_14 / (14·13) = 7/6 / 182 = 1/156`.
const OMITTED: (i64, i64) = (1, 156);

/// `ln n!`.
pub fn ln_factorial(n: u64) -> Enclosure {
    if n < EXACT_BELOW {
        let f: BigUint = (1..=n).map(BigUint::from).product();
        return ln_big(&f);
    }
    let ln_n = ln(n);
    // (n + 1/2)·ln n − n + ln(2π)/2
    let mut sum = &ln_n.mul_int(2 * n + 1).div_int(2) - &Enclosure::from_int(n);
    let half_ln_2pi = (&ln(2) + &ln_pi()).div_int(2);
    sum = &sum + &half_ln_2pi;
    // Σ c_j / n^(2j−1)
    let mut power = BigInt::from(n); // n^(2j−1)
    let n2 = BigInt::from(n) * BigInt::from(n);
    for (num, den) in STIRLING {
        sum = &sum + &Enclosure::from_ratio(num, BigInt::from(den) * &power);
        power *= &n2;
    }
    let (num, den) = OMITTED;
    sum.plus_minus(&Enclosure::from_ratio(num, BigInt::from(den) * &power))
}

fn ln_pi() -> Enclosure {
    static LN_PI: std::sync::OnceLock<Enclosure> = std::sync::OnceLock::new();
    LN_PI.get_or_init(|| ln_of(&pi())).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stirling_meets_the_exact_values_at_the_switch() {
        for n in [EXACT_BELOW, EXACT_BELOW + 1, 64, 200] {
            let f: BigUint = (1..=n).map(BigUint::from).product();
            let exact = ln_big(&f);
            let series = ln_factorial(n);
            assert!(
                !exact.is_below(&series) && !series.is_below(&exact),
                "n = {n}: the enclosures must overlap"
            );
            assert!(series.width_f64() < 1e-20, "n = {n}: too loose");
        }
    }

    /// Below the switch `ln n!` is the logarithm of the exact product, to the grid point;
    /// from the switch on it is Stirling's series, a different (wider) enclosure of the same
    /// number. Checked on both sides of the switch, so moving it is caught.
    #[test]
    fn the_switch_to_stirling_is_at_exact_below() {
        assert_eq!(ln_factorial(0), Enclosure::from_int(0));
        assert_eq!(ln_factorial(1), Enclosure::from_int(0));
        assert_eq!(ln_factorial(5), ln(120));
        for n in [EXACT_BELOW - 1, EXACT_BELOW] {
            let f: BigUint = (1..=n).map(BigUint::from).product();
            let exact = ln_big(&f);
            assert_eq!(
                ln_factorial(n) == exact,
                n < EXACT_BELOW,
                "n = {n}: exact below the switch, the series from it on"
            );
        }
    }
}
