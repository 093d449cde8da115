//! A broken neural scaling law, fitted and extrapolated: how far does a learning curve
//! predict itself?
//!
//! Caballero et al. 2022 ("Broken Neural Scaling Laws", arXiv:2210.14891, Figure 4 left)
//! fit a smoothly broken power law to the test cross-entropy of a transformer learning
//! 4-digit addition, as a function of training-set size, and show that the fit to the
//! first 14 points extrapolates the next 3 — across the sharp drop where the network
//! starts to generalise. The data are the 17 points of the authors' reproduction script,
//! `fit_bnsl_and_extrapolate__4_digit_addition__dataset_size_x-axis.py` in the repository
//! `ethancaballero/broken_neural_scaling_laws`, at the full precision printed there.
//!
//! The functional form has one break:
//!
//! `y = a + b·x^(−c0)·(1 + (x/d1)^(1/f1))^(−c1·f1)`,
//!
//! a power law of exponent `c0` that bends, around `x ≈ d1` and with sharpness `1/f1`, into
//! one of exponent `c0 + c1`. Here it is fitted by Levenberg–Marquardt in the
//! parametrisation `(a, ln b, c0, c1, ln d1, ln f1)`, which keeps `b`, `d1` and `f1`
//! positive and puts the break's location and sharpness on the scale the data vary on,
//! from a deterministic grid of starting points (the best final fit is kept). The authors
//! instead brute-force a grid and polish with `scipy.optimize.curve_fit` on `ln(y + 1)`;
//! [`Objective`] offers both their error scale and plain least squares (the book's
//! default). The section reports the fitted parameters, the error on the 14 fitted points,
//! the error on each of the 3 held-out points, and the fit's prediction at 992 training
//! problems, the training-set size the essay's counting argument uses.

use nalgebra::{SMatrix, SVector};
use std::fmt;

/// The learning curve: `(training-set size, test cross-entropy)`, in order of size.
pub const DATA: [(f64, f64); 17] = [
    (160.0, 2.13809046),
    (192.0, 2.11813418),
    (256.0, 2.08955508),
    (320.0, 2.06988398),
    (384.0, 2.05404987),
    (448.0, 2.03837089),
    (480.0, 2.02814281),
    (512.0, 2.00496872),
    (544.0, 1.95576149),
    (576.0, 1.86313841),
    (608.0, 1.70891537),
    (640.0, 1.50637664),
    (672.0, 1.29754721),
    (736.0, 0.96559684),
    (800.0, 0.75856477),
    (864.0, 0.64768338),
    (928.0, 0.55695445),
];

/// The training-set size the essay's 4-digit addition argument names.
pub const ESSAY_SIZE: f64 = 992.0;

/// The error scale the fit minimises the squares of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Objective {
    /// `prediction − y`: ordinary least squares.
    Squared,
    /// `ln(prediction + 1) − ln(y + 1)`: the authors' choice, which weighs the low-loss end
    /// of the curve more.
    LogOnePlus,
}

/// Starting values for the multi-start fit: every combination is one start. `b` is not
/// listed: each start sets it so that the curve passes through the first data point.
#[derive(Clone, Debug, PartialEq)]
pub struct StartGrid {
    pub a: Vec<f64>,
    pub c0: Vec<f64>,
    pub c1: Vec<f64>,
    pub d1: Vec<f64>,
    pub f1: Vec<f64>,
}

impl StartGrid {
    /// Number of starts.
    pub fn len(&self) -> usize {
        self.a.len() * self.c0.len() * self.c1.len() * self.d1.len() * self.f1.len()
    }

    /// Whether there are no starts at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The fit's setting.
#[derive(Clone, Debug, PartialEq)]
pub struct ScalingLawConfig {
    /// How many of the first [`DATA`] points are fitted; the rest are held out.
    pub fit_points: usize,
    pub objective: Objective,
    pub starts: StartGrid,
    /// Levenberg–Marquardt iterations per start, at most.
    pub max_iterations: usize,
}

impl Default for ScalingLawConfig {
    /// The authors' split (14 fitted, 3 held out), least squares, 576 starts.
    fn default() -> Self {
        ScalingLawConfig {
            fit_points: 14,
            objective: Objective::Squared,
            starts: StartGrid {
                a: vec![0.0, 0.2, 0.4, 0.6],
                c0: vec![0.0, 0.05, 0.2, 0.5],
                c1: vec![0.5, 1.0, 2.0, 4.0],
                d1: vec![450.0, 550.0, 650.0],
                f1: vec![0.03, 0.1, 0.3],
            },
            max_iterations: 3_000,
        }
    }
}

impl ScalingLawConfig {
    /// The same split and objective from 16 starts (of which, at the book's scale, most
    /// reach the best fit: this asks whether a few starts still find it).
    pub fn test_scale() -> Self {
        ScalingLawConfig {
            starts: StartGrid {
                a: vec![0.0, 0.4],
                c0: vec![0.05],
                c1: vec![1.0, 4.0],
                d1: vec![550.0, 650.0],
                f1: vec![0.03, 0.3],
            },
            ..Self::default()
        }
    }
}

/// Why the fit could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScalingLawError {
    /// Fewer fitted points than parameters, or more than there are data.
    FitPoints { requested: usize, available: usize },
    /// The start grid is empty.
    NoStarts,
    /// No start reached a finite error.
    NoFiniteFit,
}

impl fmt::Display for ScalingLawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScalingLawError::FitPoints {
                requested,
                available,
            } => write!(
                f,
                "fit points must be {PARAMETERS} to {available}, not {requested}"
            ),
            ScalingLawError::NoStarts => write!(f, "the start grid is empty"),
            ScalingLawError::NoFiniteFit => write!(f, "no start reached a finite error"),
        }
    }
}

impl std::error::Error for ScalingLawError {}

/// Number of free parameters of a one-break law.
pub const PARAMETERS: usize = 6;

/// A broken power law with one break.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bnsl {
    pub a: f64,
    pub b: f64,
    pub c0: f64,
    pub c1: f64,
    pub d1: f64,
    pub f1: f64,
}

type Theta = SVector<f64, PARAMETERS>;

/// `ln(1 + e^z)` without overflow.
fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

impl Bnsl {
    /// The law with its break taken out: `a + b·x^(−c0)`, the power law the curve follows
    /// before the break, continued past it.
    pub fn without_break(&self, x: f64) -> f64 {
        self.a + self.b * x.powf(-self.c0)
    }

    /// The law's value at `x`, computed in logarithms so that a sharp break (small `f1`)
    /// does not overflow.
    pub fn eval(&self, x: f64) -> f64 {
        let lx = x.ln();
        let z = (lx - self.d1.ln()) / self.f1;
        self.a + (self.b.ln() - self.c0 * lx - self.c1 * self.f1 * softplus(z)).exp()
    }

    fn from_theta(t: &Theta) -> Bnsl {
        Bnsl {
            a: t[0],
            b: t[1].exp(),
            c0: t[2],
            c1: t[3],
            d1: t[4].exp(),
            f1: t[5].exp(),
        }
    }

    fn theta(&self) -> Theta {
        Theta::from([
            self.a,
            self.b.ln(),
            self.c0,
            self.c1,
            self.d1.ln(),
            self.f1.ln(),
        ])
    }

    /// The value at `x` and its gradient with respect to `(a, ln b, c0, c1, ln d1, ln f1)`.
    fn eval_with_gradient(&self, x: f64) -> (f64, Theta) {
        let lx = x.ln();
        let z = (lx - self.d1.ln()) / self.f1;
        let (s, sig) = (softplus(z), sigmoid(z));
        let power = (self.b.ln() - self.c0 * lx - self.c1 * self.f1 * s).exp();
        let grad = Theta::from([
            1.0,
            power,
            -lx * power,
            -self.f1 * s * power,
            self.c1 * sig * power,
            -self.c1 * self.f1 * (s - sig * z) * power,
        ]);
        (self.a + power, grad)
    }
}

fn residual(objective: Objective, prediction: f64, y: f64) -> f64 {
    match objective {
        Objective::Squared => prediction - y,
        Objective::LogOnePlus => (prediction + 1.0).ln() - (y + 1.0).ln(),
    }
}

/// Half the sum of squared residuals (`NaN` where the law leaves the objective's domain).
fn cost(law: &Bnsl, data: &[(f64, f64)], objective: Objective) -> f64 {
    0.5 * data
        .iter()
        .map(|&(x, y)| residual(objective, law.eval(x), y).powi(2))
        .sum::<f64>()
}

/// Levenberg–Marquardt from `start`, with Marquardt's diagonal scaling. Returns the final
/// law and its cost.
fn levenberg_marquardt(
    start: Bnsl,
    data: &[(f64, f64)],
    objective: Objective,
    max_iterations: usize,
) -> (Bnsl, f64) {
    let mut theta = start.theta();
    let mut law = start;
    let mut current = cost(&law, data, objective);
    if !current.is_finite() {
        return (law, f64::NAN);
    }
    let mut damping = 1e-3;
    for _ in 0..max_iterations {
        let mut jtj = SMatrix::<f64, PARAMETERS, PARAMETERS>::zeros();
        let mut jtr = Theta::zeros();
        for &(x, y) in data {
            let (prediction, mut grad) = law.eval_with_gradient(x);
            if objective == Objective::LogOnePlus {
                grad /= prediction + 1.0;
            }
            let r = residual(objective, prediction, y);
            jtj += grad * grad.transpose();
            jtr += grad * r;
        }
        if jtr.norm() < 1e-13 {
            break;
        }
        let mut accepted = false;
        while damping < 1e12 {
            let mut system = jtj;
            for i in 0..PARAMETERS {
                system[(i, i)] += damping * jtj[(i, i)].max(1e-12);
            }
            let step = system.cholesky().map(|c| c.solve(&(-jtr)));
            if let Some(step) = step {
                let candidate = Bnsl::from_theta(&(theta + step));
                let trial = cost(&candidate, data, objective);
                if trial.is_finite() && trial < current {
                    let gain = current - trial;
                    theta += step;
                    law = candidate;
                    current = trial;
                    damping = (damping / 3.0).max(1e-12);
                    accepted = gain > 1e-15 * current.max(1e-300);
                    break;
                }
            }
            damping *= 4.0;
        }
        if !accepted {
            break;
        }
    }
    (law, current)
}

/// One held-out point and the fit's prediction for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeldOut {
    pub x: f64,
    pub y: f64,
    pub predicted: f64,
    /// `|predicted − y|`.
    pub abs_error: f64,
    /// `|predicted − y| / y`.
    pub rel_error: f64,
}

/// The fit and how well it extrapolates.
#[derive(Clone, Debug, PartialEq)]
pub struct ScalingLawResult {
    pub fit_points: usize,
    pub objective: Objective,
    pub law: Bnsl,
    /// Root-mean-square of `prediction − y` over the fitted points.
    pub fit_rmse: f64,
    pub held_out: Vec<HeldOut>,
    /// Root-mean-square of `prediction − y` over the held-out points.
    pub held_out_rmse: f64,
    /// The fitted law at [`ESSAY_SIZE`].
    pub essay_prediction: f64,
    /// Starts tried, and how many ended within 1% of the best cost (a sign the optimum is
    /// not a lucky find).
    pub starts: usize,
    pub starts_near_best: usize,
}

fn rmse(errors: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = errors.fold((0.0, 0usize), |(s, n), e| (s + e * e, n + 1));
    (sum / n as f64).sqrt()
}

/// A start: the grid's values, with `b` chosen so the curve passes through `first`.
fn start_law(a: f64, c0: f64, c1: f64, d1: f64, f1: f64, first: (f64, f64)) -> Bnsl {
    let unit = Bnsl {
        a: 0.0,
        b: 1.0,
        c0,
        c1,
        d1,
        f1,
    };
    let b = ((first.1 - a) / unit.eval(first.0)).max(1e-6);
    Bnsl { a, b, ..unit }
}

/// Fits the law to the first `fit_points` points from every start and keeps the best.
///
/// # Errors
/// [`ScalingLawError`] for a bad split, an empty grid, or no finite fit.
pub fn fit(cfg: &ScalingLawConfig) -> Result<ScalingLawResult, ScalingLawError> {
    if !(PARAMETERS..=DATA.len()).contains(&cfg.fit_points) {
        return Err(ScalingLawError::FitPoints {
            requested: cfg.fit_points,
            available: DATA.len(),
        });
    }
    if cfg.starts.is_empty() {
        return Err(ScalingLawError::NoStarts);
    }
    let (train, test) = DATA.split_at(cfg.fit_points);
    let g = &cfg.starts;
    let mut finals = Vec::with_capacity(g.len());
    for &a in &g.a {
        for &c0 in &g.c0 {
            for &c1 in &g.c1 {
                for &d1 in &g.d1 {
                    for &f1 in &g.f1 {
                        let start = start_law(a, c0, c1, d1, f1, train[0]);
                        finals.push(levenberg_marquardt(
                            start,
                            train,
                            cfg.objective,
                            cfg.max_iterations,
                        ));
                    }
                }
            }
        }
    }
    // The first best in grid order, so ties resolve the same way every run.
    let (law, best) = finals
        .iter()
        .filter(|(_, c)| c.is_finite())
        .fold(None::<(Bnsl, f64)>, |acc, &(l, c)| match acc {
            Some((_, bc)) if bc <= c => acc,
            _ => Some((l, c)),
        })
        .ok_or(ScalingLawError::NoFiniteFit)?;
    let starts_near_best = finals
        .iter()
        .filter(|(_, c)| c.is_finite() && *c <= best * 1.01)
        .count();
    let held_out: Vec<HeldOut> = test
        .iter()
        .map(|&(x, y)| {
            let predicted = law.eval(x);
            HeldOut {
                x,
                y,
                predicted,
                abs_error: (predicted - y).abs(),
                rel_error: (predicted - y).abs() / y,
            }
        })
        .collect();
    Ok(ScalingLawResult {
        fit_points: cfg.fit_points,
        objective: cfg.objective,
        law,
        fit_rmse: rmse(train.iter().map(|&(x, y)| law.eval(x) - y)),
        held_out_rmse: rmse(held_out.iter().map(|h| h.predicted - h.y)),
        held_out,
        essay_prediction: law.eval(ESSAY_SIZE),
        starts: g.len(),
        starts_near_best,
    })
}

/// The data, the fitted law from 100 to 1100 training problems (log x axis), and a marker
/// at the essay's 992.
///
/// # Errors
/// A drawing error.
pub fn draw_fit(result: &ScalingLawResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    let (x0, x1) = (100f64, 1100f64);
    let curve: Vec<(f64, f64)> = (0..=400)
        .map(|i| {
            let x = x0 * (x1 / x0).powf(f64::from(i) / 400.0);
            (x, result.law.eval(x))
        })
        .collect();
    let y_hi = 2.5f64;
    // Zero, or lower (down to −0.5) if the fitted curve dips below it.
    let y_lo = curve.iter().map(|p| p.1).fold(0.0f64, f64::min).max(-0.5);
    let (fitted, held) = DATA.split_at(result.fit_points);
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "4-digit addition: a broken scaling law fitted and extrapolated",
        )
        .build_cartesian_2d(
            (x0..x1)
                .log_scale()
                .with_key_points(vec![100.0, 200.0, 300.0, 500.0, 700.0, 1000.0])
                .with_light_points((1..=11).map(|k| 100.0 * f64::from(k))),
            y_lo..y_hi,
        )?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "training-set size (problems)",
            "test cross-entropy",
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| figures::plain(*y, 1))
        .draw()?;
        let essay = INK.mix(0.8);
        chart
            .draw_series(LineSeries::new(
                [(ESSAY_SIZE, y_lo), (ESSAY_SIZE, y_hi)],
                essay.stroke_width(2),
            ))?
            .label(format!(
                "{ESSAY_SIZE:.0} problems (the essay): predicted {:.2}",
                result.essay_prediction
            ))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], essay.stroke_width(2))
            });
        let fit_colour = PALETTE[0];
        chart
            .draw_series(LineSeries::new(
                curve.into_iter().filter(|p| p.1 >= y_lo && p.1 <= y_hi),
                fit_colour.stroke_width(3),
            ))?
            .label("fitted law")
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], fit_colour.stroke_width(3))
            });
        let ink = INK;
        chart
            .draw_series(
                fitted
                    .iter()
                    .map(|&(x, y)| Circle::new((x, y), 5, ink.filled())),
            )?
            .label(format!("fitted ({} points)", fitted.len()))
            .legend(move |(x, y)| Circle::new((x + 11, y), 5, ink.filled()));
        let held_colour = PALETTE[1];
        chart
            .draw_series(
                held.iter()
                    .map(|&(x, y)| Circle::new((x, y), 6, held_colour.filled())),
            )?
            .label(format!("held out ({} points)", held.len()))
            .legend(move |(x, y)| Circle::new((x + 11, y), 6, held_colour.filled()));
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analytic_gradient_matches_finite_differences() {
        let law = Bnsl {
            a: 0.3,
            b: 4.0,
            c0: 0.1,
            c1: 2.0,
            d1: 600.0,
            f1: 0.2,
        };
        let theta = law.theta();
        for x in [160.0, 600.0, 900.0] {
            let (_, grad) = law.eval_with_gradient(x);
            for k in 0..PARAMETERS {
                let h = 1e-6;
                let (mut up, mut down) = (theta, theta);
                up[k] += h;
                down[k] -= h;
                let numeric =
                    (Bnsl::from_theta(&up).eval(x) - Bnsl::from_theta(&down).eval(x)) / (2.0 * h);
                assert!(
                    (numeric - grad[k]).abs() < 1e-6 * (1.0 + numeric.abs()),
                    "x {x}, parameter {k}: {numeric} vs {}",
                    grad[k]
                );
            }
        }
    }

    #[test]
    fn the_fit_reproduces_the_fitted_points_and_decreases() {
        let r = fit(&ScalingLawConfig::test_scale()).unwrap();
        // The 14 points span 2.14 down to 0.97; the book-scale fit's RMSE is 0.0012, and a
        // fit stuck before the break (a plain power law) is off by more than 0.1.
        assert!(r.fit_rmse < 0.005, "fit RMSE {}", r.fit_rmse);
        // It extrapolates across the break: the held-out points within 5% each.
        assert!(
            r.held_out.iter().all(|h| h.rel_error < 0.05),
            "{:?}",
            r.held_out
        );
        let mut previous = f64::INFINITY;
        for i in 0..=768 {
            let x = 160.0 + f64::from(i);
            let y = r.law.eval(x);
            assert!(y < previous, "not decreasing at {x}: {y} after {previous}");
            previous = y;
        }
    }

    #[test]
    fn bad_splits_are_named() {
        let cfg = ScalingLawConfig {
            fit_points: 3,
            ..ScalingLawConfig::test_scale()
        };
        assert!(fit(&cfg).unwrap_err().to_string().contains("fit points"));
    }
}
