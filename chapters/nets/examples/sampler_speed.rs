//! Networks per second of the kit's sampler, for `bench/numpy_sampler.py`:
//! `cargo run -p nets --example sampler_speed -- [COUNT] [THREADS]`.

use nets::sampler::{Shape, sample};
use std::process::ExitCode;

mod speed_args;

fn main() -> ExitCode {
    let (count, threads) = match speed_args::count_and_threads("sampler_speed", 1_000_000) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let start = std::time::Instant::now();
    let mut tables = sample(Shape::TwoHidden, count, 1, threads);
    let seconds = start.elapsed().as_secs_f64();
    tables.sort_unstable();
    tables.dedup();
    println!(
        "{count} networks on {threads} threads in {seconds:.2} s: {:.0} networks/s ({} distinct functions)",
        count as f64 / seconds,
        tables.len()
    );
    ExitCode::SUCCESS
}
