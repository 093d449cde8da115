//! The Counting chapter: every claim against its source, and the arithmetic against
//! independent computations (exact big-integer counts, plain floating point).

mod common;

use common::{Quote, Seeds, check_quotes, run_chapter_tests};
use std::process::ExitCode;

use certified::Enclosure;
use chapter::Chapter;
use counting::Counting;
use counting::addition::AdditionTask;
use counting::experiments::Results;
use counting::proportion::{
    answers_needed, break_even_chance, log10_share_above, share_in_double_precision,
};
use counting::quotations;
use ledger::Claim;
use num_bigint::BigUint;
use quotation::compare;
use std::path::PathBuf;

fn main() -> ExitCode {
    run_chapter_tests::<Counting>(extras![
        small_counts_match_exact_big_integers,
        essay_scale_counts_agree_with_plain_floating_point,
        share_matches_exact_enumeration_on_small_tasks,
        share_matches_an_independent_floating_point_computation,
        share_bounds_are_tight_at_the_essays_scale,
        share_shrinks_as_the_test_set_or_threshold_grows,
        a_small_change_to_the_arithmetic_fails_with_the_claims_name,
        double_precision_underflows_where_the_enclosure_does_not,
        break_even_chance_is_where_the_conclusion_flips,
        a_second_run_gives_the_same_bytes,
        quotations_are_compared_where_the_quoted_text_matches_best,
        unlocated_quotations_match_nothing_in_carlsmiths_texts,
    ])
}

/// `log10` of a big integer to about 15 significant digits, from its decimal digits alone.
fn log10_of_digits(n: &BigUint) -> f64 {
    let text = n.to_string();
    let lead: f64 = text[..text.len().min(17)].parse().expect("digits");
    (text.len() - text.len().min(17)) as f64 + lead.log10()
}

fn assert_encloses(e: &Enclosure, x: f64, slack: f64, what: &str) {
    assert!(
        e.lo_f64() - slack <= x && x <= e.hi_f64() + slack,
        "{what}: {x} outside [{}, {}]",
        e.lo_f64(),
        e.hi_f64()
    );
}

fn small_counts_match_exact_big_integers(_: &Results) {
    for (digits, training) in [(1, 10), (2, 992), (2, 0)] {
        let task = AdditionTask::new(digits, training).unwrap();
        let sums = BigUint::from(task.possible_sums());
        let all = sums.pow(u32::try_from(task.input_pairs()).unwrap());
        let consistent = sums.pow(u32::try_from(task.unseen_pairs()).unwrap());
        assert_encloses(
            &task.log10_mappings(),
            log10_of_digits(&all),
            1e-9,
            "mappings",
        );
        assert_encloses(
            &task.log10_consistent_mappings(),
            log10_of_digits(&consistent),
            1e-9,
            "consistent mappings",
        );
        let bytes = all.bits() as f64 / 8.0 / 1e6;
        // bits() rounds log2 up to a whole bit: one bit of slack.
        assert_encloses(&task.megabytes_per_mapping(), bytes, 1.0 / 8e6, "megabytes");
    }
}

fn essay_scale_counts_agree_with_plain_floating_point(_: &Results) {
    let task = AdditionTask::essay();
    let f = |n: u64| n as f64 * 19_999f64.log10();
    // f64 carries about 16 digits; at 4·10^8 that leaves ~10^-7 of slack.
    assert_encloses(&task.log10_mappings(), f(100_000_000), 1e-6, "mappings");
    assert_encloses(
        &task.log10_consistent_mappings(),
        f(100_000_000 - 992),
        1e-6,
        "consistent",
    );
    assert!(task.log10_mappings().width_f64() < 1e-60);
}

/// The share of consistent mappings beating `percent`% on `test` problems, counted exactly:
/// Σ_{j ≥ k} C(test, j)·(sums − 1)^(test − j) over sums^test.
fn exact_log10_share(test: u64, percent: u32, sums: u64) -> f64 {
    let k = answers_needed(test, percent);
    let mut numerator = BigUint::ZERO;
    let mut binomial = BigUint::from(1u8); // C(test, j), built up from j = 0
    for j in 0..=test {
        if j >= k {
            let wrong = BigUint::from(sums - 1).pow(u32::try_from(test - j).unwrap());
            numerator += &binomial * wrong;
        }
        binomial = binomial * (test - j) / (j + 1);
    }
    let denominator = BigUint::from(sums).pow(u32::try_from(test).unwrap());
    log10_of_digits(&numerator) - log10_of_digits(&denominator)
}

fn share_matches_exact_enumeration_on_small_tasks(_: &Results) {
    // Thresholds above the mean number correct (test/sums), where the tail bound applies.
    let cases: [(u32, u64, u64, &[u32]); 3] = [
        (1, 10, 90, &[10, 50, 90]),
        (1, 0, 100, &[10, 50, 99]),
        (2, 992, 400, &[1, 10, 50, 90]),
    ];
    for (digits, training, test, percents) in cases {
        let task = AdditionTask::new(digits, training).unwrap();
        for &percent in percents {
            let exact = exact_log10_share(test, percent, task.possible_sums());
            let enclosure = log10_share_above(&task, test, percent).unwrap();
            assert_encloses(
                &enclosure,
                exact,
                1e-9,
                &format!("{digits} digits, {percent}%"),
            );
        }
    }
}

/// The essay-scale share from plain `f64` log-gamma (statrs), a computation independent of
/// the certified crate: good to about 10^-6 in log10, far tighter than the change a
/// miscount (one answer more or less is a factor of about 20,000) would make.
fn share_matches_an_independent_floating_point_computation(_: &Results) {
    use statrs::function::gamma::ln_gamma;
    let task = AdditionTask::essay();
    let (n, s) = (task.unseen_pairs(), task.possible_sums() as f64);
    let k = n / 2 + 1; // more than half right
    let (nf, kf) = (n as f64, k as f64);
    let ln_first = ln_gamma(nf + 1.0) - ln_gamma(kf + 1.0) - ln_gamma(nf - kf + 1.0) - kf * s.ln()
        + (nf - kf) * ((s - 1.0) / s).ln();
    let independent = ln_first / std::f64::consts::LN_10;
    let claims = counting::claims::arithmetic_claims();
    let claim = find(&claims, "proportion.too-small-to-compute");
    let Some(&ledger::Quantity::Log10 { lo, hi }) = claim.computed.value() else {
        panic!("claim `{}` should carry a log10 enclosure", claim.id);
    };
    assert!(
        (lo - 1e-4..=hi + 1e-4).contains(&independent),
        "claim `{}`: the ledger's log10 share [{lo}, {hi}] disagrees with an independent \
         f64 computation, {independent}",
        claim.id
    );
}

fn share_bounds_are_tight_at_the_essays_scale(_: &Results) {
    let task = AdditionTask::essay();
    let share = log10_share_above(&task, task.unseen_pairs(), 50).unwrap();
    // The tail bound's two sides differ by a factor of at most 1 + r²/(1 − r), r ≈ 1/19,998.
    assert!(share.width_f64() < 1e-8, "width {}", share.width_f64());
}

fn share_shrinks_as_the_test_set_or_threshold_grows(_: &Results) {
    let task = AdditionTask::essay();
    let at = |n, p| log10_share_above(&task, n, p).unwrap().hi_f64();
    assert!(at(1_000, 50) < at(100, 50));
    assert!(at(1_000, 90) < at(1_000, 50));
}

fn a_small_change_to_the_arithmetic_fails_with_the_claims_name(_: &Results) {
    // One more training problem moves log10 by log10(19,999) ≈ 4.3: the claim must fail.
    let mut claim = find(
        &counting::claims::arithmetic_claims(),
        "addition.consistent-mappings",
    )
    .clone();
    let shifted = AdditionTask::new(4, 993)
        .unwrap()
        .log10_consistent_mappings();
    claim.computed = ledger::Computed::Number(ledger::Quantity::Log10 {
        lo: shifted.lo_f64(),
        hi: shifted.hi_f64(),
    });
    // The unchanged claim earns its verdict, so the failure below is the change's doing.
    let original = find(
        &counting::claims::arithmetic_claims(),
        "addition.consistent-mappings",
    )
    .check()
    .map(|a| a.verdict);
    assert_eq!(original, Ok(ledger::Verdict::Reproduced));
    // The shifted value is decidably outside the stated rounding: contradicted, not
    // undecided or malformed, which would also be an error.
    let assessment = claim
        .assess()
        .unwrap_or_else(|e| panic!("a shift of 4.3 in log10 must be decidable: {e}"));
    assert_eq!(
        assessment.verdict,
        ledger::Verdict::Contradicted,
        "{}",
        assessment.reason
    );
    assert!(
        assessment
            .reason
            .contains("does not round to the stated ≈ 2.75 × 10^430,096,561"),
        "{}",
        assessment.reason
    );
    let message = claim.check().unwrap_err();
    assert!(
        message.starts_with(
            "claim `addition.consistent-mappings` fails: the book says reproduced, the \
             computation gives contradicted"
        ),
        "{message}"
    );
    assert!(message.contains("2.75 × 10^430,096,561"), "{message}");
}

/// The mpmath claim's two evaluations: double precision loses the proportion to underflow,
/// the arbitrary-exponent enclosure does not (its exponent is far below a double's reach).
fn double_precision_underflows_where_the_enclosure_does_not(_: &Results) {
    let task = AdditionTask::essay();
    assert_eq!(
        share_in_double_precision(&task, task.unseen_pairs(), 50),
        0.0
    );
    let share = log10_share_above(&task, task.unseen_pairs(), 50).unwrap();
    assert!(share.hi_f64() < -308.0 && share.lo_f64() > -2e8);
    // On a task small enough for doubles the two agree, up to the tail's terms after the
    // first (a few per cent here, r ≈ 0.05).
    let small = AdditionTask::new(1, 10).unwrap();
    let double = share_in_double_precision(&small, 90, 50);
    let certified = log10_share_above(&small, 90, 50).unwrap();
    assert!(
        (double.log10() - certified.lo_f64()).abs() < 0.03,
        "{double} vs 10^{}",
        certified.lo_f64()
    );
}

/// The break-even prior of `proportion.virtually-all-overfit` sits where the share crosses
/// one in a googol: certified below it one grid step lower, not certified below it there.
fn break_even_chance_is_where_the_conclusion_flips(_: &Results) {
    let task = AdditionTask::essay();
    let n = task.unseen_pairs();
    let grid = counting::claims::BREAK_EVEN_GRID;
    let (chance, at) = break_even_chance(n, 50, -100.0, grid);
    assert!(chance > 1.0 / task.possible_sums() as f64 && chance < 0.5);
    assert!(at.hi_f64() >= -100.0);
    let step_below = (chance * grid as f64).round() as u64 - 1;
    let p = certified::binomial::Probability::new(step_below, grid).unwrap();
    let below = certified::binomial::log10_upper_tail(n, answers_needed(n, 50), p).unwrap();
    assert!(below.hi_f64() < -100.0);
}

/// The ledger records (as JSON) and the figures (as SVG) drawn from a run.
fn outputs<C: Chapter>(results: &C::Results) -> Result<(String, Vec<String>), String> {
    let records = C::claims(results)
        .iter()
        .map(|c| ledger::ClaimRecord::new(c, C::NAME, C::TITLE))
        .collect::<Result<Vec<_>, _>>()?;
    let json = catalog::ledger_json(&records).map_err(|e| e.to_string())?;
    let svgs = C::figures(results)
        .into_iter()
        .map(|f| {
            f.svg
                .map_err(|e| format!("figure {} failed to draw: {e}", f.file))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((json, svgs))
}

/// A fresh run of every experiment, from its seeds, gives the ledger and the figures of the
/// shared run byte for byte. Comparing one run's output with itself could never fail. (It
/// costs a second run at test scale, so only this chapter runs it in plain `cargo test`; the
/// book-scale test checks every chapter across processes at the book's scale.)
fn a_second_run_gives_the_same_bytes(first: &Results) {
    if let Err(e) = compare_with_a_second_run::<Counting>(first) {
        panic!("{e}");
    }
}

fn compare_with_a_second_run<C: Chapter>(first: &C::Results) -> Result<(), String> {
    let second = C::run(&C::test_scale());
    let (json_a, svgs_a) = outputs::<C>(first)?;
    let (json_b, svgs_b) = outputs::<C>(&second)?;
    if json_a != json_b {
        return Err(format!("{}: the ledger differs between two runs", C::NAME));
    }
    let files: Vec<_> = C::figures(first).into_iter().map(|f| f.file).collect();
    for ((a, b), file) in svgs_a.iter().zip(&svgs_b).zip(files) {
        if a != b {
            return Err(format!("figure {file} differs between two runs"));
        }
    }
    Ok(())
}

/// The claim with `id`; panics naming it when absent.
fn find<'a>(claims: &'a [Claim], id: &str) -> &'a Claim {
    claims
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no claim with id `{id}`"))
}

/// The folder of the source texts, or none when they are absent and not required.
fn seed_texts() -> Option<PathBuf> {
    match common::seeds().unwrap_or_else(|e| panic!("{e}")) {
        Seeds::Found(dir) => Some(dir),
        Seeds::Absent(dir) => {
            assert!(
                !common::seeds_required(),
                "the source texts are required but not at {}",
                dir.display()
            );
            None
        }
    }
}

fn read_seed(dir: &std::path::Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file))
        .unwrap_or_else(|e| panic!("cannot read {file} in {}: {e}", dir.display()))
}

/// Each checked quotation's passage lies in its quoting sentence; the words it is compared
/// with are verbatim in the quoted text; and the span of the *whole* quoted text that the
/// passage matches best lies within those words, so they are the place to compare it with
/// (a passage not found in them is found nowhere in that text either).
fn quotations_are_compared_where_the_quoted_text_matches_best(_: &Results) {
    let checked = quotations::checked();
    for q in &checked {
        let quoting = q.quotation.quoting.quote;
        assert!(
            quoting.contains(q.quotation.passage),
            "claim `{}`: the passage is not in its quoting sentence",
            q.id
        );
    }
    let Some(dir) = seed_texts() else { return };
    let quoted: Vec<Quote<'_>> = checked
        .iter()
        .map(|q| Quote {
            id: q.id,
            seed_file: q.quotation.quoted.file(),
            quote: q.quotation.quoted.quote,
        })
        .collect();
    if let Err(e) = check_quotes(&quoted, &Seeds::Found(dir.clone()), true) {
        panic!("the quoted words: {e}");
    }
    for q in &checked {
        let text = read_seed(&dir, q.quotation.quoted.file());
        let whole = compare(q.quotation.passage, &text);
        if q.quotation.compare().found() {
            let fragment = q.quotation.quoted.quote;
            let inside = text
                .match_indices(fragment)
                .any(|(at, _)| at <= whole.span.start && whole.span.end <= at + fragment.len());
            assert!(
                whole.found() && inside,
                "claim `{}`: the best span of the whole text, “{}”, is not within the words compared with",
                q.id,
                whole.matched
            );
        } else {
            assert!(
                !whole.found(),
                "claim `{}`: not found in the words compared with, but found in the whole text: “{}”",
                q.id,
                whole.matched
            );
        }
    }
}

/// The passages recorded as outside the seeds match no span of either Carlsmith text within
/// half their words.
fn unlocated_quotations_match_nothing_in_carlsmiths_texts(_: &Results) {
    let unlocated = quotations::unlocated();
    for u in &unlocated {
        assert!(
            u.quoting.quote.contains(u.passage),
            "claim `{}`: the passage is not in its quoting sentence",
            u.id
        );
    }
    let Some(dir) = seed_texts() else { return };
    for u in &unlocated {
        for seed in quotations::SEARCHED {
            let c = compare(u.passage, &read_seed(&dir, seed.file()));
            assert!(
                !c.found(),
                "claim `{}`: found in {}: “{}” ({})",
                u.id,
                seed.file(),
                c.matched,
                c.describe()
            );
        }
    }
}
