//! Where things are, and running other programs with errors that say what failed.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

static ROOT: OnceLock<PathBuf> = OnceLock::new();

/// Finds the project root from the working directory, once, before any command runs.
///
/// The root is found at run time, never compiled in: a binary that remembered the folder it
/// was built in would, after the checkout is copied or moved, keep reading and writing the
/// original.
///
/// # Errors
/// When the working directory is not inside a checkout of the project.
pub fn locate_root() -> Result<&'static Path> {
    if let Some(root) = ROOT.get() {
        return Ok(root);
    }
    let cwd = std::env::current_dir().context("cannot read the working directory")?;
    let found = find_root(&cwd)?;
    Ok(ROOT.get_or_init(|| found))
}

/// The nearest folder at or above `start` whose `Cargo.toml` declares a `[workspace]` and
/// which holds `xtask/`: the checkout that `cargo xtask` was run in.
///
/// # Errors
/// When no folder above `start` is such a root.
pub fn find_root(start: &Path) -> Result<PathBuf> {
    for dir in start.ancestors() {
        let manifest = dir.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        let declares_workspace = text.lines().any(|line| line.trim() == "[workspace]");
        if declares_workspace && dir.join("xtask/Cargo.toml").is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(
        "{} is not inside a checkout of the book: no folder above it has a Cargo.toml with \
         [workspace] and an xtask/ folder (run `cargo xtask` from inside the checkout)",
        start.display()
    )
}

/// The repository root (the workspace holding `xtask/`), as [`locate_root`] found it.
///
/// # Panics
/// If called before `main` located the root (a programming error, not bad input).
pub fn root() -> PathBuf {
    ROOT.get()
        .expect("main locates the project root before running a command")
        .clone()
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

/// The pinned Python packages for running the notebooks headless.
pub fn notebook_requirements() -> PathBuf {
    root().join("notebooks/requirements.txt")
}

/// The pinned Python packages for JupyterLab (a superset of the headless ones).
pub fn lab_requirements() -> PathBuf {
    root().join("notebooks/lab-requirements.txt")
}

/// The book's generated data: claims JSON and figures.
pub fn generated_dir() -> PathBuf {
    root().join("src").join(ledger::GENERATED_DIR)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary folder, named for the test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn checkout(dir: &Path) {
        std::fs::create_dir_all(dir.join("xtask/src")).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"x\"\n\n[workspace]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("xtask/Cargo.toml"),
            "[package]\nname = \"xtask\"\n",
        )
        .unwrap();
    }

    #[test]
    fn the_root_is_the_working_directorys_checkout_not_the_one_built_in() {
        let tmp = scratch("root");
        let (original, copy) = (tmp.join("original"), tmp.join("copy"));
        checkout(&original);
        checkout(&copy);
        let deep = copy.join("xtask/src");
        assert_eq!(find_root(&deep).unwrap(), copy);
        assert_eq!(find_root(&copy).unwrap(), copy);
        assert_eq!(find_root(&original).unwrap(), original);
        // A member crate's Cargo.toml (no [workspace]) is walked past.
        assert_eq!(find_root(&copy.join("xtask")).unwrap(), copy);
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn outside_a_checkout_is_an_error_naming_the_folder() {
        let tmp = scratch("outside");
        // A workspace without xtask/ is someone else's project.
        std::fs::write(tmp.join("Cargo.toml"), "[workspace]\n").unwrap();
        let err = find_root(&tmp).unwrap_err().to_string();
        assert!(err.contains(&tmp.display().to_string()), "{err}");
        assert!(err.contains("not inside a checkout"), "{err}");
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
