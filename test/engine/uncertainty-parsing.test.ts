/**
 * What the user types for the uncertainty run, parsed by hand-checked cases: `--range` specs and the
 * config file's `ranges:` mapping, the sample count and the seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSamples, parseRangeSpec, rangesFromConfig, samplesFromOption, seedFromText } from '../../src/model/uncertainty.js';
import { InputError } from '../../src/util/errors.js';

const fails = (f: () => unknown, field: string, message?: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.field === field && (!message || message.test(e.message)), `expected an error naming ${field}${message ? ` matching ${message}` : ''}`);

test('range flag: blanks around every part are ignored; the name starts with a letter or underscore', () => {
  // 1 ps = 1e-12 s, 1 ns = 1e-9 s.
  assert.deepEqual(parseRangeSpec('  tau0_s = 1 ps .. 1 ns : log  '), { name: 'tau0_s', low: 1e-12, high: 1e-9, distribution: 'log' });
  assert.deepEqual(parseRangeSpec('_x=1..2'), { name: '_x', low: 1, high: 2, distribution: 'uniform' });
  // The whole text must be the spec: a leading digit or sign is not skipped over.
  fails(() => parseRangeSpec('2tau0_s=1 ps..1 ns'), 'range', /^range: expected NAME=LOW\.\.HIGH/);
  fails(() => parseRangeSpec('-tau0_s=1 ps..1 ns'), 'range');
  // Nothing but blanks may follow the distribution.
  fails(() => parseRangeSpec('cim_device_write_J=1e-13..1e-12:log!'), 'range cim_device_write_J');
});

test('range bounds must be finite numbers, and the message says which bound is wrong', () => {
  // A catalog quantity (no unit parsing): the bound text is read as a plain number.
  fails(() => parseRangeSpec('cim_device_write_J=1e-13..Infinity'), 'range cim_device_write_J', /HIGH must be a finite number, got 'Infinity'/);
  fails(() => parseRangeSpec('cim_device_write_J=1e-13..1e999'), 'range cim_device_write_J', /HIGH must be a finite number/);
  fails(() => parseRangeSpec('cim_device_write_J=abc..1e-12'), 'range cim_device_write_J', /LOW must be a finite number, got 'abc'/);
  fails(() => rangesFromConfig({ cim_device_write_J: { low: '  ', high: '1e-12' } }), 'range cim_device_write_J', /low must be a finite number/);
  fails(() => rangesFromConfig({ cim_device_write_J: { low: '', high: '1e-12' } }), 'range cim_device_write_J', /low must be a finite number/);
  fails(() => rangesFromConfig({ cim_device_write_J: { high: 1e-12 } }), 'range cim_device_write_J', /low must be a finite number, got 'undefined'/);
  fails(() => rangesFromConfig({ cim_device_write_J: { low: 1e-13, high: true } }), 'range cim_device_write_J', /high must be a finite number, got 'true'/);
  // An input key with units: a missing bound is reported as missing, not as a unit problem.
  fails(() => rangesFromConfig({ tau0_s: { high: '1 ns' } }), 'range tau0_s', /low must be a finite number, got 'undefined'/);
  fails(() => rangesFromConfig({ tau0_s: { low: '1 ps', high: false } }), 'range tau0_s', /high must be a finite number, got 'false'/);
});

test('config ranges: absent is none; numbers pass through; the distribution is case-blind', () => {
  assert.deepEqual(rangesFromConfig(undefined), []);
  assert.deepEqual(rangesFromConfig(null), []);
  assert.deepEqual(rangesFromConfig({}), []);
  assert.deepEqual(rangesFromConfig({ tau0_s: { low: 1e-12, high: 1e-9 }, cim_device_write_J: { low: 1e-13, high: '3e-12', distribution: 'LogNormal' } }), [
    { name: 'tau0_s', low: 1e-12, high: 1e-9, distribution: 'uniform' },
    { name: 'cim_device_write_J', low: 1e-13, high: 3e-12, distribution: 'lognormal' },
  ]);
});

test('config ranges: the section must be a mapping, and each entry a string or a { low, high } mapping', () => {
  fails(() => rangesFromConfig('tau0_s=1 ps..1 ns'), 'ranges', /expected a mapping/);
  fails(() => rangesFromConfig(5), 'ranges', /expected a mapping/);
  fails(() => rangesFromConfig(['tau0_s=1 ps..1 ns']), 'ranges', /expected a mapping/);
  for (const entry of [5, null, true, ['1 ps', '1 ns']]) {
    fails(() => rangesFromConfig({ tau0_s: entry }), 'ranges.tau0_s', /expected "LOW\.\.HIGH\[:distribution\]" or \{ low, high, distribution \}/);
  }
});

test('sample count as typed: a bare flag is the default 10 000; anything else must be a whole number', () => {
  assert.equal(samplesFromOption(true), 10_000);
  assert.equal(samplesFromOption(undefined), 10_000);
  assert.equal(samplesFromOption('2500'), 2500);
  assert.equal(samplesFromOption(2500), 2500);
  assert.equal(samplesFromOption(' 300 '), 300);
  assert.equal(samplesFromOption('1e3'), 1000);
  // The message quotes the text as typed.
  for (const text of ['', '  ', 'abc', 'Infinity']) {
    assert.throws(
      () => samplesFromOption(text),
      (e: unknown) => e instanceof InputError && e.field === 'uncertainty' && e.message === `uncertainty: SAMPLES must be a whole number, got '${text}'`,
      JSON.stringify(text),
    );
  }
  fails(() => samplesFromOption('2.5'), 'uncertainty', /≥ 1/);
  fails(() => samplesFromOption('abc', 'samples'), 'samples');
});

test('sample count limits: 1 and 4 000 000 are accepted, one past either end is not', () => {
  assert.equal(checkSamples(1), 1);
  assert.equal(checkSamples(4_000_000), 4_000_000);
  fails(() => checkSamples(0), 'uncertainty');
  fails(() => checkSamples(4_000_001), 'uncertainty');
  fails(() => checkSamples(1.5), 'uncertainty');
  fails(() => checkSamples(0, 'samples'), 'samples');
});

test('seed as typed: absent is 1; a whole number from 0 to 2^53 − 1', () => {
  assert.equal(seedFromText(undefined), 1);
  assert.equal(seedFromText(null), 1);
  assert.equal(seedFromText('7'), 7);
  assert.equal(seedFromText(7), 7);
  assert.equal(seedFromText('0'), 0);
  // 2^53 − 1 = 9007199254740991, the largest integer a double holds exactly.
  assert.equal(seedFromText('9007199254740991'), 9007199254740991);
  for (const text of ['9007199254740992', '-1', '1.5', 'abc', '', '  ']) {
    fails(() => seedFromText(text), 'seed', new RegExp(`^seed: must be a whole number from 0 to 9007199254740991, got '${text.replace('.', '\\.')}'$`));
  }
});
