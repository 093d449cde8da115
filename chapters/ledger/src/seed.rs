//! The source texts the book checks (`shared/seeds/`), named once.

use crate::claim::{Origin, Source};
use serde::{Deserialize, Serialize};

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
