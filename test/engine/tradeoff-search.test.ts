/**
 * The energy–speed trade-off (docs/model.md §4): the search for the time at which LIM comes within 2× of
 * the Landauer floor, driven by a user LIM term whose ratio to the floor is a chosen function of T_sol (so
 * the answer is known exactly), and the default span, the points and the summary numbers of `tradeoff`,
 * each worked out by hand for the brain-scale preset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limWithin2xTime, resolve, tradeoff, validateInput, type TermOverrides } from '../../src/model/index.js';

const KT300 = 1.380649e-23 * 300;
const LN2 = Math.LN2;
const YEAR = 3.15576e7;
// Brain-scale preset: OPS = F = 1.8e27 (flop convention), P = 1e15, N = 32.
const OPS = 1.8e27;
const P = 1e15;
const FLOOR = OPS * 32 * KT300 * LN2;

const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

/**
 * A LIM row whose energy is the floor times ratio(T_sol): update = Σbits·kT·ln2·ratio, no consolidation.
 * Every time the row is priced, its T_sol is appended to `seen`.
 */
function limAsFloorTimes(ratio: (t: number) => number, seen: number[] = []): TermOverrides {
  return {
    lim: {
      update: {
        formula: 'Σbits · kT·ln2 · ratio(T_sol)',
        value: (c, _e, d) => {
          seen.push(c.time_s);
          return c.update_bits * d.bit_floor_J * ratio(c.time_s);
        },
        parts: () => [],
      },
      consolidation: { formula: '0', value: () => 0, parts: () => [] },
    },
  };
}

// τ_r = 1 µs: the search starts at τ_r·OPS/P·1e-9 = 1e-6 · 1.8e12 · 1e-9 = 1.8e-3 s.
const MICRO = resolve(validateInput({ relaxation_s: 1e-6 }));
const START = 1.8e-3;

test('2× search: a LIM row already within 2× at the first trial time returns that time, exactly 2× included', () => {
  const seen: number[] = [];
  const at1 = limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes(() => 1, seen));
  close(at1!, START, 1e-12, 'ratio 1');
  close(seen[0]!, START, 1e-12, 'first trial time');
  assert.equal(seen.length, 1, 'one evaluation: no stepping, no bisection');
  // Exactly twice the floor counts as within 2×.
  close(limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes(() => 2))!, START, 1e-12, 'ratio 2');
});

test('2× search: a row that never comes within 2× gives null', () => {
  assert.equal(limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes(() => 3)), null);
});

test('2× search: a step from 3× to exactly 2× at T* is found to 1e-12, in 42 halvings of a factor-10 bracket', () => {
  // T* = START·10^3.5: stepping up by 10 passes it at START·1e4, so the bracket is (START·1e3, START·1e4].
  const tStar = START * 10 ** 3.5;
  const seen: number[] = [];
  const got = limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes((t) => (t < tStar ? 3 : 2), seen))!;
  assert.ok(got >= tStar && got / tStar - 1 < 1e-12, `${got} vs ${tStar}`);
  // The bracket ratio after k halvings of its logarithm is 10^(1/2^k): 1 + 1.047e-12 at k = 41, 1 + 5.2e-13 at
  // k = 42, the first below 1 + 1e-12. Evaluations: 1 at the start, 5 loop checks (4 steps up, 1 that stops),
  // 1 confirming the bracket, then 42 midpoints.
  assert.equal(seen.length, 1 + 5 + 1 + 42);
});

test('2× search: steps up at most 200 decades from the first trial time', () => {
  // Within 2× only above START·10^200.5: one decade beyond the last trial time START·1e200.
  const far = START * 10 ** 200.5;
  assert.equal(limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes((t) => (t < far ? 3 : 1))), null);
  // Within 2× above START·10^199.5 ≈ 5.7e196 s: the 200th step reaches it, and the bisection finds it although
  // the product of the bracket ends (≈ 1e393) is beyond the largest double.
  const near = START * 10 ** 199.5;
  const got = limWithin2xTime(MICRO.counts, MICRO.env, limAsFloorTimes((t) => (t < near ? 3 : 1)))!;
  assert.ok(got >= near && got / near - 1 < 1e-12, `${got} vs ${near}`);
});

test('trade-off span by default: 1000× faster than relaxation-limited (or T_sol/10) up to 100·T_sol (or 1e6 × the start)', () => {
  // τ_r = 1 µs: relaxation-limited T_sol = τ_r·OPS/P = 1e-6 · 1.8e12 = 1.8e6 s; from = min(1.8e3, 1 yr/10) = 1.8e3 s;
  // to = max(100 yr = 3.15576e9 s, 1.8e3·1e6 = 1.8e9 s) = 3.15576e9 s.
  const t = tradeoff(MICRO, { points: 5 });
  close(t.relaxation_limited_time_s, 1.8e6, 1e-12, 'τ_r·OPS/P');
  const times = t.points.map((p) => p.time_s);
  assert.equal(times.length, 5);
  const ratio = (100 * YEAR) / 1.8e3;
  for (let i = 0; i < 5; i++) close(times[i]!, 1.8e3 * ratio ** (i / 4), 1e-12, `point ${i}`);
  // T_sol = 1000 s: from = min(1.8e3, 100) = 100 s; to = max(1e5, 100·1e6) = 1e8 s.
  const short = tradeoff(resolve(validateInput({ relaxation_s: 1e-6, time_s: 1000 })), { points: 3 });
  assert.deepEqual(short.points.map((p) => p.time_s).map((x) => Number(x.toPrecision(12))), [100, 1e5, 1e8]);
  // An explicit span shorter than one decade is widened to one: 1 s → 10 s.
  const widened = tradeoff(MICRO, { points: 2, from_s: 1, to_s: 2 });
  assert.deepEqual(widened.points.map((p) => p.time_s), [1, 10]);
});

test('trade-off points: the floor is flat and LIM is floor·(1 + 2·τ_D/(τ_u·ln2)) at every T_sol', () => {
  const t = tradeoff(resolve(validateInput({})), { points: 4, from_s: 1e3, to_s: 1e9 });
  const tauD = (Math.sqrt(32) / (2 * Math.PI)) * 61.0164e-9; // τ_D typed to 6 digits (model-v2 tests it)
  for (const p of t.points) {
    close(p.energy_J.landauer, FLOOR, 1e-14, `floor at ${p.time_s} s`);
    const tauU = (p.time_s * P) / OPS;
    // The excess carries τ_D's 1e-5 uncertainty at most; consolidation is 1e-12 of the floor.
    close(p.energy_J.lim, FLOOR * (1 + (2 * tauD) / (tauU * LN2)), 1e-5, `LIM at ${p.time_s} s`);
  }
  // At the input's own 1 yr: τ_u = 1 yr·P/OPS = 17.5 µs; LIM/floor = 1 + 2τ_D/(τ_u·ln2) ≈ 1.009.
  const tauU = (YEAR * P) / OPS;
  close(t.lim_over_floor_at_input, 1 + (2 * tauD) / (tauU * LN2), 1e-7, 'LIM ÷ floor at 1 yr');
});

test('trade-off: a 2× time exactly at the edge of the model domain lies inside it', () => {
  // τ_r = 1 s and OPS/P = 2^50/2^10 = 2^40 (powers of two keep both products exact): the 2× search starts at
  // τ_r·2^40·1e-9 and the domain begins at τ0·2^40 with τ0 = 1 ns; a row within 2× everywhere stops at once.
  const r = resolve(validateInput({ relaxation_s: 1 }));
  const edge = { ...r, counts: { ...r.counts, ops: 2 ** 50, params: 2 ** 10 } };
  const t = tradeoff(edge, { points: 2, terms: limAsFloorTimes(() => 1) });
  assert.equal(t.model_domain_min_time_s, 2 ** 40 * 1e-9);
  assert.equal(t.lim_within_2x_time_s, 2 ** 40 * 1e-9);
  assert.equal(t.lim_within_2x_in_model_domain, true);
});
