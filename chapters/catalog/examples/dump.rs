fn main() {
    let t = std::time::Instant::now();
    for c in catalog::all_claims() {
        match ledger::ClaimRecord::new(&c) {
            Ok(r) => println!("{} | {} | {} | {:?} | {}", r.id, r.stated, r.computed, r.verdict, r.reason),
            Err(e) => println!("ERR {e}"),
        }
    }
    println!("{:?}", t.elapsed());
}
