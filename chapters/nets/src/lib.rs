//! A small, deterministic neural-network kit for the book's experiments.
//!
//! Multi-layer perceptrons on `ndarray` with hand-written backprop: dense layers, ReLU and
//! tanh, softmax cross-entropy (in groups) and squared error, SGD with momentum, Adam and
//! RMSprop, L2 weight decay, standard and maximal-update (µP) parametrisation, seeded
//! initialisation, and checkpoints as plain vectors. Training arithmetic is `f64` and
//! single-threaded, so the same seed gives the same bits on every run; matrix products go
//! through ndarray's GEMM (which fuses multiply-adds where the CPU can, so a CPU without FMA
//! may differ in the last bits) and a training step allocates nothing once its batch size
//! is set.
//!
//! Modules: [`mlp`] (the network), [`activation`], [`loss`], [`optim`] (every optimizer,
//! for an MLP or any list of arrays), [`train`]; [`boolean`] (networks read as Boolean
//! functions), [`sampler`] (random networks' functions on seven bits, drawn by the million
//! in `f32`) and [`boolean_fit`] (networks trained until they fit a Boolean training set, by a trainer
//! of its own in `f32` that keeps a small network's buffers in plain slices, about twice as
//! fast as the general one at that size, the same bits on every CPU);
//! [`complexity`] (how simple a Boolean function is: its Lempel-Ziv complexity and its
//! sensitivity); [`pca`] (training paths projected for pictures); [`par`] (independent jobs
//! split over threads, results in order); [`shard`] (a heavy map's jobs split across
//! machines and merged back, byte for byte); [`stats`] (the summary statistics the chapters
//! share, each defined once).

pub mod activation;
pub mod boolean;
pub mod boolean_fit;
pub mod complexity;
mod flat;
pub mod loss;
pub mod mlp;
pub mod optim;
pub mod par;
pub mod pca;
pub mod sampler;
pub mod shard;
pub mod stats;
pub mod train;

pub use activation::Activation;
pub use loss::{Loss, Targets, accuracy};
pub use mlp::{Gradients, InitDist, Mlp, MlpSpec, Parametrisation, Workspace};
pub use optim::{ArraysState, Optimizer};
pub use train::{Trainer, rng};
