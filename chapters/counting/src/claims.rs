//! The chapter's claims: each number the sources state about counting, and each testable
//! statement about what training does, beside what the chapter computes for it.

use crate::addition::AdditionTask;
use crate::experiments::{self, Results};
use crate::proportion::log10_share_above;
use certified::Enclosure;
use ledger::{Claim, Computed, Quantity, Seed, Stated, Verdict};

const CHAPTER: &str = "counting";

/// Significant digits for the proportion: more than any source prints, to show the bounds
/// agree well past the point where the essay says computation fails.
pub const PROPORTION_DIGITS: usize = 6;

/// The threshold at which the proportion must fall for "virtually all" consistent mappings
/// to overfit: one in a googol.
pub const VIRTUALLY_ALL_LOG10: f64 = -100.0;

fn log10(e: &Enclosure) -> Quantity {
    Quantity::Log10 {
        lo: e.lo_f64(),
        hi: e.hi_f64(),
    }
}

/// Every claim of the chapter: the arithmetic at the essay's setting, the experiments at
/// the book's scale.
pub fn claims() -> Vec<Claim> {
    claims_from(experiments::book())
}

/// Every claim of the chapter, with the experiments' results given.
pub fn claims_from(results: &Results) -> Vec<Claim> {
    let mut all = arithmetic_claims();
    all.extend(training_claims(results));
    all
}

/// The counting argument's arithmetic, at the essay's setting.
pub fn arithmetic_claims() -> Vec<Claim> {
    let task = AdditionTask::essay();
    let share = log10_share_above(&task, task.unseen_pairs(), 50)
        .expect("the essay's setting is far above chance");
    let share_q = log10(&share);
    let share_prints =
        ledger::number::format(&share_q, PROPORTION_DIGITS, ledger::Style::Plain).is_ok();
    let megabytes = task.megabytes_per_mapping();
    vec![
        Claim {
            id: "addition.input-pairs",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("There are 10,0002 = 100,000,000 possible pairs of input numbers"),
            stated: Stated::Exact(100_000_000),
            computed: Computed::Number(Quantity::Integer(task.input_pairs().into())),
            unit: "",
            digits: 0,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.possible-sums",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("and 19,999 possible sums"),
            stated: Stated::Exact(19_999),
            computed: Computed::Number(Quantity::Integer(task.possible_sums().into())),
            unit: "",
            digits: 0,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.mappings",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "for a total of 19,999100,000,000 ≈ 1.10 ⨉ 10430,100,828 possible input-output mappings",
            ),
            stated: Stated::Rounded {
                qualifier: "≈",
                digits: "1.10",
                exponent: 430_100_828,
            },
            computed: Computed::Number(log10(&task.log10_mappings())),
            unit: "",
            digits: 6,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.training-set-size",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("They used a training dataset of 992 problems"),
            stated: Stated::Unverifiable("992 training problems"),
            computed: Computed::Nothing {
                why: "the published learning-curve data (Caballero et al.) stop at 928 training examples; the book takes the essay's 992 as given",
            },
            unit: "",
            digits: 0,
            expect: Verdict::NotCheckable,
        },
        Claim {
            id: "addition.consistent-mappings",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "so there are therefore 19,999100,000,000 – 992 ≈ 2.75 ⨉ 10430,096,561 functions that achieve perfect training accuracy",
            ),
            stated: Stated::Rounded {
                qualifier: "≈",
                digits: "2.75",
                exponent: 430_096_561,
            },
            computed: Computed::Number(log10(&task.log10_consistent_mappings())),
            unit: "",
            digits: 6,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.mapping-size",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("Each mapping would require roughly 179 megabytes of information to specify."),
            stated: Stated::Rounded {
                qualifier: "roughly",
                digits: "179",
                exponent: 0,
            },
            computed: Computed::Number(Quantity::Real(
                (megabytes.lo_f64() + megabytes.hi_f64()) / 2.0,
            )),
            unit: "MB",
            digits: 6,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "proportion.too-small-to-compute",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "the proportion with greater than 50% test accuracy is literally too small to compute using standard high-precision math tools",
            ),
            stated: Stated::Statement("too small to compute"),
            computed: Computed::full(
                format!(
                    "holds only if no rigorous enclosure of the proportion agrees on {PROPORTION_DIGITS} significant digits"
                ),
                !share_prints,
                share_q,
            ),
            unit: "",
            digits: PROPORTION_DIGITS,
            expect: Verdict::Contradicted,
        },
        Claim {
            id: "proportion.virtually-all-overfit",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "Hence, this argument predicts virtually all networks trained on this problem should massively overfit",
            ),
            stated: Stated::Statement("virtually all consistent mappings overfit"),
            computed: Computed::full(
                "holds if under a uniform prior over consistent mappings fewer than one in a googol (10^-100) beat 50% test accuracy".to_string(),
                share.hi_f64() < VIRTUALLY_ALL_LOG10,
                share_q,
            ),
            unit: "",
            digits: PROPORTION_DIGITS,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "proportion.mpmath-underflow",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("It underflows to zero in the Python mpmath library, and WolframAlpha times out."),
            stated: Stated::Unverifiable("underflows in mpmath; WolframAlpha times out"),
            computed: Computed::Nothing {
                why: "the footnote gives neither the expression evaluated nor the precision; the book runs neither tool",
            },
            unit: "",
            digits: 0,
            expect: Verdict::NotCheckable,
        },
    ]
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
    let generalise =
        "contradicting the empirical result that networks do generalize to the test set";
    let mine = &r.minefield;
    let poisoned = &mine.poisoned;
    let n = poisoned.len() as f64;
    let mean_train = poisoned.iter().map(|m| m.train_accuracy).sum::<f64>() / n;
    let mean_test = poisoned.iter().map(|m| m.test_accuracy).sum::<f64>() / n;
    let all_bad = poisoned
        .iter()
        .all(|m| m.train_accuracy >= 0.98 && m.test_accuracy < 0.53);
    let width_claim = |name: &str, id: &'static str| {
        let curve = r
            .width
            .iter()
            .find(|c| c.name == name)
            .expect("both parametrisations");
        let (narrow, wide) = curve.ends();
        Claim {
            id,
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "wider networks usually generalize better, and never generalize worse, than narrow networks",
            ),
            stated: Stated::Statement("wider is never worse"),
            computed: Computed::small(
                format!(
                    "holds if, in {name} parametrisation, no wider network's mean test error exceeds a narrower one's by more than twice their standard error, and the widest beats the narrowest (test error {:.1}% at width {}, {:.1}% at width {})",
                    100.0 * narrow,
                    curve.points[0].width,
                    100.0 * wide,
                    curve.points[curve.points.len() - 1].width,
                ),
                curve.worst_widening() == 0.0 && wide < narrow,
                percent(wide),
            ),
            unit: "%",
            digits: 3,
            expect: Verdict::Qualitative,
        }
    };
    let law = &r.scaling_law;
    let worst_held_out = law.held_out.iter().map(|h| h.rel_error).fold(0.0, f64::max);
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
    let min_norm_beats = with_null_space
        .iter()
        .flat_map(|d| d.typical.iter().map(|t| t.worse_than_min_norm))
        .fold(1.0, f64::min);
    let dd = r.double_descent.summary();
    let n_dd = r.double_descent.train_size as f64;
    vec![
        Claim {
            id: "learning-curve.generalises",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(generalise),
            stated: Stated::Statement("the published network generalises at the essay's training-set size"),
            computed: Computed::full(
                format!(
                    "holds if Caballero et al.'s broken power law, fitted to their first {} points, predicts the last {} within 5% (worst {:.1}%) and predicts at {essay_size} problems a test cross-entropy below half of ln 10, the loss of guessing a digit uniformly (their points are per-token cross-entropy; the model is not reproduced here)",
                    law.fit_points,
                    law.held_out.len(),
                    100.0 * worst_held_out
                ),
                worst_held_out < 0.05 && law.essay_prediction < 0.5 * std::f64::consts::LN_10,
                Quantity::Real(law.essay_prediction),
            ),
            unit: "nats",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "polynomial.almost-all-terrible",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("there are infinitely many polynomials of order equal to or greater than the number of data points which interpolate the training data perfectly, and “almost all” such polynomials are terrible at extrapolating to unseen points."),
            stated: Stated::Statement("almost all interpolating polynomials extrapolate terribly"),
            computed: Computed::full(
                format!(
                    "holds if, at every degree from {} to {} with {} points, the median sampled interpolant's squared error beyond the data exceeds 1 (the variance of the target)",
                    with_null_space.first().map_or(0, |d| d.degree),
                    with_null_space.last().map_or(0, |d| d.degree),
                    poly.train_x.len()
                ),
                !with_null_space.is_empty() && typical_extrapolation > 1.0,
                Quantity::Real(typical_extrapolation),
            ),
            unit: "",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "polynomial.min-norm-is-not-typical",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("These results strongly suggest that SGD is not doing anything like sampling uniformly at random from the set of representable functions that do well on the training set."),
            stated: Stated::Statement("gradient descent does not pick a typical interpolant"),
            computed: Computed::small(
                "holds if the minimum-norm interpolant (where gradient descent from zero converges) has lower error on [0, 1] than at least 90% of sampled interpolants at every degree and scale".to_string(),
                min_norm_beats >= 0.9,
                percent(min_norm_beats),
            ),
            unit: "%",
            digits: 3,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "double-descent.interpolation-peak",
            chapter: CHAPTER,
            source: Seed::CarlsmithCounting.quote("But at that point, the test error is actually high."),
            stated: Stated::Statement("test error is high where training error first reaches zero"),
            computed: Computed::small(
                format!(
                    "holds if, in random-features regression with {} samples, the minimum-norm fit's median test error peaks within [0.8n, 1.25n] features (peak at {}) at more than three times its value at n/2 (the model-wise analog of the epoch-wise curve the quote describes)",
                    r.double_descent.train_size,
                    dd.peak.features
                ),
                (0.8 * n_dd..=1.25 * n_dd).contains(&(dd.peak.features as f64))
                    && dd.peak.median() > 3.0 * dd.half.median(),
                Quantity::Real(dd.peak.median() / dd.half.median()),
            ),
            unit: "×",
            digits: 3,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "double-descent.descends-again",
            chapter: CHAPTER,
            source: Seed::CarlsmithCounting.quote("Then, if you train more, the test error eventually goes down again."),
            stated: Stated::Statement("past the interpolation threshold, test error falls again"),
            computed: Computed::small(
                format!(
                    "holds if, with ten times as many features as samples, the minimum-norm fit's median test error is below its value at n/2 ({:.3} at n/2; more features stand in for the quote's longer training)",
                    dd.half.median()
                ),
                dd.tenfold.median() < dd.half.median(),
                Quantity::Real(dd.tenfold.median()),
            ),
            unit: "",
            digits: 3,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "training.beats-counting",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(generalise),
            stated: Stated::Statement("trained networks do better on unseen problems than the counting prior's 1 in 19,999"),
            computed: Computed::small(
                format!(
                    "holds if MLPs trained on {essay_size} problems answer so many held-out problems right that the counting prior (each right with chance {:.4}%) would do as well with chance below 10^-6 (computed: 10^{:.1})",
                    100.0 * add.counting_prediction,
                    chance_992.unwrap_or(0.0)
                ),
                chance_992.is_some_and(|l| l < -6.0),
                percent(at_992),
            ),
            unit: "%",
            digits: 2,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "training.generalises-at-992",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(generalise),
            stated: Stated::Statement("networks trained on the essay's training set generalise"),
            computed: Computed::small(
                format!(
                    "holds if a plain MLP trained on {essay_size} problems gets at least half of held-out sums entirely right"
                ),
                at_992 >= 0.5,
                percent(at_992),
            ),
            unit: "%",
            digits: 2,
            expect: Verdict::NotReproduced,
        },
        Claim {
            id: "training.more-data-generalises",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("Neural networks almost always learn genuine patterns in the training set which do generalize, albeit imperfectly, to unseen test data."),
            stated: Stated::Statement("networks learn patterns that generalise"),
            computed: Computed::small(
                format!(
                    "holds if with {largest} training problems (a share {:.3}% of all pairs) the MLP gets at least half of held-out sums entirely right",
                    100.0 * largest as f64 / 1e8
                ),
                at_largest >= 0.5,
                percent(at_largest),
            ),
            unit: "%",
            digits: 3,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "minefield.bad-minima",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("All blue dots achieve near perfect train accuracy, but with test accuracy below 53% (random chance is 50%)."),
            stated: Stated::Statement("poisoned nets: near-perfect train accuracy, test accuracy below 53%"),
            computed: Computed::small(
                format!(
                    "holds if every poisoned net has at least 98% train and below 53% test accuracy (mean over {} poisoned nets: {:.1}% train, {:.1}% test)",
                    poisoned.len(),
                    100.0 * mean_train,
                    100.0 * mean_test
                ),
                all_bad,
                percent(mean_test),
            ),
            unit: "%",
            digits: 3,
            expect: Verdict::NotReproduced,
        },
        Claim {
            id: "minefield.sgd-generalises",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("The final iterate of SGD (yellow star) also achieves perfect train accuracy, but with 98.5% test accuracy."),
            stated: Stated::Statement("SGD's final iterate fits the training set and generalises"),
            computed: Computed::small(
                format!(
                    "holds if the clean run's final network has 100% train and at least 95% test accuracy (train {:.1}%)",
                    100.0 * mine.clean.train_accuracy
                ),
                mine.clean.train_accuracy == 1.0 && mine.clean.test_accuracy >= 0.95,
                percent(mine.clean.test_accuracy),
            ),
            unit: "%",
            digits: 3,
            expect: Verdict::Qualitative,
        },
        Claim {
            id: "minefield.close-to-path",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("What’s more, the poisoned nets are usually quite “close” in parameter space to the generalizing networks that SGD actually finds"),
            stated: Stated::Statement("poisoned nets lie close to SGD's path"),
            computed: Computed::small(
                "holds if the median poisoned net lies within half the SGD path's length of its nearest checkpoint".to_string(),
                mine.median_distance_to_path() < 0.5,
                percent(mine.median_distance_to_path()),
            ),
            unit: "%",
            digits: 2,
            expect: Verdict::Qualitative,
        },
        width_claim("µP", "width.never-worse-mup"),
        width_claim("standard", "width.never-worse-standard"),
        Claim {
            id: "shift.accuracy-on-the-line",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("More generally, John Miller and colleagues have found training performance is an excellent predictor of test performance, even when the test set looks fairly different from the training set, across a wide variety of tasks and architectures."),
            stated: Stated::Statement("in-distribution accuracy predicts shifted accuracy"),
            computed: Computed::small(
                format!(
                    "holds if, over {} networks, a line through the probit-scaled accuracies (shifted against in-distribution) has R² of at least 0.9",
                    r.shift.models.len()
                ),
                r.shift.r_squared >= 0.9,
                Quantity::Real(r.shift.r_squared),
            ),
            unit: "",
            digits: 3,
            expect: Verdict::Qualitative,
        },
    ]
}
