/** The ledger's trace kept by hand: the stride, forced rows, decimation and the n_eff of merged rows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ledger } from '../../src/solvers/ledger.js';
import { priceRun, solverPricingEnv } from '../../src/solvers/pricing.js';
import { InputError } from '../../src/util/errors.js';

/** Iteration i writes 10 cells (ops += 10) and changes i bits, so the cumulative bits are i(i+1)/2. */
function step(l: Ledger, i: number): void {
  l.iterations = i;
  l.ops = 10 * i;
  l.update_bits = (i * (i + 1)) / 2;
  l.flops = 3 * i;
}

test('n_eff of the whole run: 0 before any write, then bits per write', () => {
  const l = new Ledger(10, 1, 8);
  assert.equal(l.nEff(), 0);
  step(l, 3);
  assert.equal(l.nEff(), 6 / 30);
});

test('decimation: at most maxPoints rows, every other row kept plus the last, the stride doubled', () => {
  const l = new Ledger(10, 1, 4);
  for (let i = 0; i <= 4; i++) {
    step(l, i);
    l.record(-i, 0.5 * i);
  }
  // Five rows > 4: rows 0, 2, 4 stay; n_eff of a merged row is its bits over its writes since the kept row
  // before it: (3 − 0)/20 and (10 − 3)/20.
  assert.deepEqual(l.trace.iteration, [0, 2, 4]);
  assert.deepEqual(l.trace.ops, [0, 20, 40]);
  assert.deepEqual(l.trace.update_bits, [0, 3, 10]);
  assert.deepEqual(l.trace.flops, [0, 6, 12]);
  assert.deepEqual(l.trace.objective, [-0, -2, -4]);
  assert.deepEqual(l.trace.extra, [0, 1, 2]);
  assert.deepEqual(l.trace.n_eff, [0, 3 / 20, 7 / 20]);
  // Stride 2 now: iteration 5 is skipped, 6 is kept (n_eff (21 − 10)/20).
  step(l, 5);
  l.record(-5, 0);
  step(l, 6);
  l.record(-6, 0);
  assert.deepEqual(l.trace.iteration, [0, 2, 4, 6]);
  assert.equal(l.trace.n_eff[3], 11 / 20);
  // A forced row off the stride makes five rows again: 0, 4 and the last stay, the stride becomes 4.
  step(l, 7);
  l.record(-7, 0, true);
  assert.deepEqual(l.trace.iteration, [0, 4, 7]);
  assert.deepEqual(l.trace.n_eff, [0, 10 / 40, 18 / 30]);
  step(l, 9);
  l.record(-9, 0);
  assert.deepEqual(l.trace.iteration, [0, 4, 7], 'iteration 9 is off the stride of 4');
});

test('an even number of rows keeps the last one; a repeated iteration is replaced only when forced', () => {
  const l = new Ledger(10, 1, 3);
  for (let i = 1; i <= 4; i++) {
    step(l, i);
    l.record(-i, 0);
  }
  // Four rows > 3: rows 0 and 2 (iterations 1 and 3), then the last row (iteration 4, an odd index) too.
  // The first row keeps its own n_eff (1 bit over 10 writes since the start).
  assert.deepEqual(l.trace.iteration, [1, 3, 4]);
  assert.deepEqual(l.trace.n_eff, [1 / 10, 5 / 20, 4 / 10]);
  // Work after the last row (a polish) at the same iteration: a plain record leaves the row alone…
  l.ops += 5;
  l.update_bits += 4;
  l.record(-99, 0);
  assert.deepEqual(l.trace.objective, [-1, -3, -4]);
  // …a forced one replaces it, and its n_eff counts from the row before: (14 − 6)/(45 − 30).
  l.record(-99, 0, true);
  assert.deepEqual(l.trace.iteration, [1, 3, 4]);
  assert.deepEqual(l.trace.ops, [10, 30, 45]);
  assert.deepEqual(l.trace.objective, [-1, -3, -99]);
  assert.deepEqual(l.trace.n_eff, [1 / 10, 5 / 20, 8 / 15]);
});

test('rows with no writes between them have n_eff 0, also after a merge', () => {
  const l = new Ledger(10, 1, 2);
  for (let i = 0; i <= 2; i++) {
    l.iterations = i;
    l.record(0, 0);
  }
  assert.deepEqual(l.trace.iteration, [0, 2]);
  assert.deepEqual(l.trace.n_eff, [0, 0]);
});

test('solver pricing environment: defaults, each override, and one line per bad field', () => {
  const base = solverPricingEnv();
  // 300 K cell and ambient; no τ_r given, so it is derived later from τ0 and the cell.
  assert.equal(base.temperature_K, 300);
  assert.equal(base.ambient_K, 300);
  assert.equal(base.accelerator_precision, 'fp32');
  assert.equal(base.relaxation_s, undefined);
  const env = solverPricingEnv({ temperature_K: 77, ambient_K: 290, relaxation_s: 3e-9, accelerator: 'a100', accelerator_precision: 'bf16', lim_device: 'rram', device: 'pcm' });
  assert.equal(env.temperature_K, 77);
  assert.equal(env.ambient_K, 290);
  assert.equal(env.relaxation_s, 3e-9);
  assert.equal(env.accelerator.id, 'a100');
  assert.equal(env.accelerator_precision, 'bf16');
  assert.equal(env.lim_device.id, 'rram');
  assert.equal(env.cim_device.id, 'pcm');
  const fails = (o: Parameters<typeof solverPricingEnv>[0], field: string) =>
    assert.throws(() => solverPricingEnv(o), (e: unknown) => e instanceof InputError && e.field === field, field);
  fails({ temperature_K: 0 }, 'temperature_K');
  fails({ ambient_K: 0 }, 'ambient_K');
  fails({ ambient_K: -1 }, 'ambient_K');
  fails({ relaxation_s: 0 }, 'relaxation_s');
  fails({ accelerator: 'abacus' }, 'accelerator');
  fails({ lim_device: 'abacus' }, 'lim_device');
  fails({ device: 'abacus' }, 'device');
  fails({ accelerator: 'tpu-v3', accelerator_precision: 'fp32' }, 'accelerator_precision');
  // Every row is priced at the run's own time to solution.
  const rows = priceRun({ flops: 100, ops: 10, update_bits: 10, param_writes: 10, read_bits: 64, params: 10, precision_bits: 1, checkpoints: 0, time_s: 2e-3 }, { temperature_K: 150 });
  assert.ok(rows.length > 3);
  for (const r of rows) assert.equal(r.time_to_solution_s, 2e-3);
  const floor = rows.find((r) => r.id === 'landauer')!;
  // 10 changed bits at 150 K: 10·k_B·150·ln2 (no error tolerance in a solver run), and below the 300 K
  // ambient a Carnot refrigerator pays (300 − 150)/150 = 1 J of work per joule removed.
  const bits = 10 * 1.380649e-23 * 150 * Math.LN2;
  assert.ok(Math.abs(floor.update_J! - bits) < 1e-15 * bits);
  assert.ok(Math.abs(floor.cooling_J! - bits) < 1e-15 * bits);
  assert.ok(Math.abs(floor.energy_J - 2 * bits) < 1e-15 * bits);
});
