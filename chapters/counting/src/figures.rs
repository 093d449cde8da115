//! The chapter's figures: how small the generalising share is, by test-set size and
//! threshold, and the list of every figure the book build writes.

use crate::addition::AdditionTask;
use crate::experiments::Results;
use crate::proportion::{ProportionError, log10_share_above};
use figures::{DrawError, Figure, PALETTE, SIZE, TITLE_SIZE};
use plotters::prelude::*;

/// Accuracy thresholds drawn, in percent.
pub const THRESHOLDS: [u32; 4] = [1, 10, 50, 90];

/// Test-set sizes: four per decade from 10 up to every unseen pair.
pub fn test_set_sizes(task: &AdditionTask) -> Vec<u64> {
    let unseen = task.unseen_pairs();
    let mut sizes: Vec<u64> = (4..)
        .map(|i| 10f64.powf(f64::from(i) / 4.0).round() as u64)
        .take_while(|&n| n < unseen)
        .collect();
    sizes.push(unseen);
    sizes
}

/// One curve: `(test-set size, log10 share)` points for a threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub percent: u32,
    /// Test-set size and the midpoint of the enclosure of log10 of the share.
    pub points: Vec<(u64, f64)>,
}

/// The figure's data, computed from [`log10_share_above`].
///
/// # Errors
/// The first [`ProportionError`] met (none for the essay's task and [`THRESHOLDS`]).
pub fn share_curves(task: &AdditionTask) -> Result<Vec<Curve>, ProportionError> {
    let sizes = test_set_sizes(task);
    THRESHOLDS
        .iter()
        .map(|&percent| {
            let points = sizes
                .iter()
                .map(|&n| {
                    let e = log10_share_above(task, n, percent)?;
                    Ok((n, (e.lo_f64() + e.hi_f64()) / 2.0))
                })
                .collect::<Result<_, ProportionError>>()?;
            Ok(Curve { percent, points })
        })
        .collect()
}

/// Draws the share curves as SVG: x the test-set size, y how many orders of magnitude the
/// share lies below one (both logarithmic).
///
/// # Errors
/// A drawing error, or a [`ProportionError`] from the data.
pub fn draw_share(task: &AdditionTask) -> Result<String, DrawError> {
    let curves = share_curves(task)?;
    let x_max = task.unseen_pairs() as f64;
    figures::svg(SIZE, |root| {
        let caption = format!(
            "Share of training-consistent {}-digit adders that beat a test-accuracy threshold",
            task.digits()
        );
        let mut chart = ChartBuilder::on(root)
            .caption(caption, figures::text(TITLE_SIZE))
            .margin(18)
            .x_label_area_size(52)
            .y_label_area_size(86)
            .build_cartesian_2d((10f64..x_max * 1.5).log_scale(), (1f64..1e9).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "test-set size (unseen problems)",
            "−log₁₀ of the share",
        )
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
        .draw()?;
        for (curve, colour) in curves.iter().zip(PALETTE) {
            let line = curve.points.iter().map(|&(n, l)| (n as f64, -l));
            chart
                .draw_series(LineSeries::new(line, colour.stroke_width(3)))?
                .label(format!("accuracy > {}%", curve.percent))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &Results) -> Vec<Figure> {
    vec![
        Figure {
            file: "counting/share-above-threshold.svg",
            svg: draw_share(&AdditionTask::essay()),
        },
        Figure {
            file: "counting/scaling-law.svg",
            svg: crate::scaling_law::draw_fit(&r.scaling_law),
        },
        Figure {
            file: "counting/addition-accuracy.svg",
            svg: crate::addition_net::draw(&r.addition),
        },
        Figure {
            file: "counting/minefield-boundaries.svg",
            svg: crate::minefield::draw_boundaries(&r.minefield),
        },
        Figure {
            file: "counting/minefield-path.svg",
            svg: crate::minefield::draw_path(&r.minefield),
        },
        Figure {
            file: "counting/polynomial.svg",
            svg: crate::polynomial::draw_interpolants(&r.polynomial),
        },
        Figure {
            file: "counting/double-descent.svg",
            svg: crate::double_descent::draw_curves(&r.double_descent),
        },
        Figure {
            file: "counting/epoch-wise.svg",
            svg: crate::epoch_wise::draw_curves(&r.epoch_wise),
        },
        Figure {
            file: "counting/width.svg",
            svg: crate::width::draw(&r.width),
        },
        Figure {
            file: "counting/shift.svg",
            svg: crate::shift::draw(&r.shift),
        },
    ]
}
