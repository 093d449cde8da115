//! `cargo xtask notebooks`: every notebook executed headless with the evcxr kernel.
//!
//! A small Python driver (nbclient) runs each notebook and, on the first failing cell,
//! names the notebook and the cell. Panics fail the cell: the kernel runs with
//! `:preserve_vars_on_panic 0` from `notebooks/evcxr/init.evcxr`.

use crate::project::{notebook_requirements, root, target_dir};
use crate::tools::{NotebookTools, install_notebook_tools};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

const DRIVER: &str = include_str!("run_notebook.py");

/// Every `notebooks/*.ipynb`, sorted.
fn all_notebooks() -> Result<Vec<PathBuf>> {
    let dir = root().join("notebooks");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ipynb"))
        .collect();
    found.sort();
    Ok(found)
}

/// The notebooks asked for, or all of them.
fn selected(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if paths.is_empty() {
        return all_notebooks();
    }
    for p in paths {
        if !p.is_file() {
            bail!("no notebook at {}", p.display());
        }
    }
    Ok(paths.to_vec())
}

pub fn run(paths: &[PathBuf]) -> Result<()> {
    let notebooks = selected(paths)?;
    if notebooks.is_empty() {
        bail!("no notebooks found under notebooks/");
    }
    let tools = install_notebook_tools(&notebook_requirements())?;
    let executed = target_dir().join("notebooks");
    std::fs::create_dir_all(&executed)?;
    let driver = executed.join("run_notebook.py");
    std::fs::write(&driver, DRIVER)?;
    for nb in &notebooks {
        execute(nb, &driver, &tools, &executed)?;
    }
    println!(
        "notebooks: {} executed without error (outputs in {})",
        notebooks.len(),
        executed.display()
    );
    Ok(())
}

fn execute(nb: &Path, driver: &Path, tools: &NotebookTools, out_dir: &Path) -> Result<()> {
    let name = nb.file_stem().expect("a notebook file name");
    let out = out_dir.join(nb.file_name().expect("a notebook file name"));
    // A tmpdir per notebook keeps compiled dependencies between runs, and concurrent
    // kernels apart.
    let tmp = target_dir().join("evcxr").join(name);
    std::fs::create_dir_all(&tmp)?;
    println!("notebooks: executing {}", nb.display());
    let status = Command::new(&tools.python)
        .arg(driver)
        .arg(nb)
        .arg(&out)
        .env("JUPYTER_PATH", &tools.jupyter_path)
        .env("JUPYTER_DATA_DIR", &tools.jupyter_path)
        .env("EVCXR_CONFIG_DIR", root().join("notebooks/evcxr"))
        .env("EVCXR_TMPDIR", &tmp)
        .status()
        .context("could not start Python for the notebook driver")?;
    if !status.success() {
        bail!("notebook {} failed ({status})", nb.display());
    }
    Ok(())
}
