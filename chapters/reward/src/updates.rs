//! The policy-gradient experiment: the update rules checked against the advantage-weighted
//! log-likelihood by finite differences, each sample's own update against its advantage,
//! and a corridor policy trained until its return goes up.

use crate::distribution::max_abs_diff;
use crate::policy_gradient::{
    Sample, Task, UpdateRule, adam_first_step, batch, finite_difference, ppo_clip, reinforce,
    relative_error, weighted_log_likelihood,
};
use rand_distr::{Distribution, StandardNormal};

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateConfig {
    pub seed: u64,
    /// The bandit's mean rewards: all positive, so that "reward" and "advantage" part ways.
    pub means: Vec<f64>,
    pub noise: f64,
    pub horizon: usize,
    /// Episodes per batch.
    pub batch: usize,
    /// Step size of the per-sample updates in the figure.
    pub lr: f64,
    /// PPO's clipping range, the epochs it optimises one batch for, and their step size.
    pub eps: f64,
    pub epochs: usize,
    pub ppo_lr: f64,
    /// REINFORCE iterations on the corridor, and their step size.
    pub iterations: usize,
    pub train_lr: f64,
}

impl Default for UpdateConfig {
    fn default() -> Self {
        UpdateConfig {
            seed: 11,
            means: vec![1.0, 1.2, 1.5, 1.8, 2.0],
            noise: 0.25,
            horizon: 4,
            batch: 200,
            lr: 0.5,
            eps: 0.2,
            epochs: 40,
            ppo_lr: 0.05,
            iterations: 200,
            train_lr: 1.0,
        }
    }
}

impl UpdateConfig {
    /// `cargo test`'s scale: smaller batches and a shorter training run.
    pub fn test_scale() -> Self {
        UpdateConfig {
            batch: 60,
            iterations: 100,
            ..Self::default()
        }
    }

    pub fn bandit(&self) -> Task {
        Task::Bandit {
            means: self.means.clone(),
            noise: self.noise,
        }
    }

    pub fn corridor(&self) -> Task {
        Task::Corridor {
            horizon: self.horizon,
        }
    }
}

/// One sample's advantage and the change in its own log-probability under each rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerSample {
    pub action: usize,
    pub reward: f64,
    pub advantage: f64,
    /// REINFORCE with the advantage `reward − batch mean` as the weight.
    pub reinforce: f64,
    /// REINFORCE with the raw reward as the weight (no baseline).
    pub raw_reward: f64,
    pub ppo: f64,
}

/// What the experiment measured.
#[derive(Clone, Debug)]
pub struct UpdateResult {
    pub config: UpdateConfig,
    /// Largest relative difference between the REINFORCE update and the finite-difference
    /// gradient of the weighted log-likelihood (bandit, corridor).
    pub reinforce_error: [f64; 2],
    /// The same for PPO's clipped objective at the old policy.
    pub ppo_error: [f64; 2],
    /// The same for the update without the advantage weighting, `(1/n)·Σ ∇ log π(τ_i)`:
    /// plain imitation of every datapoint alike.
    pub unweighted_error: [f64; 2],
    /// The bandit batch, sample by sample.
    pub bandit: Vec<PerSample>,
    /// Corridor episodes of a batch under the initial policy: (advantage against the exact
    /// expected return, change in the episode's log-probability after a step on it alone).
    pub corridor: Vec<(f64, f64)>,
    /// The same episodes stepped on with their raw return as the weight (no baseline).
    pub corridor_raw: Vec<(f64, f64)>,
    /// Largest change of Adam's first step when every reward is multiplied by ten (bandit),
    /// and the ratio of the two plain-gradient steps.
    pub adam_rescaled_change: f64,
    pub sgd_rescaled_ratio: f64,
    /// Exact expected return of the corridor policy before and after training.
    pub return_before: f64,
    pub return_after: f64,
    /// After the same training with each batch's advantages shuffled among its episodes
    /// (the shuffled-reward control: the same steps, the reward's link to the episode cut).
    pub return_after_shuffled: f64,
    /// The best return the corridor allows.
    pub return_best: f64,
}

impl UpdateResult {
    /// Share of bandit samples whose own log-probability fell under REINFORCE with a baseline.
    pub fn share_pushed_down(&self) -> f64 {
        self.bandit.iter().filter(|s| s.reinforce < 0.0).count() as f64 / self.bandit.len() as f64
    }

    /// Share of bandit samples whose own log-probability fell when weighted by raw reward.
    pub fn share_pushed_down_raw(&self) -> f64 {
        self.bandit.iter().filter(|s| s.raw_reward < 0.0).count() as f64 / self.bandit.len() as f64
    }

    /// Whether every bandit reward is positive (so reward alone would push every sample up).
    pub fn rewards_positive(&self) -> bool {
        self.bandit.iter().all(|s| s.reward > 0.0)
    }

    /// Share of bandit samples below the batch's mean reward.
    pub fn share_below_baseline(&self) -> f64 {
        self.bandit.iter().filter(|s| s.advantage < 0.0).count() as f64 / self.bandit.len() as f64
    }

    /// Every (advantage, change in own log-probability) pair of the experiment: the corridor's
    /// episodes, then the bandit's samples under REINFORCE and under PPO-clip.
    pub fn moves(&self) -> Vec<(f64, f64)> {
        self.corridor
            .iter()
            .copied()
            .chain(self.bandit.iter().map(|s| (s.advantage, s.reinforce)))
            .chain(self.bandit.iter().map(|s| (s.advantage, s.ppo)))
            .collect()
    }

    /// The same pairs when each step is weighted by the raw return instead (no baseline; no
    /// PPO counterpart, so the bandit's samples enter once).
    pub fn raw_moves(&self) -> Vec<(f64, f64)> {
        self.corridor_raw
            .iter()
            .copied()
            .chain(self.bandit.iter().map(|s| (s.advantage, s.raw_reward)))
            .collect()
    }

    /// Whether every sample's log-probability moved in the direction of its advantage's sign,
    /// in the bandit and in the corridor, zero counting as a class of its own.
    pub fn signs_follow_advantage(&self) -> bool {
        mismatches(&self.moves()) == 0
    }
}

/// How a step moved a trajectory's probability, or how its return compares with the
/// baseline: three classes, zero its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Down,
    Unchanged,
    Up,
}

impl Direction {
    /// The class of `x`: exactly zero is [`Direction::Unchanged`] (a zero advantage gives a
    /// zero step, so its trajectory's probability does not move at all).
    pub fn of(x: f64) -> Self {
        if x < 0.0 {
            Direction::Down
        } else if x > 0.0 {
            Direction::Up
        } else {
            Direction::Unchanged
        }
    }
}

/// How many (advantage, change) pairs moved otherwise than their advantage says: below the
/// baseline and not made less likely, at it and moved, or above it and not made more likely.
pub fn mismatches(moves: &[(f64, f64)]) -> usize {
    moves
        .iter()
        .filter(|(a, d)| Direction::of(*a) != Direction::of(*d))
        .count()
}

/// How many pairs fall in each class of advantage, (below, at, above) the baseline.
pub fn classes(moves: &[(f64, f64)]) -> [usize; 3] {
    let count = |c| moves.iter().filter(|(a, _)| Direction::of(*a) == c).count();
    [
        count(Direction::Down),
        count(Direction::Unchanged),
        count(Direction::Up),
    ]
}

/// A policy with logits drawn from a standard normal (so the finite-difference checks are
/// not made at a symmetric point).
fn random_logits(task: &Task, r: &mut impl rand::Rng) -> Vec<f64> {
    (0..task.parameters())
        .map(|_| StandardNormal.sample(r))
        .collect::<Vec<f64>>()
}

/// Checks REINFORCE, PPO-clip and the unweighted update against the weighted
/// log-likelihood on one batch.
fn identity_errors(task: &Task, theta: &[f64], samples: &[Sample], eps: f64) -> (f64, f64, f64) {
    const H: f64 = 1e-5;
    let fd_ll = finite_difference(theta, H, |t| weighted_log_likelihood(task, t, samples));
    let fd_ppo = finite_difference(theta, H, |t| ppo_clip(task, t, theta, samples, eps));
    let update = reinforce(task, theta, samples);
    let unweighted: Vec<Sample> = samples
        .iter()
        .map(|s| Sample {
            advantage: 1.0,
            ..s.clone()
        })
        .collect();
    (
        relative_error(&update, &fd_ll),
        relative_error(&fd_ppo, &fd_ll),
        relative_error(&reinforce(task, theta, &unweighted), &fd_ll),
    )
}

/// `n` iterations of REINFORCE on the corridor from `start`, each on a fresh batch with a
/// batch-mean baseline; with `shuffle`, each batch's advantages are first permuted among its
/// episodes (a Fisher–Yates shuffle from the same generator).
fn train(
    cfg: &UpdateConfig,
    corridor: &Task,
    start: &[f64],
    shuffle: bool,
    r: &mut impl rand::Rng,
) -> Vec<f64> {
    use rand::RngExt;
    let mut theta = start.to_vec();
    for _ in 0..cfg.iterations {
        let mut samples = batch(corridor, &theta, cfg.batch, None, r);
        if shuffle {
            let mut advantages: Vec<f64> = samples.iter().map(|s| s.advantage).collect();
            for i in (1..advantages.len()).rev() {
                advantages.swap(i, r.random_range(0..=i));
            }
            for (s, a) in samples.iter_mut().zip(advantages) {
                s.advantage = a;
            }
        }
        let step = reinforce(corridor, &theta, &samples);
        for (t, d) in theta.iter_mut().zip(step) {
            *t += cfg.train_lr * d;
        }
    }
    theta
}

/// Runs the experiment.
pub fn run(cfg: &UpdateConfig) -> UpdateResult {
    let mut r = nets::rng(cfg.seed);
    let bandit = cfg.bandit();
    let corridor = cfg.corridor();

    let theta_b = random_logits(&bandit, &mut r);
    let samples_b = batch(&bandit, &theta_b, cfg.batch, None, &mut r);
    let (rb, pb, ub) = identity_errors(&bandit, &theta_b, &samples_b, cfg.eps);

    let theta_c = random_logits(&corridor, &mut r);
    let samples_c = batch(&corridor, &theta_c, cfg.batch, None, &mut r);
    let (rc, pc, uc) = identity_errors(&corridor, &theta_c, &samples_c, cfg.eps);

    let ppo = UpdateRule::PpoClip {
        eps: cfg.eps,
        epochs: cfg.epochs,
    };
    let per_sample = samples_b
        .iter()
        .map(|s| PerSample {
            action: s.trajectory.steps[0].action,
            reward: s.trajectory.ret,
            advantage: s.advantage,
            reinforce: crate::policy_gradient::own_log_prob_change(
                &bandit,
                &theta_b,
                s,
                cfg.lr,
                UpdateRule::Reinforce,
            ),
            raw_reward: crate::policy_gradient::own_log_prob_change(
                &bandit,
                &theta_b,
                &Sample {
                    advantage: s.trajectory.ret,
                    ..s.clone()
                },
                cfg.lr,
                UpdateRule::Reinforce,
            ),
            ppo: crate::policy_gradient::own_log_prob_change(&bandit, &theta_b, s, cfg.ppo_lr, ppo),
        })
        .collect();

    // Negative imitation in the corridor: the baseline is the exact expected return.
    let start = vec![0.0; corridor.parameters()];
    let value = corridor.expected_return(&start);
    let corridor_samples = batch(&corridor, &start, cfg.batch, Some(value), &mut r);
    let move_with = |weight: &dyn Fn(&Sample) -> f64| -> Vec<(f64, f64)> {
        corridor_samples
            .iter()
            .map(|s| {
                let d = crate::policy_gradient::own_log_prob_change(
                    &corridor,
                    &start,
                    &Sample {
                        advantage: weight(s),
                        ..s.clone()
                    },
                    cfg.lr,
                    UpdateRule::Reinforce,
                );
                (s.advantage, d)
            })
            .collect()
    };
    let corridor_moves = move_with(&|s| s.advantage);
    let corridor_raw = move_with(&|s| s.trajectory.ret);

    // Adam against plain gradient steps when every reward is ten times larger.
    let scaled: Vec<Sample> = samples_b
        .iter()
        .map(|s| Sample {
            advantage: 10.0 * s.advantage,
            ..s.clone()
        })
        .collect();
    let g1 = reinforce(&bandit, &theta_b, &samples_b);
    let g10 = reinforce(&bandit, &theta_b, &scaled);
    let adam_rescaled_change =
        max_abs_diff(&adam_first_step(&g1, 1e-3), &adam_first_step(&g10, 1e-3));
    let norm = |g: &[f64]| g.iter().map(|x| x * x).sum::<f64>().sqrt();
    let sgd_rescaled_ratio = norm(&g10) / norm(&g1);

    // Train the corridor policy from uniform with REINFORCE and a batch-mean baseline; then
    // the shuffled control, from its own generator so the first run is unchanged.
    let theta = train(cfg, &corridor, &start, false, &mut r);
    let shuffled = train(cfg, &corridor, &start, true, &mut nets::rng(cfg.seed + 1));
    UpdateResult {
        config: cfg.clone(),
        reinforce_error: [rb, rc],
        ppo_error: [pb, pc],
        unweighted_error: [ub, uc],
        bandit: per_sample,
        corridor: corridor_moves,
        corridor_raw,
        adam_rescaled_change,
        sgd_rescaled_ratio,
        return_before: value,
        return_after: corridor.expected_return(&theta),
        return_after_shuffled: corridor.expected_return(&shuffled),
        return_best: corridor
            .enumerate(&start)
            .iter()
            .map(|(t, _)| t.ret)
            .fold(f64::NEG_INFINITY, f64::max),
    }
}
