//! The Reward chapter: every claim against its source, with the experiments at test scale.

mod common;

use ledger::Claim;
use reward::experiments::{Results, Scale, run};
use std::sync::OnceLock;

/// The experiments at test scale, run once for the whole test binary.
fn results() -> &'static Results {
    static RESULTS: OnceLock<Results> = OnceLock::new();
    RESULTS.get_or_init(|| run(&Scale::test()))
}

fn claims() -> Vec<Claim> {
    reward::claims::claims_from(results())
}

claim_tests! { claims;
    update_learning_rate_per_datapoint => "update.learning-rate-per-datapoint",
    update_advantage_not_reward => "update.advantage-not-reward",
    update_negative_imitation => "update.negative-imitation",
    update_reward_goes_up => "update.reward-goes-up",
    update_no_reward_seekers => "update.no-reward-seekers",
    update_bostrom_reward_seeking => "update.bostrom-reward-seeking",
    update_no_rlhf_no_gpt4 => "update.no-rlhf-no-gpt4",
    inference_kl_posterior => "inference.kl-posterior",
    inference_vanishing_beta => "inference.vanishing-beta",
    inference_entropy_uniform_prior => "inference.entropy-uniform-prior",
    best_of_n_kl_continuous => "best-of-n.kl-continuous",
    best_of_n_kl_discrete => "best-of-n.kl-discrete",
    hospital_adversarial_examples => "hospital.adversarial-examples",
    hospital_no_scheming_plans => "hospital.no-scheming-plans",
    hospital_no_coherent_pursuit => "hospital.no-coherent-pursuit",
    frog_behave_right => "frog.behave-right",
    frog_not_arbitrary => "frog.not-arbitrary",
    frog_fuzzy => "frog.fuzzy",
    opinion_scheming_credence => "opinion.scheming-credence",
    opinion_researcher_hours => "opinion.researcher-hours",
    opinion_misdirected_hours => "opinion.misdirected-hours",
    opinion_single_bit => "opinion.single-bit",
}

#[test]
fn quotes_are_verbatim_from_their_seeds() {
    common::assert_quotes_verbatim(&claims());
}

/// The identity is not an artefact of a loose comparison: a wrong weight (the raw reward in
/// place of the advantage) misses the advantage-weighted gradient by far more than the bar.
#[test]
fn a_wrong_weight_fails_the_finite_difference_check() {
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
#[test]
fn a_truncated_ascent_misses_the_posterior() {
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
#[test]
fn zero_advantage_is_unchanged_not_more_likely() {
    use reward::updates::{Direction, classes, mismatches};
    assert_eq!(Direction::of(0.0), Direction::Unchanged);
    assert_eq!(Direction::of(-0.0), Direction::Unchanged);
    assert_eq!(mismatches(&[(0.0, 0.0), (-0.5, -1e-3), (0.5, 1e-3)]), 0);
    assert_eq!(mismatches(&[(0.0, 1e-3)]), 1);
    assert_eq!(mismatches(&[(0.0, -1e-3)]), 1);
    // The corridor at its uniform start has episodes at the expected return, and none moved.
    let u = &results().updates;
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
#[test]
fn best_of_n_rejects_wrong_divergences() {
    use reward::best_of_n::{kl_formula, kl_top_quantile};
    let b = &results().best_of_n;
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
