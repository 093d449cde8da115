//! `cargo xtask regenerate`: every chapter's claims and figures, written for the book.
//!
//! The output depends only on the chapter crates, which are compiled into this program, so
//! a stamp of this program's own bytes says whether the output on disk is current. A rerun
//! with nothing changed skips the work; `--force` redoes it.

use crate::claims::records;
use crate::project::generated_dir;
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
    let start = Instant::now();
    let claims = records()?;
    let mut json = serde_json::to_string_pretty(&claims)?;
    json.push('\n');
    write(&out.join("claims.json"), json.as_bytes())?;
    println!(
        "regenerate: {} claims in {:.2?}",
        claims.len(),
        start.elapsed()
    );
    for chapter in catalog::chapters() {
        let start = Instant::now();
        let figures = (chapter.figures)();
        for figure in &figures {
            let svg = (figure.render)()
                .map_err(|e| anyhow!("figure {} failed to draw: {e}", figure.file))?;
            write(&out.join("figures").join(figure.file), svg.as_bytes())?;
        }
        println!(
            "regenerate: {} figure(s) of {} in {:.2?}",
            figures.len(),
            chapter.name,
            start.elapsed()
        );
        for (experiment, seconds) in (chapter.timings)() {
            println!(
                "regenerate:   {}/{experiment}: {seconds:.1} s",
                chapter.name
            );
        }
    }
    write(&stamp_file, stamp.as_bytes())?;
    Ok(true)
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}
