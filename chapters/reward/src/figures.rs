//! The chapter's figures: each sample's update against its advantage, RL's optimum against
//! the posterior, the divergence best-of-N buys, and the hospital planner as N grows.

use crate::best_of_n::BestOfNResult;
use crate::experiments::Results;
use crate::hospital::HospitalResult;
use crate::inference::InferenceResult;
use crate::updates::UpdateResult;
use figures::{DrawError, Figure, INK, Key, LABEL_SIZE, PALETTE, SIZE, SUBTITLE_SIZE, TITLE_SIZE};
use plotters::prelude::*;

/// Size of the two-panel hospital figure.
pub const WIDE: (u32, u32) = (1000, 540);

fn line_legend(style: ShapeStyle) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], style)
}

/// Which change of a sample's log-probability a series plots.
type Measure = fn(&crate::updates::PerSample) -> f64;

/// The change in each bandit sample's own log-probability after a step on it alone, against
/// its advantage: weighted by raw reward (all positive, so all up), by advantage under
/// REINFORCE (a straight line through zero per arm) and under PPO-clip (capped at log(1±ε)).
///
/// # Errors
/// A drawing error.
pub fn draw_updates(u: &UpdateResult) -> Result<String, DrawError> {
    let a_max = u
        .bandit
        .iter()
        .map(|s| s.advantage.abs())
        .fold(0.0, f64::max)
        * 1.05;
    let y_max = u
        .bandit
        .iter()
        .flat_map(|s| [s.reinforce.abs(), s.raw_reward.abs(), s.ppo.abs()])
        .fold(0.0, f64::max)
        * 1.05;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "What one sample's update does to its own probability",
        )
        .build_cartesian_2d(-a_max..a_max, -y_max..y_max)?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "advantage A = reward − batch mean",
            "change in log π(a) after the update",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
        .draw()?;
        let eps = u.config.eps;
        for bound in [(1.0 + eps).ln(), (1.0 - eps).ln()] {
            chart.draw_series(LineSeries::new(
                [(-a_max, bound), (a_max, bound)],
                INK.mix(0.6).stroke_width(1),
            ))?;
        }
        chart.draw_series(LineSeries::new(
            [(0.0, -y_max), (0.0, y_max)],
            INK.mix(0.4).stroke_width(1),
        ))?;
        let series: [(&str, RGBColor, Measure); 3] = [
            (
                "REINFORCE weighted by raw reward (no baseline)",
                PALETTE[2],
                |s| s.raw_reward,
            ),
            ("REINFORCE weighted by advantage", PALETTE[0], |s| {
                s.reinforce
            }),
            ("PPO-clip, advantage, many epochs", PALETTE[1], |s| s.ppo),
        ];
        for (name, colour, y) in series {
            chart
                .draw_series(
                    u.bandit
                        .iter()
                        .map(|s| Circle::new((s.advantage, y(s)), 3, colour.filled())),
                )?
                .label(name)
                .legend(move |(x, yy)| Circle::new((x + 11, yy), 4, colour.filled()));
        }
        chart
            .draw_series(std::iter::empty::<Circle<(f64, f64), i32>>())?
            .label(format!("PPO's clip, log(1 ± {eps})"))
            .legend(line_legend(INK.stroke_width(1)));
        figures::legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

/// The prior and the KL-regularised optimum at each β over outcomes sorted by reward: lines
/// for the closed form π0·exp(r/β)/Z, markers where gradient ascent ended.
///
/// # Errors
/// A drawing error.
pub fn draw_inference(inf: &InferenceResult) -> Result<String, DrawError> {
    let p = &inf.problem;
    let mut order: Vec<usize> = (0..p.reward.len()).collect();
    order.sort_by(|&a, &b| p.reward[a].total_cmp(&p.reward[b]));
    let r_lo = p.reward[order[0]] - 0.03;
    let r_hi = p.reward[order[order.len() - 1]] + 0.03;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "KL-regularised RL ends at the posterior π0·exp(r/β)/Z",
        )
        .build_cartesian_2d(r_lo..r_hi, (3e-4f64..1.0).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "reward of the outcome",
            "probability",
        )
        .y_label_formatter(&|y| figures::log_tick(*y))
        .draw()?;
        let points = |v: &[f64]| -> Vec<(f64, f64)> {
            order
                .iter()
                .map(|&k| (p.reward[k], v[k].max(3e-4)))
                .collect()
        };
        chart
            .draw_series(LineSeries::new(points(&p.prior), INK.stroke_width(3)))?
            .label("prior π0")
            .legend(line_legend(INK.stroke_width(3)));
        for (i, a) in inf.kl.iter().enumerate() {
            let colour = PALETTE[i % PALETTE.len()];
            chart
                .draw_series(LineSeries::new(
                    points(&p.posterior(a.beta)),
                    colour.stroke_width(2),
                ))?
                .label(format!("β = {}: posterior (line), ascent (dots)", a.beta))
                .legend(line_legend(colour.stroke_width(2)));
            chart.draw_series(
                points(&a.policy)
                    .into_iter()
                    .map(|xy| Circle::new(xy, 5, colour.stroke_width(2))),
            )?;
        }
        figures::legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        Ok(())
    })
}

/// `KL(best-of-N ‖ base)` against N: the formula, the naive `log N`, the estimates from
/// histograms of sampled maxima with 95% bars, the mean of the log density ratio at the same
/// maxima, and the exact discrete values (distinct and tied scores) under the formula.
///
/// # Errors
/// A drawing error.
pub fn draw_best_of_n(b: &BestOfNResult) -> Result<String, DrawError> {
    let x_max = b.points.last().map_or(1.0, |p| (p.n as f64).log2()) + 0.5;
    let y_max = b
        .points
        .iter()
        .map(|p| crate::best_of_n::kl_top_quantile(p.n).max(p.monte_carlo.mean))
        .fold(0.0, f64::max)
        * 1.1;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "How far best-of-N moves from the prior",
        )
        .build_cartesian_2d(0f64..x_max, 0f64..y_max)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "N (candidates drawn)",
            "KL(best-of-N ‖ prior), nats",
        )
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .y_label_formatter(&y_ticks)
        .draw()?;
        let curve: Vec<(f64, f64)> = (0..=(x_max * 20.0) as u32)
            .map(|i| {
                let x = f64::from(i) / 20.0;
                let n = 2f64.powf(x);
                (x, n.ln() - (n - 1.0) / n)
            })
            .collect();
        chart
            .draw_series(LineSeries::new(curve, PALETTE[0].stroke_width(2)))?
            .label("log N − (N−1)/N")
            .legend(line_legend(PALETTE[0].stroke_width(2)));
        let naive: Vec<(f64, f64)> = (0..=(x_max * 20.0) as u32)
            .map(|i| {
                let x = f64::from(i) / 20.0;
                (x, x * 2f64.ln())
            })
            .collect();
        let dashed = PALETTE[3].stroke_width(2);
        chart
            .draw_series(DashedLineSeries::new(naive, 8, 6, dashed))?
            .label("log N (keeping the top 1/N)")
            .legend(line_legend(dashed));
        chart
            .draw_series(b.points.iter().map(|p| {
                let x = (p.n as f64).log2();
                let e = 1.96 * p.monte_carlo.standard_error;
                ErrorBar::new_vertical(
                    x,
                    p.monte_carlo.mean - e,
                    p.monte_carlo.mean,
                    p.monte_carlo.mean + e,
                    PALETTE[1].filled(),
                    8,
                )
            }))?
            .label("histogram of sampled maxima (95%)")
            .legend(|(x, y)| Circle::new((x + 11, y), 4, PALETTE[1].filled()));
        chart
            .draw_series(b.ratio.iter().map(|c| {
                Circle::new(
                    ((c.n as f64).log2() + 0.18, c.kl_sampled),
                    5,
                    PALETTE[4].stroke_width(2),
                )
            }))?
            .label("mean of log N + (N−1)·log F at the same maxima")
            .legend(|(x, y)| Circle::new((x + 11, y), 5, PALETTE[4].stroke_width(2)));
        chart
            .draw_series(LineSeries::new(
                b.ties.iter().map(|t| ((t.n as f64).log2(), t.exact)),
                INK.stroke_width(2),
            ))?
            .label(format!(
                "exact, tied scores Binomial({}, ½)",
                b.config.tie_levels
            ))
            .legend(line_legend(INK.stroke_width(2)));
        chart.draw_series(
            b.ties
                .iter()
                .map(|t| TriangleMarker::new(((t.n as f64).log2(), t.exact), 5, INK.filled())),
        )?;
        chart
            .draw_series(LineSeries::new(
                b.points.iter().map(|p| ((p.n as f64).log2(), p.discrete)),
                PALETTE[2].stroke_width(2),
            ))?
            .label("exact, 8 discrete outcomes")
            .legend(line_legend(PALETTE[2].stroke_width(2)));
        chart.draw_series(
            b.points
                .iter()
                .map(|p| Circle::new(((p.n as f64).log2(), p.discrete), 4, PALETTE[2].filled())),
        )?;
        chart
            .draw_series(LineSeries::new(
                [(0.0, b.discrete_ceiling), (x_max, b.discrete_ceiling)],
                PALETTE[2].mix(0.6).stroke_width(1),
            ))?
            .label("−log π0(best outcome)")
            .legend(line_legend(PALETTE[2].mix(0.6).stroke_width(1)));
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Left: the chosen plan's chance of avoiding a lawsuit, as the classifier rates it (dashed)
/// and truly (solid), against `d = √KL`, with Gao et al.'s fit. Right: how much the chosen
/// plan dwells on cleaning, against N, beside the most the classifier ever saw.
///
/// # Errors
/// A drawing error.
pub fn draw_hospital(h: &HospitalResult) -> Result<String, DrawError> {
    figures::svg(WIDE, |root| {
        let root = root.titled(
            "Best-of-N against a trained lawsuit classifier",
            figures::text(TITLE_SIZE),
        )?;
        // Each panel's legend sits in a band below it: the left panel's curves fill it.
        let (panels, band) = figures::legend_band(&root, 3);
        let (left, right) = panels.split_horizontally(WIDE.0 / 2);
        let (left_band, right_band) = band.split_horizontally(WIDE.0 / 2);
        let d_max = h.heavy.last().d * 1.05;
        let mut chart = ChartBuilder::on(&left)
            .caption(
                "The chosen plan's chance of no lawsuit",
                figures::text(SUBTITLE_SIZE),
            )
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(62)
            .build_cartesian_2d(0f64..d_max, 0f64..1.02)?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "d = √KL(best-of-N ‖ prior)",
            "chance of no lawsuit",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
        .draw()?;
        // The true curves and the fit in the first column, the classifier's in the second.
        let mut keys: Vec<(String, Key)> = Vec::new();
        let mut proxies: Vec<(String, Key)> = Vec::new();
        for (k, s) in [&h.light, &h.heavy].into_iter().enumerate() {
            let colour = PALETTE[k];
            chart.draw_series(LineSeries::new(
                s.points.iter().map(|p| (p.d, p.quality)),
                colour.stroke_width(3),
            ))?;
            keys.push((
                format!("{}: true", s.tail.name()),
                Key::Line(colour.stroke_width(3)),
            ));
            chart.draw_series(DashedLineSeries::new(
                s.points.iter().map(|p| (p.d, p.proxy_chance)),
                6,
                4,
                colour.stroke_width(2),
            ))?;
            proxies.push((
                format!("{}: classifier's", s.tail.name()),
                Key::Line(colour.mix(0.6).stroke_width(1)),
            ));
            let fit: Vec<(f64, f64)> = (0..=60)
                .map(|i| {
                    let d = d_max * f64::from(i) / 60.0;
                    (d, s.prior_quality + s.fit.at(d))
                })
                .filter(|(_, y)| (0.0..=1.02).contains(y))
                .collect();
            chart.draw_series(
                fit.into_iter()
                    .map(|xy| Circle::new(xy, 1, colour.mix(0.7).filled())),
            )?;
        }
        keys.push((
            "dotted: Gao et al.'s d(α − βd) fit".to_string(),
            Key::Dot(INK.to_rgba()),
        ));
        keys.append(&mut proxies);
        figures::legend_below(&left_band, &keys, 2, 62)?;

        let x_max = f64::from(h.config.max_log2_n) + 0.5;
        let c_max = h
            .heavy
            .points
            .iter()
            .map(|p| p.cleaning)
            .fold(h.classifier.largest_seen_cleaning, f64::max)
            * 1.5;
        let mut chart = ChartBuilder::on(&right)
            .caption(
                "How much the chosen plan dwells on cleaning",
                figures::text(SUBTITLE_SIZE),
            )
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(62)
            .build_cartesian_2d(0f64..x_max, (0.2f64..c_max).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "N (plans drawn)",
            "cleaning emphasis of the chosen plan",
        )
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .y_label_formatter(&|y| figures::number(*y, 2))
        .draw()?;
        let mut keys: Vec<(String, Key)> = Vec::new();
        for (k, s) in [&h.light, &h.heavy].into_iter().enumerate() {
            let colour = PALETTE[k];
            chart.draw_series(LineSeries::new(
                s.points.iter().map(|p| ((p.n as f64).log2(), p.cleaning)),
                colour.stroke_width(3),
            ))?;
            keys.push((s.tail.name().to_string(), Key::Line(colour.stroke_width(3))));
        }
        let seen = h.classifier.largest_seen_cleaning;
        chart.draw_series(LineSeries::new(
            [(0.0, seen), (x_max, seen)],
            INK.stroke_width(1),
        ))?;
        keys.push((
            "most cleaning in the classifier's data".to_string(),
            Key::Line(INK.stroke_width(1)),
        ));
        chart.draw_series(std::iter::once(Text::new(
            " beyond: the classifier's adversarial examples",
            (0.2, seen * 1.25),
            figures::text(LABEL_SIZE),
        )))?;
        figures::legend_below(&right_band, &keys, 1, 74)?;
        Ok(())
    })
}

/// How often best-of-N's chosen plan is a scheming one, against N, for each scorer: the
/// classifier trained on history without scheming plans (one line per initial weights), the
/// classifiers with some in their history, and the oracle; the proposal rate beside them.
///
/// # Errors
/// A drawing error.
pub fn draw_scheming(s: &crate::scheming::SchemingResult) -> Result<String, DrawError> {
    let c = &s.config;
    let x_max = f64::from(c.max_log2_n) + 0.5;
    let floor = 1e-5;
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "How often best-of-N picks a scheming plan",
        )
        .build_cartesian_2d(0f64..x_max, (floor..1.5f64).log_scale())?;
        figures::mesh(
            &mut chart.configure_mesh(),
            "N (plans drawn)",
            "share of chosen plans that are scheming",
        )
        .x_label_formatter(&|x| figures::power_of_two_label(*x))
        .y_label_formatter(&|y| figures::log_tick(*y))
        .draw()?;
        let line = |sweep: &crate::scheming::SchemingSweep| -> Vec<(f64, f64)> {
            sweep
                .shares
                .iter()
                .map(|&(n, x, _)| ((n as f64).log2(), x.max(floor)))
                .collect()
        };
        for (k, sweep) in s.historical().iter().enumerate() {
            let style = PALETTE[0]
                .mix(if k == 0 { 1.0 } else { 0.55 })
                .stroke_width(2);
            let series = chart.draw_series(LineSeries::new(line(sweep), style))?;
            if k == 0 {
                series
                    .label("classifier, no scheming plans in its history (each initial weights)")
                    .legend(line_legend(style));
            }
        }
        for (k, (sweep, rho)) in s.exposed().iter().zip(&c.history_rates).enumerate() {
            let colour = PALETTE[1 + k % (PALETTE.len() - 1)];
            chart
                .draw_series(LineSeries::new(line(sweep), colour.stroke_width(2)))?
                .label(format!(
                    "classifier, {:.0}% scheming plans in its history",
                    100.0 * rho
                ))
                .legend(line_legend(colour.stroke_width(2)));
        }
        chart
            .draw_series(LineSeries::new(line(s.oracle()), INK.stroke_width(3)))?
            .label("oracle: the true log-odds")
            .legend(line_legend(INK.stroke_width(3)));
        let dashed = INK.mix(0.6).stroke_width(1);
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, c.rate), (x_max, c.rate)],
                6,
                4,
                dashed,
            ))?
            .label(format!("proposal rate ε = {}", c.rate))
            .legend(line_legend(dashed));
        figures::legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        Ok(())
    })
}

/// Each frog's preference — snaps at a pellet minus snaps at a fly without a dot — against
/// the smell's strength: one line per smell code and architecture (the mean over seeds), a
/// dot per seed.
///
/// # Errors
/// A drawing error.
pub fn draw_frog(f: &crate::frog::FrogResult) -> Result<String, DrawError> {
    let c = &f.config;
    let lo = c
        .smells
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .log2()
        - 0.3;
    let hi = c.smells.iter().copied().fold(0.0, f64::max).log2() + 0.3;
    // The seeds' dots reach every corner, so the legend sits below the chart.
    let rows = (c.codes.len() * c.architectures.len()).div_ceil(2);
    figures::svg((SIZE.0, SIZE.1 + 30), |root| {
        let (plot, band) = figures::legend_band(root, rows);
        let mut keys: Vec<(String, Key)> = Vec::new();
        let mut chart = figures::frame(
            &mut ChartBuilder::on(&plot),
            "What do trained frogs snap at?",
        )
        .build_cartesian_2d(lo..hi, -1.05f64..1.05)?;
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            &format!(
                "strength of the fly's smell (the dot's darkness is {})",
                c.dot
            ),
            "snaps at pellet − at dotless fly (+1 dot, −1 smell)",
        )
        .x_label_formatter(&|x| figures::plain(2f64.powf(*x), 2))
        .y_label_formatter(&y_ticks)
        .draw()?;
        chart.draw_series(LineSeries::new(
            [(lo, 0.0), (hi, 0.0)],
            INK.mix(0.5).stroke_width(1),
        ))?;
        let mut k = 0;
        for &code in &c.codes {
            for arch in &c.architectures {
                let colour = PALETTE[k % PALETTE.len()];
                let curve = f.curve(code, arch);
                chart.draw_series(LineSeries::new(
                    curve.iter().map(|s| (s.smell.log2(), s.mean_preference())),
                    colour.stroke_width(2),
                ))?;
                keys.push((
                    format!("{}, hidden layers {:?}", code.name(), arch),
                    Key::Line(colour.stroke_width(2)),
                ));
                let shift = 0.04 * (k as f64 - 1.5);
                chart.draw_series(curve.iter().flat_map(|s| {
                    s.frogs.iter().map(move |fr| {
                        Circle::new(
                            (s.smell.log2() + shift, fr.dot_preference()),
                            2,
                            colour.mix(0.7).filled(),
                        )
                    })
                }))?;
                k += 1;
            }
        }
        figures::legend_below(&band, &keys, 2, 90)?;
        Ok(())
    })
}

/// The hospital classifier's maximisers in the claim's box: each ascent's end point by its
/// distance to the nearest historical plan and its true log-odds of no lawsuit, beside the
/// true objective's maximisers from the same starts and the nudged low-scored historical
/// plans; dashed lines mark the claim's bars (far off, and the best historical plans).
///
/// # Errors
/// A drawing error.
pub fn draw_extrema(e: &crate::extrema::ExtremaResult) -> Result<String, DrawError> {
    use crate::extrema::FAR;
    let b = e.claim_box();
    let y = &e.yardsticks;
    let sets = [
        ("classifier's maximisers", &b.classifier),
        ("true objective's maximisers", &b.truth),
        ("nudged low-scored history", &e.adversarial.after),
    ];
    let all = || {
        sets.iter()
            .flat_map(|(_, f)| f.nearest.iter().zip(&f.log_odds))
    };
    let x_max = all().map(|(d, _)| *d).fold(0.0, f64::max) * 1.05;
    let (y_lo, y_hi) = all().fold((y.best_log_odds, y.best_log_odds), |(lo, hi), (_, l)| {
        (lo.min(*l), hi.max(*l))
    });
    let pad = 0.05 * (y_hi - y_lo);
    figures::svg(SIZE, |root| {
        let mut chart = figures::frame(
            &mut ChartBuilder::on(root),
            "Where the classifier's maxima lie, and how good they are",
        )
        .build_cartesian_2d(0f64..x_max, (y_lo - pad)..(y_hi + pad))?;
        let x_ticks = figures::linear_ticks(chart.x_range(), figures::LABELS);
        let y_ticks = figures::linear_ticks(chart.y_range(), figures::LABELS);
        figures::mesh(
            &mut chart.configure_mesh(),
            "distance to the nearest historical plan",
            "true log-odds of no lawsuit",
        )
        .x_label_formatter(&x_ticks)
        .y_label_formatter(&y_ticks)
        .draw()?;
        let dashed = INK.mix(0.6).stroke_width(1);
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, y.best_log_odds), (x_max, y.best_log_odds)],
                6,
                4,
                dashed,
            ))?
            .label("best historical plans (the claim's bar)")
            .legend(line_legend(dashed));
        chart.draw_series(DashedLineSeries::new(
            [(FAR * y.nearest, y_lo - pad), (FAR * y.nearest, y_hi + pad)],
            6,
            4,
            dashed,
        ))?;
        for (k, (name, f)) in sets.iter().enumerate() {
            let colour = PALETTE[k];
            chart
                .draw_series(
                    f.nearest
                        .iter()
                        .zip(&f.log_odds)
                        .map(|(d, l)| Circle::new((*d, *l), 3, colour.mix(0.7).filled())),
                )?
                .label(*name)
                .legend(move |(x, y)| Circle::new((x + 11, y), 4, colour.filled()));
        }
        figures::legend(&mut chart, SeriesLabelPosition::LowerLeft)?;
        Ok(())
    })
}

/// The chapter's figures, drawn from one run of its experiments.
pub fn figures(r: &Results) -> Vec<Figure> {
    vec![
        Figure {
            file: "reward/per-sample-update.svg",
            svg: draw_updates(&r.updates),
        },
        Figure {
            file: "reward/rl-inference.svg",
            svg: draw_inference(&r.inference),
        },
        Figure {
            file: "reward/best-of-n-kl.svg",
            svg: draw_best_of_n(&r.best_of_n),
        },
        Figure {
            file: "reward/hospital.svg",
            svg: draw_hospital(&r.hospital),
        },
        Figure {
            file: "reward/scheming.svg",
            svg: draw_scheming(&r.scheming),
        },
        Figure {
            file: "reward/frog.svg",
            svg: draw_frog(&r.frog),
        },
        Figure {
            file: "reward/extrema.svg",
            svg: draw_extrema(&r.extrema),
        },
    ]
}
