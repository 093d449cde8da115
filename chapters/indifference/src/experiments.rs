//! The chapter's Monte Carlo experiments, run together at one scale.
//!
//! Each experiment draws from its own seeded generators and runs single-threaded inside, so
//! the results do not depend on how the threads are scheduled. One run's results feed the
//! claims and the figures ([`chapter::Chapter`]). Each experiment also runs the control its
//! claims are decided against (one chord method for all three draws, one carving for all
//! three cube questions; the orientation and crux controls run inside their experiments),
//! timed with it.

use crate::bertrand::{self, BertrandConfig, BertrandResult};
use crate::crux::{self, CruxConfig, CruxResult};
use crate::cube_factory::{self, CubeConfig, CubeResult};
use crate::orientation::{self, OrientationConfig, OrientationResult};
use ledger::timed;

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub orientation: OrientationConfig,
    pub bertrand: BertrandConfig,
    pub cube_factory: CubeConfig,
    pub crux: CruxConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            orientation: OrientationConfig::default(),
            bertrand: BertrandConfig::default(),
            cube_factory: CubeConfig::default(),
            crux: CruxConfig::default(),
        }
    }

    /// The papers' scale for the crux: 10^8 random networks and 10^5 SGD runs per arm and
    /// training set, the orders of Valle-Pérez et al.'s samples and of Mingard et al.'s SGD
    /// runs (the book does not check their counts); the other experiments at the book's
    /// scale.
    pub fn paper() -> Self {
        let mut scale = Self::book();
        scale.crux.samples = 100_000_000;
        scale.crux.sgd_runs = 100_000;
        scale
    }

    /// The scale `cargo test` runs: fewer samples, the same seeds and questions.
    pub fn test() -> Self {
        Scale {
            orientation: OrientationConfig::test_scale(),
            bertrand: BertrandConfig::test_scale(),
            cube_factory: CubeConfig::test_scale(),
            crux: CruxConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub orientation: OrientationResult,
    pub bertrand: BertrandResult,
    /// Three chord draws, all by the radial-point method: one meaning of "a random chord".
    pub bertrand_one_method: BertrandResult,
    pub cube_factory: CubeResult,
    /// The three cube questions, all with the edge uniform: one carving.
    pub cube_one_carving: CubeResult,
    pub crux: CruxResult,
    pub timings: Vec<(&'static str, f64)>,
}

/// Runs every experiment; the orientation experiment (the largest) on its own threads.
pub fn run(scale: &Scale) -> Results {
    std::thread::scope(|s| {
        let orientation = s.spawn(|| timed("orientation", || orientation::run(&scale.orientation)));
        let ((bertrand, bertrand_one_method), t_bertrand) = timed("bertrand", || {
            (
                bertrand::run(&scale.bertrand),
                bertrand::run_one_method(bertrand::Method::RadialPoint, &scale.bertrand),
            )
        });
        let ((cube_factory, cube_one_carving), t_cube) = timed("cube_factory", || {
            (
                cube_factory::run(&scale.cube_factory),
                cube_factory::run_one_carving(cube_factory::Carving::Edge, &scale.cube_factory),
            )
        });
        let (orientation, t_orientation) = orientation.join().expect("orientation experiment");
        // The crux samples on its own threads; run it once the others are done.
        let (crux, t_crux) = timed("crux", || crux::run(&scale.crux));
        Results {
            orientation,
            bertrand,
            bertrand_one_method,
            cube_factory,
            cube_one_carving,
            crux,
            timings: vec![t_orientation, t_bertrand, t_cube, t_crux],
        }
    })
}
