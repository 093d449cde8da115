//! The parody tested: train a network on a few hundred addition problems and see whether it
//! answers unseen ones.
//!
//! Encoding (the one a practitioner reaches for first): each operand's digits one-hot, so
//! a `d`-digit problem is `2·d·10` inputs; the sum's `d + 1` digits are `d + 1` softmax
//! heads of ten classes each. A problem counts as solved only when every digit of the sum
//! is right. Under the counting argument's uniform prior a consistent network answers an
//! unseen problem correctly with probability `1 / sums`; the experiment measures what a
//! trained MLP does instead.

use crate::addition::AdditionTask;
use certified::binomial::{Probability, log10_upper_tail};
use ndarray::Array2;
use nets::stats::mean;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, accuracy, rng};
use rand::RngExt;
use rand::seq::SliceRandom;
use std::collections::HashSet;

/// The experiment's scale and hyperparameters.
#[derive(Clone, Debug, PartialEq)]
pub struct AdditionNetConfig {
    pub digits: u32,
    /// Training-set sizes to train at, one network (per seed) each.
    pub training_sizes: Vec<usize>,
    /// Held-out problems to test on (drawn apart from every training set).
    pub test_size: usize,
    pub hidden: Vec<usize>,
    /// Optimizer steps per network, whatever the training-set size.
    pub steps: usize,
    pub batch: usize,
    pub lr: f64,
    /// Decoupled weight decays tried at each training-set size; the one with the best
    /// per-digit accuracy on a validation set is kept, as a practitioner would choose.
    pub weight_decays: Vec<f64>,
    /// Validation problems, drawn apart from training and test problems.
    pub validation_size: usize,
    pub seeds: Vec<u64>,
    /// Threads the networks train on (the results do not depend on it).
    pub threads: usize,
}

impl Default for AdditionNetConfig {
    /// The book's scale: the essay's 992 problems, and larger sets to show the trend.
    fn default() -> Self {
        AdditionNetConfig {
            digits: 4,
            training_sizes: vec![992, 4_000, 16_000],
            test_size: 10_000,
            hidden: vec![128, 128],
            steps: 4_000,
            batch: 64,
            lr: 3e-3,
            weight_decays: vec![0.1, 0.3, 1.0],
            validation_size: 2_000,
            seeds: vec![1, 2],
            threads: 2,
        }
    }
}

impl AdditionNetConfig {
    /// A smaller run for tests: the essay's training-set size and the largest, one seed,
    /// fewer steps and test problems.
    pub fn test_scale() -> Self {
        AdditionNetConfig {
            training_sizes: vec![992, 16_000],
            steps: 3_000,
            seeds: vec![1],
            ..Self::default()
        }
    }
}

/// A set of problems, encoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems {
    pub pairs: Vec<(u64, u64)>,
    pub inputs: Array2<f64>,
    /// `digits + 1` labels per problem: the sum's digits, least significant first.
    pub labels: Vec<usize>,
}

/// Encodes problems as one-hot digits in and sum digits out.
pub fn encode(pairs: Vec<(u64, u64)>, digits: u32) -> Problems {
    let d = digits as usize;
    let mut inputs = Array2::zeros((pairs.len(), 20 * d));
    let mut labels = Vec::with_capacity(pairs.len() * (d + 1));
    for (i, &(a, b)) in pairs.iter().enumerate() {
        for (operand, value) in [a, b].into_iter().enumerate() {
            let mut v = value;
            for pos in 0..d {
                inputs[[i, (operand * d + pos) * 10 + (v % 10) as usize]] = 1.0;
                v /= 10;
            }
        }
        let mut s = a + b;
        for _ in 0..=d {
            labels.push((s % 10) as usize);
            s /= 10;
        }
    }
    Problems {
        pairs,
        inputs,
        labels,
    }
}

/// Distinct random problems, none of them in `exclude`.
fn draw_problems(
    n: usize,
    digits: u32,
    exclude: &HashSet<(u64, u64)>,
    seed: u64,
) -> Vec<(u64, u64)> {
    let top = 10u64.pow(digits);
    let mut r = rng(seed);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let p = (r.random_range(0..top), r.random_range(0..top));
        if !exclude.contains(&p) && seen.insert(p) {
            out.push(p);
        }
    }
    out
}

/// One trained network's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct AdditionRun {
    pub training_size: usize,
    pub seed: u64,
    pub train_accuracy: f64,
    /// Whole-sum accuracy on held-out problems.
    pub test_accuracy: f64,
    /// Held-out problems answered entirely right.
    pub test_correct: u64,
    /// Accuracy of each sum digit on held-out problems, least significant first.
    pub digit_accuracy: Vec<f64>,
    /// The weight decay chosen on the validation set.
    pub weight_decay: f64,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct AdditionNetResult {
    pub runs: Vec<AdditionRun>,
    /// The counting argument's prediction for a held-out problem: `1 / sums`.
    pub counting_prediction: f64,
    /// Possible sums, the denominator of that prediction.
    pub possible_sums: u64,
    pub test_size: usize,
    /// The shuffled-sums control, one per seed: the same network, trained the same way on
    /// the essay-sized training set, but with the sums permuted among its problems, so that
    /// inputs and answers are unrelated. What it gets right on held-out problems is what
    /// fitting the training set, without learning addition, buys.
    pub shuffled: Vec<AdditionRun>,
}

impl AdditionNetResult {
    /// `log10` of the chance, under the counting prior, of answering at least as many
    /// held-out problems right as the trained networks did at `size` (all seeds pooled);
    /// `None` when they did no better than the prior's mean.
    pub fn log10_chance_under_counting(&self, size: usize) -> Option<f64> {
        let runs: Vec<&AdditionRun> = self
            .runs
            .iter()
            .filter(|r| r.training_size == size)
            .collect();
        self.log10_chance_of(&runs)
    }

    /// The same chance for the shuffled-sums control's runs.
    pub fn log10_chance_of_shuffled(&self) -> Option<f64> {
        let runs: Vec<&AdditionRun> = self.shuffled.iter().collect();
        self.log10_chance_of(&runs)
    }

    /// Mean held-out whole-sum accuracy of the shuffled-sums control, over seeds.
    pub fn shuffled_test_accuracy(&self) -> f64 {
        mean(self.shuffled.iter().map(|r| r.test_accuracy))
    }

    /// Held-out problems answered entirely right, pooled over `runs`, and the trials.
    fn log10_chance_of(&self, runs: &[&AdditionRun]) -> Option<f64> {
        let correct: u64 = runs.iter().map(|r| r.test_correct).sum();
        let trials = (runs.len() * self.test_size) as u64;
        let chance = Probability::new(1, self.possible_sums).ok()?;
        log10_upper_tail(trials, correct, chance)
            .ok()
            .map(|e| e.hi_f64())
    }

    /// Mean test accuracy at a training-set size, over seeds.
    /// Held-out problems answered entirely right at a training-set size, pooled over seeds,
    /// and the number of held-out problems they were tested on.
    pub fn pooled_correct(&self, size: usize) -> (u64, u64) {
        let runs = self.runs.iter().filter(|r| r.training_size == size);
        let correct = runs.clone().map(|r| r.test_correct).sum();
        (correct, (runs.count() * self.test_size) as u64)
    }

    pub fn mean_test_accuracy(&self, size: usize) -> f64 {
        mean(
            self.runs
                .iter()
                .filter(|r| r.training_size == size)
                .map(|r| r.test_accuracy),
        )
    }
}

/// One network trained on `train` with decoupled weight decay `wd`.
fn train_one(cfg: &AdditionNetConfig, train: &Problems, wd: f64, seed: u64) -> Mlp {
    let groups = cfg.digits as usize + 1;
    let mut sizes = vec![train.inputs.ncols()];
    sizes.extend(&cfg.hidden);
    sizes.push(10 * groups);
    let mlp = Mlp::new(&MlpSpec::relu(&sizes), &mut rng(seed));
    let optimizer = Optimizer::AdamW {
        lr: cfg.lr,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        weight_decay: wd,
    };
    let mut trainer = Trainer::new(mlp, Loss::SoftmaxCrossEntropy { groups }, optimizer, seed);
    let batches_per_epoch = train.pairs.len().div_ceil(cfg.batch);
    for _ in 0..cfg.steps.div_ceil(batches_per_epoch) {
        trainer.epoch(
            train.inputs.view(),
            Targets::Labels(&train.labels),
            cfg.batch,
        );
    }
    trainer.mlp
}

/// Accuracy of each digit of the sum, least significant first.
fn digit_accuracies(mlp: &Mlp, problems: &Problems, groups: usize) -> Vec<f64> {
    let out = mlp.predict(problems.inputs.view());
    (0..groups)
        .map(|g| {
            let block = out.slice(ndarray::s![.., g * 10..(g + 1) * 10]);
            let labels: Vec<usize> = problems
                .labels
                .iter()
                .skip(g)
                .step_by(groups)
                .copied()
                .collect();
            accuracy(block, &labels, 1)
        })
        .collect()
}

fn mean_digit_accuracy(mlp: &Mlp, problems: &Problems, groups: usize) -> f64 {
    mean(digit_accuracies(mlp, problems, groups))
}

/// Trains one network per training-set size and seed.
///
/// The networks for every seed, size and weight decay are independent, so they train side
/// by side on `cfg.threads` threads (each from its own seed, so the same networks whatever
/// the thread count); each seed's shuffled-sums control, which takes the weight decay
/// chosen at the smallest size, trains after them.
///
/// # Panics
/// If the configuration asks for more problems than exist.
pub fn run(cfg: &AdditionNetConfig) -> AdditionNetResult {
    let task = AdditionTask::new(cfg.digits, 0).expect("valid digits");
    let largest = cfg.training_sizes.iter().copied().max().unwrap_or(0);
    let smallest = cfg.training_sizes.iter().copied().min().unwrap_or(0);
    let groups = cfg.digits as usize + 1;
    let data: Vec<SeedData> = cfg
        .seeds
        .iter()
        .map(|&seed| SeedData::draw(cfg, seed, largest))
        .collect();
    // Every (seed, size, weight decay), in that order.
    let jobs: Vec<(usize, usize, f64)> = (0..data.len())
        .flat_map(|k| {
            cfg.training_sizes
                .iter()
                .flat_map(move |&size| cfg.weight_decays.iter().map(move |&wd| (k, size, wd)))
        })
        .collect();
    let trained = nets::par::map(&jobs, cfg.threads, |&(k, size, wd)| {
        let d = &data[k];
        let mlp = train_one(cfg, &d.train(size, cfg.digits), wd, d.seed);
        let score = mean_digit_accuracy(&mlp, &d.validation, groups);
        (score, mlp)
    });
    let mut runs = Vec::new();
    let mut controls = Vec::new();
    let mut candidates = jobs.iter().zip(trained);
    for d in &data {
        for &size in &cfg.training_sizes {
            // The weight decay with the best validation score; the first of equals.
            let (weight_decay, mlp) = candidates
                .by_ref()
                .take(cfg.weight_decays.len())
                .map(|(&(_, _, wd), (score, mlp))| (score, wd, mlp))
                .fold(None, |best: Option<(f64, f64, Mlp)>, cand| match best {
                    Some(b) if b.0 >= cand.0 => Some(b),
                    _ => Some(cand),
                })
                .map(|(_, wd, mlp)| (wd, mlp))
                .expect("at least one weight decay");
            let train = d.train(size, cfg.digits);
            runs.push(score(
                &mlp,
                &train,
                &d.test,
                groups,
                size,
                d.seed,
                weight_decay,
            ));
            if size == smallest {
                controls.push((d, size, weight_decay));
            }
        }
    }
    let shuffled = nets::par::map(&controls, cfg.threads, |&(d, size, weight_decay)| {
        // The control: the same sums, dealt out to the wrong problems.
        let train = d.train(size, cfg.digits);
        let mut order: Vec<usize> = (0..size).collect();
        order.shuffle(&mut rng(d.seed ^ 0x5afe));
        let mut control = train.clone();
        control.labels = order
            .iter()
            .flat_map(|&i| train.labels[i * groups..(i + 1) * groups].iter().copied())
            .collect();
        let mlp = train_one(cfg, &control, weight_decay, d.seed);
        score(&mlp, &control, &d.test, groups, size, d.seed, weight_decay)
    });
    AdditionNetResult {
        runs,
        counting_prediction: 1.0 / task.possible_sums() as f64,
        possible_sums: task.possible_sums(),
        test_size: cfg.test_size,
        shuffled,
    }
}

/// One seed's problems: a pool whose first `n` are the training set of size `n` (nested
/// sets, so sizes differ only in data), and validation and test problems drawn apart.
struct SeedData {
    seed: u64,
    pool: Vec<(u64, u64)>,
    validation: Problems,
    test: Problems,
}

impl SeedData {
    fn draw(cfg: &AdditionNetConfig, seed: u64, largest: usize) -> Self {
        let pool = draw_problems(largest, cfg.digits, &HashSet::new(), seed);
        let held_out = draw_problems(
            cfg.test_size + cfg.validation_size,
            cfg.digits,
            &pool.iter().copied().collect(),
            seed ^ 0x7e57,
        );
        SeedData {
            seed,
            validation: encode(held_out[cfg.test_size..].to_vec(), cfg.digits),
            test: encode(held_out[..cfg.test_size].to_vec(), cfg.digits),
            pool,
        }
    }

    fn train(&self, size: usize, digits: u32) -> Problems {
        encode(self.pool[..size].to_vec(), digits)
    }
}

/// A trained network's scores on its training set and on the held-out problems.
fn score(
    mlp: &Mlp,
    train: &Problems,
    test: &Problems,
    groups: usize,
    training_size: usize,
    seed: u64,
    weight_decay: f64,
) -> AdditionRun {
    let train_out = mlp.predict(train.inputs.view());
    let test_out = mlp.predict(test.inputs.view());
    let test_accuracy = accuracy(test_out.view(), &test.labels, groups);
    AdditionRun {
        training_size,
        seed,
        train_accuracy: accuracy(train_out.view(), &train.labels, groups),
        test_accuracy,
        test_correct: (test_accuracy * test.pairs.len() as f64).round() as u64,
        digit_accuracy: digit_accuracies(mlp, test, groups),
        weight_decay,
    }
}

/// Held-out whole-sum accuracy against training-set size, one point per seed, beside the
/// counting prior's prediction.
///
/// # Errors
/// A drawing error.
pub fn draw(result: &AdditionNetResult) -> Result<String, figures::DrawError> {
    use figures::{PALETTE, SIZE};
    use plotters::prelude::*;
    let sizes: Vec<usize> = {
        let mut s: Vec<usize> = result.runs.iter().map(|r| r.training_size).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    // Training-set sizes on a base-2 logarithmic axis, drawn linearly in log2.
    let lg = |n: usize| (n as f64).log2();
    let (x0, x1) = (lg(sizes[0]) - 0.5, lg(sizes[sizes.len() - 1]) + 0.5);
    let floor = result.counting_prediction / 3.0;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Trained MLPs against the counting prior: held-out sums entirely right",
        )
        .build_cartesian_2d(x0..x1, (floor..1.0).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "training problems",
            "held-out accuracy (whole sum)",
        )
        .x_labels(8)
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        let prior = result.counting_prediction;
        chart
            .draw_series(LineSeries::new(
                [(x0, prior), (x1, prior)],
                PALETTE[1].stroke_width(3),
            ))?
            .label("counting prior: 1 / possible sums")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], PALETTE[1].stroke_width(3))
            });
        let means: Vec<(f64, f64)> = sizes
            .iter()
            .map(|&s| (lg(s), result.mean_test_accuracy(s).max(floor)))
            .collect();
        chart
            .draw_series(LineSeries::new(means, PALETTE[0].stroke_width(3)))?
            .label("trained MLP (mean over seeds)")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], PALETTE[0].stroke_width(3))
            });
        chart.draw_series(result.runs.iter().map(|r| {
            Circle::new(
                (lg(r.training_size), r.test_accuracy.max(floor)),
                5,
                PALETTE[0].filled(),
            )
        }))?;
        figures::legend(&mut chart, SeriesLabelPosition::MiddleRight)?;
        Ok(())
    })
}
