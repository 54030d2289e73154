/**
 * How samples are priced and stored: each call writes only its own slice of the output (threads share
 * the arrays), a run with no range prices the point estimate, the derived claims of a sample are the
 * ratios of its rows, an input priced by re-resolution carries into the pricing setting, and sampling
 * leaves the device and accelerator catalogs as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/model/estimate.js';
import { validateInput } from '../../src/model/schema.js';
import { PARADIGMS } from '../../src/model/paradigms.js';
import { metricArrays, planSampling, sampleRange, uncertainty, type SamplingPlan } from '../../src/model/uncertainty.js';
import { findDevice, findAccelerator } from '../../src/data/index.js';

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
const energy = (raw: Record<string, unknown>, id: string) => estimate(raw).rows.find((r) => r.id === id)!.energy_J;

/** Every range of the plan pinned to `value(name)` (its point value unless given). */
function pin(plan: SamplingPlan, value: (name: string) => number | undefined = () => undefined): SamplingPlan {
  for (const r of plan.ranges) r.low = r.high = value(r.name) ?? r.point;
  return plan;
}

test('sampleRange writes out[m][offset … offset+count−1] and nothing else, across a chunk boundary too', () => {
  const plan = planSampling(validateInput({}));
  const small = metricArrays(12);
  sampleRange(plan, 1, 0, 5, small, 3);
  for (const column of small) {
    column.forEach((v, i) => assert.equal(v !== 0, i >= 3 && i < 8, `index ${i}: ${v}`));
  }
  // 1100 samples are more than one internal chunk of 1024 points.
  const large = metricArrays(1200);
  sampleRange(plan, 1, 0, 1100, large);
  for (const column of large) {
    assert.ok(column.subarray(0, 1100).every((v) => v !== 0));
    assert.ok(column.subarray(1100).every((v) => v === 0));
  }
});

test('with no range at all, every sample is the point estimate', () => {
  const plan = planSampling(validateInput({}), { onlyRanges: true });
  assert.equal(plan.ranges.length, 0);
  const out = metricArrays(3);
  sampleRange(plan, 1, 0, 3, out);
  PARADIGMS.forEach((p, r) => {
    const expected = energy({}, p.id);
    for (const v of out[r]!) assert.ok(close(v, expected, 1e-12), `${p.id}: ${v} vs ${expected}`);
  });
});

test("a sample's claims are its rows' ratios: LIM/floor, log10(accelerator/LIM), the CIM barrier", () => {
  const raw = { workload: 'gpt-3', device: 'pcm' };
  const plan = pin(planSampling(validateInput(raw)));
  const out = metricArrays(4);
  sampleRange(plan, 2, 0, 4, out);
  const lim = energy(raw, 'lim');
  const limOverFloor = lim / energy(raw, 'landauer');
  const orders = Math.log10(energy(raw, 'vn-accelerator') / lim);
  const barrier = estimate(raw).derived.cim_barrier_kT;
  for (let i = 0; i < 4; i++) {
    assert.ok(close(out[PARADIGMS.length]![i]!, limOverFloor, 1e-12), `LIM/floor ${out[PARADIGMS.length]![i]} vs ${limOverFloor}`);
    assert.ok(close(out[PARADIGMS.length + 1]![i]!, orders, 1e-12), `orders ${out[PARADIGMS.length + 1]![i]} vs ${orders}`);
    assert.ok(close(out[PARADIGMS.length + 2]![i]!, barrier, 1e-12), `barrier ${out[PARADIGMS.length + 2]![i]} vs ${barrier}`);
  }
});

test('an input priced by re-resolving the design point (optimizer state bytes) reaches the pricing setting', () => {
  // The default optimizer, mixed-precision Adam, keeps 16 bytes per parameter; 4 bytes changes the CMOS-limit row.
  const plan = planSampling(validateInput({}), { ranges: [{ name: 'optimizer_state_bytes', low: 2, high: 8, distribution: 'uniform' }], onlyRanges: true });
  pin(plan, () => 4);
  const out = metricArrays(2);
  sampleRange(plan, 1, 0, 2, out);
  const row = PARADIGMS.findIndex((p) => p.id === 'vn-cmos-limit');
  const expected = energy({ optimizer_state_bytes: 4 }, 'vn-cmos-limit');
  assert.ok(!close(expected, energy({}, 'vn-cmos-limit'), 1e-6), 'the row depends on the state bytes');
  for (const v of out[row]!) assert.ok(close(v, expected, 1e-12), `${v} vs ${expected}`);
});

test('sampling device energies and memory energy leaves the catalogs unchanged', () => {
  // Both sampling paths: params re-resolves the design point per sample, the energies are set directly.
  uncertainty(validateInput({ device: 'pcm' }), {
    ranges: [
      { name: 'params', low: 1e9, high: 1e10, distribution: 'log' },
      { name: 'cim_device_read_J', low: 1e-12, high: 5e-12, distribution: 'log' },
      { name: 'cim_device_write_J', low: 3e-12, high: 20e-12, distribution: 'log' },
      { name: 'lim_device_write_J', low: 1e-15, high: 1e-14, distribution: 'log' },
      { name: 'accelerator_memory_J_per_bit', low: 4e-12, high: 7e-12, distribution: 'log' },
    ],
    onlyRanges: true,
    samples: 16,
  });
  // Catalog figures: PCM read 2.47 pJ/bit and write 2 pJ/bit, FN-DAM 5 fJ/update, H100 HBM 3.9 pJ/bit.
  assert.equal(findDevice('pcm')!.read!.value_J, 2.47e-12);
  assert.equal(findDevice('pcm')!.write.value_J, 2e-12);
  assert.equal(findDevice('fn-dam')!.write.value_J, 5e-15);
  assert.equal(findAccelerator('h100')!.memory_J_per_bit, 3.9e-12);
});
