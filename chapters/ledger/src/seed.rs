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
}

impl Source {
    /// A number reported by a cited paper rather than stated by a source text.
    pub const fn paper(key: &'static str, citation: &'static str, report: &'static str) -> Self {
        Source {
            origin: Origin::Paper { key, citation },
            quote: report,
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
