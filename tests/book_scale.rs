//! The numbers the book prints, recomputed. Plain `cargo test` runs every experiment at its
//! smaller test scale; this test runs them at the book's own scale, the one behind every
//! figure and number on the pages, and requires `src/generated/claims.json` and every figure
//! in `src/generated/figures/` — what the pages were rendered from — to be byte for byte what
//! the chapters compute now, in a process of their own. A stale or hand-edited ledger or
//! figure cannot pass, and neither can an experiment whose results depend on the run.
//!
//! It takes minutes, so it is ignored by default; after `cargo xtask book`, run it with
//! `cargo test -- --ignored book_scale`.

use std::io::Write;
use std::path::PathBuf;

/// The ledger the book was rendered from.
/// `src/generated/` of the checkout under test, found when the test runs (cargo sets the
/// variable), not compiled in.
fn generated() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test"))
        .join("src")
        .join(ledger::GENERATED_DIR)
}

fn generated_ledger() -> PathBuf {
    generated().join(ledger::LEDGER_FILE)
}

/// The figures of a chapter's run that differ from the files the book was built with (each
/// named, with why).
fn differing_figures(run: &catalog::Run) -> Vec<String> {
    let dir = generated().join(ledger::FIGURES_DIR);
    run.figures
        .iter()
        .filter_map(|figure| {
            let path = dir.join(figure.file);
            match (&figure.svg, std::fs::read_to_string(&path)) {
                (Ok(svg), Ok(on_disk)) if *svg == on_disk => None,
                (Ok(_), Ok(_)) => Some(format!(
                    "{} differs from what the chapter draws",
                    path.display()
                )),
                (Err(e), _) => Some(format!("{} failed to draw: {e}", figure.file)),
                (_, Err(e)) => Some(format!("cannot read {} ({e})", path.display())),
            }
        })
        .collect()
}

/// Where two ledgers first differ: the line number (from 1), the claim whose record holds
/// that line (as far as the left-hand text shows), and the two lines. `None` when equal.
fn first_difference(on_disk: &str, computed: &str) -> Option<String> {
    if on_disk == computed {
        return None;
    }
    let (mut a, mut b) = (on_disk.lines(), computed.lines());
    let mut claim = None;
    for number in 1.. {
        let (x, y) = (a.next(), b.next());
        let id_of = |line: Option<&str>| {
            line.and_then(|l| l.trim().strip_prefix("\"id\": "))
                .map(|id| id.trim_end_matches(',').to_string())
        };
        if let Some(id) = id_of(x) {
            claim = Some(id);
        }
        if x != y {
            let show =
                |line: Option<&str>| line.map_or("(end of file)".to_string(), str::to_string);
            let within = claim.map_or(String::new(), |id| format!(", in the record of {id}"));
            return Some(format!(
                "first difference at line {number}{within}:\n  on disk:  {}\n  computed: {}",
                show(x),
                show(y)
            ));
        }
        if x.is_none() {
            break;
        }
    }
    // Same lines, different bytes: line endings or a final newline.
    Some("the lines agree but the bytes do not (line endings or the final newline)".to_string())
}

#[test]
#[ignore = "book scale, minutes: after `cargo xtask book`, run `cargo test -- --ignored book_scale`"]
fn book_scale_claims_equal_the_generated_ledger() {
    let path = generated_ledger();
    let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): build the book first (cargo xtask book)",
            path.display()
        )
    });
    let chapters = catalog::chapters();
    let runs =
        catalog::run_side_by_side(&chapters, catalog::Size::Book).unwrap_or_else(|e| panic!("{e}"));
    let computed: Vec<_> = chapters
        .iter()
        .zip(&runs)
        .map(|(chapter, run)| {
            let figures = differing_figures(run);
            assert!(
                figures.is_empty(),
                "{}: figures not what the chapter draws at book scale (stale, or edited by \
                 hand):\n{}",
                chapter.name,
                figures.join("\n")
            );
            let records = catalog::records(chapter, &run.claims).unwrap_or_else(|e| panic!("{e}"));
            // Straight to stderr, in one write: the harness would hide `eprintln!` of a
            // passing test.
            let line = format!(
                "\nbook_scale: {}: {} claims at book scale in {:.1} s\n",
                chapter.name,
                records.len(),
                run.claims_seconds
            );
            let _ = std::io::stderr().lock().write_all(line.as_bytes());
            records
        })
        .collect();
    let records: Vec<_> = computed.into_iter().flatten().collect();
    let json = catalog::ledger_json(&records).expect("a ledger of strings and numbers");
    if let Some(difference) = first_difference(&on_disk, &json) {
        panic!(
            "{} is not what the chapters compute at book scale (stale, or edited by hand); \
             {difference}\nregenerate it with `cargo xtask regenerate --force` (or build the \
             book again) and rerun",
            path.display()
        );
    }
}

#[test]
fn a_changed_value_is_reported_with_its_line_and_claim() {
    let disk = "[\n  {\n    \"id\": \"a.one\",\n    \"computed\": \"64.3%\"\n  }\n]\n";
    let now = disk.replace("64.3%", "64.4%");
    let message = first_difference(disk, &now).unwrap();
    assert!(message.contains("line 4"), "{message}");
    assert!(message.contains("\"a.one\""), "{message}");
    assert!(
        message.contains("64.3%") && message.contains("64.4%"),
        "{message}"
    );
    assert_eq!(first_difference(disk, disk), None);
    let shorter = first_difference(disk, "[\n").unwrap();
    assert!(
        shorter.contains("line 2") && shorter.contains("(end of file)"),
        "{shorter}"
    );
    let crlf = first_difference(disk, &disk.replace('\n', "\r\n")).unwrap();
    assert!(crlf.contains("bytes do not"), "{crlf}");
}
