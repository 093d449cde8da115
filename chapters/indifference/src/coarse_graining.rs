//! Coarse-graining: the same event gets a different probability under each carving of the
//! outcomes.
//!
//! The principle of indifference assigns equal probability to each outcome in a list, so an
//! event's probability is the share of the list it covers. The list is a choice. For two dice
//! and the event "the sum is seven":
//!
//! | carving | outcomes | in the event | probability |
//! |---|---|---|---|
//! | ordered pairs `(a, b)` | 36 | 6 | 1/6 |
//! | unordered pairs `{a, b}` | 21 | 3 | 1/7 |
//! | sums `a + b` | 11 | 1 | 1/11 |
//! | "it happens or it doesn't" | 2 | 1 | 1/2 |
//!
//! The last carving gives one half to *any* event, which is the essay's point. All values
//! are exact fractions, computed by counting the listed outcomes.

use std::fmt;

/// A non-negative fraction in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    pub num: u64,
    pub den: u64,
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

impl Ratio {
    /// `num / den`, reduced.
    ///
    /// # Panics
    /// If `den` is zero.
    pub fn new(num: u64, den: u64) -> Self {
        assert!(den > 0, "a ratio needs a positive denominator");
        let g = gcd(num, den).max(1);
        Ratio {
            num: num / g,
            den: den / g,
        }
    }

    /// The fraction as an `f64` (for figures and the ledger).
    pub fn value(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.num, self.den)
    }
}

/// Indifference over `outcomes`: the share of them in which `event` holds.
///
/// # Panics
/// If `outcomes` is empty.
pub fn indifference<T>(outcomes: &[T], event: impl Fn(&T) -> bool) -> Ratio {
    let hits = outcomes.iter().filter(|o| event(o)).count();
    Ratio::new(hits as u64, outcomes.len() as u64)
}

/// The faces of one die.
pub fn faces() -> Vec<u8> {
    (1..=6).collect()
}

/// Two dice told apart: `(first, second)`.
pub fn ordered_pairs() -> Vec<(u8, u8)> {
    faces()
        .into_iter()
        .flat_map(|a| faces().into_iter().map(move |b| (a, b)))
        .collect()
}

/// Two dice not told apart: `{a, b}` written with `a ≤ b`.
pub fn unordered_pairs() -> Vec<(u8, u8)> {
    ordered_pairs()
        .into_iter()
        .filter(|&(a, b)| a <= b)
        .collect()
}

/// The totals two dice can show.
pub fn sums() -> Vec<u8> {
    (2..=12).collect()
}

/// The coarsest carving of any event: it happens, or it doesn't.
pub const HAPPENS_OR_NOT: [bool; 2] = [true, false];

/// One carving of the outcomes of two dice, and the probability indifference over it gives
/// to a total of seven.
#[derive(Clone, Debug, PartialEq)]
pub struct Carving {
    pub name: &'static str,
    /// How many outcomes the carving lists.
    pub outcomes: usize,
    pub p_seven: Ratio,
}

/// The four carvings of the table above, finest first.
pub fn sum_of_seven() -> Vec<Carving> {
    let ordered = ordered_pairs();
    let unordered = unordered_pairs();
    let totals = sums();
    vec![
        Carving {
            name: "ordered pairs",
            outcomes: ordered.len(),
            p_seven: indifference(&ordered, |&(a, b)| a + b == 7),
        },
        Carving {
            name: "unordered pairs",
            outcomes: unordered.len(),
            p_seven: indifference(&unordered, |&(a, b)| a + b == 7),
        },
        Carving {
            name: "sums",
            outcomes: totals.len(),
            p_seven: indifference(&totals, |&s| s == 7),
        },
        Carving {
            name: "outcomes “seven” and “not seven”",
            outcomes: HAPPENS_OR_NOT.len(),
            p_seven: indifference(&HAPPENS_OR_NOT, |&happens| happens),
        },
    ]
}

/// Indifference applied once, to the finest outcomes: each of `fine` gets the same
/// probability, and a coarser carving's outcome gets the total of the fine outcomes that
/// `coarse` maps to it. The event (on the coarse outcomes) gets the share of fine outcomes
/// whose coarse outcome is in it, whatever the carving.
///
/// # Panics
/// If `fine` is empty.
pub fn carved_once<F, C>(
    fine: &[F],
    coarse: impl Fn(&F) -> C,
    event: impl Fn(&C) -> bool,
) -> Ratio {
    indifference(fine, |f| event(&coarse(f)))
}

/// The four carvings of [`sum_of_seven`] under a principle that carves once: indifference
/// over the ordered pairs, each coarser outcome weighted by the pairs it collects. Every
/// carving then gives a total of seven the same probability.
pub fn sum_of_seven_carved_once() -> Vec<Carving> {
    let ordered = ordered_pairs();
    let carving = |name, outcomes, p_seven| Carving {
        name,
        outcomes,
        p_seven,
    };
    vec![
        carving(
            "ordered pairs",
            ordered.len(),
            carved_once(&ordered, |&p| p, |&(a, b)| a + b == 7),
        ),
        carving(
            "unordered pairs",
            unordered_pairs().len(),
            carved_once(
                &ordered,
                |&(a, b)| (a.min(b), a.max(b)),
                |&(a, b)| a + b == 7,
            ),
        ),
        carving(
            "sums",
            sums().len(),
            carved_once(&ordered, |&(a, b)| a + b, |&s| s == 7),
        ),
        carving(
            "outcomes “seven” and “not seven”",
            HAPPENS_OR_NOT.len(),
            carved_once(&ordered, |&(a, b)| a + b == 7, |&happens| happens),
        ),
    ]
}

/// An event, with its probability under indifference over the finest outcomes it is
/// defined on and under indifference over "happens or not".
#[derive(Clone, Debug, PartialEq)]
pub struct CoarseGrained {
    pub event: &'static str,
    pub fine: Ratio,
    pub coarse: Ratio,
}

/// Three events of very different fine-grained probability, each coarse-grained to two
/// outcomes.
pub fn events_coarse_grained() -> Vec<CoarseGrained> {
    let one = faces();
    let two = ordered_pairs();
    let coarse = indifference(&HAPPENS_OR_NOT, |&happens| happens);
    vec![
        CoarseGrained {
            event: "a six on one die",
            fine: indifference(&one, |&f| f == 6),
            coarse,
        },
        CoarseGrained {
            event: "two dice total seven",
            fine: indifference(&two, |&(a, b)| a + b == 7),
            coarse,
        },
        CoarseGrained {
            event: "a double six",
            fine: indifference(&two, |&(a, b)| a == 6 && b == 6),
            coarse,
        },
    ]
}

/// Whether every carving of [`sum_of_seven`] gives a different probability.
pub fn carvings_all_disagree(carvings: &[Carving]) -> bool {
    carvings.iter().enumerate().all(|(i, a)| {
        carvings[i + 1..]
            .iter()
            .all(|b| a.p_seven.value() != b.p_seven.value())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carvings_have_the_sizes_counting_gives() {
        // 6², 6·7/2 and 2·6 − 1 outcomes.
        assert_eq!(ordered_pairs().len(), 6 * 6);
        assert_eq!(unordered_pairs().len(), 6 * 7 / 2);
        assert_eq!(sums().len(), 2 * 6 - 1);
    }

    #[test]
    fn a_total_of_seven_gets_four_probabilities() {
        let c = sum_of_seven();
        let p: Vec<Ratio> = c.iter().map(|c| c.p_seven).collect();
        assert_eq!(
            p,
            [
                Ratio::new(1, 6),
                Ratio::new(1, 7),
                Ratio::new(1, 11),
                Ratio::new(1, 2)
            ]
        );
        assert!(carvings_all_disagree(&c));
    }

    #[test]
    fn the_ordered_carving_matches_the_frequency_of_fair_dice() {
        // A sanity check of the table, not evidence for indifference: two independent fair
        // dice (the sampler) realise the ordered-pair carving and no other.
        use crate::estimate::Estimate;
        use rand::RngExt;
        let mut r = nets::rng(7);
        let n = 200_000;
        let hits = (0..n)
            .filter(|_| r.random_range(1..=6u8) + r.random_range(1..=6u8) == 7)
            .count();
        let e = Estimate::new(hits as u64, n);
        let c = sum_of_seven();
        assert!(e.agrees_with(c[0].p_seven.value()));
        assert!(c[1..].iter().all(|c| !e.agrees_with(c.p_seven.value())));
    }

    #[test]
    fn carving_once_gives_every_carving_the_fair_dice_answer() {
        let once = sum_of_seven_carved_once();
        assert!(once.iter().all(|c| c.p_seven == Ratio::new(1, 6)));
        assert!(!carvings_all_disagree(&once));
        // The carvings keep their sizes; only the weights change.
        let each = sum_of_seven();
        assert!(
            once.iter()
                .zip(&each)
                .all(|(a, b)| a.outcomes == b.outcomes)
        );
    }

    #[test]
    fn coarse_graining_gives_every_event_one_half() {
        let events = events_coarse_grained();
        assert!(events.iter().all(|e| e.coarse == Ratio::new(1, 2)));
        assert!(events.iter().all(|e| e.fine != e.coarse));
        assert_eq!(events[2].fine, Ratio::new(1, 36));
    }

    #[test]
    fn ratios_reduce() {
        assert_eq!(Ratio::new(6, 36), Ratio::new(1, 6));
        assert_eq!(Ratio::new(0, 5).to_string(), "0/1");
    }
}
