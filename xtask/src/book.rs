//! `cargo xtask book` and `cargo xtask serve`: from the ledger to rendered pages.

use crate::project::{cargo, root, run, tool_path, tools_dir};
use crate::{regenerate, tools};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Everything `mdbook` needs before it runs: tools, numbers, figures, KaTeX assets and the
/// `mdbook-claims` preprocessor.
fn prepare() -> Result<()> {
    let katex = tools::install_book_tools()?;
    regenerate::run(false)?;
    copy_katex(&katex, &root().join("src/katex"))?;
    run(cargo().args(["build", "--quiet", "--package", "mdbook-claims"]))
        .context("building the mdbook-claims preprocessor")
}

/// KaTeX's stylesheet and fonts, served from the book itself so pages load nothing from
/// outside. Copied unchanged: the stylesheet finds its fonts at `fonts/` beside it.
fn copy_katex(dist: &Path, dest: &Path) -> Result<()> {
    if dest.join("katex.min.css").is_file() {
        return Ok(());
    }
    std::fs::create_dir_all(dest.join("fonts"))?;
    std::fs::copy(dist.join("katex.min.css"), dest.join("katex.min.css"))?;
    for entry in std::fs::read_dir(dist.join("fonts"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), dest.join("fonts").join(entry.file_name()))?;
    }
    Ok(())
}

fn mdbook() -> Result<Command> {
    let mut cmd = Command::new(tools_dir().join("bin/mdbook"));
    cmd.current_dir(root()).env("PATH", tool_path()?);
    Ok(cmd)
}

/// Renders the book into `book/`; returns the path of its `index.html`.
pub fn build() -> Result<PathBuf> {
    prepare()?;
    run(mdbook()?.arg("build")).context("rendering the book")?;
    Ok(root().join("book/index.html"))
}

/// Serves the book on 127.0.0.1 with live reload.
pub fn serve(port: u16) -> Result<()> {
    prepare()?;
    run(mdbook()?.args([
        "serve",
        "--hostname",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]))
}
