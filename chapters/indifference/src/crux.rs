//! The crux: at which level to be indifferent — over functions, over parameters, or not at
//! all (what SGD does).
//!
//! On Boolean functions of `n` bits, a network of fixed shape and a simple target (the
//! first bit), a random training set of `m` inputs, three measures over the networks that
//! fit the training set:
//! - *functions*: every consistent truth table equally likely (the counting argument): test
//!   accuracy is `Binomial(unseen, 1/2) / unseen`, exactly;
//! - *parameters*: weights drawn from their initial distribution, kept when the network
//!   fits the training set (rejection sampling; Huemer's rule, put indifference on the
//!   explanatorily prior variable; Turner: count parameterisations, not functions);
//! - *SGD*: networks trained from that initialisation until they fit the training set.
//!
//! The function count's prediction is also drawn, as a null model the claims are decided
//! against: as many truth tables as there are SGD runs, each unseen value a fair coin and
//! every training value the target's (a uniform draw over the consistent functions).
//!
//! A *schemer analog* is a network that fits every training input and departs from the
//! target on every input of a fixed "trigger" set of unseen inputs. Its probability under
//! the function count is `2^-|trigger|`; the other two are measured.

use nets::boolean::{TruthTable, mask, sample_functions, table_of};
use nets::boolean_fit::{Batch, FitConfig, TrainingSet, fitted_functions};
use nets::{Activation, InitDist, MlpSpec, Optimizer, Parametrisation, rng};
use rand::seq::SliceRandom;
use statrs::distribution::{Binomial, Discrete};

/// The training-set size whose accuracy distributions the book's figure shows.
pub const FIGURE_TRAINING_SIZE: usize = 16;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxConfig {
    /// Input bits (at most 7).
    pub n: usize,
    pub hidden: Vec<usize>,
    /// Training-set sizes, nested: each is a prefix of one random order of the inputs.
    pub training_sizes: Vec<usize>,
    /// Unseen inputs on which a schemer departs from the target (never in training).
    pub trigger_size: usize,
    /// Random networks drawn for rejection sampling.
    pub samples: usize,
    /// SGD runs per training-set size.
    pub sgd_runs: usize,
    pub sgd_max_steps: usize,
    pub lr: f64,
    pub threads: usize,
    pub seed: u64,
}

impl Default for CruxConfig {
    fn default() -> Self {
        CruxConfig {
            n: 7,
            hidden: vec![40, 40],
            training_sizes: vec![8, 16, 24, 32],
            trigger_size: 4,
            samples: 3_000_000,
            sgd_runs: 400,
            sgd_max_steps: 2_000,
            lr: 3e-3,
            threads: 2,
            seed: 1,
        }
    }
}

impl CruxConfig {
    /// Fewer networks; the measures still far apart.
    pub fn test_scale() -> Self {
        CruxConfig {
            training_sizes: vec![8, 16],
            samples: 100_000,
            sgd_runs: 200,
            ..Self::default()
        }
    }

    fn spec(&self) -> MlpSpec {
        let mut sizes = vec![self.n];
        sizes.extend(&self.hidden);
        sizes.push(1);
        MlpSpec {
            sizes,
            hidden: Activation::Relu,
            bias: true,
            // Valle-Pérez et al.'s sampler: uniform weights with variance 2/fan-in.
            init: InitDist::Uniform,
            parametrisation: Parametrisation::Standard,
        }
    }
}

/// Test accuracies and schemer counts of one measure at one training-set size.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// Test accuracy of each network the measure kept.
    pub test_accuracies: Vec<f64>,
    /// How many of them were schemer analogs.
    pub schemers: usize,
}

impl Measured {
    pub fn mean_accuracy(&self) -> f64 {
        nets::stats::mean(self.test_accuracies.iter().copied())
    }

    pub fn schemer_share(&self) -> f64 {
        self.schemers as f64 / self.test_accuracies.len().max(1) as f64
    }
}

/// The three measures at one training-set size.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxPoint {
    pub m: usize,
    /// Inputs outside the training set.
    pub unseen: usize,
    /// Under indifference over functions: exact.
    pub function_schemer_probability: f64,
    pub parameters: Measured,
    pub sgd: Measured,
    /// Truth tables drawn uniformly from the functions that fit the training set, as many as
    /// SGD runs: the function count's prediction, sampled as the other two are.
    pub uniform: Measured,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct CruxResult {
    pub points: Vec<CruxPoint>,
    pub samples: usize,
    pub trigger_size: usize,
}

/// The order in which inputs join the training set; the trigger set is taken from its end.
fn input_order(cfg: &CruxConfig) -> Vec<usize> {
    let mut order: Vec<usize> = (0..1 << cfg.n).collect();
    order.shuffle(&mut rng(cfg.seed));
    order
}

/// Accuracy of `f` against `target` on the inputs in `on` (a mask of `count` inputs).
fn accuracy_on(f: TruthTable, target: TruthTable, on: TruthTable, count: usize) -> f64 {
    1.0 - ((f ^ target) & on).count_ones() as f64 / count as f64
}

/// Runs the three measures at every training-set size.
///
/// # Panics
/// If a training set would overlap the trigger set.
pub fn run(cfg: &CruxConfig) -> CruxResult {
    let inputs = 1usize << cfg.n;
    let all = if inputs == 128 {
        u128::MAX
    } else {
        (1u128 << inputs) - 1
    };
    let target = table_of(cfg.n, |i| i & 1 == 1);
    let order = input_order(cfg);
    let trigger = mask(&order[inputs - cfg.trigger_size..]);
    assert!(
        cfg.training_sizes
            .iter()
            .all(|&m| m + cfg.trigger_size <= inputs)
    );
    let functions = sample_functions(&cfg.spec(), cfg.n, cfg.samples, cfg.seed, cfg.threads);
    let points = cfg
        .training_sizes
        .iter()
        .map(|&m| {
            let train = mask(&order[..m]);
            let test = all & !train;
            let unseen = inputs - m;
            let measure = |fs: &mut dyn Iterator<Item = TruthTable>| {
                let mut test_accuracies = Vec::new();
                let mut schemers = 0;
                for f in fs {
                    test_accuracies.push(accuracy_on(f, target, test, unseen));
                    if (f ^ target) & trigger == trigger {
                        schemers += 1;
                    }
                }
                Measured {
                    test_accuracies,
                    schemers,
                }
            };
            let parameters = measure(
                &mut functions
                    .iter()
                    .copied()
                    .filter(|&f| (f ^ target) & train == 0),
            );
            let sgd_tables = sgd_functions(cfg, &order[..m], target, m as u64);
            let sgd = measure(&mut sgd_tables.into_iter());
            let uniform_tables = uniform_consistent(cfg, all, train, target, m as u64);
            let uniform = measure(&mut uniform_tables.into_iter());
            CruxPoint {
                m,
                unseen,
                function_schemer_probability: 0.5f64.powi(cfg.trigger_size as i32),
                parameters,
                sgd,
                uniform,
            }
        })
        .collect();
    CruxResult {
        points,
        samples: cfg.samples,
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

/// Truth tables of networks trained (full batch, squared error to ±1) until they fit the
/// training inputs, the fit checked every ten steps; runs that never fit within the step
/// budget are left out. Run `r` at salt `salt` is seeded `seed·1,000,003 + salt·10,007 + r`.
fn sgd_functions(
    cfg: &CruxConfig,
    train: &[usize],
    target: TruthTable,
    salt: u64,
) -> Vec<TruthTable> {
    let fit = FitConfig {
        optimizer: Optimizer::adam(cfg.lr),
        batch: Batch::Full,
        max_epochs: cfg.sgd_max_steps,
        check_every: 10,
    };
    let set = TrainingSet {
        n: cfg.n,
        inputs: train,
        target,
    };
    let seed = cfg.seed.wrapping_mul(1_000_003) + salt * 10_007;
    fitted_functions(&cfg.spec(), set, &fit, cfg.sgd_runs, seed, cfg.threads)
        .into_iter()
        .flatten()
        .collect()
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
        .points
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
    let top = series
        .iter()
        .flat_map(|(_, h)| h.iter().copied())
        .fold(0.0, f64::max)
        * 1.1;
    figures::svg(SIZE, |root| {
        let caption = format!("Test accuracy of networks that fit {m} training inputs, three ways");
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(0.0..1.0, 0.0..top)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "accuracy on the unseen inputs",
            "share of networks",
        )
        .x_label_formatter(&|x| figures::percent_label(*x))
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
    let ms: Vec<f64> = result.points.iter().map(|p| p.m as f64).collect();
    let (m0, m1) = (ms[0] - 2.0, ms[ms.len() - 1] + 2.0);
    let top = result.points[0].function_schemer_probability * 1.3;
    let lines: [(&str, Vec<(f64, f64)>); 3] = [
        (
            "indifference over functions",
            result
                .points
                .iter()
                .map(|p| (p.m as f64, p.function_schemer_probability))
                .collect(),
        ),
        (
            "indifference over parameters",
            result
                .points
                .iter()
                .map(|p| (p.m as f64, p.parameters.schemer_share()))
                .collect(),
        ),
        (
            "SGD-trained networks",
            result
                .points
                .iter()
                .map(|p| (p.m as f64, p.sgd.schemer_share()))
                .collect(),
        ),
    ];
    figures::svg(SIZE, |root| {
        let caption = format!(
            "Schemer analogs: fit the training set, defy the target on {} unseen inputs",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_draws_fit_the_training_set_and_vary_elsewhere() {
        let cfg = CruxConfig {
            sgd_runs: 500,
            ..CruxConfig::test_scale()
        };
        let target = table_of(cfg.n, |i| i & 1 == 1);
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
}
