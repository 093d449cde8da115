//! Summaries of repeated runs, shared by the experiments that average over seeds.

/// Mean and standard error of the mean (sample standard deviation over √n; zero for a
/// single value).
pub fn mean_se(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return (mean, 0.0);
    }
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

#[cfg(test)]
mod tests {
    #[test]
    fn mean_and_standard_error_of_a_known_sample() {
        let (m, se) = super::mean_se(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(m, 2.5);
        assert!((se - (5.0f64 / 12.0).sqrt()).abs() < 1e-12);
        assert_eq!(super::mean_se(&[7.0]), (7.0, 0.0));
    }
}
