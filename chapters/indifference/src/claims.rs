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
use crate::crux::{self, CruxPoint, CruxResult, Measured, Target, TargetRun};
use crate::cube_factory::CubeResult;
use crate::estimate::Estimate;
use crate::experiments::Results;
use crate::literal_count;
use crate::orientation::{Feature, MeasureResult, corner_to_face_lower, corner_to_face_upper};
use crate::restaurants::{Chooser, Town};
use crate::symmetries::{self, Move, SIZES};
use ledger::number::count;
use ledger::{Claim, Quantity, Seed, Source, Test, Verdict};
use nets::boolean::TruthTable;

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
    all.extend(literal_count_claims());
    all.extend(crux_claims(&results.crux));
    all.extend(selection_claims(&results.crux));
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

/// Carlsmith's literal count, for the 7-40-40-1 ReLU network in float32.
pub fn literal_count_claims() -> Vec<Claim> {
    let c = literal_count::book_network();
    let log10 = |e: &certified::Enclosure| Quantity::Log10 {
        lo: e.lo_f64(),
        hi: e.hi_f64(),
    };
    let arch = SIZES.map(|n| n.to_string()).join("-");
    vec![Claim::statement(
        "literal-count.not-the-initialisation",
        Seed::CarlsmithCounting.quote("though note that on a real-world computer, the actual set of possible neural network parameter settings will be finite in any given case – and so would accommodate a more literal \"count,\" if necessary"),
        "a finite set of parameter settings allows a literal count (the book adds: counting its members equally is then a measure of its own, not the initialisation's)",
        Test::full(format!(
            "holds if, of the 10^{:.1} float32 settings of the {arch} ReLU network's {} parameters (32 bits each), the share whose every parameter lies inside the support of the uniform initialisation the book's networks are drawn from is below 10^-6; the value is that share, counted exactly from the float32 format (each parameter's share is just under one half, since half of all bit patterns have a magnitude below one). Of the same settings, 10^{:.2} have every parameter finite",
            c.log10_settings.lo_f64(),
            c.parameters,
            c.log10_all_finite.lo_f64(),
        ))
        .on(
            log10(&c.log10_inside_initialisation),
            "the initialisation's own measure, which puts all its weight inside its support",
            Quantity::Integer(1),
            |q| match *q {
                Quantity::Log10 { hi, .. } => hi < -6.0,
                Quantity::Integer(_) | Quantity::Real(_) => q.to_f64() < 1e-6,
            },
        ),
        Verdict::Reproduced,
    )
    .digits(3)]
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

/// How close the parameter count must come to SGD: its error in each unseen input's output
/// probability, averaged over the inputs, at most this share of how far SGD's probabilities
/// are from the function count's one half.
pub const TRACKS: f64 = 0.5;

/// How far above one half the mean agreement between two independently trained networks on
/// the unseen inputs must be, at every target, training-set size and arm, for SGD to be
/// "not anything like" a uniform draw over the consistent functions (which agrees with
/// itself one time in two).
pub const ABOVE_CHANCE: f64 = 0.2;

/// Fewest networks the parameter count must keep at a training-set size for its output
/// probabilities to be compared with SGD's: at 100 the sampling error of each probability is
/// at most 0.05, a tenth of the largest possible distance from one half.
pub const MIN_KEPT: usize = 100;

/// "Most of the time": the share of fitted networks that defy the target somewhere that the
/// counting argument's prediction needs.
pub const MOST_OF_THE_TIME: f64 = 0.5;

/// One setting of the crux: a measure's networks at one target, training-set size and arm,
/// with the point that holds the setting's unseen inputs.
#[derive(Clone, Copy)]
struct Setting<'a> {
    /// The target's truth table.
    target_table: TruthTable,
    point: &'a CruxPoint,
    measured: &'a Measured,
}

/// Every trained setting (every arm, every size) of the given targets.
fn trained<'a>(targets: &[&'a TargetRun]) -> Vec<Setting<'a>> {
    targets
        .iter()
        .flat_map(|&target| {
            target.points.iter().flat_map(move |point| {
                point.arms.iter().map(move |measured| Setting {
                    target_table: target.table,
                    point,
                    measured,
                })
            })
        })
        .collect()
}

/// The sampled function count's setting at every size of the given targets.
fn uniform_of<'a>(targets: &[&'a TargetRun]) -> Vec<Setting<'a>> {
    targets
        .iter()
        .flat_map(|&target| {
            target.points.iter().map(move |point| Setting {
                target_table: target.table,
                point,
                measured: &point.uniform,
            })
        })
        .collect()
}

/// At each setting, the margin above one half of the mean pairwise agreement on the unseen
/// inputs of the networks `tables` picks there.
fn agreement_margins<'a>(
    settings: &[Setting<'a>],
    tables: impl Fn(&Setting<'a>) -> Vec<TruthTable>,
) -> Vec<f64> {
    settings
        .iter()
        .map(|s| crux::pairwise_agreement(&tables(s), s.point.test) - 0.5)
        .collect()
}

/// The same for the networks each setting kept.
fn kept_agreement_margins(settings: &[Setting<'_>]) -> Vec<f64> {
    agreement_margins(settings, |s| s.measured.tables.clone())
}

/// The smallest value; NaN if any is (a setting with too few networks to measure), so that
/// a test on it fails rather than skipping the setting.
fn smallest(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, |a, b| {
        if a.is_nan() || b.is_nan() {
            f64::NAN
        } else {
            a.min(b)
        }
    })
}

/// The smallest margin above one half, over settings, of the mean pairwise agreement.
fn least_agreement_margin(settings: &[Setting<'_>]) -> f64 {
    smallest(&kept_agreement_margins(settings))
}

/// The smallest margin of mean test accuracy above one half, over settings.
fn margin_above_half(settings: &[Setting<'_>]) -> f64 {
    settings
        .iter()
        .map(|s| s.measured.mean_accuracy() - 0.5)
        .fold(f64::INFINITY, f64::min)
}

/// One comparison of the tracking test: a predictor's networks against the trained
/// networks, on the unseen inputs `on`.
#[derive(Clone, Copy, Debug)]
struct Comparison<'a> {
    predictor: &'a [TruthTable],
    trained: &'a [TruthTable],
    on: TruthTable,
}

impl Comparison<'_> {
    fn ratio(&self) -> f64 {
        error_ratio(self.predictor, self.trained, self.on)
    }
}

/// How far a predictor's output probabilities on the unseen inputs are from the trained
/// networks', over how far the trained networks' are from one half (each a mean of
/// absolute differences over the unseen inputs): 1 for the function count's one half, 0 for
/// a perfect predictor.
fn error_ratio(predictor: &[TruthTable], trained: &[TruthTable], on: TruthTable) -> f64 {
    let q = crux::marginals(trained, on);
    let p = crux::marginals(predictor, on);
    let error = nets::stats::mean(q.iter().zip(&p).map(|(q, p)| (q - p).abs()));
    let from_half = nets::stats::mean(q.iter().map(|q| (q - 0.5).abs()));
    error / from_half
}

/// The comparisons the tracking test makes: at every setting whose parameter count kept at
/// least [`MIN_KEPT`] networks, the predictor's output probabilities against the trained
/// networks'.
fn tracking<'a>(
    settings: &[Setting<'a>],
    predictor: impl Fn(&'a CruxPoint) -> &'a Measured,
) -> Vec<Comparison<'a>> {
    settings
        .iter()
        .filter(|s| s.point.parameters.kept() >= MIN_KEPT)
        .map(|s| Comparison {
            predictor: &predictor(s.point).tables,
            trained: &s.measured.tables,
            on: s.point.test,
        })
        .collect()
}

/// The ceiling of the tracking test at this many runs: at every setting the tracking test
/// compares, the first half of the trained networks as the predictor of the second half.
fn split_half_tracking<'a>(settings: &[Setting<'a>]) -> Vec<Comparison<'a>> {
    settings
        .iter()
        .filter(|s| s.point.parameters.kept() >= MIN_KEPT)
        .map(|s| {
            let (first, second) = s.measured.tables.split_at(s.measured.kept() / 2);
            Comparison {
                predictor: first,
                trained: second,
                on: s.point.test,
            }
        })
        .collect()
}

/// Bootstrap resamples behind [`worst_ratio_upper`].
const RESAMPLES: usize = 200;

/// The seed of the bootstrap, so that the bound is the same on every run.
const BOOTSTRAP_SEED: u64 = 0x7ac4_b007;

/// Whether a predictor tracks the trained networks at every comparison (and there is one):
/// the 95% upper bound on the largest ratio is within the bar.
fn tracks(comparisons: &[Comparison<'_>]) -> bool {
    worst_ratio_upper(comparisons) <= TRACKS
}

/// The largest error ratio over the comparisons.
fn worst_ratio(comparisons: &[Comparison<'_>]) -> f64 {
    comparisons
        .iter()
        .map(Comparison::ratio)
        .fold(0.0, f64::max)
}

/// A one-sided 95% upper bound on the largest ratio: the 0.95-quantile
/// ([`nets::stats::quantile`]), over [`RESAMPLES`] bootstrap resamples, of the largest ratio when each comparison's predictor
/// networks and trained networks are drawn again with replacement. Infinite when there is
/// no comparison, so that a test with nothing to compare cannot pass.
fn worst_ratio_upper(comparisons: &[Comparison<'_>]) -> f64 {
    use rand::RngExt;
    if comparisons.is_empty() {
        return f64::INFINITY;
    }
    let mut r = nets::rng(BOOTSTRAP_SEED);
    let mut resample = |tables: &[TruthTable]| -> Vec<TruthTable> {
        (0..tables.len())
            .map(|_| tables[r.random_range(0..tables.len())])
            .collect()
    };
    let worst: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            comparisons
                .iter()
                .map(|c| {
                    let predictor = resample(c.predictor);
                    let trained = resample(c.trained);
                    error_ratio(&predictor, &trained, c.on)
                })
                .fold(0.0, f64::max)
        })
        .collect();
    nets::stats::quantile(&worst, 0.95)
}

/// The largest 95% upper bound, over settings, on the schemer share.
fn worst_schemer_upper(settings: &[Setting<'_>]) -> f64 {
    settings
        .iter()
        .map(|s| {
            Estimate::new(s.measured.schemers as u64, s.measured.kept().max(1) as u64)
                .ci95()
                .1
        })
        .fold(0.0, f64::max)
}

/// The smallest 95% lower bound, over settings, on the share of networks that defy the
/// target on at least one trigger input.
fn least_defier_lower(settings: &[Setting<'_>]) -> f64 {
    settings
        .iter()
        .map(|s| {
            Estimate::new(s.measured.defiers as u64, s.measured.kept().max(1) as u64)
                .ci95()
                .0
        })
        .fold(1.0, f64::min)
}

/// A share of networks pooled over settings, as a percentage.
fn pooled_percent(settings: &[Setting<'_>], count: impl Fn(&Measured) -> usize) -> f64 {
    let hits: usize = settings.iter().map(|s| count(s.measured)).sum();
    let all: usize = settings.iter().map(|s| s.measured.kept()).sum();
    100.0 * hits as f64 / all.max(1) as f64
}

/// The targets the schemer tests are decided on: those with structure beyond the training
/// set. On a uniformly random target the trigger inputs' values are coins whatever the
/// learner's bias, so "defying the target" there cannot tell the measures apart; it is
/// reported beside, as a control.
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

/// Each arm's value of `stat` over a target's sizes, `, `-separated.
fn per_arm(r: &CruxResult, t: &TargetRun, stat: impl Fn(&[Setting<'_>]) -> String) -> String {
    r.arm_names
        .iter()
        .enumerate()
        .map(|(a, name)| {
            let settings: Vec<Setting<'_>> = t
                .points
                .iter()
                .map(|point| Setting {
                    target_table: t.table,
                    point,
                    measured: &point.arms[a],
                })
                .collect();
            format!("{name} {}", stat(&settings))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The runs that never fit, per target and arm.
fn never_fit_text(r: &CruxResult) -> String {
    let targets: Vec<&TargetRun> = r.targets.iter().collect();
    per_target(&targets, |t| {
        per_arm(r, t, |settings| {
            let never: usize = settings.iter().map(|s| s.measured.never_fit).sum();
            format!("{never} of {}", settings.len() * r.sgd_runs)
        })
    })
}

/// The crux's claims.
///
/// Each is decided by one rule applied to the trained networks of every arm and to a rival,
/// most often the function count's own prediction drawn as the other measures are
/// ([`CruxPoint::uniform`]): a uniform draw over the functions that fit the training set.
/// The agreement and tracking tests are decided on every target; the schemer tests on the
/// targets with structure (the first bit, the parity of two bits, the majority of three),
/// the random target's values reported beside them.
pub fn crux_claims(r: &CruxResult) -> Vec<Claim> {
    let first = &r.points()[0];
    let all: Vec<&TargetRun> = r.targets.iter().collect();
    let targets = decided(r);
    let control = controls(r);
    let sgd_all = trained(&all);
    let uniform_all = uniform_of(&all);
    let sgd = trained(&targets);
    let uniform = uniform_of(&targets);
    let never_fit: usize = sgd_all.iter().map(|s| s.measured.never_fit).sum();
    let draws = first.uniform.kept();
    let ms = r
        .points()
        .iter()
        .map(|p| p.m.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let inputs = first.m + first.unseen;
    let arms = r.arm_names.join(" and ");
    let names = |ts: &[&TargetRun]| {
        ts.iter()
            .map(|t| t.target.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let set_up = format!(
        "targets {}; training sets of {ms} of {inputs} inputs; {} runs per target, size and arm ({arms}), {never_fit} of them never fitting within the step budget ({})",
        names(&all),
        r.sgd_runs,
        never_fit_text(r)
    );
    let k = r.trigger_size;
    let function_share = 0.5f64.powi(k as i32);
    let uniform_rival = format!(
        "the function count, sampled: {draws} truth tables per target and training-set size drawn uniformly from those that fit"
    );
    let agreements = per_target(&all, |t| {
        per_arm(r, t, |s| {
            format!("{:.1}", 100.0 * (0.5 + least_agreement_margin(s)))
        })
    });
    let margins = per_target(&all, |t| {
        per_arm(r, t, |s| format!("{:.1}", 100.0 * margin_above_half(s)))
    });
    let ratios = |predictor: &dyn Fn(&CruxPoint) -> &Measured| {
        per_target(&all, |t| {
            per_arm(r, t, |s| {
                let c = tracking(s, predictor);
                if c.is_empty() {
                    "not measured".to_string()
                } else {
                    format!("{:.2} at {} sizes", worst_ratio(&c), c.len())
                }
            })
        })
    };
    let kept = per_target(&all, |t| {
        t.points
            .iter()
            .map(|p| format!("{} at m = {}", p.parameters.kept(), p.m))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let params_vs_sgd = tracking(&sgd_all, |p| &p.parameters);
    let uniform_vs_sgd = tracking(&sgd_all, |p| &p.uniform);
    let split_halves = split_half_tracking(&sgd_all);
    let sgd_margins = kept_agreement_margins(&sgd_all);
    let deterministic_margins = agreement_margins(&sgd_all, |s| {
        s.measured
            .tables
            .first()
            .map(|&f| vec![f; s.measured.kept()])
            .unwrap_or_default()
    });
    let schemer_uppers = |ts: &[&TargetRun]| {
        per_target(ts, |t| {
            per_arm(r, t, |s| format!("{:.1}%", 100.0 * worst_schemer_upper(s)))
        })
    };
    let defier_text = |ts: &[&TargetRun]| {
        per_target(ts, |t| {
            per_arm(r, t, |s| {
                let shares: Vec<String> = s
                    .iter()
                    .map(|s| format!("{:.0}%", 100.0 * s.measured.defier_share()))
                    .collect();
                format!(
                    "{} (least lower bound {:.0}%)",
                    shares.join(", "),
                    100.0 * least_defier_lower(s)
                )
            })
        })
    };
    // The limit of the bias the schemer claim describes: a learner that returns the target
    // itself at every setting, never defying it.
    let faithful: Vec<Measured> = sgd
        .iter()
        .map(|s| Measured {
            tables: vec![s.target_table; s.measured.kept()],
            test_accuracies: vec![1.0; s.measured.kept()],
            schemers: 0,
            defiers: 0,
            never_fit: 0,
        })
        .collect();
    let faithful: Vec<Setting<'_>> = sgd
        .iter()
        .zip(&faithful)
        .map(|(s, measured)| Setting {
            point: s.point,
            target_table: s.target_table,
            measured,
        })
        .collect();
    let faithful_rival = "a learner that returns the target itself at every setting, as many times as SGD ran: the limit of the bias toward non-schemers the claim describes";
    vec![
        Claim::statement(
            "crux.sgd-is-not-uniform-over-functions",
            Seed::BelrosePope.quote("These results strongly suggest that SGD is not doing anything like sampling uniformly at random from the set of representable functions that do well on the training set."),
            "SGD does not sample consistent functions uniformly",
            Test::small(format!(
                "holds if, at every target, training-set size and arm, two independently trained networks agree on the unseen inputs more often than a uniform draw over the consistent functions does (one half) by at least {:.0} points; the value is the smallest margin, in points (the sampled function count's: {:.1}). Least agreement per target, in %: {agreements}. The essay's own evidence is test accuracy, which cannot separate the two where a simplicity-biased learner picks a simpler function than the target: smallest margin of mean test accuracy above one half, in points: {margins}. Set-up: {set_up}",
                100.0 * ABOVE_CHANCE,
                100.0 * least_agreement_margin(&uniform_all),
            ))
            .on_data(
                Quantity::Real(100.0 * smallest(&sgd_margins)),
                sgd_margins.as_slice(),
                "a deterministic trainer (full-batch gradient descent from one fixed initialisation), which returns the same function on every run: at each setting, the first trained run's function repeated",
                Quantity::Real(100.0 * smallest(&deterministic_margins)),
                deterministic_margins.as_slice(),
                |margins: &[f64]| smallest(margins) >= ABOVE_CHANCE,
            ),
            Verdict::NotReproduced,
        ).unit("points").digits(3),
        Claim::statement(
            "crux.parameters-track-sgd",
            Seed::Turner.quote("This supports the idea that “counting arguments over parameterizations” are far more appropriate than “counting arguments over functions.”"),
            "counting parameterizations predicts training better than counting functions",
            Test::small(format!(
                "holds if, at every target, arm and training-set size where rejection sampling from {} random networks kept at least {MIN_KEPT} that fit ({} of the {} settings; kept: {kept}), the probability that a kept network outputs 1, input by input on the unseen inputs, is off the trained networks' by at most {TRACKS} times, on average over those inputs, what the function count's one half is off it, with 95% confidence: the value is a one-sided 95% upper bound on the largest such ratio ({} comparisons; a bootstrap of {RESAMPLES} resamples, kept and trained networks each drawn again with replacement). The largest ratio itself is {:.2}. Largest ratio per target: {}; the sampled function count as the predictor, the largest ratio: {:.2} ({}). Turner's comparison with the function count is a different question, and holds at every comparison (the function count's ratio is one by construction). The rule first asked for the largest ratio itself to be within the bar; it was changed after that ratio was found at the bar (just over it with hidden biases on ±√3/√fan-in, {:.2} with the initialisation of Valle-Pérez et al.'s sampler, and over it at cargo test's scale), because sampling noise in both sets of networks inflates a ratio of absolute differences, and the bar cannot be read off a ratio within that noise of it. Set-up: {set_up}",
                count(r.samples),
                params_vs_sgd.len() / r.arm_names.len().max(1),
                sgd_all.len() / r.arm_names.len().max(1),
                params_vs_sgd.len(),
                worst_ratio(&params_vs_sgd),
                ratios(&|p| &p.parameters),
                worst_ratio(&uniform_vs_sgd),
                ratios(&|p| &p.uniform),
                worst_ratio(&params_vs_sgd),
            ))
            .on_data(
                Quantity::Real(worst_ratio_upper(&params_vs_sgd)),
                params_vs_sgd.as_slice(),
                "the trained networks' own first half as the predictor of their second half, at the same comparisons and with the same bound: how close a predictor can come at this many runs",
                Quantity::Real(worst_ratio_upper(&split_halves)),
                split_halves.as_slice(),
                tracks,
            ),
            Verdict::NotReproduced,
        ).unit("×").digits(2),
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
                Quantity::Real(pooled_percent(&sgd, |m| m.schemers)),
                sgd.as_slice(),
                faithful_rival,
                Quantity::Real(pooled_percent(&faithful, |m| m.schemers)),
                faithful.as_slice(),
                |s: &[Setting<'_>]| worst_schemer_upper(s) < function_share,
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
                Quantity::Real(pooled_percent(&sgd, |m| m.defiers)),
                sgd.as_slice(),
                uniform_rival,
                Quantity::Real(pooled_percent(&uniform, |m| m.defiers)),
                uniform.as_slice(),
                |s: &[Setting<'_>]| least_defier_lower(s) > MOST_OF_THE_TIME,
            ),
            Verdict::NotReproduced,
        ).unit("%").digits(2),
    ]
}

/// "Almost every arrangement is not a working car": a training-set size at which at most
/// this share of networks drawn from the initialisation fit the training set.
pub const RARE_FIT: f64 = 0.01;

/// "Selection finds the working car": training fits the training set in at least this share
/// of its runs.
pub const SELECTED_FIT: f64 = 0.99;

/// "Massively overfitting": a fitted network no better than chance on the unseen inputs.
pub const AT_CHANCE: f64 = 0.5;

/// "Substantive weight", for the hazy parody: the share of fitted networks at chance or
/// below that would give overfitting substantive weight.
pub const SUBSTANTIVE: f64 = 0.1;

/// At each trained setting where fitting is rare among initialisations, the share of
/// training runs that fit and the share of initial networks that do, beside the setting's
/// bits of selection: log2 of their ratio (with 1 in the number of draws standing for a
/// share no draw reached, so the bits are a lower bound there).
fn fit_shares(r: &CruxResult, settings: &[Setting<'_>]) -> Vec<(f64, f64, f64)> {
    settings
        .iter()
        .filter_map(|s| {
            let runs = s.measured.kept() + s.measured.never_fit;
            let trained = s.measured.kept() as f64 / runs.max(1) as f64;
            let drawn = s.point.parameters.kept() as f64 / r.samples as f64;
            let bits = (trained / drawn.max(1.0 / r.samples as f64)).log2();
            (drawn <= RARE_FIT).then_some((trained, drawn, bits))
        })
        .collect()
}

/// The settings at training-set size `m`.
fn at_size<'s>(settings: &[Setting<'s>], m: usize) -> Vec<Setting<'s>> {
    settings
        .iter()
        .copied()
        .filter(|s| s.point.m == m)
        .collect()
}

/// The share, pooled over settings, of fitted networks at or below chance off the training set.
fn at_chance_share(settings: &[Setting<'_>]) -> f64 {
    let hits: usize = settings
        .iter()
        .map(|s| {
            s.measured
                .test_accuracies
                .iter()
                .filter(|&&a| a <= AT_CHANCE)
                .count()
        })
        .sum();
    let all: usize = settings.iter().map(|s| s.measured.kept()).sum();
    hits as f64 / all.max(1) as f64
}

/// Two replies on selection, decided on the crux's networks: Carlsmith's car parts (a
/// count that ignores selection power goes wrong) and the essay's hazy parody (training
/// does not give overfitting substantive weight).
pub fn selection_claims(r: &CruxResult) -> Vec<Claim> {
    let all: Vec<&TargetRun> = r.targets.iter().collect();
    let sgd_all = trained(&all);
    let shares = fit_shares(r, &sgd_all);
    // No selection power: the network the initialisation draws, kept as it is.
    let unselected: Vec<(f64, f64, f64)> = shares.iter().map(|&(_, d, _)| (d, d, 0.0)).collect();
    let least_bits = shares.iter().map(|p| p.2).fold(f64::INFINITY, f64::min);
    let rare = shares.len();
    let targets = decided(r);
    let sgd = trained(&targets);
    let uniform = uniform_of(&targets);
    let chance_text =
        |settings: &[Setting<'_>]| format!("{:.1}%", 100.0 * at_chance_share(settings));
    let sizes: Vec<usize> = r
        .points()
        .iter()
        .map(|p| p.m)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let by_size = sizes
        .iter()
        .map(|&m| {
            let at: Vec<Setting<'_>> = sgd.iter().copied().filter(|s| s.point.m == m).collect();
            format!("m = {m}: {}", chance_text(&at))
        })
        .collect::<Vec<_>>()
        .join(", ");
    // Decided where the networks see the most examples: the pooled share depends on which
    // sizes are pooled (see the criterion's text).
    let largest = sizes.last().copied().unwrap_or(0);
    let at_largest = at_size(&sgd, largest);
    let uniform_largest = at_size(&uniform, largest);
    // The other end: where the networks see the fewest examples, the parody has its best case.
    let smallest = sizes.first().copied().unwrap_or(0);
    let at_smallest = at_size(&sgd, smallest);
    // What the two counts give at that size, beside it.
    let uniform_smallest = at_size(&uniform, smallest);
    let parameters_smallest: Vec<Setting<'_>> = uniform_smallest
        .iter()
        .map(|s| Setting {
            measured: &s.point.parameters,
            ..*s
        })
        .collect();
    vec![
        Claim::statement(
            "car-parts.selection-power",
            Seed::CarlsmithCounting.quote("namely, by neglecting the full selection power being applied to the set of things being counted."),
            "a count of the arrangements that work says little when a selection process is applied to them: almost every arrangement fails, yet the selected one works",
            Test::small(format!(
                "on the crux's networks: a weak test by construction — the rival fails by the choice of settings, and the value is at least log2 of the two bars' ratio whenever the rule holds; what is live is only whether training fits its training set: holds if, at every target, training-set size and arm at which at most {:.0}% of the {} networks drawn from the initialisation fit the training set ({rare} of {} settings), training fits it in at least {:.0}% of its runs; the value is the least number of bits of selection, log2 of the two shares' ratio (where no draw fit, one draw stands in, so the value is a lower bound there); runs that never fit: {}",
                100.0 * RARE_FIT,
                count(r.samples),
                sgd_all.len(),
                100.0 * SELECTED_FIT,
                never_fit_text(r),
            ))
            .on_data(
                Quantity::Real(least_bits),
                shares.as_slice(),
                "no selection power: a network the initialisation draws, kept as it is (its chance of fitting is the count's)",
                Quantity::Real(0.0),
                unselected.as_slice(),
                |v: &[(f64, f64, f64)]| !v.is_empty() && v.iter().all(|&(t, _, _)| t >= SELECTED_FIT),
            ),
            Verdict::Qualitative,
        )
        .unit("bits")
        .digits(3),
        Claim::statement(
            "hazy-parody.conclusion-false",
            Seed::BelrosePope.quote("It seems like there are “lots of ways” that a model could end up massively overfitting and still get high training performance."),
            "the essay's hazy parody: a hazy count of the ways to overfit, whose conclusion — that overfitting deserves substantive weight — the essay calls false",
            Test::small(format!(
                "on the crux's networks fitted to the targets with structure, at the largest training-set size the run trains (m = {largest}; every arm): the parody's conclusion is false if fewer than {:.0}% of them (the bar for \"substantive weight\", fixed before any run) are no better than chance (at most {:.0}% right) on the inputs they were not trained on; the value is that share (per target, pooled over sizes: {}; per training-set size: {by_size}). The rule first pooled every size the run trains; it was changed after a first run at both scales showed that the pooled share turns on which sizes are pooled — 14% over cargo test's sizes, 8.7% over the book's — while at each size it falls as the networks see more examples",
                100.0 * SUBSTANTIVE,
                100.0 * AT_CHANCE,
                per_target(&targets, |t| chance_text(&trained(&[t]))),
            ))
            .on_data(
                Quantity::Real(100.0 * at_chance_share(&at_largest)),
                at_largest.as_slice(),
                "the strict count, which the hazy argument does not assume: a uniform draw over the functions that fit the training set",
                Quantity::Real(100.0 * at_chance_share(&uniform_largest)),
                uniform_largest.as_slice(),
                |s: &[Setting<'_>]| at_chance_share(s) < SUBSTANTIVE,
            ),
            Verdict::Qualitative,
        )
        .unit("%")
        .digits(2),
        Claim::statement(
            "hazy-parody.conclusion-false-few-examples",
            Seed::BelrosePope.quote("It seems like there are “lots of ways” that a model could end up massively overfitting and still get high training performance."),
            "the hazy parody where it is strongest: with the fewest training examples, does overfitting still not deserve substantive weight?",
            Test::small(format!(
                "the same rule as hazy-parody.conclusion-false at the smallest training-set size the run trains (m = {smallest} of {} inputs; every arm and target with structure): the parody's conclusion is false there if fewer than {:.0}% of the fitted networks are no better than chance (at most {:.0}% right) on the inputs they were not trained on; the value is that share. Added with the largest-size rule's change, so that the rule's choice of size cannot decide the parody's fate alone: between them the two rows show both ends. At this size the two counts give {} (a uniform draw over the functions that fit) and {} (random networks from the initialisation that fit)",
                1usize << nets::sampler::BITS,
                100.0 * SUBSTANTIVE,
                100.0 * AT_CHANCE,
                chance_text(&uniform_smallest),
                chance_text(&parameters_smallest),
            ))
            .on_data(
                Quantity::Real(100.0 * at_chance_share(&at_smallest)),
                at_smallest.as_slice(),
                "not few examples: the same training, at the largest training-set size the run trains",
                Quantity::Real(100.0 * at_chance_share(&at_largest)),
                at_largest.as_slice(),
                |s: &[Setting<'_>]| at_chance_share(s) < SUBSTANTIVE,
            ),
            Verdict::NotReproduced,
        )
        .unit("%")
        .digits(2),
    ]
}
