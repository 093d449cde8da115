//! Spectral bias (Rahaman et al. 2019, "On the spectral bias of neural networks"): a ReLU
//! network fitting a sum of sines learns the low frequencies first.
//!
//! The setting follows the paper's first experiment: `N` evenly spaced points on `[0, 1)`,
//! the target `λ(z) = Σ_i A_i sin(2π k_i z + 2π φ_i)` at frequencies `k_i = 5, 10, …, 50`
//! with seeded random phases `φ_i ~ U(0, 1)`, once with equal amplitudes (`A_i = 1`) and
//! once with amplitudes increasing with frequency (`A_i = 0.1·i`), fitted full-batch with
//! Adam on squared error. Every few steps the network's outputs on the `N` points are
//! Fourier-transformed, and the amplitude at each `k_i` is divided by the target's own
//! (`A_i·N/2`), so 1 means that frequency is fully learned.
//!
//! The paper's network is 6 layers of 256 ReLU units trained for 60,000 steps at learning
//! rate 3·10⁻⁴; the book's keeps the six layers but makes them 64 wide, and trains for a
//! sixth as many steps (see [`SpectralConfig::default`]), so that it runs in seconds on two
//! cores. It is the smallest setting tried at which every one of the ten frequencies is
//! learned in both runs, so the order covers all of them. What it keeps is the question: in
//! which order the frequencies are learned.

use ndarray::Array2;
use nets::stats::spearman;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, rng};
use rand::RngExt;
use rand::seq::SliceRandom;
use std::f64::consts::TAU;

/// How the target's amplitudes depend on its frequencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amplitudes {
    /// `A_i = 1` for every frequency.
    Equal,
    /// `A_i = 0.1·i`: the highest frequency has ten times the lowest one's amplitude.
    Increasing,
}

impl Amplitudes {
    /// The amplitude of the `i`-th frequency (0-based) of `count`.
    pub fn of(self, i: usize) -> f64 {
        match self {
            Amplitudes::Equal => 1.0,
            Amplitudes::Increasing => 0.1 * (i + 1) as f64,
        }
    }
}

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct SpectralConfig {
    /// Evenly spaced points on `[0, 1)`, the training set (the paper: 200).
    pub points: usize,
    /// The target's frequencies (the paper: 5, 10, …, 50).
    pub frequencies: Vec<usize>,
    /// Hidden-layer widths (the paper: six of 256).
    pub hidden: Vec<usize>,
    /// Full-batch Adam steps (the paper: 60,000).
    pub steps: usize,
    /// The spectrum is recorded every this many steps.
    pub every: usize,
    /// Adam's learning rate (the paper: 3·10⁻⁴).
    pub lr: f64,
    /// A frequency counts as learned once its normalised amplitude reaches this.
    pub threshold: f64,
    pub seed: u64,
}

impl Default for SpectralConfig {
    /// The book's scale: six hidden layers of 64 units instead of 256 (about a fifteenth of
    /// the paper's parameters), 10,000 steps instead of 60,000 at a learning rate ten times the
    /// paper's: ten to twenty seconds on one core per run, where the paper's setting would
    /// take hours. Four layers of 64 trained for 6,000 steps, the book's earlier setting,
    /// learned only seven and five of the ten frequencies; this one learns all ten in both
    /// runs.
    fn default() -> Self {
        SpectralConfig {
            points: 200,
            frequencies: (1..=10).map(|i| 5 * i).collect(),
            hidden: vec![64; 6],
            steps: 10_000,
            every: 50,
            lr: 3e-3,
            threshold: 0.5,
            seed: 1,
        }
    }
}

impl SpectralConfig {
    /// The six lowest frequencies (5 to 30) and a quarter of the steps: every frequency is
    /// learned, and with six of them a random order rarely passes the criterion (a wrong
    /// order still fails it). Fewer than six would not do: with five frequencies more than
    /// one random order in twenty reaches the criterion's ρ.
    pub fn test_scale() -> Self {
        SpectralConfig {
            frequencies: (1..=6).map(|i| 5 * i).collect(),
            steps: 2_500,
            ..Self::default()
        }
    }
}

/// One training run: the normalised amplitude of each frequency over training.
#[derive(Clone, Debug, PartialEq)]
pub struct SpectralRun {
    pub amplitudes: Amplitudes,
    /// The steps at which the spectrum was recorded (0 is the untrained network).
    pub steps: Vec<usize>,
    /// `spectrum[r][i]`: the normalised amplitude of frequency `i` at record `r`.
    pub spectrum: Vec<Vec<f64>>,
    /// The training loss (half mean squared error) at the end.
    pub final_loss: f64,
}

impl SpectralRun {
    /// For each frequency, the first recorded step at which its normalised amplitude
    /// reaches `threshold`; `None` if it never does.
    pub fn learned_at(&self, threshold: f64) -> Vec<Option<usize>> {
        let count = self.spectrum.first().map_or(0, Vec::len);
        (0..count)
            .map(|i| {
                self.steps
                    .iter()
                    .zip(&self.spectrum)
                    .find(|(_, s)| s[i] >= threshold)
                    .map(|(&step, _)| step)
            })
            .collect()
    }

    /// How many frequencies reach `threshold` during training.
    pub fn learned(&self, threshold: f64) -> usize {
        self.learned_at(threshold).iter().flatten().count()
    }

    /// Spearman's rank correlation between frequency and the step at which it is learned,
    /// frequencies never learned sharing the last rank. `None` when no frequency, or every
    /// one, is learned at the same step (the order is then undefined).
    pub fn order_correlation(&self, threshold: f64) -> Option<f64> {
        let at: Vec<f64> = self
            .learned_at(threshold)
            .iter()
            .map(|s| s.map_or(f64::INFINITY, |s| s as f64))
            .collect();
        let frequency: Vec<f64> = (0..at.len()).map(|i| i as f64).collect();
        spearman(&frequency, &at)
    }

    /// Spearman's ρ of `permutations` seeded shuffles of the learning steps among the
    /// frequencies: the order the run would show if when a frequency is learned had nothing to
    /// do with which frequency it is. Sorted ascending; an undefined ρ counts as 0.
    pub fn shuffled_correlations(
        &self,
        threshold: f64,
        permutations: usize,
        seed: u64,
    ) -> Vec<f64> {
        let mut at: Vec<f64> = self
            .learned_at(threshold)
            .iter()
            .map(|s| s.map_or(f64::INFINITY, |s| s as f64))
            .collect();
        let frequency: Vec<f64> = (0..at.len()).map(|i| i as f64).collect();
        let mut r = rng(seed);
        let mut rhos: Vec<f64> = (0..permutations)
            .map(|_| {
                at.shuffle(&mut r);
                spearman(&frequency, &at).unwrap_or(0.0)
            })
            .collect();
        rhos.sort_by(f64::total_cmp);
        rhos
    }

    /// Whether the learning steps never decrease with frequency, frequencies never learned
    /// counting as learned after the end.
    pub fn learned_in_order(&self, threshold: f64) -> bool {
        let at: Vec<usize> = self
            .learned_at(threshold)
            .iter()
            .map(|s| s.unwrap_or(usize::MAX))
            .collect();
        at.windows(2).all(|w| w[0] <= w[1])
    }

    /// The frequencies (indices) in the order they are learned: groups learned at the same
    /// recorded step together, frequencies never learned left out.
    pub fn learning_order(&self, threshold: f64) -> Vec<Vec<usize>> {
        let at = self.learned_at(threshold);
        let mut steps: Vec<usize> = at.iter().flatten().copied().collect();
        steps.sort_unstable();
        steps.dedup();
        steps
            .iter()
            .map(|&s| (0..at.len()).filter(|&i| at[i] == Some(s)).collect())
            .collect()
    }

    /// The exceptions to "low frequencies first": pairs `(i, j)` of frequency indices,
    /// `i < j`, where the higher frequency `j` is learned strictly before the lower `i`
    /// (a frequency never learned counting as learned after the end).
    pub fn exceptions(&self, threshold: f64) -> Vec<(usize, usize)> {
        let at: Vec<usize> = self
            .learned_at(threshold)
            .iter()
            .map(|s| s.unwrap_or(usize::MAX))
            .collect();
        (0..at.len())
            .flat_map(|i| (i + 1..at.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| at[j] < at[i])
            .collect()
    }

    /// The normalised amplitudes at the end of training.
    pub fn last(&self) -> &[f64] {
        self.spectrum.last().map_or(&[], Vec::as_slice)
    }
}

/// Both runs.
#[derive(Clone, Debug, PartialEq)]
pub struct SpectralResult {
    pub config: SpectralConfig,
    pub equal: SpectralRun,
    pub increasing: SpectralRun,
}

/// The points, the target and its amplitudes.
pub fn target(cfg: &SpectralConfig, amplitudes: Amplitudes) -> (Array2<f64>, Array2<f64>) {
    let mut r = rng(cfg.seed);
    let phases: Vec<f64> = cfg.frequencies.iter().map(|_| r.random::<f64>()).collect();
    let n = cfg.points;
    let x = Array2::from_shape_fn((n, 1), |(j, _)| j as f64 / n as f64);
    let y = Array2::from_shape_fn((n, 1), |(j, _)| {
        let z = j as f64 / n as f64;
        cfg.frequencies
            .iter()
            .zip(&phases)
            .enumerate()
            .map(|(i, (&k, &phi))| amplitudes.of(i) * (TAU * (k as f64 * z + phi)).sin())
            .sum()
    });
    (x, y)
}

/// `|F(k)|·2/N` for each frequency `k`: the amplitude of a sine of frequency `k` sampled at
/// `N` even points (exact for `0 < k < N/2`).
pub fn amplitudes_at(values: &[f64], frequencies: &[usize]) -> Vec<f64> {
    let n = values.len() as f64;
    frequencies
        .iter()
        .map(|&k| {
            let (mut re, mut im) = (0.0, 0.0);
            for (j, &v) in values.iter().enumerate() {
                let angle = TAU * k as f64 * j as f64 / n;
                re += v * angle.cos();
                im -= v * angle.sin();
            }
            2.0 * (re * re + im * im).sqrt() / n
        })
        .collect()
}

/// One run: train from the seeded initialisation, recording the normalised spectrum.
pub fn train(cfg: &SpectralConfig, amplitudes: Amplitudes) -> SpectralRun {
    let (x, y) = target(cfg, amplitudes);
    let mut sizes = vec![1];
    sizes.extend(&cfg.hidden);
    sizes.push(1);
    let mlp = Mlp::new(&MlpSpec::relu(&sizes), &mut rng(cfg.seed + 1));
    let mut trainer = Trainer::new(mlp, Loss::Mse, Optimizer::adam(cfg.lr), cfg.seed + 2);
    let scale: Vec<f64> = (0..cfg.frequencies.len())
        .map(|i| amplitudes.of(i))
        .collect();
    let record = |mlp: &Mlp| -> Vec<f64> {
        let out = mlp.predict(x.view());
        let values: Vec<f64> = out.column(0).to_vec();
        amplitudes_at(&values, &cfg.frequencies)
            .iter()
            .zip(&scale)
            .map(|(a, s)| a / s)
            .collect()
    };
    let (mut steps, mut spectrum) = (Vec::new(), Vec::new());
    for step in 0..cfg.steps {
        if step % cfg.every == 0 {
            steps.push(step);
            spectrum.push(record(&trainer.mlp));
        }
        trainer.step(x.view(), Targets::Values(y.view()));
    }
    steps.push(cfg.steps);
    spectrum.push(record(&trainer.mlp));
    let final_loss = trainer.loss_on(x.view(), Targets::Values(y.view()));
    SpectralRun {
        amplitudes,
        steps,
        spectrum,
        final_loss,
    }
}

/// Both runs, side by side on two threads (each run is single-threaded and seeded, so the
/// result does not depend on it).
pub fn run(cfg: &SpectralConfig) -> SpectralResult {
    let (equal, increasing) = std::thread::scope(|s| {
        let equal = s.spawn(|| train(cfg, Amplitudes::Equal));
        let increasing = train(cfg, Amplitudes::Increasing);
        (equal.join().expect("the equal-amplitude run"), increasing)
    });
    SpectralResult {
        config: cfg.clone(),
        equal,
        increasing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_has_unit_normalised_amplitudes() {
        let cfg = SpectralConfig::default();
        for a in [Amplitudes::Equal, Amplitudes::Increasing] {
            let (_, y) = target(&cfg, a);
            let values: Vec<f64> = y.column(0).to_vec();
            for (i, amp) in amplitudes_at(&values, &cfg.frequencies).iter().enumerate() {
                assert!((amp / a.of(i) - 1.0).abs() < 1e-9, "{a:?} {i}: {amp}");
            }
        }
    }
}
