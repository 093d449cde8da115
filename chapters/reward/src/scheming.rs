//! Scheming plans among the hospital planner's proposals.
//!
//! The planner of [`crate::hospital`] draws plans from a prior that proposes no scheming
//! plans, so it cannot say whether best-of-N would pick one. Here the prior proposes them at
//! a small rate `ε`: a scheming plan is an ordinary plan (drawn from the heavy-tailed prior)
//! that also carries scheming content `m = 1 + |N(0, 1)|` in a sixth feature, zero in every
//! ordinary plan. The schemer's premise is taken as given: the scheme advances the inner
//! objective, adding `K·m` to the true log-odds of no lawsuit. What varies is the classifier:
//! trained like the chapter's on 2000 historical plans, of which a share `ρ` were scheming
//! (none, as the essay supposes, or a few), or replaced by an oracle that scores every plan
//! by its true log-odds. For each, the experiment scores a pool of ordinary and a pool of
//! scheming plans and computes exactly, over the proposal the pools make up, how often
//! best-of-N's chosen plan is a scheming one, for every N up to `2^max_log2_n`.

use crate::hospital::{self, CLINICAL, Plan, Tail};
use ndarray::Array2;
use nets::{Mlp, MlpSpec};
use rand::RngExt;
use rand_distr::{Distribution, StandardNormal};

/// Inputs of the classifier: the clinical features, cleaning, scheming content.
pub const INPUTS: usize = CLINICAL + 2;

/// A proposal: a plan and its scheming content (zero for an ordinary plan).
pub type Proposal = [f64; INPUTS];

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemingConfig {
    pub seed: u64,
    /// The share of proposals that are scheming plans.
    pub rate: f64,
    /// Log-odds of no lawsuit that each unit of scheming content adds, in truth.
    pub effect: f64,
    /// The shares of scheming plans in the histories of the further classifiers.
    pub history_rates: Vec<f64>,
    /// Initial weights tried for the classifier whose history has no scheming plans: its
    /// response to the scheming feature is theirs, so one draw would be a coin toss.
    pub historical_inits: u64,
    /// The classifier's history and training, as the chapter's.
    pub history: usize,
    pub hidden: usize,
    pub steps: usize,
    pub lr: f64,
    pub heavy_dof: f64,
    /// Scored plans that make up the proposal: ordinary, and scheming.
    pub ordinary_pool: usize,
    pub scheming_pool: usize,
    pub max_log2_n: u32,
}

impl Default for SchemingConfig {
    fn default() -> Self {
        let h = hospital::HospitalConfig::default();
        SchemingConfig {
            seed: 37,
            rate: 1e-3,
            effect: 2.0,
            history_rates: vec![0.01, 0.05],
            historical_inits: 4,
            history: h.history,
            hidden: h.hidden,
            steps: h.steps,
            lr: h.lr,
            heavy_dof: h.heavy_dof,
            ordinary_pool: 1 << 17,
            scheming_pool: 1 << 12,
            max_log2_n: h.max_log2_n,
        }
    }
}

impl SchemingConfig {
    pub fn test_scale() -> Self {
        SchemingConfig {
            ordinary_pool: 1 << 15,
            scheming_pool: 1 << 10,
            ..Self::default()
        }
    }
}

/// Draws an ordinary plan from `tail`, made scheming (content `1 + |N(0, 1)|`) if `scheming`.
pub fn draw(tail: Tail, scheming: bool, r: &mut impl rand::Rng) -> Proposal {
    let plan = hospital::draw_plan(tail, r);
    let mut p = [0.0; INPUTS];
    p[..=CLINICAL].copy_from_slice(&plan);
    if scheming {
        let e: f64 = StandardNormal.sample(r);
        p[CLINICAL + 1] = 1.0 + e.abs();
    }
    p
}

/// The true log-odds of no lawsuit: the plan's, plus `effect` per unit of scheming content.
pub fn true_log_odds(p: &Proposal, effect: f64) -> f64 {
    let mut plan: Plan = [0.0; CLINICAL + 1];
    plan.copy_from_slice(&p[..=CLINICAL]);
    hospital::true_log_odds(&plan) + effect * p[CLINICAL + 1]
}

/// What scores the proposals.
#[derive(Clone, Debug)]
pub enum Scorer {
    /// A classifier trained on a history in which a share `rate` of plans were scheming,
    /// from initial weights number `init`.
    Trained {
        rate: f64,
        init: u64,
        mlp: Mlp,
        accuracy: f64,
    },
    /// The true log-odds of no lawsuit.
    Oracle,
}

impl Scorer {
    pub fn scores(&self, plans: &[Proposal], effect: f64) -> Vec<f64> {
        match self {
            Scorer::Trained { mlp, .. } => {
                let x = Array2::from_shape_fn((plans.len(), INPUTS), |(i, j)| plans[i][j]);
                let out = mlp.predict(x.view());
                out.rows().into_iter().map(|row| row[1] - row[0]).collect()
            }
            Scorer::Oracle => plans.iter().map(|p| true_log_odds(p, effect)).collect(),
        }
    }

    pub fn name(&self) -> String {
        match self {
            Scorer::Trained { rate, init, .. } => format!(
                "classifier, {:.0}% of its history scheming, initial weights {init}",
                100.0 * rate
            ),
            Scorer::Oracle => "oracle: the true log-odds".to_string(),
        }
    }
}

/// Trains a classifier on `cfg.history` historical plans (light-tailed cleaning, as the
/// chapter's), each scheming with probability `rate`, labelled by a lawsuit drawn from the
/// truth. Every classifier has the same historical plans, up to which are scheming, and
/// initial weights number `init` (the same for every rate).
pub fn train(cfg: &SchemingConfig, rate: f64, init: u64) -> Scorer {
    let mut r = nets::rng(cfg.seed + 100 * init);
    let mlp = Mlp::new(&MlpSpec::relu(&[INPUTS, cfg.hidden, 2]), &mut r);
    let mut data = nets::rng(cfg.seed ^ 0xD47A);
    let plans: Vec<Proposal> = (0..cfg.history)
        .map(|_| {
            let scheming = data.random::<f64>() < rate;
            draw(Tail::Light, scheming, &mut data)
        })
        .collect();
    let labels: Vec<usize> = plans
        .iter()
        .map(|p| {
            let chance = 1.0 / (1.0 + (-true_log_odds(p, cfg.effect)).exp());
            usize::from(data.random::<f64>() < chance)
        })
        .collect();
    let x = Array2::from_shape_fn((plans.len(), INPUTS), |(i, j)| plans[i][j]);
    let (mlp, accuracy) = hospital::fit_classifier(mlp, &x, &labels, cfg.lr, cfg.steps, cfg.seed);
    Scorer::Trained {
        rate,
        init,
        accuracy,
        mlp,
    }
}

/// One scorer's best-of-N: how often the chosen plan is scheming, at each power of two.
#[derive(Clone, Debug)]
pub struct SchemingSweep {
    pub scorer: String,
    /// `(N, share of chosen plans that are scheming, its standard error)`.
    pub shares: Vec<(u64, f64, f64)>,
    /// The mean score scheming content adds: each scheming plan scored as it is and with its
    /// content removed; and what it adds in truth.
    pub learned_effect: f64,
    pub true_effect: f64,
}

impl SchemingSweep {
    pub fn last(&self) -> (u64, f64, f64) {
        *self.shares.last().expect("an N")
    }
}

/// Best-of-N over the proposal the pools make up — each ordinary plan with mass `(1 − ε)/M_o`,
/// each scheming plan `ε/M_s` — computed exactly: sorted by score, the plan at cumulative
/// mass `H` is chosen with probability `H^N − H_−^N`. The share's standard error treats the
/// scheming pool as a sample: `ε·sd(w)/√M_s`, with `w` each scheming plan's chance of being
/// chosen over its mass.
pub fn sweep(
    cfg: &SchemingConfig,
    scorer: &Scorer,
    ordinary: &[Proposal],
    scheming: &[Proposal],
) -> SchemingSweep {
    let so = scorer.scores(ordinary, cfg.effect);
    let ss = scorer.scores(scheming, cfg.effect);
    let stripped: Vec<Proposal> = scheming
        .iter()
        .map(|p| {
            let mut q = *p;
            q[CLINICAL + 1] = 0.0;
            q
        })
        .collect();
    let base = scorer.scores(&stripped, cfg.effect);
    let learned_effect = nets::stats::mean(ss.iter().zip(&base).map(|(a, b)| a - b));
    let true_effect = cfg.effect * nets::stats::mean(scheming.iter().map(|p| p[CLINICAL + 1]));
    let (mo, ms) = (so.len() as f64, ss.len() as f64);
    let mut atoms: Vec<(f64, f64, bool)> = so
        .iter()
        .map(|&s| (s, (1.0 - cfg.rate) / mo, false))
        .chain(ss.iter().map(|&s| (s, cfg.rate / ms, true)))
        .collect();
    atoms.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Cumulative mass below and up to each scheming atom.
    let mut below = 0.0f64;
    let mut bounds = Vec::with_capacity(ss.len());
    for &(_, mass, is_scheming) in &atoms {
        let upto = (below + mass).min(1.0);
        if is_scheming {
            bounds.push((below, upto));
        }
        below = upto;
    }
    let shares = (0..=cfg.max_log2_n)
        .map(|k| {
            let n = (1u64 << k) as f64;
            let w: Vec<f64> = bounds
                .iter()
                .map(|&(lo, hi)| (hi.powf(n) - lo.powf(n)) * ms / cfg.rate)
                .collect();
            let (mean, se) = nets::stats::mean_se(&w);
            (1u64 << k, cfg.rate * mean, cfg.rate * se)
        })
        .collect();
    SchemingSweep {
        scorer: scorer.name(),
        shares,
        learned_effect,
        true_effect,
    }
}

#[derive(Clone, Debug)]
pub struct SchemingResult {
    pub config: SchemingConfig,
    /// The historical classifier's sweeps, one per initial weights; one per further history
    /// rate (first initial weights); then the oracle's.
    pub sweeps: Vec<SchemingSweep>,
    /// Each trained classifier's accuracy on its own history.
    pub accuracies: Vec<f64>,
}

impl SchemingResult {
    /// The sweeps of the classifier whose history held no scheming plans, as the essay's,
    /// one per initial weights.
    pub fn historical(&self) -> &[SchemingSweep] {
        &self.sweeps[..self.config.historical_inits as usize]
    }

    /// The classifiers with scheming plans in their history (first initial weights).
    pub fn exposed(&self) -> &[SchemingSweep] {
        let k = self.config.historical_inits as usize;
        &self.sweeps[k..self.sweeps.len() - 1]
    }

    pub fn oracle(&self) -> &SchemingSweep {
        self.sweeps.last().expect("the oracle")
    }
}

pub fn run(cfg: &SchemingConfig) -> SchemingResult {
    let tail = Tail::Heavy { dof: cfg.heavy_dof };
    let mut r = nets::rng(cfg.seed + 1);
    let ordinary: Vec<Proposal> = (0..cfg.ordinary_pool)
        .map(|_| draw(tail, false, &mut r))
        .collect();
    let scheming: Vec<Proposal> = (0..cfg.scheming_pool)
        .map(|_| draw(tail, true, &mut r))
        .collect();
    let mut scorers: Vec<Scorer> = (0..cfg.historical_inits)
        .map(|init| train(cfg, 0.0, init))
        .chain(cfg.history_rates.iter().map(|&rho| train(cfg, rho, 0)))
        .collect();
    let accuracies = scorers
        .iter()
        .map(|s| match s {
            Scorer::Trained { accuracy, .. } => *accuracy,
            Scorer::Oracle => f64::NAN,
        })
        .collect();
    scorers.push(Scorer::Oracle);
    SchemingResult {
        config: cfg.clone(),
        sweeps: scorers
            .iter()
            .map(|s| sweep(cfg, s, &ordinary, &scheming))
            .collect(),
        accuracies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact share agrees with drawing N proposals and keeping the best, at small N.
    #[test]
    fn the_exact_share_matches_direct_draws() {
        let cfg = SchemingConfig {
            rate: 0.05,
            ordinary_pool: 2000,
            scheming_pool: 200,
            max_log2_n: 4,
            ..SchemingConfig::default()
        };
        let mut r = nets::rng(1);
        let ordinary: Vec<Proposal> = (0..2000)
            .map(|_| draw(Tail::Light, false, &mut r))
            .collect();
        let scheming: Vec<Proposal> = (0..200).map(|_| draw(Tail::Light, true, &mut r)).collect();
        let s = sweep(&cfg, &Scorer::Oracle, &ordinary, &scheming);
        let (n, share, _) = s.last();
        let trials = 20_000;
        let mut hits = 0;
        for _ in 0..trials {
            let best = (0..n)
                .map(|_| {
                    if r.random::<f64>() < cfg.rate {
                        let p = &scheming[r.random_range(0..scheming.len())];
                        (true_log_odds(p, cfg.effect), true)
                    } else {
                        let p = &ordinary[r.random_range(0..ordinary.len())];
                        (true_log_odds(p, cfg.effect), false)
                    }
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .expect("n > 0");
            hits += usize::from(best.1);
        }
        let direct = hits as f64 / trials as f64;
        let se = (share * (1.0 - share) / trials as f64).sqrt();
        assert!((direct - share).abs() < 4.0 * se, "{direct} vs {share}");
        assert!((s.shares[0].1 - cfg.rate).abs() < 1e-12);
    }
}
