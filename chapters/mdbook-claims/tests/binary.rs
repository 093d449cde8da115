//! The `mdbook-claims` binary as mdBook runs it: the book as JSON on standard input, the
//! processed book on standard output, and on a mistake a non-zero exit with the file and
//! line on standard error. An error that only the library returned, while the binary still
//! exited 0, would let mdBook render the page.

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The repository's `tests/fixtures/`, found at run time: cargo sets `CARGO_MANIFEST_DIR`
/// for the test process, so a copied checkout tests its own fixtures.
fn fixtures() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
    PathBuf::from(manifest).join("../../tests/fixtures")
}

/// Runs the binary on a book of `page` (named `name`), a ledger page and a references page,
/// with the claims, bibliography and figure of the broken-directives fixture book.
fn preprocess(name: &str, page: &str) -> std::process::Output {
    let chapter = |title: &str, path: &str, content: &str| {
        BookItem::Chapter(Chapter::new(title, content.into(), path, vec![]))
    };
    let book = Book::new_with_items(vec![
        chapter("Page", name, page),
        chapter("Ledger", "ledger.md", "{{#ledger}}"),
        chapter("References", "references.md", "{{#references}}"),
    ]);
    let ctx = PreprocessorContext::new(
        fixtures().join("broken-directives-book"),
        Config::default(),
        "html".into(),
    );
    let input = serde_json::to_vec(&(ctx, book)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mdbook-claims"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the preprocessor starts");
    child.stdin.take().unwrap().write_all(&input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn every_broken_page_makes_the_binary_fail_naming_file_and_line() {
    let dir = fixtures().join("broken-directives");
    let mut cases = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let output = preprocess(name, &std::fs::read_to_string(&path).unwrap());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success(),
            "{name}: exit 0; standard output:\n{}",
            String::from_utf8_lossy(&output.stdout)
        );
        assert_eq!(stderr, format!("mdbook-claims: {expected}"), "{name}");
        assert!(output.stdout.is_empty(), "{name}: printed a book anyway");
        cases += 1;
    }
    assert!(cases >= 13, "only {cases} fixtures in {}", dir.display());
}

#[test]
fn a_correct_page_passes_and_comes_back_expanded() {
    let output = preprocess(
        "page.md",
        "Value {{#claim a.b}}, {{#figure tiny.svg A plot}} {{#cite veit2016}}.",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let book: Book = serde_json::from_slice(&output.stdout).unwrap();
    let page = &book.chapters().next().unwrap().content;
    assert!(page.contains(">2.0</span>](ledger.md#claim-a.b)"), "{page}");
    assert!(page.contains("aria-label=\"A plot\""), "{page}");
    assert!(page.contains("Veit et al. 2016"), "{page}");
    assert!(!page.contains("{{#"), "{page}");
}
