//! Independent jobs split over threads, with results in the jobs' order.
//!
//! Each job's numbers depend only on the job (its own seed), so how the jobs are split
//! between threads cannot change them: the same results come back whatever `threads` is.

/// `f` applied to every job, the jobs split into at most `threads` contiguous runs, one
/// per scoped thread; the results in the order of `jobs`.
pub fn map<J: Sync, T: Send>(jobs: &[J], threads: usize, f: impl Fn(&J) -> T + Sync) -> Vec<T> {
    map_with(jobs, threads, || (), |(), job| f(job))
}

/// [`map`] with a scratch value per thread: `scratch` makes one for each thread, and `f`
/// reuses it from job to job (buffers, workspaces), so a run of cheap jobs does not allocate
/// anew for each. A job's result must not depend on what an earlier job left in it.
pub fn map_with<J: Sync, S, T: Send>(
    jobs: &[J],
    threads: usize,
    scratch: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &J) -> T + Sync,
) -> Vec<T> {
    if jobs.is_empty() {
        return Vec::new();
    }
    let per = jobs.len().div_ceil(threads.max(1));
    std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(per)
            .map(|chunk| {
                s.spawn(|| {
                    let mut own = scratch();
                    chunk.iter().map(|job| f(&mut own, job)).collect::<Vec<T>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker thread panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_keep_the_jobs_order_whatever_the_thread_count() {
        let jobs: Vec<u64> = (0..17).collect();
        let want: Vec<u64> = jobs.iter().map(|j| j * j + 1).collect();
        for threads in [0, 1, 2, 3, 16, 40] {
            assert_eq!(
                map(&jobs, threads, |j| j * j + 1),
                want,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn each_thread_reuses_one_scratch_value() {
        let jobs: Vec<u64> = (0..10).collect();
        // The scratch counts the jobs its thread has run: one thread sees 1..=10, two see
        // 1..=5 twice.
        let seen = |threads| {
            super::map_with(
                &jobs,
                threads,
                || 0,
                |n, _| {
                    *n += 1;
                    *n
                },
            )
        };
        assert_eq!(seen(1), (1..=10).collect::<Vec<_>>());
        assert_eq!(seen(2), [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn no_jobs_give_no_results() {
        assert!(map(&[] as &[u8], 4, |&j| j).is_empty());
    }
}
