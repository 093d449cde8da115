//! The chapter's figures: code lengths against surprisal, the rank-frequency curve and
//! probability against complexity of random networks' functions, the perceptron's count of
//! ones, the lengths of paths through a residual network, the spectrum of a network over
//! training, and the sensitivity of random, trained and trigger functions.

use crate::bias::BiasResult;
use crate::code::Worked;
use crate::experiments::Results;
use crate::goal_capacity::GoalCapacityResult;
use crate::parody::{self, ParodyResult};
use crate::paths;
use crate::residual::{Lesions, ResidualResult};
use crate::spectral::{Amplitudes, SpectralResult, SpectralRun};
use figures::{DrawError, Figure, INK, LABEL_SIZE, PALETTE, SIZE};
use ledger::number::count;
use nets::complexity::kc_bits;
use nets::complexity::sensitivity;
use plotters::prelude::*;

fn key_line(colour: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
}

/// For each hypothesis: −log2 p (the ideal length), the Huffman code's length, and the
/// length under a code efficient for the reversed prior.
///
/// # Errors
/// A drawing error.
pub fn draw_code_lengths(w: &Worked) -> Result<String, DrawError> {
    let n = w.lengths.len();
    figures::svg(SIZE, |root| {
        let top = w
            .other_lengths
            .iter()
            .chain(&w.lengths)
            .max()
            .copied()
            .unwrap_or(1)
            + 3;
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Code length and probability: two efficient languages",
        )
        .build_cartesian_2d(0.5f64..n as f64 + 0.5, 0f64..f64::from(top))?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "hypothesis hᵢ (prior pᵢ ∝ 1/i)",
            "bits",
        )
        .x_labels(n)
        .x_label_formatter(&|x| format!("h{x:.0}"))
        .y_label_formatter(&y_ticks)
        .draw()?;
        let series: [(&str, Vec<f64>, RGBColor); 3] = [
            (
                "−log₂ pᵢ, the ideal length",
                (0..n).map(|i| w.prior.surprisal(i)).collect(),
                INK,
            ),
            (
                "Huffman code for this prior",
                w.lengths.iter().map(|&l| f64::from(l)).collect(),
                PALETTE[0],
            ),
            (
                "Huffman code for the reversed prior",
                w.other_lengths.iter().map(|&l| f64::from(l)).collect(),
                PALETTE[1],
            ),
        ];
        for (k, (label, values, colour)) in series.into_iter().enumerate() {
            let points: Vec<(f64, f64)> = values
                .iter()
                .enumerate()
                .map(|(i, &v)| (i as f64 + 1.0, v))
                .collect();
            if k == 0 {
                chart
                    .draw_series(LineSeries::new(points, colour.stroke_width(2)))?
                    .label(label)
                    .legend(key_line(colour));
            } else {
                let offset = if k == 1 { -0.15 } else { 0.15 };
                chart
                    .draw_series(points.iter().map(|&(x, y)| {
                        Rectangle::new(
                            [(x + offset - 0.13, 0.0), (x + offset + 0.13, y)],
                            colour.mix(0.8).filled(),
                        )
                    }))?
                    .label(label)
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 16, y + 5)], colour.filled())
                    });
            }
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Probability of each distinct function against its rank, on log axes.
///
/// # Errors
/// A drawing error.
pub fn draw_rank_frequency(b: &BiasResult) -> Result<String, DrawError> {
    let samples = b.samples() as f64;
    let n = b.counts.len().max(2);
    // Ranks spaced evenly in log, so the curve has a few hundred points whatever the sample.
    let mut ranks: Vec<usize> = (0..=400)
        .map(|k| (n as f64).powf(f64::from(k) / 400.0).round() as usize)
        .collect();
    ranks.dedup();
    let points: Vec<(f64, f64)> = ranks
        .iter()
        .map(|&r| (r as f64, b.counts[r - 1] as f64 / samples))
        .collect();
    figures::svg(SIZE, |root| {
        let y_min = 0.5 / samples;
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            &format!(
                "Functions of {} random 7-40-40-1 networks, by rank",
                count(b.samples())
            ),
        )
        .build_cartesian_2d((1f64..n as f64 * 1.5).log_scale(), (y_min..1.0).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "rank of the function (most frequent first)",
            "probability P(f)",
        )
        .x_label_formatter(&|x| figures::log_tick(*x))
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        chart
            .draw_series(LineSeries::new(points, PALETTE[0].stroke_width(3)))?
            .label("random networks (frequency in the sample)")
            .legend(key_line(PALETTE[0]));
        let uniform = 2f64.powi(-128);
        chart.draw_series(std::iter::once(Text::new(
            format!(
                "indifference over functions: every function {} ≈ {}, off the chart",
                figures::power_of_two(-128),
                figures::scientific(uniform, 2)
            ),
            // Between the two most frequent functions and the rest, where no line runs.
            (3.0, 0.008),
            figures::text(LABEL_SIZE),
        )))?;
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// log P(f) against Lempel-Ziv complexity, one mark per (complexity, count) with at least
/// one function, and the fitted upper bound.
///
/// # Errors
/// A drawing error.
pub fn draw_probability_complexity(b: &BiasResult) -> Result<String, DrawError> {
    let samples = b.samples() as f64;
    let k_max = b.scatter.keys().map(|k| k.0).max().unwrap_or(2);
    let x_max = kc_bits(k_max) + 10.0;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Probability of a function against its Lempel-Ziv complexity",
        )
        .build_cartesian_2d(0f64..x_max, (0.5 / samples..1.0).log_scale())?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "Lempel-Ziv complexity K(f) (bits, Valle-Pérez et al.'s estimate)",
            "probability P(f)",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&|y| figures::percent_label(*y))
        .draw()?;
        chart
            .draw_series(b.scatter.iter().map(|(&(kc, c), &m)| {
                let size = 2 + (m as f64).log10().max(0.0).round() as i32;
                Circle::new(
                    (kc_bits(kc), c as f64 / samples),
                    size,
                    PALETTE[0].mix(0.6).filled(),
                )
            }))?
            .label("functions seen (larger marks: more functions at that point)")
            .legend(|(x, y)| Circle::new((x + 11, y), 4, PALETTE[0].filled()));
        let bound = b.bound;
        // From K = 0 to where the line leaves the chart at the bottom (or its right edge).
        let floor = 0.5 / samples;
        let end = ((floor.log2() - bound.intercept) / bound.slope).clamp(0.0, x_max);
        let line: Vec<(f64, f64)> = [0.0, end]
            .iter()
            .map(|&x| (x, 2f64.powf(bound.slope * x + bound.intercept).min(1.0)))
            .collect();
        chart
            .draw_series(LineSeries::new(line, PALETTE[1].stroke_width(3)))?
            .label(format!(
                "fit to the highest P at each K: log₂ P = {}·K {} {}",
                figures::plain(bound.slope, 2),
                if bound.intercept < 0.0 {
                    figures::MINUS
                } else {
                    '+'
                },
                figures::plain(bound.intercept.abs(), 1)
            ))
            .legend(key_line(PALETTE[1]));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// How many perceptrons without bias map each number of inputs to 1, against the uniform.
///
/// # Errors
/// A drawing error.
pub fn draw_perceptron(ones: &[u64]) -> Result<String, DrawError> {
    let total: u64 = ones.iter().sum();
    let share: Vec<f64> = ones.iter().map(|&c| c as f64 / total as f64).collect();
    let top = share.iter().copied().fold(1.0 / 128.0, f64::max) * 1.3;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Perceptrons without bias: how many of the 128 inputs map to 1",
        )
        .build_cartesian_2d(-1f64..129.0, 0f64..top)?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "inputs mapped to 1",
            "share of perceptrons",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&|y| format!("{:.2}%", 100.0 * y))
        .draw()?;
        chart
            .draw_series(share.iter().enumerate().map(|(t, &s)| {
                Rectangle::new(
                    [(t as f64 - 0.4, 0.0), (t as f64 + 0.4, s)],
                    PALETTE[0].mix(0.8).filled(),
                )
            }))?
            .label(format!("{} perceptrons", count(total)))
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], PALETTE[0].filled()));
        chart
            .draw_series(LineSeries::new(
                [(-0.5, 1.0 / 128.0), (127.5, 1.0 / 128.0)],
                PALETTE[1].stroke_width(3),
            ))?
            .label("uniform on 0…127 (Mingard et al.)")
            .legend(key_line(PALETTE[1]));
        figures::legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

/// The share of paths of each length through Veit et al.'s 54 blocks, with the effective
/// lengths shaded.
///
/// # Errors
/// A drawing error.
pub fn draw_path_lengths() -> Result<String, DrawError> {
    let n = paths::VEIT_BLOCKS;
    let total = 2f64.powi(n as i32);
    let shares: Vec<f64> = paths::path_counts(n)
        .iter()
        .map(|&c| c as f64 / total)
        .collect();
    let (lo, hi) = paths::EFFECTIVE;
    let top = shares.iter().copied().fold(0.0, f64::max) * 1.15;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Paths through 54 residual blocks, by length",
        )
        .build_cartesian_2d(-1f64..f64::from(n) + 1.0, 0f64..top)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "path length (residual branches passed through)",
            &format!("share of the {} paths", figures::power_of_two(n.into())),
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{:.0}%", 100.0 * y))
        .draw()?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(f64::from(lo) - 0.5, 0.0), (f64::from(hi) + 0.5, top)],
                PALETTE[1].mix(0.15).filled(),
            )))?
            .label(format!(
                "lengths {lo}-{hi}, where Veit et al. find the gradient: {:.4}% of paths",
                paths::effective_share_percent()
            ))
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 16, y + 5)], PALETTE[1].mix(0.4).filled())
            });
        chart
            .draw_series(shares.iter().enumerate().map(|(k, &s)| {
                Rectangle::new(
                    [(k as f64 - 0.4, 0.0), (k as f64 + 0.4, s)],
                    PALETTE[0].mix(0.85).filled(),
                )
            }))?
            .label("Binomial(54, ½)")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], PALETTE[0].filled()));
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The share of the gradient carried by paths of each length in the small residual
/// network, with each initialisation, beside the share of paths of each length.
///
/// # Errors
/// A drawing error.
pub fn draw_residual_gradient(r: &ResidualResult) -> Result<String, DrawError> {
    let n = r.config.blocks as u32;
    let total = 2f64.powi(n as i32);
    let paths: Vec<f64> = paths::path_counts(n)
        .iter()
        .map(|&c| c as f64 / total)
        .collect();
    let standard = r.standard.gradient_share();
    let scaled = r.scaled.gradient_share();
    let top = paths
        .iter()
        .chain(&standard)
        .chain(&scaled)
        .copied()
        .fold(0.0, f64::max)
        * 1.3;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            &format!("A trained residual network of {n} blocks: where the gradient flows"),
        )
        .build_cartesian_2d(-1f64..f64::from(n) + 1.0, 0f64..top)?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "path length (residual branches passed through)",
            "share",
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{:.0}%", 100.0 * y))
        .draw()?;
        // The networks in the lesion figures' colours; the paths in a fourth.
        for (k, (label, values, colour)) in [
            ("share of the paths", &paths, PALETTE[3]),
            (
                "share of the gradient, standard initialisation",
                &standard,
                PALETTE[0],
            ),
            (
                "share of the gradient, branches scaled by 1/√n",
                &scaled,
                PALETTE[1],
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let offset = 0.27 * (k as f64 - 1.0);
            chart
                .draw_series(values.iter().enumerate().map(|(i, &v)| {
                    let x = i as f64 + offset;
                    Rectangle::new([(x - 0.12, 0.0), (x + 0.12, v)], colour.mix(0.85).filled())
                }))?
                .label(label)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 16, y + 5)], colour.filled())
                });
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The three networks of the residual experiment, each with its legend label and the
/// first layer (block) number its lesions are drawn at.
fn lesioned_networks(r: &ResidualResult) -> [(&'static str, &Lesions, f64); 3] {
    [
        (
            "residual network, standard initialisation",
            &r.standard.lesions,
            1.0,
        ),
        (
            "residual network, branches scaled by 1/√n",
            &r.scaled.lesions,
            1.0,
        ),
        ("plain network", &r.plain, 2.0),
    ]
}

/// The lowest test R² the lesion figures show; a lower value is drawn at this floor as a
/// cross, so that a network that collapses does not flatten the others.
const R2_FLOOR: f64 = -3.0;

/// The bottom of a lesion figure's R² axis: the lowest value, or the floor.
fn r2_bottom<'a>(values: impl Iterator<Item = &'a f64>) -> f64 {
    values.copied().fold(0.0, f64::min).max(R2_FLOOR).floor()
}

/// A test R² as drawn: a dot at its value, or a cross at the floor when below it.
fn r2_mark<DB: DrawingBackend>(
    (x, v): (f64, f64),
    size: i32,
    style: ShapeStyle,
) -> DynElement<'static, DB, (f64, f64)> {
    if v < R2_FLOOR {
        Cross::new((x, R2_FLOOR), size, style.stroke_width(2)).into_dyn()
    } else {
        Circle::new((x, v), size, style.filled()).into_dyn()
    }
}

/// The legend's entry for the crosses drawn at the floor.
fn floor_key<'a, DB>(
    chart: &mut ChartContext<
        'a,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
) -> Result<(), DrawError>
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
{
    chart
        .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
        .label(format!("below {R2_FLOOR}: drawn at {R2_FLOOR}"))
        .legend(|(x, y)| Cross::new((x + 11, y), 4, INK.stroke_width(2)));
    Ok(())
}

/// Test R² after deleting each block of the residual networks and each hidden layer of the
/// plain one.
///
/// # Errors
/// A drawing error.
pub fn draw_lesions(r: &ResidualResult) -> Result<String, DrawError> {
    let networks = lesioned_networks(r);
    let low = r2_bottom(networks.iter().flat_map(|(_, l, _)| l.one.iter()));
    let n = r.config.blocks as f64;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Deleting one layer: residual networks against a plain network",
        )
        .build_cartesian_2d(0f64..n + 1.0, low..1.1)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "layer deleted",
            "test R² (1 = perfect, 0 = predicting the mean)",
        )
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&y_ticks)
        .draw()?;
        for (k, (label, lesions, first)) in networks.into_iter().enumerate() {
            let colour = PALETTE[k];
            let offset = 0.15 * (k as f64 - 1.0);
            let points: Vec<(f64, f64)> = lesions
                .one
                .iter()
                .enumerate()
                .map(|(i, &v)| (i as f64 + first + offset, v))
                .collect();
            chart
                .draw_series(points.iter().map(|&p| r2_mark(p, 4, colour.into())))?
                .label(format!("{label}, one deleted"))
                .legend(move |(x, y)| Circle::new((x + 11, y), 4, colour.filled()));
            chart.draw_series(LineSeries::new(
                [(0.0, lesions.whole), (n + 1.0, lesions.whole)],
                colour.mix(0.6).stroke_width(2),
            ))?;
        }
        chart.draw_series(LineSeries::new(
            [(0.0, 0.0), (n + 1.0, 0.0)],
            INK.stroke_width(1),
        ))?;
        floor_key(&mut chart)?;
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

/// Test R² after deleting `k` random blocks (hidden layers), for `k` from 0 to the most
/// deleted: each random set as a faint dot, the mean as a line.
///
/// # Errors
/// A drawing error.
pub fn draw_lesions_several(r: &ResidualResult) -> Result<String, DrawError> {
    let networks = lesioned_networks(r);
    let low = r2_bottom(
        networks
            .iter()
            .flat_map(|(_, l, _)| l.several.iter().flatten()),
    );
    let most = r.config.max_deleted as f64;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Deleting several layers at random",
        )
        .build_cartesian_2d(-0.5f64..most + 0.5, low..1.1)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "blocks (plain: hidden layers) deleted",
            "test R² (1 = perfect, 0 = predicting the mean)",
        )
        .y_label_formatter(&y_ticks)
        .x_labels(r.config.max_deleted + 1)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
        for (k, (label, lesions, _)) in networks.into_iter().enumerate() {
            let colour = PALETTE[k];
            let offset = 0.08 * (k as f64 - 1.0);
            chart.draw_series(lesions.several.iter().enumerate().flat_map(|(i, sets)| {
                sets.iter().map(move |&v| {
                    r2_mark(((i + 1) as f64 + offset, v), 2, colour.mix(0.35).into())
                })
            }))?;
            let means: Vec<(f64, f64)> = lesions
                .several_means()
                .iter()
                .enumerate()
                .map(|(i, &m)| (i as f64 + offset, m))
                .collect();
            let clipped: Vec<(f64, f64)> =
                means.iter().map(|&(x, m)| (x, m.max(R2_FLOOR))).collect();
            chart
                .draw_series(LineSeries::new(clipped, colour.stroke_width(3)))?
                .label(format!("{label}, mean"))
                .legend(key_line(colour));
            chart.draw_series(means.iter().map(|&p| r2_mark(p, 4, colour.into())))?;
        }
        chart.draw_series(LineSeries::new(
            [(-0.5, 0.0), (most + 0.5, 0.0)],
            INK.stroke_width(1),
        ))?;
        floor_key(&mut chart)?;
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

/// The normalised amplitude of each target frequency over training, as a heatmap (darker:
/// more of that frequency learned), with a mark where each first reaches the threshold.
///
/// # Errors
/// A drawing error.
pub fn draw_spectral(r: &SpectralResult, amplitudes: Amplitudes) -> Result<String, DrawError> {
    let run: &SpectralRun = match amplitudes {
        Amplitudes::Equal => &r.equal,
        Amplitudes::Increasing => &r.increasing,
    };
    let cfg = &r.config;
    let rows = cfg.frequencies.len();
    let last = run.steps.last().copied().unwrap_or(1).max(1) as f64;
    let caption = match amplitudes {
        Amplitudes::Equal => "Spectral bias: equal amplitudes",
        Amplitudes::Increasing => "Spectral bias: amplitudes rising with frequency",
    };
    figures::svg((SIZE.0, SIZE.1 + 2 * figures::LEGEND_ROW), |root| {
        // The heatmap fills its plot: its key goes in a band below, off the data.
        let (plot, band) = figures::legend_band(root, 2);
        let mut chart = figures::frame(&mut ChartBuilder::on(&plot), caption)
            .build_cartesian_2d(0f64..last, -0.5f64..rows as f64 - 0.5)?;
        let frequencies = cfg.frequencies.clone();
        figures::mesh(
            &mut chart.configure_mesh(),
            "training step",
            "frequency k of the target",
        )
        .disable_y_mesh()
        .y_labels(rows)
        .y_label_formatter(&move |y| {
            let i = y.round();
            if (y - i).abs() < 1e-9 && i >= 0.0 {
                frequencies
                    .get(i as usize)
                    .map_or(String::new(), ToString::to_string)
            } else {
                String::new()
            }
        })
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
        // At most about sixty columns, so the file stays small: every `stride`-th record,
        // each drawn until the next one drawn.
        let stride = run.steps.len().div_ceil(60).max(1);
        let mut drawn: Vec<usize> = (0..run.steps.len()).step_by(stride).collect();
        if drawn.last() != Some(&(run.steps.len() - 1)) {
            drawn.push(run.steps.len() - 1);
        }
        let cells = drawn.windows(2).flat_map(|w| {
            let (x0, x1) = (run.steps[w[0]] as f64, run.steps[w[1]] as f64);
            let s = &run.spectrum[w[0]];
            s.iter().enumerate().map(move |(i, &v)| {
                let y = i as f64;
                Rectangle::new(
                    [(x0, y - 0.5), (x1, y + 0.5)],
                    PALETTE[0].mix(v.clamp(0.0, 1.0)).filled(),
                )
            })
        });
        chart.draw_series(cells)?;
        let marks: Vec<(f64, f64)> = run
            .learned_at(cfg.threshold)
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (s as f64, i as f64)))
            .collect();
        chart.draw_series(
            marks
                .iter()
                .map(|&p| Circle::new(p, 5, PALETTE[1].stroke_width(3))),
        )?;
        let mut keys: Vec<(String, figures::Key)> = [0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&shade| {
                (
                    format!("{:.0}% of the frequency's amplitude", 100.0 * shade),
                    figures::Key::Dot(PALETTE[0].mix(shade)),
                )
            })
            .collect();
        keys.push((
            format!("first reaches {:.0}%", 100.0 * cfg.threshold),
            figures::Key::Ring(PALETTE[1].stroke_width(3)),
        ));
        figures::legend_below(&band, &keys, 3, 78)?;
        Ok(())
    })
}

/// Shares of `values` in bins of `width` from 0 (the last bin takes the rest).
fn shares(values: &[f64], width: f64, bins: usize) -> Vec<f64> {
    let mut h = vec![0.0; bins];
    for &v in values {
        h[((v / width) as usize).min(bins - 1)] += 1.0;
    }
    let n = values.len().max(1) as f64;
    h.iter().map(|c| c / n).collect()
}

/// The average sensitivity of random networks', trained networks' and uniformly random
/// consistent functions, with the target, the trigger function and the parody's constant
/// overfitters marked.
///
/// # Errors
/// A drawing error.
pub fn draw_parody_sensitivity(p: &ParodyResult) -> Result<String, DrawError> {
    // Sensitivity runs from 0 (a constant) to 7 (parity), in quarter steps.
    const WIDTH: f64 = 0.25;
    const BINS: usize = 28;
    let sens = |fs: &[u128]| -> Vec<f64> { fs.iter().map(|&f| sensitivity(f)).collect() };
    let series = [
        (
            format!("random networks ({})", count(p.prior.len() as u64)),
            shares(&sens(&p.prior), WIDTH, BINS),
        ),
        (
            format!("trained networks ({})", count(p.trained.len() as u64)),
            shares(&sens(&p.trained), WIDTH, BINS),
        ),
        (
            "random functions that fit the training set".to_string(),
            shares(&sens(&p.completions), WIDTH, BINS),
        ),
    ];
    let top = series
        .iter()
        .flat_map(|(_, h)| h.iter().copied())
        .fold(0.0, f64::max)
        * 1.15;
    let x_max = WIDTH * BINS as f64;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Sensitivity of the functions of 7 bits: random, trained, fitted at random",
        )
        .build_cartesian_2d(0f64..x_max, 0f64..top)?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "average sensitivity (of the 7 one-bit changes of an input, how many change the output)",
            "share of functions",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&|y| format!("{:.0}%", 100.0 * y))
        .draw()?;
        for (k, (name, h)) in series.iter().enumerate() {
            let colour = PALETTE[k];
            let bars = h.iter().enumerate().map(move |(b, &v)| {
                let x0 = b as f64 * WIDTH + k as f64 * WIDTH / 3.0;
                Rectangle::new([(x0, 0.0), (x0 + WIDTH / 3.0, v)], colour.mix(0.8).filled())
            });
            chart
                .draw_series(bars)?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 16, y + 5)], colour.filled())
                });
        }
        for (name, s, colour) in [
            (
                "the target (majority of three bits)",
                sensitivity(p.target),
                INK,
            ),
            (
                "the trigger function (a treacherous turn)",
                sensitivity(parody::trigger_function()),
                PALETTE[3],
            ),
            (
                "the parody's overfitters (constant off the training set)",
                p.constant_overfitter_sensitivity(),
                PALETTE[4],
            ),
        ] {
            chart
                .draw_series(LineSeries::new(
                    [(s, 0.0), (s, top)],
                    colour.stroke_width(3),
                ))?
                .label(name)
                .legend(key_line(colour));
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The task's training loss against the goal's description length, one line per width:
/// the mean over repetitions, with bars of one standard error.
///
/// # Errors
/// A drawing error.
pub fn draw_goal_capacity(g: &GoalCapacityResult) -> Result<String, DrawError> {
    let j = &g.config.goal_inputs;
    let (lo, hi) = (
        j.first().copied().unwrap_or(0) as f64,
        j.last().copied().unwrap_or(1) as f64,
    );
    let per_width: Vec<Vec<(f64, f64, f64)>> = g
        .widths
        .iter()
        .map(|w| {
            (0..j.len())
                .map(|k| {
                    let v: Vec<f64> = w
                        .repetitions
                        .iter()
                        .map(|r| r.by_goal[k].task_loss)
                        .collect();
                    let (m, se) = nets::stats::mean_se(&v);
                    (j[k] as f64, m, se)
                })
                .collect()
        })
        .collect();
    let top = per_width
        .iter()
        .flatten()
        .map(|&(_, m, se)| m + se)
        .fold(0.0, f64::max)
        * 1.25;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "A longer goal beside the task: the task's loss on a network of fixed size",
        )
        .build_cartesian_2d(lo - 0.3..hi + 0.3, 0f64..top)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "the goal's description length, bits",
            "task's training loss, nats per input",
        )
        .x_labels(j.len())
        .x_label_formatter(&|x| figures::power_of_two_label(x.round()))
        .y_label_formatter(&y_ticks)
        .draw()?;
        for (k, (w, points)) in g.widths.iter().zip(&per_width).enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let offset = (k as f64 - (g.widths.len() as f64 - 1.0) / 2.0) * 0.06;
            chart
                .draw_series(LineSeries::new(
                    points.iter().map(|&(x, m, _)| (x + offset, m)),
                    colour.stroke_width(2),
                ))?
                .label(format!("width {} ({} parameters)", w.width, w.parameters))
                .legend(key_line(colour));
            chart.draw_series(points.iter().map(|&(x, m, se)| {
                ErrorBar::new_vertical(x + offset, (m - se).max(0.0), m, m + se, colour.filled(), 6)
            }))?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::UpperRight)?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &Results) -> Vec<Figure> {
    vec![
        Figure {
            file: "simplicity/code-lengths.svg",
            svg: draw_code_lengths(&crate::code::worked()),
        },
        Figure {
            file: "simplicity/rank-frequency.svg",
            svg: draw_rank_frequency(&r.bias),
        },
        Figure {
            file: "simplicity/probability-complexity.svg",
            svg: draw_probability_complexity(&r.bias),
        },
        Figure {
            file: "simplicity/perceptron.svg",
            svg: draw_perceptron(&r.perceptron_ones),
        },
        Figure {
            file: "simplicity/path-lengths.svg",
            svg: draw_path_lengths(),
        },
        Figure {
            file: "simplicity/residual-gradient.svg",
            svg: draw_residual_gradient(&r.residual),
        },
        Figure {
            file: "simplicity/lesions.svg",
            svg: draw_lesions(&r.residual),
        },
        Figure {
            file: "simplicity/lesions-several.svg",
            svg: draw_lesions_several(&r.residual),
        },
        Figure {
            file: "simplicity/spectral-equal.svg",
            svg: draw_spectral(&r.spectral, Amplitudes::Equal),
        },
        Figure {
            file: "simplicity/spectral-increasing.svg",
            svg: draw_spectral(&r.spectral, Amplitudes::Increasing),
        },
        Figure {
            file: "simplicity/parody-sensitivity.svg",
            svg: draw_parody_sensitivity(&r.parody),
        },
        Figure {
            file: "simplicity/goal-capacity.svg",
            svg: draw_goal_capacity(&r.goal_capacity),
        },
    ]
}
