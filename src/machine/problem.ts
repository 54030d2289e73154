/**
 * The problem a machine of coupled memory cells works on: E_problem(x) = ½·xᵀKx + gᵀx over n continuous
 * cells, K symmetric and stored as its off-diagonal part in CSR (both triangles) plus its diagonal.
 *
 * - QP mode (thermodynamic linear algebra): the `solve qp` file's ½xᵀQx + bᵀx, so K = Q and g = b; the
 *   minimiser solves Qx = −b.
 * - Ising / MAX-CUT mode: E = Σ_{i<j} K_ij x_i x_j + Σ_i g_i x_i on the cells' signs. From the solvers'
 *   convention H = −Σ J s s − Σ h s (src/solvers/ising/problem.ts) K = −J and g = −h; for MAX-CUT
 *   K = w, so a cut edge lowers the energy.
 */
import type { IsingProblem, MaxCutProblem } from '../solvers/ising/problem.js';
import type { BoxQP } from '../solvers/qp/problem.js';

export interface MachineProblem {
  n: number;
  rowPtr: Int32Array;
  col: Int32Array;
  /** Off-diagonal K_ij, aligned with col. */
  val: Float64Array;
  /** K_ii (zero in Ising mode). */
  diag: Float64Array;
  /** g_i. */
  field: Float64Array;
}

export function fromIsing(p: IsingProblem): MachineProblem {
  return {
    n: p.n,
    rowPtr: p.rowPtr,
    col: p.col,
    val: p.J.map((v) => -v),
    diag: new Float64Array(p.n),
    field: p.h.map((v) => -v),
  };
}

export function fromMaxCut(mc: MaxCutProblem): MachineProblem {
  return fromIsing(mc.ising);
}

/** Q split into its diagonal and off-diagonal parts; g = b. */
export function fromBoxQP(qp: BoxQP): MachineProblem {
  const { n } = qp;
  const diag = new Float64Array(n);
  const rowPtr = new Int32Array(n + 1);
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = qp.rowPtr[i]; k < qp.rowPtr[i + 1]; k++) {
      if (qp.col[k] === i) diag[i] += qp.val[k];
      else {
        col.push(qp.col[k]);
        val.push(qp.val[k]);
      }
    }
    rowPtr[i + 1] = col.length;
  }
  return { n, rowPtr, col: Int32Array.from(col), val: Float64Array.from(val), diag, field: Float64Array.from(qp.b) };
}

/** The dense row-major K (small problems: exact references and set-up). */
export function denseK(p: MachineProblem): Float64Array {
  const { n } = p;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = p.diag[i];
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) a[i * n + p.col[k]] += p.val[k];
  }
  return a;
}

/** ½·xᵀKx (quadratic part) and gᵀx (linear part) of E_problem. */
export function problemEnergyParts(p: MachineProblem, x: ArrayLike<number>): { quadratic: number; linear: number } {
  let quad = 0;
  let lin = 0;
  for (let i = 0; i < p.n; i++) {
    let f = p.diag[i] * x[i];
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) f += p.val[k] * x[p.col[k]];
    quad += x[i] * f;
    lin += p.field[i] * x[i];
  }
  return { quadratic: 0.5 * quad, linear: lin };
}

/** max_i (Σ_j |K_ij| + |K_ii|): a Gershgorin bound on the coupling curvature, and the largest field |f_i| on ±1 cells. */
export function maxRowAbs(p: MachineProblem): number {
  let best = 0;
  for (let i = 0; i < p.n; i++) {
    let s = Math.abs(p.diag[i]);
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) s += Math.abs(p.val[k]);
    if (s > best) best = s;
  }
  return best;
}

/** Root-mean-square over cells of √(Σ_j K_ij²): the typical coupling field on random ±1 cells. */
export function rmsRowNorm(p: MachineProblem): number {
  let total = 0;
  for (let i = 0; i < p.n; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) total += p.val[k] * p.val[k];
  }
  return Math.sqrt(total / Math.max(1, p.n));
}
