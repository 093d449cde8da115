//! The Speed chapter: every claim against its source, with the network experiments at test
//! scale.

mod common;

use common::run_chapter_tests;
use std::process::ExitCode;

use speed::experiments::Results;

fn main() -> ExitCode {
    run_chapter_tests::<speed::Speed>(extras![
        enough_draws_fit_for_the_correlation_to_mean_something,
        a_shuffled_pairing_destroys_the_correlation,
    ])
}

fn enough_draws_fit_for_the_correlation_to_mean_something(r: &Results) {
    let r = &r.sampler;
    assert!(r.accepted >= 200, "prior draws that fit: {}", r.accepted);
    assert!(
        r.fitted * 10 >= r.config.sgd_runs * 9,
        "SGD runs that fit: {}",
        r.fitted
    );
    assert!(
        r.common().len() >= 10,
        "functions in common: {}",
        r.common().len()
    );
}

fn a_shuffled_pairing_destroys_the_correlation(r: &Results) {
    // The correlation is not an artefact of both measures' heavy tails: pair each
    // function's prior probability with another function's SGD frequency and it drops.
    let r = &r.sampler;
    let pts = r.common();
    let shifted: Vec<(f64, f64)> = pts
        .iter()
        .zip(pts.iter().cycle().skip(pts.len() / 2))
        .map(|(a, b)| (a.0.log10(), b.1.log10()))
        .collect();
    let shuffled = nets::stats::pearson(&shifted);
    assert!(
        shuffled < r.log_correlation() - 0.3,
        "mismatched pairs correlate at {shuffled}, matched at {}",
        r.log_correlation()
    );
}
