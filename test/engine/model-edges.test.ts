/**
 * Edges of model functions that the estimate's main paths do not reach, by hand: the convergence laws and
 * the measured contraction rate, the endurance warning, the accelerator power range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iterationsForPrecision, measuredContractionRate, resolve, validateInput, type OperationCounts } from '../../src/model/index.js';
import { defaultRangeRows } from '../../src/model/uncertainty.js';
import { enduranceWarnings, writesPerCell } from '../../src/model/endurance.js';
import type { PricingEnv } from '../../src/model/env.js';
import { findDevice } from '../../src/data/index.js';
import { InputError } from '../../src/util/errors.js';

const fails = (f: () => unknown, field: string) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.field === field, `expected an error naming ${field}`);

test('iterations for N bits: precision limited to 1..64 bits, the linear rate strictly inside (0, 1)', () => {
  fails(() => iterationsForPrecision('sublinear', 0.5), 'precision_bits');
  fails(() => iterationsForPrecision('sublinear', 65), 'precision_bits');
  assert.equal(iterationsForPrecision('sublinear', 1), 2);
  assert.equal(iterationsForPrecision('sqrt', 64), 4 ** 64);
  fails(() => iterationsForPrecision('linear', 10), 'convergence_rate');
  fails(() => iterationsForPrecision('linear', 10, 0), 'convergence_rate');
  fails(() => iterationsForPrecision('linear', 10, 1), 'convergence_rate');
  // ρ = 0.9: ⌈10·ln2 / ln(1/0.9)⌉ = ⌈6.931 / 0.10536⌉ = ⌈65.79⌉ = 66.
  assert.equal(iterationsForPrecision('linear', 10, 0.9), 66);
  fails(() => iterationsForPrecision('quadratic' as never, 10), 'law');
});

test('measured contraction rate: (final / initial)^(1/k), with its inputs checked', () => {
  // 8 → 1 in 3 iterations halves the error each time; 2 → 18 in 2 triples it.
  assert.ok(Math.abs(measuredContractionRate(8, 1, 3) - 0.5) < 1e-15);
  assert.ok(Math.abs(measuredContractionRate(2, 18, 2) - 3) < 1e-14);
  fails(() => measuredContractionRate(1, 0.5, 0.5), 'iterations');
  fails(() => measuredContractionRate(0, 0.5, 3), 'initialError');
  fails(() => measuredContractionRate(1, 0, 3), 'finalError');
});

test('endurance: a warning per device row only above the rated cycles, none at exactly the rating', () => {
  const rram = findDevice('rram')!; // 1e12 cycles (ITRS 2011)
  const pcm = findDevice('pcm')!;
  const fnDam = findDevice('fn-dam')!; // no endurance figure in its source
  assert.equal(rram.endurance!.cycles, 1e12);
  assert.equal(fnDam.endurance, undefined);
  assert.deepEqual(enduranceWarnings({ ops: 1e30, params: 1 } as OperationCounts, { lim_device: fnDam, cim_device: fnDam } as unknown as PricingEnv), []);
  const env = (lim: typeof rram, cim: typeof rram) => ({ lim_device: lim, cim_device: cim }) as unknown as PricingEnv;
  const counts = (writes: number): OperationCounts => ({ ops: writes * 1000, params: 1000 }) as OperationCounts;
  assert.equal(writesPerCell(counts(5)), 5);
  assert.deepEqual(enduranceWarnings(counts(1e12), env(rram, rram)), []);
  assert.deepEqual(enduranceWarnings(counts(1e11), env(rram, fnDam)), []);
  const over = enduranceWarnings(counts(2e12), env(rram, fnDam));
  assert.equal(over.length, 1);
  assert.match(over[0], /^device endurance: the lim-device row writes each Resistive RAM \(memristor\) cell 2(\.0+)?e\+?12 times/);
  const both = enduranceWarnings(counts(2e12), env(rram, rram));
  assert.deepEqual(both.map((w) => w.split(' row')[0]), ['device endurance: the lim-device', 'device endurance: the cim-device']);
  assert.ok(pcm.endurance && pcm.endurance.cycles < 1e12, 'PCM is rated below RRAM');
  assert.equal(enduranceWarnings(counts(pcm.endurance!.cycles * 2), env(fnDam, pcm)).length, 1);
});

test('accelerator power range: 0.5–1 of a TDP, 220/262 W of a measured maximum (TPU v3 mean over max)', () => {
  const power = (accelerator: string) => defaultRangeRows(resolve(validateInput({ accelerator }))).find((r) => r.name === 'accelerator_power_W')!;
  assert.equal(power('h100').low, 0.5);
  assert.equal(power('h100').high, 1);
  assert.equal(power('tpu-v4').low, 0.8396946564885496); // 220 / 262, typed from the TPU v3 documentation
  assert.equal(power('tpu-v4').high, 1);
});
