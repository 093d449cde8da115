//! The book at a glance: a figure of every chapter's verdicts (`{{#tally}}`, for the
//! introduction) and a table of every claim in words (`{{#scoreboard}}`, for the ledger
//! appendix).

use ledger::{ClaimRecord, Side, Verdict};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The colour of a verdict, as its badge shows it (`theme/claims.css` gives the badges the
/// same colours; a test holds the two together).
pub fn colour(verdict: Verdict) -> RGBColor {
    match verdict {
        Verdict::Reproduced => RGBColor(0x2e, 0x8b, 0x57),
        Verdict::Contradicted => RGBColor(0xc0, 0x39, 0x2b),
        Verdict::Qualitative => RGBColor(0xb7, 0x79, 0x1f),
        Verdict::NotReproduced => RGBColor(0x8e, 0x5e, 0xa2),
        Verdict::ModelConsequence => RGBColor(0x2b, 0x6c, 0xb0),
        Verdict::NotCheckable => RGBColor(0x6b, 0x72, 0x80),
    }
}

/// Each chapter's title and its count of claims per verdict (in [`Verdict::ALL`]'s order),
/// in ledger order.
fn tallies(claims: &[ClaimRecord]) -> Vec<(&str, [usize; 6])> {
    let mut out: Vec<(&str, [usize; 6])> = Vec::new();
    for c in claims {
        if out
            .last()
            .is_none_or(|(title, _)| *title != c.chapter_title)
        {
            out.push((&c.chapter_title, [0; 6]));
        }
        let slot = Verdict::ALL
            .iter()
            .position(|v| *v == c.verdict)
            .expect("every verdict is in Verdict::ALL");
        out.last_mut().expect("pushed above").1[slot] += 1;
    }
    out
}

/// What the tally shows, in words: the figure's text for a screen reader.
fn tally_words(tallies: &[(&str, [usize; 6])]) -> String {
    let chapters: Vec<String> = tallies
        .iter()
        .map(|(title, counts)| {
            let parts: Vec<String> = Verdict::ALL
                .iter()
                .zip(counts)
                .filter(|(_, n)| **n > 0)
                .map(|(v, n)| format!("{n} {v}"))
                .collect();
            format!("{title}: {}", parts.join(", "))
        })
        .collect();
    format!(
        "The verdicts of each chapter's claims, counted. {}.",
        chapters.join("; ")
    )
}

/// Pixel height of one chapter's bar, and of the key below the chart.
const ROW: u32 = 44;
const KEY: u32 = 78;

/// The tally figure: one bar per chapter, split by verdict in the badges' colours, with the
/// count written in each part wide enough to hold it.
///
/// # Errors
/// A drawing error.
pub fn render_tally(claims: &[ClaimRecord]) -> Result<(String, String), figures::DrawError> {
    let tallies = tallies(claims);
    let rows = tallies.len() as i32;
    let longest = tallies
        .iter()
        .map(|(_, n)| n.iter().sum::<usize>())
        .max()
        .unwrap_or(1) as i32;
    let height = 90 + ROW * tallies.len() as u32 + KEY;
    let svg = figures::svg((figures::SIZE.0, height), |root| {
        let (plot, key) = root.split_vertically(height - KEY);
        let mut chart = ChartBuilder::on(&plot)
            .margin(18)
            .x_label_area_size(52)
            .y_label_area_size(150)
            .build_cartesian_2d(0..longest, (0..rows).into_segmented())?;
        // Book order from the top: the first chapter sits in the highest segment.
        let segment = |k: usize| rows - 1 - k as i32;
        let title_of = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(s) if (0..rows).contains(s) => {
                tallies[(rows - 1 - s) as usize].0.to_string()
            }
            _ => String::new(),
        };
        figures::mesh(&mut chart.configure_mesh(), "claims", "")
            .disable_y_mesh()
            .y_labels(tallies.len())
            .y_label_formatter(&title_of)
            .draw()?;
        for (k, (_, counts)) in tallies.iter().enumerate() {
            let mut from = 0;
            for (v, &n) in Verdict::ALL.iter().zip(counts) {
                if n == 0 {
                    continue;
                }
                let to = from + n as i32;
                let mut bar = Rectangle::new(
                    [
                        (from, SegmentValue::Exact(segment(k))),
                        (to, SegmentValue::Exact(segment(k) + 1)),
                    ],
                    colour(*v).filled(),
                );
                bar.set_margin(6, 6, 0, 1);
                chart.plotting_area().draw(&bar)?;
                let (x0, _) = chart.backend_coord(&(from, SegmentValue::CenterOf(segment(k))));
                let (x1, y) = chart.backend_coord(&(to, SegmentValue::CenterOf(segment(k))));
                if x1 - x0 >= 22 {
                    let style = (figures::FONT, figures::LABEL_SIZE)
                        .into_font()
                        .color(&WHITE)
                        .pos(Pos::new(HPos::Center, VPos::Center));
                    plot.draw(&Text::new(n.to_string(), ((x0 + x1) / 2, y), style))?;
                }
                from = to;
            }
        }
        // The key, three verdicts a line, under the chart.
        for (i, v) in Verdict::ALL.iter().enumerate() {
            let (x, y) = (160 + 200 * (i % 3) as i32, 14 + 30 * (i / 3) as i32);
            key.draw(&Rectangle::new(
                [(x, y), (x + 16, y + 16)],
                colour(*v).filled(),
            ))?;
            key.draw(&Text::new(
                v.to_string(),
                (x + 24, y),
                figures::text(figures::LABEL_SIZE),
            ))?;
        }
        Ok(())
    })?;
    Ok((svg, tally_words(&tallies)))
}

/// A claim id that breaks only after its dots (and, as any text does, after its hyphens),
/// never inside a word.
pub fn breakable_id(id: &str) -> String {
    format!(
        "<code class=\"claim-id\">{}</code>",
        id.replace('.', ".<wbr>")
    )
}

/// How many of a chapter's claims come from each side's texts, sides with none left out:
/// "12 claims: 9 from the critics' texts (Belrose & Pope, Turner), 3 from Carlsmith's".
fn sides_heard<'a>(claims: impl Iterator<Item = &'a ClaimRecord>) -> String {
    let mut counts: BTreeMap<Side, usize> = BTreeMap::new();
    let mut total = 0;
    for c in claims {
        *counts.entry(c.side).or_default() += 1;
        total += 1;
    }
    let parts: Vec<String> = Side::ALL
        .iter()
        .filter_map(|side| {
            counts
                .get(side)
                .map(|n| format!("{n} from {}", side.texts()))
        })
        .collect();
    format!(
        "{total} claim{}: {}",
        if total == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

/// A table cell's text: no pipes or line breaks to end the cell early.
pub fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Every claim at a glance, one table per chapter: the claim's id linked to its ledger row,
/// what the source says (a statement in words, or a number beside the sentence that states
/// it), what the book computes, the verdict and the page that discusses it.
pub fn render_scoreboard(
    claims: &[ClaimRecord],
    shown_in: &BTreeMap<String, (PathBuf, String)>,
    ledger: &Path,
    to_root: &str,
) -> String {
    let mut out = String::new();
    let mut chapter = "";
    for (i, c) in claims.iter().enumerate() {
        if c.chapter != chapter {
            chapter = &c.chapter;
            write!(
                out,
                "\n**{}** — {}\n\n<div class=\"scoreboard\">\n\n| claim | the source says | the book computes | verdict | discussed in |\n|---|---|---|---|---|\n",
                c.chapter_title,
                sides_heard(claims.iter().filter(|other| other.chapter == c.chapter))
            )
            .expect("string write");
        }
        let page = shown_in.get(&c.id).map_or_else(
            || "—".to_string(),
            |(path, title)| format!("[{}]({to_root}{})", cell(title), path.display()),
        );
        let says = if c.stated_number {
            format!("“{}” — {}", cell(&c.quote_html), cell(&c.stated_html))
        } else {
            cell(&c.stated_html)
        };
        writeln!(
            out,
            "| [{id}]({to_root}{ledger}#{anchor}) | {says} | {computed} | <span class=\"verdict verdict-{v}\">{verdict}</span> | {page} |",
            id = breakable_id(&c.id),
            ledger = ledger.display(),
            anchor = crate::anchor(&c.id),
            v = c.verdict.slug(),
            verdict = c.verdict,
            computed = if c.computed_html.is_empty() { "—".to_string() } else { cell(&c.computed_html) },
        )
        .expect("string write");
        if claims
            .get(i + 1)
            .is_none_or(|next| next.chapter != c.chapter)
        {
            out.push_str("\n</div>\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figure's colours and the badges' are one palette: each `.verdict-SLUG` rule in the
    /// stylesheet has the background [`colour`] gives.
    #[test]
    fn the_tally_uses_the_badges_colours() {
        let css = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../theme/claims.css"),
        )
        .expect("theme/claims.css");
        for v in Verdict::ALL {
            let RGBColor(r, g, b) = colour(v);
            let rule = format!(
                ".verdict-{} {{ background: #{r:02x}{g:02x}{b:02x}; }}",
                v.slug()
            );
            assert!(css.contains(&rule), "theme/claims.css lacks `{rule}`");
        }
    }

    #[test]
    fn ids_break_after_dots_only() {
        assert_eq!(
            breakable_id("addition.input-pairs"),
            "<code class=\"claim-id\">addition.<wbr>input-pairs</code>"
        );
    }
}
