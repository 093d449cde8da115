//! Which interpolant does a learner pick? Bishop's polynomials, overparametrised.
//!
//! Bishop (Pattern Recognition and Machine Learning, 2006, §1.1) fits polynomials to ten
//! noisy samples of `sin(2πx)`. With `N` training points and degree `D ≥ N − 1` there are
//! interpolating polynomials, and for `D ≥ N` they form an affine family of dimension
//! `D + 1 − N`: one interpolant plus anything in the null space of the design matrix. The
//! counting argument treats such a family as a bag of equally likely functions. This
//! section asks how a *typical* member of the family generalises, and how that compares with
//! the member that gradient descent from zero actually finds.
//!
//! Setup. `N` training inputs equally spaced on `[0, 1]` (endpoints included), targets
//! `sin(2πx) + ε` with `ε ~ N(0, σ²)` seeded (Bishop's `σ = 0.3` is the book's default; the
//! noise is what makes interpolation hard, since every interpolant must fit it). The basis
//! is the Legendre polynomials `P_0 … P_D` of `t = 2x − 1`, not the monomials: they are
//! bounded by 1 on the training range, so the design matrix is well conditioned even at
//! degree 30 and "isotropic in coefficient space" means something reasonable. The choice of
//! basis matters — both the minimum-norm solution and the notion of a typical member depend
//! on it — and is part of the setup, not a neutral convention.
//!
//! Two kinds of interpolant, for each degree:
//! - the minimum-norm one, `w* = Φ⁺y`. Gradient descent on squared error from `w = 0` never
//!   leaves the row space of `Φ`, so it converges to exactly this solution (a unit test
//!   checks it numerically);
//! - typical members, `w* + z` with `z` uniformly distributed in direction over the null
//!   space of `Φ` (an isotropic Gaussian projected onto the null space, then rescaled) and
//!   of norm `s·‖w*‖`, for a few scales `s` (the same directions at every scale). Such a
//!   member has norm `√(1 + s²)·‖w*‖`: at `s = 1` it is as far from the minimum-norm
//!   choice as that choice is from zero.
//!
//! Each is scored by mean squared error against `sin(2πx)` (not against noisy labels; the
//! label noise would add `σ²` to every number) on a dense grid of the interpolation range
//! `[0, 1]`, and on the extrapolation range `[1, 1.2]`.

use nalgebra::{DMatrix, DVector};
use nets::rng;
use nets::stats::{median, quantile};
use rand_distr::{Distribution, StandardNormal};
use std::f64::consts::PI;
use std::fmt;

/// A null-space offset a tenth the size of the minimum-norm coefficients: members drawn at
/// this scale are close to the minimum-norm interpolant, the setting in which picking it
/// over a typical member is not a foregone conclusion.
pub const SMALL_SCALE: f64 = 0.1;

/// The experiment's setting.
#[derive(Clone, Debug, PartialEq)]
pub struct PolynomialConfig {
    /// Training points `N`.
    pub train_points: usize,
    /// Standard deviation of the label noise.
    pub noise: f64,
    /// Degrees to fit, each at least `N − 1`.
    pub degrees: Vec<usize>,
    /// Null-space component norms, as multiples of the minimum-norm coefficients' norm.
    pub scales: Vec<f64>,
    /// Typical members drawn per degree.
    pub samples: usize,
    /// Grid points on the interpolation range and on the extrapolation range.
    pub grid: usize,
    /// The extrapolation range's right end (it starts at 1).
    pub extrapolate_to: f64,
    /// Degree and number of members the figure shows.
    pub figure_degree: usize,
    pub figure_members: usize,
    pub seed: u64,
}

impl Default for PolynomialConfig {
    /// Bishop's ten points and noise, degrees 9 to 30, 1,000 members at scales 1 and 10,
    /// and at the small scale [`SMALL_SCALE`], where typical members stay near the
    /// minimum-norm one.
    fn default() -> Self {
        PolynomialConfig {
            train_points: 10,
            noise: 0.3,
            degrees: (9..=30).collect(),
            scales: vec![1.0, 10.0, SMALL_SCALE],
            samples: 1_000,
            grid: 1_001,
            extrapolate_to: 1.2,
            figure_degree: 20,
            figure_members: 20,
            seed: 41,
        }
    }
}

impl PolynomialConfig {
    /// The same points and noise at a few degrees, 200 members each.
    pub fn test_scale() -> Self {
        PolynomialConfig {
            degrees: vec![9, 10, 12, 15, 20, 30],
            samples: 200,
            grid: 401,
            ..Self::default()
        }
    }
}

/// Why the experiment could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolynomialError {
    /// Fewer than two training points.
    TooFewPoints(usize),
    /// A degree too low to interpolate every training point.
    Degree { degree: usize, points: usize },
    /// No members requested, or a grid of fewer than two points.
    Empty,
    /// The figure's degree was not among the degrees run.
    NoFigure,
}

impl fmt::Display for PolynomialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolynomialError::TooFewPoints(n) => {
                write!(f, "need at least 2 training points, not {n}")
            }
            PolynomialError::Degree { degree, points } => write!(
                f,
                "degree {degree} cannot interpolate {points} points (need at least {})",
                points - 1
            ),
            PolynomialError::Empty => write!(f, "no members to draw or no grid to score on"),
            PolynomialError::NoFigure => {
                write!(f, "the figure's degree was not among the degrees run")
            }
        }
    }
}

impl std::error::Error for PolynomialError {}

/// The function the data sample.
pub fn target(x: f64) -> f64 {
    (2.0 * PI * x).sin()
}

/// `P_0(t) … P_degree(t)` by Bonnet's recurrence.
pub fn legendre(t: f64, degree: usize) -> Vec<f64> {
    let mut p = Vec::with_capacity(degree + 1);
    p.push(1.0);
    if degree >= 1 {
        p.push(t);
    }
    for k in 1..degree {
        let k_f = k as f64;
        p.push(((2.0 * k_f + 1.0) * t * p[k] - k_f * p[k - 1]) / (k_f + 1.0));
    }
    p
}

/// The polynomial with Legendre coefficients `coefficients`, at `x ∈ ℝ` (`t = 2x − 1`).
pub fn evaluate(coefficients: &[f64], x: f64) -> f64 {
    let degree = coefficients.len().saturating_sub(1);
    legendre(2.0 * x - 1.0, degree)
        .iter()
        .zip(coefficients)
        .map(|(p, c)| p * c)
        .sum()
}

/// Rows `x_i`, columns `P_0 … P_degree` of `2x_i − 1`.
pub fn design(xs: &[f64], degree: usize) -> DMatrix<f64> {
    let mut m = DMatrix::zeros(xs.len(), degree + 1);
    for (i, &x) in xs.iter().enumerate() {
        for (j, p) in legendre(2.0 * x - 1.0, degree).into_iter().enumerate() {
            m[(i, j)] = p;
        }
    }
    m
}

/// Singular values below this fraction of the largest count as zero.
const RANK_TOLERANCE: f64 = 1e-12;

/// The minimum-norm least-squares solution `Φ⁺y`, and an orthonormal basis of `Φ`'s row
/// space (as rows), whose complement is the null space.
fn min_norm_and_row_space(phi: &DMatrix<f64>, y: &DVector<f64>) -> (DVector<f64>, DMatrix<f64>) {
    let svd = phi.clone().svd(true, true);
    let u = svd.u.as_ref().expect("U was requested");
    let v_t = svd.v_t.as_ref().expect("Vᵀ was requested");
    let top = svd.singular_values.max();
    let mut w = DVector::zeros(phi.ncols());
    let mut rows = Vec::new();
    for (k, &s) in svd.singular_values.iter().enumerate() {
        if s > RANK_TOLERANCE * top {
            w += v_t.row(k).transpose() * (u.column(k).dot(y) / s);
            rows.push(v_t.row(k).into_owned());
        }
    }
    (w, DMatrix::from_rows(&rows))
}

/// The minimum-norm interpolant's Legendre coefficients for degree `degree`.
pub fn min_norm_interpolant(xs: &[f64], ys: &[f64], degree: usize) -> Vec<f64> {
    let phi = design(xs, degree);
    let (w, _) = min_norm_and_row_space(&phi, &DVector::from_column_slice(ys));
    w.iter().copied().collect()
}

/// Plain gradient descent on `½‖Φw − y‖²` from `w = 0`, with step `1/σ_max(Φ)²`.
pub fn gradient_descent(xs: &[f64], ys: &[f64], degree: usize, steps: usize) -> Vec<f64> {
    let phi = design(xs, degree);
    let y = DVector::from_column_slice(ys);
    let step = 1.0 / phi.singular_values().max().powi(2);
    let mut w = DVector::zeros(degree + 1);
    for _ in 0..steps {
        let residual = &phi * &w - &y;
        w -= phi.tr_mul(&residual) * step;
    }
    w.iter().copied().collect()
}

/// Errors of one interpolant (mean squared error against [`target`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// On `[0, 1]`.
    pub interpolation: f64,
    /// On `[1, extrapolate_to]`.
    pub extrapolation: f64,
}

/// The distribution of scores over typical members at one scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypicalScores {
    pub scale: f64,
    pub interpolation_median: f64,
    pub interpolation_p90: f64,
    pub extrapolation_median: f64,
    pub extrapolation_p90: f64,
    /// Share of members whose interpolation error exceeds the minimum-norm one's.
    pub worse_than_min_norm: f64,
}

/// One degree's results.
#[derive(Clone, Debug, PartialEq)]
pub struct DegreeResult {
    pub degree: usize,
    /// Dimension of the family of interpolants' directions: `D + 1 − N`.
    pub null_dimension: usize,
    pub min_norm_coefficient_norm: f64,
    /// Largest `|p(x_i) − y_i|` of the minimum-norm interpolant.
    pub max_train_residual: f64,
    pub min_norm: Scores,
    pub typical: Vec<TypicalScores>,
    /// Scores of the polynomial of this degree closest to the target itself (least squares
    /// on the dense grid of `[0, 1]`, no noise): a member of the same function class that
    /// has the target's shape, though it does not pass through the noisy points.
    pub target_fit: Scores,
}

/// What the figure draws: one degree's minimum-norm interpolant and some typical members
/// (at the first scale), as Legendre coefficients.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureData {
    pub degree: usize,
    pub scale: f64,
    pub min_norm: Vec<f64>,
    pub members: Vec<Vec<f64>>,
}

/// The whole experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct PolynomialResult {
    pub train_x: Vec<f64>,
    pub train_y: Vec<f64>,
    pub noise: f64,
    pub extrapolate_to: f64,
    pub degrees: Vec<DegreeResult>,
    pub figure: Option<FigureData>,
    /// Mean squared error on the extrapolation range of the constant prediction of the
    /// target's mean over `[0, 1]`: what "no better than knowing nothing about the shape"
    /// scores there.
    pub mean_prediction_extrapolation: f64,
}

/// Mean squared error of each column of `coefficients` (one interpolant per column) against
/// the target on the grid whose design is `basis` and target values `truth`.
fn column_mse(basis: &DMatrix<f64>, truth: &DVector<f64>, coefficients: &DMatrix<f64>) -> Vec<f64> {
    let predictions = basis * coefficients;
    predictions
        .column_iter()
        .map(|c| (c - truth).norm_squared() / truth.len() as f64)
        .collect()
}

/// Null-space directions: `count` isotropic Gaussians projected off `row_space`, each
/// normalised to unit length (columns). Empty when the null space is.
fn null_directions(
    row_space: &DMatrix<f64>,
    columns: usize,
    count: usize,
    seed: u64,
) -> DMatrix<f64> {
    let dim = columns - row_space.nrows();
    if dim == 0 {
        return DMatrix::zeros(columns, count);
    }
    let mut r = rng(seed);
    let mut z = DMatrix::from_fn(columns, count, |_, _| {
        let v: f64 = StandardNormal.sample(&mut r);
        v
    });
    z -= row_space.transpose() * (row_space * &z);
    for mut c in z.column_iter_mut() {
        let n = c.norm();
        c /= n;
    }
    z
}

/// Runs every degree.
///
/// # Errors
/// [`PolynomialError`] for fewer than two points, a degree below `N − 1`, or nothing to
/// draw or score.
pub fn run(cfg: &PolynomialConfig) -> Result<PolynomialResult, PolynomialError> {
    let n = cfg.train_points;
    if n < 2 {
        return Err(PolynomialError::TooFewPoints(n));
    }
    if cfg.samples == 0 || cfg.grid < 2 || cfg.scales.is_empty() {
        return Err(PolynomialError::Empty);
    }
    if let Some(&degree) = cfg.degrees.iter().find(|&&d| d + 1 < n) {
        return Err(PolynomialError::Degree { degree, points: n });
    }
    let mut noise_rng = rng(cfg.seed);
    let train_x: Vec<f64> = (0..n).map(|i| i as f64 / (n - 1) as f64).collect();
    let train_y: Vec<f64> = train_x
        .iter()
        .map(|&x| {
            let e: f64 = StandardNormal.sample(&mut noise_rng);
            target(x) + cfg.noise * e
        })
        .collect();
    let y = DVector::from_column_slice(&train_y);
    let grid = |a: f64, b: f64| -> Vec<f64> {
        (0..cfg.grid)
            .map(|i| a + (b - a) * i as f64 / (cfg.grid - 1) as f64)
            .collect()
    };
    let ranges = [grid(0.0, 1.0), grid(1.0, cfg.extrapolate_to)];
    let truths: Vec<DVector<f64>> = ranges
        .iter()
        .map(|xs| DVector::from_iterator(xs.len(), xs.iter().map(|&x| target(x))))
        .collect();
    let mut figure = None;
    let mut degrees = Vec::with_capacity(cfg.degrees.len());
    for &degree in &cfg.degrees {
        let phi = design(&train_x, degree);
        let (w, row_space) = min_norm_and_row_space(&phi, &y);
        let bases: Vec<DMatrix<f64>> = ranges.iter().map(|xs| design(xs, degree)).collect();
        let score = |coefficients: &DMatrix<f64>| -> [Vec<f64>; 2] {
            [0, 1].map(|k| column_mse(&bases[k], &truths[k], coefficients))
        };
        let w_matrix = DMatrix::from_column_slice(degree + 1, 1, w.as_slice());
        let [own_in, own_out] = score(&w_matrix);
        let min_norm = Scores {
            interpolation: own_in[0],
            extrapolation: own_out[0],
        };
        let directions = null_directions(
            &row_space,
            degree + 1,
            cfg.samples,
            cfg.seed.wrapping_add(1_000 + degree as u64),
        );
        let typical = cfg
            .scales
            .iter()
            .map(|&scale| {
                let mut members = directions.clone() * (scale * w.norm());
                for mut c in members.column_iter_mut() {
                    c += &w;
                }
                if degree == cfg.figure_degree && figure.is_none() {
                    figure = Some(FigureData {
                        degree,
                        scale,
                        min_norm: w.iter().copied().collect(),
                        members: members
                            .column_iter()
                            .take(cfg.figure_members)
                            .map(|c| c.iter().copied().collect())
                            .collect(),
                    });
                }
                let [inside, outside] = score(&members);
                // A tolerance, so that the unique interpolant (no null space) is not "worse"
                // than itself by a rounding error.
                let bar = min_norm.interpolation * (1.0 + 1e-9);
                let worse = inside.iter().filter(|&&e| e > bar).count();
                TypicalScores {
                    scale,
                    interpolation_median: median(&inside),
                    interpolation_p90: quantile(&inside, 0.9),
                    extrapolation_median: median(&outside),
                    extrapolation_p90: quantile(&outside, 0.9),
                    worse_than_min_norm: worse as f64 / cfg.samples as f64,
                }
            })
            .collect();
        let residuals = &phi * &w - &y;
        let (target_w, _) = min_norm_and_row_space(&bases[0], &truths[0]);
        let [fit_in, fit_out] = score(&DMatrix::from_column_slice(
            degree + 1,
            1,
            target_w.as_slice(),
        ));
        degrees.push(DegreeResult {
            target_fit: Scores {
                interpolation: fit_in[0],
                extrapolation: fit_out[0],
            },
            degree,
            null_dimension: degree + 1 - row_space.nrows(),
            min_norm_coefficient_norm: w.norm(),
            max_train_residual: residuals.amax(),
            min_norm,
            typical,
        });
    }
    let mean_in_range = truths[0].mean();
    let mean_prediction_extrapolation = truths[1]
        .iter()
        .map(|t| (t - mean_in_range).powi(2))
        .sum::<f64>()
        / truths[1].len() as f64;
    Ok(PolynomialResult {
        mean_prediction_extrapolation,
        train_x,
        train_y,
        noise: cfg.noise,
        extrapolate_to: cfg.extrapolate_to,
        degrees,
        figure,
    })
}

/// Splits the curve `(x, f(x))` into pieces inside `lo ≤ y ≤ hi`, ending each piece where
/// it crosses the boundary, so that clipped curves leave the frame instead of running along
/// its edge.
fn clipped_pieces(points: &[(f64, f64)], lo: f64, hi: f64) -> Vec<Vec<(f64, f64)>> {
    let inside = |y: f64| (lo..=hi).contains(&y);
    let crossing = |a: (f64, f64), b: (f64, f64)| {
        let edge = if a.1.max(b.1) > hi { hi } else { lo };
        let t = (edge - a.1) / (b.1 - a.1);
        (a.0 + t * (b.0 - a.0), edge)
    };
    let mut pieces = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        match (inside(a.1), inside(b.1)) {
            (true, true) => {
                if current.is_empty() {
                    current.push(a);
                }
                current.push(b);
            }
            (true, false) => {
                if current.is_empty() {
                    current.push(a);
                }
                current.push(crossing(a, b));
                pieces.push(std::mem::take(&mut current));
            }
            (false, true) => {
                current.push(crossing(b, a));
                current.push(b);
            }
            (false, false) => {}
        }
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

/// The training points, `sin(2πx)`, the minimum-norm interpolant and the figure's typical
/// members, on `[0, extrapolate_to]`, with the y axis clipped to `[−5.5, 3]`.
///
/// # Errors
/// A drawing error, or [`PolynomialError::NoFigure`] when the configuration's figure
/// degree was not among the degrees run.
pub fn draw_interpolants(result: &PolynomialResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    let data = result.figure.as_ref().ok_or(PolynomialError::NoFigure)?;
    // The band below −2 is left to the legend, at the left where the interpolants stay near
    // the data (they leave it past x = 1).
    let (x1, y_lo, y_hi) = (result.extrapolate_to, -5.5, 3.0);
    let xs: Vec<f64> = (0..=1_200).map(|i| x1 * f64::from(i) / 1_200.0).collect();
    let curve =
        |f: &dyn Fn(f64) -> f64| -> Vec<(f64, f64)> { xs.iter().map(|&x| (x, f(x))).collect() };
    figures::svg(SIZE, |root| {
        let caption = format!(
            "Degree-{} polynomials through {} noisy points",
            data.degree,
            result.train_x.len()
        );
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(0.0..x1, y_lo..y_hi)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "x (training range 0 to 1; extrapolation beyond)",
            "y",
        )
        .x_label_formatter(&|x| figures::plain(*x, 1))
        .y_label_formatter(&|y| figures::plain(*y, 0))
        .draw()?;
        chart.draw_series(LineSeries::new(
            [(1.0, y_lo), (1.0, y_hi)],
            INK.mix(0.6).stroke_width(1),
        ))?;
        let member_colour = PALETTE[1].mix(0.45);
        let mut labelled = false;
        for member in &data.members {
            for piece in clipped_pieces(&curve(&|x| evaluate(member, x)), y_lo, y_hi) {
                let series =
                    chart.draw_series(LineSeries::new(piece, member_colour.stroke_width(1)))?;
                if !labelled {
                    labelled = true;
                    series
                        .label(format!(
                            "{} typical interpolants (scale {}×)",
                            data.members.len(),
                            data.scale
                        ))
                        .legend(move |(x, y)| {
                            PathElement::new(
                                vec![(x, y), (x + 22, y)],
                                member_colour.stroke_width(2),
                            )
                        });
                }
            }
        }
        let truth_colour = PALETTE[2];
        chart
            .draw_series(LineSeries::new(
                curve(&target),
                truth_colour.stroke_width(3),
            ))?
            .label("sin(2πx)")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], truth_colour.stroke_width(3))
            });
        let min_colour = PALETTE[0];
        let pieces = clipped_pieces(&curve(&|x| evaluate(&data.min_norm, x)), y_lo, y_hi);
        for (k, piece) in pieces.into_iter().enumerate() {
            let series = chart.draw_series(LineSeries::new(piece, min_colour.stroke_width(3)))?;
            if k == 0 {
                series
                    .label("minimum-norm interpolant")
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], min_colour.stroke_width(3))
                    });
            }
        }
        let ink = INK;
        chart
            .draw_series(
                result
                    .train_x
                    .iter()
                    .zip(&result.train_y)
                    .map(|(&x, &y)| Circle::new((x, y), 5, ink.filled())),
            )?
            .label("training points")
            .legend(move |(x, y)| Circle::new((x + 11, y), 5, ink.filled()));
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legendre_matches_closed_forms() {
        for t in [-1.0, -0.3, 0.5, 1.0, 1.4] {
            let p = legendre(t, 3);
            assert!((p[2] - (3.0 * t * t - 1.0) / 2.0).abs() < 1e-14);
            assert!((p[3] - (5.0 * t * t * t - 3.0 * t) / 2.0).abs() < 1e-14);
        }
        assert!((legendre(1.0, 30)[30] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn gradient_descent_from_zero_finds_the_minimum_norm_interpolant() {
        let xs = [0.0, 0.2, 0.5, 0.7, 1.0];
        let ys: Vec<f64> = xs.iter().map(|&x| target(x) + 0.1 * x).collect();
        let degree = 8;
        let min_norm = min_norm_interpolant(&xs, &ys, degree);
        let gd = gradient_descent(&xs, &ys, degree, 20_000);
        let distance: f64 = gd
            .iter()
            .zip(&min_norm)
            .map(|(a, b)| (a - b).powi(2))
            .sum::<f64>()
            .sqrt();
        let norm: f64 = min_norm.iter().map(|a| a * a).sum::<f64>().sqrt();
        assert!(distance < 1e-6 * norm, "distance {distance}, norm {norm}");
        // And it is not merely some interpolant: a different one is far away.
        let mut other = min_norm.clone();
        let phi = design(&xs, degree);
        let (_, row_space) = min_norm_and_row_space(&phi, &DVector::from_column_slice(&ys));
        let shift = null_directions(&row_space, degree + 1, 1, 3);
        for (o, s) in other.iter_mut().zip(shift.column(0).iter()) {
            *o += norm * s;
        }
        for (&x, &y) in xs.iter().zip(&ys) {
            assert!((evaluate(&other, x) - y).abs() < 1e-9);
        }
    }

    #[test]
    fn minimum_norm_beats_typical_interpolants_in_range() {
        let r = run(&PolynomialConfig::test_scale()).unwrap();
        for d in &r.degrees {
            assert!(d.max_train_residual < 1e-9, "degree {}", d.degree);
            if d.null_dimension == 0 {
                // The unique interpolant: every "typical member" is it.
                assert_eq!(d.typical[0].worse_than_min_norm, 0.0);
                continue;
            }
            for t in d.typical.iter().filter(|t| t.scale >= 1.0) {
                assert!(
                    t.interpolation_median > 2.0 * d.min_norm.interpolation,
                    "degree {} scale {}: median {} vs min-norm {}",
                    d.degree,
                    t.scale,
                    t.interpolation_median,
                    d.min_norm.interpolation
                );
                assert!(t.worse_than_min_norm > 0.9);
            }
        }
    }

    #[test]
    fn clipping_keeps_curves_in_frame() {
        let pts = [(0.0, 0.0), (1.0, 4.0), (2.0, 0.0), (3.0, -5.0)];
        let pieces = clipped_pieces(&pts, -3.0, 3.0);
        assert_eq!(pieces.len(), 2);
        assert!(pieces.iter().flatten().all(|p| (-3.0..=3.0).contains(&p.1)));
    }
}
