//! Numbers as the figures print them: exponents as Unicode superscripts (`10⁸`,
//! `2.9 × 10⁻³⁹`), a true minus sign, no `-0`, and no decimals an axis does not need.
//!
//! SVG text has no markup for superscripts that every viewer honours, so exponents are the
//! Unicode superscript digits, which any `sans-serif` face has.

use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use std::ops::Range;

/// The minus sign figures print (U+2212), not the hyphen.
pub const MINUS: char = '−';

/// The number of labels plotters puts on an axis unless told otherwise (`x_labels`,
/// `y_labels`).
pub const LABELS: usize = 11;

/// An integer in Unicode superscript digits, with a superscript minus: `-39` → `⁻³⁹`.
pub fn superscript(n: i64) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        out.push(DIGITS[c.to_digit(10).expect("a decimal digit") as usize]);
    }
    out
}

/// Ten to an integer power: `8` → `10⁸`, `-11` → `10⁻¹¹`.
pub fn power_of_ten(exponent: i64) -> String {
    format!("10{}", superscript(exponent))
}

/// Two to an integer power, written as the power: `-128` → `2⁻¹²⁸`.
pub fn power_of_two(exponent: i64) -> String {
    format!("2{}", superscript(exponent))
}

/// `x` in scientific notation to `digits` significant digits, trailing zeros dropped:
/// `2.5e-7` → `2.5 × 10⁻⁷`, `1e-11` → `10⁻¹¹`, `2.94e-39` to 2 digits → `2.9 × 10⁻³⁹`.
/// An exponent of zero prints no power (`2.5`), and zero prints `0`.
pub fn scientific(x: f64, digits: usize) -> String {
    if x == 0.0 || !x.is_finite() {
        return plain(x, 0);
    }
    let digits = digits.max(1);
    let sign = if x < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let mut exponent = x.abs().log10().floor() as i64;
    let mut mantissa = x.abs() / 10f64.powi(exponent as i32);
    // Rounding may carry into the next power (9.96 to two digits is 10).
    let scale = 10f64.powi(digits as i32 - 1);
    if (mantissa * scale).round() >= 10.0 * scale {
        mantissa /= 10.0;
        exponent += 1;
    } else if (mantissa * scale).round() < scale {
        // log10 landed just below an exact power.
        mantissa *= 10.0;
        exponent -= 1;
    }
    let m = trim_zeros(format!("{:.*}", digits - 1, mantissa));
    match (m.as_str(), exponent) {
        (m, 0) => format!("{sign}{m}"),
        ("1", e) => format!("{sign}{}", power_of_ten(e)),
        (m, e) => format!("{sign}{m} × {}", power_of_ten(e)),
    }
}

/// A number for a figure's label or legend, to `digits` significant digits (but the integer
/// part always in full) with trailing zeros dropped: positional from 0.001 up to 100,000
/// (`0.25`, `-3` → `−3`, `1234`), scientific outside ([`scientific`]); never `-0`.
pub fn number(x: f64, digits: usize) -> String {
    let magnitude = x.abs();
    if x == 0.0 || !(1e-3..1e5).contains(&magnitude) {
        return scientific(x, digits);
    }
    let digits = digits.max(1) as i64;
    let exponent = magnitude.log10().floor() as i64;
    let decimals = (digits - 1 - exponent).max(0) as usize;
    trim_zeros(plain(x, decimals))
}

/// A tick label for a logarithmic axis: a power of ten as `10ᵏ` (`1e-11` → `10⁻¹¹`, `1` →
/// `10⁰`), any other tick in scientific notation to two digits (`2 × 10⁻³`).
pub fn log_tick(x: f64) -> String {
    if x <= 0.0 || !x.is_finite() {
        return plain(x, 0);
    }
    let e = x.log10().round();
    if (x / 10f64.powf(e) - 1.0).abs() < 1e-9 {
        power_of_ten(e as i64)
    } else {
        scientific(x, 2)
    }
}

/// `x` with `decimals` decimals, a true minus sign, and `0` for anything that rounds to zero
/// (no `-0.0`).
pub fn plain(x: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{text}")
    } else {
        text
    }
}

/// The labels of a linear axis over `range` carrying `labels` tick labels (plotters' own
/// choice of ticks, [`LABELS`] unless the chart sets another): every label with the same
/// number of decimals, as few as the ticks need, so an axis of whole numbers shows none
/// (`0`, `2`, `4`) and one in halves shows one (`0.0`, `0.5`, `1.0`); no `-0.0`.
///
/// A value finer than the ticks (should plotters ask for one) gets the decimals it needs.
pub fn linear_ticks(range: Range<f64>, labels: usize) -> impl Fn(&f64) -> String {
    let ticks = RangedCoordf64::from(range).key_points(labels);
    let decimals = ticks.iter().map(|&t| decimals_needed(t)).max().unwrap_or(0);
    move |x: &f64| plain(*x, decimals.max(decimals_needed(*x)))
}

/// The fewest decimals (at most six) that print `x` without visible rounding.
fn decimals_needed(x: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = x * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// `2.50` → `2.5`, `1.0` → `1`, `120` → `120`.
fn trim_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_are_superscripts() {
        assert_eq!(superscript(-39), "⁻³⁹");
        assert_eq!(superscript(1_024), "¹⁰²⁴");
        assert_eq!(superscript(0), "⁰");
        assert_eq!(power_of_ten(8), "10⁸");
        assert_eq!(power_of_two(-128), "2⁻¹²⁸");
    }

    #[test]
    fn scientific_notation_reads_as_the_page_writes_it() {
        assert_eq!(scientific(1e-11, 2), "10⁻¹¹");
        assert_eq!(scientific(2.5e-7, 2), "2.5 × 10⁻⁷");
        assert_eq!(scientific(2f64.powi(-128), 2), "2.9 × 10⁻³⁹");
        assert_eq!(scientific(1e-6, 3), "10⁻⁶");
        assert_eq!(scientific(-3e12, 2), "−3 × 10¹²");
        assert_eq!(scientific(9.96e4, 2), "10⁵");
        assert_eq!(scientific(2.5, 2), "2.5");
        assert_eq!(scientific(0.0, 2), "0");
        assert_eq!(scientific(-0.0, 2), "0");
        // Powers of ten whose log10 falls a hair below the integer.
        for e in (-40..40).filter(|&e| e != 0) {
            assert_eq!(scientific(10f64.powi(e), 3), power_of_ten(e.into()), "{e}");
        }
        assert_eq!(scientific(1.0, 3), "1");
    }

    #[test]
    fn numbers_print_positionally_in_the_middle_range() {
        assert_eq!(number(0.25, 2), "0.25");
        assert_eq!(number(2.0, 3), "2");
        assert_eq!(number(-3.0, 2), "−3");
        assert_eq!(number(1234.0, 2), "1234");
        assert_eq!(number(12.345, 3), "12.3");
        assert_eq!(number(0.001, 2), "0.001");
        assert_eq!(number(1e-6, 2), "10⁻⁶");
        assert_eq!(number(1e11, 2), "10¹¹");
        assert_eq!(number(-0.0, 2), "0");
    }

    #[test]
    fn log_ticks_are_powers_of_ten() {
        assert_eq!(log_tick(1e-11), "10⁻¹¹");
        assert_eq!(log_tick(1e8), "10⁸");
        assert_eq!(log_tick(1.0), "10⁰");
        assert_eq!(log_tick(1e-3), "10⁻³");
        assert_eq!(log_tick(2e-3), "2 × 10⁻³");
    }

    #[test]
    fn no_negative_zero_and_a_true_minus() {
        assert_eq!(plain(-0.0, 1), "0.0");
        assert_eq!(plain(-1e-17, 1), "0.0");
        assert_eq!(plain(-0.04, 1), "0.0");
        assert_eq!(plain(-0.5, 1), "−0.5");
        assert_eq!(plain(-2.0, 0), "−2");
    }

    #[test]
    fn an_axis_gets_the_decimals_its_ticks_need() {
        let whole = linear_ticks(0.0..10.0, LABELS);
        assert_eq!(whole(&2.0), "2");
        assert_eq!(whole(&-0.0), "0");
        let halves = linear_ticks(0.0..5.0, LABELS);
        assert_eq!(halves(&0.0), "0.0");
        assert_eq!(halves(&1.0), "1.0");
        assert_eq!(halves(&2.5), "2.5");
        // Ticks computed with rounding error: no "-0.0", no long tails.
        let symmetric = linear_ticks(-1.05..1.05, LABELS);
        assert_eq!(symmetric(&-1e-17), "0.0");
        assert_eq!(symmetric(&(0.1 + 0.2)), "0.3");
        assert_eq!(symmetric(&-0.4), "−0.4");
        // A value finer than the ticks keeps its digits.
        assert_eq!(whole(&2.5), "2.5");
        let fine = linear_ticks(0.0..0.003, LABELS);
        assert_eq!(fine(&0.0015), "0.0015");
        assert_eq!(fine(&0.001), "0.0010");
    }
}
