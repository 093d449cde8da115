//! Does SGD get what the prior prefers? Mingard et al.'s test ("Is SGD a Bayesian sampler?
//! Well, almost"), on Boolean functions of seven bits.
//!
//! A `7-40-40-1` ReLU network, read through its sign, computes a Boolean function of seven
//! bits. Fix a simple target (the first bit) and a training set `S` of `m` of the 128
//! inputs. Two distributions over the functions the network can compute on the other
//! `128 − m` inputs (the test inputs):
//! - the *prior conditioned on the training set*, `P_B(f | S)`: draw networks from their
//!   initial distribution, keep those that fit `S` (rejection sampling, exact in the limit),
//!   and count how often each test-set function appears among them;
//! - *SGD's*, `P_SGD(f | S)`: train networks from the same initial distribution on `S` until
//!   they fit it, and count how often each test-set function appears.
//!
//! If SGD "gets what the prior prefers" — Carlsmith's point (2), with the prior as the
//! preference — the two agree function by function. Mingard et al. report that they
//! correlate closely on a log-log plot; this module measures that correlation over the
//! functions both measures find often enough to estimate.

use nets::boolean::{TruthTable, mask, table_of};
use nets::boolean_fit::{Batch, FitConfig, TrainingSet, fitted_functions};
use nets::sampler::{Shape, sample};
use nets::stats::pearson;
use nets::{Optimizer, rng};
use rand::seq::SliceRandom;
use std::collections::HashMap;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct SamplerConfig {
    /// Training inputs, the first `m` of a seeded random order of the 128 inputs.
    pub m: usize,
    /// Test inputs, the next ones in that order: functions are compared on these.
    pub test_size: usize,
    /// Networks drawn from the prior for rejection sampling.
    pub prior_samples: usize,
    /// Networks trained by SGD.
    pub sgd_runs: usize,
    /// How each network is trained.
    pub fit: FitConfig,
    /// A function enters the correlation when each measure found it at least this often.
    pub min_count: usize,
    pub threads: usize,
    pub seed: u64,
}

/// Input bits.
pub use nets::sampler::BITS;

impl Default for SamplerConfig {
    fn default() -> Self {
        SamplerConfig {
            m: 16,
            test_size: 8,
            prior_samples: 1_000_000,
            sgd_runs: 10_000,
            fit: FitConfig {
                optimizer: Optimizer::sgd(0.02, 0.0),
                batch: Batch::Shuffled(8),
                max_epochs: 2_000,
                check_every: 1,
            },
            min_count: 5,
            threads: 2,
            seed: 6,
        }
    }
}

impl SamplerConfig {
    /// A fifth of the draws; the same network, training set and question.
    pub fn test_scale() -> Self {
        SamplerConfig {
            prior_samples: 200_000,
            sgd_runs: 2_000,
            min_count: 3,
            ..Self::default()
        }
    }

    /// The seed of SGD run 0 (run `r` uses this plus `r`).
    pub fn sgd_seed(&self) -> u64 {
        self.seed.wrapping_mul(1_000_003)
    }

    /// The training inputs and the test inputs.
    pub fn split(&self) -> (Vec<usize>, Vec<usize>) {
        let mut order: Vec<usize> = (0..1 << BITS).collect();
        order.shuffle(&mut rng(self.seed));
        let test = order[self.m..self.m + self.test_size].to_vec();
        order.truncate(self.m);
        (order, test)
    }
}

/// The target: the first bit.
pub fn target() -> TruthTable {
    table_of(BITS, |i| i & 1 == 1)
}

/// One test-set function and how often each measure found it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    /// The function on the test inputs (other bits cleared).
    pub function: TruthTable,
    pub prior: usize,
    pub sgd: usize,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct SamplerResult {
    pub config: SamplerConfig,
    /// Prior draws that fit the training set.
    pub accepted: usize,
    /// SGD runs that fit the training set.
    pub fitted: usize,
    /// Every test-set function either measure found, most frequent under SGD first.
    pub found: Vec<Found>,
    /// For each of the 128 inputs, how many accepted prior draws output 1 there.
    pub prior_ones: Vec<usize>,
    /// For each input, how many fitted SGD runs output 1 there.
    pub sgd_ones: Vec<usize>,
}

impl SamplerResult {
    /// `(P_B, P_SGD)` of the functions each measure found at least `min_count` times.
    pub fn common(&self) -> Vec<(f64, f64)> {
        let k = self.config.min_count;
        self.found
            .iter()
            .filter(|f| f.prior >= k && f.sgd >= k)
            .map(|f| {
                (
                    f.prior as f64 / self.accepted as f64,
                    f.sgd as f64 / self.fitted as f64,
                )
            })
            .collect()
    }

    /// Pearson correlation of `log10 P_B` and `log10 P_SGD` over [`SamplerResult::common`].
    pub fn log_correlation(&self) -> f64 {
        let pts: Vec<(f64, f64)> = self
            .common()
            .into_iter()
            .map(|(a, b)| (a.log10(), b.log10()))
            .collect();
        pearson(&pts)
    }

    /// The same correlation with the pairing shuffled: each function's prior probability set
    /// beside another function's SGD frequency, by a seeded permutation — what the
    /// correlation is when SGD's frequencies have nothing to do with the prior's.
    pub fn shuffled_log_correlation(&self, seed: u64) -> f64 {
        let common = self.common();
        let mut sgd: Vec<f64> = common.iter().map(|p| p.1).collect();
        sgd.shuffle(&mut rng(seed));
        let pts: Vec<(f64, f64)> = common
            .iter()
            .zip(&sgd)
            .map(|(a, &b)| (a.0.log10(), b.log10()))
            .collect();
        pearson(&pts)
    }

    /// Share of SGD runs whose function is among [`SamplerResult::common`]: how much of what
    /// SGD does the correlation speaks for.
    pub fn sgd_share_in_common(&self) -> f64 {
        self.common().iter().map(|p| p.1).sum()
    }

    /// Share of SGD runs that land on the function the prior finds most often.
    pub fn sgd_share_of_prior_mode(&self) -> f64 {
        self.found
            .iter()
            .max_by_key(|f| (f.prior, std::cmp::Reverse(f.function)))
            .map_or(0.0, |f| f.sgd as f64 / self.fitted.max(1) as f64)
    }

    /// The prior's probability of the same function.
    pub fn prior_share_of_prior_mode(&self) -> f64 {
        self.found
            .iter()
            .map(|f| f.prior)
            .max()
            .map_or(0.0, |c| c as f64 / self.accepted.max(1) as f64)
    }
}

/// Runs both measures.
pub fn run(cfg: &SamplerConfig) -> SamplerResult {
    let spec = nets::sampler::two_hidden_spec();
    let (train, test) = cfg.split();
    let on_train = mask(&train);
    let on_test = mask(&test);
    let target = target();
    let mut counts: HashMap<TruthTable, (usize, usize)> = HashMap::new();
    let prior = sample(Shape::TwoHidden, cfg.prior_samples, cfg.seed, cfg.threads);
    let mut accepted = 0;
    let mut prior_ones = vec![0; 1 << BITS];
    let mut sgd_ones = vec![0; 1 << BITS];
    let tally = |ones: &mut [usize], f: TruthTable| {
        for (i, n) in ones.iter_mut().enumerate() {
            *n += ((f >> i) & 1) as usize;
        }
    };
    for f in prior.into_iter().filter(|f| (f ^ target) & on_train == 0) {
        accepted += 1;
        tally(&mut prior_ones, f);
        counts.entry(f & on_test).or_default().0 += 1;
    }
    let set = TrainingSet {
        n: BITS,
        inputs: &train,
        target,
    };
    let sgd_seed = cfg.sgd_seed();
    let trained = fitted_functions(&spec, set, &cfg.fit, cfg.sgd_runs, sgd_seed, cfg.threads);
    let mut fitted = 0;
    for f in trained.into_iter().flatten() {
        fitted += 1;
        tally(&mut sgd_ones, f);
        counts.entry(f & on_test).or_default().1 += 1;
    }
    let mut found: Vec<Found> = counts
        .into_iter()
        .map(|(function, (prior, sgd))| Found {
            function,
            prior,
            sgd,
        })
        .collect();
    found.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.sgd),
            std::cmp::Reverse(f.prior),
            f.function,
        )
    });
    SamplerResult {
        config: cfg.clone(),
        accepted,
        fitted,
        found,
        prior_ones,
        sgd_ones,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_and_test_inputs_are_disjoint() {
        let (train, test) = SamplerConfig::default().split();
        assert_eq!(train.len(), 16);
        assert_eq!(test.len(), 8);
        assert_eq!(mask(&train) & mask(&test), 0);
    }
}
