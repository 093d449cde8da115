//! Double descent in random-features regression: more parameters than data can hurt, then
//! help — and regularisation removes the hurt.
//!
//! Carlsmith's footnote on double descent points to Belkin et al. (2019) and Nakkiran et al.
//! ("Deep double descent", 2019): test error rises as a model grows towards the size at
//! which it can just interpolate its training set, then falls again as it grows further.
//! The counting argument reads more capacity as more ways to overfit; double descent says
//! the worst place is the interpolation threshold, not the large-model limit. The simplest
//! setting that shows it is random-features regression (Mei & Montanari 2019), checked here.
//!
//! Setup, per seed: `n` training inputs `x ~ N(0, I_d)`; a linear teacher `f(x) = β·x` with
//! `β` uniform on the unit sphere (so `Var f(x) = 1`, and predicting zero scores 1); labels
//! `y = f(x) + ε`, `ε ~ N(0, σ²)`, `σ = 0.5`. Features `φ_j(x) = ReLU(w_j·x/√d)/√p` for
//! `j < p`, with `w_j ~ N(0, I_d)` fixed and random. The `1/√p` keeps `‖φ(x)‖² ≈ 1/2` at
//! every `p`, so that a ridge penalty means the same thing across the sweep: ridge minimises
//! `(1/n)‖Φa − y‖² + λ‖a‖²`. The features for width `p` are the first `p` of one draw of
//! `w`s: within a seed a wider model adds features to a narrower one rather than redrawing
//! them, so neighbouring widths differ in width and nothing else.
//!
//! Fits: the pseudo-inverse `a = Φ⁺y` ("ridgeless": least squares for `p < n`, the
//! minimum-norm interpolant for `p > n`, which is where gradient descent from zero goes), and
//! ridge at a few fixed `λ`. "Tuned ridge" picks, at each `p`, the `λ` of a wide grid with
//! the lowest mean test error — an oracle, tuned on the test set, that shows what the best
//! regularisation could do rather than what a practitioner would get by validation.
//!
//! Test error is the mean squared error against the noiseless teacher on fresh inputs (the
//! label noise would add `σ²` to every number), averaged over seeds with its standard error.
//! Epoch-wise double descent (error against training time at fixed size) is
//! [`crate::epoch_wise`]'s.

use nalgebra::{DMatrix, DVector};
use nets::rng;
use nets::stats::{mean_se, median};
use rand_distr::{Distribution, StandardNormal};
use std::fmt;

/// The sweep's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct DoubleDescentConfig {
    /// Training samples `n`.
    pub train_size: usize,
    /// Input dimension `d`.
    pub input_dim: usize,
    /// Fresh inputs the test error is averaged over.
    pub test_size: usize,
    /// Label-noise standard deviation `σ`.
    pub noise: f64,
    /// Feature counts `p`, increasing.
    pub features: Vec<usize>,
    /// Fixed ridge penalties drawn as their own curves.
    pub ridges: Vec<f64>,
    /// Penalties the tuned-ridge oracle chooses from.
    pub tuning_grid: Vec<f64>,
    pub seeds: Vec<u64>,
}

/// `p` from `n/10` to `10n` on a log grid, dense around `p = n`.
fn feature_grid(n: usize) -> Vec<usize> {
    let ratios = [
        0.1, 0.13, 0.16, 0.2, 0.25, 0.32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.94, 0.97, 1.0,
        1.03, 1.06, 1.1, 1.2, 1.3, 1.5, 2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 8.0, 10.0,
    ];
    let mut grid: Vec<usize> = ratios
        .iter()
        .map(|r| ((r * n as f64).round() as usize).max(1))
        .collect();
    grid.dedup();
    grid
}

/// Half-decades from `10^lo` to `10^hi`.
fn half_decades(lo: i32, hi: i32) -> Vec<f64> {
    (2 * lo..=2 * hi)
        .map(|k| 10f64.powf(f64::from(k) / 2.0))
        .collect()
}

impl Default for DoubleDescentConfig {
    /// `n = 100`, `d = 20`, `σ = 0.5`, `p` from 10 to 1,000 (30 values), five seeds; fixed
    /// penalties below the best one (about `10⁻³` here), to show the peak shrinking as `λ`
    /// grows, and a tuning grid of half-decades from `10⁻⁶` to 10.
    fn default() -> Self {
        DoubleDescentConfig {
            train_size: 100,
            input_dim: 20,
            test_size: 2_000,
            noise: 0.5,
            features: feature_grid(100),
            ridges: vec![1e-6, 1e-5, 1e-4],
            tuning_grid: half_decades(-6, 1),
            seeds: vec![1, 2, 3, 4, 5],
        }
    }
}

impl DoubleDescentConfig {
    /// `n = 40`, `d = 10`, fewer widths: the threshold is still sharp, and the
    /// peak's position and the ridge's effect are still measured, not given.
    pub fn test_scale() -> Self {
        DoubleDescentConfig {
            train_size: 40,
            input_dim: 10,
            test_size: 1_000,
            features: vec![
                4, 6, 10, 14, 20, 26, 32, 36, 40, 44, 50, 64, 100, 160, 250, 400,
            ],
            ..Self::default()
        }
    }
}

/// Why the sweep could not run.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DoubleDescentError {
    /// A size is zero, or there are no seeds or widths.
    Empty,
    /// The widths are not strictly increasing.
    Unsorted,
    /// A penalty that is not a positive number.
    Ridge(f64),
}

impl fmt::Display for DoubleDescentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DoubleDescentError::Empty => {
                write!(
                    f,
                    "sizes must be positive, with at least one seed and width"
                )
            }
            DoubleDescentError::Unsorted => write!(f, "feature counts must increase"),
            DoubleDescentError::Ridge(l) => write!(f, "ridge penalties must be positive, not {l}"),
        }
    }
}

impl std::error::Error for DoubleDescentError {}

/// How the coefficients were fitted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fit {
    /// `Φ⁺y`.
    Ridgeless,
    /// Ridge with this `λ`.
    Ridge(f64),
    /// Ridge with the `λ` of the tuning grid that is best at each width.
    TunedRidge,
}

impl fmt::Display for Fit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fit::Ridgeless => write!(f, "ridgeless (min-norm)"),
            Fit::Ridge(l) => write!(f, "ridge λ = {}", figures::scientific(*l, 2)),
            Fit::TunedRidge => write!(f, "ridge, λ tuned per width (oracle)"),
        }
    }
}

/// Test error at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub features: usize,
    /// Mean over seeds and its standard error.
    pub mean: f64,
    pub se: f64,
    pub per_seed: Vec<f64>,
    /// The penalty used (`None` for ridgeless).
    pub ridge: Option<f64>,
}

impl Point {
    /// The median over seeds: the mean near the threshold is dominated by the worst seed.
    pub fn median(&self) -> f64 {
        median(&self.per_seed)
    }
}

/// Test error against width for one way of fitting.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub fit: Fit,
    pub points: Vec<Point>,
}

impl Curve {
    /// The point at width `features`, if it was run.
    pub fn at(&self, features: usize) -> Option<&Point> {
        self.points.iter().find(|p| p.features == features)
    }

    /// The point of highest mean test error.
    pub fn peak(&self) -> &Point {
        self.points
            .iter()
            .fold(&self.points[0], |m, p| if p.mean > m.mean { p } else { m })
    }

    /// The largest relative rise of the mean test error from one width to any larger one:
    /// `max over p < q of (e(q) − e(p)) / e(p)`, zero for a curve that never rises.
    pub fn worst_rise(&self) -> f64 {
        let mut worst: f64 = 0.0;
        let mut lowest = f64::INFINITY;
        for p in &self.points {
            worst = worst.max((p.mean - lowest) / lowest);
            lowest = lowest.min(p.mean);
        }
        worst
    }
}

/// The sweep's curves and headline numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct DoubleDescentResult {
    pub train_size: usize,
    pub noise: f64,
    pub ridgeless: Curve,
    pub ridges: Vec<Curve>,
    pub tuned: Curve,
}

/// The ridgeless peak against the error on either side of it.
#[derive(Clone, Debug, PartialEq)]
pub struct PeakSummary {
    pub peak: Point,
    /// The widths nearest `n/2` and `10n`, and the ridgeless test error there.
    pub half: Point,
    pub tenfold: Point,
}

fn nearest(curve: &Curve, target: f64) -> &Point {
    curve.points.iter().fold(&curve.points[0], |best, p| {
        let d = |q: &Point| (q.features as f64 / target).ln().abs();
        if d(p) < d(best) { p } else { best }
    })
}

impl DoubleDescentResult {
    /// The ridgeless curve's peak, and its error at `p ≈ n/2` and `p ≈ 10n`.
    pub fn summary(&self) -> PeakSummary {
        self.summary_of(&self.ridgeless)
    }

    /// The same summary for any of the sweep's curves (the tuned-ridge one, say).
    pub fn summary_of(&self, curve: &Curve) -> PeakSummary {
        let n = self.train_size as f64;
        PeakSummary {
            peak: curve.peak().clone(),
            half: nearest(curve, n / 2.0).clone(),
            tenfold: nearest(curve, 10.0 * n).clone(),
        }
    }
}

/// Singular values below this multiple of `max(n, p)·ε·σ_max` count as zero (NumPy's
/// `pinv` default).
fn rank_cutoff(top: f64, rows: usize, cols: usize) -> f64 {
    top * rows.max(cols) as f64 * f64::EPSILON
}

/// One seed's data and features.
struct Draw {
    /// Pre-activations `x·w_j/√d` for every feature, train and test.
    train_pre: DMatrix<f64>,
    test_pre: DMatrix<f64>,
    train_y: DVector<f64>,
    test_f: DVector<f64>,
}

fn draw(cfg: &DoubleDescentConfig, p_max: usize, seed: u64) -> Draw {
    let mut r = rng(seed);
    let mut normal = |rows: usize, cols: usize| {
        DMatrix::from_fn(rows, cols, |_, _| {
            let v: f64 = StandardNormal.sample(&mut r);
            v
        })
    };
    let d = cfg.input_dim;
    let beta = normal(d, 1);
    let beta = &beta / beta.norm();
    let w = normal(d, p_max) / (d as f64).sqrt();
    let train_x = normal(cfg.train_size, d);
    let noise = normal(cfg.train_size, 1) * cfg.noise;
    let test_x = normal(cfg.test_size, d);
    Draw {
        train_pre: &train_x * &w,
        test_pre: &test_x * &w,
        train_y: (&train_x * &beta + noise).column(0).into_owned(),
        test_f: (&test_x * &beta).column(0).into_owned(),
    }
}

/// `ReLU` of the first `p` pre-activation columns, scaled by `1/√p`.
fn features(pre: &DMatrix<f64>, p: usize) -> DMatrix<f64> {
    let scale = 1.0 / (p as f64).sqrt();
    pre.columns(0, p).map(|v| v.max(0.0) * scale)
}

/// Coefficients of every fit at once, from one SVD of `phi`: column 0 is ridgeless
/// (`Φ⁺y`), column `k + 1` ridge with `ridges[k]`.
fn coefficients(phi: DMatrix<f64>, y: &DVector<f64>, ridges: &[f64]) -> DMatrix<f64> {
    let (n, p) = phi.shape();
    let svd = phi.svd(true, true);
    let u = svd.u.as_ref().expect("U was requested");
    let v_t = svd.v_t.as_ref().expect("Vᵀ was requested");
    let s = &svd.singular_values;
    let cutoff = rank_cutoff(s.max(), n, p);
    let uty = u.tr_mul(y);
    let mut shrunk = DMatrix::zeros(s.len(), ridges.len() + 1);
    for (i, &si) in s.iter().enumerate() {
        shrunk[(i, 0)] = if si > cutoff { uty[i] / si } else { 0.0 };
        for (k, &l) in ridges.iter().enumerate() {
            shrunk[(i, k + 1)] = uty[i] * si / (si * si + n as f64 * l);
        }
    }
    v_t.tr_mul(&shrunk)
}

/// Test errors at width `p` for ridgeless and each penalty in `ridges`, in that order.
fn errors_at(draw: &Draw, p: usize, ridges: &[f64]) -> Vec<f64> {
    let a = coefficients(features(&draw.train_pre, p), &draw.train_y, ridges);
    let predictions = features(&draw.test_pre, p) * a;
    predictions
        .column_iter()
        .map(|c| (c - &draw.test_f).norm_squared() / draw.test_f.len() as f64)
        .collect()
}

/// Runs the sweep.
///
/// # Errors
/// [`DoubleDescentError`] for an empty or unsorted configuration or a non-positive penalty.
pub fn run(cfg: &DoubleDescentConfig) -> Result<DoubleDescentResult, DoubleDescentError> {
    if cfg.train_size == 0
        || cfg.input_dim == 0
        || cfg.test_size == 0
        || cfg.seeds.is_empty()
        || cfg.features.is_empty()
        || cfg.features[0] == 0
        || cfg.tuning_grid.is_empty()
    {
        return Err(DoubleDescentError::Empty);
    }
    if cfg.features.windows(2).any(|w| w[0] >= w[1]) {
        return Err(DoubleDescentError::Unsorted);
    }
    if let Some(&l) = cfg
        .ridges
        .iter()
        .chain(&cfg.tuning_grid)
        .find(|&&l| !(l > 0.0 && l.is_finite()))
    {
        return Err(DoubleDescentError::Ridge(l));
    }
    let penalties: Vec<f64> = cfg.ridges.iter().chain(&cfg.tuning_grid).copied().collect();
    let p_max = *cfg.features.last().expect("checked non-empty");
    // errors[seed][width][fit]
    let errors: Vec<Vec<Vec<f64>>> = cfg
        .seeds
        .iter()
        .map(|&seed| {
            let d = draw(cfg, p_max, seed);
            cfg.features
                .iter()
                .map(|&p| errors_at(&d, p, &penalties))
                .collect()
        })
        .collect();
    let point = |w: usize, k: usize, features: usize, ridge: Option<f64>| {
        let per_seed: Vec<f64> = errors.iter().map(|e| e[w][k]).collect();
        let (mean, se) = mean_se(&per_seed);
        Point {
            features,
            mean,
            se,
            per_seed,
            ridge,
        }
    };
    let curve = |fit: Fit, k: usize| Curve {
        fit,
        points: cfg
            .features
            .iter()
            .enumerate()
            .map(|(w, &p)| point(w, k, p, (k > 0).then(|| penalties[k - 1])))
            .collect(),
    };
    let ridges = cfg
        .ridges
        .iter()
        .enumerate()
        .map(|(i, &l)| curve(Fit::Ridge(l), i + 1))
        .collect();
    let first_tuning = 1 + cfg.ridges.len();
    let tuned = Curve {
        fit: Fit::TunedRidge,
        points: cfg
            .features
            .iter()
            .enumerate()
            .map(|(w, &p)| {
                (first_tuning..first_tuning + cfg.tuning_grid.len())
                    .map(|k| point(w, k, p, Some(penalties[k - 1])))
                    .fold(None::<Point>, |best, q| match best {
                        Some(b) if b.mean <= q.mean => Some(b),
                        _ => Some(q),
                    })
                    .expect("checked non-empty")
            })
            .collect(),
    };
    Ok(DoubleDescentResult {
        train_size: cfg.train_size,
        noise: cfg.noise,
        ridgeless: curve(Fit::Ridgeless, 0),
        ridges,
        tuned,
    })
}

/// Test error against `p/n` (both axes logarithmic), mean ± two standard errors, with the
/// interpolation threshold `p = n` marked.
///
/// # Errors
/// A drawing error.
pub fn draw_curves(result: &DoubleDescentResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    let n = result.train_size as f64;
    let curves: Vec<&Curve> = std::iter::once(&result.ridgeless)
        .chain(&result.ridges)
        .chain(std::iter::once(&result.tuned))
        .collect();
    let all = || curves.iter().flat_map(|c| &c.points);
    let floor = all().map(|p| p.mean).fold(f64::INFINITY, f64::min) / 2.0;
    let top = all().map(|p| p.mean + 2.0 * p.se).fold(0.0, f64::max) * 1.5;
    let x_lo = all().map(|p| p.features).min().unwrap_or(1) as f64 / n;
    let x_hi = all().map(|p| p.features).max().unwrap_or(1) as f64 / n;
    let ticks: Vec<f64> = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .filter(|t| (x_lo * 0.99..=x_hi * 1.01).contains(t))
        .collect();
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Random-features regression: test error against width",
        )
        .build_cartesian_2d(
            (x_lo * 0.9..x_hi * 1.1).log_scale().with_key_points(ticks),
            (floor..top).log_scale(),
        )?;
        figures::mesh(
            &mut chart.configure_mesh(),
            &format!(
                "features per training sample, p/n (n = {})",
                result.train_size
            ),
            "test mean squared error",
        )
        .x_label_formatter(&|x| figures::number(*x, 2))
        .y_label_formatter(&|y| figures::number(*y, 2))
        .draw()?;
        chart.draw_series(LineSeries::new(
            [(1.0, floor), (1.0, top)],
            INK.mix(0.6).stroke_width(1),
        ))?;
        for (k, curve) in curves.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let width = if k == 0 { 3 } else { 2 };
            let x = |p: &Point| p.features as f64 / n;
            chart
                .draw_series(LineSeries::new(
                    curve.points.iter().map(|p| (x(p), p.mean)),
                    colour.stroke_width(width),
                ))?
                .label(curve.fit.to_string())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(width))
                });
            chart.draw_series(curve.points.iter().map(|p| {
                ErrorBar::new_vertical(
                    x(p),
                    (p.mean - 2.0 * p.se).max(floor),
                    p.mean,
                    p.mean + 2.0 * p.se,
                    colour.stroke_width(1),
                    6,
                )
            }))?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peak_sits_at_the_interpolation_threshold_and_ridge_removes_it() {
        let cfg = DoubleDescentConfig::test_scale();
        let r = run(&cfg).unwrap();
        let n = cfg.train_size;
        let s = r.summary();
        assert!(
            (n * 8 / 10..=n * 5 / 4).contains(&s.peak.features),
            "peak at p = {}",
            s.peak.features
        );
        assert!(s.peak.mean > 3.0 * s.half.mean, "{s:?}");
        assert!(s.peak.mean > 3.0 * s.tenfold.mean, "{s:?}");
        // Past the threshold, more features help again.
        assert!(s.tenfold.mean < r.ridgeless.at(5 * n / 2).unwrap().mean);
        assert!(r.ridgeless.worst_rise() > 2.0);
        // The oracle-tuned ridge curve (nearly) never rises.
        assert!(r.tuned.worst_rise() < 0.05, "{}", r.tuned.worst_rise());
        for (t, l) in r.tuned.points.iter().zip(&r.ridgeless.points) {
            assert!(t.mean <= l.mean * (1.0 + 1e-9));
        }
    }

    #[test]
    fn ridgeless_interpolates_only_past_the_threshold() {
        let cfg = DoubleDescentConfig::test_scale();
        let n = cfg.train_size;
        let d = draw(&cfg, 4 * n, 7);
        let train_error = |p: usize, ridge: f64| {
            let phi = features(&d.train_pre, p);
            let a = coefficients(phi.clone(), &d.train_y, &[ridge]);
            let residuals =
                phi * a - DMatrix::from_columns(&[d.train_y.clone(), d.train_y.clone()]);
            residuals
                .column_iter()
                .map(|c| c.norm_squared() / n as f64)
                .collect::<Vec<_>>()
        };
        // More features than samples: the minimum-norm fit interpolates; ridge does not.
        let wide = train_error(4 * n, 1e-2);
        assert!(wide[0] < 1e-16, "{wide:?}");
        assert!(wide[1] > 1e-3, "{wide:?}");
        // Fewer: least squares cannot, and its error is at least the ridge-free optimum.
        let narrow = train_error(n / 2, 1e-2);
        assert!(narrow[0] > 1e-2 && narrow[1] >= narrow[0], "{narrow:?}");
    }

    #[test]
    fn worst_rise_reads_a_curve() {
        let curve = |means: &[f64]| Curve {
            fit: Fit::Ridgeless,
            points: means
                .iter()
                .enumerate()
                .map(|(i, &mean)| Point {
                    features: i + 1,
                    mean,
                    se: 0.0,
                    per_seed: vec![mean],
                    ridge: None,
                })
                .collect(),
        };
        assert_eq!(curve(&[3.0, 2.0, 1.0]).worst_rise(), 0.0);
        assert!((curve(&[2.0, 1.0, 1.5, 3.0]).worst_rise() - 2.0).abs() < 1e-12);
    }
}
