//! Symmetries: counting parameter settings is not counting functions.
//!
//! Turner's memo answers the counting argument's defenders who count network
//! *parameterizations* rather than functions: such a count has to reckon with how many
//! parameter settings implement each function, and with the architecture's internal
//! symmetries. This module makes those symmetries concrete for the ReLU network used elsewhere
//! in the book, 7 inputs, two hidden layers of 40 units and one output.
//!
//! - **Permutations.** Reordering the units of a hidden layer — their incoming weights and
//!   biases, and their outgoing weights to match — leaves the function unchanged. With hidden
//!   widths `n₁, …, n_L` there are `n₁!·…·n_L!` reorderings, `(40!)²` here; for generic
//!   parameters (no two units alike) each gives a different parameter vector.
//! - **Rescalings.** ReLU is positively homogeneous, `relu(a·z) = a·relu(z)` for `a > 0`, so
//!   multiplying a hidden unit's incoming weights and bias by `a` and dividing its outgoing
//!   weights by `a` leaves the function unchanged: one continuous symmetry per hidden unit,
//!   `n₁ + … + n_L = 80` dimensions here.
//!
//! **Why this matters for counting.** A "count" over parameters is a measure `μ` on
//! parameter space `Θ` (uniform on a box, Gaussian at initialisation). It gives a function
//! `f` the weight `μ(F⁻¹(f))`, the volume of the set of parameters that compute `f`. Every
//! function's preimage contains its whole symmetry orbit, but the preimages are not alike:
//! a function that leaves hidden units unused (a unit that never fires on the inputs frees
//! its outgoing weights entirely; two units with proportional weights can trade their
//! outgoing weights) has a preimage of larger dimension than one that uses every unit
//! distinctly. So a uniform count over parameters is not a uniform count over functions: it
//! weights functions by how many ways they can be implemented, which is Turner's point that
//! the recovered argument must estimate volumes in parameter space rather than count
//! functions. The numbers here give only the size of the symmetry group, the same for every
//! generic function; they do not say which functions get more volume.

use certified::Enclosure;
use certified::elementary::to_log10;
use certified::factorial::ln_factorial;
use ndarray::Array2;
use nets::{Mlp, MlpSpec};
use rand::seq::SliceRandom;
use rand::{Rng, RngExt};
use rand_distr::{Distribution, StandardNormal};

/// The book's 7-40-40-1 ReLU network: input, two hidden layers, output.
pub const SIZES: [usize; 4] = [7, 40, 40, 1];

/// The hidden layers' widths.
pub fn hidden_widths(sizes: &[usize]) -> &[usize] {
    &sizes[1..sizes.len() - 1]
}

/// `log10(n₁!·…·n_L!)`, the number of hidden-unit reorderings, as a certified enclosure.
pub fn log10_permutations(sizes: &[usize]) -> Enclosure {
    let ln = hidden_widths(sizes)
        .iter()
        .map(|&n| ln_factorial(n as u64))
        .fold(Enclosure::from_int(0), |acc, x| &acc + &x);
    to_log10(&ln)
}

/// The dimension of the rescaling symmetry: one per hidden unit.
pub fn rescaling_dimension(sizes: &[usize]) -> usize {
    hidden_widths(sizes).iter().sum()
}

/// The network with the units of hidden layer `h` (0-based) reordered: new unit `j` is old
/// unit `perm[j]`.
///
/// # Panics
/// If `h` is not a hidden layer or `perm` has the wrong length.
pub fn permute_hidden(mlp: &Mlp, h: usize, perm: &[usize]) -> Mlp {
    assert!(h + 1 < mlp.layers.len(), "layer {h} is not hidden");
    let mut out = mlp.clone();
    let (into, from) = (&mlp.layers[h], &mlp.layers[h + 1]);
    assert_eq!(perm.len(), into.b.len(), "one index per unit");
    for (j, &p) in perm.iter().enumerate() {
        out.layers[h].w.column_mut(j).assign(&into.w.column(p));
        out.layers[h].b[j] = into.b[p];
        out.layers[h + 1].w.row_mut(j).assign(&from.w.row(p));
    }
    out
}

/// The network with unit `j` of hidden layer `h` scaled by `scales[j] > 0`: incoming weights
/// and bias multiplied, outgoing weights divided.
///
/// # Panics
/// If `h` is not a hidden layer, or a scale is not positive.
pub fn rescale_hidden(mlp: &Mlp, h: usize, scales: &[f64]) -> Mlp {
    assert!(h + 1 < mlp.layers.len(), "layer {h} is not hidden");
    assert!(
        scales.iter().all(|&a| a > 0.0),
        "ReLU needs positive scales"
    );
    let mut out = mlp.clone();
    for (j, &a) in scales.iter().enumerate() {
        out.layers[h].w.column_mut(j).mapv_inplace(|v| v * a);
        out.layers[h].b[j] *= a;
        out.layers[h + 1].w.row_mut(j).mapv_inplace(|v| v / a);
    }
    out
}

/// What applying random symmetries to a random network changes.
#[derive(Clone, Debug, PartialEq)]
pub struct SymmetryCheck {
    /// Largest change of the output, relative to the output's scale, after permuting every
    /// hidden layer.
    pub permuted_output_change: f64,
    /// Euclidean distance the permutation moved the parameters.
    pub permuted_distance: f64,
    /// Largest relative change of the output after rescaling every hidden unit.
    pub rescaled_output_change: f64,
    pub rescaled_distance: f64,
    /// Largest relative change after scaling one unit's incoming weights per hidden layer
    /// (by at least 1.5) *without* compensating its outgoing weights: not a symmetry, a
    /// control that must change the function.
    pub control_output_change: f64,
    /// Largest relative change after moving the parameters in a random direction as far as
    /// the permutation moved them: what an ordinary move of that size does.
    pub perturbed_output_change: f64,
    /// The same, as far as the rescaling moved them.
    pub perturbed_rescaled_output_change: f64,
}

/// A move in parameter space: how far it went and how much it changed the outputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Move {
    pub distance: f64,
    pub output_change: f64,
}

impl Move {
    /// Whether the move kept the function and moved the parameters by more than 1.
    pub fn keeps_the_function(&self) -> bool {
        self.output_change < SAME_FUNCTION && self.distance > 1.0
    }
}

/// Outputs agree to this relative tolerance: a few thousand ulps of `f64`, far below any
/// change a non-symmetry makes.
pub const SAME_FUNCTION: f64 = 1e-12;

impl SymmetryCheck {
    /// The permutation, as a move.
    pub fn permutation(&self) -> Move {
        Move {
            distance: self.permuted_distance,
            output_change: self.permuted_output_change,
        }
    }

    /// The rescaling, as a move.
    pub fn rescaling(&self) -> Move {
        Move {
            distance: self.rescaled_distance,
            output_change: self.rescaled_output_change,
        }
    }

    /// A random move as far as the permutation went.
    pub fn perturbation(&self) -> Move {
        Move {
            distance: self.permuted_distance,
            output_change: self.perturbed_output_change,
        }
    }

    /// A random move as far as the rescaling went.
    pub fn rescaling_sized_perturbation(&self) -> Move {
        Move {
            distance: self.rescaled_distance,
            output_change: self.perturbed_rescaled_output_change,
        }
    }

    /// Whether the permutations kept the function and moved the parameters.
    pub fn permutations_hold(&self) -> bool {
        self.permutation().keeps_the_function()
    }

    /// Whether the rescalings kept the function, moved the parameters, and the control did
    /// change the function.
    pub fn rescalings_hold(&self) -> bool {
        self.rescaling().keeps_the_function() && self.control_output_change > 1e-3
    }
}

fn distance(a: &Mlp, b: &Mlp) -> f64 {
    a.to_vec()
        .iter()
        .zip(b.to_vec())
        .map(|(x, y)| (x - y).powi(2))
        .sum::<f64>()
        .sqrt()
}

fn relative_change(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    let scale = a.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-300);
    a.iter()
        .zip(b)
        .fold(0.0f64, |m, (x, y)| m.max((x - y).abs()))
        / scale
}

/// Initialises a network of `sizes` from `seed`, applies a random permutation and a random
/// rescaling (scales in `[1/2, 2]`) to every hidden layer, and compares outputs on `inputs`
/// standard-normal input rows.
pub fn check(sizes: &[usize], seed: u64, inputs: usize) -> SymmetryCheck {
    let mut r = nets::rng(seed);
    let mlp = Mlp::new(&MlpSpec::relu(sizes), &mut r);
    let x = Array2::from_shape_simple_fn((inputs, sizes[0]), || normal(&mut r));
    let y = mlp.predict(x.view());
    let mut permuted = mlp.clone();
    let mut rescaled = mlp.clone();
    let mut control = mlp.clone();
    for (h, &n) in hidden_widths(sizes).iter().enumerate() {
        let mut perm: Vec<usize> = (0..n).collect();
        perm.shuffle(&mut r);
        permuted = permute_hidden(&permuted, h, &perm);
        let scales: Vec<f64> = (0..n)
            .map(|_| 2f64.powf(r.random_range(-1.0..1.0)))
            .collect();
        rescaled = rescale_hidden(&rescaled, h, &scales);
        control.layers[h]
            .w
            .column_mut(0)
            .mapv_inplace(|v| v * scales[0].max(1.5));
    }
    let permuted_distance = distance(&mlp, &permuted);
    let rescaled_distance = distance(&mlp, &rescaled);
    // Random directions, drawn after everything above so that its draws are unchanged.
    let mut perturbed = |length: f64| {
        let theta = mlp.to_vec();
        let dir: Vec<f64> = theta.iter().map(|_| normal(&mut r)).collect();
        let norm = dir.iter().map(|v| v * v).sum::<f64>().sqrt();
        let moved: Vec<f64> = theta
            .iter()
            .zip(&dir)
            .map(|(t, d)| t + length * d / norm)
            .collect();
        let mut other = mlp.clone();
        other.load_vec(&moved);
        relative_change(&y, &other.predict(x.view()))
    };
    let perturbed_output_change = perturbed(permuted_distance);
    let perturbed_rescaled_output_change = perturbed(rescaled_distance);
    SymmetryCheck {
        permuted_output_change: relative_change(&y, &permuted.predict(x.view())),
        permuted_distance,
        rescaled_output_change: relative_change(&y, &rescaled.predict(x.view())),
        rescaled_distance,
        control_output_change: relative_change(&y, &control.predict(x.view())),
        perturbed_output_change,
        perturbed_rescaled_output_change,
    }
}

fn normal(r: &mut impl Rng) -> f64 {
    StandardNormal.sample(r)
}

/// The check the claims use: the book's network, 256 random inputs.
pub fn book_check() -> SymmetryCheck {
    check(&SIZES, 0x5e7, 256)
}

#[cfg(test)]
mod tests {
    use super::*;
    use certified::elementary::ln;

    #[test]
    fn forty_factorial_squared_has_ninety_six_digits() {
        let e = log10_permutations(&SIZES);
        assert!(e.width_f64() < 1e-60);
        // Independently: Σ log10 k in f64, with room for rounding.
        let plain: f64 = 2.0 * (1..=40).map(|k| f64::from(k).log10()).sum::<f64>();
        assert!(e.lo_f64() - 1e-12 <= plain && plain <= e.hi_f64() + 1e-12);
        assert_eq!(e.lo_f64().floor(), 95.0);
        // One hidden layer of 3 units: 3! = 6 reorderings.
        let six = to_log10(&ln(6));
        let three = log10_permutations(&[2, 3, 1]);
        assert!(!three.is_below(&six) && !six.is_below(&three));
    }

    #[test]
    fn symmetries_keep_the_function_and_move_the_parameters() {
        let c = book_check();
        assert!(c.permutations_hold(), "{c:?}");
        assert!(c.rescalings_hold(), "{c:?}");
        assert_eq!(rescaling_dimension(&SIZES), 80);
        // A random move as far changes the function.
        assert!(!c.perturbation().keeps_the_function(), "{c:?}");
        assert!(
            !c.rescaling_sized_perturbation().keeps_the_function(),
            "{c:?}"
        );
        assert!((c.perturbation().distance - c.permuted_distance).abs() < 1e-12);
    }

    #[test]
    fn a_reordering_is_undone_by_its_inverse() {
        let mut r = nets::rng(2);
        let mlp = Mlp::new(&MlpSpec::relu(&[3, 5, 2]), &mut r);
        let perm = [2, 0, 4, 1, 3];
        let mut inverse = [0; 5];
        for (j, &p) in perm.iter().enumerate() {
            inverse[p] = j;
        }
        let back = permute_hidden(&permute_hidden(&mlp, 0, &perm), 0, &inverse);
        assert_eq!(back, mlp);
    }
}
