//! Helpers shared by the chapters' claim tests.

use ledger::Claim;
use std::io::Write;
use std::path::PathBuf;

/// Defines one test per claim of a chapter, each failing with the ledger's message (claim
/// id, quote, stated and computed value), and a test that the list covers the chapter's
/// claims exactly, so no claim goes unchecked.
#[macro_export]
macro_rules! claim_tests {
    ($claims:path; $($test:ident => $id:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                let claims = $claims();
                let claim = $crate::common::find(&claims, $id);
                if let Err(message) = claim.check() {
                    panic!("{message}");
                }
                assert!(claim.test().ends_with(concat!("::", stringify!($test))));
            }
        )*

        /// A checkable claim's rival, judged by the same criterion, must get another verdict:
        /// otherwise the computation could not have denied the claim.
        #[test]
        fn every_checkable_claim_discriminates() {
            let mut failures = Vec::new();
            for claim in $claims() {
                if claim.expect == ledger::Verdict::NotCheckable {
                    continue;
                }
                match claim.assess() {
                    Ok(a) => match a.rival {
                        Some(r) if !r.what.trim().is_empty() && r.verdict != a.verdict => {}
                        Some(r) => failures.push(format!(
                            "{}: {} and its rival ({:?}, {}) gets {}",
                            claim.id, a.verdict, r.what, r.text, r.verdict
                        )),
                        None => failures.push(format!("{}: no rival", claim.id)),
                    },
                    Err(e) => failures.push(format!("{}: {e}", claim.id)),
                }
            }
            assert!(failures.is_empty(), "claims that cannot fail:\n{}", failures.join("\n"));
        }

        #[test]
        fn every_claim_has_a_test() {
            let listed = [$($id),*];
            let claims = $claims();
            let ids: Vec<&str> = claims.iter().map(|c| c.id).collect();
            assert_eq!(ids, listed, "the tests must list the chapter's claims, in order");
        }
    };
}

/// The claim with `id`; panics naming it when absent.
pub fn find<'a>(claims: &'a [Claim], id: &str) -> &'a Claim {
    claims
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no claim with id `{id}`"))
}

/// The variable that turns texts not found into a failure (CI sets it): without the texts,
/// a quote cannot be checked, and CI must never pass a check it did not run.
pub const REQUIRE_SEEDS: &str = "COUNTING_REQUIRE_SEEDS";

/// Where the source texts are looked for, and whether they were found there.
///
/// The texts are not in the repository (they are other people's writing, quoted a sentence
/// at a time), so a reader who clones the book may not have them: that case is not an error
/// unless [`REQUIRE_SEEDS`] says so.
#[derive(Debug, PartialEq)]
pub enum Seeds {
    Found(PathBuf),
    /// The default folder `../shared/seeds` beside the repository does not exist.
    Absent(PathBuf),
}

/// `$COUNTING_SEEDS_DIR` (which must then be a folder), else `../shared/seeds` beside the
/// repository.
///
/// # Errors
/// When `$COUNTING_SEEDS_DIR` names something that is not a folder: the reader asked for
/// the check, so it must not quietly not happen.
pub fn seeds() -> Result<Seeds, String> {
    match std::env::var_os("COUNTING_SEEDS_DIR").filter(|v| !v.is_empty()) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_dir() {
                Ok(Seeds::Found(dir))
            } else {
                Err(format!(
                    "COUNTING_SEEDS_DIR is {}, which is not a folder",
                    dir.display()
                ))
            }
        }
        None => {
            // Read when the test runs, not compiled in: cargo may reuse a copied checkout's
            // test binaries, and the texts beside the copy are the ones to read.
            let root = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into());
            let dir = PathBuf::from(root).join("../shared/seeds");
            Ok(if dir.is_dir() {
                Seeds::Found(dir)
            } else {
                Seeds::Absent(dir)
            })
        }
    }
}

/// Whether `$COUNTING_REQUIRE_SEEDS` asks for the texts (any value but empty or `0`).
pub fn seeds_required() -> bool {
    std::env::var_os(REQUIRE_SEEDS).is_some_and(|v| !v.is_empty() && v != "0")
}

/// One quote to find: the claim's id, its seed file's name and the quoted words.
pub struct Quote<'a> {
    pub id: &'a str,
    pub seed_file: &'a str,
    pub quote: &'a str,
}

/// What became of a chapter's quotes.
#[derive(Debug, PartialEq)]
pub enum QuoteCheck {
    /// Every quote was found verbatim in its text.
    Checked(usize),
    /// The texts were not there and not required: this many quotes went unchecked.
    Unchecked(usize),
}

/// Looks for every quote, verbatim, in its seed file under `seeds`.
///
/// # Errors
/// Each quote not found (naming the claim and the file), a seed file that cannot be read,
/// or texts absent while `required`.
pub fn check_quotes(
    quotes: &[Quote<'_>],
    seeds: &Seeds,
    required: bool,
) -> Result<QuoteCheck, String> {
    let dir = match seeds {
        Seeds::Found(dir) => dir,
        Seeds::Absent(dir) if required => {
            return Err(format!(
                "{REQUIRE_SEEDS} is set but the source texts are not at {}: put the seed \
                 files there or set COUNTING_SEEDS_DIR to their folder",
                dir.display()
            ));
        }
        Seeds::Absent(_) => return Ok(QuoteCheck::Unchecked(quotes.len())),
    };
    let mut problems = Vec::new();
    for q in quotes {
        let path = dir.join(q.seed_file);
        match std::fs::read_to_string(&path) {
            Ok(text) if quoted_whole(&text, q.quote) => {}
            Ok(text) if text.contains(q.quote) => problems.push(format!(
                "claim `{}`: quote found in {} only inside a longer word (cut short or \
                 started mid-word): “{}”",
                q.id,
                path.display(),
                q.quote
            )),
            Ok(_) => problems.push(format!(
                "claim `{}`: quote not found verbatim in {}: “{}”",
                q.id,
                path.display(),
                q.quote
            )),
            Err(e) => problems.push(format!(
                "claim `{}`: cannot read {}: {e}",
                q.id,
                path.display()
            )),
        }
    }
    if problems.is_empty() {
        Ok(QuoteCheck::Checked(quotes.len()))
    } else {
        Err(problems.join("\n"))
    }
}

/// Whether `quote` occurs in `text` as whole words: at some occurrence, neither the
/// character before it nor the one after it is a letter or digit. A quote cut short by a
/// character ("possible sum" for "possible sums") is then not found.
pub fn quoted_whole(text: &str, quote: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(quote).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + quote.len()..].chars().next())
    })
}

/// Fails naming each claim whose quote is not an exact substring of its seed file. Without
/// the texts (and without [`REQUIRE_SEEDS`]) it passes, and says on the terminal how many
/// quotes went unchecked and how to check them.
pub fn assert_quotes_verbatim(claims: &[Claim]) {
    // A cited paper's number is reported in the book's words; only source texts are quoted.
    let quotes: Vec<Quote<'_>> = claims
        .iter()
        .filter_map(|c| {
            c.source.seed().map(|seed| Quote {
                id: c.id,
                seed_file: seed.file(),
                quote: c.source.quote,
            })
        })
        .collect();
    let seeds = seeds().unwrap_or_else(|e| panic!("{e}"));
    match check_quotes(&quotes, &seeds, seeds_required()) {
        Ok(QuoteCheck::Checked(_)) => {}
        Ok(QuoteCheck::Unchecked(n)) => {
            let chapter = claims.first().map_or("?", |c| c.chapter);
            let looked = match &seeds {
                Seeds::Absent(dir) | Seeds::Found(dir) => dir.display().to_string(),
            };
            // Straight to stderr, not `eprintln!`: the test harness hides a passing test's
            // printed output, and this note must be seen. One write, on a line of its own,
            // so that the harness's own lines do not split it.
            let note = format!(
                "\nnote: {chapter}: {n} quotes NOT checked against their source texts, which \
                 are not at {looked}; to check them, set COUNTING_SEEDS_DIR to the folder of \
                 seed files (the texts each claim cites) and run cargo test again\n"
            );
            let _ = std::io::stderr().lock().write_all(note.as_bytes());
        }
        Err(message) => panic!("{message}"),
    }
}
