//! `cargo xtask regenerate`: every chapter's claims and figures, written for the book.
//!
//! The output depends only on the chapter crates, which are compiled into this program, so
//! a stamp of this program's own bytes says whether the output on disk is current. A rerun
//! with nothing changed skips the work; `--force` redoes it. Each chapter's cost is
//! measured on the way and written for the Reproduce appendix.

use crate::claims::records;
use crate::project::generated_dir;
use crate::reproduce::{self, ChapterCost};
use anyhow::{Context, Result, anyhow};
use std::hash::{DefaultHasher, Hasher};
use std::time::Instant;

const STAMP: &str = ".stamp";

/// A fingerprint of the running xtask binary (and so of every chapter crate in it).
fn stamp() -> Result<String> {
    let exe = std::env::current_exe().context("cannot locate the xtask binary")?;
    let bytes = std::fs::read(&exe).with_context(|| format!("cannot read {}", exe.display()))?;
    let mut h = DefaultHasher::new();
    h.write(&bytes);
    Ok(format!("{:016x}\n", h.finish()))
}

/// Writes `src/generated/` unless it is current; returns whether it wrote.
pub fn run(force: bool) -> Result<bool> {
    let out = generated_dir();
    let stamp = stamp()?;
    let stamp_file = out.join(STAMP);
    if !force && std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        println!("regenerate: {} is current", out.display());
        return Ok(false);
    }
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    let mut claims = Vec::new();
    let mut costs = Vec::new();
    for chapter in catalog::chapters() {
        let start = Instant::now();
        claims.extend(records(&(chapter.claims)())?);
        let claims_seconds = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let figures = (chapter.figures)();
        for figure in &figures {
            let svg = (figure.render)()
                .map_err(|e| anyhow!("figure {} failed to draw: {e}", figure.file))?;
            write(&out.join("figures").join(figure.file), svg.as_bytes())?;
        }
        let cost = ChapterCost {
            name: chapter.name,
            title: chapter.title,
            claims: claims_seconds,
            figures: start.elapsed().as_secs_f64(),
            experiments: (chapter.timings)(),
        };
        println!(
            "regenerate: {}: claims in {:.1} s, {} figure(s) in {:.1} s",
            cost.name,
            cost.claims,
            figures.len(),
            cost.figures
        );
        for (experiment, seconds) in &cost.experiments {
            println!("regenerate:   {}/{experiment}: {seconds:.1} s", cost.name);
        }
        costs.push(cost);
    }
    let mut json = serde_json::to_string_pretty(&claims)?;
    json.push('\n');
    write(&out.join("claims.json"), json.as_bytes())?;
    write(
        &out.join("reproduce.md"),
        reproduce::fragment(&costs).as_bytes(),
    )?;
    write(&stamp_file, stamp.as_bytes())?;
    Ok(true)
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
