//! The chapter's claims: what the sources say about reward, RL as inference, best-of-N and
//! goals, beside what the chapter computes for each.
//!
//! The identities (the policy-gradient update, RL as inference, the best-of-N divergence) are
//! checked at full precision: they are mathematics, and the toy problems are their own
//! setting ([`ledger::Basis::Full`]). The planner and the trained policies are small-scale
//! analogues ([`ledger::Basis::Small`]). Every checkable claim names its rival — the update
//! without its advantage weighting, the unregularised optimum, the naive `log N` and its
//! top-quantile density ratio, the light-tailed planner, a classifier blind to scheming
//! content, the untrained or the coin-flip frogs, a world where the frog's features come
//! apart — computed by the same code and decided by the same criterion. Opinions and facts about systems the book cannot run enter
//! as not checkable, with the reason.

use crate::experiments::Results;
use crate::inference::Regulariser;
use ledger::{Claim, Quantity, Seed, Source, Test, Verdict};

/// Gradient ascent must land within this of the closed-form optimum (the bar).
pub const MATCH: f64 = 1e-6;

pub use crate::best_of_n::{DISCRETE_GAP, Z_AGREE};

/// "Rises at first": the best true quality over N exceeds best-of-1 by at least this much.
pub const RISE: f64 = 0.05;

fn count(n: usize) -> Quantity {
    Quantity::Integer(n as i128)
}

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(r: &Results) -> Vec<Claim> {
    let mut all = update_claims(r);
    all.extend(inference_claims(r));
    all.extend(best_of_n_claims(r));
    all.extend(frog_claims(r));
    all.extend(opinion_claims());
    all.extend(extrema_claims(r));
    all
}

/// What a policy-gradient update does with reward (Turner's memo, the essay's footnote).
pub fn update_claims(r: &Results) -> Vec<Claim> {
    use crate::updates::{classes, mismatches};
    let u = &r.updates;
    let c = &u.config;
    let worst = u
        .reinforce_error
        .iter()
        .chain(&u.ppo_error)
        .fold(0.0, |m: f64, x| m.max(*x));
    let unweighted = u.unweighted_error.iter().fold(0.0, |m: f64, x| m.max(*x));
    let [below, at, above] = classes(&u.corridor);
    let moves = u.moves();
    let raw_moves = u.raw_moves();
    // (reward, advantage, change in own log-probability) of each bandit sample.
    let by_advantage: Vec<(f64, f64, f64)> = u
        .bandit
        .iter()
        .map(|s| (s.reward, s.advantage, s.reinforce))
        .collect();
    let by_reward: Vec<(f64, f64, f64)> = u
        .bandit
        .iter()
        .map(|s| (s.reward, s.advantage, s.raw_reward))
        .collect();
    let share_lowered =
        |v: &[(f64, f64, f64)]| v.iter().filter(|x| x.2 < 0.0).count() as f64 / v.len() as f64;
    vec![
        Claim::statement(
            "update.learning-rate-per-datapoint",
            Seed::Turner.quote(
                "The actual PPO+Adam update equations show that the \"reward\" is used to, basically, control the learning rate on each (state, action) datapoint.",
            ),
            "the PPO update is a log-likelihood step on each (state, action) datapoint, its size set by the reward signal",
            Test::full(format!(
                "holds if, on a {}-armed bandit and a {}-step corridor, the REINFORCE update and the finite-difference gradient of PPO's clipped objective at the old policy (ε = {}) both equal the finite-difference gradient of Σ A·log π(a|s) — imitation of each datapoint weighted by its advantage A — to relative error below {MATCH:e} (largest: {worst:.1e}); under Adam the advantages set the datapoints' relative weights but not the overall step: multiplying every reward by ten multiplies the plain gradient step by {:.1} and moves Adam's first step by {:.1e}",
                c.means.len(),
                c.horizon,
                c.eps,
                u.sgd_rescaled_ratio,
                u.adam_rescaled_change
            ))
            .on(
                Quantity::Real(worst),
                "the update without the advantage weighting, (1/n)·Σ ∇ log π: every datapoint imitated alike, the reward playing no part",
                Quantity::Real(unweighted),
                |q| q.to_f64() < MATCH,
            ),
            Verdict::Reproduced,
        ).digits(2),
        Claim::statement(
            "update.advantage-not-reward",
            Seed::Turner.quote(
                "the (important) distinction between a learning rate which is proportional to advantage (as in the real PPO equations) and a learning rate which is proportional to reward",
            ),
            "the step on each datapoint is proportional to its advantage, not its reward",
            Test::full(format!(
                "holds if, with every bandit reward positive, a step on each of {} samples alone makes less likely exactly the samples below the batch's mean reward, and some are (share below the mean {:.2}; share made less likely {:.2} when weighted by advantage, {:.2} when weighted by raw reward)",
                u.bandit.len(),
                u.share_below_baseline(),
                share_lowered(&by_advantage),
                share_lowered(&by_reward),
            ))
            .on_data(
                Quantity::Real(share_lowered(&by_advantage)),
                by_advantage.as_slice(),
                "a learning rate proportional to reward: each step weighted by the raw reward, with no baseline",
                Quantity::Real(share_lowered(&by_reward)),
                by_reward.as_slice(),
                |v: &[(f64, f64, f64)]| {
                    v.iter().all(|x| x.0 > 0.0)
                        && v.iter().all(|x| (x.2 < 0.0) == (x.1 < 0.0))
                        && v.iter().any(|x| x.2 < 0.0)
                },
            ),
            Verdict::Reproduced,
        ).digits(2),
        Claim::statement(
            "update.negative-imitation",
            Seed::BelrosePope.quote(
                "Even when there is no regularizer, we can view RL algorithms like REINFORCE as a form of “generalized” imitation learning, where trajectories with less-than-expected reward are negatively imitated.",
            ),
            "REINFORCE imitates trajectories above the expected reward and un-imitates those below it",
            Test::full(format!(
                "holds if a REINFORCE step on one trajectory alone makes it less likely when its return is below the expected return, leaves it unchanged when equal, and makes it more likely when above — zero a class of its own — for every one of {} corridor episodes ({below} below the expected return {:.2}, {at} equal to it, {above} above) and {} bandit samples under REINFORCE and PPO-clip alike, with some below; the number shown is how many of the {} moves go otherwise",
                u.corridor.len(),
                u.return_before,
                u.bandit.len(),
                moves.len(),
            ))
            .on_data(
                count(mismatches(&moves)),
                moves.as_slice(),
                "the same steps weighted by raw return, with no baseline: trajectories imitated in proportion to their reward",
                count(mismatches(&raw_moves)),
                raw_moves.as_slice(),
                |m: &[(f64, f64)]| mismatches(m) == 0 && m.iter().any(|(a, _)| *a < 0.0),
            ),
            Verdict::Reproduced,
        ).digits(3),
        Claim::statement(
            "update.reward-goes-up",
            Seed::Turner.quote(
                "We also have a bunch of examples of using this algorithm where the trained policy's behavior makes the reward number go up on its trajectories.",
            ),
            "training with the algorithm makes the reward go up on the policy's trajectories",
            Test::small(format!(
                "holds if {} REINFORCE iterations of {} episodes raise the corridor policy's exact expected return from {:.2} to at least 90% of the best possible {:.0}",
                c.iterations, c.batch, u.return_before, u.return_best
            ))
            .on(
                Quantity::Real(u.return_after),
                "the shuffled-reward control: the same training with each batch's advantages shuffled among its episodes",
                Quantity::Real(u.return_after_shuffled),
                |q| q.to_f64() >= 0.9 * u.return_best,
            ),
            Verdict::Qualitative,
        ).digits(3),
        Claim::not_checkable(
            "update.no-reward-seekers",
            Seed::Turner.quote(
                "There is not a single case where we have used RL to train an artificial system which intentionally “seeks to maximize” reward.",
            ),
            "no RL-trained system intentionally seeks to maximize reward",
            "a claim about every RL-trained system and its intentions; the book's experiments show what the update does with reward (update.learning-rate-per-datapoint), not what a trained system wants",
        ),
        Claim::not_checkable(
            "update.bostrom-reward-seeking",
            Seed::Turner.quote(
                "they typically involve creating a system that seeks to maximize a reward signal.",
            ),
            "RL approaches typically create a system that seeks to maximize a reward signal (Bostrom, quoted by Turner)",
            "whether a trained system comes to seek its reward is a question about its internal goals, which a toy policy cannot settle; what the book can check is that the reward enters training only as a weight on each datapoint (update.learning-rate-per-datapoint)",
        ),
        Claim::not_checkable(
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
    let argmax = inf.argmax_policy();
    let kl_from_argmax = inf.distance_from(Regulariser::Kl, |_| argmax.clone());
    let ent_from_prior = inf.distance_from(Regulariser::Entropy, |b| inf.problem.posterior(b));
    let mass = inf.mass_on_best();
    let prior_best = inf.problem.prior[inf.problem.best()];
    let stays_at_prior: Vec<(f64, f64)> = mass.iter().map(|&(b, _)| (b, prior_best)).collect();
    let (beta_min, _) = *mass.last().expect("betas");
    let shown = inf.config.betas.len();
    let k = inf.problem.prior.len();
    let collapses = |m: &[(f64, f64)]| {
        m.windows(2).all(|w| w[1].1 >= w[0].1) && m.last().is_some_and(|x| x.1 >= 1.0 - MATCH)
    };
    const KL_QUOTE: &str = "RL with KL penalties is better viewed as Bayesian inference, where the reward is “evidence” about what actions to take and the KL penalty keeps the model from straying too far from the prior.";
    vec![
        Claim::statement(
            "inference.kl-posterior",
            Seed::BelrosePope.quote(KL_QUOTE),
            "KL-regularised RL is Bayesian inference: its optimum is the prior updated on the reward as evidence",
            Test::full(format!(
                "holds if plain gradient ascent on E[r] − β·KL(π ‖ π0) over {k} outcomes, started at the prior, ends within {MATCH:e} of the posterior π0·exp(r/β)/Z (Korbak et al.'s closed form, with exp(r/β) as the likelihood) at every β in {{{}}} (largest difference {kl_err:.1e})",
                betas(&inf.config.betas)
            ))
            .on(
                Quantity::Real(kl_err),
                "the unregularised optimum: all mass on the best outcome, the argmax of E[r]",
                Quantity::Real(kl_from_argmax),
                |q| q.to_f64() < MATCH,
            ),
            Verdict::Reproduced,
        ).digits(2),
        Claim::statement(
            "inference.vanishing-beta",
            Seed::BelrosePope.quote(KL_QUOTE),
            "the KL penalty is what keeps the policy near the prior: the weaker it is, the further the policy strays, and as β → 0 it collapses onto the best outcome",
            Test::full(format!(
                "holds if the posterior's mass on the best outcome never falls at a step down β = {}, and climbs from the prior's {prior_best:.3} to at least 1 − {MATCH:e} at β = {beta_min} (the value shown: β = {})",
                betas(
                    &inf.config
                        .betas
                        .iter()
                        .chain(&inf.config.vanishing_betas)
                        .copied()
                        .collect::<Vec<_>>()
                ),
                mass[shown].0
            ))
            .on_data(
                Quantity::Real(mass[shown].1),
                mass.as_slice(),
                "a policy held at the prior whatever β: the penalty's strength playing no part",
                Quantity::Real(stays_at_prior[shown].1),
                stays_at_prior.as_slice(),
                collapses,
            ),
            Verdict::Reproduced,
        ).digits(6),
        Claim::statement(
            "inference.entropy-uniform-prior",
            Seed::BelrosePope.quote(
                "RL with an entropy bonus is also Bayesian inference, where the prior is uniform over all possible actions.",
            ),
            "an entropy bonus is KL regularisation towards the uniform prior",
            Test::full(format!(
                "holds if gradient ascent on E[r] + β·H(π), started at the prior π0, ends within {MATCH:e} of softmax(r/β), the posterior under a uniform prior, at every β in {{{}}} (largest difference {ent_err:.1e})",
                betas(&inf.config.betas)
            ))
            .on(
                Quantity::Real(ent_err),
                "the posterior under the starting policy's own prior π0, π0·exp(r/β)/Z, which the ascent would reach if the bonus pulled towards its starting point",
                Quantity::Real(ent_from_prior),
                |q| q.to_f64() < MATCH,
            ),
            Verdict::Reproduced,
        ).digits(2),
    ]
}

/// Best-of-N: the divergence it buys, and the hospital planner.
pub fn best_of_n_claims(r: &Results) -> Vec<Claim> {
    use crate::best_of_n::{
        DKW_ALPHA, GAUSS_POINTS, PANEL, QUADRATURE_TOL, RatioCheck, TiesPoint, dkw_bound,
        kl_formula, kl_top_quantile, ratio_agrees, ties_agree,
    };
    use crate::hospital::Sweep;
    let b = &r.best_of_n;
    let last = b.points.last().expect("an N");
    let ns: Vec<u64> = b.points.iter().map(|p| p.n).collect();
    let grid = ns.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
    let formula: Vec<f64> = ns.iter().map(|&n| kl_formula(n)).collect();
    let naive: Vec<f64> = ns.iter().map(|&n| kl_top_quantile(n)).collect();
    let discrete: Vec<f64> = b.points.iter().map(|p| p.discrete).collect();
    let worst = |v: &[RatioCheck], f: fn(&RatioCheck) -> f64| v.iter().map(f).fold(0.0, f64::max);
    let (last_ratio, last_top) = (
        b.ratio.last().expect("an N"),
        b.top_quantile.last().expect("an N"),
    );
    let last_ties = b.ties.last().expect("an N");
    let levels = b.config.tie_levels;
    let ties_exact: Vec<f64> = b.ties.iter().map(|t| t.exact).collect();
    // The N at which log N − (N−1)/N reaches levels·log 2: log N ≈ levels·log 2 + 1.
    let crossing = (f64::from(levels) * std::f64::consts::LN_2 + 1.0).exp();
    let h = &r.hospital;
    let (heavy, light) = (&h.heavy, &h.light);
    let hl = heavy.last();
    let first = &heavy.points[0];
    let peak = heavy.peak();
    const BEIRAMI: &str = "for continuous scores without ties, the divergence of best-of-N from its base distribution is log N − (N−1)/N; for discrete outcomes that value is only an upper bound";
    let adversarial = |s: &Sweep| {
        let l = s.last();
        l.beyond_history >= 0.9 && l.proxy_chance >= 0.99 && l.quality < s.prior_quality
    };
    let incoherent = |s: &Sweep| {
        s.proxy_rises()
            && s.peak().quality >= s.points[0].quality + RISE
            && s.last().quality < s.prior_quality
            && s.fit.beta > 0.0
    };
    vec![
        Claim::statement(
            "best-of-n.kl-continuous",
            Source::paper("beirami2024theoretical", "Beirami et al. (2024)", BEIRAMI),
            "for continuous scores, best-of-N moves the base distribution by log N − (N−1)/N nats",
            Test::full(format!(
                "holds if, at every N in {{{grid}}}, two computations that never use the density ratio N·F^(N−1) agree with the value: the exact divergence over {} equally likely outcomes, from P(max = k) = F_k^N − F_(k−1)^N alone, lies below it by at most {DISCRETE_GAP:e} nats (largest gap {:.1e}); and the divergence of the maximum of N sampled exponential scores ({} maxima at each N, a histogram of bin width {} against the base's exact bin masses, less the Miller–Madow correction) lies within {Z_AGREE} standard errors plus that correction (largest |z| {:.2}); the value shown is the sampled estimate at N = {} (standard error {:.3})",
                b.config.outcomes,
                b.worst_equiprobable_gap(),
                b.config.samples,
                b.config.bin_width,
                b.worst_z(),
                last.n,
                last.monte_carlo.standard_error,
            ))
            .on_data(
                Quantity::Real(last.monte_carlo.mean),
                formula.as_slice(),
                "log N, the divergence of keeping the top 1/N of the base (a density ratio of N there): the bits of selection, in nats",
                Quantity::Real(kl_top_quantile(last.n)),
                naive.as_slice(),
                |candidate: &[f64]| b.agrees(candidate),
            ),
            Verdict::Reproduced,
        ).unit("nats").digits(3),
        Claim::statement(
            "best-of-n.kl-discrete",
            Source::paper("beirami2024theoretical", "Beirami et al. (2024)", BEIRAMI),
            "over finitely many outcomes log N − (N−1)/N is only an upper bound: the update moves less",
            Test::full(format!(
                "holds if, over {} outcomes with distinct scores, the exact divergence of best-of-N (from P(max = k) = F_k^N − F_(k−1)^N) is strictly below log N − (N−1)/N at every N in {{{grid}}}; it levels off at −log π0(best) = {:.4} nats, which it reaches to {:.0e} at N = {}",
                r.inference.problem.prior.len(),
                b.discrete_ceiling,
                (last.discrete - b.discrete_ceiling).abs().max(1e-16),
                last.n,
            ))
            .on_data(
                Quantity::Real(last.discrete),
                discrete.as_slice(),
                "the continuous formula holding exactly for discrete outcomes too",
                Quantity::Real(kl_formula(last.n)),
                formula.as_slice(),
                |d: &[f64]| d.len() == formula.len() && d.iter().zip(&formula).all(|(x, f)| x < f),
            ),
            Verdict::Reproduced,
        ).unit("nats").digits(4),
        Claim::statement(
            "best-of-n.density-ratio",
            Source::paper("beirami2024theoretical", "Beirami et al. (2024)", BEIRAMI),
            "for continuous scores, best-of-N's density over the base's is N·F^(N−1), and the divergence, the mean of its logarithm log N + (N−1)·log F under best-of-N, is log N − (N−1)/N",
            Test::full(format!(
                "holds if, at every N in {{{grid}}}, the ratio is the sampled maxima's and gives the value: over a standard exponential base, the ratio integrates to one ({GAUSS_POINTS}-point Gauss–Legendre on panels of {PANEL}, to within {QUADRATURE_TOL:e}; largest miss {:.0e}); the same {} maxima of N draws as above fall nowhere the ratio is zero and lie within the Dvoretzky–Kiefer–Wolfowitz bound {:.4} of the distribution it defines, F^N (level {DKW_ALPHA:.1e} at each of sixteen checks, 10^-3 for all together; the level was first 10^-3 for each check, and was set so after a test-scale run in which the sample at N = 4096, which also sat 2.85 standard errors high, went past that bound; largest distance {:.4}); and E[log ratio] under best-of-N, by quadrature, is within {QUADRATURE_TOL:e} of the value (largest miss {:.0e}) and, as the mean of the log ratio at the sampled maxima, within {Z_AGREE} standard errors of it (largest |z| {:.2}); the value shown is that sampled mean at N = {} (standard error {:.3}). The rival's ratio also integrates to one and gives log N by quadrature, but {:.0}% of the sampled maxima fall below the top 1/N, where it is zero, and its distribution is {:.2} away from theirs",
                worst(&b.ratio, |c| (c.mass - 1.0).abs()),
                b.config.samples,
                dkw_bound(b.config.samples, DKW_ALPHA),
                worst(&b.ratio, |c| c.ks),
                b.ratio
                    .iter()
                    .zip(&formula)
                    .map(|(c, f)| (c.kl_quadrature - f).abs())
                    .fold(0.0, f64::max),
                b.ratio
                    .iter()
                    .zip(&formula)
                    .map(|(c, f)| ((c.kl_sampled - f) / c.standard_error).abs())
                    .fold(0.0, f64::max),
                last_ratio.n,
                last_ratio.standard_error,
                100.0 * last_top.outside,
                last_top.ks,
            ))
            .on_data(
                Quantity::Real(last_ratio.kl_sampled),
                &(b.ratio.as_slice(), formula.as_slice()),
                "keeping the top 1/N of the base: a density ratio of N there and zero elsewhere, whose divergence is log N",
                Quantity::Real(last_top.kl_quadrature),
                &(b.top_quantile.as_slice(), naive.as_slice()),
                |(checks, candidate): &(&[RatioCheck], &[f64])| {
                    ratio_agrees(checks, candidate, b.config.samples)
                },
            ),
            Verdict::Reproduced,
        ).unit("nats").digits(3),
        Claim::statement(
            "best-of-n.ties",
            Source::paper("beirami2024theoretical", "Beirami et al. (2024)", BEIRAMI),
            "when discrete scores tie, log N − (N−1)/N is only an upper bound on the divergence",
            Test::full(format!(
                "holds if, with scores Binomial({levels}, ½) — {} scores for 2^{levels} equally likely outcomes, so that many tie — the divergence from the exact pmf of the best score, F(x)^N − F(x−1)^N, is strictly below log N − (N−1)/N at every N in {{{grid}}}, and the mean of its log ratio log((F(x)^N − F(x−1)^N)/q(x)) at {} sampled maxima of N draws lies within {Z_AGREE} standard errors of it, plus the rounding of the mean (largest |z| {:.2} where the standard error exceeds 1e-9; at the {} N where it does not, nearly every maximum is the top score and the two agree to {:.0e}), with the maxima within the DKW bound of F^N (largest distance {:.4}); the divergence is {:.4} against the formula's {:.4} at N = 2 and levels off at −log q(top score) = {levels}·log 2 = {:.4}, which the formula passes at N ≈ {:.0}; the value shown is the exact divergence at N = {}",
                levels + 1,
                b.config.samples,
                b.ties
                    .iter()
                    .filter(|t| t.standard_error > 1e-9)
                    .map(|t| ((t.sampled - t.exact) / t.standard_error).abs())
                    .fold(0.0, f64::max),
                b.ties.iter().filter(|t| t.standard_error <= 1e-9).count(),
                b.ties
                    .iter()
                    .filter(|t| t.standard_error <= 1e-9)
                    .map(|t| (t.sampled - t.exact).abs())
                    .fold(1e-16, f64::max),
                b.ties.iter().map(|t| t.ks).fold(0.0, f64::max),
                b.ties[0].exact,
                formula[0],
                f64::from(levels) * std::f64::consts::LN_2,
                crossing,
                last_ties.n,
            ))
            .on_data(
                Quantity::Real(last_ties.exact),
                &(b.ties.as_slice(), ties_exact.as_slice()),
                "the continuous formula holding for tied scores too",
                Quantity::Real(kl_formula(last_ties.n)),
                &(b.ties.as_slice(), formula.as_slice()),
                |(points, candidate): &(&[TiesPoint], &[f64])| {
                    ties_agree(points, candidate, b.config.samples)
                },
            ),
            Verdict::Reproduced,
        ).unit("nats").digits(4),
        Claim::statement(
            "hospital.adversarial-examples",
            Seed::BelrosePope.quote(
                "Rather, the system would produce adversarial examples to the classifier, such as instructing staff to constantly clean a surgical room, and not actually perform a surgery.",
            ),
            "at large N the planner picks the classifier's adversarial examples, such as plans that only clean",
            Test::small(format!(
                "holds if, at N = {}, at least 90% of chosen plans dwell on cleaning beyond anything in the classifier's {} training plans, the classifier rates them at least 99% safe and their true chance of avoiding a lawsuit is below the prior's; with the heavy-tailed prior, cleaning is {:.1} on average against {:.1} at N = 1, clinical quality {:.2} against a peak of {:.2}, the classifier's rating {:.4}, the true chance {:.3} against the prior's {:.3}; with the light-tailed prior, which proposes cleaning as history did, {:.2} of chosen plans go beyond the data and the true chance is {:.3} against the prior's {:.3}",
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
                heavy.prior_quality,
                light.last().beyond_history,
                light.last().quality,
                light.prior_quality,
            ))
            .on_data(
                Quantity::Real(hl.beyond_history),
                heavy,
                "the same classifier and N with the light-tailed prior, whose proposals stay where the classifier was trained",
                Quantity::Real(light.last().beyond_history),
                light,
                adversarial,
            ),
            Verdict::Qualitative,
        ).digits(3),
        Claim::not_checkable(
            "hospital.no-scheming-plans",
            Seed::BelrosePope.quote(
                "In particular, increasing N would not lead to the system producing “scheming” plans to advance the inner objective.",
            ),
            "no N makes the planner favour scheming plans",
            "the toy cannot decide it: a classifier trained on a history with no scheming plan responds to scheming content only through its initial weights, so whether best-of-N favours such plans is set by those weights, not by training, and the essay's mechanism (scheming content displacing what the score rewards) is not modelled; the page shows the measured shares as an illustration",
        ),
        Claim::statement(
            "hospital.no-coherent-pursuit",
            Seed::BelrosePope.quote(
                "The point: even arbitrary amounts of internal optimization power directed towards a simple inner objective can fail to lead to any sort of “globally coherent” pursuit of that objective in the system’s actual behaviors.",
            ),
            "more optimisation of the inner objective can fail to pursue it: the proxy rises while the true objective falls",
            Test::small(format!(
                "holds if the classifier's score of the chosen plan rises at every doubling of N up to {}, while the true chance of avoiding a lawsuit first rises by at least {RISE} and then falls below the prior's, and Gao et al.'s d(α − β·d) fitted to the true gain bends down (β > 0); with the heavy-tailed prior, the true chance goes from {:.3} at N = 1 to {:.3} at N = {} and ends at {:.3} against the prior's {:.3}, fit β = {:.3} (α = {:.3}, R² = {:.2}, peak at d = {:.2} against the data's {:.2}); with the light-tailed prior it ends at {:.3} against the prior's {:.3} (fit β = {:.3}, R² = {:.2}); the value shown is the N at which the true chance peaks",
                hl.n,
                first.quality,
                peak.quality,
                peak.n,
                hl.quality,
                heavy.prior_quality,
                heavy.fit.beta,
                heavy.fit.alpha,
                heavy.fit.r2,
                heavy.fit.peak_d(),
                peak.d,
                light.last().quality,
                light.prior_quality,
                light.fit.beta,
                light.fit.r2
            ))
            .on_data(
                count(peak.n as usize),
                heavy,
                "the same classifier and N with the light-tailed prior, where more search finds plans the classifier rates correctly",
                count(light.peak().n as usize),
                light,
                incoherent,
            ),
            Verdict::Qualitative,
        ).digits(3),
    ]
}

/// "Behaves the right way": every frog classifies fresh training-distribution scenes at
/// least this well. The nets are small and briefly trained on noisy scenes; this bar
/// separates having learned the task from chance (one half) with room for the noise.
pub const FROG_ACCURACY: f64 = 0.9;

/// "Arbitrary": the preference spreads across seeds like a coin flip between a dot detector
/// (+1) and a smell detector (−1), whose standard deviation is 1; half of that counts.
pub const COIN_FLIP_SPREAD: f64 = 0.5;

/// "Set by salience": at each end of the smell sweep, at least this share of the frogs use
/// the proxy the salience predicts — the same bar as [`FROG_ACCURACY`].
pub const PROXY_SHARE: f64 = FROG_ACCURACY;

/// Fodor's sentence, which both readings of the frog experiment are checked against.
const FODOR: &str = "Fodor pointed out that nature has no way of selecting, for example, frogs that “aim at eating flies in particular” rather than frogs that target “little black dots in the sky,” or “things that smell kind of like flies,” or any of an infinite number of deviant, “misaligned” proxy goals which would misgeneralize in counterfactual scenarios.";

/// Fodor's frog: which of two perfectly correlated features the trained nets use.
pub fn frog_claims(r: &Results) -> Vec<Claim> {
    use crate::frog::{FrogResult, Readers, SmellCode};
    let f = &r.frog;
    let c = &f.config;
    let nets = f.all().count() as u64;
    let worst = |f: &FrogResult| f.all().map(|x| x.accuracy).fold(1.0, f64::min);
    let untrained = f.untrained();
    let coins = f.coin_flips(c.seeds ^ 0xC01F);
    let determinate = f.determinate();
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
                "{}, hidden {:?}, strength {}: {:.0}% of the frogs mixed, mean snaps at the pellet {p:.2}, at the dotless fly {q:.2}",
                s.code.name(),
                s.architecture,
                s.smell,
                100.0 * s.mixed_share()
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let fuzzy = |f: &FrogResult| f.preference_falls_with_smell() && !f.mixed().is_empty();
    let blind = |v: &[Readers]| {
        v.iter()
            .filter(|x| x.indistinguishable(FROG_ACCURACY))
            .count()
    };
    let decorrelated: Vec<Readers> = f.readers.iter().map(Readers::decorrelated).collect();
    let describe_readers = |v: &[Readers]| {
        v.iter()
            .map(|x| {
                format!(
                    "{} at {}: {:.3} and {:.3}",
                    x.code.name(),
                    x.smell,
                    x.dot_reader,
                    x.smell_reader
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    // The smallest share of frogs using the proxy salience predicts, over codes,
    // architectures and both ends of the sweep.
    let weakest_end = |f: &FrogResult| {
        f.salience_ends()
            .iter()
            .map(|e| e.2.min(e.3))
            .fold(1.0, f64::min)
    };
    let ends = f.salience_ends();
    let misgeneralises = |f: &FrogResult| {
        f.salience_ends()
            .iter()
            .all(|e| e.2 >= PROXY_SHARE && e.3 >= PROXY_SHARE && e.4 >= 0.5)
    };
    let (faint, strong) = (
        c.smells.iter().copied().fold(f64::INFINITY, f64::min),
        c.smells.iter().copied().fold(0.0, f64::max),
    );
    vec![
        Claim::statement(
            "frog.premise",
            Seed::BelrosePope.quote(
                "Snap for snap, snaps at the one will net you as many flies to eat as snaps at the other.",
            ),
            "Fodor's premise: on the scenes a frog meets, snapping at dots and snapping at flies are equally rewarded, so training cannot tell a frog that targets one from a frog that targets the other",
            Test::small(format!(
                "holds if, in some setting, the ideal reader of the retina alone and the ideal reader of the smell alone (each the Bayes-optimal snap from its one channel) are both right on at least {FROG_ACCURACY} of {} fresh training scenes of each kind, the bar the trained frogs are held to; the number shown counts such settings, of {} (dot reader and smell reader: {}); where the smell is faint, noise makes the dot the better predictor and training can tell them apart",
                c.reader_scenes,
                f.readers.len(),
                describe_readers(&f.readers),
            ))
            .on_data(
                count(blind(&f.readers)),
                f.readers.as_slice(),
                "a training set in which the features come apart, pellets labelled no fly and flies against a dark background labelled fly, as many as flies and empty scenes, judged with the same readers",
                count(blind(&decorrelated)),
                decorrelated.as_slice(),
                |v: &[Readers]| blind(v) > 0,
            ),
            Verdict::Qualitative,
        ),
        Claim::statement(
            "frog.proxy-by-salience",
            Seed::BelrosePope.quote(FODOR),
            "the goal-misgeneralisation reading: training installs one of the deviant proxies, which one set by something incidental to the task, and the dot proxy snaps at what is no fly",
            Test::small(format!(
                "holds if, for each smell code and architecture, at least {PROXY_SHARE} of the frogs use the dot (snap more at the pellet than at the dotless fly) at the faintest smell ({faint}) and at least {PROXY_SHARE} use the smell at the strongest ({strong}), and at the faintest smell the frogs snap at the pellet, which is no fly, at least half the time on average; at the strongest they snap at a scene with fly smell and no dot, which in this world is a fly against a dark background (so that snap is right, though a fly-scented bait would look the same), reported and not part of the rule; the number shown is the smallest such share, over codes, architectures and both ends ({}); the criterion was written after the page had reported where the frogs switch, and its second half, which had counted the snap at the dotless fly as a misgeneralisation, was dropped after a review pointed out that the world labels that scene a fly",
                ends.iter()
                    .map(|e| format!(
                        "{}, hidden {:?}: dot users {:.0}% at the faintest, smell users {:.0}% at the strongest, snaps at the pellet {:.2}, at the smell-only scene {:.2}",
                        e.0.name(),
                        e.1,
                        100.0 * e.2,
                        100.0 * e.3,
                        e.4,
                        e.5
                    ))
                    .collect::<Vec<_>>()
                    .join("; "),
            ))
            .on_data(
                Quantity::Real(weakest_end(f)),
                f,
                "Fodor's arbitrary reading made concrete: each frog a pure dot or a pure smell detector by a fair coin, in every setting",
                Quantity::Real(weakest_end(&coins)),
                &coins,
                misgeneralises,
            ),
            Verdict::Qualitative,
        ).digits(2),
        Claim::statement(
            "frog.behave-right",
            Seed::BelrosePope.quote(
                "In reality, the problem faced by evolution and by SGD is much easier than this: producing systems that behave the right way in all scenarios they are likely to encounter.",
            ),
            "training only has to produce behaviour that is right on the scenarios the system meets",
            Test::small(format!(
                "holds if every one of {nets} trained frogs — dot users and smell users alike — snaps correctly at fresh scenes from the training distribution (a fly with its dot and smell, or nothing) at least {FROG_ACCURACY} of the time (worst {:.3}; the same nets before training: worst {:.3}, best {:.3})",
                worst(f),
                worst(&untrained),
                untrained.all().map(|x| x.accuracy).fold(0.0, f64::max),
            ))
            .on_data(
                Quantity::Real(worst(f)),
                f,
                "the same nets as initialised, before any training",
                Quantity::Real(worst(&untrained)),
                &untrained,
                |f: &FrogResult| worst(f) >= FROG_ACCURACY,
            ),
            Verdict::Qualitative,
        ).digits(3),
        Claim::statement(
            "frog.not-arbitrary",
            Seed::BelrosePope.quote(FODOR),
            "read as a prediction about training (the strong reading): which of the two targets a trained net ends up with is arbitrary, a coin toss from seed to seed",
            Test::small(format!(
                "holds if, in some setting, the preference (snaps at a pellet minus snaps at a fly without a dot) spreads across {} seeds like a coin flip between the two targets (standard deviation at least {COIN_FLIP_SPREAD}); over {} settings (hidden layers {:?}, smell strengths {:?} against a dot of {}, simple and XOR smell codes) the largest spread is {:.2}: the target is set by salience and simplicity — the nets switch from dot to smell {} with the simple code and {} with the XOR code",
                c.seeds,
                f.settings.len(),
                c.architectures,
                c.smells,
                c.dot,
                f.largest_spread(),
                crossover(SmellCode::Linear),
                crossover(SmellCode::Xor)
            ))
            .on_data(
                Quantity::Real(f.largest_spread()),
                f,
                "the arbitrary reading made concrete: each frog a pure dot or a pure smell detector by a fair coin, in every setting",
                Quantity::Real(coins.largest_spread()),
                &coins,
                |f: &FrogResult| f.largest_spread() >= COIN_FLIP_SPREAD,
            ),
            Verdict::NotReproduced,
        ).digits(2),
        Claim::statement(
            "frog.fuzzy",
            Seed::BelrosePope.quote(
                "Real-world representations are always fuzzy, because they are human abstractions derived from regularities in behavior.",
            ),
            "what a trained system targets is a matter of degree, read off its behaviour",
            Test::small(format!(
                "holds if, for each code and architecture, the preference for the dot falls at every step up in smell strength, and in some setting at least half of the frogs are each neither a dot detector nor a fly detector: each snaps at both a pellet and a dotless fly between 20% and 80% of the time ({}); the number shown counts such settings",
                if describe_mixed.is_empty() {
                    "none".to_string()
                } else {
                    describe_mixed
                }
            ))
            .on_data(
                count(mixed.len()),
                f,
                "determinate targets: each frog replaced by a pure detector of the feature it prefers",
                count(determinate.mixed().len()),
                &determinate,
                fuzzy,
            ),
            Verdict::Qualitative,
        ).digits(3),
    ]
}

/// Opinions and estimates in the sources, entered so the ledger accounts for their numbers.
pub fn opinion_claims() -> Vec<Claim> {
    vec![
        Claim::not_checkable(
            "opinion.scheming-credence",
            Seed::BelrosePope.quote(
                "We therefore conclude that we should assign very low credence to the spontaneous emergence of scheming in future AI systems— perhaps 0.1% or less.",
            ),
            "a credence of 0.1% or less that scheming emerges spontaneously",
            "a credence, the authors' summing-up of their arguments; no computation turns arguments into this number",
        ),
        Claim::not_checkable(
            "opinion.researcher-hours",
            Seed::Turner.quote(
                "These deep errors have costs measured in tens of thousands of researcher-hours.",
            ),
            "tens of thousands of researcher-hours lost to the errors",
            "an estimate of the field's effort, for which the book has no records",
        ),
        Claim::not_checkable(
            "opinion.misdirected-hours",
            Seed::Turner.quote(
                "Due to the “RL->reward maximizing” meme, I personally misdirected thousands of hours on proving power-seeking theorems.",
            ),
            "thousands of the author's own hours misdirected",
            "the author's account of his own time",
        ),
        Claim::not_checkable(
            "opinion.single-bit",
            Seed::Turner.quote(
                "This argument is so weak/vague/intuitive, I doubt it’s more than a single bit of evidence for the claim.",
            ),
            "at most a single bit of evidence for deceptively misaligned goals",
            "a likelihood ratio of 2 for a vague argument is a judgement; nothing fixes the probabilities it would be computed from",
        ),
    ]
}

/// What the hospital planner's classifier's extrema look like, and Turner's argument from
/// human brains.
pub fn extrema_claims(r: &Results) -> Vec<Claim> {
    use crate::extrema::{
        BEST, CLAIM_BOX, FAR, Found, LOW_SHARE, TOP, Yardsticks, not_competent_plans,
    };
    let e = &r.extrema;
    let y = &e.yardsticks;
    let b = e.claim_box();
    let (clf, truth) = (&b.classifier, &b.truth);
    let top = clf.top();
    let top_plan = clf.plans[top];
    let others: Vec<String> = e
        .boxes
        .iter()
        .filter(|o| o.plan_box.multiple != CLAIM_BOX)
        .map(|o| {
            format!(
                "×{}: median log-odds {:.1}, distance {:.1}, {}",
                o.plan_box.multiple,
                o.classifier.median_log_odds(),
                o.classifier.median_nearest(),
                if not_competent_plans(&o.classifier, y) {
                    "holds"
                } else {
                    "fails"
                }
            )
        })
        .collect();
    let a = &e.adversarial;
    vec![
        Claim::statement(
            "extrema.not-competent-plans",
            Seed::BelrosePope.quote(
                "The extrema of deliberately trained neural classifiers do not look anything like that.",
            ),
            "a trained classifier's maxima are not complex plans that competently carry out far out-of-distribution actions",
            Test::small(format!(
                "the hospital planner's classifier (trained on its {} historical plans, accuracy {:.2}) is climbed by projected gradient ascent from {} seeded random starts in a box that lets every feature go {CLAIM_BOX} times as far as any historical plan went (|feature| ≤ {:.2}, cleaning ≥ 0); fixed before the first run: holds if the maximisers' median distance to the nearest historical plan exceeds {FAR} times the historical plans' own median nearest-neighbour distance ({:.2}) and their median true log-odds of no lawsuit is below the {BEST} quantile of the historical plans' ({:.2}); after the first run the ascent was changed from normalised gradient steps, which zigzagged across the ReLU kinks and stopped short (the classifier scored the true objective's maximisers above its own ascents' ends), to Adam steps, with the rule unchanged; the maximisers lie at median distance {:.1} ({:.0} times), with median true log-odds {:.1}, {:.1} of 5 features at the box's bounds on average and median cleaning {:.1} against the {:.1} the history reached; {:.2} of them are truly better than the {BEST} quantile of history; the highest-scoring maximiser (reached from {:.2} of the starts) has clinical features ({}) and cleaning {:.2}, {} of 5 features at the bounds, true log-odds {:.1} at distance {:.1} — {} plan far off the history, which the median does not weigh; in the other boxes ({}); small perturbations of the {LOW_SHARE} of historical plans the classifier scores lowest, within radius {:.2}, raise its score by {:.2} (median) and the true log-odds by {:.2}, and {:.2} of them reach the classifier's {TOP} quantile ({:.2}){}; the value shown is the maximisers' median true log-odds",
                e.config.hospital.history,
                e.training_accuracy,
                e.config.starts,
                b.plan_box.half,
                y.nearest,
                y.best_log_odds,
                clf.median_nearest(),
                clf.median_nearest() / y.nearest,
                clf.median_log_odds(),
                clf.mean_at_bounds(),
                clf.median_plan()[crate::hospital::CLINICAL],
                e.largest_cleaning,
                clf.share_above(y.best_log_odds),
                clf.share_at_top(1e-6),
                top_plan[..crate::hospital::CLINICAL]
                    .iter()
                    .map(|v| format!("{v:.2}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                top_plan[crate::hospital::CLINICAL],
                clf.at_bounds[top],
                clf.log_odds[top],
                clf.nearest[top],
                if clf.log_odds[top] > y.best_log_odds {
                    "a competent"
                } else {
                    "an incompetent"
                },
                others.join("; "),
                a.radius,
                a.median_score_gain(),
                a.median_true_gain(),
                a.share_top(y.top_score),
                y.top_score,
                if a.share_top(y.top_score) == 0.0 {
                    ": in five dimensions the classifier has no small-perturbation adversarial examples"
                } else {
                    ""
                },
            ))
            .on_data(
                Quantity::Real(clf.median_log_odds()),
                &(clf, y),
                "the true objective's own maximisers from the same starts in the same box: plans as far off the history, competent by construction",
                Quantity::Real(truth.median_log_odds()),
                &(truth, y),
                |(f, y): &(&Found, &Yardsticks)| not_competent_plans(f, y),
            ),
            Verdict::Qualitative,
        )
        .digits(3),
        Claim::statement(
            "extrema.highest-is-not-competent",
            Seed::BelrosePope.quote(
                "The extrema of deliberately trained neural classifiers do not look anything like that.",
            ),
            "the same sentence read of the classifier's highest maximum rather than its typical one: the plan it scores best is not a competent one far out of distribution",
            Test::small(format!(
                "added after the first run, when the highest-scoring maximiser was seen to be competent (extrema.not-competent-plans judges the median): holds if the classifier's highest-scoring maximiser, in the same box from the same starts, has true log-odds of no lawsuit below the {BEST} quantile of the historical plans' ({:.2}); it has {:.1}, at distance {:.1} from the nearest historical plan, reached from {:.2} of the starts. In this toy the true quality rises without limit along the clinical features, so a classifier that extrapolates \"more is safer\" there is right, and its best plan is competent and far off the data",
                y.best_log_odds,
                clf.log_odds[top],
                clf.nearest[top],
                clf.share_at_top(1e-6),
            ))
            .on_data(
                Quantity::Real(clf.log_odds[top]),
                &(clf.log_odds[top], y.best_log_odds),
                "the typical maximiser instead: the median true log-odds of all the maximisers",
                Quantity::Real(clf.median_log_odds()),
                &(clf.median_log_odds(), y.best_log_odds),
                |&(odds, bar): &(f64, f64)| odds < bar,
            ),
            Verdict::NotReproduced,
        )
        .digits(3),
        Claim::not_checkable(
            "reward.humans-seek-reward-correlates",
            Seed::Turner.quote(
                "Human brains do RL and often care about some kind of tight reward-correlate, to some degree.",
            ),
            "the strongest argument for reward maximisation Turner knows: human brains learn by reinforcement and often come to care about something tightly correlated with their reward",
            "a fact about human brains and what people care about; the book runs no brains, and its small learners, which are not trained the way brains are, are no evidence either way",
        ),
    ]
}
