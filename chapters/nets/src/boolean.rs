//! Boolean functions computed by networks, and random networks sampled by the million.
//!
//! A network with one output, read through its sign, computes a Boolean function of `n`
//! bits; evaluated on all `2^n` inputs (at most 128 here) that function is a `u128` truth
//! table, bit `i` for input `i` (whose bits are `i`'s binary digits, least significant
//! first). Sampling many networks gives the distribution over functions that the
//! parameter-function map induces — the prior a network's parameters put on functions.

use crate::mlp::{Mlp, MlpSpec, Workspace};
use crate::train::rng;
use ndarray::Array2;

/// A truth table on at most 128 inputs.
pub type TruthTable = u128;

/// All `2^n` inputs of `n` bits as rows of 0s and 1s, input `i` in row `i`.
///
/// # Panics
/// If `n > 7` (truth tables are `u128`).
pub fn all_inputs(n: usize) -> Array2<f64> {
    assert!(n <= 7, "at most 7 bits fit a u128 truth table");
    Array2::from_shape_fn((1 << n, n), |(i, j)| ((i >> j) & 1) as f64)
}

/// The function a network computes: bit `i` set where its output on row `i` is positive.
pub fn truth_table(mlp: &Mlp, inputs: &Array2<f64>, ws: &mut Workspace) -> TruthTable {
    mlp.forward(inputs.view(), ws);
    ws.output()
        .column(0)
        .iter()
        .enumerate()
        .fold(0, |t, (i, &y)| if y > 0.0 { t | (1 << i) } else { t })
}

/// The truth table of a rule on `n` bits.
pub fn table_of(n: usize, rule: impl Fn(usize) -> bool) -> TruthTable {
    (0..1usize << n).fold(0, |t, i| if rule(i) { t | (1 << i) } else { t })
}

/// Mask of the inputs listed.
pub fn mask(inputs: &[usize]) -> TruthTable {
    inputs.iter().fold(0, |m, &i| m | (1 << i))
}

/// Networks drawn in chunks of this many, each chunk from its own seed, so that results
/// are the same whatever the number of threads.
pub const CHUNK: usize = 4_096;

/// Samples the functions of `count` freshly initialised networks of shape `spec` on all
/// inputs of `n` bits, using up to `threads` threads. Chunk `k` is drawn from seed
/// `seed + k`, so the output depends only on `(spec, n, count, seed)`.
pub fn sample_functions(
    spec: &MlpSpec,
    n: usize,
    count: usize,
    seed: u64,
    threads: usize,
) -> Vec<TruthTable> {
    let inputs = all_inputs(n);
    let chunks: Vec<usize> = (0..count.div_ceil(CHUNK)).collect();
    crate::par::map_with(&chunks, threads, Workspace::default, |ws, &c| {
        let mut r = rng(seed + c as u64);
        (c * CHUNK..count.min((c + 1) * CHUNK))
            .map(|_| truth_table(&Mlp::new(spec, &mut r), &inputs, ws))
            .collect::<Vec<_>>()
    })
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Activation, InitDist, Parametrisation};

    fn spec(sizes: &[usize], bias: bool) -> MlpSpec {
        MlpSpec {
            sizes: sizes.to_vec(),
            hidden: Activation::Relu,
            bias,
            init: InitDist::Uniform,
            parametrisation: Parametrisation::Standard,
        }
    }

    #[test]
    fn sampling_does_not_depend_on_thread_count() {
        let s = spec(&[5, 8, 1], true);
        let one = sample_functions(&s, 5, 3 * CHUNK + 17, 9, 1);
        let two = sample_functions(&s, 5, 3 * CHUNK + 17, 9, 2);
        let three = sample_functions(&s, 5, 3 * CHUNK + 17, 9, 3);
        assert_eq!(one, two);
        assert_eq!(one, three);
    }

    #[test]
    fn a_perceptron_without_bias_labels_a_uniform_number_of_inputs_one() {
        // Mingard et al.: for a perceptron without bias on {0,1}^n, the number of inputs
        // mapped to 1 is uniform. The all-zero input always gives 0, so the count is
        // uniform on 0..2^n (here 0..=31 for n = 5) and never 2^n.
        let n = 5;
        let f = sample_functions(&spec(&[n, 1], false), n, 64_000, 1, 2);
        let mut counts = vec![0usize; (1 << n) + 1];
        for t in f {
            counts[t.count_ones() as usize] += 1;
        }
        let expected = 64_000.0 / 32.0;
        for (k, &c) in counts.iter().enumerate().take(32) {
            let z = (c as f64 - expected) / expected.sqrt();
            assert!(z.abs() < 5.0, "count {k}: {c} against {expected}");
        }
        assert_eq!(counts[32], 0);
    }

    #[test]
    fn tables_and_masks_agree() {
        assert_eq!(table_of(2, |i| i & 1 == 1), 0b1010);
        assert_eq!(mask(&[0, 3]), 0b1001);
        let x = all_inputs(3);
        assert_eq!(x.row(6).to_vec(), vec![0.0, 1.0, 1.0]);
    }
}
