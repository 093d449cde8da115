//! Two measures of how "simple" a Boolean function is: the Lempel-Ziv complexity of its
//! truth table, as Valle-Pérez et al. use it, and its sensitivity to one-bit changes of
//! the input.

use crate::boolean::TruthTable;

/// Length of a truth table of 7 bits.
pub const LENGTH: usize = 128;

/// The Lempel-Ziv (1976) complexity of a binary string: the number of phrases of its
/// exhaustive parsing, by Kaspar & Schuster's algorithm (Phys. Rev. A 36, 842), written as
/// Valle-Pérez et al.'s code runs it (1-based, the string read after a padding symbol).
pub fn lz76(s: &[bool]) -> u32 {
    lz76_by(s.len(), |j| s[j - 1])
}

/// [`lz76`] of the string of length `n` whose 1-based `j`-th symbol is `at(j)`.
fn lz76_by(n: usize, at: impl Fn(usize) -> bool) -> u32 {
    if n < 2 {
        return n as u32;
    }
    let (mut c, mut l, mut i, mut k, mut k_max) = (1u32, 1usize, 0usize, 1usize, 1usize);
    loop {
        if at(i + k) != at(l + k) {
            k_max = k_max.max(k);
            i += 1;
            if i == l {
                c += 1;
                l += k_max;
                if l + 1 > n {
                    break;
                }
                i = 0;
                k = 1;
                k_max = 1;
            } else {
                k = 1;
            }
        } else {
            k += 1;
            if l + k > n {
                c += 1;
                break;
            }
        }
    }
    c
}

/// [`lz76`] of a 128-bit truth table (input 0 first), the same algorithm with each run of
/// matching symbols found at once by `xor` and `trailing_zeros` rather than symbol by
/// symbol: for the phrase starting after `l` symbols, every earlier start `i` is tried, and
/// the phrase grows to one past the longest match unless a match runs to the end.
pub fn lz76_table(t: TruthTable) -> u32 {
    let n = LENGTH;
    let (mut c, mut l) = (1u32, 1usize);
    loop {
        let mut k_max = 1;
        for i in 0..l {
            let matched = (((t >> i) ^ (t >> l)).trailing_zeros() as usize).min(n - l);
            if matched == n - l {
                return c + 1;
            }
            k_max = k_max.max(matched + 1);
        }
        c += 1;
        l += k_max;
        if l + 1 > n {
            return c;
        }
    }
}

/// Valle-Pérez et al.'s complexity estimate: `log2(L)·(LZ(s) + LZ(reverse s))/2`, and
/// `log2(L)` for a constant string. Returned in units of `log2(L)/2 = 3.5` bits, as the
/// integer `LZ(s) + LZ(reverse s)` (or 2 for a constant), so it can index a histogram;
/// [`kc_bits`] converts.
pub fn kc_units(table: TruthTable) -> u32 {
    if table == 0 || table == u128::MAX {
        return 2;
    }
    lz76_table(table) + lz76_table(table.reverse_bits())
}

/// [`kc_units`] in bits.
pub fn kc_bits(units: u32) -> f64 {
    (LENGTH as f64).log2() * f64::from(units) / 2.0
}

/// Average sensitivity on 7 bits: the mean, over inputs, of how many of the 7 one-bit
/// changes of the input change the output. 0 for a constant; 1 for a dictator `x_j`; 7 for
/// parity. A "low-frequency" function has low sensitivity.
pub fn sensitivity(table: TruthTable) -> f64 {
    let flips: u32 = (0..7)
        .map(|j| {
            // Inputs i and i ^ (1 << j) differ in bit j: compare the table with itself so
            // permuted, counting each changed pair twice (once from each end).
            let permuted = (0..LENGTH).fold(0u128, |t, i| t | ((table >> (i ^ (1 << j))) & 1) << i);
            (table ^ permuted).count_ones()
        })
        .sum();
    f64::from(flips) / LENGTH as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boolean::table_of;

    fn parse(s: &str) -> Vec<bool> {
        s.chars().map(|c| c == '1').collect()
    }

    #[test]
    fn lempel_ziv_counts_phrases() {
        // Kaspar & Schuster's example parsing: 0 | 001 | 10 | 100 | 1000 | 101 → 6.
        assert_eq!(lz76(&parse("0001101001000101")), 6);
        assert_eq!(lz76(&parse("0000000000")), 2);
        assert_eq!(lz76(&parse("0101010101")), 3);
    }

    #[test]
    fn the_table_is_read_input_zero_first_and_reversed() {
        let mut r = crate::rng(2);
        let t: u128 = rand::RngExt::random(&mut r);
        let mut s: Vec<bool> = (0..LENGTH).map(|i| t >> i & 1 == 1).collect();
        let forward = lz76(&s);
        s.reverse();
        assert_eq!(kc_units(t), forward + lz76(&s));
        // And the word-at-a-time version agrees with the symbol-at-a-time one.
        for _ in 0..2_000 {
            let t: u128 = rand::RngExt::random(&mut r);
            let sparse =
                t & rand::RngExt::random::<u128>(&mut r) & rand::RngExt::random::<u128>(&mut r);
            for u in [t, sparse, t >> 90, !(t >> 100)] {
                let s: Vec<bool> = (0..LENGTH).map(|i| u >> i & 1 == 1).collect();
                assert_eq!(lz76_table(u), lz76(&s), "{u:x}");
            }
        }
    }

    #[test]
    fn constants_are_simplest_and_random_strings_are_not() {
        assert_eq!(kc_units(0), 2);
        assert_eq!(kc_units(u128::MAX), 2);
        let alternating = table_of(7, |i| i & 1 == 1);
        assert!(kc_units(alternating) <= 8);
        let mut r = crate::rng(1);
        let random: u128 = rand::RngExt::random(&mut r);
        assert!(
            kc_units(random) > 5 * kc_units(alternating),
            "{}",
            kc_units(random)
        );
    }

    #[test]
    fn sensitivity_of_known_functions() {
        assert_eq!(sensitivity(0), 0.0);
        assert_eq!(sensitivity(table_of(7, |i| i & 1 == 1)), 1.0);
        assert_eq!(sensitivity(table_of(7, |i| i.count_ones() % 2 == 1)), 7.0);
    }
}
