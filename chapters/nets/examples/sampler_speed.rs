//! Networks per second of the kit's sampler, for `bench/numpy_sampler.py`:
//! `cargo run -p nets --example sampler_speed -- [COUNT] [THREADS]`.

use nets::sampler::{Shape, sample};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut numbers = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.parse::<usize>() {
            Ok(n) if n > 0 => numbers.push(n),
            _ => {
                eprintln!("sampler_speed: expected a positive whole number, got {arg:?}");
                eprintln!("usage: sampler_speed [COUNT] [THREADS]");
                return ExitCode::FAILURE;
            }
        }
    }
    let count = numbers.first().copied().unwrap_or(1_000_000);
    let threads = numbers.get(1).copied().unwrap_or(2);
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
