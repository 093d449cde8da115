//! One experiment's independent jobs split across machines, and put back together.
//!
//! The kit's heavy maps (random networks drawn by the chunk, networks trained by the seed)
//! are *stages*: a list of jobs, each a pure function of itself, run through [`map_with`].
//! A process runs every stage in one of three [`Mode`]s:
//! - [`Mode::Whole`]: every job here (what the book's build and the tests do);
//! - [`Mode::Shard`] `i` of `n`: only the `i`-th of `n` contiguous slices of each stage's
//!   jobs, whose results are written to a *part* file in the parts folder; the stage then
//!   returns that slice alone, so what the run computes after it is this shard's own and
//!   is not kept (a shard writes parts, never the book's output);
//! - [`Mode::Merge`] of `n`: each stage reads its `n` parts, in order, instead of computing;
//!   a stage with no parts at all (one that no shard reached, because it depends on an
//!   earlier stage's full results) is computed here.
//!
//! A job's result depends only on the job, so the merged results are the jobs' results in
//! the jobs' order, exactly as [`Mode::Whole`] computes them, and so is everything drawn
//! from them. A stage is named by a description of everything its jobs depend on (the
//! caller's configuration and seeds), and each part records that description, the build
//! that wrote it and its slice, so parts from another configuration, another build or
//! another shard count are refused, not mixed in. [`check_parts`] checks a parts folder
//! before a merge starts, so a missing shard is a clear error, not a failure halfway.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// How this process runs the stages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every job here.
    Whole,
    /// Slice `index` of `count` of every stage, written under `dir`.
    Shard {
        index: usize,
        count: usize,
        dir: PathBuf,
        /// The build writing the parts (a fingerprint), recorded in each.
        build: String,
    },
    /// Every stage from its `count` parts under `dir`, which `build` must have written.
    Merge {
        count: usize,
        dir: PathBuf,
        build: String,
    },
}

static MODE: OnceLock<Mode> = OnceLock::new();

/// Sets this process's mode, once, before any stage runs; a process that never sets it
/// runs [`Mode::Whole`].
///
/// # Errors
/// Gives `mode` back if a mode was already set.
pub fn set_mode(mode: Mode) -> Result<(), Mode> {
    MODE.set(mode)
}

fn mode() -> &'static Mode {
    MODE.get_or_init(|| Mode::Whole)
}

/// What one stage did in this process, for the merge's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageReport {
    /// The stage's description.
    pub stage: String,
    pub jobs: usize,
    pub source: Source,
}

/// Where a stage's results came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Computed here, every job.
    Here,
    /// This shard's slice computed here and written as a part.
    WrotePart,
    /// Read from the shards' parts.
    Parts,
    /// A shard's slice of a [`dependent`] stage, computed to carry on, not written.
    Unwritten,
}

static REPORTS: Mutex<Vec<StageReport>> = Mutex::new(Vec::new());

/// Every stage this process has run, in the order they finished.
pub fn reports() -> Vec<StageReport> {
    REPORTS.lock().map(|r| r.clone()).unwrap_or_default()
}

thread_local! {
    static DEPENDENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with its stages unsharded: for an experiment whose jobs are chosen from an
/// earlier stage's full results (which a shard does not have). A shard computes such a
/// stage's own slice only to carry on and writes no part; the merge computes it whole.
/// Stages called from `f`'s own thread are covered, not those of threads it spawns.
pub fn dependent<R>(f: impl FnOnce() -> R) -> R {
    let before = DEPENDENT.replace(true);
    let result = f();
    DEPENDENT.set(before);
    result
}

/// A job's result as a part file stores it: a fixed little-endian encoding.
pub trait Part: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// Reads one value from the front of `input`, advancing it; `None` if it is cut short.
    fn take(input: &mut &[u8]) -> Option<Self>;
}

impl Part for u128 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        let (head, rest) = input.split_first_chunk::<16>()?;
        *input = rest;
        Some(u128::from_le_bytes(*head))
    }
}

impl Part for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        let (head, rest) = input.split_first_chunk::<8>()?;
        *input = rest;
        Some(u64::from_le_bytes(*head))
    }
}

impl<T: Part> Part for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        let (&tag, rest) = input.split_first()?;
        *input = rest;
        match tag {
            0 => Some(None),
            1 => T::take(input).map(Some),
            _ => None,
        }
    }
}

impl<T: Part> Part for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u64).put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(input: &mut &[u8]) -> Option<Self> {
        let len = usize::try_from(u64::take(input)?).ok()?;
        (0..len).map(|_| T::take(input)).collect()
    }
}

/// [`crate::par::map_with`] as a stage described by `stage`, run in this process's mode.
///
/// `stage` must name everything the jobs' results depend on besides the jobs (the
/// configuration, seeds and sizes the caller's closure captures): two stages with one
/// description are taken to be one computation.
///
/// # Panics
/// In a merge, if a stage's parts are damaged or went missing after [`check_parts`] passed.
pub fn map_with<J: Sync, S, T: Part + Send>(
    stage: &str,
    jobs: &[J],
    threads: usize,
    scratch: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &J) -> T + Sync,
) -> Vec<T> {
    let (results, source) = run_stage(mode(), DEPENDENT.get(), stage, jobs, threads, scratch, f)
        .unwrap_or_else(|e| panic!("{e}"));
    if let Ok(mut reports) = REPORTS.lock() {
        reports.push(StageReport {
            stage: stage.to_string(),
            jobs: jobs.len(),
            source,
        });
    }
    results
}

/// One stage in `mode` (`dependent` if run under [`dependent`]): its results, and where
/// they came from.
fn run_stage<J: Sync, S, T: Part + Send>(
    mode: &Mode,
    dependent: bool,
    stage: &str,
    jobs: &[J],
    threads: usize,
    scratch: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &J) -> T + Sync,
) -> Result<(Vec<T>, Source), String> {
    let whole = |jobs| crate::par::map_with(jobs, threads, &scratch, &f);
    Ok(match mode {
        Mode::Whole => (whole(jobs), Source::Here),
        Mode::Shard { index, count, .. } if dependent => (
            whole(&jobs[slice(jobs.len(), *index, *count)]),
            Source::Unwritten,
        ),
        Mode::Shard {
            index,
            count,
            dir,
            build,
        } => {
            let range = slice(jobs.len(), *index, *count);
            let own = whole(&jobs[range.clone()]);
            let header = Header {
                build: build.clone(),
                stage: stage.to_string(),
                jobs: jobs.len(),
                start: range.start,
                end: range.end,
            };
            write_part(dir, &header, *index, *count, &own)
                .map_err(|e| format!("shard {index} of {count}: {e}"))?;
            (own, Source::WrotePart)
        }
        Mode::Merge { count, dir, build } => {
            let folder = dir.join(stage_id(stage));
            if dependent || !folder.exists() {
                (whole(jobs), Source::Here)
            } else {
                let all = read_parts(&folder, build, stage, jobs.len(), *count)
                    .map_err(|e| format!("merging {}: {e}", folder.display()))?;
                (all, Source::Parts)
            }
        }
    })
}

/// [`map_with`] without scratch.
pub fn map<J: Sync, T: Part + Send>(
    stage: &str,
    jobs: &[J],
    threads: usize,
    f: impl Fn(&J) -> T + Sync,
) -> Vec<T> {
    map_with(stage, jobs, threads, || (), |(), job| f(job))
}

/// The jobs of shard `index` of `count`: contiguous, in order, sizes differing by at most
/// one, together every job once.
pub fn slice(jobs: usize, index: usize, count: usize) -> std::ops::Range<usize> {
    jobs * index / count..jobs * (index + 1) / count
}

/// The folder name of a stage: a 64-bit FNV-1a hash of its description, in hex (the
/// description itself is kept in every part and checked).
fn stage_id(stage: &str) -> String {
    let hash = stage.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

const MAGIC: &str = "counting-checked shard part 1";

/// What a part says about itself, before its results.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Header {
    build: String,
    stage: String,
    jobs: usize,
    start: usize,
    end: usize,
}

impl Header {
    fn text(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "{MAGIC}");
        let _ = writeln!(t, "build {}", self.build);
        let _ = writeln!(t, "jobs {} slice {}..{}", self.jobs, self.start, self.end);
        let _ = writeln!(t, "stage {}", self.stage.replace('\n', " "));
        t
    }

    /// Splits a part's bytes into its header and its results.
    fn parse(bytes: &[u8]) -> Result<(Header, &[u8]), String> {
        let mut rest = bytes;
        let mut line = || -> Result<&str, String> {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .ok_or("its header is cut short")?;
            let text = std::str::from_utf8(&rest[..end]).map_err(|_| "its header is not text")?;
            rest = &rest[end + 1..];
            Ok(text)
        };
        if line()? != MAGIC {
            return Err("it is not a part file".into());
        }
        let field = |text: &str, name: &str| {
            text.strip_prefix(name)
                .and_then(|t| t.strip_prefix(' '))
                .map(str::to_string)
                .ok_or_else(|| format!("its header has no `{name}` line"))
        };
        let build = field(line()?, "build")?;
        let counts = field(line()?, "jobs")?;
        let stage = field(line()?, "stage")?;
        let parsed = (|| {
            let (jobs, range) = counts.split_once(" slice ")?;
            let (start, end) = range.split_once("..")?;
            Some((jobs.parse().ok()?, start.parse().ok()?, end.parse().ok()?))
        })();
        let (jobs, start, end) = parsed.ok_or("its `jobs` line is damaged")?;
        Ok((
            Header {
                build,
                stage,
                jobs,
                start,
                end,
            },
            rest,
        ))
    }
}

fn part_name(index: usize, count: usize) -> String {
    format!("{index}-of-{count}.part")
}

fn write_part<T: Part>(
    dir: &Path,
    header: &Header,
    index: usize,
    count: usize,
    results: &[T],
) -> Result<(), String> {
    let folder = dir.join(stage_id(&header.stage));
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let mut bytes = header.text().into_bytes();
    for r in results {
        r.put(&mut bytes);
    }
    // Written whole under a temporary name, then renamed: a part that exists is complete.
    let path = folder.join(part_name(index, count));
    let partial = path.with_extension("part.tmp");
    std::fs::write(&partial, &bytes)
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads the `count` parts of one stage and returns their results in order.
fn read_parts<T: Part>(
    folder: &Path,
    build: &str,
    stage: &str,
    jobs: usize,
    count: usize,
) -> Result<Vec<T>, String> {
    let mut all = Vec::with_capacity(jobs);
    for index in 0..count {
        let path = folder.join(part_name(index, count));
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let (header, mut body) =
            Header::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        let range = slice(jobs, index, count);
        let want = Header {
            build: build.to_string(),
            stage: stage.replace('\n', " "),
            jobs,
            start: range.start,
            end: range.end,
        };
        if header != want {
            return Err(format!(
                "{} was written for another computation ({})",
                path.display(),
                mismatch(&header, &want)
            ));
        }
        for _ in range {
            let value = T::take(&mut body)
                .ok_or_else(|| format!("{}: its results are cut short", path.display()))?;
            all.push(value);
        }
        if !body.is_empty() {
            return Err(format!(
                "{}: it holds more results than its slice",
                path.display()
            ));
        }
    }
    Ok(all)
}

/// The first field in which a part's header differs from the one expected.
fn mismatch(found: &Header, want: &Header) -> String {
    if found.build != want.build {
        format!(
            "built by {}, this build is {}: rerun the shards with this build",
            found.build, want.build
        )
    } else if found.stage != want.stage {
        "a stage whose description hashes alike".to_string()
    } else {
        format!(
            "{} jobs, slice {}..{}; expected {} jobs, slice {}..{}",
            found.jobs, found.start, found.end, want.jobs, want.start, want.end
        )
    }
}

/// What [`check_parts`] found in a parts folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartsFolder {
    /// Each stage's description and its number of jobs.
    pub stages: BTreeMap<String, usize>,
}

/// Checks that `dir` holds, for every stage any shard wrote, the parts of all `count`
/// shards, written by `build` for `count` shards, before a merge relies on them.
///
/// # Errors
/// Names each missing shard (with the command that writes it, given `rerun(index)`), each
/// part from another build or shard count, and a folder with no parts at all.
pub fn check_parts(
    dir: &Path,
    count: usize,
    build: &str,
    rerun: impl Fn(usize) -> String,
) -> Result<PartsFolder, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut folders: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(format!("{} holds no shard parts", dir.display()));
    }
    let mut stages = BTreeMap::new();
    let mut problems = Vec::new();
    let (mut other_build, mut other_count) = (None, None);
    let has = |folder: &Path, index| folder.join(part_name(index, count)).is_file();
    let ran: Vec<usize> = (0..count)
        .filter(|&i| folders.iter().any(|f| has(f, i)))
        .collect();
    for folder in &folders {
        let from: Vec<usize> = (0..count).filter(|&i| has(folder, i)).collect();
        if (0..count).any(|i| ran.contains(&i) && !from.contains(&i)) {
            // A shard that ran wrote other stages but not this one: its description of the
            // stage differed, so what the stage's jobs are depends on an earlier stage's
            // results, of which each shard sees only its own slice.
            let ids: Vec<String> = from.iter().map(usize::to_string).collect();
            problems.push(format!(
                "{}: only shard(s) {} of {count} wrote this stage, so its jobs depend on an earlier stage's results; the experiment must run it under nets::shard::dependent",
                folder.display(),
                ids.join(", ")
            ));
        }
        for &index in &from {
            let path = folder.join(part_name(index, count));
            let Ok(bytes) = std::fs::read(&path) else {
                problems.push(format!("cannot read {}", path.display()));
                continue;
            };
            match Header::parse(&bytes) {
                Err(e) => problems.push(format!("{}: {e}", path.display())),
                Ok((header, _)) if header.build != build => {
                    other_build.get_or_insert((path, header.build));
                }
                Ok((header, _)) => {
                    stages.insert(header.stage, header.jobs);
                }
            }
        }
        if let Some(other) = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|name| name.ends_with(".part") && !name.ends_with(&format!("-of-{count}.part")))
        {
            other_count.get_or_insert(folder.join(other));
        }
    }
    // One line for each of these, however many parts they concern.
    if let Some((path, other)) = other_build {
        problems.push(format!(
            "parts such as {} were written by another build ({other}; this build is {build}): rerun the shards with this build",
            path.display()
        ));
    }
    if let Some(path) = other_count {
        problems.push(format!(
            "parts such as {} belong to a run in another number of shards than {count}",
            path.display()
        ));
    }
    for index in (0..count).filter(|i| !ran.contains(i)) {
        problems.push(format!(
            "shard {index} of {count} has not written its parts: run {}",
            rerun(index)
        ));
    }
    if problems.is_empty() {
        Ok(PartsFolder { stages })
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nets-shard-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// Writes the parts of a stage as `count` shards would.
    fn shard_all(dir: &Path, stage: &str, jobs: &[u64], count: usize, build: &str) {
        for index in 0..count {
            let range = slice(jobs.len(), index, count);
            let own: Vec<Option<u128>> = jobs[range.clone()].iter().map(|&j| job(j)).collect();
            let header = Header {
                build: build.into(),
                stage: stage.into(),
                jobs: jobs.len(),
                start: range.start,
                end: range.end,
            };
            write_part(dir, &header, index, count, &own).unwrap();
        }
    }

    fn job(j: u64) -> Option<u128> {
        (!j.is_multiple_of(3)).then(|| u128::from(j).pow(3) << 70)
    }

    #[test]
    fn slices_cover_every_job_once_in_order() {
        for jobs in [0, 1, 5, 17, 100] {
            for count in 1..=7 {
                let all: Vec<usize> = (0..count).flat_map(|i| slice(jobs, i, count)).collect();
                assert_eq!(all, (0..jobs).collect::<Vec<_>>(), "{jobs} jobs, {count}");
            }
        }
    }

    #[test]
    fn merged_parts_are_the_whole_run() {
        let dir = temp("merge");
        let jobs: Vec<u64> = (0..23).collect();
        shard_all(&dir, "a stage", &jobs, 4, "b1");
        let found = check_parts(&dir, 4, "b1", |i| format!("shard {i}")).unwrap();
        assert_eq!(found.stages.get("a stage"), Some(&23));
        let folder = dir.join(stage_id("a stage"));
        let merged: Vec<Option<u128>> = read_parts(&folder, "b1", "a stage", 23, 4).unwrap();
        assert_eq!(merged, jobs.iter().map(|&j| job(j)).collect::<Vec<_>>());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_shard_is_named_with_its_command() {
        let dir = temp("missing");
        shard_all(&dir, "s", &[1, 2, 3, 4, 5], 4, "b1");
        std::fs::remove_file(dir.join(stage_id("s")).join(part_name(2, 4))).unwrap();
        let e = check_parts(&dir, 4, "b1", |i| format!("`--shard {i}/4`")).unwrap_err();
        assert_eq!(
            e,
            "shard 2 of 4 has not written its parts: run `--shard 2/4`"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn parts_of_another_build_count_or_stage_are_refused() {
        let dir = temp("refused");
        let jobs: Vec<u64> = (0..9).collect();
        shard_all(&dir, "s", &jobs, 3, "old");
        let e = check_parts(&dir, 3, "new", |i| i.to_string()).unwrap_err();
        assert!(
            e.contains("written by another build (old; this build is new)"),
            "{e}"
        );
        assert_eq!(e.lines().count(), 1, "one line for the three parts: {e}");
        let folder = dir.join(stage_id("s"));
        let e = read_parts::<Option<u128>>(&folder, "new", "s", 9, 3).unwrap_err();
        assert!(e.contains("built by old, this build is new"), "{e}");
        let e = read_parts::<Option<u128>>(&folder, "old", "s", 10, 3).unwrap_err();
        assert!(
            e.contains("9 jobs, slice 0..3; expected 10 jobs, slice 0..3"),
            "{e}"
        );
        let e = check_parts(&dir, 4, "old", |i| i.to_string()).unwrap_err();
        assert!(e.contains("another number of shards than 4"), "{e}");
        assert!(e.contains("shard 3 of 4 has not written its parts"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(check_parts(&dir, 3, "old", |i| i.to_string()).is_err());
    }

    /// A two-stage experiment: numbers drawn by seed, then a stage whose jobs are chosen
    /// from the first stage's results. What `mode` makes of it.
    fn pipeline(mode: &Mode, dependent: bool) -> Vec<Option<u128>> {
        let seeds: Vec<u64> = (0..10).collect();
        let (drawn, _) = run_stage(
            mode,
            false,
            "draw",
            &seeds,
            2,
            || (),
            |(), &s| u128::from(s * 7 % 10),
        )
        .unwrap();
        let chosen: Vec<u64> = drawn
            .iter()
            .filter(|&&d| d > 4)
            .map(|&d| d as u64)
            .collect();
        let stage = format!("train on {chosen:?}");
        let (trained, _) =
            run_stage(mode, dependent, &stage, &chosen, 2, || (), |(), &c| job(c)).unwrap();
        drawn.into_iter().map(Some).chain(trained).collect()
    }

    fn shard(dir: &Path, index: usize) -> Mode {
        Mode::Shard {
            index,
            count: 4,
            dir: dir.to_path_buf(),
            build: "b".into(),
        }
    }

    #[test]
    fn a_dependent_stage_is_computed_at_the_merge() {
        let dir = temp("dependent");
        for index in 0..4 {
            pipeline(&shard(&dir, index), true);
        }
        // Only the first stage was written, by every shard.
        let found = check_parts(&dir, 4, "b", |i| i.to_string()).unwrap();
        assert_eq!(found.stages.keys().collect::<Vec<_>>(), ["draw"]);
        let merge = Mode::Merge {
            count: 4,
            dir: dir.clone(),
            build: "b".into(),
        };
        assert_eq!(pipeline(&merge, true), pipeline(&Mode::Whole, true));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_dependent_stage_run_as_independent_is_caught() {
        let dir = temp("undeclared");
        for index in 0..4 {
            pipeline(&shard(&dir, index), false);
        }
        let e = check_parts(&dir, 4, "b", |i| i.to_string()).unwrap_err();
        assert!(
            e.contains("must run it under nets::shard::dependent"),
            "{e}"
        );
        assert!(!e.contains("has not written"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_cut_short_part_is_refused() {
        let dir = temp("short");
        shard_all(&dir, "s", &[1, 2, 4, 5], 2, "b");
        let path = dir.join(stage_id("s")).join(part_name(1, 2));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        let e = read_parts::<Option<u128>>(&dir.join(stage_id("s")), "b", "s", 4, 2).unwrap_err();
        assert!(e.ends_with("its results are cut short"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn values_come_back_as_they_went() {
        let values: Vec<Vec<Option<u128>>> = vec![vec![], vec![None, Some(u128::MAX), Some(7)]];
        let mut bytes = Vec::new();
        values.put(&mut bytes);
        let mut input = bytes.as_slice();
        assert_eq!(Vec::<Vec<Option<u128>>>::take(&mut input), Some(values));
        assert!(input.is_empty());
        assert_eq!(<Option<u128> as Part>::take(&mut [2u8].as_slice()), None);
    }
}
