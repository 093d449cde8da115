//! What extra reasoning costs a network of fixed size: a small experiment.
//!
//! The speed argument says a schemer must do something a non-schemer need not — work out
//! whether it is being trained, and act on the answer — and that the work costs it. Here
//! the work is made concrete. Every example has task inputs `x` (Gaussian, `TASK_INPUTS` of
//! them) and cue bits `c` (`CUE_BITS` of them, ±1, random):
//! - the *plain* network learns the task `y = f(x)` and may ignore the cue;
//! - the *gated* network learns `y = f(x)` when the parity of the cue bits is even (it is
//!   "watched") and `y = −f(x)` when it is odd: it must compute a situational feature the
//!   task itself does not need, and let it gate its output.
//!
//! `f` is a fixed random teacher (a tanh network scaled to unit variance). Both networks
//! have the same width and depth, see the same inputs and take the same optimizer steps;
//! each is scored on its own target on held-out examples (half squared error). Since `|y|`
//! is the same for both, the difference in loss is the price of the extra computation, and
//! the widths show how it moves with capacity.
//!
//! What it cannot show: in training a real schemer's cue would say "watched" every time, so
//! nothing would force the computation; here the data force it, which measures its cost
//! to the network but not whether training would ever build it.

use ndarray::{Array2, s};
use nets::{Activation, Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, rng};
use rand::{Rng, RngExt};
use rand_distr::{Distribution, StandardNormal};

/// Task inputs per example.
pub const TASK_INPUTS: usize = 8;

/// Cue bits per example.
pub const CUE_BITS: usize = 3;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ReasoningConfig {
    /// Hidden widths tried (two hidden layers each).
    pub widths: Vec<usize>,
    /// Hidden units of the teacher.
    pub teacher_width: usize,
    pub train_examples: usize,
    pub test_examples: usize,
    pub epochs: usize,
    pub batch: usize,
    pub lr: f64,
    /// Independent repetitions (initialisation and batch order) per width.
    pub seeds: usize,
    pub threads: usize,
    pub seed: u64,
}

impl Default for ReasoningConfig {
    fn default() -> Self {
        ReasoningConfig {
            widths: vec![4, 8, 16, 32, 64],
            teacher_width: 32,
            train_examples: 4_096,
            test_examples: 4_096,
            epochs: 40,
            batch: 64,
            lr: 1e-3,
            seeds: 3,
            threads: 2,
            seed: 4,
        }
    }
}

impl ReasoningConfig {
    /// Three widths and two repetitions; the same task and training.
    pub fn test_scale() -> Self {
        ReasoningConfig {
            widths: vec![4, 16, 64],
            seeds: 2,
            ..Self::default()
        }
    }
}

/// Inputs and both networks' targets.
struct Data {
    x: Array2<f64>,
    plain: Array2<f64>,
    gated: Array2<f64>,
}

/// Draws `rows` examples; the teacher's outputs are scaled by `scale`.
fn draw(teacher: &Mlp, scale: f64, rows: usize, r: &mut impl Rng) -> Data {
    let mut x = Array2::zeros((rows, TASK_INPUTS + CUE_BITS));
    for i in 0..rows {
        for j in 0..TASK_INPUTS {
            x[[i, j]] = StandardNormal.sample(&mut *r);
        }
        for j in TASK_INPUTS..TASK_INPUTS + CUE_BITS {
            x[[i, j]] = if r.random::<bool>() { 1.0 } else { -1.0 };
        }
    }
    let plain = teacher.predict(x.slice(s![.., ..TASK_INPUTS])) * scale;
    let mut gated = plain.clone();
    for (i, mut y) in gated.rows_mut().into_iter().enumerate() {
        let odd = (TASK_INPUTS..TASK_INPUTS + CUE_BITS).fold(1.0, |p, j| p * x[[i, j]]) < 0.0;
        if odd {
            y[0] = -y[0];
        }
    }
    Data { x, plain, gated }
}

/// Test losses at one width, one repetition.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub plain: f64,
    pub gated: f64,
    /// A second plain network from another initialisation and batch order: the null
    /// control, whose difference from `plain` is what chance alone gives.
    pub twin: f64,
}

/// The results at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct WidthResult {
    pub width: usize,
    pub parameters: usize,
    pub pairs: Vec<Pair>,
}

impl WidthResult {
    fn mean(&self, f: impl Fn(&Pair) -> f64) -> f64 {
        nets::stats::mean(self.pairs.iter().map(f))
    }

    pub fn plain(&self) -> f64 {
        self.mean(|p| p.plain)
    }

    pub fn gated(&self) -> f64 {
        self.mean(|p| p.gated)
    }

    /// Mean loss gap (gated minus plain), in half squared error.
    pub fn gap(&self) -> f64 {
        self.mean(|p| p.gated - p.plain)
    }

    /// The smallest gap over the repetitions.
    pub fn smallest_gap(&self) -> f64 {
        self.pairs
            .iter()
            .map(|p| p.gated - p.plain)
            .fold(f64::INFINITY, f64::min)
    }

    /// Mean gap between the two plain networks (twin minus plain): the null control.
    pub fn twin_gap(&self) -> f64 {
        self.mean(|p| p.twin - p.plain)
    }

    /// The smallest gap between the two plain networks over the repetitions.
    pub fn smallest_twin_gap(&self) -> f64 {
        self.pairs
            .iter()
            .map(|p| p.twin - p.plain)
            .fold(f64::INFINITY, f64::min)
    }
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ReasoningResult {
    pub widths: Vec<WidthResult>,
}

/// Trains the two networks at every width and repetition.
pub fn run(cfg: &ReasoningConfig) -> ReasoningResult {
    let mut r = rng(cfg.seed);
    let teacher = Mlp::new(
        &MlpSpec {
            hidden: Activation::Tanh,
            ..MlpSpec::relu(&[TASK_INPUTS, cfg.teacher_width, 1])
        },
        &mut r,
    );
    // Scale the teacher to unit variance on a large draw, so losses read against 1/2.
    let probe = draw(&teacher, 1.0, 16_384, &mut r);
    let mean = probe.plain.mean().unwrap_or(0.0);
    let var = probe
        .plain
        .mapv(|v| (v - mean) * (v - mean))
        .mean()
        .unwrap_or(1.0);
    let scale = 1.0 / var.sqrt();
    let train = draw(&teacher, scale, cfg.train_examples, &mut r);
    let test = draw(&teacher, scale, cfg.test_examples, &mut r);
    let jobs: Vec<(usize, usize)> = (0..cfg.widths.len())
        .flat_map(|w| (0..cfg.seeds).map(move |k| (w, k)))
        .collect();
    let mut pairs = vec![
        Pair {
            plain: 0.0,
            gated: 0.0,
            twin: 0.0,
        };
        jobs.len()
    ];
    let per = jobs.len().div_ceil(cfg.threads.max(1)).max(1);
    std::thread::scope(|sc| {
        for (chunk, out) in jobs.chunks(per).zip(pairs.chunks_mut(per)) {
            let (train, test) = (&train, &test);
            sc.spawn(move || {
                for (&(w, k), pair) in chunk.iter().zip(out) {
                    let seed = cfg.seed.wrapping_mul(7_919) + (w * 1_000 + k) as u64;
                    let loss = |seed: u64, targets: &Array2<f64>, test_targets: &Array2<f64>| {
                        train_one(cfg, cfg.widths[w], seed, &train.x, targets)
                            .loss_on(test.x.view(), Targets::Values(test_targets.view()))
                    };
                    *pair = Pair {
                        plain: loss(seed, &train.plain, &test.plain),
                        gated: loss(seed, &train.gated, &test.gated),
                        twin: loss(seed ^ TWIN, &train.plain, &test.plain),
                    };
                }
            });
        }
    });
    let widths = cfg
        .widths
        .iter()
        .enumerate()
        .map(|(w, &width)| WidthResult {
            width,
            parameters: Mlp::new(&spec(width), &mut rng(0)).num_params(),
            pairs: pairs[w * cfg.seeds..(w + 1) * cfg.seeds].to_vec(),
        })
        .collect();
    ReasoningResult { widths }
}

/// Mixed into a repetition's seed for the null control's second plain network.
const TWIN: u64 = 0x5eed_0000_0000;

/// The student network at `width`: two hidden ReLU layers.
fn spec(width: usize) -> MlpSpec {
    MlpSpec::relu(&[TASK_INPUTS + CUE_BITS, width, width, 1])
}

/// A student trained on `targets`, from the same initialisation and batch order for both
/// targets (same `seed`).
fn train_one(
    cfg: &ReasoningConfig,
    width: usize,
    seed: u64,
    x: &Array2<f64>,
    targets: &Array2<f64>,
) -> Trainer {
    let mlp = Mlp::new(&spec(width), &mut rng(seed));
    let mut t = Trainer::new(mlp, Loss::Mse, Optimizer::adam(cfg.lr), seed);
    for _ in 0..cfg.epochs {
        t.epoch(x.view(), Targets::Values(targets.view()), cfg.batch);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(threads: usize) -> ReasoningConfig {
        ReasoningConfig {
            widths: vec![4, 8],
            train_examples: 256,
            test_examples: 128,
            epochs: 3,
            seeds: 3,
            threads,
            ..ReasoningConfig::default()
        }
    }

    #[test]
    fn results_do_not_depend_on_thread_count() {
        assert_eq!(run(&tiny(1)), run(&tiny(2)));
    }

    #[test]
    fn the_gated_target_is_the_task_flipped_on_odd_cues() {
        let mut r = rng(1);
        let teacher = Mlp::new(&MlpSpec::relu(&[TASK_INPUTS, 4, 1]), &mut r);
        let d = draw(&teacher, 1.0, 64, &mut r);
        for i in 0..64 {
            let parity: f64 = (TASK_INPUTS..TASK_INPUTS + CUE_BITS)
                .map(|j| d.x[[i, j]])
                .product();
            assert_eq!(d.gated[[i, 0]], parity * d.plain[[i, 0]]);
        }
    }
}
