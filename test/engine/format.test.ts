import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSI, formatScientific, formatCount, formatDuration } from '../../src/util/format.js';

test('formatSI uses SI prefixes and never prints a false zero', () => {
  assert.equal(formatSI(1.65e8, 'J'), '165 MJ');
  assert.equal(formatSI(2.870979e-21, 'J'), '2.87 zJ');
  assert.equal(formatSI(1000, 'J'), '1 kJ');
  assert.equal(formatSI(999.96, 'J'), '1 kJ');
  assert.equal(formatSI(4.633e12, 'J'), '4.63 TJ');
  assert.equal(formatSI(0, 'J'), '0 J');
  assert.equal(formatSI(-2.5e-3, 'J'), '-2.5 mJ');
  assert.equal(formatSI(3.2e30, 'J'), '3.2e30 J');
  assert.equal(formatSI(1e-30, 'J'), '1e-30 J');
  for (let e = -40; e <= 40; e++) assert.ok(!/^0(\.0*)? /.test(formatSI(1.234 * 10 ** e, 'J')), `false zero at 1e${e}`);
});

test('scientific, count and duration formats', () => {
  assert.equal(formatScientific(1.8e27), '1.8e27');
  assert.equal(formatScientific(3.14159e-5, 3), '3.14e-5');
  assert.equal(formatCount(93750), '93750');
  assert.equal(formatCount(1e15), '1e15');
  assert.equal(formatDuration(3.15576e7), '1 yr');
  assert.equal(formatDuration(2592000), '30 d');
  assert.equal(formatDuration(5400), '1.5 h');
  assert.equal(formatDuration(1e-9), '1 ns');
});
