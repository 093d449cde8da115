//! The chapter's figures: the phase diagram of selection against a prior, update counts
//! against batch size, the speed cost in bits, SGD against the prior function by function,
//! and the cost of extra reasoning against width.

use crate::bayesian_sampler::SamplerResult;
use crate::experiments::Results;
use crate::extra_reasoning::{Pair, ReasoningResult};
use crate::selection::{TOY_PRIOR_BITS, bits_per_step, gap_for_one_bit};
use crate::speed_cost::{Assumptions, reasoning_share};
use crate::updates::{self, BATCH_RANGE, MILLION, PUBLISHED_BATCHES};
use figures::{DrawError, Figure, INK, LABEL_SIZE, PALETTE, SIZE};
use plotters::prelude::*;

/// `10^x` as a tick label.
fn power_label(v: f64) -> String {
    let e = v.log10().round();
    if (v / 10f64.powf(e) - 1.0).abs() < 1e-6 {
        format!("1e{e:.0}")
    } else {
        format!("{v:.1e}")
    }
}

/// Prior odds `2^k` (vertical) against the loss gap between the classes (horizontal): the
/// lines where the gap has overturned the prior after 1, 100 and 10,000 steps and after a
/// whole compute-optimal run, with the toy's point and the speed cost's marked.
///
/// # Errors
/// A drawing error.
pub fn draw_phase(a: &Assumptions) -> Result<String, DrawError> {
    let cost = a.cost();
    let run_steps = cost.tokens / a.batch;
    let (x0, x1) = (1e-12f64, 1e-2f64);
    let (y0, y1) = (1.0f64, 1e12f64);
    let k = |gap: f64, steps: f64| steps * bits_per_step(gap, a.batch, a.lambda);
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Steps of selection needed to overturn prior odds of 2^k",
        )
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "loss gap between the classes (nats per token)",
            "k: prior odds 2^k for the disfavoured class",
        )
        .x_label_formatter(&|x| power_label(*x))
        .y_label_formatter(&|y| power_label(*y))
        .draw()?;
        // Above the whole-run line, the prior survives training.
        let survive: Vec<(f64, f64)> = (0..=60)
            .map(|i| {
                let g = x0 * (x1 / x0).powf(f64::from(i) / 60.0);
                (g, k(g, run_steps).clamp(y0, y1))
            })
            .chain([(x1, y1), (x0, y1)])
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                survive,
                PALETTE[1].mix(0.15).filled(),
            )))?
            .label("the prior survives a whole run")
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 16, y + 5)], PALETTE[1].mix(0.3).filled())
            });
        let lines = [
            (1.0, "overturned in 1 step", 4),
            (100.0, "in 100 steps", 2),
            (1e4, "in 10,000 steps", 3),
            (run_steps, "in a whole run", 0),
        ];
        for (steps, name, c) in lines {
            let colour = PALETTE[c];
            let pts = (0..=60).map(move |i| {
                let g = x0 * (x1 / x0).powf(f64::from(i) / 60.0);
                (g, k(g, steps))
            });
            chart
                .draw_series(LineSeries::new(
                    pts.filter(|p| p.1 >= y0 && p.1 <= y1),
                    colour.stroke_width(2),
                ))?
                .label(name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(2))
                });
        }
        let toy = (
            gap_for_one_bit(a.batch, a.lambda),
            f64::from(TOY_PRIOR_BITS),
        );
        let speed = (cost.capacity_gap, f64::from(TOY_PRIOR_BITS));
        chart
            .draw_series(std::iter::once(Circle::new(toy, 6, INK.filled())))?
            .label("the toy: 2^100, one bit per step")
            .legend(|(x, y)| Circle::new((x + 11, y), 5, INK.filled()));
        chart
            .draw_series(std::iter::once(TriangleMarker::new(
                speed,
                8,
                PALETTE[3].filled(),
            )))?
            .label("2^100 against the illustrative 0.1% share")
            .legend(|(x, y)| TriangleMarker::new((x + 11, y), 6, PALETTE[3].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Compute-optimal gradient updates against batch size for three model sizes, with the
/// million-update line and published batch sizes.
///
/// # Errors
/// A drawing error.
pub fn draw_updates() -> Result<String, DrawError> {
    let (b0, b1) = BATCH_RANGE;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Gradient updates at 20 tokens per parameter",
        )
        .build_cartesian_2d((b0..b1).log_scale(), (1e4f64..1e10).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "batch size (tokens)",
            "gradient updates",
        )
        .x_label_formatter(&|x| power_label(*x))
        .y_label_formatter(&|y| power_label(*y))
        .draw()?;
        for (c, n) in [1e11, 1e12, 1e13].into_iter().enumerate() {
            let colour = PALETTE[c];
            let pts = (0..=40).map(|i| {
                let b = b0 * (b1 / b0).powf(f64::from(i) / 40.0);
                (b, updates::steps(n, b))
            });
            chart
                .draw_series(LineSeries::new(pts, colour.stroke_width(3)))?
                .label(format!("{} parameters", power_label(n)))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
        }
        chart
            .draw_series(LineSeries::new(
                [(b0, MILLION), (b1, MILLION)],
                INK.stroke_width(1),
            ))?
            .label("a million updates")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(1)));
        chart
            .draw_series(PUBLISHED_BATCHES.iter().map(|&(_, b)| {
                TriangleMarker::new(
                    (b, updates::steps(updates::PARAMETERS, b)),
                    7,
                    PALETTE[3].filled(),
                )
            }))?
            .label("published batch sizes, at 1e12 parameters")
            .legend(|(x, y)| TriangleMarker::new((x + 11, y), 6, PALETTE[3].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// Bits of selection over a training run against the share of capacity a schemer gives up,
/// for three model sizes, with the toy's 100 bits and the illustrative 0.1% share marked: each
/// curve crosses the 100 bits at its break-even share.
///
/// # Errors
/// A drawing error.
pub fn draw_speed_cost(a: &Assumptions) -> Result<String, DrawError> {
    let (s0, s1) = (1e-12f64, 1e-1f64);
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Bits of selection in a run, from a speed cost (Bayesian learner)",
        )
        .build_cartesian_2d((s0..s1).log_scale(), (1e-2f64..1e12).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "share of capacity spent on the extra reasoning",
            "bits of selection over the run",
        )
        .x_label_formatter(&|x| power_label(*x))
        .y_label_formatter(&|y| power_label(*y))
        .draw()?;
        for (c, n) in [1e11, 1e12, 1e13].into_iter().enumerate() {
            let colour = PALETTE[c];
            let pts = (0..=60).map(|i| {
                let s = s0 * (s1 / s0).powf(f64::from(i) / 60.0);
                let bits = Assumptions {
                    parameters: n,
                    share: s,
                    ..*a
                }
                .cost()
                .bits_per_run;
                (s, bits)
            });
            chart
                .draw_series(LineSeries::new(pts, colour.stroke_width(3)))?
                .label(format!("{} parameters", power_label(n)))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
        }
        let toy = f64::from(TOY_PRIOR_BITS);
        chart
            .draw_series(LineSeries::new([(s0, toy), (s1, toy)], INK.stroke_width(1)))?
            .label("100 bits: the toy's prior")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(1)));
        let share = reasoning_share();
        chart
            .draw_series(LineSeries::new(
                [(share, 1e-2), (share, 1e12)],
                PALETTE[3].stroke_width(2),
            ))?
            .label("0.1%: the book's illustrative share")
            .legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], PALETTE[3].stroke_width(2))
            });
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Each test-set function's probability under SGD against its probability under the prior
/// conditioned on the training set, on log axes, with the diagonal.
///
/// # Errors
/// A drawing error.
pub fn draw_scatter(r: &SamplerResult) -> Result<String, DrawError> {
    let pts = r.common();
    let floor = 1.0 / (r.accepted.min(r.fitted).max(1) as f64) / 2.0;
    let (lo, hi) = (floor.min(1e-4), 1.0);
    figures::svg(SIZE, |root| {
        let caption = format!(
            "SGD against the prior, function by function (r = {:.2} on log scales)",
            r.log_correlation()
        );
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d((lo..hi).log_scale(), (lo..hi).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "P_B(f | S): prior conditioned on the training set",
            "P_SGD(f | S): share of SGD runs",
        )
        .x_label_formatter(&|x| power_label(*x))
        .y_label_formatter(&|y| power_label(*y))
        .draw()?;
        chart
            .draw_series(LineSeries::new([(lo, lo), (hi, hi)], INK.stroke_width(1)))?
            .label("equal probability")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(1)));
        chart
            .draw_series(
                pts.iter()
                    .map(|&p| Circle::new(p, 4, PALETTE[0].mix(0.8).filled())),
            )?
            .label(format!(
                "functions each measure found at least {} times",
                r.config.min_count
            ))
            .legend(|(x, y)| Circle::new((x + 11, y), 4, PALETTE[0].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Which of a pair's two losses a series shows.
type PickLoss = fn(&Pair) -> f64;

/// Test loss of the plain and the gated networks against width, every repetition a point
/// and the means joined.
///
/// # Errors
/// A drawing error.
pub fn draw_reasoning(r: &ReasoningResult) -> Result<String, DrawError> {
    let widths: Vec<f64> = r.widths.iter().map(|w| (w.width as f64).log2()).collect();
    let (x0, x1) = (widths[0] - 0.5, widths[widths.len() - 1] + 0.5);
    let all = r
        .widths
        .iter()
        .flat_map(|w| w.pairs.iter().flat_map(|p| [p.plain, p.gated]));
    let (lo, hi) = all.fold((f64::INFINITY, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "The cost of computing a cue that gates the output",
        )
        .build_cartesian_2d(x0..x1, (lo / 1.5..hi * 1.5).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "hidden width (two hidden layers)",
            "test loss (half squared error)",
        )
        .x_labels(widths.len() + 1)
        .y_labels(5)
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .y_label_formatter(&|y| format!("{y:.2}"))
        .draw()?;
        let series: [(&str, PickLoss); 2] = [
            ("plain: the task alone", |p| p.plain),
            ("gated: the task, flipped by the cue's parity", |p| p.gated),
        ];
        for (c, (name, pick)) in series.into_iter().enumerate() {
            let colour = PALETTE[c];
            let means = r
                .widths
                .iter()
                .zip(&widths)
                .map(|(w, &x)| (x, nets::stats::mean(w.pairs.iter().map(pick))));
            chart
                .draw_series(LineSeries::new(means, colour.stroke_width(3)))?
                .label(name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
            chart.draw_series(r.widths.iter().zip(&widths).flat_map(|(w, &x)| {
                w.pairs
                    .iter()
                    .map(move |p| Circle::new((x, pick(p)), 4, colour.mix(0.7).filled()))
            }))?;
        }
        chart.draw_series(std::iter::once(Text::new(
            "points: repetitions; lines: their means",
            (x0 + 0.1, lo / 1.3),
            figures::text(LABEL_SIZE - 2),
        )))?;
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &Results) -> Vec<Figure> {
    vec![
        Figure {
            file: "speed/selection-phase.svg",
            svg: draw_phase(&Assumptions::default()),
        },
        Figure {
            file: "speed/updates.svg",
            svg: draw_updates(),
        },
        Figure {
            file: "speed/speed-cost.svg",
            svg: draw_speed_cost(&Assumptions::default()),
        },
        Figure {
            file: "speed/sgd-vs-prior.svg",
            svg: draw_scatter(&r.sampler),
        },
        Figure {
            file: "speed/extra-reasoning.svg",
            svg: draw_reasoning(&r.reasoning),
        },
    ]
}
