//! Inline output for the evcxr Jupyter kernel.

use crate::claim::Claim;
use crate::number::Style;
use std::fmt::Write as _;

/// Shows an SVG figure inline in a notebook, through evcxr's content protocol.
pub fn show_svg(svg: &str) {
    println!("EVCXR_BEGIN_CONTENT image/svg+xml\n{svg}\nEVCXR_END_CONTENT");
}

/// The claims' verdicts at whatever scale the notebook ran, one line each: id, verdict and
/// computed value.
///
/// A notebook is for exploring, so a verdict that differs from the one the book's pages
/// rely on is shown with that verdict beside it, not raised as an error; so is a rival that
/// gets the same verdict (at this scale the claim is not decided). What fails on such a
/// change is the book-scale test (`cargo test -- --ignored book_scale`) and `cargo test`.
pub fn verdicts(claims: &[Claim]) -> String {
    let width = claims.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for claim in claims {
        let line = match claim.assess() {
            Ok(a) => {
                let mut line = format!(
                    "{:width$}  {:30} {}",
                    claim.id,
                    a.verdict.to_string(),
                    claim.computed_text(Style::Plain).unwrap_or_default()
                );
                if a.verdict != claim.expect {
                    write!(line, "  [the book, at its own scale: {}]", claim.expect)
                        .expect("string write");
                }
                if let Some(rival) = a.rival.filter(|r| r.verdict == a.verdict) {
                    write!(
                        line,
                        "  [its rival ({}) is also {} here: this scale does not decide it]",
                        rival.what, rival.verdict
                    )
                    .expect("string write");
                }
                line
            }
            Err(e) => format!("{:width$}  cannot be assessed: {e}", claim.id),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Stated, Verdict};
    use crate::number::Quantity;
    use crate::seed::Seed;

    fn counted(expect: Verdict, computed: i128) -> Claim {
        Claim::number(
            "a.count",
            Seed::BelrosePope.quote("a quote"),
            Stated::Exact(5),
            Quantity::Integer(computed),
            expect,
        )
    }

    /// A statement whose criterion holds for anything: its rival gets its verdict.
    fn undecided_by_its_rival() -> Claim {
        Claim::statement(
            "a.statement",
            Seed::BelrosePope.quote("a quote"),
            "anything holds",
            crate::claim::Test::full("holds always").on(
                Quantity::Real(1.0),
                "the opposite",
                Quantity::Real(0.0),
                |_| true,
            ),
            Verdict::Reproduced,
        )
    }

    #[test]
    fn a_rival_with_the_same_verdict_and_an_unassessable_claim_are_shown() {
        let unprintable = Claim::statement(
            "a.unprintable",
            Seed::BelrosePope.quote("a quote"),
            "a value that cannot be printed",
            crate::claim::Test::full("holds").on(
                Quantity::Log10 { lo: 1.0, hi: 9.0 },
                "the opposite",
                Quantity::Real(0.0),
                |_| true,
            ),
            Verdict::Reproduced,
        );
        let text = verdicts(&[undecided_by_its_rival(), unprintable]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[0].ends_with(
                "[its rival (the opposite) is also reproduced here: this scale does not decide it]"
            ),
            "{text}"
        );
        assert!(!lines[0].contains("[the book"), "{text}");
        assert!(
            lines[1].starts_with("a.unprintable  cannot be assessed: "),
            "{text}"
        );
    }

    #[test]
    fn a_changed_verdict_is_shown_beside_the_books_not_raised() {
        let text = verdicts(&[
            counted(Verdict::Reproduced, 5),
            counted(Verdict::Reproduced, 6),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].starts_with("a.count  reproduced"), "{text}");
        assert!(!lines[0].contains("[the book"), "{text}");
        assert!(lines[1].starts_with("a.count  contradicted"), "{text}");
        assert!(
            lines[1].ends_with("[the book, at its own scale: reproduced]"),
            "{text}"
        );
    }
}
