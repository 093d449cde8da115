//! The Reproduce appendix's measured part: what each chapter cost to regenerate in the build
//! that produced the page, and the pinned versions of every tool it used.
//!
//! Written to `src/generated/reproduce.md` by `regenerate` and included by the appendix page.
//! Timings vary from machine to machine, so the determinism check compares only the claims
//! and the figures, not this file.

use crate::tools;
use std::fmt::Write as _;
use std::process::Command;

/// One chapter's regeneration, in seconds.
pub struct ChapterCost {
    pub name: &'static str,
    pub title: &'static str,
    /// Running the experiments and assessing the claims.
    pub claims: f64,
    /// Drawing the figures.
    pub figures: f64,
    /// Each experiment's share of `claims`.
    pub experiments: Vec<(&'static str, f64)>,
}

/// The Markdown fragment: a table of chapters with their experiments, then the tools.
pub fn fragment(costs: &[ChapterCost], wall_seconds: f64, run: &str) -> String {
    let mut out = format!(
        "This build's numbers: {run}.\n\n| chapter | claims (wall clock) | figures | each experiment |\n|---|--:|--:|---|\n",
    );
    for c in costs {
        let parts: Vec<String> = c
            .experiments
            .iter()
            .map(|(name, s)| format!("{name} {s:.1} s"))
            .collect();
        writeln!(
            out,
            "| {} | {:.1} s | {:.1} s | {} |",
            c.title,
            c.claims,
            c.figures,
            if parts.is_empty() {
                "—".to_string()
            } else {
                parts.join(", ")
            }
        )
        .expect("string write");
    }
    writeln!(
        out,
        "\nIn all, {wall_seconds:.0} s of wall clock on {} with {} logical CPUs. The chapters \
         run side by side, and a chapter runs some experiments side by side on separate \
         threads, so the times above add up to more than the whole, and each is longer than \
         it would be alone.\n",
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(1, usize::from)
    )
    .expect("string write");
    out.push_str("| tool | version |\n|---|---|\n");
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or_else(|| "not found".to_string(), |v| v.trim().to_string());
    for (tool, version) in [
        ("Rust", rustc.as_str()),
        ("mdBook", tools::MDBOOK),
        ("mdbook-katex", tools::MDBOOK_KATEX),
        ("KaTeX (CSS and fonts)", tools::KATEX),
        ("evcxr_jupyter", tools::EVCXR_JUPYTER),
        ("Python packages", "notebooks/requirements.txt"),
    ] {
        writeln!(out, "| {tool} | `{version}` |").expect("string write");
    }
    out
}
