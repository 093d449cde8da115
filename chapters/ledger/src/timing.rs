//! What each experiment cost. Chapters time their experiments with [`timed`] and report the
//! pairs through their `timings()`; the build prints them and the Reproduce appendix shows
//! them, so a reader knows what regenerating a chapter takes before trying.

use std::time::Instant;

/// An experiment's name and its wall-clock time in seconds.
pub type Timing = (&'static str, f64);

/// Runs `f`, returning its value and how long it took under `name`.
pub fn timed<T>(name: &'static str, f: impl FnOnce() -> T) -> (T, Timing) {
    let start = Instant::now();
    let value = f();
    (value, (name, start.elapsed().as_secs_f64()))
}
