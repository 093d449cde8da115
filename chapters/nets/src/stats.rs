//! The summary statistics the experiments share, each defined once, here.
//!
//! Where statrs computes a statistic with the same arithmetic as the book's numbers were
//! computed with, it is statrs's: the median ([`median`]). statrs's mean and variance are
//! computed online (Welford's updates), which rounds differently from the two-pass sums
//! below; its `quantile` is Hyndman and Fan's type 8, not the linear interpolation the
//! book's quantiles use; its ranks do not see two infinite values as tied; and it has no
//! correlation coefficient. Those are defined here, so that no number the book prints moves
//! in its last digits.

use statrs::statistics::{Data, OrderStatistics};

/// The arithmetic mean: the values summed in order, divided by their count; 0 for none.
pub fn mean(values: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, n) = values
        .into_iter()
        .fold((-0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// The sample variance: squared deviations from [`mean`] summed in order, over `n − 1`
/// (NaN for fewer than two values).
pub fn variance(values: &[f64]) -> f64 {
    let m = mean(values.iter().copied());
    let n = values.len() as f64;
    values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0)
}

/// The sample standard deviation, the square root of [`variance`].
pub fn std_dev(values: &[f64]) -> f64 {
    variance(values).sqrt()
}

/// The mean and the standard error of the mean (the sample standard deviation over √n;
/// zero for a single value).
pub fn mean_se(values: &[f64]) -> (f64, f64) {
    let mean = mean(values.iter().copied());
    if values.len() < 2 {
        return (mean, 0.0);
    }
    (mean, (variance(values) / values.len() as f64).sqrt())
}

/// The median: the middle value, or the mean of the two middle values for an even count
/// (statrs's, which selects them in the order [`f64::total_cmp`] gives).
pub fn median(values: &[f64]) -> f64 {
    Data::new(values.to_vec()).median()
}

/// The `q`-quantile by linear interpolation between order statistics (Hyndman and Fan's
/// type 7, R's and NumPy's default): position `q·(n − 1)` in the sorted values.
///
/// # Panics
/// If `values` is empty.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let pos = q * (v.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    v[lo] + (pos - lo as f64) * (v[hi] - v[lo])
}

/// Pearson's correlation coefficient of the points' two coordinates, from deviations from
/// the [`mean`]s (0 for fewer than two points; NaN when a coordinate is constant).
pub fn pearson(pts: &[(f64, f64)]) -> f64 {
    if pts.len() < 2 {
        return 0.0;
    }
    let m = Moments::of(pts);
    m.sxy / (m.sxx * m.syy).sqrt()
}

/// The means of the points' coordinates and their sums of squared and crossed deviations,
/// which the correlation and the least-squares line share.
struct Moments {
    mx: f64,
    my: f64,
    sxx: f64,
    sxy: f64,
    syy: f64,
}

impl Moments {
    fn of(pts: &[(f64, f64)]) -> Self {
        let (mx, my) = (mean(pts.iter().map(|p| p.0)), mean(pts.iter().map(|p| p.1)));
        let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
        for &(x, y) in pts {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }
        Moments {
            mx,
            my,
            sxx,
            sxy,
            syy,
        }
    }
}

/// A least-squares line `y = slope·x + intercept` through points, and its R² (the share of
/// the variance of `y` it explains).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub slope: f64,
    pub intercept: f64,
    pub r_squared: f64,
}

/// The least-squares line through the points, from deviations from the [`mean`]s (its slope
/// NaN when the first coordinate is constant or there are no points; R² NaN also when the
/// second is constant).
pub fn line_fit(pts: &[(f64, f64)]) -> Line {
    let m = Moments::of(pts);
    let slope = m.sxy / m.sxx;
    Line {
        slope,
        intercept: m.my - slope * m.mx,
        r_squared: m.sxy * m.sxy / (m.sxx * m.syy),
    }
}

/// Ranks from 1 in the order [`f64::total_cmp`] gives, equal values (infinite ones too)
/// sharing their mean rank.
pub fn ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rank correlation: [`pearson`]'s on the [`ranks`]; `None` for fewer than two
/// pairs or when either variable is constant.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    let pts: Vec<(f64, f64)> = ranks(a).into_iter().zip(ranks(b)).collect();
    let rho = pearson(&pts);
    (pts.len() >= 2 && !rho.is_nan()).then_some(rho)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_standard_error_of_a_known_sample() {
        let (m, se) = mean_se(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(m, 2.5);
        assert!((se - (5.0f64 / 12.0).sqrt()).abs() < 1e-12);
        assert_eq!(mean_se(&[7.0]), (7.0, 0.0));
        assert_eq!(mean([]), 0.0);
        assert!((std_dev(&[1.0, 2.0, 3.0, 4.0]) - (5.0f64 / 3.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn the_median_averages_the_middle_two_of_an_even_count() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        // The same as the interpolated 0.5-quantile.
        assert_eq!(quantile(&[4.0, 1.0, 3.0, 2.0], 0.5), 2.5);
        assert_eq!(quantile(&[4.0, 1.0, 3.0, 2.0], 0.0), 1.0);
        assert_eq!(quantile(&[4.0, 1.0, 3.0, 2.0], 1.0), 4.0);
        assert!((quantile(&[0.0, 10.0], 0.9) - 9.0).abs() < 1e-12);
    }

    #[test]
    fn pearson_is_one_on_a_line_and_minus_one_on_a_falling_line() {
        let up: Vec<(f64, f64)> = (0..5)
            .map(|i| (f64::from(i), 2.0 * f64::from(i) + 1.0))
            .collect();
        let down: Vec<(f64, f64)> = up.iter().map(|&(x, y)| (x, -y)).collect();
        assert!((pearson(&up) - 1.0).abs() < 1e-12);
        assert!((pearson(&down) + 1.0).abs() < 1e-12);
        assert_eq!(pearson(&up[..1]), 0.0);
    }

    #[test]
    fn a_line_fits_itself_and_a_cloud_fits_partly() {
        let points: Vec<(f64, f64)> = (0..5)
            .map(|i| (f64::from(i), 3.0 - 0.5 * f64::from(i)))
            .collect();
        let line = line_fit(&points);
        assert!((line.slope + 0.5).abs() < 1e-12);
        assert!((line.intercept - 3.0).abs() < 1e-12);
        assert!((line.r_squared - 1.0).abs() < 1e-12);
        let cloud = line_fit(&[(0.0, 1.0), (0.0, -1.0), (1.0, 2.0), (1.0, 0.0)]);
        assert!((cloud.slope - 1.0).abs() < 1e-12);
        assert!(cloud.intercept.abs() < 1e-12);
        assert!((cloud.r_squared - 0.2).abs() < 1e-12);
        assert!(line_fit(&[(2.0, 1.0), (2.0, 5.0)]).slope.is_nan());
    }

    #[test]
    fn spearman_of_known_orders() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
        let tied = spearman(
            &[1.0, 2.0, 3.0, 4.0],
            &[1.0, 2.0, f64::INFINITY, f64::INFINITY],
        );
        assert!(tied.expect("defined") > 0.9);
    }
}
