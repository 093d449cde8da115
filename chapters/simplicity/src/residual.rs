//! A small residual network trained on toy data, read as an ensemble of paths (Veit et al.).
//!
//! The network: a linear embedding of 2-D inputs, `n` blocks `a ← a + V·relu(U·a + c)`, a
//! linear readout, trained full-batch with Adam on a smooth regression target. It is trained
//! twice from the same seeded draw: with the standard initialisation (every matrix as the
//! kit initialises a layer, [`BranchInit::Standard`]), the main run, and with the branches'
//! output matrices scaled down by `1/√n` ([`BranchInit::Scaled`]), a variant whose branches
//! start small and so favour short paths from the start. Three measurements after training,
//! as Veit, Wilber & Belongie made them:
//! - *gradient by path length*: backpropagate the loss gradient through one random set of
//!   `k` blocks' branches only (skipping the rest), and take the gradient's size at the
//!   input of the first block; times the number `C(n, k)` of such paths, that is the share
//!   of the gradient paths of length `k` carry;
//! - *lesions of one block*: delete one block (keep only its skip connection) and measure
//!   the test fit; compare with deleting one layer of a plain network of the same depth;
//! - *lesions of several blocks*: delete `k` blocks drawn at random, for `k = 1, 2, …`, and
//!   follow how the test fit falls with `k` (Veit et al.'s Figure 5a); the plain network's
//!   hidden layers likewise.

use crate::paths::binomial;
use ndarray::{Array2, Axis};
use nets::{ArraysState, Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, rng};
use rand::RngExt;
use rand::seq::SliceRandom;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ResidualConfig {
    pub blocks: usize,
    /// Width of the residual stream and of each branch.
    pub width: usize,
    pub train: usize,
    pub test: usize,
    pub steps: usize,
    pub lr: f64,
    /// Random paths sampled per length.
    pub paths_per_length: usize,
    /// The most blocks (or plain hidden layers) deleted at once.
    pub max_deleted: usize,
    /// Random sets of blocks deleted for each number of blocks.
    pub lesion_sets: usize,
    /// Threads the three networks are trained on (the results do not depend on it).
    pub threads: usize,
    pub seed: u64,
}

impl Default for ResidualConfig {
    /// Sixteen blocks of width sixteen; up to six blocks deleted at once (three eighths of
    /// them, as Veit et al. deleted up to 20 of 54), twenty random sets for each number.
    fn default() -> Self {
        ResidualConfig {
            blocks: 16,
            width: 16,
            train: 256,
            test: 512,
            steps: 3_000,
            lr: 2e-3,
            paths_per_length: 40,
            max_deleted: 6,
            lesion_sets: 20,
            threads: 2,
            seed: 1,
        }
    }
}

impl ResidualConfig {
    /// The book's scale itself (about ten seconds on two cores). At a third of the steps
    /// the verdicts change — the standard initialisation's gradient peaks below half the
    /// blocks, and the scaled variant's fit falls faster than the criterion allows as blocks
    /// are deleted — so a test at that scale would check other verdicts than the book's.
    pub fn test_scale() -> Self {
        Self::default()
    }
}

/// How the branches' output matrices `V` start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchInit {
    /// Every matrix as the kit initialises a layer (variance gain²/fan-in, uniform): gain √2
    /// for the embedding-to-ReLU matrices `U`, gain 1 for the linear ones (the embedding, `V`
    /// and the readout). Without normalisation the stream's variance roughly doubles at each
    /// block at the start.
    Standard,
    /// The same draw with every `V` multiplied by `1/√n`, so the stream's variance grows by
    /// about `1 + 1/n` per block and the branches start small beside the skip connections.
    Scaled,
}

impl BranchInit {
    /// The factor on the branches' output matrices for `blocks` blocks.
    pub fn factor(self, blocks: usize) -> f64 {
        match self {
            BranchInit::Standard => 1.0,
            BranchInit::Scaled => 1.0 / (blocks as f64).sqrt(),
        }
    }
}

/// The target: a smooth function of two inputs in `[-1, 1]²`.
fn target(x: f64, y: f64) -> f64 {
    (std::f64::consts::PI * x).sin() * (std::f64::consts::PI * y).cos()
}

fn data(n: usize, seed: u64) -> (Array2<f64>, Array2<f64>) {
    let mut r = rng(seed);
    let x = Array2::from_shape_fn((n, 2), |_| r.random_range(-1.0..1.0));
    let y = Array2::from_shape_fn((n, 1), |(i, _)| target(x[[i, 0]], x[[i, 1]]));
    (x, y)
}

/// The residual network's parameters, in one flat list of matrices for the optimizer.
#[derive(Clone, Debug)]
pub struct ResNet {
    /// `[W0 (2×d), b0 (1×d), U_1, c_1, V_1, …, U_n, c_n, V_n, w (d×1), b (1×1)]`.
    pub params: Vec<Array2<f64>>,
    pub blocks: usize,
}

/// What a forward pass keeps for the backward one.
struct Trace {
    /// The residual stream before each block, and after the last.
    streams: Vec<Array2<f64>>,
    /// Each block's branch pre-activations.
    pre: Vec<Array2<f64>>,
    out: Array2<f64>,
}

impl ResNet {
    fn new(cfg: &ResidualConfig, init: BranchInit, seed: u64) -> Self {
        let mut r = rng(seed);
        let d = cfg.width;
        let mut uniform = |rows: usize, cols: usize, scale: f64| {
            let a = (3.0f64).sqrt() * scale / (rows as f64).sqrt();
            Array2::from_shape_fn((rows, cols), |_| r.random_range(-a..a))
        };
        let mut params = vec![uniform(2, d, 1.0), Array2::zeros((1, d))];
        for _ in 0..cfg.blocks {
            params.push(uniform(d, d, std::f64::consts::SQRT_2));
            params.push(Array2::zeros((1, d)));
            params.push(uniform(d, d, init.factor(cfg.blocks)));
        }
        params.push(uniform(d, 1, 1.0));
        params.push(Array2::zeros((1, 1)));
        ResNet {
            params,
            blocks: cfg.blocks,
        }
    }

    fn block(&self, l: usize) -> (&Array2<f64>, &Array2<f64>, &Array2<f64>) {
        let p = &self.params[2 + 3 * l..];
        (&p[0], &p[1], &p[2])
    }

    /// Runs the network with the blocks in `deleted` reduced to their skip connection.
    fn forward(&self, x: &Array2<f64>, deleted: &[usize]) -> Trace {
        let mut a = x.dot(&self.params[0]) + &self.params[1];
        let (mut streams, mut pre) = (Vec::new(), Vec::new());
        for l in 0..self.blocks {
            let (u, c, v) = self.block(l);
            let z = a.dot(u) + c;
            streams.push(a.clone());
            if !deleted.contains(&l) {
                a = a + z.mapv(|t| t.max(0.0)).dot(v);
            }
            pre.push(z);
        }
        let n = self.params.len();
        let out = a.dot(&self.params[n - 2]) + &self.params[n - 1];
        streams.push(a);
        Trace { streams, pre, out }
    }

    /// Mean squared error on `(x, y)`, with the blocks in `deleted` deleted.
    pub fn mse(&self, x: &Array2<f64>, y: &Array2<f64>, deleted: &[usize]) -> f64 {
        let out = self.forward(x, deleted).out;
        (&out - y).mapv(|e| e * e).mean().expect("rows")
    }

    /// The loss gradient with respect to every parameter.
    fn gradients(&self, x: &Array2<f64>, y: &Array2<f64>) -> Vec<Array2<f64>> {
        let t = self.forward(x, &[]);
        let n = self.params.len();
        let d_out = (&t.out - y) * (2.0 / x.nrows() as f64);
        let mut grads: Vec<Array2<f64>> =
            self.params.iter().map(|p| Array2::zeros(p.dim())).collect();
        grads[n - 2] = t.streams[self.blocks].t().dot(&d_out);
        grads[n - 1] = d_out.sum_axis(Axis(0)).insert_axis(Axis(0));
        let mut g = d_out.dot(&self.params[n - 2].t());
        for l in (0..self.blocks).rev() {
            let (u, _, v) = self.block(l);
            let z = &t.pre[l];
            let r = z.mapv(|s| s.max(0.0));
            let dz = g.dot(&v.t()) * z.mapv(|s| if s > 0.0 { 1.0 } else { 0.0 });
            grads[2 + 3 * l + 2] = r.t().dot(&g);
            grads[2 + 3 * l] = t.streams[l].t().dot(&dz);
            grads[2 + 3 * l + 1] = dz.sum_axis(Axis(0)).insert_axis(Axis(0));
            g = g + dz.dot(&u.t());
        }
        grads[0] = x.t().dot(&g);
        grads[1] = g.sum_axis(Axis(0)).insert_axis(Axis(0));
        grads
    }

    /// Veit et al.'s path gradient: the loss gradient backpropagated through the branches
    /// of the blocks in `through` only and the skip connections of the rest; its mean size
    /// (Euclidean norm per example) at the input of the first block.
    fn path_gradient(&self, x: &Array2<f64>, y: &Array2<f64>, through: &[bool]) -> f64 {
        let t = self.forward(x, &[]);
        let n = self.params.len();
        let d_out = (&t.out - y) * (2.0 / x.nrows() as f64);
        let mut g = d_out.dot(&self.params[n - 2].t());
        for l in (0..self.blocks).rev() {
            if through[l] {
                let (u, _, v) = self.block(l);
                let dz = g.dot(&v.t()) * t.pre[l].mapv(|s| if s > 0.0 { 1.0 } else { 0.0 });
                g = dz.dot(&u.t());
            }
        }
        g.map_axis(Axis(1), |row| row.dot(&row).sqrt())
            .mean()
            .expect("rows")
    }
}

/// Full-batch Adam on the network's list of matrices, by the kit's optimizer.
fn train_resnet(net: &mut ResNet, x: &Array2<f64>, y: &Array2<f64>, cfg: &ResidualConfig) {
    let mut adam = ArraysState::new(Optimizer::adam(cfg.lr), &net.params);
    for _ in 0..cfg.steps {
        let grads = net.gradients(x, y);
        adam.step(&mut net.params, &grads);
    }
}

/// Test fit of a trained network, whole and lesioned.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesions {
    /// Test R² of the whole network.
    pub whole: f64,
    /// Test R² with each block (each hidden-to-hidden layer) deleted in turn.
    pub one: Vec<f64>,
    /// `several[k - 1]`: test R² after deleting each of the seeded random sets of `k` blocks
    /// (layers), for `k = 1, …, max_deleted`.
    pub several: Vec<Vec<f64>>,
}

impl Lesions {
    /// The median test R² after deleting one block.
    pub fn one_median(&self) -> f64 {
        nets::stats::median(&self.one)
    }

    /// The mean test R² after deleting `k` random blocks, for `k = 0` (the whole network),
    /// 1, …, `max_deleted`.
    pub fn several_means(&self) -> Vec<f64> {
        std::iter::once(self.whole)
            .chain(
                self.several
                    .iter()
                    .map(|r| nets::stats::mean(r.iter().copied())),
            )
            .collect()
    }

    /// The largest fall of the mean test R² from `k - 1` to `k` deleted blocks.
    pub fn largest_drop(&self) -> f64 {
        largest_drop(&self.several_means())
    }
}

/// The largest fall from one value to the next (negative if the values only rise).
pub fn largest_drop(values: &[f64]) -> f64 {
    values
        .windows(2)
        .map(|w| w[0] - w[1])
        .fold(f64::NEG_INFINITY, f64::max)
}

/// One residual network's measurements.
#[derive(Clone, Debug, PartialEq)]
pub struct ResNetRun {
    pub init: BranchInit,
    /// Mean gradient size through one path, for each length `0..=blocks`.
    pub path_gradient: Vec<f64>,
    pub lesions: Lesions,
}

impl ResNetRun {
    /// The share of the total gradient carried by paths of each length: the gradient
    /// through one path times the number of paths, normalised.
    pub fn gradient_share(&self) -> Vec<f64> {
        gradient_share(&self.path_gradient)
    }

    /// The length whose paths carry the most gradient in total.
    pub fn peak_length(&self) -> usize {
        peak_length(&self.path_gradient)
    }
}

/// What the experiment measured.
#[derive(Clone, Debug, PartialEq)]
pub struct ResidualResult {
    pub config: ResidualConfig,
    /// The main run: the standard initialisation.
    pub standard: ResNetRun,
    /// The variant: branches' output matrices scaled by `1/√n` at the start.
    pub scaled: ResNetRun,
    /// A plain network of the same depth, its hidden-to-hidden layers lesioned.
    pub plain: Lesions,
}

impl ResidualResult {
    /// The run with this initialisation.
    pub fn run(&self, init: BranchInit) -> &ResNetRun {
        match init {
            BranchInit::Standard => &self.standard,
            BranchInit::Scaled => &self.scaled,
        }
    }
}

/// The share of the total gradient carried by paths of each length `0..=n`, given the
/// gradient through one path of each length: times the number of paths, normalised.
pub fn gradient_share(path_gradient: &[f64]) -> Vec<f64> {
    let n = path_gradient.len().saturating_sub(1) as u32;
    let total: Vec<f64> = path_gradient
        .iter()
        .enumerate()
        .map(|(k, &g)| g * binomial(n, k as u32) as f64)
        .collect();
    let sum: f64 = total.iter().sum();
    total.iter().map(|t| t / sum).collect()
}

/// The length whose paths carry the most gradient in total, given the gradient through one
/// path of each length.
pub fn peak_length(path_gradient: &[f64]) -> usize {
    let share = gradient_share(path_gradient);
    (0..share.len()).fold(0, |best, k| if share[k] > share[best] { k } else { best })
}

fn r2(mse: f64, y: &Array2<f64>) -> f64 {
    let var = y.var(0.0);
    1.0 - mse / var
}

/// Seeded random sets of `k` of `count` indices, `sets` for each `k = 1..=max`.
fn deletion_sets(count: usize, max: usize, sets: usize, seed: u64) -> Vec<Vec<Vec<usize>>> {
    let mut r = rng(seed);
    let mut order: Vec<usize> = (0..count).collect();
    (1..=max.min(count))
        .map(|k| {
            (0..sets)
                .map(|_| {
                    order.shuffle(&mut r);
                    order[..k].to_vec()
                })
                .collect()
        })
        .collect()
}

/// Trains one residual network and measures it.
fn resnet_run(
    cfg: &ResidualConfig,
    init: BranchInit,
    (x, y): (&Array2<f64>, &Array2<f64>),
    (xt, yt): (&Array2<f64>, &Array2<f64>),
) -> ResNetRun {
    // The same seeds for both initialisations: the same draw, `V` only rescaled.
    let mut net = ResNet::new(cfg, init, cfg.seed + 2);
    train_resnet(&mut net, x, y, cfg);
    let mut r = rng(cfg.seed + 3);
    let path_gradient = (0..=cfg.blocks)
        .map(|k| {
            let mut order: Vec<usize> = (0..cfg.blocks).collect();
            (0..cfg.paths_per_length)
                .map(|_| {
                    order.shuffle(&mut r);
                    let mut through = vec![false; cfg.blocks];
                    for &l in &order[..k] {
                        through[l] = true;
                    }
                    net.path_gradient(x, y, &through)
                })
                .sum::<f64>()
                / cfg.paths_per_length as f64
        })
        .collect();
    let fit = |deleted: &[usize]| r2(net.mse(xt, yt, deleted), yt);
    let sets = deletion_sets(cfg.blocks, cfg.max_deleted, cfg.lesion_sets, cfg.seed + 6);
    let lesions = Lesions {
        whole: fit(&[]),
        one: (0..cfg.blocks).map(|l| fit(&[l])).collect(),
        several: sets
            .iter()
            .map(|by_k| by_k.iter().map(|set| fit(set)).collect())
            .collect(),
    };
    ResNetRun {
        init,
        path_gradient,
        lesions,
    }
}

/// Trains the plain network and lesions it.
fn plain_run(
    cfg: &ResidualConfig,
    (x, y): (&Array2<f64>, &Array2<f64>),
    (xt, yt): (&Array2<f64>, &Array2<f64>),
) -> Lesions {
    // As many hidden layers as blocks, trained with the kit's Adam.
    let mut sizes = vec![2];
    sizes.extend(std::iter::repeat_n(cfg.width, cfg.blocks));
    sizes.push(1);
    let spec = MlpSpec::relu(&sizes);
    let mut trainer = Trainer::new(
        Mlp::new(&spec, &mut rng(cfg.seed + 4)),
        Loss::Mse,
        Optimizer::adam(cfg.lr),
        cfg.seed + 5,
    );
    for _ in 0..cfg.steps {
        trainer.step(x.view(), Targets::Values(y.view()));
    }
    let plain = &trainer.mlp;
    // Deleting hidden layer `l + 1` (a width → width layer, `l` in 0..blocks − 1) leaves a
    // network one layer shorter; several are removed from the last down.
    let fit = |deleted: &[usize]| {
        let mut m = plain.clone();
        let mut layers: Vec<usize> = deleted.iter().map(|&l| l + 1).collect();
        layers.sort_unstable_by(|a, b| b.cmp(a));
        for l in layers {
            m.layers.remove(l);
            m.spec.sizes.remove(l);
        }
        let mse = (&m.predict(xt.view()) - yt)
            .mapv(|e| e * e)
            .mean()
            .expect("rows");
        r2(mse, yt)
    };
    let layers = cfg.blocks - 1;
    let sets = deletion_sets(layers, cfg.max_deleted, cfg.lesion_sets, cfg.seed + 7);
    Lesions {
        whole: fit(&[]),
        one: (0..layers).map(|l| fit(&[l])).collect(),
        several: sets
            .iter()
            .map(|by_k| by_k.iter().map(|set| fit(set)).collect())
            .collect(),
    }
}

/// What one of the three trainings returns.
enum Trained {
    Residual(ResNetRun),
    Plain(Lesions),
}

/// Trains the three networks (the residual one with each initialisation, and the plain
/// one) on `cfg.threads` threads, and measures them. Each is seeded on its own, so the
/// result does not depend on the thread count.
pub fn run(cfg: &ResidualConfig) -> ResidualResult {
    let (x, y) = data(cfg.train, cfg.seed);
    let (xt, yt) = data(cfg.test, cfg.seed + 1);
    let jobs = [Some(BranchInit::Standard), None, Some(BranchInit::Scaled)];
    let mut trained = nets::par::map(&jobs, cfg.threads, |job| match *job {
        Some(init) => Trained::Residual(resnet_run(cfg, init, (&x, &y), (&xt, &yt))),
        None => Trained::Plain(plain_run(cfg, (&x, &y), (&xt, &yt))),
    })
    .into_iter();
    let mut next = || trained.next().expect("three trainings");
    match (next(), next(), next()) {
        (Trained::Residual(standard), Trained::Plain(plain), Trained::Residual(scaled)) => {
            ResidualResult {
                config: cfg.clone(),
                standard,
                scaled,
                plain,
            }
        }
        _ => unreachable!("the jobs come back in their order"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_paths_peak_at_half_the_blocks() {
        // When every path carries the same gradient, the total by length is the binomial
        // count, largest at n/2.
        assert_eq!(peak_length(&[1.0; 17]), 8);
        let mut short = vec![1.0; 17];
        for (k, g) in short.iter_mut().enumerate() {
            *g = 0.5f64.powi(k as i32);
        }
        assert!(peak_length(&short) < 8);
    }

    #[test]
    fn backprop_matches_finite_differences() {
        let cfg = ResidualConfig {
            blocks: 3,
            width: 4,
            ..ResidualConfig::default()
        };
        let (x, y) = data(8, 1);
        let net = ResNet::new(&cfg, BranchInit::Standard, 2);
        let grads = net.gradients(&x, &y);
        for (p, index) in [
            (0, (1, 2)),
            (2, (0, 1)),
            (4, (3, 3)),
            (8, (2, 1)),
            (9, (0, 2)),
            (11, (1, 0)),
        ] {
            let h = 1e-6;
            let mut plus = net.clone();
            plus.params[p][index] += h;
            let mut minus = net.clone();
            minus.params[p][index] -= h;
            let numeric = (plus.mse(&x, &y, &[]) - minus.mse(&x, &y, &[])) / (2.0 * h);
            assert!(
                (numeric - grads[p][index]).abs() < 1e-6,
                "param {p}: {numeric} vs {}",
                grads[p][index]
            );
        }
    }
}
