/** Edges of `--vary NAME=FROM..TO[:log][:COUNT]` parsing and grid spacing, by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVary, gridValues } from '../../src/model/sweep.js';
import { InputError } from '../../src/util/errors.js';

const refusesWith = (spec: string, pattern: RegExp) =>
  assert.throws(() => parseVary(spec), (e: unknown) => e instanceof InputError && e.field === 'vary' && pattern.test(e.message), spec);

test('a spec of exactly 200 characters is read; one more is refused', () => {
  // 'params=1..2' is 11 characters; 189 empty ':' options bring it to 200 (empty options are skipped).
  const spec = 'params=1..2' + ':'.repeat(189);
  assert.equal(spec.length, 200);
  assert.deepEqual(parseVary(spec), { key: 'params', from: 1, to: 2, count: 10, log: false });
  refusesWith(spec + ':', /^vary: expected NAME=FROM\.\.TO/);
});

test('a one-letter name is looked up (and is unknown), not refused as malformed', () => {
  refusesWith('x=1..2', /unknown input 'x'/);
});

test('a spec without ".." or with a blank end is malformed, whatever follows', () => {
  refusesWith('params=12345', /^vary: expected NAME=FROM\.\.TO/);
  refusesWith('params=1.5', /^vary: expected NAME=FROM\.\.TO/);
  refusesWith('params= ..2', /^vary: expected NAME=FROM\.\.TO/);
  refusesWith('params=1.. :3', /^vary: expected NAME=FROM\.\.TO/);
});

test('a FROM with a leading decimal point is a number, not a third dot', () => {
  assert.deepEqual(parseVary('temperature_K=.5..2'), { key: 'temperature_K', from: 0.5, to: 2, count: 10, log: false });
});

test('a :log range refuses a zero TO as well as a zero FROM', () => {
  refusesWith('erasure_error=0.1..0:log', /a :log range needs positive ends, got 0\.1\.\.0/);
});

test('the unknown-name message lists only numeric inputs', () => {
  assert.throws(
    () => parseVary('nonsense=1..2'),
    (e: unknown) => e instanceof InputError && /allowed: .*\bparams\b/.test(e.message) && !/\b(workload|cell|accelerator|device)\b/.test(e.message),
  );
});

test('a linear grid of a non-integer input keeps its fractions', () => {
  // 1..2 in 3 steps: 1, 1 + 1/2, 2.
  assert.deepEqual(gridValues(parseVary('temperature_K=1..2:3')), [1, 1.5, 2]);
});
