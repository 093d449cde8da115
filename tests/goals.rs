//! The Goals chapter: every claim against its source, with the experiments at test scale.

mod common;

use common::run_chapter_tests;
use std::process::ExitCode;

use goals::experiments::Results;

fn main() -> ExitCode {
    run_chapter_tests::<goals::Goals>(extras![
        a_network_does_not_depend_on_the_thread_it_ran_on,
        zero_strength_is_no_intervention,
        the_retargeting_share_can_reach_the_bar,
    ])
}

/// The networks are split over two threads by index; a network trained again alone, on
/// this thread, is the same bit for bit.
fn a_network_does_not_depend_on_the_thread_it_ran_on(r: &Results) {
    let cfg = &r.slot.config;
    let last = r.slot.networks.len() as u64 - 1;
    let again = goals::slot::run_network(cfg, last);
    assert_eq!(&again, r.slot.networks.last().expect("a network"));
}

/// At α = 0 both directions add nothing, so they give the same episodes; any difference
/// would be an artefact of the rollouts, not of the direction.
fn zero_strength_is_no_intervention(r: &Results) {
    for layer in r.slot.steering_by_layer() {
        let zero = layer
            .iter()
            .find(|p| p.strength == 0.0)
            .expect("α = 0 is tried");
        assert_eq!(zero.mean_difference, zero.random);
    }
}

/// The retargeting criterion is not out of reach for the episodes it is measured on:
/// rewriting the target in the observation, the same episodes and the same rule, meets it.
fn the_retargeting_share_can_reach_the_bar(r: &Results) {
    let (_, input_retargeted) = r.slot.input();
    assert!(
        input_retargeted >= goals::claims::REPURPOSED,
        "{input_retargeted}"
    );
}
