//! Prints the chapter's claims with their verdicts and rivals, at test scale or with `book`
//! at the book's scale: `cargo run -p speed --example ledger -- [book]`.
fn main() {
    use speed::experiments::{Scale, run};
    let scale = match std::env::args().nth(1).as_deref() {
        Some("book") => Scale::book(),
        _ => Scale::test(),
    };
    let start = std::time::Instant::now();
    let r = run(&scale);
    println!(
        "experiments: {:.1} s {:?}",
        start.elapsed().as_secs_f64(),
        r.timings
    );
    for c in speed::claims::claims_from(&r) {
        match c.check() {
            Ok(a) => {
                let rival = a
                    .rival
                    .map(|r| format!("{} → {} ({})", r.what, r.text, r.verdict))
                    .unwrap_or_default();
                println!(
                    "{}: {} | computed {} | rival: {rival}\n  {}",
                    c.id,
                    a.verdict,
                    c.computed_text(ledger::Style::Plain).unwrap_or_default(),
                    a.holds_while
                );
            }
            Err(e) => println!("FAIL {e}"),
        }
    }
}
