//! The chapter's experiments, run together at one scale.
//!
//! Every experiment draws from its own seeded generators; the samplers split their work in
//! fixed chunks, so the results do not depend on the number of threads. One run's results
//! feed the claims and the figures ([`chapter::Chapter`]).

use crate::bias::{self, BiasConfig, BiasResult, UniformResult};
use crate::goal_capacity::{self, GoalCapacityConfig, GoalCapacityResult};
use crate::parody::{self, ParodyConfig, ParodyResult};
use crate::residual::{self, ResidualConfig, ResidualResult};
use crate::spectral::{self, SpectralConfig, SpectralResult};
use ledger::{Timing, timed};

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub bias: BiasConfig,
    /// Perceptrons drawn for Mingard et al.'s check.
    pub perceptrons: usize,
    pub residual: ResidualConfig,
    pub spectral: SpectralConfig,
    pub parody: ParodyConfig,
    pub goal_capacity: GoalCapacityConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            bias: BiasConfig::default(),
            perceptrons: 1_000_000,
            residual: ResidualConfig::default(),
            spectral: SpectralConfig::default(),
            parody: ParodyConfig::default(),
            goal_capacity: GoalCapacityConfig::default(),
        }
    }

    /// The papers' scale: the parameter-function map sampled 10^8 times, the order of
    /// Valle-Pérez et al.'s own samples (the book does not check their count); the other
    /// experiments at the book's scale.
    pub fn paper() -> Self {
        let mut scale = Self::book();
        scale.bias.samples = 100_000_000;
        scale
    }

    /// The scale `cargo test` runs: fewer networks and steps, the same questions.
    pub fn test() -> Self {
        Scale {
            bias: BiasConfig::test_scale(),
            perceptrons: 100_000,
            residual: ResidualConfig::test_scale(),
            spectral: SpectralConfig::test_scale(),
            parody: ParodyConfig::test_scale(),
            goal_capacity: GoalCapacityConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub bias: BiasResult,
    /// How many perceptrons mapped 0, 1, …, 128 inputs to 1.
    pub perceptron_ones: Vec<u64>,
    /// The bias statistics for as many functions drawn uniformly (indifference over
    /// functions), and how many of as many uniform functions as perceptrons map 0, 1, …, 128
    /// inputs to 1: the rivals of the bias claims.
    pub uniform: UniformResult,
    pub uniform_ones: Vec<u64>,
    pub residual: ResidualResult,
    pub spectral: SpectralResult,
    pub parody: ParodyResult,
    pub goal_capacity: GoalCapacityResult,
    pub timings: Vec<Timing>,
}

/// Runs every experiment: the samplers on their own threads, then the residual networks
/// (single-threaded, seeded), the two spectral-bias runs (one thread each) and the parody's
/// trained networks (on the samplers' threads), then the goal-capacity networks (on as
/// many).
pub fn run(scale: &Scale) -> Results {
    let (bias, t_bias) = timed("parameter-function bias", || bias::run(&scale.bias));
    let (perceptron_ones, t_perceptron) = timed("perceptron", || {
        bias::perceptron_ones(scale.perceptrons, scale.bias.seed, scale.bias.threads)
    });
    let (uniform, t_uniform) = timed("uniform functions", || {
        let seed = scale.bias.seed + 1;
        (
            bias::uniform(scale.bias.samples, seed),
            bias::uniform_ones(scale.perceptrons, seed + 1),
        )
    });
    let (uniform, uniform_ones) = uniform;
    let (residual, t_residual) = timed("residual", || residual::run(&scale.residual));
    let (spectral, t_spectral) = timed("spectral bias", || spectral::run(&scale.spectral));
    let (parody, t_parody) = timed("parody", || parody::run(&scale.parody));
    let (goal_capacity, t_goal_capacity) =
        timed("goal capacity", || goal_capacity::run(&scale.goal_capacity));
    Results {
        bias,
        perceptron_ones,
        uniform,
        uniform_ones,
        residual,
        spectral,
        parody,
        goal_capacity,
        timings: vec![
            t_bias,
            t_perceptron,
            t_uniform,
            t_residual,
            t_spectral,
            t_parody,
            t_goal_capacity,
        ],
    }
}
