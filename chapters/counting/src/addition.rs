//! The counting argument's arithmetic for n-digit addition.
//!
//! Belrose & Pope count the input→output mappings of a 4-digit adder to show what a
//! uniform prior over functions predicts. Here the counts are functions of the number of
//! digits and the training-set size, and every huge count is an [`Enclosure`] of its
//! logarithm, so each printed digit is proven rather than estimated.

use certified::Enclosure;
use certified::elementary::{ln, to_log2, to_log10};
use std::fmt;

/// An addition task: all pairs of `digits`-digit numbers (leading zeros allowed, so
/// `0..10^digits`), of which `training_problems` are seen in training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdditionTask {
    digits: u32,
    training_problems: u64,
}

/// Largest digit count whose pair count, `10^(2·digits)`, fits a `u64`.
pub const MAX_DIGITS: u32 = 9;

/// A task that cannot exist.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskError {
    /// Digits outside `1..=MAX_DIGITS`.
    Digits(u32),
    /// More training problems than there are pairs.
    TooManyProblems { training: u64, pairs: u64 },
}

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskError::Digits(d) => write!(f, "digits must be 1 to {MAX_DIGITS}, not {d}"),
            TaskError::TooManyProblems { training, pairs } => write!(
                f,
                "{training} training problems, but only {pairs} input pairs exist"
            ),
        }
    }
}

impl std::error::Error for TaskError {}

impl AdditionTask {
    /// A task with `digits`-digit operands and `training_problems` training examples.
    ///
    /// # Errors
    /// [`TaskError`] when `digits` is outside `1..=9` or the training set is larger than the
    /// set of pairs.
    pub fn new(digits: u32, training_problems: u64) -> Result<Self, TaskError> {
        if !(1..=MAX_DIGITS).contains(&digits) {
            return Err(TaskError::Digits(digits));
        }
        let pairs = 10u64.pow(2 * digits);
        if training_problems > pairs {
            return Err(TaskError::TooManyProblems {
                training: training_problems,
                pairs,
            });
        }
        Ok(AdditionTask {
            digits,
            training_problems,
        })
    }

    /// The essay's setting: 4-digit addition, 992 training problems.
    pub fn essay() -> Self {
        AdditionTask {
            digits: 4,
            training_problems: 992,
        }
    }

    pub fn digits(&self) -> u32 {
        self.digits
    }

    pub fn training_problems(&self) -> u64 {
        self.training_problems
    }

    /// Ordered pairs of operands: `10^(2·digits)`.
    pub fn input_pairs(&self) -> u64 {
        10u64.pow(2 * self.digits)
    }

    /// Possible sums, `0 ..= 2·(10^digits − 1)`: `2·10^digits − 1` values.
    pub fn possible_sums(&self) -> u64 {
        2 * 10u64.pow(self.digits) - 1
    }

    /// Pairs not in the training set: the largest possible test set.
    pub fn unseen_pairs(&self) -> u64 {
        self.input_pairs() - self.training_problems
    }

    /// `log10` of the number of mappings from pairs to sums: `sums^pairs`.
    pub fn log10_mappings(&self) -> Enclosure {
        to_log10(&ln(self.possible_sums()).mul_int(self.input_pairs()))
    }

    /// `log10` of the number of mappings that answer every training problem correctly:
    /// the unseen pairs stay free, `sums^(pairs − training)`.
    pub fn log10_consistent_mappings(&self) -> Enclosure {
        to_log10(&ln(self.possible_sums()).mul_int(self.unseen_pairs()))
    }

    /// Information needed to single out one mapping, in megabytes (10^6 bytes):
    /// `pairs · log2(sums)` bits.
    pub fn megabytes_per_mapping(&self) -> Enclosure {
        to_log2(&ln(self.possible_sums()).mul_int(self.input_pairs())).div_int(8_000_000)
    }
}
