//! The chapter's claims: each number the sources state about counting, and each testable
//! statement about what training does, beside what the chapter computes for it.

use crate::addition::AdditionTask;
use crate::experiments::Results;
use crate::proportion::{break_even_chance, log10_share_above, share_in_double_precision};
use crate::{epoch_wise, minefield, quotations, scaling_law};
use certified::Enclosure;
use ledger::number::count;
use ledger::{Claim, Quantity, Seed, Stated, Test, Verdict};
use nets::stats::median;

/// Significant digits for the proportion: more than any source prints, to show the bounds
/// agree well past the point where the essay says computation fails.
pub const PROPORTION_DIGITS: usize = 6;

/// The threshold at which the proportion must fall for "virtually all" consistent mappings
/// to overfit: one in a googol.
pub const VIRTUALLY_ALL_LOG10: f64 = -100.0;

/// The break-even chance per unseen answer is found on a grid of this many steps.
pub const BREAK_EVEN_GRID: u64 = 1_000_000;

fn log10(e: &Enclosure) -> Quantity {
    Quantity::Log10 {
        lo: e.lo_f64(),
        hi: e.hi_f64(),
    }
}

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(results: &Results) -> Vec<Claim> {
    let mut all = arithmetic_claims();
    all.extend(training_claims(results));
    all.extend(quotation_claims());
    all.extend(reply_claims());
    all
}

/// The quotations across the texts: each checked one against the words it quotes
/// (reproduced when no word differs), each one the seeds do not hold recorded as not
/// checkable.
pub fn quotation_claims() -> Vec<Claim> {
    let checked = quotations::checked()
        .into_iter()
        .map(|q| q.quotation.claim(q.id, q.stated, q.expect));
    let unlocated = quotations::unlocated()
        .into_iter()
        .map(|u| Claim::not_checkable(u.id, u.quoting, quotations::MATCHES_CARLSMITH, u.why));
    checked.chain(unlocated).collect()
}

/// The counting argument's arithmetic, at the essay's setting.
pub fn arithmetic_claims() -> Vec<Claim> {
    let task = AdditionTask::essay();
    let share = log10_share_above(&task, task.unseen_pairs(), 50)
        .expect("the essay's setting is far above chance");
    let share_q = log10(&share);
    let double = share_in_double_precision(&task, task.unseen_pairs(), 50);
    let (break_even, at_break_even) = break_even_chance(
        task.unseen_pairs(),
        50,
        VIRTUALLY_ALL_LOG10,
        BREAK_EVEN_GRID,
    );
    let megabytes = task.megabytes_per_mapping();
    vec![
        Claim::number(
            "addition.input-pairs",
            Seed::BelrosePope
                .quote("There are 10,0002 = 100,000,000 possible pairs of input numbers")
                .shown_as("There are 10,000^{2} = 100,000,000 possible pairs of input numbers"),
            Stated::Exact(100_000_000),
            Quantity::Integer(task.input_pairs().into()),
            Verdict::Reproduced,
        ),
        Claim::number(
            "addition.possible-sums",
            Seed::BelrosePope.quote("and 19,999 possible sums"),
            Stated::Exact(19_999),
            Quantity::Integer(task.possible_sums().into()),
            Verdict::Reproduced,
        ),
        Claim::number(
            "addition.mappings",
            Seed::BelrosePope
                .quote("for a total of 19,999100,000,000 ≈ 1.10 ⨉ 10430,100,828 possible input-output mappings")
                .shown_as("for a total of 19,999^{100,000,000} ≈ 1.10 ⨉ 10^{430,100,828} possible input-output mappings"),
            Stated::Rounded {
                qualifier: "≈",
                digits: "1.10",
                exponent: 430_100_828,
            },
            log10(&task.log10_mappings()),
            Verdict::Reproduced,
        ).digits(6),
        Claim::not_checkable(
            "addition.training-set-size",
            Seed::BelrosePope.quote("They used a training dataset of 992 problems"),
            "992 training problems",
            "the published learning-curve data (Caballero et al.) stop at 928 training examples; the book takes the essay's 992 as given",
        ),
        Claim::number(
            "addition.consistent-mappings",
            Seed::BelrosePope
                .quote("so there are therefore 19,999100,000,000 – 992 ≈ 2.75 ⨉ 10430,096,561 functions that achieve perfect training accuracy")
                .shown_as("so there are therefore 19,999^{100,000,000 – 992} ≈ 2.75 ⨉ 10^{430,096,561} functions that achieve perfect training accuracy"),
            Stated::Rounded {
                qualifier: "≈",
                digits: "2.75",
                exponent: 430_096_561,
            },
            log10(&task.log10_consistent_mappings()),
            Verdict::Reproduced,
        ).digits(6),
        Claim::number(
            "addition.mapping-size",
            Seed::BelrosePope.quote("Each mapping would require roughly 179 megabytes of information to specify."),
            Stated::Rounded {
                qualifier: "roughly",
                digits: "179",
                exponent: 0,
            },
            Quantity::Real(
                (megabytes.lo_f64() + megabytes.hi_f64()) / 2.0,
            ),
            Verdict::Reproduced,
        ).unit("MB").digits(6),
        Claim::statement(
            "proportion.too-small-to-compute",
            Seed::BelrosePope.quote(
                "the proportion with greater than 50% test accuracy is literally too small to compute using standard high-precision math tools",
            ),
            "too small to compute",
            Test::full(format!(
                "holds only if no evaluation pins the proportion down to {PROPORTION_DIGITS} significant digits; the book's rigorous enclosure, carried as a base-10 logarithm so that its exponent can be any size, does"
            ))
            .on(
                share_q,
                "IEEE double precision, the standard floating-point tool: the same tail's first term evaluated in doubles underflows to 0",
                Quantity::Real(double),
                |q| !computes(q),
            ),
            Verdict::Contradicted,
        ).digits(PROPORTION_DIGITS),
        Claim::statement(
            "proportion.virtually-all-overfit",
            Seed::BelrosePope.quote(
                "Hence, this argument predicts virtually all networks trained on this problem should massively overfit",
            ),
            "under the counting prior, virtually all consistent mappings overfit",
            Test::model(format!(
                "holds if, assuming a uniform prior over the consistent mappings (so each unseen answer is right independently with chance 1 in {sums}), fewer than one in a googol (10^-100) of them beat 50% test accuracy; break-even: the conclusion flips only for a prior under which each unseen answer is right with chance {:.3}% or more",
                100.0 * break_even,
                sums = task.possible_sums(),
            ))
            .on(
                share_q,
                format!("the break-even prior: each unseen answer right with chance {:.3}% (the share's certified upper bound there)", 100.0 * break_even),
                Quantity::Log10 {
                    lo: at_break_even.hi_f64(),
                    hi: at_break_even.hi_f64(),
                },
                |q| matches!(q, Quantity::Log10 { hi, .. } if *hi < VIRTUALLY_ALL_LOG10),
            ),
            Verdict::ModelConsequence,
        ).digits(PROPORTION_DIGITS),
        Claim::statement(
            "proportion.mpmath-underflow",
            Seed::BelrosePope.quote("It underflows to zero in the Python mpmath library, and WolframAlpha times out."),
            "the proportion underflows to zero in arbitrary-exponent floating point (mpmath's kind)",
            Test::full(
                "holds if evaluating the proportion in floating point whose exponent may be any size, as mpmath's may, gives zero; the book's own such evaluation (a mantissa and a base-10 exponent of any size, with proven error bounds) gives the value shown. How the essay asked mpmath is not stated, and WolframAlpha's time-out is not checked",
            )
            .on(
                share_q,
                "IEEE double precision, whose smallest positive number is about 5 × 10^-324: the same expression underflows to 0",
                Quantity::Real(double),
                |q| matches!(q, Quantity::Real(x) if *x == 0.0),
            ),
            Verdict::Contradicted,
        ).digits(PROPORTION_DIGITS),
    ]
}

/// Whether a value pins a number down: a finite nonzero double, or a logarithm whose bounds
/// agree on the digits the proportion is printed with.
fn computes(q: &Quantity) -> bool {
    match q {
        Quantity::Real(x) => *x != 0.0 && x.is_finite(),
        Quantity::Integer(i) => *i != 0,
        Quantity::Log10 { .. } => {
            ledger::number::format(q, PROPORTION_DIGITS, ledger::Style::Plain).is_ok()
        }
    }
}

/// The number inside a quantity that is printed as a plain number.
fn real(q: &Quantity) -> f64 {
    match q {
        Quantity::Real(x) => *x,
        Quantity::Integer(i) => *i as f64,
        Quantity::Log10 { lo, hi } => 10f64.powf((lo + hi) / 2.0),
    }
}

fn percent(x: f64) -> Quantity {
    Quantity::Real(100.0 * x)
}

/// What training does, from the experiments.
pub fn training_claims(r: &Results) -> Vec<Claim> {
    let add = &r.addition;
    let essay_size = add
        .runs
        .iter()
        .map(|x| x.training_size)
        .min()
        .expect("a run");
    let largest = add
        .runs
        .iter()
        .map(|x| x.training_size)
        .max()
        .expect("a run");
    let at_992 = add.mean_test_accuracy(essay_size);
    let at_largest = add.mean_test_accuracy(largest);
    let chance_992 = add.log10_chance_under_counting(essay_size);
    let chance_shuffled = add.log10_chance_of_shuffled();
    let (correct_992, trials_992) = add.pooled_correct(essay_size);
    let generalise =
        "contradicting the empirical result that networks do generalize to the test set";
    let mine = &r.minefield;
    let poisoned = &mine.poisoned;
    let poisoned_scores: Vec<(f64, f64)> = poisoned
        .iter()
        .map(|m| (m.train_accuracy, m.test_accuracy))
        .collect();
    let all_bad = |nets: &[(f64, f64)]| {
        nets.iter()
            .all(|&(train, test)| train >= 0.98 && test < 0.53)
    };
    let pct = |(lo, mid, hi): (f64, f64, f64)| {
        format!(
            "{:.1}–{:.1}%, median {:.1}%",
            100.0 * lo,
            100.0 * hi,
            100.0 * mid
        )
    };
    let of = |nets: &[&minefield::Minimum], f: fn(&minefield::Minimum) -> f64| {
        pct(minefield::spread(
            &nets.iter().map(|m| f(m)).collect::<Vec<_>>(),
        ))
    };
    let poisoned_refs: Vec<&minefield::Minimum> = poisoned.iter().collect();
    let sgd = mine.sgd_solutions();
    let poisoned_train = minefield::spread(
        &poisoned
            .iter()
            .map(|m| m.train_accuracy)
            .collect::<Vec<_>>(),
    );
    let to_final = median(&mine.poisoned_to_final());
    let between = mine.between_sgd_solutions();
    let between_median = median(&between);
    let travelled = mine.sgd_start_to_end();
    let starts = mine.poison_starts_to_final();
    let dist = |(lo, mid, hi): (f64, f64, f64)| format!("{lo:.2}–{hi:.2}, median {mid:.2}");
    let width_claim = |name: &str, id: &'static str| {
        let curve = r
            .width
            .iter()
            .find(|c| c.name == name)
            .expect("both parametrisations");
        let rising = curve.reversed();
        let (narrow, wide) = curve.ends();
        let never_worse = |c: &crate::width::WidthCurve| {
            let (narrow, wide) = c.ends();
            c.worst_widening() == 0.0 && wide < narrow
        };
        Claim::statement(
            id,
            Seed::BelrosePope.quote(
                "wider networks usually generalize better, and never generalize worse, than narrow networks",
            ),
            "wider is never worse",
            Test::small(format!(
                "holds if, in {name} parametrisation, no wider network's mean test error exceeds a narrower one's by more than twice their standard error, and the widest beats the narrowest (test error {:.1}% at width {}, {:.1}% at width {})",
                100.0 * narrow,
                curve.points[0].width,
                100.0 * wide,
                curve.points[curve.points.len() - 1].width,
            ))
            .on_data(
                percent(wide),
                curve,
                "the counting reading, wider is worse, made concrete: the same measurements in reverse order of width, a curve that rises",
                percent(rising.ends().1),
                &rising,
                never_worse,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3)
    };
    let law = &r.scaling_law;
    let worst_held_out = law.held_out.iter().map(|h| h.rel_error).fold(0.0, f64::max);
    let unbroken_at_essay = law.law.without_break(scaling_law::ESSAY_SIZE);
    let worst_unbroken = law
        .held_out
        .iter()
        .map(|h| (law.law.without_break(h.x) - h.y).abs() / h.y)
        .fold(0.0, f64::max);
    let poly = &r.polynomial;
    let with_null_space: Vec<_> = poly
        .degrees
        .iter()
        .filter(|d| d.null_dimension > 0)
        .collect();
    let typical_extrapolation = with_null_space
        .iter()
        .flat_map(|d| d.typical.iter().map(|t| t.extrapolation_median))
        .fold(f64::INFINITY, f64::min);
    let target_fit_extrapolation = with_null_space
        .iter()
        .map(|d| d.target_fit.extrapolation)
        .fold(f64::INFINITY, f64::min);
    let min_norm_beats = |large: bool| {
        with_null_space
            .iter()
            .flat_map(|d| {
                d.typical
                    .iter()
                    .filter(|t| (t.scale >= 1.0) == large)
                    .map(|t| t.worse_than_min_norm)
            })
            .fold(1.0, f64::min)
    };
    let large_scales: Vec<String> = poly
        .degrees
        .first()
        .map(|d| {
            d.typical
                .iter()
                .filter(|t| t.scale >= 1.0)
                .map(|t| format!("{}", t.scale))
                .collect()
        })
        .unwrap_or_default();
    let dd = r.double_descent.summary();
    let dd_ridge = r.double_descent.summary_of(&r.double_descent.tuned);
    let n_dd = r.double_descent.train_size as f64;
    let peaked = |s: &crate::double_descent::PeakSummary| {
        (0.8 * n_dd..=1.25 * n_dd).contains(&(s.peak.features as f64))
            && s.peak.median() > 3.0 * s.half.median()
    };
    let miller = "More generally, John Miller and colleagues have found training performance is an excellent predictor of test performance, even when the test set looks fairly different from the training set, across a wide variety of tasks and architectures.";
    let per_shift = |value: &dyn Fn(&crate::shift::ShiftLine) -> f64| {
        r.shift
            .lines
            .iter()
            .map(|l| format!("{}: {:.3}", l.shift, value(l)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let zoo_counts = crate::shift::Family::ALL
        .iter()
        .map(|&f| {
            let n = r
                .shift
                .models
                .iter()
                .filter(|m| m.model.family() == f)
                .count();
            format!("{n} {f}")
        })
        .collect::<Vec<_>>()
        .join(", ");
    let own_lines = r
        .shift
        .lines
        .iter()
        .map(|l| {
            let fams = l
                .per_family
                .iter()
                .map(|(f, fit)| match fit {
                    Some((slope, r2)) => format!("{f} {slope:.2}, {r2:.3}"),
                    None => format!("{f} too few models"),
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("{}: {fams}", l.shift)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let ew = &r.epoch_wise;
    let ew_main = &ew.run(epoch_wise::Variant::TwoSpeeds).shape;
    let ew_clean = &ew.run(epoch_wise::Variant::TwoSpeedsClean).shape;
    let ew_one = &ew.run(epoch_wise::Variant::OneSpeed).shape;
    let ew_still = &ew.run(epoch_wise::Variant::OneSpeedClean).shape;
    let ew_speed = 1.0 / (ew.slow_scale * ew.slow_scale);
    let ew_setup = format!(
        "{} samples, {} coordinates at full scale and {} at scale {}, label noise σ = {}",
        ew.train_size, ew.fast_dim, ew.slow_dim, ew.slow_scale, ew.noise
    );
    vec![
        Claim::statement(
            "learning-curve.generalises",
            Seed::BelrosePope.quote(generalise),
            "the published network generalises at the essay's training-set size",
            Test::full(format!(
                "holds if Caballero et al.'s broken power law, fitted to their first {} points, predicts each of the last {} within 5% (worst {:.1}%) and predicts at {} problems a per-token test cross-entropy below half of what the same fit without its break (a + b·x^−c0, the power law the curve followed before it) predicts there ({:.3} nats). The published point at the largest size already lies below that half, so what the fit could fail is its prediction of the held-out points. Cross-entropy per token, not whole sums right: the data give no accuracies",
                law.fit_points,
                law.held_out.len(),
                100.0 * worst_held_out,
                scaling_law::ESSAY_SIZE,
                unbroken_at_essay,
            ))
            .on_data(
                Quantity::Real(law.essay_prediction),
                &(worst_held_out, law.essay_prediction),
                format!("the curve without its break, a + b·x^−c0 from the same fit (held-out points missed by up to {:.0}%)", 100.0 * worst_unbroken),
                Quantity::Real(unbroken_at_essay),
                &(worst_unbroken, unbroken_at_essay),
                |&(worst, at_essay): &(f64, f64)| worst < 0.05 && at_essay < 0.5 * unbroken_at_essay,
            ),
            Verdict::Reproduced,
        ).unit("nats").digits(3),
        Claim::statement(
            "polynomial.almost-all-terrible",
            Seed::BelrosePope.quote("there are infinitely many polynomials of order equal to or greater than the number of data points which interpolate the training data perfectly, and “almost all” such polynomials are terrible at extrapolating to unseen points."),
            "almost all interpolating polynomials extrapolate terribly",
            Test::full(format!(
                "holds if, at every degree from {} to {} with {} points and at every offset scale, the median sampled interpolant's mean squared error beyond the data (on [1, {}]) exceeds {:.3}, the error there of the constant that predicts the target's mean over [0, 1]; the value is the smallest such median",
                with_null_space.first().map_or(0, |d| d.degree),
                with_null_space.last().map_or(0, |d| d.degree),
                poly.train_x.len(),
                poly.extrapolate_to,
                poly.mean_prediction_extrapolation,
            ))
            .on(
                Quantity::Real(typical_extrapolation),
                "polynomials of the same degrees with the target's shape: least squares to the noiseless target on [0, 1] rather than through the ten noisy points (the smallest error over degrees)",
                Quantity::Real(target_fit_extrapolation),
                |q| real(q) > poly.mean_prediction_extrapolation,
            ),
            Verdict::Reproduced,
        ).digits(3),
        Claim::statement(
            "polynomial.min-norm-is-not-typical",
            Seed::BelrosePope.quote("These results strongly suggest that SGD is not doing anything like sampling uniformly at random from the set of representable functions that do well on the training set."),
            "gradient descent does not pick a typical interpolant",
            Test::small(format!(
                "holds if the minimum-norm interpolant (where gradient descent from zero converges) has lower error on [0, 1] than at least 90% of sampled interpolants at every degree, the samples offset from it in the null space by {} times its own norm; offsets that large add an error growing with their square, so at these scales the outcome is all but fixed by the choice of scale",
                large_scales.join(" and "),
            ))
            .on(
                percent(min_norm_beats(true)),
                format!("typical interpolants at a small offset, {} times the minimum-norm coefficients' norm, close to the minimum-norm one", crate::polynomial::SMALL_SCALE),
                percent(min_norm_beats(false)),
                |q| real(q) >= 90.0,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3),
        Claim::statement(
            "double-descent.interpolation-peak",
            Seed::CarlsmithCounting.quote("But at that point, the test error is actually high."),
            "test error is high where training error first reaches zero",
            Test::small(format!(
                "holds if, in random-features regression with {} samples, the minimum-norm fit's median test error peaks within [0.8n, 1.25n] features (peak at {}) at more than three times its value at n/2 (the model-wise analog of the epoch-wise curve the quote describes)",
                r.double_descent.train_size,
                dd.peak.features
            ))
            .on_data(
                Quantity::Real(dd.peak.median() / dd.half.median()),
                &dd,
                format!("no peak: the tuned-ridge fit at the same widths (its highest error at {} features)", dd_ridge.peak.features),
                Quantity::Real(dd_ridge.peak.median() / dd_ridge.half.median()),
                &dd_ridge,
                peaked,
            ),
            Verdict::Qualitative,
        ).unit("×").digits(3),
        Claim::statement(
            "double-descent.descends-again",
            Seed::CarlsmithCounting.quote("Then, if you train more, the test error eventually goes down again."),
            "past the interpolation threshold, test error falls again",
            Test::small(format!(
                "holds if, with ten times as many features as samples, the minimum-norm fit's median test error is below its value at n/2 ({:.3} at n/2; more features stand in for the quote's longer training)",
                dd.half.median()
            ))
            .on(
                Quantity::Real(dd.tenfold.median()),
                "no second descent: the error staying at its peak as features are added, as more capacity meaning more overfitting would have it",
                Quantity::Real(dd.peak.median()),
                |q| real(q) < dd.half.median(),
            ),
            Verdict::Qualitative,
        ).digits(3),
        Claim::statement(
            "double-descent.epoch-wise-peak",
            Seed::CarlsmithCounting.quote("But at that point, the test error is actually high."),
            "trained longer at a fixed size, test error rises after its first minimum",
            Test::small(format!(
                "holds if, in linear regression by full-batch gradient descent with two groups of input coordinates, one learning {} times more slowly than the other ({ew_setup}), the mean test error at the peak exceeds that at the dip before it by more than twice the standard error of the per-seed difference and by at least a tenth; dip and peak are located on the mean curve of {} seeds and measured on {} others (dip at step {}, error {:.3}; peak at step {}, error {:.3}, training error there {:.3}, against a label-noise variance of {:.3} and a training error of {:.3} after {} steps). Changed after the first run: the rule first located the peak against the error at the last step, where it has risen again, and found none; the peak is now the step standing highest above the lowest error on both sides. With clean labels the two-speed run rises too ({:.3}× from dip to peak): here the slow coordinates' unlearned signal is noise to the fast ones",
                count(ew_speed.round() as u64),
                ew.locating,
                ew.measuring,
                count(ew_main.dip_step),
                ew_main.dip,
                count(ew_main.peak_step),
                ew_main.peak,
                ew_main.train_at_peak,
                ew.noise * ew.noise,
                ew_main.train_at_last,
                count(ew_main.last_step),
                ew_clean.peak / ew_clean.dip,
            ))
            .on_data(
                Quantity::Real(ew_main.peak / ew_main.dip),
                ew_main,
                "gradient descent with nothing to overfit: one speed and clean labels, whose test error can only fall",
                Quantity::Real(ew_still.peak / ew_still.dip),
                ew_still,
                epoch_wise::Shape::rises,
            ),
            Verdict::Qualitative,
        ).unit("×").digits(3),
        Claim::statement(
            "double-descent.epoch-wise-descends-again",
            Seed::CarlsmithCounting.quote("Then, if you train more, the test error eventually goes down again."),
            "trained longer still, test error falls again below its peak",
            Test::small(format!(
                "holds if, in the same runs, the mean test error at the lowest point after the peak (located on the locating seeds: step {}, error {:.3}) is below the peak's ({:.3}) by more than twice the standard error of the per-seed difference and by at least a tenth. The value is that low as a share of the peak. It is not the end of training: by step {}, where gradient descent has converged to least squares, the error is back up to {:.3}",
                count(ew_main.later_step),
                ew_main.later,
                ew_main.peak,
                count(ew_main.last_step),
                ew_main.last,
            ))
            .on_data(
                Quantity::Real(ew_main.later / ew_main.peak),
                ew_main,
                format!("Heckel & Yilmaz's remedy, each group's step size matched to its scale so that both learn at one speed, with the same noisy labels: a single U, falling to step {} and rising to the end", count(ew_one.dip_step)),
                Quantity::Real(ew_one.later / ew_one.peak),
                ew_one,
                epoch_wise::Shape::falls_again,
            ),
            Verdict::Qualitative,
        ).unit("×").digits(3),
        Claim::not_checkable(
            "double-descent.epoch-wise-longer-is-better",
            Seed::CarlsmithCounting.quote("That is, there are multiple models that all get zero training error, and somehow training longer eventually lets you find the model that generalizes better."),
            "training to the end finds a model that generalises better than the one at the peak",
            "the sentence is about models that all reach zero training error; the book's epoch-wise model has fewer coefficients than samples, so with noisy labels it never fits its training set, and gradient descent run to the end lands on least squares, which overfits the noise again: the toy cannot reach the regime the sentence describes (an over-parametrised model trained to interpolation would be needed)",
        ),
        Claim::statement(
            "training.beats-counting",
            Seed::BelrosePope.quote(generalise),
            "trained networks do better on unseen problems than the counting prior's 1 in 19,999",
            Test::small(format!(
                "holds if MLPs trained on {essay_size} problems answer so many held-out problems entirely right ({correct_992} of {trials_992}) that the counting prior, right on each with chance 1 in {}, would do as well with chance below 10^-6 (computed: 10^{:.1}). This asks for better than chance, not for generalising",
                add.possible_sums,
                chance_992.unwrap_or(0.0)
            ))
            .on_data(
                percent(at_992),
                &chance_992,
                "the same MLP trained on the same problems with their sums shuffled among them, so that inputs and answers are unrelated",
                percent(add.shuffled_test_accuracy()),
                &chance_shuffled,
                |chance: &Option<f64>| chance.is_some_and(|l| l < -6.0),
            ),
            Verdict::Qualitative,
        ).unit("%").digits(2),
        Claim::statement(
            "training.generalises-at-992",
            Seed::BelrosePope.quote(generalise),
            "networks trained on the essay's training set generalise (tested on the book's plain one-hot MLP, not the architecture and recipe of the essay's source)",
            Test::small(format!(
                "holds if a plain MLP trained on {essay_size} problems gets at least half of held-out sums entirely right"
            ))
            .on(
                percent(at_992),
                format!("the same MLP trained on {largest} problems, showing what meeting the bar looks like"),
                percent(at_largest),
                |q| real(q) >= 50.0,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(2),
        Claim::statement(
            "training.more-data-generalises",
            Seed::BelrosePope.quote("Neural networks almost always learn genuine patterns in the training set which do generalize, albeit imperfectly, to unseen test data."),
            "networks learn patterns that generalise",
            Test::small(format!(
                "holds if with {largest} training problems (a share {:.3}% of all pairs) the MLP gets at least half of held-out sums entirely right",
                100.0 * largest as f64 / 1e8
            ))
            .on(
                percent(at_largest),
                format!("the counting prior: each held-out sum right with chance 1 in {}", add.possible_sums),
                percent(add.counting_prediction),
                |q| real(q) >= 50.0,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3),
        Claim::statement(
            "minefield.bad-minima",
            Seed::BelrosePope.quote("All blue dots achieve near perfect train accuracy, but with test accuracy below 53% (random chance is 50%)."),
            "poisoned nets: near-perfect train accuracy, test accuracy below 53%",
            Test::small(format!(
                "holds if every poisoned net has at least 98% train and below 53% test accuracy; the value is the lowest train accuracy among them ({} poisoned nets after {} full-batch Adam steps on the training and flipped points: train accuracy {}, flipped points fitted {}, test accuracy {}; the {} SGD solutions: train {}, test {})",
                poisoned.len(),
                count(mine.poison_steps),
                of(&poisoned_refs, |m| m.train_accuracy),
                of(&poisoned_refs, |m| m.flipped_accuracy),
                of(&poisoned_refs, |m| m.test_accuracy),
                sgd.len(),
                of(&sgd, |m| m.train_accuracy),
                of(&sgd, |m| m.test_accuracy),
            ))
            .on_data(
                percent(poisoned_train.0),
                poisoned_scores.as_slice(),
                "a typical consistent function under the counting prior: right on every training point by construction, and on the test set right half the time in expectation (the chance the quote names)",
                percent(1.0),
                &[(1.0, 0.5)],
                all_bad,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(3),
        Claim::statement(
            "minefield.sgd-generalises",
            Seed::BelrosePope.quote("The final iterate of SGD (yellow star) also achieves perfect train accuracy, but with 98.5% test accuracy."),
            "SGD's final iterate fits the training set and generalises",
            Test::small(format!(
                "holds if the first clean run's final network has 100% train and at least 95% test accuracy (train {:.1}%; over all {} clean runs from different seeds: train {}, test {})",
                100.0 * mine.clean.train_accuracy,
                sgd.len(),
                of(&sgd, |m| m.train_accuracy),
                of(&sgd, |m| m.test_accuracy),
            ))
            .on_data(
                percent(mine.clean.test_accuracy),
                &(mine.clean.train_accuracy, mine.clean.test_accuracy),
                format!(
                    "the same network untrained, at its random initialisation ({:.1}% train)",
                    100.0 * mine.untrained.train_accuracy
                ),
                percent(mine.untrained.test_accuracy),
                &(mine.untrained.train_accuracy, mine.untrained.test_accuracy),
                |&(train, test): &(f64, f64)| train == 1.0 && test >= 0.95,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3),
        Claim::statement(
            "minefield.close-to-path",
            Seed::BelrosePope.quote("What’s more, the poisoned nets are usually quite “close” in parameter space to the generalizing networks that SGD actually finds"),
            "poisoned nets lie close to the network SGD finds",
            Test::small(format!(
                "holds if the median poisoned net is closer to the first clean run's final network than the median distance between the final networks of clean runs from different seeds; the value is that median distance as a share of the yardstick ({} poisoned nets, distances to SGD's final network {}; {} pairs of SGD solutions, {}; SGD's start to its end, {})",
                poisoned.len(),
                dist(minefield::spread(&mine.poisoned_to_final())),
                between.len(),
                dist(minefield::spread(&between)),
                dist(minefield::spread(&travelled)),
            ))
            .on(
                percent(to_final / between_median),
                format!(
                    "the clean checkpoints the poisoned runs started from, before poisoning moved them ({})",
                    dist(minefield::spread(&starts))
                ),
                percent(median(&starts) / between_median),
                |q| real(q) < 100.0,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(3),
        width_claim("µP", "width.never-worse-mup"),
        width_claim("standard", "width.never-worse-standard"),
        Claim::statement(
            "shift.accuracy-on-the-line",
            Seed::BelrosePope.quote(miller),
            "in-distribution accuracy predicts shifted accuracy",
            Test::small(format!(
                "holds if, under each of {} shifts, a line through the probit-scaled accuracies (shifted against in-distribution) of all {} models of three families ({}) has R² of at least 0.9; the value is the lowest R² ({})",
                r.shift.lines.len(),
                r.shift.models.len(),
                zoo_counts,
                per_shift(&|l| l.r_squared),
            ))
            .on_data(
                Quantity::Real(r.shift.worst(|l| l.r_squared).r_squared),
                &r.shift.lines.iter().map(|l| l.r_squared).collect::<Vec<_>>(),
                format!(
                    "the same accuracies with their pairing shuffled, in-distribution accuracy predicting nothing (median of {} shuffles; {})",
                    crate::shift::SHUFFLES,
                    per_shift(&|l| l.shuffled_r_squared),
                ),
                Quantity::Real(r.shift.worst(|l| l.shuffled_r_squared).shuffled_r_squared),
                &r.shift.lines.iter().map(|l| l.shuffled_r_squared).collect::<Vec<_>>(),
                |r2: &Vec<f64>| r2.iter().all(|&x| x >= 0.9),
            ),
            Verdict::Qualitative,
        ).digits(3),
        Claim::statement(
            "shift.one-line-across-families",
            Seed::BelrosePope.quote(miller),
            "the line holds across architectures: one family's shifted accuracy is predicted by the others' line",
            Test::small(format!(
                "holds if, under each shift, the line through two families' probit-scaled accuracies predicts the third family's shifted accuracy, for each family in turn, with an R² over all those predictions of at least 0.9; the value is the lowest such R² ({}). Each family's own line, slope and R²: {}",
                per_shift(&|l| l.across_families),
                own_lines,
            ))
            .on_data(
                Quantity::Real(r.shift.worst(|l| l.across_families).across_families),
                &r.shift.lines.iter().map(|l| l.across_families).collect::<Vec<_>>(),
                format!(
                    "groups that differ in less than family: the MLPs alone, split by width into three groups of consecutive widths, each predicted by the other two's line ({}; for comparison, the families with the pairing shuffled score {})",
                    per_shift(&|l| l.across_mlp_widths),
                    per_shift(&|l| l.shuffled_across_families),
                ),
                Quantity::Real(r.shift.worst(|l| l.across_mlp_widths).across_mlp_widths),
                &r.shift
                    .lines
                    .iter()
                    .map(|l| l.across_mlp_widths)
                    .collect::<Vec<_>>(),
                |r2: &Vec<f64>| r2.iter().all(|&x| x >= 0.9),
            ),
            Verdict::NotReproduced,
        ).digits(3),
    ]
}

/// Replies about the form of the counting argument that no computation here decides: each
/// recorded with what would decide it.
pub fn reply_claims() -> Vec<Claim> {
    vec![
        Claim::not_checkable(
            "parody.premises-stronger",
            Seed::BelrosePope.quote(
                "Since the premises of this parody argument are actually stronger than those of the original counting argument, this shows that counting arguments are generally unsound in this domain.",
            ),
            "the parody's premises are stronger than the original counting argument's, so the form of argument is unsound here",
            "how strong a premise is has no number; what the book can say is that the parody's count is computed exactly from the essay's set-up (addition.consistent-mappings) while no text gives a count for the original (toy.prior-made-up), so the parody's premise is at least the better specified",
        ),
        Claim::not_checkable(
            "xu.dual-counting",
            Seed::CarlsmithCounting.quote(
                "Taking the dual statement, that suggests that for any given objective, most models that optimize for that objective will do so for instrumental reasons.",
            ),
            "since a capable model optimises for many things, most of them not terminally, most models that optimise for a given objective do so instrumentally (Mark Xu, as Carlsmith quotes him)",
            "a count over the pairs of a model and a thing it optimises for; taking the dual needs every objective to be as often terminal as any other, an indifference over objectives that is the premise in dispute, and there is no population of capable models whose objectives the book could count",
        ),
    ]
}
