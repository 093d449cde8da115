//! Carlsmith's restaurants: indifference over restaurants or over cuisines, and what a
//! preference does to each.
//!
//! Carlsmith's analogy: not knowing whether Bob prefers Mexican, Chinese or Thai food, should
//! we predict his dinner from the number of restaurants of each kind? If there are ten Chinese
//! restaurants for every Mexican one, indifference over *restaurants* makes Chinese far more
//! likely; indifference over *cuisines* makes the three equally likely. The model here takes
//! the analogy's ten-to-one ratio and adds a count for Thai (3, our choice: the text gives
//! none), so the town has 10 Chinese, 3 Thai and 1 Mexican restaurant.
//!
//! Two choosers, each with a preference of strength `β ≥ 0` for utilities `u` (Mexican 1, the
//! others 0):
//! - **cuisine first**: Bob picks a cuisine `c` with probability `∝ e^{β·u_c}`, then one of its
//!   restaurants at random. Counts do not matter at all: `P(c) = e^{β u_c} / Σ e^{β u}`.
//! - **restaurant by restaurant**: Bob picks a restaurant with probability `∝ e^{β·u}` of its
//!   cuisine: `P(c) = n_c e^{β u_c} / Σ n e^{β u}`. This is also what Bob does if he picks the
//!   best restaurant when each restaurant's quality is its cuisine's utility plus independent
//!   Gumbel noise of scale `1/β` — Carlsmith's aside that more restaurants mean more variance
//!   in quality is exactly what makes the count matter here.
//!
//! At `β = 0` the two choosers are the two indifference priors, 1/3 and 1/14 for Mexican. As
//! `β` grows both move towards Mexican; the cuisine-first chooser prefers Mexican at any
//! `β > 0`, the restaurant chooser only once `e^β` outweighs the count ratio, `β > ln 10`.

/// A cuisine: how many restaurants serve it, and how much Bob likes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cuisine {
    pub name: &'static str,
    pub restaurants: u32,
    pub utility: f64,
}

/// The town of the analogy.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub cuisines: Vec<Cuisine>,
}

impl Default for Town {
    /// Ten Chinese restaurants to one Mexican (the analogy's ratio), three Thai (our choice);
    /// Bob likes Mexican by one unit of utility more than the others.
    fn default() -> Self {
        let c = |name, restaurants, utility| Cuisine {
            name,
            restaurants,
            utility,
        };
        Town {
            cuisines: vec![
                c("Chinese", 10, 0.0),
                c("Thai", 3, 0.0),
                c("Mexican", 1, 1.0),
            ],
        }
    }
}

impl Town {
    /// The same cuisines and utilities with every cuisine's count set to `n`: a town where
    /// the two indifference priors coincide.
    pub fn with_equal_counts(&self, n: u32) -> Town {
        Town {
            cuisines: self
                .cuisines
                .iter()
                .map(|c| Cuisine {
                    restaurants: n,
                    ..c.clone()
                })
                .collect(),
        }
    }

    /// The same counts with every utility equal: a Bob with no preference among cuisines.
    pub fn without_preference(&self) -> Town {
        Town {
            cuisines: self
                .cuisines
                .iter()
                .map(|c| Cuisine {
                    utility: 0.0,
                    ..c.clone()
                })
                .collect(),
        }
    }
}

/// How Bob chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chooser {
    /// A cuisine by preference, then a restaurant of it at random.
    CuisineFirst,
    /// A restaurant by the preference for its cuisine.
    ByRestaurant,
}

impl Chooser {
    pub const ALL: [Chooser; 2] = [Chooser::CuisineFirst, Chooser::ByRestaurant];

    pub fn name(self) -> &'static str {
        match self {
            Chooser::CuisineFirst => "cuisine first",
            Chooser::ByRestaurant => "restaurant by restaurant",
        }
    }
}

impl Town {
    /// The index of the cuisine called `name`.
    ///
    /// # Panics
    /// If there is none.
    pub fn index(&self, name: &str) -> usize {
        self.cuisines
            .iter()
            .position(|c| c.name == name)
            .unwrap_or_else(|| panic!("no cuisine called {name}"))
    }

    /// The probability that Bob eats cuisine `i`, choosing as `chooser` with strength `beta`.
    pub fn p(&self, chooser: Chooser, beta: f64, i: usize) -> f64 {
        // Subtract the largest utility before exponentiating, for large β.
        let top = self
            .cuisines
            .iter()
            .map(|c| c.utility)
            .fold(f64::NEG_INFINITY, f64::max);
        let weight = |c: &Cuisine| {
            let w = (beta * (c.utility - top)).exp();
            match chooser {
                Chooser::CuisineFirst => w,
                Chooser::ByRestaurant => f64::from(c.restaurants) * w,
            }
        };
        let total: f64 = self.cuisines.iter().map(weight).sum();
        weight(&self.cuisines[i]) / total
    }

    /// The smallest `β` in `[0, hi]` at which cuisine `a` becomes at least as likely as
    /// cuisine `b` under `chooser`, by bisection; `None` if it is not so even at `hi`.
    pub fn crossover(&self, chooser: Chooser, a: usize, b: usize, hi: f64) -> Option<f64> {
        let ahead = |beta: f64| self.p(chooser, beta, a) >= self.p(chooser, beta, b);
        if ahead(0.0) {
            return Some(0.0);
        }
        if !ahead(hi) {
            return None;
        }
        let (mut lo, mut up) = (0.0, hi);
        for _ in 0..200 {
            let mid = 0.5 * (lo + up);
            if ahead(mid) {
                up = mid;
            } else {
                lo = mid;
            }
        }
        Some(up)
    }

    /// The preference strength at which Mexican overtakes Chinese, restaurant by restaurant.
    pub fn mexican_overtakes_chinese(&self) -> Option<f64> {
        self.crossover(
            Chooser::ByRestaurant,
            self.index("Mexican"),
            self.index("Chinese"),
            50.0,
        )
    }

    /// Whether cuisine `i` is strictly more likely than every other (a tie is not a
    /// preference).
    pub fn strictly_most_likely(&self, chooser: Chooser, beta: f64, i: usize) -> bool {
        let p = self.p(chooser, beta, i);
        (0..self.cuisines.len())
            .filter(|&j| j != i)
            .all(|j| self.p(chooser, beta, j) < p)
    }

    /// Bob's most likely cuisine.
    pub fn most_likely(&self, chooser: Chooser, beta: f64) -> usize {
        (0..self.cuisines.len())
            .max_by(|&i, &j| {
                self.p(chooser, beta, i)
                    .total_cmp(&self.p(chooser, beta, j))
            })
            .expect("a cuisine")
    }
}

/// The figure's curves: `β` and P(Mexican) for each chooser.
pub fn curves(town: &Town, beta_max: f64, steps: usize) -> Vec<(Chooser, Vec<(f64, f64)>)> {
    let m = town.index("Mexican");
    Chooser::ALL
        .into_iter()
        .map(|ch| {
            let points = (0..=steps)
                .map(|i| {
                    let beta = beta_max * i as f64 / steps as f64;
                    (beta, town.p(ch, beta, m))
                })
                .collect();
            (ch, points)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_distr::{Distribution, Gumbel};

    #[test]
    fn indifference_gives_one_in_three_or_one_in_fourteen() {
        let t = Town::default();
        let m = t.index("Mexican");
        assert!((t.p(Chooser::CuisineFirst, 0.0, m) - 1.0 / 3.0).abs() < 1e-15);
        assert!((t.p(Chooser::ByRestaurant, 0.0, m) - 1.0 / 14.0).abs() < 1e-15);
    }

    #[test]
    fn probabilities_sum_to_one_and_rise_with_preference() {
        let t = Town::default();
        let m = t.index("Mexican");
        for ch in Chooser::ALL {
            for beta in [0.0, 0.5, 2.0, 40.0] {
                let s: f64 = (0..3).map(|i| t.p(ch, beta, i)).sum();
                assert!((s - 1.0).abs() < 1e-12);
            }
            assert!(t.p(ch, 1.0, m) > t.p(ch, 0.5, m));
        }
    }

    #[test]
    fn mexican_overtakes_chinese_at_the_log_of_the_count_ratio() {
        let t = Town::default();
        let beta = t.mexican_overtakes_chinese().expect("a crossover");
        assert!((beta - 10f64.ln()).abs() < 1e-9);
        // Cuisine first, any preference at all puts Mexican ahead.
        let m = t.index("Mexican");
        assert_eq!(t.most_likely(Chooser::CuisineFirst, 1e-6), m);
        assert_ne!(t.most_likely(Chooser::ByRestaurant, 2.0), m);
        assert_eq!(t.most_likely(Chooser::ByRestaurant, 2.4), m);
    }

    #[test]
    fn without_a_preference_the_count_decides_and_with_equal_counts_the_priors_agree() {
        let t = Town::default();
        let m = t.index("Mexican");
        let flat = t.without_preference();
        assert_eq!(flat.mexican_overtakes_chinese(), None);
        assert!(!flat.strictly_most_likely(Chooser::CuisineFirst, 1.0, m));
        assert!(t.strictly_most_likely(Chooser::CuisineFirst, 1e-6, m));
        let equal = t.with_equal_counts(1);
        for i in 0..3 {
            let a = equal.p(Chooser::CuisineFirst, 0.0, i);
            assert!((a - equal.p(Chooser::ByRestaurant, 0.0, i)).abs() < 1e-15);
        }
    }

    #[test]
    fn restaurant_choice_is_the_best_of_noisy_restaurants() {
        // Each restaurant's quality: its cuisine's utility plus Gumbel noise of scale 1/β;
        // Bob goes to the best. The frequency of Mexican matches the restaurant chooser.
        let t = Town::default();
        let beta = 1.5;
        let noise = Gumbel::new(0.0, 1.0 / beta).expect("a scale");
        let mut r = nets::rng(11);
        let n = 100_000u64;
        let mut mexican = 0u64;
        for _ in 0..n {
            let best = t
                .cuisines
                .iter()
                .enumerate()
                .flat_map(|(i, c)| (0..c.restaurants).map(move |_| (i, c.utility)))
                .map(|(i, u)| (i, u + noise.sample(&mut r)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .expect("a restaurant");
            mexican += u64::from(best.0 == t.index("Mexican"));
        }
        let e = crate::estimate::Estimate::new(mexican, n);
        assert!(e.agrees_with(t.p(Chooser::ByRestaurant, beta, t.index("Mexican"))));
        assert!(!e.agrees_with(t.p(Chooser::CuisineFirst, beta, t.index("Mexican"))));
    }
}
