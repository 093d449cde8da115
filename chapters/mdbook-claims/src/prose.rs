//! Numbers in the ledger's free text (reasons, criteria, rivals) shown as the prose shows
//! them: the chapters write these lines as plain text, for the terminal and the JSON, where
//! `1e-6` and `10^-100` are the usual spellings; on a page they read as 10⁻⁶ and 10⁻¹⁰⁰.

use regex::{Captures, Regex};
use std::sync::LazyLock;

/// `2.5e-7`, `1e8`: a number in Rust's or C's exponent notation.
static EXPONENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+(?:\.\d+)?)[eE]([+-]?\d+)\b").expect("a valid pattern"));

/// `10^-100`, `2^128`, `2^(-128)`: a power written with a caret.
static CARET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d+)\^\(?(-?\d(?:[\d,]*\d)?)\)?").expect("a valid pattern"));

/// An exponent as a superscript, with a true minus sign and no `+` or leading zeros.
fn raised(exponent: &str) -> String {
    let (minus, digits) = match exponent.strip_prefix('-') {
        Some(d) => ("\u{2212}", d),
        None => ("", exponent.trim_start_matches('+')),
    };
    let digits = digits.trim_start_matches('0');
    format!(
        "<sup>{minus}{}</sup>",
        if digits.is_empty() { "0" } else { digits }
    )
}

/// `text` with its exponent and caret notations turned into superscripts.
pub fn numbers(text: &str) -> String {
    let text = EXPONENT.replace_all(text, |c: &Captures| {
        let mantissa = &c[1];
        if mantissa == "1" {
            format!("10{}", raised(&c[2]))
        } else {
            format!("{mantissa} × 10{}", raised(&c[2]))
        }
    });
    CARET
        .replace_all(&text, |c: &Captures| format!("{}{}", &c[1], raised(&c[2])))
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn exponents_are_raised_as_in_the_prose() {
        assert_eq!(numbers("ridge λ = 1e-6"), "ridge λ = 10<sup>−6</sup>");
        assert_eq!(
            numbers("a gap of 2.5e-07 at 1e8 steps"),
            "a gap of 2.5 × 10<sup>−7</sup> at 10<sup>8</sup> steps"
        );
        assert_eq!(
            numbers("below 10^-100, and 2^128, 2^(-128)"),
            "below 10<sup>−100</sup>, and 2<sup>128</sup>, 2<sup>−128</sup>"
        );
        assert_eq!(numbers("1e+03 or 1E0"), "10<sup>3</sup> or 10<sup>0</sup>");
        assert_eq!(numbers("2^430,100,828."), "2<sup>430,100,828</sup>.");
    }

    #[test]
    fn words_and_plain_numbers_are_left_alone() {
        for text in [
            "e.g. 1.5 and 3e",
            "seed e2e",
            "x^2 and 12,000",
            "a 1-e-6 typo",
        ] {
            assert_eq!(numbers(text), text);
        }
    }
}
