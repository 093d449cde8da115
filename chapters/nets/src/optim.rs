//! Optimizers: SGD with momentum, Adam, AdamW and RMSprop, with weight decay — the book's
//! one implementation of each update, for an [`Mlp`] ([`OptimizerState`]) and for any list
//! of arrays ([`ArraysState`]: the parameters of a model not built from the kit's layers).
//!
//! Weight decay is the coupled kind (`λ·w` added to the weights' gradient, biases exempt),
//! the L2 penalty that papers of the period mean by "L2 1e-3", except in AdamW. Learning
//! rates are scaled per layer by the network's parametrisation
//! ([`crate::Mlp::lr_multipliers`]).

use crate::mlp::{Gradients, Mlp};
use ndarray::{Array, ArrayViewMut, Dimension, Zip};

/// An optimizer and its hyperparameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    Sgd {
        lr: f64,
        momentum: f64,
        weight_decay: f64,
    },
    Adam {
        lr: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    },
    /// Adam with decoupled weight decay (Loshchilov & Hutter): `w ← w − lr·λ·w` besides
    /// the Adam step, rather than `λ·w` in the gradient.
    AdamW {
        lr: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
        weight_decay: f64,
    },
    RmsProp {
        lr: f64,
        alpha: f64,
        eps: f64,
        weight_decay: f64,
    },
}

impl Optimizer {
    /// Adam with the usual defaults (β = 0.9, 0.999; ε = 1e-8) and no weight decay.
    pub fn adam(lr: f64) -> Self {
        Optimizer::Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.0,
        }
    }

    /// Plain SGD with momentum and no weight decay.
    pub fn sgd(lr: f64, momentum: f64) -> Self {
        Optimizer::Sgd {
            lr,
            momentum,
            weight_decay: 0.0,
        }
    }

    /// Whether per-parameter step sizes adapt to gradient scale (changes µP's multipliers).
    pub fn adaptive(&self) -> bool {
        !matches!(self, Optimizer::Sgd { .. })
    }

    pub(crate) fn weight_decay(&self) -> f64 {
        match *self {
            Optimizer::Sgd { weight_decay, .. }
            | Optimizer::Adam { weight_decay, .. }
            | Optimizer::AdamW { weight_decay, .. }
            | Optimizer::RmsProp { weight_decay, .. } => weight_decay,
        }
    }
}

/// An optimizer with its running state for one network.
#[derive(Clone, Debug)]
pub struct OptimizerState {
    pub optimizer: Optimizer,
    first: Gradients,
    second: Gradients,
    steps: i32,
    multipliers: Vec<(f64, f64)>,
}

impl OptimizerState {
    pub fn new(optimizer: Optimizer, mlp: &Mlp) -> Self {
        OptimizerState {
            optimizer,
            first: Gradients::zeros_like(mlp),
            second: Gradients::zeros_like(mlp),
            steps: 0,
            multipliers: mlp.lr_multipliers(optimizer.adaptive()),
        }
    }

    /// One update of `mlp` from `grads`.
    pub fn step(&mut self, mlp: &mut Mlp, grads: &Gradients) {
        self.steps += 1;
        let wd = self.optimizer.weight_decay();
        for (l, layer) in mlp.layers.iter_mut().enumerate() {
            let (mw, mb) = self.multipliers[l];
            let (m, v) = (&mut self.first.layers[l], &mut self.second.layers[l]);
            let g = &grads.layers[l];
            update(
                self.optimizer,
                self.steps,
                mw,
                wd,
                layer.w.view_mut(),
                g.w.view(),
                m.w.view_mut(),
                v.w.view_mut(),
            );
            update(
                self.optimizer,
                self.steps,
                mb,
                0.0,
                layer.b.view_mut(),
                g.b.view(),
                m.b.view_mut(),
                v.b.view_mut(),
            );
        }
    }
}

/// An optimizer with its running state for a list of arrays of one dimensionality, updated
/// together: every array gets the optimizer's learning rate and weight decay (the list has
/// no biases to exempt and no parametrisation to scale by).
#[derive(Clone, Debug)]
pub struct ArraysState<D: Dimension> {
    pub optimizer: Optimizer,
    first: Vec<Array<f64, D>>,
    second: Vec<Array<f64, D>>,
    steps: i32,
}

impl<D: Dimension> ArraysState<D> {
    /// Zero moments shaped like `params`.
    pub fn new(optimizer: Optimizer, params: &[Array<f64, D>]) -> Self {
        let zeros: Vec<Array<f64, D>> = params.iter().map(|p| Array::zeros(p.raw_dim())).collect();
        ArraysState {
            optimizer,
            first: zeros.clone(),
            second: zeros,
            steps: 0,
        }
    }

    /// One update of `params` from `grads`, one gradient per array in the same order.
    ///
    /// # Panics
    /// If `params` or `grads` is not as long as the list the state was made for, or a
    /// gradient's shape differs from its array's.
    pub fn step(&mut self, params: &mut [Array<f64, D>], grads: &[Array<f64, D>]) {
        assert_eq!(params.len(), self.first.len(), "one state per array");
        assert_eq!(grads.len(), self.first.len(), "one gradient per array");
        self.steps += 1;
        let wd = self.optimizer.weight_decay();
        let moments = self.first.iter_mut().zip(&mut self.second);
        for ((p, g), (m, v)) in params.iter_mut().zip(grads).zip(moments) {
            update(
                self.optimizer,
                self.steps,
                1.0,
                wd,
                p.view_mut(),
                g.view(),
                m.view_mut(),
                v.view_mut(),
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn update<D: Dimension>(
    opt: Optimizer,
    t: i32,
    lr_mult: f64,
    wd: f64,
    w: ArrayViewMut<'_, f64, D>,
    g: ndarray::ArrayView<'_, f64, D>,
    m: ArrayViewMut<'_, f64, D>,
    v: ArrayViewMut<'_, f64, D>,
) {
    let zip = Zip::from(w).and(g).and(m).and(v);
    match Rule::new(opt, t, lr_mult, wd) {
        Rule::Sgd(s) => zip.for_each(|w, &g, m, _| s.apply(w, g, m)),
        Rule::Adam(a) => zip.for_each(|w, &g, m, v| a.apply(w, g, m, v)),
        Rule::RmsProp(r) => zip.for_each(|w, &g, _, v| r.apply(w, g, v)),
    }
}

/// One optimizer's update at one step, with the step's constants (the learning rate times
/// its multiplier, Adam's bias corrections) worked out once: the one place each update
/// formula is written, used for ndarray's arrays and for [`crate::flat`]'s plain slices
/// alike. Each variant's loop is its own, so no loop decides the optimizer per element.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rule {
    Sgd(SgdStep),
    Adam(AdamStep),
    RmsProp(RmsPropStep),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct SgdStep {
    lr: f64,
    momentum: f64,
    wd: f64,
}

/// Adam's step, with the decay in the gradient (`coupled`) or, as AdamW, on the weights
/// (`decoupled`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct AdamStep {
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    c1: f64,
    c2: f64,
    coupled: f64,
    decoupled: f64,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct RmsPropStep {
    lr: f64,
    alpha: f64,
    eps: f64,
    wd: f64,
}

impl SgdStep {
    /// Updates weight `w` from its gradient `g` and momentum `m`.
    #[inline(always)]
    fn apply(self, w: &mut f64, g: f64, m: &mut f64) {
        *m = self.momentum * *m + g + self.wd * *w;
        *w -= self.lr * *m;
    }
}

impl AdamStep {
    /// Updates weight `w` from its gradient `g` and moments `m` and `v`.
    #[inline(always)]
    fn apply(self, w: &mut f64, g: f64, m: &mut f64, v: &mut f64) {
        let g = g + self.coupled * *w;
        *m = self.beta1 * *m + (1.0 - self.beta1) * g;
        *v = self.beta2 * *v + (1.0 - self.beta2) * g * g;
        *w -= self.lr * ((*m / self.c1) / ((*v / self.c2).sqrt() + self.eps) + self.decoupled * *w);
    }
}

impl RmsPropStep {
    /// Updates weight `w` from its gradient `g` and mean square `v`.
    #[inline(always)]
    fn apply(self, w: &mut f64, g: f64, v: &mut f64) {
        let g = g + self.wd * *w;
        *v = self.alpha * *v + (1.0 - self.alpha) * g * g;
        *w -= self.lr * g / (v.sqrt() + self.eps);
    }
}

impl Rule {
    /// The rule of step `t` (from 1) for parameters whose learning rate is scaled by
    /// `lr_mult` and decayed by `wd`.
    pub(crate) fn new(opt: Optimizer, t: i32, lr_mult: f64, wd: f64) -> Self {
        match opt {
            Optimizer::Sgd { lr, momentum, .. } => Rule::Sgd(SgdStep {
                lr: lr * lr_mult,
                momentum,
                wd,
            }),
            Optimizer::Adam {
                lr,
                beta1,
                beta2,
                eps,
                ..
            }
            | Optimizer::AdamW {
                lr,
                beta1,
                beta2,
                eps,
                ..
            } => {
                // Adam puts the decay in the gradient; AdamW applies it to the weights.
                let (coupled, decoupled) = if matches!(opt, Optimizer::AdamW { .. }) {
                    (0.0, wd)
                } else {
                    (wd, 0.0)
                };
                Rule::Adam(AdamStep {
                    lr: lr * lr_mult,
                    beta1,
                    beta2,
                    eps,
                    c1: 1.0 - beta1.powi(t),
                    c2: 1.0 - beta2.powi(t),
                    coupled,
                    decoupled,
                })
            }
            Optimizer::RmsProp { lr, alpha, eps, .. } => Rule::RmsProp(RmsPropStep {
                lr: lr * lr_mult,
                alpha,
                eps,
                wd,
            }),
        }
    }

    /// Updates every weight in `w` from its gradient in `g`, with the first and second
    /// moments in `m` and `v` (a rule without one leaves it alone); slices of one length.
    /// The arithmetic is `f64`'s whatever the slices hold.
    #[inline(always)]
    pub(crate) fn apply_all<P: Param>(self, w: &mut [P], g: &[P], m: &mut [P], v: &mut [P]) {
        let each = w.iter_mut().zip(g).zip(m.iter_mut().zip(v.iter_mut()));
        match self {
            Rule::Sgd(s) => each.for_each(|((w, &g), (m, _))| {
                let (mut w64, mut m64) = (w.get(), m.get());
                s.apply(&mut w64, g.get(), &mut m64);
                (*w, *m) = (P::set(w64), P::set(m64));
            }),
            Rule::Adam(a) => each.for_each(|((w, &g), (m, v))| {
                let (mut w64, mut m64, mut v64) = (w.get(), m.get(), v.get());
                a.apply(&mut w64, g.get(), &mut m64, &mut v64);
                (*w, *m, *v) = (P::set(w64), P::set(m64), P::set(v64));
            }),
            Rule::RmsProp(r) => each.for_each(|((w, &g), (_, v))| {
                let (mut w64, mut v64) = (w.get(), v.get());
                r.apply(&mut w64, g.get(), &mut v64);
                (*w, *v) = (P::set(w64), P::set(v64));
            }),
        }
    }
}

/// A parameter's storage: `f64`, or `f32` updated through `f64` arithmetic.
pub(crate) trait Param: Copy {
    fn get(self) -> f64;
    fn set(value: f64) -> Self;
}

impl Param for f64 {
    #[inline(always)]
    fn get(self) -> f64 {
        self
    }
    #[inline(always)]
    fn set(value: f64) -> Self {
        value
    }
}

impl Param for f32 {
    #[inline(always)]
    fn get(self) -> f64 {
        f64::from(self)
    }
    #[inline(always)]
    fn set(value: f64) -> Self {
        value as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array1, array};

    #[test]
    fn adams_first_step_is_the_learning_rate_along_each_gradients_sign() {
        let g = array![2.0, -0.5, 1e-3];
        let mut w = vec![Array1::zeros(3)];
        let mut state = ArraysState::new(Optimizer::adam(0.1), &w);
        state.step(&mut w, std::slice::from_ref(&g));
        for (w, g) in w[0].iter().zip(&g) {
            assert!(
                (w + 0.1 * g / (g.abs() + 1e-8)).abs() < 1e-15,
                "{w} for {g}"
            );
        }
    }

    #[test]
    fn sgd_on_arrays_follows_the_gradient_with_momentum() {
        let mut w = vec![array![[1.0, 2.0]]];
        let g = vec![array![[1.0, -1.0]]];
        let mut state = ArraysState::new(Optimizer::sgd(0.5, 0.9), &w);
        state.step(&mut w, &g);
        assert_eq!(w[0], array![[0.5, 2.5]]);
        state.step(&mut w, &g);
        // The momentum is 0.9·g + g after the second step.
        assert!((w[0][[0, 0]] - (0.5 - 0.5 * 1.9)).abs() < 1e-15);
    }
}
