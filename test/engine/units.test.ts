/**
 * Every unit the input parser accepts, against SI values typed by hand (not computed from the parser's own
 * table): a wrong factor (hours as 3000 s, a year of 365 d) fails here, not only in a snapshot.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, SI_UNIT } from '../../src/model/units.js';
import { InputError } from '../../src/util/errors.js';
import { YEAR_S, DAY_S, KWH_J, BOLTZMANN_J_PER_K, PLANCK_J_S, ELEMENTARY_CHARGE_C, SPEED_OF_LIGHT_M_PER_S, LN2, DEFAULT_TEMPERATURE_K, DEFAULT_TAU0_S } from '../../src/physics/constants.js';

/** "2 <unit>" must parse to this many seconds (2 × the unit, typed out). */
const TWO_OF: Array<[string, number]> = [
  ['s', 2], ['sec', 2], ['second', 2], ['seconds', 2],
  ['ms', 0.002], ['us', 0.000002], ['µs', 0.000002], ['ns', 0.000000002], ['ps', 2e-12], ['fs', 2e-15],
  ['min', 120], ['minute', 120], ['minutes', 120],
  ['h', 7200], ['hr', 7200], ['hour', 7200], ['hours', 7200],
  ['d', 172800], ['day', 172800], ['days', 172800],
  ['wk', 1209600], ['week', 1209600], ['weeks', 1209600],
  // Julian year: 365.25 d = 31,557,600 s.
  ['yr', 63115200], ['y', 63115200], ['year', 63115200], ['years', 63115200],
];

test('every time unit against hand-typed seconds', () => {
  for (const [unit, seconds] of TWO_OF) {
    const got = parseQuantity('time_s', `2 ${unit}`, 'time');
    assert.ok(Math.abs(got - seconds) <= 1e-15 * seconds, `2 ${unit}: ${got} s, expected ${seconds} s`);
    // No space, and upper-case spellings that the lower-case fallback accepts.
    assert.ok(Math.abs(parseQuantity('time_s', `2${unit}`, 'time') - seconds) <= 1e-15 * seconds, `2${unit}`);
  }
  assert.equal(parseQuantity('time_s', '3 HOURS', 'time'), 10800);
  assert.equal(parseQuantity('time_s', '1.5 Days', 'time'), 129600);
});

test('the other dimensions: bits, temperature, intensity, counts and ratios', () => {
  for (const unit of ['bit', 'bits', 'b']) assert.equal(parseQuantity('n_eff_bits', `12 ${unit}`, 'bits'), 12);
  assert.equal(parseQuantity('precision_bits', '16', 'bits'), 16);
  assert.equal(parseQuantity('temperature_K', '77 K', 'temperature'), 77);
  assert.equal(parseQuantity('temperature_K', '4.2K', 'temperature'), 4.2);
  assert.equal(parseQuantity('arithmetic_intensity_flop_per_byte', '300 FLOP/B', 'intensity'), 300);
  assert.equal(parseQuantity('arithmetic_intensity_flop_per_byte', '2.5 FLOP/byte', 'intensity'), 2.5);
  assert.equal(parseQuantity('params', '1e15', 'count'), 1e15);
  assert.equal(parseQuantity('params', '  7.5E3  ', 'count'), 7500);
  assert.equal(parseQuantity('params', '.5', 'count'), 0.5);
  assert.equal(parseQuantity('params', '+3', 'count'), 3);
  assert.equal(parseQuantity('time_s', '-2 s', 'time'), -2); // the sign is kept; the range check rejects it later
  assert.equal(parseQuantity('refresh_error', '1e-9', 'ratio'), 1e-9);
  assert.equal(parseQuantity('params', 42, 'count'), 42, 'a number passes through unchanged');
  // Count suffixes, typed out: k = 1e3, M = 1e6, B = G = 1e9, T = 1e12, P = 1e15.
  const SUFFIXED: Array<[string, number]> = [['3k', 3000], ['3 K', 3000], ['2.5M', 2500000], ['8B', 8000000000], ['8 G', 8000000000], ['15T', 15000000000000], ['1P', 1000000000000000], ['7 billion', 7000000000]];
  for (const [text, value] of SUFFIXED) assert.equal(parseQuantity('params', text, 'count'), value, text);
  assert.deepEqual(SI_UNIT, { count: '', bits: 'bit', time: 's', temperature: 'K', ratio: '', intensity: 'FLOP/B', energy: 'J', power: 'W' });
});

/** Asserts an InputError naming `field`, with a message matching `pattern`. */
function rejects(fn: () => unknown, field: string, pattern: RegExp) {
  assert.throws(fn, (err: unknown) => err instanceof InputError && err.field === field && pattern.test(err.message) && !err.message.includes('\n'));
}

test('unit errors name the field, the bad unit and what is allowed', () => {
  rejects(() => parseQuantity('time_s', '3 fortnights', 'time'), 'time_s', /^time_s: unknown unit 'fortnights' \(allowed: s, sec, second, seconds, ms, us, µs, ns, ps, fs, min, .*years\)$/);
  rejects(() => parseQuantity('temperature_K', '300 C', 'temperature'), 'temperature_K', /^temperature_K: unknown unit 'C' \(allowed: K\)$/);
  rejects(() => parseQuantity('params', '5 bits', 'count'), 'params', /^params: unknown suffix 'bits' \(a count is a plain number or has a suffix: k, M, B or G, T, P, e\.g\. 8B, 15T, 1\.5M\)$/);
  rejects(() => parseQuantity('intensity', '5 bits', 'ratio'), 'intensity', /^intensity: unknown unit 'bits' \(this field takes a plain number\)$/);
  rejects(() => parseQuantity('time_s', 'soon', 'time'), 'time_s', /^time_s: expected a number optionally followed by a unit \(s, sec, second, seconds, ms, us, µs, ns\), got 'soon'$/);
  rejects(() => parseQuantity('params', 'many', 'count'), 'params', /^params: expected a number, got 'many'$/);
  rejects(() => parseQuantity('params', true, 'count'), 'params', /^params: expected a number, got true$/);
  rejects(() => parseQuantity('params', '1 2', 'count'), 'params', /unknown (unit|suffix) '2'|expected a number/);
});

test('physical constants and calendar units, typed from the SI Brochure and by hand', () => {
  assert.equal(BOLTZMANN_J_PER_K, 1.380649e-23);
  assert.equal(PLANCK_J_S, 6.62607015e-34);
  assert.equal(ELEMENTARY_CHARGE_C, 1.602176634e-19);
  assert.equal(SPEED_OF_LIGHT_M_PER_S, 299792458);
  assert.equal(LN2, 0.6931471805599453);
  assert.equal(YEAR_S, 31557600);
  assert.equal(DAY_S, 86400);
  assert.equal(KWH_J, 3600000);
  assert.equal(DEFAULT_TEMPERATURE_K, 300);
  assert.equal(DEFAULT_TAU0_S, 1e-9);
});
