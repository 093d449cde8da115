//! The chapter's experiments, run together at one scale.
//!
//! Each experiment draws from its own seeded generators and runs single-threaded inside;
//! the two heaviest run on their own threads, so the results do not depend on the
//! scheduling. One run's results feed the claims and the figures ([`chapter::Chapter`]).

use crate::best_of_n::{self, BestOfNConfig, BestOfNResult};
use crate::extrema::{self, ExtremaConfig, ExtremaResult};
use crate::frog::{self, FrogConfig, FrogResult};
use crate::hospital::{self, HospitalConfig, HospitalResult};
use crate::inference::{self, InferenceConfig, InferenceResult};
use crate::scheming::{self, SchemingConfig, SchemingResult};
use crate::updates::{self, UpdateConfig, UpdateResult};
use ledger::timed;

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub inference: InferenceConfig,
    pub updates: UpdateConfig,
    pub best_of_n: BestOfNConfig,
    pub hospital: HospitalConfig,
    pub scheming: SchemingConfig,
    pub frog: FrogConfig,
    pub extrema: ExtremaConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            inference: InferenceConfig::default(),
            updates: UpdateConfig::default(),
            best_of_n: BestOfNConfig::default(),
            hospital: HospitalConfig::default(),
            scheming: SchemingConfig::default(),
            frog: FrogConfig::default(),
            extrema: ExtremaConfig::default(),
        }
    }

    /// The papers' scale: the book's, since no experiment here replicates a paper's sample count larger than the book's.
    pub fn paper() -> Self {
        Self::book()
    }

    /// The scale `cargo test` runs: fewer samples and repeats, the same seeds, N and questions.
    pub fn test() -> Self {
        Scale {
            inference: InferenceConfig::default(),
            updates: UpdateConfig::test_scale(),
            best_of_n: BestOfNConfig::test_scale(),
            hospital: HospitalConfig::test_scale(),
            scheming: SchemingConfig::test_scale(),
            frog: FrogConfig::test_scale(),
            extrema: ExtremaConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub inference: InferenceResult,
    pub updates: UpdateResult,
    pub best_of_n: BestOfNResult,
    pub hospital: HospitalResult,
    pub scheming: SchemingResult,
    pub frog: FrogResult,
    pub extrema: ExtremaResult,
    pub timings: Vec<(&'static str, f64)>,
}

/// Runs every experiment: the hospital planner and then best-of-N on a thread of their own,
/// the rest (scheming plans, then the classifier's extrema, last) in turn on this one (two threads at most).
pub fn run(scale: &Scale) -> Results {
    std::thread::scope(|s| {
        let second = s.spawn(|| {
            (
                timed("hospital", || hospital::run(&scale.hospital)),
                timed("best_of_n", || best_of_n::run(&scale.best_of_n)),
            )
        });
        let (inference, t_inference) = timed("inference", || inference::run(&scale.inference));
        let (updates, t_updates) = timed("updates", || updates::run(&scale.updates));
        let (frog, t_frog) = timed("frog", || frog::run(&scale.frog));
        let (scheming, t_scheming) = timed("scheming", || scheming::run(&scale.scheming));
        let (extrema, t_extrema) = timed("extrema", || extrema::run(&scale.extrema));
        let ((hospital, t_hospital), (best_of_n, t_best)) =
            second.join().expect("hospital and best-of-N experiments");
        Results {
            inference,
            updates,
            best_of_n,
            hospital,
            scheming,
            frog,
            extrema,
            timings: vec![
                t_inference,
                t_updates,
                t_best,
                t_hospital,
                t_scheming,
                t_frog,
                t_extrema,
            ],
        }
    })
}
