/**
 * The per-point derived quantities at their edges: the accelerator's energy per FLOP, a point with no
 * update operations or no changed bits, and the model-domain boundary update interval = τ0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derive, resolve, type OperationCounts } from '../../src/model/index.js';

const counts = (c: Partial<OperationCounts>): OperationCounts => ({ ...resolve({}).counts, ...c });

test('accelerator energy per FLOP is board power over peak: H100 SXM5 700 W at 989.4 TFLOP/s BF16', () => {
  const d = derive(resolve({}).counts, resolve({}).env);
  // 700 / 989.4e12 = 7.0750e-13 J/FLOP
  assert.ok(Math.abs(d.accelerator_J_per_flop / (700 / 989.4e12) - 1) < 1e-12);
});

test('no update operations: no changed bits per operation; an analog cell with no changed bits is never written', () => {
  const env = resolve({}).env;
  assert.equal(derive(counts({ ops: 0, update_bits: 0 }), env).neff_bits, 0);
  const analog = resolve({ cell: 'analog' }).env;
  assert.equal(derive(counts({ ops: 1e9, update_bits: 0 }), analog).cell_writes, 0);
  // With changed bits, an analog cell is written at every operation.
  assert.equal(derive(counts({ ops: 1e9, update_bits: 5 }), analog).cell_writes, 1e9);
});

test('the model domain includes an update interval of exactly τ0', () => {
  const env = resolve({}).env; // τ0 = 1 ns
  // time·params/ops = 1·1/1e9 = 1e-9 s = τ0, on the boundary; 1e10 operations give 0.1 ns, outside.
  assert.equal(derive(counts({ time_s: 1, params: 1, ops: 1e9 }), env).in_model_domain, true);
  assert.equal(derive(counts({ time_s: 1, params: 1, ops: 1e10 }), env).in_model_domain, false);
});
