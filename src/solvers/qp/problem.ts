/**
 * Box-constrained convex quadratic programs: minimise f(x) = ½·xᵀQx + bᵀx subject to l ≤ x ≤ u, with Q
 * symmetric positive semidefinite, stored in CSR (both triangles).
 */
export interface BoxQP {
  n: number;
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float64Array;
  b: Float64Array;
  l: Float64Array;
  u: Float64Array;
}

/**
 * Largest n `solve qp` accepts: the convexity check and the reference solve work on dense n×n copies of Q
 * (n² memory: 128 MB each at 4000) and Cholesky factors (n³/3 operations: ≈ 2·10^10 at 4000).
 */
export const MAX_QP_VARIABLES = 4000;

export function nnz(qp: BoxQP): number {
  return qp.rowPtr[qp.n];
}

/** out = Q·x */
export function mulQ(qp: BoxQP, x: ArrayLike<number>, out: Float64Array): void {
  const { n, rowPtr, col, val } = qp;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) s += val[k] * x[col[k]];
    out[i] = s;
  }
}

/** out = Q·x + b, the gradient of f. */
export function gradient(qp: BoxQP, x: ArrayLike<number>, out: Float64Array): void {
  mulQ(qp, x, out);
  for (let i = 0; i < qp.n; i++) out[i] += qp.b[i];
}

export function objective(qp: BoxQP, x: ArrayLike<number>): number {
  const { n, rowPtr, col, val, b } = qp;
  let f = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) s += val[k] * x[col[k]];
    f += x[i] * (0.5 * s + b[i]);
  }
  return f;
}

/** Builds the CSR form from a dense row-major n×n matrix (exact zeros dropped). */
export function csrFromDense(n: number, dense: Float64Array): { rowPtr: Int32Array; col: Int32Array; val: Float64Array } {
  let count = 0;
  for (let k = 0; k < n * n; k++) if (dense[k] !== 0) count++;
  const rowPtr = new Int32Array(n + 1), col = new Int32Array(count), val = new Float64Array(count);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = dense[i * n + j];
      if (v !== 0) {
        col[p] = j;
        val[p++] = v;
      }
    }
    rowPtr[i + 1] = p;
  }
  return { rowPtr, col, val };
}

export function denseFromCsr(qp: BoxQP): Float64Array {
  const { n } = qp;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = qp.rowPtr[i]; k < qp.rowPtr[i + 1]; k++) a[i * n + qp.col[k]] += qp.val[k];
  return a;
}

/** Projection onto the box, coordinate-wise. */
export function project(qp: BoxQP, x: Float64Array): void {
  for (let i = 0; i < qp.n; i++) {
    if (x[i] < qp.l[i]) x[i] = qp.l[i];
    else if (x[i] > qp.u[i]) x[i] = qp.u[i];
  }
}

/**
 * The KKT residual of x: max_i |x_i − P(x_i − g_i)| scaled by the box width (0 exactly at the optimum of
 * a convex box QP). Independent of any solver's internal state.
 */
export function kktResidual(qp: BoxQP, x: Float64Array): number {
  const g = new Float64Array(qp.n);
  gradient(qp, x, g);
  let r = 0;
  for (let i = 0; i < qp.n; i++) {
    const y = Math.min(qp.u[i], Math.max(qp.l[i], x[i] - g[i]));
    r = Math.max(r, Math.abs(x[i] - y) / (qp.u[i] - qp.l[i]));
  }
  return r;
}
