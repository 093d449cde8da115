//! The chapter's claims: what the sources say about reward, RL as inference, best-of-N and
//! goals, beside what the chapter computes for each.
//!
//! The identities (the policy-gradient update, RL as inference, the best-of-N divergence) are
//! checked at full precision: they are mathematics, and the toy problems are their own
//! setting ([`Basis::Full`]). The planner and the trained policies are small-scale
//! analogues ([`Basis::Small`]). Opinions and facts about systems the book cannot run enter
//! as not checkable, with the reason.

use crate::experiments::{self, Results};
use crate::inference::Regulariser;
use ledger::{Basis, Claim, Computed, Quantity, Seed, Source, Stated, Verdict};

const CHAPTER: &str = "reward";

/// Gradient ascent must land within this of the closed-form optimum (the bar).
pub const MATCH: f64 = 1e-6;

/// A Monte Carlo estimate agrees with a formula when within this many standard errors at
/// every N (about 6 × 10⁻⁵ per point for a normal estimate: a Bonferroni margin for the grid).
pub const Z_AGREE: f64 = 4.0;

/// "Rises at first": the best true quality over N exceeds best-of-1 by at least this much.
pub const RISE: f64 = 0.05;

fn criterion(criterion: String, holds: bool, value: impl Into<Value>, basis: Basis) -> Computed {
    match basis {
        Basis::Small => Computed::small(criterion, holds, value.into().0),
        _ => Computed::full(criterion, holds, value.into().0),
    }
}

/// The number a criterion rests on: a real, or a count (printed as an integer).
struct Value(Quantity);

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value(Quantity::Real(x))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value(Quantity::Integer(n.into()))
    }
}

fn claim(
    id: &'static str,
    source: Source,
    stated: &'static str,
    computed: Computed,
    unit: &'static str,
    digits: usize,
    expect: Verdict,
) -> Claim {
    Claim {
        id,
        chapter: CHAPTER,
        source,
        stated: Stated::Statement(stated),
        computed,
        unit,
        digits,
        expect,
    }
}

fn opinion(id: &'static str, source: Source, stated: &'static str, why: &'static str) -> Claim {
    Claim {
        id,
        chapter: CHAPTER,
        source,
        stated: Stated::Unverifiable(stated),
        computed: Computed::Nothing { why },
        unit: "",
        digits: 0,
        expect: Verdict::NotCheckable,
    }
}

/// Every claim of the chapter, with the experiments at the book's scale.
pub fn claims() -> Vec<Claim> {
    claims_from(experiments::book())
}

/// Every claim of the chapter, with the experiments' results given.
pub fn claims_from(r: &Results) -> Vec<Claim> {
    let mut all = update_claims(r);
    all.extend(inference_claims(r));
    all.extend(best_of_n_claims(r));
    all.extend(frog_claims(r));
    all.extend(opinion_claims());
    all
}

/// What a policy-gradient update does with reward (Turner's memo, the essay's footnote).
pub fn update_claims(r: &Results) -> Vec<Claim> {
    let u = &r.updates;
    let c = &u.config;
    let worst = u
        .reinforce_error
        .iter()
        .chain(&u.ppo_error)
        .fold(0.0, |m: f64, x| m.max(*x));
    let below = u.corridor.iter().filter(|(a, _)| *a < 0.0).count();
    vec![
        claim(
            "update.learning-rate-per-datapoint",
            Seed::Turner.quote(
                "The actual PPO+Adam update equations show that the \"reward\" is used to, basically, control the learning rate on each (state, action) datapoint.",
            ),
            "the PPO update is a log-likelihood step on each (state, action) datapoint, its size set by the reward signal",
            criterion(
                format!(
                    "holds if, on a {}-armed bandit and a {}-step corridor, the REINFORCE update and the finite-difference gradient of PPO's clipped objective at the old policy (ε = {}) both equal the finite-difference gradient of Σ A·log π(a|s) — imitation of each datapoint weighted by its advantage A — to relative error below {MATCH:e} (largest: {worst:.1e}); under Adam the advantages set the datapoints' relative weights but not the overall step: multiplying every reward by ten multiplies the plain gradient step by {:.1} and moves Adam's first step by {:.1e}",
                    c.means.len(),
                    c.horizon,
                    c.eps,
                    u.sgd_rescaled_ratio,
                    u.adam_rescaled_change
                ),
                worst < MATCH,
                worst,
                Basis::Full,
            ),
            "",
            2,
            Verdict::Reproduced,
        ),
        claim(
            "update.advantage-not-reward",
            Seed::Turner.quote(
                "the (important) distinction between a learning rate which is proportional to advantage (as in the real PPO equations) and a learning rate which is proportional to reward",
            ),
            "the step on each datapoint is proportional to its advantage, not its reward",
            criterion(
                format!(
                    "holds if, with every bandit reward positive, a step weighted by raw reward raises the probability of every one of {} samples (share lowered: {:.2}), while a step weighted by advantage (reward minus the batch mean) lowers exactly the samples below the mean (share lowered {:.2}, share below the mean {:.2})",
                    u.bandit.len(),
                    u.share_pushed_down_raw(),
                    u.share_pushed_down(),
                    u.share_below_baseline()
                ),
                u.rewards_positive()
                    && u.share_pushed_down_raw() == 0.0
                    && u.share_pushed_down() == u.share_below_baseline()
                    && u.share_pushed_down() > 0.0,
                u.share_pushed_down(),
                Basis::Full,
            ),
            "",
            2,
            Verdict::Reproduced,
        ),
        claim(
            "update.negative-imitation",
            Seed::BelrosePope.quote(
                "Even when there is no regularizer, we can view RL algorithms like REINFORCE as a form of “generalized” imitation learning, where trajectories with less-than-expected reward are negatively imitated.",
            ),
            "REINFORCE imitates trajectories above the expected reward and un-imitates those below it",
            criterion(
                format!(
                    "holds if a REINFORCE step on one trajectory alone lowers its probability exactly when its return is below the expected return: all {} corridor episodes (the {below} below the expected return {:.2} made less likely, the rest more), and all {} bandit samples under REINFORCE and PPO-clip alike",
                    u.corridor.len(),
                    u.return_before,
                    u.bandit.len()
                ),
                u.signs_follow_advantage() && below > 0,
                below as u64,
                Basis::Full,
            ),
            "",
            3,
            Verdict::Reproduced,
        ),
        claim(
            "update.reward-goes-up",
            Seed::Turner.quote(
                "We also have a bunch of examples of using this algorithm where the trained policy's behavior makes the reward number go up on its trajectories.",
            ),
            "training with the algorithm makes the reward go up on the policy's trajectories",
            criterion(
                format!(
                    "holds if {} REINFORCE iterations of {} episodes raise the corridor policy's exact expected return from {:.2} to at least 90% of the best possible {:.0}",
                    c.iterations, c.batch, u.return_before, u.return_best
                ),
                u.return_after >= 0.9 * u.return_best,
                u.return_after,
                Basis::Small,
            ),
            "",
            3,
            Verdict::Qualitative,
        ),
        opinion(
            "update.no-reward-seekers",
            Seed::Turner.quote(
                "There is not a single case where we have used RL to train an artificial system which intentionally “seeks to maximize” reward.",
            ),
            "no RL-trained system intentionally seeks to maximize reward",
            "a claim about every RL-trained system and its intentions; the book's experiments show what the update does with reward (update.learning-rate-per-datapoint), not what a trained system wants",
        ),
        opinion(
            "update.bostrom-reward-seeking",
            Seed::Turner.quote(
                "they typically involve creating a system that seeks to maximize a reward signal.",
            ),
            "RL approaches typically create a system that seeks to maximize a reward signal (Bostrom, quoted by Turner)",
            "whether a trained system comes to seek its reward is a question about its internal goals, which a toy policy cannot settle; what the book can check is that the reward enters training only as a weight on each datapoint (update.learning-rate-per-datapoint)",
        ),
        opinion(
            "update.no-rlhf-no-gpt4",
            Seed::Turner.quote("No RLHF, then no GPT-4 (as we know it)."),
            "without RLHF there would be no GPT-4 as we know it",
            "a counterfactual about an industrial system whose training the book cannot rerun",
        ),
    ]
}

/// KL-regularised RL as Bayesian inference (Korbak et al.), and the entropy bonus.
pub fn inference_claims(r: &Results) -> Vec<Claim> {
    let inf = &r.inference;
    let betas = |v: &[f64]| {
        v.iter()
            .map(|b| format!("{b}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let kl_err = inf.worst_error(Regulariser::Kl);
    let ent_err = inf.worst_error(Regulariser::Entropy);
    let mass = inf.mass_on_best();
    let rising = mass.windows(2).all(|w| w[1].1 >= w[0].1);
    let (beta_min, mass_min) = *mass.last().expect("betas");
    let prior_best = inf.problem.prior[inf.problem.best()];
    let k = inf.problem.prior.len();
    const KL_QUOTE: &str = "RL with KL penalties is better viewed as Bayesian inference, where the reward is “evidence” about what actions to take and the KL penalty keeps the model from straying too far from the prior.";
    vec![
        claim(
            "inference.kl-posterior",
            Seed::BelrosePope.quote(KL_QUOTE),
            "KL-regularised RL converges to the Bayesian posterior π0·exp(r/β)/Z",
            criterion(
                format!(
                    "holds if plain gradient ascent on E[r] − β·KL(π ‖ π0) over {k} outcomes, started at the prior, ends within {MATCH:e} of π0·exp(r/β)/Z at every β in {{{}}} (largest difference {kl_err:.1e})",
                    betas(&inf.config.betas)
                ),
                kl_err < MATCH,
                kl_err,
                Basis::Full,
            ),
            "",
            2,
            Verdict::Reproduced,
        ),
        claim(
            "inference.vanishing-beta",
            Seed::BelrosePope.quote(KL_QUOTE),
            "the weaker the KL penalty, the further from the prior: as β → 0 the policy collapses onto the best outcome",
            criterion(
                format!(
                    "holds if the posterior's mass on the best outcome rises at every step down β = {} from the prior's {prior_best:.3} to at least 1 − {MATCH:e} at β = {beta_min} (the value shown: β = {})",
                    betas(
                        &inf.config
                            .betas
                            .iter()
                            .chain(&inf.config.vanishing_betas)
                            .copied()
                            .collect::<Vec<_>>()
                    ),
                    mass[inf.config.betas.len()].0
                ),
                rising && mass_min >= 1.0 - MATCH,
                mass[inf.config.betas.len()].1,
                Basis::Full,
            ),
            "",
            6,
            Verdict::Reproduced,
        ),
        claim(
            "inference.entropy-uniform-prior",
            Seed::BelrosePope.quote(
                "RL with an entropy bonus is also Bayesian inference, where the prior is uniform over all possible actions.",
            ),
            "an entropy bonus is KL regularisation towards the uniform prior",
            criterion(
                format!(
                    "holds if gradient ascent on E[r] + β·H(π) ends within {MATCH:e} of softmax(r/β), the posterior under a uniform prior, at every β in {{{}}} (largest difference {ent_err:.1e})",
                    betas(&inf.config.betas)
                ),
                ent_err < MATCH,
                ent_err,
                Basis::Full,
            ),
            "",
            2,
            Verdict::Reproduced,
        ),
    ]
}

/// Best-of-N: the divergence it buys, and the hospital planner.
pub fn best_of_n_claims(r: &Results) -> Vec<Claim> {
    let b = &r.best_of_n;
    let last = b.points.last().expect("an N");
    let h = &r.hospital;
    let (heavy, light) = (&h.heavy, &h.light);
    let hl = heavy.last();
    let first = &heavy.points[0];
    let peak = heavy.peak();
    const BAYES: &str = "The “inner objective” acts less like the “true goal of the system,” and more like a Bayesian update on the LLM’s prior over operation plans.";
    vec![
        claim(
            "best-of-n.kl-continuous",
            Seed::BelrosePope.quote(BAYES),
            "best-of-N is a Bayesian update on the prior, moving it by log N − (N−1)/N nats",
            criterion(
                format!(
                    "holds if the Monte Carlo divergence of best-of-N from its base ({} draws at each N, continuous scores) is within {Z_AGREE} standard errors of log N − (N−1)/N at every N in {{{}}} (largest |z| {:.2})",
                    b.config.samples,
                    b.config
                        .ns
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    b.worst_z()
                ),
                b.worst_z() < Z_AGREE,
                last.monte_carlo.mean,
                Basis::Full,
            ),
            "nats",
            3,
            Verdict::Reproduced,
        ),
        claim(
            "best-of-n.kl-discrete",
            Seed::BelrosePope.quote(BAYES),
            "over finitely many outcomes the update moves less, and no further than the best outcome's surprise",
            criterion(
                format!(
                    "holds if, over {} outcomes with distinct scores, the exact divergence of best-of-N is strictly below log N − (N−1)/N at every N and, at N = {}, within 10⁻⁹ of −log π0(best) = {:.4} nats, however large N grows",
                    r.inference.problem.prior.len(),
                    last.n,
                    b.discrete_ceiling
                ),
                b.discrete_below() && (last.discrete - b.discrete_ceiling).abs() < 1e-9,
                last.discrete,
                Basis::Full,
            ),
            "nats",
            4,
            Verdict::Reproduced,
        ),
        claim(
            "hospital.adversarial-examples",
            Seed::BelrosePope.quote(
                "Rather, the system would produce adversarial examples to the classifier, such as instructing staff to constantly clean a surgical room, and not actually perform a surgery.",
            ),
            "at large N the planner picks the classifier's adversarial examples, such as plans that only clean",
            criterion(
                format!(
                    "holds if, with the heavy-tailed prior at N = {}, at least 90% of chosen plans dwell on cleaning beyond anything in the classifier's {} training plans (cleaning {:.1} on average against {:.1} at N = 1, clinical quality {:.2} against a peak of {:.2}), the classifier rates them at least 99% safe ({:.4}) and their true chance of avoiding a lawsuit ({:.3}) is below the prior's ({:.3})",
                    hl.n,
                    h.config.history,
                    hl.cleaning,
                    first.cleaning,
                    hl.clinical,
                    heavy
                        .points
                        .iter()
                        .map(|p| p.clinical)
                        .fold(f64::NEG_INFINITY, f64::max),
                    hl.proxy_chance,
                    hl.quality,
                    heavy.prior_quality
                ),
                hl.beyond_history >= 0.9
                    && hl.proxy_chance >= 0.99
                    && hl.quality < heavy.prior_quality,
                hl.beyond_history,
                Basis::Small,
            ),
            "",
            3,
            Verdict::Qualitative,
        ),
        opinion(
            "hospital.no-scheming-plans",
            Seed::BelrosePope.quote(
                "In particular, increasing N would not lead to the system producing “scheming” plans to advance the inner objective.",
            ),
            "no N makes the planner produce scheming plans",
            "the toy planner's prior proposes no scheming plans, so it cannot show whether a language model's prior would offer them and a classifier prefer them; hospital.adversarial-examples shows what strong selection does pick",
        ),
        claim(
            "hospital.no-coherent-pursuit",
            Seed::BelrosePope.quote(
                "The point: even arbitrary amounts of internal optimization power directed towards a simple inner objective can fail to lead to any sort of “globally coherent” pursuit of that objective in the system’s actual behaviors.",
            ),
            "more optimisation of the inner objective can fail to pursue it: the proxy rises while the true objective falls",
            criterion(
                format!(
                    "holds if, with the heavy-tailed prior, the classifier's score of the chosen plan rises at every doubling of N up to {}, while the true chance of avoiding a lawsuit first rises (from {:.3} at N = 1 to {:.3} at N = {}) and then falls below the prior's ({:.3} at N = {}); Gao et al.'s d(α − β·d) fitted to the true gain has β = {:.3} > 0 (α = {:.3}, R² = {:.2}, peak at d = {:.2} against the data's {:.2}); with the light-tailed prior the true chance instead ends at {:.3} (fit β = {:.3}, R² = {:.2})",
                    hl.n,
                    first.quality,
                    peak.quality,
                    peak.n,
                    hl.quality,
                    hl.n,
                    heavy.fit.beta,
                    heavy.fit.alpha,
                    heavy.fit.r2,
                    heavy.fit.peak_d(),
                    peak.d,
                    light.last().quality,
                    light.fit.beta,
                    light.fit.r2
                ),
                heavy.proxy_rises()
                    && peak.quality >= first.quality + RISE
                    && hl.quality < heavy.prior_quality
                    && heavy.fit.beta > 0.0,
                peak.n,
                Basis::Small,
            ),
            "",
            3,
            Verdict::Qualitative,
        ),
    ]
}

/// "Behaves the right way": every frog classifies fresh training-distribution scenes at
/// least this well. The nets are small and briefly trained on noisy scenes; this bar
/// separates having learned the task from chance (one half) with room for the noise.
pub const FROG_ACCURACY: f64 = 0.9;

/// "Arbitrary": the preference spreads across seeds like a coin flip between a dot detector
/// (+1) and a smell detector (−1), whose standard deviation is 1; half of that counts.
pub const COIN_FLIP_SPREAD: f64 = 0.5;

/// Fodor's frog: which of two perfectly correlated features the trained nets use.
pub fn frog_claims(r: &Results) -> Vec<Claim> {
    use crate::frog::SmellCode;
    let f = &r.frog;
    let c = &f.config;
    let nets = f.all().count() as u64;
    let worst = f.all().map(|x| x.accuracy).fold(1.0, f64::min);
    let crossover = |code| {
        f.crossover(code)
            .map_or("never".to_string(), |s| format!("at smell strength {s}"))
    };
    let mixed = f.mixed();
    let describe_mixed = mixed
        .iter()
        .map(|s| {
            let (p, q) = s.mean_snaps();
            format!(
                "{}, hidden {:?}, strength {}: pellet {p:.2}, smell {q:.2}",
                s.code.name(),
                s.architecture,
                s.smell
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    vec![
        claim(
            "frog.behave-right",
            Seed::BelrosePope.quote(
                "In reality, the problem faced by evolution and by SGD is much easier than this: producing systems that behave the right way in all scenarios they are likely to encounter.",
            ),
            "training only has to produce behaviour that is right on the scenarios the system meets",
            criterion(
                format!(
                    "holds if every one of {nets} trained frogs — dot users and smell users alike — snaps correctly at fresh scenes from the training distribution (a fly with its dot and smell, or nothing) at least {FROG_ACCURACY} of the time (worst {worst:.3})"
                ),
                worst >= FROG_ACCURACY,
                worst,
                Basis::Small,
            ),
            "",
            3,
            Verdict::Qualitative,
        ),
        claim(
            "frog.not-arbitrary",
            Seed::BelrosePope.quote(
                "Fodor pointed out that nature has no way of selecting, for example, frogs that “aim at eating flies in particular” rather than frogs that target “little black dots in the sky,” or “things that smell kind of like flies,” or any of an infinite number of deviant, “misaligned” proxy goals which would misgeneralize in counterfactual scenarios.",
            ),
            "training cannot tell the two targets apart, so which one a trained net ends up with is arbitrary",
            criterion(
                format!(
                    "holds if, in some setting, the preference (snaps at a pellet minus snaps at a fly without a dot) spreads across {} seeds like a coin flip between the two targets (standard deviation at least {COIN_FLIP_SPREAD}); over {} settings (hidden layers {:?}, smell strengths {:?} against a dot of {}, simple and XOR smell codes) the largest spread is {:.2}: the target is set by salience and simplicity — the nets switch from dot to smell {} with the simple code and {} with the XOR code",
                    c.seeds,
                    f.settings.len(),
                    c.architectures,
                    c.smells,
                    c.dot,
                    f.largest_spread(),
                    crossover(SmellCode::Linear),
                    crossover(SmellCode::Xor)
                ),
                f.largest_spread() >= COIN_FLIP_SPREAD,
                f.largest_spread(),
                Basis::Small,
            ),
            "",
            2,
            Verdict::NotReproduced,
        ),
        claim(
            "frog.fuzzy",
            Seed::BelrosePope.quote(
                "Real-world representations are always fuzzy, because they are human abstractions derived from regularities in behavior.",
            ),
            "what a trained system targets is a matter of degree, read off its behaviour",
            criterion(
                format!(
                    "holds if, for each code and architecture, the preference for the dot falls at every step up in smell strength, and in some setting the nets snap at both a pellet and a dotless fly between 20% and 80% of the time on average — neither a dot detector nor a fly detector ({})",
                    if describe_mixed.is_empty() {
                        "none".to_string()
                    } else {
                        describe_mixed
                    }
                ),
                f.preference_falls_with_smell() && !mixed.is_empty(),
                mixed.len() as u64,
                Basis::Small,
            ),
            "",
            3,
            Verdict::Qualitative,
        ),
    ]
}

/// Opinions and estimates in the sources, entered so the ledger accounts for their numbers.
pub fn opinion_claims() -> Vec<Claim> {
    vec![
        opinion(
            "opinion.scheming-credence",
            Seed::BelrosePope.quote(
                "We therefore conclude that we should assign very low credence to the spontaneous emergence of scheming in future AI systems— perhaps 0.1% or less.",
            ),
            "a credence of 0.1% or less that scheming emerges spontaneously",
            "a credence, the authors' summing-up of their arguments; no computation turns arguments into this number",
        ),
        opinion(
            "opinion.researcher-hours",
            Seed::Turner.quote(
                "These deep errors have costs measured in tens of thousands of researcher-hours.",
            ),
            "tens of thousands of researcher-hours lost to the errors",
            "an estimate of the field's effort, for which the book has no records",
        ),
        opinion(
            "opinion.misdirected-hours",
            Seed::Turner.quote(
                "Due to the “RL->reward maximizing” meme, I personally misdirected thousands of hours on proving power-seeking theorems.",
            ),
            "thousands of the author's own hours misdirected",
            "the author's account of his own time",
        ),
        opinion(
            "opinion.single-bit",
            Seed::Turner.quote(
                "This argument is so weak/vague/intuitive, I doubt it’s more than a single bit of evidence for the claim.",
            ),
            "at most a single bit of evidence for deceptively misaligned goals",
            "a likelihood ratio of 2 for a vague argument is a judgement; nothing fixes the probabilities it would be computed from",
        ),
    ]
}
