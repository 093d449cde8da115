//! Training: minibatch epochs, full-batch steps and evaluation, with all buffers reused.

use crate::loss::{Loss, Targets};
use crate::mlp::{Gradients, Mlp, Workspace, gather_rows};
use crate::optim::{Optimizer, OptimizerState};
use ndarray::{Array2, ArrayView2};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// The book's one random-number generator: ChaCha8, seeded from a `u64`, identical on every
/// platform and thread count.
pub fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A network with its loss, optimizer state and reusable buffers.
#[derive(Clone, Debug)]
pub struct Trainer {
    pub mlp: Mlp,
    pub loss: Loss,
    optimizer: OptimizerState,
    grads: Gradients,
    ws: Workspace,
    d_out: Array2<f64>,
    batch_x: Array2<f64>,
    batch_t: Array2<f64>,
    batch_labels: Vec<usize>,
    order: Vec<usize>,
    rng: ChaCha8Rng,
}

impl Trainer {
    /// `seed` drives the minibatch order.
    pub fn new(mlp: Mlp, loss: Loss, optimizer: Optimizer, seed: u64) -> Self {
        Trainer {
            optimizer: OptimizerState::new(optimizer, &mlp),
            grads: Gradients::zeros_like(&mlp),
            mlp,
            loss,
            ws: Workspace::default(),
            d_out: Array2::zeros((0, 0)),
            batch_x: Array2::zeros((0, 0)),
            batch_t: Array2::zeros((0, 0)),
            batch_labels: Vec::new(),
            order: Vec::new(),
            rng: rng(seed),
        }
    }

    /// One optimizer step on the whole of `x` (full batch); returns the loss before it.
    pub fn step(&mut self, x: ArrayView2<'_, f64>, targets: Targets<'_>) -> f64 {
        let loss = self.gradient(x, targets);
        self.optimizer.step(&mut self.mlp, &self.grads);
        loss
    }

    /// The loss on `x` and its gradient, left in [`Trainer::gradients`].
    pub fn gradient(&mut self, x: ArrayView2<'_, f64>, targets: Targets<'_>) -> f64 {
        self.mlp.forward(x, &mut self.ws);
        let out = self.ws.output();
        if self.d_out.dim() != out.dim() {
            self.d_out = Array2::zeros(out.dim());
        }
        let loss = self.loss.evaluate(out, targets, &mut self.d_out);
        self.mlp
            .backward(self.d_out.view(), &mut self.ws, &mut self.grads);
        loss
    }

    /// The gradients from the last [`Trainer::gradient`] or step.
    pub fn gradients(&self) -> &Gradients {
        &self.grads
    }

    /// One pass over `x` in shuffled minibatches of `batch` rows (the last may be smaller);
    /// returns the mean of the minibatch losses.
    /// One pass over `x` in shuffled minibatches of `batch` rows (the last may be smaller);
    /// returns the mean of the minibatch losses.
    pub fn epoch(&mut self, x: ArrayView2<'_, f64>, targets: Targets<'_>, batch: usize) -> f64 {
        let n = x.nrows();
        self.order.clear();
        self.order.extend(0..n);
        self.order.shuffle(&mut self.rng);
        let order = std::mem::take(&mut self.order);
        let mut total = 0.0;
        let mut batches = 0;
        for rows in order.chunks(batch.max(1)) {
            if self.batch_x.dim() != (rows.len(), x.ncols()) {
                self.batch_x = Array2::zeros((rows.len(), x.ncols()));
            }
            gather_rows(x, rows, &mut self.batch_x);
            let bx = std::mem::take(&mut self.batch_x);
            total += match targets {
                Targets::Labels(labels) => {
                    let groups = labels.len() / n;
                    self.batch_labels.clear();
                    for &r in rows {
                        self.batch_labels
                            .extend_from_slice(&labels[r * groups..(r + 1) * groups]);
                    }
                    let bl = std::mem::take(&mut self.batch_labels);
                    let loss = self.step(bx.view(), Targets::Labels(&bl));
                    self.batch_labels = bl;
                    loss
                }
                Targets::Values(t) => {
                    if self.batch_t.dim() != (rows.len(), t.ncols()) {
                        self.batch_t = Array2::zeros((rows.len(), t.ncols()));
                    }
                    gather_rows(t, rows, &mut self.batch_t);
                    let bt = std::mem::take(&mut self.batch_t);
                    let loss = self.step(bx.view(), Targets::Values(bt.view()));
                    self.batch_t = bt;
                    loss
                }
            };
            self.batch_x = bx;
            batches += 1;
        }
        self.order = order;
        total / f64::from(batches.max(1))
    }

    /// The loss on `x` without training.
    pub fn loss_on(&self, x: ArrayView2<'_, f64>, targets: Targets<'_>) -> f64 {
        let out = self.mlp.predict(x);
        let mut d = Array2::zeros(out.dim());
        self.loss.evaluate(out.view(), targets, &mut d)
    }
}
