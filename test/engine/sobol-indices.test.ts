/** Sobol' indices checked on the Ishigami function, whose indices are known in closed form. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SobolSequence } from '../../src/util/sobol.js';
import { sobolIndices } from '../../src/model/sobol-indices.js';
import { sobolShift, DEFAULT_SAMPLES } from '../../src/model/uncertainty.js';

const A = 7;
const B = 0.1;
const ishigami = (x1: number, x2: number, x3: number) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);

/** Closed form (Ishigami & Homma 1990; Sobol' & Levitan 1999) for x uniform on [−π, π]³. */
function ishigamiIndices() {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = B ** 2 * pi8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

test('Ishigami indices at the default sample size are within ±0.02 of the closed form', () => {
  const n = DEFAULT_SAMPLES;
  const d = 3;
  const u = new SobolSequence(2 * d, sobolShift(7, 2 * d)).fill(0, n, new Float64Array(n * 2 * d));
  const x = (row: number, col: number) => -Math.PI + 2 * Math.PI * u[row * 2 * d + col]!;
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  for (let j = 0; j < n; j++) {
    fA[j] = ishigami(x(j, 0), x(j, 1), x(j, 2));
    fB[j] = ishigami(x(j, 3), x(j, 4), x(j, 5));
    for (let i = 0; i < d; i++) {
      const cols = [0, 1, 2].map((c) => (c === i ? d + c : c));
      fAB[i]![j] = ishigami(x(j, cols[0]!), x(j, cols[1]!), x(j, cols[2]!));
    }
  }
  const exact = ishigamiIndices();
  // The values quoted for a = 7, b = 0.1.
  assert.deepEqual(exact.first.map((v) => Number(v.toFixed(3))), [0.314, 0.442, 0]);
  assert.deepEqual(exact.total.map((v) => Number(v.toFixed(3))), [0.558, 0.442, 0.244]);
  const got = sobolIndices(fA, fB, fAB, { bootstrap: 50 });
  for (let i = 0; i < d; i++) {
    assert.ok(Math.abs(got[i]!.first - exact.first[i]!) < 0.02, `S${i + 1} = ${got[i]!.first} vs ${exact.first[i]}`);
    assert.ok(Math.abs(got[i]!.total - exact.total[i]!) < 0.02, `ST${i + 1} = ${got[i]!.total} vs ${exact.total[i]}`);
    // The bootstrap interval brackets the estimate and is narrower than the tolerance.
    assert.ok(got[i]!.total_ci[0] <= got[i]!.total && got[i]!.total <= got[i]!.total_ci[1]);
    assert.ok(got[i]!.total_ci[1] - got[i]!.total_ci[0] < 0.1);
  }
});

test('a constant output has no indices', () => {
  const n = 64;
  const ones = new Float64Array(n).fill(3);
  const got = sobolIndices(ones, ones, [ones, ones]);
  assert.ok(got.every((g) => Number.isNaN(g.first) && Number.isNaN(g.total)));
});
