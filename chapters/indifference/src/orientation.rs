//! Orientation: what "uniformly random orientation" predicts for dice and coins, under two
//! readings of "uniform".
//!
//! The essay says indifference over a thrown object's orientation predicts resting states
//! uniformly distributed "between zero and 360 degrees for each of the three axes of
//! rotation", and that real dice do not behave so. This module computes what such a
//! prediction says.
//!
//! **Two uniform distributions.** There are two natural readings, and they disagree:
//! - the *rotation-invariant* (Haar) measure on the rotation group, the only distribution
//!   that looks the same however the die is turned first; we sample it as a uniformly
//!   random unit quaternion (Shoemake's method). Under it the die's "down" direction, seen
//!   in the die's own frame, is uniform on the sphere;
//! - *uniform Euler angles*, the essay's literal wording: yaw, pitch and roll each uniform on
//!   `[0°, 360°)`. This is **not** the Haar measure. The down direction's latitude about the
//!   roll axis is then the pitch angle, uniform rather than uniform in its sine, so down
//!   directions crowd towards the roll axis and the two faces it passes through are favoured.
//!   Which two depends on the order in which the axes are composed — one more arbitrary choice.
//!
//! That two "uniform" distributions over the same outcomes give different probabilities is
//! the essay's paradox again, one level down. The same three angles can also be drawn so that
//! they describe the rotation-invariant measure (yaw and roll uniform, the *sine* of the pitch
//! uniform): [`Measure::EulerHaar`], the reading on which "uniform orientation" means one
//! thing whatever coordinates describe it, and the control the Euler/Haar disagreement is
//! decided against.
//!
//! **Real dice rest flat.** The reading the essay sets against indifference is a die that
//! comes to rest on a face: [`settle_on_face`] topples a rotation-invariant orientation onto
//! its nearest face, and the same counts are made on it.
//!
//! **Near a face, an edge or a corner.** A die rests "within θ of a face" when its down
//! direction lies within angle θ of one of the 6 face normals; likewise for the 12 edge
//! midpoint directions and the 8 corner directions. Under the Haar measure the down direction
//! is uniform, and a spherical cap of angular radius θ covers the fraction `(1 − cos θ)/2` of
//! the sphere, so while the caps of one kind do not overlap (θ at most half the smallest
//! angle between two directions of that kind: 45° for faces, 30° for edges,
//! `arccos(1/3)/2 ≈ 35.3°` for corners),
//!
//! ```text
//!   P(within θ of a face) = 6·(1 − cos θ)/2,   edge: 12·(1 − cos θ)/2,   corner: 8·(1 − cos θ)/2.
//! ```
//!
//! So uniform orientation puts a die near a corner 8/6 times as often as near a face, at
//! every small θ. Real dice come to rest flat.
//!
//! **A coin on its edge.** A coin of diameter `d` and thickness `t` is taken to rest on its
//! edge when its down direction points into the rim: seen from the coin's centre, the rim is
//! the band of directions whose latitude `φ` (measured from the coin's faces' plane)
//! satisfies `|φ| < α = atan(t/d)`, since the rim's corners lie at height `t/2` and radius
//! `d/2`. By Archimedes' hat-box theorem the sine of the latitude of a uniform direction is
//! uniform on `[−1, 1]`, so the band holds the fraction
//!
//! ```text
//!   P(edge) = sin α = t / √(t² + d²).
//! ```
//!
//! For a US nickel the Mint's specification gives a diameter of 0.835 in (21.21 mm) and a
//! thickness of 1.95 mm (United States Mint, "Coin Specifications", Nickel: 5.000 g, 21.21 mm,
//! 1.95 mm, plain edge). This is a geometric prediction of indifference, not a model of a
//! toss; Murray & Teare (1993, Phys. Rev. E 48, 2547, "Probability of a tossed coin landing
//! on edge") model the dynamics and estimate about one edge landing in 6,000 tosses for an
//! American nickel.

use crate::estimate::Estimate;
use rand::RngExt;
use std::f64::consts::TAU;

/// A rotation as a 3×3 matrix taking the body's coordinates to the world's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rotation(pub [[f64; 3]; 3]);

impl Rotation {
    /// The rotation of the unit quaternion `w + xi + yj + zk`.
    pub fn from_quaternion(w: f64, x: f64, y: f64, z: f64) -> Self {
        Rotation([
            [
                1.0 - 2.0 * (y * y + z * z),
                2.0 * (x * y - w * z),
                2.0 * (x * z + w * y),
            ],
            [
                2.0 * (x * y + w * z),
                1.0 - 2.0 * (x * x + z * z),
                2.0 * (y * z - w * x),
            ],
            [
                2.0 * (x * z - w * y),
                2.0 * (y * z + w * x),
                1.0 - 2.0 * (x * x + y * y),
            ],
        ])
    }

    /// Rotation by `a` radians about the x axis (roll).
    pub fn about_x(a: f64) -> Self {
        let (s, c) = a.sin_cos();
        Rotation([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])
    }

    /// Rotation by `a` radians about the y axis (pitch).
    pub fn about_y(a: f64) -> Self {
        let (s, c) = a.sin_cos();
        Rotation([[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]])
    }

    /// Rotation by `a` radians about the z axis (yaw).
    pub fn about_z(a: f64) -> Self {
        let (s, c) = a.sin_cos();
        Rotation([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    }

    /// The composition `self · other` (apply `other` first).
    pub fn then_after(&self, other: &Rotation) -> Rotation {
        let (a, b) = (&self.0, &other.0);
        let mut m = [[0.0; 3]; 3];
        for (i, row) in m.iter_mut().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                *v = (0..3).map(|k| a[i][k] * b[k][j]).sum();
            }
        }
        Rotation(m)
    }

    /// The world's downward direction `(0, 0, −1)`, in the body's coordinates: `Rᵀ·(0, 0, −1)`.
    pub fn down_in_body(&self) -> [f64; 3] {
        let r = &self.0;
        [-r[2][0], -r[2][1], -r[2][2]]
    }
}

/// Two readings of "a uniformly random orientation".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The rotation-invariant (Haar) measure: a uniformly random unit quaternion.
    Haar,
    /// Yaw, pitch and roll each uniform on `[0°, 360°)`, composed as `Rz(yaw)·Ry(pitch)·Rx(roll)`.
    EulerAngles,
    /// The same three angles drawn with the rotation-invariant density: yaw and roll uniform,
    /// pitch in `[−90°, 90°]` with its sine uniform. The Haar measure again, in Euler angles.
    EulerHaar,
}

impl Measure {
    pub const ALL: [Measure; 3] = [Measure::Haar, Measure::EulerAngles, Measure::EulerHaar];

    pub fn name(self) -> &'static str {
        match self {
            Measure::Haar => "rotation-invariant (Haar)",
            Measure::EulerAngles => "uniform Euler angles",
            Measure::EulerHaar => "Euler angles with the rotation-invariant density",
        }
    }

    /// One random rotation.
    pub fn sample(self, r: &mut impl rand::Rng) -> Rotation {
        match self {
            Measure::Haar => {
                // Shoemake (1992): uniform on the unit 3-sphere from three uniforms.
                let (u1, u2, u3): (f64, f64, f64) = (r.random(), r.random(), r.random());
                let (a, b) = ((1.0 - u1).sqrt(), u1.sqrt());
                let (s2, c2) = (TAU * u2).sin_cos();
                let (s3, c3) = (TAU * u3).sin_cos();
                Rotation::from_quaternion(b * c3, a * s2, a * c2, b * s3)
            }
            Measure::EulerAngles => {
                let yaw = TAU * r.random::<f64>();
                let pitch = TAU * r.random::<f64>();
                let roll = TAU * r.random::<f64>();
                Rotation::about_z(yaw)
                    .then_after(&Rotation::about_y(pitch))
                    .then_after(&Rotation::about_x(roll))
            }
            Measure::EulerHaar => {
                // For Rz·Ry·Rx the invariant density is cos(pitch) on [−90°, 90°].
                let yaw = TAU * r.random::<f64>();
                let pitch = (2.0 * r.random::<f64>() - 1.0).asin();
                let roll = TAU * r.random::<f64>();
                Rotation::about_z(yaw)
                    .then_after(&Rotation::about_y(pitch))
                    .then_after(&Rotation::about_x(roll))
            }
        }
    }
}

/// Where a cube can rest: on a face, balanced on an edge, or on a corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    Face,
    Edge,
    Corner,
}

impl Feature {
    pub const ALL: [Feature; 3] = [Feature::Face, Feature::Edge, Feature::Corner];

    pub fn name(self) -> &'static str {
        match self {
            Feature::Face => "face",
            Feature::Edge => "edge",
            Feature::Corner => "corner",
        }
    }

    /// The feature's name with its article: "a face", "an edge", "a corner".
    pub fn with_article(self) -> &'static str {
        match self {
            Feature::Face => "a face",
            Feature::Edge => "an edge",
            Feature::Corner => "a corner",
        }
    }

    /// How many directions of this kind a cube has.
    pub fn count(self) -> u32 {
        match self {
            Feature::Face => 6,
            Feature::Edge => 12,
            Feature::Corner => 8,
        }
    }

    /// The cosine of the angle between the unit vector `d` and the nearest direction of this
    /// kind (face normals `±eᵢ`, edge midpoints `(±eᵢ ± eⱼ)/√2`, corners `(±1, ±1, ±1)/√3`).
    pub fn cos_to_nearest(self, d: [f64; 3]) -> f64 {
        let mut a = d.map(f64::abs);
        a.sort_by(|x, y| y.total_cmp(x));
        match self {
            Feature::Face => a[0],
            Feature::Edge => (a[0] + a[1]) / std::f64::consts::SQRT_2,
            Feature::Corner => (a[0] + a[1] + a[2]) / 3f64.sqrt(),
        }
    }

    /// The largest cap radius, in degrees, at which the caps of this kind do not overlap:
    /// half the smallest angle between two of its directions.
    pub fn max_disjoint_deg(self) -> f64 {
        match self {
            Feature::Face => 45.0,
            Feature::Edge => 30.0,
            Feature::Corner => (1.0f64 / 3.0).acos().to_degrees() / 2.0,
        }
    }

    /// The exact probability that a die toppled onto its nearest face ([`settle_on_face`])
    /// rests within `theta_deg` of this kind of feature: its down direction is a face normal,
    /// 45° from the nearest edge direction and `arccos(1/√3) ≈ 54.7°` from the nearest corner.
    /// `None` from 45° on, where an edge's cap would reach a face normal.
    pub fn exact_settled(self, theta_deg: f64) -> Option<f64> {
        (theta_deg < 45.0).then_some(match self {
            Feature::Face => 1.0,
            Feature::Edge | Feature::Corner => 0.0,
        })
    }

    /// The exact probability, under the Haar measure, of resting within `theta_deg` of this
    /// kind of feature; `None` where the caps would overlap and the formula no longer holds.
    pub fn exact_haar(self, theta_deg: f64) -> Option<f64> {
        (theta_deg <= self.max_disjoint_deg())
            .then(|| f64::from(self.count()) * cap_fraction(theta_deg.to_radians()))
    }
}

/// The fraction of the sphere in a cap of angular radius `theta` (radians): `(1 − cos θ)/2`.
pub fn cap_fraction(theta: f64) -> f64 {
    // (1 − cos θ)/2 = sin²(θ/2), without cancellation at small θ.
    (theta / 2.0).sin().powi(2)
}

/// A die that comes to rest on a face: the down direction `d` (in the die's frame) moved to
/// the nearest face normal, as a die that topples onto the face it is closest to.
pub fn settle_on_face(d: [f64; 3]) -> [f64; 3] {
    let i = (0..3)
        .max_by(|&a, &b| d[a].abs().total_cmp(&d[b].abs()))
        .expect("three axes");
    let mut face = [0.0; 3];
    face[i] = d[i].signum();
    face
}

/// A coin: a flat cylinder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coin {
    pub diameter_mm: f64,
    pub thickness_mm: f64,
}

impl Coin {
    /// The US five-cent piece, per the United States Mint's coin specifications: diameter
    /// 0.835 in = 21.21 mm, thickness 1.95 mm.
    pub const NICKEL: Coin = Coin {
        diameter_mm: 21.21,
        thickness_mm: 1.95,
    };

    /// `α = atan(t/d)`: the rim's half-width in latitude, seen from the centre.
    pub fn rim_half_angle(&self) -> f64 {
        (self.thickness_mm / self.diameter_mm).atan()
    }

    /// `sin α = t/√(t² + d²)`: the probability of resting on the rim under uniform
    /// orientation.
    ///
    /// # Examples
    /// ```
    /// use indifference::orientation::Coin;
    /// let p = Coin::NICKEL.exact_edge_probability();
    /// assert!((p - 1.95 / (1.95f64.powi(2) + 21.21f64.powi(2)).sqrt()).abs() < 1e-15);
    /// ```
    pub fn exact_edge_probability(&self) -> f64 {
        self.thickness_mm.hypot(self.diameter_mm).recip() * self.thickness_mm
    }

    /// The rim's share of the coin's surface, `π d t / (π d t + 2 π (d/2)²) = 2t/(2t + d)`:
    /// the probability of resting on the rim if indifference were over the point of the coin
    /// that touches the table rather than over its orientation.
    pub fn rim_surface_share(&self) -> f64 {
        2.0 * self.thickness_mm / (2.0 * self.thickness_mm + self.diameter_mm)
    }

    /// Whether a coin whose down direction (in its own frame, axis along z) is `d` rests on
    /// its rim.
    pub fn on_edge(&self, d: [f64; 3]) -> bool {
        d[2].abs() < self.rim_half_angle().sin()
    }
}

/// The orientation experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct OrientationConfig {
    /// Random orientations drawn under each measure.
    pub samples: u64,
    /// The cap radius the claims are stated at, in degrees.
    pub theta_deg: f64,
    /// Cap radii for the figure, in degrees, ascending.
    pub grid_deg: Vec<f64>,
    pub coin: Coin,
    pub seed: u64,
}

impl Default for OrientationConfig {
    /// The book's scale: four million orientations under each measure.
    fn default() -> Self {
        OrientationConfig {
            samples: 4_000_000,
            theta_deg: 5.0,
            grid_deg: (1..=20).map(f64::from).collect(),
            coin: Coin::NICKEL,
            seed: 0x0d1e,
        }
    }
}

impl OrientationConfig {
    /// The scale `cargo test` runs: 200,000 orientations, the same angles and seed.
    pub fn test_scale() -> Self {
        OrientationConfig {
            samples: 200_000,
            ..Self::default()
        }
    }
}

/// What one measure predicts.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureResult {
    pub measure: Measure,
    /// For each angle of the grid, the estimates for face, edge and corner.
    pub near: Vec<[Estimate; 3]>,
    /// The estimates for face, edge and corner at the claims' angle.
    pub at_theta: [Estimate; 3],
    /// Resting on the coin's rim.
    pub coin_edge: Estimate,
}

impl MeasureResult {
    /// The estimate for `feature` at the claims' angle.
    pub fn near_at_theta(&self, feature: Feature) -> Estimate {
        self.at_theta[feature as usize]
    }

    /// A conservative lower bound on P(corner)/P(face) at the claims' angle: the corner's
    /// check interval's lower end over the face's upper end.
    pub fn corner_to_face_lower(&self) -> f64 {
        let corner = self.near_at_theta(Feature::Corner).check_interval().0;
        let face = self.near_at_theta(Feature::Face).check_interval().1;
        corner / face
    }

    /// The estimated ratio P(corner)/P(face) at the claims' angle.
    pub fn corner_to_face(&self) -> f64 {
        self.near_at_theta(Feature::Corner).p() / self.near_at_theta(Feature::Face).p()
    }
}

/// Draws `config.samples` orientations under `measure` and counts where the die and the
/// coin rest.
pub fn simulate(measure: Measure, config: &OrientationConfig, seed: u64) -> MeasureResult {
    let thresholds: Vec<f64> = config
        .grid_deg
        .iter()
        .map(|t| t.to_radians().cos())
        .collect();
    debug_assert!(
        thresholds.windows(2).all(|w| w[0] >= w[1]),
        "grid ascending"
    );
    let cos_theta = config.theta_deg.to_radians().cos();
    let mut bins = vec![[0u64; 3]; thresholds.len() + 1];
    let mut at_theta = [0u64; 3];
    let mut coin_edge = 0u64;
    let mut r = nets::rng(seed);
    for _ in 0..config.samples {
        let d = measure.sample(&mut r).down_in_body();
        for (k, feature) in Feature::ALL.into_iter().enumerate() {
            let c = feature.cos_to_nearest(d);
            // The first grid angle whose cap contains d; every larger angle's does too.
            bins[thresholds.partition_point(|&t| c < t)][k] += 1;
            at_theta[k] += u64::from(c >= cos_theta);
        }
        coin_edge += u64::from(config.coin.on_edge(d));
    }
    let n = config.samples;
    let mut running = [0u64; 3];
    let near = bins[..thresholds.len()]
        .iter()
        .map(|bin| {
            for k in 0..3 {
                running[k] += bin[k];
            }
            running.map(|h| Estimate::new(h, n))
        })
        .collect();
    MeasureResult {
        measure,
        near,
        at_theta: at_theta.map(|h| Estimate::new(h, n)),
        coin_edge: Estimate::new(coin_edge, n),
    }
}

/// Draws `config.samples` rotation-invariant orientations, topples each onto its nearest
/// face ([`settle_on_face`]), and counts where the die rests at the claims' angle: face,
/// edge, corner.
pub fn simulate_settled(config: &OrientationConfig, seed: u64) -> [Estimate; 3] {
    let cos_theta = config.theta_deg.to_radians().cos();
    let mut at_theta = [0u64; 3];
    let mut r = nets::rng(seed);
    for _ in 0..config.samples {
        let d = settle_on_face(Measure::Haar.sample(&mut r).down_in_body());
        for (k, feature) in Feature::ALL.into_iter().enumerate() {
            at_theta[k] += u64::from(feature.cos_to_nearest(d) >= cos_theta);
        }
    }
    at_theta.map(|h| Estimate::new(h, config.samples))
}

/// A conservative lower bound on P(corner)/P(face) from estimates of (face, edge, corner):
/// the corner's check interval's lower end over the face's upper end.
pub fn corner_to_face_lower(at_theta: &[Estimate; 3]) -> f64 {
    at_theta[Feature::Corner as usize].check_interval().0
        / at_theta[Feature::Face as usize].check_interval().1
}

/// A conservative upper bound on P(corner)/P(face): the corner's upper end over the face's
/// lower end.
pub fn corner_to_face_upper(at_theta: &[Estimate; 3]) -> f64 {
    at_theta[Feature::Corner as usize].check_interval().1
        / at_theta[Feature::Face as usize].check_interval().0
}

/// Every measure's predictions.
#[derive(Clone, Debug, PartialEq)]
pub struct OrientationResult {
    pub config: OrientationConfig,
    pub haar: MeasureResult,
    pub euler: MeasureResult,
    /// The Euler angles drawn with the invariant density: the Haar measure in other
    /// coordinates.
    pub euler_haar: MeasureResult,
    /// A die toppled onto its nearest face: face, edge, corner at the claims' angle.
    pub settled: [Estimate; 3],
}

impl OrientationResult {
    /// Whether the Haar estimates agree with the exact cap formula at the claims' angle and at
    /// every grid angle where it holds, and the coin's rim estimate with `sin α`.
    pub fn haar_agrees_with_exact(&self) -> bool {
        let theta = self.config.theta_deg;
        let at_theta = Feature::ALL.into_iter().all(|f| {
            f.exact_haar(theta)
                .is_some_and(|p| self.haar.near_at_theta(f).agrees_with(p))
        });
        at_theta
            && self
                .haar
                .coin_edge
                .agrees_with(self.config.coin.exact_edge_probability())
    }

    /// The exact Haar ratio P(corner)/P(face) for small caps: 8/6.
    pub fn exact_corner_to_face(&self) -> f64 {
        let theta = self.config.theta_deg;
        Feature::Corner.exact_haar(theta).expect("a small cap")
            / Feature::Face.exact_haar(theta).expect("a small cap")
    }

    /// P(face) under uniform Euler angles over P(face) under Haar, at the claims' angle.
    pub fn euler_over_haar_face(&self) -> f64 {
        self.euler.near_at_theta(Feature::Face).p()
            / Feature::Face
                .exact_haar(self.config.theta_deg)
                .expect("a small cap")
    }

    /// Whether the Euler-angle estimate of P(face) excludes the exact Haar value and
    /// disagrees with the Haar estimate.
    pub fn euler_differs_from_haar(&self) -> bool {
        self.differs_from_haar(&self.euler)
    }

    /// Whether `other`'s estimate of P(face) at the claims' angle excludes the exact Haar value
    /// and disagrees with the Haar estimate.
    pub fn differs_from_haar(&self, other: &MeasureResult) -> bool {
        let theta = self.config.theta_deg;
        let exact = Feature::Face.exact_haar(theta).expect("a small cap");
        let face = other.near_at_theta(Feature::Face);
        !face.agrees_with(exact) && face.disjoint_from(&self.haar.near_at_theta(Feature::Face))
    }

    /// P(face) under `other` over P(face) under Haar, at the claims' angle.
    pub fn over_haar_face(&self, other: &MeasureResult) -> f64 {
        other.near_at_theta(Feature::Face).p()
            / Feature::Face
                .exact_haar(self.config.theta_deg)
                .expect("a small cap")
    }
}

/// Runs every measure and the settled die, two at a time on their own threads, each with
/// its own seed.
pub fn run(config: &OrientationConfig) -> OrientationResult {
    std::thread::scope(|s| {
        let euler = s.spawn(|| {
            let euler = simulate(Measure::EulerAngles, config, config.seed + 1);
            // The Haar run's own orientations (its seed), each toppled onto a face.
            let settled = simulate_settled(config, config.seed);
            (euler, settled)
        });
        let haar = simulate(Measure::Haar, config, config.seed);
        let euler_haar = simulate(Measure::EulerHaar, config, config.seed + 2);
        let (euler, settled) = euler.join().expect("the Euler-angle simulation");
        OrientationResult {
            config: config.clone(),
            haar,
            euler,
            euler_haar,
            settled,
        }
    })
}

/// `θ` in degrees at which the exact curves are drawn: fine steps up to the grid's end.
pub fn curve_angles(config: &OrientationConfig) -> Vec<f64> {
    let last = config.grid_deg.last().copied().unwrap_or(config.theta_deg);
    (0..=200)
        .map(|i| 0.25 + (last - 0.25) * f64::from(i) / 200.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn result() -> &'static OrientationResult {
        static R: OnceLock<OrientationResult> = OnceLock::new();
        R.get_or_init(|| run(&OrientationConfig::test_scale()))
    }

    fn is_rotation(m: &Rotation) -> bool {
        let a = &m.0;
        let orthonormal = (0..3).all(|i| {
            (0..3).all(|j| {
                let dot: f64 = (0..3).map(|k| a[k][i] * a[k][j]).sum();
                (dot - f64::from(u8::from(i == j))).abs() < 1e-12
            })
        });
        let det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
            - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
            + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        orthonormal && (det - 1.0).abs() < 1e-12
    }

    #[test]
    fn both_samplers_give_rotations() {
        let mut r = nets::rng(1);
        for m in Measure::ALL {
            for _ in 0..100 {
                assert!(is_rotation(&m.sample(&mut r)), "{}", m.name());
            }
        }
    }

    #[test]
    fn nearest_directions_are_found() {
        let s = 3f64.sqrt();
        assert!((Feature::Face.cos_to_nearest([0.0, 0.0, -1.0]) - 1.0).abs() < 1e-15);
        assert!((Feature::Corner.cos_to_nearest([-1.0 / s, 1.0 / s, 1.0 / s]) - 1.0).abs() < 1e-15);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((Feature::Edge.cos_to_nearest([0.0, -h, h]) - 1.0).abs() < 1e-15);
        // A face normal is 45° from the nearest edge and arccos(1/√3) from a corner.
        assert!((Feature::Edge.cos_to_nearest([1.0, 0.0, 0.0]) - h).abs() < 1e-15);
        assert!((Feature::Corner.cos_to_nearest([1.0, 0.0, 0.0]) - 1.0 / s).abs() < 1e-15);
    }

    #[test]
    fn haar_monte_carlo_agrees_with_the_cap_formula() {
        let r = result();
        assert!(r.haar_agrees_with_exact());
        // Across the grid too (Bonferroni over the 3 × 20 comparisons: z for 0.1%/60).
        let z = 4.15;
        for (theta, row) in r.config.grid_deg.iter().zip(&r.haar.near) {
            for (f, e) in Feature::ALL.into_iter().zip(row) {
                let exact = f
                    .exact_haar(*theta)
                    .expect("grid within the disjoint range");
                let (lo, hi) = e.wilson(z);
                assert!(lo <= exact && exact <= hi, "{} at {theta}°", f.name());
            }
        }
    }

    #[test]
    fn the_cap_formula_is_refused_where_caps_overlap() {
        assert!(Feature::Edge.exact_haar(31.0).is_none());
        assert!(Feature::Face.exact_haar(44.0).is_some());
        // At the largest disjoint radius the edge caps cover exactly 12 sin²(15°).
        let p = Feature::Edge.exact_haar(30.0).unwrap();
        assert!((p - 12.0 * (15f64.to_radians().sin()).powi(2)).abs() < 1e-15);
    }

    /// P(within θ of a face) under uniform Euler angles, by a midpoint rule over pitch and
    /// roll (yaw does not move the down direction): an independent check of the sampler.
    fn euler_by_quadrature(feature: Feature, theta_deg: f64, n: usize) -> f64 {
        let cos_t = theta_deg.to_radians().cos();
        let mut hits = 0usize;
        for i in 0..n {
            let pitch = TAU * (i as f64 + 0.5) / n as f64;
            for j in 0..n {
                let roll = TAU * (j as f64 + 0.5) / n as f64;
                let d = Rotation::about_y(pitch)
                    .then_after(&Rotation::about_x(roll))
                    .down_in_body();
                hits += usize::from(feature.cos_to_nearest(d) >= cos_t);
            }
        }
        hits as f64 / (n * n) as f64
    }

    #[test]
    fn euler_monte_carlo_agrees_with_quadrature() {
        let r = result();
        for f in Feature::ALL {
            let q = euler_by_quadrature(f, r.config.theta_deg, 1500);
            assert!(
                r.euler.near_at_theta(f).agrees_with(q),
                "{}: quadrature {q}, Monte Carlo {:?}",
                f.name(),
                r.euler.near_at_theta(f).check_interval()
            );
        }
        // The pitch-axis faces alone take θ/90° under Euler angles: far above Haar's 6 caps.
        assert!(r.euler.near_at_theta(Feature::Face).p() > r.config.theta_deg / 90.0);
    }

    #[test]
    fn euler_angles_with_the_invariant_density_are_the_haar_measure() {
        let r = result();
        for f in Feature::ALL {
            let exact = f.exact_haar(r.config.theta_deg).expect("a small cap");
            assert!(
                r.euler_haar.near_at_theta(f).agrees_with(exact),
                "{}",
                f.name()
            );
        }
        assert!(
            r.euler_haar
                .coin_edge
                .agrees_with(r.config.coin.exact_edge_probability())
        );
        assert!(!r.differs_from_haar(&r.euler_haar));
    }

    #[test]
    fn a_settled_die_rests_flat() {
        let r = result();
        let theta = r.config.theta_deg;
        for f in Feature::ALL {
            let e = r.settled[f as usize];
            assert_eq!(
                e.p(),
                f.exact_settled(theta).expect("below 45°"),
                "{}",
                f.name()
            );
        }
        assert_eq!(corner_to_face_lower(&r.settled), 0.0);
        assert_eq!(settle_on_face([0.1, -0.8, 0.3]), [0.0, -1.0, 0.0]);
    }

    #[test]
    fn the_two_readings_of_uniform_disagree_and_corners_are_not_rare() {
        let r = result();
        assert!(r.euler_differs_from_haar());
        assert!((r.exact_corner_to_face() - 8.0 / 6.0).abs() < 1e-12);
        assert!(r.haar.corner_to_face_lower() > 1.0);
        assert!(r.euler.corner_to_face_lower() > 0.1);
        assert!(r.euler.corner_to_face() < 1.0);
    }

    #[test]
    fn a_nickel_rests_on_its_rim_about_one_time_in_eleven() {
        let p = Coin::NICKEL.exact_edge_probability();
        assert!(p > 1.0 / 11.0 && p < 1.0 / 10.0);
        // The latitude band formula and sin α agree.
        let a = Coin::NICKEL.rim_half_angle();
        assert!((a.sin() - p).abs() < 1e-15);
        let r = result();
        assert!(r.haar.coin_edge.agrees_with(p));
        // Uniform Euler angles stand the coin on its rim more often still.
        assert!(r.euler.coin_edge.check_interval().0 > p);
        // Indifference over the surface point touching the table would say more again.
        let area = Coin::NICKEL.rim_surface_share();
        assert!(area > 0.15 && !r.haar.coin_edge.agrees_with(area));
    }

    #[test]
    fn simulations_are_reproducible() {
        let c = OrientationConfig {
            samples: 10_000,
            ..OrientationConfig::test_scale()
        };
        assert_eq!(run(&c), run(&c));
    }
}
