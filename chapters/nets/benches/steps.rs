//! The general trainer's steps per second for three MLP sizes: `cargo bench -p nets`.
//!
//! A plain timing loop (no framework): warm up, then time a fixed number of minibatch
//! steps on random data and report steps/s, and the rate of floating-point operations that
//! makes: a step is three products per layer (forward, the weights' gradient, the gradient
//! passed down), `2 · batch · fan_in · fan_out` operations each, the first layer's third
//! left out. The Boolean fitter's own trainer is timed by
//! `cargo run -p nets --example fit_speed` (networks fitted per second).

use ndarray::Array2;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, rng};
use rand::RngExt;
use std::time::Instant;

fn bench(sizes: &[usize], batch: usize, steps: usize) {
    let mut r = rng(1);
    let classes = *sizes.last().expect("sizes");
    let x = Array2::from_shape_simple_fn((batch, sizes[0]), || r.random_range(-1.0..1.0));
    let labels: Vec<usize> = (0..batch).map(|_| r.random_range(0..classes)).collect();
    let mlp = Mlp::new(&MlpSpec::relu(sizes), &mut r);
    let mut trainer = Trainer::new(
        mlp,
        Loss::SoftmaxCrossEntropy { groups: 1 },
        Optimizer::adam(1e-3),
        2,
    );
    for _ in 0..steps / 10 {
        trainer.step(x.view(), Targets::Labels(&labels));
    }
    let start = Instant::now();
    for _ in 0..steps {
        trainer.step(x.view(), Targets::Labels(&labels));
    }
    let secs = start.elapsed().as_secs_f64();
    let macs: usize = sizes.windows(2).map(|w| w[0] * w[1]).sum();
    let flops = 2 * batch * (3 * macs - sizes[0] * sizes[1]);
    println!(
        "{:>18} batch {batch:>4}: {:>10.0} steps/s ({:.3} ms/step, {:.2} GFLOP/s)",
        sizes
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("-"),
        steps as f64 / secs,
        1e3 * secs / steps as f64,
        (flops * steps) as f64 / secs / 1e9
    );
}

fn main() {
    bench(&[2, 64, 64, 2], 32, 20_000);
    bench(&[7, 40, 40, 1], 8, 50_000);
    bench(&[784, 256, 256, 10], 128, 300);
}
