//! The claim ledger: every number the book checks, as a record with a verdict.
//!
//! A chapter declares its claims ([`Claim`]): a stable id, the source sentence, what the
//! source states and to what precision, and what the chapter computes. The verdict is
//! derived here ([`Claim::assess`]), printed by one formatter ([`number::format`]) and
//! exported as [`ClaimRecord`]s for the book and for readers.

pub mod claim;
pub mod notebook;
pub mod number;
pub mod record;
pub mod seed;
pub mod timing;
pub mod verdict;

pub use claim::{Assessment, Claim, Computed, Decision, Rival, RivalOutcome, Stated, Test};
pub use number::{Quantity, Style};
pub use record::{ClaimRecord, FIGURES_DIR, GENERATED_DIR, LEDGER_FILE};
pub use seed::{Origin, Seed, Side, Source};
pub use timing::{Progress, Timing, timed, watch};
pub use verdict::{Basis, Verdict};
