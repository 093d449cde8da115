//! Hidden-layer nonlinearities, applied in place.

use ndarray::{Array2, ArrayView2, Zip};

/// The nonlinearity of hidden layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Relu,
    Tanh,
}

impl Activation {
    /// The initialisation gain that keeps activations' scale through depth: √2 for ReLU
    /// (He et al.), 1 for tanh.
    pub fn gain(self) -> f64 {
        match self {
            Activation::Relu => std::f64::consts::SQRT_2,
            Activation::Tanh => 1.0,
        }
    }

    /// `z ← σ(z)` in `f32` on a slice, for [`crate::flat`]: [`Activation::apply`]'s
    /// formulas.
    #[inline(always)]
    pub(crate) fn apply_f32(self, z: &mut [f32]) {
        match self {
            Activation::Relu => z.iter_mut().for_each(|z| *z = z.max(0.0)),
            Activation::Tanh => z.iter_mut().for_each(|z| *z = z.tanh()),
        }
    }

    /// `d ← d ⊙ σ'(z)` in `f32` from the outputs `a`, for [`crate::flat`]:
    /// [`Activation::backprop`]'s formulas.
    #[inline(always)]
    pub(crate) fn backprop_f32(self, a: &[f32], d: &mut [f32]) {
        match self {
            Activation::Relu => d.iter_mut().zip(a).for_each(|(d, &a)| {
                if a <= 0.0 {
                    *d = 0.0;
                }
            }),
            Activation::Tanh => d.iter_mut().zip(a).for_each(|(d, &a)| *d *= 1.0 - a * a),
        }
    }

    /// `z ← σ(z)`.
    pub fn apply(self, z: &mut Array2<f64>) {
        match self {
            Activation::Relu => z.mapv_inplace(|v| v.max(0.0)),
            Activation::Tanh => z.mapv_inplace(f64::tanh),
        }
    }

    /// `d ← d ⊙ σ'(z)`, written in terms of the activation's output `a = σ(z)`.
    pub fn backprop(self, a: ArrayView2<'_, f64>, d: &mut Array2<f64>) {
        match self {
            Activation::Relu => Zip::from(d).and(a).for_each(|d, &a| {
                if a <= 0.0 {
                    *d = 0.0;
                }
            }),
            Activation::Tanh => Zip::from(d).and(a).for_each(|d, &a| *d *= 1.0 - a * a),
        }
    }
}
