//! The chapter's figures: Bertrand's chords, where a uniformly oriented die comes to rest,
//! and Bob's dinner against the strength of his preference.

use crate::bertrand::BertrandResult;
use crate::experiments::Results;
use crate::orientation::{Feature, OrientationResult, curve_angles};
use crate::restaurants::{Chooser, Town, curves};
use figures::{DrawError, Figure, INK, Key, LABEL_SIZE, PALETTE, SIZE, SUBTITLE_SIZE, TITLE_SIZE};
use plotters::prelude::*;

/// Size of the three-panel chord figure.
pub const CHORDS_SIZE: (u32, u32) = (960, 400);

/// Bertrand's three methods side by side: the first chords each drew, blue when longer than
/// the inscribed triangle's side `√3`, orange when shorter, with the circle of radius 1/2
/// (long chords are exactly those whose midpoint falls inside it).
///
/// # Errors
/// A drawing error.
pub fn draw_chords(result: &BertrandResult) -> Result<String, DrawError> {
    figures::svg(CHORDS_SIZE, |root| {
        let root = root.titled(
            "Random chords: blue if longer than √3 (midpoint inside the inner circle), orange if shorter",
            figures::text(TITLE_SIZE),
        )?;
        let panels = root.split_evenly((1, 3));
        for (area, m) in panels.iter().zip(&result.methods) {
            let (lo, hi) = m.estimate.ci95();
            // The method's name as the panel's title, its estimate on a line below.
            let area = area.titled(m.method.name(), figures::text(SUBTITLE_SIZE))?;
            let mut chart = ChartBuilder::on(&area)
                .caption(
                    format!(
                        "{:.4} ± {:.4} (95%), exact {}",
                        m.estimate.p(),
                        (hi - lo) / 2.0,
                        m.method.exact_text()
                    ),
                    figures::text(LABEL_SIZE),
                )
                .margin(8)
                .build_cartesian_2d(-1.05f64..1.05, -1.05f64..1.05)?;
            let circle = |radius: f64| {
                (0..=360).map(move |i| {
                    let t = f64::from(i).to_radians();
                    (radius * t.cos(), radius * t.sin())
                })
            };
            chart.draw_series(m.chords.iter().map(|c| {
                let colour = if c.is_long() { PALETTE[0] } else { PALETTE[1] };
                PathElement::new(vec![c.a, c.b], colour.mix(0.35).stroke_width(1))
            }))?;
            chart.draw_series(LineSeries::new(circle(1.0), INK.stroke_width(2)))?;
            chart.draw_series(LineSeries::new(circle(0.5), INK.stroke_width(2)))?;
        }
        Ok(())
    })
}

/// The probability of resting within θ of a face, an edge or a corner: exact curves and
/// Monte Carlo points under the rotation-invariant measure (circles), Monte Carlo points
/// under uniform Euler angles (triangles).
///
/// # Errors
/// A drawing error.
pub fn draw_orientation(result: &OrientationResult) -> Result<String, DrawError> {
    let cfg = &result.config;
    let x_max = cfg.grid_deg.last().copied().unwrap_or(cfg.theta_deg) + 1.0;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Where a uniformly oriented die comes to rest",
        )
        .build_cartesian_2d(0f64..x_max, (1e-5f64..1.0).log_scale())?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "θ, largest tilt from resting exactly on the feature (degrees)",
            "probability of resting within θ",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        let angles = curve_angles(cfg);
        for (k, feature) in Feature::ALL.into_iter().enumerate() {
            let colour = PALETTE[k];
            let exact = angles
                .iter()
                .filter_map(|&t| feature.exact_haar(t).map(|p| (t, p)));
            chart
                .draw_series(LineSeries::new(exact, colour.stroke_width(3)))?
                .label(format!(
                    "within θ of {} ({} of them), rotation-invariant: exact",
                    feature.with_article(),
                    feature.count()
                ))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
            let haar = cfg
                .grid_deg
                .iter()
                .zip(&result.haar.near)
                .map(|(&t, row)| (t, row[k].p()));
            chart.draw_series(haar.map(|p| Circle::new(p, 4, colour.stroke_width(2))))?;
            let euler: Vec<(f64, f64)> = cfg
                .grid_deg
                .iter()
                .zip(&result.euler.near)
                .map(|(&t, row)| (t, row[k].p()))
                .filter(|p| p.1 > 0.0)
                .collect();
            chart.draw_series(LineSeries::new(
                euler.clone(),
                colour.mix(0.6).stroke_width(1),
            ))?;
            chart.draw_series(
                euler
                    .into_iter()
                    .map(|p| TriangleMarker::new(p, 5, colour.filled())),
            )?;
        }
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("rotation-invariant (Haar), Monte Carlo")
            .legend(|(x, y)| Circle::new((x + 11, y), 4, INK.stroke_width(2)));
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("yaw, pitch, roll each uniform, Monte Carlo")
            .legend(|(x, y)| TriangleMarker::new((x + 11, y), 5, INK.filled()));
        figures::legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

/// P(Mexican) and P(Chinese) against the preference strength β, for the two choosers, with
/// the restaurant chooser's crossover marked.
///
/// # Errors
/// A drawing error.
pub fn draw_restaurants(town: &Town) -> Result<String, DrawError> {
    const BETA_MAX: f64 = 5.0;
    let chinese = town.index("Chinese");
    let crossover = town.mexican_overtakes_chinese();
    // The curves fill the chart, so the legend sits below it: one column per chooser.
    figures::svg((SIZE.0, SIZE.1 + 60), |root| {
        let mut keys: Vec<(String, Key)> = Vec::new();
        let (plot, band) = figures::legend_band(root, 3);
        let mut chart = figures::frame(
            &mut ChartBuilder::on(&plot),
            "Bob's dinner: which carving, and how strong a preference",
        )
        .build_cartesian_2d(0f64..BETA_MAX, 0f64..1.0)?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "preference strength β for Mexican (0: indifference)",
            "probability",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
        .draw()?;
        for (k, (chooser, points)) in curves(town, BETA_MAX, 200).into_iter().enumerate() {
            let colour = PALETTE[k];
            chart.draw_series(LineSeries::new(points, colour.stroke_width(3)))?;
            keys.push((
                format!("Mexican, {}", chooser.name()),
                Key::Line(colour.stroke_width(3)),
            ));
            let rival: Vec<(f64, f64)> = (0..=200)
                .map(|i| {
                    let beta = BETA_MAX * f64::from(i) / 200.0;
                    (beta, town.p(chooser, beta, chinese))
                })
                .collect();
            let thin = colour.mix(0.5).stroke_width(1);
            chart.draw_series(LineSeries::new(rival, thin))?;
            keys.push((format!("Chinese, {}", chooser.name()), Key::Line(thin)));
        }
        if let Some(beta) = crossover {
            let mark = INK.mix(0.8).stroke_width(1);
            chart.draw_series(LineSeries::new([(beta, 0.0), (beta, 1.0)], mark))?;
            keys.push((
                format!(
                    "Mexican overtakes Chinese, {}",
                    Chooser::ByRestaurant.name()
                ),
                Key::Mark(INK.stroke_width(1)),
            ));
            chart.draw_series(std::iter::once(Text::new(
                format!(" β = {}", figures::plain(beta, 2)),
                (beta, 0.04),
                figures::text(LABEL_SIZE),
            )))?;
        }
        // Cuisine first on the left; restaurant by restaurant and the crossover on the right.
        let (left, right) = keys.split_at(2);
        let (left_band, right_band) = band.split_horizontally(SIZE.0 * 2 / 5);
        figures::legend_below(&left_band, left, 1, 90)?;
        figures::legend_below(&right_band, right, 1, 10)?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &Results) -> Vec<Figure> {
    vec![
        Figure {
            file: "indifference/bertrand-chords.svg",
            svg: draw_chords(&r.bertrand),
        },
        Figure {
            file: "indifference/orientation.svg",
            svg: draw_orientation(&r.orientation),
        },
        Figure {
            file: "indifference/restaurants.svg",
            svg: draw_restaurants(&Town::default()),
        },
        Figure {
            file: "indifference/crux-accuracy.svg",
            svg: crate::crux::draw_accuracy(&r.crux, crate::crux::FIGURE_TRAINING_SIZE),
        },
        Figure {
            file: "indifference/crux-schemers.svg",
            svg: crate::crux::draw_schemers(&r.crux),
        },
        Figure {
            file: "indifference/crux-targets.svg",
            svg: crate::crux::draw_targets(&r.crux),
        },
        Figure {
            file: "indifference/crux-defiers.svg",
            svg: crate::crux::draw_defiers(&r.crux),
        },
    ]
}
