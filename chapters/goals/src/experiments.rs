//! The chapter's experiments, run together at one scale.
//!
//! The goal-slot experiment splits its networks over two threads by index, each network
//! seeded on its own, so the results do not depend on the scheduling. One run's results
//! feed the claims and the figures ([`chapter::Chapter`]).

use crate::prior::Prior;
use crate::slot::{self, SlotConfig, SlotResult};
use ledger::timed;

/// Every experiment's configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub slot: SlotConfig,
}

impl Scale {
    /// The scale the book reports.
    pub fn book() -> Self {
        Scale {
            slot: SlotConfig::default(),
        }
    }

    /// The papers' scale: the book's, since the experiment is the book's own, with no paper's count to match.
    pub fn paper() -> Self {
        Self::book()
    }

    /// The scale `cargo test` runs: fewer networks and episodes, the same grid and seeds.
    pub fn test() -> Self {
        Scale {
            slot: SlotConfig::test_scale(),
        }
    }
}

/// Every experiment's result, and how long each took (seconds).
#[derive(Clone, Debug)]
pub struct Results {
    pub slot: SlotResult,
    /// Indifference over the slot and over behaviours, on the experiment's grid.
    pub prior: Prior,
    pub timings: Vec<(&'static str, f64)>,
}

pub fn run(scale: &Scale) -> Results {
    let (slot, t_slot) = timed("slot", || slot::run(&scale.slot));
    let (prior, t_prior) = timed("prior", || Prior::of(scale.slot.side));
    Results {
        slot,
        prior,
        timings: vec![t_slot, t_prior],
    }
}
