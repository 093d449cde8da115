//! # Reward and goals
//!
//! What reward does in training, and what an optimiser's "goal" comes to. Turner argues that
//! in policy-gradient RL the reward sets the size of each datapoint's update rather than
//! being a target the policy seeks; Belrose & Pope that KL-regularised RL is Bayesian
//! inference, that an inner best-of-N optimiser is a Bayesian update whose strong settings
//! produce adversarial examples rather than schemes, and that goals are read off behaviour
//! (Fodor's frog). This crate checks each with code.
//!
//! Sections, in reading order:
//! - [`policy_gradient`] and [`updates`]: REINFORCE and PPO-clip as advantage-weighted
//!   imitation, on a bandit and a corridor;
//! - [`inference`]: gradient ascent on E[r] − β·KL against the posterior π0·exp(r/β)/Z;
//! - [`best_of_n`]: the divergence best-of-N buys, continuous and discrete;
//! - [`hospital`]: the planner that picks the plan a trained classifier likes best;
//! - [`scheming`]: the same planner when the prior proposes scheming plans at a small rate;
//! - [`extrema`]: the planner's classifier climbed directly, and what its maxima look like;
//! - [`figures`](mod@figures) and [`claims`](mod@claims).
//!
//! Machinery: [`distribution`] (softmax and divergences) and [`experiments`] (every
//! experiment at one scale).

// Softmax, KL and entropy on finite outcome sets.
pub mod distribution;

// REINFORCE and PPO-clip written out, on tabular softmax policies.
pub mod policy_gradient;

// The policy-gradient experiment: identities, per-sample updates, training.
pub mod updates;

// KL-regularised RL as Bayesian inference.
pub mod inference;

// Best-of-N's divergence from its prior.
pub mod best_of_n;

// The hospital planner: best-of-N against a trained classifier.
pub mod hospital;

// Scheming plans among the planner's proposals.
pub mod scheming;

// The planner's classifier maximised directly: what its extrema look like.
pub mod extrema;

// Fodor's frog: which of two correlated features trained nets use.
pub mod frog;

// The chapter's figures.
pub mod figures;

// The chapter's rows of the ledger.
pub mod claims;

// Every experiment, at one scale.
pub mod experiments;

chapter::chapter!(Reward, "reward", "Reward and goals");
