//! Helpers shared by the chapters' claim tests.

use chapter::Chapter;
use ledger::Claim;
use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// A test of a chapter beyond its claims, given the chapter's results at test scale.
pub struct Extra<C: Chapter> {
    name: &'static str,
    check: fn(&C::Results),
}

/// A test named `name` that runs `check` on the chapter's results at test scale (a test
/// that needs no results ignores its argument).
pub fn extra<C: Chapter>(name: &'static str, check: fn(&C::Results)) -> Extra<C> {
    Extra { name, check }
}

/// The chapter's extra tests, each named after its function:
/// `extras![small_counts_match, share_is_tight]`.
#[macro_export]
macro_rules! extras {
    ($($check:ident),* $(,)?) => {
        vec![$($crate::common::extra(stringify!($check), $check)),*]
    };
}

/// The test binary of chapter `C`: it runs the chapter's experiments once at test scale,
/// then runs, side by side, one test per claim (named by the claim's id, so that
/// `cargo test --test counting -- --exact addition.mappings` checks one claim), a test
/// that the ids are well formed, one that the quotes are verbatim, one that every figure is
/// a drawing, and the chapter's `extras`. The list of claims is the chapter's own, so no
/// claim can go untested and no list is kept by hand.
pub fn run_chapter_tests<C: Chapter + 'static>(extras: Vec<Extra<C>>) -> ExitCode {
    let args = Arguments::from_args();
    if args.ignored {
        // None of these tests is ignored, so `cargo test -- --ignored book_scale` has nothing
        // to run here, and need not run the experiments to find that out.
        return libtest_mimic::run(&args, Vec::new()).exit_code();
    }
    let results = Arc::new(C::run(&C::test_scale()));
    let claims = Arc::new(C::claims(&results));
    let mut trials: Vec<Trial> = (0..claims.len())
        .map(|i| {
            let claims = Arc::clone(&claims);
            Trial::test(claims[i].id, move || {
                claims[i].check().map(|_| ()).map_err(Failed::from)
            })
        })
        .collect();
    let named = Arc::clone(&claims);
    trials.push(Trial::test(
        "ids_are_unique_and_section_dot_name",
        move || ids_are_unique_and_section_dot_name(&named).map_err(Failed::from),
    ));
    let quoted = Arc::clone(&claims);
    trials.push(Trial::test(
        "quotes_are_verbatim_from_their_seeds",
        move || check_quotes_of(C::NAME, &quoted).map_err(Failed::from),
    ));
    let drawn = Arc::clone(&results);
    trials.push(Trial::test("every_figure_is_a_drawing", move || {
        for figure in C::figures(&drawn) {
            let svg = figure
                .svg
                .map_err(|e| format!("figure {} failed to draw: {e}", figure.file))?;
            check_drawn(&svg).map_err(|e| format!("figure {}: {e}", figure.file))?;
        }
        Ok(())
    }));
    for extra in extras {
        let results = Arc::clone(&results);
        trials.push(Trial::test(extra.name, move || {
            (extra.check)(&results);
            Ok(())
        }));
    }
    libtest_mimic::run(&args, trials).exit_code()
}

/// An SVG document that is a drawing, not just a `<svg` tag: well-formed XML whose root
/// has a positive width and height, with lines or shapes drawn and text written, and no
/// coordinate that came out NaN or infinite.
fn check_drawn(svg: &str) -> Result<(), String> {
    let doc = roxmltree::Document::parse(svg)
        .map_err(|e| format!("not well-formed XML ({e}):\n{svg:.300}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(format!(
            "the root is <{}>, not <svg>",
            root.tag_name().name()
        ));
    }
    for side in ["width", "height"] {
        match root.attribute(side).and_then(|v| v.parse::<f64>().ok()) {
            Some(size) if size > 0.0 => {}
            Some(size) => return Err(format!("the root's {side} is {size}")),
            None => return Err(format!("the root has no numeric {side}")),
        }
    }
    let count = |names: &[&str]| {
        root.descendants()
            .filter(|n| names.contains(&n.tag_name().name()))
            .count()
    };
    if count(&["path", "polyline", "polygon", "line", "circle"]) == 0 {
        return Err("nothing is drawn".into());
    }
    let texts = root
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| n.text())
        .filter(|t| !t.trim().is_empty())
        .count();
    if texts == 0 {
        return Err("no text (axis labels, title)".into());
    }
    let geometry = [
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "d",
    ];
    for node in root.descendants() {
        for a in node.attributes().filter(|a| geometry.contains(&a.name())) {
            let v = a.value().to_ascii_lowercase();
            if v.contains("nan") || v.contains("inf") {
                return Err(format!(
                    "<{}> {}=\"{}\": not a finite coordinate",
                    node.tag_name().name(),
                    a.name(),
                    a.value()
                ));
            }
        }
    }
    Ok(())
}

/// Every claim id is `section.name`, each part in lower-case kebab case, and no two claims
/// share one: the ids are the ledger's anchors and the tests' names.
fn ids_are_unique_and_section_dot_name(claims: &[Claim]) -> Result<(), String> {
    let mut seen = std::collections::BTreeSet::new();
    for claim in claims {
        let id = claim.id;
        if !seen.insert(id) {
            return Err(format!("two claims have the id `{id}`"));
        }
        let kebab = |part: &str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        match id.split_once('.') {
            Some((section, name)) if kebab(section) && kebab(name) => {}
            _ => return Err(format!("claim id `{id}` is not section.name in kebab case")),
        }
    }
    Ok(())
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

/// Fails naming each claim of `chapter` whose quote is not an exact substring of its seed
/// file. Without the texts (and without [`REQUIRE_SEEDS`]) it passes, and says on the
/// terminal how many quotes went unchecked and how to check them.
///
/// # Errors
/// Each quote not found, or the texts absent while required.
pub fn check_quotes_of(chapter: &str, claims: &[Claim]) -> Result<(), String> {
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
    let seeds = seeds()?;
    match check_quotes(&quotes, &seeds, seeds_required())? {
        QuoteCheck::Checked(_) => {}
        QuoteCheck::Unchecked(n) => {
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
    }
    Ok(())
}
