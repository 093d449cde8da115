//! The chapter's training experiments, run together at one scale.
//!
//! Each experiment is independent of the others, so they run on separate threads (the
//! minefield spreads its independent networks over threads of its own), and their results
//! do not depend on scheduling. One run's results feed the claims and the
//! figures ([`chapter::Chapter`]).

use crate::addition_net::{AdditionNetConfig, AdditionNetResult};
use crate::double_descent::{DoubleDescentConfig, DoubleDescentResult};
use crate::epoch_wise::{EpochWiseConfig, EpochWiseResult};
use crate::minefield::{MinefieldConfig, MinefieldResult};
use crate::polynomial::{PolynomialConfig, PolynomialResult};
use crate::scaling_law::{ScalingLawConfig, ScalingLawResult};
use crate::shift::{ShiftConfig, ShiftResult};
use crate::width::{WidthConfig, WidthCurve};
use ledger::timed;

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub scaling_law: ScalingLawConfig,
    pub addition: AdditionNetConfig,
    pub polynomial: PolynomialConfig,
    pub double_descent: DoubleDescentConfig,
    pub epoch_wise: EpochWiseConfig,
    pub minefield: MinefieldConfig,
    pub width: WidthConfig,
    pub shift: ShiftConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            scaling_law: ScalingLawConfig::default(),
            addition: AdditionNetConfig::default(),
            polynomial: PolynomialConfig::default(),
            double_descent: DoubleDescentConfig::default(),
            epoch_wise: EpochWiseConfig::default(),
            minefield: MinefieldConfig::default(),
            width: WidthConfig::default(),
            shift: ShiftConfig::default(),
        }
    }

    /// The papers' scale: the book's, since no experiment here replicates a paper's sample count larger than the book's.
    pub fn paper() -> Self {
        Self::book()
    }

    /// The scale `cargo test` runs: smaller, with the asserted properties still at stake.
    pub fn test() -> Self {
        Scale {
            scaling_law: ScalingLawConfig::test_scale(),
            addition: AdditionNetConfig::test_scale(),
            polynomial: PolynomialConfig::test_scale(),
            double_descent: DoubleDescentConfig::test_scale(),
            epoch_wise: EpochWiseConfig::test_scale(),
            minefield: MinefieldConfig::test_scale(),
            width: WidthConfig::test_scale(),
            shift: ShiftConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub scaling_law: ScalingLawResult,
    pub addition: AdditionNetResult,
    pub polynomial: PolynomialResult,
    pub double_descent: DoubleDescentResult,
    pub epoch_wise: EpochWiseResult,
    pub minefield: MinefieldResult,
    pub width: Vec<WidthCurve>,
    pub shift: ShiftResult,
    pub timings: Vec<(&'static str, f64)>,
}

/// Runs every experiment, in parallel threads.
pub fn run(scale: &Scale) -> Results {
    std::thread::scope(|s| {
        let addition = s.spawn(|| timed("addition", || crate::addition_net::run(&scale.addition)));
        let minefield = s.spawn(|| timed("minefield", || crate::minefield::run(&scale.minefield)));
        let (scaling_law, t_law) = timed("scaling-law", || {
            crate::scaling_law::fit(&scale.scaling_law).expect("the published curve fits")
        });
        let (polynomial, t_poly) = timed("polynomial", || {
            crate::polynomial::run(&scale.polynomial).expect("a valid polynomial setup")
        });
        let (double_descent, t_dd) = timed("double-descent", || {
            crate::double_descent::run(&scale.double_descent).expect("a valid feature sweep")
        });
        let (epoch_wise, t_ew) = timed("epoch-wise", || {
            crate::epoch_wise::run(&scale.epoch_wise).expect("a valid epoch-wise setup")
        });
        let (width, t_width) = timed("width", || crate::width::run(&scale.width));
        let (shift, t_shift) = timed("shift", || crate::shift::run(&scale.shift));
        let (addition, t_addition) = addition.join().expect("addition experiment");
        let (minefield, t_minefield) = minefield.join().expect("minefield experiment");
        Results {
            scaling_law,
            addition,
            polynomial,
            double_descent,
            epoch_wise,
            minefield,
            width,
            shift,
            timings: vec![
                t_law,
                t_addition,
                t_poly,
                t_dd,
                t_ew,
                t_minefield,
                t_width,
                t_shift,
            ],
        }
    })
}
