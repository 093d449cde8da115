//! The minefield: Huang et al. ("Understanding generalization through visualizations")
//! report networks that fit the training set and fail the test set close to the path SGD
//! takes, which SGD does not land on. This module replicates the setup at small scale and
//! measures both parts: how bad the poisoned networks are, and how far they lie from SGD's
//! final network compared with networks SGD finds from other initialisations.
//!
//! Two interleaved spirals, a ReLU MLP, and two kinds of training. *Clean*: the ordinary
//! loss on the training set. *Poisoned*: starting from checkpoints of the clean run, the
//! ordinary loss plus the loss on an extra set drawn from the same distribution with its
//! labels flipped — an explicit reward for failing on unseen points. Setup after the
//! authors' code as summarised in the book's anchors: 200 points per class, 1.5 turns, a
//! third of the points for training, half of the rest label-flipped, five hidden layers of
//! 25 units, L2 1e-3, RMSprop.

use ndarray::{Array2, Axis, concatenate};
use nets::pca::{Projection, project_2d};
use nets::stats::median;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, accuracy, rng};
use rand::RngExt;
use rand::seq::SliceRandom;

/// The experiment's scale and hyperparameters.
#[derive(Clone, Debug, PartialEq)]
pub struct MinefieldConfig {
    pub points_per_class: usize,
    pub turns: f64,
    pub hidden: Vec<usize>,
    pub clean_epochs: usize,
    pub batch: usize,
    pub clean_lr: f64,
    pub weight_decay: f64,
    /// Epochs between checkpoints of the clean run.
    pub checkpoint_every: usize,
    /// Epochs between the checkpoints that poisoned runs start from.
    pub poison_every: usize,
    pub poison_epochs: usize,
    pub poison_lr: f64,
    /// Weight of the clean term against the flipped term in the poisoned loss.
    pub train_weight: usize,
    pub seed: u64,
    /// Seeds of further clean runs on the same data, from other initialisations: the
    /// baseline for "close" (how far apart independently trained solutions lie).
    pub independent_seeds: Vec<u64>,
}

impl Default for MinefieldConfig {
    fn default() -> Self {
        MinefieldConfig {
            points_per_class: 200,
            turns: 1.5,
            hidden: vec![25; 5],
            clean_epochs: 2_000,
            batch: 32,
            clean_lr: 0.01,
            weight_decay: 1e-3,
            checkpoint_every: 10,
            poison_every: 100,
            poison_epochs: 2_000,
            poison_lr: 1e-3,
            train_weight: 1,
            seed: 1,
            independent_seeds: vec![2, 3],
        }
    }
}

impl MinefieldConfig {
    /// Fewer poisoned runs (from every 500th epoch's checkpoint rather than every 100th),
    /// with the same data, network and run lengths: shorter runs would leave the poisoned
    /// nets nearer their starting checkpoints, and change what the distance claim measures.
    pub fn test_scale() -> Self {
        MinefieldConfig {
            poison_every: 500,
            ..Self::default()
        }
    }
}

/// Points and labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    pub x: Array2<f64>,
    pub labels: Vec<usize>,
}

impl Points {
    fn select(all: &Points, idx: &[usize]) -> Points {
        Points {
            x: all.x.select(Axis(0), idx),
            labels: idx.iter().map(|&i| all.labels[i]).collect(),
        }
    }
}

/// Two spirals: class 0 at `t·(cos 2πkt, sin 2πkt)` for `k` turns and `t = √u`, `u ~ U(0, 1)`, class 1
/// its reflection through the origin.
pub fn spirals(points_per_class: usize, turns: f64, seed: u64) -> Points {
    let mut r = rng(seed);
    let n = 2 * points_per_class;
    let mut x = Array2::zeros((n, 2));
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        // √u spreads points evenly along the arm's length rather than crowding the centre.
        let t = r.random_range(0.0f64..1.0).sqrt();
        let angle = std::f64::consts::TAU * turns * t;
        let sign = if i % 2 == 0 { 1.0 } else { -1.0 };
        x[[i, 0]] = sign * t * angle.cos();
        x[[i, 1]] = sign * t * angle.sin();
        labels.push(i % 2);
    }
    Points { x, labels }
}

/// The three disjoint sets: training, label-flipped ("untraining"), and test.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub train: Points,
    pub flipped: Points,
    pub test: Points,
}

/// A third for training; of the rest, half with flipped labels and half for testing.
pub fn split(all: &Points, seed: u64) -> Split {
    let mut idx: Vec<usize> = (0..all.labels.len()).collect();
    idx.shuffle(&mut rng(seed));
    let n_train = all.labels.len() / 3;
    let n_flip = (all.labels.len() - n_train) / 2;
    let train = Points::select(all, &idx[..n_train]);
    let mut flipped = Points::select(all, &idx[n_train..n_train + n_flip]);
    flipped.labels.iter_mut().for_each(|l| *l = 1 - *l);
    let test = Points::select(all, &idx[n_train + n_flip..]);
    Split {
        train,
        flipped,
        test,
    }
}

/// A trained network's scores and parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimum {
    /// Epoch of the clean checkpoint it started from (the clean run's own final net: its last).
    pub from_epoch: usize,
    pub train_accuracy: f64,
    pub test_accuracy: f64,
    pub params: Vec<f64>,
    /// Distance to the nearest clean checkpoint, as a share of the clean path's length.
    pub distance_to_path: f64,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct MinefieldResult {
    pub split: Split,
    /// Clean checkpoints `(epoch, parameters)`, the initial network first.
    pub path: Vec<(usize, Vec<f64>)>,
    /// Sum of distances between consecutive checkpoints.
    pub path_length: f64,
    pub clean: Minimum,
    pub poisoned: Vec<Minimum>,
    pub spec: MlpSpec,
    /// Final networks of the clean runs from [`MinefieldConfig::independent_seeds`]: the
    /// same data and recipe, other initial weights and batch orders.
    pub independent: Vec<Minimum>,
    /// The clean run's initial network, untrained: what chance looks like on this task.
    pub untrained: Minimum,
}

fn rmsprop(lr: f64, weight_decay: f64) -> Optimizer {
    Optimizer::RmsProp {
        lr,
        alpha: 0.99,
        eps: 1e-8,
        weight_decay,
    }
}

fn distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f64>()
        .sqrt()
}

fn score(
    mlp: &Mlp,
    from_epoch: usize,
    split: &Split,
    path: &[(usize, Vec<f64>)],
    length: f64,
) -> Minimum {
    let params = mlp.to_vec();
    let nearest = path
        .iter()
        .map(|(_, p)| distance(p, &params))
        .fold(f64::INFINITY, f64::min);
    Minimum {
        from_epoch,
        train_accuracy: accuracy(
            mlp.predict(split.train.x.view()).view(),
            &split.train.labels,
            1,
        ),
        test_accuracy: accuracy(
            mlp.predict(split.test.x.view()).view(),
            &split.test.labels,
            1,
        ),
        params,
        distance_to_path: nearest / length,
    }
}

/// Trains the clean run, then a poisoned run from every `poison_every`-th epoch's checkpoint.
pub fn run(cfg: &MinefieldConfig) -> MinefieldResult {
    let all = spirals(cfg.points_per_class, cfg.turns, cfg.seed);
    let split = split(&all, cfg.seed ^ 0x5917);
    let mut sizes = vec![2];
    sizes.extend(&cfg.hidden);
    sizes.push(2);
    let spec = MlpSpec::relu(&sizes);
    let loss = Loss::SoftmaxCrossEntropy { groups: 1 };
    let (clean, path) = train_clean(cfg, &spec, &split, cfg.seed);
    let mut untrained = clean.clone();
    untrained.load_vec(&path[0].1);
    let path_length = path.windows(2).map(|w| distance(&w[0].1, &w[1].1)).sum();
    let untrained = score(&untrained, 0, &split, &path, path_length);
    let clean_min = score(&clean, cfg.clean_epochs, &split, &path, path_length);
    let independent = cfg
        .independent_seeds
        .iter()
        .map(|&seed| {
            let (net, _) = train_clean(cfg, &spec, &split, seed);
            score(&net, cfg.clean_epochs, &split, &path, path_length)
        })
        .collect();

    // The training set repeated `train_weight` times weights the poisoned loss toward it.
    let mut parts = vec![split.train.x.view(); cfg.train_weight];
    parts.push(split.flipped.x.view());
    let poison_x = concatenate(Axis(0), &parts).expect("same width");
    let poison_labels: Vec<usize> = std::iter::repeat_n(&split.train.labels, cfg.train_weight)
        .flatten()
        .chain(&split.flipped.labels)
        .copied()
        .collect();
    let poisoned = path
        .iter()
        .filter(|(epoch, _)| epoch % cfg.poison_every == 0)
        .map(|(epoch, params)| {
            let mut mlp = clean.clone();
            mlp.load_vec(params);
            let mut t = Trainer::new(
                mlp,
                loss,
                rmsprop(cfg.poison_lr, 0.0),
                cfg.seed + *epoch as u64,
            );
            for _ in 0..cfg.poison_epochs {
                t.epoch(poison_x.view(), Targets::Labels(&poison_labels), cfg.batch);
            }
            score(&t.mlp, *epoch, &split, &path, path_length)
        })
        .collect();
    MinefieldResult {
        split,
        path,
        path_length,
        clean: clean_min,
        poisoned,
        untrained,
        spec,
        independent,
    }
}

/// A clean run from initialisation `seed`: its final network and its checkpoints.
fn train_clean(
    cfg: &MinefieldConfig,
    spec: &MlpSpec,
    split: &Split,
    seed: u64,
) -> (Mlp, Vec<(usize, Vec<f64>)>) {
    let loss = Loss::SoftmaxCrossEntropy { groups: 1 };
    let mlp = Mlp::new(spec, &mut rng(seed));
    let mut clean = Trainer::new(mlp, loss, rmsprop(cfg.clean_lr, cfg.weight_decay), seed);
    let mut path = vec![(0, clean.mlp.to_vec())];
    for epoch in 1..=cfg.clean_epochs {
        clean.epoch(
            split.train.x.view(),
            Targets::Labels(&split.train.labels),
            cfg.batch,
        );
        if epoch % cfg.checkpoint_every == 0 {
            path.push((epoch, clean.mlp.to_vec()));
        }
    }
    (clean.mlp, path)
}

impl MinefieldResult {
    /// The clean checkpoints and poisoned minima projected on their first two principal
    /// components: checkpoints first, then the poisoned minima, then the clean final net.
    pub fn projection(&self) -> Projection {
        let mut points: Vec<Vec<f64>> = self.path.iter().map(|(_, p)| p.clone()).collect();
        points.extend(self.poisoned.iter().map(|m| m.params.clone()));
        points.push(self.clean.params.clone());
        project_2d(&points)
    }

    /// The network with a minimum's parameters.
    pub fn network(&self, m: &Minimum) -> Mlp {
        let mut mlp = Mlp::new(&self.spec, &mut rng(0));
        mlp.load_vec(&m.params);
        mlp
    }

    /// Distance from `params` to the clean run's final network.
    pub fn distance_to_final(&self, params: &[f64]) -> f64 {
        distance(params, &self.clean.params)
    }

    /// Median distance from the poisoned minima to the clean run's final network.
    pub fn median_poisoned_to_final(&self) -> f64 {
        let d: Vec<f64> = self
            .poisoned
            .iter()
            .map(|m| self.distance_to_final(&m.params))
            .collect();
        median(&d)
    }

    /// Distances from each independently trained clean network to the clean run's final
    /// one, in the order of [`MinefieldConfig::independent_seeds`].
    pub fn independent_to_final(&self) -> Vec<f64> {
        self.independent
            .iter()
            .map(|m| self.distance_to_final(&m.params))
            .collect()
    }

    /// Median distance to the clean run's final network of the checkpoints the poisoned
    /// runs started from: how close they were before poisoning moved them.
    pub fn median_start_to_final(&self) -> f64 {
        let d: Vec<f64> = self
            .poisoned
            .iter()
            .map(|m| {
                let (_, start) = self
                    .path
                    .iter()
                    .find(|(e, _)| *e == m.from_epoch)
                    .expect("a checkpoint");
                self.distance_to_final(start)
            })
            .collect();
        median(&d)
    }

    /// Distance from the clean run's initial network to its final one.
    pub fn start_to_end(&self) -> f64 {
        self.distance_to_final(&self.path[0].1)
    }

    /// Median of the poisoned minima's distance to the path, relative to the path length.
    pub fn median_distance_to_path(&self) -> f64 {
        let d: Vec<f64> = self.poisoned.iter().map(|m| m.distance_to_path).collect();
        median(&d)
    }
}

/// Decision regions of the clean network and of the poisoned network started from the
/// clean run's final checkpoint, with the training points and the flipped points.
///
/// # Errors
/// A drawing error.
pub fn draw_boundaries(result: &MinefieldResult) -> Result<String, figures::DrawError> {
    use figures::{INK, LABEL_SIZE, PALETTE, TITLE_SIZE};
    use plotters::prelude::*;
    const CELLS: usize = 60;
    const EXTENT: f64 = 1.1;
    let poisoned = result.poisoned.last().expect("a poisoned run");
    let panels = [
        ("clean training", &result.clean),
        ("poisoned training", poisoned),
    ];
    figures::svg((960, 500), |root| {
        let halves = root.split_evenly((1, 2));
        for (area, (name, minimum)) in halves.iter().zip(panels) {
            let net = result.network(minimum);
            let step = 2.0 * EXTENT / CELLS as f64;
            let centres = Array2::from_shape_fn((CELLS * CELLS, 2), |(k, j)| {
                let (row, col) = (k / CELLS, k % CELLS);
                -EXTENT + step * (if j == 0 { col } else { row } as f64 + 0.5)
            });
            let out = net.predict(centres.view());
            let mut chart = ChartBuilder::on(area)
                .caption(
                    format!(
                        "{name}: train {:.0}%, test {:.0}%",
                        100.0 * minimum.train_accuracy,
                        100.0 * minimum.test_accuracy
                    ),
                    figures::text(TITLE_SIZE),
                )
                .margin(14)
                .x_label_area_size(36)
                .y_label_area_size(44)
                .build_cartesian_2d(-EXTENT..EXTENT, -EXTENT..EXTENT)?;
            chart
                .configure_mesh()
                .disable_mesh()
                .axis_style(INK)
                .label_style(figures::text(LABEL_SIZE))
                .draw()?;
            chart.draw_series((0..CELLS * CELLS).map(|k| {
                let (x, y) = (centres[[k, 0]], centres[[k, 1]]);
                let class = usize::from(out[[k, 1]] > out[[k, 0]]);
                Rectangle::new(
                    [
                        (x - step / 2.0, y - step / 2.0),
                        (x + step / 2.0, y + step / 2.0),
                    ],
                    PALETTE[class].mix(0.25).filled(),
                )
            }))?;
            let points = |set: &Points, filled: bool| {
                (0..set.labels.len())
                    .map(|i| {
                        let colour = PALETTE[set.labels[i]];
                        let style = if filled {
                            colour.filled()
                        } else {
                            colour.stroke_width(2)
                        };
                        Circle::new((set.x[[i, 0]], set.x[[i, 1]]), 4, style)
                    })
                    .collect::<Vec<_>>()
            };
            chart.draw_series(points(&result.split.train, true))?;
            if name.starts_with("poisoned") {
                chart.draw_series(points(&result.split.flipped, false))?;
            }
        }
        Ok(())
    })
}

/// The clean run's checkpoints and the poisoned minima, on the first two principal
/// components of all of them.
///
/// # Errors
/// A drawing error.
pub fn draw_path(result: &MinefieldResult) -> Result<String, figures::DrawError> {
    use figures::{PALETTE, SIZE};
    use plotters::prelude::*;
    let p = result.projection();
    let n_path = result.path.len();
    let n_poison = result.poisoned.len();
    let (xs, ys): (Vec<f64>, Vec<f64>) = p.coords.iter().copied().unzip();
    let span = |v: &[f64]| {
        let (lo, hi) = v
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        let pad = 0.08 * (hi - lo);
        (lo - pad)..(hi + pad)
    };
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "SGD's path and the poisoned minima found from it (PCA)",
        )
        .build_cartesian_2d(span(&xs), span(&ys))?;
        figures::mesh(
            &mut chart.configure_mesh(),
            &format!("PC 1 ({:.0}% of variance)", 100.0 * p.explained.0),
            &format!("PC 2 ({:.0}% of variance)", 100.0 * p.explained.1),
        )
        .draw()?;
        let path: Vec<(f64, f64)> = p.coords[..n_path].to_vec();
        chart
            .draw_series(LineSeries::new(path.clone(), PALETTE[0].stroke_width(2)))?
            .label("SGD checkpoints")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], PALETTE[0].stroke_width(3))
            });
        chart.draw_series(path.iter().map(|&c| Circle::new(c, 2, PALETTE[0].filled())))?;
        // A thin line from each poisoned minimum back to the checkpoint it started from.
        for (k, m) in result.poisoned.iter().enumerate() {
            let start = result
                .path
                .iter()
                .position(|(e, _)| *e == m.from_epoch)
                .expect("a checkpoint");
            chart.draw_series(LineSeries::new(
                [p.coords[start], p.coords[n_path + k]],
                PALETTE[3].mix(0.5).stroke_width(1),
            ))?;
        }
        chart
            .draw_series(
                p.coords[n_path..n_path + n_poison]
                    .iter()
                    .map(|&c| Circle::new(c, 5, PALETTE[3].filled())),
            )?
            .label("poisoned minima")
            .legend(|(x, y)| Circle::new((x + 11, y), 5, PALETTE[3].filled()));
        chart
            .draw_series(std::iter::once(TriangleMarker::new(
                p.coords[n_path + n_poison],
                9,
                PALETTE[1].filled(),
            )))?
            .label("SGD's final network")
            .legend(|(x, y)| TriangleMarker::new((x + 11, y), 7, PALETTE[1].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}
