//! The ledger as data: one flat record per claim, for `claims --json`, the book's
//! preprocessor and anyone who wants the numbers without Rust.

use crate::claim::{Claim, Stated, Verdict};
use crate::number::{Quantity, Style};
use crate::seed::Side;
use serde::{Deserialize, Serialize};

/// Where the book build writes its generated files, under the book's `src/`: the ledger,
/// [`LEDGER_FILE`], and the figures, under [`FIGURES_DIR`].
pub const GENERATED_DIR: &str = "generated";

/// The ledger's file in [`GENERATED_DIR`]: every [`ClaimRecord`], as a JSON array.
pub const LEDGER_FILE: &str = "claims.json";

/// The folder of the figures in [`GENERATED_DIR`], one sub-folder per chapter.
pub const FIGURES_DIR: &str = "figures";

/// A claim, assessed and printed. Field names are the public JSON schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub id: String,
    /// The chapter crate that computes it (`counting`).
    pub chapter: String,
    /// The chapter's title, as the book's headings give it.
    pub chapter_title: String,
    /// Author and title of the source text.
    pub source: String,
    /// The seed file the quote comes from (for a cited paper: its References key).
    pub seed_file: String,
    /// Whose text that is: `critics`, `carlsmith` or `cited_paper`.
    pub side: Side,
    pub quote: String,
    /// The quote as the pages show it: superscripts the source text lost are restored.
    pub quote_html: String,
    /// The key of the source's References entry (`src/references.bib`).
    pub reference: String,
    /// The stated value as the source gives it, in plain text.
    pub stated: String,
    /// Whether the source states a number (an exact or a rounded value), as opposed to a
    /// statement or an opinion in words: a bare number means something only beside its quote.
    pub stated_number: bool,
    /// The computed value as the book prints it, in plain text.
    pub computed: String,
    /// The same two, as the book's HTML pages print them.
    pub stated_html: String,
    pub computed_html: String,
    pub verdict: Verdict,
    /// One line: why the verdict follows.
    pub reason: String,
    /// When the claim holds: the interval a number must fall in, or the criterion.
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub holds_while: String,
    /// The opposing reading the criterion was also applied to (absent when not checkable).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival: Option<String>,
    /// The rival's value as the book prints it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival_text: Option<String>,
    /// The same, as the book's HTML pages print it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival_html: Option<String>,
    /// The rival's value, when it fits an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival_value: Option<f64>,
    /// Base-10 logarithm of the rival's value, when it does not fit an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival_log10: Option<f64>,
    /// The verdict the same criterion gives the rival; never the claim's own verdict.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rival_verdict: Option<Verdict>,
    /// The command that runs the claim's test: each chapter's test binary has one test per
    /// claim, named by its id.
    pub test: String,
    /// The computed value, when it fits an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<f64>,
    /// Base-10 logarithm of the computed value, when it does not fit an `f64`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub log10: Option<f64>,
}

impl ClaimRecord {
    /// Assesses `claim`, a claim of the chapter crate `chapter` titled `title`, and prints its
    /// values.
    ///
    /// # Errors
    /// The claim's own check message, when it does not earn the verdict the book relies on.
    pub fn new(claim: &Claim, chapter: &str, title: &str) -> Result<Self, String> {
        let assessment = claim.check()?;
        let quantity = claim.computed.value().copied();
        let (value, log10) = split(quantity);
        let rival = assessment.rival.as_ref();
        let (rival_value, rival_log10) = split(rival.map(|r| r.value));
        let printed = |style| claim.computed_text(style).map_err(|e| e.to_string());
        Ok(ClaimRecord {
            id: claim.id.to_string(),
            chapter: chapter.to_string(),
            chapter_title: title.to_string(),
            source: claim.source.citation().to_string(),
            seed_file: claim.source.file().to_string(),
            side: claim.source.side(),
            quote: claim.source.quote.to_string(),
            quote_html: claim
                .source
                .quote_html()
                .map_err(|e| format!("claim `{}`: {e}", claim.id))?,
            reference: claim.source.reference().to_string(),
            stated: claim.stated_text(Style::Plain),
            stated_number: matches!(claim.stated, Stated::Exact(_) | Stated::Rounded { .. }),
            computed: printed(Style::Plain)?,
            stated_html: claim.stated_text(Style::Html),
            computed_html: printed(Style::Html)?,
            verdict: assessment.verdict,
            reason: assessment.reason,
            holds_while: assessment.holds_while,
            rival: rival.map(|r| r.what.clone()),
            rival_text: rival.map(|r| r.text.clone()),
            rival_html: rival.map(|r| r.html.clone()),
            rival_value,
            rival_log10,
            rival_verdict: rival.map(|r| r.verdict),
            test: format!("cargo test --test {chapter} -- --exact {}", claim.id),
            value,
            log10,
        })
    }
}

/// A quantity as JSON carries it: its value when `f64` holds it, else its `log10`.
fn split(q: Option<Quantity>) -> (Option<f64>, Option<f64>) {
    match q {
        Some(Quantity::Integer(n)) => (Some(n as f64), None),
        Some(Quantity::Real(x)) => (Some(x), None),
        Some(Quantity::Log10 { lo, hi }) => (None, Some(lo + (hi - lo) / 2.0)),
        None => (None, None),
    }
}
