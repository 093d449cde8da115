//! What indifference predicts, applied at two levels of the same gridworld.
//!
//! **Over a goal slot.** Suppose, as goal realism does, that the agent has a slot holding
//! one of `G` goal values (here a cell of the grid) and a goal-achieving engine that heads
//! for whatever the slot holds, and that training cannot tell the values apart (every value
//! behaves the same on the training data, the case the scheming argument is about). Then
//! indifference over the slot gives each value `1/G`, whatever the agent was seen to do:
//! the intended value gets `1/G` and the others `1 − 1/G`.
//!
//! **Over behaviours.** Be indifferent instead over the agent's behaviour with the target
//! fixed: each of the `G − 1` other cells picks one of the four moves, uniformly and
//! independently. The behaviours that reach the target from every start are the spanning
//! trees of the grid directed toward it (each cell's move names its parent; a move off the
//! grid is a self-loop, which never arrives), so by the matrix-tree theorem they number
//! `τ`, the grid's spanning-tree count, out of `4^(G−1)`.
//!
//! The two levels give the same behaviour — reach the marked cell from everywhere —
//! probabilities `1/G` and `τ/4^(G−1)`: Huemer's rule matters because they differ.

/// `log10` of the number of spanning trees of the `side × side` grid graph: the
/// determinant of its Laplacian with one row and column removed, by Gaussian elimination
/// with partial pivoting.
pub fn log10_spanning_trees(side: usize) -> f64 {
    let n = side * side;
    if n <= 1 {
        return 0.0;
    }
    let neighbours = |c: usize| {
        let (x, y) = (c % side, c / side);
        let mut v = Vec::with_capacity(4);
        if x > 0 {
            v.push(c - 1);
        }
        if x + 1 < side {
            v.push(c + 1);
        }
        if y > 0 {
            v.push(c - side);
        }
        if y + 1 < side {
            v.push(c + side);
        }
        v
    };
    // The Laplacian without cell 0's row and column.
    let m = n - 1;
    let mut a = vec![vec![0.0f64; m]; m];
    for c in 1..n {
        let nb = neighbours(c);
        a[c - 1][c - 1] = nb.len() as f64;
        for d in nb {
            if d > 0 {
                a[c - 1][d - 1] = -1.0;
            }
        }
    }
    let mut log10 = 0.0;
    for col in 0..m {
        let pivot = (col..m)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .expect("a row");
        a.swap(col, pivot);
        let p = a[col][col];
        log10 += p.abs().log10();
        let (above, below) = a.split_at_mut(col + 1);
        let pivot_row = &above[col];
        for row in below.iter_mut() {
            let f = row[col] / p;
            if f != 0.0 {
                for (x, &y) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                    *x -= f * y;
                }
            }
        }
    }
    log10
}

/// Indifference over a slot of `goals` values that training cannot tell apart: the share of
/// the prior on the values other than the intended one, `1 − 1/G`, whatever the behaviour.
pub fn unintended_share(goals: usize) -> f64 {
    1.0 - 1.0 / goals as f64
}

/// The two levels of indifference on one grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prior {
    pub side: usize,
    /// Goal values: the cells.
    pub goals: usize,
    /// Indifference over the slot: the share of the prior on the unintended values.
    pub unintended: f64,
    /// `log10` of the probability of reaching the marked cell from every start, under
    /// indifference over the slot (`1/G`) and over behaviours (`τ/4^(G−1)`).
    pub log10_slot_reach: f64,
    pub log10_behaviour_reach: f64,
    pub log10_spanning_trees: f64,
}

impl Prior {
    pub fn of(side: usize) -> Self {
        let goals = side * side;
        let g = goals as f64;
        let trees = log10_spanning_trees(side);
        Prior {
            side,
            goals,
            unintended: unintended_share(goals),
            log10_slot_reach: -g.log10(),
            log10_behaviour_reach: trees - (g - 1.0) * 4f64.log10(),
            log10_spanning_trees: trees,
        }
    }

    /// How many times more probable the slot level makes the target-reaching behaviour.
    pub fn ratio(&self) -> f64 {
        10f64.powf(self.log10_slot_reach - self.log10_behaviour_reach)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spanning-tree counts of small grids (OEIS A007341).
    #[test]
    fn spanning_trees_of_small_grids() {
        for (side, trees) in [
            (2, 4.0),
            (3, 192.0),
            (4, 100_352.0),
            (5, 557_568_000.0),
            (6, 32_565_539_635_200.0f64),
        ] {
            let got = 10f64.powf(log10_spanning_trees(side));
            assert!((got / trees - 1.0).abs() < 1e-9, "side {side}: {got}");
        }
    }

    /// On a 2 × 2 grid the count is small enough to enumerate: of the 4³ behaviours of the
    /// three other cells, those that reach cell 0 from every start.
    #[test]
    fn the_behaviour_count_matches_enumeration() {
        let grid = crate::gridworld::Grid { side: 2 };
        let mut reaching = 0;
        for code in 0..64usize {
            let moves = [0, code % 4, (code / 4) % 4, code / 16];
            let reaches = (1..4).all(|start| {
                let mut c = start;
                for _ in 0..4 {
                    if c == 0 {
                        break;
                    }
                    c = grid.step(c, moves[c]);
                }
                c == 0
            });
            reaching += usize::from(reaches);
        }
        assert_eq!(reaching, 4);
        let p = Prior::of(2);
        assert!((10f64.powf(p.log10_behaviour_reach) - 4.0 / 64.0).abs() < 1e-12);
    }
}
