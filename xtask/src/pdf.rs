//! `cargo xtask pdf`: the whole book as one PDF, `book/counting-checked.pdf`.
//!
//! mdBook's `print.html` holds every chapter on one page. It is loaded in headless
//! Chromium from the in-process server, checked like any page (math rendered, figures
//! drawn, nothing fetched from outside, a clean console) once its load event and web fonts
//! are in, and printed with `Page.printToPDF`. Printing over CDP rather than with
//! `--print-to-pdf` means the PDF is made only after those checks pass, with no guessed
//! time budget.

use crate::browser::{self, Browser, PROBE, Server};
use crate::project::target_dir;
use anyhow::{Result, bail};
use serde_json::json;
use std::time::Instant;

pub fn run() -> Result<()> {
    let started = Instant::now();
    let book = browser::book_dir(None)?;
    if !book.join("print.html").is_file() {
        bail!(
            "{} is missing (is [output.html] print disabled in book.toml?)",
            book.join("print.html").display()
        );
    }
    let server = Server::start(&book)?;
    let base = server.base_url();
    let scratch = target_dir().join("pdf");
    std::fs::create_dir_all(&scratch)?;
    let mut browser = Browser::launch(&scratch)?;
    let mut tab = browser.new_tab()?;
    // print.html opens the print dialog on load; the PDF is made over CDP instead.
    tab.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({"source": "window.print = () => {}; localStorage.setItem('mdbook-theme', 'light');"}),
    )?;
    tab.navigate(&format!("{base}print.html"))?;
    let probe = tab.eval(PROBE)?;
    let mut problems = browser::content(&probe, true);
    if probe["figures"].as_array().is_none_or(Vec::is_empty) {
        problems.push("print.html has no generated figures".into());
    }
    problems.extend(browser::events(&tab.take_events()?, &base));
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("FAIL print.html: {p}");
        }
        bail!(
            "print.html is not ready to print ({} problems above)",
            problems.len()
        );
    }
    for wide in too_wide(&mut tab)? {
        eprintln!("pdf: warning: print.html: {wide}");
    }
    let printed = tab.call(
        "Page.printToPDF",
        json!({"printBackground": true, "preferCSSPageSize": true}),
    )?;
    let pdf = browser::decode_base64(&printed["data"])?;
    drop(browser);
    let _ = std::fs::remove_dir_all(&scratch);

    let pages = page_count(&pdf);
    if !pdf.starts_with(b"%PDF") || pages == 0 {
        bail!("Chromium's PDF has no pages");
    }
    // Rendered math reaches the PDF as text in KaTeX's own fonts, embedded by name.
    if !contains(&pdf, b"+KaTeX_") {
        bail!("the PDF embeds no KaTeX font: the math did not come out");
    }
    let path = book.join("counting-checked.pdf");
    std::fs::write(&path, &pdf)?;
    println!(
        "pdf: {} ({pages} pages, {} KiB; {} math elements and {} figures on print.html), in {:.1} s",
        path.display(),
        pdf.len() / 1024,
        probe["katex"],
        probe["figures"].as_array().map_or(0, Vec::len),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Letter paper's width less Chromium's default margins (8.5 in - 2 x 1 cm), in CSS px.
const PRINTABLE_WIDTH_PX: u32 = 741;

/// Tables and code blocks wider than the printed page: the browser lets a reader scroll
/// them sideways, the PDF cuts their right part off. Reported, not failed: it is the
/// book's layout to fix, and the rest of the PDF is still worth having.
fn too_wide(tab: &mut browser::Tab) -> Result<Vec<String>> {
    tab.call("Emulation.setEmulatedMedia", json!({"media": "print"}))?;
    tab.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": PRINTABLE_WIDTH_PX, "height": 1000, "deviceScaleFactor": 1, "mobile": false}),
    )?;
    let found = tab.eval(
        r#"(() => {
  const headings = [...document.querySelectorAll('main h1, main h2, main h3, main h4')];
  return [...document.querySelectorAll('main .table-wrapper, main pre')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => {
      const before = headings.filter((h) => h.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
      const under = before.length ? before[before.length - 1].textContent.trim() : '(top)';
      const what = e.tagName === 'PRE' ? 'a code block' : 'a table';
      return `${what} under "${under}" is ${e.scrollWidth} px wide on a ${e.clientWidth} px page: its right part is cut off in the PDF`;
    });
})()"#,
    )?;
    tab.call("Emulation.clearDeviceMetricsOverride", json!({}))?;
    tab.call("Emulation.setEmulatedMedia", json!({"media": ""}))?;
    Ok(found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect())
}

/// The number of page objects (`/Type /Page`, not `/Pages`) in a PDF as Chromium writes
/// it: uncompressed object dictionaries, no object streams.
fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
        .count()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_pages_not_the_page_tree() {
        let pdf = b"%PDF-1.4 << /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page\n>>";
        assert_eq!(super::page_count(pdf), 2);
    }
}
