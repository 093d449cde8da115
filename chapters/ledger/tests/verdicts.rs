//! The verdict logic at every branch, and at the resolution that decides it: the edges of a
//! rounding interval to the last bit, the rival of every kind of claim, and the checks that
//! refuse a claim whose rival would have earned the same verdict.

use ledger::claim::AssessError;
use ledger::{Basis, Claim, Computed, Quantity, Seed, Stated, Test, Verdict};

fn claim(stated: Stated, computed: Computed, expect: Verdict) -> Claim {
    Claim {
        id: "test.claim",
        source: Seed::BelrosePope.quote("a quote"),
        stated,
        computed,
        unit: "",
        digits: 6,
        expect,
    }
}

fn rounded(digits: &'static str, exponent: i64) -> Stated {
    Stated::Rounded {
        qualifier: "≈",
        digits,
        exponent,
    }
}

fn verdict(stated: Stated, q: Quantity) -> Result<Verdict, AssessError> {
    claim(stated, Computed::Number(q), Verdict::Reproduced)
        .assess()
        .map(|a| a.verdict)
}

/// `log10` bounds of exactly the edges of the interval "1.10 × 10^e" stands for.
fn edges(exponent: i64) -> (f64, f64) {
    // The ledger's own arithmetic: the mantissa's edges, shifted by the exponent.
    let shift = (exponent - 2) as f64;
    (109.5f64.log10() + shift, 110.5f64.log10() + shift)
}

fn log10(lo: f64, hi: f64) -> Quantity {
    Quantity::Log10 { lo, hi }
}

#[test]
fn an_exact_value_is_reproduced_only_when_equal() {
    let a = claim(
        Stated::Exact(19_999),
        Computed::Number(Quantity::Integer(19_999)),
        Verdict::Reproduced,
    )
    .check()
    .unwrap();
    let rival = a.rival.unwrap();
    assert_eq!(rival.value, Quantity::Integer(20_000));
    assert_eq!(rival.verdict, Verdict::Contradicted);
    assert_eq!(a.holds_while, "equal to 19,999 exactly");

    let b = claim(
        Stated::Exact(19_999),
        Computed::Number(Quantity::Integer(20_001)),
        Verdict::Contradicted,
    )
    .check()
    .unwrap();
    assert!(
        b.reason.contains("computed 20,001, stated 19,999"),
        "{}",
        b.reason
    );
    let rival = b.rival.unwrap();
    assert_eq!(rival.value, Quantity::Integer(19_999));
    assert_eq!(rival.verdict, Verdict::Reproduced);
}

#[test]
fn the_rounding_interval_is_half_a_unit_in_the_last_digit_to_the_last_bit() {
    let e = 430_100_828;
    let (lo, hi) = edges(e);
    let stated = || rounded("1.10", e);
    // Both edges belong to the interval; one bit outside either does not.
    assert_eq!(verdict(stated(), log10(lo, lo)), Ok(Verdict::Reproduced));
    assert_eq!(verdict(stated(), log10(hi, hi)), Ok(Verdict::Reproduced));
    let below = lo.next_down();
    let above = hi.next_up();
    assert_eq!(
        verdict(stated(), log10(below, below)),
        Ok(Verdict::Contradicted)
    );
    assert_eq!(
        verdict(stated(), log10(above, above)),
        Ok(Verdict::Contradicted)
    );
    // Bounds that straddle an edge decide nothing.
    for straddle in [log10(below, lo), log10(hi, above)] {
        let v = verdict(stated(), straddle);
        assert!(
            matches!(v, Err(AssessError::Undecided { .. })),
            "{straddle:?}: {v:?}"
        );
    }
}

#[test]
fn a_value_a_little_off_is_contradicted_not_rounded_in() {
    // 1.094 and 1.106 are 0.6 of a unit in the last digit from 1.10: a tolerance any wider
    // than half a unit would let them pass.
    for x in [1.094, 1.106, 1.0949, 1.1051] {
        assert_eq!(
            verdict(rounded("1.10", 0), Quantity::Real(x)),
            Ok(Verdict::Contradicted),
            "{x}"
        );
    }
    for x in [1.0951, 1.1, 1.1049] {
        assert_eq!(
            verdict(rounded("1.10", 0), Quantity::Real(x)),
            Ok(Verdict::Reproduced),
            "{x}"
        );
    }
    assert_eq!(
        verdict(rounded("179", 0), Quantity::Real(178.6)),
        Ok(Verdict::Reproduced)
    );
    assert_eq!(
        verdict(rounded("179", 0), Quantity::Real(178.4)),
        Ok(Verdict::Contradicted)
    );
    assert_eq!(
        verdict(rounded("179", 0), Quantity::Integer(180)),
        Ok(Verdict::Contradicted)
    );
    assert_eq!(
        verdict(rounded("2", 3), Quantity::Integer(2_400)),
        Ok(Verdict::Reproduced)
    );
}

#[test]
fn the_rounded_rival_lies_just_outside_the_nearer_edge_and_is_contradicted() {
    for (x, side) in [(1.096, "below 1.095"), (1.104, "above 1.105")] {
        let c = claim(
            rounded("1.10", 0),
            Computed::Number(Quantity::Real(x)),
            Verdict::Reproduced,
        );
        let a = c.check().unwrap();
        assert_eq!(a.holds_while, "from 1.095 to 1.105");
        let rival = a.rival.unwrap();
        assert_eq!(rival.verdict, Verdict::Contradicted);
        assert_eq!(rival.text, format!("just {side}"));
        // The rival's value, computed in its place, earns the rival's verdict.
        assert_eq!(
            verdict(rounded("1.10", 0), rival.value),
            Ok(Verdict::Contradicted)
        );
    }
    let huge = claim(
        rounded("2.75", 430_096_561),
        Computed::Number(log10(430_096_561.439_3, 430_096_561.439_3)),
        Verdict::Reproduced,
    );
    let a = huge.check().unwrap();
    assert_eq!(a.holds_while, "from 2.745 to 2.755 × 10^430,096,561");
    let rival = a.rival.unwrap();
    assert!(matches!(rival.value, Quantity::Log10 { .. }));
    assert_eq!(
        verdict(rounded("2.75", 430_096_561), rival.value),
        Ok(Verdict::Contradicted)
    );
}

#[test]
fn a_contradicted_rounded_value_has_the_stated_value_as_its_rival() {
    let a = claim(
        rounded("0.5", 0),
        Computed::Number(Quantity::Real(0.7)),
        Verdict::Contradicted,
    )
    .check()
    .unwrap();
    assert_eq!(a.holds_while, "from 0.45 to 0.55");
    let rival = a.rival.unwrap();
    assert_eq!(rival.verdict, Verdict::Reproduced);
    assert_eq!(
        verdict(rounded("0.5", 0), rival.value),
        Ok(Verdict::Reproduced)
    );
    assert!(a.reason.contains("does not round"), "{}", a.reason);
}

#[test]
fn a_value_with_no_logarithm_cannot_be_compared_with_a_rounded_one() {
    for q in [
        Quantity::Integer(0),
        Quantity::Integer(-3),
        Quantity::Real(0.0),
        Quantity::Real(-1.1),
    ] {
        assert!(
            matches!(
                verdict(rounded("1.10", 0), q),
                Err(AssessError::Mismatch { .. })
            ),
            "{q:?}"
        );
    }
    assert!(matches!(
        verdict(rounded("1.1x", 0), Quantity::Real(1.1)),
        Err(AssessError::Mismatch { .. })
    ));
}

#[test]
fn bounds_that_print_differently_are_refused() {
    let c = claim(
        rounded("1.10", 0),
        Computed::Number(log10(0.0, 0.3)),
        Verdict::Reproduced,
    );
    assert!(matches!(c.assess(), Err(AssessError::Unprintable(_))));
}

fn statement(test: Test, value: f64, rival: f64, expect: Verdict) -> Claim {
    claim(
        Stated::Statement("more than half"),
        test.on(
            Quantity::Real(value),
            "chance",
            Quantity::Real(rival),
            |q| matches!(q, Quantity::Real(x) if *x > 0.5),
        ),
        expect,
    )
}

#[test]
fn a_statement_is_met_or_not_on_each_basis_and_so_is_its_rival() {
    let cases = [
        (
            Test::full("holds if x > 0.5"),
            0.9,
            0.5,
            Verdict::Reproduced,
            Verdict::Contradicted,
        ),
        (
            Test::full("holds if x > 0.5"),
            0.1,
            0.9,
            Verdict::Contradicted,
            Verdict::Reproduced,
        ),
        (
            Test::small("holds if x > 0.5"),
            0.9,
            0.5,
            Verdict::Qualitative,
            Verdict::NotReproduced,
        ),
        (
            Test::small("holds if x > 0.5"),
            0.5,
            0.9,
            Verdict::NotReproduced,
            Verdict::Qualitative,
        ),
        (
            Test::model("holds if x > 0.5"),
            0.9,
            0.2,
            Verdict::ModelConsequence,
            Verdict::Contradicted,
        ),
    ];
    for (test, value, rival, ours, theirs) in cases {
        let a = statement(test, value, rival, ours).check().unwrap();
        assert_eq!(a.verdict, ours);
        assert_eq!(a.holds_while, "holds if x > 0.5");
        let r = a.rival.unwrap();
        assert_eq!((r.what.as_str(), r.verdict), ("chance", theirs));
        let met = if matches!(
            ours,
            Verdict::Reproduced | Verdict::Qualitative | Verdict::ModelConsequence
        ) {
            "— met"
        } else {
            "— not met"
        };
        assert!(a.reason.contains(met), "{}", a.reason);
    }
}

#[test]
fn a_criterion_its_rival_also_meets_is_refused_naming_the_claim() {
    let err = statement(
        Test::full("holds if x > 0.5"),
        0.9,
        0.8,
        Verdict::Reproduced,
    )
    .check()
    .unwrap_err();
    assert!(err.contains("claim `test.claim`"), "{err}");
    assert!(err.contains("same verdict"), "{err}");
    assert!(err.contains("chance"), "{err}");
}

#[test]
fn a_criterion_with_no_named_rival_is_refused() {
    let c = claim(
        Stated::Statement("s"),
        Test::small("holds if above zero").on(
            Quantity::Real(1.0),
            " ",
            Quantity::Real(-1.0),
            |q| q.to_f64() > 0.0,
        ),
        Verdict::Qualitative,
    );
    let err = c.check().unwrap_err();
    assert!(err.contains("names no rival"), "{err}");
}

#[test]
fn a_verdict_the_book_does_not_rely_on_fails_the_check() {
    let err = statement(
        Test::small("holds if x > 0.5"),
        0.4,
        0.9,
        Verdict::Qualitative,
    )
    .check()
    .unwrap_err();
    assert!(
        err.contains("the book says qualitative (small scale), the computation gives not reproduced at this scale"),
        "{err}"
    );
}

#[test]
fn data_beyond_the_printed_value_decide_both_sides_alike() {
    let ours = [0.9, 0.8];
    let theirs = [0.9, 0.1];
    let c = claim(
        Stated::Statement("both above half"),
        Test::full("holds if both > 0.5").on_data(
            Quantity::Real(0.8),
            &ours[..],
            "one at chance",
            Quantity::Real(0.1),
            &theirs[..],
            |xs| xs.iter().all(|x| *x > 0.5),
        ),
        Verdict::Reproduced,
    );
    let a = c.check().unwrap();
    assert_eq!(a.rival.unwrap().verdict, Verdict::Contradicted);
}

#[test]
fn an_unverifiable_claim_has_no_rival() {
    let a = claim(
        Stated::Unverifiable("an opinion"),
        Computed::Nothing { why: "no data" },
        Verdict::NotCheckable,
    )
    .check()
    .unwrap();
    assert_eq!(a.reason, "no data");
    assert!(a.rival.is_none());
    assert!(a.holds_while.is_empty());
}

#[test]
fn kinds_that_do_not_fit_are_malformed() {
    let bad = [
        (Stated::Exact(3), Computed::Number(Quantity::Real(3.0))),
        (Stated::Exact(3), Computed::Nothing { why: "" }),
        (
            Stated::Statement("s"),
            Computed::Number(Quantity::Real(3.0)),
        ),
        (
            Stated::Unverifiable("u"),
            Computed::Number(Quantity::Real(3.0)),
        ),
    ];
    for (stated, computed) in bad {
        let c = claim(stated, computed, Verdict::Reproduced);
        assert!(matches!(c.assess(), Err(AssessError::Mismatch { .. })));
        assert!(c.check().unwrap_err().contains("malformed claim"));
    }
    assert_eq!(Basis::Small, Basis::Small);
}
