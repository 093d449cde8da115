//! Legends that cover no data: a boxed legend that plotters placed over a series is moved
//! into a band added below the figure.
//!
//! plotters puts a chart's legend at one of nine fixed places in the plotting area and
//! cannot know whether the data pass there; which corner is free depends on the data, and
//! so on the scale an experiment ran at. Rather than trust a chosen corner, every figure is
//! checked after drawing ([`crate::svg`] calls [`clear_legends`]): a legend box (the border
//! [`crate::legend`] draws) that any data mark — a polyline, a polygon, a circle, a filled
//! rectangle or an opaque line (a cross's stroke) drawn outside the legend — crosses is shifted, with its labels and keys, to a
//! band added at the bottom of the canvas, so no legend covers data whatever the data do.
//! A legend that covers nothing stays where it was, byte for byte.

/// The opening of the border rectangle [`crate::legend`] draws (ink at half opacity, no
/// fill), which marks where a legend's elements begin.
const BORDER: &str = r##"opacity="0.5" fill="none" stroke="#8A8A8A"/>"##;

/// Space in pixels above each moved legend and below the last.
const GAP: f64 = 10.0;

/// An axis-aligned box in pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Box2 {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Box2 {
    fn contains(&self, (x, y): (f64, f64)) -> bool {
        // One pixel of slack: plotters rounds a key's coordinates to whole pixels.
        (self.left - 1.0..=self.right + 1.0).contains(&x)
            && (self.top - 1.0..=self.bottom + 1.0).contains(&y)
    }

    fn overlaps(&self, other: &Box2) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// One SVG element as plotters writes it: a line, or a `<text>` element over three lines.
struct Element<'a> {
    lines: Vec<&'a str>,
}

impl Element<'_> {
    fn head(&self) -> &str {
        self.lines[0]
    }

    fn number(&self, name: &str) -> Option<f64> {
        attribute(self.head(), name)?.parse().ok()
    }

    fn points(&self) -> Vec<(f64, f64)> {
        attribute(self.head(), "points")
            .map(|p| {
                p.split_whitespace()
                    .filter_map(|xy| {
                        let (x, y) = xy.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn rect(&self) -> Option<Box2> {
        let (x, y) = (self.number("x")?, self.number("y")?);
        Some(Box2 {
            left: x,
            top: y,
            right: x + self.number("width")?,
            bottom: y + self.number("height")?,
        })
    }

    /// The legend box this element is the border of, if it is one.
    fn legend_border(&self) -> Option<Box2> {
        let head = self.head();
        (head.starts_with("<rect ") && head.ends_with(BORDER))
            .then(|| self.rect())
            .flatten()
    }

    /// Whether the element lies inside `b`: one of a legend's labels or keys.
    fn inside(&self, b: &Box2) -> bool {
        let head = self.head();
        if head.starts_with("<text ") || head.starts_with("<circle ") {
            let (x, y) = if head.starts_with("<text ") {
                (self.number("x"), self.number("y"))
            } else {
                (self.number("cx"), self.number("cy"))
            };
            x.zip(y).is_some_and(|p| b.contains(p))
        } else if head.starts_with("<rect ") {
            self.rect()
                .is_some_and(|r| b.contains((r.left, r.top)) && b.contains((r.right, r.bottom)))
        } else if head.starts_with("<polyline ") || head.starts_with("<polygon ") {
            let points = self.points();
            !points.is_empty() && points.iter().all(|&p| b.contains(p))
        } else if head.starts_with("<line ") {
            self.segment()
                .is_some_and(|(a, c)| b.contains(a) && b.contains(c))
        } else {
            false
        }
    }

    /// A `<line>`'s two ends.
    fn segment(&self) -> Option<((f64, f64), (f64, f64))> {
        Some((
            (self.number("x1")?, self.number("y1")?),
            (self.number("x2")?, self.number("y2")?),
        ))
    }

    /// Whether the element is a data mark that covers part of `b`.
    fn covers(&self, b: &Box2) -> bool {
        let head = self.head();
        if head.starts_with("<polyline ") || head.starts_with("<polygon ") {
            let points = self.points();
            match points.as_slice() {
                [] => false,
                [p] => b.contains(*p),
                _ => points.windows(2).any(|w| b.crossed_by(w[0], w[1])),
            }
        } else if head.starts_with("<circle ") {
            match (self.number("cx"), self.number("cy"), self.number("r")) {
                (Some(x), Some(y), Some(r)) => Box2 {
                    left: x - r,
                    top: y - r,
                    right: x + r,
                    bottom: y + r,
                }
                .overlaps(b),
                _ => false,
            }
        } else if head.starts_with("<line ") && head.contains(r#"opacity="1""#) {
            // A marker drawn in strokes (a cross); the grid's lines are faint, never opaque.
            self.segment().is_some_and(|(a, c)| b.crossed_by(a, c))
        } else if head.starts_with("<rect ") && !head.contains(r#"fill="none""#) {
            self.rect().is_some_and(|r| {
                let behind = r.left <= b.left
                    && r.top <= b.top
                    && r.right >= b.right
                    && r.bottom >= b.bottom;
                !behind && r.overlaps(b)
            })
        } else {
            false
        }
    }
}

/// The value of attribute `name` in one SVG tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn elements<'a>(body: &[&'a str]) -> Vec<Element<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let mut end = i + 1;
        if body[i].starts_with("<text ") {
            while end < body.len() && body[end - 1] != "</text>" {
                end += 1;
            }
        }
        out.push(Element {
            lines: body[i..end].to_vec(),
        });
        i = end;
    }
    out
}

/// `svg` (a document as plotters writes it) with every legend box that covers data moved
/// into a band below the figure, one under another; `svg` unchanged when none does.
pub fn clear_legends(svg: &str) -> String {
    let lines: Vec<&str> = svg.lines().collect();
    let (Some(open), Some(&"</svg>")) = (lines.first(), lines.last()) else {
        return svg.to_string();
    };
    let (Some(width), Some(height)) = (
        attribute(open, "width").and_then(|w| w.parse::<f64>().ok()),
        attribute(open, "height").and_then(|h| h.parse::<f64>().ok()),
    ) else {
        return svg.to_string();
    };
    let elements = elements(&lines[1..lines.len() - 1]);
    // Each legend: its border's index, how many elements it spans, its box.
    let mut legends = Vec::new();
    let mut i = 0;
    while i < elements.len() {
        if let Some(b) = elements[i].legend_border() {
            let span = 1 + elements[i + 1..]
                .iter()
                .take_while(|e| e.inside(&b))
                .count();
            legends.push((i, span, b));
            i += span;
        } else {
            i += 1;
        }
    }
    let in_a_legend = |k: usize| {
        legends
            .iter()
            .any(|&(at, span, _)| (at..at + span).contains(&k))
    };
    let mut bottom = height;
    let mut moves = Vec::new();
    for &(at, span, b) in &legends {
        let covered = elements
            .iter()
            .enumerate()
            .any(|(k, e)| !in_a_legend(k) && e.covers(&b));
        if covered {
            let dy = bottom + GAP - b.top;
            bottom += GAP + (b.bottom - b.top);
            moves.push((at, span, dy));
        }
    }
    if moves.is_empty() {
        return svg.to_string();
    }
    let new_height = (bottom + GAP).ceil();
    let mut out = String::with_capacity(svg.len() + 64 * moves.len());
    out.push_str(
        &open
            .replacen(
                &format!("height=\"{height}\""),
                &format!("height=\"{new_height}\""),
                1,
            )
            .replacen(
                &format!("viewBox=\"0 0 {width} {height}\""),
                &format!("viewBox=\"0 0 {width} {new_height}\""),
                1,
            ),
    );
    out.push('\n');
    for (k, e) in elements.iter().enumerate() {
        if let Some(&(_, _, dy)) = moves.iter().find(|&&(at, _, _)| at == k) {
            out.push_str(&format!("<g transform=\"translate(0,{dy})\">\n"));
        }
        for line in &e.lines {
            out.push_str(line);
            out.push('\n');
        }
        if moves.iter().any(|&(at, span, _)| at + span == k + 1) {
            out.push_str("</g>\n");
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{INK, frame, legend, mesh, svg};
    use plotters::prelude::*;

    /// A chart with one line from corner to corner (or along the bottom) and its legend at
    /// the upper left.
    fn chart(diagonal: bool) -> String {
        svg((400, 300), |root| {
            let mut chart =
                frame(&mut ChartBuilder::on(root), "t").build_cartesian_2d(0.0..1.0, 0.0..1.0)?;
            mesh(&mut chart.configure_mesh(), "x", "y").draw()?;
            let line = if diagonal {
                vec![(0.0, 1.0), (1.0, 0.0)]
            } else {
                vec![(0.0, 0.05), (1.0, 0.05)]
            };
            chart
                .draw_series(LineSeries::new(line, INK.stroke_width(2)))?
                .label("a line")
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK));
            // A key drawn as a cross, in two strokes, as the lesion figures draw theirs.
            chart
                .draw_series(std::iter::empty::<Cross<(f64, f64), i32>>())?
                .label("a cross")
                .legend(|(x, y)| Cross::new((x + 11, y), 4, INK.stroke_width(2)));
            legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
            Ok(())
        })
        .expect("the chart draws")
    }

    fn legend_box(svg: &str) -> Box2 {
        let lines: Vec<&str> = svg.lines().collect();
        elements(&lines)
            .iter()
            .find_map(Element::legend_border)
            .expect("a legend")
    }

    #[test]
    fn a_legend_over_a_line_moves_below_the_figure_and_one_clear_of_it_stays() {
        let clear = chart(false);
        assert!(
            clear.starts_with(r#"<svg width="400" height="300""#),
            "{clear}"
        );
        assert!(!clear.contains("<g transform"));
        let moved = chart(true);
        assert!(moved.contains("<g transform=\"translate(0,"));
        let height: f64 = attribute(moved.lines().next().unwrap(), "height")
            .unwrap()
            .parse()
            .unwrap();
        let b = legend_box(&moved);
        // The border keeps its coordinates inside the group; the group shifts it down by
        // the canvas height plus the gap, less its top.
        let dy: f64 = moved
            .split("translate(0,")
            .nth(1)
            .and_then(|s| s.split(')').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(b.top + dy >= 300.0, "{} + {dy}", b.top);
        assert!(
            b.bottom + dy <= height,
            "{} + {dy} within {height}",
            b.bottom
        );
        // Labels and keys move with the border: the group closes after them.
        let group = moved.split("<g transform").nth(1).unwrap();
        let group = &group[..group.find("</g>").unwrap()];
        assert!(
            group.contains("a line") && group.contains("a cross"),
            "{group}"
        );
        assert_eq!(group.matches("<polyline").count(), 1, "{group}");
        assert_eq!(
            group.matches("<line").count(),
            2,
            "the cross moves too: {group}"
        );
    }

    #[test]
    fn segments_and_marks_are_tested_against_the_box() {
        let b = Box2 {
            left: 10.0,
            top: 10.0,
            right: 20.0,
            bottom: 20.0,
        };
        assert!(b.crossed_by((0.0, 0.0), (30.0, 30.0)));
        assert!(b.crossed_by((15.0, 0.0), (15.0, 30.0)));
        assert!(!b.crossed_by((0.0, 0.0), (30.0, 5.0)));
        assert!(!b.crossed_by((0.0, 25.0), (5.0, 30.0)));
        let e = |s: &'static str| Element { lines: vec![s] };
        assert!(e(r#"<circle cx="22" cy="15" r="3" fill="red"/>"#).covers(&b));
        assert!(!e(r#"<circle cx="30" cy="15" r="3" fill="red"/>"#).covers(&b));
        assert!(e(r#"<rect x="12" y="0" width="2" height="12" fill="red"/>"#).covers(&b));
        assert!(!e(r#"<rect x="0" y="0" width="40" height="40" fill="white"/>"#).covers(&b));
        assert!(!e(r#"<rect x="12" y="0" width="2" height="12" fill="none"/>"#).covers(&b));
        assert!(!e(r#"<line opacity="0.25" x1="0" y1="15" x2="40" y2="15"/>"#).covers(&b));
        assert!(e(r#"<line opacity="1" x1="0" y1="15" x2="40" y2="15"/>"#).covers(&b));
    }
}
