//! The Simplicity chapter: every claim against its source, with the sampling and the
//! network experiments at test scale.

mod common;

use ledger::Claim;
use simplicity::experiments::{Results, Scale, run};
use std::sync::OnceLock;

/// The experiments at test scale, run once for the whole test binary.
fn results() -> &'static Results {
    static RESULTS: OnceLock<Results> = OnceLock::new();
    RESULTS.get_or_init(|| run(&Scale::test()))
}

fn claims() -> Vec<Claim> {
    simplicity::claims::claims_from(results())
}

claim_tests! { claims;
    code_efficient_code_ranks_by_probability => "code.efficient-code-ranks-by-probability",
    code_simplicity_is_likelihood => "code.simplicity-is-likelihood",
    code_simplicity_is_ambiguous => "code.simplicity-is-ambiguous",
    bias_parameters_are_not_functions => "bias.parameters-are-not-functions",
    bias_probable_functions_are_simple => "bias.probable-functions-are-simple",
    bias_perceptron_ones_uniform => "bias.perceptron-ones-uniform",
    paths_gradient_from_short_paths => "paths.gradient-from-short-paths",
    paths_lesion => "paths.lesion",
    paths_effective_share => "paths.effective-share",
    spectral_low_frequencies_first => "spectral.low-frequencies-first",
    spectral_low_first_despite_amplitude => "spectral.low-first-despite-amplitude",
    parody_trained_nets_do_not_answer_a_constant => "parody.trained-nets-do-not-answer-a-constant",
    parody_overfitting_is_not_simpler => "parody.overfitting-is-not-simpler",
    parody_low_sensitivity => "parody.low-sensitivity",
    parody_treacherous_turn_is_sensitive => "parody.treacherous-turn-is-sensitive",
    opinion_if_then_chains => "opinion.if-then-chains",
    opinion_no_account_supports_scheming => "opinion.no-account-supports-scheming",
}

#[test]
fn quotes_are_verbatim_from_their_seeds() {
    common::assert_quotes_verbatim(&claims());
}

#[test]
fn sampling_does_not_depend_on_the_thread_count() {
    use simplicity::sampler::{Shape, sample};
    let one = sample(Shape::TwoHidden, 20_000, 7, 1);
    let two = sample(Shape::TwoHidden, 20_000, 7, 2);
    assert_eq!(one, two);
}

#[test]
fn every_figure_renders() {
    use simplicity::figures::*;
    use simplicity::spectral::Amplitudes;
    let r = results();
    for svg in [
        draw_code_lengths(&simplicity::code::worked()),
        draw_rank_frequency(&r.bias),
        draw_probability_complexity(&r.bias),
        draw_perceptron(&r.perceptron_ones),
        draw_path_lengths(),
        draw_residual_gradient(&r.residual),
        draw_lesions(&r.residual),
        draw_spectral(&r.spectral, Amplitudes::Equal),
        draw_spectral(&r.spectral, Amplitudes::Increasing),
        draw_parody_sensitivity(&r.parody),
    ] {
        check_drawn(&svg.expect("renders"));
    }
    assert_eq!(figures().len(), 10, "a new figure needs a line above");

    /// An SVG document that is a drawing, not just a `<svg` tag: well-formed XML whose root
    /// has a positive width and height, with lines or shapes drawn and text written, and no
    /// coordinate that came out NaN or infinite.
    fn check_drawn(svg: &str) {
        let doc = roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{svg:.300}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        for side in ["width", "height"] {
            let size: f64 = root
                .attribute(side)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("the root has no numeric {side}"));
            assert!(size > 0.0, "{side} {size}");
        }
        let count = |names: &[&str]| {
            root.descendants()
                .filter(|n| names.contains(&n.tag_name().name()))
                .count()
        };
        assert!(
            count(&["path", "polyline", "polygon", "line", "circle"]) > 0,
            "nothing is drawn"
        );
        let texts = root
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .filter_map(|n| n.text())
            .filter(|t| !t.trim().is_empty())
            .count();
        assert!(texts > 0, "no text (axis labels, title)");
        let geometry = [
            "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d",
        ];
        for node in root.descendants() {
            for a in node.attributes().filter(|a| geometry.contains(&a.name())) {
                let v = a.value().to_ascii_lowercase();
                assert!(
                    !v.contains("nan") && !v.contains("inf"),
                    "<{}> {}=\"{}\": not a finite coordinate",
                    node.tag_name().name(),
                    a.name(),
                    a.value()
                );
            }
        }
    }
}

#[test]
fn the_spectral_runs_do_not_depend_on_the_thread_they_run_on() {
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

#[test]
fn the_spectral_order_criterion_can_fail() {
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

#[test]
fn the_parody_does_not_depend_on_the_thread_count() {
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
