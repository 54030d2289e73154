import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iterationsForPrecision, measuredContractionRate } from '../../src/model/convergence.js';
import { generateBoxQP } from '../../src/solvers/qp/generate.js';
import { solveBoxQPReference } from '../../src/solvers/qp/reference.js';
import { solveQPSync } from '../../src/solvers/qp/solve.js';
import { extrapolatedLaw, precisionReport } from '../../src/solvers/qp/precision.js';
import { csrFromDense, kktResidual, objective, type BoxQP } from '../../src/solvers/qp/problem.js';
import { checkConvex } from '../../src/solvers/qp/convexity.js';

test('reference solver: closed-form optimum of a 2-variable box QP', () => {
  // Q = [[2,1],[1,2]], b = (−20, −4), box [0, 15]²: unconstrained optimum (12, −4) violates x2 ≥ 0;
  // with x2 = 0 the optimum is x1 = 10, and ∂f/∂x2 = 10 − 4 = 6 ≥ 0 confirms the bound is active.
  const qp: BoxQP = { n: 2, ...csrFromDense(2, Float64Array.from([2, 1, 1, 2])), b: Float64Array.from([-20, -4]), l: new Float64Array(2), u: Float64Array.from([15, 15]) };
  const ref = solveBoxQPReference(qp);
  assert.ok(Math.abs(ref.x[0] - 10) < 1e-12 && Math.abs(ref.x[1]) < 1e-12);
  assert.equal(objective(qp, ref.x), -100);
});

test('reference solver reaches a round-off KKT residual on generated problems', () => {
  for (const n of [10, 100, 300]) {
    const qp = generateBoxQP(n, { seed: n, margin: 0.05 });
    assert.ok(checkConvex(qp).convex);
    const ref = solveBoxQPReference(qp);
    assert.ok(ref.kkt_residual < 1e-12, `n = ${n}: ${ref.kkt_residual}`);
    assert.ok(kktResidual(qp, ref.x) < 1e-12);
  }
});

const CASES: Array<{ n: number; margin: number; bits: number; method: 'pgd' | 'fista' }> = [
  { n: 10, margin: 0.3, bits: 8, method: 'pgd' },
  { n: 10, margin: 0.05, bits: 24, method: 'fista' },
  { n: 100, margin: 0.3, bits: 16, method: 'pgd' },
  { n: 100, margin: 0.02, bits: 16, method: 'fista' },
  { n: 300, margin: 0.05, bits: 20, method: 'pgd' },
  { n: 1000, margin: 0.3, bits: 12, method: 'pgd' },
  { n: 1000, margin: 0.3, bits: 16, method: 'fista' },
];

test('fixed-point QP reaches the requested N bits; K is within 2× of the linear law for the measured rate', () => {
  const refs = new Map<string, Float64Array>();
  for (const c of CASES) {
    const key = `${c.n}/${c.margin}`;
    const qp = generateBoxQP(c.n, { seed: c.n + 1, margin: c.margin });
    if (!refs.has(key)) refs.set(key, solveBoxQPReference(qp).x);
    const r = solveQPSync(qp, { precision_bits: c.bits, method: c.method, seed: 4, reference: refs.get(key) });
    const label = `${c.method} n=${c.n} N=${c.bits}`;
    assert.ok(r.converged, `${label}: memory fixed point`);
    const errors = r.errors!;
    const e0 = errors[0];
    // Requested precision: ‖x − x*‖∞ ≤ 2^−N·‖x0 − x*‖∞ at the end of the run.
    assert.ok(errors[errors.length - 1] <= e0 * 2 ** -c.bits, `${label}: final error ${errors[errors.length - 1]} vs ${e0 * 2 ** -c.bits}`);
    const rep = precisionReport(errors, c.bits);
    assert.equal(rep.reached_precision, true);
    // K measured independently here: first iteration with the error at 2^−N of the start.
    let K = 1;
    while (errors[K] > e0 * 2 ** -c.bits) K++;
    assert.equal(rep.iterations_to_precision, K);
    const rate = measuredContractionRate(e0, errors[K], K);
    const law = iterationsForPrecision('linear', c.bits, rate);
    assert.ok(K <= 2 * law && law <= 2 * K, `${label}: K = ${K}, law ${law}`);
    // As a prediction: ρ measured to N/2 bits predicts K for N bits within 2×.
    const ex = extrapolatedLaw(errors, c.bits)!;
    assert.ok(ex.measured <= 2 * ex.predicted && ex.predicted <= 2 * ex.measured, `${label}: predicted ${ex.predicted}, measured ${ex.measured}`);
  }
});

test('too few memory bits cannot reach the precision: it is the memory, not a float illusion', () => {
  const qp = generateBoxQP(50, { seed: 9, margin: 0.05 });
  const ref = solveBoxQPReference(qp);
  const r = solveQPSync(qp, { precision_bits: 16, memory_bits: 8, method: 'pgd', seed: 1, reference: ref.x });
  assert.ok(r.converged);
  const rep = precisionReport(r.errors!, 16);
  assert.equal(rep.reached_precision, false);
  // Every stored value lies on the 8-bit grid of [−1, 1].
  for (const x of r.x) {
    const code = (x + 1) / (2 / 255);
    assert.ok(Math.abs(code - Math.round(code)) < 1e-9);
  }
});

test('same seed → same QP run', () => {
  const qp = generateBoxQP(40, { seed: 2 });
  const a = solveQPSync(qp, { precision_bits: 12, seed: 7 });
  const b = solveQPSync(qp, { precision_bits: 12, seed: 7 });
  assert.deepEqual(Array.from(a.x), Array.from(b.x));
  assert.deepEqual(a.counts, b.counts);
});
