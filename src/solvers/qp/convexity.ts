/**
 * Convexity check for a box QP: Q must be positive semidefinite. Test: a Cholesky factorisation of
 * Q + δ·I with δ = 1e-10·max(1, max_i |Q_ii|)·n succeeds iff λ_min(Q) > −δ (up to round-off), so an
 * indefinite Q is caught and a singular PSD Q passes.
 */
import { choleskyInPlace } from './linalg.js';
import { denseFromCsr, type BoxQP } from './problem.js';

export function checkConvex(qp: BoxQP): { convex: true } | { convex: false; reason: string } {
  const { n } = qp;
  const a = denseFromCsr(qp);
  let diag = 1;
  for (let i = 0; i < n; i++) diag = Math.max(diag, Math.abs(a[i * n + i]));
  const delta = 1e-10 * diag * n;
  for (let i = 0; i < n; i++) {
    if (a[i * n + i] < -delta) return { convex: false, reason: `diagonal entry Q[${i}][${i}] = ${a[i * n + i]} is negative` };
    a[i * n + i] += delta;
  }
  const r = choleskyInPlace(a, n);
  if (r.failedAt >= 0) return { convex: false, reason: `Cholesky pivot ${r.failedAt} is ${r.pivot.toPrecision(3)} ≤ 0, so Q has a negative eigenvalue` };
  return { convex: true };
}
