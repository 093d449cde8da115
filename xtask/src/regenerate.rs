//! `cargo xtask regenerate`: every chapter's claims and figures, written for the book.
//!
//! The output depends only on the chapter crates, which are compiled into this program. The
//! stamp written beside the output records a fingerprint of this program's bytes and of
//! every file it wrote, so the output is current only when the program is unchanged *and*
//! the files on disk are exactly the ones it wrote: a hand-edited `claims.json`, a deleted
//! figure or a stray file makes the next run regenerate, saying why, instead of rendering
//! numbers no computation produced. A rerun with nothing changed skips the work; `--force`
//! redoes it. Each chapter's cost is measured on the way and written for the Reproduce
//! appendix.

use crate::project::generated_dir;
use crate::reproduce::{self, ChapterCost};
use anyhow::{Context, Result, anyhow};
use catalog::{Listed, Run, Size};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::Path;
use std::time::Instant;

const STAMP: &str = ".stamp";

fn fingerprint(bytes: &[u8]) -> String {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// A fingerprint of the running xtask binary (and so of every chapter crate in it).
fn program_stamp() -> Result<String> {
    let exe = std::env::current_exe().context("cannot locate the xtask binary")?;
    let bytes = std::fs::read(&exe).with_context(|| format!("cannot read {}", exe.display()))?;
    Ok(fingerprint(&bytes))
}

/// Every file under `dir` but the stamp, as `/`-separated paths relative to `dir`, each
/// with the fingerprint of its contents, in path order.
fn outputs(dir: &Path) -> Result<BTreeMap<String, String>> {
    fn walk(dir: &Path, prefix: &str, found: &mut BTreeMap<String, String>) -> Result<()> {
        for entry in
            std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?
        {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            if path.is_dir() {
                walk(&path, &format!("{relative}/"), found)?;
            } else if relative != STAMP {
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                found.insert(relative, fingerprint(&bytes));
            }
        }
        Ok(())
    }
    let mut found = BTreeMap::new();
    walk(dir, "", &mut found)?;
    Ok(found)
}

/// The stamp's text: the program's fingerprint, then one `fingerprint path` line per output.
fn stamp_text(program: &str, files: &BTreeMap<String, String>) -> String {
    let mut text = format!("program {program}\n");
    for (path, hash) in files {
        text.push_str(&format!("{hash} {path}\n"));
    }
    text
}

/// Why the output in `dir` must be regenerated for the program fingerprinted `program`, or
/// `None` when it is current.
fn stale(dir: &Path, program: &str) -> Option<String> {
    let Ok(stamp) = std::fs::read_to_string(dir.join(STAMP)) else {
        return Some(format!(
            "{} has no stamp (never generated, or cleared)",
            dir.display()
        ));
    };
    let mut lines = stamp.lines();
    if lines.next() != Some(&format!("program {program}")) {
        return Some("the chapter crates or xtask changed since the last run".into());
    }
    let mut recorded = BTreeMap::new();
    for line in lines {
        let Some((hash, path)) = line.split_once(' ') else {
            return Some(format!(
                "its stamp {} is damaged",
                dir.join(STAMP).display()
            ));
        };
        recorded.insert(path.to_string(), hash.to_string());
    }
    let on_disk = match outputs(dir) {
        Ok(found) => found,
        Err(e) => return Some(format!("its files cannot be read ({e:#})")),
    };
    for (path, hash) in &recorded {
        match on_disk.get(path) {
            None => return Some(format!("{} is missing", dir.join(path).display())),
            Some(h) if h != hash => {
                return Some(format!(
                    "{} was changed since it was generated",
                    dir.join(path).display()
                ));
            }
            Some(_) => {}
        }
    }
    if let Some(extra) = on_disk.keys().find(|p| !recorded.contains_key(*p)) {
        return Some(format!(
            "{} was not written by regenerate",
            dir.join(extra).display()
        ));
    }
    None
}

/// Writes `src/generated/` unless it is current; returns whether it wrote.
pub fn run(force: bool) -> Result<bool> {
    let out = generated_dir();
    let program = program_stamp()?;
    let why = if force {
        "--force".to_string()
    } else {
        match stale(&out, &program) {
            Some(why) => why,
            None => {
                println!("regenerate: {} is current", out.display());
                return Ok(false);
            }
        }
    };
    println!("regenerate: {why}: regenerating {}", out.display());
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    let chapters = catalog::chapters();
    let started = Instant::now();
    let display = crate::progress::Display::install();
    let runs = catalog::run_side_by_side(&chapters, Size::Book);
    display.done();
    let runs = runs.map_err(|e| anyhow!(e))?;
    let results: Vec<Result<Chapter>> = chapters
        .iter()
        .zip(runs)
        .map(|(chapter, run)| outputs_of(chapter, run))
        .collect();
    let mut claims = Vec::new();
    let mut costs = Vec::new();
    for result in results {
        let chapter = result?;
        for (file, svg) in &chapter.figures {
            write(&out.join(ledger::FIGURES_DIR).join(file), svg.as_bytes())?;
        }
        let cost = chapter.cost;
        println!(
            "regenerate: {}: claims in {:.1} s, {} figure(s) in {:.1} s",
            cost.name,
            cost.claims,
            chapter.figures.len(),
            cost.figures
        );
        for (experiment, seconds) in &cost.experiments {
            println!("regenerate:   {}/{experiment}: {seconds:.1} s", cost.name);
        }
        claims.extend(chapter.records);
        costs.push(cost);
    }
    let json = catalog::ledger_json(&claims)?;
    write(&out.join(ledger::LEDGER_FILE), json.as_bytes())?;
    write(
        &out.join("reproduce.md"),
        reproduce::fragment(&costs, started.elapsed().as_secs_f64()).as_bytes(),
    )?;
    // Fingerprint what is on disk now, so the stamp describes exactly the files written.
    let written = outputs(&out)?;
    write(&out.join(STAMP), stamp_text(&program, &written).as_bytes())?;
    Ok(true)
}

/// One chapter's outputs, computed in memory.
struct Chapter {
    records: Vec<ledger::ClaimRecord>,
    /// Each figure's file and SVG document.
    figures: Vec<(&'static str, String)>,
    cost: ChapterCost,
}

/// One chapter's run, as files: its assessed claims, and its figures (each of which must
/// have drawn).
fn outputs_of(chapter: &Listed, run: Run) -> Result<Chapter> {
    let records = catalog::records(chapter, &run.claims).map_err(|e| anyhow!(e))?;
    let figures = run
        .figures
        .into_iter()
        .map(|figure| {
            figure
                .svg
                .map(|svg| (figure.file, svg))
                .map_err(|e| anyhow!("figure {} failed to draw: {e}", figure.file))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Chapter {
        records,
        figures,
        cost: ChapterCost {
            name: chapter.name,
            title: chapter.title,
            claims: run.claims_seconds,
            figures: run.figures_seconds,
            experiments: run.timings,
        },
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated folder as `run` leaves it: two outputs and their stamp.
    fn generated(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write(&dir.join("claims.json"), b"[{\"computed\": \"19,999\"}]\n").unwrap();
        write(&dir.join("figures/a/b.svg"), b"<svg/>").unwrap();
        let files = outputs(&dir).unwrap();
        write(&dir.join(STAMP), stamp_text("p1", &files).as_bytes()).unwrap();
        dir
    }

    #[test]
    fn untouched_output_is_current() {
        let dir = generated("current");
        assert_eq!(stale(&dir, "p1"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_hand_edited_ledger_is_regenerated_naming_the_file() {
        let dir = generated("edited");
        // The same length, one digit changed: only the contents tell.
        write(&dir.join("claims.json"), b"[{\"computed\": \"20,001\"}]\n").unwrap();
        let why = stale(&dir, "p1").expect("an edited ledger is stale");
        assert!(
            why.ends_with("claims.json was changed since it was generated"),
            "{why}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_deleted_output_is_regenerated_naming_the_file() {
        let dir = generated("deleted");
        std::fs::remove_file(dir.join("figures/a/b.svg")).unwrap();
        let why = stale(&dir, "p1").expect("a missing figure is stale");
        assert!(why.ends_with("figures/a/b.svg is missing"), "{why}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_deleted_or_truncated_ledger_is_regenerated_naming_it() {
        let dir = generated("ledger");
        write(&dir.join("claims.json"), b"[{\"comp").unwrap();
        let why = stale(&dir, "p1").expect("a truncated ledger is stale");
        assert!(
            why.ends_with("claims.json was changed since it was generated"),
            "{why}"
        );
        std::fs::remove_file(dir.join("claims.json")).unwrap();
        let why = stale(&dir, "p1").expect("a deleted ledger is stale");
        assert!(why.ends_with("claims.json is missing"), "{why}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_stray_file_a_new_program_or_no_stamp_is_regenerated() {
        let dir = generated("stray");
        assert_eq!(
            stale(&dir, "p2").as_deref(),
            Some("the chapter crates or xtask changed since the last run")
        );
        write(&dir.join("figures/old.svg"), b"<svg/>").unwrap();
        let why = stale(&dir, "p1").expect("a stray figure is stale");
        assert!(
            why.ends_with("figures/old.svg was not written by regenerate"),
            "{why}"
        );
        std::fs::remove_file(dir.join(STAMP)).unwrap();
        let why = stale(&dir, "p1").expect("no stamp is stale");
        assert!(why.contains("has no stamp"), "{why}");
        write(&dir.join(STAMP), b"program p1\ngarbage\n").unwrap();
        let why = stale(&dir, "p1").expect("a damaged stamp is stale");
        assert!(why.contains("is damaged"), "{why}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_folder_is_regenerated() {
        let dir = std::env::temp_dir().join(format!("xtask-{}-absent", std::process::id()));
        assert!(stale(&dir, "p1").is_some_and(|why| why.contains("has no stamp")));
    }
}
