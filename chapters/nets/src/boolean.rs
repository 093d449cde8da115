//! Boolean functions computed by networks.
//!
//! A network with one output, read through its sign, computes a Boolean function of `n`
//! bits; evaluated on all `2^n` inputs (at most 128 here) that function is a `u128` truth
//! table, bit `i` for input `i` (whose bits are `i`'s binary digits, least significant
//! first). [`crate::sampler`] draws such functions from random networks by the million;
//! [`crate::boolean_fit`] trains networks until they fit some of a function's inputs.

use crate::mlp::{Mlp, Workspace};
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_masks_agree() {
        assert_eq!(table_of(2, |i| i & 1 == 1), 0b1010);
        assert_eq!(mask(&[0, 3]), 0b1001);
        let x = all_inputs(3);
        assert_eq!(x.row(6).to_vec(), vec![0.0, 1.0, 1.0]);
    }
}
