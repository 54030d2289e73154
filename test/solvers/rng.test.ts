import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mix32, nextUint32, seedState, Rng } from '../../src/solvers/rng.js';

test('xoshiro128** from state {1,2,3,4} gives the outputs computed by hand from the published algorithm', () => {
  // Step 1 outputs rotl(2·5, 7)·9 = 11520 and leaves [7, 0, 1026, 12288]; step 2 outputs 0 (s1 = 0) and
  // leaves s1 = 1026 ^ 7 = 1029; step 3 outputs rotl(1029·5, 7)·9 = 5145·128·9 = 5927040.
  const s = Uint32Array.from([1, 2, 3, 4]);
  assert.equal(nextUint32(s), 11520);
  assert.equal(nextUint32(s), 0);
  assert.equal(nextUint32(s), 5927040);
});

test('mix32 is the MurmurHash3 fmix32 finalizer (fmix32(1) = 0x514e28b7, fmix32(0) = 0)', () => {
  assert.equal(mix32(1), 0x514e28b7);
  assert.equal(mix32(0), 0);
});

test('same seed and stream give the same stream; different streams differ', () => {
  const a = new Rng(42, 0), b = new Rng(42, 0), c = new Rng(42, 1);
  const xa = Array.from({ length: 5 }, () => a.uint32());
  const xb = Array.from({ length: 5 }, () => b.uint32());
  const xc = Array.from({ length: 5 }, () => c.uint32());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
  assert.notDeepEqual(Array.from(seedState(1, 0)), Array.from(seedState(2, 0)));
});

test('unit() lies strictly inside (0, 1) and has mean ≈ 1/2', () => {
  const r = new Rng(7);
  let sum = 0;
  const count = 100000;
  for (let k = 0; k < count; k++) {
    const u = r.unit();
    assert.ok(u > 0 && u < 1);
    sum += u;
  }
  // Standard error of the mean of U(0,1): 1/√(12·count) ≈ 9e-4; allow 5σ.
  assert.ok(Math.abs(sum / count - 0.5) < 5 / Math.sqrt(12 * count));
});
