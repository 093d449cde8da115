//! Networks per second of the chapter's sampler: `cargo run -p simplicity --example sampler_speed -- COUNT THREADS`.
fn main() {
    use simplicity::sampler::{Shape, sample};
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let (n, threads) = (
        args.first().copied().unwrap_or(1_000_000),
        args.get(1).copied().unwrap_or(2),
    );
    let t = std::time::Instant::now();
    let f = sample(Shape::TwoHidden, n, 1, threads);
    let s = t.elapsed().as_secs_f64();
    let distinct = {
        let mut g = f.clone();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    println!(
        "{n} networks on {threads} threads in {s:.2} s: {:.0} networks/s ({distinct} distinct functions)",
        n as f64 / s
    );
}
