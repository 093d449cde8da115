//! `cargo xtask claims`: the ledger on the terminal or as JSON.

use anyhow::{Result, anyhow};
use ledger::{Claim, ClaimRecord};

/// The given claims, assessed, in order ([`catalog::records`], with an `anyhow` error).
///
/// # Errors
/// The check message of the first claim whose computation does not earn its verdict.
pub fn records(claims: &[Claim]) -> Result<Vec<ClaimRecord>> {
    catalog::records(claims).map_err(|e| anyhow!(e))
}

pub fn print(json: bool) -> Result<()> {
    let records = records(&catalog::all_claims())?;
    if json {
        // The same bytes as src/generated/claims.json.
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
