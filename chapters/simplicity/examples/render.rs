//! Renders the chapter's figures into a folder and prints its claims with their verdicts,
//! at test scale or with `book` at the book's scale:
//! `cargo run -p simplicity --example render -- /tmp/simplicity [book]`.
fn main() {
    use simplicity::experiments::{Scale, run};
    use simplicity::figures::*;
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/simplicity".into());
    let scale = match std::env::args().nth(2).as_deref() {
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
    std::fs::create_dir_all(format!("{dir}/simplicity")).expect("a folder");
    for (file, svg) in [
        (
            "code-lengths",
            draw_code_lengths(&simplicity::code::worked()),
        ),
        ("rank-frequency", draw_rank_frequency(&r.bias)),
        (
            "probability-complexity",
            draw_probability_complexity(&r.bias),
        ),
        ("perceptron", draw_perceptron(&r.perceptron_ones)),
        ("path-lengths", draw_path_lengths()),
        ("residual-gradient", draw_residual_gradient(&r.residual)),
        ("lesions", draw_lesions(&r.residual)),
        (
            "spectral-equal",
            draw_spectral(&r.spectral, simplicity::spectral::Amplitudes::Equal),
        ),
        (
            "spectral-increasing",
            draw_spectral(&r.spectral, simplicity::spectral::Amplitudes::Increasing),
        ),
        ("parody-sensitivity", draw_parody_sensitivity(&r.parody)),
    ] {
        std::fs::write(format!("{dir}/simplicity/{file}.svg"), svg.expect("draws"))
            .expect("writes");
    }
    for c in simplicity::claims::claims_from(&r) {
        match c.check() {
            Ok(a) => println!(
                "{} [{}] {}\n    {}\n    rival: {}",
                c.id,
                a.verdict,
                c.computed_text(ledger::Style::Plain).unwrap_or_default(),
                a.reason,
                a.rival
                    .map(|r| format!("{} → {} ({})", r.what, r.text, r.verdict))
                    .unwrap_or_default()
            ),
            Err(e) => println!("FAIL {e}"),
        }
    }
}
