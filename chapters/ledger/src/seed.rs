//! Where a claim comes from: the source texts the book checks (`shared/seeds/`), named
//! once, and the papers they cite.

use serde::{Deserialize, Serialize};

/// The text a claim is credited to: one of the source texts the book checks, or a paper
/// they cite (an entry of `src/references.bib`), when the number is the paper's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Text(Seed),
    Paper {
        /// The key of its References entry.
        key: &'static str,
        /// Authors and year, as the book cites it.
        citation: &'static str,
    },
}

/// Whose text a claim comes from, for the scoreboard's count of how much each side of the
/// debate is heard: the two critiques of the counting argument (Belrose & Pope, Turner),
/// Carlsmith's report and reply, or a paper they cite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Critics,
    Carlsmith,
    CitedPaper,
}

impl Side {
    /// Every side, in the order the scoreboard counts them.
    pub const ALL: [Side; 3] = [Side::Critics, Side::Carlsmith, Side::CitedPaper];

    /// How the scoreboard names the texts of this side.
    pub fn texts(self) -> &'static str {
        match self {
            Side::Critics => "the critics' texts (Belrose & Pope, Turner)",
            Side::Carlsmith => "Carlsmith's",
            Side::CitedPaper => "cited papers",
        }
    }
}

/// Where a claim comes from: a source and at most one sentence of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub origin: Origin,
    /// From a source text: the sentence (or part of one) that makes the claim, verbatim.
    /// From a paper: what it reports, in the book's words (the paper is not in the seeds).
    pub quote: &'static str,
    /// The quote as the book shows it, where the source text lost superscripts in
    /// extraction ("10,0002" for 10,000²): each `^{…}` is shown raised. With its marks
    /// taken out it must be the verbatim quote, which is what is checked against the text.
    pub shown: Option<&'static str>,
}

impl Source {
    /// A number reported by a cited paper rather than stated by a source text.
    pub const fn paper(key: &'static str, citation: &'static str, report: &'static str) -> Self {
        Source {
            origin: Origin::Paper { key, citation },
            quote: report,
            shown: None,
        }
    }

    /// The same source, shown with the superscripts its text lost: `shown` writes each as
    /// `^{…}` and must equal the quote once the marks are taken out.
    pub const fn shown_as(self, shown: &'static str) -> Self {
        Source {
            shown: Some(shown),
            ..self
        }
    }

    /// The quote as the pages show it (HTML): superscripts restored where the text lost them.
    ///
    /// # Errors
    /// The shown form, flattened, is not the verbatim quote.
    pub fn quote_html(&self) -> Result<String, String> {
        let Some(shown) = self.shown else {
            return Ok(self.quote.to_string());
        };
        let (flat, html) = superscripts(shown);
        if flat != self.quote {
            return Err(format!(
                "its shown quote “{shown}” reads “{flat}” without its marks, not the verbatim “{}”",
                self.quote
            ));
        }
        Ok(html)
    }

    /// The References entry of the source: the text's own, or the paper's.
    pub fn reference(&self) -> &'static str {
        match self.origin {
            Origin::Text(seed) => seed.reference(),
            Origin::Paper { key, .. } => key,
        }
    }

    /// The source text, when the claim comes from one.
    pub fn seed(&self) -> Option<Seed> {
        match self.origin {
            Origin::Text(seed) => Some(seed),
            Origin::Paper { .. } => None,
        }
    }

    /// Whose text the claim comes from.
    pub fn side(&self) -> Side {
        match self.origin {
            Origin::Text(Seed::BelrosePope | Seed::Turner) => Side::Critics,
            Origin::Text(Seed::CarlsmithCounting | Seed::CarlsmithSpeed) => Side::Carlsmith,
            Origin::Paper { .. } => Side::CitedPaper,
        }
    }

    /// Author and title (or authors and year, for a paper), as the book cites it.
    pub fn citation(&self) -> &'static str {
        match self.origin {
            Origin::Text(seed) => seed.citation(),
            Origin::Paper { citation, .. } => citation,
        }
    }

    /// The seed file the quote must appear in verbatim, or the paper's References key.
    pub fn file(&self) -> &'static str {
        match self.origin {
            Origin::Text(seed) => seed.file(),
            Origin::Paper { key, .. } => key,
        }
    }
}

/// `text` with each `^{…}` mark taken out (the flat text) and with each turned into
/// `<sup>…</sup>` (the HTML). An unclosed mark is left as written.
fn superscripts(text: &str) -> (String, String) {
    let (mut flat, mut html) = (String::new(), String::new());
    let mut rest = text;
    while let Some(at) = rest.find("^{") {
        let Some(len) = rest[at..].find('}') else {
            break;
        };
        let raised = &rest[at + 2..at + len];
        flat.push_str(&rest[..at]);
        flat.push_str(raised);
        html.push_str(&rest[..at]);
        html.push_str("<sup>");
        html.push_str(raised);
        html.push_str("</sup>");
        rest = &rest[at + len + 1..];
    }
    flat.push_str(rest);
    html.push_str(rest);
    (flat, html)
}

/// One of the public texts whose numbers and claims the ledger records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Seed {
    /// Belrose & Pope, "Counting arguments provide no evidence for AI doom".
    BelrosePope,
    /// Turner, "Many arguments for AI x-risk are wrong".
    Turner,
    /// Carlsmith, "Scheming AIs", sections 4.1–4.2.
    CarlsmithCounting,
    /// Carlsmith's reply on the speed argument.
    CarlsmithSpeed,
}

impl Seed {
    /// A claim's source: `quote`, verbatim from this text.
    pub const fn quote(self, quote: &'static str) -> Source {
        Source {
            origin: Origin::Text(self),
            quote,
            shown: None,
        }
    }

    /// The key of the text's entry in `src/references.bib`.
    pub fn reference(self) -> &'static str {
        match self {
            Seed::BelrosePope => "belrose2024counting",
            Seed::Turner => "turner2024many",
            Seed::CarlsmithCounting => "carlsmith2023scheming",
            Seed::CarlsmithSpeed => "carlsmith2024speed",
        }
    }

    /// The file name under `shared/seeds/`.
    pub fn file(self) -> &'static str {
        match self {
            Seed::BelrosePope => "000_3f7bf03f78b9f67b.txt",
            Seed::Turner => "001_74c2e3b7af4eae2f.txt",
            Seed::CarlsmithCounting => "002_4392c323d84ee60f.txt",
            Seed::CarlsmithSpeed => "004_ca3cea7e8a48471e.txt",
        }
    }

    /// Author and title, as the book cites the text.
    pub fn citation(self) -> &'static str {
        match self {
            Seed::BelrosePope => {
                "Belrose & Pope, “Counting arguments provide no evidence for AI doom”"
            }
            Seed::Turner => "Turner, “Many arguments for AI x-risk are wrong”",
            Seed::CarlsmithCounting => "Carlsmith, “Scheming AIs”, §4.1–4.2",
            Seed::CarlsmithSpeed => "Carlsmith, reply on the speed argument",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_superscripts_are_shown_raised_and_must_flatten_to_the_quote() {
        let source = Seed::BelrosePope
            .quote("There are 10,0002 = 100,000,000 pairs")
            .shown_as("There are 10,000^{2} = 100,000,000 pairs");
        assert_eq!(
            source.quote_html().unwrap(),
            "There are 10,000<sup>2</sup> = 100,000,000 pairs"
        );
        let two = Seed::Turner
            .quote("a 19,999100 and 10430")
            .shown_as("a 19,999^{100} and 10^{430}");
        assert_eq!(
            two.quote_html().unwrap(),
            "a 19,999<sup>100</sup> and 10<sup>430</sup>"
        );
        let wrong = Seed::BelrosePope
            .quote("There are 10,0002 pairs")
            .shown_as("There are 10,000^{3} pairs");
        let err = wrong.quote_html().unwrap_err();
        assert!(err.contains("reads “There are 10,0003 pairs”"), "{err}");
        assert_eq!(Seed::Turner.quote("as is").quote_html().unwrap(), "as is");
        assert_eq!(
            superscripts("open ^{ mark"),
            ("open ^{ mark".into(), "open ^{ mark".into())
        );
    }

    #[test]
    fn every_source_links_to_its_references_entry() {
        assert_eq!(
            Seed::BelrosePope.quote("q").reference(),
            "belrose2024counting"
        );
        assert_eq!(Seed::Turner.reference(), "turner2024many");
        assert_eq!(Seed::CarlsmithCounting.reference(), "carlsmith2023scheming");
        assert_eq!(Seed::CarlsmithSpeed.reference(), "carlsmith2024speed");
        assert_eq!(
            Source::paper("veit2016residual", "Veit et al. 2016", "r").reference(),
            "veit2016residual"
        );
    }
}
