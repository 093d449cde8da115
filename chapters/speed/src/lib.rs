//! # Speed
//!
//! Carlsmith's speed argument against schemers: a schemer must reason about training that a
//! non-schemer need not, SGD penalises that extra reasoning, and — if training's
//! path-dependence and slack let it — SGD gets the model it prefers. His §4.2 toy sets a
//! counting prior of `2^100 : 1` for schemers against "at least a bit" of selection per
//! gradient step. This crate computes those quantities, and tests the two premises at small
//! scale.
//!
//! Sections, in reading order:
//! - [`selection`]: bits of selection, and the steps that overturn a prior of `2^k`;
//! - [`updates`]: how many gradient updates train a trillion-parameter model;
//! - [`chinchilla`]: compute-optimal scaling and the fitted loss law both rest on;
//! - [`speed_cost`]: the 0.1% speed cost, in loss and in bits of selection;
//! - [`extra_reasoning`]: what computing a situational cue costs a network of fixed size;
//! - [`bayesian_sampler`]: does SGD land on functions as often as the prior prefers them?
//! - [`sgd_temperature`]: how strongly does SGD select on a loss gap against a prior?
//! - [`figures`](mod@figures): the chapter's figures;
//! - [`claims`](mod@claims): the chapter's rows of the ledger.
//!
//! Machinery: [`experiments`] (the network experiments at one scale).

// Bits of selection against a counting prior.
pub mod selection;

// Gradient updates of a compute-optimal run.
pub mod updates;

// Hoffmann et al.'s compute-optimal scaling and loss law.
pub mod chinchilla;

// The speed cost of scheming, in loss and bits.
pub mod speed_cost;

// The cost of a situational cue that gates the output.
pub mod extra_reasoning;

// SGD against the prior conditioned on the training set.
pub mod bayesian_sampler;

// SGD's choice between two classes that fit, against their prior odds and a loss gap.
pub mod sgd_temperature;

// The chapter's figures.
pub mod figures;

// The chapter's rows of the ledger.
pub mod claims;

// The network experiments, at one scale.
pub mod experiments;

chapter::chapter!(Speed, "speed", "Speed");
