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

/// Every input of `n` bits, as a mask.
pub fn all_inputs_mask(n: usize) -> TruthTable {
    let inputs = 1usize << n;
    if inputs == 128 {
        u128::MAX
    } else {
        (1u128 << inputs) - 1
    }
}

/// A target function of the input bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The first input bit: the simplest non-constant function.
    FirstBit,
    /// The parity (exclusive or) of the first two bits.
    Parity2,
    /// The majority of the first three bits.
    Majority3,
    /// A uniformly random truth table, drawn from a generator with this seed.
    Random(u64),
}

impl Target {
    /// The target's truth table on `n` bits.
    pub fn table(self, n: usize) -> TruthTable {
        match self {
            Target::FirstBit => table_of(n, |i| i & 1 == 1),
            Target::Parity2 => table_of(n, |i| (i ^ (i >> 1)) & 1 == 1),
            Target::Majority3 => table_of(n, |i| (i & 7).count_ones() >= 2),
            Target::Random(seed) => {
                use rand::RngExt;
                let all = all_inputs_mask(n);
                crate::rng(seed).random::<u128>() & all
            }
        }
    }

    /// How the book names it.
    pub fn name(self) -> &'static str {
        match self {
            Target::FirstBit => "first bit",
            Target::Parity2 => "parity of two bits",
            Target::Majority3 => "majority of three bits",
            Target::Random(_) => "a random function",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_the_functions_named() {
        let n = 7;
        assert_eq!(Target::FirstBit.table(n), table_of(n, |i| i & 1 == 1));
        assert_eq!(Target::Parity2.table(n) & 0b1111, 0b0110);
        assert_eq!(Target::Majority3.table(n) & 0xff, 0b1110_1000);
        let random = Target::Random(7).table(n);
        assert_eq!(random, Target::Random(7).table(n));
        assert!((40..=88).contains(&random.count_ones()), "{random:x}");
        assert_eq!(all_inputs_mask(n), u128::MAX);
        assert_eq!(all_inputs_mask(3), 0xff);
    }

    #[test]
    fn tables_and_masks_agree() {
        assert_eq!(table_of(2, |i| i & 1 == 1), 0b1010);
        assert_eq!(mask(&[0, 3]), 0b1001);
        let x = all_inputs(3);
        assert_eq!(x.row(6).to_vec(), vec![0.0, 1.0, 1.0]);
    }
}
