//! The quote check itself: that it fails on a quote its text does not contain, that it
//! fails without the texts when they are required, and that otherwise it counts what it
//! could not check instead of failing a reader who has no texts.

#[allow(dead_code)] // the claim-test helpers are for the chapters' test files
mod common;

use common::{Quote, QuoteCheck, Seeds, check_quotes};
use std::path::PathBuf;

/// A fresh folder holding one seed file, unique to this test process and test.
fn seeds_with(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("counting-quotes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("seed.txt"), text).unwrap();
    dir
}

fn quote<'a>(id: &'a str, quote: &'a str) -> Quote<'a> {
    Quote {
        id,
        seed_file: "seed.txt",
        quote,
    }
}

#[test]
fn a_verbatim_quote_passes_and_an_altered_one_fails_naming_its_claim() {
    let dir = seeds_with("altered", "The network generalises well.\n");
    let seeds = Seeds::Found(dir.clone());
    assert_eq!(
        check_quotes(&[quote("a.ok", "generalises well")], &seeds, false),
        Ok(QuoteCheck::Checked(1))
    );
    let err = check_quotes(
        &[
            quote("a.ok", "generalises well"),
            quote("a.altered", "generalizes well"),
        ],
        &seeds,
        false,
    )
    .unwrap_err();
    assert!(err.contains("claim `a.altered`"), "{err}");
    assert!(!err.contains("a.ok"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_seed_file_in_a_found_folder_fails() {
    let dir = seeds_with("missing-file", "");
    let q = Quote {
        id: "a.elsewhere",
        seed_file: "other.txt",
        quote: "x",
    };
    let err = check_quotes(&[q], &Seeds::Found(dir.clone()), false).unwrap_err();
    assert!(
        err.contains("claim `a.elsewhere`: cannot read") && err.contains("other.txt"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn absent_texts_are_counted_unless_required_and_then_fail() {
    let absent = Seeds::Absent(PathBuf::from("/nonexistent/shared/seeds"));
    let quotes = [quote("a.one", "x"), quote("a.two", "y")];
    assert_eq!(
        check_quotes(&quotes, &absent, false),
        Ok(QuoteCheck::Unchecked(2))
    );
    let err = check_quotes(&quotes, &absent, true).unwrap_err();
    assert!(
        err.contains("COUNTING_REQUIRE_SEEDS") && err.contains("/nonexistent/shared/seeds"),
        "{err}"
    );
}

#[test]
fn a_quote_cut_short_or_started_mid_word_fails() {
    let dir = seeds_with("boundary", "and 19,999 possible sums, for a total\n");
    let seeds = Seeds::Found(dir.clone());
    for whole in [
        "19,999 possible sums",
        "and 19,999 possible sums,",
        "for a total",
    ] {
        assert_eq!(
            check_quotes(&[quote("a.whole", whole)], &seeds, false),
            Ok(QuoteCheck::Checked(1)),
            "{whole}"
        );
    }
    for cut in [
        "19,999 possible sum",
        "nd 19,999",
        "for a tota",
        "9,999 possible",
    ] {
        let err = check_quotes(&[quote("a.cut", cut)], &seeds, false).unwrap_err();
        assert!(
            err.contains("claim `a.cut`") && err.contains("longer word"),
            "{cut}: {err}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}
