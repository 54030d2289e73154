/** Sobol' points, inverse CDFs and quantiles against published values and exact properties. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SobolSequence, SOBOL_MAX_DIMENSION } from '../../src/util/sobol.js';
import { inverseCdf, normalCdf, normalQuantile } from '../../src/util/distributions.js';
import { quantileSorted, quantiles } from '../../src/util/quantile.js';

test("Sobol': the first points of Joe & Kuo's generator (their published output for 3 dimensions)", () => {
  const out = new SobolSequence(3).fill(0, 8, new Float64Array(24));
  const expected = [0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.375, 0.375, 0.625, 0.875, 0.875, 0.125, 0.625, 0.125, 0.875, 0.125, 0.625, 0.375];
  out.forEach((v, i) => assert.equal(v, expected[i]! + 0.5 / 2 ** 32));
});

test("Sobol': 2^m points put one point in each of the 2^m equal intervals of every coordinate", () => {
  const dim = SOBOL_MAX_DIMENSION;
  const n = 1024;
  const shift = Uint32Array.from({ length: dim }, (_, d) => (d * 2654435761) >>> 0);
  const out = new SobolSequence(dim, shift).fill(0, n, new Float64Array(n * dim));
  for (let d = 0; d < dim; d++) {
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) seen[Math.floor(out[i * dim + d]! * n)]!++;
    assert.ok(seen.every((c) => c === 1), `dimension ${d + 1}`);
  }
  // Random access agrees with the sequential walk.
  const tail = new SobolSequence(dim, shift).fill(700, 3, new Float64Array(3 * dim));
  assert.deepEqual(tail, out.slice(700 * dim, 703 * dim));
});

test('normal quantile and CDF against tabulated values', () => {
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.05) + 1.6448536269514722) < 1e-8);
  assert.ok(Math.abs(normalQuantile(1e-6) + 4.753424308822899) < 1e-7);
  assert.ok(Math.abs(normalCdf(1) - 0.8413447460685429) < 2e-7);
  assert.ok(Math.abs(normalCdf(-3) - 0.0013498980316301) < 1e-9);
});

test('inverse CDFs map the unit interval onto the stated ranges', () => {
  const log = inverseCdf({ kind: 'log', low: 1e-13, high: 1e-9 });
  assert.ok(Math.abs(log(0.5) / 1e-11 - 1) < 1e-12);
  const lognormal = inverseCdf({ kind: 'lognormal', low: 1, high: 100 });
  assert.ok(Math.abs(lognormal(0.025) - 1) < 1e-6 && Math.abs(lognormal(0.5) - 10) < 1e-9);
  // A normal whose 95 % interval reaches below zero, truncated at the domain's lower end.
  const truncated = inverseCdf({ kind: 'normal', low: -1, high: 3, min: 0 });
  assert.ok(truncated(1e-9) >= 0 && truncated(0.999999) > 3);
});

test('quantiles interpolate between order statistics (Hyndman & Fan type 7)', () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([10, 20, 30, 40, 50], 0.05), 12);
  assert.deepEqual(quantiles(Float64Array.from([5, 1, Number.NaN, 3]), [0, 0.5, 1]), [1, 3, 5]);
});

test('quantiles by selection equal the sorted array\'s order statistics, ties, sorted and constant data included', () => {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const ps = [0, 0.05, 0.25, 0.5, 0.95, 0.999, 1];
  const cases: Float64Array[] = [
    Float64Array.from({ length: 1001 }, () => next()),
    Float64Array.from({ length: 1000 }, () => Math.floor(next() * 7)), // many ties
    Float64Array.from({ length: 500 }, (_, i) => i), // already sorted
    Float64Array.from({ length: 500 }, (_, i) => 500 - i), // reversed
    new Float64Array(300).fill(2.5), // constant
    Float64Array.from([4]),
    Float64Array.from([9, 1]),
  ];
  for (const values of cases) {
    const copy = values.slice();
    const sorted = Array.from(values).sort((a, b) => a - b);
    assert.deepEqual(quantiles(values, ps), ps.map((p) => quantileSorted(sorted, p)));
    assert.deepEqual(values, copy, 'the input is not modified');
  }
});
