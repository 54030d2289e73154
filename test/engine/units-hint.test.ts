/**
 * The hint in the error for a quantity that is not a number lists the units its field takes — never the
 * empty unit of a bare number, and no hint at all for a field that takes only plain numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity } from '../../src/model/units.js';
import { InputError } from '../../src/util/errors.js';

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.message;
  }
  assert.fail('expected an InputError');
};

test('a non-number names the units of its dimension, without the empty unit', () => {
  assert.equal(message(() => parseQuantity('precision_bits', 'many', 'bits')), "precision_bits: expected a number optionally followed by a unit (bit, bits, b), got 'many'");
  assert.equal(message(() => parseQuantity('pue', 'high', 'ratio')), "pue: expected a number, got 'high'");
});
