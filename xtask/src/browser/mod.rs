//! `cargo xtask browser-test`: every page of the built book, opened in headless Chromium.
//!
//! Why a real browser: the book promises pages that load nothing from outside, math that is
//! rendered, figures that show and links that land, and only a browser running the
//! pages' own scripts and stylesheets can tell. The book is served from this process on
//! 127.0.0.1 ([`server`]) and Chromium is driven over the DevTools protocol ([`cdp`]);
//! [`checks`] words what it reports as problems, one line per page and failure.
//!
//! One pass over the pages per mdBook theme: the first, in the light theme, runs every
//! check and takes a screenshot; each of the others ([`OTHER_THEMES`]) loads every page,
//! checks that the theme took, that the figures' ink follows the theme's text colour and
//! that the console stayed clean, and takes that theme's screenshot. A last pass loads every
//! page on a phone's screen ([`PHONE`]): the page must not scroll sideways, a wide table or
//! code block must scroll inside its own box, and figure text must stay legible; it takes a
//! screenshot too. Screenshots and the list of external links go to `target/browser-test/`.

mod cdp;
mod checks;
mod server;

pub use cdp::{Browser, Tab, chromium_path};
pub use checks::{PROBE, content, events};
pub use server::Server;

use crate::project::{root, target_dir};
use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// mdBook's themes besides the default light one, each checked on every page: the book
/// promises figures that read in all of them.
const OTHER_THEMES: [&str; 4] = ["rust", "coal", "navy", "ayu"];

/// The viewport screenshots are taken at (a laptop screen, sidebar shown).
const VIEWPORT: (u32, u32) = (1280, 900);

/// A phone's screen, in CSS px (an iPhone 12 to 15 held upright).
const PHONE: (u32, u32) = (390, 844);

/// The smallest figure text a phone may show, in CSS px: below it, labels are unreadable
/// without zooming.
const SMALLEST_FIGURE_TEXT_PX: f64 = 8.0;

/// The rendered book (`book/` unless `dir` names another), or an error saying how to get it.
pub fn book_dir(dir: Option<PathBuf>) -> Result<PathBuf> {
    let book = dir.unwrap_or_else(|| root().join("book"));
    if !book.join("index.html").is_file() {
        bail!(
            "no rendered book: {} is missing (run `cargo xtask book` first)",
            book.join("index.html").display()
        );
    }
    Ok(book)
}

/// The pages to check: every `.html` in `book/` but `print.html` (the whole book on one
/// page, which `cargo xtask pdf` checks), `404.html` and mdBook's `toc.html` (the
/// sidebar for readers without JavaScript), relative to `book/`, sorted.
fn pages(book: &Path) -> Result<Vec<String>> {
    let mut pages = Vec::new();
    let mut dirs = vec![book.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let rel = path
                    .strip_prefix(book)?
                    .to_string_lossy()
                    .replace('\\', "/");
                if !["print.html", "404.html", "toc.html"].contains(&rel.as_str()) {
                    pages.push(rel);
                }
            }
        }
    }
    pages.sort();
    Ok(pages)
}

/// The page's Markdown source, if it has one (`index.html` is a copy of the first chapter).
fn source(page: &str) -> Option<String> {
    std::fs::read_to_string(root().join("src").join(page.replace(".html", ".md"))).ok()
}

/// A problem, named by the page it is on.
type Problem = (String, String);

pub fn run(book: Option<PathBuf>) -> Result<()> {
    let started = Instant::now();
    let book = book_dir(book)?;
    let out = target_dir().join("browser-test");
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("clearing {}", out.display()))?;
    }
    std::fs::create_dir_all(&out)?;
    let pages = pages(&book)?;
    let server = Server::start(&book)?;
    let base = server.base_url();
    let mut browser = Browser::launch(&out)?;
    let mut tab = browser.new_tab()?;
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": VIEWPORT.0, "height": VIEWPORT.1, "deviceScaleFactor": 1, "mobile": false}),
    )?;

    let mut problems: Vec<Problem> = Vec::new();
    let mut links = checks::Links::default();
    let mut ids = HashMap::new();
    let mut searched = 0;

    let light = theme_on_load(&mut tab, None, "light")?;
    for page in &pages {
        let found = check_page(
            &mut tab,
            &base,
            page,
            &out,
            &mut links,
            &mut ids,
            &mut searched,
        )
        .unwrap_or_else(|e| vec![format!("could not be checked: {e:#}")]);
        problems.extend(found.into_iter().map(|p| (page.clone(), p)));
    }
    let mut previous = light;
    for theme in OTHER_THEMES {
        previous = theme_on_load(&mut tab, Some(previous), theme)?;
        for page in &pages {
            let found = themed_page(&mut tab, &base, page, theme, &out)
                .unwrap_or_else(|e| vec![format!("could not be checked: {e:#}")]);
            // What the light pass already reported for this page is not news.
            let news: Vec<String> = found
                .into_iter()
                .filter(|p| !problems.contains(&(page.clone(), p.clone())))
                .collect();
            problems.extend(
                news.into_iter()
                    .map(|p| (page.clone(), format!("{theme} theme: {p}"))),
            );
        }
    }
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": PHONE.0, "height": PHONE.1, "deviceScaleFactor": 1, "mobile": true}),
    )?;
    theme_on_load(&mut tab, Some(previous), "light")?;
    for page in &pages {
        let found = phone_page(&mut tab, &base, page, &out)
            .unwrap_or_else(|e| vec![format!("could not be checked: {e:#}")]);
        problems.extend(
            found
                .into_iter()
                .map(|p| (page.clone(), format!("on a {} px phone: {p}", PHONE.0))),
        );
    }
    drop(browser);

    problems.extend(links.broken(&book, &base, &ids));
    let external = write_external_links(&links, &out)?;

    for (page, problem) in &problems {
        eprintln!("FAIL {page}: {problem}");
    }
    let pages_failing: BTreeSet<&String> = problems.iter().map(|(p, _)| p).collect();
    println!(
        "browser-test: {} pages checked ({} searched, {} screenshots in {}), {} internal links \
         resolved, {external} external links listed in external-links.txt, {} problems on {} pages, \
         in {:.1} s",
        pages.len(),
        searched,
        (2 + OTHER_THEMES.len()) * pages.len(),
        out.display(),
        links.internal_count(),
        problems.len(),
        pages_failing.len(),
        started.elapsed().as_secs_f64()
    );
    if !problems.is_empty() {
        bail!(
            "{} problems on {} pages (listed above)",
            problems.len(),
            pages_failing.len()
        );
    }
    Ok(())
}

/// Loads `page` in the light theme and runs every check on it.
fn check_page(
    tab: &mut Tab,
    base: &str,
    page: &str,
    out: &Path,
    links: &mut checks::Links,
    ids: &mut HashMap<String, BTreeSet<String>>,
    searched: &mut usize,
) -> Result<Vec<String>> {
    tab.navigate(&format!("{base}{page}"))?;
    let probe = tab.eval(PROBE)?;
    let source = source(page);
    let had_math = source.as_deref().is_some_and(checks::source_has_math);
    let mut found = content(&probe, had_math);
    if !probe["theme"].as_str().unwrap_or("").contains("light") {
        found.push(format!(
            "the light theme did not take (html class \"{}\")",
            probe["theme"]
        ));
    }
    links.add(page, &probe, base);
    ids.insert(
        page.to_string(),
        probe["ids"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
    );
    screenshot(tab, &out.join(shot_name(page, "light")))?;
    if source.is_some() {
        if let Some(problem) = search(tab, base, page, probe["title"].as_str().unwrap_or(""))? {
            found.push(problem);
        }
        *searched += 1;
    }
    found.extend(events(&tab.take_events()?, base));
    Ok(found)
}

/// Loads `page` in `theme`: the theme must take, every figure's ink must be the colour of
/// the theme's text, and the console must stay clean.
fn themed_page(
    tab: &mut Tab,
    base: &str,
    page: &str,
    theme: &str,
    out: &Path,
) -> Result<Vec<String>> {
    tab.navigate(&format!("{base}{page}"))?;
    let shown = tab.eval(THEME_PROBE)?;
    let class = shown["theme"].as_str().unwrap_or("");
    let mut found = Vec::new();
    if !class.split_whitespace().any(|c| c == theme) {
        found.push(format!("the theme did not take (html class \"{class}\")"));
    }
    for figure in shown["offColour"].as_array().into_iter().flatten() {
        found.push(format!(
            "figure {figure}: its ink is not the theme's text colour ({})",
            shown["text"]
        ));
    }
    screenshot(tab, &out.join(shot_name(page, theme)))?;
    found.extend(events(&tab.take_events()?, base));
    Ok(found)
}

/// Loads `page` on a phone's screen: nothing may stick out past the screen's edge unless it
/// scrolls in its own box, and figure text must stay legible.
fn phone_page(tab: &mut Tab, base: &str, page: &str, out: &Path) -> Result<Vec<String>> {
    tab.navigate(&format!("{base}{page}"))?;
    let probe = PHONE_PROBE
        .replace(
            "SMALLEST_FIGURE_TEXT_PX",
            &SMALLEST_FIGURE_TEXT_PX.to_string(),
        )
        .replace("PHONE_WIDTH", &PHONE.0.to_string());
    let found = tab.eval(&probe)?;
    let mut problems: Vec<String> = found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    screenshot(tab, &out.join(shot_name(page, "phone")))?;
    problems.extend(events(&tab.take_events()?, base));
    Ok(problems)
}

/// What a phone's reader would trip on: a page wider than the screen, a table or code block
/// past its edge that does not scroll in a box of its own, figure text below
/// `SMALLEST_FIGURE_TEXT_PX` (the figure's smallest font size times the scale it is drawn at).
///
/// The width is the phone's, not `innerWidth`: a mobile browser widens its layout viewport to
/// fit content that overflows, which would hide the overflow it is looking for.
const PHONE_PROBE: &str = r#"document.fonts.ready.then(() => {
  const width = PHONE_WIDTH;
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > width + 1) problems.push(`the page is ${page} px wide: it scrolls sideways`);
  const inScrollBox = (e) => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  for (const e of document.querySelectorAll('main table, main pre')) {
    const right = e.getBoundingClientRect().right;
    if (right > width + 1 && !inScrollBox(e)) {
      problems.push(`a ${e.tagName.toLowerCase()} reaches ${Math.round(right)} px and does not scroll in a box of its own`);
    }
  }
  [...document.querySelectorAll('figure.generated svg')].forEach((svg, i) => {
    const box = svg.viewBox.baseVal;
    const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    const sizes = [...svg.querySelectorAll('text')]
      .map((t) => parseFloat(t.getAttribute('font-size')))
      .filter((x) => x > 0);
    if (sizes.length > 0) {
      const px = Math.min(...sizes) * scale;
      if (px < SMALLEST_FIGURE_TEXT_PX) problems.push(`figure ${i + 1}: its smallest text is ${px.toFixed(1)} px`);
    }
  });
  return problems;
})"#;

/// The page's theme class, its text colour, and the (1-based) figures whose inlined SVG
/// is drawn in another colour: their `currentColor` ink would then not follow the theme.
const THEME_PROBE: &str = r#"document.fonts.ready.then(() => {
  const text = getComputedStyle(document.querySelector('main') || document.body).color;
  const offColour = [...document.querySelectorAll('figure.generated svg')]
    .map((svg, i) => [i + 1, getComputedStyle(svg).color])
    .filter(([, colour]) => colour !== text)
    .map(([i]) => i);
  return { theme: document.documentElement.className, text, offColour };
})"#;

/// Stores `theme` as the reader's choice before any script of the next pages runs, in
/// place of the `previous` such script; returns the new script's id.
fn theme_on_load(tab: &mut Tab, previous: Option<String>, theme: &str) -> Result<String> {
    if let Some(identifier) = previous {
        tab.call(
            "Page.removeScriptToEvaluateOnNewDocument",
            json!({"identifier": identifier}),
        )?;
    }
    let added = tab.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": format!("localStorage.setItem('mdbook-theme', '{theme}');")}),
    )?;
    Ok(added["identifier"]
        .as_str()
        .context("no script identifier")?
        .to_string())
}

/// `counting/arithmetic.html` → `counting-arithmetic-light.png`.
fn shot_name(page: &str, theme: &str) -> String {
    format!(
        "{}-{theme}.png",
        page.trim_end_matches(".html").replace('/', "-")
    )
}

/// A PNG of the whole page, not only the viewport.
fn screenshot(tab: &mut Tab, path: &Path) -> Result<()> {
    let metrics = tab.call("Page.getLayoutMetrics", json!({}))?;
    let size = &metrics["cssContentSize"];
    let (w, h) = (
        size["width"].as_f64().unwrap_or(1.0),
        size["height"].as_f64().unwrap_or(1.0),
    );
    let shot = tab.call(
        "Page.captureScreenshot",
        json!({
            "format": "png",
            "captureBeyondViewport": true,
            "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1},
        }),
    )?;
    let png = decode_base64(&shot["data"])?;
    std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))
}

/// The bytes of a base64 string CDP sent (screenshots, PDFs).
pub fn decode_base64(data: &Value) -> Result<Vec<u8>> {
    let text = data.as_str().context("no data in Chromium's answer")?;
    data_encoding::BASE64
        .decode(text.as_bytes())
        .context("Chromium's data is not base64")
}

/// The English stop words mdBook's search index (elasticlunr) leaves out: a title word
/// among them can never find its page.
const STOP_WORDS: &[&str] = &[
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could",
    "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from", "get", "got",
    "had", "has", "have", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "just", "least", "let", "like", "likely", "may", "me", "might",
    "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or",
    "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to",
    "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
];

/// The word of a title to search for: its longest that the search index keeps.
fn search_term(title: &str) -> Option<&str> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.to_lowercase().as_str()))
        .max_by_key(|w| w.chars().count())
}

/// Types the longest indexed word of the page's title into mdBook's search box and expects
/// the page among the hits. `None` when it is.
fn search(tab: &mut Tab, base: &str, page: &str, title: &str) -> Result<Option<String>> {
    let Some(term) = search_term(title) else {
        return Ok(Some(
            "the page has no <h1> title with a word the search index keeps".into(),
        ));
    };
    let result = tab.eval(&checks::search_script(term))?;
    if let Some(err) = result["error"].as_str() {
        return Ok(Some(format!("search: {err}")));
    }
    let hits: Vec<&str> = result["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let wanted = format!("{base}{page}");
    if hits
        .iter()
        .any(|h| h.split(['?', '#']).next() == Some(wanted.as_str()))
    {
        return Ok(None);
    }
    let mut message = format!(
        "searching for \"{term}\" does not find this page ({} hits",
        hits.len()
    );
    if let Some(first) = hits.first() {
        let _ = write!(message, ", first {}", first.trim_start_matches(base));
    }
    message.push(')');
    Ok(Some(message))
}

/// Writes `external-links.txt`: each external URL and the pages linking to it. Returns how
/// many there are. Offline, they are listed for a person to look at, not fetched.
fn write_external_links(links: &checks::Links, out: &Path) -> Result<usize> {
    let hosts: BTreeSet<&str> = links
        .external
        .keys()
        .filter_map(|u| u.split('/').nth(2))
        .collect();
    let mut text = format!(
        "# External links in the book: {} links to {} hosts. Listed, not fetched (the check runs offline).\n\
         # URL<TAB>pages linking to it\n",
        links.external.len(),
        hosts.len()
    );
    for (url, pages) in &links.external {
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let _ = writeln!(text, "{url}\t{}", pages.join(", "));
    }
    std::fs::write(out.join("external-links.txt"), text)?;
    Ok(links.external.len())
}

#[cfg(test)]
mod tests {
    use super::search_term;

    #[test]
    fn the_search_term_is_the_longest_word_the_index_keeps() {
        assert_eq!(search_term("Is there a goal?"), Some("goal"));
        assert_eq!(search_term("Probing for a goal slot"), Some("Probing"));
        assert_eq!(search_term("There, which, would"), None);
        assert_eq!(search_term(""), None);
    }
}
