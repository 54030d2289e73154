/** formatDuration: rounding carried into the next unit, and long runs in scientific years. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration } from '../../src/util/format.js';

test('durations round first, then take the unit the rounded value reaches', () => {
  assert.equal(formatDuration(59.9999), '1 min');
  assert.equal(formatDuration(59.96), '1 min');
  assert.equal(formatDuration(59.94), '59.9 s');
  assert.equal(formatDuration(3599.9), '1 h');
  assert.equal(formatDuration(86399.99), '1 d');
  assert.equal(formatDuration(0.9996), '1 s');
  assert.equal(formatDuration(-90), '-1.5 min');
  // 365.2 d rounds to 365 d, short of a (Julian) year.
  assert.equal(formatDuration(365.2 * 86400), '365 d');
  assert.equal(formatDuration(6.762), '6.76 s');
});

test('from 1000 years on, years in the project scientific style', () => {
  assert.equal(formatDuration(3.15576e7 * 999), '999 yr');
  assert.equal(formatDuration(3.15576e7 * 999.96), '1e3 yr');
  assert.equal(formatDuration(3.15576e10), '1e3 yr');
  assert.equal(formatDuration(3.15576e13), '1e6 yr');
  assert.equal(formatDuration(1e15), '3.17e7 yr');
  assert.equal(formatDuration(-3.15576e11), '-1e4 yr');
  for (let e = 7; e <= 30; e++) assert.doesNotMatch(formatDuration(10 ** e), /\d{5,}|e\+/, `1e${e} s`);
});
