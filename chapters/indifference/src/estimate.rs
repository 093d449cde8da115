//! Monte Carlo proportions and their confidence intervals: the one tolerance policy of the
//! chapter.
//!
//! Every simulated probability here is a count of hits among independent trials, reported
//! with a Wilson score interval,
//!
//! ```text
//!   centre = (p̂ + z²/2n) / (1 + z²/n),   half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²),
//! ```
//!
//! which, unlike the normal interval, stays inside `[0, 1]` and keeps its coverage when the
//! hit count is small (a die resting within a degree of a corner).
//!
//! **The policy.** Figures and prose show 95% intervals ([`Z95`]). A 95% interval misses the
//! true value one time in twenty by design, and the chapter makes a few dozen comparisons, so
//! judging each at 95% would make some comparison fail by chance alone. Agreement with an
//! exact value, and disagreement between two estimates, are therefore judged at 99.9%
//! ([`Z_CHECK`]): wider intervals, which make "agrees" easier and "disagrees" harder to
//! earn. The tests at the smaller test scale use the same rule.

/// The two-sided 95% normal quantile.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The two-sided 99.9% normal quantile, used for every pass/fail comparison.
pub const Z_CHECK: f64 = 3.290_526_731_491_926;

/// A Monte Carlo estimate of a probability: `hits` successes in `trials` independent trials.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub hits: u64,
    pub trials: u64,
}

impl Estimate {
    /// # Panics
    /// If there are no trials, or more hits than trials.
    pub fn new(hits: u64, trials: u64) -> Self {
        assert!(trials > 0, "an estimate needs at least one trial");
        assert!(hits <= trials, "more hits than trials");
        Estimate { hits, trials }
    }

    /// The observed frequency `hits / trials`.
    pub fn p(&self) -> f64 {
        self.hits as f64 / self.trials as f64
    }

    /// The Wilson score interval at normal quantile `z`.
    ///
    /// # Examples
    /// ```
    /// use indifference::estimate::{Estimate, Z95};
    /// let (lo, hi) = Estimate::new(500, 1000).wilson(Z95);
    /// assert!((lo - 0.4691).abs() < 1e-4 && (hi - 0.5309).abs() < 1e-4);
    /// ```
    pub fn wilson(&self, z: f64) -> (f64, f64) {
        let n = self.trials as f64;
        let p = self.p();
        let z2 = z * z;
        let denom = 1.0 + z2 / n;
        let centre = (p + z2 / (2.0 * n)) / denom;
        let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        // At no hits (all hits) the lower (upper) end is exactly 0 (1); say so without rounding.
        let lo = if self.hits == 0 {
            0.0
        } else {
            (centre - half).max(0.0)
        };
        let hi = if self.hits == self.trials {
            1.0
        } else {
            (centre + half).min(1.0)
        };
        (lo, hi)
    }

    /// The 95% interval shown in figures and prose.
    pub fn ci95(&self) -> (f64, f64) {
        self.wilson(Z95)
    }

    /// The interval every pass/fail comparison uses.
    pub fn check_interval(&self) -> (f64, f64) {
        self.wilson(Z_CHECK)
    }

    /// Whether `exact` lies inside the check interval.
    pub fn agrees_with(&self, exact: f64) -> bool {
        let (lo, hi) = self.check_interval();
        lo <= exact && exact <= hi
    }

    /// Whether the two estimates' check intervals do not overlap.
    pub fn disjoint_from(&self, other: &Estimate) -> bool {
        let (a, b) = self.check_interval();
        let (c, d) = other.check_interval();
        b < c || d < a
    }
}

/// How many distinct answers a set of estimates gives: estimates whose check intervals
/// overlap, directly or through a chain of others, count as one.
pub fn distinct_answers(estimates: &[Estimate]) -> usize {
    let mut intervals: Vec<(f64, f64)> = estimates.iter().map(Estimate::check_interval).collect();
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut groups = 0;
    let mut reach = f64::NEG_INFINITY;
    for (lo, hi) in intervals {
        if lo > reach {
            groups += 1;
        }
        reach = reach.max(hi);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_intervals_contain_the_frequency_and_narrow_with_trials() {
        let small = Estimate::new(30, 100);
        let large = Estimate::new(3000, 10_000);
        let (a, b) = small.ci95();
        let (c, d) = large.ci95();
        assert!(a < 0.3 && 0.3 < b && c < 0.3 && 0.3 < d);
        assert!(d - c < (b - a) / 5.0);
        // No hits still leaves room above zero.
        let (lo, hi) = Estimate::new(0, 1000).ci95();
        assert!(lo == 0.0 && hi > 0.0 && hi < 0.01);
    }

    #[test]
    fn the_check_interval_is_wider_than_the_shown_one() {
        let e = Estimate::new(123, 1000);
        let (a, b) = e.ci95();
        let (c, d) = e.check_interval();
        assert!(c < a && b < d);
    }

    #[test]
    fn overlapping_estimates_merge_into_one_answer() {
        let a = Estimate::new(500, 1000);
        let b = Estimate::new(510, 1000);
        let c = Estimate::new(900, 1000);
        assert_eq!(distinct_answers(&[a, b, c]), 2);
        assert_eq!(distinct_answers(&[c, a]), 2);
        assert_eq!(distinct_answers(&[a, b]), 1);
        assert!(a.disjoint_from(&c) && !a.disjoint_from(&b));
    }
}
