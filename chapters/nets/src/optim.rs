//! Optimizers: SGD with momentum, Adam, AdamW and RMSprop, with weight decay.
//!
//! Weight decay is the coupled kind (`λ·w` added to the weights' gradient, biases exempt),
//! the L2 penalty that papers of the period mean by "L2 1e-3", except in AdamW. Learning rates are scaled per
//! layer by the network's parametrisation ([`crate::Mlp::lr_multipliers`]).

use crate::mlp::{Gradients, Mlp};
use ndarray::{ArrayViewMut, Dimension, Zip};

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

    fn weight_decay(&self) -> f64 {
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
    match opt {
        Optimizer::Sgd { lr, momentum, .. } => {
            let lr = lr * lr_mult;
            zip.for_each(|w, &g, m, _| {
                *m = momentum * *m + g + wd * *w;
                *w -= lr * *m;
            });
        }
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
            let lr = lr * lr_mult;
            let (c1, c2) = (1.0 - beta1.powi(t), 1.0 - beta2.powi(t));
            // Adam puts the decay in the gradient; AdamW applies it to the weights directly.
            let (coupled, decoupled) = if matches!(opt, Optimizer::AdamW { .. }) {
                (0.0, wd)
            } else {
                (wd, 0.0)
            };
            zip.for_each(|w, &g, m, v| {
                let g = g + coupled * *w;
                *m = beta1 * *m + (1.0 - beta1) * g;
                *v = beta2 * *v + (1.0 - beta2) * g * g;
                *w -= lr * ((*m / c1) / ((*v / c2).sqrt() + eps) + decoupled * *w);
            });
        }
        Optimizer::RmsProp { lr, alpha, eps, .. } => {
            let lr = lr * lr_mult;
            zip.for_each(|w, &g, _, v| {
                let g = g + wd * *w;
                *v = alpha * *v + (1.0 - alpha) * g * g;
                *w -= lr * g / (v.sqrt() + eps);
            });
        }
    }
}
