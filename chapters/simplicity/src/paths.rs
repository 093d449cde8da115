//! The paths through a residual network, counted exactly (Veit, Wilber & Belongie 2016).
//!
//! A residual block computes `x + F(x)`; unrolled, a network of `n` blocks is a sum over
//! `2^n` paths, each choosing at every block either the skip connection or the branch `F`.
//! A path's length is the number of branches it passes through, so `C(n, k)` of the paths
//! have length `k`: for `n = 54` (the 110-layer network) the lengths are Binomial(54, ½).
//! Veit et al. find that almost all the gradient comes from paths through 5 to 17 blocks.

/// `C(n, k)` exactly (`n ≤ 100`, so every value fits a `u128`).
pub fn binomial(n: u32, k: u32) -> u128 {
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    (0..k).fold(1u128, |c, i| c * u128::from(n - i) / u128::from(i + 1))
}

/// The number of paths of each length `0..=n` through `n` residual blocks.
pub fn path_counts(n: u32) -> Vec<u128> {
    (0..=n).map(|k| binomial(n, k)).collect()
}

/// The share of the `2^n` paths whose length lies in `lo..=hi`, as the exact fraction
/// `(numerator, 2^n)`.
pub fn share_of_lengths(n: u32, lo: u32, hi: u32) -> (u128, u128) {
    let numerator = (lo..=hi.min(n)).map(|k| binomial(n, k)).sum();
    (numerator, 1u128 << n)
}

/// The ResNet of Veit et al.'s gradient analysis: 110 layers, 54 residual blocks.
pub const VEIT_BLOCKS: u32 = 54;

/// Their effective path lengths, in blocks.
pub const EFFECTIVE: (u32, u32) = (5, 17);

/// The share of Veit et al.'s network's paths that are effective, in percent.
pub fn effective_share_percent() -> f64 {
    let (num, den) = share_of_lengths(VEIT_BLOCKS, EFFECTIVE.0, EFFECTIVE.1);
    100.0 * num as f64 / den as f64
}

/// The share, in percent, of the `2^n` paths whose length lies in the band of `width`
/// lengths centred on the typical length `n / 2`.
pub fn centred_band_share_percent(n: u32, width: u32) -> f64 {
    let lo = (n / 2).saturating_sub(width / 2);
    let (num, den) = share_of_lengths(n, lo, lo + width - 1);
    100.0 * num as f64 / den as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_binomial_and_add_up() {
        assert_eq!(binomial(54, 27), 1_946_939_425_648_112);
        let counts = path_counts(54);
        assert_eq!(counts.iter().sum::<u128>(), 1u128 << 54);
        assert_eq!(counts[0], 1);
        assert_eq!(counts[1], 54);
    }

    #[test]
    fn the_effective_share_is_exact() {
        let (num, den) = share_of_lengths(54, 5, 17);
        // Σ_{k=5}^{17} C(54, k), summed independently with a running product.
        let mut c: u128 = 1;
        let mut sum = 0;
        for k in 0..=17u128 {
            if k >= 5 {
                sum += c;
            }
            c = c * (54 - k) / (k + 1);
        }
        assert_eq!(num, sum);
        assert_eq!(den, 18_014_398_509_481_984);
        let p = effective_share_percent();
        assert!((0.4536..0.4538).contains(&p), "{p}");
    }

    #[test]
    fn a_band_centred_on_the_typical_length_holds_most_paths() {
        // Lengths 21..=33 of 54: within about 1.8 standard deviations (√54 / 2 ≈ 3.7) of 27.
        let p = centred_band_share_percent(54, 13);
        let (num, den) = share_of_lengths(54, 21, 33);
        assert_eq!(p, 100.0 * num as f64 / den as f64);
        assert!((90.0..96.0).contains(&p), "{p}");
    }
}
