//! Does a trained policy have a goal slot? Train a small MLP to reach a target shown in its
//! observation, read the target off each hidden layer with a linear probe, then add the
//! difference of two targets' class means to a hidden layer and see where the agent goes.
//!
//! - **Training.** Each network imitates the shortest-path teacher ([`crate::gridworld`])
//!   on a share of the states (cross-entropy on the teacher's move, minibatch Adam); the
//!   rest are held out, and the policy is judged by greedy rollouts from them.
//! - **Probe.** A linear softmax classifier (a one-layer network from `nets`) reads the
//!   target's cell from one hidden layer's activations, trained on one share of the states
//!   and scored on the rest; the controls are the same probe on the same network before
//!   training, and on the trained network with the probe's training labels shuffled.
//! - **Intervention.** For an episode whose observation shows target `T`, a new target `T'`
//!   is drawn; `α·(μ[T'] − μ[T])`, the difference of the layer's mean activations over the
//!   probe's training states with those targets, is added to the layer at every step. The
//!   episode ends when the agent first reaches `T'` (retargeted), `T` (kept its target) or
//!   runs out of moves. The control adds a random direction of the same norm.

use crate::gridworld::{Grid, Outcome, State, rollouts};
use ndarray::{Array2, Axis};
use nets::loss::argmax;
use nets::{Loss, Mlp, MlpSpec, Optimizer, Targets, Trainer};
use rand::RngExt;
use rand::seq::SliceRandom;
use rand_distr::{Distribution, StandardNormal};

/// The experiment's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotConfig {
    pub seed: u64,
    /// The grid's side: `side²` cells, the number of values the target takes.
    pub side: usize,
    /// Widths of the policy's hidden layers.
    pub hidden: Vec<usize>,
    /// Networks trained, each from its own seed.
    pub networks: usize,
    /// Share of the states the policy is trained on; the rest are held out.
    pub train_share: f64,
    pub epochs: usize,
    pub batch: usize,
    pub lr: f64,
    /// Share of the states the probe is trained on (and the class means taken over).
    pub probe_share: f64,
    pub probe_epochs: usize,
    pub probe_lr: f64,
    /// Intervention episodes per network, and the strengths `α` tried.
    pub episodes: usize,
    pub strengths: Vec<f64>,
    /// Moves per episode before it counts as reaching neither cell.
    pub budget: usize,
}

impl Default for SlotConfig {
    fn default() -> Self {
        SlotConfig {
            seed: 19,
            side: 6,
            hidden: vec![64, 64, 64],
            networks: 6,
            train_share: 0.8,
            epochs: 60,
            batch: 32,
            lr: 0.003,
            probe_share: 0.7,
            probe_epochs: 40,
            probe_lr: 0.01,
            episodes: 300,
            strengths: vec![0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0],
            budget: 24,
        }
    }
}

impl SlotConfig {
    /// Fewer networks and episodes, the same grid, training and strengths.
    pub fn test_scale() -> Self {
        SlotConfig {
            networks: 2,
            episodes: 150,
            ..Self::default()
        }
    }

    pub fn grid(&self) -> Grid {
        Grid { side: self.side }
    }

    fn spec(&self) -> MlpSpec {
        let g = self.grid();
        let mut sizes = vec![g.inputs()];
        sizes.extend(&self.hidden);
        sizes.push(crate::gridworld::MOVES.len());
        MlpSpec::relu(&sizes)
    }
}

/// A probe's held-out accuracy at one hidden layer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayerProbe {
    pub trained: f64,
    /// The same probe on the network as initialised.
    pub untrained: f64,
    /// On the trained network, with the probe's training labels shuffled.
    pub shuffled: f64,
    /// Held-out states it was scored on.
    pub held_out: usize,
}

/// Where intervened episodes ended, as shares.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Shares {
    /// Reached the new target `T'` first.
    pub retargeted: f64,
    /// Reached the shown target `T` first.
    pub kept: f64,
}

impl Shares {
    fn of(outcomes: &[Outcome]) -> Self {
        let n = outcomes.len().max(1) as f64;
        let count = |o: Outcome| outcomes.iter().filter(|x| **x == o).count() as f64 / n;
        Shares {
            retargeted: count(Outcome::Other),
            kept: count(Outcome::Shown),
        }
    }

    fn mean(all: &[Shares]) -> Shares {
        let n = all.len().max(1) as f64;
        Shares {
            retargeted: all.iter().map(|s| s.retargeted).sum::<f64>() / n,
            kept: all.iter().map(|s| s.kept).sum::<f64>() / n,
        }
    }
}

/// One strength of intervention at one layer: the class-mean direction and the random one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SteerPoint {
    pub strength: f64,
    pub mean_difference: Shares,
    pub random: Shares,
}

/// One trained network.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub seed: u64,
    /// Share of its training states on which its greedy move is a shortest move.
    pub train_agreement: f64,
    /// Share of held-out states from which its greedy rollout reaches the shown target, and
    /// the same for the network as initialised.
    pub reach: f64,
    pub reach_untrained: f64,
    /// Per hidden layer.
    pub probes: Vec<LayerProbe>,
    pub steering: Vec<Vec<SteerPoint>>,
    /// The same probe on the observation itself, where the target has a plane of its own.
    pub input_probe: f64,
    /// The same episodes with the observation's target plane rewritten to show `T′`: the
    /// share that reach `T′` first (the slot the task builds in, at the input).
    pub input_retargeted: f64,
}

#[derive(Clone, Debug)]
pub struct SlotResult {
    pub config: SlotConfig,
    pub networks: Vec<Network>,
    /// Held-out states per network.
    pub held_out: usize,
}

impl SlotResult {
    /// The smallest of the networks' held-out reach rates, and of the untrained ones'.
    pub fn worst_reach(&self) -> (f64, f64) {
        let min = |f: fn(&Network) -> f64| self.networks.iter().map(f).fold(1.0, f64::min);
        (min(|n| n.reach), min(|n| n.reach_untrained))
    }

    /// Held-out probe accuracy at each hidden layer, averaged over the networks.
    pub fn probe_by_layer(&self) -> Vec<LayerProbe> {
        let layers = self.config.hidden.len();
        let n = self.networks.len() as f64;
        (0..layers)
            .map(|l| {
                let sum = |f: fn(&LayerProbe) -> f64| {
                    self.networks.iter().map(|k| f(&k.probes[l])).sum::<f64>() / n
                };
                LayerProbe {
                    trained: sum(|p| p.trained),
                    untrained: sum(|p| p.untrained),
                    shuffled: sum(|p| p.shuffled),
                    held_out: self.networks[0].probes[l].held_out,
                }
            })
            .collect()
    }

    /// Retargeting by layer and strength, averaged over the networks.
    pub fn steering_by_layer(&self) -> Vec<Vec<SteerPoint>> {
        let layers = self.config.hidden.len();
        (0..layers)
            .map(|l| {
                (0..self.config.strengths.len())
                    .map(|k| {
                        let points: Vec<SteerPoint> =
                            self.networks.iter().map(|n| n.steering[l][k]).collect();
                        let md: Vec<Shares> = points.iter().map(|p| p.mean_difference).collect();
                        let rd: Vec<Shares> = points.iter().map(|p| p.random).collect();
                        SteerPoint {
                            strength: points[0].strength,
                            mean_difference: Shares::mean(&md),
                            random: Shares::mean(&rd),
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// The input's probe accuracy and retargeting share, averaged over the networks.
    pub fn input(&self) -> (f64, f64) {
        let n = self.networks.len() as f64;
        (
            self.networks.iter().map(|k| k.input_probe).sum::<f64>() / n,
            self.networks
                .iter()
                .map(|k| k.input_retargeted)
                .sum::<f64>()
                / n,
        )
    }

    /// The steering point at strength `alpha` on every layer (averaged over networks).
    pub fn at_strength(&self, alpha: f64) -> Vec<SteerPoint> {
        let k = self
            .config
            .strengths
            .iter()
            .position(|&a| a == alpha)
            .expect("the strength is in the config");
        self.steering_by_layer().iter().map(|l| l[k]).collect()
    }
}

/// Trains a linear probe from `features` to `labels` on `train` rows and returns its
/// accuracy on `test` rows.
fn probe(
    features: &Array2<f64>,
    labels: &[usize],
    train: &[usize],
    test: &[usize],
    classes: usize,
    cfg: &SlotConfig,
    seed: u64,
) -> f64 {
    let width = features.ncols();
    let pick = |rows: &[usize]| features.select(Axis(0), rows);
    let (xtr, xte) = (pick(train), pick(test));
    let ytr: Vec<usize> = train.iter().map(|&i| labels[i]).collect();
    let linear = Mlp::new(&MlpSpec::relu(&[width, classes]), &mut nets::rng(seed));
    let mut t = Trainer::new(
        linear,
        Loss::SoftmaxCrossEntropy { groups: 1 },
        Optimizer::adam(cfg.probe_lr),
        seed ^ 0x9e37,
    );
    for _ in 0..cfg.probe_epochs {
        t.epoch(xtr.view(), Targets::Labels(&ytr), cfg.batch);
    }
    let out = t.mlp.predict(xte.view());
    let yte: Vec<usize> = test.iter().map(|&i| labels[i]).collect();
    nets::accuracy(out.view(), &yte, 1)
}

/// Greedy moves of `mlp` for a batch of observations.
fn greedy(out: &Array2<f64>) -> Vec<usize> {
    out.rows()
        .into_iter()
        .map(|r| argmax(r.iter().copied()))
        .collect()
}

/// Share of `starts` from which `mlp`'s greedy rollout reaches the shown target.
fn reach(mlp: &Mlp, grid: Grid, starts: &[State], budget: usize) -> f64 {
    let out = rollouts(grid, starts, &vec![None; starts.len()], budget, |x, _| {
        greedy(&mlp.predict(x.view()))
    });
    Shares::of(&out).kept
}

/// Trains, probes and intervenes on network `k`.
pub fn run_network(cfg: &SlotConfig, k: u64) -> Network {
    let seed = cfg.seed.wrapping_mul(1000).wrapping_add(k);
    let grid = cfg.grid();
    let mut r = nets::rng(seed);
    let states = grid.states();
    let g = grid.cells();

    // The policy's split and the teacher's moves on its training states.
    let mut order: Vec<usize> = (0..states.len()).collect();
    order.shuffle(&mut r);
    let cut = (cfg.train_share * states.len() as f64).round() as usize;
    let (train, held) = order.split_at(cut);
    let train_states: Vec<State> = train.iter().map(|&i| states[i]).collect();
    let held_states: Vec<State> = held.iter().map(|&i| states[i]).collect();
    let moves: Vec<usize> = train_states
        .iter()
        .map(|&s| grid.teacher(s, &mut r))
        .collect();

    let untrained = Mlp::new(&cfg.spec(), &mut r);
    let mut t = Trainer::new(
        untrained.clone(),
        Loss::SoftmaxCrossEntropy { groups: 1 },
        Optimizer::adam(cfg.lr),
        seed ^ 0x51ed,
    );
    let x_train = grid.observe(&train_states);
    for _ in 0..cfg.epochs {
        t.epoch(x_train.view(), Targets::Labels(&moves), cfg.batch);
    }
    let mlp = t.mlp;
    let chosen = greedy(&mlp.predict(x_train.view()));
    let train_agreement = train_states
        .iter()
        .zip(&chosen)
        .filter(|(s, m)| grid.shortest_moves(**s).contains(m))
        .count() as f64
        / train_states.len() as f64;
    let reach_trained = reach(&mlp, grid, &held_states, cfg.budget);
    let reach_untrained = reach(&untrained, grid, &held_states, cfg.budget);

    // The probe's split, over every state.
    let mut probe_order: Vec<usize> = (0..states.len()).collect();
    probe_order.shuffle(&mut r);
    let pcut = (cfg.probe_share * states.len() as f64).round() as usize;
    let (ptrain, ptest) = probe_order.split_at(pcut);
    let labels: Vec<usize> = states.iter().map(|s| s.target).collect();
    let mut shuffled = labels.clone();
    {
        // Shuffle only the labels the probe trains on; it is scored on the true ones.
        let mut train_labels: Vec<usize> = ptrain.iter().map(|&i| labels[i]).collect();
        train_labels.shuffle(&mut r);
        for (&i, &l) in ptrain.iter().zip(&train_labels) {
            shuffled[i] = l;
        }
    }
    let x_all = grid.observe(&states);
    let hidden = mlp.hidden_activations(x_all.view());
    let hidden_untrained = untrained.hidden_activations(x_all.view());
    let probes: Vec<LayerProbe> = (0..hidden.len())
        .map(|l| {
            let s = seed ^ ((l as u64 + 1) << 20);
            LayerProbe {
                trained: probe(&hidden[l], &labels, ptrain, ptest, g, cfg, s),
                untrained: probe(&hidden_untrained[l], &labels, ptrain, ptest, g, cfg, s),
                shuffled: probe(&hidden[l], &shuffled, ptrain, ptest, g, cfg, s),
                held_out: ptest.len(),
            }
        })
        .collect();

    // The intervention episodes: a state, and a new target that is neither its agent's
    // cell nor its target.
    let episodes: Vec<(State, usize)> = (0..cfg.episodes)
        .map(|_| {
            let s = states[r.random_range(0..states.len())];
            loop {
                let other = r.random_range(0..g);
                if other != s.agent && other != s.target {
                    break (s, other);
                }
            }
        })
        .collect();
    let starts: Vec<State> = episodes.iter().map(|e| e.0).collect();
    let others: Vec<Option<usize>> = episodes.iter().map(|e| Some(e.1)).collect();
    let steering = hidden
        .iter()
        .enumerate()
        .map(|(l, h)| {
            let width = h.ncols();
            // Class means over the probe's training states.
            let mut means = Array2::<f64>::zeros((g, width));
            let mut counts = vec![0.0f64; g];
            for &i in ptrain {
                let target = states[i].target;
                means.row_mut(target).scaled_add(1.0, &h.row(i));
                counts[target] += 1.0;
            }
            for (c, mut row) in counts.iter().zip(means.rows_mut()) {
                row /= c.max(1.0);
            }
            let differences: Vec<ndarray::Array1<f64>> = episodes
                .iter()
                .map(|(s, other)| &means.row(*other) - &means.row(s.target))
                .collect();
            let mut rr = nets::rng(seed ^ ((l as u64 + 1) << 32));
            let random: Vec<ndarray::Array1<f64>> = differences
                .iter()
                .map(|d| {
                    let v = ndarray::Array1::from_shape_simple_fn(width, || {
                        let e: f64 = StandardNormal.sample(&mut rr);
                        e
                    });
                    let scale = d.dot(d).sqrt() / v.dot(&v).sqrt();
                    v * scale
                })
                .collect();
            let steer = |directions: &[ndarray::Array1<f64>], alpha: f64| {
                let out = rollouts(grid, &starts, &others, cfg.budget, |x, running| {
                    let mut shift = Array2::<f64>::zeros((running.len(), width));
                    for (mut row, &i) in shift.rows_mut().into_iter().zip(running) {
                        row.scaled_add(alpha, &directions[i]);
                    }
                    greedy(&mlp.predict_shifted(x.view(), l, shift.view()))
                });
                Shares::of(&out)
            };
            cfg.strengths
                .iter()
                .map(|&alpha| SteerPoint {
                    strength: alpha,
                    mean_difference: steer(&differences, alpha),
                    random: steer(&random, alpha),
                })
                .collect()
        })
        .collect();
    let input_probe = probe(&x_all, &labels, ptrain, ptest, g, cfg, seed ^ 0xface);
    let rewritten: Vec<State> = episodes
        .iter()
        .map(|(s, other)| State {
            agent: s.agent,
            target: *other,
        })
        .collect();
    let shown_before: Vec<Option<usize>> = episodes.iter().map(|e| Some(e.0.target)).collect();
    let input_retargeted = Shares::of(&rollouts(
        grid,
        &rewritten,
        &shown_before,
        cfg.budget,
        |x, _| greedy(&mlp.predict(x.view())),
    ))
    .kept;
    Network {
        seed,
        train_agreement,
        input_probe,
        input_retargeted,
        reach: reach_trained,
        reach_untrained,
        probes,
        steering,
    }
}

/// Every network, split over two threads by index (each network's numbers depend only on
/// its own seed, so the split does not change them).
pub fn run(cfg: &SlotConfig) -> SlotResult {
    let ks: Vec<u64> = (0..cfg.networks as u64).collect();
    let networks = nets::par::map(&ks, 2, |&k| run_network(cfg, k));
    let states = cfg.grid().states().len();
    let cut = (cfg.train_share * states as f64).round() as usize;
    SlotResult {
        config: cfg.clone(),
        networks,
        held_out: states - cut,
    }
}
