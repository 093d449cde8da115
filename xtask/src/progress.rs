//! What `regenerate` shows while the experiments run, so that a build of several minutes
//! says what it is doing: on an interactive terminal, one line with a spinner, the time
//! so far, how many experiments have finished of those started, and the names of those
//! running; otherwise (a log, CI) a plain line as each experiment starts and finishes.

use indicatif::{ProgressBar, ProgressStyle};
use ledger::Progress;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

/// The display for this process, installed on first use.
pub struct Display {
    bar: Option<ProgressBar>,
    running: Mutex<Vec<&'static str>>,
}

impl Display {
    /// Installs the display (once per process) and returns it.
    pub fn install() -> &'static Display {
        static DISPLAY: std::sync::OnceLock<&'static Display> = std::sync::OnceLock::new();
        DISPLAY.get_or_init(|| {
            let bar = std::io::stderr().is_terminal().then(|| {
                let bar = ProgressBar::new(0);
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {pos}/{len} experiments done; running: {wide_msg}",
                    )
                    .expect("a valid template"),
                );
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            });
            let display: &'static Display = Box::leak(Box::new(Display {
                bar,
                running: Mutex::new(Vec::new()),
            }));
            ledger::watch(display);
            display
        })
    }

    /// Clears the line, before the chapters' own report is printed.
    pub fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn show(&self, running: &[&'static str]) {
        if let Some(bar) = &self.bar {
            bar.set_message(running.join(", "));
        }
    }
}

impl Progress for Display {
    fn started(&self, name: &'static str) {
        let mut running = self.running.lock().expect("the progress lock");
        running.push(name);
        match &self.bar {
            Some(bar) => bar.inc_length(1),
            None => println!("regenerate:   started {name}"),
        }
        self.show(&running);
    }

    fn finished(&self, name: &'static str, seconds: f64) {
        let mut running = self.running.lock().expect("the progress lock");
        if let Some(at) = running.iter().position(|&n| n == name) {
            running.remove(at);
        }
        match &self.bar {
            Some(bar) => bar.inc(1),
            None => println!("regenerate:   {name} finished in {seconds:.1} s"),
        }
        self.show(&running);
    }
}
