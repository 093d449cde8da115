//! The pinned tools, installed into the git-ignored `.tools/` when missing, each only by
//! the command that needs it.
//!
//! The book itself needs only KaTeX's stylesheet and fonts: mdBook and mdbook-katex are
//! linked into xtask (see `book.rs`), so `cargo xtask book` installs no Rust tool. Each tool
//! is checked against its pinned version before anything is installed, so a second run (or
//! CI on a machine that kept `.tools/`) skips straight past.

use crate::project::{run, tools_dir};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A Rust tool from crates.io.
struct CargoTool {
    krate: &'static str,
    version: &'static str,
    /// Install with the crate's own lock file (`--locked`).
    locked: bool,
}

/// mdBook and mdbook-katex: linked into xtask at these versions (xtask/Cargo.toml), and
/// installed as commands at the same versions for `serve` alone.
pub const MDBOOK: &str = "0.5.4";
pub const MDBOOK_KATEX: &str = "0.10.0";
pub const EVCXR_JUPYTER: &str = "0.22.0";
/// Mutation testing (`cargo xtask mutants`).
pub const CARGO_MUTANTS: &str = "27.1.0";
/// The KaTeX release whose CSS and fonts match what mdbook-katex renders with.
pub const KATEX: &str = "0.16.4";

/// mdBook's command line and its KaTeX preprocessor, for `serve`'s watcher and live reload.
const SERVE_TOOLS: [CargoTool; 2] = [
    CargoTool {
        krate: "mdbook",
        version: MDBOOK,
        locked: true,
    },
    // Unlocked: its lock file pins mdBook 0.5.3, which warns on every build under 0.5.4.
    CargoTool {
        krate: "mdbook-katex",
        version: MDBOOK_KATEX,
        locked: false,
    },
];

const NOTEBOOK_TOOL: CargoTool = CargoTool {
    krate: "evcxr_jupyter",
    version: EVCXR_JUPYTER,
    locked: true,
};

const MUTANTS_TOOL: CargoTool = CargoTool {
    krate: "cargo-mutants",
    version: CARGO_MUTANTS,
    locked: true,
};

/// cargo-mutants, for `cargo xtask mutants`.
pub fn install_mutants_tool() -> Result<()> {
    install_cargo_tool(&MUTANTS_TOOL)
}

/// Whether cargo's install record in `.tools/` lists `krate` at `version`.
fn installed(krate: &str, version: &str) -> bool {
    let record = tools_dir().join(".crates.toml");
    std::fs::read_to_string(record).is_ok_and(|s| s.contains(&format!("\"{krate} {version} (")))
}

fn install_cargo_tool(tool: &CargoTool) -> Result<()> {
    if installed(tool.krate, tool.version) {
        return Ok(());
    }
    eprintln!(
        "tools: installing {} {} into .tools/",
        tool.krate, tool.version
    );
    let mut cmd = crate::project::cargo();
    cmd.args(["install", tool.krate, "--version", tool.version, "--root"])
        .arg(tools_dir());
    if tool.locked {
        cmd.arg("--locked");
    }
    run(&mut cmd).with_context(|| format!("installing {} {}", tool.krate, tool.version))
}

/// The `mdbook` and `mdbook-katex` commands, for `serve` only.
pub fn install_serve_tools() -> Result<()> {
    for tool in &SERVE_TOOLS {
        install_cargo_tool(tool)?;
    }
    Ok(())
}

/// KaTeX's `dist/` (stylesheet and fonts for offline pages) from the npm registry, unpacked
/// once.
pub fn install_katex_assets() -> Result<PathBuf> {
    let dir = tools_dir().join(format!("katex-{KATEX}"));
    let dist = dir.join("package/dist");
    if dist.join("katex.min.css").is_file() {
        return Ok(dist);
    }
    eprintln!("tools: fetching the KaTeX {KATEX} stylesheet and fonts");
    std::fs::create_dir_all(&dir)?;
    run(Command::new("npm")
        .stdout(std::process::Stdio::null())
        .args([
            "pack",
            "--silent",
            &format!("katex@{KATEX}"),
            "--pack-destination",
        ])
        .arg(&dir))
    .context("fetching KaTeX with npm (is Node.js installed?)")?;
    let tarball = dir.join(format!("katex-{KATEX}.tgz"));
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&dir))?;
    if !dist.join("katex.min.css").is_file() {
        bail!("the KaTeX package has no dist/katex.min.css");
    }
    Ok(dist)
}

/// evcxr's Jupyter kernel, a Python environment with Jupyter's packages, and the kernel's
/// registration.
pub struct NotebookTools {
    pub python: PathBuf,
    pub jupyter_path: PathBuf,
}

/// What `notebooks` needs: the kernel, and nbclient in `.tools/venv` to drive it headless.
pub fn install_notebook_tools(requirements: &Path) -> Result<NotebookTools> {
    install_kernel_and_python("venv", requirements)
}

/// What `lab` needs: the kernel, and JupyterLab in `.tools/lab-venv`. A second environment,
/// not a larger first one: `notebooks` (and CI) would otherwise install JupyterLab's 70 more
/// packages, or reinstall the smaller set each time after `lab`.
pub fn install_lab_tools() -> Result<NotebookTools> {
    install_kernel_and_python("lab-venv", &crate::project::lab_requirements())
}

fn install_kernel_and_python(venv_name: &str, requirements: &Path) -> Result<NotebookTools> {
    install_cargo_tool(&NOTEBOOK_TOOL)?;
    let python = install_python_env(venv_name, requirements)?;
    let jupyter_path = tools_dir().join("jupyter");
    if !jupyter_path.join("kernels/rust/kernel.json").is_file() {
        run(Command::new(tools_dir().join("bin/evcxr_jupyter"))
            .arg("--install")
            .env("JUPYTER_PATH", &jupyter_path)
            .env("JUPYTER_DATA_DIR", &jupyter_path))
        .context("registering the evcxr kernel")?;
    }
    Ok(NotebookTools {
        python,
        jupyter_path,
    })
}

/// A virtual environment `.tools/<venv_name>` with the pinned packages of `requirements`,
/// reinstalled only when that file changed; returns its Python.
fn install_python_env(venv_name: &str, requirements: &Path) -> Result<PathBuf> {
    let venv = tools_dir().join(venv_name);
    let python = venv.join("bin/python");
    let marker = venv.join("requirements.installed");
    let wanted = std::fs::read_to_string(requirements)
        .with_context(|| format!("cannot read {}", requirements.display()))?;
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(wanted.as_str()) {
        eprintln!("tools: creating the Python environment in .tools/{venv_name}");
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))
            .context("creating a Python virtual environment")?;
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(requirements))
        .with_context(|| {
            format!(
                "installing the pinned packages of {}",
                requirements.display()
            )
        })?;
        std::fs::write(&marker, wanted)?;
    }
    Ok(python)
}

/// Chromium for `browser-test` and `pdf`: Debian's package, installed with apt when
/// `/usr/bin/chromium` is missing (apt needs root). A browser is not pinned like the other
/// tools: the checks use only long-stable parts of the DevTools protocol.
pub fn install_chromium() -> Result<()> {
    let chromium = crate::browser::chromium_path();
    if chromium.is_file() {
        return Ok(());
    }
    if Command::new("apt-get").arg("--version").output().is_err() {
        bail!(
            "Chromium is missing ({}) and apt-get is not available to install it: install \
             Chromium another way and set $CHROMIUM to its binary",
            chromium.display()
        );
    }
    eprintln!("tools: installing Chromium with apt-get");
    run(Command::new("apt-get").arg("update")).context("apt-get update (as root?)")?;
    run(Command::new("apt-get")
        .args(["install", "-y", "chromium"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
    .context("installing Debian's chromium package (as root?)")?;
    if !chromium.is_file() {
        bail!(
            "apt-get installed chromium but {} is still missing",
            chromium.display()
        );
    }
    Ok(())
}

/// The groups of tools `cargo xtask tools` can install, by the command that needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ToolSet {
    /// KaTeX's stylesheet and fonts (`book`).
    Book,
    /// evcxr's kernel and the Jupyter environment (`notebooks`).
    Notebooks,
    /// Chromium (`browser-test`, `pdf`).
    Browser,
    /// mdBook's and mdbook-katex's commands (`serve`).
    Serve,
    /// evcxr's kernel and JupyterLab (`lab`).
    Lab,
    /// cargo-mutants (`mutants`).
    Mutants,
}

/// The sets asked for; none means every set but `serve` and `lab`, which is what CI runs.
pub fn install(sets: &[ToolSet]) -> Result<()> {
    let wanted = |set| {
        if sets.is_empty() {
            !matches!(set, ToolSet::Serve | ToolSet::Lab)
        } else {
            sets.contains(&set)
        }
    };
    if wanted(ToolSet::Book) {
        install_katex_assets()?;
    }
    if wanted(ToolSet::Notebooks) {
        install_notebook_tools(&crate::project::notebook_requirements())?;
    }
    if wanted(ToolSet::Browser) {
        install_chromium()?;
    }
    if wanted(ToolSet::Serve) {
        install_serve_tools()?;
    }
    if wanted(ToolSet::Lab) {
        install_lab_tools()?;
    }
    if wanted(ToolSet::Mutants) {
        install_mutants_tool()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The version Cargo.lock resolved for a package of the workspace's tree.
    fn locked(package: &str) -> Option<String> {
        // Tests do not go through `main`, which locates the root: cargo gives the folder.
        let xtask = std::env::var_os("CARGO_MANIFEST_DIR").expect("run by cargo test");
        let lock = std::fs::read_to_string(std::path::Path::new(&xtask).join("../Cargo.lock"))
            .expect("the workspace's Cargo.lock");
        let mut lines = lock.lines();
        while let Some(line) = lines.next() {
            if line == format!("name = \"{package}\"") {
                let version = lines.next()?.strip_prefix("version = \"")?;
                return Some(version.trim_end_matches('"').to_string());
            }
        }
        None
    }

    /// The linked renderer, the commands `serve` installs and the Reproduce appendix must
    /// name one version of each.
    #[test]
    fn the_linked_mdbook_and_katex_are_the_pinned_versions() {
        assert_eq!(locked("mdbook-driver").as_deref(), Some(MDBOOK));
        assert_eq!(locked("mdbook-katex").as_deref(), Some(MDBOOK_KATEX));
    }
}
