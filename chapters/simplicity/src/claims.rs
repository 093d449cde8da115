//! The chapter's claims: what the sources say about simplicity and inductive biases, beside
//! what the chapter computes for it.
//!
//! The description-length argument and the path counts are arithmetic and are checked at
//! the source's own setting ([`ledger::Basis::Full`]). The inductive biases are measured on
//! small networks ([`ledger::Basis::Small`]): a positive result is qualitative support, a
//! negative one says nothing about large networks. Every criterion is also decided on its
//! rival, computed by the same code: a code efficient for another prior, functions drawn
//! uniformly (indifference over functions), a network whose paths all carry the same
//! gradient, the plain network, the residual network with its branches scaled down at the
//! start (the rival of the standard-initialisation rows, which fail their criteria as the
//! null rivals do), shuffled frequency labels, the random-network prior, or uniformly
//! random completions of the training set.

use crate::bias::{self, BiasResult, UniformResult};
use crate::code::{self, kraft_sum, pairs_reversed};
use crate::experiments::Results;
use crate::goal_capacity::{GoalCapacityResult, Score};
use crate::parody::{self, ParodyResult};
use crate::paths;
use crate::residual;
use crate::residual::{BranchInit, Lesions, ResidualResult};
use crate::spectral::{Amplitudes, SpectralResult, SpectralRun};
use ledger::number::count;
use ledger::{Claim, Computed, Quantity, Seed, Source, Test, Verdict};
use nets::boolean::Target;
use nets::boolean::TruthTable;
use nets::complexity::{kc_bits, kc_units, sensitivity};

/// A width "strains" when its networks, holding only the one-bit goal beside the task, still
/// end with a mean task loss of at least this many nats: the task alone does not fit it.
pub const STRAINED: f64 = 0.01;

/// Standard errors by which a mean slope must exceed zero to count as a rise.
pub const RISE_SE: f64 = 2.0;

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(r: &Results) -> Vec<Claim> {
    let mut all = code_claims();
    all.extend(bias_claims(
        &r.bias,
        &r.perceptron_ones,
        &r.uniform,
        &r.uniform_ones,
    ));
    all.extend(path_claims(&r.residual));
    all.extend(spectral_claims(&r.spectral));
    all.extend(parody_claims(&r.parody));
    all.extend(frame_claims(&r.goal_capacity));
    all.extend(opinion_claims());
    all
}

/// Description length and probability, on the worked example.
pub fn code_claims() -> Vec<Claim> {
    let w = code::worked();
    let n = w.prior.weights.len();
    let (num, den) = kraft_sum(&w.lengths);
    let (other_num, other_den) = kraft_sum(&w.other_lengths);
    let pairs = n * (n - 1) / 2;
    let other = "the code efficient for the reversed prior (p_i ∝ 1/(13 − i)), used for this one: a language that is not efficient for the prior";
    let rounding_ok =
        |l: &[u32]| w.largest_rounding(l) < 1.0 && w.implied_prior_within_factor_two_for(l);
    vec![
        Claim::statement(
            "code.efficient-code-ranks-by-probability",
            Seed::BelrosePope.quote(
                "One reasonable definition of “simple” is “low description length,” which directly implies “more likely” if we assume the language in which the hypotheses are being described is efficient (assigns short encodings to likely hypotheses).",
            ),
            "under an efficient code, shorter descriptions belong to more likely hypotheses",
            Test::full(format!(
                "holds if a code for {n} hypotheses with Zipf's prior p_i ∝ 1/i is prefix-free, meets Kraft's inequality with equality, never gives a less probable hypothesis a strictly shorter codeword, and has a mean length within one bit of the entropy; Huffman's code does (Kraft's sum {num}/{den}, mean {:.4} bits, entropy {:.4} bits; the value is the difference); the code efficient for the reversed prior has Kraft's sum {other_num}/{other_den} and mean {:.4} bits under this prior",
                w.mean_length(),
                w.prior.entropy(),
                w.mean_length_of(&w.other_lengths),
            ))
            .on_data(
                Quantity::Real(w.redundancy()),
                &w.lengths[..],
                other,
                Quantity::Real(w.redundancy_of(&w.other_lengths)),
                &w.other_lengths[..],
                |l: &[u32]| w.is_efficient(l),
            ),
            Verdict::Reproduced,
        ).unit("bits").digits(3),
        Claim::statement(
            "code.simplicity-is-likelihood",
            Seed::BelrosePope.quote(
                "But on this view, simplicity is simply another word for likelihood: we can’t appeal to our intuitive notions of simplicity to conclude that one hypothesis will truly be “simpler” and hence more likely.",
            ),
            "under an efficient code, description length is −log2 of the probability, up to rounding",
            Test::full(format!(
                "holds if every codeword length is within one bit of −log2 p_i, so the prior the code implies (2^-ℓ_i, normalised by Kraft's sum) is within a factor 2 of the true prior for each of the {n} hypotheses; the value is the largest |ℓ_i + log2 p_i|, for Huffman's code of the worked example"
            ))
            .on_data(
                Quantity::Real(w.largest_rounding(&w.lengths)),
                &w.lengths[..],
                other,
                Quantity::Real(w.largest_rounding(&w.other_lengths)),
                &w.other_lengths[..],
                rounding_ok,
            ),
            Verdict::Reproduced,
        ).unit("bits").digits(3),
        Claim::statement(
            "code.simplicity-is-ambiguous",
            Seed::BelrosePope.quote(
                "The first is that “simplicity” is a highly ambiguous term, and it’s not clear which, if any, specific notion of simplicity should be relevant here.",
            ),
            "which hypotheses count as simple depends on the choice of description language",
            Test::full(format!(
                "holds if two efficient languages — Huffman codes for Zipf's prior and for the same prior reversed — call opposite members of at least one pair of the {n} hypotheses the simpler; the value is how many of the {pairs} pairs they rank in opposite orders"
            ))
            .on(
                Quantity::Integer(w.pairs_reversed() as i128),
                "two efficient languages that share a prior — Huffman's and Shannon's codes (⌈−log2 p_i⌉ bits) for Zipf's prior: simplicity would be unambiguous if every efficient language agreed",
                Quantity::Integer(pairs_reversed(&w.lengths, &w.shannon) as i128),
                |q| matches!(q, Quantity::Integer(k) if *k > 0),
            ),
            Verdict::Reproduced,
        ).unit("pairs"),
    ]
}

/// The least share of the draws the ten most frequent functions must take for parameter
/// volume to count as concentrated on a few functions.
pub const TOP_TEN_SHARE: f64 = 0.01;

/// The most the ten most frequent functions' mean complexity may be, as a share of the
/// functions drawn once, for the probable functions to count as simple.
pub const SIMPLER_RATIO: f64 = 0.5;

/// What the simplicity-bias criterion judges: the slope of the bound (none when no function
/// repeats often enough to fit one), and the top ten's complexity over the singletons'.
struct Simpler {
    slope: Option<f64>,
    ratio: f64,
}

/// The bias of the parameter-function map, and the perceptron's uniform count of ones, each
/// against functions drawn uniformly.
pub fn bias_claims(
    b: &BiasResult,
    perceptron_ones: &[u64],
    u: &UniformResult,
    uniform_ones: &[u64],
) -> Vec<Claim> {
    let n = count(b.samples());
    let excess = b.log10_top_excess(10);
    let (chi2, full) = bias::uniformity_chi2(perceptron_ones);
    let (uniform_chi2, _) = bias::uniformity_chi2(uniform_ones);
    let quantile = bias::chi2_127_quantile_999();
    let perceptrons: u64 = perceptron_ones.iter().sum();
    let zero_share = perceptron_ones[0] as f64 / perceptrons as f64;
    let uniform_zero_share = uniform_ones[0] as f64 / uniform_ones.iter().sum::<u64>() as f64;
    // The chance that any function repeats among the uniform draws: at most N²/2^129.
    let log10_repeat = 2.0 * (b.samples() as f64).log10() - 129.0 * 2f64.log10();
    let network = Simpler {
        slope: (b.bound.points >= 2).then_some(b.bound.slope),
        ratio: b.top_mean_kc(10) / b.singleton_mean_kc(),
    };
    let indifferent = Simpler {
        // No uniform function is drawn the bound's minimum number of times: no bound to fit.
        slope: (u.most_repeated >= bias::RELIABLE_COUNT).then_some(0.0),
        ratio: u.top10_mean_kc / u.singleton_mean_kc,
    };
    let uniform_rival = format!(
        "indifference over functions: {} functions drawn uniformly from the 2^128, tallied the same way",
        count(u.samples)
    );
    vec![
        Claim::statement(
            "bias.parameters-are-not-functions",
            Seed::Turner.quote(
                "I think a recovered argument will need to address (some close proxy of) \"what volume of parameter-space leads to scheming vs not?\", which is a much harder task than counting functions.",
            ),
            "the volume of parameter space behind a function is not the count of functions",
            Test::small(format!(
                "holds if, among {n} random 7-40-40-1 ReLU networks (Valle-Pérez et al.'s initialisation), the ten most frequent functions take at least {}% of the draws; they take {:.1}% (the value), 10^{excess:.0} times the share 10/2^128 that indifference over the functions gives them ({} distinct functions seen, the two constants {:.1}% and {:.1}%); functions drawn uniformly as often repeat with probability below 10^{log10_repeat:.0}, so their ten most frequent take 10 draws in {n}",
                100.0 * TOP_TEN_SHARE,
                100.0 * b.top_share(10),
                count(b.distinct() as u64),
                100.0 * b.top_share(1),
                100.0 * (b.top_share(2) - b.top_share(1)),
            ))
            .on(
                Quantity::Real(100.0 * b.top_share(10)),
                uniform_rival.clone(),
                Quantity::Real(100.0 * u.top10_share),
                |q| matches!(q, Quantity::Real(x) if *x >= 100.0 * TOP_TEN_SHARE),
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3),
        Claim::statement(
            "bias.probable-functions-are-simple",
            Seed::BelrosePope.quote(
                "Alternatively, one could appeal to the actual inductive biases of neural network training, as observed empirically or derived theoretically.",
            ),
            "networks have inductive biases that can be observed empirically",
            Test::small(format!(
                "holds if, among {n} random 7-40-40-1 networks, the largest log2 P(f) seen at each Lempel-Ziv complexity K(f) falls with K (least-squares slope {:.2} bits per bit over the {} complexities whose most frequent function was seen at least {} times) and the ten most frequent functions have at most {:.0}% of the mean complexity of the functions drawn once ({:.1} bits against {:.1}; the value is the ratio); among uniformly drawn functions no function repeats, so there is no bound to fit, and their ten most frequent have {:.1} bits against {:.1} for a sample of {} drawn once",
                b.bound.slope,
                b.bound.points,
                bias::RELIABLE_COUNT,
                100.0 * SIMPLER_RATIO,
                b.top_mean_kc(10),
                b.singleton_mean_kc(),
                u.top10_mean_kc,
                u.singleton_mean_kc,
                count(bias::UNIFORM_KC_SAMPLE.min(u.samples as usize) as u64),
            ))
            .on_data(
                Quantity::Real(network.ratio),
                &network,
                uniform_rival,
                Quantity::Real(indifferent.ratio),
                &indifferent,
                |s: &Simpler| s.slope.is_some_and(|k| k < 0.0) && s.ratio <= SIMPLER_RATIO,
            ),
            Verdict::Qualitative,
        ).unit("× the complexity of a function drawn once").digits(2),
        Claim::statement(
            "bias.perceptron-ones-uniform",
            Seed::Turner.quote(
                "You have to not just think about \"what does this system do?\", but \"how many ways can this function be implemented?\".",
            ),
            "how many parameter settings implement a function differs from function to function",
            Test::full(format!(
                "holds if, for {} perceptrons without bias on 7 bits (weights uniform), the number of inputs mapped to 1 is uniform on 0…127 as Mingard et al. prove (χ² = {chi2:.1} with 127 degrees of freedom, below its 99.9% quantile {quantile:.1}; {full} tables with all 128) — so the constant function alone gets 1/128 of the parameter volume, where indifference over functions gives it 2^-128; the value is its measured share; as many uniformly drawn functions give χ² = {uniform_chi2:.0}, their counts of ones binomial",
                count(perceptrons)
            ))
            .on_data(
                Quantity::Real(100.0 * zero_share),
                perceptron_ones,
                format!(
                    "indifference over functions: {} functions drawn uniformly, their counts of ones tested the same way",
                    count(uniform_ones.iter().sum::<u64>())
                ),
                Quantity::Real(100.0 * uniform_zero_share),
                uniform_ones,
                |ones: &[u64]| {
                    let (chi2, full) = bias::uniformity_chi2(ones);
                    chi2 < quantile && full == 0
                },
            ),
            Verdict::Reproduced,
        ).unit("%").digits(3),
    ]
}

const ENSEMBLES: &str = "Modern deep neural networks are ensembles of shallower networks.";

/// The least median test R² after deleting one block for a network to count as robust to
/// the lesion.
pub const LESION_R2: f64 = 0.5;

/// The most the mean test R² may fall when one more random block is deleted, for the fit to
/// count as degrading smoothly (Veit et al.'s lesions of several blocks). Fixed before the
/// first run of the several-block lesions.
pub const SMOOTH_DROP: f64 = 0.2;

/// The paths through a residual network: counted exactly, and measured on a small one with
/// the standard initialisation (the main run) and with its branches scaled down (a variant).
pub fn path_claims(r: &ResidualResult) -> Vec<Claim> {
    let mut all = Vec::new();
    for init in [BranchInit::Standard, BranchInit::Scaled] {
        all.extend(resnet_claims(r, init));
    }
    all.push(effective_share_claim());
    all
}

/// The three measurements of one initialisation of the residual network.
fn resnet_claims(r: &ResidualResult, init: BranchInit) -> Vec<Claim> {
    let cfg = &r.config;
    let n = cfg.blocks;
    let run = r.run(init);
    let (ids, initialisation) = match init {
        BranchInit::Standard => (
            [
                "paths.gradient-from-short-paths",
                "paths.lesion",
                "paths.lesion-several",
            ],
            "the standard initialisation (every matrix as the kit initialises a layer: uniform, variance gain²/fan-in, gain √2 before a ReLU and 1 otherwise, so the branches start as large as the stream they add to)".to_string(),
        ),
        BranchInit::Scaled => (
            [
                "paths.gradient-from-short-paths-scaled",
                "paths.lesion-scaled",
                "paths.lesion-several-scaled",
            ],
            format!(
                "the variant initialisation: the same draw with each branch's output matrix multiplied by 1/√{n}, so the branches start small and short paths are favoured from the start"
            ),
        ),
    };
    let share = run.gradient_share();
    let short: f64 = share.iter().take(n / 2).sum();
    let lesions = &run.lesions;
    let plain = &r.plain;
    let equal_paths = vec![1.0; n + 1];
    // The scaled variant meets every criterion and the standard run none (see the page): a
    // rival that fails as well would not show the criterion could tell them apart, so the
    // standard run's rival is the variant, the variant's the null models. This choice of
    // rivals was made after the first run.
    let scaled = &r.scaled;
    let variant = "the same network with its branches scaled by 1/√n at the start (the variant run): what the criterion gives a network that starts close to its short paths";
    let (verdict, gradient_rival, lesion_rival, several_rival) = match init {
        BranchInit::Standard => (
            Verdict::NotReproduced,
            (variant, &scaled.path_gradient[..]),
            (variant, &scaled.lesions),
            (variant, &scaled.lesions),
        ),
        BranchInit::Scaled => (
            Verdict::Qualitative,
            (
                "a network whose paths are not shallow: every path carries the same gradient, so the total by length is the number of paths",
                &equal_paths[..],
            ),
            (
                "the plain (non-residual) network of the same depth, one hidden layer deleted",
                plain,
            ),
            (
                "the plain (non-residual) network of the same depth, k random hidden layers deleted",
                plain,
            ),
        ),
    };
    let setting = format!(
        "a residual MLP of {n} blocks (width {}) with {initialisation}, and a plain ReLU MLP of {n} hidden layers, each trained full-batch with Adam ({} steps) on {} points of sin(πx)·cos(πy)",
        cfg.width, cfg.steps, cfg.train
    );
    let disclosed = match init {
        BranchInit::Standard => {
            "; the rival, the scaled variant, was chosen after this run failed the criterion, because the null rivals (equal gradient on every path, the plain network) fail it too"
        }
        BranchInit::Scaled => "",
    };
    let num = ledger::number::real;
    let means = |l: &Lesions| {
        l.several_means()
            .iter()
            .enumerate()
            .map(|(k, &m)| format!("{k}: {}", num(m, 2)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        Claim::statement(
            ids[0],
            Seed::BelrosePope.quote(ENSEMBLES),
            "deep residual networks behave as ensembles of shallower paths",
            Test::small(format!(
                "holds if, in {setting}, the paths carrying the most gradient in total (gradient through one random path of each length, {} paths sampled per length as Veit et al. did, times the number of paths) are shorter than the typical path ({}) — the value is that peak length; paths shorter than half the blocks carry {:.1}% of the gradient{disclosed}",
                cfg.paths_per_length,
                n / 2,
                100.0 * short
            ))
            .on_data(
                Quantity::Integer(run.peak_length() as i128),
                &run.path_gradient[..],
                gradient_rival.0,
                Quantity::Integer(residual::peak_length(gradient_rival.1) as i128),
                gradient_rival.1,
                |g: &[f64]| residual::peak_length(g) < n / 2,
            ),
            verdict,
        ).unit("blocks"),
        Claim::statement(
            ids[1],
            Seed::BelrosePope.quote(ENSEMBLES),
            "deep residual networks behave as ensembles of shallower paths",
            Test::small(format!(
                "holds if, in {setting}, deleting one block of the residual network leaves a median test R² of at least {LESION_R2} (whole network {:.3}; the value); deleting one hidden layer of the plain network leaves a median of {:.2} (whole network {:.3}){disclosed}",
                lesions.whole,
                plain.one_median(),
                plain.whole
            ))
            .on(
                Quantity::Real(lesions.one_median()),
                lesion_rival.0,
                Quantity::Real(lesion_rival.1.one_median()),
                |q| matches!(q, Quantity::Real(x) if *x >= LESION_R2),
            ),
            verdict,
        ).unit("test R² after deleting one block").digits(2),
        Claim::statement(
            ids[2],
            Seed::BelrosePope.quote(ENSEMBLES),
            "deep residual networks behave as ensembles of shallower paths: deleting more and more of their blocks degrades them smoothly (Veit et al.'s lesions of several modules)",
            Test::small(format!(
                "holds if, in {setting}, the mean test R² over {} seeded random sets of k deleted blocks, for k = 0 (the whole network) to {}, never falls by more than {SMOOTH_DROP} from k − 1 to k; the value is the largest fall (mean R² by k — {}); the plain network with k random hidden layers deleted: largest fall {} (mean R² by k — {}){disclosed}",
                cfg.lesion_sets,
                cfg.max_deleted,
                means(lesions),
                num(plain.largest_drop(), 2),
                means(plain),
            ))
            .on_data(
                Quantity::Real(lesions.largest_drop()),
                lesions,
                several_rival.0,
                Quantity::Real(several_rival.1.largest_drop()),
                several_rival.1,
                |l: &Lesions| l.largest_drop() <= SMOOTH_DROP,
            ),
            verdict,
        ).digits(4),
    ]
}

/// Veit et al.'s effective paths are rare: their share of all paths, against a band of path
/// lengths as wide centred on the typical length. Veit et al. state the lengths (10–34 layers,
/// 5 to 17 blocks), not the share; the share is the book's count.
fn effective_share_claim() -> Claim {
    let (lo, hi) = paths::EFFECTIVE;
    let n = paths::VEIT_BLOCKS;
    let typical = paths::centred_band_share_percent(n, hi - lo + 1);
    Claim::statement(
        "paths.effective-share",
        Source::paper(
            "veit2016residual",
            "Veit, Wilber & Belongie (2016)",
            "most of the gradient in their 110-layer residual network comes from paths only 10 to 34 layers deep, that is through 5 to 17 of its 54 residual blocks",
        ),
        "the paths that carry the gradient are short, and so a small minority of all paths",
        Test::full(format!(
            "holds if the paths through {lo} to {hi} of the {n} blocks are under {RARE_PERCENT}% of all 2^{n} paths, counted exactly (a path's length is Binomial({n}, ½))"
        ))
        .on(
            Quantity::Real(paths::effective_share_percent()),
            format!(
                "gradient from typical paths: the {} lengths centred on the typical length {}",
                hi - lo + 1,
                n / 2
            ),
            Quantity::Real(typical),
            |q| q.to_f64() < RARE_PERCENT,
        ),
        Verdict::Reproduced,
    ).unit("%").digits(4)
}

/// "A small minority" of paths: fewer than one in a hundred.
pub const RARE_PERCENT: f64 = 1.0;

const LOW_FREQUENCY: &str = "Networks have a bias toward low frequency functions— that is, functions whose outputs change little as their inputs change.";

/// The smallest Spearman's ρ between frequency and learning step that counts as "low
/// frequencies first".
pub const ORDER_RHO: f64 = 0.8;

/// Shuffles of the frequency labels in the null control of the spectral claims, and the
/// quantile of their ρ the rival reports.
pub const PERMUTATIONS: usize = 10_000;
pub const SHUFFLED_QUANTILE: f64 = 0.95;

/// The seed of the shuffles.
pub const SHUFFLE_SEED: u64 = 11;

/// Whether a run learns the low frequencies first, decided on whether it learns every
/// frequency (so that no rank rests on a tie among frequencies never learned) and on ρ.
fn in_order(&(learned, count, rho): &(usize, usize, f64)) -> bool {
    learned == count && rho >= ORDER_RHO
}

/// A spectral claim's test: the run's ρ (0 when undefined) against the 95th percentile of ρ
/// under shuffled frequency labels, and the criterion in words, with the learning order
/// and its exceptions.
fn low_first(r: &SpectralResult, run: &SpectralRun, target: &str) -> Computed {
    let cfg = &r.config;
    let th = cfg.threshold;
    let k = &cfg.frequencies;
    let rho = run.order_correlation(th);
    let learned = run.learned(th);
    let at: Vec<String> = run
        .learned_at(th)
        .iter()
        .zip(k)
        .map(|(s, k)| match s {
            Some(s) => format!("{k}: {}", count(*s as u64)),
            None => format!("{k}: never"),
        })
        .collect();
    let order = run
        .learning_order(th)
        .iter()
        .map(|group| {
            let names: Vec<String> = group.iter().map(|&i| k[i].to_string()).collect();
            names.join(" = ")
        })
        .collect::<Vec<_>>()
        .join(", ");
    let exceptions = run.exceptions(th);
    let exceptions_text = if exceptions.is_empty() {
        "none".to_string()
    } else {
        exceptions
            .iter()
            .map(|&(i, j)| format!("{} before {}", k[j], k[i]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let shuffled = run.shuffled_correlations(th, PERMUTATIONS, SHUFFLE_SEED);
    let at_quantile =
        shuffled[((SHUFFLED_QUANTILE * shuffled.len() as f64) as usize).min(shuffled.len() - 1)];
    let passing =
        shuffled.iter().filter(|&&p| p >= ORDER_RHO).count() as f64 / shuffled.len() as f64;
    let text = format!(
        "holds if, for a ReLU network with {} hidden layers of {} units (Rahaman et al.: 6 of 256) trained full-batch with Adam at learning rate {} for {} steps (Rahaman et al.: 3·10⁻⁴ for 60,000) on {} even points of [0, 1), with {target}, every one of the {} frequencies reaches {:.0}% of its amplitude and the step at which each first does rises with the frequency: Spearman's ρ between the two at least {ORDER_RHO} (first step per frequency, {}; {} learned; final loss {:.3}); the value is ρ. Learning order (= for the same recorded step): {order}; exceptions, a higher frequency learned strictly before a lower one: {exceptions_text} ({} of {} pairs). The requirement that every frequency be learned was added after the book's earlier, smaller setting (four layers of 64, 6,000 steps) learned only 7 and 5 of the 10, its ρ resting on ties among the rest, and the setting was then enlarged until pilot runs learned all ten",
        cfg.hidden.len(),
        cfg.hidden.first().copied().unwrap_or(0),
        cfg.lr,
        count(cfg.steps as u64),
        cfg.points,
        k.len(),
        100.0 * th,
        at.join(", "),
        learned,
        run.final_loss,
        exceptions.len(),
        k.len() * (k.len() - 1) / 2,
    );
    let text = format!(
        "{text}; the same learning steps shuffled among the frequencies ({} seeded shuffles) reach ρ ≥ {ORDER_RHO} in {:.2}% of shuffles",
        count(PERMUTATIONS as u64),
        100.0 * passing
    );
    let rho = rho.unwrap_or(0.0);
    Test::small(text).on_data(
        Quantity::Real(rho),
        &(learned, k.len(), rho),
        format!(
            "the order under shuffled frequency labels, as if when a frequency is learned had nothing to do with which it is: the {:.0}th percentile of ρ over the shuffles",
            100.0 * SHUFFLED_QUANTILE
        ),
        Quantity::Real(at_quantile),
        &(learned, k.len(), at_quantile),
        in_order,
    )
}

/// Spectral bias: in which order a ReLU network learns the frequencies of a sum of sines.
pub fn spectral_claims(r: &SpectralResult) -> Vec<Claim> {
    let k = &r.config.frequencies;
    let frequencies = format!(
        "{}, {}, …, {}",
        k.first().copied().unwrap_or(0),
        k.get(1).copied().unwrap_or(0),
        k.last().copied().unwrap_or(0)
    );
    let num = ledger::number::real;
    let (lowest, highest) = (
        Amplitudes::Increasing.of(0),
        Amplitudes::Increasing.of(k.len().saturating_sub(1)),
    );
    vec![
        Claim::statement(
            "spectral.low-frequencies-first",
            Seed::BelrosePope.quote(LOW_FREQUENCY),
            "networks are biased toward low-frequency functions: they learn a target's low frequencies before its high ones",
            low_first(
                r,
                &r.equal,
                &format!("the target a sum of sines of equal amplitude at frequencies {frequencies}"),
            ),
            Verdict::Qualitative,
        ).digits(2),
        Claim::statement(
            "spectral.low-first-despite-amplitude",
            // The essay's sentence says nothing about amplitudes: this stronger form is the
            // paper's own finding.
            Source::paper(
                "rahaman2019spectral",
                "Rahaman et al. (2019)",
                "a ReLU network fitting a sum of sines still learns the low frequencies first when the amplitudes rise with frequency, so that the high frequencies carry more of the target",
            ),
            "the bias toward low frequencies holds even when the high frequencies carry more of the target (Rahaman et al.'s second experiment)",
            low_first(
                r,
                &r.increasing,
                &format!(
                    "amplitudes rising with frequency from {} to {} (the highest frequency {} times the lowest)",
                    num(lowest, 1),
                    num(highest, 1),
                    num(highest / lowest, 2)
                ),
            ),
            Verdict::Qualitative,
        ).digits(2),
    ]
}

/// The largest share of trained networks that may compute a parody function off the
/// training set for the parody's conclusion to count as false.
pub const PARODY_SHARE: f64 = 0.01;

/// The smallest mean accuracy off the training set that counts as generalising.
pub const GENERALISING: f64 = 0.75;

/// The bar of the first rule for the treacherous turn, kept to report it: the largest share
/// of trained networks that may be as sensitive as the trigger function.
pub const TRIGGER_TAIL: f64 = 0.05;

/// The one-sided level at which random networks turn less often than uniformly random
/// functions (fixed with the rule; see `parody.treacherous-turn-is-sensitive`).
pub const TURN_LEVEL: f64 = 0.01;

/// The simplicity parody: what trained networks compute off the training set, and how
/// sensitive trained, random and trigger functions are.
pub fn parody_claims(p: &ParodyResult) -> Vec<Claim> {
    let cfg = &p.config;
    let trained = &p.trained;
    let runs = count(trained.len() as u64);
    let m = cfg.train;
    let setting = format!(
        "{runs} 7-40-40-1 ReLU networks (Valle-Pérez et al.'s initialisation) trained full-batch with Adam until they fit {m} random inputs of the majority of the first three bits ({} of {} runs did not fit within {} steps and are left out)",
        p.failed,
        cfg.runs,
        count(cfg.max_steps as u64)
    );
    let parody_count = trained
        .iter()
        .filter(|&&f| parody::constant_on(f, p.unseen) || parody::dictator_on(f, p.unseen))
        .count();
    let accuracy = p.mean_accuracy(trained);
    let prior_constant = p.constant_share(&p.prior);
    let target_sens = sensitivity(p.target);
    let target_kc = kc_units(p.target);
    let overfitters = p.overfitters();
    let least_sens = overfitters
        .iter()
        .map(|(_, f)| sensitivity(*f))
        .fold(f64::INFINITY, f64::min);
    let least_kc = overfitters
        .iter()
        .map(|(_, f)| kc_units(*f))
        .min()
        .unwrap_or(0);
    let as_simple = overfitters
        .iter()
        .filter(|(_, f)| sensitivity(*f) <= target_sens && kc_units(*f) <= target_kc)
        .count();
    let trained_sens = ParodyResult::mean_sensitivity(trained);
    let prior_sens = ParodyResult::mean_sensitivity(&p.prior);
    let completion_sens = ParodyResult::mean_sensitivity(&p.completions);
    let trigger_sens = sensitivity(parody::trigger_function());
    let tail = p.at_least_trigger_share(trained);
    // The parody's premise for another target, on the same training inputs: how many of its
    // overfitters (those that differ from it off the training set: an overfitter of the
    // first bit that copies the first bit is the target) are at least as simple as it, and
    // the least sensitivity among them.
    let simpler_than = |target: TruthTable| {
        let (s, k) = (sensitivity(target), kc_units(target));
        let fits: Vec<TruthTable> = parody::overfitters(target, p.train, p.unseen)
            .into_iter()
            .map(|(_, f)| f)
            .filter(|&f| f != target)
            .collect();
        let as_simple = fits
            .iter()
            .filter(|&&f| sensitivity(f) <= s && kc_units(f) <= k)
            .count();
        let least = fits
            .iter()
            .map(|&f| sensitivity(f))
            .fold(f64::INFINITY, f64::min);
        (as_simple, least)
    };
    let (random_as_simple, random_least) = simpler_than(p.random_target);
    // Every target with structure of the crux's list (the chapter's own, the majority of
    // three bits, among them), so that one target does not decide the premise.
    let sweep: Vec<(&str, usize, f64)> = [Target::FirstBit, Target::Parity2, Target::Majority3]
        .into_iter()
        .map(|t| {
            let (k, least) = simpler_than(t.table(parody::BITS));
            (t.name(), k, least)
        })
        .collect();
    let as_simple_anywhere: usize = sweep.iter().map(|&(_, k, _)| k).sum();
    let sweep_text = sweep
        .iter()
        .map(|(name, k, least)| format!("{name}: {k} (least sensitivity {least:.3})"))
        .collect::<Vec<_>>()
        .join("; ");
    let prior_parody = p.parody_share(&p.prior);
    let prior_accuracy = p.mean_accuracy(&p.prior);
    let uniform_sens = ParodyResult::mean_sensitivity(&p.uniform);
    let generalises =
        |&(share, accuracy): &(f64, f64)| share < PARODY_SHARE && accuracy > GENERALISING;
    let less_sensitive =
        |&(prior, trained, completions): &(f64, f64, f64)| prior < 1.75 && trained < completions;
    let uniform_rate = p.uniform_turn_rate();
    let rarer_than_uniform = |&(turns, n): &(u64, u64)| {
        n > 0 && parody::fewer_turns_p_value(turns, n, uniform_rate) < TURN_LEVEL
    };
    let prior_turns = p.turns(&p.prior);
    let trained_turns = p.turns(trained);
    let turn_p = parody::fewer_turns_p_value(prior_turns, p.prior.len() as u64, uniform_rate);
    let uniform_turns = (uniform_rate * p.prior.len() as f64).round() as u64;
    vec![
        Claim::statement(
            "parody.trained-nets-do-not-answer-a-constant",
            Seed::BelrosePope.quote(
                "Since its conclusion is false, we should reject the argumentative form on which it is based.",
            ),
            "the parody's conclusion is false: trained networks do not prefer to answer a constant or the identity off the training set",
            Test::small(
                format!(
                    "holds if, of {setting}, fewer than {:.0}% answer a constant or copy or negate one input bit on all of the {} other inputs, and their mean accuracy there is above {:.0}% (it is {:.1}%; the networks answer their more common output on {:.1}% of those inputs on average) — though {:.1}% of {} random networks from the same initialisation are constant on those inputs (the prior's mean share for the more common output {:.1}%, its accuracy there {:.1}%); the value is the share of trained networks that do, {parody_count} networks",
                    100.0 * PARODY_SHARE,
                    p.unseen.count_ones(),
                    100.0 * GENERALISING,
                    100.0 * accuracy,
                    100.0 * p.mean_constancy(trained),
                    100.0 * prior_constant,
                    count(p.prior.len() as u64),
                    100.0 * p.mean_constancy(&p.prior),
                    100.0 * prior_accuracy,
                ),
            )
            .on_data(
                Quantity::Real(100.0 * p.parody_share(trained)),
                &(if trained.is_empty() { 1.0 } else { p.parody_share(trained) }, accuracy),
                "the random-network prior: untrained networks from the same initialisation, what the parody says a bias towards simple functions gives",
                Quantity::Real(100.0 * prior_parody),
                &(prior_parody, prior_accuracy),
                generalises,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(2),
        Claim::statement(
            "parody.overfitting-is-not-simpler",
            Seed::BelrosePope.quote(
                "Overfitting networks are free to implement a very simple function— like the identity function or a constant function— outside the training set, whereas generalizing networks have to exhibit complex behaviors on unseen inputs.",
            ),
            "the parody's premise, which the essay states in order to reject its form: a network that answers a constant or the identity off the training set computes a simpler function than one that generalises",
            Test::small(
                format!(
                    "holds if, for at least one of the targets with structure (the first bit, the parity of two bits, the majority of three bits), at least one of the parody's overfitters — the target on the {m} training inputs and, off them, a constant or one input bit or its negation, leaving out any that is the target itself — is at least as simple as the target (the function of a network that generalises perfectly) by both average sensitivity and Lempel-Ziv complexity; overfitters as simple, by target: {sweep_text}. For the chapter's target, the majority of three bits ({} overfitters; sensitivity {target_sens:.2}, complexity {:.1} bits): {as_simple} are, the least sensitivity is {least_sens:.3} and the least complexity {:.1} bits (the two constants average {:.2}, the input bits {:.2}; the trained networks {trained_sens:.2}); the value is that least sensitivity. For a target with no structure (a seeded uniformly random function, sensitivity {:.2}) {random_as_simple} of its overfitters are at least as simple as it. The rule first asked this of the majority of three bits alone; it was widened to the three targets after a review, before their counts were computed",
                    overfitters.len(),
                    kc_bits(target_kc),
                    kc_bits(least_kc),
                    p.constant_overfitter_sensitivity(),
                    p.identity_overfitter_sensitivity(),
                    sensitivity(p.random_target),
                ),
            )
            .on_data(
                Quantity::Real(least_sens),
                &as_simple_anywhere,
                "the parody's premise where it holds: the same comparison for a target with no structure (a seeded uniformly random function), for which generalising is complex — the value its overfitters' least sensitivity",
                Quantity::Real(random_least),
                &random_as_simple,
                |&k: &usize| k > 0,
            ),
            Verdict::NotReproduced,
        ).unit("bit flips per input").digits(3),
        Claim::statement(
            "parody.low-sensitivity",
            Seed::BelrosePope.quote(LOW_FREQUENCY),
            "networks favour functions whose outputs change little as their inputs change",
            Test::small(
                format!(
                    "holds if {} random 7-40-40-1 networks compute functions whose average sensitivity (how many of the 7 one-bit changes of an input change the output, averaged over inputs) is on average below half a uniformly random function's 3.5 (it is {prior_sens:.2}), and the {runs} trained networks' functions are less sensitive on average than {} uniformly random functions that fit the same {m} training inputs ({completion_sens:.2}); the value is the trained networks' mean; {} uniformly random functions average {uniform_sens:.2}",
                    count(p.prior.len() as u64),
                    count(p.completions.len() as u64),
                    count(p.uniform.len() as u64),
                ),
            )
            .on_data(
                Quantity::Real(trained_sens),
                &(prior_sens, trained_sens, completion_sens),
                "indifference over functions: uniformly random functions in place of the random networks, and uniformly random completions of the training set in place of the trained networks",
                Quantity::Real(completion_sens),
                &(uniform_sens, completion_sens, completion_sens),
                less_sensitive,
            ),
            Verdict::Qualitative,
        ).unit("bit flips per input").digits(3),
        Claim::statement(
            "parody.treacherous-turn-is-sensitive",
            Seed::BelrosePope.quote(
                "But scheming requires the AI to change its behavior dramatically (executing a treacherous turn) in response to subtle cues indicating it is not in a sandbox, and could successfully escape.",
            ),
            "a treacherous turn on a subtle cue is a sharp change of output under a small change of input, against the networks' bias",
            Test::small(
                format!(
                    "holds if random networks from the initialisation turn — answer the opposite of the target on every one of the {} inputs whose last four bits are all 1, a cue never seen in training — less often than a uniformly random function does ({:.2}%, the counting argument's measure), by a one-sided binomial test at the {:.0}% level: {prior_turns} of {} do ({:.3}%, p = {}); the value is that share. Of the {runs} trained networks {trained_turns} turn, too few runs to tell training from either rate. The rule was changed after a review: it first asked that the trigger function be more sensitive than the target ({trigger_sens:.3} against {target_sens:.3}, true by its construction) and that fewer than {:.0}% of the trained networks be as sensitive ({:.1}% are; random networks {:.1}%), which says only that the networks learned the target; the new rule was written after the test scale's shares had been seen",
                    p.trigger.count_ones(),
                    100.0 * p.uniform_turn_rate(),
                    100.0 * TURN_LEVEL,
                    count(p.prior.len() as u64),
                    100.0 * p.turn_share(&p.prior),
                    ledger::number::real(turn_p, 2),
                    100.0 * TRIGGER_TAIL,
                    100.0 * tail,
                    100.0 * p.at_least_trigger_share(&p.prior),
                ),
            )
            .on_data(
                Quantity::Real(100.0 * p.turn_share(&p.prior)),
                &(prior_turns, p.prior.len() as u64),
                format!(
                    "no bias against a turn: the same number of draws turning at a uniformly random function's rate ({uniform_turns} of them)"
                ),
                Quantity::Real(100.0 * p.uniform_turn_rate()),
                &(uniform_turns, p.prior.len() as u64),
                rarer_than_uniform,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(2),
    ]
}

/// Opinions the book records without a number.
pub fn opinion_claims() -> Vec<Claim> {
    vec![
        Claim::not_checkable(
            "opinion.if-then-chains",
            Seed::BelrosePope.quote(
                "Scheming seems to involve chains of if-then reasoning which would be hard to implement in shallow networks.",
            ),
            "scheming needs chains of if-then reasoning that shallow networks implement poorly",
            "a conjecture about what scheming would take inside a network; no small experiment decides what a schemer's computation would look like",
        ),
        Claim::not_checkable(
            "opinion.no-account-supports-scheming",
            Seed::BelrosePope.quote(
                "There’s no plausible account of inductive biases that does support scheming.",
            ),
            "no plausible account of inductive biases supports scheming",
            "a judgement over the whole literature on inductive biases; the chapter measures three of them on small networks, which cannot settle it",
        ),
    ]
}

/// Carlsmith's two frames, and the mechanism of the first tried on a network of fixed size.
pub fn frame_claims(g: &GoalCapacityResult) -> Vec<Claim> {
    let j = &g.config.goal_inputs;
    // (mean, standard error) of the slopes at each width that strains, of the task's loss
    // and, for the rival, of the goal's own.
    let strained: Vec<_> = g
        .widths
        .iter()
        .filter(|w| w.shortest_goal_task_loss() >= STRAINED)
        .collect();
    let summary = |loss: fn(&Score) -> f64| -> Vec<(f64, f64)> {
        strained
            .iter()
            .map(|w| nets::stats::mean_se(&w.slopes(j, loss)))
            .collect()
    };
    let (rises, goal_rises) = (summary(|s| s.task_loss), summary(|s| s.goal_loss));
    let rule = |v: &[(f64, f64)]| !v.is_empty() && v.iter().all(|&(m, se)| m > RISE_SE * se);
    let least = |v: &[(f64, f64)]| v.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let num = ledger::number::real;
    let by_width = g
        .widths
        .iter()
        .map(|w| {
            let (m, se) = nets::stats::mean_se(&w.slopes(j, |s| s.task_loss));
            format!(
                "width {} ({} parameters): {} ± {} nats per doubling, task loss with the one-bit goal {}",
                w.width,
                w.parameters,
                num(m, 2),
                num(se, 2),
                num(w.shortest_goal_task_loss(), 2),
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let bits = g.description_bits();
    vec![
        Claim::statement(
            "goal-capacity.simpler-goal-frees-parameters",
            Seed::CarlsmithCounting.quote(
                "a schemer can have a simpler goal than a training saint, which means that it would be able to store its goal using fewer parameters, thereby freeing up other parameters that it can use for getting higher reward.",
            ),
            "on a network of fixed size, a goal that takes fewer bits to store leaves more of the network for the task, so the task's loss — its reward — is lower",
            Test::small(format!(
                "{} repetitions per width of a network with two hidden ReLU layers, trained ({} full-batch Adam steps, learning rate {}) on all {} inputs of {} bits with a task output (a fixed random Boolean function of every bit) and a goal output sharing every hidden unit; the goal is a random function of the first j bits, its description length 2^j bits from {} to {}, and for one width and repetition every goal length starts from the same weights (one table is drawn per length and shared by every repetition, so the standard errors cover initialisations, not the draw of goals); holds if, at every width whose networks strain (task loss with the one-bit goal at least {STRAINED} nats on average), the mean over repetitions of the least-squares slope of the task's training loss on j is more than {RISE_SE} standard errors above zero (the value: the least such mean). By width — {by_width}; {} of {} widths strain. Two choices were made after a pilot (widths 8, 16 and 32, six repetitions, judged by the gap between the longest and the shortest goal): the widths moved down to where the task strains, and the statistic became the slope over every goal length, because the single gap was as noisy as two runs of one set-up; this rule was then fixed before the run it decides",
                g.config.repetitions,
                g.config.steps,
                g.config.lr,
                1usize << crate::goal_capacity::BITS,
                crate::goal_capacity::BITS,
                bits.first().copied().unwrap_or(0),
                bits.last().copied().unwrap_or(0),
                strained.len(),
                g.widths.len(),
            ))
            .on_data(
                Quantity::Real(least(&rises)),
                rises.as_slice(),
                "a cost that falls on the goal itself: the same slopes of the goal output's own loss, which a longer goal must raise if the network cannot hold it for free",
                Quantity::Real(least(&goal_rises)),
                goal_rises.as_slice(),
                rule,
            ),
            Verdict::NotReproduced,
        )
        .unit("nats per doubling of the goal's length")
        .digits(2),
        Claim::not_checkable(
            "frames.may-not-matter",
            Seed::CarlsmithCounting.quote(
                "Ultimately, the differences between the \"contributors to reward\" frame and the \"extra criteria\" frame may not be important.",
            ),
            "whether simplicity is read as a contributor to reward or as a criterion of its own may make no difference to the conclusion",
            "a judgement about which way of analysing the argument is more useful; the chapter tries one mechanism of the first frame (goal-capacity.simpler-goal-frees-parameters), which cannot say whether the second frame would have led elsewhere",
        ),
        Claim::not_checkable(
            "frames.dual-perspectives",
            Seed::CarlsmithCounting.quote(
                "are just dual perspectives on the same question, at least if you get the constants right.",
            ),
            "the model with the highest reward at fixed inductive biases and the model best on the inductive biases at fixed loss are the same question seen twice (Hubinger, as Carlsmith reports him)",
            "as mathematics it is the duality of a constrained and a penalised optimisation, which holds when the constant (the multiplier) is chosen to match; whether SGD is better described from one side or the other turns on constants no text states",
        ),
        Claim::not_checkable(
            "frames.house-by-price",
            Seed::CarlsmithCounting.quote("My current feeling is: price."),
            "to predict what a process that optimises hard for reward, with hazy extra criteria beside it, selects, look at reward first (Carlsmith's house-buying analogy)",
            "a judgement about where to look first; it would be decided by measuring how strongly training's inductive biases act beside the loss on large models, which no experiment here reaches",
        ),
    ]
}
