//! Epoch-wise double descent: test error against training time, at a fixed model size.
//!
//! Carlsmith's footnote describes the epoch-wise form: train a model of fixed size and its
//! test error falls, rises around the time it comes to fit its training data, and later
//! falls again. Nakkiran et al. ("Deep double descent", 2019) report it in deep networks
//! trained with label noise. Heckel & Yilmaz ("Early stopping in deep networks: double
//! descent and how to eliminate it", 2020) give a mechanism that can be computed exactly: when
//! parts of a model learn at different speeds, each part has its own trade-off between fitting
//! the signal and fitting the noise, and the test-error curve is their sum. If a fast part
//! overfits before a slow part has learned its share of the signal, the sum falls, rises and
//! falls again. Their simplest case is linear least squares whose input features come in
//! groups of different scale: plain gradient descent moves along a feature at a rate set by
//! the square of its scale. They remove the second descent by giving each group a step size
//! matched to its scale, so that all groups learn together; the experiment uses that remedy
//! as its rival.
//!
//! Setup, per seed: `n` training inputs `z ~ N(0, I_d)`, `d = d_fast + d_slow < n`; a linear
//! teacher `f(z) = β·z` with `β` uniform on the unit sphere (predicting zero scores 1, and the
//! teacher puts the same weight on every coordinate in expectation, so the slow group holds
//! the share `d_slow/d` of the signal); labels `y = f(z) + σε`, `ε ~ N(0, 1)`. The model sees
//! `x = Dz`, the first `d_fast` coordinates as they are and the last `d_slow` multiplied by
//! `s` (inputs measured in different units, say), and fits `w` in `x·w` by full-batch
//! gradient descent from zero on the mean squared error, with step size `η`, for up to
//! `T` steps. Gradient descent on a quadratic has a closed form: in the eigenbasis of the
//! sample covariance `XᵀX/n`, the coefficient along an eigenvector with eigenvalue `λ` after
//! `t` steps is `(1 − (1 − ηλ)^t)/λ` times that of `Xᵀy/n`. So every step count is computed
//! exactly, without iterating (a unit test checks the closed form against iterating). The
//! test error is the population mean squared error against the noiseless teacher,
//! `E[(x·w − f(z))²] = ‖Dw − β‖²`, exact rather than estimated on a test sample.
//!
//! Four runs share every seed's inputs, teacher and noise draw:
//! - *two speeds*: `s < 1`, labels with noise (the set-up Heckel & Yilmaz predict a second
//!   descent for);
//! - *two speeds, clean labels*: `σ = 0`, to show whether the bump needs the label noise
//!   Nakkiran et al. report epoch-wise double descent needs;
//! - *one speed*: the step size of each slow coordinate multiplied by `1/s²`, Heckel &
//!   Yilmaz's remedy. Gradient descent on `w` with that step is gradient descent on `Dw` with
//!   the inputs `z` themselves, so it is computed as such;
//! - *one speed, clean labels*: gradient descent that has nothing to overfit.
//!
//! The shape is read off on two sets of seeds, so that the points compared are not chosen on
//! the numbers that test them: the *locating* seeds' mean curve fixes the step counts of the
//! peak (the step standing highest above the lowest error both before and after it; if no
//! step stands above both, the step that rises most above an earlier one), the dip (the
//! lowest error up to the peak) and the later low (the lowest from the peak on), and the
//! *measuring* seeds' errors at those step counts decide the claims. A rise or a fall counts
//! if its mean over the measuring seeds exceeds twice its standard error and a tenth of the
//! error it starts from.
//!
//! The parameters were chosen before any run, from the mechanism: `d_fast/n = 1/2`, so that
//! the fast group's least-squares fit amplifies the noise it sees; and the slow scale `s`
//! small enough that the slow group starts learning (near `1/(ηs²λ)` steps for its largest
//! eigenvalues) well after the fast group has converged (near `1/(ηλ)` for the fast group's
//! smallest). What changed after the first run is the rule, not the set-up: it first
//! measured the fall from the peak to the *last* step. The first run's curve falls, rises,
//! falls again and then rises once more, because with `d/n = 3/4` least squares on all the
//! coordinates, where gradient descent converges whatever the speeds, overfits the noise in
//! turn; the last step then stands above the bump, and the first rule found no peak at all.
//! The rule now measures the fall to the lowest point after the peak, and the claims report
//! the error at the last step beside it. Nothing here is a network: whether deep networks
//! show the effect for this reason is Heckel & Yilmaz's argument, not something this
//! experiment tests.

use nalgebra::{DMatrix, DVector, SymmetricEigen};
use nets::rng;
use nets::stats::mean_se;
use rand_distr::{Distribution, StandardNormal};
use std::fmt;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochWiseConfig {
    /// Training samples `n`.
    pub train_size: usize,
    /// Coordinates seen at full scale (`d_fast`).
    pub fast_dim: usize,
    /// Coordinates seen at scale `s` (`d_slow`).
    pub slow_dim: usize,
    /// The slow group's scale `s`.
    pub slow_scale: f64,
    /// Label-noise standard deviation `σ`.
    pub noise: f64,
    /// Gradient-descent step size `η`.
    pub step_size: f64,
    /// The last step count `T`.
    pub max_steps: u64,
    /// Step counts evaluated, log-spaced from 1 to `T` (step 0 is added).
    pub checkpoints: usize,
    /// Seeds whose mean curve locates the dip and the peak.
    pub locate_seeds: Vec<u64>,
    /// Seeds whose errors at those step counts decide the claims.
    pub seeds: Vec<u64>,
}

impl Default for EpochWiseConfig {
    /// `n = 100`, `d_fast = 50`, `d_slow = 25`, `s = 0.05` (so the slow group learns 400
    /// times more slowly), `σ = 0.5` as in the model-wise sweep, `η = 0.25`, up to `10⁶`
    /// steps; 10 locating and 30 measuring seeds.
    fn default() -> Self {
        EpochWiseConfig {
            train_size: 100,
            fast_dim: 50,
            slow_dim: 25,
            slow_scale: 0.05,
            noise: 0.5,
            step_size: 0.25,
            max_steps: 1_000_000,
            checkpoints: 121,
            locate_seeds: (101..=110).collect(),
            seeds: (1..=30).collect(),
        }
    }
}

impl EpochWiseConfig {
    /// `n = 40` with the same ratios and fewer checkpoints: the shape is still located on
    /// one set of seeds and measured on another. (With 10 measuring seeds instead of 40 the
    /// second descent at this size is within two standard errors of none.)
    pub fn test_scale() -> Self {
        EpochWiseConfig {
            train_size: 40,
            fast_dim: 20,
            slow_dim: 10,
            checkpoints: 61,
            locate_seeds: (101..=110).collect(),
            seeds: (1..=40).collect(),
            ..Self::default()
        }
    }
}

/// Why the experiment could not run.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum EpochWiseError {
    /// A size is zero, or a seed list is empty.
    Empty,
    /// As many coordinates as samples or more: the closed form assumes `d < n`.
    Overparametrised,
    /// A scale, noise level or step size that is not a positive finite number (noise may
    /// be zero).
    Parameter(&'static str),
    /// The step size is too large for gradient descent to converge on some seed
    /// (`ηλ_max ≥ 2`).
    Diverges { seed: u64, eta_lambda: f64 },
}

impl fmt::Display for EpochWiseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EpochWiseError::Empty => write!(f, "sizes must be positive, with seeds to run"),
            EpochWiseError::Overparametrised => {
                write!(f, "the closed form needs fewer coordinates than samples")
            }
            EpochWiseError::Parameter(what) => write!(f, "{what} must be a positive number"),
            EpochWiseError::Diverges { seed, eta_lambda } => write!(
                f,
                "gradient descent diverges on seed {seed}: ηλ_max = {eta_lambda:.3} ≥ 2"
            ),
        }
    }
}

impl std::error::Error for EpochWiseError {}

/// One of the four runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    TwoSpeeds,
    TwoSpeedsClean,
    OneSpeed,
    OneSpeedClean,
}

impl Variant {
    pub const ALL: [Variant; 4] = [
        Variant::TwoSpeeds,
        Variant::TwoSpeedsClean,
        Variant::OneSpeed,
        Variant::OneSpeedClean,
    ];

    fn two_speeds(self) -> bool {
        matches!(self, Variant::TwoSpeeds | Variant::TwoSpeedsClean)
    }

    fn noisy(self) -> bool {
        matches!(self, Variant::TwoSpeeds | Variant::OneSpeed)
    }
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Variant::TwoSpeeds => "two speeds, noisy labels",
            Variant::TwoSpeedsClean => "two speeds, clean labels",
            Variant::OneSpeed => "one speed (matched steps), noisy labels",
            Variant::OneSpeedClean => "one speed, clean labels",
        })
    }
}

/// The shape one run's curve takes: where its dip, peak and later low are (located on the
/// locating seeds), and the measuring seeds' errors there and at the last step.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Whether the locating curve has a step standing above the lowest point both before
    /// and after it; if not, the peak is the step that rises most above an earlier one.
    pub interior: bool,
    pub dip_step: u64,
    pub peak_step: u64,
    pub later_step: u64,
    pub last_step: u64,
    /// Measuring seeds' mean test errors at the dip, the peak, the later low and the last
    /// step.
    pub dip: f64,
    pub peak: f64,
    pub later: f64,
    pub last: f64,
    /// Per-seed `error(peak) − error(dip)`: mean and standard error.
    pub rise: (f64, f64),
    /// Per-seed `error(peak) − error(later low)`: mean and standard error.
    pub fall: (f64, f64),
    /// Mean training error at the dip, the peak, the later low and the last step.
    pub train_at_dip: f64,
    pub train_at_peak: f64,
    pub train_at_later: f64,
    pub train_at_last: f64,
}

impl Shape {
    /// Whether the rise from the dip to the peak exceeds twice its standard error and a
    /// tenth of the error at the dip.
    pub fn rises(&self) -> bool {
        self.rise.0 > 2.0 * self.rise.1 && self.peak >= 1.1 * self.dip
    }

    /// Whether, after a peak that follows a dip, the fall to the later low exceeds twice its
    /// standard error and a tenth of the error at the peak. (A curve that never rises has its
    /// peak at its dip, and its one descent is not a second.)
    pub fn falls_again(&self) -> bool {
        self.peak_step > self.dip_step
            && self.fall.0 > 2.0 * self.fall.1
            && self.later <= 0.9 * self.peak
    }
}

/// One run: mean curves over the measuring seeds, and its shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub variant: Variant,
    /// Mean test and training error at each checkpoint, over the measuring seeds.
    pub test: Vec<f64>,
    pub train: Vec<f64>,
    pub shape: Shape,
}

/// Every run, at the checkpoints.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochWiseResult {
    pub train_size: usize,
    pub fast_dim: usize,
    pub slow_dim: usize,
    pub slow_scale: f64,
    pub noise: f64,
    pub steps: Vec<u64>,
    pub runs: Vec<Run>,
    /// Seeds used to locate and to measure.
    pub locating: usize,
    pub measuring: usize,
}

impl EpochWiseResult {
    /// The run of one variant.
    pub fn run(&self, variant: Variant) -> &Run {
        self.runs
            .iter()
            .find(|r| r.variant == variant)
            .expect("every variant is run")
    }
}

/// `0` and `k` step counts log-spaced from 1 to `max`, rounded and without repeats.
pub fn step_grid(max: u64, k: usize) -> Vec<u64> {
    let mut steps = vec![0];
    let top = (max as f64).ln();
    for i in 0..k {
        let frac = if k > 1 {
            i as f64 / (k - 1) as f64
        } else {
            1.0
        };
        let s = (top * frac).exp().round() as u64;
        if steps.last() != Some(&s) {
            steps.push(s.max(1));
        }
    }
    steps.dedup();
    steps
}

/// Gradient descent's closed form on one seed's least-squares problem.
struct Problem {
    /// Eigenvalues of `FᵀF/n` and the coordinates of `Fᵀy/n` in its eigenbasis.
    lambda: Vec<f64>,
    c: Vec<f64>,
    /// Eigenvectors, and `Dβ`-space target: test error is `‖M w − β‖²` with `M` the
    /// scales that map `w` into the teacher's coordinates.
    vectors: DMatrix<f64>,
    scales: DVector<f64>,
    beta: DVector<f64>,
    /// `‖y‖²/n`.
    yy: f64,
}

impl Problem {
    fn new(
        features: &DMatrix<f64>,
        y: &DVector<f64>,
        scales: DVector<f64>,
        beta: DVector<f64>,
    ) -> Self {
        let n = features.nrows() as f64;
        let cov = features.tr_mul(features) / n;
        let b = features.tr_mul(y) / n;
        let eig = SymmetricEigen::new(cov);
        let c = eig.eigenvectors.tr_mul(&b);
        Problem {
            lambda: eig.eigenvalues.iter().map(|&l| l.max(0.0)).collect(),
            c: c.iter().copied().collect(),
            vectors: eig.eigenvectors,
            scales,
            beta,
            yy: y.norm_squared() / n,
        }
    }

    fn lambda_max(&self) -> f64 {
        self.lambda.iter().copied().fold(0.0, f64::max)
    }

    /// `(1 − (1 − ηλ)^t)/λ`, the gain after `t` steps (`ηt` as `λ → 0`).
    fn gain(eta: f64, lambda: f64, t: u64) -> f64 {
        let el = eta * lambda;
        if el < 1e-12 {
            return eta * t as f64;
        }
        let decay = ((t as f64) * (-el).ln_1p()).exp();
        (1.0 - decay) / lambda
    }

    /// Test and training error after `t` steps.
    fn errors(&self, eta: f64, t: u64) -> (f64, f64) {
        let g: Vec<f64> = self.lambda.iter().map(|&l| Self::gain(eta, l, t)).collect();
        let coef = DVector::from_iterator(g.len(), g.iter().zip(&self.c).map(|(gi, ci)| gi * ci));
        let w = &self.vectors * coef;
        let test = w
            .iter()
            .zip(self.scales.iter())
            .zip(self.beta.iter())
            .map(|((wi, si), bi)| (wi * si - bi).powi(2))
            .sum();
        // (1/n)‖Fw − y‖² = Σ λ g² c² − 2 Σ g c² + ‖y‖²/n.
        let train = self
            .lambda
            .iter()
            .zip(&g)
            .zip(&self.c)
            .map(|((l, gi), ci)| l * gi * gi * ci * ci - 2.0 * gi * ci * ci)
            .sum::<f64>()
            + self.yy;
        (test, train.max(0.0))
    }
}

/// One seed's inputs, teacher and noise.
struct Draw {
    z: DMatrix<f64>,
    beta: DVector<f64>,
    eps: DVector<f64>,
}

fn draw(cfg: &EpochWiseConfig, seed: u64) -> Draw {
    let mut r = rng(seed);
    let d = cfg.fast_dim + cfg.slow_dim;
    let mut normal = |rows: usize, cols: usize| {
        DMatrix::from_fn(rows, cols, |_, _| {
            let v: f64 = StandardNormal.sample(&mut r);
            v
        })
    };
    let beta = normal(d, 1);
    let beta = (&beta / beta.norm()).column(0).into_owned();
    let z = normal(cfg.train_size, d);
    let eps = normal(cfg.train_size, 1).column(0).into_owned();
    Draw { z, beta, eps }
}

/// The problem one variant poses on one seed's draw.
fn problem(cfg: &EpochWiseConfig, d: &Draw, variant: Variant) -> Problem {
    let dim = cfg.fast_dim + cfg.slow_dim;
    let noise = if variant.noisy() { cfg.noise } else { 0.0 };
    let y = &d.z * &d.beta + &d.eps * noise;
    let scales = DVector::from_fn(dim, |j, _| {
        if variant.two_speeds() && j >= cfg.fast_dim {
            cfg.slow_scale
        } else {
            1.0
        }
    });
    let mut features = d.z.clone();
    for (j, mut col) in features.column_iter_mut().enumerate() {
        col *= scales[j];
    }
    Problem::new(&features, &y, scales, d.beta.clone())
}

/// Test and training error at every checkpoint, for one seed and variant.
fn curve(
    cfg: &EpochWiseConfig,
    steps: &[u64],
    seed: u64,
    variant: Variant,
) -> Result<(Vec<f64>, Vec<f64>), EpochWiseError> {
    let p = problem(cfg, &draw(cfg, seed), variant);
    let eta_lambda = cfg.step_size * p.lambda_max();
    if eta_lambda >= 2.0 {
        return Err(EpochWiseError::Diverges { seed, eta_lambda });
    }
    Ok(steps.iter().map(|&t| p.errors(cfg.step_size, t)).unzip())
}

/// Where a curve's dip, peak and later low are: `(interior, dip, peak, later)` indices.
/// The peak is the index maximising `min(e[k] − min_{j≤k} e[j], e[k] − min_{j≥k} e[j])`, how
/// far it stands above the lowest point on both sides, when that is positive; else the one
/// maximising the rise `e[k] − min_{j≤k} e[j]`. The dip is the lowest point up to the peak,
/// the later low the lowest point from the peak on.
pub fn locate(e: &[f64]) -> (bool, usize, usize, usize) {
    let lowest_before: Vec<f64> = e
        .iter()
        .scan(f64::INFINITY, |low, &v| {
            *low = f64::min(*low, v);
            Some(*low)
        })
        .collect();
    let mut lowest_after: Vec<f64> = e
        .iter()
        .rev()
        .scan(f64::INFINITY, |low, &v| {
            *low = f64::min(*low, v);
            Some(*low)
        })
        .collect();
    lowest_after.reverse();
    let argmax = |score: &dyn Fn(usize) -> f64| {
        (0..e.len()).fold(0, |best, k| if score(k) > score(best) { k } else { best })
    };
    // Differences below a billionth of the curve's height are rounding, not rises.
    let tolerance = 1e-9 * e.iter().copied().fold(0.0, f64::max);
    let above = |x: f64| if x > tolerance { x } else { 0.0 };
    let rise = |k: usize| above(e[k] - lowest_before[k]);
    let bump = |k: usize| rise(k).min(above(e[k] - lowest_after[k]));
    let interior_peak = argmax(&bump);
    let (interior, peak) = if bump(interior_peak) > 0.0 {
        (true, interior_peak)
    } else {
        (false, argmax(&rise))
    };
    let dip = (0..=peak).fold(
        0,
        |best, k| {
            if above(e[best] - e[k]) > 0.0 { k } else { best }
        },
    );
    let later = (peak..e.len()).fold(
        peak,
        |best, k| {
            if above(e[best] - e[k]) > 0.0 { k } else { best }
        },
    );
    (interior, dip, peak, later)
}

fn mean_curve(curves: &[(Vec<f64>, Vec<f64>)], train: bool) -> Vec<f64> {
    let k = curves[0].0.len();
    (0..k)
        .map(|i| {
            curves
                .iter()
                .map(|c| if train { c.1[i] } else { c.0[i] })
                .sum::<f64>()
                / curves.len() as f64
        })
        .collect()
}

/// Runs the four variants.
///
/// # Errors
/// [`EpochWiseError`] for an empty or inconsistent configuration, or a step size too
/// large for gradient descent to converge.
pub fn run(cfg: &EpochWiseConfig) -> Result<EpochWiseResult, EpochWiseError> {
    let d = cfg.fast_dim + cfg.slow_dim;
    if cfg.train_size == 0
        || cfg.fast_dim == 0
        || cfg.slow_dim == 0
        || cfg.max_steps == 0
        || cfg.checkpoints == 0
        || cfg.seeds.is_empty()
        || cfg.locate_seeds.is_empty()
    {
        return Err(EpochWiseError::Empty);
    }
    if d >= cfg.train_size {
        return Err(EpochWiseError::Overparametrised);
    }
    let positive = |x: f64| x > 0.0 && x.is_finite();
    if !positive(cfg.slow_scale) {
        return Err(EpochWiseError::Parameter("the slow scale"));
    }
    if !positive(cfg.step_size) {
        return Err(EpochWiseError::Parameter("the step size"));
    }
    if !(cfg.noise >= 0.0 && cfg.noise.is_finite()) {
        return Err(EpochWiseError::Parameter("the noise level"));
    }
    let steps = step_grid(cfg.max_steps, cfg.checkpoints);
    let last = steps.len() - 1;
    let mut runs = Vec::new();
    for variant in Variant::ALL {
        let curves = |seeds: &[u64]| {
            seeds
                .iter()
                .map(|&s| curve(cfg, &steps, s, variant))
                .collect::<Result<Vec<_>, _>>()
        };
        let locating = curves(&cfg.locate_seeds)?;
        let measuring = curves(&cfg.seeds)?;
        let (interior, dip, peak, later) = locate(&mean_curve(&locating, false));
        let test = mean_curve(&measuring, false);
        let train = mean_curve(&measuring, true);
        let diffs = |a: usize, b: usize| -> Vec<f64> {
            measuring.iter().map(|c| c.0[a] - c.0[b]).collect()
        };
        runs.push(Run {
            variant,
            shape: Shape {
                interior,
                dip_step: steps[dip],
                peak_step: steps[peak],
                later_step: steps[later],
                last_step: steps[last],
                dip: test[dip],
                peak: test[peak],
                later: test[later],
                last: test[last],
                rise: mean_se(&diffs(peak, dip)),
                fall: mean_se(&diffs(peak, later)),
                train_at_dip: train[dip],
                train_at_peak: train[peak],
                train_at_later: train[later],
                train_at_last: train[last],
            },
            test,
            train,
        });
    }
    Ok(EpochWiseResult {
        train_size: cfg.train_size,
        fast_dim: cfg.fast_dim,
        slow_dim: cfg.slow_dim,
        slow_scale: cfg.slow_scale,
        noise: cfg.noise,
        steps,
        runs,
        locating: cfg.locate_seeds.len(),
        measuring: cfg.seeds.len(),
    })
}

/// Test error against gradient-descent steps (both axes logarithmic) for the four runs, the
/// two-speed run's training error dashed, its dip and peak marked.
///
/// # Errors
/// A drawing error.
pub fn draw_curves(result: &EpochWiseResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    // Step 0 has no place on a log axis; the curves start at step 1.
    let shown: Vec<usize> = (0..result.steps.len())
        .filter(|&i| result.steps[i] > 0)
        .collect();
    let x = |i: usize| result.steps[i] as f64;
    // The axis spans the noisy-label runs and the training error; the clean-label runs,
    // which converge to zero error, leave it at the bottom.
    let values = || {
        result
            .runs
            .iter()
            .filter(|r| r.variant.noisy())
            .flat_map(|r| shown.iter().map(move |&i| r.test[i]))
            .chain(
                shown
                    .iter()
                    .map(|&i| result.run(Variant::TwoSpeeds).train[i]),
            )
    };
    let floor = values().fold(f64::INFINITY, f64::min) / 1.5;
    let top = values().fold(0.0, f64::max) * 1.5;
    let clip = |v: f64| v.max(floor);
    let x_hi = result.steps.last().copied().unwrap_or(1) as f64;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Linear regression by gradient descent: test error against steps",
        )
        .build_cartesian_2d((1f64..x_hi * 1.5).log_scale(), (floor..top).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            &format!(
                "gradient-descent steps (n = {}, {} + {} coordinates)",
                result.train_size, result.fast_dim, result.slow_dim
            ),
            "mean squared error",
        )
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::number(*y, 2))
        .draw()?;
        for (k, run) in result.runs.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let width = if k == 0 { 3 } else { 2 };
            chart
                .draw_series(LineSeries::new(
                    shown.iter().map(|&i| (x(i), clip(run.test[i]))),
                    colour.stroke_width(width),
                ))?
                .label(format!("test: {}", run.variant))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(width))
                });
        }
        let main = result.run(Variant::TwoSpeeds);
        chart
            .draw_series(DashedLineSeries::new(
                shown.iter().map(|&i| (x(i), clip(main.train[i]))),
                6,
                4,
                INK.stroke_width(2),
            ))?
            .label("training error: two speeds, noisy labels")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(2)));
        let s = &main.shape;
        for (step, value) in [(s.dip_step, s.dip), (s.peak_step, s.peak)] {
            if step > 0 {
                chart.draw_series(std::iter::once(Circle::new(
                    (step as f64, value),
                    6,
                    PALETTE[0].stroke_width(2),
                )))?;
            }
        }
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_form_is_gradient_descent() {
        let cfg = EpochWiseConfig::test_scale();
        let d = draw(&cfg, 3);
        let p = problem(&cfg, &d, Variant::TwoSpeeds);
        // Iterate gradient descent on the same problem.
        let dim = cfg.fast_dim + cfg.slow_dim;
        let n = cfg.train_size as f64;
        let mut features = d.z.clone();
        for (j, mut col) in features.column_iter_mut().enumerate() {
            col *= p.scales[j];
        }
        let y = &d.z * &d.beta + &d.eps * cfg.noise;
        let mut w = DVector::zeros(dim);
        for t in 1..=300u64 {
            let grad = features.tr_mul(&(&features * &w - &y)) / n;
            w -= grad * cfg.step_size;
            if [1, 10, 300].contains(&t) {
                let test: f64 = w
                    .iter()
                    .zip(p.scales.iter())
                    .zip(d.beta.iter())
                    .map(|((wi, si), bi)| (wi * si - bi).powi(2))
                    .sum();
                let train = (&features * &w - &y).norm_squared() / n;
                let (ct, cr) = p.errors(cfg.step_size, t);
                assert!(
                    (ct - test).abs() < 1e-9 * test.max(1.0),
                    "{t}: {ct} vs {test}"
                );
                assert!(
                    (cr - train).abs() < 1e-9 * train.max(1.0),
                    "{t}: {cr} vs {train}"
                );
            }
        }
        // Step 0 predicts zero: test error ‖β‖² = 1.
        assert!((p.errors(cfg.step_size, 0).0 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn locate_reads_shapes() {
        // A double descent: dip at 1, peak at 3, lowest after it at the end.
        assert_eq!(locate(&[1.0, 0.5, 0.7, 0.9, 0.6, 0.4]), (true, 1, 3, 5));
        // Down again, then up once more: the later low is inside the run.
        assert_eq!(locate(&[1.0, 0.5, 0.9, 0.4, 0.8]), (true, 1, 2, 3));
        // A U that stays up: no interior peak; the peak is the largest rise, at the end.
        assert_eq!(locate(&[1.0, 0.5, 0.7, 0.9]), (false, 1, 3, 3));
        // Monotone decrease: no rise at all.
        let (interior, dip, peak, _) = locate(&[1.0, 0.8, 0.5]);
        assert!(!interior && dip == peak);
    }

    #[test]
    fn matched_steps_and_clean_labels_leave_nothing_to_overfit() {
        // One speed with clean labels: each eigendirection's error decays, so the test
        // error never rises.
        let r = run(&EpochWiseConfig::test_scale()).unwrap();
        let clean = r.run(Variant::OneSpeedClean);
        assert!(clean.test.windows(2).all(|w| w[1] <= w[0] * (1.0 + 1e-12)));
        assert!(!clean.shape.rises() && !clean.shape.falls_again());
        // Step grid: starts at 0, ends at T, increasing.
        assert_eq!(r.steps[0], 0);
        assert_eq!(*r.steps.last().unwrap(), 1_000_000);
        assert!(r.steps.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn two_speeds_fall_rise_and_fall_where_one_speed_only_rises() {
        let r = run(&EpochWiseConfig::test_scale()).unwrap();
        let two = &r.run(Variant::TwoSpeeds).shape;
        assert!(two.interior && two.rises() && two.falls_again(), "{two:?}");
        assert!(two.dip_step < two.peak_step && two.peak_step < two.later_step);
        // Converged, gradient descent is least squares whatever the speeds: both runs end
        // at the same error.
        let one = &r.run(Variant::OneSpeed).shape;
        assert!(
            (two.last - one.last).abs() < 1e-6 * one.last,
            "{two:?} {one:?}"
        );
        assert!(one.rises() && !one.falls_again(), "{one:?}");
    }
}
