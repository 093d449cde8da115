//! `cargo xtask claims`: the ledger on the terminal or as JSON, for the whole book or some
//! chapters, at either scale, with the figures written out on request.

use anyhow::{Context, Result, anyhow};
use catalog::Size;
use std::path::PathBuf;

/// What to run and show.
pub struct Options {
    pub json: bool,
    /// Chapter crate names; empty for every chapter.
    pub chapters: Vec<String>,
    pub test_scale: bool,
    /// Where to write the figures, if anywhere.
    pub figures: Option<PathBuf>,
}

pub fn print(options: &Options) -> Result<()> {
    let chapters = if options.chapters.is_empty() {
        catalog::chapters()
    } else {
        options
            .chapters
            .iter()
            .map(|name| catalog::chapter(name).map_err(|e| anyhow!(e)))
            .collect::<Result<_>>()?
    };
    let size = if options.test_scale {
        Size::Test
    } else {
        Size::Book
    };
    let runs = catalog::run_side_by_side(&chapters, size).map_err(|e| anyhow!(e))?;
    let mut records = Vec::new();
    for (chapter, run) in chapters.iter().zip(&runs) {
        records.extend(catalog::records(chapter, &run.claims).map_err(|e| anyhow!(e))?);
        if let Some(dir) = &options.figures {
            for figure in &run.figures {
                let svg = figure
                    .svg
                    .as_ref()
                    .map_err(|e| anyhow!("figure {} failed to draw: {e}", figure.file))?;
                let path = dir.join(figure.file);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                }
                std::fs::write(&path, svg)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
        }
    }
    if options.json {
        // At book scale, the same bytes as src/generated/claims.json.
        print!("{}", catalog::ledger_json(&records)?);
        return Ok(());
    }
    for r in &records {
        println!("{}  [{}]", r.id, r.verdict);
        println!("    stated:   {}", r.stated);
        if !r.computed.is_empty() {
            println!("    computed: {}", r.computed);
        }
        if let (Some(rival), Some(text), Some(verdict)) = (&r.rival, &r.rival_text, r.rival_verdict)
        {
            println!("    holds while: {}", r.holds_while);
            println!("    rival:    {rival}: {text} [{verdict}]");
        }
        println!("    reason:   {}", r.reason);
    }
    Ok(())
}
