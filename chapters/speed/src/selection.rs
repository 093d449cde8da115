//! Bits of selection: how fast training can overturn a counting prior.
//!
//! Carlsmith's toy (§4.2): `2^100` schemer-like goals for every non-schemer goal, so prior
//! odds of `2^100 : 1` for a schemer; if each gradient step "cuts down the space of goals by
//! at least a factor of 2" — one bit of selection — then a non-schemer needs to be worth
//! only 100 extra steps to SGD for it to overcome the prior.
//!
//! The generalisation is a Gibbs posterior over two model classes. Each class has a prior
//! weight and a per-token loss (nats); after `t` steps of `B` tokens each, a Gibbs learner at
//! inverse temperature `λ` weighs a class by `prior · exp(−λ·t·B·loss)`. The odds between the
//! classes therefore move by the factor `exp(λ·B·ΔL)` per step, where `ΔL` is the loss gap:
//!
//! ```text
//!   bits per step        b  = λ·B·ΔL / ln 2,
//!   steps to overturn    t* = k / b          for prior odds 2^k,
//!   bits in a run        T·b = λ·D·ΔL / ln 2 for D = T·B tokens.
//! ```
//!
//! At `λ = 1` this is Bayesian updating with the loss as the negative log-likelihood — the
//! reading under which "SGD is a Bayesian sampler"; `λ < 1` models slack, a learner that uses
//! only part of the evidence the data carry. What the model leaves out: that SGD follows a
//! path rather than re-weighing whole classes, and that classes may differ by more than a
//! constant loss gap.

/// The prior odds of the toy, as a power of two: `2^100 : 1`.
pub const TOY_PRIOR_BITS: u32 = 100;

/// One bit per step: the toy's assumption.
pub const TOY_BITS_PER_STEP: f64 = 1.0;

/// Bits of selection one step of `batch` tokens carries at loss gap `gap` (nats per token)
/// and inverse temperature `lambda`.
pub fn bits_per_step(gap: f64, batch: f64, lambda: f64) -> f64 {
    lambda * batch * gap / std::f64::consts::LN_2
}

/// The loss gap (nats per token) at which one step of `batch` tokens carries one bit.
pub fn gap_for_one_bit(batch: f64, lambda: f64) -> f64 {
    std::f64::consts::LN_2 / (lambda * batch)
}

/// Steps needed to overturn prior odds of `2^k` at `bits` per step (real-valued).
pub fn steps_to_overturn(k: f64, bits: f64) -> f64 {
    k / bits
}

/// The toy exactly: the fewest whole steps after which odds of `2^k : 1` against the
/// favoured class, each step cutting the disfavoured class's share by a factor `2^bits`
/// (`bits` a whole number), are back to even or better. Counted step by step on exact
/// integers, so the answer does not rest on floating point.
///
/// # Panics
/// If `bits` is zero (no step ever helps) or `k ≥ 128`.
pub fn toy_steps(k: u32, bits: u32) -> u32 {
    assert!(
        bits > 0 && k < 128,
        "a positive number of bits, odds within u128"
    );
    let mut odds: u128 = 1 << k;
    let mut steps = 0;
    while odds > 1 {
        odds >>= bits.min(127);
        steps += 1;
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toy_takes_k_over_b_steps() {
        assert_eq!(toy_steps(100, 1), 100);
        assert_eq!(toy_steps(100, 2), 50);
        assert_eq!(toy_steps(100, 3), 34);
        assert_eq!(toy_steps(0, 1), 0);
    }

    #[test]
    fn one_bit_per_step_at_the_threshold_gap() {
        let (batch, lambda) = (4e6, 0.5);
        let b = bits_per_step(gap_for_one_bit(batch, lambda), batch, lambda);
        assert!((b - 1.0).abs() < 1e-12);
        assert!((steps_to_overturn(100.0, b) - 100.0).abs() < 1e-9);
    }
}
