//! KL-regularised RL is Bayesian inference (Korbak, Perez & Buckley 2022).
//!
//! On a finite set of outcomes a policy is a softmax over logits `θ`. Gradient ascent on
//! `J(θ) = E_π[r] − β·KL(π ‖ π0)` is run with nothing but the gradient of `J`; the point it
//! converges to is then compared with the posterior `π0·exp(r/β)/Z`, which the ascent never
//! sees. The same ascent on `E_π[r] + β·H(π)` (an entropy bonus) is compared with the
//! posterior under a uniform prior, `softmax(r/β)`.

use crate::distribution::{argmax, kl, max_abs_diff, softmax};
use rand::RngExt;
use rand_distr::{Distribution, StandardNormal};

/// A prior over outcomes and a reward for each.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub prior: Vec<f64>,
    pub reward: Vec<f64>,
}

/// What the regulariser pulls the policy towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regulariser {
    /// `−β·KL(π ‖ π0)`: stay near the prior.
    Kl,
    /// `+β·H(π)`: stay spread out.
    Entropy,
}

impl Regulariser {
    /// How the chapter names it.
    pub fn name(self) -> &'static str {
        match self {
            Regulariser::Kl => "KL penalty",
            Regulariser::Entropy => "entropy bonus",
        }
    }
}

impl Problem {
    /// The chapter's example: eight outcomes, a prior with logits drawn from a standard
    /// normal and rewards uniform on [0, 1), from seed `seed`.
    pub fn example(seed: u64) -> Self {
        let mut r = nets::rng(seed);
        let logits: Vec<f64> = (0..8).map(|_| StandardNormal.sample(&mut r)).collect();
        let reward = (0..8).map(|_| r.random::<f64>()).collect();
        Problem {
            prior: softmax(&logits),
            reward,
        }
    }

    /// The posterior `π0·exp(r/β)/Z`, computed in log space.
    pub fn posterior(&self, beta: f64) -> Vec<f64> {
        let logits: Vec<f64> = self
            .prior
            .iter()
            .zip(&self.reward)
            .map(|(p, r)| p.ln() + r / beta)
            .collect();
        softmax(&logits)
    }

    /// The posterior under a uniform prior, `softmax(r/β)`: the entropy bonus's optimum.
    pub fn uniform_posterior(&self, beta: f64) -> Vec<f64> {
        softmax(&self.reward.iter().map(|r| r / beta).collect::<Vec<_>>())
    }

    /// The outcome with the highest reward.
    pub fn best(&self) -> usize {
        argmax(&self.reward)
    }

    /// The regularised objective at policy `pi`.
    pub fn objective(&self, reg: Regulariser, beta: f64, pi: &[f64]) -> f64 {
        let expected: f64 = pi.iter().zip(&self.reward).map(|(p, r)| p * r).sum();
        match reg {
            Regulariser::Kl => expected - beta * kl(pi, &self.prior),
            Regulariser::Entropy => expected + beta * crate::distribution::entropy(pi),
        }
    }

    /// `∂J/∂θ` at logits `theta`: `π_j (g_j − E_π g)` with `g = r − β log(π/π0)` (or
    /// `r − β log π` for the entropy bonus) — the softmax chain rule, nothing else.
    pub fn gradient(&self, reg: Regulariser, beta: f64, theta: &[f64]) -> Vec<f64> {
        let pi = softmax(theta);
        let g: Vec<f64> = (0..pi.len())
            .map(|k| {
                let reference = match reg {
                    Regulariser::Kl => self.prior[k].ln(),
                    Regulariser::Entropy => 0.0,
                };
                self.reward[k] - beta * (pi[k].ln() - reference)
            })
            .collect();
        let mean: f64 = pi.iter().zip(&g).map(|(p, x)| p * x).sum();
        pi.iter().zip(&g).map(|(p, x)| p * (x - mean)).collect()
    }
}

/// Plain gradient ascent's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AscentConfig {
    /// The step is `step_scale / β` (the objective's curvature near its optimum is at most
    /// `β`, so this is a safe step at every β).
    pub step_scale: f64,
    /// Stop when every component of the gradient is below this.
    pub tolerance: f64,
    pub max_steps: usize,
}

impl Default for AscentConfig {
    fn default() -> Self {
        AscentConfig {
            step_scale: 0.5,
            tolerance: 1e-14,
            max_steps: 1_000_000,
        }
    }
}

/// Where gradient ascent stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct Ascent {
    pub beta: f64,
    pub regulariser: Regulariser,
    pub policy: Vec<f64>,
    pub steps: usize,
    /// The largest gradient component at the end.
    pub gradient: f64,
    /// The largest difference from the closed-form posterior.
    pub error: f64,
}

/// Gradient ascent on the regularised objective from the prior's logits (the base model an
/// RL fine-tune starts from); the result is compared with the closed form only at the end.
pub fn ascend(problem: &Problem, reg: Regulariser, beta: f64, cfg: &AscentConfig) -> Ascent {
    let mut theta: Vec<f64> = problem.prior.iter().map(|p| p.ln()).collect();
    let eta = cfg.step_scale / beta;
    let mut steps = 0;
    let mut largest = f64::INFINITY;
    while steps < cfg.max_steps {
        let g = problem.gradient(reg, beta, &theta);
        largest = g.iter().fold(0.0, |m: f64, x| m.max(x.abs()));
        if largest < cfg.tolerance {
            break;
        }
        for (t, d) in theta.iter_mut().zip(&g) {
            *t += eta * d;
        }
        steps += 1;
    }
    let policy = softmax(&theta);
    let target = match reg {
        Regulariser::Kl => problem.posterior(beta),
        Regulariser::Entropy => problem.uniform_posterior(beta),
    };
    Ascent {
        beta,
        regulariser: reg,
        error: max_abs_diff(&policy, &target),
        policy,
        steps,
        gradient: largest,
    }
}

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct InferenceConfig {
    pub seed: u64,
    /// The KL coefficients at which gradient ascent is run, largest first.
    pub betas: Vec<f64>,
    /// Smaller coefficients at which only the closed form is evaluated (β → 0).
    pub vanishing_betas: Vec<f64>,
    pub ascent: AscentConfig,
}

impl Default for InferenceConfig {
    fn default() -> Self {
        InferenceConfig {
            seed: 7,
            betas: vec![10.0, 3.0, 1.0, 0.3, 0.1],
            vanishing_betas: vec![0.03, 0.01, 3e-3, 1e-3],
            ascent: AscentConfig::default(),
        }
    }
}

/// Gradient ascent at every β, with both regularisers.
#[derive(Clone, Debug)]
pub struct InferenceResult {
    pub config: InferenceConfig,
    pub problem: Problem,
    pub kl: Vec<Ascent>,
    pub entropy: Vec<Ascent>,
}

impl InferenceResult {
    /// The largest difference from the closed form over every β, for one regulariser.
    pub fn worst_error(&self, reg: Regulariser) -> f64 {
        let runs = match reg {
            Regulariser::Kl => &self.kl,
            Regulariser::Entropy => &self.entropy,
        };
        runs.iter().map(|a| a.error).fold(0.0, f64::max)
    }

    /// The largest difference, over every β, between where gradient ascent with `reg` ended
    /// and a candidate closed form `candidate(β)`.
    pub fn distance_from(&self, reg: Regulariser, candidate: impl Fn(f64) -> Vec<f64>) -> f64 {
        let runs = match reg {
            Regulariser::Kl => &self.kl,
            Regulariser::Entropy => &self.entropy,
        };
        runs.iter()
            .map(|a| max_abs_diff(&a.policy, &candidate(a.beta)))
            .fold(0.0, f64::max)
    }

    /// All the mass on the best outcome: the unregularised optimum, the argmax of E[r].
    pub fn argmax_policy(&self) -> Vec<f64> {
        let mut p = vec![0.0; self.problem.prior.len()];
        p[self.problem.best()] = 1.0;
        p
    }

    /// `(β, posterior mass on the best outcome)`, from the largest β to the smallest,
    /// over both β lists.
    pub fn mass_on_best(&self) -> Vec<(f64, f64)> {
        let best = self.problem.best();
        self.config
            .betas
            .iter()
            .chain(&self.config.vanishing_betas)
            .map(|&b| (b, self.problem.posterior(b)[best]))
            .collect()
    }
}

/// Runs gradient ascent at every β of `cfg`.
pub fn run(cfg: &InferenceConfig) -> InferenceResult {
    let problem = Problem::example(cfg.seed);
    let sweep = |reg| {
        cfg.betas
            .iter()
            .map(|&b| ascend(&problem, reg, b, &cfg.ascent))
            .collect()
    };
    InferenceResult {
        kl: sweep(Regulariser::Kl),
        entropy: sweep(Regulariser::Entropy),
        config: cfg.clone(),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analytic gradient is the objective's derivative (central differences).
    #[test]
    fn gradient_matches_finite_differences() {
        let p = Problem::example(1);
        let theta = vec![0.3, -0.2, 0.1, 0.0, 0.5, -1.0, 0.2, 0.7];
        for reg in [Regulariser::Kl, Regulariser::Entropy] {
            let g = p.gradient(reg, 0.4, &theta);
            for k in 0..theta.len() {
                let h = 1e-6;
                let mut up = theta.clone();
                up[k] += h;
                let mut down = theta.clone();
                down[k] -= h;
                let fd = (p.objective(reg, 0.4, &softmax(&up))
                    - p.objective(reg, 0.4, &softmax(&down)))
                    / (2.0 * h);
                assert!((fd - g[k]).abs() < 1e-8, "{reg:?} θ{k}: {fd} vs {}", g[k]);
            }
        }
    }

    /// The posterior is the maximiser: any other policy scores lower.
    #[test]
    fn the_posterior_beats_nearby_policies() {
        let p = Problem::example(2);
        let star = p.posterior(0.5);
        let best = p.objective(Regulariser::Kl, 0.5, &star);
        let mut r = nets::rng(3);
        for _ in 0..100 {
            let jitter: Vec<f64> = star
                .iter()
                .map(|x| x.ln() + 0.1 * (r.random::<f64>() - 0.5))
                .collect();
            assert!(p.objective(Regulariser::Kl, 0.5, &softmax(&jitter)) < best);
        }
    }
}
