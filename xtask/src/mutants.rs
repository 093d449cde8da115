//! `cargo xtask mutants`: mutation testing of the crates the book's numbers rest on, with
//! cargo-mutants at a pinned version from `.tools/`.
//!
//! A mutant is a small change to the code (a `+` made a `-`, a ceiling made a floor); a
//! test suite that lets one live is not checking what that line does. The run fails when
//! any mutant survives or times out, naming each, so that a test weakened until it cannot
//! fail shows up in CI rather than as a wrong digit in the book.

use crate::project::{root, run, target_dir, tools_dir};
use crate::tools;
use anyhow::{Context, Result, bail};
use std::process::Command;

/// The crates held to zero surviving mutants. Add a crate here once its survivors are
/// killed (or each equivalent one is excluded, with its reason, where it stands).
pub const MUTATION_TESTED: &[&str] = &["certified", "ledger"];

/// Runs cargo-mutants on each of `packages` (default: [`MUTATION_TESTED`]).
pub fn run_all(packages: &[String]) -> Result<()> {
    tools::install_mutants_tool()?;
    let packages: Vec<String> = if packages.is_empty() {
        MUTATION_TESTED.iter().map(|p| (*p).to_string()).collect()
    } else {
        packages.to_vec()
    };
    for package in &packages {
        let output = target_dir().join("mutants").join(package);
        eprintln!("mutants: {package} (results in {})", output.display());
        std::fs::create_dir_all(&output)
            .with_context(|| format!("cannot create {}", output.display()))?;
        // Cargo would pass `mutants` as the first argument to a `cargo-mutants` it found
        // on PATH; calling the pinned one directly leaves PATH alone.
        let mut cmd = Command::new(tools_dir().join("bin/cargo-mutants"));
        // Two mutants at a time: each one's build and tests are mostly single-threaded.
        cmd.args(["mutants", "--jobs", "2", "--package", package, "--output"])
            .arg(&output)
            .current_dir(root());
        if let Err(e) = run(&mut cmd) {
            // Mutants that do not compile (unviable.txt) are not survivors.
            let out = output.join("mutants.out");
            let survivors: String = ["missed.txt", "timeout.txt"]
                .iter()
                .filter_map(|list| std::fs::read_to_string(out.join(list)).ok())
                .collect();
            bail!(
                "mutants: {package}: {e:#}; surviving or timed-out mutants:\n{}",
                if survivors.trim().is_empty() {
                    "(none listed: the unmutated build or its tests failed, see above)"
                } else {
                    survivors.trim_end()
                }
            );
        }
    }
    Ok(())
}
