//! How strongly does SGD select on a loss gap? The effective inverse temperature of its
//! choice between two classes of functions that both fit the training set.
//!
//! The setting is [`crate::bayesian_sampler`]'s: a `7-40-40-1` ReLU network, the target
//! the first bit, the same `m` training inputs, the same optimizer, batches and stopping
//! rule (a run stops at the first epoch at which it fits every training input). Take one
//! input `u` outside the training set. Every network that fits the training set falls in
//! one of two classes, by its output's sign at `u`: *A*, the sign that more of the accepted
//! prior draws give (the class the prior favours — more parameter settings implement it),
//! and *B*, the other. Their prior odds `r_u = P_B(A | S) / P_B(B | S)` are counted from the
//! sampler's draws, so different inputs give different odds: the contested inputs are
//! those whose odds are nearest each of [`TemperatureConfig::ratios`].
//!
//! Then class A is made to cost a little loss. Every step's loss gains a penalty at `u`
//! with class B's label, weighted to count as `ε` training examples over an epoch
//! ([`nets::boolean_fit::InputPenalty`]). A network of class B can meet it at no cost; one
//! of class A (output of the wrong sign at `u`) pays at least `ε/2` in summed half squared
//! error, its least extra loss `Δ = ε/2`. A Gibbs learner at inverse temperature `β` over
//! the two classes — the learner of the speed-cost page, with the summed half squared
//! error as the negative log-likelihood, so that `β = 1` is Bayesian updating with unit
//! Gaussian noise — would land in A with odds
//!
//! `P(A) / P(B) = r_u · exp(−β Δ)`.
//!
//! SGD is trained at each penalty and the share of its fitted runs in class A counted. The
//! law is fitted to every count at once by maximum likelihood — one `β` for all inputs and
//! penalties, each input's prior log-odds a free parameter tied to the prior draws' count
//! and to SGD's count without a penalty (the sampler's runs) — so `β`'s standard error
//! carries the uncertainty of the prior odds too. The deviance against the saturated model
//! says whether SGD's choice follows such a law at all.
//!
//! What it leaves out: the classes differ at one input of a seven-bit problem, not in the
//! reasoning they do; the penalty is felt only until the network fits the training set
//! (the stopping rule of Mingard et al.'s comparison), so `β` is a property of this
//! optimizer, learning rate and stopping rule, not of SGD in general; and the loss is half
//! squared error, read as a Gaussian log-likelihood, where a language model's is the
//! log-loss of its next token.

use crate::bayesian_sampler::{BITS, SamplerConfig, SamplerResult, target};
use nets::boolean::mask;
use nets::boolean_fit::{InputPenalty, TrainingSet, fitted_functions_penalised};

/// The experiment's scale.
#[derive(Clone, Debug, PartialEq)]
pub struct TemperatureConfig {
    /// Prior odds sought for the contested inputs (favoured : disfavoured), one input each.
    pub ratios: Vec<f64>,
    /// An input is eligible only if at least this many accepted prior draws fall in its
    /// disfavoured class, so that its odds are estimated.
    pub min_minority: usize,
    /// Penalties `ε`, in training examples.
    pub penalties: Vec<f64>,
    /// SGD runs at each input and penalty.
    pub runs: usize,
    pub threads: usize,
    pub seed: u64,
}

impl Default for TemperatureConfig {
    /// Odds of 2, 8 and 32 to 1; penalties from a quarter of an example to 64, by factors
    /// of four; a hundred runs each.
    fn default() -> Self {
        TemperatureConfig {
            ratios: vec![2.0, 8.0, 32.0],
            min_minority: 20,
            penalties: vec![0.25, 1.0, 4.0, 16.0, 64.0],
            runs: 100,
            threads: 2,
            seed: 18,
        }
    }
}

impl TemperatureConfig {
    /// Forty runs a cell; the same inputs, penalties and question (the largest prior odds
    /// are where SGD is slowest to take the lower loss, so the test keeps them).
    pub fn test_scale() -> Self {
        TemperatureConfig {
            runs: 40,
            ..Self::default()
        }
    }
}

/// One contested input and what each measure does there.
#[derive(Clone, Debug, PartialEq)]
pub struct Contested {
    pub input: usize,
    /// The sign of class A, the prior-favoured one.
    pub favoured: bool,
    /// Accepted prior draws, and those in class A.
    pub prior: (usize, usize),
    /// SGD runs without a penalty (the sampler's) that fit, and those in class A.
    pub unpenalised: (usize, usize),
    /// At each penalty: runs that fit, and those in class A.
    pub penalised: Vec<(usize, usize)>,
}

impl Contested {
    /// Prior odds of A against B.
    pub fn prior_odds(&self) -> f64 {
        let (n, a) = self.prior;
        a as f64 / (n - a) as f64
    }

    /// SGD's share of class A at each penalty (without one first).
    pub fn shares(&self) -> Vec<f64> {
        std::iter::once(self.unpenalised)
            .chain(self.penalised.iter().copied())
            .map(|(n, a)| a as f64 / n.max(1) as f64)
            .collect()
    }

    /// The penalty at which SGD's share of A first falls below one half, interpolated in
    /// `log ε` on the log-odds of the shares either side; `None` if it never does in the
    /// range tried (or already has without a penalty).
    pub fn flip(&self, penalties: &[f64]) -> Option<f64> {
        let logit = |(n, a): (usize, usize)| {
            let p = (a as f64 + 0.5) / (n as f64 + 1.0);
            (p / (1.0 - p)).ln()
        };
        if logit(self.unpenalised) < 0.0 {
            return None;
        }
        let mut before = (penalties[0].ln() - 2f64.ln(), logit(self.unpenalised));
        for (&eps, &cell) in penalties.iter().zip(&self.penalised) {
            let here = (eps.ln(), logit(cell));
            if here.1 < 0.0 {
                let t = before.1 / (before.1 - here.1);
                return Some((before.0 + t * (here.0 - before.0)).exp());
            }
            before = here;
        }
        None
    }
}

/// The law fitted to every count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LawFit {
    /// The effective inverse temperature, and its standard error.
    pub beta: f64,
    pub beta_se: f64,
    /// Deviance against the saturated model, its degrees of freedom, and the 99th
    /// percentile of χ² with those degrees of freedom.
    pub deviance: f64,
    pub dof: usize,
    pub deviance_99: f64,
}

impl LawFit {
    /// The 95% interval on `β`.
    pub fn interval(&self) -> (f64, f64) {
        (
            self.beta - Z95 * self.beta_se,
            self.beta + Z95 * self.beta_se,
        )
    }

    /// Whether SGD's choice follows the law (its deviance within the 99th percentile) with
    /// a selection on the loss gap that is positive at 95%.
    pub fn follows_law_with_positive_beta(&self) -> bool {
        self.deviance <= self.deviance_99 && self.interval().0 > 0.0
    }
}

/// The two-sided 95% normal quantile.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The one-sided 99% normal quantile.
const Z99: f64 = 2.326_347_874_040_841;

/// The experiment's result.
#[derive(Clone, Debug, PartialEq)]
pub struct TemperatureResult {
    pub config: TemperatureConfig,
    /// The sampler network's hidden width.
    pub width: usize,
    pub contested: Vec<Contested>,
}

impl TemperatureResult {
    /// The least extra loss of class A at each penalty: `ε/2`.
    pub fn gaps(&self) -> Vec<f64> {
        self.config.penalties.iter().map(|e| e / 2.0).collect()
    }

    /// The law fitted to the measured counts.
    pub fn fit(&self) -> LawFit {
        fit_law(&self.contested, &self.gaps())
    }

    /// The null learner: SGD that ignores the loss gap, its share of A at every penalty
    /// the share it has without one (on the same numbers of runs).
    pub fn indifferent(&self) -> Vec<Contested> {
        self.contested
            .iter()
            .map(|c| {
                let (n0, a0) = c.unpenalised;
                let p = a0 as f64 / n0.max(1) as f64;
                Contested {
                    penalised: c
                        .penalised
                        .iter()
                        .map(|&(n, _)| (n, (p * n as f64).round() as usize))
                        .collect(),
                    ..c.clone()
                }
            })
            .collect()
    }
}

/// Chooses the contested inputs and trains SGD at every penalty on each.
pub fn run(cfg: &TemperatureConfig, sampler: &SamplerResult) -> TemperatureResult {
    let scfg: &SamplerConfig = &sampler.config;
    let (train, _) = scfg.split();
    let on_train = mask(&train);
    let spec = nets::sampler::two_hidden_spec();
    let set = TrainingSet {
        n: BITS,
        inputs: &train,
        target: target(),
    };
    let inputs = choose(cfg, sampler, on_train);
    let contested = inputs
        .into_iter()
        .enumerate()
        .map(|(k, input)| {
            let ones = sampler.prior_ones[input];
            let favoured = 2 * ones >= sampler.accepted;
            let in_a = |ones: usize, n: usize| if favoured { ones } else { n - ones };
            let penalised = cfg
                .penalties
                .iter()
                .enumerate()
                .map(|(l, &weight)| {
                    let penalty = InputPenalty {
                        input,
                        target: !favoured,
                        weight,
                    };
                    let seed = cfg
                        .seed
                        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                        .wrapping_add(((k * cfg.penalties.len() + l + 1) as u64) << 32);
                    let fs = fitted_functions_penalised(
                        &spec,
                        set,
                        penalty,
                        &scfg.fit,
                        cfg.runs,
                        seed,
                        cfg.threads,
                    );
                    let fitted: Vec<_> = fs.into_iter().flatten().collect();
                    let ones = fitted.iter().filter(|f| (*f >> input) & 1 == 1).count();
                    (fitted.len(), in_a(ones, fitted.len()))
                })
                .collect();
            Contested {
                input,
                favoured,
                prior: (sampler.accepted, in_a(ones, sampler.accepted)),
                unpenalised: (
                    sampler.fitted,
                    in_a(sampler.sgd_ones[input], sampler.fitted),
                ),
                penalised,
            }
        })
        .collect();
    TemperatureResult {
        config: cfg.clone(),
        width: nets::sampler::WIDTH,
        contested,
    }
}

/// For each sought ratio, the eligible input outside the training set whose prior odds are
/// nearest it on a log scale (ties to the lower input), each input used once.
fn choose(cfg: &TemperatureConfig, sampler: &SamplerResult, on_train: u128) -> Vec<usize> {
    let n = sampler.accepted;
    let mut eligible: Vec<(usize, f64)> = (0..1usize << BITS)
        .filter(|&i| (on_train >> i) & 1 == 0)
        .filter_map(|i| {
            let ones = sampler.prior_ones[i];
            let minority = ones.min(n - ones);
            (minority >= cfg.min_minority.max(1))
                .then(|| (i, ((n - minority) as f64 / minority as f64).ln()))
        })
        .collect();
    let mut chosen = Vec::new();
    for &ratio in &cfg.ratios {
        let best = eligible
            .iter()
            .enumerate()
            .min_by(|a, b| {
                let da = (a.1.1 - ratio.ln()).abs();
                let db = (b.1.1 - ratio.ln()).abs();
                da.total_cmp(&db).then(a.1.0.cmp(&b.1.0))
            })
            .map(|(k, _)| k);
        if let Some(k) = best {
            chosen.push(eligible.remove(k).0);
        }
    }
    chosen
}

/// One binomial count and its linear predictor `θ_input − β·gap`.
struct Cell {
    input: usize,
    gap: f64,
    n: f64,
    a: f64,
}

fn cells(contested: &[Contested], gaps: &[f64]) -> Vec<Cell> {
    let mut out = Vec::new();
    for (k, c) in contested.iter().enumerate() {
        let mut push = |gap: f64, (n, a): (usize, usize)| {
            if n > 0 {
                out.push(Cell {
                    input: k,
                    gap,
                    n: n as f64,
                    a: a as f64,
                });
            }
        };
        push(0.0, c.prior);
        push(0.0, c.unpenalised);
        for (&g, &cell) in gaps.iter().zip(&c.penalised) {
            push(g, cell);
        }
    }
    out
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Log-likelihood of the binomial counts at parameters `(θ_1 … θ_K, β)`.
fn log_likelihood(cells: &[Cell], p: &[f64]) -> f64 {
    let beta = p[p.len() - 1];
    cells
        .iter()
        .map(|c| {
            let eta = p[c.input] - beta * c.gap;
            // ln σ(η) = −softplus(−η) and ln σ(−η) = −softplus(η).
            -c.a * softplus(-eta) - (c.n - c.a) * softplus(eta)
        })
        .sum()
}

/// `ln(1 + e^x)`, without overflow.
fn softplus(x: f64) -> f64 {
    if x > 30.0 {
        x + (-x).exp()
    } else {
        x.exp().ln_1p()
    }
}

/// Fits the law by Newton's method with step halving; the standard error of `β` from the
/// inverse of the observed information.
pub fn fit_law(contested: &[Contested], gaps: &[f64]) -> LawFit {
    let cells = cells(contested, gaps);
    let k = contested.len();
    let dim = k + 1;
    let mut p = vec![0.0; dim];
    for (i, c) in contested.iter().enumerate() {
        let (n, a) = c.prior;
        let q = (a as f64 + 0.5) / (n as f64 + 1.0);
        p[i] = (q / (1.0 - q)).ln();
    }
    let information = |p: &[f64]| {
        let beta = p[dim - 1];
        let mut grad = vec![0.0; dim];
        let mut info = vec![vec![0.0; dim]; dim];
        for c in &cells {
            let pi = sigmoid(p[c.input] - beta * c.gap);
            let r = c.a - c.n * pi;
            let w = c.n * pi * (1.0 - pi);
            let (u, b) = (c.input, dim - 1);
            grad[u] += r;
            grad[b] -= c.gap * r;
            info[u][u] += w;
            info[u][b] -= w * c.gap;
            info[b][u] -= w * c.gap;
            info[b][b] += w * c.gap * c.gap;
        }
        (grad, info)
    };
    let mut ll = log_likelihood(&cells, &p);
    for _ in 0..200 {
        let (grad, info) = information(&p);
        let Some(step) = solve(&info, &grad) else {
            break;
        };
        let mut t = 1.0;
        let mut improved = false;
        for _ in 0..40 {
            let trial: Vec<f64> = p.iter().zip(&step).map(|(x, s)| x + t * s).collect();
            let l = log_likelihood(&cells, &trial);
            if l >= ll {
                improved = l > ll;
                p = trial;
                ll = l;
                break;
            }
            t /= 2.0;
        }
        if !improved {
            break;
        }
    }
    let (_, info) = information(&p);
    let beta_se = inverse_diagonal(&info, dim - 1).map_or(f64::INFINITY, f64::sqrt);
    let beta = p[dim - 1];
    let deviance: f64 = cells
        .iter()
        .map(|c| {
            let pi = sigmoid(p[c.input] - beta * c.gap);
            let term = |obs: f64, expected: f64| {
                if obs > 0.0 {
                    obs * (obs / expected).ln()
                } else {
                    0.0
                }
            };
            2.0 * (term(c.a, c.n * pi) + term(c.n - c.a, c.n * (1.0 - pi)))
        })
        .sum();
    let dof = cells.len().saturating_sub(dim);
    LawFit {
        beta,
        beta_se,
        deviance,
        dof,
        deviance_99: chi_square_quantile_99(dof),
    }
}

/// The 99th percentile of χ² with `k` degrees of freedom (Wilson and Hilferty's cube-root
/// approximation, within a few parts in a thousand from five degrees of freedom up).
pub fn chi_square_quantile_99(k: usize) -> f64 {
    let k = k.max(1) as f64;
    let c = 2.0 / (9.0 * k);
    k * (1.0 - c + Z99 * c.sqrt()).powi(3)
}

/// Solves `a·x = b` by Gaussian elimination with partial pivoting; `None` if singular.
fn solve(a: &[Vec<f64>], b: &[f64]) -> Option<Vec<f64>> {
    let n = b.len();
    let mut m: Vec<Vec<f64>> = a
        .iter()
        .zip(b)
        .map(|(row, &v)| row.iter().copied().chain([v]).collect())
        .collect();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| m[i][col].abs().total_cmp(&m[j][col].abs()))?;
        if m[pivot][col].abs() < 1e-300 {
            return None;
        }
        m.swap(col, pivot);
        let pivot_row = m[col].clone();
        for (row, r) in m.iter_mut().enumerate() {
            if row != col {
                let f = r[col] / pivot_row[col];
                for (x, p) in r.iter_mut().zip(&pivot_row).skip(col) {
                    *x -= f * p;
                }
            }
        }
    }
    Some((0..n).map(|i| m[i][n] / m[i][i]).collect())
}

/// Entry `(j, j)` of the inverse of `a`.
fn inverse_diagonal(a: &[Vec<f64>], j: usize) -> Option<f64> {
    let mut e = vec![0.0; a.len()];
    e[j] = 1.0;
    solve(a, &e).map(|x| x[j])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contested(prior: (usize, usize), shares: &[(usize, usize)]) -> Contested {
        Contested {
            input: 0,
            favoured: true,
            prior,
            unpenalised: shares[0],
            penalised: shares[1..].to_vec(),
        }
    }

    #[test]
    fn the_fit_recovers_the_temperature_of_counts_drawn_from_the_law() {
        // Expected counts of the law at β = 0.8 and prior odds 3 and 10: the fit gives β back
        // and a deviance near zero.
        let gaps = [0.5, 1.0, 2.0, 4.0, 8.0];
        let make = |odds: f64| {
            let theta = f64::ln(odds);
            let n = 1_000_000usize;
            let cell = |g: f64| (n, (n as f64 * sigmoid(theta - 0.8 * g)).round() as usize);
            let mut shares = vec![cell(0.0)];
            shares.extend(gaps.iter().map(|&g| cell(g)));
            contested(cell(0.0), &shares)
        };
        let fit = fit_law(&[make(3.0), make(10.0)], &gaps);
        assert!((fit.beta - 0.8).abs() < 1e-3, "{fit:?}");
        assert!(fit.deviance < 0.01, "{fit:?}");
        assert!(fit.follows_law_with_positive_beta());
    }

    #[test]
    fn a_learner_that_ignores_the_gap_has_no_temperature_and_one_that_overshoots_breaks_the_law() {
        let gaps = [0.5, 1.0, 2.0, 4.0];
        let flat = contested((400, 300), &[(400, 300); 5]);
        let fit = fit_law(std::slice::from_ref(&flat), &gaps);
        assert!(fit.beta.abs() < 1e-9, "{fit:?}");
        assert!(!fit.follows_law_with_positive_beta());
        // Not monotone in the gap: no β fits.
        let zigzag = contested(
            (4_000, 3_000),
            &[
                (4_000, 3_000),
                (4_000, 400),
                (4_000, 3_600),
                (4_000, 200),
                (4_000, 3_800),
            ],
        );
        let fit = fit_law(&[zigzag], &gaps);
        assert!(fit.deviance > fit.deviance_99, "{fit:?}");
    }

    #[test]
    fn the_flip_interpolates_where_the_share_crosses_one_half() {
        let c = contested((100, 75), &[(100, 75), (100, 70), (100, 30), (100, 5)]);
        let f = c.flip(&[1.0, 4.0, 16.0]).expect("it flips");
        assert!(f > 1.0 && f < 4.0, "{f}");
        let never = contested((100, 75), &[(100, 75), (100, 70), (100, 60), (100, 55)]);
        assert_eq!(never.flip(&[1.0, 4.0, 16.0]), None);
    }

    #[test]
    fn the_chi_square_quantile_is_close() {
        // Tabulated 99th percentiles: 15.086 (5), 23.209 (10), 37.566 (20).
        for (k, q) in [(5, 15.086), (10, 23.209), (20, 37.566)] {
            assert!((chi_square_quantile_99(k) / q - 1.0).abs() < 5e-3, "{k}");
        }
    }
}
