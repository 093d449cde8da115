//! The chapter's figures, in the book's style (the `figures` crate).

use crate::slot::{LayerProbe, SlotResult};
use figures::{DrawError, Figure, INK, PALETTE, TITLE_SIZE};
use plotters::prelude::*;

/// The wide figure's size: two panels side by side.
const WIDE: (u32, u32) = (1200, 480);

/// One series of the probe panel: its name, colour and the accuracy it plots.
type ProbeSeries = (&'static str, RGBColor, fn(&LayerProbe) -> f64);

fn line_legend(style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], style)
}

/// Left: the linear probe's held-out accuracy at each hidden layer, for the trained
/// network, the untrained one and the shuffled-label control, with chance. Right: the share
/// of episodes sent to the new target against the intervention's strength, one line per
/// layer for the class-mean direction, dashed for a random direction of the same norm, and
/// a dotted line for the same episodes with the target rewritten in the observation.
///
/// # Errors
/// A drawing error.
pub fn draw_slot(s: &SlotResult) -> Result<String, DrawError> {
    let probes = s.probe_by_layer();
    let steering = s.steering_by_layer();
    let layers = probes.len();
    let chance = 1.0 / s.config.grid().cells() as f64;
    let a_max = s.config.strengths.iter().copied().fold(0.0, f64::max);
    figures::svg(WIDE, |root| {
        let root = root.titled(
            "Is there a goal slot? Reading the target, and writing it",
            figures::text(TITLE_SIZE),
        )?;
        let (left, right) = root.split_horizontally(WIDE.0 / 2);
        let mut chart = ChartBuilder::on(&left)
            .margin(14)
            .x_label_area_size(48)
            .y_label_area_size(62)
            .build_cartesian_2d(0.6f64..(layers as f64 + 0.4), 0f64..1.05)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "hidden layer",
            "probe's held-out accuracy",
        )
        .x_labels(layers)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
        let series: [ProbeSeries; 3] = [
            ("trained network", PALETTE[0], |p| p.trained),
            ("untrained network", PALETTE[1], |p| p.untrained),
            ("shuffled labels", PALETTE[2], |p| p.shuffled),
        ];
        for (name, colour, f) in series {
            let pts: Vec<(f64, f64)> = probes
                .iter()
                .enumerate()
                .map(|(l, p)| (l as f64 + 1.0, f(p)))
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), colour.stroke_width(2)))?
                .label(name)
                .legend(line_legend(colour.stroke_width(2)));
            chart.draw_series(
                pts.into_iter()
                    .map(|xy| Circle::new(xy, 5, colour.filled())),
            )?;
        }
        chart
            .draw_series(LineSeries::new(
                [(0.6, chance), (layers as f64 + 0.4, chance)],
                INK.stroke_width(1),
            ))?
            .label("chance, 1/G")
            .legend(line_legend(INK.stroke_width(1)));
        figures::legend(&mut chart, SeriesLabelPosition::MiddleLeft)?;

        let mut chart = ChartBuilder::on(&right)
            .margin(14)
            .x_label_area_size(48)
            .y_label_area_size(62)
            .build_cartesian_2d(0f64..a_max * 1.02, 0f64..1.05)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "strength α of the added direction (1 = the class-mean difference)",
            "share of episodes sent to the new target",
        )
        .draw()?;
        for (l, points) in steering.iter().enumerate() {
            let colour = PALETTE[l % PALETTE.len()];
            chart
                .draw_series(LineSeries::new(
                    points
                        .iter()
                        .map(|p| (p.strength, p.mean_difference.retargeted)),
                    colour.stroke_width(3),
                ))?
                .label(format!("layer {}: class-mean difference", l + 1))
                .legend(line_legend(colour.stroke_width(3)));
            let dashed = colour.mix(0.8).stroke_width(2);
            let random = chart.draw_series(DashedLineSeries::new(
                points.iter().map(|p| (p.strength, p.random.retargeted)),
                6,
                4,
                dashed,
            ))?;
            if l + 1 == steering.len() {
                random
                    .label("dashed: a random direction of the same norm")
                    .legend(line_legend(INK.mix(0.8).stroke_width(2)));
            }
        }
        let (_, input) = s.input();
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, input), (a_max * 1.02, input)],
                2,
                4,
                INK.stroke_width(2),
            ))?
            .label("the target rewritten in the observation")
            .legend(line_legend(INK.stroke_width(2)));
        figures::legend(&mut chart, SeriesLabelPosition::Coordinate(150, 95))?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &crate::experiments::Results) -> Vec<Figure> {
    vec![Figure {
        file: "goals/slot.svg",
        svg: draw_slot(&r.slot),
    }]
}
