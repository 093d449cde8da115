//! The house style for the book's figures, shared by every chapter.
//!
//! Figures are SVG drawn by plotters without system fonts (text is left to the browser's
//! `sans-serif`). The background is transparent and the ink a mid grey, so one file reads on
//! light and dark backgrounds alike; series colours are mid-lightness hues that keep their
//! contrast on both. In the book, [`themed`] turns the ink into the page's own text colour.

use plotters::chart::{ChartBuilder, ChartContext, MeshStyle, SeriesLabelPosition};
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::{CoordTranslate, Shift};
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::element::{Circle, PathElement, Text};
use plotters::prelude::SVGBackend;
use plotters::prelude::{Color, DrawingBackend, IntoFont};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{RGBAColor, RGBColor, ShapeStyle, TextStyle};

mod labels;
mod placement;
pub use labels::{
    LABELS, MINUS, linear_ticks, log_tick, number, plain, power_of_ten, power_of_two, scientific,
    superscript,
};
pub use placement::clear_legends;

/// Axis lines, tick labels and captions: a grey that reads on white and on near-black.
/// [`themed`] recognises it, so no series may use it.
pub const INK: RGBColor = RGBColor(0x8a, 0x8a, 0x8a);

/// Faint grid lines.
pub const GRID: RGBColor = RGBColor(0x8a, 0x8a, 0x8a);

/// Series colours, in order of use.
pub const PALETTE: [RGBColor; 5] = [
    RGBColor(0x1f, 0x9b, 0xde), // blue
    RGBColor(0xf0, 0x7d, 0x1a), // orange
    RGBColor(0x2e, 0xb8, 0x72), // green
    RGBColor(0xd9, 0x4f, 0x93), // pink
    RGBColor(0x9b, 0x7b, 0xe0), // violet
];

/// Size of a standard figure, in pixels.
pub const SIZE: (u32, u32) = (760, 460);

/// Font family and sizes (the browser picks the face).
pub const FONT: &str = "sans-serif";
pub const LABEL_SIZE: u32 = 16;
/// The title of one panel of a figure of several.
pub const SUBTITLE_SIZE: u32 = 18;
pub const TITLE_SIZE: u32 = 20;

/// An error from drawing a figure.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// What a figure is drawn on.
pub type Canvas<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Draws a figure `size` pixels large with `draw` and returns the SVG document, with any
/// legend that covers data moved below the figure ([`clear_legends`]).
pub fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&Canvas<'_>) -> Result<(), DrawError>,
) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(clear_legends(&svg))
}

/// Text in the house style: the shared font at `size`, in [`INK`].
pub fn text(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&INK)
}

/// A chart's frame: caption, margin and room for tick labels and axis titles.
pub fn frame<'m, 'a, 'b, DB: DrawingBackend>(
    builder: &'m mut ChartBuilder<'a, 'b, DB>,
    caption: &str,
) -> &'m mut ChartBuilder<'a, 'b, DB> {
    builder
        .caption(caption, text(TITLE_SIZE))
        .margin(18)
        .x_label_area_size(52)
        .y_label_area_size(78)
}

/// Axes, grid and labels in the house style, with the two axis titles.
pub fn mesh<'m, 'a, 'b, X, Y, XT, YT, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    x_desc: &str,
    y_desc: &str,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = XT> + ValueFormatter<XT>,
    Y: Ranged<ValueType = YT> + ValueFormatter<YT>,
    DB: DrawingBackend,
{
    mesh.x_desc(x_desc)
        .y_desc(y_desc)
        .axis_style(INK)
        .bold_line_style(GRID.mix(0.25))
        .light_line_style(GRID.mix(0.08))
        .label_style(text(LABEL_SIZE))
        .axis_desc_style(text(LABEL_SIZE))
}

/// The legend of the series drawn so far, boxed in faint ink.
///
/// # Errors
/// A drawing error.
pub fn legend<'a, DB, CT>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> Result<(), DrawError>
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
    CT: CoordTranslate,
{
    chart
        .configure_series_labels()
        .position(position)
        .border_style(INK.mix(0.5))
        .label_font(text(LABEL_SIZE))
        .draw()?;
    Ok(())
}

/// How a key of a [`legend_below`] entry is drawn.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    /// A line segment in this style.
    Line(ShapeStyle),
    /// A filled disc of this colour.
    Dot(RGBAColor),
    /// A short vertical mark in this style (a marker line across the chart).
    Mark(ShapeStyle),
    /// An open circle in this style (a point marked on the chart).
    Ring(ShapeStyle),
}

/// Height in pixels of one row of a [`legend_below`].
pub const LEGEND_ROW: u32 = 24;

/// Splits `area` into the part for the chart and a band at the bottom for a legend of
/// `rows` rows, so the legend covers no data whatever the data do.
pub fn legend_band<'a>(area: &Canvas<'a>, rows: usize) -> (Canvas<'a>, Canvas<'a>) {
    let (_, height) = area.dim_in_pixel();
    let band = LEGEND_ROW * rows as u32 + 12;
    area.split_vertically(height.saturating_sub(band))
}

/// A legend drawn in its own `band` (see [`legend_band`]) rather than over the data:
/// `entries` filled in column by column, `columns` columns each starting at `left` pixels
/// plus its share of the band's width.
///
/// # Errors
/// A drawing error.
pub fn legend_below(
    band: &Canvas<'_>,
    entries: &[(String, Key)],
    columns: usize,
    left: i32,
) -> Result<(), DrawError> {
    let (width, _) = band.dim_in_pixel();
    let columns = columns.max(1);
    let rows = entries.len().div_ceil(columns);
    let column_width = (width as i32 - left) / columns as i32;
    for (i, (label, key)) in entries.iter().enumerate() {
        let x = left + (i / rows) as i32 * column_width;
        let y = 6 + (i % rows) as i32 * LEGEND_ROW as i32 + LEGEND_ROW as i32 / 2;
        match *key {
            Key::Line(style) => band.draw(&PathElement::new(vec![(x, y), (x + 22, y)], style))?,
            Key::Dot(colour) => band.draw(&Circle::new((x + 11, y), 5, colour.filled()))?,
            Key::Mark(style) => band.draw(&PathElement::new(
                vec![(x + 11, y - 8), (x + 11, y + 8)],
                style,
            ))?,
            Key::Ring(style) => band.draw(&Circle::new((x + 11, y), 5, style))?,
        }
        let style = text(LABEL_SIZE).pos(Pos::new(HPos::Left, VPos::Center));
        band.draw(&Text::new(label.clone(), (x + 30, y), style))?;
    }
    Ok(())
}

/// A generated figure: where it goes under the book's `generated/figures/`, and its SVG
/// document as drawn from a chapter's results (or why it could not be drawn).
pub struct Figure {
    /// Path relative to `src/generated/figures/`, e.g. `counting/proportion.svg`.
    pub file: &'static str,
    pub svg: Result<String, DrawError>,
}

/// A figure made ready to sit inside a book page: the house ink becomes `currentColor`, so
/// axes, labels and grid take the page's text colour in every mdBook theme, and the XML
/// prologue and blank lines go (inside Markdown a blank line would end the HTML block).
///
/// The file on disk keeps the mid-grey ink, which reads on light and dark backgrounds alike
/// wherever a figure is shown on its own (a notebook, an image viewer).
pub fn themed(svg: &str) -> String {
    let ink = format!("\"#{:02X}{:02X}{:02X}\"", INK.0, INK.1, INK.2);
    let body = svg.find("<svg").map_or(svg, |start| &svg[start..]);
    body.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.replace(&ink, "\"currentColor\""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A tick label for a fraction on a logarithmic axis, as a percentage with as many decimals
/// as it needs (`0.01%`, `1%`, `100%`).
pub fn percent_label(fraction: f64) -> String {
    let p = 100.0 * fraction;
    let decimals = if p >= 1.0 || p <= 0.0 {
        0
    } else {
        ((-p.log10()).ceil() as usize).min(6)
    };
    format!("{p:.decimals$}%")
}

/// A tick label for a position on a base-2 logarithmic axis drawn linearly: `2^x`, rounded.
pub fn power_of_two_label(x: f64) -> String {
    format!("{:.0}", 2f64.powf(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_numbers() {
        assert_eq!(percent_label(1.0), "100%");
        assert_eq!(percent_label(0.01), "1%");
        assert_eq!(percent_label(0.0001), "0.01%");
        assert_eq!(percent_label(0.0), "0%");
        assert_eq!(percent_label(0.05), "5%");
        assert_eq!(power_of_two_label(4.0), "16");
    }

    #[test]
    fn themed_figures_take_the_page_colour_and_keep_their_series_colours() {
        let svg = "<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 2 2\">\n\n<text fill=\"#8A8A8A\">a</text>\n<line stroke=\"#1F9BDE\"/>\n</svg>\n";
        assert_eq!(
            themed(svg),
            "<svg viewBox=\"0 0 2 2\">\n<text fill=\"currentColor\">a</text>\n<line stroke=\"#1F9BDE\"/>\n</svg>"
        );
    }
}
