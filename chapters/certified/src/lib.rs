//! Certified arithmetic for numbers far outside `f64`: rigorous enclosures of logarithms.
//!
//! The counting argument's numbers (`19,999^100,000,000`, a binomial tail near
//! `10^-184,946,674`) cannot be held in any floating-point type, and an estimate of their
//! logarithm is not good enough to say which digits are right. Every value here is an
//! [`Enclosure`]: an interval on a 256-bit fixed-point grid, rounded outward at each step,
//! that provably contains the true number. When its two ends print the same digits, those
//! digits are correct.
//!
//! Modules, from the ground up: [`enclosure`] (the interval type), [`elementary`]
//! (logarithms and π), [`factorial`] (`ln n!`), [`binomial`] (binomial tails).

pub mod binomial;
pub mod elementary;
pub mod enclosure;
pub mod factorial;

pub use enclosure::Enclosure;
