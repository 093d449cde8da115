//! # Goals
//!
//! Goal realism against goal reductionism. Belrose & Pope call "goal realism" the view that
//! a model's goal is explanatorily prior to its behaviour — a "goal slot" feeding a
//! "goal-achieving engine", in Carlsmith's description of some analyses — and note that on
//! Huemer's rule this would license indifference over goals but not over behaviours,
//! breaking the symmetry with their parody. This crate asks whether a small trained policy
//! has such a slot, and computes what counting over goal values would predict if it did.
//!
//! Sections, in reading order:
//! - [`gridworld`]: the task, an agent and a target both shown in the observation;
//! - [`slot`]: train a policy, probe its hidden layers for the target, intervene along the
//!   class-mean direction against a random one;
//! - [`prior`]: indifference over a slot's values against indifference over behaviours;
//! - [`figures`](mod@figures) and [`claims`](mod@claims).

// The gridworld and its shortest-path teacher.
pub mod gridworld;

// The goal-slot experiment: training, probes, interventions.
pub mod slot;

// What indifference at each level predicts.
pub mod prior;

// The chapter's figures.
pub mod figures;

// The chapter's rows of the ledger.
pub mod claims;

// Every experiment, at one scale.
pub mod experiments;

chapter::chapter!(Goals, "goals", "Goals");
