//! The Indifference chapter: every claim against its source, with the Monte Carlo and the
//! network experiments at test scale.

mod common;

use common::run_chapter_tests;
use std::process::ExitCode;

use indifference::experiments::Results;

fn main() -> ExitCode {
    run_chapter_tests::<indifference::Indifference>(extras![
        the_function_count_gives_the_binomial_and_the_measures_are_apart,
        printed_values_are_the_expected_ones,
    ])
}

fn the_function_count_gives_the_binomial_and_the_measures_are_apart(r: &Results) {
    use indifference::crux::function_accuracy_pmf;
    let pmf = function_accuracy_pmf(10);
    assert!((pmf.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!((pmf[5] - 252.0 / 1024.0).abs() < 1e-12);
    for p in r.crux.points() {
        assert!(
            p.parameters.test_accuracies.len() >= 10,
            "m = {}: too few accepted",
            p.m
        );
        assert!(p.function_schemer_probability > p.sgd.schemer_share());
        // The rival is the function count itself, sampled: a coin flip on each unseen input.
        assert!(!p.uniform.test_accuracies.is_empty());
        assert!(
            (p.uniform.mean_accuracy() - 0.5).abs() < 0.02,
            "m = {}",
            p.m
        );
    }
}

fn printed_values_are_the_expected_ones(r: &Results) {
    let claims = indifference::claims::claims(r);
    let text = |id| {
        claims
            .iter()
            .find(|c| c.id == id)
            .expect(id)
            .computed_text(ledger::Style::Plain)
            .expect("printable")
    };
    assert_eq!(text("coarse-graining.any-event-half"), "0.50");
    assert_eq!(text("cube-factory.three-answers"), "3 distinct answers");
    assert!(text("symmetries.permutations").ends_with("10^95"));
    assert_eq!(text("symmetries.rescalings"), "80 dimensions");
}
