//! The gridworld: an agent and a target on a square grid, both shown in the observation.
//!
//! A state is the agent's cell and the target's cell (never the same). The observation is
//! two one-hot planes, the agent's and the target's, flattened: the target's position is
//! written in the input, so the task itself hands the network a "slot" at its input. The
//! four moves go up, down, left and right; a move off the grid leaves the agent where it is.
//! The teacher the policy imitates takes a shortest path, choosing among the moves that
//! shorten it with a seeded coin.

use ndarray::Array2;
use rand::RngExt;

/// The moves, as (column, row) steps: up, down, left, right.
pub const MOVES: [(i64, i64); 4] = [(0, -1), (0, 1), (-1, 0), (1, 0)];

/// A square grid of `side × side` cells, numbered row by row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    pub side: usize,
}

/// An agent's cell and its target's cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct State {
    pub agent: usize,
    pub target: usize,
}

impl Grid {
    /// Number of cells: the number of values the target (the "goal") can take.
    pub fn cells(self) -> usize {
        self.side * self.side
    }

    /// Inputs of the observation: two planes of `cells` each.
    pub fn inputs(self) -> usize {
        2 * self.cells()
    }

    /// (column, row) of a cell.
    pub fn xy(self, cell: usize) -> (i64, i64) {
        ((cell % self.side) as i64, (cell / self.side) as i64)
    }

    /// Shortest-path length between two cells (the grid has no walls inside).
    pub fn distance(self, a: usize, b: usize) -> usize {
        let ((ax, ay), (bx, by)) = (self.xy(a), self.xy(b));
        (ax.abs_diff(bx) + ay.abs_diff(by)) as usize
    }

    /// Where `action` takes the agent from `cell`; off the grid it stays.
    pub fn step(self, cell: usize, action: usize) -> usize {
        let (x, y) = self.xy(cell);
        let (dx, dy) = MOVES[action];
        let (nx, ny) = (x + dx, y + dy);
        let n = self.side as i64;
        if (0..n).contains(&nx) && (0..n).contains(&ny) {
            (ny * n + nx) as usize
        } else {
            cell
        }
    }

    /// Every state, agent-major.
    pub fn states(self) -> Vec<State> {
        let n = self.cells();
        (0..n)
            .flat_map(|agent| {
                (0..n)
                    .filter(move |&t| t != agent)
                    .map(move |target| State { agent, target })
            })
            .collect()
    }

    /// The moves that shorten the path to the target.
    pub fn shortest_moves(self, s: State) -> Vec<usize> {
        let d = self.distance(s.agent, s.target);
        (0..MOVES.len())
            .filter(|&a| self.distance(self.step(s.agent, a), s.target) < d)
            .collect()
    }

    /// The teacher's move: one of the shortest moves, chosen by `r`.
    pub fn teacher(self, s: State, r: &mut impl rand::Rng) -> usize {
        let moves = self.shortest_moves(s);
        moves[r.random_range(0..moves.len())]
    }

    /// Observations of `states` as rows: the agent's plane, then the target's.
    pub fn observe(self, states: &[State]) -> Array2<f64> {
        let n = self.cells();
        let mut x = Array2::zeros((states.len(), 2 * n));
        for (i, s) in states.iter().enumerate() {
            x[[i, s.agent]] = 1.0;
            x[[i, n + s.target]] = 1.0;
        }
        x
    }
}

/// How an episode ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The agent reached the target its observation shows.
    Shown,
    /// It reached the other cell the episode watches (the target an intervention encodes).
    Other,
    /// Neither within the step budget.
    Neither,
}

/// Runs episodes side by side: each starts at its state's agent cell with its target shown,
/// and ends on first reaching the shown target or the episode's `other` cell, or after
/// `budget` moves. `policy` maps a batch of observations (with the indices of the episodes
/// still running) to one move each.
pub fn rollouts(
    grid: Grid,
    starts: &[State],
    other: &[Option<usize>],
    budget: usize,
    mut policy: impl FnMut(&Array2<f64>, &[usize]) -> Vec<usize>,
) -> Vec<Outcome> {
    let mut outcome = vec![Outcome::Neither; starts.len()];
    let mut at: Vec<State> = starts.to_vec();
    let mut running: Vec<usize> = (0..starts.len()).collect();
    for _ in 0..budget {
        if running.is_empty() {
            break;
        }
        let batch: Vec<State> = running.iter().map(|&i| at[i]).collect();
        let moves = policy(&grid.observe(&batch), &running);
        let mut still = Vec::with_capacity(running.len());
        for (&i, &m) in running.iter().zip(&moves) {
            let cell = grid.step(at[i].agent, m);
            at[i].agent = cell;
            if cell == at[i].target {
                outcome[i] = Outcome::Shown;
            } else if other[i] == Some(cell) {
                outcome[i] = Outcome::Other;
            } else {
                still.push(i);
            }
        }
        running = still;
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_distances_and_the_teacher() {
        let g = Grid { side: 4 };
        assert_eq!(g.states().len(), 16 * 15);
        assert_eq!(g.step(0, 0), 0, "up from the top row stays");
        assert_eq!(g.step(0, 3), 1);
        assert_eq!(g.step(0, 1), 4);
        assert_eq!(g.distance(0, 15), 6);
        let s = State {
            agent: 0,
            target: 5,
        };
        assert_eq!(g.shortest_moves(s), vec![1, 3]);
        let x = g.observe(&[s]);
        assert_eq!(x.sum(), 2.0);
        assert_eq!(x[[0, 16 + 5]], 1.0);
    }

    /// The teacher reaches every target by a shortest path, and an episode watching another
    /// cell ends there if the path crosses it first.
    #[test]
    fn the_teacher_reaches_every_target() {
        let g = Grid { side: 5 };
        let starts = g.states();
        let mut r = nets::rng(1);
        let mut pos: Vec<State> = starts.clone();
        let out = rollouts(g, &starts, &vec![None; starts.len()], 8, |_, idx| {
            let moves: Vec<usize> = idx.iter().map(|&i| g.teacher(pos[i], &mut r)).collect();
            for (&i, &m) in idx.iter().zip(&moves) {
                pos[i].agent = g.step(pos[i].agent, m);
            }
            moves
        });
        assert!(out.iter().all(|o| *o == Outcome::Shown));
        let watched = rollouts(
            g,
            &[State {
                agent: 0,
                target: 2,
            }],
            &[Some(1)],
            8,
            |_, _| vec![3],
        );
        assert_eq!(watched, vec![Outcome::Other]);
    }
}
