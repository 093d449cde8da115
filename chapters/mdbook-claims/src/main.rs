//! The `mdbook-claims` preprocessor binary: mdBook calls it with `supports <renderer>`, then
//! with the book on standard input.

use ledger::ClaimRecord;
use mdbook_claims::{Inputs, bibliography, process};
use mdbook_preprocessor::errors::Result;
use std::io;
use std::process::ExitCode;

fn run() -> Result<()> {
    let (ctx, mut book) = mdbook_preprocessor::parse_input(io::stdin())?;
    let src_dir = ctx.root.join(&ctx.config.book.src);
    let claims_file = src_dir
        .join(ledger::GENERATED_DIR)
        .join(ledger::LEDGER_FILE);
    let text = std::fs::read_to_string(&claims_file).map_err(|e| {
        anyhow::anyhow!(
            "cannot read the ledger at {}: {e} (run `cargo xtask regenerate`)",
            claims_file.display()
        )
    })?;
    let claims: Vec<ClaimRecord> = serde_json::from_str(&text)
        .map_err(|e| {
        anyhow::anyhow!(
            "{} is not a ledger: {e} (run `cargo xtask regenerate`, which rewrites a damaged ledger)",
            claims_file.display()
        )
    })?;
    let references =
        bibliography::load(&src_dir.join("references.bib")).map_err(anyhow::Error::msg)?;
    let report = process(
        &mut book,
        &Inputs {
            claims: &claims,
            src_dir: &src_dir,
            references: &references,
        },
    )?;
    for id in &report.unused {
        eprintln!("warning: claim `{id}` is in the ledger but no page shows it");
    }
    for key in &report.uncited {
        eprintln!("warning: `{key}` is in references.bib but no page cites it");
    }
    serde_json::to_writer(io::stdout(), &book)?;
    Ok(())
}

fn main() -> ExitCode {
    // `mdbook-claims supports <renderer>`: every renderer is fine (the output is Markdown).
    if std::env::args().nth(1).as_deref() == Some("supports") {
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mdbook-claims: {e:#}");
            ExitCode::FAILURE
        }
    }
}
