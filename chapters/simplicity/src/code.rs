//! Simplicity as description length, and description length as probability.
//!
//! A prefix code gives hypothesis `i` a codeword of `ℓ_i` bits, and Kraft's inequality
//! `Σ 2^-ℓ_i ≤ 1` holds for every prefix code — so `2^-ℓ_i` is always a (sub-)probability:
//! every way of calling short descriptions "simple" is a prior. Conversely, an efficient
//! code for a prior `p` (Huffman's, the shortest on average) gives lengths within rounding of
//! `-log2 p_i`, so under it "simplest" and "most probable" are the same ranking. A code
//! efficient for another prior ranks the same hypotheses differently: "simple" is only
//! defined once a language, that is a prior, is fixed.
//!
//! The worked example uses integer weights, so the code is built by exact arithmetic.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Hypotheses with integer prior weights (probability = weight / total).
#[derive(Clone, Debug, PartialEq)]
pub struct Prior {
    pub names: Vec<String>,
    pub weights: Vec<u64>,
}

impl Prior {
    /// The worked example: twelve hypotheses with Zipf's prior `p_i ∝ 1/i`, as exact integer
    /// weights `27720 / i` (27720 is the least common multiple of 1..12).
    pub fn zipf12() -> Self {
        Prior {
            names: (1..=12).map(|i| format!("h{i}")).collect(),
            weights: (1..=12).map(|i| 27_720 / i).collect(),
        }
    }

    /// The same hypotheses under another prior: the example's reversed (`p_i ∝ 1/(13 − i)`),
    /// the prior of someone who finds `h12` the most plausible.
    pub fn reversed(&self) -> Self {
        let mut weights = self.weights.clone();
        weights.reverse();
        Prior {
            names: self.names.clone(),
            weights,
        }
    }

    pub fn total(&self) -> u64 {
        self.weights.iter().sum()
    }

    pub fn p(&self, i: usize) -> f64 {
        self.weights[i] as f64 / self.total() as f64
    }

    /// `-log2 p_i`, the ideal code length in bits.
    pub fn surprisal(&self, i: usize) -> f64 {
        -self.p(i).log2()
    }

    /// Shannon entropy in bits: the least possible mean code length.
    pub fn entropy(&self) -> f64 {
        (0..self.weights.len())
            .map(|i| self.p(i) * self.surprisal(i))
            .sum()
    }
}

/// Huffman's optimal prefix code lengths for integer weights. Ties are broken by the order
/// in which subtrees were formed, so the code is the same on every run.
///
/// # Panics
/// If fewer than two weights are given.
pub fn huffman_lengths(weights: &[u64]) -> Vec<u32> {
    assert!(weights.len() >= 2, "a code needs two hypotheses");
    // Nodes 0..n are leaves; merged nodes are appended. `parent[k]` links a node up.
    let mut parent: Vec<Option<usize>> = vec![None; weights.len()];
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = weights
        .iter()
        .enumerate()
        .map(|(i, &w)| Reverse((w, i)))
        .collect();
    while heap.len() > 1 {
        let Reverse((wa, a)) = heap.pop().expect("two nodes");
        let Reverse((wb, b)) = heap.pop().expect("two nodes");
        let node = parent.len();
        parent.push(None);
        parent[a] = Some(node);
        parent[b] = Some(node);
        heap.push(Reverse((wa + wb, node)));
    }
    (0..weights.len())
        .map(|mut k| {
            let mut depth = 0;
            while let Some(up) = parent[k] {
                depth += 1;
                k = up;
            }
            depth
        })
        .collect()
}

/// Codewords for the given lengths (a canonical prefix code), which exist whenever the
/// lengths satisfy Kraft's inequality: shortest first, each the previous plus one, shifted.
pub fn canonical_codewords(lengths: &[u32]) -> Vec<String> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| (lengths[i], i));
    let mut words = vec![String::new(); lengths.len()];
    let mut code: u64 = 0;
    let mut previous = lengths[order[0]];
    for (k, &i) in order.iter().enumerate() {
        if k > 0 {
            code = (code + 1) << (lengths[i] - previous);
        }
        previous = lengths[i];
        words[i] = format!("{code:0width$b}", width = lengths[i] as usize);
    }
    words
}

/// Whether no codeword is a prefix of another.
pub fn is_prefix_free(words: &[String]) -> bool {
    words.iter().enumerate().all(|(i, a)| {
        words
            .iter()
            .enumerate()
            .all(|(j, b)| i == j || !b.starts_with(a.as_str()))
    })
}

/// Kraft's sum `Σ 2^-ℓ_i` as an exact fraction `numerator / 2^max_length`.
pub fn kraft_sum(lengths: &[u32]) -> (u64, u64) {
    let max = *lengths.iter().max().expect("lengths");
    let numerator = lengths.iter().map(|&l| 1u64 << (max - l)).sum();
    (numerator, 1u64 << max)
}

/// The worked example, computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Worked {
    pub prior: Prior,
    /// Huffman's lengths for the prior.
    pub lengths: Vec<u32>,
    pub codewords: Vec<String>,
    /// Shannon's lengths `⌈-log2 p_i⌉`.
    pub shannon: Vec<u32>,
    /// Huffman's lengths for the reversed prior: another "efficient language".
    pub other_lengths: Vec<u32>,
}

impl Worked {
    pub fn new(prior: Prior) -> Self {
        let lengths = huffman_lengths(&prior.weights);
        let codewords = canonical_codewords(&lengths);
        let shannon = (0..prior.weights.len())
            .map(|i| prior.surprisal(i).ceil() as u32)
            .collect();
        let other_lengths = huffman_lengths(&prior.reversed().weights);
        Worked {
            prior,
            lengths,
            codewords,
            shannon,
            other_lengths,
        }
    }

    /// Mean Huffman code length in bits.
    pub fn mean_length(&self) -> f64 {
        self.mean_length_of(&self.lengths)
    }

    /// Mean length in bits of a code with the given lengths, under the example's prior.
    pub fn mean_length_of(&self, lengths: &[u32]) -> f64 {
        lengths
            .iter()
            .enumerate()
            .map(|(i, &l)| self.prior.p(i) * f64::from(l))
            .sum()
    }

    /// Mean code length minus the entropy: in `[0, 1)` for an optimal code.
    pub fn redundancy(&self) -> f64 {
        self.redundancy_of(&self.lengths)
    }

    /// Mean length minus the entropy for a code with the given lengths, under the example's
    /// prior.
    pub fn redundancy_of(&self, lengths: &[u32]) -> f64 {
        self.mean_length_of(lengths) - self.prior.entropy()
    }

    /// Whether a code with the given lengths is efficient for the example's prior: its
    /// canonical codewords are prefix-free, it meets Kraft's inequality with equality, it
    /// never gives a less probable hypothesis a strictly shorter codeword, and its mean
    /// length is within one bit of the entropy.
    pub fn is_efficient(&self, lengths: &[u32]) -> bool {
        let (num, den) = kraft_sum(lengths);
        is_prefix_free(&canonical_codewords(lengths))
            && num == den
            && self.ranks_agree_for(lengths)
            && (0.0..1.0).contains(&self.redundancy_of(lengths))
    }

    /// Largest `|ℓ_i − (−log2 p_i)|` over the hypotheses, for the given lengths.
    pub fn largest_rounding(&self, lengths: &[u32]) -> f64 {
        lengths
            .iter()
            .enumerate()
            .map(|(i, &l)| (f64::from(l) - self.prior.surprisal(i)).abs())
            .fold(0.0, f64::max)
    }

    /// Whether ranking by code length ("simplest first") never puts a less probable
    /// hypothesis strictly before a more probable one.
    pub fn ranks_agree(&self) -> bool {
        self.ranks_agree_for(&self.lengths)
    }

    /// The same, for a code with the given lengths.
    pub fn ranks_agree_for(&self, lengths: &[u32]) -> bool {
        let w = &self.prior.weights;
        (0..w.len()).all(|i| (0..w.len()).all(|j| w[i] <= w[j] || lengths[i] <= lengths[j]))
    }

    /// Hypotheses that one efficient code calls strictly simpler and the other strictly
    /// more complex than a second hypothesis: pairs ranked in opposite orders.
    pub fn pairs_reversed(&self) -> usize {
        pairs_reversed(&self.lengths, &self.other_lengths)
    }

    /// Whether the prior implied by the code, `2^-ℓ_i` normalised by Kraft's sum, is within a
    /// factor 2 of the true prior for every hypothesis (lengths within one bit of `-log2 p`).
    pub fn implied_prior_within_factor_two(&self) -> bool {
        self.implied_prior_within_factor_two_for(&self.lengths)
    }

    /// The same, for a code with the given lengths.
    pub fn implied_prior_within_factor_two_for(&self, lengths: &[u32]) -> bool {
        let (num, den) = kraft_sum(lengths);
        let kraft = num as f64 / den as f64;
        lengths.iter().enumerate().all(|(i, &l)| {
            let implied = 2f64.powi(-(l as i32)) / kraft;
            let ratio = implied / self.prior.p(i);
            (0.5..2.0).contains(&ratio)
        })
    }
}

/// Pairs of hypotheses that a code with lengths `a` calls strictly simpler one way and a code
/// with lengths `b` strictly simpler the other way.
pub fn pairs_reversed(a: &[u32], b: &[u32]) -> usize {
    let n = a.len();
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| (a[i] < a[j] && b[i] > b[j]) || (a[i] > a[j] && b[i] < b[j]))
        .count()
}

/// The worked example of the book.
pub fn worked() -> Worked {
    Worked::new(Prior::zipf12())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huffman_of_dyadic_weights_is_exactly_minus_log2_p() {
        // p = 1/2, 1/4, 1/8, 1/8: lengths 1, 2, 3, 3 and Kraft's sum exactly 1.
        let lengths = huffman_lengths(&[4, 2, 1, 1]);
        assert_eq!(lengths, vec![1, 2, 3, 3]);
        assert_eq!(kraft_sum(&lengths), (8, 8));
        let words = canonical_codewords(&lengths);
        assert_eq!(words, vec!["0", "10", "110", "111"]);
        assert!(is_prefix_free(&words));
    }

    #[test]
    fn a_code_that_breaks_kraft_cannot_be_prefix_free() {
        // Three one-bit words: Kraft's sum 3/2, and two of them must collide.
        assert_eq!(kraft_sum(&[1, 1, 1]), (3, 2));
        assert!(!is_prefix_free(&canonical_codewords(&[1, 1, 1])));
    }

    #[test]
    fn the_worked_example_is_an_optimal_prefix_code() {
        let w = worked();
        assert!(is_prefix_free(&w.codewords));
        let (num, den) = kraft_sum(&w.lengths);
        assert_eq!(num, den, "a Huffman code is complete");
        let r = w.redundancy();
        assert!((0.0..1.0).contains(&r), "{r}");
        // Huffman is no longer on average than Shannon's rounded-up lengths.
        let shannon_mean: f64 = w
            .shannon
            .iter()
            .enumerate()
            .map(|(i, &l)| w.prior.p(i) * f64::from(l))
            .sum();
        assert!(w.mean_length() <= shannon_mean);
        assert!(w.ranks_agree());
        assert!(w.pairs_reversed() > 0);
        assert!(w.is_efficient(&w.lengths));
        // The code efficient for the reversed prior is not efficient for this one, and two
        // efficient codes for the same prior never rank a pair in opposite orders.
        assert!(!w.is_efficient(&w.other_lengths));
        assert_eq!(pairs_reversed(&w.lengths, &w.shannon), 0);
    }
}
