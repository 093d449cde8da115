//! A fixed synthetic classification task shared by the width and distribution-shift
//! experiments: Gaussian inputs labelled by a random "teacher" network.
//!
//! The teacher is a tanh MLP with random weights; an input's class is the teacher's
//! arg-max output. The task is learnable, has no label noise, and can be shifted by moving,
//! stretching or squeezing the input distribution while keeping the labelling rule.

use ndarray::Array2;
use nets::{Activation, InitDist, Mlp, MlpSpec, Parametrisation, rng};
use rand_distr::{Distribution, StandardNormal};

/// The labelling network and its input dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Teacher {
    pub net: Mlp,
    pub inputs: usize,
    pub classes: usize,
}

/// How test inputs differ from training inputs: `x = shift + scale·z`, `z ~ N(0, I)`, with
/// `shift` added to the first half of the coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputShift {
    pub shift: f64,
    pub scale: f64,
}

impl InputShift {
    /// The training distribution itself.
    pub const NONE: InputShift = InputShift {
        shift: 0.0,
        scale: 1.0,
    };
}

impl Teacher {
    /// A teacher with `hidden` tanh units, drawn from `seed`.
    pub fn new(inputs: usize, hidden: usize, classes: usize, seed: u64) -> Self {
        let spec = MlpSpec {
            sizes: vec![inputs, hidden, classes],
            hidden: Activation::Tanh,
            bias: true,
            init: InitDist::Normal,
            parametrisation: Parametrisation::Standard,
        };
        Teacher {
            net: Mlp::new(&spec, &mut rng(seed)),
            inputs,
            classes,
        }
    }

    /// `n` labelled examples from the (possibly shifted) input distribution.
    pub fn sample(&self, n: usize, shift: InputShift, seed: u64) -> (Array2<f64>, Vec<usize>) {
        let half = self.inputs / 2;
        self.sample_map(n, seed, |j, z| {
            shift.scale * z + if j < half { shift.shift } else { 0.0 }
        })
    }

    /// `n` labelled examples whose coordinate `j` is `map(j, z)` for a fresh standard normal
    /// `z`: any shift that acts coordinate by coordinate.
    pub fn sample_map(
        &self,
        n: usize,
        seed: u64,
        map: impl Fn(usize, f64) -> f64,
    ) -> (Array2<f64>, Vec<usize>) {
        let mut r = rng(seed);
        let x = Array2::from_shape_fn((n, self.inputs), |(_, j)| {
            let z: f64 = StandardNormal.sample(&mut r);
            map(j, z)
        });
        let out = self.net.predict(x.view());
        let labels = out
            .rows()
            .into_iter()
            .map(|row| nets::loss::argmax(row.iter().copied()))
            .collect();
        (x, labels)
    }
}
