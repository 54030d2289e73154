/**
 * When Sobol' indices are not defined: an output whose variance is at or below 1e-20 of its squared size
 * is constant (no indices, no intervals), a bootstrap of 0 resamples gives no intervals, and a resample
 * without variance never produces an infinite index. Designs small enough to follow by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sobolIndices } from '../../src/model/sobol-indices.js';

const f64 = (...v: number[]) => Float64Array.from(v);
const isNaNPair = (p: [number, number]) => Number.isNaN(p[0]) && Number.isNaN(p[1]);

test('a constant output has neither indices nor intervals, whatever the bootstrap', () => {
  const threes = f64(3, 3, 3, 3);
  const indices = sobolIndices(threes, threes, [threes], { bootstrap: 20 });
  assert.equal(indices.length, 1, 'one input, one entry');
  for (const g of indices) {
    assert.ok(Number.isNaN(g.first) && Number.isNaN(g.total));
    assert.ok(isNaNPair(g.first_ci) && isNaNPair(g.total_ci), JSON.stringify(g));
  }
});

test('the constancy threshold is strict: a variance of exactly 1e-20 (output size below 1) is constant', () => {
  // f(A) = (0, 0), f(B) = (y, y): the mean over A is 0, so the variance is (y² + y²)/(2·2) = y²/2 = 1e-20.
  const y = Math.sqrt(2e-20);
  assert.equal(y * y, 2e-20);
  const got = sobolIndices(f64(0, 0), f64(y, y), [f64(0, y)], { bootstrap: 0 });
  assert.ok(Number.isNaN(got[0]!.first) && Number.isNaN(got[0]!.total), JSON.stringify(got));
  // Twice that variance, 2y² / 2 = 2e-20 with f(B) = (√2·y, √2·y) = (2e-10, 2e-10): indices exist.
  const z = 2e-10;
  const above = sobolIndices(f64(0, 0), f64(z, z), [f64(0, z)], { bootstrap: 0 });
  // One input, f(AB) = (0, z): first = mean(f_B·(f_AB − f_A)) / V with the pooled V = mean(f²) − mean(f)²
  // = z²/2 − z²/4 = z²/4, i.e. (z·z/2) / (z²/4) = 2; total = mean((f_A − f_AB)²)/(2V) = (z²/2)/(z²/2) = 1.
  assert.ok(Math.abs(above[0]!.first - 2) < 1e-12 && Math.abs(above[0]!.total - 1) < 1e-12, JSON.stringify(above));
});

test('the threshold is relative to the output size: a spread of 1.25 around 1e10 is constant, around 0 it is not', () => {
  // f_A = 1e10 + (0, 0), f_B = 1e10 + (1.25, 1.25): variance (1.25² + 1.25²)/(2·2) = 0.78 against a squared
  // size of 1e20, below 1e-20 of it. At that size a variance is rounding noise (one ulp of 1e20 is 16384).
  const big = 1e10;
  const got = sobolIndices(f64(big, big), f64(big + 1.25, big + 1.25), [f64(big + 1.25, big)], { bootstrap: 10 });
  assert.ok(Number.isNaN(got[0]!.first) && Number.isNaN(got[0]!.total), JSON.stringify(got));
  assert.ok(isNaNPair(got[0]!.first_ci) && isNaNPair(got[0]!.total_ci));
  // The same spread around 0: f_A = (0, 0), f_B = (1.25, 1.25), f_AB = (1.25, 0). Pooled V = mean(f²) − mean(f)²
  // = 1.25²/2 − 0.625² = 0.390625; total = mean((f_A − f_AB)²)/(2V) = (1.25²/2)/(2·0.390625) = 1.
  const small = sobolIndices(f64(0, 0), f64(1.25, 1.25), [f64(1.25, 0)], { bootstrap: 0 });
  assert.ok(Math.abs(small[0]!.total - 1) < 1e-12, JSON.stringify(small));
});

test('no bootstrap: indices but no intervals', () => {
  // f_A = (1, 2), f_B = (3, 4), f_AB = f_B: V over A ∪ B = 1.25; total = mean((f_A − f_B)²)/(2V) = 4/2.5 = 1.6.
  const got = sobolIndices(f64(1, 2), f64(3, 4), [f64(3, 4)], { bootstrap: 0 });
  assert.ok(Math.abs(got[0]!.total - 1.6) < 1e-12, JSON.stringify(got));
  assert.ok(isNaNPair(got[0]!.first_ci) && isNaNPair(got[0]!.total_ci));
});

test('a bootstrap resample without variance yields no index, never an infinite one', () => {
  // f_A = f_B on both rows: a resample that repeats one row has zero variance (half of all resamples).
  // With two resamples the interval ends interpolate between both draws; over 20 seeds some pair is mixed.
  for (let seed = 1; seed <= 20; seed++) {
    const got = sobolIndices(f64(2, 5), f64(2, 5), [f64(3, 6)], { bootstrap: 2, seed });
    for (const v of [...got[0]!.first_ci, ...got[0]!.total_ci]) assert.ok(v !== Infinity && v !== -Infinity, `seed ${seed}: ${JSON.stringify(got)}`);
  }
});
