//! What a policy-gradient update does with reward.
//!
//! A tabular softmax policy (one row of logits per state) on two tasks: a bandit (one state,
//! noisy rewards) and a short corridor (walk left or right for a few steps; the return is
//! how far right the walk ends). The REINFORCE update and the gradient of PPO's clipped
//! objective are written out, and compared — by finite differences, with no algebra shared —
//! with the gradient of an *advantage-weighted log-likelihood*: `(1/n)·Σ A_i·log π(a_i|s_i)`,
//! the loss of imitating one's own samples, each weighted by its advantage. A sample with
//! negative advantage gets a negative weight: it is imitated in reverse.

use crate::distribution::softmax;
use ndarray::Array1;
use nets::{ArraysState, Optimizer};
use rand::RngExt;
use rand_distr::{Distribution, StandardNormal};

/// A finite task with a tabular softmax policy over `states × actions` logits.
#[derive(Clone, Debug, PartialEq)]
pub enum Task {
    /// One state; action `a` pays `means[a]` plus Gaussian noise of standard deviation `noise`.
    Bandit { means: Vec<f64>, noise: f64 },
    /// Start at 0, step left or right `horizon` times; the return is the final position
    /// divided by the horizon (so in [−1, 1]). The state is (time, position).
    Corridor { horizon: usize },
}

/// One (state, action) datapoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub state: usize,
    pub action: usize,
}

/// An episode and its return.
#[derive(Clone, Debug, PartialEq)]
pub struct Trajectory {
    pub steps: Vec<Step>,
    pub ret: f64,
}

/// A trajectory with the advantage it is weighted by.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub trajectory: Trajectory,
    pub advantage: f64,
}

impl Task {
    pub fn states(&self) -> usize {
        match self {
            Task::Bandit { .. } => 1,
            Task::Corridor { horizon } => horizon * (2 * horizon + 1),
        }
    }

    pub fn actions(&self) -> usize {
        match self {
            Task::Bandit { means, .. } => means.len(),
            Task::Corridor { .. } => 2,
        }
    }

    /// The number of logits.
    pub fn parameters(&self) -> usize {
        self.states() * self.actions()
    }

    /// The policy's action probabilities in `state`.
    pub fn policy(&self, theta: &[f64], state: usize) -> Vec<f64> {
        let a = self.actions();
        softmax(&theta[state * a..(state + 1) * a])
    }

    /// Plays the actions in order (ignoring the reward noise), returning the steps and the
    /// noise-free return.
    fn play(&self, actions: &[usize]) -> Trajectory {
        match self {
            Task::Bandit { means, .. } => Trajectory {
                steps: vec![Step {
                    state: 0,
                    action: actions[0],
                }],
                ret: means[actions[0]],
            },
            Task::Corridor { horizon } => {
                let h = *horizon as i64;
                let mut pos = 0i64;
                let steps = actions
                    .iter()
                    .enumerate()
                    .map(|(t, &action)| {
                        let state = t * (2 * *horizon + 1) + (pos + h) as usize;
                        pos += if action == 1 { 1 } else { -1 };
                        Step { state, action }
                    })
                    .collect();
                Trajectory {
                    steps,
                    ret: pos as f64 / h as f64,
                }
            }
        }
    }

    fn horizon(&self) -> usize {
        match self {
            Task::Bandit { .. } => 1,
            Task::Corridor { horizon } => *horizon,
        }
    }

    /// One episode under the policy `theta`.
    pub fn rollout(&self, theta: &[f64], r: &mut impl rand::Rng) -> Trajectory {
        let mut actions = Vec::with_capacity(self.horizon());
        for _ in 0..self.horizon() {
            let p = self.policy(theta, self.state_after(&actions));
            let u: f64 = r.random();
            let mut acc = 0.0;
            let mut choice = p.len() - 1;
            for (a, pa) in p.iter().enumerate() {
                acc += pa;
                if u < acc {
                    choice = a;
                    break;
                }
            }
            actions.push(choice);
        }
        let mut trajectory = self.play(&actions);
        if let Task::Bandit { noise, .. } = self {
            let e: f64 = StandardNormal.sample(r);
            trajectory.ret += noise * e;
        }
        trajectory
    }

    /// The state reached after `actions` (the first state when empty).
    fn state_after(&self, actions: &[usize]) -> usize {
        match self {
            Task::Bandit { .. } => 0,
            Task::Corridor { horizon } => {
                let pos: i64 = actions.iter().map(|&a| if a == 1 { 1 } else { -1 }).sum();
                actions.len() * (2 * horizon + 1) + (pos + *horizon as i64) as usize
            }
        }
    }

    /// Every action sequence with its probability under `theta` and its noise-free return.
    pub fn enumerate(&self, theta: &[f64]) -> Vec<(Trajectory, f64)> {
        let (a, h) = (self.actions(), self.horizon());
        (0..a.pow(h as u32))
            .map(|code| {
                let actions: Vec<usize> = (0..h).map(|t| (code / a.pow(t as u32)) % a).collect();
                let trajectory = self.play(&actions);
                let p = log_prob(self, theta, &trajectory).exp();
                (trajectory, p)
            })
            .collect()
    }

    /// The exact expected return `J(θ)`.
    pub fn expected_return(&self, theta: &[f64]) -> f64 {
        self.enumerate(theta).iter().map(|(t, p)| p * t.ret).sum()
    }
}

/// `log π(τ) = Σ_t log π(a_t | s_t)`.
pub fn log_prob(task: &Task, theta: &[f64], trajectory: &Trajectory) -> f64 {
    trajectory
        .steps
        .iter()
        .map(|s| task.policy(theta, s.state)[s.action].ln())
        .sum()
}

/// `∇ log π(τ)`, written out: at each step, `e_a − π(·|s)` in that state's row.
pub fn grad_log_prob(task: &Task, theta: &[f64], trajectory: &Trajectory) -> Vec<f64> {
    let a = task.actions();
    let mut g = vec![0.0; theta.len()];
    for s in &trajectory.steps {
        let p = task.policy(theta, s.state);
        for (k, pk) in p.iter().enumerate() {
            let indicator = if k == s.action { 1.0 } else { 0.0 };
            g[s.state * a + k] += indicator - pk;
        }
    }
    g
}

/// The REINFORCE update direction: `(1/n)·Σ_i A_i·∇ log π(τ_i)`.
pub fn reinforce(task: &Task, theta: &[f64], batch: &[Sample]) -> Vec<f64> {
    let mut g = vec![0.0; theta.len()];
    for s in batch {
        for (gk, dk) in g.iter_mut().zip(grad_log_prob(task, theta, &s.trajectory)) {
            *gk += s.advantage * dk / batch.len() as f64;
        }
    }
    g
}

/// The advantage-weighted log-likelihood `(1/n)·Σ_i A_i·log π(τ_i)`.
pub fn weighted_log_likelihood(task: &Task, theta: &[f64], batch: &[Sample]) -> f64 {
    batch
        .iter()
        .map(|s| s.advantage * log_prob(task, theta, &s.trajectory))
        .sum::<f64>()
        / batch.len() as f64
}

/// PPO's clipped surrogate, per (state, action) datapoint:
/// `(1/n)·Σ_i Σ_t min(ρ·A_i, clip(ρ, 1−ε, 1+ε)·A_i)` with `ρ = π(a_t|s_t)/π_old(a_t|s_t)`.
pub fn ppo_clip(task: &Task, theta: &[f64], old: &[f64], batch: &[Sample], eps: f64) -> f64 {
    batch
        .iter()
        .map(|s| {
            s.trajectory
                .steps
                .iter()
                .map(|st| {
                    let rho = task.policy(theta, st.state)[st.action]
                        / task.policy(old, st.state)[st.action];
                    (rho * s.advantage).min(rho.clamp(1.0 - eps, 1.0 + eps) * s.advantage)
                })
                .sum::<f64>()
        })
        .sum::<f64>()
        / batch.len() as f64
}

/// The gradient of PPO's clipped surrogate, written out: a datapoint contributes
/// `ρ·A·∇ log π(a|s)` unless its ratio is already clipped on the side its advantage pushes.
pub fn ppo_clip_gradient(
    task: &Task,
    theta: &[f64],
    old: &[f64],
    batch: &[Sample],
    eps: f64,
) -> Vec<f64> {
    let a = task.actions();
    let mut g = vec![0.0; theta.len()];
    for s in batch {
        for st in &s.trajectory.steps {
            let p = task.policy(theta, st.state);
            let rho = p[st.action] / task.policy(old, st.state)[st.action];
            let clipped =
                (s.advantage > 0.0 && rho > 1.0 + eps) || (s.advantage < 0.0 && rho < 1.0 - eps);
            if clipped {
                continue;
            }
            for (k, pk) in p.iter().enumerate() {
                let indicator = if k == st.action { 1.0 } else { 0.0 };
                g[st.state * a + k] += rho * s.advantage * (indicator - pk) / batch.len() as f64;
            }
        }
    }
    g
}

/// Central finite differences of `f` at `theta`, step `h`.
pub fn finite_difference(theta: &[f64], h: f64, f: impl Fn(&[f64]) -> f64) -> Vec<f64> {
    let mut x = theta.to_vec();
    (0..theta.len())
        .map(|k| {
            x[k] = theta[k] + h;
            let up = f(&x);
            x[k] = theta[k] - h;
            let down = f(&x);
            x[k] = theta[k];
            (up - down) / (2.0 * h)
        })
        .collect()
}

/// `‖a − b‖∞ / ‖b‖∞`.
pub fn relative_error(a: &[f64], b: &[f64]) -> f64 {
    let scale = b.iter().fold(0.0, |m: f64, x| m.max(x.abs()));
    crate::distribution::max_abs_diff(a, b) / scale
}

/// A batch of episodes under `theta`, with advantages `return − baseline`; the baseline is
/// the batch's mean return when `baseline` is `None`.
pub fn batch(
    task: &Task,
    theta: &[f64],
    n: usize,
    baseline: Option<f64>,
    r: &mut impl rand::Rng,
) -> Vec<Sample> {
    let episodes: Vec<Trajectory> = (0..n).map(|_| task.rollout(theta, r)).collect();
    let b = baseline.unwrap_or_else(|| nets::stats::mean(episodes.iter().map(|e| e.ret)));
    episodes
        .into_iter()
        .map(|trajectory| Sample {
            advantage: trajectory.ret - b,
            trajectory,
        })
        .collect()
}

/// The change in a sample's own log-probability after updating on that sample alone:
/// one REINFORCE step of size `lr`, or `epochs` steps of ascent on PPO's clipped objective.
pub fn own_log_prob_change(
    task: &Task,
    theta: &[f64],
    sample: &Sample,
    lr: f64,
    rule: UpdateRule,
) -> f64 {
    let one = std::slice::from_ref(sample);
    let mut th = theta.to_vec();
    match rule {
        UpdateRule::Reinforce => {
            for (t, d) in th.iter_mut().zip(reinforce(task, theta, one)) {
                *t += lr * d;
            }
        }
        UpdateRule::PpoClip { eps, epochs } => {
            for _ in 0..epochs {
                let g = ppo_clip_gradient(task, &th, theta, one, eps);
                for (t, d) in th.iter_mut().zip(g) {
                    *t += lr * d;
                }
            }
        }
    }
    log_prob(task, &th, &sample.trajectory) - log_prob(task, theta, &sample.trajectory)
}

/// How a batch is turned into a parameter change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UpdateRule {
    Reinforce,
    PpoClip { eps: f64, epochs: usize },
}

/// Adam's first step up a gradient, taken by the kit's optimizer from zero parameters: with
/// bias-corrected moments of one gradient it is `lr·g/(|g|+ε)`, so multiplying every reward
/// by a constant multiplies `g` and leaves the step unchanged.
pub fn adam_first_step(g: &[f64], lr: f64) -> Vec<f64> {
    let mut params = vec![Array1::zeros(g.len())];
    let mut adam = ArraysState::new(Optimizer::adam(lr), &params);
    // The optimizer descends; the step up `g` is its step down `−g`.
    adam.step(&mut params, &[g.iter().map(|x| -x).collect()]);
    params.swap_remove(0).to_vec()
}
