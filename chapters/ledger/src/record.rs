//! The ledger as data: one flat record per claim, for `claims --json`, the book's
//! preprocessor and anyone who wants the numbers without Rust.

use crate::claim::{Claim, Computed, Verdict};
use crate::number::{Quantity, Style};
use serde::{Deserialize, Serialize};

/// A claim, assessed and printed. Field names are the public JSON schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub id: String,
    pub chapter: String,
    /// Author and title of the source text.
    pub source: String,
    /// The seed file the quote comes from.
    pub seed_file: String,
    pub quote: String,
    /// The stated value as the source gives it, in plain text.
    pub stated: String,
    /// The computed value as the book prints it, in plain text.
    pub computed: String,
    /// The same two, as the book's HTML pages print them.
    pub stated_html: String,
    pub computed_html: String,
    pub verdict: Verdict,
    /// One line: why the verdict follows.
    pub reason: String,
    /// The test that checks the claim.
    pub test: String,
    /// The computed value, when it fits an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<f64>,
    /// Base-10 logarithm of the computed value, when it does not fit an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub log10: Option<f64>,
}

impl ClaimRecord {
    /// Assesses `claim` and prints its values.
    ///
    /// # Errors
    /// The claim's own check message, when it does not earn the verdict the book relies on.
    pub fn new(claim: &Claim) -> Result<Self, String> {
        let assessment = claim.check()?;
        let quantity = match &claim.computed {
            Computed::Number(q) | Computed::Criterion { value: q, .. } => Some(*q),
            Computed::Nothing { .. } => None,
        };
        let (value, log10) = match quantity {
            Some(Quantity::Integer(n)) => (Some(n as f64), None),
            Some(Quantity::Real(x)) => (Some(x), None),
            Some(Quantity::Log10 { lo, hi }) => (None, Some(lo + (hi - lo) / 2.0)),
            None => (None, None),
        };
        let printed = |style| claim.computed_text(style).map_err(|e| e.to_string());
        Ok(ClaimRecord {
            id: claim.id.to_string(),
            chapter: claim.chapter.to_string(),
            source: claim.source.seed.citation().to_string(),
            seed_file: claim.source.seed.file().to_string(),
            quote: claim.source.quote.to_string(),
            stated: claim.stated_text(Style::Plain),
            computed: printed(Style::Plain)?,
            stated_html: claim.stated_text(Style::Html),
            computed_html: printed(Style::Html)?,
            verdict: assessment.verdict,
            reason: assessment.reason,
            test: claim.test(),
            value,
            log10,
        })
    }
}
