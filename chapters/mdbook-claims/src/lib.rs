//! An mdBook preprocessor that puts the ledger's numbers into the book's pages.
//!
//! Directives, in any chapter:
//! - `{{#claim ID}}` — the claim's computed value as the ledger prints it, linked to the
//!   claim's row in the ledger appendix (the stated value when nothing can be computed);
//! - `{{#claim ID stated}}` — the value as the source states it, linked the same way;
//! - `{{#claim ID verdict}}` — the claim's verdict, linked the same way;
//! - `{{#figure FILE ALT TEXT}}` — a generated figure from `generated/figures/FILE`, inlined
//!   so that its ink follows the theme's text colour; the alt text is required, since it is
//!   all a screen reader has of the figure;
//! - `{{#ledger}}` — the whole ledger, chapter by chapter (the appendix page);
//! - `{{#scoreboard}}` — every claim at a glance: what the source says, what the book
//!   computes, the verdict, and links to the page that discusses it and to its ledger row;
//! - `{{#tally}}` — a figure of each chapter's claims counted by verdict;
//! - `{{#cite KEY…}}` — a citation of one or more works in `references.bib`, linked to
//!   their entries on the page holding `{{#references}}`;
//! - `{{#references}}` — every work in the bibliography, with the pages that cite it.
//!
//! A backslash before the braces (`\{{#claim …}}`) leaves a directive as literal text.
//! An unknown claim id or citation key, a missing figure or a page that uses `{{#claim}}`
//! when no page holds `{{#ledger}}` is an error naming the file and line; a claim that no
//! page shows, or a reference that no page cites, is reported as a warning, so the prose,
//! the ledger and the bibliography cannot drift apart silently.
//!
//! Figures are numbered on each page and captioned, under the figure, with their alt text.
//! A verdict badge written in parentheses, `({{#claim ID verdict}})`, is kept on one line
//! with its parentheses and the word before it.
//!
//! Nothing the preprocessor does not fully understand reaches the page: a `{{#` that is not
//! closed by `}}` on its own line, a directive name it does not know (`{{#clam …}}`; mdBook's
//! own `include`, `rustdoc_include`, `playground` and `title` are left to mdBook), arguments
//! after `{{#ledger}}`, `{{#scoreboard}}`, `{{#tally}}` or `{{#references}}`, and a figure without alt
//! text are all errors naming the file and line. A mistake that printed as literal text
//! would otherwise pass the build with only the reader to notice.

pub mod bibliography;
mod overview;
mod prose;

use bibliography::Reference;

use ledger::ClaimRecord;
use mdbook_preprocessor::book::{Book, Chapter};
use overview::{breakable_id, cell};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a run found besides errors.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Claims in the ledger that no page shows, in ledger order.
    pub unused: Vec<String>,
    /// Bibliography keys that no page cites, in file order.
    pub uncited: Vec<String>,
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
    /// The bibliography, in file order.
    pub references: &'a [Reference],
}

/// What the pages used, for the warnings in [`Report`].
#[derive(Default)]
struct Usage {
    claims: BTreeSet<String>,
    cited: BTreeSet<String>,
}

const LEDGER_DIRECTIVE: &str = "{{#ledger}}";
/// The directives this preprocessor expands. Anything else after `{{#` is an error, so that
/// a typo (`{{#clam …}}`) fails the build instead of printing on the page.
const OURS: [&str; 7] = [
    "claim",
    "figure",
    "cite",
    "ledger",
    "scoreboard",
    "tally",
    "references",
];
/// Ours that take nothing after the name: `{{#ledger extra}}` is a mistake, not a ledger.
const NO_ARGUMENTS: [&str; 4] = ["ledger", "scoreboard", "tally", "references"];
/// mdBook's own directives, which its `links` preprocessor expands: left alone here.
const MDBOOK_DIRECTIVES: [&str; 4] = ["include", "rustdoc_include", "playground", "title"];
const REFERENCES_DIRECTIVE: &str = "{{#references}}";

/// A claim's value of at most this many words is a number with its unit and is kept on one
/// line; a longer one is words, and wraps.
const WORDS_KEPT_TOGETHER: usize = 4;

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
    let mut used = Usage::default();
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
        .filter(|c| !used.claims.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    let uncited = inputs
        .references
        .iter()
        .filter(|r| !used.cited.contains(&r.key))
        .map(|r| r.key.clone())
        .collect();
    Ok(Report { unused, uncited })
}

/// Where things are in the book: the ledger and references pages, the first page showing
/// each claim, and every page citing each work.
struct Pages {
    ledger: Option<PathBuf>,
    references: Option<PathBuf>,
    /// Claim id → (page path, page title) of the first page that shows it.
    shown_in: BTreeMap<String, (PathBuf, String)>,
    /// Citation key → (page path, page title) of each page citing it, in book order.
    cited_in: BTreeMap<String, Vec<(PathBuf, String)>>,
}

impl Pages {
    fn of(book: &Book) -> Self {
        let mut shown_in = BTreeMap::new();
        let mut cited_in: BTreeMap<String, Vec<(PathBuf, String)>> = BTreeMap::new();
        for ch in book.chapters() {
            let Some(path) = &ch.path else { continue };
            let page = || (path.clone(), ch.name.clone());
            for arg in directive_arguments(&ch.content, "{{#claim ") {
                let id = arg.split(' ').next().unwrap_or_default();
                shown_in.entry(id.to_string()).or_insert_with(page);
            }
            for arg in directive_arguments(&ch.content, "{{#cite ") {
                for key in citation_keys(arg) {
                    let pages = cited_in.entry(key.to_string()).or_default();
                    if !pages.iter().any(|(p, _)| p == path) {
                        pages.push(page());
                    }
                }
            }
        }
        let page_holding = |directive: &str| {
            book.chapters()
                .find(|ch| ch.content.contains(directive))
                .and_then(|ch| ch.path.clone())
        };
        Pages {
            ledger: page_holding(LEDGER_DIRECTIVE),
            references: page_holding(REFERENCES_DIRECTIVE),
            shown_in,
            cited_in,
        }
    }
}

/// The argument text of each unescaped occurrence of `opening` (e.g. `{{#claim `) in `content`.
fn directive_arguments<'c>(content: &'c str, opening: &str) -> Vec<&'c str> {
    content
        .match_indices(opening)
        .filter(|(at, _)| !content[..*at].ends_with('\\'))
        .filter_map(|(at, _)| {
            let rest = &content[at + opening.len()..];
            rest.find("}}").map(|end| rest[..end].trim())
        })
        .collect()
}

/// The keys of a `{{#cite}}` directive: separated by spaces, commas or semicolons.
fn citation_keys(arg: &str) -> impl Iterator<Item = &str> {
    arg.split([' ', ',', ';']).filter(|k| !k.is_empty())
}

fn expand_chapter(
    ch: &mut Chapter,
    inputs: &Inputs<'_>,
    pages: &Pages,
    used: &mut Usage,
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
    let mut figure_count = 0;
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
        let len = closing(&rest[start..]).map_err(err)?;
        let directive = &rest[start + 3..start + len];
        let escaped = rest[..start].ends_with('\\');
        out.push_str(&rest[..start - usize::from(escaped)]);
        rest = &rest[start + len + 2..];
        if escaped {
            write!(out, "{{{{#{directive}}}}}").expect("string write");
            continue;
        }
        let (name, arg) = directive
            .trim_start()
            .split_once(char::is_whitespace)
            .unwrap_or((directive.trim(), ""));
        let arg = arg.trim();
        if NO_ARGUMENTS.contains(&name) && !arg.is_empty() {
            return Err(err(format!(
                "`{{{{#{name} {arg}}}}}`: `{{{{#{name}}}}}` takes no arguments"
            )));
        }
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
                    "rival" => match &claim.rival_html {
                        Some(html) => ("claim", html.clone()),
                        None => {
                            return Err(err(format!(
                                "`{{{{#claim {id} rival}}}}`: the claim is not checkable, so it has no rival"
                            )));
                        }
                    },
                    other => {
                        return Err(err(format!(
                            "`{{{{#claim {id} {other}}}}}`: the options are `stated`, `verdict` and `rival`"
                        )));
                    }
                };
                // A number ("1.04 × 10^…", "100 steps") is kept on one line; a value in
                // words wraps like the prose around it.
                let class =
                    if class == "claim" && value.split_whitespace().count() > WORDS_KEPT_TOGETHER {
                        "claim claim-words"
                    } else {
                        class
                    };
                let ledger = ledger_page.ok_or_else(|| {
                    err("`{{#claim}}` needs a page holding `{{#ledger}}` to link to".into())
                })?;
                used.claims.insert(claim.id.clone());
                let link = format!(
                    "[<span class=\"{class}\" title=\"{verdict}; stated: {stated}\">{value}</span>]({to_root}{ledger}#{anchor})",
                    verdict = claim.verdict,
                    stated = attribute(&claim.stated),
                    value = value,
                    ledger = ledger.display(),
                    anchor = anchor(&claim.id),
                );
                // A value or badge in parentheses, `({{#claim ID verdict}})`, stays on one
                // line with them and with the word before: no "(" dangles at a line's end.
                let opens = out.ends_with('(');
                let closes = rest.starts_with(')');
                if opens {
                    out.pop();
                    if out.ends_with([' ', '\n']) {
                        out.pop();
                        out.push('\u{a0}');
                    }
                }
                if closes {
                    rest = &rest[1..];
                }
                if opens || closes {
                    write!(
                        out,
                        "<span class=\"together\">{}{link}{}</span>",
                        if opens { "(" } else { "" },
                        if closes { ")" } else { "" }
                    )
                    .expect("string write");
                } else {
                    out.push_str(&link);
                }
            }
            "figure" => {
                let (figure, alt) = arg.split_once(' ').unwrap_or((arg, ""));
                let alt = alt.trim();
                if !figure.is_empty() && alt.is_empty() {
                    return Err(err(format!(
                        "`{{{{#figure {figure}}}}}` has no alt text: write `{{{{#figure {figure} \
                         WHAT IT SHOWS}}}}`, the words a screen reader says in its place"
                    )));
                }
                let on_disk = inputs
                    .src_dir
                    .join(ledger::GENERATED_DIR)
                    .join(ledger::FIGURES_DIR)
                    .join(figure);
                if figure.is_empty() || !on_disk.is_file() {
                    return Err(err(format!(
                        "figure `{figure}` not found at {} (run `cargo xtask regenerate`)",
                        on_disk.display()
                    )));
                }
                let svg = std::fs::read_to_string(&on_disk).map_err(|e| {
                    err(format!(
                        "figure `{figure}` unreadable at {}: {e}",
                        on_disk.display()
                    ))
                })?;
                let svg = figures::themed(&svg);
                if !svg.starts_with("<svg") {
                    return Err(err(format!("figure `{figure}` is not an SVG document")));
                }
                figure_count += 1;
                out.push_str(&figure_html(figure_count, &svg, alt));
            }
            "cite" => {
                let references_page = pages.references.as_deref().ok_or_else(|| {
                    err("`{{#cite}}` needs a page holding `{{#references}}` to link to".into())
                })?;
                let mut links = Vec::new();
                for key in citation_keys(arg) {
                    let reference =
                        inputs
                            .references
                            .iter()
                            .find(|r| r.key == key)
                            .ok_or_else(|| {
                                err(format!(
                                    "unknown citation key `{key}` (not in src/references.bib)"
                                ))
                            })?;
                    used.cited.insert(reference.key.clone());
                    links.push(format!(
                        "[{}]({to_root}{}#{})",
                        reference.in_text(),
                        references_page.display(),
                        reference.anchor()
                    ));
                }
                if links.is_empty() {
                    return Err(err("`{{#cite}}` names no citation key".into()));
                }
                write!(out, "<span class=\"cite\">({})</span>", links.join("; "))
                    .expect("string write");
            }
            "references" => {
                out.push_str(&render_references(
                    inputs.references,
                    &pages.cited_in,
                    &to_root,
                ));
            }
            "ledger" => out.push_str(&render_ledger(
                inputs.claims,
                pages.references.as_deref(),
                &to_root,
            )),
            "scoreboard" => {
                let ledger = ledger_page.ok_or_else(|| {
                    err("`{{#scoreboard}}` needs a page holding `{{#ledger}}` to link to".into())
                })?;
                out.push_str(&overview::render_scoreboard(
                    inputs.claims,
                    &pages.shown_in,
                    ledger,
                    &to_root,
                ));
            }
            "tally" => {
                let (svg, words) = overview::render_tally(inputs.claims)
                    .map_err(|e| err(format!("the tally of verdicts could not be drawn: {e}")))?;
                figure_count += 1;
                out.push_str(&figure_html(figure_count, &figures::themed(&svg), &words));
            }
            _ if MDBOOK_DIRECTIVES.contains(&name) => {
                // mdBook's own links preprocessor expands these.
                write!(out, "{{{{#{directive}}}}}").expect("string write");
            }
            _ => {
                return Err(err(format!(
                    "unknown directive `{{{{#{}}}}}`: this book knows {}, and leaves mdBook's {} to mdBook \
                     (write `\\{{{{#` for a literal `{{{{#`)",
                    directive.trim(),
                    OURS.join(", "),
                    MDBOOK_DIRECTIVES.join(", "),
                )));
            }
        }
    }
    out.push_str(rest);
    ch.content = out;
    Ok(())
}

/// The length of the directive at the start of `text` (which begins with `{{#`) up to its
/// closing `}}`.
///
/// A directive must close on its own line and before any other `{{`: searching further
/// would let an unclosed `{{#figure …` swallow the next directive and leave both as broken
/// text on the page.
fn closing(text: &str) -> Result<usize, String> {
    let body = &text[3..];
    let first = |pattern: &str| body.find(pattern).unwrap_or(usize::MAX);
    let close = first("}}");
    let end = (close < first("\n").min(first("{{"))).then(|| close + 3);
    end.ok_or_else(|| {
        let name = text[3..]
            .split(|c: char| c.is_whitespace() || c == '{' || c == '}')
            .next()
            .unwrap_or_default();
        format!("`{{{{#{name}` is not closed with `}}}}` on its line")
    })
}

/// A numbered figure with its caption under it; the caption also names the figure for a
/// screen reader. `svg` is a whole `<svg …>…</svg>` element.
///
/// The figure carries its drawn width (`--drawn-width`), so that on a narrow screen the
/// stylesheet can keep it at a legible share of that size and let it scroll.
fn figure_html(number: usize, svg: &str, caption: &str) -> String {
    let body = svg.strip_prefix("<svg").unwrap_or(svg);
    let opening = &body[..body.find('>').unwrap_or(body.len())];
    let width = opening
        .split_once(" width=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    let style = width.map_or_else(String::new, |w| format!(" style=\"--drawn-width: {w}px\""));
    format!(
        "<figure class=\"generated\"{style}><svg role=\"img\" aria-label=\"{label}\"{body}\
         <figcaption>Figure {number}. {caption}</figcaption></figure>",
        label = attribute(caption),
    )
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

/// The references page: every work, ordered by first author and year, with links to the
/// pages that cite it.
fn render_references(
    references: &[Reference],
    cited_in: &BTreeMap<String, Vec<(PathBuf, String)>>,
    to_root: &str,
) -> String {
    let mut sorted: Vec<&Reference> = references.iter().collect();
    sorted.sort_by(|a, b| (&a.authors, &a.year).cmp(&(&b.authors, &b.year)));
    let mut out = String::new();
    for r in sorted {
        let authors = match r.authors.as_slice() {
            [rest @ .., last] if last == "others" => format!("{} et al.", rest.join(", ")),
            [rest @ .., last] if !rest.is_empty() => format!("{} & {last}", rest.join(", ")),
            _ => r.authors.join(""),
        };
        write!(
            out,
            "- <a id=\"{}\"></a>**{authors} ({}).** {}.",
            r.anchor(),
            r.year,
            r.title
        )
        .expect("string write");
        if !r.venue.is_empty() {
            write!(out, " *{}*.", r.venue).expect("string write");
        }
        if let Some(url) = &r.url {
            write!(out, " <{url}>.").expect("string write");
        }
        if let Some(pages) = cited_in.get(&r.key) {
            let links: Vec<String> = pages
                .iter()
                .map(|(path, title)| format!("[{title}]({to_root}{})", path.display()))
                .collect();
            write!(out, " Cited in: {}.", links.join(", ")).expect("string write");
        }
        out.push('\n');
    }
    out
}

/// The ledger appendix: one table per claim, grouped by chapter. Each source links to its
/// entry on the `references` page, when the book has one.
pub fn render_ledger(claims: &[ClaimRecord], references: Option<&Path>, to_root: &str) -> String {
    let mut out = String::new();
    let mut chapter = "";
    for c in claims {
        if c.chapter != chapter {
            chapter = &c.chapter;
            writeln!(out, "\n### {}\n", c.chapter_title).expect("string write");
        }
        let computed = if c.computed_html.is_empty() {
            "—"
        } else {
            &c.computed_html
        };
        // A decided claim's reason is its criterion and the outcome; the criterion is already
        // shown as "Holds while", so the reason keeps only the outcome rather than print the
        // criterion (up to a few thousand characters) twice.
        let shows_criterion =
            c.rival.is_some() && c.rival_html.is_some() && c.rival_verdict.is_some();
        let outcome = (shows_criterion && !c.holds_while.is_empty())
            .then(|| c.reason.strip_prefix(c.holds_while.as_str()))
            .flatten()
            .and_then(|rest| rest.strip_prefix(" — "));
        let reason = outcome.map_or_else(
            || prose::numbers(&c.reason),
            |outcome| {
                format!(
                    "the criterion under *Holds while*: {}",
                    prose::numbers(outcome)
                )
            },
        );
        let rival = match (&c.rival, &c.rival_html, c.rival_verdict) {
            (Some(what), Some(text), Some(v)) => format!(
                "| Holds while | {holds} |\n| Rival | the rival ({what}) gives {text}: \
                 <span class=\"verdict verdict-{slug}\">{v}</span> |\n",
                holds = cell(&prose::numbers(&c.holds_while)),
                what = cell(&prose::numbers(what)),
                text = cell(text),
                slug = v.slug(),
            ),
            _ => String::new(),
        };
        writeln!(
            out,
            "<a id=\"{anchor}\"></a>\n\n#### {id}\n\n| | |\n|---|---|\n\
             | Source | {source} |\n| Quote | “{quote}” |\n| Stated | {stated} |\n\
             | Computed | {computed} |\n| Verdict | <span class=\"verdict verdict-{v}\">{verdict}</span> |\n\
             {rival}| Reason | {reason} |\n| Test | <code>{test}</code> |\n",
            anchor = anchor(&c.id),
            id = breakable_id(&c.id),
            source = references.map_or_else(
                || cell(&c.source),
                |page| format!(
                    "[{}]({to_root}{}#{})",
                    cell(&c.source),
                    page.display(),
                    bibliography::anchor(&c.reference)
                )
            ),
            quote = cell(&c.quote_html),
            stated = cell(&c.stated_html),
            computed = cell(computed),
            v = c.verdict.slug(),
            verdict = c.verdict,
            reason = cell(&reason),
            test = c.test.replace('.', ".<wbr>"),
        )
        .expect("string write");
    }
    out
}
