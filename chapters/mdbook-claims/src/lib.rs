//! An mdBook preprocessor that puts the ledger's numbers into the book's pages.
//!
//! Directives, in any chapter:
//! - `{{#claim ID}}` — the claim's computed value as the ledger prints it, linked to the
//!   claim's row in the ledger appendix (the stated value when nothing can be computed);
//! - `{{#claim ID stated}}` — the value as the source states it, linked the same way;
//! - `{{#claim ID verdict}}` — the claim's verdict, linked the same way;
//! - `{{#figure FILE ALT TEXT}}` — a generated figure from `generated/figures/FILE`;
//! - `{{#ledger}}` — the whole ledger, chapter by chapter (the appendix page);
//! - `{{#scoreboard}}` — every claim at a glance: verdict, stated and computed value, and
//!   links to the page that discusses it and to its ledger row.
//!
//! A backslash before the braces (`\{{#claim …}}`) leaves a directive as literal text.
//! An unknown claim id, a missing figure or a page that uses `{{#claim}}` when no page
//! holds `{{#ledger}}` is an error naming the file and line; a claim that no page shows is
//! reported as a warning, so the prose and the ledger cannot drift apart silently.

use ledger::ClaimRecord;
use mdbook_preprocessor::book::{Book, Chapter};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a run found besides errors.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Claims in the ledger that no page shows, in ledger order.
    pub unused: Vec<String>,
}

/// A directive the preprocessor cannot honour, with where it stands.
#[derive(Debug, PartialEq, Eq)]
pub struct DirectiveError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DirectiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for DirectiveError {}

/// Everything the preprocessor reads besides the book.
pub struct Inputs<'a> {
    pub claims: &'a [ClaimRecord],
    /// The book's source folder; figures live under `generated/figures/` in it.
    pub src_dir: &'a Path,
}

const LEDGER_DIRECTIVE: &str = "{{#ledger}}";

/// The anchor of a claim's ledger row.
pub fn anchor(id: &str) -> String {
    format!("claim-{id}")
}

/// Expands every directive in the book.
///
/// # Errors
/// The first [`DirectiveError`] met, in book order.
pub fn process(book: &mut Book, inputs: &Inputs<'_>) -> Result<Report, DirectiveError> {
    let pages = Pages::of(book);
    let mut used = BTreeSet::new();
    let mut result = Ok(());
    book.for_each_chapter_mut(|ch| {
        if result.is_err() {
            return;
        }
        result = expand_chapter(ch, inputs, &pages, &mut used);
    });
    result?;
    let unused = inputs
        .claims
        .iter()
        .filter(|c| !used.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    Ok(Report { unused })
}

/// Where things are in the book: the ledger page, and the first page showing each claim.
struct Pages {
    ledger: Option<PathBuf>,
    /// Claim id → (page path, page title) of the first page that shows it.
    shown_in: BTreeMap<String, (PathBuf, String)>,
}

impl Pages {
    fn of(book: &Book) -> Self {
        let mut shown_in = BTreeMap::new();
        for ch in book.chapters() {
            let Some(path) = &ch.path else { continue };
            for (at, _) in ch.content.match_indices("{{#claim ") {
                if ch.content[..at].ends_with('\\') {
                    continue;
                }
                let rest = &ch.content[at + "{{#claim ".len()..];
                let end = rest.find([' ', '}']).unwrap_or(rest.len());
                shown_in
                    .entry(rest[..end].to_string())
                    .or_insert_with(|| (path.clone(), ch.name.clone()));
            }
        }
        Pages {
            ledger: book
                .chapters()
                .find(|ch| ch.content.contains(LEDGER_DIRECTIVE))
                .and_then(|ch| ch.path.clone()),
            shown_in,
        }
    }
}

fn expand_chapter(
    ch: &mut Chapter,
    inputs: &Inputs<'_>,
    pages: &Pages,
    used: &mut BTreeSet<String>,
) -> Result<(), DirectiveError> {
    let ledger_page = pages.ledger.as_deref();
    let file = ch
        .source_path
        .clone()
        .unwrap_or_else(|| PathBuf::from(&ch.name));
    let page = ch.path.clone().unwrap_or_default();
    let to_root = relative_root(&page);
    let content = &ch.content;
    let mut out = String::with_capacity(content.len());
    let mut rest = content.as_str();
    while let Some(start) = rest.find("{{#") {
        let line = content[..content.len() - rest.len() + start]
            .matches('\n')
            .count()
            + 1;
        let err = |message: String| DirectiveError {
            file: file.clone(),
            line,
            message,
        };
        let Some(len) = rest[start..].find("}}") else {
            return Err(err("a `{{#` directive is never closed with `}}`".into()));
        };
        let directive = &rest[start + 3..start + len];
        let escaped = rest[..start].ends_with('\\');
        out.push_str(&rest[..start - usize::from(escaped)]);
        rest = &rest[start + len + 2..];
        if escaped {
            write!(out, "{{{{#{directive}}}}}").expect("string write");
            continue;
        }
        let (name, arg) = directive.split_once(' ').unwrap_or((directive, ""));
        let arg = arg.trim();
        match name {
            "claim" => {
                let (id, which) = arg.split_once(' ').unwrap_or((arg, ""));
                let claim = inputs.claims.iter().find(|c| c.id == id).ok_or_else(|| {
                    err(format!(
                        "unknown claim id `{id}` (see `cargo xtask claims`)"
                    ))
                })?;
                let badge = format!("verdict verdict-{}", claim.verdict.slug());
                let (class, value) = match which.trim() {
                    "" if !claim.computed_html.is_empty() => ("claim", claim.computed_html.clone()),
                    "" | "stated" => ("claim", claim.stated_html.clone()),
                    "verdict" => (badge.as_str(), claim.verdict.to_string()),
                    other => {
                        return Err(err(format!(
                            "`{{{{#claim {id} {other}}}}}`: the options are `stated` and `verdict`"
                        )));
                    }
                };
                let ledger = ledger_page.ok_or_else(|| {
                    err("`{{#claim}}` needs a page holding `{{#ledger}}` to link to".into())
                })?;
                used.insert(claim.id.clone());
                write!(
                    out,
                    "[<span class=\"{class}\" title=\"{verdict}; stated: {stated}\">{value}</span>]({to_root}{ledger}#{anchor})",
                    verdict = claim.verdict,
                    stated = attribute(&claim.stated),
                    value = value,
                    ledger = ledger.display(),
                    anchor = anchor(&claim.id),
                )
                .expect("string write");
            }
            "figure" => {
                let (figure, alt) = arg.split_once(' ').unwrap_or((arg, ""));
                let on_disk = inputs.src_dir.join("generated/figures").join(figure);
                if figure.is_empty() || !on_disk.is_file() {
                    return Err(err(format!(
                        "figure `{figure}` not found at {} (run `cargo xtask regenerate`)",
                        on_disk.display()
                    )));
                }
                write!(
                    out,
                    "<figure class=\"generated\"><img src=\"{to_root}generated/figures/{figure}\" alt=\"{}\"></figure>",
                    attribute(alt)
                )
                .expect("string write");
            }
            "ledger" if arg.is_empty() => out.push_str(&render_ledger(inputs.claims)),
            "scoreboard" if arg.is_empty() => {
                let ledger = ledger_page.ok_or_else(|| {
                    err("`{{#scoreboard}}` needs a page holding `{{#ledger}}` to link to".into())
                })?;
                out.push_str(&render_scoreboard(
                    inputs.claims,
                    &pages.shown_in,
                    ledger,
                    &to_root,
                ));
            }
            _ => {
                // Leave other preprocessors' directives ({{#include}}, …) alone.
                write!(out, "{{{{#{directive}}}}}").expect("string write");
            }
        }
    }
    out.push_str(rest);
    ch.content = out;
    Ok(())
}

/// `../../` for a page at `a/b/page.md`.
fn relative_root(page: &Path) -> String {
    "../".repeat(page.components().count().saturating_sub(1))
}

fn attribute(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn chapter_title(chapter: &str) -> String {
    let mut title = chapter.to_string();
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    title
}

/// Every claim at a glance, one table per chapter: the claim's id linked to its ledger row,
/// its verdict, the stated and the computed value, and the page that discusses it.
fn render_scoreboard(
    claims: &[ClaimRecord],
    shown_in: &BTreeMap<String, (PathBuf, String)>,
    ledger: &Path,
    to_root: &str,
) -> String {
    let mut out = String::new();
    let mut chapter = "";
    for c in claims {
        if c.chapter != chapter {
            chapter = &c.chapter;
            write!(
                out,
                "\n**{}**\n\n| claim | verdict | stated | computed | discussed in |\n|---|---|---|---|---|\n",
                chapter_title(chapter)
            )
            .expect("string write");
        }
        let page = shown_in.get(&c.id).map_or_else(
            || "—".to_string(),
            |(path, title)| format!("[{}]({to_root}{})", cell(title), path.display()),
        );
        writeln!(
            out,
            "| [`{id}`]({to_root}{ledger}#{anchor}) | <span class=\"verdict verdict-{v}\">{verdict}</span> | {stated} | {computed} | {page} |",
            id = c.id,
            ledger = ledger.display(),
            anchor = anchor(&c.id),
            v = c.verdict.slug(),
            verdict = c.verdict,
            stated = cell(&c.stated_html),
            computed = if c.computed_html.is_empty() { "—".to_string() } else { cell(&c.computed_html) },
        )
        .expect("string write");
    }
    out
}

/// The ledger appendix: one table per claim, grouped by chapter.
pub fn render_ledger(claims: &[ClaimRecord]) -> String {
    let mut out = String::new();
    let mut chapter = "";
    for c in claims {
        if c.chapter != chapter {
            chapter = &c.chapter;
            writeln!(out, "\n## {}\n", chapter_title(chapter)).expect("string write");
        }
        let computed = if c.computed_html.is_empty() {
            "—"
        } else {
            &c.computed_html
        };
        writeln!(
            out,
            "<a id=\"{anchor}\"></a>\n\n### `{id}`\n\n| | |\n|---|---|\n\
             | Source | {source} (`{seed}`) |\n| Quote | “{quote}” |\n| Stated | {stated} |\n\
             | Computed | {computed} |\n| Verdict | <span class=\"verdict verdict-{v}\">{verdict}</span> |\n\
             | Reason | {reason} |\n| Test | `{test}` |\n",
            anchor = anchor(&c.id),
            id = c.id,
            source = cell(&c.source),
            seed = c.seed_file,
            quote = cell(&c.quote),
            stated = cell(&c.stated_html),
            computed = cell(computed),
            v = c.verdict.slug(),
            verdict = c.verdict,
            reason = cell(&c.reason),
            test = c.test,
        )
        .expect("string write");
    }
    out
}
