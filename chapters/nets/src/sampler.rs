//! Random networks sampled by the million, read as Boolean functions of seven bits.
//!
//! Valle-Pérez, Camargo & Louis draw a network, read its output's sign on all 128 inputs of
//! 7 bits and record the 128-bit truth table; the book's counting experiments (the
//! parameter-function map's bias, the crux's parameter count, the prior that SGD is compared
//! with) need millions of such draws. The kit's general network code (GEMMs on an
//! [`crate::Mlp`] in `f64`) managed about thirty thousand a second on one core of the
//! book's two-core machine; this sampler, specialised to the question, about sixty-five
//! thousand (`cargo run -p nets --example sampler_speed`):
//! - inputs are bits, so the first layer's pre-activation on input `i` is the one on `i`
//!   with its lowest set bit cleared plus one row of weights (128 row additions instead of a
//!   128 × 7 product);
//! - `f32` arithmetic, laid out so the compiler vectorises across hidden units; a lane's
//!   arithmetic never depends on the vector width, so the result is the same on every x86
//!   machine, with or without AVX;
//! - the output layer is folded into the second: `out = b3 + Σ_j w3_j relu(z2_j)`, and the
//!   sums of eight inputs run side by side, each in the same order, since each alone is a
//!   chain of dependent additions.
//!
//! Networks are drawn in chunks of [`CHUNK`], chunk `k` from its own ChaCha8 stream, so the
//! functions depend only on `(shape, count, seed)`, never on the number of threads.
//!
//! Initialisation (Valle-Pérez et al.'s): every weight and bias of a hidden layer uniform on
//! `±√6/√fan_in`, the output layer's on `±√3/√fan_in`. [`two_hidden_spec`] is the same
//! network and distribution as an [`MlpSpec`], so that networks trained from it start where
//! the sampler draws.

use crate::boolean::TruthTable;
use crate::mlp::{InitDist, MlpSpec, Parametrisation};
use crate::{Activation, rng};
use rand::{Rng, RngExt};

/// Networks per chunk; each chunk has its own generator.
pub const CHUNK: usize = 8_192;

/// Input bits (the truth table has `2^BITS = 128` entries).
pub const BITS: usize = 7;
const INPUTS: usize = 1 << BITS;

/// Width of the two hidden layers (the paper's 7-40-40-1).
pub const WIDTH: usize = 40;

/// The shape of the sampled networks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `7-40-40-1` with biases, ReLU (Valle-Pérez et al.'s network).
    TwoHidden,
    /// No hidden layer and no bias: `sign(w·x)` (Mingard et al.'s perceptron).
    PerceptronNoBias,
}

/// Valle-Pérez et al.'s `7-40-40-1` ReLU network with their uniform initialisation: what
/// [`Shape::TwoHidden`] draws, for the kit's trainer.
pub fn two_hidden_spec() -> MlpSpec {
    MlpSpec {
        sizes: vec![BITS, WIDTH, WIDTH, 1],
        hidden: Activation::Relu,
        bias: true,
        init: InitDist::ValleePerez,
        parametrisation: Parametrisation::Standard,
    }
}

/// Draws `count` truth tables on up to `threads` threads.
pub fn sample(shape: Shape, count: usize, seed: u64, threads: usize) -> Vec<TruthTable> {
    let chunks: Vec<usize> = (0..count.div_ceil(CHUNK)).collect();
    crate::shard::map_with(
        &format!("nets::sampler::sample {shape:?}, {count} networks, seed {seed}"),
        &chunks,
        threads,
        || Scratch::new(shape),
        |net, &c| {
            let mut r = rng(seed.wrapping_mul(1 << 32).wrapping_add(c as u64));
            (c * CHUNK..count.min((c + 1) * CHUNK))
                .map(|_| net.draw(&mut r))
                .collect::<Vec<_>>()
        },
    )
    .concat()
}

/// One network's parameters and activations, reused from draw to draw.
struct Scratch {
    shape: Shape,
    /// Raw random words, converted to uniforms in place.
    words: Vec<u32>,
    /// First layer: 7 rows of [`WIDTH`], then the bias row.
    w1: Vec<f32>,
    /// Second layer: [`WIDTH`] rows of [`WIDTH`], then the bias row.
    w2: Vec<f32>,
    /// Output weights and bias.
    w3: Vec<f32>,
    /// Pre-activations of the first layer on every input, `128 × WIDTH`.
    z1: Vec<f32>,
}

/// A uniform on `[-a, a)` from 24 random bits.
fn uniform(word: u32, a: f32) -> f32 {
    const SCALE: f32 = 1.0 / (1u32 << 23) as f32;
    ((word >> 8) as f32 * SCALE - 1.0) * a
}

impl Scratch {
    fn new(shape: Shape) -> Self {
        let width = WIDTH;
        let params = (BITS + 1) * width + (width + 1) * width + width + 1;
        Scratch {
            shape,
            words: vec![0; params.max(BITS)],
            w1: vec![0.0; (BITS + 1) * width],
            w2: vec![0.0; (width + 1) * width],
            w3: vec![0.0; width + 1],
            z1: vec![0.0; INPUTS * width],
        }
    }

    fn draw(&mut self, r: &mut impl Rng) -> TruthTable {
        match self.shape {
            Shape::PerceptronNoBias => {
                r.fill(&mut self.words[..BITS]);
                let a = (3.0f32 / BITS as f32).sqrt();
                let w: Vec<f32> = self.words[..BITS].iter().map(|&x| uniform(x, a)).collect();
                (0..INPUTS).fold(0, |t, i| {
                    let z: f32 = (0..BITS).filter(|b| i >> b & 1 == 1).map(|b| w[b]).sum();
                    if z > 0.0 { t | (1 << i) } else { t }
                })
            }
            Shape::TwoHidden => self.draw_two_hidden(r),
        }
    }

    fn draw_two_hidden(&mut self, r: &mut impl Rng) -> TruthTable {
        let h = WIDTH;
        r.fill(&mut self.words[..]);
        let (a1, a2, a3) = (
            (6.0 / BITS as f32).sqrt(),
            (6.0 / h as f32).sqrt(),
            (3.0 / h as f32).sqrt(),
        );
        let (first, rest) = self.words.split_at((BITS + 1) * h);
        let (second, third) = rest.split_at((h + 1) * h);
        for (w, &x) in self.w1.iter_mut().zip(first) {
            *w = uniform(x, a1);
        }
        for (w, &x) in self.w2.iter_mut().zip(second) {
            *w = uniform(x, a2);
        }
        for (w, &x) in self.w3.iter_mut().zip(third) {
            *w = uniform(x, a3);
        }
        // First layer, by adding one weight row to an earlier input's pre-activation.
        self.z1[..h].copy_from_slice(&self.w1[BITS * h..]);
        for i in 1..INPUTS {
            let bit = i.trailing_zeros() as usize;
            let (done, todo) = self.z1.split_at_mut(i * h);
            let from = &done[(i & (i - 1)) * h..][..h];
            let row = &self.w1[bit * h..][..h];
            for ((z, &a), &w) in todo[..h].iter_mut().zip(from).zip(row) {
                *z = a + w;
            }
        }
        second_layer(&self.z1, &self.w2, &self.w3)
    }
}

/// The second and output layers on all inputs, by the fastest kernel the CPU offers. Both
/// kernels do the same arithmetic in the same order lane by lane, so they agree to the bit.
fn second_layer(z1: &[f32], w2: &[f32], w3: &[f32]) -> TruthTable {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2, checked just above.
        return unsafe { second_layer_avx2(z1, w2, w3) };
    }
    second_layer_portable(z1, w2, w3)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn second_layer_avx2(z1: &[f32], w2: &[f32], w3: &[f32]) -> TruthTable {
    second_layer_portable(z1, w2, w3)
}

/// Inputs whose output sums run side by side (see [`second_layer_portable`]).
const BLOCK: usize = 8;

#[inline(always)]
fn second_layer_portable(z1: &[f32], w2: &[f32], w3: &[f32]) -> TruthTable {
    const H: usize = WIDTH;
    let b2: &[f32; H] = w2[H * H..].try_into().expect("bias row");
    let out_w: &[f32; H] = w3[..H].try_into().expect("output weights");
    let mut table: TruthTable = 0;
    let mut acc = [[0f32; H]; BLOCK];
    for block in (0..INPUTS).step_by(BLOCK) {
        // Two inputs at a time, so each row of weights is loaded once for both.
        for pair in (0..BLOCK).step_by(2) {
            let i = block + pair;
            let za: &[f32; H] = z1[i * H..][..H].try_into().expect("a row");
            let zb: &[f32; H] = z1[(i + 1) * H..][..H].try_into().expect("a row");
            let (mut acc_a, mut acc_b) = (*b2, *b2);
            for k in 0..H {
                let (a, b) = (za[k].max(0.0), zb[k].max(0.0));
                let row: &[f32; H] = w2[k * H..][..H].try_into().expect("a row");
                for j in 0..H {
                    acc_a[j] += a * row[j];
                    acc_b[j] += b * row[j];
                }
            }
            acc[pair] = acc_a;
            acc[pair + 1] = acc_b;
        }
        // Each input's output is one sum over the hidden units in their order, a chain of
        // dependent additions; the block's chains run side by side, each in that order.
        let mut out = [w3[H]; BLOCK];
        for j in 0..H {
            for (o, a) in out.iter_mut().zip(&acc) {
                *o += a[j].max(0.0) * out_w[j];
            }
        }
        for (l, &o) in out.iter().enumerate() {
            if o > 0.0 {
                table |= 1 << (block + l);
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_count_does_not_change_the_functions() {
        let shape = Shape::TwoHidden;
        let one = sample(shape, 2 * CHUNK + 5, 3, 1);
        assert_eq!(one, sample(shape, 2 * CHUNK + 5, 3, 2));
        assert_eq!(one, sample(shape, 2 * CHUNK + 5, 3, 3));
        assert_ne!(one, sample(shape, 2 * CHUNK + 5, 4, 2));
    }

    #[test]
    fn the_fast_kernel_computes_what_the_general_network_computes() {
        // The same parameters loaded into a `nets::Mlp` (f64, GEMM) give the same truth
        // table, except where an output is within f32 rounding of zero.
        use crate::boolean::{all_inputs, truth_table};
        use crate::{Mlp, Workspace};
        let mut mlp = Mlp::new(&two_hidden_spec(), &mut rng(0));
        let (inputs, mut ws) = (all_inputs(BITS), Workspace::default());
        let mut scratch = Scratch::new(Shape::TwoHidden);
        let mut r = rng(5);
        let mut same = 0;
        for _ in 0..500 {
            let fast = scratch.draw(&mut r);
            let params: Vec<f64> = [&scratch.w1, &scratch.w2, &scratch.w3]
                .into_iter()
                .flatten()
                .map(|&w| f64::from(w))
                .collect();
            mlp.load_vec(&params);
            same += usize::from(truth_table(&mlp, &inputs, &mut ws) == fast);
        }
        assert!(same >= 495, "{same} of 500 identical");
    }

    #[test]
    fn the_spec_draws_from_the_samplers_ranges() {
        // Weights and biases alike: each layer's largest magnitude is within its limit and
        // near it (a uniform on ±a over hundreds of draws comes within 2% of a).
        let mlp = crate::Mlp::new(&two_hidden_spec(), &mut rng(7));
        let limits = [
            (6.0 / 7.0f64).sqrt(),
            (6.0 / 40.0f64).sqrt(),
            (3.0 / 40.0f64).sqrt(),
        ];
        for (layer, a) in mlp.layers.iter().zip(limits) {
            let weights = layer.w.iter().fold(0.0f64, |m, w| m.max(w.abs()));
            let biases = layer.b.iter().fold(0.0f64, |m, b| m.max(b.abs()));
            assert!(weights <= a && weights > 0.98 * a, "{weights} against {a}");
            assert!(biases <= a && biases > 0.5 * a, "{biases} against {a}");
        }
        let hidden_biases: Vec<f64> = mlp.layers[..2].iter().flat_map(|l| l.b.to_vec()).collect();
        let above = hidden_biases
            .iter()
            .filter(|b| b.abs() > (3.0 / 40.0f64).sqrt())
            .count();
        assert!(
            above > 10,
            "hidden biases as wide as the weights: {above} beyond ±√3/√40"
        );
    }

    #[test]
    fn a_perceptron_without_bias_labels_a_uniform_number_of_inputs_one() {
        // Mingard et al.: for a perceptron without bias on {0,1}^n, the number of inputs
        // mapped to 1 is uniform. The all-zero input always gives 0, so the count is
        // uniform on 0..128 and never 128.
        let f = sample(Shape::PerceptronNoBias, 64_000, 1, 2);
        let mut counts = vec![0usize; INPUTS + 1];
        for t in f {
            counts[t.count_ones() as usize] += 1;
        }
        let expected = 64_000.0 / INPUTS as f64;
        for (k, &c) in counts.iter().enumerate().take(INPUTS) {
            let z = (c as f64 - expected) / expected.sqrt();
            assert!(z.abs() < 5.0, "count {k}: {c} against {expected}");
        }
        assert_eq!(counts[INPUTS], 0);
    }

    #[test]
    fn uniforms_fill_the_interval() {
        assert_eq!(uniform(0, 2.0), -2.0);
        assert!(uniform(u32::MAX, 2.0) < 2.0 && uniform(u32::MAX, 2.0) > 1.999);
        assert_eq!(uniform(1 << 31, 2.0), 0.0);
    }
}
