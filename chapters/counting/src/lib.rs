//! # Counting
//!
//! The counting argument, checked by arithmetic. Belrose & Pope's parody of Carlsmith's
//! counting argument says: among functions that fit the training data, the ones that
//! generalise are a vanishing minority, so a learner indifferent among them should
//! overfit. For 4-digit addition the essay gives the counts; this crate recomputes them
//! with certified bounds, and computes the one number the essay calls too small to compute.
//!
//! Sections, in reading order. The arithmetic:
//! - [`addition`]: how many mappings there are, and how many fit the training set;
//! - [`proportion`]: what share of those would generalise, under indifference.
//!
//! What training does (each experiment's scale is a config, run together by
//! [`experiments`]):
//! - [`addition_net`]: MLPs learning addition from examples;
//! - [`scaling_law`]: Caballero et al.'s published learning curve, fitted and extrapolated;
//! - [`polynomial`]: Bishop's interpolating polynomials against the minimum-norm one;
//! - [`double_descent`]: random-features regression through the interpolation threshold;
//! - [`epoch_wise`]: test error against training time, in linear regression whose features
//!   learn at two speeds;
//! - [`minefield`]: poisoned minima, and their distance from SGD's solution (Huang et al.);
//! - [`width`]: test error against width, standard and µP;
//! - [`shift`]: accuracy on the line under two distribution shifts, for three model families
//!   (Miller et al.);
//!
//! How the texts quote each other: [`quotations`], every passage the essay attributes to
//! Carlsmith (and the essay's opening as Turner quotes it) against the words it quotes.
//!
//! And the shared pieces: [`teacher`] (the synthetic task of `width` and `shift`),
//! [`figures`] and [`claims`] (the chapter's ledger rows); means, medians and quantiles
//! over seeds and samples are [`nets::stats`]'s.

pub mod addition;
pub mod addition_net;
pub mod claims;
pub mod double_descent;
pub mod epoch_wise;
pub mod experiments;
pub mod figures;
pub mod minefield;
pub mod polynomial;
pub mod proportion;
pub mod quotations;
pub mod scaling_law;
pub mod shift;
pub mod teacher;
pub mod width;

chapter::chapter!(Counting, "counting", "Counting");
