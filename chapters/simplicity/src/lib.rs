//! # Simplicity
//!
//! Simplicity arguments say a schemer's goal is "simpler", so more likely. Belrose & Pope
//! answer that "simple" is ambiguous; that under an efficient description language it is
//! just another word for "probable"; that the inductive biases networks actually have —
//! ensembles of shallow paths, a preference for low frequencies — point away from sudden
//! treacherous turns; and that the same form of argument "proves" networks overfit. This
//! crate computes each of those points where a computation can reach it.
//!
//! Sections, in reading order:
//! - [`code`]: Kraft's inequality and Huffman's code: description length is probability;
//! - [`bias`]: which functions random 7-40-40-1 networks compute, and how simple they are;
//! - [`paths`]: the paths through a residual network, counted exactly;
//! - [`spectral`]: spectral bias, a ReLU network learning a sum of sines low frequencies
//!   first (Rahaman et al.);
//! - [`parody`]: what networks trained on half the inputs of a Boolean function compute
//!   on the other half — a constant, as the essay's parody would have it, or not;
//! - [`goal_capacity`]: whether a longer goal, stored beside a task on shared hidden units,
//!   costs the task (Carlsmith's "contributors to reward" simplicity argument);
//! - [`figures`](mod@figures): the chapter's figures;
//! - [`claims`](mod@claims): the chapter's rows of the ledger.
//!
//! Machinery: [`sampler`] (a fast, thread-count-independent sampler of random networks'
//! Boolean functions) and [`complexity`] (Lempel-Ziv complexity and sensitivity), both kept
//! in `nets` and shared with the Indifference and Speed chapters, and [`experiments`]
//! (every experiment at one scale).

// Description length and probability: Kraft, Huffman, and two efficient languages.
pub mod code;

// The bias of the parameter-function map: which functions random networks compute.
pub mod bias;

// The paths through a residual network, counted exactly.
pub mod paths;

// The chapter's figures.
pub mod figures;

// The chapter's rows of the ledger.
pub mod claims;

// A small residual network, its path gradients and lesions.
pub mod residual;

// The fast sampler of the functions random ReLU networks compute on 7 bits, and two measures
// of simplicity for Boolean functions (Lempel-Ziv complexity and sensitivity), shared with the
// Indifference and Speed chapters and kept in `nets`; re-exported for the notebook.
pub use nets::{complexity, sampler};

// Spectral bias: low frequencies are learned first.
pub mod spectral;

// The simplicity parody: what trained networks do off the training set.
pub mod parody;

// Carlsmith's contributors-to-reward argument: what a longer goal costs a fixed network's task.
pub mod goal_capacity;

// Every experiment, at one scale.
pub mod experiments;

chapter::chapter!(Simplicity, "simplicity", "Simplicity");
