//! The Reward chapter: every claim against its source, with the experiments at test scale.

mod common;

use common::run_chapter_tests;
use std::process::ExitCode;

use reward::experiments::Results;

fn main() -> ExitCode {
    run_chapter_tests::<reward::Reward>(extras![
        a_wrong_weight_fails_the_finite_difference_check,
        a_truncated_ascent_misses_the_posterior,
        zero_advantage_is_unchanged_not_more_likely,
        best_of_n_rejects_wrong_divergences,
        the_density_ratio_criteria_reject_wrong_values,
    ])
}

/// The identity is not an artefact of a loose comparison: a wrong weight (the raw reward in
/// place of the advantage) misses the advantage-weighted gradient by far more than the bar.
fn a_wrong_weight_fails_the_finite_difference_check(_: &Results) {
    use reward::policy_gradient::{
        Sample, finite_difference, reinforce, relative_error, weighted_log_likelihood,
    };
    let cfg = reward::updates::UpdateConfig::test_scale();
    let task = cfg.bandit();
    let theta = vec![0.3, -0.1, 0.2, 0.0, -0.4];
    // Each arm once, weighted by its reward minus the mean reward.
    let arms = task.enumerate(&theta);
    let mean = arms.iter().map(|(t, _)| t.ret).sum::<f64>() / arms.len() as f64;
    let samples: Vec<Sample> = arms
        .into_iter()
        .map(|(trajectory, _)| Sample {
            advantage: trajectory.ret - mean,
            trajectory,
        })
        .collect();
    let fd = finite_difference(&theta, 1e-5, |t| {
        weighted_log_likelihood(&task, t, &samples)
    });
    let raw: Vec<Sample> = samples
        .iter()
        .map(|s| Sample {
            advantage: s.trajectory.ret,
            ..s.clone()
        })
        .collect();
    assert!(relative_error(&reinforce(&task, &theta, &samples), &fd) < 1e-6);
    assert!(relative_error(&reinforce(&task, &theta, &raw), &fd) > 1e-2);
}

/// Gradient ascent is compared with the posterior only after it stops: started elsewhere
/// with too few steps, it is far from it, so the criterion can fail.
fn a_truncated_ascent_misses_the_posterior(_: &Results) {
    use reward::inference::{AscentConfig, Problem, Regulariser, ascend};
    let p = Problem::example(7);
    let short = AscentConfig {
        max_steps: 10,
        ..AscentConfig::default()
    };
    assert!(ascend(&p, Regulariser::Kl, 0.1, &short).error > 1e-3);
}

/// A zero advantage is a class of its own: the trajectory does not move, and a trajectory at
/// the expected return that moved either way would count against the claim.
fn zero_advantage_is_unchanged_not_more_likely(r: &Results) {
    use reward::updates::{Direction, classes, mismatches};
    assert_eq!(Direction::of(0.0), Direction::Unchanged);
    assert_eq!(Direction::of(-0.0), Direction::Unchanged);
    assert_eq!(mismatches(&[(0.0, 0.0), (-0.5, -1e-3), (0.5, 1e-3)]), 0);
    assert_eq!(mismatches(&[(0.0, 1e-3)]), 1);
    assert_eq!(mismatches(&[(0.0, -1e-3)]), 1);
    // The corridor at its uniform start has episodes at the expected return, and none moved.
    let u = &r.updates;
    let [below, at, above] = classes(&u.corridor);
    assert!(below > 0 && at > 0 && above > 0, "{below} {at} {above}");
    assert!(
        u.corridor
            .iter()
            .filter(|(a, _)| *a == 0.0)
            .all(|(_, d)| *d == 0.0)
    );
}

/// The best-of-N criterion pins the value down: the formula passes, and values a wrong
/// density ratio would give — the naive log N, the formula shifted by a hundredth of a nat
/// either way — fail.
fn best_of_n_rejects_wrong_divergences(r: &Results) {
    use reward::best_of_n::{kl_formula, kl_top_quantile};
    let b = &r.best_of_n;
    let ns: Vec<u64> = b.points.iter().map(|p| p.n).collect();
    let formula: Vec<f64> = ns.iter().map(|&n| kl_formula(n)).collect();
    assert!(b.agrees(&formula));
    let naive: Vec<f64> = ns.iter().map(|&n| kl_top_quantile(n)).collect();
    assert!(!b.agrees(&naive));
    for shift in [-0.01, 0.01] {
        let shifted: Vec<f64> = formula.iter().map(|f| f + shift).collect();
        assert!(!b.agrees(&shifted), "shift {shift}");
    }
    assert!(!b.agrees(&formula[1..]), "a candidate must give every N");
}

/// The density-ratio and tied-score criteria pin the value down too: the formula shifted by a
/// hundredth of a nat fails the first, and the exact tied-score divergence shifted so fails
/// the second, as does the naive log N for either.
fn the_density_ratio_criteria_reject_wrong_values(r: &Results) {
    use reward::best_of_n::{kl_formula, kl_top_quantile, ratio_agrees, ties_agree};
    let b = &r.best_of_n;
    let m = b.config.samples;
    let formula: Vec<f64> = b.ratio.iter().map(|c| kl_formula(c.n)).collect();
    assert!(ratio_agrees(&b.ratio, &formula, m));
    let naive: Vec<f64> = b.ratio.iter().map(|c| kl_top_quantile(c.n)).collect();
    assert!(!ratio_agrees(&b.ratio, &naive, m));
    let exact: Vec<f64> = b.ties.iter().map(|t| t.exact).collect();
    assert!(ties_agree(&b.ties, &exact, m));
    for shift in [-0.01, 0.01] {
        let shifted: Vec<f64> = formula.iter().map(|f| f + shift).collect();
        assert!(!ratio_agrees(&b.ratio, &shifted, m), "shift {shift}");
        let shifted: Vec<f64> = exact.iter().map(|f| f + shift).collect();
        assert!(!ties_agree(&b.ties, &shifted, m), "shift {shift}");
    }
}
