/**
 * The sensitivity analysis with several ranges, against the Saltelli design rebuilt in the test: A the
 * first d Sobol' coordinates, B the last d, AB_i = A with column i from B; each output priced at those
 * points, log10 taken of row energies and of LIM/floor (not of the orders or the barrier, which are
 * already logarithmic); first order mean(f_B·(f_AB − f_A))/V (Saltelli et al. 2010), total
 * mean((f_A − f_AB)²)/(2V) (Jansen 1999), V pooled over A ∪ B; inputs ranked by total index.
 * Not independent: the design points come from the project's own Sobol' sequence and sample evaluator,
 * built as sensitivity.ts builds them, so this checks the wiring — which outputs are logged, the
 * estimators as written from the papers, the ranking and the evaluation count — not the design itself.
 * The estimators are checked against hand-worked values in sobol-constant-output.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sensitivity } from '../../src/model/sensitivity.js';
import { SampleEvaluator, metricArrays, planSampling, sobolShift } from '../../src/model/uncertainty.js';
import { validateInput } from '../../src/model/index.js';
import { PARADIGMS } from '../../src/model/paradigms.js';
import { SobolSequence } from '../../src/util/sobol.js';

const N = 64;
const SEED = 5;
const RANGES = [
  { name: 'tau0_s', low: 1e-12, high: 1e-9, distribution: 'log' as const },
  { name: 'mfu', low: 0.3, high: 0.6, distribution: 'uniform' as const },
  { name: 'time_s', low: 1e6, high: 1e8, distribution: 'log' as const },
];
const OUTPUTS = [...PARADIGMS.map((p) => ({ id: p.id as string, log: true })), { id: 'lim_over_floor', log: true }, { id: 'orders_accelerator_over_lim', log: false }, { id: 'cim_barrier_kT', log: false }];

/** Indices worked out from the sampler's outputs at the design points. */
function byHand() {
  const input = validateInput({});
  const plan = planSampling(input, { ranges: RANGES, onlyRanges: true });
  const d = RANGES.length;
  const u = new SobolSequence(2 * d, sobolShift(SEED, 2 * d)).fill(0, N, new Float64Array(N * 2 * d));
  const evaluator = new SampleEvaluator(plan);
  const at = (columns: number[]) => {
    const out = metricArrays(N);
    evaluator.evaluate(u, 2 * d, columns, N, out, 0);
    return out;
  };
  const a = [0, 1, 2];
  const fA = at(a);
  const fB = at([3, 4, 5]);
  const fAB = a.map((i) => at(a.map((j) => (j === i ? d + i : j))));
  return OUTPUTS.map(({ id, log }, m) => {
    const g = (x: Float64Array) => Array.from(x, (v) => (log ? Math.log10(v) : v));
    const A = g(fA[m]!);
    const B = g(fB[m]!);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const all = [...A, ...B];
    const V = mean(all.map((x) => x * x)) - mean(all) ** 2;
    // Constant output: no variance beyond 1e-20 of its squared size (measured about the mean, so that
    // rounding in V above does not count).
    const size = Math.max(...all.map(Math.abs));
    const constant = !(mean(all.map((x) => (x - mean(all)) ** 2)) > 1e-20 * Math.max(1, size * size));
    const indices = a.map((i) => {
      const AB = g(fAB[i]![m]!);
      return {
        name: RANGES[i]!.name,
        first: mean(B.map((b, k) => b * (AB[k]! - A[k]!))) / V,
        total: mean(A.map((x, k) => (x - AB[k]!) ** 2)) / (2 * V),
      };
    });
    return { id, constant, indices };
  });
}

test('three ranges: every output\'s indices and ranking as worked out from the design', () => {
  const s = sensitivity(validateInput({}), { ranges: RANGES, onlyRanges: true, samples: N, seed: SEED, bootstrap: 0 });
  assert.equal(s.evaluations, N * (3 + 2));
  const want = byHand();
  assert.deepEqual(s.outputs.map((o) => o.id), want.map((w) => w.id));
  let ranked = 0;
  for (const w of want) {
    const got = s.outputs.find((o) => o.id === w.id)!;
    if (w.constant) {
      // No variance (the Landauer and device rows move with none of these inputs): no indices.
      assert.ok(got.indices.every((g) => Number.isNaN(g.total)), w.id);
      continue;
    }
    const order = [...w.indices].sort((x, y) => y.total - x.total);
    assert.deepEqual(got.indices.map((g) => g.name), order.map((x) => x.name), `${w.id}: ranking`);
    if (order[0]!.name !== 'tau0_s') ranked++;
    for (const x of order) {
      const g = got.indices.find((i) => i.name === x.name)!;
      // Summation order differs: agreement to 1e-7 (the first-order estimator is not shift-invariant, so
      // its rounding grows with the mean of log10 E).
      const near = (p: number, q: number) => Math.abs(p - q) <= 1e-7 * Math.max(1, Math.abs(q));
      assert.ok(near(g.first, x.first) && near(g.total, x.total), `${w.id} ${x.name}: ${g.first}/${g.total} vs ${x.first}/${x.total}`);
      // No bootstrap asked for: no intervals.
      assert.ok(g.first_ci.every(Number.isNaN) && g.total_ci.every(Number.isNaN));
    }
  }
  assert.ok(ranked > 0, 'some output is led by an input other than the first range');
});
