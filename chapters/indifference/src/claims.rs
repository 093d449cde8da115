//! The chapter's claims: what the sources say about indifference and its paradoxes, beside
//! what the chapter computes for it.
//!
//! Most of the source sentences are about arithmetic — what a given carving of the outcomes
//! implies — and the chapter checks that arithmetic at the source's own setting
//! ([`Scale::Full`]). Where a sentence is about real throws of real dice and coins, the book
//! has no data and says so ([`Verdict::NotCheckable`]).

use crate::bertrand::Method;
use crate::coarse_graining::{carvings_all_disagree, events_coarse_grained, sum_of_seven};
use crate::experiments::{self, Results};
use crate::orientation::Feature;
use crate::restaurants::{Chooser, Town};
use crate::symmetries::{self, SIZES};
use ledger::{Claim, Computed, Quantity, Seed, Stated, Verdict};

const CHAPTER: &str = "indifference";

/// "Corners are not rare": the chance of resting near a corner is at least this share of the
/// chance of resting near a face. Real dice, which come to rest flat, have a share near zero.
pub const NOT_RARE: f64 = 0.1;

/// "Substantially different": two carvings' predictions differ by at least this factor.
pub const SUBSTANTIAL_FACTOR: f64 = 4.0;

/// A count as the ledger prints it (`4,000,000`).
fn count(n: u64) -> String {
    ledger::number::format(&Quantity::Integer(n.into()), 0, ledger::Style::Plain)
        .expect("integers always print")
}

/// Every claim of the chapter, with the Monte Carlo experiments at the book's scale.
pub fn claims() -> Vec<Claim> {
    claims_from(experiments::book())
}

/// Every claim of the chapter, with the experiments' results given.
pub fn claims_from(results: &Results) -> Vec<Claim> {
    let mut all = coarse_graining_claims();
    all.extend(orientation_claims(results));
    all.extend(paradox_claims(results));
    all.extend(restaurant_claims());
    all.extend(symmetry_claims());
    all.extend(crate::crux::claims(&results.crux));
    all
}

const CONTRADICTORY: &str = "In general, indifference reasoning produces wildly contradictory results depending on how we choose to cut up the space of outcomes.";
const CONTRADICTORY_STATED: &str =
    "indifference gives contradictory answers depending on how the outcomes are cut up";

/// Coarse-graining: one half for any event, and four answers for two dice totalling seven.
pub fn coarse_graining_claims() -> Vec<Claim> {
    let events = events_coarse_grained();
    let half_for_all =
        events.iter().all(|e| e.coarse.value() == 0.5) && events.iter().all(|e| e.fine != e.coarse);
    let listed = events
        .iter()
        .map(|e| format!("{} ({})", e.event, e.fine))
        .collect::<Vec<_>>()
        .join(", ");
    let carvings = sum_of_seven();
    let disagree = carvings_all_disagree(&carvings);
    let criterion = format!(
        "holds if indifference over {} gives four different probabilities that two dice total seven ({})",
        carvings
            .iter()
            .map(|c| format!("the {} {}", c.outcomes, c.name))
            .collect::<Vec<_>>()
            .join(", "),
        carvings
            .iter()
            .map(|c| format!("{}: {}", c.name, c.p_seven))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let seven = |id: &'static str, k: usize| Claim {
        id,
        chapter: CHAPTER,
        source: Seed::BelrosePope.quote(CONTRADICTORY),
        stated: Stated::Statement(CONTRADICTORY_STATED),
        computed: Computed::full(
            criterion.clone(),
            disagree,
            Quantity::Real(carvings[k].p_seven.value()),
        ),
        unit: "",
        digits: 4,
        expect: Verdict::Reproduced,
    };
    vec![
        Claim {
            id: "coarse-graining.any-event-half",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "Even worse, by coarse-graining the possibilities, we can make the indifference principle predict that any event has a 50% chance of occuring (“either it happens or it doesn’t”).",
            ),
            stated: Stated::Statement(
                "indifference over “it happens or it doesn’t” gives any event a 50% chance",
            ),
            computed: Computed::full(
                format!(
                    "holds if indifference over the two outcomes “happens” and “doesn’t” gives exactly 1/2 to each of {listed}, whatever their probability under indifference over faces or ordered pairs (in brackets)"
                ),
                half_for_all,
                Quantity::Real(events[0].coarse.value()),
            ),
            unit: "",
            digits: 2,
            expect: Verdict::Reproduced,
        },
        seven("coarse-graining.seven-ordered-pairs", 0),
        seven("coarse-graining.seven-unordered-pairs", 1),
        seven("coarse-graining.seven-sums", 2),
    ]
}

/// Orientation: dice and a coin under two readings of "uniformly random orientation".
pub fn orientation_claims(r: &Results) -> Vec<Claim> {
    let o = &r.orientation;
    let cfg = &o.config;
    let theta = cfg.theta_deg;
    let n = count(cfg.samples);
    let coin = cfg.coin;
    let p_edge = coin.exact_edge_probability();
    let exact_ratio = o.exact_corner_to_face();
    let face_haar = Feature::Face.exact_haar(theta).expect("a small cap");
    let face_euler = o.euler.near_at_theta(Feature::Face);
    let (fe_lo, fe_hi) = face_euler.ci95();
    vec![
        Claim {
            id: "orientation.corners-haar",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "But this prediction is clearly false: dice almost never land standing up on one of their corners, for example.",
            ),
            stated: Stated::Statement(
                "a uniformly random orientation does not make resting on a corner rare, as it is for real dice",
            ),
            computed: Computed::full(
                format!(
                    "holds if, with the orientation uniform under the rotation-invariant (Haar) measure, a die rests within {theta}° of a corner at least {NOT_RARE} times as often as within {theta}° of a face — exactly 8/6 = {exact_ratio:.4}; by Monte Carlo over {n} orientations, the corner estimate's lower 99.9% bound over the face estimate's upper bound is {:.3} — and the Monte Carlo estimates agree with the exact cap formula; real dice rest flat, a share near zero (orientation.real-dice)",
                    o.haar.corner_to_face_lower()
                ),
                exact_ratio >= NOT_RARE
                    && o.haar.corner_to_face_lower() >= NOT_RARE
                    && o.haar_agrees_with_exact(),
                Quantity::Real(exact_ratio),
            ),
            unit: "× as likely near a corner as near a face",
            digits: 4,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "orientation.corners-euler",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "The indifference principle suggests that the resting states of coins and dice should be uniformly distributed between zero and 360 degrees for each of the three axes of rotation.",
            ),
            stated: Stated::Statement(
                "each of the three rotation angles uniform on [0°, 360°): resting on a corner is then not rare either",
            ),
            computed: Computed::full(
                format!(
                    "holds if, with yaw, pitch and roll each uniform on [0°, 360°), a die rests within {theta}° of a corner at least {NOT_RARE} times as often as within {theta}° of a face, by Monte Carlo over {n} orientations (corner estimate's lower 99.9% bound over the face estimate's upper bound: {:.3}); under this reading a die rests near a face more often than near a corner, unlike under the rotation-invariant one",
                    o.euler.corner_to_face_lower()
                ),
                o.euler.corner_to_face_lower() >= NOT_RARE,
                Quantity::Real(o.euler.corner_to_face()),
            ),
            unit: "× as likely near a corner as near a face",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "orientation.euler-vs-haar",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(CONTRADICTORY),
            stated: Stated::Statement(CONTRADICTORY_STATED),
            computed: Computed::full(
                format!(
                    "holds if indifference over the three Euler angles and indifference over rotations (Haar) give different probabilities that a die rests within {theta}° of a face: Euler angles {:.5} (95% interval [{fe_lo:.5}, {fe_hi:.5}], {n} orientations), Haar exactly {face_haar:.5}, the Euler estimate's 99.9% interval excluding the exact value and the Haar estimate's",
                    face_euler.p()
                ),
                o.euler_differs_from_haar(),
                Quantity::Real(o.euler_over_haar_face()),
            ),
            unit: "× as likely as under the rotation-invariant reading",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "orientation.real-dice",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "But this prediction is clearly false: dice almost never land standing up on one of their corners, for example.",
            ),
            stated: Stated::Unverifiable("real dice almost never come to rest on a corner"),
            computed: Computed::Nothing {
                why: "a fact about physical throws: the book has no record of throws to count, and a simulation of its own uniform prior cannot stand in for one",
            },
            unit: "",
            digits: 0,
            expect: Verdict::NotCheckable,
        },
        Claim {
            id: "orientation.nickel-edge",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(
                "The indifference principle suggests that the resting states of coins and dice should be uniformly distributed",
            ),
            stated: Stated::Statement(
                "indifference over orientation: a coin's resting orientation is uniformly random",
            ),
            computed: Computed::full(
                format!(
                    "holds if, under the rotation-invariant measure, the probability that a US nickel ({} mm across, {} mm thick, the US Mint's specification) rests on its rim — its down direction within the rim's solid angle seen from the centre — computed exactly as t/√(t² + d²) = {p_edge:.5}, is confirmed by Monte Carlo over {n} orientations (estimate {:.5}, 99.9% interval)",
                    coin.diameter_mm,
                    coin.thickness_mm,
                    o.haar.coin_edge.p()
                ),
                o.haar.coin_edge.agrees_with(p_edge),
                Quantity::Real(1.0 / p_edge),
            ),
            unit: "tosses per edge landing",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "orientation.nickel-real",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote("But this prediction is clearly false"),
            stated: Stated::Unverifiable(
                "real coins do not rest in uniformly random orientations: for a tossed US nickel, Murray & Teare (1993, Phys. Rev. E 48, 2547) estimate about 1 edge landing in 6,000 tosses",
            ),
            computed: Computed::Nothing {
                why: "needs real tosses, or a model of their dynamics calibrated on them; the book has neither, and cites Murray & Teare's estimate without checking it",
            },
            unit: "",
            digits: 0,
            expect: Verdict::NotCheckable,
        },
    ]
}

const OTHER_EXAMPLES: &str =
    "Other examples include Bertrand’s paradox and van Fraassen’s cube factory paradox.";

/// Bertrand's chords and van Fraassen's cubes.
pub fn paradox_claims(r: &Results) -> Vec<Claim> {
    let b = &r.bertrand;
    let n = count(b.methods.first().map_or(0, |m| m.estimate.trials));
    let estimates = b
        .methods
        .iter()
        .map(|m| {
            format!(
                "{} {:.4} (exact {})",
                m.method.name(),
                m.estimate.p(),
                m.method.exact_text()
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let bertrand_stated =
        "Bertrand's paradox: indifference over chords of a circle gives contradictory answers";
    let method = |id: &'static str, method: Method| {
        let m = b.get(method);
        Claim {
            id,
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(OTHER_EXAMPLES),
            stated: Stated::Statement(bertrand_stated),
            computed: Computed::full(
                format!(
                    "holds if the estimate of P(chord longer than √3) from {n} chords drawn by {} agrees with its exact value {} and excludes the other two methods' exact values (99.9% Wilson intervals)",
                    method.name(),
                    method.exact_text()
                ),
                m.singles_out_its_answer(),
                Quantity::Real(m.estimate.p()),
            ),
            unit: "",
            digits: 4,
            expect: Verdict::Reproduced,
        }
    };
    let c = &r.cube_factory;
    let cube_estimates = c
        .answers
        .iter()
        .map(|(k, exact, e)| format!("uniform {} {:.4} (exact {exact})", k.name(), e.p()))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        Claim {
            id: "bertrand.three-answers",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(OTHER_EXAMPLES),
            stated: Stated::Statement(bertrand_stated),
            computed: Computed::full(
                format!(
                    "holds if three ways of drawing a uniformly random chord ({n} chords each) give estimates of P(chord longer than √3) that each agree with their exact value and are pairwise apart (99.9% Wilson intervals): {estimates}"
                ),
                b.three_answers(),
                Quantity::Integer(b.distinct_answers() as i128),
            ),
            unit: "distinct answers",
            digits: 0,
            expect: Verdict::Reproduced,
        },
        method("bertrand.endpoints", Method::Endpoints),
        method("bertrand.radial-point", Method::RadialPoint),
        method("bertrand.midpoint", Method::Midpoint),
        Claim {
            id: "cube-factory.three-answers",
            chapter: CHAPTER,
            source: Seed::BelrosePope.quote(OTHER_EXAMPLES),
            stated: Stated::Statement(
                "van Fraassen's cube factory: indifference over edge, face area or volume gives contradictory answers",
            ),
            computed: Computed::full(
                format!(
                    "holds if, for cubes with edges up to {} and the question “edge at most {}?”, taking the edge, the face area and the volume as uniform gives estimates ({} cubes each) that agree with (a/L)^k and are pairwise apart (99.9% Wilson intervals): {cube_estimates}",
                    c.config.max_edge,
                    c.config.threshold,
                    count(c.config.samples)
                ),
                c.three_answers(),
                Quantity::Integer(c.distinct_answers() as i128),
            ),
            unit: "distinct answers",
            digits: 0,
            expect: Verdict::Reproduced,
        },
    ]
}

/// Carlsmith's restaurants.
pub fn restaurant_claims() -> Vec<Claim> {
    let town = Town::default();
    let mexican = town.index("Mexican");
    let by_cuisine = town.p(Chooser::CuisineFirst, 0.0, mexican);
    let by_restaurant = town.p(Chooser::ByRestaurant, 0.0, mexican);
    let factor = by_cuisine / by_restaurant;
    let counts = town
        .cuisines
        .iter()
        .map(|c| format!("{} {}", c.restaurants, c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let crossover = town.mexican_overtakes_chinese();
    let cuisine_first_prefers = [1e-6, 1.0]
        .iter()
        .all(|&beta| town.most_likely(Chooser::CuisineFirst, beta) == mexican);
    vec![
        Claim {
            id: "restaurants.two-carvings",
            chapter: CHAPTER,
            source: Seed::CarlsmithCounting.quote(
                "So if we don't know which type of cuisine Bob prefers, it's tempting to move closer to a uniform distribution over types of cuisine, rather than over individual restaurants.",
            ),
            stated: Stated::Statement(
                "a uniform distribution over cuisines and one over individual restaurants predict differently",
            ),
            computed: Computed::full(
                format!(
                    "holds if, in a town with {counts} restaurants (the Thai count is the book's choice), indifference over cuisines gives Mexican at least {SUBSTANTIAL_FACTOR} times the probability indifference over restaurants gives it ({by_cuisine:.4} against {by_restaurant:.4})"
                ),
                factor >= SUBSTANTIAL_FACTOR,
                Quantity::Real(factor),
            ),
            unit: "times higher under indifference over cuisines than over restaurants",
            digits: 3,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "restaurants.preference-outweighs-count",
            chapter: CHAPTER,
            source: Seed::CarlsmithCounting.quote(
                "E.g., it could be that there are ten Chinese restaurants for every Mexican restaurant, but if Bob likes Mexican food better in general, he might just choose Mexican.",
            ),
            stated: Stated::Statement(
                "a general preference for Mexican food can outweigh ten Chinese restaurants for every Mexican one",
            ),
            computed: Computed::full(
                format!(
                    "holds if, in a town with {counts} restaurants, Bob choosing a cuisine by preference strength β (probability ∝ e^(β·u), Mexican one unit of utility above the rest) makes Mexican his most likely dinner at any β > 0 (checked at 10^-6 and 1), and choosing restaurant by restaurant does so once β passes a finite crossover, found by bisection (the value; ln 10 in closed form)"
                ),
                cuisine_first_prefers && crossover.is_some(),
                Quantity::Real(crossover.unwrap_or(f64::NAN)),
            ),
            unit: "",
            digits: 4,
            expect: Verdict::Reproduced,
        },
    ]
}

/// Turner's symmetries, for the 7-40-40-1 ReLU network.
pub fn symmetry_claims() -> Vec<Claim> {
    let check = symmetries::book_check();
    let perms = symmetries::log10_permutations(&SIZES);
    let widths = symmetries::hidden_widths(&SIZES);
    let dims = symmetries::rescaling_dimension(&SIZES);
    let arch = SIZES.map(|n| n.to_string()).join("-");
    vec![
        Claim {
            id: "symmetries.permutations",
            chapter: CHAPTER,
            source: Seed::Turner.quote(
                "(Don't forget to take into account the architecture's internal symmetries !)",
            ),
            stated: Stated::Statement(
                "a network architecture has internal symmetries a count over parameterizations must take into account",
            ),
            computed: Computed::full(
                format!(
                    "holds if reordering the hidden units of a randomly initialised {arch} ReLU network (a random permutation of each hidden layer) moves its parameters (distance {:.1}) while changing its outputs on random inputs by less than {:e} relative (measured: {:.1e}); the value is the number of such reorderings, the product of the hidden widths' factorials {widths:?}, as a certified enclosure",
                    check.permuted_distance,
                    symmetries::SAME_FUNCTION,
                    check.permuted_output_change
                ),
                check.permutations_hold(),
                Quantity::Log10 {
                    lo: perms.lo_f64(),
                    hi: perms.hi_f64(),
                },
            ),
            unit: "reorderings of hidden units",
            digits: 4,
            expect: Verdict::Reproduced,
        },
        Claim {
            id: "symmetries.rescalings",
            chapter: CHAPTER,
            source: Seed::Turner.quote(
                "You have to not just think about \"what does this system do?\", but \"how many ways can this function be implemented?\".",
            ),
            stated: Stated::Statement("one function is implemented by many parameter settings"),
            computed: Computed::full(
                format!(
                    "holds if scaling each hidden unit's incoming weights and bias of a randomly initialised {arch} ReLU network by a random a in [1/2, 2] and dividing its outgoing weights by a moves the parameters (distance {:.1}) while changing the outputs by less than {:e} relative (measured: {:.1e}), and an uncompensated scaling changes them (by {:.2} relative); the value is the dimension of this continuous symmetry, one per hidden unit",
                    check.rescaled_distance,
                    symmetries::SAME_FUNCTION,
                    check.rescaled_output_change,
                    check.control_output_change
                ),
                check.rescalings_hold(),
                Quantity::Integer(dims as i128),
            ),
            unit: "dimensions",
            digits: 0,
            expect: Verdict::Reproduced,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    fn test_claims() -> &'static [Claim] {
        static C: OnceLock<Vec<Claim>> = OnceLock::new();
        C.get_or_init(|| {
            let r = experiments::run(&experiments::Scale::test());
            claims_from(&r)
        })
    }

    #[test]
    fn every_claim_earns_its_verdict_at_test_scale() {
        for c in test_claims() {
            if let Err(message) = c.check() {
                panic!("{message}");
            }
        }
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let ids: Vec<&str> = test_claims().iter().map(|c| c.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        for id in ids {
            let (section, name) = id.split_once('.').expect("section.name");
            for part in [section, name] {
                assert!(
                    part.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{id}"
                );
            }
        }
    }

    #[test]
    fn quotes_are_verbatim() {
        let dir = std::env::var_os("COUNTING_SEEDS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
            });
        if !dir.is_dir() {
            eprintln!("seeds not found at {}; skipping", dir.display());
            return;
        }
        for c in test_claims() {
            let text = std::fs::read_to_string(dir.join(c.source.file())).expect("seed");
            assert!(
                text.contains(c.source.quote),
                "{}: quote not in {}",
                c.id,
                c.source.file()
            );
        }
    }

    #[test]
    fn printed_values_are_the_expected_ones() {
        let find = |id| test_claims().iter().find(|c| c.id == id).expect(id);
        let text = |id| {
            find(id)
                .computed_text(ledger::Style::Plain)
                .expect("printable")
        };
        assert_eq!(text("coarse-graining.any-event-half"), "0.50");
        assert_eq!(text("cube-factory.three-answers"), "3 distinct answers");
        assert!(text("symmetries.permutations").ends_with("10^95 reorderings of hidden units"));
        assert_eq!(text("symmetries.rescalings"), "80 dimensions");
    }
}
