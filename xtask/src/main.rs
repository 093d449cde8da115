//! `cargo xtask`: the book's build, from numbers to pages.
//!
//! - `regenerate`: every chapter's claims and figures into `src/generated/`, at the book's,
//!   the tests' or the papers' scale, on one machine or split into shards and merged;
//! - `book`: fetch KaTeX's assets if missing, regenerate, render `book/` (with mdBook
//!   linked in);
//! - `serve`: the same, then a live preview on 127.0.0.1;
//! - `notebooks`: execute every notebook headless, failing on the first cell error;
//! - `lab`: JupyterLab on the notebooks, with the kernel;
//! - `claims`: print the ledger (`--json` for the machine-readable export), of the whole
//!   book or one chapter, at book or test scale, optionally writing the figures too;
//! - `browser-test`: every page of the built book in headless Chromium;
//! - `pdf`: the whole book as one PDF, printed by headless Chromium;
//! - `mutants`: mutation testing of the crates in `mutants::MUTATION_TESTED`;
//! - `tools`: install the pinned tools only (what CI calls first); each command above also
//!   installs what it needs, and only that.

mod book;
mod browser;
mod claims;
mod lab;
mod mutants;
mod notebooks;
mod pdf;
mod progress;
mod project;
mod regenerate;
mod reproduce;
mod tools;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Build, check and preview Counting, Checked"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write every chapter's claims JSON and figures into src/generated/.
    Regenerate {
        /// Regenerate even when the cached output is current.
        #[arg(long)]
        force: bool,
        /// The experiments' scale: the book's, the tests' (smaller) or the papers' (larger,
        /// for a cluster: see --shard).
        #[arg(long, value_enum, default_value_t = Scale::Book)]
        scale: Scale,
        /// Write here instead of src/generated/.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only these chapters (crate names, e.g. `simplicity`); needs --out (the book is
        /// built from every chapter), except for a shard.
        #[arg(long = "chapter")]
        chapters: Vec<String>,
        /// Run slice I of N of every sharded experiment and write its parts (I from 0).
        #[arg(long, value_name = "I/N", conflicts_with_all = ["merge", "out", "force"])]
        shard: Option<regenerate::Shard>,
        /// Build the output from the parts of N shards.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        merge: Option<u64>,
        /// The shards' parts folder (default target/shards/<scale>/), shared by every shard
        /// and the merge.
        #[arg(long)]
        parts: Option<PathBuf>,
    },
    /// Fetch KaTeX's assets if missing, regenerate, and render the book into book/.
    Book {
        /// The scale of the numbers the book shows (papers: after a merge, say).
        #[arg(long, value_enum, default_value_t = Scale::Book)]
        scale: Scale,
    },
    /// Render the book and serve it with live reload on 127.0.0.1.
    Serve {
        #[arg(long, default_value_t = 3000)]
        port: u16,
    },
    /// Execute notebooks headless through Jupyter with the evcxr kernel.
    Notebooks {
        /// Notebooks to run (default: every notebooks/*.ipynb).
        paths: Vec<PathBuf>,
    },
    /// Open JupyterLab on notebooks/ with the evcxr kernel (installed into .tools/).
    Lab {
        #[arg(long, default_value_t = 8888)]
        port: u16,
        /// Only check that the server starts and lists the kernel, then stop it.
        #[arg(long)]
        check: bool,
    },
    /// Print the claim ledger: run the chapters and show each claim with its verdict.
    Claims {
        /// One JSON object per claim, as an array.
        #[arg(long)]
        json: bool,
        /// Only these chapters (crate names, e.g. `simplicity`; default: every chapter).
        #[arg(long = "chapter")]
        chapters: Vec<String>,
        /// Run the experiments at their test scale (what `cargo test` runs), not the book's.
        #[arg(long)]
        test_scale: bool,
        /// Also write the chapters' figures into this folder.
        #[arg(long)]
        figures: Option<PathBuf>,
    },
    /// Check every page of the built book in headless Chromium, with screenshots.
    BrowserTest {
        /// The rendered book to check (default: book/).
        #[arg(long)]
        book: Option<PathBuf>,
    },
    /// Print the built book to book/counting-checked.pdf with headless Chromium.
    Pdf,
    /// Mutation-test crates with cargo-mutants, failing on any surviving mutant.
    Mutants {
        /// Packages to test (default: every crate held to zero survivors).
        packages: Vec<String>,
    },
    /// Install pinned tools: KaTeX's assets, evcxr and Jupyter, Chromium, cargo-mutants
    /// (and mdBook's commands for serve and JupyterLab for lab, only when asked).
    Tools {
        /// Which (default: every set but serve and lab).
        #[arg(value_enum)]
        sets: Vec<tools::ToolSet>,
    },
}

/// The experiments' scales, as the command line names them.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Scale {
    Book,
    Test,
    Paper,
}

impl Scale {
    fn size(self) -> catalog::Size {
        match self {
            Scale::Book => catalog::Size::Book,
            Scale::Test => catalog::Size::Test,
            Scale::Paper => catalog::Size::Paper,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = project::locate_root() {
        eprintln!("error: {e:#}");
        return ExitCode::FAILURE;
    }
    let result: Result<()> = match cli.command {
        Command::Regenerate {
            force,
            scale,
            out,
            chapters,
            shard,
            merge,
            parts,
        } => regenerate::run(&regenerate::Options {
            force,
            scale: scale.size(),
            out,
            chapters,
            shard,
            merge: merge.map(|n| n as usize),
            parts,
        })
        .map(|_| ()),
        Command::Book { scale } => {
            book::build(scale.size()).map(|index| println!("{}", index.display()))
        }
        Command::Serve { port } => book::serve(port),
        Command::Notebooks { paths } => notebooks::run(&paths),
        Command::Lab { port, check } => lab::run(port, check),
        Command::Claims {
            json,
            chapters,
            test_scale,
            figures,
        } => claims::print(&claims::Options {
            json,
            chapters,
            test_scale,
            figures,
        }),
        Command::BrowserTest { book } => browser::run(book),
        Command::Pdf => pdf::run(),
        Command::Mutants { packages } => mutants::run_all(&packages),
        Command::Tools { sets } => tools::install(&sets),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
