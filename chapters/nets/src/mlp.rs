//! Multi-layer perceptrons: construction, parametrisation, forward and backward passes.
//!
//! A layer computes `z = (a·W + b)` with `W` stored fan-in × fan-out, so a batch is a
//! matrix of rows and each layer is one GEMM. Backprop is written out by hand; the
//! [`Workspace`] holds every intermediate matrix, so a training step allocates nothing
//! once the batch size is fixed.

use crate::activation::Activation;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayView2, Axis, s};
use rand::Rng;
use rand_distr::{Distribution, StandardNormal, Uniform};

/// How initial weights are drawn: all give weights variance `gain² / fan_in`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InitDist {
    /// Normal weights; biases normal with variance `1 / fan_in`.
    Normal,
    /// Weights uniform on `±√3·gain/√fan_in`; biases uniform with variance `1 / fan_in`.
    Uniform,
    /// Valle-Pérez et al.'s sampler: weights and biases alike uniform on `±√3·gain/√fan_in`
    /// (`±√6/√fan_in` in a ReLU layer, `±√3/√fan_in` in the linear output layer), the
    /// distribution [`crate::sampler`] draws from.
    ValleePerez,
}

/// How initialisation and per-layer learning rates scale with width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Parametrisation {
    /// Standard: every layer initialised with variance `gain²/fan_in`, one learning rate.
    Standard,
    /// The maximal-update parametrisation (Yang & Hu, Tensor Programs V), relative to a
    /// base width at which it coincides with [`Parametrisation::Standard`]: with
    /// `r = width / base_width`, the output layer's initial variance is divided by `r` and its
    /// learning rate by `r`; under SGD the input layer's and the hidden biases' learning
    /// rates are multiplied by `r`, under Adam the hidden layers' weights' divided by `r`.
    MuP { base_width: usize },
}

/// The architecture and initialisation of an MLP.
#[derive(Clone, Debug, PartialEq)]
pub struct MlpSpec {
    /// Layer widths, input first, output last: `[2, 64, 64, 2]`.
    pub sizes: Vec<usize>,
    /// Activation of every hidden layer (the output layer is linear).
    pub hidden: Activation,
    /// Whether layers have biases.
    pub bias: bool,
    pub init: InitDist,
    pub parametrisation: Parametrisation,
}

impl MlpSpec {
    /// A ReLU MLP with biases, normal initialisation and standard parametrisation.
    pub fn relu(sizes: &[usize]) -> Self {
        MlpSpec {
            sizes: sizes.to_vec(),
            hidden: Activation::Relu,
            bias: true,
            init: InitDist::Normal,
            parametrisation: Parametrisation::Standard,
        }
    }

    /// The width of the hidden layers (the widest of them).
    pub fn width(&self) -> usize {
        let hidden = &self.sizes[1..self.sizes.len() - 1];
        hidden.iter().copied().max().unwrap_or(self.sizes[0])
    }
}

/// One dense layer: weights fan-in × fan-out and a bias per output.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
}

/// A multi-layer perceptron.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    pub layers: Vec<Layer>,
    pub hidden: Activation,
    pub spec: MlpSpec,
}

/// Buffers for one batch size: pre-activations and activations per layer, and their
/// gradients. Reused across steps.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// `acts[0]` is the input; `acts[l + 1]` the output of layer `l` (after activation).
    pub(crate) acts: Vec<Array2<f64>>,
    /// Gradient with respect to each layer's pre-activation.
    pub(crate) deltas: Vec<Array2<f64>>,
}

impl Workspace {
    fn fit(&mut self, sizes: &[usize], rows: usize) {
        let ok = self.acts.len() == sizes.len()
            && self
                .acts
                .iter()
                .zip(sizes)
                .all(|(a, &n)| a.dim() == (rows, n));
        if !ok {
            self.acts = sizes.iter().map(|&n| Array2::zeros((rows, n))).collect();
            self.deltas = sizes[1..]
                .iter()
                .map(|&n| Array2::zeros((rows, n)))
                .collect();
        }
    }

    /// The network's output for the last forward pass.
    pub fn output(&self) -> ArrayView2<'_, f64> {
        self.acts.last().expect("a forward pass ran").view()
    }
}

/// Gradients, shaped like the network's layers.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    pub layers: Vec<Layer>,
}

impl Gradients {
    /// Zero gradients for `mlp`.
    pub fn zeros_like(mlp: &Mlp) -> Self {
        Gradients {
            layers: mlp
                .layers
                .iter()
                .map(|l| Layer {
                    w: Array2::zeros(l.w.dim()),
                    b: Array1::zeros(l.b.len()),
                })
                .collect(),
        }
    }
}

impl Mlp {
    /// A freshly initialised network.
    ///
    /// # Panics
    /// If `spec.sizes` has fewer than two entries or a zero width.
    pub fn new(spec: &MlpSpec, rng: &mut impl Rng) -> Self {
        assert!(
            spec.sizes.len() >= 2,
            "an MLP needs an input and an output size"
        );
        assert!(
            spec.sizes.iter().all(|&n| n > 0),
            "layer widths must be positive"
        );
        let depth = spec.sizes.len() - 1;
        let ratio = width_ratio(spec);
        let layers = (0..depth)
            .map(|l| {
                let (fan_in, fan_out) = (spec.sizes[l], spec.sizes[l + 1]);
                let last = l + 1 == depth;
                let gain = if last { 1.0 } else { spec.hidden.gain() };
                let mut var = gain * gain / fan_in as f64;
                if last {
                    var /= ratio;
                }
                let w = sample(spec.init, var.sqrt(), (fan_in, fan_out), rng);
                let bias_std = match spec.init {
                    InitDist::ValleePerez => var.sqrt(),
                    InitDist::Normal | InitDist::Uniform => (1.0 / fan_in as f64).sqrt(),
                };
                let b = if spec.bias {
                    sample(spec.init, bias_std, (1, fan_out), rng)
                        .into_shape_with_order(fan_out)
                        .expect("a row")
                } else {
                    Array1::zeros(fan_out)
                };
                Layer { w, b }
            })
            .collect();
        Mlp {
            layers,
            hidden: spec.hidden,
            spec: spec.clone(),
        }
    }

    /// Runs the network on a batch (rows are examples), keeping what backprop needs.
    ///
    /// # Panics
    /// If the batch's width is not the input size.
    pub fn forward(&self, x: ArrayView2<'_, f64>, ws: &mut Workspace) {
        assert_eq!(x.ncols(), self.spec.sizes[0], "input width");
        ws.fit(&self.spec.sizes, x.nrows());
        ws.acts[0].assign(&x);
        let depth = self.layers.len();
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, after) = ws.acts.split_at_mut(l + 1);
            let z = &mut after[0];
            let dim = z.dim();
            z.assign(&layer.b.broadcast(dim).expect("bias row"));
            general_mat_mul(1.0, &before[l], &layer.w, 1.0, z);
            if l + 1 < depth {
                self.hidden.apply(z);
            }
        }
    }

    /// The network's outputs for a batch (allocates; for evaluation).
    pub fn predict(&self, x: ArrayView2<'_, f64>) -> Array2<f64> {
        let mut ws = Workspace::default();
        self.forward(x, &mut ws);
        ws.output().to_owned()
    }

    /// Every hidden layer's activations for a batch (after the nonlinearity), first hidden
    /// layer first: what a probe of the network's internal representation reads.
    pub fn hidden_activations(&self, x: ArrayView2<'_, f64>) -> Vec<Array2<f64>> {
        let depth = self.layers.len();
        let mut out: Vec<Array2<f64>> = Vec::with_capacity(depth.saturating_sub(1));
        for layer in &self.layers[..depth - 1] {
            let input = out.last().map_or(x, |a| a.view());
            let mut z = input.dot(&layer.w) + &layer.b;
            self.hidden.apply(&mut z);
            out.push(z);
        }
        out
    }

    /// The network's outputs when `shift` (one row per example) is added to hidden layer
    /// `layer`'s activations (0 is the first hidden layer) before the layers above read
    /// them: an intervention on the representation, the rest of the network unchanged.
    ///
    /// # Panics
    /// If `layer` is not a hidden layer or `shift` is not shaped like its activations.
    pub fn predict_shifted(
        &self,
        x: ArrayView2<'_, f64>,
        layer: usize,
        shift: ArrayView2<'_, f64>,
    ) -> Array2<f64> {
        let depth = self.layers.len();
        assert!(layer + 1 < depth, "layer {layer} is not a hidden layer");
        let mut a = x.to_owned();
        for (l, weights) in self.layers.iter().enumerate() {
            let mut z = a.dot(&weights.w) + &weights.b;
            if l + 1 < depth {
                self.hidden.apply(&mut z);
            }
            if l == layer {
                assert_eq!(z.dim(), shift.dim(), "shift shaped like layer {layer}");
                z += &shift;
            }
            a = z;
        }
        a
    }

    /// Backprop from `d_output` (the loss's gradient with respect to the output, already
    /// averaged over the batch) through the last [`Mlp::forward`], into `grads`.
    pub fn backward(
        &self,
        d_output: ArrayView2<'_, f64>,
        ws: &mut Workspace,
        grads: &mut Gradients,
    ) {
        let depth = self.layers.len();
        ws.deltas[depth - 1].assign(&d_output);
        for l in (0..depth).rev() {
            let g = &mut grads.layers[l];
            general_mat_mul(1.0, &ws.acts[l].t(), &ws.deltas[l], 0.0, &mut g.w);
            if self.spec.bias {
                g.b.assign(&ws.deltas[l].sum_axis(Axis(0)));
            }
            if l > 0 {
                let (below, above) = ws.deltas.split_at_mut(l);
                let d = &mut below[l - 1];
                general_mat_mul(1.0, &above[0], &self.layers[l].w.t(), 0.0, d);
                self.hidden.backprop(ws.acts[l].view(), d);
            }
        }
    }

    /// Number of parameters (weights and biases).
    pub fn num_params(&self) -> usize {
        self.layers.iter().map(|l| l.w.len() + l.b.len()).sum()
    }

    /// All parameters as one vector, layer by layer (weights row-major, then biases): a
    /// checkpoint, and a point in parameter space for distances and projections.
    pub fn to_vec(&self) -> Vec<f64> {
        let mut v = Vec::with_capacity(self.num_params());
        for l in &self.layers {
            v.extend(l.w.iter());
            v.extend(l.b.iter());
        }
        v
    }

    /// Loads parameters written by [`Mlp::to_vec`].
    ///
    /// # Panics
    /// If the length does not match.
    pub fn load_vec(&mut self, v: &[f64]) {
        assert_eq!(v.len(), self.num_params(), "checkpoint length");
        let mut at = 0;
        for l in &mut self.layers {
            for (dst, src) in l.w.iter_mut().zip(&v[at..]) {
                *dst = *src;
            }
            at += l.w.len();
            for (dst, src) in l.b.iter_mut().zip(&v[at..]) {
                *dst = *src;
            }
            at += l.b.len();
        }
    }

    /// Per-layer learning-rate multipliers `(weights, biases)` under this network's
    /// parametrisation, for an optimizer that is (`adam`) or is not adaptive.
    pub fn lr_multipliers(&self, adaptive: bool) -> Vec<(f64, f64)> {
        let r = width_ratio(&self.spec);
        let depth = self.layers.len();
        (0..depth)
            .map(|l| {
                if r == 1.0 {
                    return (1.0, 1.0);
                }
                let (first, last) = (l == 0, l + 1 == depth);
                match (adaptive, first, last) {
                    (_, _, true) => (1.0 / r, 1.0),
                    (false, true, _) => (r, r),
                    (false, false, _) => (1.0, r),
                    (true, true, _) => (1.0, 1.0),
                    (true, false, _) => (1.0 / r, 1.0),
                }
            })
            .collect()
    }
}

/// `width / base_width` under µP, 1 otherwise.
fn width_ratio(spec: &MlpSpec) -> f64 {
    match spec.parametrisation {
        Parametrisation::Standard => 1.0,
        Parametrisation::MuP { base_width } => spec.width() as f64 / base_width as f64,
    }
}

fn sample(dist: InitDist, std: f64, shape: (usize, usize), rng: &mut impl Rng) -> Array2<f64> {
    match dist {
        InitDist::Normal => Array2::from_shape_simple_fn(shape, || {
            let v: f64 = StandardNormal.sample(&mut *rng);
            std * v
        }),
        InitDist::Uniform | InitDist::ValleePerez => {
            let limit = 3f64.sqrt() * std;
            let u = Uniform::new_inclusive(-limit, limit).expect("a finite range");
            Array2::from_shape_simple_fn(shape, || u.sample(&mut *rng))
        }
    }
}

/// Rows `rows` of `x`, copied into `out` (which must have the right shape): a minibatch
/// without allocation.
pub fn gather_rows(x: ArrayView2<'_, f64>, rows: &[usize], out: &mut Array2<f64>) {
    for (i, &r) in rows.iter().enumerate() {
        out.slice_mut(s![i, ..]).assign(&x.row(r));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    /// The probe's view and the intervention are the network itself: with a zero shift the
    /// shifted pass is `predict`, the last hidden layer's activations give `predict` through
    /// the output layer, and a shift at a layer changes the output.
    #[test]
    fn hidden_activations_and_a_zero_shift_reproduce_predict() {
        let mlp = Mlp::new(&MlpSpec::relu(&[5, 7, 6, 3]), &mut crate::rng(3));
        let x = Array2::from_shape_fn((4, 5), |(i, j)| (i as f64 - 1.5) * 0.3 + j as f64 * 0.1);
        let plain = mlp.predict(x.view());
        let hidden = mlp.hidden_activations(x.view());
        assert_eq!(hidden.len(), 2);
        assert_eq!(hidden[1].dim(), (4, 6));
        let top = &mlp.layers[2];
        let from_hidden = hidden[1].dot(&top.w) + &top.b;
        assert!((&from_hidden - &plain).iter().all(|d| d.abs() < 1e-12));
        for (layer, width) in [(0, 7), (1, 6)] {
            let zero = Array2::zeros((4, width));
            let shifted = mlp.predict_shifted(x.view(), layer, zero.view());
            assert!((&shifted - &plain).iter().all(|d| d.abs() < 1e-12));
            let moved = mlp.predict_shifted(x.view(), layer, Array2::ones((4, width)).view());
            assert!((&moved - &plain).iter().any(|d| d.abs() > 1e-6));
        }
    }
}
