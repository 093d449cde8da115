//! Bertrand's paradox: three ways of drawing "a random chord" of a circle, three answers.
//!
//! Draw a chord of the unit circle at random. How likely is it to be longer than `√3`, the
//! side of the inscribed equilateral triangle? A chord at distance `r` from the centre has
//! length `2√(1 − r²)`, which exceeds `√3` exactly when `r < 1/2`. Each of three natural
//! ways of being indifferent gives its own answer:
//!
//! - **random endpoints** — two points uniform on the circle. Fix the first; the chord is
//!   long when the second falls in the third of the circle opposite it: `P = 1/3`.
//! - **random radial point** — a radius at a uniform angle, a point uniform along it, and
//!   the chord through that point perpendicular to the radius: `P(r < 1/2) = 1/2`.
//! - **random midpoint** — a point uniform in the disc as the chord's midpoint: the chord
//!   is long when the point falls in the concentric disc of radius 1/2, `P = 1/4`.
//!
//! Each is "uniform"; they are uniform over different descriptions of a chord. The module
//! computes the exact values and checks them by seeded Monte Carlo.
//!
//! The control is the reading on which "a random chord" has one meaning: three draws made by
//! one method ([`run_one_method`]; Jaynes's invariance argument singles out the radial point).
//! The claims' criteria are decided on it too, and must tell it apart.

use crate::estimate::Estimate;
use rand::RngExt;
use std::f64::consts::TAU;

/// A way of choosing a chord at random.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Endpoints,
    RadialPoint,
    Midpoint,
}

/// A chord of the unit circle, by its two endpoints.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chord {
    pub a: (f64, f64),
    pub b: (f64, f64),
}

impl Chord {
    /// The chord whose midpoint lies at distance `r < 1` from the centre in direction `phi`.
    pub fn from_midpoint(r: f64, phi: f64) -> Self {
        let (s, c) = phi.sin_cos();
        let half = (1.0 - r * r).max(0.0).sqrt();
        let (mx, my) = (r * c, r * s);
        Chord {
            a: (mx - half * s, my + half * c),
            b: (mx + half * s, my - half * c),
        }
    }

    /// The chord between the points of the circle at angles `t1` and `t2`.
    pub fn from_angles(t1: f64, t2: f64) -> Self {
        Chord {
            a: (t1.cos(), t1.sin()),
            b: (t2.cos(), t2.sin()),
        }
    }

    pub fn length(&self) -> f64 {
        (self.a.0 - self.b.0).hypot(self.a.1 - self.b.1)
    }

    /// Longer than the inscribed equilateral triangle's side `√3`.
    pub fn is_long(&self) -> bool {
        self.length() > 3f64.sqrt()
    }
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Endpoints, Method::RadialPoint, Method::Midpoint];

    pub fn name(self) -> &'static str {
        match self {
            Method::Endpoints => "random endpoints",
            Method::RadialPoint => "random radial point",
            Method::Midpoint => "random midpoint",
        }
    }

    /// The exact probability that the chord is longer than `√3`.
    pub fn exact(self) -> f64 {
        match self {
            Method::Endpoints => 1.0 / 3.0,
            Method::RadialPoint => 1.0 / 2.0,
            Method::Midpoint => 1.0 / 4.0,
        }
    }

    /// The exact probability, written as a fraction.
    pub fn exact_text(self) -> &'static str {
        match self {
            Method::Endpoints => "1/3",
            Method::RadialPoint => "1/2",
            Method::Midpoint => "1/4",
        }
    }

    /// One random chord.
    pub fn sample(self, r: &mut impl rand::Rng) -> Chord {
        match self {
            Method::Endpoints => {
                let (t1, t2) = (TAU * r.random::<f64>(), TAU * r.random::<f64>());
                Chord::from_angles(t1, t2)
            }
            Method::RadialPoint => {
                let phi = TAU * r.random::<f64>();
                Chord::from_midpoint(r.random::<f64>(), phi)
            }
            Method::Midpoint => {
                let phi = TAU * r.random::<f64>();
                // Uniform in the disc: the radius's square is uniform.
                Chord::from_midpoint(r.random::<f64>().sqrt(), phi)
            }
        }
    }
}

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct BertrandConfig {
    /// Chords drawn per method.
    pub samples: u64,
    /// Chords kept per method for the figure (the first ones drawn).
    pub drawn: usize,
    pub seed: u64,
}

impl Default for BertrandConfig {
    /// The book's scale: two million chords per method.
    fn default() -> Self {
        BertrandConfig {
            samples: 2_000_000,
            drawn: 300,
            seed: 0xbe27,
        }
    }
}

impl BertrandConfig {
    /// The scale `cargo test` runs: 200,000 chords per method.
    pub fn test_scale() -> Self {
        BertrandConfig {
            samples: 200_000,
            ..Self::default()
        }
    }
}

/// One method's estimate and the chords kept for the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodResult {
    pub method: Method,
    pub estimate: Estimate,
    pub chords: Vec<Chord>,
}

impl MethodResult {
    /// Whether the estimate agrees with this method's exact value and with neither of the
    /// other two methods' exact values.
    pub fn singles_out_its_answer(&self) -> bool {
        self.estimate.agrees_with(self.method.exact())
            && Method::ALL
                .iter()
                .filter(|&&m| m != self.method)
                .all(|m| !self.estimate.agrees_with(m.exact()))
    }
}

/// All three methods.
#[derive(Clone, Debug, PartialEq)]
pub struct BertrandResult {
    pub methods: Vec<MethodResult>,
}

impl BertrandResult {
    pub fn get(&self, method: Method) -> &MethodResult {
        self.methods
            .iter()
            .find(|m| m.method == method)
            .expect("every method runs")
    }

    /// How many distinct answers the three estimates give ([`crate::estimate::distinct_answers`]).
    pub fn distinct_answers(&self) -> usize {
        let e: Vec<Estimate> = self.methods.iter().map(|m| m.estimate).collect();
        crate::estimate::distinct_answers(&e)
    }

    /// Whether the draw in slot `k`, labelled by method `Method::ALL[k]`, recovers that
    /// method's exact value, excludes the other two methods' exact values, and disagrees with
    /// the estimates of the other slots.
    pub fn singles_out(&self, k: usize) -> bool {
        let slot = &self.methods[k];
        let claimed = Method::ALL[k];
        slot.estimate.agrees_with(claimed.exact())
            && Method::ALL
                .iter()
                .filter(|&&m| m != claimed)
                .all(|m| !slot.estimate.agrees_with(m.exact()))
            && self
                .methods
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .all(|(_, other)| slot.estimate.disjoint_from(&other.estimate))
    }

    /// Each estimate agrees with its exact value, and no two estimates agree.
    pub fn three_answers(&self) -> bool {
        self.methods
            .iter()
            .all(|m| m.estimate.agrees_with(m.method.exact()))
            && self.distinct_answers() == self.methods.len()
    }
}

/// Draws `config.samples` chords by `method`, from its own seeded stream.
pub fn simulate(method: Method, config: &BertrandConfig, seed: u64) -> MethodResult {
    let mut r = nets::rng(seed);
    let mut hits = 0u64;
    let mut chords = Vec::with_capacity(config.drawn);
    for i in 0..config.samples {
        let chord = method.sample(&mut r);
        hits += u64::from(chord.is_long());
        if (i as usize) < config.drawn {
            chords.push(chord);
        }
    }
    MethodResult {
        method,
        estimate: Estimate::new(hits, config.samples),
        chords,
    }
}

/// Runs the three methods (seeds `seed`, `seed + 1`, `seed + 2`).
pub fn run(config: &BertrandConfig) -> BertrandResult {
    BertrandResult {
        methods: Method::ALL
            .into_iter()
            .zip(0..)
            .map(|(m, i)| simulate(m, config, config.seed + i))
            .collect(),
    }
}

/// Three draws, one per slot of [`Method::ALL`], all made by `method` (seeds `seed + 10`,
/// `+ 11`, `+ 12`, apart from [`run`]'s): what the three answers would be if "a random
/// chord" meant one thing.
pub fn run_one_method(method: Method, config: &BertrandConfig) -> BertrandResult {
    BertrandResult {
        methods: (0..Method::ALL.len() as u64)
            .map(|i| simulate(method, config, config.seed + 10 + i))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_are_chords() {
        let mut r = nets::rng(3);
        for m in Method::ALL {
            for _ in 0..100 {
                let c = m.sample(&mut r);
                for p in [c.a, c.b] {
                    assert!((p.0.hypot(p.1) - 1.0).abs() < 1e-12, "{}", m.name());
                }
            }
        }
        // A chord at distance 1/2 is exactly as long as the triangle's side.
        let c = Chord::from_midpoint(0.5, 0.3);
        assert!((c.length() - 3f64.sqrt()).abs() < 1e-12);
        // Endpoints a third of a turn apart span the side too.
        let c = Chord::from_angles(0.1, 0.1 + TAU / 3.0);
        assert!((c.length() - 3f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn each_method_recovers_its_own_answer_and_no_other() {
        let r = run(&BertrandConfig::test_scale());
        for m in &r.methods {
            assert!(
                m.singles_out_its_answer(),
                "{}: {:?}",
                m.method.name(),
                m.estimate.check_interval()
            );
            assert_eq!(m.chords.len(), 300);
        }
        assert_eq!(r.distinct_answers(), 3);
        assert!(r.three_answers());
        assert!((0..3).all(|k| r.singles_out(k)));
    }

    #[test]
    fn one_method_for_all_three_gives_one_answer() {
        let one = run_one_method(Method::RadialPoint, &BertrandConfig::test_scale());
        assert_eq!(one.distinct_answers(), 1);
        assert!(!one.three_answers());
        assert!((0..3).all(|k| !one.singles_out(k)));
    }

    #[test]
    fn runs_are_reproducible() {
        let c = BertrandConfig {
            samples: 5_000,
            ..BertrandConfig::test_scale()
        };
        assert_eq!(run(&c), run(&c));
    }
}
