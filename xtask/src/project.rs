//! Where things are, and running other programs with errors that say what failed.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the workspace holding `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// Cargo's target folder.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// The git-ignored folder the pinned tools are installed into.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// The book's generated data: claims JSON and figures.
pub fn generated_dir() -> PathBuf {
    root().join("src/generated")
}

/// The `cargo` that runs this xtask.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `PATH` with the project's tools and build outputs first, so mdBook finds its
/// preprocessors.
pub fn tool_path() -> Result<std::ffi::OsString> {
    let mut dirs = vec![tools_dir().join("bin"), target_dir().join("debug")];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).context("PATH holds a folder name that cannot be joined")
}

/// Runs a command to completion, failing with its name and status.
pub fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("could not start {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed ({status})");
    }
    Ok(())
}
