//! The Speed chapter: every claim against its source, with the network experiments at test
//! scale.

mod common;

use ledger::Claim;
use speed::experiments::{Results, Scale, run};
use std::sync::OnceLock;

/// The experiments at test scale, run once for the whole test binary.
fn results() -> &'static Results {
    static RESULTS: OnceLock<Results> = OnceLock::new();
    RESULTS.get_or_init(|| run(&Scale::test()))
}

fn claims() -> Vec<Claim> {
    speed::claims::claims_from(results())
}

claim_tests! { claims;
    toy_steps => "toy.steps",
    toy_prior_made_up => "toy.prior-made-up",
    toy_bit_per_step => "toy.bit-per-step",
    updates_million => "updates.million",
    updates_hundred_steps_few => "updates.hundred-steps-few",
    speed_cost_serial_share => "speed-cost.serial-share",
    speed_cost_sgd_prefers_non_schemers => "speed-cost.sgd-prefers-non-schemers",
    speed_cost_worth_it => "speed-cost.worth-it",
    extra_reasoning_cost => "extra-reasoning.cost",
    sgd_vs_prior_correlation => "sgd-vs-prior.correlation",
    speed_credences => "speed.credences",
}

#[test]
fn quotes_are_verbatim_from_their_seeds() {
    common::assert_quotes_verbatim(&claims());
}

#[test]
fn enough_draws_fit_for_the_correlation_to_mean_something() {
    let r = &results().sampler;
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

#[test]
fn a_shuffled_pairing_destroys_the_correlation() {
    // The correlation is not an artefact of both measures' heavy tails: pair each
    // function's prior probability with another function's SGD frequency and it drops.
    let r = &results().sampler;
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
