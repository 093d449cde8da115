//! Accuracy on the line: does performance on the training distribution predict performance
//! under a shift (Miller et al., "Accuracy on the line", 2021)?
//!
//! Miller et al. train and evaluate many models of many kinds on one task and score each on
//! a test set from the training distribution and on one or more shifted test sets. Put on
//! probit axes (`Φ⁻¹` of accuracy), the two accuracies lie close to one straight line, and
//! the same line holds across model families, sizes, training-set sizes and training lengths;
//! they report each shift's R² of the least-squares line, and show shifts where the fit is
//! weak as well. Their Gaussian model gives the reason for the probit scale: for a linear
//! classifier on Gaussian classes, a shift that scales the data's covariance maps one
//! probit accuracy linearly to the other, and other shifts need not.
//!
//! Here the task is [`crate::teacher`]'s, and three families are trained on it, each over a
//! range of capacities and the two training-set sizes:
//! - MLPs of several widths, each scored after several epochs (snapshots of one run);
//! - random-features ridge classifiers: `ReLU(w·x/√d + b)` features with fixed Gaussian `w`
//!   and `b` (a wider model adds features to a narrower one), a constant, and ridge
//!   regression onto one-hot labels, predicting the largest output;
//! - k-nearest-neighbours classifiers (Euclidean distance, majority vote, ties to the
//!   nearest neighbour's class), for several `k`.
//!
//! Every model is scored on the training distribution and under two shifts that keep the
//! labelling rule: *moved and stretched* (half the coordinates moved, all stretched) and
//! *reshaped* (half the coordinates squeezed, the other half stretched, none moved), a
//! change of covariance that is not a scaling. For each shift the experiment fits the line
//! through all models and reports its R², and asks whether the families share it: a line
//! fitted to the other two families predicts each family's shifted accuracies, and the R² of
//! those held-out predictions says how well. The control for both is the same computation
//! with the pairing of in-distribution and shifted accuracies shuffled.
//!
//! Left out of Miller et al.'s setting: real data and real shifts (CIFAR-10 and ImageNet
//! variants, WILDS), pre-trained models, the hundreds of architectures, and convolutional
//! networks; here the models are small, the task synthetic and the shifts of one simple kind
//! (each coordinate moved or stretched).

use crate::teacher::{InputShift, Teacher};
use nalgebra::{DMatrix, DVector};
use ndarray::Array2;
use nets::stats::{Line, line_fit};
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, accuracy, rng};
use rand_distr::{Distribution, StandardNormal};
use statrs::distribution::{ContinuousCDF, Normal};
use std::fmt;

/// A test distribution that keeps the teacher's labelling rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shift {
    /// The first half of the coordinates moved by `shift`, every coordinate stretched by
    /// `scale` ([`InputShift`]).
    Moved(InputShift),
    /// The first half of the coordinates multiplied by `first`, the rest by `second`.
    Reshaped { first: f64, second: f64 },
}

impl Shift {
    /// `n` labelled examples from the shifted distribution.
    pub fn sample(&self, teacher: &Teacher, n: usize, seed: u64) -> (Array2<f64>, Vec<usize>) {
        match *self {
            Shift::Moved(s) => teacher.sample(n, s, seed),
            Shift::Reshaped { first, second } => {
                let half = teacher.inputs / 2;
                teacher.sample_map(
                    n,
                    seed,
                    |j, z| if j < half { first * z } else { second * z },
                )
            }
        }
    }
}

impl fmt::Display for Shift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shift::Moved(s) => write!(f, "moved by {} and stretched by {}", s.shift, s.scale),
            Shift::Reshaped { first, second } => write!(
                f,
                "half the coordinates scaled by {first}, half by {second}"
            ),
        }
    }
}

/// The model zoo's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftConfig {
    pub widths: Vec<usize>,
    pub epochs: Vec<usize>,
    pub train_sizes: Vec<usize>,
    /// Random-features counts (nested: the first `p` of one draw).
    pub features: Vec<usize>,
    /// The random-features classifiers' ridge penalty.
    pub ridge: f64,
    /// Neighbour counts.
    pub neighbours: Vec<usize>,
    pub test_size: usize,
    pub shifts: Vec<Shift>,
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
            features: vec![8, 32, 128, 512],
            ridge: 1e-3,
            neighbours: vec![1, 3, 9, 27],
            test_size: 4_000,
            shifts: vec![
                Shift::Moved(InputShift {
                    shift: 0.75,
                    scale: 1.5,
                }),
                Shift::Reshaped {
                    first: 0.5,
                    second: 2.0,
                },
            ],
            batch: 50,
            lr: 3e-3,
            seed: 21,
        }
    }
}

impl ShiftConfig {
    /// Fewer MLPs and smaller test sets, for tests; the random-features and
    /// nearest-neighbour families and the training-set sizes as at book scale, since the
    /// families' spread is what the claims are about.
    pub fn test_scale() -> Self {
        ShiftConfig {
            widths: vec![2, 4, 16, 64],
            epochs: vec![1, 5, 20],
            test_size: 2_000,
            ..Self::default()
        }
    }
}

/// A kind of model, and its capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Mlp { width: usize, epochs: usize },
    RandomFeatures { features: usize },
    Knn { k: usize },
}

/// The three families.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Mlp,
    RandomFeatures,
    Knn,
}

impl Family {
    pub const ALL: [Family; 3] = [Family::Mlp, Family::RandomFeatures, Family::Knn];
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Family::Mlp => "MLPs",
            Family::RandomFeatures => "random-features ridge",
            Family::Knn => "k-nearest neighbours",
        })
    }
}

impl Model {
    pub fn family(&self) -> Family {
        match self {
            Model::Mlp { .. } => Family::Mlp,
            Model::RandomFeatures { .. } => Family::RandomFeatures,
            Model::Knn { .. } => Family::Knn,
        }
    }
}

/// One model's accuracies: in distribution, and under each shift in the config's order.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelScore {
    pub model: Model,
    pub train_size: usize,
    pub in_distribution: f64,
    pub shifted: Vec<f64>,
}

/// One shift's line through the zoo's probit accuracies.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftLine {
    pub shift: Shift,
    pub slope: f64,
    pub intercept: f64,
    pub r_squared: f64,
    /// The control: the median R² over [`SHUFFLES`] seeded shuffles of which shifted
    /// accuracy goes with which in-distribution accuracy. Shuffling keeps both sets of
    /// accuracies and breaks only their pairing, so its R² is what the line scores when
    /// in-distribution accuracy predicts nothing about the shifted one.
    pub shuffled_r_squared: f64,
    /// Each family's shifted probit accuracies predicted by the line through the other
    /// families' models: R² of those predictions over all models.
    pub across_families: f64,
    /// The same with the pairing shuffled (median over [`SHUFFLES`]).
    pub shuffled_across_families: f64,
    /// The same held-out rule inside one family: the MLPs split by width into three groups
    /// of consecutive widths, each predicted by the line through the other two.
    pub across_mlp_widths: f64,
    /// Each family's own line: slope and R² (`None` for fewer than three models).
    pub per_family: Vec<(Family, Option<(f64, f64)>)>,
}

/// The zoo, and a line per shift.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftResult {
    pub models: Vec<ModelScore>,
    pub lines: Vec<ShiftLine>,
}

impl ShiftResult {
    /// The shift's line that scores lowest by `by`.
    pub fn worst(&self, by: impl Fn(&ShiftLine) -> f64) -> &ShiftLine {
        self.lines
            .iter()
            .fold(&self.lines[0], |w, l| if by(l) < by(w) { l } else { w })
    }
}

/// Shuffles of the pairing the control takes the median over.
pub const SHUFFLES: usize = 101;

/// The median of `score` over [`SHUFFLES`] seeded shuffles of the points' second coordinates.
fn shuffled<T>(
    points: &[(f64, f64)],
    seed: u64,
    score: impl Fn(&[(f64, f64)]) -> T,
    value: impl Fn(T) -> f64,
) -> f64 {
    use rand::seq::SliceRandom;
    let mut r = rng(seed);
    let values: Vec<f64> = (0..SHUFFLES)
        .map(|_| {
            let mut ys: Vec<f64> = points.iter().map(|p| p.1).collect();
            ys.shuffle(&mut r);
            let shuffled: Vec<(f64, f64)> = points.iter().zip(ys).map(|(p, y)| (p.0, y)).collect();
            value(score(&shuffled))
        })
        .collect();
    nets::stats::median(&values)
}

/// The median R² of the line through the models' probit accuracies with the shifted ones
/// dealt out to the models in a random order.
pub fn shuffled_r_squared(points: &[(f64, f64)], seed: u64) -> f64 {
    shuffled(points, seed, line_fit, |f| f.r_squared)
}

/// `Φ⁻¹(p)`, with `p` kept off 0 and 1 so that a perfect score stays finite.
pub fn probit(p: f64) -> f64 {
    let standard = Normal::standard();
    standard.inverse_cdf(p.clamp(1e-4, 1.0 - 1e-4))
}

/// R² of predicting each group's `y` from the line through the other groups' points:
/// `1 − Σ(y − ŷ)² / Σ(y − ȳ)²` over every point, `ȳ` the mean of all. NaN unless there are
/// at least two groups and every group has at least two points outside it to fit a line to.
pub fn held_out_r_squared(points: &[(f64, f64)], groups: &[usize]) -> f64 {
    let n = points.len() as f64;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let total: f64 = points.iter().map(|p| (p.1 - my).powi(2)).sum();
    let mut labels: Vec<usize> = groups.to_vec();
    labels.sort_unstable();
    labels.dedup();
    if labels.len() < 2 {
        return f64::NAN;
    }
    let mut residual = 0.0;
    for &group in &labels {
        let others: Vec<(f64, f64)> = points
            .iter()
            .zip(groups)
            .filter(|(_, g)| **g != group)
            .map(|(p, _)| *p)
            .collect();
        if others.len() < 2 {
            return f64::NAN;
        }
        let Line {
            slope, intercept, ..
        } = line_fit(&others);
        residual += points
            .iter()
            .zip(groups)
            .filter(|(_, g)| **g == group)
            .map(|(p, _)| (p.1 - (slope * p.0 + intercept)).powi(2))
            .sum::<f64>();
    }
    1.0 - residual / total
}

/// Random-features ridge classifiers with the first `p` of `p_max` features, for each `p`
/// in `counts`: the predicted classes on each test set.
fn random_features(
    cfg: &ShiftConfig,
    x: &Array2<f64>,
    y: &[usize],
    classes: usize,
    tests: &[&Array2<f64>],
    seed: u64,
) -> Vec<Vec<Vec<usize>>> {
    let d = x.ncols();
    let p_max = cfg.features.iter().copied().max().unwrap_or(0);
    let mut r = rng(seed);
    let mut normal = || -> f64 { StandardNormal.sample(&mut r) };
    let w = DMatrix::from_fn(d, p_max, |_, _| normal() / (d as f64).sqrt());
    let b = DVector::from_fn(p_max, |_, _| normal());
    let to_matrix = |a: &Array2<f64>| DMatrix::from_fn(a.nrows(), d, |i, j| a[(i, j)]);
    // Column 0 the constant, then the features.
    let features = |a: &Array2<f64>, p: usize| {
        let pre = to_matrix(a) * w.columns(0, p);
        DMatrix::from_fn(a.nrows(), p + 1, |i, j| {
            if j == 0 {
                1.0
            } else {
                (pre[(i, j - 1)] + b[j - 1]).max(0.0)
            }
        })
    };
    let n = x.nrows() as f64;
    let onehot = DMatrix::from_fn(x.nrows(), classes, |i, c| f64::from(u8::from(y[i] == c)));
    cfg.features
        .iter()
        .map(|&p| {
            let phi = features(x, p);
            let gram = phi.tr_mul(&phi) / n + DMatrix::identity(p + 1, p + 1) * cfg.ridge;
            let rhs = phi.tr_mul(&onehot) / n;
            let a = gram
                .cholesky()
                .expect("a ridge Gram matrix is positive definite")
                .solve(&rhs);
            tests
                .iter()
                .map(|t| {
                    let out = features(t, p) * &a;
                    out.row_iter()
                        .map(|row| nets::loss::argmax(row.iter().copied()))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// k-nearest-neighbours predictions on each test set, for each `k` in `ks`: majority vote
/// among the `k` nearest training points, ties going to the class of the nearest of them.
fn nearest_neighbours(
    x: &Array2<f64>,
    y: &[usize],
    classes: usize,
    ks: &[usize],
    tests: &[&Array2<f64>],
) -> Vec<Vec<Vec<usize>>> {
    let k_max = ks.iter().copied().max().unwrap_or(1).min(x.nrows());
    let per_test: Vec<Vec<Vec<usize>>> = tests
        .iter()
        .map(|t| {
            let mut preds = vec![Vec::with_capacity(t.nrows()); ks.len()];
            let mut dist: Vec<(f64, usize)> = Vec::with_capacity(x.nrows());
            for q in t.rows() {
                dist.clear();
                dist.extend(x.rows().into_iter().enumerate().map(|(i, row)| {
                    let d2: f64 = row.iter().zip(q.iter()).map(|(a, b)| (a - b).powi(2)).sum();
                    (d2, i)
                }));
                // The k_max nearest, in order (distance, then index, so ties are fixed).
                let by =
                    |a: &(f64, usize), b: &(f64, usize)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
                dist.select_nth_unstable_by(k_max - 1, by);
                dist[..k_max].sort_by(by);
                for (slot, &k) in preds.iter_mut().zip(ks) {
                    let mut votes = vec![0usize; classes];
                    for &(_, i) in &dist[..k.min(k_max)] {
                        votes[y[i]] += 1;
                    }
                    let top = votes.iter().copied().max().unwrap_or(0);
                    let class = dist[..k.min(k_max)]
                        .iter()
                        .map(|&(_, i)| y[i])
                        .find(|&c| votes[c] == top)
                        .unwrap_or(0);
                    slot.push(class);
                }
            }
            preds
        })
        .collect();
    // Reorder to [k][test][point].
    (0..ks.len())
        .map(|ki| per_test.iter().map(|p| p[ki].clone()).collect())
        .collect()
}

fn share_right(predicted: &[usize], labels: &[usize]) -> f64 {
    predicted.iter().zip(labels).filter(|(p, l)| p == l).count() as f64 / labels.len() as f64
}

/// Trains the zoo and fits a line per shift.
pub fn run(cfg: &ShiftConfig) -> ShiftResult {
    let teacher = Teacher::new(16, 32, 4, 11);
    let (id_x, id_y) = teacher.sample(cfg.test_size, InputShift::NONE, cfg.seed + 1);
    let shifted: Vec<(Array2<f64>, Vec<usize>)> = cfg
        .shifts
        .iter()
        .enumerate()
        .map(|(i, s)| s.sample(&teacher, cfg.test_size, cfg.seed + 2 + 1_000 * i as u64))
        .collect();
    let test_sets: Vec<(&Array2<f64>, &Vec<usize>)> = std::iter::once((&id_x, &id_y))
        .chain(shifted.iter().map(|(x, y)| (x, y)))
        .collect();
    let inputs: Vec<&Array2<f64>> = test_sets.iter().map(|t| t.0).collect();
    let score = |model: Model, train_size: usize, accuracies: Vec<f64>| ModelScore {
        model,
        train_size,
        in_distribution: accuracies[0],
        shifted: accuracies[1..].to_vec(),
    };
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
                let accuracies = test_sets
                    .iter()
                    .map(|(tx, ty)| accuracy(t.mlp.predict(tx.view()).view(), ty, 1))
                    .collect();
                models.push(score(Model::Mlp { width, epochs }, train_size, accuracies));
            }
        }
        let rf = random_features(cfg, &x, &y, teacher.classes, &inputs, cfg.seed ^ 0xf3a7);
        for (&features, preds) in cfg.features.iter().zip(rf) {
            let accuracies = preds
                .iter()
                .zip(&test_sets)
                .map(|(p, (_, ty))| share_right(p, ty))
                .collect();
            models.push(score(
                Model::RandomFeatures { features },
                train_size,
                accuracies,
            ));
        }
        let knn = nearest_neighbours(&x, &y, teacher.classes, &cfg.neighbours, &inputs);
        for (&k, preds) in cfg.neighbours.iter().zip(knn) {
            let accuracies = preds
                .iter()
                .zip(&test_sets)
                .map(|(p, (_, ty))| share_right(p, ty))
                .collect();
            models.push(score(Model::Knn { k }, train_size, accuracies));
        }
    }
    let families: Vec<usize> = models.iter().map(|m| m.model.family() as usize).collect();
    // The MLPs, and which third of the width list each one's width falls in.
    let mlps: Vec<(usize, usize)> = models
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match m.model {
            Model::Mlp { width, .. } => {
                let rank = cfg.widths.iter().position(|&w| w == width).unwrap_or(0);
                Some((i, 3 * rank / cfg.widths.len().max(1)))
            }
            _ => None,
        })
        .collect();
    let width_groups: Vec<usize> = mlps.iter().map(|&(_, g)| g).collect();
    let lines = cfg
        .shifts
        .iter()
        .enumerate()
        .map(|(i, &shift)| {
            let points: Vec<(f64, f64)> = models
                .iter()
                .map(|m| (probit(m.in_distribution), probit(m.shifted[i])))
                .collect();
            let Line {
                slope,
                intercept,
                r_squared,
            } = line_fit(&points);
            let seed = cfg.seed ^ 0x5_4ff1e ^ ((i as u64) << 32);
            let mlp_points: Vec<(f64, f64)> = mlps.iter().map(|&(j, _)| points[j]).collect();
            let per_family = Family::ALL
                .iter()
                .map(|&f| {
                    let own: Vec<(f64, f64)> = points
                        .iter()
                        .zip(&families)
                        .filter(|(_, g)| **g == f as usize)
                        .map(|(p, _)| *p)
                        .collect();
                    (
                        f,
                        (own.len() >= 3).then(|| {
                            let Line {
                                slope: s,
                                r_squared: r2,
                                ..
                            } = line_fit(&own);
                            (s, r2)
                        }),
                    )
                })
                .collect();
            ShiftLine {
                shift,
                slope,
                intercept,
                r_squared,
                shuffled_r_squared: shuffled_r_squared(&points, seed),
                across_families: held_out_r_squared(&points, &families),
                shuffled_across_families: shuffled(
                    &points,
                    seed ^ 0xacf,
                    |p| held_out_r_squared(p, &families),
                    |r| r,
                ),
                across_mlp_widths: held_out_r_squared(&mlp_points, &width_groups),
                per_family,
            }
        })
        .collect();
    ShiftResult { models, lines }
}

/// Shifted against in-distribution accuracy on probit axes, one panel per shift, each
/// family in its own colour, with the line through all models.
///
/// # Errors
/// A drawing error.
pub fn draw(result: &ShiftResult) -> Result<String, figures::DrawError> {
    use figures::{INK, PALETTE};
    use plotters::prelude::*;
    let all: Vec<f64> = result
        .models
        .iter()
        .flat_map(|m| std::iter::once(m.in_distribution).chain(m.shifted.iter().copied()))
        .map(probit)
        .collect();
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min) - 0.2;
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max) + 0.2;
    let as_accuracy = |v: &f64| {
        let standard = Normal::standard();
        format!("{:.0}%", 100.0 * standard.cdf(*v))
    };
    let panels = result.lines.len().max(1);
    figures::svg((560 * panels as u32, 500), |root| {
        for (i, (area, line)) in root
            .split_evenly((1, panels))
            .iter()
            .zip(&result.lines)
            .enumerate()
        {
            let mut chart = figures::frame(
                &mut ChartBuilder::on(area),
                &format!("{}: R² = {:.3}", line.shift, line.r_squared),
            )
            .build_cartesian_2d(lo..hi, lo..hi)?;
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
            let fit = |x: f64| line.slope * x + line.intercept;
            chart
                .draw_series(LineSeries::new(
                    [(lo, fit(lo)), (hi, fit(hi))],
                    INK.stroke_width(3),
                ))?
                .label("line through all models")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(3)));
            for (k, family) in Family::ALL.into_iter().enumerate() {
                let colour = PALETTE[k % PALETTE.len()];
                let pts: Vec<(f64, f64)> = result
                    .models
                    .iter()
                    .filter(|m| m.model.family() == family)
                    .map(|m| (probit(m.in_distribution), probit(m.shifted[i])))
                    .collect();
                chart
                    .draw_series(pts.iter().map(|&p| Circle::new(p, 5, colour.filled())))?
                    .label(family.to_string())
                    .legend(move |(x, y)| Circle::new((x + 11, y), 5, colour.filled()));
            }
            figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_fits_itself_and_probit_is_symmetric() {
        let Line {
            slope: s,
            intercept: i,
            r_squared: r2,
        } = line_fit(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]);
        assert!((s - 2.0).abs() < 1e-12 && (i - 1.0).abs() < 1e-12 && (r2 - 1.0).abs() < 1e-12);
        assert!(probit(0.5).abs() < 1e-9);
        assert!((probit(0.975) - 1.959_964).abs() < 1e-5);
    }

    #[test]
    fn held_out_lines_see_families_off_the_line() {
        let groups = [0, 0, 0, 1, 1, 2, 2];
        let on: Vec<(f64, f64)> = (0..7).map(|i| (i as f64, 0.5 * i as f64 - 1.0)).collect();
        assert!((held_out_r_squared(&on, &groups) - 1.0).abs() < 1e-12);
        // One family moved off the common line: the others' line mispredicts it.
        let mut off = on.clone();
        for p in &mut off[5..] {
            p.1 += 3.0;
        }
        assert!(held_out_r_squared(&off, &groups) < 0.5);
        assert!(line_fit(&off).r_squared < 1.0);
        // One group, or a group with too little outside it: nothing to predict from.
        assert!(held_out_r_squared(&on, &[0; 7]).is_nan());
        assert!(held_out_r_squared(&on[..3], &[0, 1, 1]).is_nan());
    }

    #[test]
    fn nearest_neighbours_vote_and_break_ties_by_the_nearest() {
        let x = Array2::from_shape_vec((4, 1), vec![0.0, 1.0, 2.0, 10.0]).unwrap();
        let y = [0, 1, 1, 0];
        let q = Array2::from_shape_vec((2, 1), vec![0.4, 9.0]).unwrap();
        let p = nearest_neighbours(&x, &y, 2, &[1, 2, 3], &[&q]);
        // k = 1: nearest; k = 2: a tie, to the nearest's class; k = 3: the majority.
        assert_eq!(p[0][0], vec![0, 0]);
        assert_eq!(p[1][0], vec![0, 0]);
        assert_eq!(p[2][0], vec![1, 1]);
    }
}
