//! The shape every chapter crate has.
//!
//! A chapter runs its experiments once at a scale, and everything the book shows comes from
//! that one run: the claims (the chapter's rows of the ledger), the figures and the
//! experiments' timings. The build runs each chapter at its book scale, the tests at its
//! test scale, and a notebook at whatever scale its reader chooses, all through
//! [`Chapter::run`]; no chapter keeps results of its own between calls.

pub use figures::Figure;
pub use ledger::{Claim, Timing};
use std::time::Instant;

/// One chapter of the book, implemented by a unit struct in the chapter's crate (through
/// [`chapter!`], which every chapter uses).
pub trait Chapter {
    /// The crate's name: also the name of its test file (`tests/<name>.rs`) and of its
    /// folder of figures.
    const NAME: &'static str;
    /// The chapter's title, as the book's headings and table of contents give it.
    const TITLE: &'static str;
    /// Every experiment's configuration.
    type Scale;
    /// Every experiment's result.
    type Results: Send + Sync;

    /// The scale the book reports.
    fn book_scale() -> Self::Scale;
    /// The scale `cargo test` runs: smaller, with each claim's outcome still at stake.
    fn test_scale() -> Self::Scale;
    /// The scale of the papers the chapter replicates, where it is larger than the book's
    /// (for a cluster: `cargo xtask regenerate --scale paper --shard I/N`).
    fn paper_scale() -> Self::Scale;
    /// Runs every experiment at `scale`.
    fn run(scale: &Self::Scale) -> Self::Results;
    /// The chapter's claims, computed from `results`.
    fn claims(results: &Self::Results) -> Vec<Claim>;
    /// The chapter's figures, drawn from `results`.
    fn figures(results: &Self::Results) -> Vec<Figure>;
    /// Seconds each experiment took in the run that gave `results`.
    fn timings(results: &Self::Results) -> Vec<Timing>;
}

/// Declares the chapter's unit struct and implements [`Chapter`] for it from the modules every
/// chapter crate has: `experiments` (`Scale::book()`, `Scale::test()`, `run`, and `Results`
/// with a `timings` field), `claims::claims` and `figures::figures`.
///
/// `chapter::chapter!(Counting, "counting", "Counting");` in the crate's `lib.rs`.
// `crate::` in the expansion is meant: it names the chapter crate that calls the macro.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! chapter {
    ($chapter:ident, $name:literal, $title:literal) => {
        /// The chapter, as the book build, the tests and the notebooks run it.
        pub struct $chapter;

        impl $crate::Chapter for $chapter {
            const NAME: &'static str = $name;
            const TITLE: &'static str = $title;
            type Scale = crate::experiments::Scale;
            type Results = crate::experiments::Results;

            fn book_scale() -> Self::Scale {
                crate::experiments::Scale::book()
            }
            fn test_scale() -> Self::Scale {
                crate::experiments::Scale::test()
            }
            fn paper_scale() -> Self::Scale {
                crate::experiments::Scale::paper()
            }
            fn run(scale: &Self::Scale) -> Self::Results {
                crate::experiments::run(scale)
            }
            fn claims(results: &Self::Results) -> Vec<$crate::Claim> {
                crate::claims::claims(results)
            }
            fn figures(results: &Self::Results) -> Vec<$crate::Figure> {
                crate::figures::figures(results)
            }
            fn timings(results: &Self::Results) -> Vec<$crate::Timing> {
                results.timings.clone()
            }
        }
    };
}

/// Which of a chapter's scales to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Book,
    Test,
    Paper,
}

/// Everything one run of a chapter gives the book.
pub struct Run {
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    /// Seconds each experiment took.
    pub timings: Vec<Timing>,
    /// Seconds for the experiments and the claims together.
    pub claims_seconds: f64,
    /// Seconds for drawing the figures.
    pub figures_seconds: f64,
}

/// A chapter as the book's list holds it: its name and title, and how to run it. A plain
/// record of function pointers, so that the list of chapters can be one `Vec`.
#[derive(Clone, Copy)]
pub struct Listed {
    pub name: &'static str,
    pub title: &'static str,
    pub run: fn(Size) -> Run,
    /// The experiments alone, their results dropped: what a shard runs for its parts.
    pub experiments: fn(Size),
}

impl Listed {
    /// The entry for chapter `C`.
    pub fn of<C: Chapter>() -> Self {
        Listed {
            name: C::NAME,
            title: C::TITLE,
            run: run::<C>,
            experiments: |size| drop(C::run(&scale::<C>(size))),
        }
    }
}

/// Runs chapter `C` once at `size` and draws its claims and figures from that run.
pub fn run<C: Chapter>(size: Size) -> Run {
    let start = Instant::now();
    let results = C::run(&scale::<C>(size));
    let claims = C::claims(&results);
    let claims_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let figures = C::figures(&results);
    Run {
        claims,
        figures,
        timings: C::timings(&results),
        claims_seconds,
        figures_seconds: start.elapsed().as_secs_f64(),
    }
}

/// Chapter `C`'s scale of that size.
fn scale<C: Chapter>(size: Size) -> C::Scale {
    match size {
        Size::Book => C::book_scale(),
        Size::Test => C::test_scale(),
        Size::Paper => C::paper_scale(),
    }
}
