/**
 * Generated convex box QPs for tests and benchmarks: Q = S + D with S a random sparse symmetric matrix
 * (k off-diagonal entries per row, uniform in [−1, 1]) and D diagonal with D_ii = Σ_j |S_ij| + margin_i, so
 * Q is strictly diagonally dominant, hence positive definite with λ_min ≥ min margin (Gershgorin). b is
 * drawn so that a fair share of the box constraints [−1, 1] are active at the optimum.
 */
import { requireNumber } from '../../util/errors.js';
import { Rng } from '../rng.js';
import { MAX_QP_VARIABLES, type BoxQP } from './problem.js';

export interface GenerateOptions {
  seed?: number;
  /** Off-diagonal entries per row (default min(n − 1, 6)). */
  perRow?: number;
  /** Smallest diagonal margin (default 0.3): smaller means worse conditioning. */
  margin?: number;
  /** Scale of b (default 2). */
  bScale?: number;
}

export function generateBoxQP(n: number, opts: GenerateOptions = {}): BoxQP {
  // Capped as `solve qp` caps its input, so every generated problem can be solved.
  requireNumber('n', n, { min: 1, max: MAX_QP_VARIABLES, integer: true });
  const rng = new Rng(opts.seed ?? 1, 7);
  const perRow = Math.min(n - 1, opts.perRow ?? 6);
  const margin = opts.margin ?? 0.3;
  const bScale = opts.bScale ?? 2;
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < perRow / 2; k++) {
      const j = rng.below(n);
      if (j === i) continue;
      const v = 2 * rng.unit() - 1;
      rows[i].set(j, v);
      rows[j].set(i, v);
    }
  }
  const rowPtr = new Int32Array(n + 1);
  const colList: number[] = [], valList: number[] = [];
  for (let i = 0; i < n; i++) {
    let absSum = 0;
    for (const v of rows[i].values()) absSum += Math.abs(v);
    const diag = absSum + margin * (1 + rng.unit());
    const entries = [...rows[i].entries(), [i, diag] as [number, number]].sort((a, b) => a[0] - b[0]);
    for (const [j, v] of entries) {
      colList.push(j);
      valList.push(v);
    }
    rowPtr[i + 1] = colList.length;
  }
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = bScale * rng.normal();
  return { n, rowPtr, col: Int32Array.from(colList), val: Float64Array.from(valList), b, l: new Float64Array(n).fill(-1), u: new Float64Array(n).fill(1) };
}

/** The QP as the JSON document `limbound solve qp` reads (sparse triplets, upper triangle). */
export function boxQPToJson(qp: BoxQP): string {
  const entries: Array<[number, number, number]> = [];
  for (let i = 0; i < qp.n; i++) for (let k = qp.rowPtr[i]; k < qp.rowPtr[i + 1]; k++) if (qp.col[k] >= i) entries.push([i, qp.col[k], qp.val[k]]);
  return JSON.stringify({ type: 'box-qp', Q_entries: entries, b: Array.from(qp.b), l: Array.from(qp.l), u: Array.from(qp.u) });
}
