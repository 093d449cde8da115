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
