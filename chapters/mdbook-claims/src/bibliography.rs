//! The book's references: a BibTeX file read once, cited in the text by key, and listed on
//! the references page.
//!
//! Parsing is left to the `biblatex` crate (braces, accents and name order are easy to get
//! wrong by hand); this module only decides how an entry reads in the text and in the list.

use biblatex::{Bibliography, ChunksExt, Entry};
use std::path::Path;

/// One work the book cites, in the form the pages need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub key: String,
    /// Family names, in order.
    pub authors: Vec<String>,
    pub year: String,
    pub title: String,
    /// Journal, proceedings, publisher or site, whichever the entry names first.
    pub venue: String,
    /// A link to the work: its `url`, else its arXiv page.
    pub url: Option<String>,
}

/// The anchor of the entry with citation key `key` on the references page.
pub fn anchor(key: &str) -> String {
    format!("ref-{key}")
}

impl Reference {
    /// How the text cites it: `Carlsmith 2023`, `Belrose & Pope 2024`, `Veit et al. 2016`.
    pub fn in_text(&self) -> String {
        let names = match self.authors.as_slice() {
            [] => "Anon.".to_string(),
            [one] => one.clone(),
            [a, b] => format!("{a} & {b}"),
            [first, ..] => format!("{first} et al."),
        };
        format!("{names} {}", self.year)
    }

    /// The anchor of its entry on the references page.
    pub fn anchor(&self) -> String {
        anchor(&self.key)
    }
}

/// Reads the bibliography at `path`, in file order.
///
/// # Errors
/// The file cannot be read, does not parse (the message gives the line), or an entry lacks
/// an author, a title or a year.
pub fn load(path: &Path) -> Result<Vec<Reference>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the bibliography {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parses BibTeX text into references.
///
/// # Errors
/// As [`load`], without the file name.
pub fn parse(text: &str) -> Result<Vec<Reference>, String> {
    let bibliography = Bibliography::parse(text).map_err(|e| {
        let line = text[..e.span.start.min(text.len())].matches('\n').count() + 1;
        format!("line {line}: not valid BibTeX ({:?})", e.kind)
    })?;
    bibliography.iter().map(reference).collect()
}

fn reference(entry: &Entry) -> Result<Reference, String> {
    let key = &entry.key;
    let field = |name: &str| entry.get(name).map(|chunks| chunks.format_verbatim());
    let missing = |what: &str| format!("entry `{key}` has no {what}");
    let authors: Vec<String> = entry
        .author()
        .map_err(|_| missing("author"))?
        .into_iter()
        .map(|person| person.name)
        .collect();
    let venue = [
        "journal",
        "booktitle",
        "publisher",
        "howpublished",
        "organization",
    ]
    .iter()
    .find_map(|name| field(name))
    .unwrap_or_default();
    let url =
        field("url").or_else(|| field("eprint").map(|id| format!("https://arxiv.org/abs/{id}")));
    Ok(Reference {
        key: key.clone(),
        authors,
        year: field("year").ok_or_else(|| missing("year"))?,
        title: field("title").ok_or_else(|| missing("title"))?,
        venue,
        url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIB: &str = r#"
@inproceedings{veit2016,
  author = {Veit, Andreas and Wilber, Michael J. and Belongie, Serge},
  title = {Residual Networks Behave Like Ensembles of Relatively Shallow Networks},
  booktitle = {Advances in Neural Information Processing Systems 29},
  year = {2016},
  eprint = {1605.06431},
}
@misc{pope2024,
  author = {Belrose, Nora and Pope, Quintin},
  title = {Counting arguments provide no evidence for {AI} doom},
  howpublished = {Blog post},
  year = {2024},
  url = {https://example.org/post},
}
"#;

    #[test]
    fn entries_read_as_the_text_cites_them() {
        let refs = parse(BIB).unwrap();
        assert_eq!(refs[0].in_text(), "Veit et al. 2016");
        assert_eq!(
            refs[0].url.as_deref(),
            Some("https://arxiv.org/abs/1605.06431")
        );
        assert_eq!(
            refs[0].venue,
            "Advances in Neural Information Processing Systems 29"
        );
        assert_eq!(refs[1].in_text(), "Belrose & Pope 2024");
        assert_eq!(
            refs[1].title,
            "Counting arguments provide no evidence for AI doom"
        );
        assert_eq!(refs[1].anchor(), "ref-pope2024");
    }

    #[test]
    fn broken_or_incomplete_entries_are_named() {
        let err = parse("\n@misc{x, title={unclosed}").unwrap_err();
        assert!(err.starts_with("line 2: not valid BibTeX"), "{err}");
        let err = parse("@misc{x, author={A, B}, title={T}}").unwrap_err();
        assert_eq!(err, "entry `x` has no year");
    }
}
