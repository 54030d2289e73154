/**
 * The reference optimum of a convex box QP, computed independently of the fixed-point solver: the
 * primal-dual active-set method (M. Hintermüller, K. Ito & K. Kunisch, "The primal-dual active set
 * strategy as a semismooth Newton method", SIAM J. Optim. 13(3), 865, 2002) with a direct (Cholesky)
 * solve on the free set, in float64. The result is accepted only if its KKT residual is at round-off
 * level; if the active sets cycle, a long float64 projected-gradient run (no quantisation) finds the
 * active set and one more direct solve finishes exactly. If that fails too (e.g. singular Q on the free set),
 * the best iterate is returned with accepted = false.
 */
import { choleskyInPlace, choleskySolve } from './linalg.js';
import { denseFromCsr, gradient, kktResidual, project, type BoxQP } from './problem.js';

export interface ReferenceSolution {
  x: Float64Array;
  iterations: number;
  method: 'active-set' | 'active-set+projected-gradient';
  kkt_residual: number;
  /** kkt_residual ≤ REFERENCE_KKT_TOLERANCE; when false, x is the best iterate found, not a verified optimum. */
  accepted: boolean;
}

/** KKT residual (kktResidual, relative to the box width) at which the reference counts as exact: round-off level. */
export const REFERENCE_KKT_TOLERANCE = 1e-12;

const LOWER = 1, UPPER = 2, FREE = 0;

/** One direct solve on the free set given the bound set `state`; returns false if Q_FF is singular. */
function solveFree(qp: BoxQP, dense: Float64Array, state: Uint8Array, x: Float64Array): boolean {
  const { n } = qp;
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] === LOWER) x[i] = qp.l[i];
    else if (state[i] === UPPER) x[i] = qp.u[i];
    else free.push(i);
  }
  const f = free.length;
  if (f === 0) return true;
  const a = new Float64Array(f * f);
  const rhs = new Float64Array(f);
  for (let r = 0; r < f; r++) {
    const i = free[r];
    let s = -qp.b[i];
    for (let j = 0; j < n; j++) if (state[j] !== FREE) s -= dense[i * n + j] * x[j];
    rhs[r] = s;
    for (let c = 0; c < f; c++) a[r * f + c] = dense[i * n + free[c]];
  }
  const keep = Float64Array.from(a);
  if (choleskyInPlace(a, f).failedAt >= 0) return false;
  const sol = Float64Array.from(rhs);
  choleskySolve(a, f, sol);
  // One step of iterative refinement.
  const res = new Float64Array(f);
  for (let r = 0; r < f; r++) {
    let s = rhs[r];
    for (let c = 0; c < f; c++) s -= keep[r * f + c] * sol[c];
    res[r] = s;
  }
  choleskySolve(a, f, res);
  for (let r = 0; r < f; r++) x[free[r]] = sol[r] + res[r];
  return true;
}

function activeSetIterations(qp: BoxQP, dense: Float64Array, x: Float64Array, maxIter: number): number {
  const { n } = qp;
  let cScale = 0;
  for (let i = 0; i < n; i++) cScale = Math.max(cScale, dense[i * n + i]);
  const c = 1 / Math.max(cScale, 1e-300);
  const state = new Uint8Array(n);
  const g = new Float64Array(n);
  for (let it = 1; it <= maxIter; it++) {
    gradient(qp, x, g);
    let changed = it === 1;
    for (let i = 0; i < n; i++) {
      const trial = x[i] - c * g[i];
      const s = trial <= qp.l[i] ? LOWER : trial >= qp.u[i] ? UPPER : FREE;
      if (s !== state[i]) changed = true;
      state[i] = s;
    }
    if (!changed) return it;
    if (!solveFree(qp, dense, state, x)) return -1;
  }
  return -1;
}

export function solveBoxQPReference(qp: BoxQP): ReferenceSolution {
  const { n } = qp;
  const dense = denseFromCsr(qp);
  const tol = REFERENCE_KKT_TOLERANCE;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.min(qp.u[i], Math.max(qp.l[i], 0));
  const its = activeSetIterations(qp, dense, x, 100);
  let r = kktResidual(qp, x);
  if (its > 0 && r <= tol) return { x, iterations: its, method: 'active-set', kkt_residual: r, accepted: true };
  // Fallback: accelerated projected gradient in float64 until the active set settles, then solve directly.
  const y = new Float64Array(n), xPrev = new Float64Array(n), g = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.min(qp.u[i], Math.max(qp.l[i], 0));
  let L = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = qp.rowPtr[i]; k < qp.rowPtr[i + 1]; k++) s += Math.abs(qp.val[k]);
    L = Math.max(L, s);
  }
  const eta = 1 / L;
  let t = 1;
  let total = 0;
  for (let it = 0; it < 200000; it++) {
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const beta = (t - 1) / tNext;
    for (let i = 0; i < n; i++) y[i] = x[i] + beta * (x[i] - xPrev[i]);
    gradient(qp, y, g);
    xPrev.set(x);
    for (let i = 0; i < n; i++) x[i] = y[i] - eta * g[i];
    project(qp, x);
    let dot = 0;
    for (let i = 0; i < n; i++) dot += (y[i] - x[i]) * (x[i] - xPrev[i]);
    t = dot > 0 ? 1 : tNext;
    total++;
    if (it % 100 === 99 && kktResidual(qp, x) <= 1e-10) break;
  }
  const polished = Float64Array.from(x);
  const more = activeSetIterations(qp, dense, polished, 100);
  r = kktResidual(qp, polished);
  if (more > 0 && r <= tol) return { x: polished, iterations: total + more, method: 'active-set+projected-gradient', kkt_residual: r, accepted: true };
  const rx = kktResidual(qp, x);
  const best = Math.min(r, rx);
  return { x: rx < r ? x : polished, iterations: total, method: 'active-set+projected-gradient', kkt_residual: best, accepted: best <= tol };
}
