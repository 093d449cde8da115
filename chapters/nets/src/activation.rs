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

    /// `σ(z)`.
    #[inline(always)]
    pub fn value(self, z: f64) -> f64 {
        match self {
            Activation::Relu => z.max(0.0),
            Activation::Tanh => z.tanh(),
        }
    }

    /// `d · σ'(z)`, written in terms of the activation's output `a = σ(z)`.
    #[inline(always)]
    pub fn backprop_one(self, a: f64, d: f64) -> f64 {
        match self {
            Activation::Relu => {
                if a <= 0.0 {
                    0.0
                } else {
                    d
                }
            }
            Activation::Tanh => d * (1.0 - a * a),
        }
    }

    /// `z ← σ(z)` in `f32`, for [`crate::flat`]: [`Activation::value`]'s formula, the
    /// nonlinearity chosen once for the whole slice.
    #[inline(always)]
    pub(crate) fn apply_f32(self, z: &mut [f32]) {
        match self {
            Activation::Relu => z.iter_mut().for_each(|z| *z = z.max(0.0)),
            Activation::Tanh => z.iter_mut().for_each(|z| *z = z.tanh()),
        }
    }

    /// `d ← d ⊙ σ'(z)` in `f32` from the outputs `a`, for [`crate::flat`]:
    /// [`Activation::backprop_one`]'s formula, chosen once for the whole slice.
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
        z.mapv_inplace(|v| self.value(v));
    }

    /// `d ← d ⊙ σ'(z)`, written in terms of the activation's output `a = σ(z)`.
    pub fn backprop(self, a: ArrayView2<'_, f64>, d: &mut Array2<f64>) {
        Zip::from(d)
            .and(a)
            .for_each(|d, &a| *d = self.backprop_one(a, *d));
    }
}
