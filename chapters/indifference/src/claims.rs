//! The chapter's claims: what the sources say about indifference and its paradoxes, beside
//! what the chapter computes for it.
//!
//! Most of the source sentences are about arithmetic — what a given carving of the outcomes
//! implies — and the chapter checks that arithmetic at the source's own setting
//! ([`Basis::Full`](ledger::Basis::Full)). Each criterion is also decided on its rival, the
//! opposing reading computed by the same code: the carving done once instead of several
//! times, one chord method or one cube carving for all three draws, a town whose counts are
//! equal, a random move of the parameters as large as the symmetry's, a die that comes to
//! rest on a face, and for the crux a uniform draw over the consistent functions. Where a
//! sentence is about real throws of real dice and coins, the book has no data and says so
//! ([`Verdict::NotCheckable`]).

use crate::bertrand::{BertrandResult, Method};
use crate::coarse_graining::{
    Carving, Ratio, carvings_all_disagree, events_coarse_grained, sum_of_seven,
    sum_of_seven_carved_once,
};
use crate::crux::{CruxResult, Measured, Target, TargetRun};
use crate::cube_factory::CubeResult;
use crate::estimate::Estimate;
use crate::experiments::Results;
use crate::orientation::{Feature, MeasureResult, corner_to_face_lower, corner_to_face_upper};
use crate::restaurants::{Chooser, Town};
use crate::symmetries::{self, Move, SIZES};
use ledger::number::count;
use ledger::{Claim, Quantity, Seed, Source, Test, Verdict};

/// "Corners are not rare": the chance of resting near a corner is at least this share of the
/// chance of resting near a face. Real dice, which come to rest flat, have a share near zero.
pub const NOT_RARE: f64 = 0.1;

/// "Substantially different": two carvings' predictions differ by at least this factor.
pub const SUBSTANTIAL_FACTOR: f64 = 4.0;

/// The preference strengths at which the cuisine-first chooser must already prefer Mexican.
pub const WEAK_AND_UNIT_PREFERENCE: [f64; 2] = [1e-6, 1.0];

/// The end of the search for the preference strength at which Mexican overtakes Chinese.
pub const SEARCH_END: f64 = 50.0;

/// Every claim of the chapter, computed from one run of its experiments.
pub fn claims(results: &Results) -> Vec<Claim> {
    let mut all = coarse_graining_claims();
    all.extend(orientation_claims(results));
    all.extend(paradox_claims(results));
    all.extend(restaurant_claims());
    all.extend(symmetry_claims());
    all.extend(crux_claims(&results.crux));
    all
}

const CONTRADICTORY: &str = "In general, indifference reasoning produces wildly contradictory results depending on how we choose to cut up the space of outcomes.";
const CONTRADICTORY_STATED: &str =
    "indifference gives contradictory answers depending on how the outcomes are cut up";

/// Coarse-graining: one half for any event, and four answers for two dice totalling seven.
pub fn coarse_graining_claims() -> Vec<Claim> {
    let events = events_coarse_grained();
    let coarse: Vec<Ratio> = events.iter().map(|e| e.coarse).collect();
    let fine: Vec<Ratio> = events.iter().map(|e| e.fine).collect();
    let listed = events
        .iter()
        .map(|e| format!("{} ({})", e.event, e.fine))
        .collect::<Vec<_>>()
        .join(", ");
    let half = |ps: &[Ratio]| ps.iter().all(|&p| p == Ratio::new(1, 2));
    let carvings = sum_of_seven();
    let once = sum_of_seven_carved_once();
    let probabilities = |cs: &[Carving]| {
        cs.iter()
            .map(|c| format!("{}: {}", c.name, c.p_seven))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let criterion = format!(
        "holds if indifference over {} gives four different probabilities that two dice total seven ({})",
        carvings
            .iter()
            .map(|c| format!("the {} {}", c.outcomes, c.name))
            .collect::<Vec<_>>()
            .join(", "),
        probabilities(&carvings),
    );
    let rival = format!(
        "a principle that carves once: indifference over the ordered pairs, each coarser outcome weighted by the pairs it collects ({})",
        probabilities(&once)
    );
    let seven = |id: &'static str, k: usize| {
        Claim::statement(
            id,
            Seed::BelrosePope.quote(CONTRADICTORY),
            CONTRADICTORY_STATED,
            Test::full(criterion.clone()).on_data(
                Quantity::Real(carvings[k].p_seven.value()),
                carvings.as_slice(),
                rival.clone(),
                Quantity::Real(once[k].p_seven.value()),
                once.as_slice(),
                carvings_all_disagree,
            ),
            Verdict::Reproduced,
        )
        .digits(4)
    };
    vec![
        Claim::statement(
            "coarse-graining.any-event-half",
            Seed::BelrosePope.quote(
                "Even worse, by coarse-graining the possibilities, we can make the indifference principle predict that any event has a 50% chance of occuring (“either it happens or it doesn’t”).",
            ),
            "indifference over “it happens or it doesn’t” gives any event a 50% chance",
            Test::full(format!(
                "holds if indifference over the two outcomes “happens” and “doesn’t” gives exactly 1/2 to each of {listed}, whatever their probability under indifference over faces or ordered pairs (in brackets)"
            ))
            .on_data(
                Quantity::Real(coarse[0].value()),
                coarse.as_slice(),
                format!(
                    "the fine-grained carving, indifference over the faces of one die or the ordered pairs of two ({})",
                    fine.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                ),
                Quantity::Real(fine[0].value()),
                fine.as_slice(),
                half,
            ),
            Verdict::Reproduced,
        ).digits(2),
        seven("coarse-graining.seven-ordered-pairs", 0),
        seven("coarse-graining.seven-unordered-pairs", 1),
        seven("coarse-graining.seven-sums", 2),
    ]
}

/// What a reading of "uniform orientation" predicts for a die near a face, an edge and a
/// corner: the exact probabilities and the Monte Carlo estimates.
struct DieRest {
    exact: [f64; 3],
    estimates: [Estimate; 3],
}

impl DieRest {
    /// The estimates agree with the exact values, and a corner is at least [`NOT_RARE`] as
    /// likely as a face, exactly and by the estimates' conservative bound.
    fn corners_not_rare(&self) -> bool {
        let [face, _, corner] = self.exact;
        self.estimates
            .iter()
            .zip(self.exact)
            .all(|(e, p)| e.agrees_with(p))
            && corner / face >= NOT_RARE
            && corner_to_face_lower(&self.estimates) >= NOT_RARE
    }
}

/// Orientation: dice and a coin under two readings of "uniformly random orientation".
pub fn orientation_claims(r: &Results) -> Vec<Claim> {
    let o = &r.orientation;
    let cfg = &o.config;
    let theta = cfg.theta_deg;
    let n = count(cfg.samples);
    let coin = cfg.coin;
    let p_edge = coin.exact_edge_probability();
    let p_area = coin.rim_surface_share();
    let exact_ratio = o.exact_corner_to_face();
    let face_haar = Feature::Face.exact_haar(theta).expect("a small cap");
    let face_euler = o.euler.near_at_theta(Feature::Face);
    let (fe_lo, fe_hi) = face_euler.ci95();
    let haar_rest = DieRest {
        exact: Feature::ALL.map(|f| f.exact_haar(theta).expect("a small cap")),
        estimates: o.haar.at_theta,
    };
    let settled_rest = DieRest {
        exact: Feature::ALL.map(|f| f.exact_settled(theta).expect("a small cap")),
        estimates: o.settled,
    };
    let settled_ratio =
        o.settled[Feature::Corner as usize].p() / o.settled[Feature::Face as usize].p();
    let settled = format!(
        "real dice rest flat: the same {n} rotation-invariant orientations, each die toppled onto its nearest face (corner estimate's upper 99.9% bound over the face estimate's lower bound: {:.1e})",
        corner_to_face_upper(&o.settled)
    );
    vec![
        Claim::statement(
            "orientation.corners-haar",
            Seed::BelrosePope.quote(
                "But this prediction is clearly false: dice almost never land standing up on one of their corners, for example.",
            ),
            "a uniformly random orientation does not make resting on a corner rare, as it is for real dice",
            Test::full(format!(
                "holds if, with the orientation uniform under the rotation-invariant (Haar) measure, a die rests within {theta}° of a corner at least {NOT_RARE} times as often as within {theta}° of a face — exactly 8/6 = {exact_ratio:.4}; by Monte Carlo over {n} orientations, the corner estimate's lower 99.9% bound over the face estimate's upper bound is {:.3} — and the Monte Carlo estimates for face, edge and corner agree with the exact cap formula",
                o.haar.corner_to_face_lower()
            ))
            .on_data(
                Quantity::Real(exact_ratio),
                &haar_rest,
                settled.clone(),
                Quantity::Real(settled_ratio),
                &settled_rest,
                DieRest::corners_not_rare,
            ),
            Verdict::Reproduced,
        ).unit("× as likely near a corner as near a face").digits(4),
        Claim::statement(
            "orientation.corners-euler",
            Seed::BelrosePope.quote(
                "The indifference principle suggests that the resting states of coins and dice should be uniformly distributed between zero and 360 degrees for each of the three axes of rotation.",
            ),
            "each of the three rotation angles uniform on [0°, 360°): resting on a corner is then not rare either",
            Test::full(format!(
                "holds if, with yaw, pitch and roll each uniform on [0°, 360°), a die rests within {theta}° of a corner at least {NOT_RARE} times as often as within {theta}° of a face, by Monte Carlo over {n} orientations (corner estimate's lower 99.9% bound over the face estimate's upper bound: {:.3}); under this reading a die rests near a face more often than near a corner, unlike under the rotation-invariant one",
                o.euler.corner_to_face_lower()
            ))
            .on_data(
                Quantity::Real(o.euler.corner_to_face()),
                &o.euler.at_theta,
                settled,
                Quantity::Real(settled_ratio),
                &o.settled,
                |e: &[Estimate; 3]| corner_to_face_lower(e) >= NOT_RARE,
            ),
            Verdict::Reproduced,
        ).unit("× as likely near a corner as near a face").digits(3),
        Claim::statement(
            "orientation.euler-vs-haar",
            Seed::BelrosePope.quote(CONTRADICTORY),
            CONTRADICTORY_STATED,
            Test::full(format!(
                "holds if indifference over the three Euler angles and indifference over rotations (Haar) give different probabilities that a die rests within {theta}° of a face: Euler angles {:.5} (95% interval [{fe_lo:.5}, {fe_hi:.5}], {n} orientations), Haar exactly {face_haar:.5}, the Euler estimate's 99.9% interval excluding the exact value and the Haar estimate's",
                face_euler.p()
            ))
            .on_data(
                Quantity::Real(o.over_haar_face(&o.euler)),
                &o.euler,
                format!(
                    "one meaning of “uniform orientation” whatever the coordinates: the same three angles drawn with the rotation-invariant density — yaw and roll uniform, the sine of the pitch uniform — giving {:.5} over {n} orientations",
                    o.euler_haar.near_at_theta(Feature::Face).p()
                ),
                Quantity::Real(o.over_haar_face(&o.euler_haar)),
                &o.euler_haar,
                |m: &MeasureResult| o.differs_from_haar(m),
            ),
            Verdict::Reproduced,
        ).unit("× as likely as under the rotation-invariant reading").digits(3),
        Claim::not_checkable(
            "orientation.real-dice",
            Seed::BelrosePope.quote(
                "But this prediction is clearly false: dice almost never land standing up on one of their corners, for example.",
            ),
            "real dice almost never come to rest on a corner",
            "a fact about physical throws: the book has no record of throws to count, and a simulation of its own uniform prior cannot stand in for one",
        ),
        Claim::statement(
            "orientation.nickel-edge",
            Seed::BelrosePope.quote(
                "The indifference principle suggests that the resting states of coins and dice should be uniformly distributed",
            ),
            "indifference over orientation: a coin's resting orientation is uniformly random",
            Test::full(format!(
                "holds if, under the rotation-invariant measure, the probability that a US nickel ({} mm across, {} mm thick, the US Mint's specification) rests on its rim — its down direction within the rim's solid angle seen from the centre — computed exactly as t/√(t² + d²) = {p_edge:.5}, is confirmed by Monte Carlo over {n} orientations (estimate {:.5}, 99.9% interval)",
                coin.diameter_mm,
                coin.thickness_mm,
                o.haar.coin_edge.p()
            ))
            .on_data(
                Quantity::Real(1.0 / p_edge),
                &p_edge,
                format!(
                    "indifference over the point of the coin that touches the table instead: the rim's share of the surface, 2t/(2t + d) = {p_area:.5}"
                ),
                Quantity::Real(1.0 / p_area),
                &p_area,
                |p: &f64| o.haar.coin_edge.agrees_with(*p),
            ),
            Verdict::Reproduced,
        ).unit("tosses per edge landing").digits(3),
        Claim::not_checkable(
            "orientation.nickel-real",
            Source::paper(
                "murray1993probability",
                "Murray & Teare (1993)",
                "from a model of a tossed coin's motion, an estimated probability that a US nickel lands on its edge of about 1 in 6,000 tosses",
            ),
            "a tossed US nickel lands on its edge about once in 6,000 tosses",
            "needs real tosses, or a model of their dynamics calibrated on them; the book has neither, and reports the paper's estimate without checking it",
        ),
    ]
}

const OTHER_EXAMPLES: &str =
    "Other examples include Bertrand’s paradox and van Fraassen’s cube factory paradox.";

/// Bertrand's chords and van Fraassen's cubes.
pub fn paradox_claims(r: &Results) -> Vec<Claim> {
    let b = &r.bertrand;
    let one = &r.bertrand_one_method;
    let n = count(b.methods.first().map_or(0, |m| m.estimate.trials));
    let estimates = |r: &BertrandResult| {
        r.methods
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
            .join(", ")
    };
    let one_meaning = format!(
        "a control with one meaning of “a random chord”: all three draws by the random radial point ({})",
        one.methods
            .iter()
            .map(|m| format!("{:.4}", m.estimate.p()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let bertrand_stated =
        "Bertrand's paradox: indifference over chords of a circle gives contradictory answers";
    let method = |id: &'static str, k: usize| {
        let method = Method::ALL[k];
        Claim::statement(
            id,
            Seed::BelrosePope.quote(OTHER_EXAMPLES),
            bertrand_stated,
            Test::full(format!(
                "holds if the estimate of P(chord longer than √3) from {n} chords drawn by {} agrees with its exact value {}, excludes the other two methods' exact values, and is apart from the other two draws' estimates (99.9% Wilson intervals)",
                method.name(),
                method.exact_text()
            ))
            .on_data(
                Quantity::Real(b.methods[k].estimate.p()),
                b,
                format!("{one_meaning}; its value, the draw made in this method's place"),
                Quantity::Real(one.methods[k].estimate.p()),
                one,
                move |r: &BertrandResult| r.singles_out(k),
            ),
            Verdict::Reproduced,
        ).digits(4)
    };
    let c = &r.cube_factory;
    let c_one = &r.cube_one_carving;
    let cube_estimates = |r: &CubeResult| {
        r.answers
            .iter()
            .map(|(k, exact, e)| format!("uniform {} {:.4} (exact {exact})", k.name(), e.p()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        Claim::statement(
            "bertrand.three-answers",
            Seed::BelrosePope.quote(OTHER_EXAMPLES),
            bertrand_stated,
            Test::full(format!(
                "holds if three ways of drawing a uniformly random chord ({n} chords each) give estimates of P(chord longer than √3) that each agree with their exact value and are pairwise apart (99.9% Wilson intervals): {}",
                estimates(b)
            ))
            .on_data(
                Quantity::Integer(b.distinct_answers() as i128),
                b,
                one_meaning.clone(),
                Quantity::Integer(one.distinct_answers() as i128),
                one,
                BertrandResult::three_answers,
            ),
            Verdict::Reproduced,
        ).unit("distinct answers"),
        method("bertrand.endpoints", 0),
        method("bertrand.radial-point", 1),
        method("bertrand.midpoint", 2),
        Claim::statement(
            "cube-factory.three-answers",
            Seed::BelrosePope.quote(OTHER_EXAMPLES),
            "van Fraassen's cube factory: indifference over edge, face area or volume gives contradictory answers",
            Test::full(format!(
                "holds if, for cubes with edges up to {} and the question “edge at most {}?”, taking the edge, the face area and the volume as uniform gives estimates ({} cubes each) that agree with (a/L)^k and are pairwise apart (99.9% Wilson intervals): {}",
                c.config.max_edge,
                c.config.threshold,
                count(c.config.samples),
                cube_estimates(c)
            ))
            .on_data(
                Quantity::Integer(c.distinct_answers() as i128),
                c,
                format!(
                    "one carving for all three questions: the edge uniform, area and volume following from it ({})",
                    cube_estimates(c_one)
                ),
                Quantity::Integer(c_one.distinct_answers() as i128),
                c_one,
                CubeResult::three_answers,
            ),
            Verdict::Reproduced,
        ).unit("distinct answers"),
    ]
}

/// How many times likelier indifference over cuisines makes Mexican than indifference over
/// restaurants.
fn cuisine_over_restaurant(town: &Town) -> f64 {
    let mexican = town.index("Mexican");
    town.p(Chooser::CuisineFirst, 0.0, mexican) / town.p(Chooser::ByRestaurant, 0.0, mexican)
}

/// Whether a preference outweighs the count in `town`: choosing a cuisine first, Mexican is
/// strictly the likeliest dinner at the weakest and at a unit preference; restaurant by
/// restaurant, it overtakes Chinese at some strength below [`SEARCH_END`].
fn preference_outweighs_count(town: &Town) -> bool {
    let mexican = town.index("Mexican");
    WEAK_AND_UNIT_PREFERENCE
        .iter()
        .all(|&beta| town.strictly_most_likely(Chooser::CuisineFirst, beta, mexican))
        && town
            .crossover(
                Chooser::ByRestaurant,
                mexican,
                town.index("Chinese"),
                SEARCH_END,
            )
            .is_some()
}

/// Carlsmith's restaurants.
pub fn restaurant_claims() -> Vec<Claim> {
    let town = Town::default();
    let equal = town.with_equal_counts(1);
    let indifferent = town.without_preference();
    let mexican = town.index("Mexican");
    let by_cuisine = town.p(Chooser::CuisineFirst, 0.0, mexican);
    let by_restaurant = town.p(Chooser::ByRestaurant, 0.0, mexican);
    let counts = |t: &Town| {
        t.cuisines
            .iter()
            .map(|c| format!("{} {}", c.restaurants, c.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let crossover = town.mexican_overtakes_chinese();
    let [weak, unit] = WEAK_AND_UNIT_PREFERENCE;
    vec![
        Claim::statement(
            "restaurants.two-carvings",
            Seed::CarlsmithCounting.quote(
                "So if we don't know which type of cuisine Bob prefers, it's tempting to move closer to a uniform distribution over types of cuisine, rather than over individual restaurants.",
            ),
            "a uniform distribution over cuisines and one over individual restaurants predict differently",
            Test::full(format!(
                "holds if, in a town with {} restaurants (the Thai count is the book's choice), indifference over cuisines gives Mexican at least {SUBSTANTIAL_FACTOR} times the probability indifference over restaurants gives it ({by_cuisine:.4} against {by_restaurant:.4})",
                counts(&town)
            ))
            .on_data(
                Quantity::Real(cuisine_over_restaurant(&town)),
                &town,
                format!("a town where the counts are equal ({})", counts(&equal)),
                Quantity::Real(cuisine_over_restaurant(&equal)),
                &equal,
                |t: &Town| cuisine_over_restaurant(t) >= SUBSTANTIAL_FACTOR,
            ),
            Verdict::Reproduced,
        ).unit("times higher under indifference over cuisines than over restaurants").digits(3),
        Claim::statement(
            "restaurants.preference-outweighs-count",
            Seed::CarlsmithCounting.quote(
                "E.g., it could be that there are ten Chinese restaurants for every Mexican restaurant, but if Bob likes Mexican food better in general, he might just choose Mexican.",
            ),
            "a general preference for Mexican food can outweigh ten Chinese restaurants for every Mexican one",
            Test::model(format!(
                "holds if, assuming Bob chooses with probability ∝ e^(β·u), Mexican one unit of utility above the rest, in a town with {} restaurants: choosing a cuisine first makes Mexican strictly his most likely dinner at β = {weak:e} and {unit}, and choosing restaurant by restaurant makes Mexican overtake Chinese below β = {SEARCH_END}; the value is that break-even strength, found by bisection (ln 10 in closed form); the conclusion flips where the preference vanishes",
                counts(&town)
            ))
            .on_data(
                Quantity::Real(crossover.unwrap_or(SEARCH_END)),
                &town,
                format!(
                    "no preference (every cuisine's utility equal): Mexican never overtakes Chinese restaurant by restaurant, so the search ends at β = {SEARCH_END}"
                ),
                Quantity::Real(indifferent.mexican_overtakes_chinese().unwrap_or(SEARCH_END)),
                &indifferent,
                preference_outweighs_count,
            ),
            Verdict::ModelConsequence,
        ).digits(4),
    ]
}

/// Turner's symmetries, for the 7-40-40-1 ReLU network.
pub fn symmetry_claims() -> Vec<Claim> {
    let check = symmetries::book_check();
    let perms = symmetries::log10_permutations(&SIZES);
    let widths = symmetries::hidden_widths(&SIZES);
    let dims = symmetries::rescaling_dimension(&SIZES);
    let arch = SIZES.map(|n| n.to_string()).join("-");
    let tolerance = symmetries::SAME_FUNCTION;
    vec![
        Claim::statement(
            "symmetries.permutations",
            Seed::Turner.quote(
                "(Don't forget to take into account the architecture's internal symmetries !)",
            ),
            "a network architecture has internal symmetries a count over parameterizations must take into account",
            Test::full(format!(
                "holds if reordering the hidden units of a randomly initialised {arch} ReLU network (a random permutation of each hidden layer) moves its parameters (distance {:.1}) while changing its outputs on random inputs by less than {tolerance:e} relative (measured: {:.1e}); the value is the number of such reorderings, the product of the hidden widths' factorials {widths:?}, as a certified enclosure",
                check.permuted_distance,
                check.permuted_output_change
            ))
            .on_data(
                Quantity::Log10 {
                    lo: perms.lo_f64(),
                    hi: perms.hi_f64(),
                },
                &check.permutation(),
                format!(
                    "a random move of the parameters as far as the reordering's, which changes the outputs by {:.2} relative: only the identity keeps the function",
                    check.perturbed_output_change
                ),
                Quantity::Integer(1),
                &check.perturbation(),
                Move::keeps_the_function,
            ),
            Verdict::Reproduced,
        ).digits(4),
        Claim::statement(
            "symmetries.rescalings",
            Seed::Turner.quote(
                "You have to not just think about \"what does this system do?\", but \"how many ways can this function be implemented?\".",
            ),
            "one function is implemented by many parameter settings",
            Test::full(format!(
                "holds if scaling each hidden unit's incoming weights and bias of a randomly initialised {arch} ReLU network by a random a in [1/2, 2] and dividing its outgoing weights by a moves the parameters (distance {:.1}) while changing the outputs by less than {tolerance:e} relative (measured: {:.1e}), and an uncompensated scaling changes them (by {:.2} relative); the value is the dimension of this continuous symmetry, one per hidden unit",
                check.rescaled_distance,
                check.rescaled_output_change,
                check.control_output_change
            ))
            .on_data(
                Quantity::Integer(dims as i128),
                &(check.rescaling(), check.control_output_change),
                format!(
                    "a random move of the parameters as far as the rescaling's, which changes the outputs by {:.2} relative: no direction of symmetry",
                    check.perturbed_rescaled_output_change
                ),
                Quantity::Integer(0),
                &(
                    check.rescaling_sized_perturbation(),
                    check.control_output_change,
                ),
                |&(m, control): &(Move, f64)| m.keeps_the_function() && control > 1e-3,
            ),
            Verdict::Reproduced,
        ).unit("dimensions"),
    ]
}

/// How close the parameter count must come to SGD: its error in mean test accuracy at most
/// this share of the function count's error.
pub const TRACKS: f64 = 0.5;

/// How far above chance SGD's mean test accuracy must be, at every training-set size.
pub const ABOVE_CHANCE: f64 = 0.2;

/// Fewest networks the parameter count must keep at a training-set size for its mean to be
/// compared with SGD's there; below it the size is reported as not measured.
pub const MIN_KEPT: usize = 10;

/// Whether trained networks' mean test accuracy is off one half by more than two standard
/// errors: where it is not, the function count's error is sampling noise and the ratio
/// [`tracks`] takes is undefined, so the size is reported, not compared.
fn above_chance(m: &Measured) -> bool {
    let n = m.kept();
    if n < 2 {
        return false;
    }
    let mean = m.mean_accuracy();
    let var = m
        .test_accuracies
        .iter()
        .map(|a| (a - mean).powi(2))
        .sum::<f64>()
        / (n - 1) as f64;
    (mean - 0.5).abs() > 2.0 * (var / n as f64).sqrt()
}

/// "Most of the time": the share of fitted networks that defy the target somewhere that the
/// counting argument's prediction needs.
pub const MOST_OF_THE_TIME: f64 = 0.5;

/// The smallest margin of mean test accuracy above one half, over training-set sizes.
fn margin_above_half(measures: &[&Measured]) -> f64 {
    measures
        .iter()
        .map(|m| m.mean_accuracy() - 0.5)
        .fold(f64::INFINITY, f64::min)
}

/// Whether a predictor's mean test accuracy is, at every training-set size, within
/// [`TRACKS`] of the function count's error from SGD's: `(predictor, sgd)` pairs.
fn tracks(pairs: &[(f64, f64)]) -> bool {
    !pairs.is_empty()
        && pairs
            .iter()
            .all(|&(pred, sgd)| (sgd - pred).abs() <= TRACKS * (sgd - 0.5).abs())
}

/// The largest 95% upper bound, over training-set sizes, on a measure's schemer share.
fn worst_schemer_upper(measures: &[&Measured]) -> f64 {
    measures
        .iter()
        .map(|m| {
            Estimate::new(m.schemers as u64, m.kept().max(1) as u64)
                .ci95()
                .1
        })
        .fold(0.0, f64::max)
}

/// The smallest 95% lower bound, over training-set sizes, on a measure's share of networks
/// that defy the target on at least one trigger input.
fn least_defier_lower(measures: &[&Measured]) -> f64 {
    measures
        .iter()
        .map(|m| {
            Estimate::new(m.defiers as u64, m.kept().max(1) as u64)
                .ci95()
                .0
        })
        .fold(1.0, f64::min)
}

/// A measure's schemer analogs over all training-set sizes, as a percentage of its networks.
fn pooled_schemer_percent(measures: &[&Measured]) -> f64 {
    let schemers: usize = measures.iter().map(|m| m.schemers).sum();
    let all: usize = measures.iter().map(|m| m.kept()).sum();
    100.0 * schemers as f64 / all.max(1) as f64
}

/// A measure's networks that defy the target somewhere, pooled, as a percentage.
fn pooled_defier_percent(measures: &[&Measured]) -> f64 {
    let defiers: usize = measures.iter().map(|m| m.defiers).sum();
    let all: usize = measures.iter().map(|m| m.kept()).sum();
    100.0 * defiers as f64 / all.max(1) as f64
}

/// The targets the accuracy and schemer tests are decided on: those with structure beyond the
/// training set. On a uniformly random target every learner's expected test accuracy is one
/// half, whatever its bias, so no test of accuracy or of "defying the target" can tell the
/// measures apart there; it is reported beside, as a control.
fn decided(r: &CruxResult) -> Vec<&TargetRun> {
    r.targets
        .iter()
        .filter(|t| !matches!(t.target, Target::Random(_)))
        .collect()
}

fn controls(r: &CruxResult) -> Vec<&TargetRun> {
    r.targets
        .iter()
        .filter(|t| matches!(t.target, Target::Random(_)))
        .collect()
}

/// Every trained network set (every arm, every size) of the given targets.
fn trained<'a>(targets: &[&'a TargetRun]) -> Vec<&'a Measured> {
    targets
        .iter()
        .flat_map(|t| t.points.iter().flat_map(|p| p.arms.iter()))
        .collect()
}

fn uniform_of<'a>(targets: &[&'a TargetRun]) -> Vec<&'a Measured> {
    targets
        .iter()
        .flat_map(|t| t.points.iter().map(|p| &p.uniform))
        .collect()
}

/// `name (K bits): text` for each target, `; `-separated.
fn per_target(targets: &[&TargetRun], text: impl Fn(&TargetRun) -> String) -> String {
    targets
        .iter()
        .map(|t| {
            format!(
                "{} ({:.0} bits): {}",
                t.target.name(),
                t.complexity_bits,
                text(t)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Each arm's value of `stat` on a target's trained networks, `, `-separated.
fn per_arm(r: &CruxResult, t: &TargetRun, stat: impl Fn(&[&Measured]) -> String) -> String {
    r.arm_names
        .iter()
        .enumerate()
        .map(|(a, name)| {
            let ms: Vec<&Measured> = t.points.iter().map(|p| &p.arms[a]).collect();
            format!("{name} {}", stat(&ms))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The runs that never fit, per target and arm.
fn never_fit_text(r: &CruxResult) -> String {
    let targets: Vec<&TargetRun> = r.targets.iter().collect();
    per_target(&targets, |t| {
        per_arm(r, t, |ms| {
            let never: usize = ms.iter().map(|m| m.never_fit).sum();
            format!("{never} of {}", ms.len() * r.sgd_runs)
        })
    })
}

/// The crux's claims.
///
/// Each is decided against the function count's own prediction, drawn as the other measures
/// are ([`CruxPoint::uniform`](crate::crux::CruxPoint::uniform)): a uniform draw over the
/// functions that fit the training set. The tests are decided on the targets with structure
/// (the first bit, the parity of two bits, the majority of three) and every training arm; the
/// random target's values are reported beside them.
pub fn crux_claims(r: &CruxResult) -> Vec<Claim> {
    let first = &r.points()[0];
    let targets = decided(r);
    let control = controls(r);
    let sgd = trained(&targets);
    let uniform = uniform_of(&targets);
    // What meeting the bars looks like: the same networks on the first-bit target alone, the
    // chapter's only target before the harder ones.
    let first_bit: Vec<&TargetRun> = r.targets.iter().take(1).collect();
    let first_bit_sgd = trained(&first_bit);
    let first_bit_rival = format!(
        "the same trained networks on the {} target alone, the chapter's only target before the harder ones, showing what meeting the bar looks like",
        r.targets[0].target.name()
    );
    let never_fit: usize = trained(&r.targets.iter().collect::<Vec<_>>())
        .iter()
        .map(|m| m.never_fit)
        .sum();
    let draws = first.uniform.kept();
    let ms: Vec<String> = first_points(r).map(|p| p.m.to_string()).collect();
    let ms = ms.join(", ");
    let inputs = first.m + first.unseen;
    let arms = r.arm_names.join(" and ");
    let names = |ts: &[&TargetRun]| {
        ts.iter()
            .map(|t| t.target.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let set_up = format!(
        "targets {} (decided) and {} (the control, reported beside: on a random target every learner's expected test accuracy is one half); training sets of {ms} of {inputs} inputs; {} runs per target, size and arm ({arms}), {never_fit} of them never fitting within the step budget ({})",
        names(&targets),
        names(&control),
        r.sgd_runs,
        never_fit_text(r)
    );
    // The parameter count against each arm, at the sizes where it kept enough networks.
    let pairs = |targets: &[&TargetRun],
                 pred: &dyn Fn(&crate::crux::CruxPoint) -> &Measured|
     -> Vec<(f64, f64)> {
        targets
            .iter()
            .flat_map(|t| t.points.iter())
            .filter(|p| p.parameters.kept() >= MIN_KEPT)
            .flat_map(|p| {
                let predicted = pred(p).mean_accuracy();
                p.arms
                    .iter()
                    .filter(|a| above_chance(a))
                    .map(move |a| (predicted, a.mean_accuracy()))
            })
            .collect()
    };
    let params_vs_sgd = pairs(&targets, &|p| &p.parameters);
    let uniform_vs_sgd = pairs(&targets, &|p| &p.uniform);
    let errors = |t: &TargetRun, pred: &dyn Fn(&crate::crux::CruxPoint) -> &Measured| {
        t.points
            .iter()
            .map(|p| {
                if p.parameters.kept() < MIN_KEPT {
                    return format!("m = {}: {} kept, not measured", p.m, p.parameters.kept());
                }
                let p_acc = pred(p).mean_accuracy();
                let errs = p
                    .arms
                    .iter()
                    .map(|a| {
                        if !above_chance(a) {
                            return "trained networks at chance, not compared".to_string();
                        }
                        let s = a.mean_accuracy();
                        format!(
                            "{:.1} against {:.1}",
                            100.0 * (s - p_acc).abs(),
                            100.0 * (s - 0.5).abs()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" / ");
                format!("m = {} ({} kept): {errs}", p.m, p.parameters.kept())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let k = r.trigger_size;
    let function_share = 0.5f64.powi(k as i32);
    let uniform_rival = format!(
        "the function count, sampled: {draws} truth tables per target and training-set size drawn uniformly from those that fit"
    );
    let margins = |ts: &[&TargetRun]| {
        per_target(ts, |t| {
            per_arm(r, t, |ms| format!("{:.1}", 100.0 * margin_above_half(ms)))
        })
    };
    let schemer_uppers = |ts: &[&TargetRun]| {
        per_target(ts, |t| {
            per_arm(r, t, |ms| {
                format!("{:.1}%", 100.0 * worst_schemer_upper(ms))
            })
        })
    };
    let defier_text = |ts: &[&TargetRun]| {
        per_target(ts, |t| {
            per_arm(r, t, |ms| {
                let shares: Vec<String> = ms
                    .iter()
                    .map(|m| format!("{:.0}%", 100.0 * m.defier_share()))
                    .collect();
                format!(
                    "{} (least lower bound {:.0}%)",
                    shares.join(", "),
                    100.0 * least_defier_lower(ms)
                )
            })
        })
    };
    vec![
        Claim::statement(
            "crux.sgd-is-not-uniform-over-functions",
            Seed::BelrosePope.quote("These results strongly suggest that SGD is not doing anything like sampling uniformly at random from the set of representable functions that do well on the training set."),
            "SGD does not sample consistent functions uniformly",
            Test::small(format!(
                "holds if, at every decided target, training-set size and arm, the mean test accuracy of networks trained until they fit exceeds one half, what a uniform draw over the consistent functions gives, by at least {:.0} points (smallest margin, the value: trained networks {:.1} points, the sampled function count {:.1}; the first bit's first arm at m = {} averages {:.1}%). Smallest margin per target, in points: {}; the control: {}. Set-up: {set_up}",
                100.0 * ABOVE_CHANCE,
                100.0 * margin_above_half(&sgd),
                100.0 * margin_above_half(&uniform),
                first.m,
                100.0 * first.sgd.mean_accuracy(),
                margins(&targets),
                margins(&control),
            ))
            .on_data(
                Quantity::Real(100.0 * margin_above_half(&sgd)),
                sgd.as_slice(),
                first_bit_rival.clone(),
                Quantity::Real(100.0 * margin_above_half(&first_bit_sgd)),
                first_bit_sgd.as_slice(),
                |ms: &[&Measured]| margin_above_half(ms) >= ABOVE_CHANCE,
            ),
            Verdict::NotReproduced,
        ).unit("points").digits(3),
        Claim::statement(
            "crux.parameters-track-sgd",
            Seed::Turner.quote("This supports the idea that “counting arguments over parameterizations” are far more appropriate than “counting arguments over functions."),
            "counting parameterizations predicts training better than counting functions",
            Test::small(format!(
                "holds if, at every decided target, arm and training-set size where the parameter count kept at least {MIN_KEPT} networks and the trained networks' mean test accuracy is off one half by more than two standard errors, the mean test accuracy of randomly initialised networks that fit the training set ({} drawn) is off the trained networks' by at most {TRACKS} times what the function count's one half is off it, in points of test accuracy ({} comparisons); per target, the parameter count's error against one half's: {}; the control: {}; the sampled function count as the predictor: {}. The value is the parameter count's mean test accuracy on the first bit at m = {}. Set-up: {set_up}",
                count(r.samples),
                params_vs_sgd.len(),
                per_target(&targets, |t| errors(t, &|p| &p.parameters)),
                per_target(&control, |t| errors(t, &|p| &p.parameters)),
                per_target(&targets, |t| errors(t, &|p| &p.uniform)),
                first.m,
            ))
            .on_data(
                Quantity::Real(100.0 * first.parameters.mean_accuracy()),
                params_vs_sgd.as_slice(),
                format!(
                    "{uniform_rival}, as the predictor at the same comparisons"
                ),
                Quantity::Real(100.0 * first.uniform.mean_accuracy()),
                uniform_vs_sgd.as_slice(),
                tracks,
            ),
            Verdict::Qualitative,
        ).unit("%").digits(3),
        Claim::statement(
            "crux.schemer-analog",
            Seed::BelrosePope.quote("Without an indifference principle, we might think that SGD is strongly biased toward producing non-schemers, even if there are “more” schemers."),
            "SGD gives less mass than the function count to functions that defy the target on every trigger input",
            Test::small(format!(
                "holds if, at every decided target, training-set size and arm, the 95% upper bound on the share of fitted networks that defy the target on all {k} trigger inputs lies below the function count's 2^-{k} (worst upper bound: trained networks {:.1}%, the sampled function count {:.1}%; the value is pooled over the decided targets, sizes and arms). Worst upper bound per target: {}; the control: {}. Set-up: {set_up}",
                100.0 * worst_schemer_upper(&sgd),
                100.0 * worst_schemer_upper(&uniform),
                schemer_uppers(&targets),
                schemer_uppers(&control),
            ))
            .on_data(
                Quantity::Real(pooled_schemer_percent(&sgd)),
                sgd.as_slice(),
                first_bit_rival,
                Quantity::Real(pooled_schemer_percent(&first_bit_sgd)),
                first_bit_sgd.as_slice(),
                |ms: &[&Measured]| worst_schemer_upper(ms) < function_share,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(2),
        Claim::statement(
            "crux.defies-somewhere",
            Seed::BelrosePope.quote("Since there are “more” possible schemers than non-schemers, the argument goes, we should expect training to produce schemers most of the time."),
            "training mostly produces functions that fit the training set and defy the target somewhere it is not watched, the class that is more numerous",
            Test::small(format!(
                "holds if, at every decided target, training-set size and arm, the 95% lower bound on the share of fitted networks that defy the target on at least one of the {k} trigger inputs (never in training) exceeds {:.0}%, \"most of the time\"; that class is 1 - 2^-{k} of the consistent functions (least lower bound: trained networks {:.1}%, the sampled function count {:.1}%; the value is pooled over the decided targets, sizes and arms). Share per training-set size, per target: {}; the control: {}. Set-up: {set_up}",
                100.0 * MOST_OF_THE_TIME,
                100.0 * least_defier_lower(&sgd),
                100.0 * least_defier_lower(&uniform),
                defier_text(&targets),
                defier_text(&control),
            ))
            .on_data(
                Quantity::Real(pooled_defier_percent(&sgd)),
                sgd.as_slice(),
                uniform_rival,
                Quantity::Real(pooled_defier_percent(&uniform)),
                uniform.as_slice(),
                |ms: &[&Measured]| least_defier_lower(ms) > MOST_OF_THE_TIME,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(2),
    ]
}

fn first_points(r: &CruxResult) -> impl Iterator<Item = &crate::crux::CruxPoint> {
    r.points().iter()
}
