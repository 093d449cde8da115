//! The share of training-consistent mappings that generalise — the number the essay calls
//! "too small to compute".
//!
//! The model is the counting argument's own: indifference over the mappings that get every
//! training problem right. Under it each unseen pair's answer is uniform over the possible
//! sums, independently, so the number of correct answers on a test set of `n` unseen pairs
//! is `Binomial(n, 1/sums)`, and the share of mappings scoring above a threshold is that
//! binomial's upper tail, which [`certified::binomial`] encloses.

use crate::addition::AdditionTask;
use certified::Enclosure;
use certified::binomial::{Probability, TailError, log10_upper_tail};
use std::fmt;

/// Why a proportion could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProportionError {
    /// The test set is empty or larger than the unseen pairs.
    TestSet { size: u64, unseen: u64 },
    /// The accuracy threshold is not a percentage below 100.
    Threshold(u32),
    /// The tail bound does not apply (threshold at or below chance).
    Tail(TailError),
}

impl fmt::Display for ProportionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProportionError::TestSet { size, unseen } => write!(
                f,
                "test-set size must be 1 to {unseen} (the unseen pairs), not {size}"
            ),
            ProportionError::Threshold(t) => {
                write!(f, "accuracy threshold must be 0 to 99 percent, not {t}")
            }
            ProportionError::Tail(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProportionError {}

/// Correct answers needed to score strictly above `percent`% on `test_set` problems.
pub fn answers_needed(test_set: u64, percent: u32) -> u64 {
    let exact = u128::from(test_set) * u128::from(percent);
    // "more than p%": the smallest k with 100·k > p·n.
    u64::try_from(exact / 100 + 1).expect("fits because percent < 100")
}

/// `log10` of the share of training-consistent mappings whose accuracy on `test_set`
/// unseen pairs is strictly above `percent`%.
///
/// # Errors
/// [`ProportionError`] for an empty or oversized test set, a threshold of 100% or more,
/// or a threshold too close to chance for the tail bound.
///
/// # Examples
/// ```
/// use counting::addition::AdditionTask;
/// use counting::proportion::log10_share_above;
/// let task = AdditionTask::essay();
/// let share = log10_share_above(&task, task.unseen_pairs(), 50).unwrap();
/// assert!(share.hi_f64() < -1.8e8); // fewer than one in 10^180,000,000
/// ```
pub fn log10_share_above(
    task: &AdditionTask,
    test_set: u64,
    percent: u32,
) -> Result<Enclosure, ProportionError> {
    let unseen = task.unseen_pairs();
    if test_set == 0 || test_set > unseen {
        return Err(ProportionError::TestSet {
            size: test_set,
            unseen,
        });
    }
    if percent >= 100 {
        return Err(ProportionError::Threshold(percent));
    }
    let chance = Probability::new(1, task.possible_sums()).expect("more than one possible sum");
    log10_upper_tail(test_set, answers_needed(test_set, percent), chance)
        .map_err(ProportionError::Tail)
}

/// The share of [`log10_share_above`] as IEEE double precision computes it: the tail's first
/// and largest term, `C(n, k)·p^k·(1 − p)^(n − k)`, evaluated as the exponential of its
/// logarithm (the coefficient alone overflows a double, the powers underflow it). The tail
/// exceeds its first term by a factor below `1 + 10^-4` at the essay's setting, far less than
/// any difference that matters here.
pub fn share_in_double_precision(task: &AdditionTask, test_set: u64, percent: u32) -> f64 {
    use statrs::function::gamma::ln_gamma;
    let k = answers_needed(test_set, percent) as f64;
    let n = test_set as f64;
    let p = 1.0 / task.possible_sums() as f64;
    let ln_binomial = ln_gamma(n + 1.0) - ln_gamma(k + 1.0) - ln_gamma(n - k + 1.0);
    (ln_binomial + k * p.ln() + (n - k) * (-p).ln_1p()).exp()
}

/// The smallest chance per unseen answer, on a grid of steps of `1/denominator`, at which
/// the share of mappings above `percent`% is no longer certified below `10^log10_bound`:
/// the break-even of a conclusion drawn from the uniform prior, whose chance is
/// `1/sums`. Returns the chance and the share's enclosure there.
///
/// # Panics
/// If even the uniform prior's share is not below the bound.
pub fn break_even_chance(
    test_set: u64,
    percent: u32,
    log10_bound: f64,
    denominator: u64,
) -> (f64, Enclosure) {
    let needed = answers_needed(test_set, percent);
    let share = |num: u64| {
        let chance = Probability::new(num, denominator).expect("inside (0, 1)");
        // Past the tail bound's reach the share is certainly not small: the threshold is
        // near the mean.
        log10_upper_tail(test_set, needed, chance).ok()
    };
    let below = |num: u64| share(num).is_some_and(|e| e.hi_f64() < log10_bound);
    let (mut lo, mut hi) = (1, denominator - 1);
    assert!(
        below(lo),
        "the conclusion fails even at the smallest chance"
    );
    // Invariant: below(lo) and not below(hi).
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let at = share(hi).unwrap_or_else(|| Enclosure::from_int(0));
    (hi as f64 / denominator as f64, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_half_means_a_strict_majority() {
        assert_eq!(answers_needed(10, 50), 6);
        assert_eq!(answers_needed(11, 50), 6);
        assert_eq!(answers_needed(99_999_008, 50), 49_999_505);
        assert_eq!(answers_needed(7, 0), 1);
    }

    #[test]
    fn bad_inputs_are_named() {
        let task = AdditionTask::essay();
        let err = log10_share_above(&task, 0, 50).unwrap_err();
        assert!(err.to_string().contains("test-set size"));
        let err = log10_share_above(&task, 10, 100).unwrap_err();
        assert!(err.to_string().contains("threshold"));
    }
}
