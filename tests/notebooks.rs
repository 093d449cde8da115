//! The notebooks' source, checked without a kernel: `cargo test` runs where evcxr is not
//! installed, and `cargo xtask notebooks` (which executes them) takes a quarter of an hour, so
//! a mistake a reader could see by eye should fail here first.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The checkout under test, found at run time (see tests/preprocessor.rs for why not `env!`).
fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .expect("neither CARGO_MANIFEST_DIR nor a working directory")
}

struct Notebook {
    path: PathBuf,
    /// Each code cell's index among all the cells (as Jupyter and `cargo xtask notebooks`
    /// number them) and its source, joined.
    code: Vec<(usize, String)>,
}

fn notebooks() -> Vec<Notebook> {
    let dir = root().join("notebooks");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ipynb"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no notebooks in {}", dir.display());
    paths.into_iter().map(|path| read(&path)).collect()
}

fn read(path: &Path) -> Notebook {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let json: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    let cells = json["cells"]
        .as_array()
        .unwrap_or_else(|| panic!("{} has no cells", path.display()));
    let code = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c["cell_type"] == "code")
        .map(|(index, c)| {
            let source = match &c["source"] {
                Value::String(s) => s.clone(),
                Value::Array(lines) => lines.iter().filter_map(Value::as_str).collect(),
                other => panic!("{}: cell {index}'s source is {other}", path.display()),
            };
            (index, source)
        })
        .collect();
    Notebook {
        path: path.to_path_buf(),
        code,
    }
}

/// How many figures a cell shows: its calls of `show_svg`, comment lines and a definition of
/// `show_svg` aside. The same count as `figures_drawn` in xtask/src/run_notebook.py, which
/// compares it, after the run, with the images the kernel kept.
fn figures_drawn(source: &str) -> usize {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| line.matches("show_svg(").count() - line.matches("fn show_svg(").count())
        .sum()
}

/// The evcxr kernel keeps only the last image a cell shows, so a cell with two figures loses
/// one in the saved notebook (and `cargo xtask notebooks` fails on it).
#[test]
fn every_code_cell_shows_at_most_one_figure() {
    let mut crowded = Vec::new();
    for nb in notebooks() {
        for (index, source) in &nb.code {
            let drawn = figures_drawn(source);
            if drawn > 1 {
                crowded.push(format!(
                    "{}: cell {index} shows {drawn} figures",
                    nb.path.display()
                ));
            }
        }
    }
    assert!(
        crowded.is_empty(),
        "give each figure its own cell:\n{}",
        crowded.join("\n")
    );
}

/// A `:dep name = { path = "…" }` line names a crate folder relative to the notebook; a wrong
/// path fails only when a reader runs the first cell.
#[test]
fn every_dep_path_names_a_crate_of_the_checkout() {
    let mut missing = Vec::new();
    let mut seen = 0;
    for nb in notebooks() {
        let dir = nb.path.parent().expect("a notebook lies in a folder");
        for line in nb.code.iter().flat_map(|(_, s)| s.lines()) {
            let Some(rest) = line.trim().strip_prefix(":dep ") else {
                continue;
            };
            let Some((_, after)) = rest.split_once("path = \"") else {
                continue;
            };
            let rel = after.split('"').next().unwrap_or_default();
            seen += 1;
            if !dir.join(rel).join("Cargo.toml").is_file() {
                missing.push(format!("{}: {line}", nb.path.display()));
            }
        }
    }
    assert!(seen > 0, "no `:dep … path` lines found: the parse is wrong");
    assert!(
        missing.is_empty(),
        "paths with no Cargo.toml:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_figure_count_skips_comments_and_definitions() {
    assert_eq!(figures_drawn("show_svg(&a);\nshow_svg(&b);"), 2);
    assert_eq!(figures_drawn("// show_svg(&a);\nshow_svg(&b);"), 1);
    assert_eq!(figures_drawn("fn show_svg(s: &str) {}\nshow_svg(&b);"), 1);
}
