//! Wider is not worse: test error against width, in standard and maximal-update
//! parametrisation.
//!
//! The parody predicts that wider networks, able to express more functions that fit the
//! training set, should generalise worse. The essay answers that they usually generalise
//! better and never worse, in µP. Here one MLP shape is trained at widths spanning a factor
//! of 32 on the [`crate::teacher`] task, with one learning rate, fixed in the configuration
//! (not tuned), used at every width (µP's promise is that a rate good at one width transfers
//! to the others), several seeds each.

use crate::teacher::{InputShift, Teacher};
use nets::stats::mean_se;
use nets::{
    Activation, InitDist, Loss, Mlp, MlpSpec, Optimizer, Parametrisation, Targets, Trainer,
    accuracy, rng,
};

/// The sweep's scale and hyperparameters.
#[derive(Clone, Debug, PartialEq)]
pub struct WidthConfig {
    pub widths: Vec<usize>,
    pub seeds: Vec<u64>,
    pub train_size: usize,
    pub test_size: usize,
    pub epochs: usize,
    pub batch: usize,
    pub lr: f64,
    pub momentum: f64,
}

impl Default for WidthConfig {
    fn default() -> Self {
        WidthConfig {
            widths: vec![16, 32, 64, 128, 256, 512],
            seeds: vec![1, 2, 3],
            train_size: 1_000,
            test_size: 4_000,
            epochs: 30,
            batch: 50,
            lr: 0.05,
            momentum: 0.9,
        }
    }
}

impl WidthConfig {
    /// Still a factor of 32 in width, fewer epochs and seeds' worth of work per width.
    pub fn test_scale() -> Self {
        WidthConfig {
            widths: vec![8, 16, 32, 64, 128, 256],
            seeds: vec![1, 2],
            epochs: 15,
            ..Self::default()
        }
    }
}

/// The two parametrisations compared.
pub const PARAMETRISATIONS: [(&str, bool); 2] = [("standard", false), ("µP", true)];

/// Mean and standard error over seeds at one width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WidthPoint {
    pub width: usize,
    pub test_error: f64,
    pub test_error_se: f64,
    pub train_loss: f64,
}

/// One parametrisation's curve.
#[derive(Clone, Debug, PartialEq)]
pub struct WidthCurve {
    pub name: &'static str,
    pub points: Vec<WidthPoint>,
}

impl WidthCurve {
    /// The largest amount by which a wider network's mean test error exceeds a narrower
    /// one's, beyond twice their combined standard error (0 when wider is never
    /// significantly worse).
    pub fn worst_widening(&self) -> f64 {
        let mut worst: f64 = 0.0;
        for (i, narrow) in self.points.iter().enumerate() {
            for wide in &self.points[i + 1..] {
                let se = (narrow.test_error_se.powi(2) + wide.test_error_se.powi(2)).sqrt();
                worst = worst.max(wide.test_error - narrow.test_error - 2.0 * se);
            }
        }
        worst
    }

    /// The same measurements with the order of widths reversed: each width gets the test
    /// error measured at its mirror image, so a curve that falls with width becomes one that
    /// rises — what the counting reading predicts, with this curve's own noise.
    pub fn reversed(&self) -> WidthCurve {
        let widths = self.points.iter().map(|p| p.width);
        let points = widths
            .zip(self.points.iter().rev())
            .map(|(width, p)| WidthPoint { width, ..*p })
            .collect();
        WidthCurve {
            name: self.name,
            points,
        }
    }

    /// Test error at the narrowest and at the widest width.
    pub fn ends(&self) -> (f64, f64) {
        let first = self.points.first().expect("a width");
        let last = self.points.last().expect("a width");
        (first.test_error, last.test_error)
    }
}

/// Runs the sweep in both parametrisations.
pub fn run(cfg: &WidthConfig) -> Vec<WidthCurve> {
    let teacher = Teacher::new(16, 32, 4, 11);
    let (train_x, train_y) = teacher.sample(cfg.train_size, InputShift::NONE, 12);
    let (test_x, test_y) = teacher.sample(cfg.test_size, InputShift::NONE, 13);
    let base = cfg.widths[0];
    PARAMETRISATIONS
        .iter()
        .map(|&(name, mup)| {
            let points = cfg
                .widths
                .iter()
                .map(|&width| {
                    let (errors, losses): (Vec<f64>, Vec<f64>) = cfg
                        .seeds
                        .iter()
                        .map(|&seed| {
                            let spec = MlpSpec {
                                sizes: vec![teacher.inputs, width, width, teacher.classes],
                                hidden: Activation::Relu,
                                bias: true,
                                init: InitDist::Normal,
                                parametrisation: if mup {
                                    Parametrisation::MuP { base_width: base }
                                } else {
                                    Parametrisation::Standard
                                },
                            };
                            let mlp = Mlp::new(&spec, &mut rng(seed));
                            let loss = Loss::SoftmaxCrossEntropy { groups: 1 };
                            let mut t =
                                Trainer::new(mlp, loss, Optimizer::sgd(cfg.lr, cfg.momentum), seed);
                            for _ in 0..cfg.epochs {
                                t.epoch(train_x.view(), Targets::Labels(&train_y), cfg.batch);
                            }
                            let out = t.mlp.predict(test_x.view());
                            let train_loss = t.loss_on(train_x.view(), Targets::Labels(&train_y));
                            (1.0 - accuracy(out.view(), &test_y, 1), train_loss)
                        })
                        .unzip();
                    let (test_error, test_error_se) = mean_se(&errors);
                    WidthPoint {
                        width,
                        test_error,
                        test_error_se,
                        train_loss: mean_se(&losses).0,
                    }
                })
                .collect();
            WidthCurve { name, points }
        })
        .collect()
}

/// Test error against width for both parametrisations, mean ± two standard errors.
///
/// # Errors
/// A drawing error.
pub fn draw(curves: &[WidthCurve]) -> Result<String, figures::DrawError> {
    use figures::{PALETTE, SIZE};
    use plotters::prelude::*;
    let all = curves.iter().flat_map(|c| &c.points);
    let lo = all
        .clone()
        .map(|p| p.test_error - 2.0 * p.test_error_se)
        .fold(f64::INFINITY, f64::min);
    let hi = all
        .clone()
        .map(|p| p.test_error + 2.0 * p.test_error_se)
        .fold(0.0, f64::max);
    let (w0, w1) = (
        all.clone().map(|p| p.width).min().unwrap_or(1) as f64,
        all.map(|p| p.width).max().unwrap_or(1) as f64,
    );
    let pad = 0.1 * (hi - lo);
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(&mut ChartBuilder::on(root), "Test error against width")
            .build_cartesian_2d(
                w0.log2() - 0.5..w1.log2() + 0.5,
                (100.0 * (lo - pad)).max(0.0)..100.0 * (hi + pad),
            )?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "hidden width",
            "test error (%)",
        )
        .y_label_formatter(&y_ticks)
        .x_labels(12)
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .draw()?;
        for (k, curve) in curves.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            // Offset the two curves slightly so their error bars do not overlap.
            let nudge = 0.04 * (k as f64 - 0.5);
            let x = move |w: usize| (w as f64).log2() + nudge;
            let pts: Vec<(f64, f64)> = curve
                .points
                .iter()
                .map(|p| (x(p.width), 100.0 * p.test_error))
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(3)))?
                .label(format!("{} parametrisation", curve.name))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
            chart.draw_series(curve.points.iter().map(|p| {
                ErrorBar::new_vertical(
                    x(p.width),
                    100.0 * (p.test_error - 2.0 * p.test_error_se),
                    100.0 * p.test_error,
                    100.0 * (p.test_error + 2.0 * p.test_error_se),
                    colour.stroke_width(2),
                    8,
                )
            }))?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}
