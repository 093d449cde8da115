//! Van Fraassen's cube factory: one factory, three "uniform" priors, three answers.
//!
//! A factory makes cubes with edges between 0 and 2 (say, metres); nothing more is known.
//! How likely is the next cube's edge to be at most 1? Indifference over the edge length
//! says 1/2. But the same cubes have face areas in `(0, 4]` and volumes in `(0, 8]`, and an
//! edge of at most 1 is an area of at most 1 and a volume of at most 1, so indifference over
//! the area says 1/4 and over the volume 1/8. In general, with edge `s ∈ (0, L]` and the
//! `k`-th power `s^k` uniform on `(0, L^k]`,
//!
//! ```text
//!   P(s ≤ a) = (a / L)^k.
//! ```
//!
//! Nothing in "a factory makes cubes" says which of the three quantities the ignorance is
//! about. The module gives the exact values and a seeded Monte Carlo check of each, and the
//! control the claim is decided against: one carving for all three questions
//! ([`run_one_carving`]), where "edge, area or volume at most 1" are one event.

use crate::estimate::Estimate;
use rand::RngExt;

/// The quantity taken to be uniform.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carving {
    Edge,
    Area,
    Volume,
}

impl Carving {
    pub const ALL: [Carving; 3] = [Carving::Edge, Carving::Area, Carving::Volume];

    pub fn name(self) -> &'static str {
        match self {
            Carving::Edge => "edge",
            Carving::Area => "face area",
            Carving::Volume => "volume",
        }
    }

    /// The power of the edge this quantity is.
    pub fn power(self) -> i32 {
        match self {
            Carving::Edge => 1,
            Carving::Area => 2,
            Carving::Volume => 3,
        }
    }

    /// `P(edge ≤ a)` when this quantity is uniform and edges run up to `max_edge`.
    ///
    /// # Examples
    /// ```
    /// use indifference::cube_factory::Carving;
    /// assert_eq!(Carving::Volume.exact(1.0, 2.0), 0.125);
    /// ```
    pub fn exact(self, a: f64, max_edge: f64) -> f64 {
        (a / max_edge).clamp(0.0, 1.0).powi(self.power())
    }

    /// One cube's edge, drawn with this quantity uniform on `(0, max_edge^k]`.
    pub fn sample_edge(self, max_edge: f64, r: &mut impl rand::Rng) -> f64 {
        let top = max_edge.powi(self.power());
        let q = top * (1.0 - r.random::<f64>());
        q.powf(1.0 / f64::from(self.power()))
    }
}

/// The factory and the experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct CubeConfig {
    /// The longest edge the factory makes.
    pub max_edge: f64,
    /// The question: is the edge at most this?
    pub threshold: f64,
    /// Cubes drawn per carving.
    pub samples: u64,
    pub seed: u64,
}

impl Default for CubeConfig {
    /// The book's scale: edges up to 2, threshold 1, a million cubes per carving.
    fn default() -> Self {
        CubeConfig {
            max_edge: 2.0,
            threshold: 1.0,
            samples: 1_000_000,
            seed: 0xc0be,
        }
    }
}

impl CubeConfig {
    /// The scale `cargo test` runs: 100,000 cubes per carving.
    pub fn test_scale() -> Self {
        CubeConfig {
            samples: 100_000,
            ..Self::default()
        }
    }
}

/// Each carving's exact answer and estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct CubeResult {
    pub config: CubeConfig,
    pub answers: Vec<(Carving, f64, Estimate)>,
}

impl CubeResult {
    /// How many distinct answers the estimates give.
    pub fn distinct_answers(&self) -> usize {
        let e: Vec<Estimate> = self.answers.iter().map(|a| a.2).collect();
        crate::estimate::distinct_answers(&e)
    }

    /// Each estimate agrees with its exact value and no two estimates agree.
    pub fn three_answers(&self) -> bool {
        self.answers
            .iter()
            .all(|(_, exact, e)| e.agrees_with(*exact))
            && self.distinct_answers() == self.answers.len()
    }
}

/// Runs every carving (seeds `seed`, `seed + 1`, `seed + 2`).
pub fn run(config: &CubeConfig) -> CubeResult {
    run_carvings(config, &Carving::ALL, 0)
}

/// The three questions answered with one carving for all (seeds `seed + 10`, `+ 11`,
/// `+ 12`): a principle that picks one quantity to be uniform and lets area and volume
/// follow from it.
pub fn run_one_carving(carving: Carving, config: &CubeConfig) -> CubeResult {
    run_carvings(config, &[carving; 3], 10)
}

fn run_carvings(config: &CubeConfig, carvings: &[Carving], offset: u64) -> CubeResult {
    let answers = carvings
        .iter()
        .zip(0..)
        .map(|(&c, i)| {
            let mut r = nets::rng(config.seed + offset + i);
            let hits = (0..config.samples)
                .filter(|_| c.sample_edge(config.max_edge, &mut r) <= config.threshold)
                .count() as u64;
            (
                c,
                c.exact(config.threshold, config.max_edge),
                Estimate::new(hits, config.samples),
            )
        })
        .collect();
    CubeResult {
        config: config.clone(),
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exact_answers_halve_with_each_power() {
        let c = CubeConfig::default();
        let p: Vec<f64> = Carving::ALL
            .iter()
            .map(|k| k.exact(c.threshold, c.max_edge))
            .collect();
        assert_eq!(p, [0.5, 0.25, 0.125]);
    }

    #[test]
    fn sampled_edges_stay_in_range() {
        let mut r = nets::rng(9);
        for k in Carving::ALL {
            for _ in 0..1000 {
                let s = k.sample_edge(2.0, &mut r);
                assert!(s > 0.0 && s <= 2.0);
            }
        }
    }

    #[test]
    fn monte_carlo_finds_three_answers() {
        let r = run(&CubeConfig::test_scale());
        assert!(r.three_answers(), "{:?}", r.answers);
        assert_eq!(r.distinct_answers(), 3);
    }

    #[test]
    fn one_carving_for_all_three_questions_gives_one_answer() {
        let r = run_one_carving(Carving::Edge, &CubeConfig::test_scale());
        assert_eq!(r.distinct_answers(), 1);
        assert!(!r.three_answers());
    }

    #[test]
    fn the_carvings_agree_when_the_question_is_trivial() {
        // Asking about the whole range, every carving says 1: one answer, not three.
        let r = run(&CubeConfig {
            threshold: 2.0,
            ..CubeConfig::test_scale()
        });
        assert_eq!(r.distinct_answers(), 1);
        assert!(!r.three_answers());
    }
}
