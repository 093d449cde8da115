//! Distributions over a finite set of outcomes, as vectors of probabilities: the softmax that
//! turns logits into a policy, and the divergences the chapter measures.

/// `softmax(logits)`, computed stably (the largest logit is subtracted first).
pub fn softmax(logits: &[f64]) -> Vec<f64> {
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = logits.iter().map(|&l| (l - max).exp()).collect();
    let z: f64 = e.iter().sum();
    e.into_iter().map(|x| x / z).collect()
}

/// `KL(p ‖ q) = Σ p log(p/q)` in nats; outcomes with `p = 0` contribute nothing.
pub fn kl(p: &[f64], q: &[f64]) -> f64 {
    p.iter()
        .zip(q)
        .filter(|(pi, _)| **pi > 0.0)
        .map(|(pi, qi)| pi * (pi / qi).ln())
        .sum()
}

/// Shannon entropy in nats.
pub fn entropy(p: &[f64]) -> f64 {
    p.iter().filter(|x| **x > 0.0).map(|x| -x * x.ln()).sum()
}

/// The largest absolute difference between two vectors.
pub fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

/// The index of the largest value (the first on ties).
pub fn argmax(values: &[f64]) -> usize {
    nets::loss::argmax(values.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_sums_to_one_and_survives_huge_logits() {
        let p = softmax(&[1000.0, 1000.0, 0.0]);
        assert!((p[0] - 0.5).abs() < 1e-12 && p[2] < 1e-300);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }

    #[test]
    fn kl_is_zero_only_on_equal_distributions() {
        let p = [0.2, 0.3, 0.5];
        assert_eq!(kl(&p, &p), 0.0);
        assert!(kl(&p, &[1.0 / 3.0; 3]) > 0.0);
        // KL to the uniform is log K minus the entropy.
        let gap = kl(&p, &[1.0 / 3.0; 3]) - (3f64.ln() - entropy(&p));
        assert!(gap.abs() < 1e-15);
    }
}
