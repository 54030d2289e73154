/** Small dense linear algebra for the QP checks and the exact reference solver. */

/**
 * In-place Cholesky A = L·Lᵀ of a dense row-major symmetric n×n matrix (lower triangle overwritten by L).
 * Returns the index of the first non-positive pivot, or −1 on success.
 */
export function choleskyInPlace(a: Float64Array, n: number): { failedAt: number; pivot: number } {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return { failedAt: j, pivot: d };
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  return { failedAt: -1, pivot: 0 };
}

/** Solves L·Lᵀ·x = rhs with the factor from choleskyInPlace (rhs overwritten by x). */
export function choleskySolve(l: Float64Array, n: number, rhs: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = rhs[i];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k] * rhs[k];
    rhs[i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = rhs[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * rhs[k];
    rhs[i] = s / l[i * n + i];
  }
}

/**
 * Extreme eigenvalues of a symmetric operator by the Lanczos method with full reorthogonalisation
 * (C. Lanczos 1950; Golub & Van Loan, "Matrix Computations", 4th ed., §10.1). The Ritz values of the
 * tridiagonal matrix come from Sturm-sequence bisection.
 */
export function lanczosExtremes(n: number, apply: (x: Float64Array, out: Float64Array) => void, steps: number, seedVector: Float64Array): { min: number; max: number } {
  const m = Math.min(n, steps);
  const V: Float64Array[] = [];
  const alpha: number[] = [], beta: number[] = [];
  let v = Float64Array.from(seedVector);
  let norm = Math.hypot(...v);
  if (norm === 0) {
    v = new Float64Array(n).fill(1);
    norm = Math.sqrt(n);
  }
  for (let i = 0; i < n; i++) v[i] /= norm;
  const w = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    V.push(v);
    apply(v, w);
    let a = 0;
    for (let i = 0; i < n; i++) a += w[i] * v[i];
    alpha.push(a);
    // Full reorthogonalisation (twice) keeps the Ritz values clean.
    for (let pass = 0; pass < 2; pass++) {
      for (const q of V) {
        let d = 0;
        for (let i = 0; i < n; i++) d += w[i] * q[i];
        for (let i = 0; i < n; i++) w[i] -= d * q[i];
      }
    }
    let bnorm = 0;
    for (let i = 0; i < n; i++) bnorm += w[i] * w[i];
    bnorm = Math.sqrt(bnorm);
    if (k === m - 1 || bnorm < 1e-12 * Math.max(1, Math.abs(a))) break;
    beta.push(bnorm);
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = w[i] / bnorm;
    v = next;
  }
  return { min: tridiagEigen(alpha, beta, 0), max: tridiagEigen(alpha, beta, alpha.length - 1) };
}

/** The k-th smallest eigenvalue of the symmetric tridiagonal matrix (diag a, off-diagonal b), by bisection. */
export function tridiagEigen(a: number[], b: number[], k: number): number {
  const m = a.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const r = (i > 0 ? Math.abs(b[i - 1]) : 0) + (i < m - 1 ? Math.abs(b[i]) : 0);
    lo = Math.min(lo, a[i] - r);
    hi = Math.max(hi, a[i] + r);
  }
  const countBelow = (x: number) => {
    let c = 0;
    let d = 1;
    for (let i = 0; i < m; i++) {
      d = a[i] - x - (i > 0 ? (b[i - 1] * b[i - 1]) / d : 0);
      if (d === 0) d = -1e-300;
      if (d < 0) c++;
    }
    return c;
  };
  for (let it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); it++) {
    const mid = 0.5 * (lo + hi);
    if (countBelow(mid) > k) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
