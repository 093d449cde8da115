//! The chapter's figures: the phase diagram of selection against a prior, update counts
//! against batch size, the speed cost in bits, SGD against the prior function by function,
//! and the cost of extra reasoning against width.

use crate::bayesian_sampler::SamplerResult;
use crate::experiments::Results;
use crate::extra_reasoning::{Pair, ReasoningResult, WidthResult};
use crate::selection::{TOY_PRIOR_BITS, bits_per_step, gap_for_one_bit};
use crate::sgd_temperature::TemperatureResult;
use crate::speed_cost::{Assumptions, reasoning_share};
use crate::updates::{self, BATCH_RANGE, MILLION, PUBLISHED_BATCHES};
use figures::{DrawError, Figure, INK, LABEL_SIZE, PALETTE, SIZE, TITLE_SIZE};
use plotters::prelude::*;

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
            "Steps of selection needed to overturn prior odds of 2ᵏ",
        )
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "loss gap between the classes (nats per token)",
            "k: prior odds 2ᵏ for the disfavoured class",
        )
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
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
            .label(format!(
                "the toy: {}, one bit per step",
                figures::power_of_two(TOY_PRIOR_BITS.into())
            ))
            .legend(|(x, y)| Circle::new((x + 11, y), 5, INK.filled()));
        chart
            .draw_series(std::iter::once(TriangleMarker::new(
                speed,
                8,
                PALETTE[3].filled(),
            )))?
            .label(format!(
                "{} against the illustrative 0.1% share",
                figures::power_of_two(TOY_PRIOR_BITS.into())
            ))
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
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
        .draw()?;
        for (c, n) in [1e11, 1e12, 1e13].into_iter().enumerate() {
            let colour = PALETTE[c];
            let pts = (0..=40).map(|i| {
                let b = b0 * (b1 / b0).powf(f64::from(i) / 40.0);
                (b, updates::steps(n, b))
            });
            chart
                .draw_series(LineSeries::new(pts, colour.stroke_width(3)))?
                .label(format!("{} parameters", figures::scientific(n, 2)))
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
            .label(format!(
                "published batch sizes, at {} parameters",
                figures::scientific(updates::PARAMETERS, 2)
            ))
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
    draw_speed_cost_at(a, None)
}

/// As [`draw_speed_cost`], with the curves drawn at inverse temperature `measured` (SGD's,
/// estimated at small scale) where one is given, and the Bayesian learner's curve for
/// `a.parameters` kept as a dashed reference.
///
/// # Errors
/// A drawing error.
pub fn draw_speed_cost_at(a: &Assumptions, measured: Option<f64>) -> Result<String, DrawError> {
    let (s0, s1) = (1e-12f64, 1e-1f64);
    let lambda = measured.unwrap_or(a.lambda);
    let caption = match measured {
        Some(b) => format!("Bits of selection in a run, from a speed cost (β = {b:.2})"),
        None => "Bits of selection in a run, from a speed cost (Bayesian learner)".to_string(),
    };
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d((s0..s1).log_scale(), (1e-2f64..1e12).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "share of capacity spent on the extra reasoning",
            "bits of selection over the run",
        )
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
        .draw()?;
        for (c, n) in [1e11, 1e12, 1e13].into_iter().enumerate() {
            let colour = PALETTE[c];
            let pts = (0..=60).map(|i| {
                let s = s0 * (s1 / s0).powf(f64::from(i) / 60.0);
                let bits = Assumptions {
                    parameters: n,
                    share: s,
                    lambda,
                    ..*a
                }
                .cost()
                .bits_per_run;
                (s, bits)
            });
            chart
                .draw_series(LineSeries::new(pts, colour.stroke_width(3)))?
                .label(format!("{} parameters", figures::scientific(n, 2)))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                });
        }
        if measured.is_some() {
            let pts = (0..=60).map(|i| {
                let s = s0 * (s1 / s0).powf(f64::from(i) / 60.0);
                (s, Assumptions { share: s, ..*a }.cost().bits_per_run)
            });
            chart
                .draw_series(DashedLineSeries::new(pts, 6, 4, INK.stroke_width(1)))?
                .label(format!(
                    "{} parameters at β = {}: the Bayesian reference",
                    figures::scientific(a.parameters, 2),
                    a.lambda
                ))
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(1)));
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
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
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

/// SGD's share of the prior-favoured class at each contested input against the penalty on
/// that class (log scale; no penalty at the left edge), beside the law fitted to every count
/// (solid) and the Bayesian learner's prediction, `β = 1` (dashed); the prior's share sits at
/// the left as a diamond.
///
/// # Errors
/// A drawing error.
pub fn draw_temperature(t: &TemperatureResult) -> Result<String, DrawError> {
    let fit = t.fit();
    let pens = &t.config.penalties;
    let x_of = |eps: f64| eps.log2();
    let zero = x_of(pens[0]) - 2.0;
    let (x0, x1) = (zero - 0.7, x_of(pens[pens.len() - 1]) + 0.7);
    figures::svg(SIZE, |root| {
        let caption = format!(
            "SGD's choice against a loss gap (fitted β = {:.2} ± {:.2})",
            fit.beta, fit.beta_se
        );
        let mut chart = figures::frame(&mut ChartBuilder::on(root), &caption)
            .build_cartesian_2d(x0..x1, 0f64..1.0)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "penalty ε on the favoured class (training examples; 0 at the left)",
            "share of runs in the prior-favoured class",
        )
        .x_labels(12)
        .x_label_formatter(&|x| {
            if (x - zero).abs() < 0.25 {
                "0".to_string()
            } else if x.fract().abs() < 1e-9 && *x > zero + 0.5 {
                figures::number(2f64.powf(*x), 3)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        let law = |theta: f64, beta: f64| {
            (0..=80).map(move |i| {
                let x = zero + (x1 - 0.2 - zero) * f64::from(i) / 80.0;
                let eps = if x <= x_of(pens[0]) - 1.0 {
                    0.0
                } else {
                    2f64.powf(x)
                };
                (x, 1.0 / (1.0 + (beta * eps / 2.0 - theta).exp()))
            })
        };
        for (k, c) in t.contested.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let theta = c.prior_odds().ln();
            let shares = c.shares();
            let xs = std::iter::once(zero).chain(pens.iter().map(|&e| x_of(e)));
            chart
                .draw_series(xs.zip(shares).map(|xy| Circle::new(xy, 5, colour.filled())))?
                .label(format!(
                    "input {}: prior odds {:.1} : 1",
                    c.input,
                    c.prior_odds()
                ))
                .legend(move |(x, y)| Circle::new((x + 11, y), 5, colour.filled()));
            let prior_share = c.prior.1 as f64 / c.prior.0 as f64;
            chart.draw_series(std::iter::once(TriangleMarker::new(
                (zero - 0.35, prior_share),
                6,
                colour.mix(0.8).filled(),
            )))?;
            chart.draw_series(LineSeries::new(
                law(theta, fit.beta),
                colour.stroke_width(2),
            ))?;
            chart.draw_series(DashedLineSeries::new(
                law(theta, 1.0),
                6,
                4,
                colour.mix(0.7).stroke_width(1),
            ))?;
        }
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label("solid: the fitted law; dashed: β = 1; triangles: the prior")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], INK.stroke_width(2)));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// Size of a figure of two panels side by side, in pixels.
pub const WIDE: (u32, u32) = (1000, 460);

/// Which of a pair's two losses a series shows.
type PickLoss = fn(&Pair) -> f64;

/// Task test loss of the plain network and the schemer analog against hidden width (left)
/// and against the number of hidden layers (right), every repetition a point and the
/// means joined.
///
/// # Errors
/// A drawing error.
pub fn draw_reasoning(r: &ReasoningResult) -> Result<String, DrawError> {
    let all = r
        .settings()
        .flat_map(|w| w.pairs.iter().flat_map(|p| [p.plain, p.schemer]));
    let (lo, hi) = all.fold((f64::INFINITY, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let (lo, hi) = (lo / 1.5, hi * 1.5);
    let depth_label = format!(
        "hidden layers ({} units each)",
        r.depths.first().map_or(0, |d| d.width)
    );
    figures::svg(WIDE, |root| {
        let root = root.titled(
            "What computing a cue beside the task costs the task",
            figures::text(TITLE_SIZE),
        )?;
        let (left, right) = root.split_horizontally(WIDE.0 / 2);
        for (area, by_width) in [(&left, true), (&right, false)] {
            let (settings, xlabel): (&[WidthResult], &str) = if by_width {
                (&r.widths, "hidden width (two hidden layers)")
            } else {
                (&r.depths, &depth_label)
            };
            let xs: Vec<f64> = settings
                .iter()
                .map(|w| {
                    if by_width {
                        (w.width as f64).log2()
                    } else {
                        w.depth as f64
                    }
                })
                .collect();
            let (x0, x1) = (xs[0] - 0.5, xs[xs.len() - 1] + 0.5);
            let mut chart = ChartBuilder::on(area)
                .margin(12)
                .x_label_area_size(48)
                .y_label_area_size(62)
                .build_cartesian_2d(x0..x1, (lo..hi).log_scale())?;
            let mut mesh = chart.configure_mesh();
            figures::mesh(&mut mesh, xlabel, "task test loss (half squared error)")
                .x_labels(xs.len() + 1)
                .y_labels(5)
                .y_label_formatter(&|y| figures::number(*y, 2));
            if by_width {
                mesh.x_label_formatter(&|x| figures::power_of_two_label(*x))
                    .draw()?;
            } else {
                mesh.x_label_formatter(&|x| figures::plain(*x, 0)).draw()?;
            }
            let series: [(&str, PickLoss); 2] = [
                ("plain: the task alone", |p| p.plain),
                (
                    "schemer analog: the task, and the cue on a second head",
                    |p| p.schemer,
                ),
            ];
            for (c, (name, pick)) in series.into_iter().enumerate() {
                let colour = PALETTE[c];
                let means = settings
                    .iter()
                    .zip(&xs)
                    .map(|(w, &x)| (x, nets::stats::mean(w.pairs.iter().map(pick))));
                let line = chart.draw_series(LineSeries::new(means, colour.stroke_width(3)))?;
                if by_width {
                    line.label(name).legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                    });
                }
                chart.draw_series(settings.iter().zip(&xs).flat_map(|(w, &x)| {
                    w.pairs
                        .iter()
                        .map(move |p| Circle::new((x, pick(p)), 4, colour.mix(0.7).filled()))
                }))?;
            }
            if by_width {
                chart.draw_series(std::iter::once(Text::new(
                    "points: repetitions; lines: their means",
                    (x0 + 0.1, lo * 1.2),
                    figures::text(LABEL_SIZE),
                )))?;
                figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
            }
        }
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
            svg: draw_speed_cost_at(&Assumptions::default(), Some(r.temperature.fit().beta)),
        },
        Figure {
            file: "speed/sgd-vs-prior.svg",
            svg: draw_scatter(&r.sampler),
        },
        Figure {
            file: "speed/sgd-temperature.svg",
            svg: draw_temperature(&r.temperature),
        },
        Figure {
            file: "speed/extra-reasoning.svg",
            svg: draw_reasoning(&r.reasoning),
        },
    ]
}
