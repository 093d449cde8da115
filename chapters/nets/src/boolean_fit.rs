//! Networks trained until they fit a Boolean training set, by the thousand.
//!
//! The other side of [`crate::sampler`]: where that draws networks from
//! their initial distribution and reads off their functions, this trains networks from that
//! same distribution on some of the inputs of a target function, stops each as soon as it
//! fits every training input (its output's sign), and reads off the function it then
//! computes on all inputs. Comparing the two is how Mingard et al. ("Is SGD a Bayesian
//! sampler?") ask whether training lands on functions as often as the prior, conditioned on
//! the training set, would.
//!
//! The networks are trained by the kit's `flat` trainer, in `f32` with every buffer a
//! plain slice: the general [`crate::Trainer`]'s recipe (the same initialisation, batch order,
//! loss and update), about twice as fast at this size. On the crux's two training recipes,
//! 1,000 runs each, the two trainers land on the same function in every run.
//!
//! Run `r` is initialised and shuffled from seed `seed + r` alone, so the result depends
//! only on the arguments, never on the number of threads.

use crate::boolean::{TruthTable, all_inputs};
use crate::flat::{FlatTrainer, RowPenalty, Rows};
use crate::mlp::{Mlp, MlpSpec};
use crate::optim::Optimizer;
use crate::train::rng;

/// How each network is trained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitConfig {
    pub optimizer: Optimizer,
    pub batch: Batch,
    /// Epochs after which a run that still does not fit is given up (and reported as `None`).
    pub max_epochs: usize,
    /// Epochs between checks of the fit, starting before the first (1: after every epoch).
    pub check_every: usize,
}

/// What one epoch of training is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Batch {
    /// The training set shuffled and cut into minibatches of this many rows, one step each;
    /// at least the training set's size means one shuffled full batch.
    Shuffled(usize),
    /// One step on the whole training set, in its given order.
    Full,
}

/// Some inputs of a target function of `n` bits: what the networks are trained on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingSet<'a> {
    pub n: usize,
    pub inputs: &'a [usize],
    pub target: TruthTable,
}

/// A soft penalty on one input outside the training set: every step's loss gains
/// `weight / m · ½(y − t)²` there (`m` training inputs, `t` = ±1 as `target` says), so that
/// over an epoch it counts as `weight` training examples with that label. It does not enter
/// the fit: a run still stops when it fits the training inputs, whatever it does here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputPenalty {
    pub input: usize,
    pub target: bool,
    pub weight: f64,
}

/// The functions (on all `2^n` inputs) of `runs` networks of shape `spec` trained on `set`
/// with half squared error to ±1, each stopped at the first check (every
/// [`FitConfig::check_every`] epochs) at which it fits every training input; `None` for a
/// run that never fits. The book's one Boolean-function fitter: every chapter that trains
/// networks until they fit a truth table's training inputs calls it.
///
/// # Panics
/// If `spec` does not take `n` inputs to one output.
pub fn fitted_functions(
    spec: &MlpSpec,
    set: TrainingSet<'_>,
    cfg: &FitConfig,
    runs: usize,
    seed: u64,
    threads: usize,
) -> Vec<Option<TruthTable>> {
    fit_all(spec, set, None, cfg, runs, seed, threads)
}

/// As [`fitted_functions`] (the same seeds, so the same initialisations and batch orders),
/// with `penalty` added to every step's loss.
///
/// # Panics
/// If `spec` does not take `n` inputs to one output.
pub fn fitted_functions_penalised(
    spec: &MlpSpec,
    set: TrainingSet<'_>,
    penalty: InputPenalty,
    cfg: &FitConfig,
    runs: usize,
    seed: u64,
    threads: usize,
) -> Vec<Option<TruthTable>> {
    fit_all(spec, set, Some(penalty), cfg, runs, seed, threads)
}

fn fit_all(
    spec: &MlpSpec,
    set: TrainingSet<'_>,
    penalty: Option<InputPenalty>,
    cfg: &FitConfig,
    runs: usize,
    seed: u64,
    threads: usize,
) -> Vec<Option<TruthTable>> {
    let TrainingSet {
        n,
        inputs: train,
        target,
    } = set;
    assert_eq!(spec.sizes.first(), Some(&n), "the network takes n bits");
    assert_eq!(spec.sizes.last(), Some(&1), "the network has one output");
    let x: Vec<f32> = all_inputs(n).iter().map(|&v| v as f32).collect();
    let row = |i: usize| &x[i * n..][..n];
    let tx: Vec<f32> = train.iter().flat_map(|&i| row(i)).copied().collect();
    let ty: Vec<f32> = train
        .iter()
        .map(|&i| if (target >> i) & 1 == 1 { 1.0 } else { -1.0 })
        .collect();
    let penalty = penalty.map(|p| RowPenalty {
        x: row(p.input),
        target: if p.target { 1.0 } else { -1.0 },
        weight: (p.weight / train.len() as f64) as f32,
    });
    let rows = Rows { x: &tx, t: &ty };
    let stage = format!(
        "nets::boolean_fit {spec:?}, trained on {train:?} of {target:#x} ({n} bits), \
         penalty {penalty:?}, {cfg:?}, {runs} runs from seed {seed}",
        penalty = penalty.as_ref().map(|p| (p.x, p.target, p.weight)),
    );
    let runs: Vec<u64> = (0..runs as u64).collect();
    crate::shard::map(&stage, &runs, threads, |&i| {
        let run_seed = seed.wrapping_add(i);
        let mlp = Mlp::new(spec, &mut rng(run_seed));
        let mut trainer = FlatTrainer::new(&mlp, cfg.optimizer, run_seed);
        fit(&mut trainer, rows, cfg, penalty.as_ref()).then(|| trainer.truth_table(&x))
    })
}

/// Trains until the network's sign matches every target; whether it got there.
fn fit(
    trainer: &mut FlatTrainer,
    rows: Rows<'_>,
    cfg: &FitConfig,
    penalty: Option<&RowPenalty<'_>>,
) -> bool {
    for epoch in 0..cfg.max_epochs {
        if epoch % cfg.check_every.max(1) == 0 && trainer.fits(rows) {
            return true;
        }
        match cfg.batch {
            Batch::Shuffled(size) => trainer.epoch(rows, size, penalty),
            Batch::Full => trainer.step(rows, penalty),
        }
    }
    trainer.fits(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boolean::{mask, table_of};

    fn setup() -> (MlpSpec, Vec<usize>, TruthTable, FitConfig) {
        let spec = MlpSpec::relu(&[5, 16, 1]);
        let train: Vec<usize> = (0..32).step_by(3).collect();
        let target = table_of(5, |i| i & 1 == 1);
        let cfg = FitConfig {
            optimizer: Optimizer::sgd(0.05, 0.9),
            batch: Batch::Shuffled(4),
            max_epochs: 500,
            check_every: 1,
        };
        (spec, train, target, cfg)
    }

    #[test]
    fn fitted_networks_agree_with_the_target_on_the_training_inputs() {
        let (spec, train, target, cfg) = setup();
        let set = TrainingSet {
            n: 5,
            inputs: &train,
            target,
        };
        let fs = fitted_functions(&spec, set, &cfg, 12, 3, 2);
        let fitted: Vec<TruthTable> = fs.into_iter().flatten().collect();
        assert!(fitted.len() >= 10, "most runs fit: {}", fitted.len());
        let on = mask(&train);
        assert!(fitted.iter().all(|f| (f ^ target) & on == 0));
    }

    #[test]
    fn full_batch_runs_checked_every_few_steps_fit_too() {
        let (spec, train, target, _) = setup();
        let set = TrainingSet {
            n: 5,
            inputs: &train,
            target,
        };
        let cfg = FitConfig {
            optimizer: Optimizer::adam(1e-2),
            batch: Batch::Full,
            max_epochs: 2_000,
            check_every: 10,
        };
        let fs = fitted_functions(&spec, set, &cfg, 6, 5, 2);
        let fitted: Vec<TruthTable> = fs.iter().flatten().copied().collect();
        assert!(fitted.len() >= 5, "most runs fit: {}", fitted.len());
        let on = mask(&train);
        assert!(fitted.iter().all(|f| (f ^ target) & on == 0));
        assert_eq!(fs, fitted_functions(&spec, set, &cfg, 6, 5, 1));
    }

    #[test]
    fn a_zero_penalty_changes_nothing_and_a_strong_one_moves_its_input() {
        let (spec, train, target, cfg) = setup();
        let set = TrainingSet {
            n: 5,
            inputs: &train,
            target,
        };
        let plain = fitted_functions(&spec, set, &cfg, 8, 3, 2);
        let zero = InputPenalty {
            input: 1,
            target: false,
            weight: 0.0,
        };
        assert_eq!(
            plain,
            fitted_functions_penalised(&spec, set, zero, &cfg, 8, 3, 2)
        );
        // Input 1 is outside the training set; the target is the first bit, so it is 1 there.
        assert!(!train.contains(&1));
        let strong = InputPenalty {
            weight: 50.0,
            ..zero
        };
        let pushed = fitted_functions_penalised(&spec, set, strong, &cfg, 8, 3, 1);
        let on = mask(&train);
        let fitted: Vec<TruthTable> = pushed.iter().flatten().copied().collect();
        assert!(fitted.len() >= 6, "most runs fit: {}", fitted.len());
        assert!(fitted.iter().all(|f| (f ^ target) & on == 0));
        // A run stops as soon as it fits the training inputs, so the penalty acts only until
        // then; it still turns most runs to 0 at input 1, where without it most say 1.
        let ones =
            |fs: &[Option<TruthTable>]| fs.iter().flatten().filter(|f| (*f >> 1) & 1 == 1).count();
        assert!(
            ones(&plain) * 2 > plain.iter().flatten().count(),
            "{plain:?}"
        );
        assert!(ones(&pushed) * 2 < fitted.len(), "{fitted:?}");
        assert_eq!(
            pushed,
            fitted_functions_penalised(&spec, set, strong, &cfg, 8, 3, 3)
        );
    }

    #[test]
    fn runs_do_not_depend_on_thread_count() {
        let (spec, train, target, cfg) = setup();
        let set = TrainingSet {
            n: 5,
            inputs: &train,
            target,
        };
        let one = fitted_functions(&spec, set, &cfg, 7, 11, 1);
        let three = fitted_functions(&spec, set, &cfg, 7, 11, 3);
        assert_eq!(one, three);
    }
}
