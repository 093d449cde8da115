//! Fodor's frog: two features perfectly correlated in training, and which one trained
//! networks use.
//!
//! A frog sees a small retina over two frames and smells the air. In training, a fly always
//! shows on the retina as a small dark dot moving one pixel between frames, and always
//! smells of fly; with no fly there is neither. The two features are perfectly correlated,
//! so a net that snaps at dots and a net that snaps at fly smell are equally right on every
//! training input — Fodor's disjunction problem. Off the training distribution they come
//! apart: a pellet is a dark moving dot with no fly smell; a fly against a dark background
//! smells of fly but shows no dot. The experiment trains networks of two architectures from
//! many seeds, varies how strong (salient) the smell is against the dot and whether the smell
//! is a simple (linear) or a harder (XOR) code, and asks on which probe each net snaps.

use ndarray::Array2;
use nets::stats::{mean, std_dev};
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer};
use rand::RngExt;
use rand_distr::{Distribution, StandardNormal};

/// Retina pixels per frame, and the smell channel's width.
pub const PIXELS: usize = 8;
pub const SMELL: usize = 4;
/// Inputs: two frames of the retina, then the smell.
pub const INPUTS: usize = 2 * PIXELS + SMELL;

/// How the smell of a fly is written in the smell channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmellCode {
    /// Fly: `+a` on the first two smell inputs; no fly: nothing (a direction, which one
    /// weight can read).
    Linear,
    /// Fly: the first two smell inputs share a random sign; no fly: opposite signs (an XOR,
    /// which no single weight can read).
    Xor,
}

impl SmellCode {
    pub fn name(self) -> &'static str {
        match self {
            SmellCode::Linear => "smell as a simple code",
            SmellCode::Xor => "smell as an XOR code",
        }
    }
}

/// What a scene contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scene {
    pub dot: bool,
    pub fly_smell: bool,
}

impl Scene {
    /// A fly: a moving dark dot that smells of fly, as every fly in training is.
    pub const FLY: Scene = Scene {
        dot: true,
        fly_smell: true,
    };
    /// Neither feature: what training shows when there is no fly.
    pub const EMPTY: Scene = Scene {
        dot: false,
        fly_smell: false,
    };
}

/// One setting: the features' strengths and the smell's code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct World {
    /// Darkness of the dot on the retina.
    pub dot: f64,
    /// Strength of the fly's smell.
    pub smell: f64,
    pub code: SmellCode,
    /// Standard deviation of the noise on every input.
    pub noise: f64,
}

impl World {
    /// Draws the inputs of a scene.
    pub fn draw(&self, scene: Scene, r: &mut impl rand::Rng) -> [f64; INPUTS] {
        let mut x = [0.0; INPUTS];
        for v in &mut x {
            let e: f64 = StandardNormal.sample(r);
            *v = self.noise * e;
        }
        if scene.dot {
            let p = r.random_range(0..PIXELS);
            x[p] -= self.dot;
            x[PIXELS + (p + 1) % PIXELS] -= self.dot;
        }
        let s = &mut x[2 * PIXELS..];
        match self.code {
            SmellCode::Linear => {
                if scene.fly_smell {
                    s[0] += self.smell;
                    s[1] += self.smell;
                }
            }
            SmellCode::Xor => {
                let sign = if r.random::<bool>() { 1.0 } else { -1.0 };
                let other = if scene.fly_smell { sign } else { -sign };
                s[0] += sign * self.smell;
                s[1] += other * self.smell;
            }
        }
        x
    }

    /// `n` scenes of one kind as rows.
    pub fn batch(&self, scene: Scene, n: usize, r: &mut impl rand::Rng) -> Array2<f64> {
        let rows: Vec<[f64; INPUTS]> = (0..n).map(|_| self.draw(scene, r)).collect();
        Array2::from_shape_fn((n, INPUTS), |(i, j)| rows[i][j])
    }
}

/// One channel of the frog's senses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Retina,
    Smell,
}

/// `log cosh y`, without overflow.
fn ln_cosh(y: f64) -> f64 {
    y.abs() + (-2.0 * y.abs()).exp().ln_1p() - std::f64::consts::LN_2
}

impl World {
    /// The log-likelihood ratio of "fly" against "no fly" from one channel alone: the
    /// Bayes-optimal reader of that channel, which snaps when it is positive. On the retina
    /// a fly is a dot at an unknown pixel `p` of the first frame and `p + 1` of the second;
    /// in the smell, `+a` on two inputs (simple code) or a shared sign there (XOR code).
    pub fn log_likelihood_ratio(&self, channel: Channel, x: &[f64; INPUTS]) -> f64 {
        let v = self.noise * self.noise;
        match channel {
            Channel::Retina => {
                let d = self.dot;
                let terms: Vec<f64> = (0..PIXELS)
                    .map(|p| -(d * (x[p] + x[PIXELS + (p + 1) % PIXELS]) + d * d) / v)
                    .collect();
                let top = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                top + terms.iter().map(|t| (t - top).exp()).sum::<f64>().ln() - (PIXELS as f64).ln()
            }
            Channel::Smell => {
                let (a, s0, s1) = (self.smell, x[2 * PIXELS], x[2 * PIXELS + 1]);
                match self.code {
                    SmellCode::Linear => (a * (s0 + s1) - a * a) / v,
                    SmellCode::Xor => ln_cosh(a * (s0 + s1) / v) - ln_cosh(a * (s0 - s1) / v),
                }
            }
        }
    }

    /// The share of fresh scenes the ideal reader of `channel` gets right, `n` of each kind
    /// in `scenes`, each labelled by whether a fly is there.
    pub fn ideal_accuracy(
        &self,
        channel: Channel,
        scenes: &[(Scene, bool)],
        n: usize,
        r: &mut impl rand::Rng,
    ) -> f64 {
        let right: usize = scenes
            .iter()
            .map(|&(scene, fly)| {
                (0..n)
                    .filter(|_| {
                        (self.log_likelihood_ratio(channel, &self.draw(scene, r)) > 0.0) == fly
                    })
                    .count()
            })
            .sum();
        right as f64 / (n * scenes.len()) as f64
    }
}

/// Training's scenes, labelled: a fly with its dot and smell, or nothing.
pub const TRAINING_SCENES: [(Scene, bool); 2] = [(Scene::FLY, true), (Scene::EMPTY, false)];

/// A world where the features come apart in training: besides flies and empty scenes, as
/// many pellets (a dot, no fly) and flies against a dark background (smell, no dot).
pub const DECORRELATED_SCENES: [(Scene, bool); 4] = [
    (Scene::FLY, true),
    (Scene::EMPTY, false),
    (
        Scene {
            dot: true,
            fly_smell: false,
        },
        false,
    ),
    (
        Scene {
            dot: false,
            fly_smell: true,
        },
        true,
    ),
];

/// The ideal one-channel readers of one world: how right a frog that uses only the dot, or
/// only the smell, can be on training's scenes and on the decorrelated world's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readers {
    pub smell: f64,
    pub code: SmellCode,
    pub dot_reader: f64,
    pub smell_reader: f64,
    pub dot_reader_decorrelated: f64,
    pub smell_reader_decorrelated: f64,
}

impl Readers {
    /// Whether both one-channel readers are right on at least `bar` of training's scenes:
    /// training cannot tell a dot frog from a smell frog.
    pub fn indistinguishable(&self, bar: f64) -> bool {
        self.dot_reader >= bar && self.smell_reader >= bar
    }

    /// The same readers judged on the decorrelated world's scenes.
    pub fn decorrelated(&self) -> Readers {
        Readers {
            dot_reader: self.dot_reader_decorrelated,
            smell_reader: self.smell_reader_decorrelated,
            ..*self
        }
    }
}

/// The ideal readers of every world of the sweep (each code and smell strength), `scenes`
/// fresh scenes of each kind, each world from its own seeded stream.
pub fn readers(cfg: &FrogConfig) -> Vec<Readers> {
    let mut out = Vec::new();
    for (c, &code) in cfg.codes.iter().enumerate() {
        for (k, &smell) in cfg.smells.iter().enumerate() {
            let world = World {
                dot: cfg.dot,
                smell,
                code,
                noise: cfg.noise,
            };
            let mut r = nets::rng(READERS_STREAM + 100 * c as u64 + k as u64);
            let n = cfg.reader_scenes;
            let mut acc = |channel, scenes: &[(Scene, bool)]| {
                world.ideal_accuracy(channel, scenes, n, &mut r)
            };
            out.push(Readers {
                smell,
                code,
                dot_reader: acc(Channel::Retina, &TRAINING_SCENES),
                smell_reader: acc(Channel::Smell, &TRAINING_SCENES),
                dot_reader_decorrelated: acc(Channel::Retina, &DECORRELATED_SCENES),
                smell_reader_decorrelated: acc(Channel::Smell, &DECORRELATED_SCENES),
            });
        }
    }
    out
}

/// Keeps the ideal readers' draws apart from the frogs'.
const READERS_STREAM: u64 = 0x00F0_D000_0000;

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct FrogConfig {
    pub seeds: u64,
    /// Hidden layers of each architecture.
    pub architectures: Vec<Vec<usize>>,
    /// The dot's darkness (fixed) and the smell strengths swept.
    pub dot: f64,
    pub smells: Vec<f64>,
    pub codes: Vec<SmellCode>,
    pub noise: f64,
    /// Training scenes (half with a fly), full-batch Adam steps, and its learning rate.
    pub train: usize,
    pub steps: usize,
    pub lr: f64,
    /// Scenes per probe.
    pub probe: usize,
    /// Fresh scenes of each kind for the ideal one-channel readers.
    pub reader_scenes: usize,
}

impl Default for FrogConfig {
    fn default() -> Self {
        FrogConfig {
            seeds: 10,
            architectures: vec![vec![16], vec![16, 16]],
            dot: 1.0,
            smells: vec![0.25, 0.5, 1.0, 2.0, 4.0],
            codes: vec![SmellCode::Linear, SmellCode::Xor],
            noise: 0.2,
            train: 300,
            steps: 200,
            lr: 0.02,
            probe: 200,
            reader_scenes: 2000,
        }
    }
}

impl FrogConfig {
    pub fn test_scale() -> Self {
        FrogConfig {
            seeds: 5,
            smells: vec![0.25, 0.5, 1.0, 4.0],
            ..Self::default()
        }
    }
}

/// One trained net's behaviour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frog {
    /// Accuracy on fresh scenes from the training distribution.
    pub accuracy: f64,
    /// The same accuracy of the net as initialised, before any training (the null model).
    pub untrained_accuracy: f64,
    /// Mean probability of snapping at a pellet (dot, no fly smell) and at a fly without a dot.
    pub snap_at_pellet: f64,
    pub snap_at_smell: f64,
}

impl Frog {
    /// +1: snaps at dots only; −1: at fly smell only.
    pub fn dot_preference(&self) -> f64 {
        self.snap_at_pellet - self.snap_at_smell
    }

    /// Whether this frog snaps at both probes between 20% and 80% of the time: it targets
    /// neither feature alone.
    pub fn mixed(&self) -> bool {
        (0.2..=0.8).contains(&self.snap_at_pellet) && (0.2..=0.8).contains(&self.snap_at_smell)
    }

    /// The frog a determinate target would make of it: a pure detector of the feature it
    /// prefers, snapping always at that probe and never at the other.
    pub fn determinate(&self) -> Frog {
        let dot = self.dot_preference() > 0.0;
        Frog {
            snap_at_pellet: f64::from(u8::from(dot)),
            snap_at_smell: f64::from(u8::from(!dot)),
            ..*self
        }
    }
}

/// Every net of one setting (architecture × smell strength × code), over seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    pub architecture: Vec<usize>,
    pub smell: f64,
    pub code: SmellCode,
    pub frogs: Vec<Frog>,
}

impl Setting {
    pub fn mean_preference(&self) -> f64 {
        mean(self.frogs.iter().map(Frog::dot_preference))
    }

    /// Standard deviation of the preference over seeds. If which feature a net uses were a
    /// coin flip between a dot detector (+1) and a smell detector (−1), it would be near 1.
    pub fn spread(&self) -> f64 {
        let preferences: Vec<f64> = self.frogs.iter().map(Frog::dot_preference).collect();
        std_dev(&preferences)
    }

    /// Share of this setting's frogs that are individually [`Frog::mixed`].
    pub fn mixed_share(&self) -> f64 {
        self.frogs.iter().filter(|f| f.mixed()).count() as f64 / self.frogs.len() as f64
    }

    pub fn mean_snaps(&self) -> (f64, f64) {
        (
            mean(self.frogs.iter().map(|f| f.snap_at_pellet)),
            mean(self.frogs.iter().map(|f| f.snap_at_smell)),
        )
    }
}

/// The net's probability of snapping at each of `n` fresh scenes of one kind.
fn snap_probabilities(
    mlp: &Mlp,
    world: &World,
    scene: Scene,
    n: usize,
    r: &mut impl rand::Rng,
) -> Vec<f64> {
    let out = mlp.predict(world.batch(scene, n, r).view());
    out.rows()
        .into_iter()
        .map(|row| 1.0 / (1.0 + (row[0] - row[1]).exp()))
        .collect()
}

/// The share of `n` fresh flies and `n` fresh empty scenes the net gets right.
fn accuracy(mlp: &Mlp, world: &World, n: usize, r: &mut impl rand::Rng) -> f64 {
    let (fly, empty) = (Scene::FLY, Scene::EMPTY);
    let fresh_fly = snap_probabilities(mlp, world, fly, n, r);
    let fresh_empty = snap_probabilities(mlp, world, empty, n, r);
    let correct = fresh_fly.iter().filter(|p| **p > 0.5).count()
        + fresh_empty.iter().filter(|p| **p < 0.5).count();
    correct as f64 / (2 * n) as f64
}

/// Trains one net and probes it.
pub fn train_frog(cfg: &FrogConfig, world: &World, hidden: &[usize], seed: u64) -> Frog {
    let mut r = nets::rng(seed);
    let (fly, empty) = (Scene::FLY, Scene::EMPTY);
    let half = cfg.train / 2;
    let mut x = world.batch(fly, half, &mut r);
    x.append(ndarray::Axis(0), world.batch(empty, half, &mut r).view())
        .expect("same width");
    let labels: Vec<usize> = (0..2 * half).map(|i| usize::from(i < half)).collect();
    let mut sizes = vec![INPUTS];
    sizes.extend_from_slice(hidden);
    sizes.push(2);
    let mlp = Mlp::new(&MlpSpec::relu(&sizes), &mut r);
    let untrained = mlp.clone();
    let mut trainer = Trainer::new(
        mlp,
        Loss::SoftmaxCrossEntropy { groups: 1 },
        Optimizer::adam(cfg.lr),
        seed,
    );
    for _ in 0..cfg.steps {
        trainer.step(x.view(), Targets::Labels(&labels));
    }
    let mlp = &trainer.mlp;
    let trained_accuracy = accuracy(mlp, world, cfg.probe, &mut r);
    let mut snap = |scene: Scene| mean(snap_probabilities(mlp, world, scene, cfg.probe, &mut r));
    let snap_at_pellet = snap(Scene {
        dot: true,
        fly_smell: false,
    });
    let snap_at_smell = snap(Scene {
        dot: false,
        fly_smell: true,
    });
    // Last, so that the trained frog's draws are the same as without it.
    let untrained_accuracy = accuracy(&untrained, world, cfg.probe, &mut r);
    Frog {
        accuracy: trained_accuracy,
        untrained_accuracy,
        snap_at_pellet,
        snap_at_smell,
    }
}

#[derive(Clone, Debug)]
pub struct FrogResult {
    pub config: FrogConfig,
    pub settings: Vec<Setting>,
    /// The ideal one-channel readers of each code and smell strength.
    pub readers: Vec<Readers>,
}

impl FrogResult {
    pub fn all(&self) -> impl Iterator<Item = &Frog> {
        self.settings.iter().flat_map(|s| s.frogs.iter())
    }

    /// The largest spread over seeds in any setting.
    pub fn largest_spread(&self) -> f64 {
        self.settings
            .iter()
            .map(Setting::spread)
            .fold(0.0, f64::max)
    }

    /// The weakest smell at which the nets of one code, averaged over architectures, prefer
    /// smell to dot (`None` if they never do).
    pub fn crossover(&self, code: SmellCode) -> Option<f64> {
        self.config.smells.iter().copied().find(|&smell| {
            let prefs = self
                .settings
                .iter()
                .filter(|s| s.code == code && s.smell == smell)
                .map(Setting::mean_preference);
            mean(prefs) < 0.0
        })
    }

    /// Settings where at least half of the frogs are individually [`Frog::mixed`]: each one
    /// snaps at both probes between 20% and 80% of the time, not only their average.
    pub fn mixed(&self) -> Vec<&Setting> {
        self.settings
            .iter()
            .filter(|s| s.mixed_share() >= 0.5)
            .collect()
    }

    /// The same result with every frog replaced by `f(frog)`, in order.
    fn map_frogs(&self, mut f: impl FnMut(&Frog) -> Frog) -> FrogResult {
        FrogResult {
            config: self.config.clone(),
            settings: self
                .settings
                .iter()
                .map(|s| Setting {
                    frogs: s.frogs.iter().map(&mut f).collect(),
                    ..s.clone()
                })
                .collect(),
            readers: self.readers.clone(),
        }
    }

    /// The goal realist's frogs: each a pure detector of the feature it prefers
    /// ([`Frog::determinate`]).
    pub fn determinate(&self) -> FrogResult {
        self.map_frogs(Frog::determinate)
    }

    /// Fodor's "arbitrary" reading made concrete: each frog a pure dot detector or a pure
    /// smell detector by a fair coin, drawn from `seed`.
    pub fn coin_flips(&self, seed: u64) -> FrogResult {
        let mut r = nets::rng(seed);
        self.map_frogs(|f| {
            let dot: bool = r.random();
            Frog {
                snap_at_pellet: f64::from(u8::from(dot)),
                snap_at_smell: f64::from(u8::from(!dot)),
                ..*f
            }
        })
    }

    /// The same nets before training: each frog's accuracy is its untrained net's.
    pub fn untrained(&self) -> FrogResult {
        self.map_frogs(|f| Frog {
            accuracy: f.untrained_accuracy,
            ..*f
        })
    }

    /// Whether, for every code and architecture, the preference falls as the smell grows.
    pub fn preference_falls_with_smell(&self) -> bool {
        self.config.codes.iter().all(|&code| {
            self.config.architectures.iter().all(|arch| {
                self.curve(code, arch)
                    .windows(2)
                    .all(|w| w[1].mean_preference() < w[0].mean_preference())
            })
        })
    }

    /// Share of a setting's frogs that snap more at the pellet than at the dotless fly.
    pub fn dot_users(setting: &Setting) -> f64 {
        setting
            .frogs
            .iter()
            .filter(|f| f.dot_preference() > 0.0)
            .count() as f64
            / setting.frogs.len() as f64
    }

    /// For each code and architecture, the share of frogs using the proxy that salience
    /// predicts at each end of the sweep — the dot at the faintest smell, the smell at the
    /// strongest — and their mean snaps at the probe each proxy gets wrong: `(code,
    /// architecture, dot users at the faintest smell, smell users at the strongest, snaps
    /// at the pellet there, snaps at the smell-only scene here)`.
    pub fn salience_ends(&self) -> Vec<(SmellCode, Vec<usize>, f64, f64, f64, f64)> {
        let mut out = Vec::new();
        for &code in &self.config.codes {
            for arch in &self.config.architectures {
                let curve = self.curve(code, arch);
                let (faint, strong) = (curve[0], curve[curve.len() - 1]);
                out.push((
                    code,
                    arch.clone(),
                    Self::dot_users(faint),
                    1.0 - Self::dot_users(strong),
                    faint.mean_snaps().0,
                    strong.mean_snaps().1,
                ));
            }
        }
        out
    }

    /// The settings of one code and architecture, in order of smell strength.
    pub fn curve(&self, code: SmellCode, architecture: &[usize]) -> Vec<&Setting> {
        self.settings
            .iter()
            .filter(|s| s.code == code && s.architecture == architecture)
            .collect()
    }
}

/// Trains every net: each from its own seed, so the result does not depend on the order.
pub fn run(cfg: &FrogConfig) -> FrogResult {
    let mut settings = Vec::new();
    for (c, &code) in cfg.codes.iter().enumerate() {
        for (a, arch) in cfg.architectures.iter().enumerate() {
            for (k, &smell) in cfg.smells.iter().enumerate() {
                let world = World {
                    dot: cfg.dot,
                    smell,
                    code,
                    noise: cfg.noise,
                };
                let frogs = (0..cfg.seeds)
                    .map(|s| {
                        let seed = 1_000_000 * c as u64 + 10_000 * a as u64 + 100 * k as u64 + s;
                        train_frog(cfg, &world, arch, seed)
                    })
                    .collect();
                settings.push(Setting {
                    architecture: arch.clone(),
                    smell,
                    code,
                    frogs,
                });
            }
        }
    }
    FrogResult {
        config: cfg.clone(),
        settings,
        readers: readers(cfg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ideal readers can fail: a channel that carries nothing is read at chance, and on
    /// the decorrelated world the dot reader is wrong on every pellet and dotless fly.
    #[test]
    fn the_ideal_readers_read_what_their_channel_carries() {
        let mut r = nets::rng(9);
        for code in [SmellCode::Linear, SmellCode::Xor] {
            let clear = World {
                dot: 1.0,
                smell: 1.0,
                code,
                noise: 0.2,
            };
            for channel in [Channel::Retina, Channel::Smell] {
                let a = clear.ideal_accuracy(channel, &TRAINING_SCENES, 2000, &mut r);
                assert!(a > 0.99, "{code:?} {channel:?}: {a}");
            }
            let a = clear.ideal_accuracy(Channel::Retina, &DECORRELATED_SCENES, 2000, &mut r);
            assert!((a - 0.5).abs() < 0.03, "{a}");
            let faint = World {
                smell: 0.0,
                ..clear
            };
            let a = faint.ideal_accuracy(Channel::Smell, &TRAINING_SCENES, 2000, &mut r);
            assert!((a - 0.5).abs() < 0.05, "{code:?}: {a}");
        }
    }
}
