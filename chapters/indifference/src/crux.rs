//! The crux: at which level to be indifferent — over functions, over parameters, or not at
//! all (what SGD does).
//!
//! On Boolean functions of seven bits, Valle-Pérez et al.'s `7-40-40-1` ReLU network with
//! their sampler's initialisation (hidden weights and biases alike uniform on
//! `±√6/√fan_in`, [`nets::sampler`]), several targets of growing Lempel-Ziv complexity (the
//! first bit, the parity of two bits, the majority of three, a seeded random function), a
//! random training set of `m` inputs, three measures over the networks that fit the
//! training set:
//! - *functions*: every consistent truth table equally likely (the counting argument): test
//!   accuracy is `Binomial(unseen, 1/2) / unseen`, exactly;
//! - *parameters*: weights drawn from their initial distribution, kept when the network
//!   fits the training set (rejection sampling; Huemer's rule, put indifference on the
//!   explanatorily prior variable; Turner: count parameterisations, not functions);
//! - *SGD*: networks trained from that initialisation until they fit the training set, by
//!   each of the configured training arms (minibatch SGD, the main one, and full-batch Adam
//!   beside it); the runs that never fit within the step budget are counted, not dropped
//!   silently.
//!
//! The function count's prediction is also drawn, as a null model the claims are decided
//! against: as many truth tables as there are SGD runs, each unseen value a fair coin and
//! every training value the target's (a uniform draw over the consistent functions).
//!
//! A *schemer analog* is a network that fits every training input and departs from the
//! target on every input of a fixed "trigger" set of unseen inputs. Its probability under
//! the function count is `2^-|trigger|`, the same as agreeing on every one; the other two are
//! measured. The class the counting argument counts is larger: a network that fits every
//! training input and *defies the target somewhere* on the trigger set, `1 - 2^-|trigger|`
//! of the consistent functions.

pub use nets::boolean::Target;
use nets::boolean::{TruthTable, all_inputs_mask, mask};
use nets::boolean_fit::{Batch, FitConfig, TrainingSet, fitted_functions};
use nets::sampler::{BITS, Shape, sample, two_hidden_spec};
use nets::{Optimizer, rng};
use rand::seq::SliceRandom;
use statrs::distribution::{Binomial, Discrete};

/// The training-set size whose accuracy distributions the book's figure shows.
pub const FIGURE_TRAINING_SIZE: usize = 16;

/// One way of training the networks until they fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arm {
    pub name: &'static str,
    pub optimizer: Optimizer,
    pub batch: Batch,
    /// Epochs (full batch: steps) before a run that does not fit is given up.
    pub max_epochs: usize,
    /// Epochs between checks of the fit.
    pub check_every: usize,
}

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxConfig {
    /// The targets, in order of Lempel-Ziv complexity; the first is the first bit.
    pub targets: Vec<Target>,
    /// Training-set sizes, nested: each is a prefix of one random order of the inputs.
    pub training_sizes: Vec<usize>,
    /// Unseen inputs on which a schemer departs from the target (never in training).
    pub trigger_size: usize,
    /// Random networks drawn for rejection sampling (shared by every target).
    pub samples: usize,
    /// Trained runs per target, training-set size and arm.
    pub sgd_runs: usize,
    /// The ways of training; the first is the one the figures show first.
    pub arms: Vec<Arm>,
    pub threads: usize,
    pub seed: u64,
}

/// Plain minibatch SGD on batches of 8, the recipe of the Speed chapter's comparison of SGD
/// with the conditioned prior (after Mingard et al.): the main arm.
pub const MINIBATCH_SGD: Arm = Arm {
    name: "minibatch SGD",
    optimizer: Optimizer::Sgd {
        lr: 0.02,
        momentum: 0.0,
        weight_decay: 0.0,
    },
    batch: Batch::Shuffled(8),
    max_epochs: 2_000,
    check_every: 1,
};

/// Full-batch Adam, as the chapter first ran it, beside the main arm.
pub const ADAM: Arm = Arm {
    name: "full-batch Adam",
    optimizer: Optimizer::Adam {
        lr: 3e-3,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        weight_decay: 0.0,
    },
    batch: Batch::Full,
    max_epochs: 2_000,
    check_every: 10,
};

impl Default for CruxConfig {
    fn default() -> Self {
        CruxConfig {
            targets: vec![
                Target::FirstBit,
                Target::Parity2,
                Target::Majority3,
                Target::Random(0x005e_ed0f_7a29),
            ],
            training_sizes: vec![8, 16, 24, 32],
            trigger_size: 4,
            samples: 3_000_000,
            sgd_runs: 400,
            arms: vec![MINIBATCH_SGD, ADAM],
            threads: 2,
            seed: 1,
        }
    }
}

impl CruxConfig {
    /// The two smallest training sets, a tenth of the random networks and the first quarter
    /// of the book's trained runs (the same seeds): the settings at which the book's
    /// verdicts are decided are all among them, with fewer runs.
    pub fn test_scale() -> Self {
        CruxConfig {
            training_sizes: vec![8, 16],
            samples: 300_000,
            sgd_runs: 100,
            ..Self::default()
        }
    }
}

/// The functions one measure kept at one training-set size, with their test accuracies and
/// schemer counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// The truth table of each network the measure kept.
    pub tables: Vec<TruthTable>,
    /// Test accuracy of each network the measure kept.
    pub test_accuracies: Vec<f64>,
    /// How many of them were schemer analogs (defy the target on every trigger input).
    pub schemers: usize,
    /// How many defy the target on at least one trigger input.
    pub defiers: usize,
    /// Trained runs that never fit the training set within the step budget (not among the
    /// kept networks); 0 for the measures that do not train.
    pub never_fit: usize,
}

impl Measured {
    pub fn mean_accuracy(&self) -> f64 {
        nets::stats::mean(self.test_accuracies.iter().copied())
    }

    pub fn schemer_share(&self) -> f64 {
        self.schemers as f64 / self.kept().max(1) as f64
    }

    pub fn defier_share(&self) -> f64 {
        self.defiers as f64 / self.kept().max(1) as f64
    }

    /// The networks the measure kept (those that fit).
    pub fn kept(&self) -> usize {
        self.test_accuracies.len()
    }

    /// [`marginals`] of the kept networks.
    pub fn marginals(&self, on: TruthTable) -> Vec<f64> {
        marginals(&self.tables, on)
    }

    /// [`pairwise_agreement`] of the kept networks.
    pub fn pairwise_agreement(&self, on: TruthTable) -> f64 {
        pairwise_agreement(&self.tables, on)
    }
}

/// For each input in `on`, in input order, the share of `tables` that output 1 there: the
/// marginal on that input of the measure the tables were drawn from.
pub fn marginals(tables: &[TruthTable], on: TruthTable) -> Vec<f64> {
    let kept = tables.len().max(1) as f64;
    (0..128)
        .filter(|i| on >> i & 1 == 1)
        .map(|i| tables.iter().filter(|&&f| f >> i & 1 == 1).count() as f64 / kept)
        .collect()
}

/// The mean, over inputs in `on`, of the share of pairs of `tables` that give the same
/// output there: one half in expectation for independent fair coins, whatever the target,
/// and higher the more the measure concentrates on some functions; NaN for fewer than two.
pub fn pairwise_agreement(tables: &[TruthTable], on: TruthTable) -> f64 {
    let k = tables.len() as f64;
    if k < 2.0 {
        return f64::NAN;
    }
    let pairs = k * (k - 1.0) / 2.0;
    nets::stats::mean(marginals(tables, on).into_iter().map(|q| {
        let ones = q * k;
        let zeros = k - ones;
        (ones * (ones - 1.0) / 2.0 + zeros * (zeros - 1.0) / 2.0) / pairs
    }))
}

/// The three measures at one training-set size.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxPoint {
    pub m: usize,
    /// Inputs outside the training set.
    pub unseen: usize,
    /// Those inputs, as a mask.
    pub test: TruthTable,
    /// Under indifference over functions: exact.
    pub function_schemer_probability: f64,
    pub parameters: Measured,
    /// The first training arm's networks.
    pub sgd: Measured,
    /// Every arm's networks, in the config's order (the first is [`CruxPoint::sgd`]).
    pub arms: Vec<Measured>,
    /// Truth tables drawn uniformly from the functions that fit the training set, as many as
    /// SGD runs: the function count's prediction, sampled as the other two are.
    pub uniform: Measured,
}

/// The experiment on one target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetRun {
    pub target: Target,
    pub table: TruthTable,
    /// Valle-Pérez et al.'s Lempel-Ziv complexity estimate of the target, in bits.
    pub complexity_bits: f64,
    pub points: Vec<CruxPoint>,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxResult {
    /// One run per target, the first bit first.
    pub targets: Vec<TargetRun>,
    pub arm_names: Vec<&'static str>,
    pub samples: usize,
    pub sgd_runs: usize,
    pub trigger_size: usize,
}

impl CruxResult {
    /// The first target's points (the first bit).
    pub fn points(&self) -> &[CruxPoint] {
        &self.targets[0].points
    }
}

/// The order in which inputs join the training set; the trigger set is taken from its end.
fn input_order(cfg: &CruxConfig) -> Vec<usize> {
    let mut order: Vec<usize> = (0..1 << BITS).collect();
    order.shuffle(&mut rng(cfg.seed));
    order
}

/// Accuracy of `f` against `target` on the inputs in `on` (a mask of `count` inputs).
fn accuracy_on(f: TruthTable, target: TruthTable, on: TruthTable, count: usize) -> f64 {
    1.0 - ((f ^ target) & on).count_ones() as f64 / count as f64
}

/// Runs the three measures at every target and training-set size.
///
/// # Panics
/// If a training set would overlap the trigger set.
pub fn run(cfg: &CruxConfig) -> CruxResult {
    let inputs = 1usize << BITS;
    let all = all_inputs_mask(BITS);
    let order = input_order(cfg);
    let trigger = mask(&order[inputs - cfg.trigger_size..]);
    assert!(
        cfg.training_sizes
            .iter()
            .all(|&m| m + cfg.trigger_size <= inputs)
    );
    let functions = sample(Shape::TwoHidden, cfg.samples, cfg.seed, cfg.threads);
    let targets = cfg
        .targets
        .iter()
        .enumerate()
        .map(|(t, &kind)| {
            let target = kind.table(BITS);
            let points = cfg
                .training_sizes
                .iter()
                .map(|&m| {
                    let train = mask(&order[..m]);
                    let test = all & !train;
                    let unseen = inputs - m;
                    let measure = |fs: &mut dyn Iterator<Item = TruthTable>, never_fit| {
                        let (mut tables, mut test_accuracies) = (Vec::new(), Vec::new());
                        let (mut schemers, mut defiers) = (0, 0);
                        for f in fs {
                            tables.push(f);
                            test_accuracies.push(accuracy_on(f, target, test, unseen));
                            let defied = (f ^ target) & trigger;
                            schemers += usize::from(defied == trigger);
                            defiers += usize::from(defied != 0);
                        }
                        Measured {
                            tables,
                            test_accuracies,
                            schemers,
                            defiers,
                            never_fit,
                        }
                    };
                    let parameters = measure(
                        &mut functions
                            .iter()
                            .copied()
                            .filter(|&f| (f ^ target) & train == 0),
                        0,
                    );
                    // The first target keeps the seeds the chapter has always used.
                    let salt = m as u64 + 1_000 * t as u64;
                    let arms: Vec<Measured> = cfg
                        .arms
                        .iter()
                        .enumerate()
                        .map(|(a, arm)| {
                            let runs = sgd_functions(
                                cfg,
                                arm,
                                &order[..m],
                                target,
                                salt + 100_000 * a as u64,
                            );
                            let never_fit = runs.iter().filter(|f| f.is_none()).count();
                            measure(&mut runs.into_iter().flatten(), never_fit)
                        })
                        .collect();
                    let uniform_tables = uniform_consistent(cfg, all, train, target, salt);
                    let uniform = measure(&mut uniform_tables.into_iter(), 0);
                    CruxPoint {
                        m,
                        unseen,
                        test,
                        function_schemer_probability: 0.5f64.powi(cfg.trigger_size as i32),
                        parameters,
                        sgd: arms[0].clone(),
                        arms,
                        uniform,
                    }
                })
                .collect();
            TargetRun {
                target: kind,
                table: target,
                complexity_bits: nets::complexity::kc_bits(nets::complexity::kc_units(target)),
                points,
            }
        })
        .collect();
    CruxResult {
        targets,
        arm_names: cfg.arms.iter().map(|a| a.name).collect(),
        samples: cfg.samples,
        sgd_runs: cfg.sgd_runs,
        trigger_size: cfg.trigger_size,
    }
}

/// `cfg.sgd_runs` truth tables drawn uniformly from those that agree with `target` on
/// `train`: every other input's value a fair coin (seeded apart from the SGD runs).
fn uniform_consistent(
    cfg: &CruxConfig,
    all: TruthTable,
    train: TruthTable,
    target: TruthTable,
    salt: u64,
) -> Vec<TruthTable> {
    use rand::RngExt;
    let mut r = rng(cfg.seed ^ 0x0f0f_0f0f_0f0f_0f0f ^ salt.wrapping_mul(0x9e37_79b9));
    (0..cfg.sgd_runs)
        .map(|_| ((r.random::<u128>() & all) & !train) | (target & train))
        .collect()
}

/// Truth tables of networks trained by `arm` (squared error to ±1) until they fit the
/// training inputs; `None` for a run that never fits within the arm's budget. Run `r` at
/// salt `salt` is seeded `seed·1,000,003 + salt·10,007 + r`.
fn sgd_functions(
    cfg: &CruxConfig,
    arm: &Arm,
    train: &[usize],
    target: TruthTable,
    salt: u64,
) -> Vec<Option<TruthTable>> {
    let fit = FitConfig {
        optimizer: arm.optimizer,
        batch: arm.batch,
        max_epochs: arm.max_epochs,
        check_every: arm.check_every,
    };
    let set = TrainingSet {
        n: BITS,
        inputs: train,
        target,
    };
    let seed = cfg
        .seed
        .wrapping_mul(1_000_003)
        .wrapping_add(salt.wrapping_mul(10_007));
    fitted_functions(
        &two_hidden_spec(),
        set,
        &fit,
        cfg.sgd_runs,
        seed,
        cfg.threads,
    )
}

/// Exact probability that a uniformly drawn consistent function gets `k` of `unseen` test
/// inputs right: `C(unseen, k) / 2^unseen`, statrs's binomial pmf.
pub fn function_accuracy_pmf(unseen: usize) -> Vec<f64> {
    let binomial = Binomial::new(0.5, unseen as u64).expect("a probability of 1/2");
    (0..=unseen as u64).map(|k| binomial.pmf(k)).collect()
}

/// Bins of width `1/bins` on [0, 1]: the share of `values` in each.
fn histogram(values: &[f64], bins: usize) -> Vec<f64> {
    let mut h = vec![0.0; bins];
    for &v in values {
        let b = ((v * bins as f64) as usize).min(bins - 1);
        h[b] += 1.0 / values.len().max(1) as f64;
    }
    h
}

/// The three distributions of test accuracy at training-set size `m`.
///
/// # Errors
/// A drawing error, or `m` not among the result's training-set sizes.
pub fn draw_accuracy(result: &CruxResult, m: usize) -> Result<String, figures::DrawError> {
    use figures::{PALETTE, SIZE};
    use plotters::prelude::*;
    const BINS: usize = 20;
    let point = result
        .points()
        .iter()
        .find(|p| p.m == m)
        .ok_or("no such training-set size")?;
    // The exact binomial, summed into the same bins.
    let mut functions = vec![0.0; BINS];
    for (k, p) in function_accuracy_pmf(point.unseen).into_iter().enumerate() {
        let b = ((k as f64 / point.unseen as f64 * BINS as f64) as usize).min(BINS - 1);
        functions[b] += p;
    }
    let series = [
        ("indifference over functions (exact)", functions),
        (
            "indifference over parameters (rejection sampling)",
            histogram(&point.parameters.test_accuracies, BINS),
        ),
        (
            "SGD-trained networks",
            histogram(&point.sgd.test_accuracies, BINS),
        ),
    ];
    // The tallest bar reaches two thirds of the height: the legend takes the band above.
    let top = series
        .iter()
        .flat_map(|(_, h)| h.iter().copied())
        .fold(0.0, f64::max)
        * 1.5;
    figures::svg(SIZE, |root| {
        let caption = format!("Test accuracy of networks that fit {m} training inputs, three ways");
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(0.0..1.0, 0.0..top)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "accuracy on the unseen inputs",
            "share of networks",
        )
        .x_label_formatter(&|x| figures::percent_label(*x))
        .y_label_formatter(&y_ticks)
        .draw()?;
        let width = 1.0 / BINS as f64;
        for (k, (name, h)) in series.iter().enumerate() {
            let colour = PALETTE[k];
            // Each measure's bars take a third of the bin, side by side.
            let bars = h.iter().enumerate().map(move |(b, &v)| {
                let x0 = b as f64 * width + k as f64 * width / 3.0;
                Rectangle::new([(x0, 0.0), (x0 + width / 3.0, v)], colour.mix(0.8).filled())
            });
            chart.draw_series(bars)?.label(*name).legend(move |(x, y)| {
                Rectangle::new([(x, y - 5), (x + 16, y + 5)], colour.filled())
            });
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// The schemer analog's probability against training-set size, three ways.
///
/// # Errors
/// A drawing error.
pub fn draw_schemers(result: &CruxResult) -> Result<String, figures::DrawError> {
    use figures::{PALETTE, SIZE};
    use plotters::prelude::*;
    let points = result.points();
    let ms: Vec<f64> = points.iter().map(|p| p.m as f64).collect();
    let (m0, m1) = (ms[0] - 2.0, ms[ms.len() - 1] + 2.0);
    let top = points[0].function_schemer_probability * 1.3;
    let lines: [(&str, Vec<(f64, f64)>); 3] = [
        (
            "indifference over functions",
            points
                .iter()
                .map(|p| (p.m as f64, p.function_schemer_probability))
                .collect(),
        ),
        (
            "indifference over parameters",
            points
                .iter()
                .map(|p| (p.m as f64, p.parameters.schemer_share()))
                .collect(),
        ),
        (
            "SGD-trained networks",
            points
                .iter()
                .map(|p| (p.m as f64, p.sgd.schemer_share()))
                .collect(),
        ),
    ];
    figures::svg(SIZE, |root| {
        let caption = format!(
            "Schemer analogs (first-bit target): fit the training set, defy the target on all {} trigger inputs",
            result.trigger_size
        );
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(m0..m1, 0.0..top)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "training inputs m",
            "probability of a schemer analog",
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        for (k, (name, pts)) in lines.iter().enumerate() {
            let colour = PALETTE[k];
            chart
                .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))?
                .label(*name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
            chart.draw_series(pts.iter().map(|&p| Circle::new(p, 5, colour.filled())))?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// Mean test accuracy against training-set size, one panel per target: the parameter
/// count, every training arm, and the function count (sampled).
///
/// # Errors
/// A drawing error.
pub fn draw_targets(result: &CruxResult) -> Result<String, figures::DrawError> {
    use figures::PALETTE;
    use plotters::prelude::*;
    let points = result.points();
    let (m0, m1) = (
        points[0].m as f64 - 2.0,
        points[points.len() - 1].m as f64 + 2.0,
    );
    let rows = result.targets.len().div_ceil(2);
    figures::svg((1000, 380 * rows as u32), |root| {
        let panels = root.split_evenly((rows, 2));
        for (run, panel) in result.targets.iter().zip(panels.iter()) {
            let caption = format!(
                "target: {} (complexity {:.0} bits)",
                run.target.name(),
                run.complexity_bits
            );
            let mut chart = figures::frame(&mut ChartBuilder::on(panel), &caption)
                // From 0, so the band below chance is free for the legend.
                .build_cartesian_2d(m0..m1, 0.0..1.0)?;
            figures::mesh(
                &mut chart.configure_mesh(),
                "training inputs m",
                "mean test accuracy",
            )
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| figures::percent_label(*y))
            .draw()?;
            let mut lines: Vec<(String, Vec<(f64, f64)>)> = vec![
                (
                    "function count (sampled)".to_string(),
                    run.points
                        .iter()
                        .map(|p| (p.m as f64, p.uniform.mean_accuracy()))
                        .collect(),
                ),
                (
                    "parameter count".to_string(),
                    run.points
                        .iter()
                        .filter(|p| p.parameters.kept() > 0)
                        .map(|p| (p.m as f64, p.parameters.mean_accuracy()))
                        .collect(),
                ),
            ];
            for (a, name) in result.arm_names.iter().enumerate() {
                lines.push((
                    (*name).to_string(),
                    run.points
                        .iter()
                        .filter(|p| p.arms[a].kept() > 0)
                        .map(|p| (p.m as f64, p.arms[a].mean_accuracy()))
                        .collect(),
                ));
            }
            for (k, (name, pts)) in lines.iter().enumerate() {
                let colour = PALETTE[k % PALETTE.len()];
                chart
                    .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))?
                    .label(name.as_str())
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                    });
                chart.draw_series(pts.iter().map(|&p| Circle::new(p, 4, colour.filled())))?;
            }
            figures::legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        }
        Ok(())
    })
}

/// The share of fitted networks that defy the target on at least one trigger input, against
/// training-set size: the first training arm on every target, and the function count's
/// `1 - 2^-k` (the same for every target).
///
/// # Errors
/// A drawing error.
pub fn draw_defiers(result: &CruxResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    let points = result.points();
    let (m0, m1) = (
        points[0].m as f64 - 2.0,
        points[points.len() - 1].m as f64 + 2.0,
    );
    let count = 1.0 - 0.5f64.powi(result.trigger_size as i32);
    figures::svg(SIZE, |root| {
        let caption = format!(
            "Defying the target on at least one of {} trigger inputs ({})",
            result.trigger_size, result.arm_names[0]
        );
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(m0..m1, 0.0..1.05)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "training inputs m",
            "share of fitted networks",
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        chart
            .draw_series(LineSeries::new(
                vec![(m0, count), (m1, count)],
                INK.stroke_width(2),
            ))?
            .label("function count, every target")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(2)));
        for (k, run) in result.targets.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let pts: Vec<(f64, f64)> = run
                .points
                .iter()
                .filter(|p| p.sgd.kept() > 0)
                .map(|p| (p.m as f64, p.sgd.defier_share()))
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))?
                .label(run.target.name())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
            chart.draw_series(pts.iter().map(|&p| Circle::new(p, 5, colour.filled())))?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_draws_fit_the_training_set_and_vary_elsewhere() {
        let cfg = CruxConfig {
            sgd_runs: 500,
            ..CruxConfig::test_scale()
        };
        let target = Target::FirstBit.table(BITS);
        let order = input_order(&cfg);
        let train = mask(&order[..16]);
        let draws = uniform_consistent(&cfg, u128::MAX, train, target, 16);
        assert_eq!(draws.len(), 500);
        assert!(draws.iter().all(|&f| (f ^ target) & train == 0));
        // Each unseen input a fair coin: the mean test accuracy is near one half.
        let test = !train;
        let mean = draws
            .iter()
            .map(|&f| accuracy_on(f, target, test, 112))
            .sum::<f64>()
            / 500.0;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }

    #[test]
    fn agreement_counts_pairs_of_networks_that_give_the_same_output() {
        let measured = |tables: Vec<TruthTable>| Measured {
            test_accuracies: vec![0.0; tables.len()],
            tables,
            schemers: 0,
            defiers: 0,
            never_fit: 0,
        };
        let on = 0b1010;
        // Two networks output 0 on both inputs, one outputs 1: one pair in three agrees.
        let m = measured(vec![0, 0, u128::MAX]);
        assert_eq!(m.marginals(on), vec![1.0 / 3.0, 1.0 / 3.0]);
        assert!((m.pairwise_agreement(on) - 1.0 / 3.0).abs() < 1e-15);
        // Identical networks always agree; inputs outside `on` are not read.
        assert_eq!(measured(vec![0b0101; 4]).pairwise_agreement(on), 1.0);
        // Opposite halves: on input 1 all agree, on input 3 the pairs split 2 in 6.
        let m = measured(vec![0, 0, 0b1000, 0b1000]);
        assert_eq!(m.marginals(on), vec![0.0, 0.5]);
        assert!((m.pairwise_agreement(on) - (1.0 + 2.0 / 6.0) / 2.0).abs() < 1e-15);
        assert!(measured(vec![0]).pairwise_agreement(on).is_nan());
    }

    #[test]
    fn the_targets_grow_in_complexity() {
        let n = 7;
        let k: Vec<f64> = CruxConfig::default()
            .targets
            .iter()
            .map(|t| nets::complexity::kc_bits(nets::complexity::kc_units(t.table(n))))
            .collect();
        assert!(k.windows(2).all(|w| w[0] <= w[1]), "{k:?}");
        assert!(k[0] < k[k.len() - 1], "{k:?}");
    }
}
