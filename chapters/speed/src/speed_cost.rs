//! The speed cost of scheming, in loss and in bits of selection.
//!
//! The share of its computation a schemer gives up is the model's input, not a number any of
//! the book's source texts states: Carlsmith's reply points to a rough calculation in §4.4.2
//! of his report, which is not among the sources. The book's illustrative input is ten
//! serial steps of reasoning out of a forward pass of ten thousand, a share of 0.1%; every
//! conclusion is reported with the break-even share at which it flips, which does not
//! depend on that input.
//!
//! Carried through Hoffmann et al.'s loss law ([`crate::chinchilla`]), under two readings
//! of what the schemer gives up:
//! - *capacity*: a share `s` of its parameters does the reasoning instead of the task, so it
//!   models the data like a network of `N·(1 − s)` parameters trained on the same tokens;
//! - *compute*: a share `s` of its training compute is spent on the reasoning, so it ends
//!   where a compute-optimal run with `C·(1 − s)` would.
//!
//! Carlsmith's contributors-to-reward frame counts simplicity and speed in one currency: a
//! schemer's simpler goal could free capacity to set against the reasoning's cost. The model
//! carries that as [`Assumptions::goal_saving`], subtracted from the share, so every
//! conclusion depends on the net share, and a break-even share is a net share above it.
//!
//! Either gives a loss gap `ΔL` in nats per token, which [`crate::selection`] turns into
//! bits of selection per step and per training run. Every assumption is a field of
//! [`Assumptions`], and the claims print them beside the verdicts.

use crate::chinchilla::{HOFFMANN, LossLaw, optimal_tokens};
use crate::selection::bits_per_step;

/// Serial steps in a feed-forward pass: the book's illustrative input, stated by no source
/// text.
pub const SERIAL_STEPS: u32 = 10_000;

/// Serial steps of instrumental reasoning: the book's illustrative input, stated by no
/// source text.
pub const REASONING_STEPS: u32 = 10;

/// The share of serial compute the reasoning takes in the book's illustration: `10 / 10,000`.
pub fn reasoning_share() -> f64 {
    f64::from(REASONING_STEPS) / f64::from(SERIAL_STEPS)
}

/// Everything the conversion from a speed cost to bits of selection assumes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assumptions {
    /// Parameters of the model.
    pub parameters: f64,
    /// Tokens per batch.
    pub batch: f64,
    /// Inverse temperature of the Gibbs learner (1: Bayesian updating on the log-loss).
    pub lambda: f64,
    /// Share of capacity or compute the schemer's extra reasoning takes.
    pub share: f64,
    /// Share of capacity or compute the schemer's simpler goal frees, set against `share`.
    /// Zero by default: no source text sizes it, and the book's goal-capacity experiment
    /// (simplicity chapter) finds a cost of a longer goal only in networks too narrow for
    /// their task.
    pub goal_saving: f64,
    /// The loss law.
    pub law: LossLaw,
}

impl Default for Assumptions {
    /// A trillion parameters, compute-optimal tokens, batches of 2^22 (about four million)
    /// tokens, a Bayesian learner, the book's illustrative 0.1% share, no saving from a
    /// simpler goal, and Hoffmann et al.'s constants.
    fn default() -> Self {
        Assumptions {
            parameters: 1e12,
            batch: 4_194_304.0,
            lambda: 1.0,
            share: reasoning_share(),
            goal_saving: 0.0,
            law: HOFFMANN,
        }
    }
}

/// What the speed cost comes to under one set of assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeedCost {
    pub tokens: f64,
    /// Loss gap, nats per token, reading the share as capacity.
    pub capacity_gap: f64,
    /// Loss gap, nats per token, reading the share as training compute.
    pub compute_gap: f64,
    /// Bits of selection per step and per run, from the smaller of the two gaps.
    pub bits_per_step: f64,
    pub bits_per_run: f64,
}

impl Assumptions {
    /// The share the schemer gives up once the simpler goal's saving is set against it
    /// (negative where the saving is the larger).
    pub fn net_share(&self) -> f64 {
        self.share - self.goal_saving
    }

    /// The loss gaps and the bits of selection they are worth.
    pub fn cost(&self) -> SpeedCost {
        let tokens = optimal_tokens(self.parameters);
        let net = self.net_share();
        let capacity_gap = self.law.capacity_gap(self.parameters, net);
        let compute_gap = self.law.compute_gap(6.0 * self.parameters * tokens, net);
        let gap = capacity_gap.min(compute_gap);
        let per_step = bits_per_step(gap, self.batch, self.lambda);
        SpeedCost {
            tokens,
            capacity_gap,
            compute_gap,
            bits_per_step: per_step,
            bits_per_run: per_step * tokens / self.batch,
        }
    }

    /// The share of capacity or compute whose cost is worth exactly `bits` over a run: the
    /// smallest speed cost that overturns a prior of `2^bits`, by bisection on the share.
    pub fn share_worth(&self, bits: f64) -> f64 {
        self.break_even_share(bits, |c| c.bits_per_run)
    }

    /// The share of capacity or compute at which `measure` of the cost reaches `target`, by
    /// bisection on the share (the measure rises with the share): below it the measure falls
    /// short of the target.
    pub fn break_even_share(&self, target: f64, measure: impl Fn(&SpeedCost) -> f64) -> f64 {
        let (mut lo, mut hi) = (0.0f64, 0.5f64);
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            let worth = measure(
                &Assumptions {
                    share: mid,
                    ..*self
                }
                .cost(),
            );
            if worth < target { lo = mid } else { hi = mid }
        }
        hi
    }

    /// The same assumptions with another share.
    pub fn with_share(&self, share: f64) -> Self {
        Assumptions { share, ..*self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_serial_share_is_a_tenth_of_a_percent() {
        assert!((reasoning_share() - 0.001).abs() < 1e-15);
    }

    #[test]
    fn bits_scale_with_the_temperature_and_not_with_the_batch_over_a_run() {
        let base = Assumptions::default();
        let a = base.cost();
        let hot = Assumptions {
            lambda: 0.5,
            ..base
        }
        .cost();
        let big = Assumptions {
            batch: 4.0 * base.batch,
            ..base
        }
        .cost();
        assert!((hot.bits_per_run / a.bits_per_run - 0.5).abs() < 1e-12);
        assert!((big.bits_per_run / a.bits_per_run - 1.0).abs() < 1e-12);
        assert!((big.bits_per_step / a.bits_per_step - 4.0).abs() < 1e-12);
    }

    #[test]
    fn a_free_computation_costs_nothing_and_the_break_even_step_carries_a_bit() {
        let base = Assumptions::default();
        let free = base.with_share(0.0).cost();
        assert_eq!(free.capacity_gap, 0.0);
        assert_eq!(free.compute_gap, 0.0);
        let s = base.break_even_share(1.0, |c| c.bits_per_step);
        let at = base.with_share(s).cost().bits_per_step;
        assert!((at - 1.0).abs() < 1e-9, "{at}");
        assert!(base.with_share(0.999 * s).cost().bits_per_step < 1.0);
    }

    #[test]
    fn a_goal_saving_as_large_as_the_share_cancels_it_and_moves_the_break_even_by_itself() {
        let base = Assumptions::default();
        let saving = Assumptions {
            goal_saving: base.share,
            ..base
        };
        assert_eq!(saving.cost().capacity_gap, 0.0);
        assert_eq!(saving.cost().compute_gap, 0.0);
        let g = 0.01;
        let shifted = Assumptions {
            goal_saving: g,
            ..base
        };
        let (plain, moved) = (base.share_worth(100.0), shifted.share_worth(100.0));
        assert!((moved - plain - g).abs() < 1e-9, "{plain} {moved}");
    }

    #[test]
    fn the_share_worth_a_prior_gives_back_that_prior() {
        let base = Assumptions::default();
        let s = base.share_worth(100.0);
        let worth = Assumptions { share: s, ..base }.cost().bits_per_run;
        assert!((worth / 100.0 - 1.0).abs() < 1e-9);
    }
}
