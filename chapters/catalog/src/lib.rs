//! The book's chapters in reading order, so that the build, the tests and the ledger
//! export all walk the same list. Adding a chapter crate means adding one entry here.

pub use chapter::{Listed, Run, Size};
use ledger::{Claim, ClaimRecord};

/// Every chapter, in reading order.
pub fn chapters() -> Vec<Listed> {
    vec![
        Listed::of::<counting::Counting>(),
        Listed::of::<indifference::Indifference>(),
        Listed::of::<simplicity::Simplicity>(),
        Listed::of::<speed::Speed>(),
        Listed::of::<reward::Reward>(),
        Listed::of::<goals::Goals>(),
    ]
}

/// The chapter named `name`.
///
/// # Errors
/// Names the unknown chapter and lists the known ones.
pub fn chapter(name: &str) -> Result<Listed, String> {
    let all = chapters();
    all.iter().find(|c| c.name == name).copied().ok_or_else(|| {
        let names: Vec<_> = all.iter().map(|c| c.name).collect();
        format!(
            "no chapter named `{name}` (the chapters are {})",
            names.join(", ")
        )
    })
}

/// Runs `chapters` side by side at `size`, returning their runs in the same order.
///
/// Each chapter is deterministic on its own (seeded, and single-threaded per network), so
/// running them together changes only their wall times; on two cores it keeps both busy
/// while one chapter waits on its longest experiment.
///
/// # Errors
/// Names the first chapter whose run panicked.
pub fn run_side_by_side(chapters: &[Listed], size: Size) -> Result<Vec<Run>, String> {
    each_side_by_side(chapters, |chapter| (chapter.run)(size))
        .into_iter()
        .zip(chapters)
        .map(|(run, chapter)| {
            run.map_err(|()| format!("chapter {}: its run panicked", chapter.name))
        })
        .collect()
}

/// `work` on each chapter, the chapters side by side; each result, or `Err` where it
/// panicked.
pub fn each_side_by_side<T: Send>(
    chapters: &[Listed],
    work: impl Fn(&Listed) -> T + Sync,
) -> Vec<Result<T, ()>> {
    let work = &work;
    std::thread::scope(|s| {
        let running: Vec<_> = chapters
            .iter()
            .map(|chapter| s.spawn(move || work(chapter)))
            .collect();
        running
            .into_iter()
            .map(|run| run.join().map_err(|_| ()))
            .collect()
    })
}

/// A chapter's claims, assessed, in order: its rows of the ledger, each carrying the
/// chapter's name and title.
///
/// # Errors
/// The check message of the first claim whose computation does not earn its verdict.
pub fn records(chapter: &Listed, claims: &[Claim]) -> Result<Vec<ClaimRecord>, String> {
    claims
        .iter()
        .map(|claim| ClaimRecord::new(claim, chapter.name, chapter.title))
        .collect()
}

/// The ledger as `src/generated/claims.json` holds it: the records as a pretty-printed JSON
/// array with one final newline. One function, so that the file the book is built from and
/// the book-scale test that recomputes it cannot disagree about the bytes.
///
/// # Errors
/// Only if serde_json cannot write a record, which plain strings and numbers never cause.
pub fn ledger_json(records: &[ClaimRecord]) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(records)?;
    json.push('\n');
    Ok(json)
}
