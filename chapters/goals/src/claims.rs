//! The chapter's claims: what the texts say about goal slots, goal realism and goal
//! reductionism, beside what the chapter computes for each.
//!
//! The trained policy, its probes and the interventions are a small-scale analogue
//! ([`ledger::Basis::Small`]): one small gridworld, one architecture. What counting over a
//! slot's values would predict is a model consequence ([`ledger::Basis::Model`]) whose
//! assumptions the criterion names. Every checkable claim names its rival — the untrained
//! network, the shuffled-label probe, a random direction of the same norm, the break-even
//! number of goal values, a world where behaviours and goals are one to one — decided by the
//! same rule. The criteria were fixed before the first run; the set-up was not changed after
//! it.

use crate::experiments::Results;
use crate::slot::LayerProbe;
use ledger::{Claim, Quantity, Seed, Test, Verdict};

/// "Reaches its targets": the greedy rollout arrives from at least this share of held-out
/// states, for every network.
pub const REACH: f64 = 0.95;

/// "Readable": the probe's held-out accuracy at every hidden layer, averaged over networks.
pub const READABLE: f64 = 0.9;

/// "Repurposed": the share of episodes an intervention at strength 1 retargets, at every
/// hidden layer.
pub const REPURPOSED: f64 = 0.5;

/// The intervention strength the goal-slot claim is decided at: the whole class-mean
/// difference, as if the slot's contents were swapped.
pub const SWAP: f64 = 1.0;

/// Standard errors within which two held-out accuracies count as the same.
pub const SAME_SE: f64 = 2.0;

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(r: &Results) -> Vec<Claim> {
    let mut all = slot_claims(r);
    all.extend(prior_claims(r));
    all.extend(opinion_claims());
    all
}

/// Whether accuracy `b` is at least `a` less [`SAME_SE`] binomial standard errors of `a`
/// over `n` held-out states.
fn as_high(a: f64, b: f64, n: usize) -> bool {
    let se = (a * (1.0 - a) / n as f64).sqrt();
    b >= a - SAME_SE * se
}

/// The trained policy, its probes and the interventions.
pub fn slot_claims(r: &Results) -> Vec<Claim> {
    let s = &r.slot;
    let c = &s.config;
    let (reach, reach_untrained) = s.worst_reach();
    let (input_probe, input_retargeted) = s.input();
    let trained_by_layer: Vec<f64> = s.probe_by_layer().iter().map(|p| p.trained).collect();
    let probes = s.probe_by_layer();
    let min = |f: fn(&LayerProbe) -> f64| probes.iter().map(f).fold(1.0, f64::min);
    let list = |f: fn(&LayerProbe) -> f64| {
        probes
            .iter()
            .map(|p| format!("{:.2}", f(p)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pooled = probes[0].held_out * s.networks.len();
    // (trained, other) accuracy per layer, judged by one rule.
    let untrained_pairs: Vec<(f64, f64)> =
        probes.iter().map(|p| (p.trained, p.untrained)).collect();
    let shuffled_pairs: Vec<(f64, f64)> = probes.iter().map(|p| (p.trained, p.shuffled)).collect();
    let gap = |v: &[(f64, f64)]| {
        v.iter()
            .map(|(a, b)| a - b)
            .fold(f64::NEG_INFINITY, f64::max)
    };
    let swap = s.at_strength(SWAP);
    let swapped: Vec<f64> = swap.iter().map(|p| p.mean_difference.retargeted).collect();
    let random: Vec<f64> = swap.iter().map(|p| p.random.retargeted).collect();
    let kept: Vec<f64> = swap.iter().map(|p| p.mean_difference.kept).collect();
    let fmt = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let least = |v: &[f64]| v.iter().copied().fold(1.0, f64::min);
    vec![
        Claim::statement(
            "gridworld.reaches-targets",
            Seed::BelrosePope.quote(
                "If an AI models such a distribution well, then trajectories sampled from its policy can also be usefully described as pursuing a similar goal to the one illustrated by the training data.",
            ),
            "a policy trained to imitate target-reaching behaviour models it well off its training states, well enough to be described as pursuing the target there: the quote's antecedent, measured by its consequent; where it falls short the conditional itself is not refuted, only not put to the test",
            Test::small(format!(
                "holds if, for each of {} ReLU networks with hidden layers {:?} trained to imitate a shortest-path teacher on {:.0}% of the {} states of a {}×{} grid, the greedy rollout reaches the target its observation shows within {} moves from at least {:.0}% of the {} held-out states (the value: the worst network's share; on its own training states each network's greedy move is a shortest move at least {:.3} of the time, and the same networks untrained reach the target from at most {:.3})",
                s.networks.len(),
                c.hidden,
                100.0 * c.train_share,
                c.grid().states().len(),
                c.side,
                c.side,
                c.budget,
                100.0 * REACH,
                s.held_out,
                s.networks.iter().map(|n| n.train_agreement).fold(1.0, f64::min),
                reach_untrained,
            ))
            .on(
                Quantity::Real(reach),
                "the shortest-path teacher the networks imitate, a policy that pursues the target by construction",
                Quantity::Real(1.0),
                |q| q.to_f64() >= REACH,
            ),
            Verdict::NotReproduced,
        )
        .digits(3),
        Claim::statement(
            "slot.target-readable",
            Seed::BelrosePope.quote(
                "Here, the goal slot is clearly meant to be causally and explanatorily prior to the goal-achieving engine, and hence to the rest of the AI’s behavior.",
            ),
            "if the trained policy has a goal slot (the goal-realist picture the essay describes and rejects), its contents — the target — can be read from its hidden activations",
            Test::small(format!(
                "holds if a linear probe reads the target's cell (one of {}) from every hidden layer with held-out accuracy of at least {READABLE} (averaged over the networks; by layer {}; the value is the lowest layer's; with shuffled training labels the probe scores {} — chance is {:.3})",
                c.grid().cells(),
                list(|p| p.trained),
                list(|p| p.shuffled),
                1.0 / c.grid().cells() as f64,
            ))
            .on_data(
                Quantity::Real(min(|p| p.trained)),
                trained_by_layer.as_slice(),
                "the slot the task builds in: the same probe on the observation, where the target has a plane of its own",
                Quantity::Real(input_probe),
                &[input_probe][..],
                |v: &[f64]| v.iter().all(|&x| x >= READABLE),
            ),
            Verdict::NotReproduced,
        )
        .digits(3),
        Claim::statement(
            "slot.readable-without-a-goal",
            Seed::BelrosePope.quote(
                "There is no true underlying goal that an AI has— rather, the AI simply learns a bunch of contextually-activated heuristics, and humans may or may not decide to interpret the AI as having a goal that compactly explains its behavior.",
            ),
            "reading a goal off a network's activations is an interpretation: a probe reads the target as well from a network that pursues nothing",
            Test::small(format!(
                "holds if, at every hidden layer, the probe's held-out accuracy on the untrained network (by layer {}) is no more than {SAME_SE} binomial standard errors (over {pooled} held-out states pooled across networks) below its accuracy on the trained one (by layer {}); the value is the largest shortfall",
                list(|p| p.untrained),
                list(|p| p.trained),
            ))
            .on_data(
                Quantity::Real(gap(&untrained_pairs)),
                untrained_pairs.as_slice(),
                "a representation that carries no target: the shuffled-label probe on the trained network",
                Quantity::Real(gap(&shuffled_pairs)),
                shuffled_pairs.as_slice(),
                |v: &[(f64, f64)]| v.iter().all(|&(a, b)| as_high(a, b, pooled)),
            ),
            Verdict::Qualitative,
        )
        .digits(2),
        Claim::statement(
            "slot.repurposed",
            Seed::BelrosePope.quote(
                "some analyses of schemers talk as though the model has what we might call a “goal-achieving engine” that is cleanly separable from what we might call its “goal slot,” such that you can modify the contents of the goal slot, and the goal-achieving engine will be immediately and smoothly repurposed in pursuit of the new goal.",
            ),
            "changing the contents of the trained policy's goal slot repurposes its behaviour toward the new goal (the goal-realist picture the essay describes and rejects)",
            Test::small(format!(
                "holds if adding α·(μ[T′] − μ[T]) at α = {SWAP} — the difference of the layer's mean activations for the new target T′ and the shown one T — to any one hidden layer at every step sends the agent to T′ first in at least {:.0}% of {} episodes per network at every layer (by layer {}; it kept to T in {}; a random direction of the same norm sends it to T′ in {}, and no intervention in {:.3}); the value is the lowest layer's share",
                100.0 * REPURPOSED,
                c.episodes,
                fmt(&swapped),
                fmt(&kept),
                fmt(&random),
                s.at_strength(0.0)[0].mean_difference.retargeted,
            ))
            .on_data(
                Quantity::Real(least(&swapped)),
                swapped.as_slice(),
                "the slot the task builds in: the observation's target plane rewritten to show T′",
                Quantity::Real(input_retargeted),
                &[input_retargeted][..],
                |v: &[f64]| v.iter().all(|&x| x >= REPURPOSED),
            ),
            Verdict::NotReproduced,
        )
        .digits(3),
    ]
}

/// What indifference over a slot's values, and over behaviours, predicts.
pub fn prior_claims(r: &Results) -> Vec<Claim> {
    let p = &r.prior;
    let break_even = crate::prior::unintended_share(2);
    let log_ratio = p.log10_slot_reach - p.log10_behaviour_reach;
    vec![
        Claim::statement(
            "counting.slot-prior",
            Seed::CarlsmithCounting.quote(
                "By contrast, the schemer model class is compatible with a very wide range of (beyond-episode) goals",
            ),
            "the book's model of the premise: if goals sat in a slot with many possible values and indifference were applied over them, most of the prior would go to unintended ones (the premise names the range of goals; the indifference is the book's assumption)",
            Test::model(format!(
                "assuming a goal slot with G values (here the {} cells of the grid, G = {}), a goal-achieving engine that heads for whatever the slot holds, indifference over the slot's contents, and training that cannot tell the values apart: each value gets 1/G whatever the behaviour, and the claim holds if the unintended values get more than half (the value: 1 − 1/G)",
                p.goals, p.goals,
            ))
            .on(
                Quantity::Real(p.unintended),
                "the break-even slot, G = 2, where the unintended value gets exactly half",
                Quantity::Real(break_even),
                |q| q.to_f64() > 0.5,
            ),
            Verdict::ModelConsequence,
        )
        .digits(3),
        Claim::statement(
            "huemer.levels-disagree",
            Seed::BelrosePope.quote(
                "That is, if X is a random variable which causes or “explains” another variable Y, we might be able to apply the indifference principle to X, but we definitely can’t apply it to Y.",
            ),
            "indifference over goals (the explaining variable) and over behaviours (the explained one) give the same behaviour different probabilities, so the level matters",
            Test::model(format!(
                "on the {side}×{side} grid with the target fixed: indifference over a slot of {g} cells with a competent engine gives 'reaches the target from every start' probability 1/{g}; indifference over behaviours (each of the {} other cells picks one of four moves; a move off the grid stays put) gives it τ/4^{} with τ = 10^{:.2} the grid's spanning trees (matrix-tree theorem), 10^{:.2}; holds if the two differ by more than a factor of 2 (the value: how many times more probable the slot level makes it)",
                p.goals - 1,
                p.goals - 1,
                p.log10_spanning_trees,
                p.log10_behaviour_reach,
                side = p.side,
                g = p.goals,
            ))
            .on(
                Quantity::Real(10f64.powf(log_ratio)),
                "behaviours one to one with goal values: each slot value fixes one behaviour and every behaviour has one, so the two levels coincide",
                Quantity::Real(1.0),
                |q| q.to_f64() > 2.0 || q.to_f64() < 0.5,
            ),
            Verdict::ModelConsequence,
        )
        .digits(3),
    ]
}

/// Claims about future systems and research programmes, and the report's own scope.
pub fn opinion_claims() -> Vec<Claim> {
    vec![
        Claim::not_checkable(
            "scope.conditional-on-goal-directedness",
            Seed::CarlsmithSpeed.quote(
                "The question in this report is whether, conditional on goal-directedness, we should expect scheming.",
            ),
            "the report sets aside whether models will be goal-directed, and asks whether scheming follows if they are",
            "a statement of what the report argues, not a claim about the world; it bears on this chapter because the essay's goal-realism objection is about the condition the report brackets, so the chapter's toy speaks to the essay's objection and not to the report's conditional question (the reply adds that how messy the goal-directedness is may still matter, and that scheming may need an unusually high standard of it)",
        ),
        Claim::not_checkable(
            "huemer.goals-supervene-on-behaviour",
            Seed::BelrosePope.quote(
                "But goals supervene on behavior— that is, an agent’s goal can’t change without a corresponding change in its behavior in some possible scenario.",
            ),
            "goals supervene on behaviour, so behaviour is the lower level, and Huemer's rule licenses indifference over behaviours rather than goals",
            "a philosophical premise about what goals are; the chapter computes how far the two levels' indifference differ (huemer.levels-disagree), which is what makes the premise matter, but no computation decides which level a rule of indifference should use",
        ),
        Claim::not_checkable(
            "realism.slots-expensive",
            Seed::BelrosePope.quote(
                "In general, full [separation between goal and goal-achieving engine]and the resulting full flexibility is expensive.",
            ),
            "full separation between goal and goal-achieving engine is expensive (Millidge, quoted by Belrose & Pope)",
            "a claim about what separation costs large trained systems; the chapter's task writes the target into the input, so a network gets the separation for free and its cost cannot be measured here",
        ),
        Claim::not_checkable(
            "realism.future-architectures",
            Seed::BelrosePope.quote(
                "We have good reason, then, to think that future AIs will not have the kind of architecture that makes goal realism superficially plausible.",
            ),
            "future AIs will not have a separable goal slot",
            "a prediction about future systems; the chapter's small policy is one architecture on one task",
        ),
        Claim::not_checkable(
            "realism.unfalsifiable",
            Seed::BelrosePope.quote(
                "By contrast, goal realism leads only to unfalsifiable speculation about an “inner actress” with utterly alien motivations.",
            ),
            "goal realism leads only to unfalsifiable speculation",
            "a judgement about a research programme; the chapter's intervention (slot.repurposed) is one prediction of the goal-slot picture that could have failed, in a toy where the goal is shown in the input, which says nothing of goals that never show in training behaviour",
        ),
        Claim::not_checkable(
            "realism.internal-structure",
            Seed::Turner.quote(
                "Making highly specific claims about the internal structure of future AI, after presenting very tiny amounts of evidence.",
            ),
            "arguments for scheming make highly specific claims about future AI's internal structure on very little evidence",
            "a judgement of how much evidence other people's arguments present; the chapter measures one small network's internal structure, not future AI's",
        ),
    ]
}
