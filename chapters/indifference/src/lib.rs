//! # Indifference
//!
//! The principle of indifference, and why its answers depend on how the outcomes are
//! carved up. Both counting arguments — for scheming and for overfitting — infer "likely"
//! from "more numerous", which is indifference over some list of outcomes. Belrose & Pope
//! answer that the principle gives contradictory results under different carvings; Carlsmith
//! grants that counts matter less once preferences among the carvings' classes enter; Turner
//! adds that counting parameter settings is not counting functions. This crate computes the
//! examples each of them names, exactly where they can be counted and by seeded Monte Carlo
//! where they cannot.
//!
//! Sections, in reading order:
//! - [`coarse_graining`]: one half for any event, and four answers for two dice totalling seven;
//! - [`orientation`]: dice and a nickel under two readings of "uniformly random orientation";
//! - [`bertrand`]: three ways to draw a random chord, three answers;
//! - [`cube_factory`]: uniform edge, area or volume, three answers;
//! - [`restaurants`]: Carlsmith's restaurants, indifference over restaurants or cuisines;
//! - [`symmetries`]: the permutation and rescaling symmetries of a ReLU network;
//! - [`crux`]: indifference over functions, over parameters, or SGD — on Boolean functions;
//! - [`figures`](mod@figures): the chords, the die's resting places, Bob's dinner;
//! - [`claims`](mod@claims): the chapter's rows of the ledger.
//!
//! Machinery: [`estimate`] (Monte Carlo proportions and the tolerance policy) and
//! [`experiments`] (every simulation at one scale).

// One half for any event, and four answers for two dice totalling seven.
pub mod coarse_graining;

// Dice and a nickel under two readings of "uniformly random orientation".
pub mod orientation;

// Three ways to draw a random chord, three answers.
pub mod bertrand;

// Uniform edge, area or volume: three answers.
pub mod cube_factory;

// Indifference over restaurants or over cuisines, and a preference.
pub mod restaurants;

// The permutation and rescaling symmetries of a ReLU network.
pub mod symmetries;

// A literal count of a network's float32 parameter settings, and what equal weight on them gives.
pub mod literal_count;

// Indifference over functions, over parameters, or SGD: the chapter's centre.
pub mod crux;

// The chapter's figures.
pub mod figures;

// The chapter's rows of the ledger.
pub mod claims;

// Monte Carlo proportions and the tolerance policy.
pub mod estimate;

// Every simulation, at one scale.
pub mod experiments;

chapter::chapter!(Indifference, "indifference", "Indifference");
