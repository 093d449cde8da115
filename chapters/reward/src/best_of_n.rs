//! Best-of-N as a Bayesian update, and how far it can move from the prior.
//!
//! Drawing `N` outcomes from a prior and keeping the one a scorer ranks highest gives a
//! distribution `π0(x)·L(x)` whose likelihood `L` depends on `x` only through its rank: for
//! continuous scores, `L = N·F(s(x))^{N−1}` with `F` the scores' distribution function. Its
//! divergence from the prior is then `log N − (N−1)/N` whatever the prior and the scorer
//! (Beirami et al. 2024); for discrete outcomes it is an upper bound, and the divergence is
//! bounded by the surprise of the single best outcome however large `N` grows.
//!
//! The chapter checks the formula without using the density ratio it rests on, in two ways:
//! exactly, over many equally likely outcomes, from the probabilities of the maximum alone
//! (`P(max = k) = F_k^N − F_{k−1}^N`, which only needs the draws to be independent); and by
//! sampling, drawing `N` continuous scores, keeping the largest, and estimating the
//! divergence from a fine histogram of the kept scores against the base's exact bin masses.

use rand_distr::{Distribution, Exp1};

/// `KL(best-of-N ‖ base) = log N − (N−1)/N` in nats, for continuous scores without ties.
pub fn kl_formula(n: u64) -> f64 {
    let n = n as f64;
    n.ln() - (n - 1.0) / n
}

/// The naive reading of best-of-N as keeping the top `1/N` of the base (a density ratio of
/// `N` there and zero elsewhere): `log N` nats, the bits of selection in nats.
pub fn kl_top_quantile(n: u64) -> f64 {
    (n as f64).ln()
}

/// A Monte Carlo estimate, its standard error, and the small-sample correction it includes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub standard_error: f64,
    /// The Miller–Madow correction subtracted from the plug-in estimate, `(B − 1)/(2n)` for
    /// `B` occupied bins and `n` samples; the criterion allows this much again as bias.
    pub bias_correction: f64,
}

/// `KL(best-of-N ‖ base)` estimated from sampled maxima, with no formula for their density:
/// `samples` times, draw `N` scores from a standard exponential and keep the largest; bin the
/// kept scores in bins of `width`; and return the plug-in divergence `Σ p̂_b log(p̂_b/q_b)`,
/// with `q_b` the base's exact mass in bin `b`, less the Miller–Madow correction. The standard
/// error is the delta method's, `sd(log(p̂/q))/√samples`.
pub fn kl_histogram(n: u64, samples: usize, width: f64, r: &mut impl rand::Rng) -> Estimate {
    let bins: Vec<usize> = (0..samples)
        .map(|_| {
            let best = (0..n)
                .map(|_| Exp1.sample(r))
                .fold(f64::NEG_INFINITY, f64::max);
            (best / width).floor() as usize
        })
        .collect();
    let mut counts = vec![0usize; bins.iter().max().map_or(0, |b| b + 1)];
    for &b in &bins {
        counts[b] += 1;
    }
    let m = samples as f64;
    // The base's mass in [b·w, (b+1)·w) is e^{−b·w}·(1 − e^{−w}).
    let log_mass_in_first = (-(-width).exp_m1()).ln();
    let log_ratio = |b: usize| (counts[b] as f64 / m).ln() - (log_mass_in_first - b as f64 * width);
    let logs: Vec<f64> = bins.iter().map(|&b| log_ratio(b)).collect();
    let (plug_in, standard_error) = nets::stats::mean_se(&logs);
    let occupied = counts.iter().filter(|c| **c > 0).count() as f64;
    let bias_correction = (occupied - 1.0) / (2.0 * m);
    Estimate {
        mean: plug_in - bias_correction,
        standard_error,
        bias_correction,
    }
}

/// `KL(best-of-N ‖ base)` exactly over `m` equally likely outcomes with distinct scores, from
/// the probabilities of the maximum alone: outcome `k` (in order of score) is the best of `N`
/// with probability `(k/m)^N − ((k−1)/m)^N`. As `m` grows this tends to the continuous value
/// from below.
pub fn kl_equiprobable(n: u64, m: u64) -> f64 {
    let (nf, mf) = (n as f64, m as f64);
    (1..=m)
        .map(|k| {
            let kf = k as f64;
            // (k/m)^N · (1 − ((k−1)/k)^N), in a form that keeps its digits for every k and N.
            let p = (nf * (kf / mf).ln()).exp() * -(nf * (-1.0 / kf).ln_1p()).exp_m1();
            if p > 0.0 { p * (p * mf).ln() } else { 0.0 }
        })
        .sum()
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
    /// Sampled maxima of N continuous scores, at each N, and the histogram's bin width.
    pub samples: usize,
    pub bin_width: f64,
    /// Equally likely outcomes of the exact discrete check of the continuous formula.
    pub outcomes: u64,
}

impl Default for BestOfNConfig {
    fn default() -> Self {
        BestOfNConfig {
            seed: 23,
            ns: vec![2, 4, 16, 64, 256, 1024, 4096, 16384],
            samples: 5000,
            bin_width: 0.05,
            outcomes: 1 << 20,
        }
    }
}

impl BestOfNConfig {
    pub fn test_scale() -> Self {
        BestOfNConfig {
            samples: 2000,
            ..Self::default()
        }
    }
}

/// One N: the formula, the two computations that do not use it, and the exact value over
/// the chapter's eight discrete outcomes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KlPoint {
    pub n: u64,
    pub formula: f64,
    /// The histogram estimate from sampled maxima of continuous scores.
    pub monte_carlo: Estimate,
    /// The exact divergence over `outcomes` equally likely outcomes.
    pub equiprobable: f64,
    pub discrete: f64,
}

impl KlPoint {
    /// How many standard errors the sampled estimate is from the formula.
    pub fn z(&self) -> f64 {
        (self.monte_carlo.mean - self.formula) / self.monte_carlo.standard_error
    }
}

/// How far a candidate value for the divergence at each N may sit from the computations.
pub const Z_AGREE: f64 = 4.0;

/// The exact equiprobable divergence must lie below the candidate (it is a discrete
/// distribution) and within this many nats of it.
pub const DISCRETE_GAP: f64 = 1e-4;

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

    /// The largest gap between the formula and the exact equiprobable divergence.
    pub fn worst_equiprobable_gap(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.formula - p.equiprobable)
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// Whether `candidate` (one value per N, in the grid's order) agrees with both
    /// computations at every N: the exact equiprobable divergence is below it by at most
    /// [`DISCRETE_GAP`], and the sampled estimate is within [`Z_AGREE`] standard errors plus
    /// its small-sample correction.
    pub fn agrees(&self, candidate: &[f64]) -> bool {
        self.points.iter().zip(candidate).all(|(p, &c)| {
            let gap = c - p.equiprobable;
            let e = p.monte_carlo;
            (0.0..=DISCRETE_GAP).contains(&gap)
                && (e.mean - c).abs() <= Z_AGREE * e.standard_error + e.bias_correction
        }) && candidate.len() == self.points.len()
    }

    /// Whether the discrete KL is strictly below the formula at every N.
    pub fn discrete_below(&self) -> bool {
        self.points.iter().all(|p| p.discrete < p.formula)
    }
}

/// Runs both checks at every N (each N's samples from its own seeded stream), and the
/// discrete case on the RL-as-inference example's prior and rewards.
pub fn run(cfg: &BestOfNConfig) -> BestOfNResult {
    let problem =
        crate::inference::Problem::example(crate::inference::InferenceConfig::default().seed);
    let points = cfg
        .ns
        .iter()
        .map(|&n| KlPoint {
            n,
            formula: kl_formula(n),
            monte_carlo: kl_histogram(n, cfg.samples, cfg.bin_width, &mut nets::rng(cfg.seed ^ n)),
            equiprobable: kl_equiprobable(n, cfg.outcomes),
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

    /// The equiprobable computation is the general discrete one on a uniform prior.
    #[test]
    fn equiprobable_matches_the_general_discrete_computation() {
        let m = 50;
        let prior = vec![1.0 / m as f64; m];
        let scores: Vec<f64> = (0..m).map(|k| k as f64).collect();
        for n in [1, 2, 7, 100] {
            let a = kl_equiprobable(n, m as u64);
            let b = kl_discrete(&prior, &scores, n);
            assert!((a - b).abs() < 1e-12, "n = {n}: {a} vs {b}");
        }
        assert!(kl_equiprobable(1, 1000).abs() < 1e-12);
    }

    /// The sampled estimate finds the divergence of a case known in closed form without the
    /// best-of-N formula: N = 1, where the kept score is the base itself.
    #[test]
    fn the_histogram_finds_no_divergence_for_best_of_one() {
        let e = kl_histogram(1, 20_000, 0.05, &mut nets::rng(5));
        assert!(e.mean.abs() < 0.02, "{e:?}");
    }
}
