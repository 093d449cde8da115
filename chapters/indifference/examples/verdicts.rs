//! Prints every claim of the chapter with its verdict and its rival's, at the test scale
//! (`cargo run -p indifference --example verdicts`) or the book's (`… -- book`).

use indifference::experiments::{Scale, run};

fn main() {
    let book = std::env::args().any(|a| a == "book");
    let scale = if book { Scale::book() } else { Scale::test() };
    let t = std::time::Instant::now();
    let results = run(&scale);
    println!(
        "experiments: {:.1} s {:?}",
        t.elapsed().as_secs_f64(),
        results.timings
    );
    let mut failed = 0;
    for c in indifference::claims::claims_from(&results) {
        match c.check() {
            Ok(a) => {
                let rival = a
                    .rival
                    .map(|r| format!("{} → {} [{}]", r.what, r.text, r.verdict))
                    .unwrap_or_default();
                println!(
                    "ok   {} = {} [{}]\n     rival: {rival}\n     {}\n",
                    c.id,
                    c.computed_text(ledger::Style::Plain).unwrap_or_default(),
                    a.verdict,
                    a.reason
                );
            }
            Err(e) => {
                failed += 1;
                println!("FAIL {e}\n");
            }
        }
    }
    println!("{failed} failed");
}
