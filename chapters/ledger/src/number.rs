//! Quantities and the one function that prints them.
//!
//! Every number the book shows — in prose, in the ledger, in the JSON export, in a
//! notebook — goes through [`format`], so the book cannot print the same quantity two ways.
//! Values beyond `f64` (`10^430,100,828`, `10^-184,946,674`) are carried as rigorous bounds
//! on their base-10 logarithm; they print only when both bounds give the same digits.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A computed number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// An exact integer, such as a count.
    Integer(i128),
    /// A real number that `f64` holds.
    Real(f64),
    /// A positive number too large or too small for `f64`, known through bounds
    /// `lo ≤ log10(x) ≤ hi`.
    Log10 { lo: f64, hi: f64 },
}

impl Quantity {
    /// The value as an `f64`, for criteria that compare it with a threshold: a real as it
    /// is, a count converted (exact up to 2^53), a logarithm's midpoint raised to a power
    /// of ten (zero or infinity beyond the range of `f64`).
    pub fn to_f64(&self) -> f64 {
        match *self {
            Quantity::Integer(n) => n as f64,
            Quantity::Real(x) => x,
            Quantity::Log10 { lo, hi } => 10f64.powf(lo + (hi - lo) / 2.0),
        }
    }
}

/// Where the formatted text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// ASCII exponents (`10^430,100,828`, `10^-3`), for the terminal and JSON.
    Plain,
    /// HTML superscripts and a true minus sign, for the book's pages.
    Html,
}

/// The bounds of a [`Quantity::Log10`] print different digits, so no digit can be vouched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoundsDisagree {
    pub lower: String,
    pub upper: String,
}

impl fmt::Display for BoundsDisagree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the bounds print differently ({} vs {})",
            self.lower, self.upper
        )
    }
}

impl std::error::Error for BoundsDisagree {}

/// A count as the ledger prints it, in plain text with thousands grouped (`4,000,000`).
/// Any of Rust's integer types up to 64 bits converts.
pub fn count(n: impl TryInto<i128>) -> String {
    let n = n
        .try_into()
        .ok()
        .expect("a count of at most 64 bits fits an i128");
    group_thousands(n, Style::Plain)
}

/// A real as the ledger prints it in plain text, to `digits` significant digits: for the
/// numbers a criterion's text reports beside the claim's own value.
pub fn real(x: f64, digits: usize) -> String {
    format_real(x, digits, Style::Plain)
}

/// Prints `q` with `digits` significant digits (integers always print in full).
///
/// # Errors
/// [`BoundsDisagree`] when `q` is a [`Quantity::Log10`] whose bounds round differently.
///
/// # Examples
/// ```
/// use ledger::number::{format, Quantity, Style};
/// let q = Quantity::Log10 { lo: 430_100_828.041_39, hi: 430_100_828.041_40 };
/// assert_eq!(format(&q, 3, Style::Plain).unwrap(), "1.10 × 10^430,100,828");
/// assert_eq!(format(&Quantity::Integer(100_000_000), 3, Style::Plain).unwrap(), "100,000,000");
/// ```
pub fn format(q: &Quantity, digits: usize, style: Style) -> Result<String, BoundsDisagree> {
    match *q {
        Quantity::Integer(n) => Ok(group_thousands(n, style)),
        Quantity::Real(x) => Ok(format_real(x, digits, style)),
        Quantity::Log10 { lo, hi } => {
            let lower = format_log10(lo, digits, style);
            let upper = format_log10(hi, digits, style);
            if lower == upper {
                Ok(lower)
            } else {
                Err(BoundsDisagree { lower, upper })
            }
        }
    }
}

/// `1234567` → `1,234,567`.
pub(crate) fn group_thousands(n: i128, style: Style) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert_str(0, minus(style));
    }
    out
}

fn minus(style: Style) -> &'static str {
    match style {
        Style::Plain => "-",
        Style::Html => "−",
    }
}

/// Ordinary reals print positionally between 10^-4 and 10^9, in scientific form outside.
fn format_real(x: f64, digits: usize, style: Style) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    let sign = if x.is_sign_negative() {
        minus(style)
    } else {
        ""
    };
    let magnitude = x.abs().log10().floor();
    let body = if (-4.0..9.0).contains(&magnitude) {
        let decimals = (digits as i64 - 1 - magnitude as i64).max(0) as usize;
        let text = format!("{:.*}", decimals, x.abs());
        // Group the integer part when it is long, as the sources do ("100,000,000").
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = group_thousands(int.parse().expect("digits"), style);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        out
    } else {
        format_log10(x.abs().log10(), digits, style)
    };
    format!("{sign}{body}")
}

/// `m × 10^e` for the number whose base-10 logarithm is `l`.
fn format_log10(l: f64, digits: usize, style: Style) -> String {
    let digits = digits.max(1);
    let mut exponent = l.floor();
    let mut mantissa = 10f64.powf(l - exponent);
    let scale = 10f64.powi(digits as i32 - 1);
    if (mantissa * scale).round() >= 10.0 * scale {
        mantissa /= 10.0;
        exponent += 1.0;
    }
    let m = format!("{:.*}", digits - 1, mantissa);
    let e = group_thousands(exponent as i128, style);
    match style {
        Style::Plain => format!("{m} × 10^{e}"),
        Style::Html => format!("{m} × 10<sup>{e}</sup>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_prints_with_its_thousands_grouped() {
        assert_eq!(count(4_000_000u64), "4,000,000");
        assert_eq!(count(992usize), "992");
        assert_eq!(count(0u32), "0");
    }

    #[test]
    fn a_real_prints_in_plain_text_to_its_digits() {
        assert_eq!(real(0.013_04, 2), "0.013");
        assert_eq!(real(-0.000_22, 2), "-0.00022");
        assert_eq!(real(2.8e-5, 2), "2.8 × 10^-5");
    }

    #[test]
    fn huge_and_tiny_values_print_as_the_sources_print_them() {
        let tiny = Quantity::Log10 {
            lo: -184_946_673.560_0,
            hi: -184_946_673.559_9,
        };
        assert_eq!(
            format(&tiny, 3, Style::Plain).unwrap(),
            "2.75 × 10^-184,946,674"
        );
        assert_eq!(
            format(&tiny, 3, Style::Html).unwrap(),
            "2.75 × 10<sup>−184,946,674</sup>"
        );
    }

    #[test]
    fn a_mantissa_that_rounds_to_ten_carries_into_the_exponent() {
        let q = Quantity::Log10 {
            lo: 4.999_999,
            hi: 4.999_999_9,
        };
        assert_eq!(format(&q, 3, Style::Plain).unwrap(), "1.00 × 10^5");
    }

    #[test]
    fn bounds_that_round_apart_are_refused() {
        let q = Quantity::Log10 { lo: 0.0, hi: 0.5 };
        assert!(format(&q, 3, Style::Plain).is_err());
    }

    #[test]
    fn reals_print_with_their_significant_digits() {
        assert_eq!(format_real(178.6154, 4, Style::Plain), "178.6");
        assert_eq!(format_real(0.5, 2, Style::Plain), "0.50");
        assert_eq!(format_real(-1234.5, 5, Style::Html), "−1,234.5");
        assert_eq!(format_real(2.5e-7, 2, Style::Plain), "2.5 × 10^-7");
        assert_eq!(format_real(-2.5e-7, 2, Style::Plain), "-2.5 × 10^-7");
        assert_eq!(
            format_real(-3.0e12, 2, Style::Html),
            "−3.0 × 10<sup>12</sup>"
        );
        assert_eq!(format_real(-0.25, 2, Style::Plain), "-0.25");
        assert_eq!(format_real(0.0, 3, Style::Plain), "0");
    }

    #[test]
    fn a_mantissa_that_rounds_up_at_the_printed_digits_carries_even_when_finer_digits_would_not() {
        // 9.996 rounds to 10.0 at three digits, but not at five.
        assert_eq!(
            format_log10(9.996e5f64.log10(), 3, Style::Plain),
            "1.00 × 10^6"
        );
        assert_eq!(
            format_log10(9.996e5f64.log10(), 5, Style::Plain),
            "9.9960 × 10^5"
        );
    }

    #[test]
    fn quantities_compare_as_reals() {
        assert_eq!(Quantity::Integer(19_999).to_f64(), 19_999.0);
        assert_eq!(Quantity::Real(-0.25).to_f64(), -0.25);
        let l = Quantity::Log10 { lo: 1.9, hi: 2.1 }.to_f64();
        assert!((l - 100.0).abs() < 1e-9, "{l}");
        assert_eq!(
            Quantity::Log10 {
                lo: -500.0,
                hi: -400.0
            }
            .to_f64(),
            0.0
        );
        assert_eq!(
            Quantity::Log10 {
                lo: 400.0,
                hi: 400.0
            }
            .to_f64(),
            f64::INFINITY
        );
    }

    #[test]
    fn disagreeing_bounds_say_what_each_prints() {
        let e = BoundsDisagree {
            lower: "1.0".into(),
            upper: "2.0".into(),
        };
        assert_eq!(e.to_string(), "the bounds print differently (1.0 vs 2.0)");
    }
}
