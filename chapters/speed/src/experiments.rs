//! The chapter's experiments, run together at one scale.
//!
//! The arithmetic of the chapter (bits of selection, update counts, the speed cost) is
//! instant; only the networks take time. Each experiment seeds its own generators and
//! splits its work over threads in a way that does not change its result, so the numbers do
//! not depend on the number of threads. One run's results feed the claims and the figures
//! ([`chapter::Chapter`]).

use crate::bayesian_sampler::{self, SamplerConfig, SamplerResult};
use crate::extra_reasoning::{self, ReasoningConfig, ReasoningResult};
use crate::sgd_temperature::{self, TemperatureConfig, TemperatureResult};
use ledger::timed;

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub sampler: SamplerConfig,
    pub reasoning: ReasoningConfig,
    /// Runs on the sampler's network and training set, and reads its prior draws.
    pub temperature: TemperatureConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            sampler: SamplerConfig::default(),
            reasoning: ReasoningConfig::default(),
            temperature: TemperatureConfig::default(),
        }
    }

    /// The papers' scale for Mingard et al.'s comparison: 10^8 prior draws and 10^5 SGD
    /// runs, the orders of their samples (the book does not check their counts); the other
    /// experiments at the book's scale.
    pub fn paper() -> Self {
        let mut scale = Self::book();
        scale.sampler.prior_samples = 100_000_000;
        scale.sampler.sgd_runs = 100_000;
        scale
    }

    /// The scale `cargo test` runs: fewer draws and widths, the same questions.
    pub fn test() -> Self {
        Scale {
            sampler: SamplerConfig::test_scale(),
            reasoning: ReasoningConfig::test_scale(),
            temperature: TemperatureConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub sampler: SamplerResult,
    pub reasoning: ReasoningResult,
    pub temperature: TemperatureResult,
    pub timings: Vec<(&'static str, f64)>,
}

/// Runs the experiments, one after the other (each uses the threads its config gives it).
pub fn run(scale: &Scale) -> Results {
    let (sampler, t_sampler) = timed("bayesian_sampler", || bayesian_sampler::run(&scale.sampler));
    // The contested inputs are chosen from the sampler's draws: a shard, holding its slice of
    // them, would choose others.
    let (temperature, t_temperature) = timed("sgd_temperature", || {
        nets::shard::dependent(|| sgd_temperature::run(&scale.temperature, &sampler))
    });
    let (reasoning, t_reasoning) =
        timed("extra_reasoning", || extra_reasoning::run(&scale.reasoning));
    Results {
        sampler,
        reasoning,
        temperature,
        timings: vec![t_sampler, t_temperature, t_reasoning],
    }
}
