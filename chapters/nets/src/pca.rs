//! Principal-component projection of points in parameter space, for pictures of training
//! paths: centre the points, take the top eigenvectors of their Gram matrix by power
//! iteration (deterministic, no LAPACK), and project.

use ndarray::{Array1, Array2, Axis};

/// The 2-D coordinates of each point on the first two principal components, and the share
/// of the total variance each component explains.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub coords: Vec<(f64, f64)>,
    pub explained: (f64, f64),
}

/// Projects `points` (all the same length) onto their first two principal components.
///
/// # Panics
/// If there are fewer than three points or their lengths differ.
pub fn project_2d(points: &[Vec<f64>]) -> Projection {
    assert!(points.len() >= 3, "need at least three points");
    let dim = points[0].len();
    assert!(
        points.iter().all(|p| p.len() == dim),
        "points of one length"
    );
    let n = points.len();
    let mut x = Array2::from_shape_fn((n, dim), |(i, j)| points[i][j]);
    let mean = x.mean_axis(Axis(0)).expect("non-empty");
    x -= &mean;
    let mut gram = x.dot(&x.t());
    let total: f64 = gram.diag().sum();
    let mut components = Vec::new();
    let mut explained = Vec::new();
    for k in 0..2 {
        let (value, vector) = top_eigen(&gram, k);
        // Deflate so the next power iteration finds the next component.
        let outer = vector
            .view()
            .insert_axis(Axis(1))
            .dot(&vector.view().insert_axis(Axis(0)));
        gram = gram - value * outer;
        explained.push(if total > 0.0 { value / total } else { 0.0 });
        // Gram eigenvector u gives coordinates √λ·u.
        components.push(vector * value.max(0.0).sqrt());
    }
    let coords = (0..n)
        .map(|i| (components[0][i], components[1][i]))
        .collect();
    Projection {
        coords,
        explained: (explained[0], explained[1]),
    }
}

/// The largest eigenpair of a symmetric positive semi-definite matrix, by power iteration
/// from a fixed start; the sign is fixed so the largest-magnitude entry is positive.
fn top_eigen(m: &Array2<f64>, salt: usize) -> (f64, Array1<f64>) {
    let n = m.nrows();
    let mut v = Array1::from_shape_fn(n, |i| {
        1.0 + ((i * 7919 + salt * 104_729) % 97) as f64 / 97.0
    });
    v /= v.dot(&v).sqrt();
    let mut value = 0.0;
    for _ in 0..1000 {
        let w = m.dot(&v);
        let norm = w.dot(&w).sqrt();
        if norm == 0.0 {
            return (0.0, v);
        }
        let next = w / norm;
        let change = (&next - &v).mapv(f64::abs).sum();
        v = next;
        value = norm;
        if change < 1e-12 {
            break;
        }
    }
    let (imax, _) =
        v.iter().enumerate().fold(
            (0, 0.0),
            |best, (i, &x)| if x.abs() > best.1 { (i, x.abs()) } else { best },
        );
    if v[imax] < 0.0 {
        v.mapv_inplace(|x| -x);
    }
    (value, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_on_a_plane_are_recovered_up_to_rotation() {
        // Points spread along (1, 1, 0) widely and (0, 0, 1) narrowly.
        let points: Vec<Vec<f64>> = (0..20)
            .map(|i| {
                let (a, b) = (f64::from(i) - 9.5, if i % 2 == 0 { 0.5 } else { -0.5 });
                vec![a, a, b]
            })
            .collect();
        let p = project_2d(&points);
        let total = p.explained.0 + p.explained.1;
        assert!(
            (total - 1.0).abs() < 1e-9,
            "two components explain all: {total}"
        );
        assert!(p.explained.0 > 0.99);
        // Distances are preserved by a projection onto the full span.
        let d = |u: (f64, f64), v: (f64, f64)| ((u.0 - v.0).powi(2) + (u.1 - v.1).powi(2)).sqrt();
        let original = (2.0f64 * 19.0 * 19.0 + 1.0).sqrt();
        assert!((d(p.coords[0], p.coords[19]) - original).abs() < 1e-6);
    }
}
