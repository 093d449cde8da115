//! Networks trained per second by the kit, for `bench/torch_training.py`:
//! `cargo run -p nets --example fit_speed -- [COUNT] [THREADS]`.
//!
//! The crux's main arm: 7-40-40-1 networks from Valle-Pérez et al.'s initial distribution,
//! trained by minibatch SGD (learning rate 0.02, batches of 8) on 32 of the 128 inputs of a
//! Boolean function of 7 bits, each stopped at the first epoch at which it fits them.

use nets::Optimizer;
use nets::boolean::table_of;
use nets::boolean_fit::{Batch, FitConfig, TrainingSet, fitted_functions};
use nets::sampler::two_hidden_spec;
use std::process::ExitCode;

mod speed_args;

fn main() -> ExitCode {
    let (count, threads) = match speed_args::count_and_threads("fit_speed", 2_000) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let inputs: Vec<usize> = (0..128).step_by(4).collect();
    let set = TrainingSet {
        n: 7,
        inputs: &inputs,
        target: table_of(7, |i| (i ^ (i >> 3) ^ (i >> 5)) & 1 == 1),
    };
    let cfg = FitConfig {
        optimizer: Optimizer::sgd(0.02, 0.0),
        batch: Batch::Shuffled(8),
        max_epochs: 2_000,
        check_every: 1,
    };
    let spec = two_hidden_spec();
    fitted_functions(&spec, set, &cfg, count / 10, 2, threads);
    let start = std::time::Instant::now();
    let fitted = fitted_functions(&spec, set, &cfg, count, 1, threads);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "the kit, {threads} threads: {:.0} networks/s ({} of {count} fit)",
        count as f64 / seconds,
        fitted.iter().flatten().count()
    );
    ExitCode::SUCCESS
}
