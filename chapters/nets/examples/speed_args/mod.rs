//! The command line the speed examples share: `[COUNT] [THREADS]`, both positive whole
//! numbers, with the example's own default count and two threads by default.

/// `(count, threads)` from the command line, or a message naming the bad argument.
pub fn count_and_threads(example: &str, default_count: usize) -> Result<(usize, usize), String> {
    let mut numbers = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.parse::<usize>() {
            Ok(n) if n > 0 => numbers.push(n),
            _ => {
                return Err(format!(
                    "{example}: expected a positive whole number, got {arg:?}\nusage: {example} [COUNT] [THREADS]"
                ));
            }
        }
    }
    Ok((
        numbers.first().copied().unwrap_or(default_count),
        numbers.get(1).copied().unwrap_or(2),
    ))
}
