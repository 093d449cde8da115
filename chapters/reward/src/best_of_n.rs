//! Best-of-N as a Bayesian update, and how far it can move from the prior.
//!
//! Drawing `N` outcomes from a prior and keeping the one a scorer ranks highest gives a
//! distribution `π0(x)·L(x)` whose likelihood `L` depends on `x` only through its rank: for
//! continuous scores, `L = N·F(s(x))^{N−1}` with `F` the scores' distribution function. Its
//! divergence from the prior is then `log N − (N−1)/N` whatever the prior and the scorer
//! (Beirami et al. 2024); for discrete outcomes it is strictly smaller, and bounded by the
//! surprise of the single best outcome however large `N` grows.

use rand_distr::{Distribution, Exp1};

/// `KL(best-of-N ‖ base) = log N − (N−1)/N` in nats, for continuous scores without ties.
pub fn kl_formula(n: u64) -> f64 {
    let n = n as f64;
    n.ln() - (n - 1.0) / n
}

/// A Monte Carlo estimate and its standard error.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub standard_error: f64,
}

/// `KL(best-of-N ‖ base)` by Monte Carlo: `samples` times, draw `N` scores from a continuous
/// base (standard exponential), keep the largest `x`, and average the log density ratio
/// `log(N·F(x)^{N−1})` over the kept ones.
pub fn kl_monte_carlo(n: u64, samples: usize, r: &mut impl rand::Rng) -> Estimate {
    let logs: Vec<f64> = (0..samples)
        .map(|_| {
            let best = (0..n)
                .map(|_| Exp1.sample(r))
                .fold(f64::NEG_INFINITY, f64::max);
            // F(x) = 1 − e^{−x}, so log F = ln_1p(−e^{−x}), accurate in the far tail.
            (n as f64).ln() + (n as f64 - 1.0) * (-(-best).exp()).ln_1p()
        })
        .collect();
    let m = samples as f64;
    let mean = logs.iter().sum::<f64>() / m;
    let var = logs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (m - 1.0);
    Estimate {
        mean,
        standard_error: (var / m).sqrt(),
    }
}

/// The exact best-of-N distribution over a finite set of outcomes with distinct scores:
/// with outcomes sorted by score and `F_k` the prior mass up to and including the `k`-th,
/// outcome `k` is chosen with probability `F_k^N − F_{k−1}^N`.
pub fn best_of_n_discrete(prior: &[f64], scores: &[f64], n: u64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..prior.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut out = vec![0.0; prior.len()];
    let mut below = 0.0f64;
    for k in order {
        let upto = below + prior[k];
        out[k] = upto.powf(n as f64) - below.powf(n as f64);
        below = upto;
    }
    out
}

/// `KL(best-of-N ‖ prior)` exactly, on a finite set of outcomes.
pub fn kl_discrete(prior: &[f64], scores: &[f64], n: u64) -> f64 {
    crate::distribution::kl(&best_of_n_discrete(prior, scores, n), prior)
}

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct BestOfNConfig {
    pub seed: u64,
    pub ns: Vec<u64>,
    /// Monte Carlo draws of the best of N, at each N.
    pub samples: usize,
}

impl Default for BestOfNConfig {
    fn default() -> Self {
        BestOfNConfig {
            seed: 23,
            ns: vec![2, 4, 16, 64, 256, 1024, 4096, 16384],
            samples: 2000,
        }
    }
}

impl BestOfNConfig {
    pub fn test_scale() -> Self {
        BestOfNConfig {
            samples: 300,
            ..Self::default()
        }
    }
}

/// One N: the formula, the Monte Carlo estimate, and the exact discrete value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlPoint {
    pub n: u64,
    pub formula: f64,
    pub monte_carlo: Estimate,
    pub discrete: f64,
}

impl KlPoint {
    /// How many standard errors the estimate is from the formula.
    pub fn z(&self) -> f64 {
        (self.monte_carlo.mean - self.formula) / self.monte_carlo.standard_error
    }
}

#[derive(Clone, Debug)]
pub struct BestOfNResult {
    pub config: BestOfNConfig,
    pub points: Vec<KlPoint>,
    /// The discrete example's ceiling: `−log π0(best outcome)`.
    pub discrete_ceiling: f64,
}

impl BestOfNResult {
    /// The largest |z| over the N grid.
    pub fn worst_z(&self) -> f64 {
        self.points.iter().map(|p| p.z().abs()).fold(0.0, f64::max)
    }

    /// Whether the discrete KL is strictly below the formula at every N.
    pub fn discrete_below(&self) -> bool {
        self.points.iter().all(|p| p.discrete < p.formula)
    }
}

/// Runs the Monte Carlo at every N (each N from its own seeded stream), and the discrete
/// case on the RL-as-inference example's prior and rewards.
pub fn run(cfg: &BestOfNConfig) -> BestOfNResult {
    let problem =
        crate::inference::Problem::example(crate::inference::InferenceConfig::default().seed);
    let points = cfg
        .ns
        .iter()
        .map(|&n| KlPoint {
            n,
            formula: kl_formula(n),
            monte_carlo: kl_monte_carlo(n, cfg.samples, &mut nets::rng(cfg.seed ^ n)),
            discrete: kl_discrete(&problem.prior, &problem.reward, n),
        })
        .collect();
    BestOfNResult {
        config: cfg.clone(),
        points,
        discrete_ceiling: -problem.prior[problem.best()].ln(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_gives_the_published_values() {
        for (n, nats) in [
            (2, 0.193),
            (4, 0.636),
            (16, 1.835),
            (64, 3.175),
            (1024, 5.932),
        ] {
            assert!((kl_formula(n) - nats).abs() < 5e-4, "n = {n}");
        }
    }

    #[test]
    fn best_of_one_is_the_prior_and_discrete_best_of_n_sums_to_one() {
        let prior = [0.5, 0.3, 0.2];
        let scores = [0.1, 0.7, 0.3];
        let one = best_of_n_discrete(&prior, &scores, 1);
        assert!(crate::distribution::max_abs_diff(&one, &prior) < 1e-15);
        let p = best_of_n_discrete(&prior, &scores, 5);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-15);
        assert!((p[1] - (1.0 - 0.7f64.powi(5))).abs() < 1e-15);
    }
}
