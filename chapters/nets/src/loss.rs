//! Losses and their gradients with respect to the network's output, averaged over the batch.

use ndarray::{Array2, ArrayView2, Zip};

/// What the network is trained to match.
#[derive(Clone, Copy, Debug)]
pub enum Targets<'a> {
    /// Class labels, `groups` per example (row-major: example 0's groups first), for
    /// [`Loss::SoftmaxCrossEntropy`].
    Labels(&'a [usize]),
    /// Real targets shaped like the output, for [`Loss::Mse`].
    Values(ArrayView2<'a, f64>),
}

/// A training loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// The output split into `groups` equal blocks, each a softmax over its classes (one
    /// block for ordinary classification; five for the five digits of a sum).
    SoftmaxCrossEntropy { groups: usize },
    /// Half the squared error, summed over outputs.
    Mse,
}

impl Loss {
    /// The mean loss over the batch, and `d_out ← ∂loss/∂output`.
    ///
    /// # Panics
    /// If the targets do not fit the loss or the output's shape.
    pub fn evaluate(
        self,
        out: ArrayView2<'_, f64>,
        targets: Targets<'_>,
        d_out: &mut Array2<f64>,
    ) -> f64 {
        let rows = out.nrows() as f64;
        match (self, targets) {
            (Loss::SoftmaxCrossEntropy { groups }, Targets::Labels(labels)) => {
                let classes = out.ncols() / groups;
                assert_eq!(classes * groups, out.ncols(), "output splits into groups");
                assert_eq!(
                    labels.len(),
                    out.nrows() * groups,
                    "one label per group per row"
                );
                let mut total = 0.0;
                for (i, (row, mut drow)) in out.rows().into_iter().zip(d_out.rows_mut()).enumerate()
                {
                    for g in 0..groups {
                        let span = g * classes..(g + 1) * classes;
                        let logits = row.slice(ndarray::s![span.clone()]);
                        let max = logits.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
                        let sum: f64 = logits.iter().map(|&v| (v - max).exp()).sum();
                        let label = labels[i * groups + g];
                        assert!(label < classes, "label {label} out of range");
                        total += sum.ln() + max - logits[label];
                        let mut d = drow.slice_mut(ndarray::s![span]);
                        Zip::from(&mut d)
                            .and(&logits)
                            .for_each(|d, &v| *d = (v - max).exp() / sum / rows);
                        d[label] -= 1.0 / rows;
                    }
                }
                total / rows
            }
            (Loss::Mse, Targets::Values(t)) => {
                assert_eq!(t.dim(), out.dim(), "targets shaped like the output");
                let mut total = 0.0;
                Zip::from(d_out).and(&out).and(&t).for_each(|d, &y, &t| {
                    let e = y - t;
                    total += 0.5 * e * e;
                    *d = e / rows;
                });
                total / rows
            }
            _ => panic!("targets do not match the loss"),
        }
    }
}

/// Fraction of examples whose every group's arg-max equals its label (exact match).
pub fn accuracy(out: ArrayView2<'_, f64>, labels: &[usize], groups: usize) -> f64 {
    let classes = out.ncols() / groups;
    let correct = out
        .rows()
        .into_iter()
        .enumerate()
        .filter(|(i, row)| {
            (0..groups).all(|g| {
                let block = row.slice(ndarray::s![g * classes..(g + 1) * classes]);
                argmax(block.iter().copied()) == labels[i * groups + g]
            })
        })
        .count();
    correct as f64 / out.nrows() as f64
}

/// Index of the largest value (the first, on ties).
pub fn argmax(values: impl Iterator<Item = f64>) -> usize {
    let mut best = (0, f64::NEG_INFINITY);
    for (i, v) in values.enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best.0
}
