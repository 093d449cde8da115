//! The `mdbook-claims` preprocessor on small books: substitution, links, errors, warnings.

use ledger::{ClaimRecord, Side, Verdict};
use mdbook_claims::bibliography::{self, Reference};
use mdbook_claims::{Inputs, process};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use std::path::PathBuf;

/// The checkout under test, found at run time: cargo sets `CARGO_MANIFEST_DIR` for the test
/// process (and runs it in that folder), so a test binary reads the fixtures of the checkout
/// `cargo test` ran in. `env!` would compile in the folder the binary was first built in,
/// and a copied checkout whose build cargo reuses would test the original's files.
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .expect("neither CARGO_MANIFEST_DIR nor a working directory")
}

fn record(id: &str) -> ClaimRecord {
    ClaimRecord {
        id: id.into(),
        chapter: "counting".into(),
        chapter_title: "Counting".into(),
        source: "A source".into(),
        seed_file: "000.txt".into(),
        side: Side::Critics,
        quote: "a | quote".into(),
        quote_html: "a | quote".into(),
        reference: "veit2016".into(),
        stated: "≈ 2".into(),
        stated_number: true,
        computed: "2.0".into(),
        stated_html: "≈ 2".into(),
        computed_html: "2.0 × 10<sup>7</sup>".into(),
        verdict: Verdict::Reproduced,
        reason: "rounds".into(),
        holds_while: "from 1.5 to 2.5".into(),
        rival: Some("the nearest value outside the stated precision".into()),
        rival_text: Some("just above 2.5".into()),
        rival_html: Some("just above 2.5 × 10<sup>0</sup>".into()),
        rival_value: Some(2.5),
        rival_log10: None,
        rival_verdict: Some(Verdict::Contradicted),
        test: "cargo test --test counting -- --exact x".into(),
        value: Some(2.0),
        log10: None,
    }
}

fn chapter(name: &str, path: &str, content: &str) -> BookItem {
    BookItem::Chapter(Chapter::new(name, content.into(), path, vec![]))
}

/// Two works to cite: one paper with three authors, one post with two.
fn references() -> Vec<Reference> {
    bibliography::parse(
        "@article{veit2016, author={Veit, A. and Wilber, M. and Belongie, S.}, title={Ensembles},\
         journal={NeurIPS}, year={2016}, eprint={1605.06431}}\n\
         @misc{pope2024, author={Belrose, N. and Pope, Q.}, title={Counting}, year={2024}}",
    )
    .unwrap()
}

/// The book after the preprocessor, with the claims that no page showed.
fn run(pages: Vec<BookItem>, claims: &[ClaimRecord]) -> Result<(Book, Vec<String>), String> {
    run_with_report(pages, claims).map(|(book, report)| (book, report.unused))
}

fn run_with_report(
    pages: Vec<BookItem>,
    claims: &[ClaimRecord],
) -> Result<(Book, mdbook_claims::Report), String> {
    let mut book = Book::new_with_items(pages);
    let src = root().join("tests/fixtures");
    process(
        &mut book,
        &Inputs {
            claims,
            src_dir: &src,
            references: &references(),
        },
    )
    .map(|report| (book, report))
    .map_err(|e| e.to_string())
}

fn content(book: &Book, n: usize) -> &str {
    &book.chapters().nth(n).unwrap().content
}

#[test]
fn a_claim_becomes_its_value_linked_to_its_ledger_row() {
    let (book, unused) = run(
        vec![
            chapter(
                "Counting",
                "counting/arithmetic.md",
                "It is {{#claim a.b}} exactly.",
            ),
            chapter("Ledger", "appendix/ledger.md", "# Ledger\n{{#ledger}}"),
        ],
        &[record("a.b"), record("c.d")],
    )
    .unwrap();
    assert_eq!(
        content(&book, 0),
        "It is [<span class=\"claim\" title=\"reproduced; stated: ≈ 2\">2.0 × 10<sup>7</sup></span>](../appendix/ledger.md#claim-a.b) exactly."
    );
    let ledger = content(&book, 1);
    assert!(ledger.contains("<a id=\"claim-a.b\"></a>"));
    assert!(
        ledger.contains("| Quote | “a \\| quote” |"),
        "pipes are escaped in cells"
    );
    assert!(
        ledger.contains("| Holds while | from 1.5 to 2.5 |\n| Rival | the rival (the nearest value outside the stated precision) gives just above 2.5 × 10<sup>0</sup>: <span class=\"verdict verdict-contradicted\">contradicted</span> |"),
        "the row names the rival and its verdict: {ledger}"
    );
    assert_eq!(unused, vec!["c.d".to_string()]);
}

#[test]
fn a_ledger_row_prints_its_criterion_once() {
    // The reason of a decided claim is its criterion and the outcome; the row shows the
    // criterion as "Holds while" and the reason as the outcome alone.
    let long = "holds if the value lies from 1.5 to 2.5, a criterion long enough to matter";
    let decided = ClaimRecord {
        holds_while: long.into(),
        reason: format!("{long} — met (computed 2.0)"),
        ..record("a.b")
    };
    // A reason that does not start with its criterion is shown whole.
    let other = ClaimRecord {
        reason: "rounds to the stated 1e-6".into(),
        ..record("c.d")
    };
    let (book, _) = run(
        vec![chapter("Ledger", "appendix/ledger.md", "{{#ledger}}")],
        &[decided, other],
    )
    .unwrap();
    let ledger = content(&book, 0);
    assert_eq!(ledger.matches(long).count(), 1, "{ledger}");
    assert!(
        ledger.contains("| Reason | the criterion under *Holds while*: met (computed 2.0) |"),
        "{ledger}"
    );
    assert!(
        ledger.contains("| Reason | rounds to the stated 10<sup>−6</sup> |"),
        "{ledger}"
    );
}

#[test]
fn a_ledger_row_links_its_source_and_shows_the_quote_as_the_page_prints_it() {
    let (book, _) = run(
        vec![
            chapter("Ledger", "appendix/ledger.md", "{{#ledger}}"),
            chapter("References", "appendix/references.md", "{{#references}}"),
        ],
        &[ClaimRecord {
            quote: "10,0002 pairs".into(),
            quote_html: "10,000<sup>2</sup> pairs".into(),
            ..record("a.b")
        }],
    )
    .unwrap();
    let ledger = content(&book, 0);
    assert!(
        ledger.contains("| Source | [A source](../appendix/references.md#ref-veit2016) |"),
        "{ledger}"
    );
    assert!(
        ledger.contains("| Quote | “10,000<sup>2</sup> pairs” |"),
        "{ledger}"
    );
    assert!(!ledger.contains("000.txt"), "no file names: {ledger}");
}

#[test]
fn a_value_in_words_wraps_and_a_number_does_not() {
    let (book, _) = run(
        vec![
            chapter("C", "c.md", "{{#claim a.b}} and {{#claim a.b stated}}"),
            chapter("Ledger", "ledger.md", "{{#ledger}}"),
        ],
        &[ClaimRecord {
            stated_html: "a statement of five words".into(),
            ..record("a.b")
        }],
    )
    .unwrap();
    let page = content(&book, 0);
    assert!(page.starts_with("[<span class=\"claim\" "), "{page}");
    assert!(
        page.contains("[<span class=\"claim claim-words\" "),
        "{page}"
    );
}

#[test]
fn the_stated_value_can_be_shown_and_bad_options_are_named() {
    let ledger = || chapter("Ledger", "ledger.md", "{{#ledger}}");
    let (book, _) = run(
        vec![chapter("C", "c.md", "{{#claim a.b stated}}"), ledger()],
        &[record("a.b")],
    )
    .unwrap();
    assert!(content(&book, 0).contains(">≈ 2</span>"));
    let (book, _) = run(
        vec![chapter("C", "c.md", "{{#claim a.b verdict}}"), ledger()],
        &[record("a.b")],
    )
    .unwrap();
    assert!(content(&book, 0).contains("class=\"verdict verdict-reproduced\""));
    assert!(content(&book, 0).contains(">reproduced</span>"));
    let (book, _) = run(
        vec![chapter("C", "c.md", "{{#claim a.b rival}}"), ledger()],
        &[record("a.b")],
    )
    .unwrap();
    assert!(content(&book, 0).contains(">just above 2.5 × 10<sup>0</sup></span>"));
    let mut opinion = record("a.b");
    opinion.rival_html = None;
    let err = run(
        vec![chapter("C", "c.md", "{{#claim a.b rival}}"), ledger()],
        &[opinion],
    )
    .unwrap_err();
    assert!(err.contains("not checkable, so it has no rival"), "{err}");
    let err = run(
        vec![chapter("C", "c.md", "{{#claim a.b typo}}"), ledger()],
        &[record("a.b")],
    )
    .unwrap_err();
    assert_eq!(
        err,
        "c.md:1: `{{#claim a.b typo}}`: the options are `stated`, `verdict` and `rival`"
    );
}

#[test]
fn an_unknown_id_fails_naming_file_and_line() {
    let err = run(
        vec![
            chapter("Counting", "counting.md", "one\ntwo {{#claim nope}}\n"),
            chapter("Ledger", "ledger.md", "{{#ledger}}"),
        ],
        &[record("a.b")],
    )
    .unwrap_err();
    assert_eq!(
        err,
        "counting.md:2: unknown claim id `nope` (see `cargo xtask claims`)"
    );
}

#[test]
fn a_missing_figure_fails_and_a_present_one_is_inlined_in_the_page_colour() {
    let err = run(
        vec![chapter("C", "c.md", "{{#figure nowhere.svg A plot}}")],
        &[],
    )
    .unwrap_err();
    assert!(
        err.starts_with("c.md:1: figure `nowhere.svg` not found"),
        "{err}"
    );
    let (book, _) = run(
        vec![chapter(
            "C",
            "part/c.md",
            "{{#figure tiny.svg A \"small\" plot}}",
        )],
        &[],
    )
    .unwrap();
    assert_eq!(
        content(&book, 0),
        "<figure class=\"generated\" style=\"--drawn-width: 1px\"><svg role=\"img\" aria-label=\"A &quot;small&quot; plot\" \
         xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" viewBox=\"0 0 1 1\">\n\
         <rect width=\"1\" height=\"1\" fill=\"currentColor\"/>\n</svg>\
         <figcaption>Figure 1. A \"small\" plot</figcaption></figure>"
    );
}

#[test]
fn figures_are_numbered_page_by_page() {
    let (book, _) = run(
        vec![
            chapter(
                "C",
                "c.md",
                "{{#figure tiny.svg One}}\n{{#figure tiny.svg Two}}",
            ),
            chapter("D", "d.md", "{{#figure tiny.svg Three}}"),
        ],
        &[],
    )
    .unwrap();
    let first = content(&book, 0);
    assert!(
        first.contains("<figcaption>Figure 1. One</figcaption>"),
        "{first}"
    );
    assert!(
        first.contains("<figcaption>Figure 2. Two</figcaption>"),
        "{first}"
    );
    assert!(
        content(&book, 1).contains("<figcaption>Figure 1. Three</figcaption>"),
        "numbering starts again on each page"
    );
}

#[test]
fn a_bracketed_badge_stays_on_one_line_with_its_brackets_and_the_word_before() {
    let ledger = || chapter("Ledger", "ledger.md", "{{#ledger}}");
    let (book, _) = run(
        vec![
            chapter(
                "C",
                "c.md",
                "holds ({{#claim a.b verdict}}) and\nlists ({{#claim a.b verdict}}, {{#claim a.b verdict}}); bare {{#claim a.b verdict}}.",
            ),
            ledger(),
        ],
        &[record("a.b")],
    )
    .unwrap();
    let page = content(&book, 0);
    let badge = "[<span class=\"verdict verdict-reproduced\" title=\"reproduced; stated: ≈ 2\">reproduced</span>](ledger.md#claim-a.b)";
    assert_eq!(
        page,
        format!(
            "holds\u{a0}<span class=\"together\">({badge})</span> and\n\
             lists\u{a0}<span class=\"together\">({badge}</span>, <span class=\"together\">{badge})</span>; \
             bare {badge}."
        )
    );
}

#[test]
fn the_tally_counts_each_chapters_verdicts_in_a_captioned_figure() {
    let (book, _) = run(
        vec![
            chapter("Intro", "introduction.md", "{{#tally}}"),
            chapter("Ledger", "ledger.md", "{{#ledger}}"),
        ],
        &[
            record("a.b"),
            ClaimRecord {
                verdict: Verdict::Contradicted,
                ..record("c.d")
            },
            ClaimRecord {
                chapter: "speed".into(),
                chapter_title: "Speed".into(),
                ..record("e.f")
            },
        ],
    )
    .unwrap();
    let page = content(&book, 0);
    let caption = "The verdicts of each chapter's claims, counted. Counting: 1 reproduced, 1 contradicted; Speed: 1 reproduced.";
    assert!(
        page.starts_with(
            "<figure class=\"generated\" style=\"--drawn-width: 760px\"><svg role=\"img\""
        ),
        "{page}"
    );
    assert!(
        page.contains(&format!("<figcaption>Figure 1. {caption}</figcaption>")),
        "{page}"
    );
    assert!(
        page.contains("\nCounting\n</text>") && page.contains("\nSpeed\n</text>"),
        "each chapter's bar is labelled with its title: {page}"
    );
    assert!(
        !page.contains("\n\n"),
        "a blank line would end the HTML block"
    );
}

#[test]
fn escaped_and_foreign_directives_are_left_alone() {
    let (book, _) = run(
        vec![chapter(
            "C",
            "c.md",
            "write \\{{#claim ID}} to show a value; {{#include x.rs}} stays",
        )],
        &[],
    )
    .unwrap();
    assert_eq!(
        content(&book, 0),
        "write {{#claim ID}} to show a value; {{#include x.rs}} stays"
    );
}

#[test]
fn a_claim_without_a_ledger_page_is_an_error() {
    let err = run(
        vec![chapter("C", "c.md", "{{#claim a.b}}")],
        &[record("a.b")],
    )
    .unwrap_err();
    assert!(err.contains("needs a page holding `{{#ledger}}`"), "{err}");
}

#[test]
fn the_fixture_figure_exists() {
    assert!(
        root()
            .join("tests/fixtures/generated/figures/tiny.svg")
            .is_file()
    );
}

#[test]
fn the_scoreboard_lists_every_claim_with_its_page_and_ledger_row() {
    let (book, unused) = run(
        vec![
            chapter("Intro", "introduction.md", "{{#scoreboard}}"),
            chapter("Counting", "counting/arithmetic.md", "See {{#claim a.b}}."),
            chapter("Ledger", "appendix/ledger.md", "{{#ledger}}"),
        ],
        &[
            record("a.b"),
            record("c.d"),
            ClaimRecord {
                side: Side::Carlsmith,
                stated_number: false,
                stated_html: "the words".into(),
                ..record("e.f")
            },
        ],
    )
    .unwrap();
    let board = content(&book, 0);
    assert!(
        board.contains(
            "**Counting** — 3 claims: 2 from the critics' texts (Belrose & Pope, Turner), 1 from Carlsmith's\n"
        ),
        "each chapter counts its claims by side, leaving out sides with none: {board}"
    );
    assert!(board.contains(
        "| [<code class=\"claim-id\">a.<wbr>b</code>](appendix/ledger.md#claim-a.b) | “a \\| quote” — ≈ 2 | 2.0 × 10<sup>7</sup> | <span class=\"verdict verdict-reproduced\">reproduced</span> | [Counting](counting/arithmetic.md) |"
    ), "a number is shown beside the sentence that states it: {board}");
    assert!(
        board.contains(
            "| [<code class=\"claim-id\">c.<wbr>d</code>](appendix/ledger.md#claim-c.d) |"
        ),
        "{board}"
    );
    assert!(
        board.contains("| [<code class=\"claim-id\">e.<wbr>f</code>](appendix/ledger.md#claim-e.f) | the words |"),
        "a statement is shown in its words alone: {board}"
    );
    assert_eq!(
        board.matches("<div class=\"scoreboard\">").count(),
        board.matches("</div>").count(),
        "each chapter's table sits in one scrolling box: {board}"
    );
    assert!(
        board.contains("| — |"),
        "a claim no page shows has no page link: {board}"
    );
    // The scoreboard does not count as showing a claim in prose.
    assert_eq!(unused, vec!["c.d".to_string(), "e.f".to_string()]);
}

#[test]
fn a_citation_links_to_its_entry_and_the_entry_links_back() {
    let (book, report) = run_with_report(
        vec![
            chapter(
                "Simplicity",
                "simplicity/index.md",
                "Paths {{#cite veit2016}}.",
            ),
            chapter("References", "appendix/references.md", "{{#references}}"),
        ],
        &[],
    )
    .unwrap();
    assert_eq!(
        content(&book, 0),
        "Paths <span class=\"cite\">([Veit et al. 2016](../appendix/references.md#ref-veit2016))</span>."
    );
    let list = content(&book, 1);
    assert!(
        list.contains(
            "- <a id=\"ref-veit2016\"></a>**Veit, Wilber & Belongie (2016).** Ensembles. *NeurIPS*. \
             <https://arxiv.org/abs/1605.06431>. Cited in: [Simplicity](../simplicity/index.md)."
        ),
        "{list}"
    );
    assert!(
        list.contains("**Belrose & Pope (2024).** Counting."),
        "{list}"
    );
    assert_eq!(report.uncited, ["pope2024"]);
}

#[test]
fn an_unknown_citation_key_fails_naming_file_and_line() {
    let err = run(
        vec![
            chapter("C", "c.md", "one\n{{#cite veit2016, nobody1999}}"),
            chapter("References", "references.md", "{{#references}}"),
        ],
        &[],
    )
    .unwrap_err();
    assert_eq!(
        err,
        "c.md:2: unknown citation key `nobody1999` (not in src/references.bib)"
    );
    let err = run(vec![chapter("C", "c.md", "{{#cite veit2016}}")], &[]).unwrap_err();
    assert!(
        err.contains("needs a page holding `{{#references}}`"),
        "{err}"
    );
}

#[test]
fn the_books_bibliography_parses() {
    let path = root().join("src/references.bib");
    let refs = bibliography::load(&path).unwrap();
    assert!(refs.len() > 10, "{} references", refs.len());
}

/// Each page in `tests/fixtures/broken-directives/` is one mistake; the `.expected` file
/// beside it holds the one error the preprocessor must stop with, naming the page and line.
/// A mistake that renders as literal text instead would pass mdBook silently.
#[test]
fn every_broken_directive_fails_naming_file_and_line() {
    let dir = root().join("tests/fixtures/broken-directives");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 13, "only {} fixtures", pages.len());
    for page in pages {
        let name = page.file_name().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(&page).unwrap();
        let expected_file = page.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_file)
            .unwrap_or_else(|e| panic!("{name}: no {}: {e}", expected_file.display()));
        let result = run(
            vec![
                chapter("Broken", name, &text),
                chapter("Ledger", "ledger.md", "{{#ledger}}"),
                chapter("References", "references.md", "{{#references}}"),
            ],
            &[record("a.b")],
        );
        match result {
            Ok((book, _)) => panic!(
                "{name}: rendered without an error, as:\n{}",
                content(&book, 0)
            ),
            Err(err) => assert_eq!(err, expected.trim_end(), "{name}"),
        }
    }
}

#[test]
fn mdbooks_own_directives_and_every_correct_form_still_pass() {
    let (book, _) = run(
        vec![
            chapter(
                "C",
                "c.md",
                "{{#include a.md}} {{#rustdoc_include b.rs:2}} {{#playground c.rs}} {{#title T}}\n\
                 {{#claim a.b}} {{#claim a.b stated}} {{#claim a.b verdict}}\n\
                 {{#figure tiny.svg A plot}} {{#cite veit2016}} \\{{#clam literal}}",
            ),
            chapter("Ledger", "ledger.md", "{{#ledger}}\n{{#scoreboard}}"),
            chapter("References", "references.md", "{{#references}}"),
        ],
        &[record("a.b")],
    )
    .unwrap();
    let page = content(&book, 0);
    assert!(
        page.starts_with(
            "{{#include a.md}} {{#rustdoc_include b.rs:2}} {{#playground c.rs}} {{#title T}}\n"
        ),
        "{page}"
    );
    assert!(page.ends_with(" {{#clam literal}}"), "{page}");
    assert!(
        !page.contains("{{#claim") && !page.contains("{{#cite"),
        "{page}"
    );
}
