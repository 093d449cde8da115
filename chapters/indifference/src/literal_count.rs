//! A literal count of parameter settings: the book's 7-40-40-1 network in float32.
//!
//! Carlsmith uses "count" loosely, for a measure, and notes that on a real computer the set
//! of parameter settings is finite, so a literal count exists. For a network of `P`
//! parameters stored in 32 bits each it has `2^(32·P)` members. Counting them equally is
//! itself a measure, though, and not the one the parameter count of the crux uses: equal
//! weight on every bit pattern gives most of the weight to values that initialisation never
//! draws. Half of all float32 patterns have a magnitude below one, spread evenly over the
//! exponents down to about `10^-45`; the rest reach `3.4 × 10^38`, and `2^24` of the
//! `2^32` patterns are infinities or NaN. This module counts, exactly from the float32
//! format, the share of settings whose every parameter lies inside the support of the
//! initialisation the book's networks are drawn from (Valle-Pérez et al.'s,
//! [`nets::InitDist::ValleePerez`]: weights and biases alike on `±√3·gain/√fan_in`), and the
//! share whose every parameter is finite.

use crate::symmetries::SIZES;
use certified::Enclosure;
use certified::elementary::{ln, ln2, to_log10};
use nets::Activation;

/// How many float32 bit patterns there are: `2^32`.
const PATTERNS: u64 = 1 << 32;

/// Bit patterns that are infinite or NaN: exponent bits all ones, either sign, any of the
/// `2^23` mantissas.
pub const NON_FINITE_PATTERNS: u64 = 1 << 24;

/// The float32 values in `[-limit, limit]`: every pattern of either sign whose magnitude is
/// at most the largest float32 not above `limit` (float32 magnitudes order as their bit
/// patterns do), the two zeros included.
///
/// # Panics
/// If `limit` is not finite and positive.
pub fn patterns_within(limit: f64) -> u64 {
    assert!(limit.is_finite() && limit > 0.0, "a finite positive limit");
    let mut top = limit as f32;
    if f64::from(top) > limit {
        top = f32::from_bits(top.to_bits() - 1);
    }
    2 * (u64::from(top.to_bits()) + 1)
}

/// One group of parameters that share an initialisation range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    /// How many parameters.
    pub count: u64,
    /// The half-width of the uniform initialisation they are drawn from.
    pub limit: f64,
}

/// The parameter groups of a ReLU network of these layer widths, with biases, initialised as
/// [`nets::Mlp::new`] does with [`nets::InitDist::ValleePerez`] and the standard
/// parametrisation: a layer's biases share its weights' range.
pub fn groups(sizes: &[usize]) -> Vec<Group> {
    let depth = sizes.len() - 1;
    (0..depth)
        .flat_map(|l| {
            let (fan_in, fan_out) = (sizes[l] as u64, sizes[l + 1] as u64);
            let gain = if l + 1 == depth {
                1.0
            } else {
                Activation::Relu.gain()
            };
            let limit = gain * (3.0 / fan_in as f64).sqrt();
            [
                Group {
                    count: fan_in * fan_out,
                    limit,
                },
                Group {
                    count: fan_out,
                    limit,
                },
            ]
        })
        .collect()
}

/// The literal count and what equal weight on its members gives, as certified enclosures of
/// base-10 logarithms.
#[derive(Clone, Debug)]
pub struct LiteralCount {
    /// Parameters of the network.
    pub parameters: u64,
    /// `log10(2^(32·P))`: how many float32 settings there are.
    pub log10_settings: Enclosure,
    /// `log10` of the share of settings with every parameter finite.
    pub log10_all_finite: Enclosure,
    /// `log10` of the share of settings with every parameter inside the initialisation's
    /// support: the weight that equal counting gives to what initialisation can draw.
    pub log10_inside_initialisation: Enclosure,
}

/// The literal count of the float32 settings of a network of these layer widths.
pub fn count(sizes: &[usize]) -> LiteralCount {
    let groups = groups(sizes);
    let parameters: u64 = groups.iter().map(|g| g.count).sum();
    let ln_patterns = ln(PATTERNS);
    let ln_inside = groups
        .iter()
        .map(|g| (&ln(patterns_within(g.limit)) - &ln_patterns).mul_int(g.count))
        .fold(Enclosure::from_int(0), |acc, x| &acc + &x);
    let ln_finite_share = &ln(PATTERNS - NON_FINITE_PATTERNS) - &ln_patterns;
    LiteralCount {
        parameters,
        log10_settings: to_log10(&ln2().mul_int(32 * parameters)),
        log10_all_finite: to_log10(&ln_finite_share.mul_int(parameters)),
        log10_inside_initialisation: to_log10(&ln_inside),
    }
}

/// The book's network.
pub fn book_network() -> LiteralCount {
    count(&SIZES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_counted_from_the_float32_format() {
        // [-1, 1]: every pattern below 1.0's (0x3f80_0000) and 1.0 itself, either sign.
        assert_eq!(patterns_within(1.0), 2 * (0x3f80_0000 + 1));
        // Just below 1: one pattern fewer on each side.
        assert_eq!(patterns_within(1.0 - 1e-9), 2 * 0x3f80_0000);
        // The largest finite float32 bounds every finite pattern.
        assert_eq!(
            patterns_within(f64::from(f32::MAX)),
            PATTERNS - NON_FINITE_PATTERNS
        );
        // The smallest subnormal: the two zeros and it, either sign.
        assert_eq!(patterns_within(f64::from(f32::from_bits(1))), 4);
    }

    #[test]
    fn the_book_network_has_its_parameters_in_six_groups() {
        let g = groups(&SIZES);
        let counts: Vec<u64> = g.iter().map(|g| g.count).collect();
        assert_eq!(counts, [280, 40, 1600, 40, 40, 1]);
        assert!((g[0].limit - (6.0f64 / 7.0).sqrt()).abs() < 1e-15);
        // Valle-Pérez et al.'s initialisation: a hidden layer's biases share its weights'
        // range, the output layer's too.
        assert!((g[1].limit - (6.0f64 / 7.0).sqrt()).abs() < 1e-15);
        assert!((g[3].limit - (6.0f64 / 40.0).sqrt()).abs() < 1e-15);
        assert!((g[4].limit - (3.0f64 / 40.0).sqrt()).abs() < 1e-15);
        assert!((g[5].limit - (3.0f64 / 40.0).sqrt()).abs() < 1e-15);
        let c = book_network();
        assert_eq!(c.parameters, 2001);
        // 32 · 2001 · log10 2 = 19,275.9…
        assert!(c.log10_settings.contains_f64(32.0 * 2001.0 * 2f64.log10()));
        assert!(c.log10_settings.width_f64() < 1e-9);
        // (255/256)^2001.
        assert!(
            c.log10_all_finite
                .contains_f64(2001.0 * (255.0f64 / 256.0).log10())
        );
        // Each parameter's share is just under one half (magnitudes below one are half the
        // patterns), so the product is near 2^-2001.
        let inside = c.log10_inside_initialisation.lo_f64();
        assert!(
            (-2001.0 * 0.32..-2001.0 * 0.30).contains(&inside),
            "{inside}"
        );
    }
}
