import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iterationsForPrecision, measuredContractionRate } from '../../src/model/convergence.js';
import { generateBoxQP } from '../../src/solvers/qp/generate.js';
import { solveBoxQPReference } from '../../src/solvers/qp/reference.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveQPSync } from '../../src/solvers/qp/solve.js';
import { extrapolatedLaw, minimiserIsUnique, objectiveGapReport, precisionReport } from '../../src/solvers/qp/precision.js';
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

test('fixed-point QP reaches the requested N bits; K is within 2× of the linear law for the rate measured to N/2 bits', () => {
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
    // K and the half-way count measured independently here: first iterations with the error at 2^−N, 2^−⌊N/2⌋ of the start.
    const firstAt = (bits: number) => {
      let k = 1;
      while (errors[k] > e0 * 2 ** -bits) k++;
      return k;
    };
    const K = firstAt(c.bits);
    assert.equal(rep.iterations_to_precision, K);
    // The law as a genuine prediction: ρ measured only over the first N/2 bits (iterations that exclude the rest
    // of the run) predicts the iterations to N bits; the measured K must be within 2× of it.
    const Kh = firstAt(Math.floor(c.bits / 2));
    const predicted = iterationsForPrecision('linear', c.bits, measuredContractionRate(e0, errors[Kh], Kh));
    assert.ok(K <= 2 * predicted && predicted <= 2 * K, `${label}: K = ${K}, predicted from N/2 bits ${predicted}`);
    assert.deepEqual(extrapolatedLaw(errors, c.bits), { rate: measuredContractionRate(e0, errors[Kh], Kh), predicted, measured: K });
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

function boxQP(dense: number[], b: number[], l: number, u: number): BoxQP {
  const n = b.length;
  return { n, ...csrFromDense(n, Float64Array.from(dense)), b: Float64Array.from(b), l: new Float64Array(n).fill(l), u: new Float64Array(n).fill(u) };
}

function runCli(args: string[]): { code: number; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status ?? -1, stderr: r.stderr, stdout: r.stdout };
}

test('singular Q (μ ≈ 0): precision is not applicable and the objective gap is reported instead', () => {
  // Q = [[1,1],[1,1]], b = (−1, −1): every x with x1 + x2 = 1 in the box is a minimiser (f* = −½).
  const qp = boxQP([1, 1, 1, 1], [-1, -1], -5, 5);
  const ref = solveBoxQPReference(qp);
  const r = solveQPSync(qp, { precision_bits: 12, seed: 1, reference: ref.x });
  assert.equal(minimiserIsUnique(r.lipschitz, r.strong_convexity), false);
  assert.equal(minimiserIsUnique(2, 1e-3), true);
  assert.equal(objective(qp, ref.x), -0.5);
  const gap = objectiveGapReport(r.initial_objective, r.objective, -0.5);
  assert.equal(gap.reached_precision, null);
  assert.match(gap.precision_note, /not unique/);
  assert.ok(gap.initial_objective_gap > 1);
  assert.equal(gap.objective_gap_bits, null, 'the final gap is round-off');
  // A gap of 2^−10 of the initial one is 10 bits.
  assert.equal(objectiveGapReport(1, -0.5 + 1.5 / 1024, -0.5).objective_gap_bits, 10);

  const dir = mkdtempSync(join(tmpdir(), 'limbound-qp-'));
  const file = join(dir, 'singular.json');
  writeFileSync(file, JSON.stringify({ Q: [[1, 1], [1, 1]], b: [-1, -1], l: -5, u: 5 }));
  const j = runCli(['solve', 'qp', file, '--precision-bits', '12', '--json']);
  assert.equal(j.code, 0, j.stderr);
  const doc = JSON.parse(j.stdout);
  assert.equal(doc.reached_precision, null);
  assert.match(doc.precision_note, /not unique/);
  assert.equal(doc.law_extrapolated_from_half, null);
  const t = runCli(['solve', 'qp', file, '--precision-bits', '12']);
  assert.match(t.stdout, /precision: not applicable/);
  assert.doesNotMatch(t.stdout, /NOT reached/);
});

test('a reference solve that misses the KKT tolerance says so: accepted false, and a one-line warning from the CLI', () => {
  // A singular block (the free-set Cholesky fails) next to a direction of curvature 1e−6 that the float64
  // projected-gradient fallback cannot finish: KKT residual ≈ 5e−11 > 1e−12.
  const Q = [1, 1, 0, 1, 1, 0, 0, 0, 1e-6];
  const b = [-1, -1, -5e-7];
  const ref = solveBoxQPReference(boxQP(Q, b, -10, 10));
  assert.equal(ref.accepted, false);
  assert.ok(ref.kkt_residual > 1e-12);
  assert.equal(solveBoxQPReference(boxQP([2, 1, 1, 2], [-20, -4], 0, 15)).accepted, true);
  const dir = mkdtempSync(join(tmpdir(), 'limbound-qp-'));
  const file = join(dir, 'inexact.json');
  writeFileSync(file, JSON.stringify({ Q: [[1, 1, 0], [1, 1, 0], [0, 0, 1e-6]], b, l: -10, u: 10 }));
  const r = runCli(['solve', 'qp', file, '--precision-bits', '8', '--max-iterations', '200', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^warning: reference solve: KKT residual .* > 1e-12/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.equal(JSON.parse(r.stdout).reference.accepted, false);
});
