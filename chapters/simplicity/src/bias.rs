//! The bias of the parameter-function map (Valle-Pérez, Camargo & Louis).
//!
//! Draw random 7-40-40-1 networks, record the Boolean function each computes on all 128
//! inputs, and count. Under indifference over functions each of the 2^128 would have
//! probability 2^-128 and no function would ever be drawn twice; under the parameter
//! measure a few functions take a large share of the probability, and the probable ones
//! have low Lempel-Ziv complexity: `P(f) ≲ 2^(-a·K(f) - b)`.

use nets::boolean::TruthTable;
use nets::complexity::{kc_bits, kc_units};
use nets::sampler::{self, Shape};
use nets::stats::mean;
use rand::RngExt;
use statrs::distribution::{ChiSquared, ContinuousCDF};
use std::collections::BTreeMap;

/// How many networks, from which seed, on how many threads.
#[derive(Clone, Debug, PartialEq)]
pub struct BiasConfig {
    pub samples: usize,
    pub seed: u64,
    pub threads: usize,
}

impl Default for BiasConfig {
    fn default() -> Self {
        BiasConfig {
            samples: 10_000_000,
            seed: 1,
            threads: 2,
        }
    }
}

impl BiasConfig {
    /// A hundred thousand networks: the bias is already plain.
    pub fn test_scale() -> Self {
        BiasConfig {
            samples: 100_000,
            ..Self::default()
        }
    }
}

/// One frequent function.
#[derive(Clone, Debug, PartialEq)]
pub struct Frequent {
    pub table: TruthTable,
    pub count: u64,
    /// Lempel-Ziv complexity in units of 3.5 bits ([`kc_units`]).
    pub kc: u32,
}

/// What the sample shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BiasResult {
    pub config: BiasConfig,
    /// Counts of the distinct functions, most frequent first (the rank-frequency curve).
    pub counts: Vec<u64>,
    /// The most frequent functions, most frequent first.
    pub top: Vec<Frequent>,
    /// How many distinct functions had each (complexity, count): the scatter of log P(f)
    /// against K(f), with each point's multiplicity.
    pub scatter: BTreeMap<(u32, u64), u64>,
    /// The fitted upper bound `log2 P ≤ slope·K + intercept` (K in bits).
    pub bound: Bound,
    /// Wall-clock seconds the sampling took, and networks per second.
    pub seconds: f64,
}

/// A line fitted to the largest log2-probability seen at each complexity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    pub slope: f64,
    pub intercept: f64,
    /// Complexities (in units) the fit used.
    pub points: usize,
}

/// The count below which a function's frequency is mostly sampling noise: the bound is
/// fitted only where the most frequent function was seen at least this often.
pub const RELIABLE_COUNT: u64 = 10;

/// How many of the most frequent functions are listed.
pub const TOP: usize = 1_000;

/// Samples the functions and tallies them.
pub fn run(cfg: &BiasConfig) -> BiasResult {
    let start = std::time::Instant::now();
    let mut tables = sampler::sample(Shape::TwoHidden, cfg.samples, cfg.seed, cfg.threads);
    let seconds = start.elapsed().as_secs_f64();
    let distinct = tally(&mut tables);
    let kcs = complexities(&distinct, cfg.threads);
    let mut scatter = BTreeMap::new();
    for (&(count, _), &kc) in distinct.iter().zip(&kcs) {
        *scatter.entry((kc, count)).or_insert(0) += 1;
    }
    let top = distinct
        .iter()
        .zip(&kcs)
        .take(TOP)
        .map(|(&(count, table), &kc)| Frequent { table, count, kc })
        .collect();
    BiasResult {
        config: cfg.clone(),
        counts: distinct.iter().map(|d| d.0).collect(),
        top,
        bound: fit_bound(&scatter, cfg.samples as f64),
        scatter,
        seconds,
    }
}

/// The distinct functions among `tables` with their counts, most frequent first; ties in
/// table order, so the list is the same on every run.
fn tally(tables: &mut [TruthTable]) -> Vec<(u64, TruthTable)> {
    tables.sort_unstable();
    let mut distinct: Vec<(u64, TruthTable)> = Vec::new();
    for &t in tables.iter() {
        match distinct.last_mut() {
            Some((c, last)) if *last == t => *c += 1,
            _ => distinct.push((1, t)),
        }
    }
    distinct.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    distinct
}

/// Functions drawn uniformly from all `2^128` (indifference over functions), as many as
/// the networks drawn, from a seeded generator.
pub fn uniform_functions(samples: usize, seed: u64) -> Vec<TruthTable> {
    let mut r = nets::rng(seed);
    (0..samples).map(|_| r.random::<u128>()).collect()
}

/// The singletons whose complexity the uniform control averages: the first this many in
/// table order (a uniform sample of them, the tables being uniform).
pub const UNIFORM_KC_SAMPLE: usize = 100_000;

/// The bias statistics of [`BiasResult`] computed the same way on functions drawn
/// uniformly: what indifference over functions predicts for them.
#[derive(Clone, Debug, PartialEq)]
pub struct UniformResult {
    pub samples: u64,
    /// Share of the draws on the ten most frequent functions.
    pub top10_share: f64,
    /// Mean complexity (bits) of the ten most frequent functions.
    pub top10_mean_kc: f64,
    /// Mean complexity (bits) of functions drawn once (of the first [`UNIFORM_KC_SAMPLE`]).
    pub singleton_mean_kc: f64,
    /// The most draws any one function got.
    pub most_repeated: u64,
}

/// Draws `samples` uniform functions and tallies them as [`run`] tallies the networks'.
pub fn uniform(samples: usize, seed: u64) -> UniformResult {
    let mut tables = uniform_functions(samples, seed);
    let distinct = tally(&mut tables);
    let top10: Vec<&(u64, TruthTable)> = distinct.iter().take(10).collect();
    let top10_share = top10.iter().map(|d| d.0).sum::<u64>() as f64 / samples as f64;
    let top10_mean_kc = mean(top10.iter().map(|d| kc_bits(kc_units(d.1))));
    let singles: Vec<TruthTable> = distinct
        .iter()
        .filter(|d| d.0 == 1)
        .take(UNIFORM_KC_SAMPLE)
        .map(|d| d.1)
        .collect();
    let singleton_mean_kc = mean(singles.iter().map(|&t| kc_bits(kc_units(t))));
    UniformResult {
        samples: samples as u64,
        top10_share,
        top10_mean_kc,
        singleton_mean_kc,
        most_repeated: distinct.first().map_or(0, |d| d.0),
    }
}

/// How many of `samples` functions drawn uniformly map 0, 1, …, 128 inputs to 1: the
/// indifference control of [`perceptron_ones`].
pub fn uniform_ones(samples: usize, seed: u64) -> Vec<u64> {
    let mut counts = vec![0u64; 129];
    for t in uniform_functions(samples, seed) {
        counts[t.count_ones() as usize] += 1;
    }
    counts
}

/// The complexity of every distinct function, on up to `threads` threads.
fn complexities(distinct: &[(u64, TruthTable)], threads: usize) -> Vec<u32> {
    nets::par::map(distinct, threads, |&(_, t)| kc_units(t))
}

/// Least squares through `(K, max log2 P)` at each complexity where the most frequent
/// function was seen at least [`RELIABLE_COUNT`] times.
fn fit_bound(scatter: &BTreeMap<(u32, u64), u64>, samples: f64) -> Bound {
    let mut best: BTreeMap<u32, u64> = BTreeMap::new();
    for &(kc, count) in scatter.keys() {
        let b = best.entry(kc).or_insert(0);
        *b = (*b).max(count);
    }
    let points: Vec<(f64, f64)> = best
        .into_iter()
        .filter(|&(_, c)| c >= RELIABLE_COUNT)
        .map(|(kc, c)| (kc_bits(kc), (c as f64 / samples).log2()))
        .collect();
    let line = nets::stats::line_fit(&points);
    Bound {
        slope: line.slope,
        intercept: line.intercept,
        points: points.len(),
    }
}

impl BiasResult {
    pub fn samples(&self) -> u64 {
        self.config.samples as u64
    }

    /// Networks sampled per second.
    pub fn rate(&self) -> f64 {
        self.config.samples as f64 / self.seconds
    }

    /// Share of all draws that fell on the `k` most frequent functions.
    pub fn top_share(&self, k: usize) -> f64 {
        self.counts.iter().take(k).sum::<u64>() as f64 / self.samples() as f64
    }

    /// Share of the draws on the `k` most frequent functions, over the share `k / 2^128`
    /// that indifference over functions gives them: log10 of the factor.
    pub fn log10_top_excess(&self, k: usize) -> f64 {
        self.top_share(k).log10() - (k as f64).log10() + 128.0 * 2f64.log10()
    }

    /// Mean complexity (bits) of the `k` most frequent functions.
    pub fn top_mean_kc(&self, k: usize) -> f64 {
        mean(self.top.iter().take(k).map(|f| kc_bits(f.kc)))
    }

    /// Mean complexity (bits) of the functions drawn once: the typical draw.
    pub fn singleton_mean_kc(&self) -> f64 {
        let (sum, n) = self
            .scatter
            .iter()
            .filter(|((_, count), _)| *count == 1)
            .fold((0.0, 0u64), |(s, n), (&(kc, _), &m)| {
                (s + kc_bits(kc) * m as f64, n + m)
            });
        sum / n as f64
    }

    pub fn distinct(&self) -> usize {
        self.counts.len()
    }
}

/// Mingard et al.'s sharp check: for a perceptron without bias, the number of the 128
/// inputs it maps to 1 is uniform on 0..=127 (the all-zero input always gives 0). Returns
/// the counts of each number of ones.
pub fn perceptron_ones(samples: usize, seed: u64, threads: usize) -> Vec<u64> {
    let tables = sampler::sample(Shape::PerceptronNoBias, samples, seed, threads);
    let mut counts = vec![0u64; 129];
    for t in tables {
        counts[t.count_ones() as usize] += 1;
    }
    counts
}

/// Pearson's χ² of the counts of 0..=127 ones against the uniform, with 127 degrees of
/// freedom, and the count of tables with 128 ones (impossible: must be 0).
pub fn uniformity_chi2(counts: &[u64]) -> (f64, u64) {
    let n: u64 = counts.iter().sum();
    let expected = n as f64 / 128.0;
    let chi2 = counts[..128]
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum();
    (chi2, counts[128])
}

/// The 99.9% quantile of χ² with 127 degrees of freedom, exactly (statrs's inverse CDF):
/// 181.99, printed 182.0. Wilson and Hilferty's cube-root approximation, which this used to
/// compute, gives 182.04 and prints the same; the 180.1 this comment once stated was neither.
pub fn chi2_127_quantile_999() -> f64 {
    ChiSquared::new(127.0)
        .expect("positive degrees of freedom")
        .inverse_cdf(0.999)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_network_is_far_from_indifferent_over_functions() {
        let r = run(&BiasConfig {
            samples: 20_000,
            ..BiasConfig::default()
        });
        // Under indifference no function would repeat; here the top ten take percents.
        assert!(r.top_share(10) > 0.01, "{}", r.top_share(10));
        assert!(r.top_mean_kc(10) < r.singleton_mean_kc());
        assert!(r.bound.slope < 0.0);
        // Uniformly drawn functions do not repeat, and are no simpler at the top.
        let u = uniform(20_000, 1);
        assert_eq!(u.most_repeated, 1);
        assert!((u.top10_share - 10.0 / 20_000.0).abs() < 1e-15);
        assert!(u.top10_mean_kc > 0.5 * u.singleton_mean_kc);
    }

    #[test]
    fn the_chi2_quantile_prints_as_the_book_prints_it() {
        let q = chi2_127_quantile_999();
        assert_eq!(format!("{q:.1}"), "182.0");
        let chi2 = ChiSquared::new(127.0).expect("a distribution");
        assert!((chi2.cdf(q) - 0.999).abs() < 1e-9, "{}", chi2.cdf(q));
    }

    #[test]
    fn the_perceptron_check_can_fail() {
        let counts = perceptron_ones(40_000, 3, 2);
        let (chi2, full) = uniformity_chi2(&counts);
        assert_eq!(full, 0);
        assert!(chi2 < chi2_127_quantile_999(), "{chi2}");
        // A distribution that is not uniform is caught.
        let mut skewed = counts.clone();
        skewed[0] += 2_000;
        assert!(uniformity_chi2(&skewed).0 > chi2_127_quantile_999());
    }
}
