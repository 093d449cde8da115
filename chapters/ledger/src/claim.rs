//! A claim: what a source states, what the book computes, and the verdict the computation earns.
//!
//! The verdict is never typed in. [`Claim::assess`] derives it from the stated value, its
//! precision and the computed value; the chapter declares only the verdict its prose relies on
//! ([`Claim::expect`]), and [`Claim::check`] fails, naming the claim, when the computation no
//! longer earns it.

use crate::number::{BoundsDisagree, Quantity, Style, format, group_thousands};
use crate::seed::Seed;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a claim comes from: a seed text and at most one sentence of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub seed: Seed,
    /// The sentence (or part of one) that makes the claim, verbatim.
    pub quote: &'static str,
}

/// What the source states, with the precision it states it to.
#[derive(Clone, Debug, PartialEq)]
pub enum Stated {
    /// An exact integer ("19,999 possible sums"). Tolerance: none.
    Exact(i128),
    /// A rounded number: the digits as printed (`"1.10"`, `"179"`) times `10^exponent`,
    /// qualified as the source qualifies it (`"≈"`, `"roughly"`). Tolerance: half a unit in
    /// the last printed digit, the precision the printed digits claim.
    Rounded {
        qualifier: &'static str,
        digits: &'static str,
        exponent: i64,
    },
    /// A statement checked by a criterion rather than a tolerance.
    Statement(&'static str),
    /// An opinion, or a fact about data or tools the book cannot have.
    Unverifiable(&'static str),
}

/// How far a replication is from the source's own setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// The source's own setting (the arithmetic itself, or the published scale).
    Full,
    /// A scaled-down replication: a positive result supports the claim only qualitatively.
    Small,
}

/// What the book computes for a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Computed {
    /// A number, compared with a [`Stated::Exact`] or [`Stated::Rounded`] value.
    Number(Quantity),
    /// A criterion that decides a [`Stated::Statement`], with the number it rests on.
    Criterion {
        /// When the source's statement holds, in one sentence.
        criterion: String,
        /// Whether the computation finds that it holds.
        holds: bool,
        /// The number the criterion was decided on, as the book prints it.
        value: Quantity,
        scale: Scale,
    },
    /// Nothing can be computed ([`Stated::Unverifiable`]); the reason says why.
    Nothing { why: &'static str },
}

impl Computed {
    /// A criterion decided at the source's own scale (arithmetic, or an experiment as large
    /// as the source's).
    pub fn full(criterion: String, holds: bool, value: Quantity) -> Self {
        Computed::Criterion {
            criterion,
            holds,
            value,
            scale: Scale::Full,
        }
    }

    /// A criterion decided by a scaled-down replication.
    pub fn small(criterion: String, holds: bool, value: Quantity) -> Self {
        Computed::Criterion {
            criterion,
            holds,
            value,
            scale: Scale::Small,
        }
    }
}

/// The ledger's verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Reproduced,
    Contradicted,
    /// Reproduced qualitatively, at a smaller scale than the source's.
    Qualitative,
    /// A scaled-down replication did not show it: no verdict on the source's own scale.
    NotReproduced,
    NotCheckable,
}

impl Verdict {
    /// A name for CSS classes and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Reproduced => "reproduced",
            Verdict::Contradicted => "contradicted",
            Verdict::Qualitative => "qualitative",
            Verdict::NotReproduced => "not-reproduced",
            Verdict::NotCheckable => "not-checkable",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Reproduced => "reproduced",
            Verdict::Contradicted => "contradicted",
            Verdict::Qualitative => "qualitative (small scale)",
            Verdict::NotReproduced => "not reproduced at this scale",
            Verdict::NotCheckable => "not checkable",
        })
    }
}

/// One row of the ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable id, `section.name` in kebab case (`addition.mappings`).
    pub id: &'static str,
    /// The chapter crate that computes it (`counting`).
    pub chapter: &'static str,
    pub source: Source,
    pub stated: Stated,
    pub computed: Computed,
    /// A unit printed after both values (`"MB"`), or empty.
    pub unit: &'static str,
    /// Significant digits the book prints the computed value with.
    pub digits: usize,
    /// The verdict the chapter's prose relies on; [`Claim::check`] fails if it is not earned.
    pub expect: Verdict,
}

/// The outcome of comparing a claim's computed value with its stated one.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub verdict: Verdict,
    /// One line: why the verdict follows.
    pub reason: String,
}

/// Why a claim could not be assessed at all.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum AssessError {
    /// The computed value's bounds straddle the edge of the stated rounding interval.
    Undecided { detail: String },
    /// The computed value's bounds do not agree on the digits the book prints.
    Unprintable(BoundsDisagree),
    /// The stated and computed kinds do not fit together (a chapter's mistake).
    Mismatch { detail: String },
}

impl fmt::Display for AssessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessError::Undecided { detail } => write!(f, "undecided: {detail}"),
            AssessError::Unprintable(e) => write!(f, "cannot print the computed value: {e}"),
            AssessError::Mismatch { detail } => write!(f, "malformed claim: {detail}"),
        }
    }
}

impl std::error::Error for AssessError {}

/// A value with its unit: `%` attaches to the number, other units follow a space.
fn with_unit(value: String, unit: &str) -> String {
    match unit {
        "" => value,
        "%" => format!("{value}%"),
        _ => format!("{value} {unit}"),
    }
}

/// `[lo, hi]` bounds on log10 of the values a rounded figure stands for.
fn rounding_interval_log10(digits: &str, exponent: i64) -> Result<(f64, f64), AssessError> {
    let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len()) as i64;
    let mantissa: f64 = digits
        .replace('.', "")
        .parse()
        .map_err(|_| AssessError::Mismatch {
            detail: format!("stated digits {digits:?} are not a decimal number"),
        })?;
    let shift = (exponent - decimals) as f64;
    Ok((
        (mantissa - 0.5).log10() + shift,
        (mantissa + 0.5).log10() + shift,
    ))
}

fn log10_bounds(q: &Quantity) -> Option<(f64, f64)> {
    match *q {
        Quantity::Integer(n) if n > 0 => Some(((n as f64).log10(), (n as f64).log10())),
        Quantity::Real(x) if x > 0.0 => Some((x.log10(), x.log10())),
        Quantity::Log10 { lo, hi } => Some((lo, hi)),
        _ => None,
    }
}

impl Claim {
    /// The test that checks this claim: one test per claim, named after its id.
    pub fn test(&self) -> String {
        format!(
            "tests/{}.rs::{}",
            self.chapter,
            self.id.replace(['.', '-'], "_")
        )
    }

    /// The stated value as the book prints it.
    pub fn stated_text(&self, style: Style) -> String {
        let unit = |s: String| with_unit(s, self.unit);
        match &self.stated {
            Stated::Exact(n) => unit(format(&Quantity::Integer(*n), 0, style).expect("integer")),
            Stated::Rounded {
                qualifier,
                digits,
                exponent,
            } => {
                let number = if *exponent == 0 {
                    (*digits).to_string()
                } else {
                    let e = group_thousands(i128::from(*exponent), style);
                    match style {
                        Style::Plain => format!("{digits} × 10^{e}"),
                        Style::Html => format!("{digits} × 10<sup>{e}</sup>"),
                    }
                };
                let text = unit(number);
                if qualifier.is_empty() {
                    text
                } else {
                    format!("{qualifier} {text}")
                }
            }
            Stated::Statement(s) | Stated::Unverifiable(s) => (*s).to_string(),
        }
    }

    /// The computed value as the book prints it (empty when nothing is computed).
    ///
    /// # Errors
    /// When the value's bounds disagree on the printed digits.
    pub fn computed_text(&self, style: Style) -> Result<String, AssessError> {
        let q = match &self.computed {
            Computed::Number(q) | Computed::Criterion { value: q, .. } => q,
            Computed::Nothing { .. } => return Ok(String::new()),
        };
        let text = format(q, self.digits, style).map_err(AssessError::Unprintable)?;
        Ok(with_unit(text, self.unit))
    }

    /// Compares computed with stated and derives the verdict.
    ///
    /// # Errors
    /// [`AssessError`] when the comparison cannot be decided or the claim is malformed.
    pub fn assess(&self) -> Result<Assessment, AssessError> {
        let computed = self.computed_text(Style::Plain)?;
        let stated = self.stated_text(Style::Plain);
        let mismatch = || AssessError::Mismatch {
            detail: format!(
                "{}: stated {:?} vs computed {:?}",
                self.id, self.stated, self.computed
            ),
        };
        let (verdict, reason) = match (&self.stated, &self.computed) {
            (Stated::Exact(s), Computed::Number(Quantity::Integer(c))) => {
                if s == c {
                    (
                        Verdict::Reproduced,
                        format!("exact: computed {computed}, as stated"),
                    )
                } else {
                    (
                        Verdict::Contradicted,
                        format!("exact: computed {computed}, stated {stated}"),
                    )
                }
            }
            (
                Stated::Rounded {
                    digits, exponent, ..
                },
                Computed::Number(q),
            ) => {
                let (slo, shi) = rounding_interval_log10(digits, *exponent)?;
                let (clo, chi) = log10_bounds(q).ok_or_else(mismatch)?;
                let tolerance = format!(
                    "tolerance ±½ in the last stated digit of {digits}, the precision the source prints"
                );
                if slo <= clo && chi <= shi {
                    (
                        Verdict::Reproduced,
                        format!("computed {computed} rounds to the stated {stated}; {tolerance}"),
                    )
                } else if chi < slo || shi < clo {
                    (
                        Verdict::Contradicted,
                        format!(
                            "computed {computed} does not round to the stated {stated}; {tolerance}"
                        ),
                    )
                } else {
                    return Err(AssessError::Undecided {
                        detail: format!("computed bounds straddle the rounding edge of {stated}"),
                    });
                }
            }
            (
                Stated::Statement(_),
                Computed::Criterion {
                    criterion,
                    holds,
                    scale,
                    ..
                },
            ) => {
                let verdict = match (holds, scale) {
                    (true, Scale::Full) => Verdict::Reproduced,
                    (true, Scale::Small) => Verdict::Qualitative,
                    (false, Scale::Full) => Verdict::Contradicted,
                    (false, Scale::Small) => Verdict::NotReproduced,
                };
                let outcome = if *holds { "met" } else { "not met" };
                (
                    verdict,
                    format!("{criterion} — {outcome} (computed {computed})"),
                )
            }
            (Stated::Unverifiable(_), Computed::Nothing { why }) => {
                (Verdict::NotCheckable, (*why).to_string())
            }
            _ => return Err(mismatch()),
        };
        Ok(Assessment { verdict, reason })
    }

    /// Checks that the computation earns the verdict the chapter relies on.
    ///
    /// # Errors
    /// A message naming the claim, its test, the quote, the stated and the computed value.
    pub fn check(&self) -> Result<Assessment, String> {
        let describe = |problem: String| {
            format!(
                "claim `{}` ({}) fails: {problem}\n  source:   {} ({})\n  quote:    “{}”\n  stated:   {}\n  computed: {}",
                self.id,
                self.test(),
                self.source.seed.citation(),
                self.source.seed.file(),
                self.source.quote,
                self.stated_text(Style::Plain),
                self.computed_text(Style::Plain)
                    .unwrap_or_else(|e| format!("({e})")),
            )
        };
        let assessment = self.assess().map_err(|e| describe(e.to_string()))?;
        if assessment.verdict != self.expect {
            return Err(describe(format!(
                "the book says {}, the computation gives {} — {}",
                self.expect, assessment.verdict, assessment.reason
            )));
        }
        Ok(assessment)
    }
}
