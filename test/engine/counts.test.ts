/**
 * Operation counts of whole workloads, worked out by hand from docs/model.md §1: what each count is for a
 * training run and for an optimizer, where every input comes from, and the checkpoints rounded up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, checkFeasible } from '../../src/model/resolve.js';
import { validateInput } from '../../src/model/schema.js';
import { InputError } from '../../src/util/errors.js';

const close = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
const counts = (input: Record<string, unknown>) => resolve(validateInput(input));

test('qp-1000 by hand: K = ⌈16·ln2/ln(1/0.95)⌉ = ⌈216.2⌉ = 217, flops 2·P·(P·K), reads, writes, one checkpoint', () => {
  // Under the step convention OPS = P·K; the default (flop) charges every FLOP as a write, OPS = F.
  const flop = counts({ workload: 'qp-1000' });
  assert.equal(flop.counts.ops, 434_000_000);
  assert.equal(flop.counts.update_bits, 434_000_000 * 16);
  assert.equal(flop.counts.param_writes, 217_000, 'a von Neumann machine writes each variable once per iteration');
  const r = counts({ workload: 'qp-1000', ops_convention: 'step' });
  assert.equal(r.iterations, 217);
  assert.equal(r.steps, 217);
  assert.deepEqual(r.counts, {
    flops: 434_000_000, // 2 FLOP per matrix element of a row, P rows per variable update: 2 · 1000 · 217,000
    ops: 217_000, // P · K
    mac_reads: 216_783_000, // F/2 multiply-adds, OPS of them writes: 217,000,000 − 217,000
    update_bits: 3_472_000, // OPS · N_eff, N_eff = N = 16
    param_writes: 217_000, // one N-bit write per variable per iteration
    read_bits: 3_472_000_000, // 8 · F / I with I = 16/N = 1 FLOP/B: one 16-bit element per multiply-add
    params: 1000,
    precision_bits: 16,
    checkpoints: 1, // ⌈217 / 1000⌉
    time_s: 0.001,
  });
  assert.equal(r.kind, 'optimizer');
  assert.equal(r.inputs.arithmetic_intensity_flop_per_byte, 1);
  assert.equal(r.origin.iterations, 'derived');
  assert.equal(r.origin.convergence, 'preset');
  assert.equal(r.origin.convergence_rate, 'preset');
});

test('optimizer variants: given iterations, laws, 8-bit precision, explicit ops and flops, checkpoint interval', () => {
  const given = counts({ workload: 'qp-1000', iterations: 2500, checkpoint_interval_steps: 1000, ops_convention: 'sample' });
  assert.equal(given.counts.ops, 2_500_000);
  assert.equal(given.counts.flops, 5_000_000_000);
  assert.equal(given.counts.checkpoints, 3, '⌈2500/1000⌉');
  assert.equal(given.origin.iterations, 'input');
  // O(1/k) at N = 8: K = 2^8 = 256; I = 16/8 = 2 FLOP/B.
  const sub = counts({ workload: 'qp-1000', convergence: 'sublinear', precision_bits: 8, ops_convention: 'step' });
  assert.equal(sub.iterations, 256);
  assert.equal(sub.counts.read_bits, (8 * 2 * 1000 * 256_000) / 2);
  assert.equal(sub.counts.update_bits, 256_000 * 8);
  const direct = counts({ workload: 'qp-1000', ops: 5000, flops: 7e6, steps: 40, checkpoint_interval_steps: 7 });
  assert.equal(direct.counts.ops, 5000);
  assert.equal(direct.counts.flops, 7e6);
  assert.equal(direct.counts.param_writes, 40_000, 'P·S: 1000 variables × 40 steps');
  assert.equal(direct.steps, 40);
  assert.equal(direct.counts.checkpoints, 6, '⌈40/7⌉');
  assert.equal(direct.origin.ops, 'input');
  const intense = counts({ workload: 'qp-1000', arithmetic_intensity_flop_per_byte: 4 });
  assert.equal(intense.counts.read_bits, (8 * 434_000_000) / 4);
  assert.equal(intense.origin.arithmetic_intensity_flop_per_byte, 'input');
  // A user's params with the preset's law: P = 50 → OPS = 50·217.
  assert.equal(counts({ workload: 'qp-1000', params: 50, ops_convention: 'step' }).counts.ops, 50 * 217);
  assert.equal(counts({ workload: 'qp-1000', n_eff_bits: 3, ops_convention: 'step' }).counts.update_bits, 217_000 * 3);
});

test('brain scale by hand: S = 3e11/3.2e6 = 93,750 steps, ⌈93,750/1000⌉ = 94 checkpoints, reads at the H100 ridge', () => {
  const r = counts({});
  assert.equal(r.steps, 93_750);
  assert.equal(r.counts.checkpoints, 94);
  assert.equal(r.counts.flops, 1.8e27);
  assert.equal(r.counts.ops, 1.8e27);
  assert.equal(r.counts.update_bits, 5.76e28);
  assert.equal(r.counts.param_writes, 9.375e19);
  // 8 bits per byte over the H100 BF16 ridge 989.4e12 / 3.35e12 = 295.343 FLOP/B.
  close(r.counts.read_bits, 4.875682e25, 1e-6, 'read bits');
  assert.equal(r.counts.time_s, 31557600);
  assert.equal(r.counts.params, 1e15);
  assert.equal(r.counts.precision_bits, 32);
  assert.equal(r.kind, 'training');
  assert.deepEqual(
    { workload: r.origin.workload, params: r.origin.params, flops: r.origin.flops, steps: r.origin.steps, temperature_K: r.origin.temperature_K },
    { workload: 'default', params: 'preset', flops: 'derived', steps: 'derived', temperature_K: 'default' },
  );
  assert.equal(r.inputs.n_eff_bits, 32);
  assert.equal(r.origin.n_eff_bits, 'default');
  assert.equal(r.inputs.checkpoint_interval_steps, 1000);
  assert.equal(r.inputs.accelerator, 'h100');
  assert.equal(r.inputs.lim_device, 'fn-dam');
  assert.equal(r.inputs.device, 'rram');
  // A checkpoint every 100 steps: 938 (rounded up, not down).
  assert.equal(counts({ checkpoint_interval_steps: 100 }).counts.checkpoints, 938);
});

test('training inputs: reported FLOPs, preset steps, user batch and steps, 6·P·D when the size changes', () => {
  const gpt3 = counts({ workload: 'gpt-3', accelerator: 'h100', accelerator_precision: 'bf16' });
  assert.equal(gpt3.counts.flops, 3.14e23);
  assert.equal(gpt3.origin.flops, 'preset');
  close(gpt3.counts.read_bits, 8.505357e21, 1e-6, 'GPT-3 read bits');
  // Changing tokens (or params) makes the reported FLOPs inapplicable: 6·175e9·1e12.
  assert.equal(counts({ workload: 'gpt-3', tokens: 1e12 }).counts.flops, 1.05e24);
  assert.equal(counts({ workload: 'gpt-3', flops: 1e23 }).counts.flops, 1e23);
  const palm = counts({ workload: 'palm-540b' });
  assert.equal(palm.steps, 256_000);
  assert.equal(palm.origin.steps, 'preset');
  assert.equal(palm.counts.checkpoints, 256);
  assert.equal(palm.counts.param_writes, 540e9 * 256_000);
  // A user batch overrides the preset's steps: 780e9 / 1e6.
  assert.equal(counts({ workload: 'palm-540b', batch_tokens: 1e6 }).steps, 780_000);
  rejects(() => counts({ workload: 'palm-540b', tokens: 7.8e11 }), 'steps', /give steps, or tokens and batch_tokens/);
  assert.equal(counts({ workload: 'palm-540b', steps: 1000 }).counts.checkpoints, 1);
  // Fewer tokens than one batch is still one step.
  const tiny = counts({ params: 1e3, tokens: 1e6, batch_tokens: 1e7 });
  assert.equal(tiny.steps, 1);
  assert.equal(tiny.counts.param_writes, 1e3);
  // OPS given for a training run replaces F; the accelerator and its ridge follow the user's choice.
  const ops = counts({ workload: 'gpt-3', ops: 1e20 });
  assert.equal(ops.counts.ops, 1e20);
  assert.equal(ops.counts.update_bits, 32e20);
  assert.equal(ops.counts.flops, 3.14e23);
  const a100 = counts({ workload: 'gpt-3', accelerator: 'a100', accelerator_precision: 'bf16' });
  close(a100.counts.read_bits, (8 * 3.14e23) / 153.016, 5e-6, 'A100 ridge 312e12/2039e9');
  assert.equal(counts({ workload: 'gpt-3', arithmetic_intensity_flop_per_byte: 100 }).counts.read_bits, 8 * 3.14e21);
  assert.equal(counts({ workload: 'bert-large' }).steps, 1e6);
  assert.equal(counts({ workload: 'bert-large', tokens: 2e11, batch_tokens: 1e5 }).steps, 2e6);
});

/** Asserts an InputError naming `field`, with a message matching `pattern`. */
function rejects(fn: () => unknown, field: string, pattern: RegExp) {
  assert.throws(fn, (err: unknown) => err instanceof InputError && err.field === field && pattern.test(err.message));
}

test('devices: a LIM device sets the LIM row, any other the CIM row; a conflict is refused', () => {
  const pcm = counts({ device: 'pcm' });
  assert.equal(pcm.env.cim_device.id, 'pcm');
  assert.equal(pcm.env.lim_device.id, 'fn-dam');
  assert.equal(pcm.origin.device, 'input');
  assert.equal(pcm.origin.lim_device, 'default');
  const fn = counts({ device: 'fn-dam' });
  assert.equal(fn.env.lim_device.id, 'fn-dam');
  assert.equal(fn.env.cim_device.id, 'rram');
  assert.equal(fn.origin.lim_device, 'input');
  assert.equal(fn.origin.device, 'default');
  assert.equal(counts({ lim_device: 'fn-dam' }).origin.lim_device, 'input');
  assert.equal(counts({ lim_device: 'fn-dam', device: 'fn-dam' }).env.lim_device.id, 'fn-dam');
  assert.equal(counts({}).origin.device, 'default');
});

test('the pricing setting: defaults, the relaxation time following τ0, and every user choice', () => {
  const { env } = counts({});
  assert.equal(env.temperature_K, 300);
  assert.equal(env.tau0_s, 1e-9);
  assert.equal(env.cell, 'binary');
  assert.equal(env.ambient_K, 300);
  assert.equal(env.retention_error, 1e-9);
  assert.equal(env.transport_c, undefined, 'c is derived from the cell unless given');
  assert.equal(env.erasure_error, 0);
  assert.equal(env.refresh_error, 1e-9);
  assert.equal(env.retention_s, 315576000);
  assert.equal(env.accelerator.id, 'h100');
  assert.equal(env.accelerator_precision, 'bf16');
  assert.equal(env.cmos_J_per_flop, 1 / 4.7e15);
  assert.equal(env.cmos_memory_J_per_bit, 3.9e-12);
  assert.equal(env.dram_refresh_interval_s, 0.064);
  assert.equal(env.dram_refresh_J_per_bit, 1.21e-12);
  const user = counts({ tau0_s: 1e-6, relaxation_s: 1e-6, temperature_K: 77, transport_c: 0.5, erasure_error: 0.1, refresh_error: 1e-3, retention_s: 1e3, accelerator: 'a100', accelerator_precision: 'tf32' }).env;
  assert.deepEqual(
    [user.tau0_s, user.relaxation_s, user.temperature_K, user.transport_c, user.erasure_error, user.refresh_error, user.retention_s, user.accelerator.id, user.accelerator_precision],
    [1e-6, 1e-6, 77, 0.5, 0.1, 1e-3, 1e3, 'a100', 'tf32'],
  );
  assert.equal(counts({ relaxation_s: 1e-7 }).env.relaxation_s, 1e-7);
  assert.equal(counts({}).env.relaxation_s, undefined, 'τ_r is derived from the cell unless given');
  // The retention time may equal 10·τ0 exactly (one decade of memory), not less.
  assert.equal(counts({ retention_s: 1e-8 }).env.retention_s, 1e-8);
  rejects(() => counts({ retention_s: 9e-9 }), 'retention_s', /≥ 10·tau0_s \(10 ns\)/);
});

test('refusals name the field and the fix', () => {
  rejects(() => counts({ workload: 'gpt-3', convergence: 'linear' }), 'convergence', /optimizer workloads only/);
  rejects(() => counts({ workload: 'gpt-3', convergence_rate: 0.5 }), 'convergence_rate', /optimizer workloads only/);
  rejects(() => counts({ workload: 'qp-1000', batch_tokens: 5 }), 'batch_tokens', /training workloads only/);
  rejects(() => counts({ workload: 'qp-1000', kind: 'training' }), 'tokens', /6·params·tokens/);
  rejects(() => counts({ n_eff_bits: 33 }), 'n_eff_bits', /≤ precision_bits \(32\), got 33/);
  assert.equal(counts({ n_eff_bits: 32 }).counts.update_bits, 5.76e28);
  rejects(() => counts({ accelerator: 'v100', accelerator_precision: 'bf16' }), 'accelerator_precision', /V100 SXM2 has no bf16 rating \(allowed: fp16, fp32\)/);
  assert.equal(counts({ kind: 'optimizer', workload: 'gpt-3', iterations: 10, ops_convention: 'step' }).counts.ops, 175e9 * 10);
  // OPS may equal P (each parameter updated once) but not fall below it.
  assert.doesNotThrow(() => checkFeasible({ ...counts({}).counts, ops: 1e15, params: 1e15 }, counts({}).env));
  rejects(() => checkFeasible({ ...counts({}).counts, ops: 999, params: 1000 }, counts({}).env), 'ops', /must be ≥ params \(1000\).*got 999/);
});
