//! What counts as a problem on a page, from what the browser reported.
//!
//! Each function turns the browser's raw report (CDP events, the JSON of `probe.js`) into
//! problems worded for a reader of CI output: what failed and where, one line each. The
//! caller adds the page's name.

use super::cdp::Event;
use super::server;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// Gathers what `probe.js` sees on a loaded page.
pub const PROBE: &str = include_str!("probe.js");

/// Console errors, uncaught exceptions, error log entries, and requests to any host but
/// the book's server.
pub fn events(events: &[Event], base_url: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for e in events {
        let p = &e.params;
        match e.method.as_str() {
            "Runtime.consoleAPICalled" if p["type"] == "error" || p["type"] == "assert" => {
                let args: Vec<String> = p["args"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| match &a["value"] {
                        Value::String(s) => s.clone(),
                        Value::Null => a["description"].as_str().unwrap_or("?").to_string(),
                        v => v.to_string(),
                    })
                    .collect();
                problems.push(format!("console error: {}", args.join(" ")));
            }
            "Runtime.exceptionThrown" => {
                let d = &p["exceptionDetails"];
                let text = d["exception"]["description"]
                    .as_str()
                    .or(d["text"].as_str())
                    .unwrap_or("?");
                // The description holds the stack, one frame a line: keep it on one line.
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                problems.push(format!("uncaught exception: {text}"));
            }
            "Log.entryAdded" if p["entry"]["level"] == "error" => {
                let entry = &p["entry"];
                let url = entry["url"].as_str().unwrap_or("");
                problems.push(format!(
                    "browser error ({}): {} {url}",
                    entry["source"].as_str().unwrap_or("?"),
                    entry["text"].as_str().unwrap_or("?")
                ));
            }
            "Network.requestWillBeSent" => {
                let url = p["request"]["url"].as_str().unwrap_or("");
                if !local(url, base_url) {
                    problems.push(format!("request to outside the book: {url}"));
                }
            }
            _ => {}
        }
    }
    // A request Chromium retries, or an error it logs twice, is one problem.
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    problems
}

/// A URL the page may load: the book's own server, or inline data.
fn local(url: &str, base_url: &str) -> bool {
    url.starts_with(base_url)
        || ["data:", "blob:", "about:"]
            .iter()
            .any(|s| url.starts_with(s))
}

/// Images, generated figures and math, from `probe.js`'s report. `had_math`: the page's
/// Markdown source has TeX in it, so rendered math must be on the page.
pub fn content(probe: &Value, had_math: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for src in strings(&probe["brokenImages"]) {
        problems.push(format!("image did not load: {src}"));
    }
    for fig in probe["figures"].as_array().into_iter().flatten() {
        let (w, h) = (
            fig["width"].as_f64().unwrap_or(0.0),
            fig["height"].as_f64().unwrap_or(0.0),
        );
        if fig["svg"] != true {
            problems.push(format!("figure {} has no <svg>", fig["index"]));
        } else if w <= 0.0 || h <= 0.0 {
            problems.push(format!(
                "figure {} ({}) is drawn at {w}x{h} px",
                fig["index"],
                fig["label"].as_str().unwrap_or("")
            ));
        }
    }
    for raw in strings(&probe["rawMath"]) {
        problems.push(format!(
            "unrendered math in the text: \u{2026}{raw}\u{2026}"
        ));
    }
    for phrase in strings(&probe["repeated"]) {
        problems.push(format!("a word repeated around a claim's value: {phrase}"));
    }
    for err in strings(&probe["katexErrors"]) {
        problems.push(format!("KaTeX could not render: {err}"));
    }
    if had_math && probe["katex"].as_u64().unwrap_or(0) == 0 {
        problems
            .push("the Markdown has math ($…$) but the page has no rendered .katex element".into());
    }
    problems
}

fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

/// Whether Markdown has TeX in it: a `$` outside code blocks and inline code.
pub fn source_has_math(markdown: &str) -> bool {
    let mut fenced = false;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Text between backticks is code: look only at the even-numbered pieces.
        if line.split('`').step_by(2).any(|piece| piece.contains('$')) {
            return true;
        }
    }
    false
}

/// JavaScript that types `term` into mdBook's search box and returns the hits' URLs once
/// the results are shown (mdBook loads its index on first use; waits at most 10 s for it).
pub fn search_script(term: &str) -> String {
    let term = Value::String(term.to_string());
    format!(
        r#"(async (term) => {{
  const bar = document.getElementById('mdbook-searchbar');
  const results = document.getElementById('mdbook-searchresults');
  const header = document.getElementById('mdbook-searchresults-header');
  const toggle = document.getElementById('mdbook-search-toggle');
  if (!bar || !results || !header || !toggle) return {{ error: 'no search box on the page' }};
  const shown = new Promise((resolve) => {{
    const seen = new MutationObserver(() => {{ seen.disconnect(); resolve(true); }});
    seen.observe(header, {{ childList: true, subtree: true, characterData: true }});
    setTimeout(() => {{ seen.disconnect(); resolve(false); }}, 10000);
  }});
  bar.value = term;
  toggle.click();
  bar.dispatchEvent(new KeyboardEvent('keyup'));
  if (!(await shown)) return {{ error: 'no results shown within 10 s of searching for ' + term }};
  return {{ hits: [...results.querySelectorAll('a')].map((a) => a.href) }};
}})({term})"#
    )
}

/// Every link seen on every page, sorted into the book's own and the outside world's.
#[derive(Default)]
pub struct Links {
    /// (page, href as written, URL as the browser resolved it).
    internal: Vec<(String, String, String)>,
    /// External URL → the pages linking to it.
    pub external: BTreeMap<String, BTreeSet<String>>,
}

impl Links {
    /// Records the links of one page from `probe.js`'s report.
    pub fn add(&mut self, page: &str, probe: &Value, base_url: &str) {
        for link in probe["links"].as_array().into_iter().flatten() {
            let href = link["href"].as_str().unwrap_or("").to_string();
            let url = link["url"].as_str().unwrap_or("").to_string();
            if url.starts_with(base_url) {
                self.internal.push((page.to_string(), href, url));
            } else if url.starts_with("http://") || url.starts_with("https://") {
                self.external
                    .entry(url)
                    .or_default()
                    .insert(page.to_string());
            }
        }
    }

    pub fn internal_count(&self) -> usize {
        self.internal.len()
    }

    /// Problems with internal links: the target file must exist in `book`, and a
    /// `#fragment` must be an id on it. `ids` holds the ids of the pages the browser
    /// loaded; other pages are read from disk.
    pub fn broken(
        &self,
        book: &Path,
        base_url: &str,
        ids: &HashMap<String, BTreeSet<String>>,
    ) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut seen = BTreeSet::new();
        for (page, href, url) in &self.internal {
            if !seen.insert((page, url)) {
                continue;
            }
            let rest = &url[base_url.len()..];
            let (path, fragment) = rest.split_once('#').unwrap_or((rest, ""));
            let Some(file) = server::resolve(book, path) else {
                problems.push((page.clone(), format!("link to a missing page: {href}")));
                continue;
            };
            let fragment = server::percent_decode(fragment).unwrap_or_default();
            if fragment.is_empty() || file.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let key = file
                .strip_prefix(book)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            let found = match ids.get(&key) {
                Some(ids) => ids.contains(&fragment),
                None => std::fs::read_to_string(&file)
                    .is_ok_and(|html| html.contains(&format!("id=\"{fragment}\""))),
            };
            if !found {
                problems.push((
                    page.clone(),
                    format!("link to a missing anchor: {href} (no id \"{fragment}\" in {key})"),
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn math_in_markdown_outside_code() {
        assert!(source_has_math("the size $m$ of the set"));
        assert!(!source_has_math(
            "`$HOME` is code\n```sh\necho $PATH\n```\n"
        ));
    }

    #[test]
    fn outside_requests_and_console_errors_are_problems() {
        let base = "http://127.0.0.1:1/";
        let ev = |method: &str, params: Value| Event {
            method: method.into(),
            session: None,
            params,
        };
        let events = [
            ev(
                "Network.requestWillBeSent",
                json!({"request": {"url": "http://127.0.0.1:1/x.css"}}),
            ),
            ev(
                "Network.requestWillBeSent",
                json!({"request": {"url": "https://cdn.example/k.css"}}),
            ),
            ev(
                "Runtime.consoleAPICalled",
                json!({"type": "error", "args": [{"type": "string", "value": "boom"}]}),
            ),
            ev(
                "Runtime.consoleAPICalled",
                json!({"type": "log", "args": []}),
            ),
        ];
        let problems = super::events(&events, base);
        assert_eq!(
            problems,
            [
                "request to outside the book: https://cdn.example/k.css",
                "console error: boom"
            ]
        );
    }

    #[test]
    fn unrendered_math_and_flat_figures_are_problems() {
        let probe = json!({
            "brokenImages": ["a.png"],
            "figures": [{"index": 1, "svg": true, "width": 0.0, "height": 10.0, "label": "f"}],
            "rawMath": ["size $m$ of"],
            "katexErrors": [],
            "katex": 0,
        });
        assert_eq!(content(&probe, true).len(), 4);
    }

    #[test]
    fn a_word_repeated_around_a_claim_is_a_problem() {
        let probe = json!({
            "figures": [],
            "katex": 1,
            "repeated": ["in [100 steps] extra steps (repeats \"steps\")"],
        });
        assert_eq!(
            content(&probe, false),
            [
                "a word repeated around a claim's value: in [100 steps] extra steps (repeats \"steps\")"
            ]
        );
    }
}
