//! What each experiment cost. Chapters time their experiments with [`timed`] and report the
//! pairs through their `timings()`; the build prints them and the Reproduce appendix shows
//! them, so a reader knows what regenerating a chapter takes before trying.
//!
//! A program that wants to show what is running while the experiments run (the book's
//! build) installs a [`Progress`] with [`watch`]; [`timed`] then tells it of each
//! experiment as it starts and as it finishes. Tests and notebooks install none and hear
//! nothing.

use std::sync::OnceLock;
use std::time::Instant;

/// An experiment's name and its wall-clock time in seconds.
pub type Timing = (&'static str, f64);

/// Hears of every [`timed`] experiment as it starts and as it finishes, from whichever
/// thread runs it.
pub trait Progress: Send + Sync {
    fn started(&self, name: &'static str);
    fn finished(&self, name: &'static str, seconds: f64);
}

static PROGRESS: OnceLock<&'static dyn Progress> = OnceLock::new();

/// Sends every later [`timed`] experiment's start and finish to `progress`, for the rest of
/// the process; false (and `progress` unused) if one was installed already.
pub fn watch(progress: &'static dyn Progress) -> bool {
    PROGRESS.set(progress).is_ok()
}

/// Runs `f`, returning its value and how long it took under `name`.
pub fn timed<T>(name: &'static str, f: impl FnOnce() -> T) -> (T, Timing) {
    let progress = PROGRESS.get();
    if let Some(p) = progress {
        p.started(name);
    }
    let start = Instant::now();
    let value = f();
    let seconds = start.elapsed().as_secs_f64();
    if let Some(p) = progress {
        p.finished(name, seconds);
    }
    (value, (name, seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Heard(Mutex<Vec<String>>);

    impl Progress for Heard {
        fn started(&self, name: &'static str) {
            self.0.lock().unwrap().push(format!("start {name}"));
        }
        fn finished(&self, name: &'static str, seconds: f64) {
            assert!(seconds >= 0.0);
            self.0.lock().unwrap().push(format!("end {name}"));
        }
    }

    /// An installed watcher hears each experiment start, then finish, around its work; a
    /// second one is refused.
    #[test]
    fn a_watcher_hears_each_experiment_start_and_finish() {
        static HEARD: Heard = Heard(Mutex::new(Vec::new()));
        assert!(watch(&HEARD));
        let (value, (name, _)) = timed("outer", || {
            let heard = HEARD.0.lock().unwrap().clone();
            assert!(heard.contains(&"start outer".to_string()), "{heard:?}");
            assert!(!heard.contains(&"end outer".to_string()));
            7
        });
        assert_eq!((value, name), (7, "outer"));
        assert!(HEARD.0.lock().unwrap().contains(&"end outer".to_string()));
        assert!(!watch(&HEARD));
    }
}
