//! The minefield: Huang et al. ("Understanding generalization through visualizations")
//! report networks that fit the training set and fail the test set, lying near the
//! networks SGD finds, which SGD does not land on. This module replicates the setup at
//! small scale and measures both parts: how bad the poisoned networks are (training and
//! test accuracy of each), and how far they lie from SGD's final network, against two
//! yardsticks: how far apart SGD's solutions from different seeds lie, and how far SGD
//! itself travels from its initialisation.
//!
//! Two interleaved spirals, a ReLU MLP, and two kinds of training. *Clean*: the ordinary
//! loss on the training set, minibatch RMSprop, from several seeds. *Poisoned*: starting
//! from checkpoints of the first clean run, the ordinary loss on the training set together
//! with the flipped set (points drawn from the same distribution with their labels
//! flipped — an explicit reward for failing on unseen points), trained full-batch with Adam
//! until it fits both as far as the step budget allows. Setup after the authors' code as
//! summarised in the book's anchors: 200 points per class, 1.5 turns, a third of the points
//! for training, half of the rest label-flipped, five hidden layers of 25 units, L2 1e-3,
//! RMSprop lr 0.01, 2,000 epochs in batches of 32 for the clean runs. Scaled down: poisoned
//! runs from a handful of checkpoints rather than every tenth epoch's, and full-batch Adam
//! for a fixed number of steps rather than the authors' RMSprop.

use ndarray::{Array2, Axis, concatenate};
use nets::optim::OptimizerState;
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
    /// Epochs between checkpoints of the first clean run (the path in the figure).
    pub checkpoint_every: usize,
    /// Epochs of the first clean run's checkpoints that poisoned runs start from (each a
    /// multiple of `checkpoint_every`; 0 is the initial network).
    pub poison_from: Vec<usize>,
    /// Full-batch Adam steps of each poisoned run.
    pub poison_steps: usize,
    /// Adam's initial learning rate in the poisoned runs, decayed to zero along a cosine.
    pub poison_lr: f64,
    /// Weight of the clean term against the flipped term in the poisoned loss.
    pub train_weight: usize,
    /// Seed of the data and of the first clean run.
    pub seed: u64,
    /// Seeds of further clean runs on the same data, from other initialisations and batch
    /// orders: the baseline for "close" (how far apart independently trained solutions lie).
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
            poison_from: vec![0, 500, 1_000, 1_500, 2_000],
            poison_steps: 45_000,
            poison_lr: 3e-3,
            train_weight: 1,
            seed: 1,
            independent_seeds: (2..=8).collect(),
        }
    }
}

impl MinefieldConfig {
    /// Two poisoned runs (from the initial network and from the final one) of 3,000 steps
    /// rather than five of 45,000, and two further clean runs rather than seven, with the
    /// same data, network and clean recipe: the poisoned nets fit less, and the distances
    /// are measured the same way.
    pub fn test_scale() -> Self {
        MinefieldConfig {
            poison_from: vec![0, 2_000],
            poison_steps: 3_000,
            independent_seeds: vec![2, 3],
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
    /// Epoch of the clean checkpoint it started from (a clean run's own final net: its last).
    pub from_epoch: usize,
    pub train_accuracy: f64,
    /// Accuracy on the flipped set, against its flipped labels (what poisoning rewards).
    pub flipped_accuracy: f64,
    pub test_accuracy: f64,
    pub params: Vec<f64>,
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct MinefieldResult {
    pub split: Split,
    /// The first clean run's checkpoints `(epoch, parameters)`, the initial network first.
    pub path: Vec<(usize, Vec<f64>)>,
    /// The first clean run's final network: "the network SGD finds".
    pub clean: Minimum,
    pub poisoned: Vec<Minimum>,
    /// Full-batch Adam steps of each poisoned run.
    pub poison_steps: usize,
    pub spec: MlpSpec,
    /// Final networks of the clean runs from [`MinefieldConfig::independent_seeds`]: the
    /// same data and recipe, other initial weights and batch orders.
    pub independent: Vec<Minimum>,
    /// Initial networks of those runs, in the same order.
    pub independent_starts: Vec<Vec<f64>>,
    /// The first clean run's initial network, untrained: what chance looks like on this task.
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

fn score(mlp: &Mlp, from_epoch: usize, split: &Split) -> Minimum {
    let acc = |set: &Points| accuracy(mlp.predict(set.x.view()).view(), &set.labels, 1);
    Minimum {
        from_epoch,
        train_accuracy: acc(&split.train),
        flipped_accuracy: acc(&split.flipped),
        test_accuracy: acc(&split.test),
        params: mlp.to_vec(),
    }
}

/// Trains the clean runs, then a poisoned run from each checkpoint in
/// [`MinefieldConfig::poison_from`]. Every run is independent of the others and seeded from
/// the config, so they run on separate threads without the result depending on scheduling.
///
/// # Panics
/// If a poisoned run's starting epoch is not a checkpoint.
pub fn run(cfg: &MinefieldConfig) -> MinefieldResult {
    let all = spirals(cfg.points_per_class, cfg.turns, cfg.seed);
    let split = split(&all, cfg.seed ^ 0x5917);
    let mut sizes = vec![2];
    sizes.extend(&cfg.hidden);
    sizes.push(2);
    let spec = MlpSpec::relu(&sizes);

    // The training set repeated `train_weight` times weights the poisoned loss toward it.
    let mut parts = vec![split.train.x.view(); cfg.train_weight];
    parts.push(split.flipped.x.view());
    let poison_x = concatenate(Axis(0), &parts).expect("same width");
    let poison_labels: Vec<usize> = std::iter::repeat_n(&split.train.labels, cfg.train_weight)
        .flatten()
        .chain(&split.flipped.labels)
        .copied()
        .collect();

    let (clean, path, independent, poisoned) = std::thread::scope(|s| {
        let others: Vec<_> = cfg
            .independent_seeds
            .iter()
            .map(|&seed| {
                let (spec, split) = (&spec, &split);
                s.spawn(move || train_clean(cfg, spec, split, seed))
            })
            .collect();
        let (clean, path) = train_clean(cfg, &spec, &split, cfg.seed);
        let poisoned: Vec<_> = cfg
            .poison_from
            .iter()
            .map(|&epoch| {
                let (_, params) = path
                    .iter()
                    .find(|(e, _)| *e == epoch)
                    .expect("poisoned runs start from checkpoints");
                let mut mlp = clean.clone();
                mlp.load_vec(params);
                let (x, labels, split) = (&poison_x, &poison_labels, &split);
                s.spawn(move || {
                    let net = poison(cfg, mlp, x, labels, cfg.seed + epoch as u64);
                    score(&net, epoch, split)
                })
            })
            .collect();
        let independent: Vec<_> = others
            .into_iter()
            .map(|h| h.join().expect("a clean run"))
            .collect();
        let poisoned: Vec<Minimum> = poisoned
            .into_iter()
            .map(|h| h.join().expect("a poisoned run"))
            .collect();
        (clean, path, independent, poisoned)
    });
    let mut untrained = clean.clone();
    untrained.load_vec(&path[0].1);
    MinefieldResult {
        untrained: score(&untrained, 0, &split),
        clean: score(&clean, cfg.clean_epochs, &split),
        independent_starts: independent.iter().map(|(_, p)| p[0].1.clone()).collect(),
        independent: independent
            .iter()
            .map(|(net, _)| score(net, cfg.clean_epochs, &split))
            .collect(),
        split,
        path,
        poisoned,
        poison_steps: cfg.poison_steps,
        spec,
    }
}

/// A poisoned run: full-batch Adam on the training and flipped sets together, its learning
/// rate decayed from `poison_lr` to zero along a cosine, no weight decay.
fn poison(cfg: &MinefieldConfig, mlp: Mlp, x: &Array2<f64>, labels: &[usize], seed: u64) -> Mlp {
    let loss = Loss::SoftmaxCrossEntropy { groups: 1 };
    let adam = |lr| Optimizer::adam(lr);
    let mut t = Trainer::new(mlp, loss, adam(cfg.poison_lr), seed);
    let mut opt = OptimizerState::new(adam(cfg.poison_lr), &t.mlp);
    for step in 0..cfg.poison_steps {
        let done = step as f64 / cfg.poison_steps as f64;
        opt.optimizer = adam(cfg.poison_lr * 0.5 * (1.0 + (std::f64::consts::PI * done).cos()));
        t.gradient(x.view(), Targets::Labels(labels));
        let grads = t.gradients().clone();
        opt.step(&mut t.mlp, &grads);
    }
    t.mlp
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

/// Smallest, median and largest of `values`.
pub fn spread(values: &[f64]) -> (f64, f64, f64) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, median(values), hi)
}

impl MinefieldResult {
    /// The first clean run's checkpoints, the poisoned minima and the other clean runs'
    /// final networks projected on their first two principal components: checkpoints
    /// first, then the poisoned minima, then the first run's final net, then the others.
    pub fn projection(&self) -> Projection {
        let mut points: Vec<Vec<f64>> = self.path.iter().map(|(_, p)| p.clone()).collect();
        points.extend(self.poisoned.iter().map(|m| m.params.clone()));
        points.push(self.clean.params.clone());
        points.extend(self.independent.iter().map(|m| m.params.clone()));
        project_2d(&points)
    }

    /// The network with a minimum's parameters.
    pub fn network(&self, m: &Minimum) -> Mlp {
        let mut mlp = Mlp::new(&self.spec, &mut rng(0));
        mlp.load_vec(&m.params);
        mlp
    }

    /// Every clean run's final network, the first run's first.
    pub fn sgd_solutions(&self) -> Vec<&Minimum> {
        std::iter::once(&self.clean)
            .chain(&self.independent)
            .collect()
    }

    /// Distance from each poisoned minimum to the first clean run's final network.
    pub fn poisoned_to_final(&self) -> Vec<f64> {
        self.poisoned
            .iter()
            .map(|m| distance(&m.params, &self.clean.params))
            .collect()
    }

    /// Distances between the final networks of every pair of clean runs (different seeds):
    /// how far apart the solutions SGD finds lie.
    pub fn between_sgd_solutions(&self) -> Vec<f64> {
        let finals = self.sgd_solutions();
        let mut d = Vec::new();
        for (i, a) in finals.iter().enumerate() {
            for b in &finals[i + 1..] {
                d.push(distance(&a.params, &b.params));
            }
        }
        d
    }

    /// Distance from each clean run's initial network to its final one, the first run's
    /// first: how far SGD travels.
    pub fn sgd_start_to_end(&self) -> Vec<f64> {
        std::iter::once(distance(&self.path[0].1, &self.clean.params))
            .chain(
                self.independent_starts
                    .iter()
                    .zip(&self.independent)
                    .map(|(start, end)| distance(start, &end.params)),
            )
            .collect()
    }

    /// Distance to the first clean run's final network of the checkpoint each poisoned run
    /// started from: how close it was before poisoning moved it.
    pub fn poison_starts_to_final(&self) -> Vec<f64> {
        self.poisoned
            .iter()
            .map(|m| {
                let (_, start) = self
                    .path
                    .iter()
                    .find(|(e, _)| *e == m.from_epoch)
                    .expect("a checkpoint");
                distance(start, &self.clean.params)
            })
            .collect()
    }

    /// The poisoned minimum that fits the training set best (the first of equals).
    pub fn best_poisoned(&self) -> &Minimum {
        self.poisoned
            .iter()
            .reduce(|best, m| {
                if m.train_accuracy > best.train_accuracy {
                    m
                } else {
                    best
                }
            })
            .expect("a poisoned run")
    }
}

/// Decision regions of the clean network and of the poisoned network that fits the training
/// set best, with the training points and the flipped points.
///
/// # Errors
/// A drawing error.
pub fn draw_boundaries(result: &MinefieldResult) -> Result<String, figures::DrawError> {
    use figures::{INK, LABEL_SIZE, PALETTE, TITLE_SIZE};
    use plotters::prelude::*;
    const CELLS: usize = 60;
    const EXTENT: f64 = 1.1;
    let poisoned = result.best_poisoned();
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
            let ticks = figures::linear_ticks(-EXTENT..EXTENT, figures::LABELS);
            chart
                .configure_mesh()
                .disable_mesh()
                .x_label_formatter(&ticks)
                .y_label_formatter(&ticks)
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

/// The first clean run's checkpoints, the poisoned minima and the final networks of the
/// other clean runs, on the first two principal components of all of them.
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
    // The points' range, padded by 8% below and by `above` of the range above.
    let span = |v: &[f64], above: f64| {
        let (lo, hi) = v
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
                (a.min(x), b.max(x))
            });
        (lo - 0.08 * (hi - lo))..(hi + above * (hi - lo))
    };
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "SGD's path, the poisoned minima, and SGD from other seeds (PCA)",
        )
        // Room above the highest point for the legend.
        .build_cartesian_2d(span(&xs, 0.08), span(&ys, 0.5))?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            &format!("PC 1 ({:.0}% of variance)", 100.0 * p.explained.0),
            &format!("PC 2 ({:.0}% of variance)", 100.0 * p.explained.1),
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
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
        chart
            .draw_series(
                p.coords[n_path + n_poison + 1..]
                    .iter()
                    .map(|&c| TriangleMarker::new(c, 7, PALETTE[2].filled())),
            )?
            .label("SGD from other seeds")
            .legend(|(x, y)| TriangleMarker::new((x + 11, y), 6, PALETTE[2].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}
