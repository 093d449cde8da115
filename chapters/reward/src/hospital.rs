//! The hospital planner: best-of-N against a trained classifier.
//!
//! A plan has four clinical features `z` (how good the operation itself is) and one feature
//! `c`, how much the plan dwells on cleaning and checking. Its true quality is the chance of
//! no lawsuit, `σ(w·z + a·min(c, c0) − b·max(c − c0, 0)²)`: some cleaning helps, but a plan
//! that only cleans never operates. Historical plans — on which a classifier of malpractice lawsuits is
//! trained — kept `c` in an ordinary range, where more cleaning was always safer. The planner
//! then draws `N` plans from a prior and keeps the one the classifier scores safest. With a
//! *light-tailed* prior over `c` (the historical one) the classifier's errors stay small;
//! with a *heavy-tailed* one (Student's t), the prior sometimes proposes plans far outside
//! anything the classifier saw, where it extrapolates "more cleaning is safer" and errs
//! without bound. The experiment follows the chosen plan's proxy score, true quality and
//! features as `N` grows to 2^14, and fits Gao et al.'s best-of-N form
//! `R(d) = d(α − β·d)`, `d = √KL`, to the true quality.

use crate::best_of_n::kl_formula;
use ndarray::Array2;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer};
use rand::RngExt;
use rand_distr::{Distribution, StandardNormal, StudentT};

/// Clinical features per plan.
pub const CLINICAL: usize = 4;
/// The weights of the clinical features in the true quality.
pub const W: [f64; CLINICAL] = [1.0, 0.8, 0.6, 0.4];
/// Cleaning helps by `A` per unit up to `C0`, then hurts quadratically with `B`.
pub const A: f64 = 1.0;
pub const C0: f64 = 2.5;
pub const B: f64 = 0.5;

/// How the planner's prior spreads the cleaning feature.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tail {
    /// `|N(0, 1)|`, as in the historical plans.
    Light,
    /// `|t_ν|`: Student's t with `ν` degrees of freedom.
    Heavy { dof: f64 },
}

impl Tail {
    pub fn name(self) -> &'static str {
        match self {
            Tail::Light => "light-tailed prior",
            Tail::Heavy { .. } => "heavy-tailed prior",
        }
    }

    fn cleaning(self, r: &mut impl rand::Rng) -> f64 {
        match self {
            Tail::Light => StandardNormal.sample(r),
            Tail::Heavy { dof } => StudentT::new(dof).expect("positive dof").sample(r),
        }
        .abs()
    }
}

/// A plan's features, clinical first, cleaning last.
pub type Plan = [f64; CLINICAL + 1];

/// Draws a plan: standard normal clinical features, cleaning from `tail`.
pub fn draw_plan(tail: Tail, r: &mut impl rand::Rng) -> Plan {
    let mut p = [0.0; CLINICAL + 1];
    for x in p.iter_mut().take(CLINICAL) {
        *x = StandardNormal.sample(r);
    }
    p[CLINICAL] = tail.cleaning(r);
    p
}

/// The clinical part of a plan's quality, `w·z`.
pub fn clinical(plan: &Plan) -> f64 {
    W.iter().zip(plan).map(|(w, z)| w * z).sum()
}

/// The true log-odds of avoiding a lawsuit.
pub fn true_log_odds(plan: &Plan) -> f64 {
    let c = plan[CLINICAL];
    clinical(plan) + A * c.min(C0) - B * (c - C0).max(0.0).powi(2)
}

/// The true quality: the chance the plan avoids a lawsuit, `σ(true log-odds)`.
pub fn true_quality(plan: &Plan) -> f64 {
    sigmoid(true_log_odds(plan))
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct HospitalConfig {
    pub seed: u64,
    /// Historical plans the classifier learns from, and its training.
    pub history: usize,
    pub hidden: usize,
    pub steps: usize,
    pub lr: f64,
    /// The largest N is `2^max_log2_n`; every power of two up to it is measured.
    pub max_log2_n: u32,
    /// Independent draws of 2^max_log2_n plans; best-of-N for smaller N uses their prefixes.
    pub repeats: usize,
    pub heavy_dof: f64,
}

impl Default for HospitalConfig {
    fn default() -> Self {
        HospitalConfig {
            seed: 31,
            history: 2000,
            hidden: 32,
            steps: 400,
            lr: 0.01,
            max_log2_n: 14,
            repeats: 200,
            heavy_dof: 3.0,
        }
    }
}

impl HospitalConfig {
    pub fn test_scale() -> Self {
        HospitalConfig {
            repeats: 40,
            ..Self::default()
        }
    }
}

/// The trained classifier: its score is the log-odds of "no lawsuit" it predicts.
#[derive(Clone, Debug)]
pub struct Classifier {
    pub mlp: Mlp,
    /// The largest cleaning feature among the historical plans.
    pub largest_seen_cleaning: f64,
    pub training_accuracy: f64,
}

impl Classifier {
    /// Scores of a batch of plans.
    pub fn scores(&self, plans: &[Plan]) -> Vec<f64> {
        let x = Array2::from_shape_fn((plans.len(), CLINICAL + 1), |(i, j)| plans[i][j]);
        let out = self.mlp.predict(x.view());
        out.rows().into_iter().map(|row| row[1] - row[0]).collect()
    }
}

/// Trains the classifier on historical plans (light-tailed cleaning), each labelled with a
/// lawsuit (0) or none (1) drawn with probability `σ(true quality)` of none.
pub fn train_classifier(cfg: &HospitalConfig) -> Classifier {
    history(cfg).1
}

/// The historical plans, and the classifier [`train_classifier`] trains on them (the
/// extrema experiment measures its maxima against these plans).
pub fn history(cfg: &HospitalConfig) -> (Vec<Plan>, Classifier) {
    let mut r = nets::rng(cfg.seed);
    let plans: Vec<Plan> = (0..cfg.history)
        .map(|_| draw_plan(Tail::Light, &mut r))
        .collect();
    let labels: Vec<usize> = plans
        .iter()
        .map(|p| usize::from(r.random::<f64>() < true_quality(p)))
        .collect();
    let x = Array2::from_shape_fn((plans.len(), CLINICAL + 1), |(i, j)| plans[i][j]);
    let spec = MlpSpec::relu(&[CLINICAL + 1, cfg.hidden, 2]);
    let mlp = Mlp::new(&spec, &mut r);
    let (mlp, training_accuracy) = fit_classifier(mlp, &x, &labels, cfg.lr, cfg.steps, cfg.seed);
    let classifier = Classifier {
        training_accuracy,
        largest_seen_cleaning: plans.iter().map(|p| p[CLINICAL]).fold(0.0, f64::max),
        mlp,
    };
    (plans, classifier)
}

/// Averages over repeats of the plan chosen at one N.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chosen {
    pub n: u64,
    /// `√KL(best-of-N ‖ prior)`, from the continuous formula.
    pub d: f64,
    /// The classifier's log-odds of no lawsuit, and the chance that stands for.
    pub proxy: f64,
    pub proxy_chance: f64,
    /// The true chance of no lawsuit.
    pub quality: f64,
    pub clinical: f64,
    pub cleaning: f64,
    /// Share of chosen plans whose cleaning exceeds anything in the classifier's data.
    pub beyond_history: f64,
}

/// Best-of-N under one prior, at every power of two.
#[derive(Clone, Debug)]
pub struct Sweep {
    pub tail: Tail,
    /// The prior's mean true quality and mean score (best-of-1), by Monte Carlo.
    pub prior_quality: f64,
    pub prior_proxy_chance: f64,
    pub points: Vec<Chosen>,
    /// Gao et al.'s `R(d) = d(α − β·d)` fitted to the gain in true quality.
    pub fit: GaoFit,
}

impl Sweep {
    /// The N at which the chosen plan's true quality peaks.
    pub fn peak(&self) -> &Chosen {
        self.points
            .iter()
            .max_by(|a, b| a.quality.total_cmp(&b.quality))
            .expect("points")
    }

    pub fn last(&self) -> &Chosen {
        self.points.last().expect("points")
    }

    /// Whether the proxy score of the chosen plan rises with every doubling of N.
    pub fn proxy_rises(&self) -> bool {
        self.points.windows(2).all(|w| w[1].proxy > w[0].proxy)
    }
}

/// A least-squares fit of `gain = d(α − β·d)` through the origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GaoFit {
    pub alpha: f64,
    pub beta: f64,
    /// Share of the gain's variance about zero that the fit explains.
    pub r2: f64,
}

impl GaoFit {
    /// Fits `y ≈ α·d − β·d²` by least squares (the normal equations of two unknowns).
    pub fn fit(points: &[(f64, f64)]) -> Self {
        let (mut s11, mut s12, mut s22, mut t1, mut t2) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(d, y) in points {
            let (u, v) = (d, -d * d);
            s11 += u * u;
            s12 += u * v;
            s22 += v * v;
            t1 += u * y;
            t2 += v * y;
        }
        let det = s11 * s22 - s12 * s12;
        let alpha = (t1 * s22 - t2 * s12) / det;
        let beta = (s11 * t2 - s12 * t1) / det;
        let fit = GaoFit {
            alpha,
            beta,
            r2: 0.0,
        };
        let ss_res: f64 = points.iter().map(|&(d, y)| (y - fit.at(d)).powi(2)).sum();
        let mean = nets::stats::mean(points.iter().map(|p| p.1));
        let ss_tot: f64 = points.iter().map(|p| (p.1 - mean).powi(2)).sum();
        GaoFit {
            r2: 1.0 - ss_res / ss_tot,
            ..fit
        }
    }

    pub fn at(&self, d: f64) -> f64 {
        d * (self.alpha - self.beta * d)
    }

    /// Where the fitted curve peaks, `d = α/(2β)` (infinite when β ≤ 0).
    pub fn peak_d(&self) -> f64 {
        if self.beta > 0.0 {
            self.alpha / (2.0 * self.beta)
        } else {
            f64::INFINITY
        }
    }
}

/// Best-of-N with the classifier as scorer, for N = 1, 2, 4, …, 2^max_log2_n.
pub fn sweep(cfg: &HospitalConfig, classifier: &Classifier, tail: Tail, seed: u64) -> Sweep {
    let mut r = nets::rng(seed);
    let max_n = 1usize << cfg.max_log2_n;
    let levels = cfg.max_log2_n as usize + 1;
    let mut sums = vec![[0.0f64; 6]; levels];
    let mut prior = [0.0f64; 2];
    for _ in 0..cfg.repeats {
        let plans: Vec<Plan> = (0..max_n).map(|_| draw_plan(tail, &mut r)).collect();
        let scores = classifier.scores(&plans);
        prior[0] += plans.iter().map(true_quality).sum::<f64>() / max_n as f64;
        prior[1] += scores.iter().map(|&x| sigmoid(x)).sum::<f64>() / max_n as f64;
        let mut best = 0;
        let mut level = 0;
        for i in 0..max_n {
            if scores[i] > scores[best] {
                best = i;
            }
            if i + 1 == 1 << level {
                let p = &plans[best];
                let s = &mut sums[level];
                s[0] += scores[best];
                s[1] += true_quality(p);
                s[2] += clinical(p);
                s[3] += p[CLINICAL];
                s[4] += f64::from(u8::from(p[CLINICAL] > classifier.largest_seen_cleaning));
                s[5] += sigmoid(scores[best]);
                level += 1;
            }
        }
    }
    let m = cfg.repeats as f64;
    let prior_quality = prior[0] / m;
    let points: Vec<Chosen> = sums
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let n = 1u64 << k;
            Chosen {
                n,
                d: kl_formula(n).sqrt(),
                proxy: s[0] / m,
                proxy_chance: s[5] / m,
                quality: s[1] / m,
                clinical: s[2] / m,
                cleaning: s[3] / m,
                beyond_history: s[4] / m,
            }
        })
        .collect();
    let gains: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (p.d, p.quality - prior_quality))
        .collect();
    Sweep {
        tail,
        prior_quality,
        prior_proxy_chance: prior[1] / m,
        fit: GaoFit::fit(&gains),
        points,
    }
}

/// The classifier and both sweeps.
#[derive(Clone, Debug)]
pub struct HospitalResult {
    pub config: HospitalConfig,
    pub classifier: Classifier,
    pub light: Sweep,
    pub heavy: Sweep,
}

pub fn run(cfg: &HospitalConfig) -> HospitalResult {
    let classifier = train_classifier(cfg);
    let light = sweep(cfg, &classifier, Tail::Light, cfg.seed + 1);
    let heavy = sweep(
        cfg,
        &classifier,
        Tail::Heavy { dof: cfg.heavy_dof },
        cfg.seed + 2,
    );
    HospitalResult {
        config: cfg.clone(),
        classifier,
        light,
        heavy,
    }
}

/// Trains a two-class classifier of plans by full-batch Adam for `steps` steps (the chapter's
/// one recipe for a learned score), returning it with its training accuracy.
pub(crate) fn fit_classifier(
    mlp: Mlp,
    x: &Array2<f64>,
    labels: &[usize],
    lr: f64,
    steps: usize,
    seed: u64,
) -> (Mlp, f64) {
    let mut trainer = Trainer::new(
        mlp,
        Loss::SoftmaxCrossEntropy { groups: 1 },
        Optimizer::adam(lr),
        seed,
    );
    for _ in 0..steps {
        trainer.step(x.view(), Targets::Labels(labels));
    }
    let out = trainer.mlp.predict(x.view());
    let accuracy = nets::accuracy(out.view(), labels, 1);
    (trainer.mlp, accuracy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_recovers_an_exact_curve() {
        let pts: Vec<(f64, f64)> = (1..10)
            .map(|i| {
                let d = f64::from(i) * 0.3;
                (d, d * (1.5 - 0.4 * d))
            })
            .collect();
        let f = GaoFit::fit(&pts);
        assert!((f.alpha - 1.5).abs() < 1e-12 && (f.beta - 0.4).abs() < 1e-12);
        assert!((f.r2 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn too_much_cleaning_lowers_true_quality() {
        let mut p = [0.0; CLINICAL + 1];
        p[CLINICAL] = C0;
        let at_c0 = true_log_odds(&p);
        p[CLINICAL] = 3.0 * C0;
        assert!(true_log_odds(&p) < at_c0 - 1.0);
        assert!(true_quality(&p) < 0.01);
    }
}
