//! Compute-optimal scaling (Hoffmann et al. 2022, "Training Compute-Optimal Large Language
//! Models"): how many tokens a model of a given size is trained on, and the loss it reaches.
//!
//! Two of the paper's results are used:
//! - its compute-optimal model, Chinchilla, has 70 billion parameters trained on 1.4 trillion
//!   tokens — the "about 20 tokens per parameter" rule of thumb;
//! - its parametric fit of final training loss (their Approach 3, equation 10),
//!   `L(N, D) = E + A/N^α + B/D^β` in nats per token, with `N` parameters and `D` tokens.
//!
//! Training compute is the usual `C ≈ 6·N·D` floating-point operations.

/// Chinchilla's parameters and training tokens.
pub const CHINCHILLA_PARAMETERS: f64 = 70e9;
pub const CHINCHILLA_TOKENS: f64 = 1.4e12;

/// Tokens per parameter at the compute-optimal point, from Chinchilla itself.
pub fn tokens_per_parameter() -> f64 {
    CHINCHILLA_TOKENS / CHINCHILLA_PARAMETERS
}

/// The fitted loss law `L(N, D) = E + A/N^α + B/D^β` (nats per token).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LossLaw {
    pub e: f64,
    pub a: f64,
    pub b: f64,
    pub alpha: f64,
    pub beta: f64,
}

/// Hoffmann et al.'s fitted constants (Approach 3).
pub const HOFFMANN: LossLaw = LossLaw {
    e: 1.69,
    a: 406.4,
    b: 410.7,
    alpha: 0.34,
    beta: 0.28,
};

impl LossLaw {
    /// The loss of `n` parameters trained on `d` tokens.
    pub fn loss(&self, n: f64, d: f64) -> f64 {
        self.e + self.a / n.powf(self.alpha) + self.b / d.powf(self.beta)
    }

    /// The loss from giving up a share `s` of the parameters, at `d` tokens: the capacity
    /// term alone, `A·N^−α·((1 − s)^−α − 1)`, written so small shares keep their digits.
    pub fn capacity_gap(&self, n: f64, s: f64) -> f64 {
        self.a / n.powf(self.alpha) * (-self.alpha * (-s).ln_1p()).exp_m1()
    }

    /// The parameters and tokens that minimise the loss at compute `c = 6·N·D` (the
    /// closed form of their equation 4).
    pub fn optimal_allocation(&self, c: f64) -> (f64, f64) {
        let (a, b) = (self.alpha, self.beta);
        let g = (a * self.a / (b * self.b)).powf(1.0 / (a + b));
        let n = g * (c / 6.0).powf(b / (a + b));
        (n, c / 6.0 / n)
    }

    /// The lowest loss reachable with compute `c`.
    pub fn optimal_loss(&self, c: f64) -> f64 {
        let (n, d) = self.optimal_allocation(c);
        self.loss(n, d)
    }

    /// The loss from giving up a share `s` of training compute `c`, each run at its optimal
    /// allocation. On the frontier the reducible loss is a power of compute, so the gap is
    /// that power's relative change, written so small shares keep their digits.
    pub fn compute_gap(&self, c: f64, s: f64) -> f64 {
        let exponent = self.alpha * self.beta / (self.alpha + self.beta);
        (self.optimal_loss(c) - self.e) * (-exponent * (-s).ln_1p()).exp_m1()
    }
}

/// Compute-optimal tokens for `n` parameters, at Chinchilla's ratio.
pub fn optimal_tokens(n: f64) -> f64 {
    tokens_per_parameter() * n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinchilla_is_twenty_tokens_per_parameter() {
        assert!((tokens_per_parameter() - 20.0).abs() < 1e-12);
    }

    #[test]
    fn the_gaps_agree_with_differences_of_the_law() {
        let (n, d, s) = (1e9, 2e10, 0.05);
        let direct = HOFFMANN.loss(n * (1.0 - s), d) - HOFFMANN.loss(n, d);
        assert!((HOFFMANN.capacity_gap(n, s) - direct).abs() < 1e-12);
        let c = 1e22;
        let direct = HOFFMANN.optimal_loss(c * (1.0 - s)) - HOFFMANN.optimal_loss(c);
        assert!((HOFFMANN.compute_gap(c, s) - direct).abs() < 1e-12);
    }

    #[test]
    fn the_optimal_allocation_minimises_the_loss() {
        let c = 1e23;
        let (n, d) = HOFFMANN.optimal_allocation(c);
        assert!((6.0 * n * d / c - 1.0).abs() < 1e-12);
        let best = HOFFMANN.loss(n, d);
        for f in [0.8, 0.9, 1.1, 1.25] {
            assert!(HOFFMANN.loss(n * f, d / f) > best);
        }
    }
}
