//! What extra reasoning costs a network of fixed size: a small experiment.
//!
//! The speed argument says a schemer must do something a non-schemer need not — work out
//! whether it is being trained — while giving the same outputs in training, and that the
//! work costs it. Here the work is made concrete. Every example has task inputs `x`
//! (Gaussian, `TASK_INPUTS` of them) and cue bits `c` (`CUE_BITS` of them, ±1, random):
//! - the *plain* network learns the task `y = f(x)` and may ignore the cue;
//! - the *schemer analog* is the same network with a second output head: its first output
//!   learns the same task `y = f(x)`, its second the parity of the cue bits, a situational
//!   feature the task does not need. The two heads share every hidden unit, so the cue takes
//!   capacity the task could have used, while the task output is trained to the same
//!   targets as the plain network's.
//!
//! `f` is a fixed random teacher (a tanh network scaled to unit variance). Both networks
//! have the same hidden layers, start from the same hidden weights, see the same inputs and
//! take the same optimizer steps; the schemer analog's loss is the sum of its two heads'
//! half squared errors. Each is scored on the task alone, on held-out examples (half squared
//! error of the task output), so the difference is what computing the cue beside the task
//! costs the task. Widths (at two hidden layers) and depths (at one width) show how it moves
//! with capacity and with serial steps; a second plain network from another initialisation
//! and batch order is the null control.
//!
//! What it cannot show: the cue here is a parity of three random bits, learned from labels
//! for it, where a schemer's is inferred from its situation with no labels; and in training
//! a real schemer's cue would say "watched" every time, so nothing would force the
//! computation. The experiment measures what the computation costs once it is there, not
//! whether training would build it.

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
    /// Hidden widths tried, at [`ReasoningConfig::depth`] hidden layers.
    pub widths: Vec<usize>,
    /// Hidden layers of the width sweep.
    pub depth: usize,
    /// Numbers of hidden layers tried, at [`ReasoningConfig::depth_width`] units each.
    pub depths: Vec<usize>,
    pub depth_width: usize,
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
            depth: 2,
            depths: vec![1, 2, 3, 4],
            depth_width: 16,
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
    /// Three widths, three depths and two repetitions; the same task and training, and
    /// (seeds being keyed by setting) the book's own runs at those settings. Width 8 is among
    /// them because the book's verdict turns on it: a test scale without it would pass a
    /// criterion the book's runs fail.
    pub fn test_scale() -> Self {
        ReasoningConfig {
            widths: vec![4, 8, 64],
            depths: vec![1, 2, 4],
            seeds: 2,
            ..Self::default()
        }
    }
}

/// Inputs, the task's targets, and the schemer analog's (the task and the cue's parity).
struct Data {
    x: Array2<f64>,
    plain: Array2<f64>,
    schemer: Array2<f64>,
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
    let schemer = Array2::from_shape_fn((rows, 2), |(i, k)| {
        if k == 0 {
            plain[[i, 0]]
        } else {
            (TASK_INPUTS..TASK_INPUTS + CUE_BITS).fold(1.0, |p, j| p * x[[i, j]])
        }
    });
    Data { x, plain, schemer }
}

/// Test losses on the task at one setting, one repetition.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub plain: f64,
    /// The schemer analog's task loss (its first head).
    pub schemer: f64,
    /// The share of test examples whose cue parity the schemer analog's second head gets
    /// right (by its sign): whether it computes the cue at all.
    pub cue_accuracy: f64,
    /// A second plain network from another initialisation and batch order: the null
    /// control, whose difference from `plain` is what chance alone gives.
    pub twin: f64,
}

/// The results at one width and depth.
#[derive(Clone, Debug, PartialEq)]
pub struct WidthResult {
    pub width: usize,
    /// Hidden layers.
    pub depth: usize,
    /// Parameters of the plain network.
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

    pub fn schemer(&self) -> f64 {
        self.mean(|p| p.schemer)
    }

    /// Mean task-loss gap (schemer analog minus plain), in half squared error.
    pub fn gap(&self) -> f64 {
        self.mean(|p| p.schemer - p.plain)
    }

    /// The smallest gap over the repetitions.
    pub fn smallest_gap(&self) -> f64 {
        self.pairs
            .iter()
            .map(|p| p.schemer - p.plain)
            .fold(f64::INFINITY, f64::min)
    }

    /// The least cue accuracy over the repetitions.
    pub fn least_cue_accuracy(&self) -> f64 {
        self.pairs
            .iter()
            .map(|p| p.cue_accuracy)
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
    /// The width sweep, at the config's depth.
    pub widths: Vec<WidthResult>,
    /// The depth sweep, at the config's depth width (the setting both sweeps share is
    /// trained once and appears in both).
    pub depths: Vec<WidthResult>,
}

impl ReasoningResult {
    /// Every setting, each once.
    pub fn settings(&self) -> impl Iterator<Item = &WidthResult> {
        self.widths.iter().chain(self.depths.iter().filter(|d| {
            !self
                .widths
                .iter()
                .any(|w| w.width == d.width && w.depth == d.depth)
        }))
    }
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
    let mut settings: Vec<(usize, usize)> = cfg.widths.iter().map(|&w| (w, cfg.depth)).collect();
    for &d in &cfg.depths {
        if !settings.contains(&(cfg.depth_width, d)) {
            settings.push((cfg.depth_width, d));
        }
    }
    let jobs: Vec<(usize, usize)> = (0..settings.len())
        .flat_map(|w| (0..cfg.seeds).map(move |k| (w, k)))
        .collect();
    let pairs = nets::par::map(&jobs, cfg.threads, |&(w, k)| {
        let (width, depth) = settings[w];
        // Keyed by the setting itself, so that a setting's runs are the same in
        // every sweep that includes it (the test scale's are the book's).
        let seed = cfg.seed.wrapping_mul(7_919) + ((width * 100 + depth) * 1_000 + k) as u64;
        let task_loss = |t: &Trainer| {
            let out = t.mlp.predict(test.x.view());
            nets::stats::mean(
                out.column(0)
                    .iter()
                    .zip(test.plain.column(0))
                    .map(|(y, t)| 0.5 * (y - t) * (y - t)),
            )
        };
        let plain = train_one(cfg, width, depth, 1, seed, &train.x, &train.plain);
        let twin = train_one(cfg, width, depth, 1, seed ^ TWIN, &train.x, &train.plain);
        let schemer = train_one(cfg, width, depth, 2, seed, &train.x, &train.schemer);
        let cue = schemer.mlp.predict(test.x.view());
        let right = cue
            .column(1)
            .iter()
            .zip(test.schemer.column(1))
            .filter(|(y, c)| **y * **c > 0.0)
            .count();
        Pair {
            plain: task_loss(&plain),
            schemer: task_loss(&schemer),
            cue_accuracy: right as f64 / cfg.test_examples as f64,
            twin: task_loss(&twin),
        }
    });
    let result = |&(width, depth): &(usize, usize)| {
        let w = settings
            .iter()
            .position(|s| *s == (width, depth))
            .expect("a setting");
        WidthResult {
            width,
            depth,
            parameters: Mlp::new(&spec(width, depth, 1), &mut rng(0)).num_params(),
            pairs: pairs[w * cfg.seeds..(w + 1) * cfg.seeds].to_vec(),
        }
    };
    let widths = cfg
        .widths
        .iter()
        .map(|&w| result(&(w, cfg.depth)))
        .collect();
    let depths = cfg
        .depths
        .iter()
        .map(|&d| result(&(cfg.depth_width, d)))
        .collect();
    ReasoningResult { widths, depths }
}

/// Mixed into a repetition's seed for the null control's second plain network.
const TWIN: u64 = 0x5eed_0000_0000;

/// The student network: `depth` hidden ReLU layers of `width`, and `heads` outputs.
fn spec(width: usize, depth: usize, heads: usize) -> MlpSpec {
    let mut sizes = vec![TASK_INPUTS + CUE_BITS];
    sizes.extend(std::iter::repeat_n(width, depth));
    sizes.push(heads);
    MlpSpec::relu(&sizes)
}

/// A student trained on `targets` (one column per head), from the same hidden weights and
/// batch order for either number of heads (same `seed`: only the output layer's draw
/// differs).
fn train_one(
    cfg: &ReasoningConfig,
    width: usize,
    depth: usize,
    heads: usize,
    seed: u64,
    x: &Array2<f64>,
    targets: &Array2<f64>,
) -> Trainer {
    let mlp = Mlp::new(&spec(width, depth, heads), &mut rng(seed));
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
            depths: vec![1, 2],
            depth_width: 8,
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
    fn the_schemer_analog_has_the_task_and_the_cue_parity_as_targets() {
        let mut r = rng(1);
        let teacher = Mlp::new(&MlpSpec::relu(&[TASK_INPUTS, 4, 1]), &mut r);
        let d = draw(&teacher, 1.0, 64, &mut r);
        for i in 0..64 {
            let parity: f64 = (TASK_INPUTS..TASK_INPUTS + CUE_BITS)
                .map(|j| d.x[[i, j]])
                .product();
            assert_eq!(d.schemer[[i, 0]], d.plain[[i, 0]]);
            assert_eq!(d.schemer[[i, 1]], parity);
        }
    }

    #[test]
    fn both_networks_start_from_the_same_hidden_weights() {
        let one = Mlp::new(&spec(8, 3, 1), &mut rng(5));
        let two = Mlp::new(&spec(8, 3, 2), &mut rng(5));
        for (a, b) in one.layers.iter().zip(&two.layers).take(3) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn the_shared_setting_is_trained_once_and_reported_in_both_sweeps() {
        let r = run(&tiny(2));
        assert_eq!(r.widths[1], r.depths[1]);
        assert_eq!(r.settings().count(), 3);
    }
}
