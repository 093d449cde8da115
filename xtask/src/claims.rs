//! `cargo xtask claims`: the ledger on the terminal or as JSON.

use anyhow::{Result, anyhow};
use ledger::ClaimRecord;

/// Every claim, assessed, in book order.
///
/// # Errors
/// The check message of the first claim whose computation does not earn its verdict.
pub fn records() -> Result<Vec<ClaimRecord>> {
    catalog::all_claims()
        .iter()
        .map(|c| ClaimRecord::new(c).map_err(|e| anyhow!(e)))
        .collect()
}

pub fn print(json: bool) -> Result<()> {
    let records = records()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&records)?);
        return Ok(());
    }
    for r in &records {
        println!("{}  [{}]", r.id, r.verdict);
        println!("    stated:   {}", r.stated);
        if !r.computed.is_empty() {
            println!("    computed: {}", r.computed);
        }
        println!("    reason:   {}", r.reason);
    }
    Ok(())
}
