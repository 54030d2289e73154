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
  rejects(() => estimate({ params: -5 }), 'params', /≥ 1/);
  rejects(() => estimate({ params: Number.NaN }), 'params', /finite/);
  rejects(() => estimate({ params: 0 }), 'params', /≥ 1/);
  rejects(() => estimate({ tokens: 'NaN' }), 'tokens');
  rejects(() => estimate({ precision_bits: 65 }), 'precision_bits', /≤ 64/);
  rejects(() => estimate({ precision_bits: 8.5 }), 'precision_bits', /whole/);
  rejects(() => estimate({ temperature_K: 0 }), 'temperature_K', /≥ 0.001/);
  rejects(() => estimate({ time_s: -1 }), 'time_s');
  rejects(() => estimate({ erasure_error: 0.5 }), 'erasure_error', /≤ 0.4/);
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
  rejects(() => estimate({ params: '1e15 bits' }), 'params', /unknown suffix 'bits' \(a count is a plain number or has a suffix/);
});

test('counts as people write them: 8B, 70e9, 15T, 1.5M, without float noise', () => {
  assert.equal(parseQuantity('params', '8B', 'count'), 8e9);
  assert.equal(parseQuantity('params', '70e9', 'count'), 70e9);
  assert.equal(parseQuantity('tokens', '15T', 'count'), 15e12);
  assert.equal(parseQuantity('params', '1.5M', 'count'), 1.5e6);
  assert.equal(parseQuantity('params', '8.03 B', 'count'), 8.03e9);
  assert.equal(parseQuantity('params', '8b', 'count'), 8e9);
  assert.equal(parseQuantity('params', '2.5k', 'count'), 2500);
  assert.equal(parseQuantity('params', '1 billion', 'count'), 1e9);
  // 0.1 × 1e9 is 100000000.00000001 as a product; written as 0.1e9 it is exact.
  assert.equal(parseQuantity('params', '0.1B', 'count'), 1e8);
  rejects(() => estimate({ params: '3m' }), 'params', /unknown suffix 'm'/);
  const r = estimate({ params: '8B', tokens: '15T' });
  assert.equal(r.counts.params, 8e9);
  assert.equal(r.counts.flops, 6 * 8e9 * 15e12);
  // The JSON Schema tells the web page and config authors that counts take these strings.
  assert.match(JSON.stringify(inputJsonSchema()), /\\"8B\\"/);
});

test('tokens_per_param ties D to P (Chinchilla R ≈ 20): F = 6·R·P²', () => {
  const r = estimate({ params: '1B', tokens_per_param: 20 });
  assert.equal(r.counts.flops, 6 * 20 * 1e9 * 1e9);
  assert.equal(r.inputs.tokens, 2e10);
  assert.equal(r.origin.tokens, 'derived');
  const big = estimate({ params: '10B', tokens_per_param: 20 });
  const floor = (x: typeof r) => x.rows.find((row) => row.id === 'landauer')!.energy_J;
  assert.ok(Math.abs(floor(big) / floor(r) / 100 - 1) < 1e-12, 'floor ∝ OPS = F ∝ P²');
  rejects(() => estimate({ tokens: '1T', tokens_per_param: 20 }), 'tokens_per_param', /not both/);
  rejects(() => estimate({ tokens_per_param: 0 }), 'tokens_per_param', /> 0/);
  rejects(() => estimate({ workload: 'qp-1000', tokens_per_param: 20 }), 'tokens_per_param', /training/);
  // A preset's reported run is not shown once its token budget is replaced.
  assert.ok(!estimate({ workload: 'gpt-3', tokens_per_param: 20 }).rows.some((row) => row.id === 'reported'));
});

test('the JSON Schema describes every input key with its range', () => {
  const schema = inputJsonSchema() as { type: string; properties: Record<string, unknown>; additionalProperties: boolean };
  assert.equal(schema.type, 'object');
  assert.equal(schema.additionalProperties, false);
  for (const key of ['version', 'workload', 'params', 'tokens', 'flops', 'ops', 'precision_bits', 'temperature_K', 'time_s', 'accelerator', 'device']) assert.ok(key in schema.properties, key);
  assert.match(JSON.stringify(schema.properties.params), /"minimum":1/);
  assert.match(JSON.stringify(schema.properties.time_s), /exclusiveMinimum|"minimum":1e-12/);
  assert.match(JSON.stringify(schema.properties.workload), /brain-scale/);
});
