import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate, validateInput, inputJsonSchema, parseQuantity, InputError } from '../../src/index.js';

/** Asserts that `fn` throws an InputError whose field is `field` and whose one-line message matches `pattern`. */
function rejects(fn: () => unknown, field: string, pattern?: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected InputError, got ${String(err)}`);
    assert.equal(err.field, field);
    assert.ok(!err.message.includes('\n'), 'one line');
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

test('bad numbers are rejected with the field and the allowed range', () => {
  rejects(() => estimate({ params: -5 }), 'params', /> 0/);
  rejects(() => estimate({ params: Number.NaN }), 'params', /finite/);
  rejects(() => estimate({ params: 0 }), 'params', /> 0/);
  rejects(() => estimate({ tokens: 'NaN' }), 'tokens');
  rejects(() => estimate({ precision_bits: 65 }), 'precision_bits', /≤ 64/);
  rejects(() => estimate({ precision_bits: 8.5 }), 'precision_bits', /whole/);
  rejects(() => estimate({ temperature_K: 0 }), 'temperature_K', /> 0/);
  rejects(() => estimate({ time_s: -1 }), 'time_s');
  rejects(() => estimate({ erasure_error: 0.5 }), 'erasure_error', /< 0.5/);
  rejects(() => estimate({ n_eff_bits: 40 }), 'n_eff_bits', /precision_bits/);
  rejects(() => estimate({ retention_s: 1e-9 }), 'retention_s', /tau0/);
  rejects(() => estimate({ ops: 10 }), 'ops', /params/);
});

test('unknown presets and names are rejected with the allowed values', () => {
  rejects(() => estimate({ workload: 'gpt-5' }), 'workload', /allowed: brain-scale/);
  rejects(() => estimate({ accelerator: 'h300' }), 'accelerator', /allowed: .*h100/);
  rejects(() => estimate({ device: 'flash' }), 'device', /allowed/);
  rejects(() => estimate({ accelerator: 'tpu-v4', accelerator_precision: 'fp8' }), 'accelerator_precision', /bf16/);
  rejects(() => estimate({ workload: 'qp-1000', tokens: 5 }), 'tokens', /training/);
  rejects(() => estimate({ iterations: 5 }), 'iterations', /optimizer/);
});

test('unknown keys in a config are rejected, with a suggestion', () => {
  rejects(() => validateInput({ version: 1, temperature_k: 300 }), 'temperature_k', /did you mean 'temperature_K'/);
  rejects(() => validateInput({ version: 1, foo: 1 }), 'foo', /unknown key 'foo'/);
  rejects(() => validateInput({ version: 2 }), 'version', /allowed: 1/);
});

test('units: strings with units are converted to SI; typos are rejected', () => {
  assert.equal(parseQuantity('time_s', '30 d', 'time'), 30 * 86400);
  assert.equal(parseQuantity('time_s', '2 yr', 'time'), 2 * 3.15576e7);
  assert.equal(parseQuantity('temperature_K', '300 K', 'temperature'), 300);
  assert.equal(parseQuantity('params', '1e15', 'count'), 1e15);
  // Bare numbers in strings (as CLI flags arrive) are SI for every dimension.
  assert.equal(parseQuantity('time_s', '86400', 'time'), 86400);
  assert.equal(parseQuantity('temperature_K', '77', 'temperature'), 77);
  assert.equal(parseQuantity('arithmetic_intensity_flop_per_byte', '300', 'intensity'), 300);
  assert.equal(estimate({ time_s: '86400', temperature_K: '300' }).counts.time_s, 86400);
  assert.equal(estimate({ time_s: '30 d' }).counts.time_s, 2592000);
  rejects(() => estimate({ time_s: '30 dys' }), 'time_s', /unknown unit 'dys'/);
  rejects(() => estimate({ temperature_K: '300 C' }), 'temperature_K', /unknown unit 'C' \(allowed: K\)/);
  rejects(() => estimate({ params: '1e15 bits' }), 'params', /plain number/);
});

test('the JSON Schema describes every input key with its range', () => {
  const schema = inputJsonSchema() as { type: string; properties: Record<string, unknown>; additionalProperties: boolean };
  assert.equal(schema.type, 'object');
  assert.equal(schema.additionalProperties, false);
  for (const key of ['version', 'workload', 'params', 'tokens', 'flops', 'ops', 'precision_bits', 'temperature_K', 'time_s', 'accelerator', 'device']) assert.ok(key in schema.properties, key);
  assert.match(JSON.stringify(schema.properties.params), /exclusiveMinimum/);
  assert.match(JSON.stringify(schema.properties.workload), /brain-scale/);
});
