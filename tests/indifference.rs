//! The Indifference chapter: every claim against its source, with the Monte Carlo and the
//! network experiments at test scale.

mod common;

use indifference::experiments::{Results, Scale, run};
use ledger::Claim;
use std::sync::OnceLock;

/// The experiments at test scale, run once for the whole test binary.
fn results() -> &'static Results {
    static RESULTS: OnceLock<Results> = OnceLock::new();
    RESULTS.get_or_init(|| run(&Scale::test()))
}

fn claims() -> Vec<Claim> {
    indifference::claims::claims_from(results())
}

claim_tests! { claims;
    coarse_graining_any_event_half => "coarse-graining.any-event-half",
    coarse_graining_seven_ordered_pairs => "coarse-graining.seven-ordered-pairs",
    coarse_graining_seven_unordered_pairs => "coarse-graining.seven-unordered-pairs",
    coarse_graining_seven_sums => "coarse-graining.seven-sums",
    orientation_corners_haar => "orientation.corners-haar",
    orientation_corners_euler => "orientation.corners-euler",
    orientation_euler_vs_haar => "orientation.euler-vs-haar",
    orientation_real_dice => "orientation.real-dice",
    orientation_nickel_edge => "orientation.nickel-edge",
    orientation_nickel_real => "orientation.nickel-real",
    bertrand_three_answers => "bertrand.three-answers",
    bertrand_endpoints => "bertrand.endpoints",
    bertrand_radial_point => "bertrand.radial-point",
    bertrand_midpoint => "bertrand.midpoint",
    cube_factory_three_answers => "cube-factory.three-answers",
    restaurants_two_carvings => "restaurants.two-carvings",
    restaurants_preference_outweighs_count => "restaurants.preference-outweighs-count",
    symmetries_permutations => "symmetries.permutations",
    symmetries_rescalings => "symmetries.rescalings",
    crux_sgd_is_not_uniform_over_functions => "crux.sgd-is-not-uniform-over-functions",
    crux_parameters_track_sgd => "crux.parameters-track-sgd",
    crux_schemer_analog => "crux.schemer-analog",
}

#[test]
fn quotes_are_verbatim_from_their_seeds() {
    common::assert_quotes_verbatim(&claims());
}

#[test]
fn the_function_count_gives_the_binomial_and_the_measures_are_apart() {
    use indifference::crux::function_accuracy_pmf;
    let pmf = function_accuracy_pmf(10);
    assert!((pmf.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    assert!((pmf[5] - 252.0 / 1024.0).abs() < 1e-12);
    for p in &results().crux.points {
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
