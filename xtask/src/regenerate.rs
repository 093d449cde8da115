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

use crate::project::{generated_dir, target_dir};
use crate::reproduce::{self, ChapterCost};
use anyhow::{Context, Result, anyhow, bail};
use catalog::{Listed, Run, Size};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
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
    let first = lines.next().unwrap_or_default();
    if first != format!("program {program}") {
        // `program` is the build's fingerprint, then the scale and chapters in brackets.
        let build = |line: &str| line.split(' ').nth(1).map(str::to_string);
        let wanted = program.split_once(' ').map_or("", |(_, what)| what);
        return Some(if build(first) == build(&format!("program {program}")) {
            format!("it was generated for another run than this one {wanted}")
        } else {
            "the chapter crates or xtask changed since the last run".into()
        });
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

/// What to regenerate, at which scale, and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// Regenerate even when the output is current.
    pub force: bool,
    pub scale: Size,
    /// Where to write (default `src/generated/`).
    pub out: Option<PathBuf>,
    /// Only these chapters (crate names; default every chapter).
    pub chapters: Vec<String>,
    /// Run only the parts of shard `I` of `N`, writing them under the parts folder.
    pub shard: Option<Shard>,
    /// Build the output from the parts of this many shards.
    pub merge: Option<usize>,
    /// The parts folder (default `target/shards/<scale>/`).
    pub parts: Option<PathBuf>,
}

impl Options {
    /// The book's build: every chapter at `scale` into `src/generated/`, if not current.
    pub fn book(scale: Size) -> Self {
        Options {
            force: false,
            scale,
            out: None,
            chapters: Vec::new(),
            shard: None,
            merge: None,
            parts: None,
        }
    }

    fn parts_dir(&self) -> PathBuf {
        self.parts
            .clone()
            .unwrap_or_else(|| target_dir().join("shards").join(scale_name(self.scale)))
    }

    /// The command line that runs shard `index` of `count` with these options.
    fn shard_command(&self, index: usize, count: usize) -> String {
        self.command(&format!("--shard {index}/{count}"))
    }

    /// `cargo xtask regenerate` with this scale, these chapters and parts folder, and `what`.
    fn command(&self, what: &str) -> String {
        let mut cmd = format!(
            "`cargo xtask regenerate --scale {} {what}",
            scale_name(self.scale)
        );
        for chapter in &self.chapters {
            cmd.push_str(&format!(" --chapter {chapter}"));
        }
        if let Some(parts) = &self.parts {
            cmd.push_str(&format!(" --parts {}", parts.display()));
        }
        cmd.push('`');
        cmd
    }
}

/// Shard `index` of `count` (written `I/N` on the command line, `0 <= I < N`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a shard: write I/N, e.g. 0/4 for the first of four");
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let (index, count): (usize, usize) = (
            i.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if count == 0 {
            return Err(format!("`{text}`: the number of shards must be at least 1"));
        }
        if index >= count {
            return Err(format!(
                "`{text}`: shards are numbered 0 to {} of {count}",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }
}

/// A scale as the command line names it.
pub fn scale_name(scale: Size) -> &'static str {
    match scale {
        Size::Book => "book",
        Size::Test => "test",
        Size::Paper => "paper",
    }
}

/// The chapters named, or every chapter.
fn chosen(names: &[String]) -> Result<Vec<Listed>> {
    if names.is_empty() {
        return Ok(catalog::chapters());
    }
    names
        .iter()
        .map(|name| catalog::chapter(name).map_err(|e| anyhow!(e)))
        .collect()
}

/// The run as the Reproduce appendix states it.
fn run_description(options: &Options) -> String {
    let scale = match options.scale {
        Size::Book => "the book's scale",
        Size::Test => "the tests' scale (smaller than the book's)",
        Size::Paper => "the papers' scale (`--scale paper`)",
    };
    match options.merge {
        Some(n) => format!("{scale}, merged from {n} shards"),
        None => format!("{scale}, on one machine"),
    }
}

/// What the stamp records besides the program: the scale and the chapters.
fn run_label(options: &Options) -> String {
    let chapters = if options.chapters.is_empty() {
        "every chapter".to_string()
    } else {
        options.chapters.join(", ")
    };
    format!("scale {}, {chapters}", scale_name(options.scale))
}

/// Runs as `options` say: writes the output unless it is current (returning whether it
/// wrote), or, for a shard, writes that shard's parts only (returning false).
pub fn run(options: &Options) -> Result<bool> {
    let program = program_stamp()?;
    if let Some(shard) = options.shard {
        run_shard(options, shard, &program)?;
        return Ok(false);
    }
    if !options.chapters.is_empty() && options.out.is_none() {
        bail!(
            "--chapter needs --out: src/generated/ holds every chapter, since the book is built from it"
        );
    }
    let out = options.out.clone().unwrap_or_else(generated_dir);
    let label = format!("{program} ({})", run_label(options));
    let why = if options.force || options.merge.is_some() {
        if options.merge.is_some() {
            "--merge"
        } else {
            "--force"
        }
        .to_string()
    } else {
        match stale(&out, &label) {
            Some(why) => why,
            None => {
                println!("regenerate: {} is current", out.display());
                return Ok(false);
            }
        }
    };
    if let Some(count) = options.merge {
        let dir = options.parts_dir();
        let found =
            nets::shard::check_parts(&dir, count, &program, |i| options.shard_command(i, count))
                .map_err(|e| anyhow!("cannot merge the parts in {}:\n{e}", dir.display()))?;
        println!(
            "regenerate: merging {count} shards' parts of {} stage(s) from {}",
            found.stages.len(),
            dir.display()
        );
        set_shard_mode(nets::shard::Mode::Merge {
            count,
            dir,
            build: program.clone(),
        })?;
    }
    println!(
        "regenerate: {why}: regenerating {} ({})",
        out.display(),
        run_label(options)
    );
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    let chapters = chosen(&options.chapters)?;
    let started = Instant::now();
    let display = crate::progress::Display::install();
    let runs = catalog::run_side_by_side(&chapters, options.scale);
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
        reproduce::fragment(
            &costs,
            started.elapsed().as_secs_f64(),
            &run_description(options),
        )
        .as_bytes(),
    )?;
    // Fingerprint what is on disk now, so the stamp describes exactly the files written.
    let written = outputs(&out)?;
    write(&out.join(STAMP), stamp_text(&label, &written).as_bytes())?;
    if options.merge.is_some() {
        report_merge()?;
    }
    Ok(true)
}

fn set_shard_mode(mode: nets::shard::Mode) -> Result<()> {
    nets::shard::set_mode(mode).map_err(|_| anyhow!("the shard mode was set twice"))
}

/// Runs the chapters' experiments as shard `shard` and writes its parts.
fn run_shard(options: &Options, shard: Shard, program: &str) -> Result<()> {
    let dir = options.parts_dir();
    let chapters = chosen(&options.chapters)?;
    println!(
        "regenerate: shard {}/{}: the experiments at {} scale, writing parts into {}",
        shard.index,
        shard.count,
        scale_name(options.scale),
        dir.display()
    );
    set_shard_mode(nets::shard::Mode::Shard {
        index: shard.index,
        count: shard.count,
        dir: dir.clone(),
        build: program.to_string(),
    })?;
    let started = Instant::now();
    let display = crate::progress::Display::install();
    let runs =
        catalog::each_side_by_side(&chapters, |chapter| (chapter.experiments)(options.scale));
    display.done();
    let written = nets::shard::reports()
        .iter()
        .filter(|r| r.source == nets::shard::Source::WrotePart)
        .count();
    for (chapter, run) in chapters.iter().zip(&runs) {
        if run.is_err() {
            // After a stage, the rest of a shard's run sees only its own slice; code that
            // needs every job's result can fail on it. Any stage it had not reached yet
            // has no parts, and the merge computes that one itself.
            println!(
                "regenerate: shard {}/{}: chapter {} stopped on its partial results; the stages it had not reached will be computed at the merge",
                shard.index, shard.count, chapter.name
            );
        }
    }
    if written == 0 {
        bail!(
            "shard {}/{}: no experiment of {} has a stage to shard",
            shard.index,
            shard.count,
            run_label(options)
        );
    }
    println!(
        "regenerate: shard {}/{}: wrote parts of {written} stage(s) in {:.1} s; when every shard has run: {}",
        shard.index,
        shard.count,
        started.elapsed().as_secs_f64(),
        options.command(&format!("--merge {}", shard.count))
    );
    Ok(())
}

/// Says which stages came from the shards' parts and which were computed here.
fn report_merge() -> Result<()> {
    let reports = nets::shard::reports();
    let here: Vec<_> = reports
        .iter()
        .filter(|r| r.source == nets::shard::Source::Here)
        .collect();
    let merged = reports.len() - here.len();
    let why = if here.is_empty() {
        ""
    } else {
        " (stages whose jobs are chosen from an earlier stage's results, or that no shard reached):"
    };
    println!(
        "regenerate: {merged} stage(s) from the shards' parts, {} computed here{why}",
        here.len()
    );
    for r in &here {
        let short: String = r.stage.chars().take(100).collect();
        let cut = if short.len() < r.stage.len() {
            "…"
        } else {
            ""
        };
        println!("regenerate:   {} jobs: {short}{cut}", r.jobs);
    }
    if merged == 0 {
        bail!(
            "no stage of this run was found among the parts: were they written at another scale or for other chapters?"
        );
    }
    Ok(())
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
    fn output_of_another_scale_is_regenerated_saying_so() {
        let dir = generated("scale");
        let files = outputs(&dir).unwrap();
        write(
            &dir.join(STAMP),
            stamp_text("p1 (scale test, every chapter)", &files).as_bytes(),
        )
        .unwrap();
        assert_eq!(stale(&dir, "p1 (scale test, every chapter)"), None);
        let why = stale(&dir, "p1 (scale book, every chapter)").expect("another scale is stale");
        assert_eq!(
            why,
            "it was generated for another run than this one (scale book, every chapter)"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn shards_are_read_as_i_of_n_with_a_clear_error() {
        assert_eq!("3/4".parse(), Ok(Shard { index: 3, count: 4 }));
        assert_eq!("0/1".parse(), Ok(Shard { index: 0, count: 1 }));
        for (text, error) in [
            ("4/4", "`4/4`: shards are numbered 0 to 3 of 4"),
            ("1/0", "`1/0`: the number of shards must be at least 1"),
            (
                "2",
                "`2` is not a shard: write I/N, e.g. 0/4 for the first of four",
            ),
            (
                "a/4",
                "`a/4` is not a shard: write I/N, e.g. 0/4 for the first of four",
            ),
            (
                "-1/4",
                "`-1/4` is not a shard: write I/N, e.g. 0/4 for the first of four",
            ),
        ] {
            assert_eq!(text.parse::<Shard>(), Err(error.to_string()), "{text}");
        }
    }

    #[test]
    fn a_missing_folder_is_regenerated() {
        let dir = std::env::temp_dir().join(format!("xtask-{}-absent", std::process::id()));
        assert!(stale(&dir, "p1").is_some_and(|why| why.contains("has no stamp")));
    }
}
