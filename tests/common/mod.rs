//! Helpers shared by the chapters' claim tests.

use ledger::Claim;
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

/// The folder of source texts: `$COUNTING_SEEDS_DIR`, or `../shared/seeds` beside the
/// repository. The repository is read from `CARGO_MANIFEST_DIR` at run time (cargo test sets
/// it, and the working directory, to the checkout it runs in), not compiled in with `env!`,
/// so a copied checkout whose test binaries cargo reuses reads the seeds beside the copy.
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("COUNTING_SEEDS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let root = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into());
            PathBuf::from(root).join("../shared/seeds")
        })
}

/// Fails naming the claim when a quote is not an exact substring of its seed file.
pub fn assert_quotes_verbatim(claims: &[Claim]) {
    let dir = seeds_dir();
    for claim in claims {
        // A cited paper's number is reported in the book's words; only source texts are quoted.
        let Some(seed) = claim.source.seed() else {
            continue;
        };
        let path = dir.join(seed.file());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read {} (set COUNTING_SEEDS_DIR to the seeds folder): {e}",
                path.display()
            )
        });
        assert!(
            text.contains(claim.source.quote),
            "claim `{}`: quote not found verbatim in {}",
            claim.id,
            path.display()
        );
    }
}
