//! Fitting the two linear heads of sentence comparison: logistic regression (paraphrase) and
//! least squares (similarity), both with a small ridge penalty on standardized features.
//!
//! Used only by `--fit`, offline: the fitted numbers are pasted into `Config::default()`.

use parallax::{LinearModel, N_FEATURES};

/// Ridge penalty on standardized weights; small, it only keeps near-collinear features (the
/// several overlap measures) from trading huge opposite weights.
const RIDGE: f64 = 1.0;

/// Mean and standard deviation of each feature.
fn standardize(xs: &[[f64; N_FEATURES]]) -> ([f64; N_FEATURES], [f64; N_FEATURES]) {
    let n = xs.len().max(1) as f64;
    let mut mean = [0.0; N_FEATURES];
    let mut sd = [0.0; N_FEATURES];
    for x in xs {
        for k in 0..N_FEATURES {
            mean[k] += x[k] / n;
        }
    }
    for x in xs {
        for k in 0..N_FEATURES {
            sd[k] += (x[k] - mean[k]).powi(2) / n;
        }
    }
    for v in &mut sd {
        *v = if *v > 1e-12 { v.sqrt() } else { 1.0 };
    }
    (mean, sd)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())).unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-15 {
            continue;
        }
        let pivot_row = a[col].clone();
        for row in col + 1..n {
            let f = a[row][col] / p;
            for (x, y) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * y;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-15 { 0.0 } else { (b[row] - s) / a[row][row] };
    }
    x
}

/// Turns weights over standardized features back into a model over raw features.
fn unstandardize(beta: &[f64], mean: &[f64; N_FEATURES], sd: &[f64; N_FEATURES]) -> LinearModel {
    let mut weights = [0.0; N_FEATURES];
    let mut bias = beta[0];
    for k in 0..N_FEATURES {
        weights[k] = beta[k + 1] / sd[k];
        bias -= beta[k + 1] * mean[k] / sd[k];
    }
    LinearModel { bias, weights }
}

fn design(xs: &[[f64; N_FEATURES]], mean: &[f64; N_FEATURES], sd: &[f64; N_FEATURES]) -> Vec<Vec<f64>> {
    xs.iter().map(|x| std::iter::once(1.0).chain((0..N_FEATURES).map(|k| (x[k] - mean[k]) / sd[k])).collect()).collect()
}

/// Logistic regression by Newton's method.
pub fn logistic(xs: &[[f64; N_FEATURES]], ys: &[bool]) -> LinearModel {
    let (mean, sd) = standardize(xs);
    let z = design(xs, &mean, &sd);
    let d = N_FEATURES + 1;
    let mut beta = vec![0.0; d];
    for _ in 0..50 {
        let mut grad = vec![0.0; d];
        let mut hess = vec![vec![0.0; d]; d];
        for (row, &y) in z.iter().zip(ys) {
            let eta: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-eta).exp());
            let r = f64::from(u8::from(y)) - p;
            let w = (p * (1.0 - p)).max(1e-9);
            for i in 0..d {
                grad[i] += r * row[i];
                for j in 0..d {
                    hess[i][j] += w * row[i] * row[j];
                }
            }
        }
        for i in 1..d {
            grad[i] -= RIDGE * beta[i];
            hess[i][i] += RIDGE;
        }
        let step = solve(hess, grad);
        let size: f64 = step.iter().map(|s| s * s).sum::<f64>().sqrt();
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += s;
        }
        if size < 1e-10 {
            break;
        }
    }
    unstandardize(&beta, &mean, &sd)
}

/// Least squares with a ridge penalty.
pub fn least_squares(xs: &[[f64; N_FEATURES]], ys: &[f64]) -> LinearModel {
    let (mean, sd) = standardize(xs);
    let z = design(xs, &mean, &sd);
    let d = N_FEATURES + 1;
    let mut a = vec![vec![0.0; d]; d];
    let mut b = vec![0.0; d];
    for (row, &y) in z.iter().zip(ys) {
        for i in 0..d {
            b[i] += row[i] * y;
            for j in 0..d {
                a[i][j] += row[i] * row[j];
            }
        }
    }
    for (i, r) in a.iter_mut().enumerate().skip(1) {
        r[i] += RIDGE;
    }
    unstandardize(&solve(a, b), &mean, &sd)
}

/// The model as Rust source, ready to paste into `Config::default()`.
pub fn as_rust(m: &LinearModel) -> String {
    let w: Vec<String> = m.weights.iter().map(|v| format!("{v:.4}")).collect();
    format!("LinearModel {{ bias: {:.4}, weights: [{}] }}", m.bias, w.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_recovers_a_line() {
        let xs: Vec<[f64; N_FEATURES]> = (0..50)
            .map(|i| {
                let mut x = [0.0; N_FEATURES];
                x[0] = f64::from(i) / 10.0;
                x[1] = f64::from((i * 7) % 11);
                x
            })
            .collect();
        let ys: Vec<f64> = xs.iter().map(|x| 2.0 + 3.0 * x[0] - x[1]).collect();
        let m = least_squares(&xs, &ys);
        assert!((m.weights[0] - 3.0).abs() < 0.1 && (m.weights[1] + 1.0).abs() < 0.1, "{m:?}");
    }
}
