/**
 * How resolve turns a preset plus overrides into a design point: which inputs re-derive F and S, what a
 * custom workload still inherits, which machine intensity the CMOS-limit row uses, the feasibility checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFeasible, resolve, validateInput, type OperationCounts } from '../../src/model/index.js';
import { InputError } from '../../src/util/errors.js';

const fails = (f: () => unknown, field: string, message?: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.field === field && (!message || message.test(e.message)), `expected an error naming ${field}`);

test('a token ratio or a FLOP-per-token figure re-derives F instead of taking the preset run\'s F', () => {
  // GPT-3 reports F = 3.14e23. With R = 20: D = 20·175e9 = 3.5e12, F = 6·175e9·3.5e12 = 3.675e24.
  const ratio = resolve({ workload: 'gpt-3', tokens_per_param: 20 });
  assert.ok(Math.abs(ratio.counts.flops / 3.675e24 - 1) < 1e-12);
  // 1e12 FLOP per token over the preset's 300e9 tokens: 3e23.
  const perToken = resolve({ workload: 'gpt-3', flops_per_token: 1e12 });
  assert.ok(Math.abs(perToken.counts.flops / 3e23 - 1) < 1e-12);
});

test('a token ratio drops the preset\'s step count: PaLM reports steps but no batch, so S cannot be derived', () => {
  fails(() => resolve({ workload: 'palm-540b', tokens_per_param: 20 }), 'steps', /cannot be derived/);
  // With a batch: S = 20·540e9 / 1e6 = 1.08e7.
  assert.ok(Math.abs(resolve({ workload: 'palm-540b', tokens_per_param: 20, batch_tokens: 1e6 }).steps / 1.08e7 - 1) < 1e-12);
});

test('OPS per sample needs a token count: a training run made from the optimizer preset has none unless OPS is given', () => {
  // qp-1000 names no tokens; F and S are given, so only the OPS convention lacks D.
  const run = { workload: 'qp-1000', kind: 'training', flops: 1e9, steps: 10, ops_convention: 'sample' } as const;
  fails(() => resolve(run), 'ops_convention', /'sample' needs tokens \(OPS = P·D\)/);
  assert.equal(resolve({ ...run, ops: 1e6 }).counts.ops, 1e6);
});

test('the CMOS-limit machine uses its own 300 FLOP/B only for training without a user intensity', () => {
  const plain = resolve({});
  assert.equal(plain.env.cmos_intensity_flop_per_byte, 300);
  assert.equal(plain.origin.arithmetic_intensity_flop_per_byte, 'derived');
  const given = resolve({ arithmetic_intensity_flop_per_byte: 100 });
  assert.equal(given.env.cmos_intensity_flop_per_byte, null);
  assert.equal(given.origin.arithmetic_intensity_flop_per_byte, 'input');
  assert.equal(resolve({ workload: 'qp-1000' }).env.cmos_intensity_flop_per_byte, null);
  // A preset taken as it is has nothing to warn about.
  assert.deepEqual(plain.warnings, []);
});

test('a changed optimizer preset is a custom optimizer workload that lists only what it still takes from the preset', () => {
  const r = resolve({ workload: 'qp-1000', params: 2000, time_s: 1 });
  assert.equal(r.workload.name, 'Custom optimizer workload (2e3 parameters)');
  assert.equal(r.workload.assumptions[0], "started from preset 'qp-1000' with params changed");
  assert.match(r.workload.assumptions[1]!, /^P = 1000, N = 16 bits, linear convergence/);
  // time_s is the user's, steps and iterations are derived, there is no batch: three keys remain inherited.
  assert.deepEqual(r.warnings, [
    "custom workload: params changed from preset 'qp-1000'; still inherited from it: precision_bits = 16, accelerator = h100, accelerator_precision = fp32",
  ]);
});

test('device choices and feasibility: lim_device only names LIM devices, an unknown preset lists the presets, OPS ≤ F', () => {
  fails(() => validateInput({ lim_device: 'rram' }), 'lim_device', /unknown value 'rram' \(allowed: fn-dam\)/);
  assert.deepEqual(validateInput({ device: 'rram', lim_device: 'fn-dam' }), { device: 'rram', lim_device: 'fn-dam' });
  // A device argument that is a LIM device must agree with lim_device when both are given.
  fails(() => resolve({ device: 'fn-dam', lim_device: 'rram' }), 'device', /'fn-dam' is a LIM device and lim_device is also set to 'rram'/);
  fails(() => resolve({ workload: 'nope' }), 'workload', /unknown preset 'nope' \(allowed: brain-scale, brain-scale-compute-optimal, gpt-3,/);
  // 10 operations from 5 FLOP: one update operation would have had no FLOP to compute it.
  const env = resolve({}).env;
  fails(() => checkFeasible({ ops: 10, flops: 5, params: 1 } as OperationCounts, env), 'ops', /must be ≤ flops \(5\)/);
  fails(() => resolve({ workload: 'gpt-3', ops: 1e24 }), 'ops', /must be ≤ flops/);
});
