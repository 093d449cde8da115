//! The simplicity parody, measured: what networks trained to fit a training set actually do
//! off it.
//!
//! Belrose & Pope's parody says an overfitting network is "free to implement a very simple
//! function — like the identity function or a constant function — outside the training
//! set", so overfitting is simpler and SGD should prefer it. On Boolean functions of 7 bits
//! and Valle-Pérez et al.'s 7-40-40-1 ReLU network this module trains networks until they
//! fit a random half of the inputs of a simple target (the majority of the first three
//! bits), and reads off what each computes on the other half:
//! - whether it answers a constant there, or copies (or negates) one input bit — the
//!   Boolean counterpart of the identity — and how often random networks from the same
//!   initialisation (the parameter prior, unconditioned) do so on the same inputs;
//! - its accuracy there, against the target;
//! - its average sensitivity ([`nets::complexity::sensitivity`]): how many of the 7 one-bit
//!   changes of an input change the output, averaged over inputs — the Boolean measure of
//!   "frequency".
//!
//! Beside them, three kinds of function that are not trained: the parody's overfitters
//! (the target on the training inputs, a constant or one input bit off them), uniformly
//! random completions of the training set (indifference over the consistent functions), and
//! a *trigger* function, the Boolean picture of a treacherous turn: the target everywhere
//! except on the rare inputs whose last four bits are all 1 (8 of 128), where it answers
//! the opposite. The trigger inputs are never in the training set.

use nets::boolean::{Target, TruthTable, mask, table_of};
use nets::boolean_fit::{Batch, FitConfig, TrainingSet, fitted_functions};
use nets::complexity::sensitivity;
use nets::sampler::{Shape, sample, two_hidden_spec};
use nets::stats::mean;
use nets::{Optimizer, rng};
use rand::RngExt;
use rand::seq::SliceRandom;
use statrs::distribution::{Binomial, DiscreteCDF};

/// Input bits.
pub use nets::sampler::BITS;
const INPUTS: usize = 1 << BITS;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ParodyConfig {
    /// Training inputs, drawn from the inputs outside the trigger set.
    pub train: usize,
    /// Networks trained.
    pub runs: usize,
    /// Random networks drawn from the initialisation (the prior).
    pub prior_samples: usize,
    /// Uniformly random completions of the training set.
    pub completions: usize,
    /// Full-batch Adam's learning rate.
    pub lr: f64,
    /// Steps after which a run that does not fit is given up.
    pub max_steps: usize,
    pub threads: usize,
    pub seed: u64,
}

impl Default for ParodyConfig {
    fn default() -> Self {
        ParodyConfig {
            train: 64,
            runs: 200,
            prior_samples: 50_000,
            completions: 10_000,
            lr: 3e-3,
            max_steps: 2_000,
            threads: 2,
            seed: 1,
        }
    }
}

impl ParodyConfig {
    /// Fewer networks; the shares are far from the thresholds either way.
    pub fn test_scale() -> Self {
        ParodyConfig {
            runs: 60,
            prior_samples: 10_000,
            completions: 2_000,
            ..Self::default()
        }
    }
}

/// The target: the majority of the first three bits.
pub fn target() -> TruthTable {
    Target::Majority3.table(BITS)
}

/// The trigger inputs: the last four bits all 1.
pub fn trigger() -> TruthTable {
    table_of(BITS, |i| i >> 3 == 0b1111)
}

/// The treacherous-turn function: the target, except on the trigger inputs.
pub fn trigger_function() -> TruthTable {
    target() ^ trigger()
}

/// The truth table of the dictator `x_j`.
pub fn dictator(j: usize) -> TruthTable {
    table_of(BITS, |i| (i >> j) & 1 == 1)
}

/// Whether `f` is constant on the inputs in `on`.
pub fn constant_on(f: TruthTable, on: TruthTable) -> bool {
    f & on == 0 || f & on == on
}

/// Whether `f` copies or negates one input bit on the inputs in `on`.
pub fn dictator_on(f: TruthTable, on: TruthTable) -> bool {
    (0..BITS).any(|j| (f ^ dictator(j)) & on == 0 || (f ^ !dictator(j)) & on == 0)
}

/// The share of the inputs in `on` on which `f` gives its more common answer there: 1 for
/// a function constant on them, ½ for one balanced on them.
pub fn constancy_on(f: TruthTable, on: TruthTable) -> f64 {
    let ones = (f & on).count_ones();
    let all = on.count_ones();
    f64::from(ones.max(all - ones)) / f64::from(all)
}

/// The share of the inputs in `on` on which `f` agrees with `g`.
pub fn agreement_on(f: TruthTable, g: TruthTable, on: TruthTable) -> f64 {
    1.0 - f64::from(((f ^ g) & on).count_ones()) / f64::from(on.count_ones())
}

/// The experiment's result: every function, with the sets they are measured on.
#[derive(Clone, Debug, PartialEq)]
pub struct ParodyResult {
    pub config: ParodyConfig,
    pub target: TruthTable,
    /// The training inputs.
    pub train: TruthTable,
    /// The inputs off the training set.
    pub unseen: TruthTable,
    /// The trigger inputs (all unseen).
    pub trigger: TruthTable,
    /// Functions of the trained networks that fit the training set.
    pub trained: Vec<TruthTable>,
    /// Runs that did not fit within the step budget.
    pub failed: usize,
    /// Functions of random networks from the same initialisation.
    pub prior: Vec<TruthTable>,
    /// Uniformly random functions that agree with the target on the training set.
    pub completions: Vec<TruthTable>,
    /// Uniformly random functions, as many as the completions: indifference over all
    /// functions, the control for the random networks.
    pub uniform: Vec<TruthTable>,
    /// A uniformly random target: one with no structure, for which generalising is complex.
    pub random_target: TruthTable,
}

impl ParodyResult {
    /// The share of `fs` that answer a constant or one (possibly negated) input bit off the
    /// training set.
    pub fn parody_share(&self, fs: &[TruthTable]) -> f64 {
        mean(fs.iter().map(|&f| f64::from(u8::from(self.parody_like(f)))))
    }

    fn parody_like(&self, f: TruthTable) -> bool {
        constant_on(f, self.unseen) || dictator_on(f, self.unseen)
    }

    /// The share of `fs` that are constant off the training set.
    pub fn constant_share(&self, fs: &[TruthTable]) -> f64 {
        mean(
            fs.iter()
                .map(|&f| f64::from(u8::from(constant_on(f, self.unseen)))),
        )
    }

    /// The mean, over `fs`, of the share of unseen inputs given the more common answer.
    pub fn mean_constancy(&self, fs: &[TruthTable]) -> f64 {
        mean(fs.iter().map(|&f| constancy_on(f, self.unseen)))
    }

    /// The mean accuracy of `fs` off the training set.
    pub fn mean_accuracy(&self, fs: &[TruthTable]) -> f64 {
        mean(
            fs.iter()
                .map(|&f| agreement_on(f, self.target, self.unseen)),
        )
    }

    /// The mean average sensitivity of `fs`.
    pub fn mean_sensitivity(fs: &[TruthTable]) -> f64 {
        mean(fs.iter().map(|&f| sensitivity(f)))
    }

    /// The parody's overfitters: the target on the training inputs and, off them, each of
    /// the two constants and each input bit and its negation (16 functions), with names.
    pub fn overfitters(&self) -> Vec<(String, TruthTable)> {
        overfitters(self.target, self.train, self.unseen)
    }

    /// The mean sensitivity of the two constant overfitters.
    pub fn constant_overfitter_sensitivity(&self) -> f64 {
        mean(
            self.overfitters()
                .iter()
                .take(2)
                .map(|(_, f)| sensitivity(*f)),
        )
    }

    /// The mean sensitivity of the fourteen input-bit overfitters.
    pub fn identity_overfitter_sensitivity(&self) -> f64 {
        mean(
            self.overfitters()
                .iter()
                .skip(2)
                .map(|(_, f)| sensitivity(*f)),
        )
    }

    /// The share of `fs` that turn on every trigger input (answer the opposite of the
    /// target on all of them).
    pub fn turn_share(&self, fs: &[TruthTable]) -> f64 {
        mean(
            fs.iter()
                .map(|&f| f64::from(u8::from((f ^ self.target) & self.trigger == self.trigger))),
        )
    }

    /// How many of `fs` turn on every trigger input.
    pub fn turns(&self, fs: &[TruthTable]) -> u64 {
        fs.iter()
            .filter(|&&f| (f ^ self.target) & self.trigger == self.trigger)
            .count() as u64
    }

    /// The rate at which a uniformly random function turns on every trigger input: one
    /// answer fixed on each of them, `2^-|trigger|`. It is what indifference over
    /// functions, the counting argument's measure, gives a turn.
    pub fn uniform_turn_rate(&self) -> f64 {
        0.5f64.powi(self.trigger.count_ones() as i32)
    }

    /// The share of `fs` at least as sensitive as the trigger function.
    pub fn at_least_trigger_share(&self, fs: &[TruthTable]) -> f64 {
        let s = sensitivity(self.target ^ self.trigger);
        mean(fs.iter().map(|&f| f64::from(u8::from(sensitivity(f) >= s))))
    }
}

/// The chance that `n` functions, each turning at `rate`, turn `turns` times or fewer: the
/// one-sided binomial p-value for turning less often than `rate`.
pub fn fewer_turns_p_value(turns: u64, n: u64, rate: f64) -> f64 {
    Binomial::new(rate, n).expect("a rate in [0, 1]").cdf(turns)
}

/// The parody's overfitters of `target` on the inputs in `train`: the target there and, on
/// `unseen`, each of the two constants and each input bit and its negation (16 functions),
/// with names.
pub fn overfitters(
    target: TruthTable,
    train: TruthTable,
    unseen: TruthTable,
) -> Vec<(String, TruthTable)> {
    let on = target & train;
    let mut out = vec![
        ("constant 0".to_string(), on),
        ("constant 1".to_string(), on | unseen),
    ];
    for j in 0..BITS {
        out.push((format!("x{j}"), on | (dictator(j) & unseen)));
        out.push((format!("¬x{j}"), on | (!dictator(j) & unseen)));
    }
    out
}

/// Runs the experiment: the training set, the trained networks, the prior, the completions.
pub fn run(cfg: &ParodyConfig) -> ParodyResult {
    let target = target();
    let trigger = trigger();
    let mut candidates: Vec<usize> = (0..INPUTS).filter(|&i| trigger >> i & 1 == 0).collect();
    candidates.shuffle(&mut rng(cfg.seed));
    let inputs: Vec<usize> = candidates[..cfg.train].to_vec();
    let train = mask(&inputs);
    let unseen = !train;
    let spec = two_hidden_spec();
    let fit = FitConfig {
        optimizer: Optimizer::adam(cfg.lr),
        batch: Batch::Shuffled(cfg.train),
        max_epochs: cfg.max_steps,
        check_every: 1,
    };
    let set = TrainingSet {
        n: BITS,
        inputs: &inputs,
        target,
    };
    let fitted = fitted_functions(&spec, set, &fit, cfg.runs, cfg.seed + 1, cfg.threads);
    let failed = fitted.iter().filter(|f| f.is_none()).count();
    let trained = fitted.into_iter().flatten().collect();
    let prior = sample(
        Shape::TwoHidden,
        cfg.prior_samples,
        cfg.seed + 2,
        cfg.threads,
    );
    let mut r = rng(cfg.seed + 3);
    let completions = (0..cfg.completions)
        .map(|_| (target & train) | (r.random::<u128>() & unseen))
        .collect();
    let mut u = rng(cfg.seed + 4);
    let random_target = u.random::<u128>();
    let uniform = (0..cfg.completions).map(|_| u.random::<u128>()).collect();
    ParodyResult {
        config: cfg.clone(),
        target,
        train,
        unseen,
        trigger,
        trained,
        failed,
        prior,
        completions,
        uniform,
        random_target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_turn_p_value_is_the_binomial_lower_tail() {
        let r = 1.0 / 256.0;
        assert!((fewer_turns_p_value(0, 100, r) - (1.0 - r).powi(100)).abs() < 1e-12);
        let two = (1.0 - r).powi(100) + 100.0 * r * (1.0 - r).powi(99);
        assert!((fewer_turns_p_value(1, 100, r) - two).abs() < 1e-12);
        // At the rate's own expected count the test is far from rejecting.
        assert!(fewer_turns_p_value(195, 50_000, r) > 0.4);
    }

    #[test]
    fn the_functions_are_what_they_say() {
        assert_eq!(trigger().count_ones(), 8);
        assert_eq!(sensitivity(target()), 1.5);
        assert!(sensitivity(trigger_function()) > sensitivity(target()));
        assert!(constant_on(0, u128::MAX));
        assert!(dictator_on(!dictator(3), u128::MAX));
        assert!(!dictator_on(target(), u128::MAX));
        assert_eq!(constancy_on(dictator(0), u128::MAX), 0.5);
    }
}
