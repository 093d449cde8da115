//! The book's chapters in reading order, so that the build, the tests and the ledger
//! export all walk the same list. Adding a chapter crate means adding one entry here.

use figures::Figure;
use ledger::{Claim, ClaimRecord};

/// One chapter crate, as the book build sees it.
pub struct Chapter {
    /// The crate's name, also the name of its test file (`tests/<name>.rs`).
    pub name: &'static str,
    pub title: &'static str,
    pub claims: fn() -> Vec<Claim>,
    pub figures: fn() -> Vec<Figure>,
    /// Seconds each of the chapter's experiments took in this process (after `claims`).
    pub timings: fn() -> Vec<(&'static str, f64)>,
}

/// Every chapter, in reading order.
pub fn chapters() -> Vec<Chapter> {
    vec![
        Chapter {
            name: "counting",
            title: "Counting",
            claims: counting::claims,
            figures: counting::figures,
            timings: counting::timings,
        },
        Chapter {
            name: "indifference",
            title: "Indifference",
            claims: indifference::claims,
            figures: indifference::figures,
            timings: indifference::timings,
        },
        Chapter {
            name: "simplicity",
            title: "Simplicity",
            claims: simplicity::claims,
            figures: simplicity::figures,
            timings: simplicity::timings,
        },
        Chapter {
            name: "speed",
            title: "Speed",
            claims: speed::claims,
            figures: speed::figures,
            timings: speed::timings,
        },
        Chapter {
            name: "reward",
            title: "Reward and goals",
            claims: reward::claims,
            figures: reward::figures,
            timings: reward::timings,
        },
    ]
}

/// Every claim of the book, chapter by chapter.
pub fn all_claims() -> Vec<Claim> {
    chapters().iter().flat_map(|c| (c.claims)()).collect()
}

/// The given claims, assessed, in order: the rows of the ledger.
///
/// # Errors
/// The check message of the first claim whose computation does not earn its verdict.
pub fn records(claims: &[Claim]) -> Result<Vec<ClaimRecord>, String> {
    claims.iter().map(ClaimRecord::new).collect()
}

/// The ledger as `src/generated/claims.json` holds it: the records as a pretty-printed JSON
/// array with one final newline. One function, so that the file the book is built from and
/// the book-scale test that recomputes it cannot disagree about the bytes.
///
/// # Errors
/// Only if serde_json cannot write a record, which plain strings and numbers never cause.
pub fn ledger_json(records: &[ClaimRecord]) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(records)?;
    json.push('\n');
    Ok(json)
}
