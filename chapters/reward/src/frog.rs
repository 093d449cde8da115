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
    }
}
