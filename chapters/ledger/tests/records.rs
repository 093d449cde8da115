//! The ledger as data: what a record carries for each kind of claim, and where a claim's
//! source and test are named.

use ledger::{
    Claim, ClaimRecord, Computed, Quantity, Seed, Side, Source, Stated, Style, Test, Verdict,
};

fn claim(stated: Stated, computed: Computed, unit: &'static str, expect: Verdict) -> Claim {
    Claim {
        id: "records.a-claim",
        source: Seed::Turner.quote("a quote"),
        stated,
        computed,
        unit,
        digits: 3,
        expect,
    }
}

/// The record of `claim` as a claim of the Counting chapter.
fn record(claim: &Claim) -> Result<ClaimRecord, String> {
    ClaimRecord::new(claim, "counting", "Counting")
}

#[test]
fn a_record_carries_the_value_or_its_logarithm_and_the_rivals_alike() {
    let real = record(&claim(
        Stated::Rounded {
            qualifier: "roughly",
            digits: "179",
            exponent: 0,
        },
        Computed::Number(Quantity::Real(178.6)),
        "MB",
        Verdict::Reproduced,
    ))
    .unwrap();
    assert_eq!(real.value, Some(178.6));
    assert_eq!(real.log10, None);
    assert_eq!(real.stated, "roughly 179 MB");
    assert_eq!(real.computed, "179 MB");
    assert_eq!(real.holds_while, "from 178.5 to 179.5 MB");
    assert_eq!(
        real.rival.as_deref(),
        Some("the nearest value outside the stated precision")
    );
    assert_eq!(real.rival_text.as_deref(), Some("just below 178.5 MB"));
    let below = real.rival_value.unwrap();
    assert!(below < 178.5 && below > 178.499_999, "{below}");
    assert_eq!(real.rival_log10, None);
    assert_eq!(real.rival_verdict, Some(Verdict::Contradicted));
    assert_eq!(real.source, Seed::Turner.citation());
    assert_eq!(real.seed_file, Seed::Turner.file());
    assert_eq!(real.chapter, "counting");
    assert_eq!(real.chapter_title, "Counting");
    assert_eq!(
        real.test,
        "cargo test --test counting -- --exact records.a-claim"
    );

    let huge = record(&claim(
        Stated::Rounded {
            qualifier: "≈",
            digits: "2.75",
            exponent: 430_096_561,
        },
        Computed::Number(Quantity::Log10 {
            lo: 430_096_561.439_2,
            hi: 430_096_561.439_4,
        }),
        "",
        Verdict::Reproduced,
    ))
    .unwrap();
    assert_eq!(huge.value, None);
    let mid = huge.log10.unwrap();
    assert!((mid - 430_096_561.439_3).abs() < 1e-6, "{mid}");
    assert_eq!(huge.rival_value, None);
    let html = huge.rival_html.as_deref().unwrap();
    assert!(
        html.starts_with("just ") && html.ends_with(" × 10<sup>430,096,561</sup>"),
        "{html}"
    );
    assert!(
        huge.rival_text
            .as_deref()
            .unwrap()
            .ends_with(" × 10^430,096,561")
    );
    let rival = huge.rival_log10.unwrap();
    assert!((rival - 430_096_561.439_3).abs() < 0.01, "{rival}");

    let count = record(&claim(
        Stated::Exact(19_999),
        Computed::Number(Quantity::Integer(19_999)),
        "",
        Verdict::Reproduced,
    ))
    .unwrap();
    assert_eq!(count.value, Some(19_999.0));
    assert_eq!(count.rival_value, Some(20_000.0));
    assert_eq!(count.rival_log10, None);
    assert_eq!(count.rival_html.as_deref(), Some("20,000"));
    let wrong = record(&claim(
        Stated::Exact(19_999),
        Computed::Number(Quantity::Integer(1_019_999)),
        "",
        Verdict::Contradicted,
    ))
    .unwrap();
    assert_eq!(wrong.rival_html.as_deref(), Some("19,999"));
    assert_eq!(wrong.computed_html, "1,019,999");
}

#[test]
fn a_statement_record_names_its_criterion_and_rival_and_an_opinion_neither() {
    let statement = record(&claim(
        Stated::Statement("more than chance"),
        Test::small("holds if accuracy exceeds 60%").on(
            Quantity::Real(75.0),
            "chance accuracy",
            Quantity::Real(50.0),
            |q| matches!(q, Quantity::Real(x) if *x > 60.0),
        ),
        "%",
        Verdict::Qualitative,
    ))
    .unwrap();
    assert_eq!(statement.computed, "75.0%");
    assert_eq!(statement.holds_while, "holds if accuracy exceeds 60%");
    assert_eq!(statement.rival.as_deref(), Some("chance accuracy"));
    assert_eq!(statement.rival_text.as_deref(), Some("50.0%"));
    assert_eq!(statement.rival_html.as_deref(), Some("50.0%"));
    assert_eq!(statement.rival_value, Some(50.0));
    assert_eq!(statement.rival_verdict, Some(Verdict::NotReproduced));

    let opinion = record(&claim(
        Stated::Unverifiable("an opinion"),
        Computed::Nothing { why: "no data" },
        "",
        Verdict::NotCheckable,
    ))
    .unwrap();
    assert_eq!(opinion.computed, "");
    assert_eq!((opinion.value, opinion.log10), (None, None));
    assert!(opinion.rival.is_none() && opinion.rival_verdict.is_none());
    let json = serde_json::to_string(&opinion).unwrap();
    assert!(!json.contains("rival"), "{json}");
}

#[test]
fn a_record_is_refused_when_the_claim_fails_its_check() {
    let err = record(&claim(
        Stated::Exact(3),
        Computed::Number(Quantity::Integer(4)),
        "",
        Verdict::Reproduced,
    ))
    .unwrap_err();
    assert!(err.contains("claim `records.a-claim`"), "{err}");
}

#[test]
fn sources_name_their_text_or_their_paper() {
    let text = Seed::CarlsmithSpeed.quote("q");
    assert_eq!(text.seed(), Some(Seed::CarlsmithSpeed));
    assert_eq!(text.citation(), "Carlsmith, reply on the speed argument");
    assert_eq!(text.file(), "004_ca3cea7e8a48471e.txt");
    let paper = Source::paper("murray1993", "Murray & Teare (1993)", "about 1 in 6,000");
    assert_eq!(paper.seed(), None);
    assert_eq!(paper.citation(), "Murray & Teare (1993)");
    assert_eq!(paper.file(), "murray1993");
    assert_eq!(paper.quote, "about 1 in 6,000");
}

#[test]
fn each_text_has_its_own_file_and_citation() {
    let seeds = [
        Seed::BelrosePope,
        Seed::Turner,
        Seed::CarlsmithCounting,
        Seed::CarlsmithSpeed,
    ];
    let files: std::collections::BTreeSet<_> = seeds.iter().map(|s| s.file()).collect();
    let citations: std::collections::BTreeSet<_> = seeds.iter().map(|s| s.citation()).collect();
    assert_eq!((files.len(), citations.len()), (4, 4));
    assert_eq!(Seed::BelrosePope.file(), "000_3f7bf03f78b9f67b.txt");
    assert!(Seed::BelrosePope.citation().starts_with("Belrose & Pope"));
    assert!(files.iter().all(|f| f.ends_with(".txt")));
}

#[test]
fn units_attach_as_the_book_prints_them() {
    let with = |unit| {
        claim(
            Stated::Exact(5),
            Computed::Number(Quantity::Integer(5)),
            unit,
            Verdict::Reproduced,
        )
    };
    assert_eq!(with("%").stated_text(Style::Plain), "5%");
    assert_eq!(with("MB").stated_text(Style::Plain), "5 MB");
    assert_eq!(with("").computed_text(Style::Html).unwrap(), "5");
}

#[test]
fn a_contradicted_ordinary_value_keeps_its_rival_an_ordinary_number() {
    let record = record(&claim(
        Stated::Rounded {
            qualifier: "",
            digits: "0.5",
            exponent: 0,
        },
        Computed::Number(Quantity::Real(0.7)),
        "",
        Verdict::Contradicted,
    ))
    .unwrap();
    let rival = record.rival_value.expect("an f64 rival");
    assert!((rival - 0.5).abs() < 1e-12, "{rival}");
    assert_eq!(record.rival_verdict, Some(Verdict::Reproduced));
}

#[test]
fn each_kind_of_claim_is_made_by_its_constructor() {
    let source = || Seed::Turner.quote("a quote");
    let number = Claim::number(
        "records.number",
        source(),
        Stated::Exact(19_999),
        Quantity::Integer(19_999),
        Verdict::Reproduced,
    )
    .unit("MB")
    .digits(3);
    assert_eq!(
        number,
        Claim {
            id: "records.number",
            source: source(),
            stated: Stated::Exact(19_999),
            computed: Computed::Number(Quantity::Integer(19_999)),
            unit: "MB",
            digits: 3,
            expect: Verdict::Reproduced,
        }
    );
    let decided = Test::small("holds if it is positive").on(
        Quantity::Real(1.0),
        "a negative value",
        Quantity::Real(-1.0),
        |q| q.to_f64() > 0.0,
    );
    let statement = Claim::statement(
        "records.statement",
        source(),
        "it is positive",
        decided.clone(),
        Verdict::Qualitative,
    );
    assert_eq!(statement.stated, Stated::Statement("it is positive"));
    assert_eq!(statement.computed, decided);
    assert_eq!((statement.unit, statement.digits), ("", 0));
    assert_eq!(statement.expect, Verdict::Qualitative);
    let unchecked = Claim::not_checkable("records.opinion", source(), "an opinion", "no data");
    assert_eq!(unchecked.stated, Stated::Unverifiable("an opinion"));
    assert_eq!(unchecked.computed, Computed::Nothing { why: "no data" });
    assert_eq!(unchecked.expect, Verdict::NotCheckable);
    assert_eq!(record(&unchecked).unwrap().verdict, Verdict::NotCheckable);
}

#[test]
fn a_record_names_the_side_whose_text_its_claim_comes_from() {
    let critics = [Seed::BelrosePope, Seed::Turner];
    let carlsmith = [Seed::CarlsmithCounting, Seed::CarlsmithSpeed];
    for seed in critics {
        assert_eq!(seed.quote("q").side(), Side::Critics, "{seed:?}");
    }
    for seed in carlsmith {
        assert_eq!(seed.quote("q").side(), Side::Carlsmith, "{seed:?}");
    }
    let paper = Source::paper("veit2016", "Veit et al. (2016)", "a report");
    assert_eq!(paper.side(), Side::CitedPaper);
    let mut c = claim(
        Stated::Exact(2),
        Computed::Number(Quantity::Integer(2)),
        "",
        Verdict::Reproduced,
    );
    assert_eq!(record(&c).unwrap().side, Side::Critics);
    c.source = paper;
    assert_eq!(record(&c).unwrap().side, Side::CitedPaper);
    // The scoreboard's words for each side, in its order, and as the JSON spells them.
    let texts: Vec<&str> = Side::ALL.iter().map(|s| s.texts()).collect();
    assert_eq!(
        texts,
        [
            "the critics' texts (Belrose & Pope, Turner)",
            "Carlsmith's",
            "cited papers"
        ]
    );
    let json: Vec<String> = Side::ALL
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    assert_eq!(json, ["\"critics\"", "\"carlsmith\"", "\"cited_paper\""]);
}

#[test]
fn a_record_shows_restored_superscripts_names_its_reference_and_says_whether_a_number_is_stated() {
    let mut c = claim(
        Stated::Exact(4),
        Computed::Number(Quantity::Integer(4)),
        "",
        Verdict::Reproduced,
    );
    c.source = Seed::Turner.quote("22 = 4").shown_as("2^{2} = 4");
    let r = record(&c).unwrap();
    assert_eq!(r.quote, "22 = 4");
    assert_eq!(r.quote_html, "2<sup>2</sup> = 4");
    assert_eq!(r.reference, "turner2024many");
    assert!(r.stated_number);
    c.source = Seed::Turner.quote("22 = 4").shown_as("2^{3} = 4");
    let err = record(&c).unwrap_err();
    assert!(
        err.starts_with("claim `records.a-claim`: its shown quote"),
        "{err}"
    );
    let words = claim(
        Stated::Statement("it holds"),
        Test::full("holds").on(
            Quantity::Real(1.0),
            "the opposite",
            Quantity::Real(0.0),
            |q| matches!(q, Quantity::Real(x) if *x > 0.5),
        ),
        "",
        Verdict::Reproduced,
    );
    assert!(!record(&words).unwrap().stated_number);
}
