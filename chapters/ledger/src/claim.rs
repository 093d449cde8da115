//! A claim: what a source states, what the book computes, and the verdict the computation earns.
//!
//! The verdict is never typed in. [`Claim::assess`] derives it from the stated value, its
//! precision and the computed value; the chapter declares only the verdict its prose relies on
//! ([`Claim::expect`]), and [`Claim::check`] fails, naming the claim, when the computation no
//! longer earns it.

use crate::number::{BoundsDisagree, Quantity, Style, format, group_thousands};
use crate::seed::Source;
pub use crate::verdict::{Basis, Verdict};
use std::fmt;

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

/// What the opposing reading predicts, decided by the claim's own criterion: the other
/// side's number, a null model (chance, a uniform prior, an untrained network, a shuffled
/// control), or the tested assumption set to its opposite. A criterion that gives its rival
/// the same verdict as the computation could not have failed.
#[derive(Clone, Debug, PartialEq)]
pub struct Rival {
    /// The opposing reading, as a phrase.
    pub what: String,
    /// What it predicts, as the book prints it.
    pub value: Quantity,
    /// Whether the claim's criterion is met at the rival's value.
    pub holds: bool,
}

/// What the book computes for a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Computed {
    /// A number, compared with a [`Stated::Exact`] or [`Stated::Rounded`] value; its rival is
    /// the nearest value outside the stated precision.
    Number(Quantity),
    /// A criterion that decides a [`Stated::Statement`], with the number it rests on. Only
    /// [`Test`] makes one, deciding the computed value and the rival by the same rule.
    Criterion(Decision),
    /// Nothing can be computed ([`Stated::Unverifiable`]); the reason says why.
    Nothing { why: &'static str },
}

impl Computed {
    /// The number the claim prints, if it computes one.
    pub fn value(&self) -> Option<&Quantity> {
        match self {
            Computed::Number(q) => Some(q),
            Computed::Criterion(d) => Some(&d.value),
            Computed::Nothing { .. } => None,
        }
    }
}

/// A decided criterion. Its fields are private so that no chapter can write in an outcome:
/// the computation's and the rival's come from one [`Test`] applying one rule to both.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    criterion: String,
    holds: bool,
    value: Quantity,
    basis: Basis,
    rival: Rival,
}

/// A criterion for a statement, before it is decided: what it asks and on what basis.
#[derive(Clone, Debug, PartialEq)]
pub struct Test {
    basis: Basis,
    criterion: String,
}

impl Test {
    /// A criterion decided at the source's own scale (arithmetic, or an experiment as large
    /// as the source's).
    pub fn full(criterion: impl Into<String>) -> Self {
        Test {
            basis: Basis::Full,
            criterion: criterion.into(),
        }
    }

    /// A criterion decided by a scaled-down replication.
    pub fn small(criterion: impl Into<String>) -> Self {
        Test {
            basis: Basis::Small,
            criterion: criterion.into(),
        }
    }

    /// A conclusion derived from stated assumptions; the criterion names them, and the rival
    /// is the break-even value at which the conclusion flips.
    pub fn model(criterion: impl Into<String>) -> Self {
        Test {
            basis: Basis::Model,
            criterion: criterion.into(),
        }
    }

    /// Decides the criterion on the printed value: `holds` judges the computed value and the
    /// rival's alike.
    pub fn on(
        self,
        value: Quantity,
        rival: impl Into<String>,
        rival_value: Quantity,
        holds: impl Fn(&Quantity) -> bool,
    ) -> Computed {
        self.on_data(value, &value, rival, rival_value, &rival_value, holds)
    }

    /// Decides the criterion on more than the printed value: `holds` judges the computation's
    /// `data` and the rival's `rival_data` alike.
    #[allow(clippy::too_many_arguments)]
    pub fn on_data<T: ?Sized>(
        self,
        value: Quantity,
        data: &T,
        rival: impl Into<String>,
        rival_value: Quantity,
        rival_data: &T,
        holds: impl Fn(&T) -> bool,
    ) -> Computed {
        Computed::Criterion(Decision {
            criterion: self.criterion,
            holds: holds(data),
            value,
            basis: self.basis,
            rival: Rival {
                what: rival.into(),
                value: rival_value,
                holds: holds(rival_data),
            },
        })
    }
}

/// One row of the ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable id, `section.name` in kebab case (`addition.mappings`).
    pub id: &'static str,
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

/// The rival's outcome under the claim's criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct RivalOutcome {
    /// The opposing reading, as a phrase.
    pub what: String,
    /// Its value, as the ledger prints it.
    pub value: Quantity,
    /// Its value in plain text, with the claim's unit.
    pub text: String,
    /// The same, as the book's HTML pages print it.
    pub html: String,
    /// The verdict the claim's criterion gives it.
    pub verdict: Verdict,
}

/// The outcome of comparing a claim's computed value with its stated one.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub verdict: Verdict,
    /// One line: why the verdict follows.
    pub reason: String,
    /// When the claim holds: the stated interval for a number, the criterion for a statement
    /// (empty for a claim that is not checkable).
    pub holds_while: String,
    /// What the opposing reading scores under the same criterion (none when not checkable).
    pub rival: Option<RivalOutcome>,
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

/// A rounded figure as the source prints it: its digits, and the edges of the interval of
/// values that round to them, each as a decimal string and as `log10` bounds.
struct Rounding {
    /// The edges' digits, one decimal more than the figure's (`"1.095"`, `"1.105"`).
    edges: [String; 2],
    /// `log10` of the edges, and of the figure itself.
    log10_edges: (f64, f64),
    log10_figure: f64,
    exponent: i64,
}

impl Rounding {
    fn of(digits: &str, exponent: i64) -> Result<Self, AssessError> {
        let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
        let bad = || AssessError::Mismatch {
            detail: format!("stated digits {digits:?} are not a decimal number"),
        };
        let mantissa: u64 = digits.replace('.', "").parse().map_err(|_| bad())?;
        let shift = (exponent - decimals as i64) as f64;
        let edge = |tenths: u64| {
            let text = format!("{tenths:0width$}", width = decimals + 2);
            let (int, frac) = text.split_at(text.len() - decimals - 1);
            format!("{int}.{frac}")
        };
        let m = mantissa as f64;
        Ok(Rounding {
            edges: [edge(10 * mantissa - 5), edge(10 * mantissa + 5)],
            log10_edges: ((m - 0.5).log10() + shift, (m + 0.5).log10() + shift),
            log10_figure: m.log10() + shift,
            exponent,
        })
    }

    /// The value nearest the lower (`below`) or upper edge that lies outside the interval, in
    /// the same kind of quantity as `like`: a logarithm for a huge or tiny value, else a real
    /// stepped bit by bit until its logarithm leaves the interval.
    fn just_outside(&self, below: bool, like: &Quantity) -> Result<Quantity, AssessError> {
        let (lo, hi) = self.log10_edges;
        if let Quantity::Log10 { .. } = like {
            let l = if below { lo.next_down() } else { hi.next_up() };
            return Ok(Quantity::Log10 { lo: l, hi: l });
        }
        let text = &self.edges[usize::from(!below)];
        let mut x: f64 =
            format!("{text}e{}", self.exponent)
                .parse()
                .map_err(|_| AssessError::Mismatch {
                    detail: format!("the edge {text} does not parse"),
                })?;
        // The edge's decimal parses to within a bit or two of the interval's end.
        for _ in 0..64 {
            if !(lo..=hi).contains(&x.log10()) {
                return Ok(Quantity::Real(x));
            }
            x = if below { x.next_down() } else { x.next_up() };
        }
        Err(AssessError::Mismatch {
            detail: format!("no value just outside the edge {text} within 64 steps"),
        })
    }
}

/// `[lo, hi]` bounds on `log10` of a positive quantity (none for zero or less).
fn log10_bounds(q: &Quantity) -> Option<(f64, f64)> {
    match *q {
        Quantity::Integer(n) if n > 0 => Some(((n as f64).log10(), (n as f64).log10())),
        Quantity::Real(x) if x > 0.0 => Some((x.log10(), x.log10())),
        Quantity::Log10 { lo, hi } => Some((lo, hi)),
        _ => None,
    }
}

/// A quantity with this `log10`, as an ordinary real when `f64` holds it.
fn from_log10(l: f64) -> Quantity {
    if (-300.0..300.0).contains(&l) {
        Quantity::Real(10f64.powf(l))
    } else {
        Quantity::Log10 { lo: l, hi: l }
    }
}

/// The three kinds of claim, each made one way, by every chapter: a number the source
/// states, a statement decided by a criterion, and a claim the book cannot check. A claim
/// prints its computed value without a unit and, for a statement, with no digits until
/// [`Claim::unit`] and [`Claim::digits`] say otherwise.
impl Claim {
    /// A number the source states (`stated`, with the source's own precision) against the
    /// number the chapter computes.
    pub fn number(
        id: &'static str,
        source: Source,
        stated: Stated,
        computed: Quantity,
        expect: Verdict,
    ) -> Self {
        Claim {
            id,
            source,
            stated,
            computed: Computed::Number(computed),
            unit: "",
            digits: 0,
            expect,
        }
    }

    /// A statement of the source (`stated`, as a phrase), decided by a criterion applied to
    /// the computation and to its rival ([`Test::on`] or [`Test::on_data`]).
    pub fn statement(
        id: &'static str,
        source: Source,
        stated: &'static str,
        computed: Computed,
        expect: Verdict,
    ) -> Self {
        Claim {
            id,
            source,
            stated: Stated::Statement(stated),
            computed,
            unit: "",
            digits: 0,
            expect,
        }
    }

    /// A claim the book records but cannot check (`stated`, as a phrase), and why not.
    pub fn not_checkable(
        id: &'static str,
        source: Source,
        stated: &'static str,
        why: &'static str,
    ) -> Self {
        Claim {
            id,
            source,
            stated: Stated::Unverifiable(stated),
            computed: Computed::Nothing { why },
            unit: "",
            digits: 0,
            expect: Verdict::NotCheckable,
        }
    }

    /// The unit printed after both values (`"MB"`).
    pub fn unit(mut self, unit: &'static str) -> Self {
        self.unit = unit;
        self
    }

    /// The significant digits the book prints the computed value with.
    pub fn digits(mut self, digits: usize) -> Self {
        self.digits = digits;
        self
    }

    /// `10^exponent` as the book prints it, empty for exponent zero.
    fn power(exponent: i64, style: Style) -> String {
        if exponent == 0 {
            return String::new();
        }
        let e = group_thousands(i128::from(exponent), style);
        match style {
            Style::Plain => format!(" × 10^{e}"),
            Style::Html => format!(" × 10<sup>{e}</sup>"),
        }
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
                let text = unit(format!("{digits}{}", Self::power(*exponent, style)));
                if qualifier.is_empty() {
                    text
                } else {
                    format!("{qualifier} {text}")
                }
            }
            Stated::Statement(s) | Stated::Unverifiable(s) => (*s).to_string(),
        }
    }

    /// `q` as the book prints this claim's values.
    fn print(&self, q: &Quantity, style: Style) -> Result<String, AssessError> {
        let text = format(q, self.digits, style).map_err(AssessError::Unprintable)?;
        Ok(with_unit(text, self.unit))
    }

    /// The computed value as the book prints it (empty when nothing is computed).
    ///
    /// # Errors
    /// When the value's bounds disagree on the printed digits.
    pub fn computed_text(&self, style: Style) -> Result<String, AssessError> {
        match self.computed.value() {
            Some(q) => self.print(q, style),
            None => Ok(String::new()),
        }
    }

    /// Compares computed with stated, derives the verdict, and scores the rival by the same
    /// rule.
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
        let rival = |what: &str, value: Quantity, [text, html]: [String; 2], verdict| {
            Some(RivalOutcome {
                what: what.to_string(),
                value,
                text,
                html,
                verdict,
            })
        };
        let printed = |q: &Quantity| -> Result<[String; 2], AssessError> {
            Ok([self.print(q, Style::Plain)?, self.print(q, Style::Html)?])
        };
        let stated_texts = || [stated.clone(), self.stated_text(Style::Html)];
        match (&self.stated, &self.computed) {
            (Stated::Exact(s), Computed::Number(Quantity::Integer(c))) => {
                let holds_while = format!("equal to {stated} exactly");
                Ok(if s == c {
                    let next = Quantity::Integer(s + 1);
                    Assessment {
                        verdict: Verdict::Reproduced,
                        reason: format!("exact: computed {computed}, as stated"),
                        holds_while,
                        rival: rival(
                            "the nearest value outside the tolerance",
                            next,
                            printed(&next)?,
                            Verdict::Contradicted,
                        ),
                    }
                } else {
                    Assessment {
                        verdict: Verdict::Contradicted,
                        reason: format!("exact: computed {computed}, stated {stated}"),
                        holds_while,
                        rival: rival(
                            "the stated value",
                            Quantity::Integer(*s),
                            stated_texts(),
                            Verdict::Reproduced,
                        ),
                    }
                })
            }
            (
                Stated::Rounded {
                    digits, exponent, ..
                },
                Computed::Number(q),
            ) => {
                let rounding = Rounding::of(digits, *exponent)?;
                let (slo, shi) = rounding.log10_edges;
                let (clo, chi) = log10_bounds(q).ok_or_else(mismatch)?;
                let power = Self::power(*exponent, Style::Plain);
                let [lo_edge, hi_edge] = &rounding.edges;
                let holds_while =
                    with_unit(format!("from {lo_edge} to {hi_edge}{power}"), self.unit);
                let tolerance = format!(
                    "tolerance ±½ in the last stated digit of {digits}, the precision the source prints"
                );
                if slo <= clo && chi <= shi {
                    let below = clo - slo <= shi - chi;
                    let text = |style| {
                        let power = Self::power(*exponent, style);
                        let edge = if below {
                            format!("just below {lo_edge}{power}")
                        } else {
                            format!("just above {hi_edge}{power}")
                        };
                        with_unit(edge, self.unit)
                    };
                    let edge = rounding.just_outside(below, q)?;
                    Ok(Assessment {
                        verdict: Verdict::Reproduced,
                        reason: format!(
                            "computed {computed} rounds to the stated {stated}; {tolerance}"
                        ),
                        holds_while,
                        rival: rival(
                            "the nearest value outside the stated precision",
                            edge,
                            [text(Style::Plain), text(Style::Html)],
                            Verdict::Contradicted,
                        ),
                    })
                } else if chi < slo || shi < clo {
                    Ok(Assessment {
                        verdict: Verdict::Contradicted,
                        reason: format!(
                            "computed {computed} does not round to the stated {stated}; {tolerance}"
                        ),
                        holds_while,
                        rival: rival(
                            "the stated value",
                            from_log10(rounding.log10_figure),
                            stated_texts(),
                            Verdict::Reproduced,
                        ),
                    })
                } else {
                    Err(AssessError::Undecided {
                        detail: format!("computed bounds straddle the rounding edge of {stated}"),
                    })
                }
            }
            (Stated::Statement(_), Computed::Criterion(d)) => {
                let outcome = if d.holds { "met" } else { "not met" };
                let r = &d.rival;
                let rival_texts = printed(&r.value)?;
                Ok(Assessment {
                    verdict: Verdict::of(d.holds, d.basis),
                    reason: format!("{} — {outcome} (computed {computed})", d.criterion),
                    holds_while: d.criterion.clone(),
                    rival: rival(&r.what, r.value, rival_texts, Verdict::of(r.holds, d.basis)),
                })
            }
            (Stated::Unverifiable(_), Computed::Nothing { why }) => Ok(Assessment {
                verdict: Verdict::NotCheckable,
                reason: (*why).to_string(),
                holds_while: String::new(),
                rival: None,
            }),
            _ => Err(mismatch()),
        }
    }

    /// Checks that the computation earns the verdict the chapter relies on, and that the
    /// claim's rival would not have earned it too.
    ///
    /// # Errors
    /// A message naming the claim, the quote, the stated and the computed value.
    pub fn check(&self) -> Result<Assessment, String> {
        let describe = |problem: String| {
            format!(
                "claim `{}` fails: {problem}\n  source:   {} ({})\n  quote:    “{}”\n  stated:   {}\n  computed: {}",
                self.id,
                self.source.citation(),
                self.source.file(),
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
        if let Some(rival) = &assessment.rival {
            if rival.what.trim().is_empty() {
                return Err(describe(
                    "it names no rival, so nothing shows it could have failed".to_string(),
                ));
            }
            if rival.verdict == assessment.verdict {
                return Err(describe(format!(
                    "its rival ({}, {}) gets the same verdict, {}: the criterion cannot tell them apart",
                    rival.what, rival.text, rival.verdict
                )));
            }
        }
        Ok(assessment)
    }
}
