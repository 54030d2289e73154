/**
 * The input schema on its own, before the engine registers its catalogues: no workload, accelerator or
 * device id is accepted, and the error lists none. This file imports schema.ts alone on purpose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInput } from '../../src/model/schema.js';
import { InputError } from '../../src/util/errors.js';

test('without registered catalogues, catalogue choices are empty', () => {
  for (const [key, id] of [['workload', 'brain-scale'], ['accelerator', 'h100'], ['device', 'rram']] as const) {
    assert.throws(
      () => validateInput({ [key]: id }),
      (e: unknown) => e instanceof InputError && e.field === key && e.message === `${key}: unknown value '${id}' (allowed: )`,
    );
  }
});
