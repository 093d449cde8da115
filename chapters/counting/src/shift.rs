//! Accuracy on the line: does performance on the training distribution predict performance
//! under a shift (Miller et al., "Accuracy on the line")?
//!
//! Many networks of varied capacity and training length are trained on the
//! [`crate::teacher`] task; each is scored on a test set from the training distribution and
//! on one from a shifted input distribution (moved and stretched; same labelling rule). On
//! probit axes (`Φ⁻¹` of accuracy) Miller et al. find the two nearly on a line; the
//! experiment reports the line's R².

use crate::teacher::{InputShift, Teacher};
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, accuracy, rng};
use statrs::distribution::{ContinuousCDF, Normal};

/// The model zoo's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftConfig {
    pub widths: Vec<usize>,
    pub epochs: Vec<usize>,
    pub train_sizes: Vec<usize>,
    pub test_size: usize,
    pub shift: InputShift,
    pub batch: usize,
    pub lr: f64,
    pub seed: u64,
}

impl Default for ShiftConfig {
    fn default() -> Self {
        ShiftConfig {
            widths: vec![2, 4, 8, 16, 32, 64],
            epochs: vec![1, 3, 10, 30],
            train_sizes: vec![200, 1_000],
            test_size: 4_000,
            shift: InputShift {
                shift: 0.75,
                scale: 1.5,
            },
            batch: 50,
            lr: 3e-3,
            seed: 21,
        }
    }
}

impl ShiftConfig {
    /// Fewer models (still of varied capacity), for tests.
    pub fn test_scale() -> Self {
        ShiftConfig {
            widths: vec![2, 4, 16, 64],
            epochs: vec![1, 5, 20],
            train_sizes: vec![500],
            test_size: 2_000,
            ..Self::default()
        }
    }
}

/// One model's two accuracies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelScore {
    pub width: usize,
    pub epochs: usize,
    pub train_size: usize,
    pub in_distribution: f64,
    pub shifted: f64,
}

/// The zoo, and the least-squares line through its probit-transformed accuracies.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftResult {
    pub models: Vec<ModelScore>,
    pub slope: f64,
    pub intercept: f64,
    pub r_squared: f64,
    /// The control: the median R² over [`SHUFFLES`] seeded shuffles of which shifted
    /// accuracy goes with which in-distribution accuracy. Shuffling keeps both sets of
    /// accuracies and breaks only their pairing, so its R² is what the line scores when
    /// in-distribution accuracy predicts nothing about the shifted one.
    pub shuffled_r_squared: f64,
}

/// Shuffles of the pairing the control takes the median over.
pub const SHUFFLES: usize = 101;

/// The median R² of the line through the models' probit accuracies with the shifted ones
/// dealt out to the models in a random order.
pub fn shuffled_r_squared(points: &[(f64, f64)], seed: u64) -> f64 {
    use rand::seq::SliceRandom;
    let mut r = rng(seed);
    let values: Vec<f64> = (0..SHUFFLES)
        .map(|_| {
            let mut ys: Vec<f64> = points.iter().map(|p| p.1).collect();
            ys.shuffle(&mut r);
            let shuffled: Vec<(f64, f64)> = points.iter().zip(ys).map(|(p, y)| (p.0, y)).collect();
            fit_line(&shuffled).2
        })
        .collect();
    nets::stats::median(&values)
}

/// `Φ⁻¹(p)`, with `p` kept off 0 and 1 so that a perfect score stays finite.
pub fn probit(p: f64) -> f64 {
    let standard = Normal::standard();
    standard.inverse_cdf(p.clamp(1e-4, 1.0 - 1e-4))
}

/// Least-squares line `y = slope·x + intercept` and its R².
pub fn fit_line(points: &[(f64, f64)]) -> (f64, f64, f64) {
    let n = points.len() as f64;
    let (mx, my) = points
        .iter()
        .fold((0.0, 0.0), |(a, b), &(x, y)| (a + x / n, b + y / n));
    let sxx: f64 = points.iter().map(|&(x, _)| (x - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|&(x, y)| (x - mx) * (y - my)).sum();
    let syy: f64 = points.iter().map(|&(_, y)| (y - my).powi(2)).sum();
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    (slope, intercept, sxy * sxy / (sxx * syy))
}

/// Trains the zoo and fits the line.
pub fn run(cfg: &ShiftConfig) -> ShiftResult {
    let teacher = Teacher::new(16, 32, 4, 11);
    let (id_x, id_y) = teacher.sample(cfg.test_size, InputShift::NONE, cfg.seed + 1);
    let (sh_x, sh_y) = teacher.sample(cfg.test_size, cfg.shift, cfg.seed + 2);
    let mut models = Vec::new();
    for &train_size in &cfg.train_sizes {
        let (x, y) = teacher.sample(train_size, InputShift::NONE, cfg.seed + train_size as u64);
        for &width in &cfg.widths {
            let spec = MlpSpec::relu(&[teacher.inputs, width, width, teacher.classes]);
            let mlp = Mlp::new(&spec, &mut rng(cfg.seed + width as u64));
            let loss = Loss::SoftmaxCrossEntropy { groups: 1 };
            let mut t = Trainer::new(mlp, loss, Optimizer::adam(cfg.lr), cfg.seed);
            let mut done = 0;
            for &epochs in &cfg.epochs {
                // Each model is a snapshot of one run at a given training length.
                for _ in done..epochs {
                    t.epoch(x.view(), Targets::Labels(&y), cfg.batch);
                }
                done = epochs;
                models.push(ModelScore {
                    width,
                    epochs,
                    train_size,
                    in_distribution: accuracy(t.mlp.predict(id_x.view()).view(), &id_y, 1),
                    shifted: accuracy(t.mlp.predict(sh_x.view()).view(), &sh_y, 1),
                });
            }
        }
    }
    let points: Vec<(f64, f64)> = models
        .iter()
        .map(|m| (probit(m.in_distribution), probit(m.shifted)))
        .collect();
    let (slope, intercept, r_squared) = fit_line(&points);
    ShiftResult {
        shuffled_r_squared: shuffled_r_squared(&points, cfg.seed ^ 0x5_4ff1e),
        models,
        slope,
        intercept,
        r_squared,
    }
}

/// Shifted against in-distribution accuracy on probit axes, with the fitted line.
///
/// # Errors
/// A drawing error.
pub fn draw(result: &ShiftResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE, SIZE};
    use plotters::prelude::*;
    let pts: Vec<(f64, f64)> = result
        .models
        .iter()
        .map(|m| (probit(m.in_distribution), probit(m.shifted)))
        .collect();
    let lo = pts
        .iter()
        .flat_map(|&(x, y)| [x, y])
        .fold(f64::INFINITY, f64::min)
        - 0.2;
    let hi = pts
        .iter()
        .flat_map(|&(x, y)| [x, y])
        .fold(f64::NEG_INFINITY, f64::max)
        + 0.2;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            &format!(
                "Accuracy on the line: {} networks, R² = {:.3}",
                pts.len(),
                result.r_squared
            ),
        )
        .build_cartesian_2d(lo..hi, lo..hi)?;
        let as_accuracy = |v: &f64| {
            let standard = statrs::distribution::Normal::standard();
            format!(
                "{:.0}%",
                100.0 * statrs::distribution::ContinuousCDF::cdf(&standard, *v)
            )
        };
        figures::mesh(
            &mut chart.configure_mesh(),
            "in-distribution accuracy (probit scale)",
            "shifted accuracy (probit scale)",
        )
        .x_label_formatter(&as_accuracy)
        .y_label_formatter(&as_accuracy)
        .draw()?;
        chart
            .draw_series(LineSeries::new(
                [(lo, lo), (hi, hi)],
                INK.mix(0.6).stroke_width(1),
            ))?
            .label("equal accuracy")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], INK.mix(0.6).stroke_width(1))
            });
        let line = |x: f64| result.slope * x + result.intercept;
        chart
            .draw_series(LineSeries::new(
                [(lo, line(lo)), (hi, line(hi))],
                PALETTE[1].stroke_width(3),
            ))?
            .label("least-squares line")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], PALETTE[1].stroke_width(3))
            });
        chart.draw_series(pts.iter().map(|&p| Circle::new(p, 5, PALETTE[0].filled())))?;
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_fits_itself_and_probit_is_symmetric() {
        let (s, i, r2) = fit_line(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]);
        assert!((s - 2.0).abs() < 1e-12 && (i - 1.0).abs() < 1e-12 && (r2 - 1.0).abs() < 1e-12);
        assert!(probit(0.5).abs() < 1e-9);
        assert!((probit(0.975) - 1.959_964).abs() < 1e-5);
    }
}
