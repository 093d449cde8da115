//! The chapter's claims: Carlsmith's bits-of-selection toy and its update count, the speed
//! cost of scheming carried into bits, and the two small experiments — beside what the
//! chapter computes for each.
//!
//! The update counts are arithmetic on published runs, checked at the source's own setting
//! ([`ledger::Basis::Full`]), each against the break-even batch at which it flips. What the
//! speed cost is worth to SGD follows only from a model whose assumptions are contested
//! (the share of capacity the reasoning takes, Bayesian selection at inverse temperature 1):
//! those claims are consequences of the model ([`ledger::Basis::Model`]), each with the
//! break-even at which its conclusion flips as its rival. The experiments are small-scale
//! analogs ([`ledger::Basis::Small`]), each against a null control computed beside it.
//! Credences, the made-up prior itself, and the report's serial-step estimate (which no
//! source text states) are not checkable.

use crate::bayesian_sampler::SamplerResult;
use crate::experiments::Results;
use crate::extra_reasoning::{ReasoningResult, WidthResult};
use crate::selection::{TOY_BITS_PER_STEP, TOY_PRIOR_BITS, gap_for_one_bit, toy_steps};
use crate::sgd_temperature::{Contested, TemperatureResult, fit_law};
use crate::speed_cost::{Assumptions, REASONING_STEPS, SERIAL_STEPS};
use crate::updates::{self, MILLION, PARAMETERS, PUBLISHED_BATCHES};
use ledger::number::count;
use ledger::{Claim, Quantity, Seed, Stated, Test, Verdict};

/// "Strongly correlated": the least Pearson correlation of log-probabilities the chapter
/// accepts as SGD getting what the prior prefers (the conventional threshold for a strong
/// correlation, fixed before the experiment was run).
pub const STRONG_CORRELATION: f64 = 0.7;

/// The functions the correlation is computed on must account for at least this share of SGD's
/// runs, so that it speaks for most of what SGD does.
pub const COVERED: f64 = 0.5;

/// "Isn't all that many": at most this share of a run's steps.
pub const FEW_STEPS: f64 = 0.01;

/// How far past a break-even the rival of a model claim is put: a tenth of a percent, so
/// that the conclusion has just flipped there.
pub const PAST_BREAK_EVEN: f64 = 1e-3;

/// The seed of the permutation that pairs the prior's probabilities with the wrong SGD
/// frequencies (the null control of the sampler experiment).
pub const SHUFFLE_SEED: u64 = 17;

use ledger::number::real as num;

/// The assumptions of the speed-cost conversion, in one sentence.
pub fn assumptions_text(a: &Assumptions) -> String {
    let c = a.cost();
    format!(
        "assumptions: a model of {} parameters trained compute-optimally on {} tokens (Chinchilla's 20 per parameter); final loss L(N, D) = {} + {}/N^{} + {}/D^{} nats per token (Hoffmann et al. 2022, Approach 3); the extra reasoning takes capacity or compute from the task rather than sharing its steps: the schemer gives up a share s of its capacity (N → N(1 − s)) or of its training compute (C → C(1 − s)), taking the smaller loss gap, with s = {}% as the book's illustration (no source text states it), less a share g freed by a schemer's simpler goal (Carlsmith's common currency of simplicity and speed), g = {}% (no source text sizes it; the goal-capacity experiment finds a longer goal costs the task only in networks too narrow for it); batches of {} tokens; selection as a Gibbs posterior over the two classes at inverse temperature {}{}, so each token's loss gap is evidence",
        num(a.parameters, 2),
        num(c.tokens, 2),
        a.law.e,
        a.law.a,
        a.law.alpha,
        a.law.b,
        a.law.beta,
        num(100.0 * a.share, 2),
        num(100.0 * a.goal_saving, 2),
        num(a.batch, 3),
        num(a.lambda, 3),
        if a.lambda == 1.0 {
            " (Bayesian updating with the log-loss as likelihood)"
        } else {
            " (1 would be Bayesian updating with the log-loss as likelihood)"
        },
    )
}

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(results: &Results) -> Vec<Claim> {
    let mut all = selection_claims();
    all.extend(speed_cost_claims());
    all.push(reasoning_claim(&results.reasoning));
    all.push(sampler_claim(&results.sampler));
    all.push(temperature_claim(&results.temperature));
    all.push(lower_loss_claim(&results.temperature));
    all.push(measured_temperature_claim(&results.temperature));
    all.push(credence_claim());
    all.extend(reply_claims());
    all
}

/// The toy, its assumption of a bit per step, and the update count of a large run.
pub fn selection_claims() -> Vec<Claim> {
    let a = Assumptions::default();
    let cost = a.cost();
    let threshold = updates::largest_batch(PARAMETERS, MILLION);
    let published = PUBLISHED_BATCHES
        .iter()
        .map(|&(name, b)| {
            format!(
                "{name} {} tokens → {} updates",
                num(b, 2),
                num(updates::steps(PARAMETERS, b), 3)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let largest_published = PUBLISHED_BATCHES.iter().map(|p| p.1).fold(0.0f64, f64::max);
    let fewest_steps = updates::steps(PARAMETERS, largest_published);
    let share_of_run = f64::from(TOY_PRIOR_BITS) / fewest_steps;
    let published_batches: Vec<f64> = PUBLISHED_BATCHES.iter().map(|p| p.1).collect();
    let million_rival = threshold * (1.0 + PAST_BREAK_EVEN);
    let hundred_share = |batch: f64| f64::from(TOY_PRIOR_BITS) / updates::steps(PARAMETERS, batch);
    let few_break_even = updates::largest_batch(PARAMETERS, f64::from(TOY_PRIOR_BITS) / FEW_STEPS);
    let few_rival = few_break_even * (1.0 + PAST_BREAK_EVEN);
    let gap = cost.capacity_gap.min(cost.compute_gap);
    let step_break_even = a.break_even_share(1.0, |c| c.bits_per_step);
    let step_rival = a.with_share(step_break_even * (1.0 - PAST_BREAK_EVEN));
    vec![
        Claim::number(
            "toy.steps",
            Seed::CarlsmithCounting.quote(
                "This means that selecting a non-schemer over a schemer only needs to be worth 100 extra steps of gradient descent, to SGD, for SGD to have an incentive to overcome the prior in question.",
            ),
            Stated::Exact(100),
            Quantity::Integer(
                toy_steps(TOY_PRIOR_BITS, TOY_BITS_PER_STEP as u32).into(),
            ),
            Verdict::Reproduced,
        ).unit("steps"),
        Claim::not_checkable(
            "toy.prior-made-up",
            Seed::CarlsmithCounting.quote("though of course, I just made up the 2^100:1 ratio, here"),
            "2^100 schemer-like goals for every non-schemer goal (a made-up ratio)",
            "there is no agreed measure on goals to count with; the chapter treats the ratio as a free parameter k and asks what overturns 2^k",
        ),
        Claim::statement(
            "toy.bit-per-step",
            Seed::CarlsmithCounting.quote("each step is worth at least a \"bit\" of selection power"),
            "a gradient step carries at least one bit of selection between the classes",
            Test::model(format!(
                "holds if, under the model, the speed cost is worth at least one bit per step; break-even: a step carries a bit for any share above {} of capacity or compute given up (at the illustrative share, for any inverse temperature above {}); at the illustrative share it is worth {} bits, the loss gap {} nats per token against the {} at which a step of {} tokens carries one bit — {}",
                num(step_break_even, 2),
                num(1.0 / cost.bits_per_step, 2),
                num(cost.bits_per_step, 3),
                num(gap, 3),
                num(gap_for_one_bit(a.batch, a.lambda), 3),
                num(a.batch, 3),
                assumptions_text(&a)
            ))
            .on_data(
                Quantity::Real(cost.bits_per_step),
                &a,
                format!(
                    "just below the break-even: a schemer giving up a share {} of its capacity or compute, {}% less than the {} at which a step carries one bit",
                    num(step_rival.share, 3),
                    num(100.0 * PAST_BREAK_EVEN, 1),
                    num(step_break_even, 3)
                ),
                Quantity::Real(step_rival.cost().bits_per_step),
                &step_rival,
                |m: &Assumptions| m.cost().bits_per_step >= 1.0,
            ),
            Verdict::ModelConsequence,
        ).unit("bits per step").digits(3),
        Claim::statement(
            "updates.million",
            Seed::CarlsmithCounting.quote(
                "training a model with more than a trillion parameters might well involve more than a million gradient updates, depending on the batch size",
            ),
            "more than a million gradient updates for more than a trillion parameters, depending on the batch size",
            Test::full(format!(
                "holds if a trillion-parameter model trained on 20 tokens per parameter (Hoffmann et al. 2022) takes more than a million updates at each batch size published for large runs ({published}); it does for every batch below the break-even {} tokens; more parameters or more tokens per parameter only add updates; the value is the fewest updates, at the largest published batch",
                num(threshold, 2)
            ))
            .on_data(
                Quantity::Real(fewest_steps),
                &published_batches[..],
                format!(
                    "just past the break-even batch: {} tokens, {}% above the {} at which the run takes exactly a million updates",
                    num(million_rival, 3),
                    num(100.0 * PAST_BREAK_EVEN, 1),
                    num(threshold, 3)
                ),
                Quantity::Real(updates::steps(PARAMETERS, million_rival)),
                &[million_rival][..],
                |batches: &[f64]| batches.iter().all(|&b| updates::steps(PARAMETERS, b) > MILLION),
            ),
            Verdict::Reproduced,
        ).unit("updates").digits(3),
        Claim::statement(
            "updates.hundred-steps-few",
            Seed::CarlsmithCounting.quote(
                "And 100 extra gradient steps isn't all that many in a very large training run",
            ),
            "100 steps are few in a very large training run",
            Test::full(format!(
                "holds if 100 steps are at most {}% of a trillion-parameter compute-optimal run at every published batch size; at the largest ({} tokens, the fewest steps: {}) they are {}% (the value); they would reach {}% only at batches of {} tokens, the break-even",
                num(100.0 * FEW_STEPS, 1),
                num(largest_published, 2),
                num(fewest_steps, 3),
                num(100.0 * share_of_run, 2),
                num(100.0 * FEW_STEPS, 1),
                num(few_break_even, 2)
            ))
            .on_data(
                Quantity::Real(100.0 * share_of_run),
                &published_batches[..],
                format!(
                    "just past the break-even batch: {} tokens, {}% above the {} at which 100 steps are {}% of the run",
                    num(few_rival, 3),
                    num(100.0 * PAST_BREAK_EVEN, 1),
                    num(few_break_even, 3),
                    num(100.0 * FEW_STEPS, 1)
                ),
                Quantity::Real(100.0 * hundred_share(few_rival)),
                &[few_rival][..],
                |batches: &[f64]| batches.iter().all(|&b| hundred_share(b) <= FEW_STEPS),
            ),
            Verdict::Reproduced,
        ).unit("%").digits(2),
    ]
}

/// The report's serial-step estimate, and what a speed cost is worth in loss and in bits
/// under the model.
pub fn speed_cost_claims() -> Vec<Claim> {
    let a = Assumptions::default();
    let cost = a.cost();
    let gap = cost.capacity_gap.min(cost.compute_gap);
    let lambda_for_toy = f64::from(TOY_PRIOR_BITS) / cost.bits_per_run;
    let free = a.with_share(a.goal_saving);
    let run_break_even = a.share_worth(f64::from(TOY_PRIOR_BITS));
    let run_rival = a.with_share(run_break_even * (1.0 - PAST_BREAK_EVEN));
    let smaller_gap = |m: &Assumptions| {
        let c = m.cost();
        c.capacity_gap.min(c.compute_gap)
    };
    vec![
        Claim::not_checkable(
            "speed-cost.serial-share",
            Seed::CarlsmithSpeed.quote(
                "the report includes a rough calculation in this respect in section 4.4.2",
            ),
            "the report makes a rough calculation of what the extra serial reasoning costs a schemer",
            "the quoted sentence states no number, and the report's section it points to is not among the book's source texts, so nothing here can check that calculation; the share of its computation the schemer gives up is the model's input — the book's illustration, named among the assumptions of the speed-cost claims, which lead with the break-even share instead",
        ),
        Claim::statement(
            "speed-cost.sgd-prefers-non-schemers",
            Seed::CarlsmithSpeed.quote(
                "Because of the extra reasoning schemers perform, SGD would prefer non-schemers over schemers in a comparison re: final properties of the models",
            ),
            "the extra reasoning makes schemers worse on the final comparison SGD selects on",
            Test::model(format!(
                "holds if, under the model, the extra reasoning raises the final loss under both readings of what it takes; break-even: a net share of zero — it does for any share above the capacity a simpler goal frees (none in the model), so the conclusion is the assumption that the reasoning takes more capacity or compute from the task than the schemer's goal saves; at the book's illustrative share ({} in {}, which no source text states) the gap is {} nats per token as capacity, {} as compute (the value is the smaller) — {}",
                count(REASONING_STEPS),
                count(SERIAL_STEPS),
                num(cost.capacity_gap, 3),
                num(cost.compute_gap, 3),
                assumptions_text(&a)
            ))
            .on_data(
                Quantity::Real(gap),
                &a,
                "the break-even: reasoning that takes no capacity or compute from the task (it shares the task's serial steps), or whose cost the simpler goal's saving matches — a net share of zero",
                Quantity::Real(smaller_gap(&free)),
                &free,
                |m: &Assumptions| smaller_gap(m) > 0.0,
            ),
            Verdict::ModelConsequence,
        ).unit("nats per token").digits(3),
        Claim::statement(
            "speed-cost.worth-it",
            Seed::CarlsmithCounting.quote(
                "I think it's plausible that it would indeed be \"worth it\" for SGD to pay substantive costs to get a non-schemer instead",
            ),
            "the speed cost outweighs a counting prior like 2^100 : 1",
            Test::model(format!(
                "holds if, under the model, the loss gap of the speed cost summed over a compute-optimal run is worth at least {TOY_PRIOR_BITS} bits; break-even: it is for any share above {} of capacity or compute given up, and at the illustrative share for any inverse temperature above {} (selection up to {} times weaker than Bayesian updating); at the illustrative share it is worth {} bits (the value), overturning priors up to 2^{} — {}",
                num(run_break_even, 2),
                num(lambda_for_toy, 2),
                num(1.0 / lambda_for_toy, 2),
                num(cost.bits_per_run, 3),
                num(cost.bits_per_run, 2),
                assumptions_text(&a)
            ))
            .on_data(
                Quantity::Real(cost.bits_per_run),
                &a,
                format!(
                    "just below the break-even: a schemer giving up a share {} of its capacity or compute, {}% less than the {} at which the run is worth {TOY_PRIOR_BITS} bits",
                    num(run_rival.share, 3),
                    num(100.0 * PAST_BREAK_EVEN, 1),
                    num(run_break_even, 3)
                ),
                Quantity::Real(run_rival.cost().bits_per_run),
                &run_rival,
                |m: &Assumptions| m.cost().bits_per_run >= f64::from(TOY_PRIOR_BITS),
            ),
            Verdict::ModelConsequence,
        ).unit("bits over the run").digits(3),
    ]
}

/// The small experiment on extra reasoning.
pub fn reasoning_claim(r: &ReasoningResult) -> Claim {
    let last = &r.widths[r.widths.len() - 1];
    let deepest = &r.depths[r.depths.len() - 1];
    let settings: Vec<&WidthResult> = r.settings().collect();
    let smallest = settings
        .iter()
        .map(|w| w.smallest_gap())
        .fold(f64::INFINITY, f64::min);
    let least_cue = settings
        .iter()
        .map(|w| w.least_cue_accuracy())
        .fold(f64::INFINITY, f64::min);
    let by = |ws: &[WidthResult], label: fn(&WidthResult) -> String| {
        ws.iter()
            .map(|w| {
                format!(
                    "{}: {} (null {}, plain loss {})",
                    label(w),
                    num(w.gap(), 2),
                    num(w.twin_gap(), 2),
                    num(w.plain(), 2)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let per_width = by(&r.widths, |w| format!("width {}", w.width));
    let per_depth = by(&r.depths, |w| format!("{} hidden layers", w.depth));
    let schemer_gaps: Vec<f64> = settings
        .iter()
        .flat_map(|w| w.pairs.iter().map(|p| p.schemer - p.plain))
        .collect();
    let twin_gaps: Vec<f64> = settings
        .iter()
        .flat_map(|w| w.pairs.iter().map(|p| p.twin - p.plain))
        .collect();
    let smallest_twin = twin_gaps.iter().copied().fold(f64::INFINITY, f64::min);
    let wide_gaps: Vec<f64> = r
        .widths
        .iter()
        .filter(|w| w.width >= 16)
        .flat_map(|w| w.pairs.iter().map(|p| p.schemer - p.plain))
        .collect();
    let negative = settings
        .iter()
        .flat_map(|w| {
            w.pairs
                .iter()
                .filter(|p| p.schemer <= p.plain)
                .map(move |p| {
                    format!(
                        "width {}, {} hidden layers: gap {}, cue right on {}%",
                        w.width,
                        w.depth,
                        num(p.schemer - p.plain, 2),
                        num(100.0 * p.cue_accuracy, 3)
                    )
                })
        })
        .collect::<Vec<_>>()
        .join("; ");
    let negative = if negative.is_empty() {
        "none".to_string()
    } else {
        negative
    };
    Claim::statement(
        "extra-reasoning.cost",
        Seed::CarlsmithSpeed
        .quote("SGD will punish the extra reasoning that schemers need to perform"),
        "computing a situational cue beside the task, on capacity the task shares, costs a network of fixed size task loss while its task outputs are trained to the same targets",
        Test::small(
            format!(
                "holds if, at every width and every depth tried and in every repetition ({} per setting), a network whose second head must also compute the parity of {} cue bits ends with a higher task test loss than the same network with the task head alone, trained to the same task targets from the same hidden weights and batch order (smallest gap {}; the second head gets the cue right on at least {}% of test examples in every run); mean gap in half squared error by width, at {} hidden layers — {per_width}; by depth, at width {} — {per_depth}; runs in which the schemer analog's task loss is not the higher: {negative}; the null control, a second plain network from another initialisation and batch order, differs from the first by as little as {} (the value: the mean gap at the largest width, over the plain loss; at the greatest depth it is {}). The set-up was changed once after a first book-scale run: the runs' seeds were re-keyed by setting, so that the test scale's runs are among the book's; in that first draw the criterion failed too, with a repetition at the narrowest width and one at a single hidden layer in which the schemer analog's task loss was the lower",
                last.pairs.len(),
                crate::extra_reasoning::CUE_BITS,
                num(smallest, 2),
                num(100.0 * least_cue, 3),
                last.depth,
                deepest.width,
                num(smallest_twin, 2),
                num(deepest.gap() / deepest.plain(), 2)
            ),
        )
        .on_data(
            Quantity::Real(last.gap() / last.plain()),
            &schemer_gaps[..],
            "what meeting the bar looks like, chosen after seeing the runs: the same comparison at the widths from 16 up at two hidden layers only (the value: the smallest gap there), where every second head learned the cue",
            Quantity::Real(wide_gaps.iter().copied().fold(f64::INFINITY, f64::min)),
            &wide_gaps[..],
            |gaps: &[f64]| !gaps.is_empty() && gaps.iter().all(|&g| g > 0.0),
        ),
        Verdict::NotReproduced,
    ).unit("× the plain network's task loss, added at the largest width").digits(2)
}

/// The small-scale test of "SGD gets the model it prefers".
pub fn sampler_claim(r: &SamplerResult) -> Claim {
    let cfg = &r.config;
    let corr = r.log_correlation();
    let covered = r.sgd_share_in_common();
    let shuffled = r.shuffled_log_correlation(SHUFFLE_SEED);
    Claim::statement(
        "sgd-vs-prior.correlation",
        Seed::Turner.quote(
            "Some evidence suggests that “measure in parameter-space” is a good way of approximating P(SGD finds the given function).",
        ),
        "the share of SGD's runs that land on a function is approximated by the function's measure in parameter space (the initialisation's prior, conditioned on the training set); not Carlsmith's premise (2), that SGD gets the model it prefers overall, which a learner that samples in proportion to a prior is not",
        Test::small(
            format!(
                "holds if, with the parameter prior conditioned on the training set as the preference, the log-probabilities of test-set functions under SGD and under the prior correlate at r ≥ {STRONG_CORRELATION} over the {} functions each found at least {} times, and those functions take at least {}% of SGD's runs ({}%); 7-{}-{}-1 ReLU network, target the first bit, {} training and {} test inputs of 128, {} prior draws ({} fit), {} SGD runs ({} fit); the prior's most probable function has {}% under the prior and {}% of SGD runs",
                r.common().len(),
                cfg.min_count,
                num(100.0 * COVERED, 2),
                num(100.0 * covered, 3),
                nets::sampler::WIDTH,
                nets::sampler::WIDTH,
                cfg.m,
                cfg.test_size,
                count(cfg.prior_samples),
                count(r.accepted),
                count(cfg.sgd_runs),
                count(r.fitted),
                num(100.0 * r.prior_share_of_prior_mode(), 2),
                num(100.0 * r.sgd_share_of_prior_mode(), 2)
            ),
        )
        .on_data(
            Quantity::Real(corr),
            &(corr, covered),
            format!(
                "SGD's frequencies unrelated to the prior: the same functions with the pairing shuffled (a seeded permutation, seed {SHUFFLE_SEED}), covering the same share of runs"
            ),
            Quantity::Real(shuffled),
            &(shuffled, covered),
            |&(c, share): &(f64, f64)| c >= STRONG_CORRELATION && share >= COVERED,
        ),
        Verdict::Qualitative,
    ).unit("(correlation of log-probabilities)").digits(3)
}

/// Each contested input's flip, and the inverse temperature at which the law would put it
/// there (`2 ln r / ε*`), as text.
fn flips_text(t: &TemperatureResult) -> String {
    t.contested
        .iter()
        .map(|c| {
            let shares = c
                .shares()
                .iter()
                .map(|p| num(100.0 * p, 2))
                .collect::<Vec<_>>()
                .join(", ");
            let flip = c.flip(&t.config.penalties).map_or_else(
                || "no flip in the range".to_string(),
                |e| {
                    format!(
                        "flips at ε ≈ {}, where the law would need β = {}",
                        num(e, 2),
                        num(2.0 * c.prior_odds().ln() / e, 2)
                    )
                },
            );
            format!(
                "input {} (prior odds {} : 1 from {} of {} draws): SGD's % in the favoured class {shares}; {flip}",
                c.input,
                num(c.prior_odds(), 3),
                count(c.prior.1),
                count(c.prior.0)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The per-input inverse temperatures of the flips (`2 ln r / ε*`), where there is one.
pub fn flip_betas(t: &TemperatureResult) -> Vec<f64> {
    t.contested
        .iter()
        .filter_map(|c| {
            c.flip(&t.config.penalties)
                .map(|e| 2.0 * c.prior_odds().ln() / e)
        })
        .collect()
}

/// The law's own expected counts in the same cells at the fitted parameters: what meeting the
/// bar looks like.
fn gibbs_learner(t: &TemperatureResult) -> Vec<Contested> {
    let beta = t.fit().beta;
    let gaps = t.gaps();
    t.contested
        .iter()
        .map(|c| {
            let theta = c.prior_odds().ln();
            let at = |n: usize, gap: f64| {
                let p = 1.0 / (1.0 + (beta * gap - theta).exp());
                (n, (p * n as f64).round() as usize)
            };
            Contested {
                unpenalised: at(c.unpenalised.0, 0.0),
                penalised: c
                    .penalised
                    .iter()
                    .zip(&gaps)
                    .map(|(&(n, _), &g)| at(n, g))
                    .collect(),
                ..c.clone()
            }
        })
        .collect()
}

/// Does SGD's choice between two classes that fit follow their prior odds times
/// `exp(−β·Δloss)`, and at what `β`?
pub fn temperature_claim(t: &TemperatureResult) -> Claim {
    let fit = t.fit();
    let (lo, hi) = fit.interval();
    let gaps = t.gaps();
    let ideal = gibbs_learner(t);
    let ideal_fit = fit_law(&ideal, &gaps);
    let indifferent = fit_law(&t.indifferent(), &gaps);
    let runs = t.config.runs;
    Claim::statement(
        "sgd-temperature.law",
        Seed::CarlsmithSpeed.quote(
            "The type of path-dependence/slack at stake in training is such that SGD will get the model that it prefers overall.",
        ),
        "between two classes of models that both fit the training data, SGD's choice follows the prior odds tilted by the loss gap, as a learner that weighs classes by prior times exp(−β·loss) would",
        Test::small(format!(
            "holds if one β fits every count — SGD's odds of the prior-favoured class equal to the prior odds times exp(−β·Δ), Δ = ε/2 the least extra summed half squared error a network of that class carries under a penalty of ε training examples — within the 99th percentile of the deviance (χ² with {} degrees of freedom: {}), with β above zero at 95%; fitted β = {} ± {} (95%: {} to {}), deviance {}; {} contested inputs of the sampler's 7-{}-{}-1 network and training set, penalties ε = {} training examples, {runs} SGD runs at each (without a penalty, the sampler's {} runs), the prior odds from its {} accepted draws; {}; a learner that ignores the loss (each penalised share set to the unpenalised one) fits β = {} ± {}, deviance {} (the value: the fitted β, per unit of summed half squared error; β = 1 is Bayesian updating with unit Gaussian noise). The set-up — inputs, penalties, runs and this criterion — was fixed before the first run and not changed after it",
            fit.dof,
            num(fit.deviance_99, 3),
            num(fit.beta, 3),
            num(fit.beta_se, 2),
            num(lo, 3),
            num(hi, 3),
            num(fit.deviance, 3),
            t.contested.len(),
            t.width,
            t.width,
            t.config
                .penalties
                .iter()
                .map(|e| num(*e, 2))
                .collect::<Vec<_>>()
                .join(", "),
            count(t.contested.first().map_or(0, |c| c.unpenalised.0)),
            count(t.contested.first().map_or(0, |c| c.prior.0)),
            flips_text(t),
            num(indifferent.beta, 2),
            num(indifferent.beta_se, 2),
            num(indifferent.deviance, 3),
        ))
        .on_data(
            Quantity::Real(fit.beta),
            &fit,
            format!(
                "a Gibbs learner at the fitted β: the law's own expected counts in the same cells (deviance {}), showing what meeting the bar looks like",
                num(ideal_fit.deviance, 2)
            ),
            Quantity::Real(ideal_fit.beta),
            &ideal_fit,
            |f: &crate::sgd_temperature::LawFit| f.follows_law_with_positive_beta(),
        ),
        Verdict::NotReproduced,
    )
    .unit("(effective inverse temperature, best fit)")
    .digits(3)
}

/// The largest share of runs that may land in the costlier class, at every clear gap, for
/// SGD to count as getting the class it prefers.
pub const COSTLIER_SHARE: f64 = 0.05;

/// A clear loss gap: a penalty of at least this many training examples.
pub const CLEAR_GAP: f64 = 4.0;

/// Premise (2) as Carlsmith words it, without the Gibbs law: given a clear loss gap between
/// two classes that fit, does SGD end in the cheaper one, whatever the prior odds?
pub fn lower_loss_claim(t: &TemperatureResult) -> Claim {
    let clear: Vec<usize> = (0..t.config.penalties.len())
        .filter(|&k| t.config.penalties[k] >= CLEAR_GAP)
        .collect();
    // Every contested input's cells at the clear gaps: runs that fit, those in the costlier
    // (penalised, prior-favoured) class.
    let at_clear = |cs: &[crate::sgd_temperature::Contested]| -> Vec<(usize, usize)> {
        cs.iter()
            .flat_map(|c| clear.iter().filter_map(|&k| c.penalised.get(k).copied()))
            .collect()
    };
    let sgd = at_clear(&t.contested);
    // The premise's words kept exactly: every run that fits ends in the cheaper class.
    let faithful: Vec<(usize, usize)> = sgd.iter().map(|&(n, _)| (n, 0)).collect();
    let worst = |cells: &[(usize, usize)]| {
        cells
            .iter()
            .map(|&(n, a)| a as f64 / n.max(1) as f64)
            .fold(0.0, f64::max)
    };
    let cells_text = t
        .contested
        .iter()
        .map(|c| {
            let cells = clear
                .iter()
                .filter_map(|&k| c.penalised.get(k))
                .map(|&(n, a)| format!("{a} of {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            format!("prior odds {}: {cells}", num(c.prior_odds(), 2))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let penalties = clear
        .iter()
        .map(|&k| num(t.config.penalties[k], 2))
        .collect::<Vec<_>>()
        .join(", ");
    Claim::statement(
        "sgd-temperature.takes-the-lower-loss",
        Seed::CarlsmithSpeed.quote(
            "The type of path-dependence/slack at stake in training is such that SGD will get the model that it prefers overall.",
        ),
        "given a clear loss gap between two classes of models that both fit, SGD ends in the one with the lower loss, whatever the prior odds",
        Test::small(format!(
            "holds if, at every penalty of at least {CLEAR_GAP} training examples on the prior-favoured class (ε = {penalties}), at each of the {} contested inputs of sgd-temperature.law at most {:.0}% of the SGD runs that fit end in the penalised class, against its prior odds: {cells_text}; the value is the largest of those shares. This row tests the premise's words, that SGD gets the model it prefers, and not the Gibbs law that the sgd-temperature.law row tests; it was added, with its bar of {CLEAR_GAP} examples, after a review pointed out that a threshold-like choice supports the words more than a tilt would, and after the law row's counts had been seen",
            t.contested.len(),
            100.0 * COSTLIER_SHARE,
        ))
        .on_data(
            Quantity::Real(100.0 * worst(&sgd)),
            &sgd,
            "the premise's words kept exactly: a learner that, given the gap, always ends in the cheaper class, on as many runs",
            Quantity::Real(100.0 * worst(&faithful)),
            &faithful,
            |cells: &Vec<(usize, usize)>| !cells.is_empty() && worst(cells) <= COSTLIER_SHARE,
        ),
        Verdict::NotReproduced,
    )
    .unit("%")
    .digits(2)
}

/// The speed cost's bits over a run at the inverse temperature measured for SGD, in place of
/// the Bayesian learner's 1.
pub fn measured_temperature_claim(t: &TemperatureResult) -> Claim {
    let fit = t.fit();
    let (lo, _) = fit.interval();
    let betas = flip_betas(t);
    let least = betas.iter().copied().fold(lo, f64::min);
    let at = Assumptions {
        lambda: fit.beta,
        ..Assumptions::default()
    };
    let cautious = Assumptions {
        lambda: least,
        ..Assumptions::default()
    };
    let bayes = Assumptions::default();
    let break_even = f64::from(TOY_PRIOR_BITS) / bayes.cost().bits_per_run;
    let rival = Assumptions {
        lambda: break_even * (1.0 - PAST_BREAK_EVEN),
        ..Assumptions::default()
    };
    Claim::statement(
        "speed-cost.worth-it-at-sgd-temperature",
        Seed::CarlsmithCounting.quote(
            "I think it's plausible that it would indeed be \"worth it\" for SGD to pay substantive costs to get a non-schemer instead",
        ),
        "the speed cost outweighs a counting prior like 2^100 : 1, with selection as strong as SGD's measured at small scale",
        Test::model(format!(
            "holds if, under the model, the speed cost at the illustrative share over a compute-optimal run is worth at least {TOY_PRIOR_BITS} bits at the smallest of the small-scale estimates of SGD's inverse temperature ({}: the least of the lower 95% bound {} of the fitted β {} and the β each contested input's flip implies, {}); break-even: an inverse temperature of {} (below it the prior survives); at the fitted β the run is worth {} bits (the value), at {} it is worth {}, at β = 1 (the Bayesian reference) {}. The estimate carries its own caveats: the law it comes from does not fit SGD's choices (sgd-temperature.law), it was measured in half squared error on a seven-bit problem where a language model's loss is the log-loss of its tokens, and reading it as a share of Bayesian evidence per token is this model's assumption — {}",
            num(least, 3),
            num(lo, 3),
            num(fit.beta, 3),
            betas.iter().map(|b| num(*b, 3)).collect::<Vec<_>>().join(", "),
            num(break_even, 2),
            num(at.cost().bits_per_run, 3),
            num(least, 3),
            num(cautious.cost().bits_per_run, 3),
            num(bayes.cost().bits_per_run, 3),
            assumptions_text(&cautious)
        ))
        .on_data(
            Quantity::Real(at.cost().bits_per_run),
            &cautious,
            format!(
                "just below the break-even: selection at inverse temperature {}, {}% weaker than the {} at which the run is worth {TOY_PRIOR_BITS} bits",
                num(rival.lambda, 3),
                num(100.0 * PAST_BREAK_EVEN, 1),
                num(break_even, 3)
            ),
            Quantity::Real(rival.cost().bits_per_run),
            &rival,
            |m: &Assumptions| m.cost().bits_per_run >= f64::from(TOY_PRIOR_BITS),
        ),
        Verdict::ModelConsequence,
    )
    .unit("bits over the run")
    .digits(3)
}

/// Carlsmith's credences in the two premises.
pub fn credence_claim() -> Claim {
    Claim::not_checkable(
        "speed.credences",
        Seed::CarlsmithSpeed.quote(
            "My sense is that I’m less confident than you in both (1) and (2), but I think they’re both plausible",
        ),
        "both premises — SGD prefers non-schemers, and gets what it prefers — are plausible but uncertain",
        "a credence: the chapter computes what each premise implies under stated assumptions and probes both at small scale, but the weight to give them at frontier scale is a judgement",
    )
}

/// The rest of Carlsmith's reply: the frames and objections he names beside the speed
/// argument, none of which a small experiment here decides.
pub fn reply_claims() -> Vec<Claim> {
    vec![
        Claim::not_checkable(
            "reply.speed-counts-against-schemers",
            Seed::CarlsmithSpeed.quote(
                "And thinking of this consideration as a different kind of counting argument *against* schemers seems like it might well be a productive frame.",
            ),
            "the speed argument can be read as a counting argument of its own, pointing against schemers",
            "a proposal for how to frame the argument; the chapter's arithmetic does read it that way (each step's evidence against the slower class, speed-cost.worth-it and speed-cost.worth-it-at-sgd-temperature), but whether the frame is productive is a judgement",
        ),
        Claim::not_checkable(
            "reply.reversal-curse",
            Seed::CarlsmithSpeed.quote(
                "And I don’t see e.g. the reversal curse as strong evidence on this front.",
            ),
            "the reversal curse is weak evidence that trained models use their instrumental reasoning only for the trained goal",
            "a judgement about how much a published finding on large language models bears on another question; the book trains no language model and cannot reproduce the finding at a scale that would bear on it",
        ),
        Claim::not_checkable(
            "reply.intentional-long-term-goals",
            Seed::CarlsmithSpeed.quote("I think scheming is more likely in those cases."),
            "scheming is more likely when models are trained on purpose to have long-term goals",
            "a prediction about training set-ups (long episodes, or short ones aimed at long-horizon optimisation) that no experiment here runs; the book's learners have no episodes beyond a single step",
        ),
        Claim::not_checkable(
            "reply.credit-assignment",
            Seed::CarlsmithSpeed.quote(
                "That said, I’d be interested to see arguments that credit assignment difficulties actively count against the development of beyond-episode goals (whether in models trained on short episodes or long episodes) for models that are otherwise goal-directed.",
            ),
            "whether the difficulty of assigning credit over long spans counts against beyond-episode goals is an open question worth arguing",
            "a request for arguments, not a claim with a value; testing it would need agents trained on episodes with delayed reward and a way to read their goals beyond the episode, which the book does not have",
        ),
    ]
}
