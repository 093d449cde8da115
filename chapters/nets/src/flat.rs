//! One small network trained in `f32` with every buffer a plain slice: the engine of
//! [`crate::boolean_fit`], which trains networks of a few thousand parameters by the
//! thousand.
//!
//! A step of a 7-40-40-1 network on a minibatch of 8 rows is some 45,000 multiply-adds. The
//! general [`crate::Trainer`] spends much of such a step around them (a GEMM call's packing
//! and dispatch per product, array views, `Zip` set-up) rather than in them. Here every
//! product goes through one small kernel, [`matmul`], that keeps a block of 4 rows by 16
//! columns of sums in registers while it runs along the shared dimension, and every buffer
//! of a network this size stays in the first-level cache. On this book's two-core machine
//! that fits about twice as many networks a second as the general trainer did
//! (`cargo bench -p nets`).
//!
//! Why one network at a time rather than many stacked on a leading axis: each run has its
//! own minibatch order and stops at its own epoch, so lanes across networks would gather
//! different rows per lane and idle on the networks that have already fit; lanes across one
//! network's units are all busy until it stops, and a stopped network costs nothing.
//!
//! The recipe is the [`crate::Trainer`]'s: the network as [`Mlp::new`] drew it (rounded to
//! `f32`), the same minibatch order from the same seed, half squared error, and each
//! optimizer's update through [`crate::optim`]'s one rule, its arithmetic in `f64`. The
//! passes are in `f32`, the precision PyTorch and TensorFlow train in by default, so the two
//! trainers agree to `f32`'s rounding, not to the bit (tested). Every multiply-add is fused
//! ([`f32::mul_add`]): one instruction on a CPU with FMA, for which the kernels are compiled
//! a second time, and a correctly rounded library call on one without, so every machine
//! computes the same bits.

use crate::activation::Activation;
use crate::boolean::TruthTable;
use crate::mlp::Mlp;
use crate::optim::{Optimizer, Rule};
use crate::train::rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// A training set as flat rows: `x` is rows × inputs, `t` rows × outputs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rows<'a> {
    pub x: &'a [f32],
    pub t: &'a [f32],
}

/// A term added to every step's loss: `weight · ½(y(x) − target)²` on one input row `x`,
/// summed over outputs, not averaged with the batch (`weight` is its share of each step's
/// loss as it stands). It enters the backward pass as one more row whose output gradient is
/// `weight · (y − target)`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowPenalty<'a> {
    pub x: &'a [f32],
    pub target: f32,
    pub weight: f32,
}

/// One layer's parameters and what training keeps for them, all row-major.
#[derive(Clone, Debug)]
struct Layer {
    fan_in: usize,
    fan_out: usize,
    /// Weights, fan-in × fan-out, as [`crate::mlp::Layer`] holds them.
    w: Vec<f32>,
    /// The weights' transpose, fan-out × fan-in, refreshed after every step for the
    /// backward pass (the first layer's, which it never reads, stays empty).
    wt: Vec<f32>,
    b: Vec<f32>,
    gw: Vec<f32>,
    gb: Vec<f32>,
    /// The optimizer's first and second moments.
    mw: Vec<f32>,
    vw: Vec<f32>,
    mb: Vec<f32>,
    vb: Vec<f32>,
    /// Learning-rate multipliers for the weights and the biases.
    lr: (f64, f64),
}

/// A network with its optimizer state, minibatch order and buffers.
#[derive(Clone, Debug)]
pub(crate) struct FlatTrainer {
    layers: Vec<Layer>,
    hidden: Activation,
    bias: bool,
    optimizer: Optimizer,
    steps: i32,
    rng: ChaCha8Rng,
    order: Vec<usize>,
    /// The rows in their order, `0..n`: a full batch.
    all: Vec<usize>,
    /// `acts[0]` holds the rows' inputs, `acts[l + 1]` layer `l`'s outputs, rows × width.
    acts: Vec<Vec<f32>>,
    /// The loss's gradient with respect to each layer's pre-activations, rows × width.
    deltas: Vec<Vec<f32>>,
}

impl FlatTrainer {
    /// A trainer starting from `mlp`'s parameters; `seed` drives the minibatch order as it
    /// does [`crate::Trainer::new`]'s.
    pub(crate) fn new(mlp: &Mlp, optimizer: Optimizer, seed: u64) -> Self {
        let multipliers = mlp.lr_multipliers(optimizer.adaptive());
        let layers = mlp
            .layers
            .iter()
            .zip(multipliers)
            .enumerate()
            .map(|(l, (layer, lr))| {
                let (fan_in, fan_out) = layer.w.dim();
                let n = fan_in * fan_out;
                let mut layer = Layer {
                    fan_in,
                    fan_out,
                    w: layer.w.iter().map(|&w| w as f32).collect(),
                    wt: if l == 0 { Vec::new() } else { vec![0.0; n] },
                    b: layer.b.iter().map(|&b| b as f32).collect(),
                    gw: vec![0.0; n],
                    gb: vec![0.0; fan_out],
                    mw: vec![0.0; n],
                    vw: vec![0.0; n],
                    mb: vec![0.0; fan_out],
                    vb: vec![0.0; fan_out],
                    lr,
                };
                layer.transpose();
                layer
            })
            .collect();
        FlatTrainer {
            layers,
            hidden: mlp.hidden,
            bias: mlp.spec.bias,
            optimizer,
            steps: 0,
            rng: rng(seed),
            order: Vec::new(),
            all: Vec::new(),
            acts: Vec::new(),
            deltas: Vec::new(),
        }
    }

    /// Whether the output's sign matches every target's (a target's sign is its class).
    pub(crate) fn fits(&mut self, data: Rows<'_>) -> bool {
        let all = self.take_all(data.t.len() / self.outputs());
        let fits = self.fits_fast(data, &all);
        self.all = all;
        fits
    }

    /// The function the network computes on `x`'s rows (at most 128), read through the sign
    /// of its one output: bit `i` set where the output on row `i` is positive.
    pub(crate) fn truth_table(&mut self, x: &[f32]) -> TruthTable {
        let all = self.take_all(x.len() / self.inputs());
        let out = self.outputs_fast(Rows { x, t: &[] }, &all);
        self.all = all;
        out.iter()
            .enumerate()
            .fold(0, |t, (i, &y)| if y > 0.0 { t | (1 << i) } else { t })
    }

    /// One optimizer step on every row, in order.
    pub(crate) fn step(&mut self, data: Rows<'_>, penalty: Option<&RowPenalty<'_>>) {
        let all = self.take_all(data.t.len() / self.outputs());
        self.train_fast(data, &all, penalty);
        self.all = all;
    }

    /// One pass over the rows in shuffled minibatches of `batch` (the last may be smaller),
    /// one step each: the order [`crate::Trainer::epoch`] draws from the same generator.
    pub(crate) fn epoch(&mut self, data: Rows<'_>, batch: usize, penalty: Option<&RowPenalty<'_>>) {
        let rows = data.t.len() / self.outputs();
        let mut order = std::mem::take(&mut self.order);
        order.clear();
        order.extend(0..rows);
        order.shuffle(&mut self.rng);
        for chunk in order.chunks(batch.max(1)) {
            self.train_fast(data, chunk, penalty);
        }
        self.order = order;
    }

    /// `0..rows`, taken out of `self` for the length of a pass.
    fn take_all(&mut self, rows: usize) -> Vec<usize> {
        let mut all = std::mem::take(&mut self.all);
        if all.len() != rows {
            all = (0..rows).collect();
        }
        all
    }

    fn inputs(&self) -> usize {
        self.layers[0].fan_in
    }

    fn outputs(&self) -> usize {
        self.layers.last().expect("a layer").fan_out
    }

    /// The outputs on `rows` of `data` (whose targets it does not read), rows × outputs.
    #[inline(always)]
    fn outputs_on(&mut self, data: Rows<'_>, rows: &[usize]) -> Vec<f32> {
        self.load(data, rows, None);
        self.forward();
        self.acts.last().expect("a forward pass ran").clone()
    }

    /// Whether the output's sign matches the target's on `rows` of `data`.
    #[inline(always)]
    fn fits_on(&mut self, data: Rows<'_>, rows: &[usize]) -> bool {
        self.load(data, rows, None);
        self.forward();
        let outputs = self.outputs();
        let out = self.acts.last().expect("a forward pass ran");
        rows.iter().zip(out.chunks_exact(outputs)).all(|(&row, y)| {
            let t = &data.t[row * outputs..][..outputs];
            y.iter().zip(t).all(|(y, t)| y * t > 0.0)
        })
    }

    /// Forward, backward and update on `rows` of `data`, with `penalty` as one more row.
    #[inline(always)]
    fn train_on(&mut self, data: Rows<'_>, rows: &[usize], penalty: Option<&RowPenalty<'_>>) {
        self.load(data, rows, penalty);
        self.forward();
        // The output's gradient: the batch's mean squared error, then the penalty's row.
        let outputs = self.outputs();
        let depth = self.layers.len();
        let (out, d) = (&self.acts[depth], &mut self.deltas[depth - 1]);
        let scale = rows.len() as f32;
        for (r, &row) in rows.iter().enumerate() {
            let t = &data.t[row * outputs..][..outputs];
            let at = r * outputs;
            for ((d, &y), &t) in d[at..at + outputs].iter_mut().zip(&out[at..]).zip(t) {
                *d = (y - t) / scale;
            }
        }
        if let Some(p) = penalty {
            let at = rows.len() * outputs;
            for (d, &y) in d[at..].iter_mut().zip(&out[at..]) {
                *d = p.weight * (y - p.target);
            }
        }
        self.backward();
        self.update();
    }

    /// Fills `acts[0]` with the inputs of `rows` (and the penalty's row after them), and
    /// sizes every buffer for that many rows.
    #[inline(always)]
    fn load(&mut self, data: Rows<'_>, rows: &[usize], penalty: Option<&RowPenalty<'_>>) {
        let n = rows.len() + usize::from(penalty.is_some());
        let inputs = self.inputs();
        if self.acts.len() != self.layers.len() + 1 {
            self.acts = vec![Vec::new(); self.layers.len() + 1];
            self.deltas = vec![Vec::new(); self.layers.len()];
        }
        let x = &mut self.acts[0];
        x.clear();
        for &row in rows {
            x.extend_from_slice(&data.x[row * inputs..][..inputs]);
        }
        if let Some(p) = penalty {
            x.extend_from_slice(p.x);
        }
        for (l, layer) in self.layers.iter().enumerate() {
            self.acts[l + 1].resize(n * layer.fan_out, 0.0);
            self.deltas[l].resize(n * layer.fan_out, 0.0);
        }
    }

    /// Every layer on the loaded rows: `a·W + b`, then the nonlinearity below the output.
    #[inline(always)]
    fn forward(&mut self) {
        let depth = self.layers.len();
        let hidden = self.hidden;
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, above) = self.acts.split_at_mut(l + 1);
            let (input, out) = (&below[l], &mut above[0]);
            let rows = input.len() / layer.fan_in;
            matmul(
                input,
                Layout::Rows,
                &layer.w,
                out,
                (rows, layer.fan_in, layer.fan_out),
            );
            for z in out.chunks_exact_mut(layer.fan_out) {
                for (z, &b) in z.iter_mut().zip(&layer.b) {
                    *z += b;
                }
            }
            if l + 1 < depth {
                hidden.apply_f32(out);
            }
        }
    }

    /// Gradients of every layer from the output's gradient in `deltas`, as
    /// [`Mlp::backward`] computes them.
    #[inline(always)]
    fn backward(&mut self) {
        let hidden = self.hidden;
        for l in (0..self.layers.len()).rev() {
            let layer = &mut self.layers[l];
            let (fan_in, fan_out) = (layer.fan_in, layer.fan_out);
            let input = &self.acts[l];
            let rows = input.len() / fan_in;
            let (below, above) = self.deltas.split_at_mut(l);
            let d = &above[0];
            // ∂W = aᵀ·δ.
            matmul(
                input,
                Layout::Transposed,
                d,
                &mut layer.gw,
                (fan_in, rows, fan_out),
            );
            if self.bias {
                layer.gb.fill(0.0);
                for d in d.chunks_exact(fan_out) {
                    for (g, &d) in layer.gb.iter_mut().zip(d) {
                        *g += d;
                    }
                }
            }
            if l > 0 {
                // δ below = (δ·Wᵀ) ⊙ σ'(a).
                let prev = &mut below[l - 1];
                matmul(d, Layout::Rows, &layer.wt, prev, (rows, fan_out, fan_in));
                hidden.backprop_f32(input, prev);
            }
        }
    }

    /// One optimizer step from the gradients `backward` left.
    #[inline(always)]
    fn update(&mut self) {
        self.steps += 1;
        let wd = self.optimizer.weight_decay();
        for layer in &mut self.layers {
            Rule::new(self.optimizer, self.steps, layer.lr.0, wd).apply_all(
                &mut layer.w,
                &layer.gw,
                &mut layer.mw,
                &mut layer.vw,
            );
            if self.bias {
                Rule::new(self.optimizer, self.steps, layer.lr.1, 0.0).apply_all(
                    &mut layer.b,
                    &layer.gb,
                    &mut layer.mb,
                    &mut layer.vb,
                );
            }
            layer.transpose();
        }
    }

    /// [`FlatTrainer::outputs_on`], compiled for FMA where the CPU has it.
    fn outputs_fast(&mut self, data: Rows<'_>, rows: &[usize]) -> Vec<f32> {
        #[cfg(target_arch = "x86_64")]
        if fma() {
            // SAFETY: the CPU supports AVX2 and FMA, checked just above.
            return unsafe { self.outputs_fma(data, rows) };
        }
        self.outputs_on(data, rows)
    }

    /// [`FlatTrainer::fits_on`], compiled for FMA where the CPU has it.
    fn fits_fast(&mut self, data: Rows<'_>, rows: &[usize]) -> bool {
        #[cfg(target_arch = "x86_64")]
        if fma() {
            // SAFETY: the CPU supports AVX2 and FMA, checked just above.
            return unsafe { self.fits_fma(data, rows) };
        }
        self.fits_on(data, rows)
    }

    /// [`FlatTrainer::train_on`], compiled for FMA where the CPU has it.
    fn train_fast(&mut self, data: Rows<'_>, rows: &[usize], penalty: Option<&RowPenalty<'_>>) {
        #[cfg(target_arch = "x86_64")]
        if fma() {
            // SAFETY: the CPU supports AVX2 and FMA, checked just above.
            return unsafe { self.train_fma(data, rows, penalty) };
        }
        self.train_on(data, rows, penalty)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn outputs_fma(&mut self, data: Rows<'_>, rows: &[usize]) -> Vec<f32> {
        self.outputs_on(data, rows)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn fits_fma(&mut self, data: Rows<'_>, rows: &[usize]) -> bool {
        self.fits_on(data, rows)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn train_fma(&mut self, data: Rows<'_>, rows: &[usize], penalty: Option<&RowPenalty<'_>>) {
        self.train_on(data, rows, penalty)
    }
}

/// Whether the CPU has AVX2 and fused multiply-add, for which the passes are compiled a
/// second time. Both copies compute the same bits: [`f32::mul_add`] rounds once either way.
#[cfg(target_arch = "x86_64")]
fn fma() -> bool {
    std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
}

impl Layer {
    /// `wt ← wᵀ` (for every layer but the first).
    fn transpose(&mut self) {
        if self.wt.is_empty() {
            return;
        }
        for (o, row) in self.wt.chunks_exact_mut(self.fan_in).enumerate() {
            for (t, w) in row.iter_mut().zip(self.w[o..].iter().step_by(self.fan_out)) {
                *t = *w;
            }
        }
    }
}

/// How [`matmul`] finds `a`'s entry `(r, i)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// `a` is row-major m × k: the entry is `a[r·k + i]`.
    Rows,
    /// `a` is stored transposed, row-major k × m: the entry is `a[i·m + r]`.
    Transposed,
}

/// Rows of `a` in a block.
const R: usize = 4;

/// `c ← a·b` for `a` (m × k, laid out as `layout` says) and row-major `b` (k × n), `c`
/// row-major m × n. Each block of four rows is first copied into a strip of `k` columns
/// of four (so a transposed `a` costs nothing extra); the strip times 16 or 8 columns of
/// `b` keeps its sums in registers while `k` runs, and the columns past the last block of
/// eight (a one-output layer's) go one at a time, four rows side by side. Every entry's sum
/// is the same chain of fused multiply-adds along `k` from zero, whichever path computes
/// it and whatever the CPU.
#[inline(always)]
fn matmul(a: &[f32], layout: Layout, b: &[f32], c: &mut [f32], (m, k, n): (usize, usize, usize)) {
    debug_assert!(a.len() >= m * k && b.len() >= k * n && c.len() >= m * n);
    let wide = n / 16 * 16;
    let blocked = n / 8 * 8;
    let mut strip = [0.0f32; R * 64];
    let mut heap = Vec::new();
    for r0 in (0..m).step_by(R) {
        let rows = (m - r0).min(R);
        let strip: &mut [f32] = if k <= 64 {
            &mut strip[..k * R]
        } else {
            heap.resize(k * R, 0.0);
            &mut heap
        };
        if rows < R {
            strip.fill(0.0);
        }
        match layout {
            Layout::Rows => {
                for r in 0..rows {
                    let row = &a[(r0 + r) * k..][..k];
                    for (s, &v) in strip.chunks_exact_mut(R).zip(row) {
                        s[r] = v;
                    }
                }
            }
            Layout::Transposed => {
                for (s, col) in strip.chunks_exact_mut(R).zip(a.chunks_exact(m)) {
                    s[..rows].copy_from_slice(&col[r0..r0 + rows]);
                }
            }
        }
        let mut put = |j0: usize, block: &[[f32; 16]; R], width: usize| {
            for (r, sums) in block.iter().enumerate().take(rows) {
                c[(r0 + r) * n + j0..][..width].copy_from_slice(&sums[..width]);
            }
        };
        for j0 in (0..wide).step_by(16) {
            put(j0, &block::<16>(strip, b, n, j0), 16);
        }
        if blocked > wide {
            let eight = block::<8>(strip, b, n, wide);
            let mut padded = [[0.0f32; 16]; R];
            for (p, e) in padded.iter_mut().zip(&eight) {
                p[..8].copy_from_slice(e);
            }
            put(wide, &padded, 8);
        }
        for j in blocked..n {
            let mut acc = [0.0f32; R];
            for (a, b_row) in strip.chunks_exact(R).zip(b.chunks_exact(n)) {
                for (s, &ai) in acc.iter_mut().zip(a) {
                    *s = ai.mul_add(b_row[j], *s);
                }
            }
            for (r, &sum) in acc.iter().enumerate().take(rows) {
                c[(r0 + r) * n + j] = sum;
            }
        }
    }
}

/// A strip of four rows (`k` columns of four) times columns `j0..j0 + C` of `b`: the sums
/// run along `k` in order, each a chain of fused multiply-adds from zero.
#[inline(always)]
fn block<const C: usize>(strip: &[f32], b: &[f32], n: usize, j0: usize) -> [[f32; C]; R] {
    let mut acc = [[0.0f32; C]; R];
    for (a, b_row) in strip.chunks_exact(R).zip(b.chunks_exact(n)) {
        let a: &[f32; R] = a.try_into().expect("a column of the strip");
        let b_row: &[f32; C] = b_row[j0..j0 + C].try_into().expect("a block");
        for (acc, &ai) in acc.iter_mut().zip(a) {
            for (s, &bj) in acc.iter_mut().zip(b_row) {
                *s = ai.mul_add(bj, *s);
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boolean::{all_inputs, truth_table};
    use crate::loss::{Loss, Targets};
    use crate::mlp::{MlpSpec, Workspace};
    use crate::train::Trainer;
    use ndarray::Array2;

    fn data() -> (Array2<f64>, Array2<f64>) {
        let x = Array2::from_shape_fn((12, 5), |(i, j)| ((i * 7 + j * 3) % 5) as f64 * 0.4 - 0.6);
        let t = Array2::from_shape_fn((12, 2), |(i, j)| if (i + j) % 3 == 0 { 1.0 } else { -1.0 });
        (x, t)
    }

    fn f32s(a: &Array2<f64>) -> Vec<f32> {
        a.iter().map(|&v| v as f32).collect()
    }

    /// Both trainers moved `start` the same way, to `f32`'s rounding.
    fn assert_close(flat: &FlatTrainer, general: &Trainer, start: &Mlp) {
        let a: Vec<f64> = flat
            .layers
            .iter()
            .flat_map(|l| l.w.iter().chain(&l.b).map(|&v| f64::from(v)))
            .collect();
        let b = general.mlp.to_vec();
        let worst = a
            .iter()
            .zip(&b)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-4, "the two trainers differ by {worst}");
        let moved = a.iter().zip(start.to_vec()).map(|(a, s)| (a - s).abs());
        assert!(
            moved.fold(0.0, f64::max) > 1e-2,
            "training moved the network"
        );
    }

    /// The flat engine and the general trainer are two implementations of one recipe: from
    /// the same network and seed they take the same steps, to rounding, for every optimizer,
    /// minibatched or full-batch.
    #[test]
    fn flat_training_follows_the_general_trainer() {
        let (x, t) = data();
        let (fx, ft) = (f32s(&x), f32s(&t));
        let rows = Rows { x: &fx, t: &ft };
        let optimizers = [
            Optimizer::sgd(0.05, 0.9),
            Optimizer::adam(1e-2),
            Optimizer::RmsProp {
                lr: 1e-3,
                alpha: 0.99,
                eps: 1e-8,
                weight_decay: 1e-3,
            },
        ];
        for (k, optimizer) in optimizers.into_iter().enumerate() {
            // Widths on and off the kernel's blocks of eight.
            let mut spec = MlpSpec::relu(&[5, 16, 11, 2]);
            if k == 2 {
                spec.hidden = Activation::Tanh;
            }
            let mlp = Mlp::new(&spec, &mut rng(k as u64));
            let mut general = Trainer::new(mlp.clone(), Loss::Mse, optimizer, 17);
            let mut flat = FlatTrainer::new(&mlp, optimizer, 17);
            let targets = Targets::Values(t.view());
            for _ in 0..20 {
                general.epoch(x.view(), targets, 5);
                flat.epoch(rows, 5, None);
            }
            assert_close(&flat, &general, &mlp);
            for _ in 0..20 {
                general.step(x.view(), targets);
                flat.step(rows, None);
            }
            assert_close(&flat, &general, &mlp);
        }
    }

    /// A penalty of weight `1/n` on a row, in a full batch of `n` rows, is that row's term
    /// of a full batch of `n + 1` rows scaled by `(n + 1)/n`: plain SGD with the penalty
    /// takes the steps the general trainer takes on the `n + 1` rows at that much more
    /// learning rate, and a zero weight changes nothing.
    #[test]
    fn a_penalty_is_one_more_row_of_the_batch() {
        let (x, t) = data();
        let n = x.nrows();
        let p_x = [1.0f32, 0.0, 1.0, 1.0, 0.0];
        let p_t = -1.0;
        let mut x1 = x.clone();
        x1.push_row(ndarray::ArrayView1::from(&p_x.map(f64::from)))
            .unwrap();
        let mut t1 = t.clone();
        t1.push_row(ndarray::ArrayView1::from(&[p_t; 2])).unwrap();
        let (fx, ft) = (f32s(&x), f32s(&t));
        let rows = Rows { x: &fx, t: &ft };
        let penalty = RowPenalty {
            x: &p_x,
            target: p_t as f32,
            weight: 1.0 / n as f32,
        };
        let mlp = Mlp::new(&MlpSpec::relu(&[5, 16, 11, 2]), &mut rng(4));
        let lr = 0.05;
        let scaled = Optimizer::sgd(lr * (n + 1) as f64 / n as f64, 0.0);
        let mut general = Trainer::new(mlp.clone(), Loss::Mse, scaled, 1);
        let mut flat = FlatTrainer::new(&mlp, Optimizer::sgd(lr, 0.0), 1);
        let mut unpenalised = FlatTrainer::new(&mlp, Optimizer::sgd(lr, 0.0), 1);
        let mut zero = FlatTrainer::new(&mlp, Optimizer::sgd(lr, 0.0), 1);
        let none = RowPenalty {
            weight: 0.0,
            ..penalty
        };
        for _ in 0..20 {
            general.step(x1.view(), Targets::Values(t1.view()));
            flat.step(rows, Some(&penalty));
            unpenalised.step(rows, None);
            zero.step(rows, Some(&none));
        }
        assert_close(&flat, &general, &mlp);
        let params = |f: &FlatTrainer| -> Vec<f32> {
            f.layers
                .iter()
                .flat_map(|l| l.w.iter().chain(&l.b).copied())
                .collect()
        };
        assert_eq!(params(&zero), params(&unpenalised));
        assert_ne!(params(&flat), params(&unpenalised));
    }

    /// The fit check and the truth table read the signs the network's outputs have.
    #[test]
    fn fit_and_function_read_the_sign_of_every_output() {
        let (x, _) = data();
        let mlp = Mlp::new(&MlpSpec::relu(&[5, 4, 2]), &mut rng(1));
        let mut flat = FlatTrainer::new(&mlp, Optimizer::sgd(0.1, 0.0), 1);
        let fx = f32s(&x);
        let signs = f32s(&mlp.predict(x.view()).mapv(f64::signum));
        assert!(flat.fits(Rows { x: &fx, t: &signs }));
        let mut one_off = signs.clone();
        one_off[7] *= -1.0;
        assert!(!flat.fits(Rows {
            x: &fx,
            t: &one_off
        }));

        let inputs = all_inputs(7);
        let mlp = Mlp::new(&MlpSpec::relu(&[7, 24, 1]), &mut rng(2));
        let mut flat = FlatTrainer::new(&mlp, Optimizer::sgd(0.1, 0.0), 1);
        let table = flat.truth_table(&f32s(&inputs));
        assert_eq!(table, truth_table(&mlp, &inputs, &mut Workspace::default()));
        assert!(table != 0 && table != u128::MAX);
    }

    /// Every path through the kernel (blocks, leftover rows, leftover columns) gives the
    /// product.
    #[test]
    fn the_kernel_multiplies_matrices() {
        let shapes = [
            (8, 3, 8),
            (17, 10, 19),
            (3, 9, 1),
            (1, 1, 1),
            (16, 0, 8),
            (5, 70, 40),
        ];
        for (m, k, n) in shapes {
            let a: Vec<f32> = (0..m * k).map(|i| ((i * 7) % 11) as f32 - 5.0).collect();
            let b: Vec<f32> = (0..k * n).map(|i| ((i * 5) % 13) as f32 - 6.0).collect();
            let a_t: Vec<f32> = (0..k * m).map(|x| a[(x % m) * k + x / m]).collect();
            for (layout, a) in [(Layout::Rows, &a), (Layout::Transposed, &a_t)] {
                let mut c = vec![f32::NAN; m * n];
                matmul(a, layout, &b, &mut c, (m, k, n));
                for r in 0..m {
                    for j in 0..n {
                        let want: f32 = (0..k).map(|i| a_t[i * m + r] * b[i * n + j]).sum();
                        assert_eq!(
                            c[r * n + j],
                            want,
                            "({r}, {j}) of {m}×{k}·{k}×{n}, {layout:?}"
                        );
                    }
                }
            }
        }
    }
}
