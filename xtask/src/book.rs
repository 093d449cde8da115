//! `cargo xtask book` and `cargo xtask serve`: from the ledger to rendered pages.
//!
//! `book` renders with mdBook's own library, linked into this program together with
//! mdbook-katex's, so a newcomer's first build compiles them alongside the workspace instead
//! of installing two tools. `serve` needs mdBook's command line (its file watcher and live
//! reload are not in the library) and installs it on first use.

use crate::project::{cargo, root, run, target_dir, tool_path, tools_dir};
use crate::{regenerate, tools};
use anyhow::{Context, Result, anyhow, bail};
use catalog::Size;
use mdbook_driver::MDBook;
use mdbook_driver::config::Config;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Everything mdBook needs before it runs: numbers, figures, KaTeX assets and the
/// `mdbook-claims` preprocessor.
fn prepare(scale: Size) -> Result<()> {
    let katex = tools::install_katex_assets()?;
    regenerate::run(&regenerate::Options::book(scale))?;
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

/// The `mdbook-claims` just built, as a command string for book.toml's
/// `preprocessor.claims.command`: an explicit path, so that the build does not depend on
/// `PATH`, quoted because mdBook splits the string like a shell.
fn claims_command() -> Result<String> {
    let exe = target_dir().join("debug/mdbook-claims");
    let exe = exe.to_str().with_context(|| {
        format!(
            "the target folder's path is not UTF-8: {}",
            target_dir().display()
        )
    })?;
    if exe.contains('\'') {
        bail!("the target folder's path holds a quote, which mdBook cannot be given: {exe}");
    }
    Ok(format!("'{exe}'"))
}

/// mdBook's log (warnings, errors, and which step it is on), on stderr as the `mdbook`
/// command shows it; `MDBOOK_LOG` filters it the same way.
fn init_log() {
    use tracing_subscriber::EnvFilter;
    use tracing_subscriber::filter::LevelFilter;
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::INFO.into())
        .with_env_var("MDBOOK_LOG")
        .from_env_lossy();
    // A second call in the same process keeps the first subscriber, which is what we want.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .try_init();
}

/// Renders the book into `book/`; returns the path of its `index.html`.
pub fn build(scale: Size) -> Result<PathBuf> {
    prepare(scale)?;
    init_log();
    let root = root();
    let mut config = Config::from_disk(root.join("book.toml")).context("reading book.toml")?;
    config
        .update_from_env()
        .context("reading MDBOOK_* settings")?;
    config
        .set("preprocessor.claims.command", claims_command()?)
        .context("pointing book.toml's claims preprocessor at mdbook-claims")?;
    let mut book = MDBook::load_with_config(&root, config)
        .map_err(|e| anyhow!("{e:#}"))
        .context("loading the book")?;
    // Replaces the `mdbook-katex` command that book.toml's [preprocessor.katex] names, in the
    // same place in the order, with the same preprocessor linked in.
    book.with_preprocessor(mdbook_katex::preprocess::KatexProcessor);
    book.build()
        .map_err(|e| anyhow!("{e:#}"))
        .context("rendering the book")?;
    Ok(root.join("book/index.html"))
}

/// Serves the book on 127.0.0.1 with live reload.
pub fn serve(port: u16) -> Result<()> {
    tools::install_serve_tools()?;
    prepare(Size::Book)?;
    let mut mdbook = Command::new(tools_dir().join("bin/mdbook"));
    mdbook.current_dir(root()).env("PATH", tool_path()?);
    run(mdbook.args([
        "serve",
        "--hostname",
        "127.0.0.1",
        "--port",
        &port.to_string(),
    ]))
}
