//! The Simplicity chapter: every claim against its source, with the sampling and the
//! network experiments at test scale.

mod common;

use common::run_chapter_tests;
use std::process::ExitCode;

use simplicity::experiments::{Results, Scale};

fn main() -> ExitCode {
    run_chapter_tests::<simplicity::Simplicity>(extras![
        sampling_does_not_depend_on_the_thread_count,
        the_spectral_runs_do_not_depend_on_the_thread_they_run_on,
        the_spectral_order_criterion_can_fail,
        the_spectral_exceptions_are_the_pairs_out_of_order,
        the_residual_runs_do_not_depend_on_the_thread_count,
        a_lesion_that_breaks_the_fit_fails_the_smoothness_criterion,
        the_parody_does_not_depend_on_the_thread_count,
    ])
}

fn sampling_does_not_depend_on_the_thread_count(_: &Results) {
    use simplicity::sampler::{Shape, sample};
    let one = sample(Shape::TwoHidden, 20_000, 7, 1);
    let two = sample(Shape::TwoHidden, 20_000, 7, 2);
    assert_eq!(one, two);
}

fn the_spectral_runs_do_not_depend_on_the_thread_they_run_on(_: &Results) {
    // `spectral::run` trains the two targets on two threads; each alone gives the same.
    use simplicity::spectral::{self, Amplitudes};
    let mut cfg = Scale::test().spectral;
    cfg.steps = 200;
    let both = spectral::run(&cfg);
    assert_eq!(both.equal, spectral::train(&cfg, Amplitudes::Equal));
    assert_eq!(
        both.increasing,
        spectral::train(&cfg, Amplitudes::Increasing)
    );
}

fn the_spectral_order_criterion_can_fail(_: &Results) {
    // A run whose high frequency is learned before its low one gets a negative ρ.
    use simplicity::spectral::{Amplitudes, SpectralRun};
    let run = SpectralRun {
        amplitudes: Amplitudes::Equal,
        steps: vec![0, 100, 200, 300],
        spectrum: vec![
            vec![0.0, 0.0, 0.0],
            vec![0.0, 0.0, 0.9],
            vec![0.0, 0.8, 0.9],
            vec![0.7, 0.8, 0.9],
        ],
        final_loss: 0.0,
    };
    assert_eq!(run.learned_at(0.5), vec![Some(300), Some(200), Some(100)]);
    assert!(run.order_correlation(0.5).expect("defined") < 0.0);
    assert!(!run.learned_in_order(0.5));
}

fn the_spectral_exceptions_are_the_pairs_out_of_order(_: &Results) {
    // Frequencies 0 and 1 learned together, 3 before 2, and 4 never: one exception.
    use simplicity::spectral::{Amplitudes, SpectralRun};
    let run = SpectralRun {
        amplitudes: Amplitudes::Equal,
        steps: vec![0, 100, 200, 300],
        spectrum: vec![
            vec![0.0, 0.0, 0.0, 0.0, 0.0],
            vec![0.6, 0.7, 0.0, 0.0, 0.1],
            vec![0.6, 0.7, 0.0, 0.9, 0.1],
            vec![0.6, 0.7, 0.8, 0.9, 0.1],
        ],
        final_loss: 0.0,
    };
    assert_eq!(run.learning_order(0.5), vec![vec![0, 1], vec![3], vec![2]]);
    assert_eq!(run.exceptions(0.5), vec![(2, 3)]);
    assert_eq!(run.learned(0.5), 4);
}

fn the_residual_runs_do_not_depend_on_the_thread_count(_: &Results) {
    use simplicity::residual::{ResidualConfig, run};
    let one = ResidualConfig {
        steps: 50,
        paths_per_length: 2,
        lesion_sets: 2,
        threads: 1,
        ..ResidualConfig::default()
    };
    let three = ResidualConfig {
        threads: 3,
        ..one.clone()
    };
    let (a, b) = (run(&one), run(&three));
    assert_eq!(a.standard, b.standard);
    assert_eq!(a.scaled, b.scaled);
    assert_eq!(a.plain, b.plain);
}

fn a_lesion_that_breaks_the_fit_fails_the_smoothness_criterion(_: &Results) {
    // The criterion reads the largest fall of the mean fit, the whole network included.
    use simplicity::claims::SMOOTH_DROP;
    use simplicity::residual::Lesions;
    let lesions = |several: Vec<Vec<f64>>| Lesions {
        whole: 0.99,
        one: vec![0.9],
        several,
    };
    let gradual = lesions(vec![vec![0.9, 0.8], vec![0.7, 0.72], vec![0.6, 0.6]]);
    let broken = lesions(vec![vec![0.9, 0.8], vec![0.1, 0.2], vec![0.0, 0.1]]);
    assert!(gradual.largest_drop() <= SMOOTH_DROP);
    assert!(broken.largest_drop() > SMOOTH_DROP);
    assert_eq!(gradual.several_means().len(), 4);
}

fn the_parody_does_not_depend_on_the_thread_count(_: &Results) {
    use simplicity::parody::{ParodyConfig, run};
    let mut one = ParodyConfig::test_scale();
    one.runs = 6;
    one.prior_samples = 5_000;
    one.threads = 1;
    let two = ParodyConfig {
        threads: 2,
        ..one.clone()
    };
    let (a, b) = (run(&one), run(&two));
    assert_eq!(a.trained, b.trained);
    assert_eq!(a.prior, b.prior);
    assert_eq!(a.completions, b.completions);
}
