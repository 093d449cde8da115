//! What a trained classifier's extrema look like: the hospital planner's classifier,
//! maximised directly.
//!
//! The world and the classifier are the hospital planner's ([`crate::hospital`]): plans are
//! five numbers (four clinical features and how much the plan dwells on cleaning), the true
//! chance of no lawsuit is known, and the classifier is trained on the same historical plans
//! by the same recipe — it is the very network the planner uses. Instead of drawing N plans
//! and keeping the best, this experiment climbs the classifier's score itself: from many
//! seeded random starts inside a box of allowed plans, projected gradient ascent on the score
//! (Adam steps, the best point visited kept; a first run with normalised gradient steps zigzagged across the ReLU kinks and stopped short, so the ascent was changed, the rule not). The
//! box lets every feature go `m` times as far as the farthest any historical plan went on any
//! feature (clinical features in `[−m·x, m·x]`, cleaning in `[0, m·x]`, `x` that largest
//! absolute value); the claim is decided at `m` = [`CLAIM_BOX`], fixed before the first run,
//! and the other multiples are reported beside it because the answer depends on them.
//!
//! Each maximiser is measured three ways: its distance to the nearest historical plan,
//! against the historical plans' own median nearest-neighbour distance (off the training
//! distribution or not); its true log-odds of no lawsuit, against the 99th percentile of the
//! historical plans' (competent or not); and how many of its five features sit at the box's
//! bounds (what shape an extremum has). The same ascent on the *true* log-odds from the same
//! starts gives the true objective's own maximisers, which are competent by construction.
//! Beside them, small-perturbation adversarial inputs: the tenth of historical plans the
//! classifier scores lowest, each moved by projected gradient ascent within a ball of radius
//! the median nearest-neighbour distance, to see whether the classifier can be made to rate
//! them top (above the 90th percentile of its scores on history) without leaving the data.

use crate::hospital::{self, CLINICAL, Classifier, HospitalConfig, Plan, true_log_odds};
use nets::Activation;
use nets::stats::{median, quantile};
use rand::RngExt;

/// The box the claim is decided in: every feature may go this many times as far as the
/// farthest any historical plan went (fixed before the first run).
pub const CLAIM_BOX: f64 = 3.0;

/// "Far off the training distribution": the maximisers' median distance to the nearest
/// historical plan exceeds this many times the historical plans' own median nearest-neighbour
/// distance (fixed before the first run).
pub const FAR: f64 = 3.0;

/// "The best training plans": this quantile of the historical plans' true log-odds.
pub const BEST: f64 = 0.99;

/// "Rated top": above this quantile of the classifier's scores on the historical plans.
pub const TOP: f64 = 0.9;

/// The share of historical plans, lowest scored first, that the adversarial search perturbs.
pub const LOW_SHARE: f64 = 0.1;

/// Features within this of a bound count as at it.
pub const AT_BOUND: f64 = 1e-6;

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtremaConfig {
    /// The hospital planner's history and classifier training.
    pub hospital: HospitalConfig,
    /// The boxes searched, as multiples of the farthest historical feature; must hold
    /// [`CLAIM_BOX`].
    pub boxes: Vec<f64>,
    /// Random starts per box, and gradient steps per start.
    pub starts: usize,
    pub steps: usize,
    /// The first step's length as a share of the box's half-width.
    pub step: f64,
    /// Gradient steps per adversarial perturbation.
    pub adversarial_steps: usize,
    pub seed: u64,
    /// Threads the starts are split over (the numbers do not depend on it).
    pub threads: usize,
}

impl Default for ExtremaConfig {
    fn default() -> Self {
        ExtremaConfig {
            hospital: HospitalConfig::default(),
            boxes: vec![1.0, 2.0, CLAIM_BOX, 4.0],
            starts: 200,
            steps: 400,
            step: 0.05,
            adversarial_steps: 200,
            seed: 97,
            threads: 1,
        }
    }
}

impl ExtremaConfig {
    /// Fewer starts; the same classifier, boxes and seeds.
    pub fn test_scale() -> Self {
        ExtremaConfig {
            starts: 40,
            ..Self::default()
        }
    }
}

/// The classifier's score (log-odds of no lawsuit) at one plan, and its gradient in the plan.
pub fn score_and_gradient(c: &Classifier, x: &Plan) -> (f64, Plan) {
    let mlp = &c.mlp;
    let depth = mlp.layers.len();
    // Forward, keeping each layer's input.
    let mut acts: Vec<Vec<f64>> = vec![x.to_vec()];
    for (l, layer) in mlp.layers.iter().enumerate() {
        let a = acts.last().expect("an input");
        let mut z: Vec<f64> = layer.b.to_vec();
        for (i, ai) in a.iter().enumerate() {
            for (j, zj) in z.iter_mut().enumerate() {
                *zj += ai * layer.w[[i, j]];
            }
        }
        if l + 1 < depth {
            for v in &mut z {
                *v = match mlp.hidden {
                    Activation::Relu => v.max(0.0),
                    Activation::Tanh => v.tanh(),
                };
            }
        }
        acts.push(z);
    }
    let out = acts.last().expect("an output");
    let score = out[1] - out[0];
    // Backward from d score / d output = (−1, 1).
    let mut d = vec![-1.0, 1.0];
    for l in (0..depth).rev() {
        if l + 1 < depth {
            for (dj, aj) in d.iter_mut().zip(&acts[l + 1]) {
                *dj *= match mlp.hidden {
                    Activation::Relu => f64::from(u8::from(*aj > 0.0)),
                    Activation::Tanh => 1.0 - aj * aj,
                };
            }
        }
        let w = &mlp.layers[l].w;
        d = (0..w.nrows())
            .map(|i| (0..w.ncols()).map(|j| w[[i, j]] * d[j]).sum())
            .collect();
    }
    let mut g = [0.0; CLINICAL + 1];
    g.copy_from_slice(&d);
    (score, g)
}

/// The true log-odds' gradient in the plan.
pub fn true_gradient(x: &Plan) -> Plan {
    let mut g = [0.0; CLINICAL + 1];
    g[..CLINICAL].copy_from_slice(&hospital::W);
    let c = x[CLINICAL];
    g[CLINICAL] = if c < hospital::C0 {
        hospital::A
    } else {
        -2.0 * hospital::B * (c - hospital::C0)
    };
    g
}

/// The box of allowed plans: clinical features in `[−half, half]`, cleaning in `[0, half]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanBox {
    pub multiple: f64,
    pub half: f64,
}

impl PlanBox {
    fn lower(&self, j: usize) -> f64 {
        if j == CLINICAL { 0.0 } else { -self.half }
    }

    pub fn clip(&self, x: &mut Plan) {
        for (j, v) in x.iter_mut().enumerate() {
            *v = v.clamp(self.lower(j), self.half);
        }
    }

    /// How many of the plan's features sit at a bound of the box.
    pub fn at_bounds(&self, x: &Plan) -> usize {
        x.iter()
            .enumerate()
            .filter(|&(j, v)| {
                (v - self.lower(j)).abs() < AT_BOUND || (v - self.half).abs() < AT_BOUND
            })
            .count()
    }

    fn draw(&self, r: &mut impl rand::Rng) -> Plan {
        let mut x = [0.0; CLINICAL + 1];
        for (j, v) in x.iter_mut().enumerate() {
            let lo = self.lower(j);
            *v = lo + (self.half - lo) * r.random::<f64>();
        }
        x
    }
}

/// Projected ascent of `f` from `x`: `steps` Adam steps on the plan (moment decays 0.9 and
/// 0.999), the learning rate shrinking linearly from `first` to zero, each step followed by
/// `project`; returns the best point visited. Adam's moment averages the gradients on both
/// sides of a ReLU kink, so the ascent travels along ridges where plain gradient steps zigzag
/// across them.
pub fn ascend(
    x: Plan,
    steps: usize,
    first: f64,
    f: impl Fn(&Plan) -> (f64, Plan),
    project: impl Fn(&mut Plan),
) -> Plan {
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-12);
    let mut x = x;
    project(&mut x);
    let (mut best_value, mut g) = f(&x);
    let mut best = x;
    let (mut m, mut v) = ([0.0; CLINICAL + 1], [0.0; CLINICAL + 1]);
    for t in 0..steps {
        let lr = first * (1.0 - t as f64 / steps as f64);
        let k = (t + 1) as i32;
        for j in 0..x.len() {
            m[j] = b1 * m[j] + (1.0 - b1) * g[j];
            v[j] = b2 * v[j] + (1.0 - b2) * g[j] * g[j];
            let (mh, vh) = (m[j] / (1.0 - b1.powi(k)), v[j] / (1.0 - b2.powi(k)));
            x[j] += lr * mh / (vh.sqrt() + eps);
        }
        project(&mut x);
        let (value, grad) = f(&x);
        g = grad;
        if value > best_value {
            best_value = value;
            best = x;
        }
    }
    best
}

fn distance(a: &Plan, b: &Plan) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).powi(2))
        .sum::<f64>()
        .sqrt()
}

/// The distance from `x` to the nearest of `plans`, skipping index `skip`.
fn nearest(x: &Plan, plans: &[Plan], skip: Option<usize>) -> f64 {
    plans
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != skip)
        .map(|(_, p)| distance(x, p))
        .fold(f64::INFINITY, f64::min)
}

/// A set of plans found by a search, each measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub plans: Vec<Plan>,
    /// The classifier's score of each.
    pub scores: Vec<f64>,
    /// The true log-odds of no lawsuit.
    pub log_odds: Vec<f64>,
    /// Distance to the nearest historical plan.
    pub nearest: Vec<f64>,
    /// Features at the box's bounds.
    pub at_bounds: Vec<usize>,
}

impl Found {
    fn measure(plans: Vec<Plan>, c: &Classifier, history: &[Plan], bx: &PlanBox) -> Self {
        Found {
            scores: plans.iter().map(|p| score_and_gradient(c, p).0).collect(),
            log_odds: plans.iter().map(true_log_odds).collect(),
            nearest: plans.iter().map(|p| nearest(p, history, None)).collect(),
            at_bounds: plans.iter().map(|p| bx.at_bounds(p)).collect(),
            plans,
        }
    }

    pub fn median_nearest(&self) -> f64 {
        median(&self.nearest)
    }

    pub fn median_log_odds(&self) -> f64 {
        median(&self.log_odds)
    }

    pub fn median_score(&self) -> f64 {
        median(&self.scores)
    }

    pub fn mean_at_bounds(&self) -> f64 {
        nets::stats::mean(self.at_bounds.iter().map(|&k| k as f64))
    }

    /// The plan the classifier scores highest (the first of equals).
    pub fn top(&self) -> usize {
        let mut best = 0;
        for (i, s) in self.scores.iter().enumerate() {
            if *s > self.scores[best] {
                best = i;
            }
        }
        best
    }

    /// The share of plans whose true log-odds exceed `level`.
    pub fn share_above(&self, level: f64) -> f64 {
        self.log_odds.iter().filter(|&&l| l > level).count() as f64 / self.log_odds.len() as f64
    }

    /// The share of plans within `tolerance` of the highest score among them.
    pub fn share_at_top(&self, tolerance: f64) -> f64 {
        let top = self.scores[self.top()];
        self.scores.iter().filter(|&&s| s > top - tolerance).count() as f64
            / self.scores.len() as f64
    }

    /// The median of each feature over the plans.
    pub fn median_plan(&self) -> Plan {
        let mut m = [0.0; CLINICAL + 1];
        for (j, v) in m.iter_mut().enumerate() {
            *v = median(&self.plans.iter().map(|p| p[j]).collect::<Vec<_>>());
        }
        m
    }
}

/// The historical plans' yardsticks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Yardsticks {
    /// The farthest any historical plan went on any feature (absolute value).
    pub farthest: f64,
    /// The historical plans' median distance to their nearest other historical plan.
    pub nearest: f64,
    /// The [`BEST`] quantile of their true log-odds, and the highest.
    pub best_log_odds: f64,
    pub top_log_odds: f64,
    /// The [`TOP`] quantile of the classifier's scores on them, and the highest.
    pub top_score: f64,
    pub max_score: f64,
}

/// One box's maximisers: the classifier's and the true objective's, from the same starts.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxResult {
    pub plan_box: PlanBox,
    pub classifier: Found,
    pub truth: Found,
}

/// The perturbed low-scored historical plans.
#[derive(Clone, Debug, PartialEq)]
pub struct Adversarial {
    /// The perturbation's radius.
    pub radius: f64,
    pub before: Found,
    pub after: Found,
}

impl Adversarial {
    /// The share of perturbed plans the classifier rates above `top`.
    pub fn share_top(&self, top: f64) -> f64 {
        self.after.scores.iter().filter(|&&s| s > top).count() as f64
            / self.after.scores.len() as f64
    }

    /// The median rise in the classifier's score, and in the true log-odds.
    pub fn median_score_gain(&self) -> f64 {
        median(&diff(&self.after.scores, &self.before.scores))
    }

    pub fn median_true_gain(&self) -> f64 {
        median(&diff(&self.after.log_odds, &self.before.log_odds))
    }
}

fn diff(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| x - y).collect()
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtremaResult {
    pub config: ExtremaConfig,
    pub training_accuracy: f64,
    /// The most cleaning any historical plan had.
    pub largest_cleaning: f64,
    pub yardsticks: Yardsticks,
    pub boxes: Vec<BoxResult>,
    pub adversarial: Adversarial,
}

impl ExtremaResult {
    /// The box the claim is decided in.
    pub fn claim_box(&self) -> &BoxResult {
        self.boxes
            .iter()
            .find(|b| b.plan_box.multiple == CLAIM_BOX)
            .expect("the claim's box is searched")
    }
}

/// The claim's criterion: the maximisers lie far off the training distribution (median
/// distance to the nearest historical plan above [`FAR`] times the historical plans' own)
/// and are not competent (median true log-odds below the [`BEST`] quantile of history's).
pub fn not_competent_plans(found: &Found, y: &Yardsticks) -> bool {
    found.median_nearest() > FAR * y.nearest && found.median_log_odds() < y.best_log_odds
}

pub fn run(cfg: &ExtremaConfig) -> ExtremaResult {
    let (plans, classifier) = hospital::history(&cfg.hospital);
    let n = plans.len();
    let farthest = plans
        .iter()
        .flat_map(|p| p.iter())
        .fold(0.0, |m: f64, v| m.max(v.abs()));
    let own: Vec<f64> = (0..n)
        .map(|i| nearest(&plans[i], &plans, Some(i)))
        .collect();
    let history_scores: Vec<f64> = classifier.scores(&plans);
    let history_log_odds: Vec<f64> = plans.iter().map(true_log_odds).collect();
    let yardsticks = Yardsticks {
        farthest,
        nearest: median(&own),
        best_log_odds: quantile(&history_log_odds, BEST),
        top_log_odds: history_log_odds.iter().copied().fold(f64::MIN, f64::max),
        top_score: quantile(&history_scores, TOP),
        max_score: history_scores.iter().copied().fold(f64::MIN, f64::max),
    };
    let score = |x: &Plan| score_and_gradient(&classifier, x);
    let truth = |x: &Plan| (true_log_odds(x), true_gradient(x));
    let boxes = cfg
        .boxes
        .iter()
        .enumerate()
        .map(|(k, &multiple)| {
            let bx = PlanBox {
                multiple,
                half: multiple * farthest,
            };
            let jobs: Vec<u64> = (0..cfg.starts as u64)
                .map(|i| cfg.seed + 1_000_000 * (k as u64 + 1) + i)
                .collect();
            let pairs = nets::par::map(&jobs, cfg.threads, |&seed| {
                let start = bx.draw(&mut nets::rng(seed));
                let first = cfg.step * bx.half;
                let clip = |x: &mut Plan| bx.clip(x);
                (
                    ascend(start, cfg.steps, first, score, clip),
                    ascend(start, cfg.steps, first, truth, clip),
                )
            });
            let (by_score, by_truth): (Vec<Plan>, Vec<Plan>) = pairs.into_iter().unzip();
            BoxResult {
                plan_box: bx,
                classifier: Found::measure(by_score, &classifier, &plans, &bx),
                truth: Found::measure(by_truth, &classifier, &plans, &bx),
            }
        })
        .collect();
    // The lowest-scored tenth of history, perturbed within a small ball (and the claim's box).
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        history_scores[a]
            .total_cmp(&history_scores[b])
            .then(a.cmp(&b))
    });
    let low: Vec<usize> = order[..(LOW_SHARE * n as f64).round() as usize].to_vec();
    let radius = yardsticks.nearest;
    let bx = PlanBox {
        multiple: CLAIM_BOX,
        half: CLAIM_BOX * farthest,
    };
    let perturbed = nets::par::map(&low, cfg.threads, |&i| {
        let origin = plans[i];
        let project = |x: &mut Plan| {
            let d = distance(x, &origin);
            if d > radius {
                for (v, o) in x.iter_mut().zip(&origin) {
                    *v = o + (*v - o) * radius / d;
                }
            }
            bx.clip(x);
        };
        ascend(origin, cfg.adversarial_steps, radius / 4.0, score, project)
    });
    let before: Vec<Plan> = low.iter().map(|&i| plans[i]).collect();
    let adversarial = Adversarial {
        radius,
        before: Found::measure(before, &classifier, &plans, &bx),
        after: Found::measure(perturbed, &classifier, &plans, &bx),
    };
    ExtremaResult {
        config: cfg.clone(),
        training_accuracy: classifier.training_accuracy,
        largest_cleaning: classifier.largest_seen_cleaning,
        yardsticks,
        boxes,
        adversarial,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> ExtremaConfig {
        ExtremaConfig {
            hospital: HospitalConfig {
                history: 300,
                steps: 100,
                ..HospitalConfig::default()
            },
            boxes: vec![CLAIM_BOX],
            starts: 8,
            steps: 60,
            adversarial_steps: 30,
            ..ExtremaConfig::default()
        }
    }

    #[test]
    fn the_score_gradient_matches_finite_differences() {
        let (_, c) = hospital::history(&small().hospital);
        let x: Plan = [0.3, -1.2, 0.7, 2.1, 1.4];
        let (s, g) = score_and_gradient(&c, &x);
        assert!((s - c.scores(&[x])[0]).abs() < 1e-12);
        for j in 0..x.len() {
            let (mut up, mut down) = (x, x);
            up[j] += 1e-6;
            down[j] -= 1e-6;
            let fd = (c.scores(&[up])[0] - c.scores(&[down])[0]) / 2e-6;
            assert!(
                (fd - g[j]).abs() < 1e-5,
                "feature {j}: {fd} against {}",
                g[j]
            );
        }
    }

    #[test]
    fn the_ascent_finds_the_true_optimum_inside_the_box() {
        let bx = PlanBox {
            multiple: 1.0,
            half: 5.0,
        };
        let x = ascend(
            [0.0; CLINICAL + 1],
            400,
            0.25,
            |x| (true_log_odds(x), true_gradient(x)),
            |x| bx.clip(x),
        );
        assert!(
            x[..CLINICAL].iter().all(|&v| (v - 5.0).abs() < 1e-9),
            "{x:?}"
        );
        assert!((x[CLINICAL] - hospital::C0).abs() < 0.05, "{x:?}");
        assert_eq!(bx.at_bounds(&x), CLINICAL);
    }

    #[test]
    fn the_numbers_do_not_depend_on_the_thread_count() {
        let one = run(&small());
        let two = run(&ExtremaConfig {
            threads: 2,
            ..small()
        });
        let three = run(&ExtremaConfig {
            threads: 3,
            ..small()
        });
        for other in [two, three] {
            assert_eq!(one.yardsticks, other.yardsticks);
            assert_eq!(one.boxes, other.boxes);
            assert_eq!(one.adversarial, other.adversarial);
        }
    }

    #[test]
    fn the_perturbations_stay_within_their_ball() {
        let r = run(&small());
        let a = &r.adversarial;
        for (p, o) in a.after.plans.iter().zip(&a.before.plans) {
            assert!(distance(p, o) <= a.radius * (1.0 + 1e-12));
        }
        assert!(a.median_score_gain() >= 0.0);
    }
}
