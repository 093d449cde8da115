//! Carlsmith's "contributors to reward" simplicity argument, as a mechanism a small network
//! can show or fail to show: a simpler goal "would be able to store its goal using fewer
//! parameters, thereby freeing up other parameters that it can use for getting higher
//! reward".
//!
//! A network of fixed size (two hidden ReLU layers of one width) is trained, full batch, on
//! all 128 inputs of 7 bits with two outputs that share every hidden unit:
//! - the *task*, a fixed random Boolean function of all 7 bits — what reward needs;
//! - the *goal*, a random Boolean function of the first `j` bits only, whose truth table
//!   takes `2^j` bits to write down: its description length. At `j = 0` it is a constant
//!   (one bit); at `j = 7` it is as long as the task.
//!
//! For one width and one repetition every goal length starts from the same weights and
//! takes the same optimizer steps, so the only difference is how much the goal takes to
//! store. The task's training loss after a fixed budget of steps — its "reward" — is read
//! off at each goal length. If storing a longer goal takes capacity the task could have
//! used, the task's loss rises with the goal's length, and most where the network is
//! smallest. A second network with the one-bit goal, from another initialisation, is the
//! null control: how far two runs differ by chance.
//!
//! What it cannot show: here the goal is a lookup table the network is told to output, with
//! labels; a model's goal is neither. The experiment measures what holding a longer table
//! costs a fixed budget of capacity, which is the step of the argument a network can show.

use nets::boolean::all_inputs;
use nets::stats::mean;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer, rng};
use rand::RngExt;

/// Input bits: the task and the goal are functions on all `2^BITS` inputs.
pub const BITS: usize = 7;
const INPUTS: usize = 1 << BITS;

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalCapacityConfig {
    /// Hidden widths tried (two hidden layers of each).
    pub widths: Vec<usize>,
    /// The goal reads this many of the input bits: description length `2^j` bits.
    pub goal_inputs: Vec<usize>,
    /// Full-batch Adam steps per network.
    pub steps: usize,
    pub lr: f64,
    /// Independent initialisations per width.
    pub repetitions: usize,
    pub threads: usize,
    pub seed: u64,
}

impl Default for GoalCapacityConfig {
    fn default() -> Self {
        GoalCapacityConfig {
            widths: vec![4, 6, 8, 12, 16],
            goal_inputs: (0..=BITS).collect(),
            steps: 2_000,
            lr: 0.01,
            repetitions: 8,
            threads: 2,
            seed: 19,
        }
    }
}

impl GoalCapacityConfig {
    /// Every width, the shortest, a middle and the longest goal, and two repetitions: a
    /// subset of the book's runs (seeds are keyed by width and repetition), so the test
    /// scale's numbers are among the book's.
    pub fn test_scale() -> Self {
        GoalCapacityConfig {
            goal_inputs: vec![0, 4, BITS],
            repetitions: 2,
            ..Self::default()
        }
    }
}

/// One trained network's scores on its training set (all the inputs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// The task output's mean cross-entropy, in nats.
    pub task_loss: f64,
    /// The goal output's mean cross-entropy, in nats.
    pub goal_loss: f64,
    /// The share of inputs on which the task output is right.
    pub task_accuracy: f64,
    /// The share of inputs on which the goal output is right.
    pub goal_accuracy: f64,
}

/// One width, one repetition: a score per goal length, and the null control.
#[derive(Clone, Debug, PartialEq)]
pub struct Repetition {
    /// In the order of [`GoalCapacityConfig::goal_inputs`].
    pub by_goal: Vec<Score>,
    /// A second network with the one-bit goal, from another initialisation.
    pub twin: Score,
}

/// The results at one width.
#[derive(Clone, Debug, PartialEq)]
pub struct WidthResult {
    pub width: usize,
    pub parameters: usize,
    pub repetitions: Vec<Repetition>,
}

impl WidthResult {
    /// Mean task loss at the `k`-th goal length.
    pub fn task_loss(&self, k: usize) -> f64 {
        mean(self.repetitions.iter().map(|r| r.by_goal[k].task_loss))
    }

    /// Mean task loss with the one-bit goal: whether the task alone strains this width.
    pub fn shortest_goal_task_loss(&self) -> f64 {
        self.task_loss(0)
    }

    /// Per repetition, the least-squares slope of `loss` (the task's or the goal's) on `j`
    /// — nats per doubling of the goal's description length — with `goal_inputs` the
    /// config's.
    pub fn slopes(&self, goal_inputs: &[usize], loss: fn(&Score) -> f64) -> Vec<f64> {
        self.repetitions
            .iter()
            .map(|r| {
                let pts: Vec<(f64, f64)> = goal_inputs
                    .iter()
                    .zip(&r.by_goal)
                    .map(|(&j, s)| (j as f64, loss(s)))
                    .collect();
                nets::stats::line_fit(&pts).slope
            })
            .collect()
    }

    /// Per repetition, the twin's task loss less the first network's, both with the one-bit
    /// goal: how far two runs differ by chance.
    pub fn twin_gaps(&self) -> Vec<f64> {
        self.repetitions
            .iter()
            .map(|r| r.twin.task_loss - r.by_goal[0].task_loss)
            .collect()
    }

    /// The least goal accuracy at the longest goal over the repetitions: whether the
    /// network holds the goal it was given at all.
    pub fn least_goal_accuracy(&self) -> f64 {
        self.repetitions
            .iter()
            .map(|r| r.by_goal[r.by_goal.len() - 1].goal_accuracy)
            .fold(1.0, f64::min)
    }
}

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalCapacityResult {
    pub config: GoalCapacityConfig,
    pub widths: Vec<WidthResult>,
}

impl GoalCapacityResult {
    /// The goals' description lengths, in bits, in the config's order.
    pub fn description_bits(&self) -> Vec<usize> {
        self.config.goal_inputs.iter().map(|&j| 1 << j).collect()
    }
}

/// The network: two hidden layers of `width`, and two 2-way softmax outputs (task, goal).
fn spec(width: usize) -> MlpSpec {
    MlpSpec::relu(&[BITS, width, width, 4])
}

/// A random Boolean function of the first `j` input bits, as one label per input.
fn function_of_first(j: usize, r: &mut impl rand::Rng) -> Vec<usize> {
    let table: Vec<usize> = (0..1usize << j).map(|_| r.random_range(0..2)).collect();
    (0..INPUTS).map(|i| table[i & ((1 << j) - 1)]).collect()
}

/// Trains one network on the task and one goal; labels interleaved (task, goal) per input.
fn train(cfg: &GoalCapacityConfig, width: usize, seed: u64, labels: &[usize]) -> Score {
    let x = all_inputs(BITS);
    let mlp = Mlp::new(&spec(width), &mut rng(seed));
    let mut t = Trainer::new(
        mlp,
        Loss::SoftmaxCrossEntropy { groups: 2 },
        Optimizer::adam(cfg.lr),
        seed,
    );
    for _ in 0..cfg.steps {
        t.step(x.view(), Targets::Labels(labels));
    }
    let out = t.mlp.predict(x.view());
    let (mut task_loss, mut goal_loss) = (0.0, 0.0);
    let (mut task_right, mut goal_right) = (0, 0);
    for (i, row) in out.rows().into_iter().enumerate() {
        let (task, goal) = (labels[2 * i], labels[2 * i + 1]);
        task_loss += cross_entropy(row[0], row[1], task);
        goal_loss += cross_entropy(row[2], row[3], goal);
        task_right += usize::from((row[1] > row[0]) == (task == 1));
        goal_right += usize::from((row[3] > row[2]) == (goal == 1));
    }
    Score {
        task_loss: task_loss / INPUTS as f64,
        goal_loss: goal_loss / INPUTS as f64,
        task_accuracy: task_right as f64 / INPUTS as f64,
        goal_accuracy: goal_right as f64 / INPUTS as f64,
    }
}

/// The cross-entropy, in nats, of a 2-way softmax over logits `(a, b)` at `label`.
fn cross_entropy(a: f64, b: f64, label: usize) -> f64 {
    let max = a.max(b);
    let log_sum = max + ((a - max).exp() + (b - max).exp()).ln();
    log_sum - if label == 1 { b } else { a }
}

/// Mixed into a repetition's seed for the null control.
const TWIN: u64 = 0x7717_0000_0000;

/// Trains every network: for each width and repetition, one network per goal length (from
/// the same weights) and the twin.
pub fn run(cfg: &GoalCapacityConfig) -> GoalCapacityResult {
    let mut r = rng(cfg.seed);
    let task = function_of_first(BITS, &mut r);
    // Every goal length's function is drawn whether or not the scale uses it, so the test
    // scale's goals are the book's.
    let goals: Vec<Vec<usize>> = (0..=BITS).map(|j| function_of_first(j, &mut r)).collect();
    let labels = |j: usize| -> Vec<usize> {
        task.iter()
            .zip(&goals[j])
            .flat_map(|(&t, &g)| [t, g])
            .collect()
    };
    let jobs: Vec<(usize, usize)> = cfg
        .widths
        .iter()
        .flat_map(|&w| (0..cfg.repetitions).map(move |k| (w, k)))
        .collect();
    let reps = nets::par::map(&jobs, cfg.threads, |&(width, k)| {
        let seed = cfg.seed.wrapping_mul(7_919) + (width * 1_000 + k) as u64;
        Repetition {
            by_goal: cfg
                .goal_inputs
                .iter()
                .map(|&j| train(cfg, width, seed, &labels(j)))
                .collect(),
            twin: train(cfg, width, seed ^ TWIN, &labels(0)),
        }
    });
    let widths = cfg
        .widths
        .iter()
        .enumerate()
        .map(|(i, &width)| WidthResult {
            width,
            parameters: Mlp::new(&spec(width), &mut rng(0)).num_params(),
            repetitions: reps[i * cfg.repetitions..(i + 1) * cfg.repetitions].to_vec(),
        })
        .collect();
    GoalCapacityResult {
        config: cfg.clone(),
        widths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(threads: usize) -> GoalCapacityConfig {
        GoalCapacityConfig {
            widths: vec![4, 6],
            goal_inputs: vec![0, 7],
            steps: 20,
            repetitions: 3,
            threads,
            ..GoalCapacityConfig::default()
        }
    }

    #[test]
    fn results_do_not_depend_on_thread_count() {
        assert_eq!(run(&tiny(1)).widths, run(&tiny(2)).widths);
    }

    #[test]
    fn a_goal_of_j_inputs_depends_on_those_bits_only() {
        let mut r = rng(3);
        for j in 0..=BITS {
            let g = function_of_first(j, &mut r);
            for (i, &v) in g.iter().enumerate() {
                assert_eq!(v, g[i & ((1 << j) - 1)], "j = {j}, input {i}");
            }
        }
    }

    #[test]
    fn the_test_scale_is_a_subset_of_the_books_runs() {
        let book = GoalCapacityConfig {
            steps: 30,
            ..GoalCapacityConfig::default()
        };
        let test = GoalCapacityConfig {
            steps: 30,
            ..GoalCapacityConfig::test_scale()
        };
        let (b, t) = (run(&book), run(&test));
        for (bw, tw) in b.widths.iter().zip(&t.widths) {
            for (br, tr) in bw.repetitions.iter().zip(&tw.repetitions) {
                for (tk, &j) in test.goal_inputs.iter().enumerate() {
                    assert_eq!(tr.by_goal[tk], br.by_goal[j], "goal of {j} inputs");
                }
                assert_eq!(tr.twin, br.twin);
            }
        }
    }

    #[test]
    fn cross_entropy_of_even_and_confident_logits() {
        assert!((cross_entropy(0.0, 0.0, 1) - std::f64::consts::LN_2).abs() < 1e-12);
        assert!(cross_entropy(-20.0, 20.0, 1) < 1e-12);
        assert!((cross_entropy(-20.0, 20.0, 0) - 40.0).abs() < 1e-9);
    }

    #[test]
    fn a_trained_network_learns_its_task() {
        let cfg = GoalCapacityConfig {
            widths: vec![32],
            goal_inputs: vec![0],
            repetitions: 1,
            ..GoalCapacityConfig::default()
        };
        let s = run(&cfg).widths[0].repetitions[0].by_goal[0];
        assert!(s.task_accuracy > 0.95, "{s:?}");
        assert_eq!(s.goal_accuracy, 1.0, "{s:?}");
    }
}
