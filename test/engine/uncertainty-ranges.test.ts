/**
 * Which ranges a sampling run uses: a user range checked against the allowed values of its quantity
 * (bounds open or closed as the schema says), and the default rows for a design point, whose device rows
 * come from the device catalog. Expected values are typed from the catalogs and the schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateInput } from '../../src/model/schema.js';
import { resolve } from '../../src/model/resolve.js';
import { defaultRangeRows, planSampling, type RangeSpec } from '../../src/model/uncertainty.js';
import type { DistributionKind } from '../../src/util/distributions.js';
import { InputError } from '../../src/util/errors.js';

const input = validateInput({});
const spec = (name: string, low: number, high: number, distribution: DistributionKind = 'uniform'): RangeSpec => ({ name, low, high, distribution });
const plan = (...ranges: RangeSpec[]) => planSampling(input, { ranges, onlyRanges: true });
const fails = (ranges: RangeSpec[], field: string, message: RegExp) =>
  assert.throws(() => plan(...ranges), (e: unknown) => e instanceof InputError && e.field === field && message.test(e.message), `${field} ${message}`);

test('a range end on a closed bound is allowed, on an open bound or beyond it is not', () => {
  // N_eff/N lies in (0, 1]: 1 is allowed, 0 and 1.5 are not.
  assert.equal(plan(spec('n_eff_fraction', 0.5, 1)).ranges[0]!.high, 1);
  fails([spec('n_eff_fraction', 0.5, 1.5)], 'range n_eff_fraction', /leaves the allowed values/);
  fails([spec('n_eff_fraction', 0, 0.5)], 'range n_eff_fraction', /leaves the allowed values/);
  // refresh_error lies in [1e-300, 0.5).
  assert.equal(plan(spec('refresh_error', 1e-9, 0.4, 'log')).ranges[0]!.high, 0.4);
  fails([spec('refresh_error', 1e-9, 0.5, 'log')], 'range refresh_error', /leaves the allowed values \(≥ 1e-300 and < 0.5\)/);
  // A device energy is > 0; a uniform range may not start at or below 0.
  fails([spec('cim_device_write_J', 0, 1e-12)], 'range cim_device_write_J', /leaves the allowed values/);
  fails([spec('cim_device_write_J', -1e-12, 1e-12)], 'range cim_device_write_J', /leaves the allowed values/);
  // PUE lies in [1, 5]: a range may start at 1; below 1 it is refused by the range check itself.
  assert.equal(plan(spec('pue', 1, 1.5)).ranges[0]!.low, 1);
  fails([spec('pue', 0.9, 1.5)], 'range pue', /^range pue: 0\.9\.\.1\.5 leaves the allowed values/);
});

test('only log and lognormal ranges need LOW > 0: a uniform range may start at an allowed 0', () => {
  // erasure_error lies in [0, 0.4].
  assert.equal(plan(spec('erasure_error', 0, 0.2)).ranges[0]!.low, 0);
  fails([spec('erasure_error', 0, 0.2, 'lognormal')], 'range erasure_error', /a lognormal range needs LOW > 0, got 0/);
  fails([spec('erasure_error', 0, 0.2, 'log')], 'range erasure_error', /a log range needs LOW > 0, got 0/);
});

test('a name given twice is refused; an unknown name lists the quantities that are not input keys', () => {
  fails([spec('tau0_s', 1e-12, 1e-10, 'log'), spec('tau0_s', 1e-11, 1e-10, 'log')], 'range tau0_s', /^range tau0_s: given twice$/);
  // The catalog quantities, as listed in src/model/uncertain-inputs.ts.
  const catalog = 'n_eff_fraction, accelerator_memory_J_per_bit, cmos_memory_J_per_bit, cmos_J_per_flop, dram_refresh_J_per_bit, lim_device_write_J, cim_device_write_J, cim_device_read_J';
  assert.throws(
    () => plan(spec('qqq', 1, 2)),
    (e: unknown) => e instanceof InputError && e.field === 'range' && e.message.endsWith(`(a numeric input key or one of: ${catalog})`),
  );
});

test('default device rows: the catalog low–high where the source gives one, else ×½–×2 of the single figure', () => {
  const rows = defaultRangeRows(resolve(input));
  // CIM device RRAM: ITRS 2011, 0.1–3 pJ per bit.
  const rram = rows.find((r) => r.name === 'cim_device_write_J')!;
  assert.deepEqual([rram.low, rram.high, rram.distribution, rram.relative], [0.1e-12, 3e-12, 'log', undefined]);
  // LIM device FN-DAM: one figure (5 fJ per update).
  const fnDam = rows.find((r) => r.name === 'lim_device_write_J')!;
  assert.deepEqual([fnDam.low, fnDam.high, fnDam.relative], [0.5, 2, true]);
  // Neither device has a read energy in the catalog: no read row.
  assert.equal(rows.some((r) => r.name === 'cim_device_read_J'), false);
  const active = planSampling(input).ranges.find((r) => r.name === 'lim_device_write_J')!;
  // ½·5 fJ = 2.5 fJ, 2·5 fJ = 10 fJ.
  assert.deepEqual([active.low, active.high, active.point], [2.5e-15, 1e-14, 5e-15]);
  // PCM read: 2.47 pJ/bit, one figure: 1.235–4.94 pJ.
  const read = planSampling(validateInput({ device: 'pcm' })).ranges.find((r) => r.name === 'cim_device_read_J')!;
  assert.ok(Math.abs(read.low / 1.235e-12 - 1) < 1e-12 && Math.abs(read.high / 4.94e-12 - 1) < 1e-12, `${read.low}..${read.high}`);
  // PCM write: ITRS 2011, 2–25 pJ per bit.
  const write = planSampling(validateInput({ device: 'pcm' })).ranges.find((r) => r.name === 'cim_device_write_J')!;
  assert.deepEqual([write.low, write.high], [2e-12, 25e-12]);
});

test('a relative default range scales both ends by the point: arithmetic intensity ×½–×2 of the H100 ridge', () => {
  const r = planSampling(input).ranges.find((x) => x.name === 'arithmetic_intensity_flop_per_byte')!;
  // Ridge of the H100 SXM5 in BF16: 989.4e12 FLOP/s / 3.35e12 B/s = 295.343 FLOP/B.
  const ridge = 989.4e12 / 3.35e12;
  assert.ok(Math.abs(r.low / (ridge / 2) - 1) < 1e-12, `${r.low}`);
  assert.ok(Math.abs(r.high / (ridge * 2) - 1) < 1e-12, `${r.high}`);
});

test('a measured-maximum accelerator changes only the power row; the other default rows keep their ends', () => {
  const rows = defaultRangeRows(resolve(validateInput({ accelerator: 'tpu-v4' })));
  const ends = (name: string) => {
    const row = rows.find((r) => r.name === name)!;
    return [row.low, row.high];
  };
  // Typed from src/data/ranges.ts (and docs/model.md §8).
  assert.deepEqual(ends('tau0_s'), [1e-13, 1e-9]);
  assert.deepEqual(ends('mfu'), [0.3, 0.6]);
  assert.deepEqual(ends('n_eff_fraction'), [0.25, 1]);
  assert.deepEqual(ends('arithmetic_intensity_flop_per_byte'), [0.5, 2]);
});
