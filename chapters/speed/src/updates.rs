//! How many gradient updates train a trillion-parameter model?
//!
//! Carlsmith (§4.2, footnote) relays that a model of more than a trillion parameters "might
//! well involve more than a million gradient updates, depending on the batch size". At
//! compute-optimal scaling ([`crate::chinchilla`]) a model of `N` parameters sees about
//! `20·N` tokens, and a run of batches of `B` tokens takes `20·N / B` steps; the claim holds
//! for every batch below `20·N / 10^6` tokens.
//!
//! For scale, the batch sizes of published large runs, in tokens: GPT-3 175B used 3.2
//! million (Brown et al. 2020, Table 2.1); Chinchilla ramped from 1.5 to 3 million; Llama 3
//! 405B ended at 16 million (Dubey et al. 2024, §3.4.1).

use crate::chinchilla::optimal_tokens;

/// The model size of the claim: a trillion parameters ("more than" only adds steps).
pub const PARAMETERS: f64 = 1e12;

/// "More than a million gradient updates."
pub const MILLION: f64 = 1e6;

/// Published batch sizes in tokens, with the run that used them.
pub const PUBLISHED_BATCHES: [(&str, f64); 3] = [
    ("GPT-3 175B", 3.2e6),
    ("Chinchilla 70B, final", 3.0e6),
    ("Llama 3 405B, final", 16.0e6),
];

/// The batch sizes the chapter considers, tokens: 2^17 (131,072) to 2^27 (about 134 million).
pub const BATCH_RANGE: (f64, f64) = (131_072.0, 134_217_728.0);

/// Compute-optimal steps for `n` parameters in batches of `batch` tokens.
pub fn steps(n: f64, batch: f64) -> f64 {
    optimal_tokens(n) / batch
}

/// The largest batch (tokens) at which training `n` parameters takes more than `updates`
/// steps.
pub fn largest_batch(n: f64, updates: f64) -> f64 {
    optimal_tokens(n) / updates
}
