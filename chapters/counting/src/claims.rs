//! The chapter's claims: each number the sources state about counting, beside what the
//! chapter computes for it.

use crate::addition::AdditionTask;
use crate::proportion::log10_share_above;
use certified::Enclosure;
use ledger::{Claim, Computed, Quantity, Scale, Seed, Source, Stated, Verdict};

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

/// Every claim of the chapter, computed at the essay's setting.
pub fn claims() -> Vec<Claim> {
    let task = AdditionTask::essay();
    let essay = |quote| Source {
        seed: Seed::BelrosePope,
        quote,
    };
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
            source: essay("There are 10,0002 = 100,000,000 possible pairs of input numbers"),
            stated: Stated::Exact(100_000_000),
            computed: Computed::Number(Quantity::Integer(task.input_pairs().into())),
            unit: "",
            digits: 0,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.possible-sums",
            chapter: CHAPTER,
            source: essay("and 19,999 possible sums"),
            stated: Stated::Exact(19_999),
            computed: Computed::Number(Quantity::Integer(task.possible_sums().into())),
            unit: "",
            digits: 0,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "addition.mappings",
            chapter: CHAPTER,
            source: essay(
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
            source: essay("They used a training dataset of 992 problems"),
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
            source: essay(
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
            source: essay("Each mapping would require roughly 179 megabytes of information to specify."),
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
            source: essay(
                "the proportion with greater than 50% test accuracy is literally too small to compute using standard high-precision math tools",
            ),
            stated: Stated::Statement("too small to compute"),
            computed: Computed::Criterion {
                criterion: format!(
                    "holds only if no rigorous enclosure of the proportion agrees on {PROPORTION_DIGITS} significant digits"
                ),
                holds: !share_prints,
                value: share_q,
                scale: Scale::Full,
            },
            unit: "",
            digits: PROPORTION_DIGITS,
            expect: Verdict::Contradicted,
        },
        Claim {
            id: "proportion.virtually-all-overfit",
            chapter: CHAPTER,
            source: essay(
                "Hence, this argument predicts virtually all networks trained on this problem should massively overfit",
            ),
            stated: Stated::Statement("virtually all consistent mappings overfit"),
            computed: Computed::Criterion {
                criterion: "holds if under a uniform prior over consistent mappings fewer than one in a googol (10^-100) beat 50% test accuracy".to_string(),
                holds: share.hi_f64() < VIRTUALLY_ALL_LOG10,
                value: share_q,
                scale: Scale::Full,
            },
            unit: "",
            digits: PROPORTION_DIGITS,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "proportion.mpmath-underflow",
            chapter: CHAPTER,
            source: essay("It underflows to zero in the Python mpmath library, and WolframAlpha times out."),
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
