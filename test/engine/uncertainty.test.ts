/** The uncertainty sampler against independent evaluations of the point estimate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/model/estimate.js';
import { validateInput } from '../../src/model/schema.js';
import { PARADIGMS } from '../../src/model/paradigms.js';
import {
  DEFAULT_SAMPLES,
  metricArrays,
  parseRangeSpec,
  planSampling,
  rangesFromConfig,
  sampleRange,
  uncertainty,
  type RangeSpec,
} from '../../src/model/uncertainty.js';
import { inverseCdf } from '../../src/util/distributions.js';
import { InputError } from '../../src/util/errors.js';

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

test('with every range collapsed to its point value, every sample is the point estimate', () => {
  for (const raw of [{}, { workload: 'gpt-3' }, { workload: 'gpt-3', device: 'pcm', accelerator: 'a100', accelerator_precision: 'fp16' }]) {
    const input = validateInput(raw);
    // A re-resolved input (precision_bits) is collapsed too, so both sampling paths are covered.
    const plan = planSampling(input, { ranges: [{ name: 'precision_bits', low: 8, high: 32, distribution: 'uniform' }] });
    for (const r of plan.ranges) {
      r.low = r.point;
      r.high = r.point;
    }
    assert.ok(plan.ranges.length >= 12, `${plan.ranges.length} ranges`);
    const out = metricArrays(64);
    sampleRange(plan, 3, 0, 64, out);
    const point = estimate(raw).rows;
    PARADIGMS.forEach((p, r) => {
      const expected = point.find((row) => row.id === p.id)!.energy_J;
      for (let i = 0; i < 64; i++) assert.ok(close(out[r]![i]!, expected, 1e-12), `${JSON.stringify(raw)} ${p.id}: ${out[r]![i]} vs ${expected}`);
    });
  }
});

/** For one uncertain input and a row monotone in it, the row's p-quantile is the row at the input's p-quantile. */
function checkMonotone(spec: RangeSpec, row: string, increasing: boolean, toInput: (v: number) => Record<string, number>): void {
  const s = uncertainty(validateInput({}), { ranges: [spec], onlyRanges: true, samples: DEFAULT_SAMPLES, seed: 11 });
  const quantile = inverseCdf({ kind: spec.distribution, low: spec.low, high: spec.high });
  const band = s.rows.find((r) => r.id === row)!;
  const levels: Array<[number, number]> = [[0.05, band.energy_J_p05], [0.5, band.energy_J_p50], [0.95, band.energy_J_p95]];
  for (const [p, got] of levels) {
    const x = quantile(increasing ? p : 1 - p);
    const expected = estimate(toInput(x)).rows.find((r) => r.id === row)!.energy_J;
    // Monte-Carlo error of a quantile from 1e4 stratified points, plus the 4 significant figures reported.
    assert.ok(close(got, expected, 1e-3), `${spec.name} p${p}: ${got} vs ${expected}`);
  }
}

test('one uncertain input: quantiles of a monotone row are the row at the input quantiles', () => {
  checkMonotone({ name: 'n_eff_fraction', low: 0.25, high: 1, distribution: 'uniform' }, 'landauer', true, (f) => ({ n_eff_bits: 32 * f }));
  checkMonotone({ name: 'arithmetic_intensity_flop_per_byte', low: 50, high: 2000, distribution: 'log' }, 'vn-accelerator', false, (v) => ({ arithmetic_intensity_flop_per_byte: v }));
  // Re-resolved per sample (changes every count): the slow path.
  checkMonotone({ name: 'params', low: 1e12, high: 1e15, distribution: 'log' }, 'lim-device', true, (v) => ({ params: v }));
});

test('a catalog quantity with a normal range: the device row follows the normal quantiles', () => {
  // The CIM-device row is linear in the write energy (point 0.1 pJ/bit). [1, 3] pJ as the central 95 %
  // interval: mean 2 pJ, σ = 1 pJ / 1.959964; zero lies 3.9 σ below, so truncation moves nothing visible.
  const spec: RangeSpec = { name: 'cim_device_write_J', low: 1e-12, high: 3e-12, distribution: 'normal' };
  const s = uncertainty(validateInput({}), { ranges: [spec], onlyRanges: true, seed: 5 });
  const perJoule = estimate({}).rows.find((r) => r.id === 'cim-device')!.energy_J / 1e-13;
  const sigma = 1e-12 / 1.959963984540054;
  const band = s.rows.find((r) => r.id === 'cim-device')!;
  // Φ⁻¹(0.05) = −1.6448536 (tables).
  assert.ok(close(band.energy_J_p05, perJoule * (2e-12 - 1.6448536 * sigma), 2e-3), `${band.energy_J_p05}`);
  assert.ok(close(band.energy_J_p50, perJoule * 2e-12, 2e-3), `${band.energy_J_p50}`);
  assert.ok(close(band.energy_J_p95, perJoule * (2e-12 + 1.6448536 * sigma), 2e-3), `${band.energy_J_p95}`);
});

test('quantiles are stable to ±2 % between two seeds at the default sample size', () => {
  const a = uncertainty(validateInput({}), { seed: 1 });
  const b = uncertainty(validateInput({}), { seed: 2 });
  for (let r = 0; r < a.rows.length; r++) {
    for (const k of ['energy_J_p05', 'energy_J_p50', 'energy_J_p95'] as const) assert.ok(close(a.rows[r]![k], b.rows[r]![k], 0.02), `${a.rows[r]!.id} ${k}: ${a.rows[r]![k]} vs ${b.rows[r]![k]}`);
  }
  for (const c of Object.keys(a.claims) as Array<keyof typeof a.claims>) {
    for (const k of ['p05', 'p50', 'p95'] as const) assert.ok(close(a.claims[c][k], b.claims[c][k], 0.02), `${c} ${k}`);
  }
});

test('same seed, same samples, however the index range is split (as between threads)', () => {
  const plan = planSampling(validateInput({}));
  const whole = metricArrays(3000);
  sampleRange(plan, 9, 0, 3000, whole);
  const split = metricArrays(3000);
  sampleRange(plan, 9, 0, 1234, split, 0);
  sampleRange(plan, 9, 1234, 1766, split, 1234);
  for (let m = 0; m < whole.length; m++) assert.deepEqual(split[m], whole[m]);
  const other = metricArrays(3000);
  sampleRange(plan, 10, 0, 3000, other);
  assert.notDeepEqual(other[0], whole[0]);
});

test('an input the user set keeps its value; its default range is dropped unless a range is given', () => {
  const names = (raw: Record<string, unknown>, ranges: RangeSpec[] = []) => planSampling(validateInput(raw), { ranges }).ranges.map((r) => r.name);
  assert.ok(names({}).includes('tau0_s'));
  assert.ok(!names({ tau0_s: 1e-12 }).includes('tau0_s'));
  assert.ok(names({ tau0_s: 1e-12 }, [{ name: 'tau0_s', low: 1e-13, high: 1e-11, distribution: 'log' }]).includes('tau0_s'));
  assert.deepEqual(names({}, [{ name: 'tau0_s', low: 1e-13, high: 1e-11, distribution: 'log' }]).filter((n) => n === 'tau0_s').length, 1);
});

test('range specs: flag syntax with units, config forms, and one-line errors naming the field', () => {
  assert.deepEqual(parseRangeSpec('tau0_s=1 ps..1 ns:log'), { name: 'tau0_s', low: 1e-12, high: 1e-9, distribution: 'log' });
  assert.deepEqual(parseRangeSpec('cmos_J_per_flop=1e-17..1e-15'), { name: 'cmos_J_per_flop', low: 1e-17, high: 1e-15, distribution: 'uniform' });
  assert.deepEqual(rangesFromConfig({ transport_c: '0.05..0.2:normal', retention_s: { low: '1 yr', high: '20 yr', distribution: 'log' } }), [
    { name: 'transport_c', low: 0.05, high: 0.2, distribution: 'normal' },
    { name: 'retention_s', low: 3.15576e7, high: 20 * 3.15576e7, distribution: 'log' },
  ]);
  const input = validateInput({});
  const bad: Array<[() => unknown, RegExp]> = [
    [() => planSampling(input, { ranges: [parseRangeSpec('tau0_s=1e-9..1e-12')] }), /^range tau0_s: LOW must be below HIGH/],
    [() => planSampling(input, { ranges: [parseRangeSpec('tau0_s=1e-9..1e-9')] }), /^range tau0_s: LOW must be below HIGH/],
    [() => planSampling(input, { ranges: [parseRangeSpec('transport_c=0..0.3:log')] }), /^range transport_c: a log range needs LOW > 0/],
    [() => planSampling(input, { ranges: [parseRangeSpec('tau0_x=1..2')] }), /^range: unknown name 'tau0_x' \(did you mean/],
    [() => planSampling(input, { ranges: [parseRangeSpec('refresh_error=1e-9..0.7')] }), /^range refresh_error: .* leaves the allowed values \(≥ 1e-300 and < 0.5\)/],
    [() => planSampling(input, { ranges: [parseRangeSpec('n_eff_bits=8..40')] }), /^range n_eff_bits: /],
    [() => planSampling(input, { ranges: [parseRangeSpec('retention_s=1e-9..1')] }), /^range retention_s: at 1e-9: retention_s: must be ≥ 10·tau0_s/],
    [() => planSampling(input, { ranges: [parseRangeSpec('cim_device_read_J=1e-13..1e-12')] }), /^range cim_device_read_J: does not apply/],
    [() => parseRangeSpec('tau0_s=1e-9'), /^range: expected NAME=LOW..HIGH/],
    [() => parseRangeSpec('tau0_s=a..b'), /^range tau0_s/],
    [() => parseRangeSpec('tau0_s=1..2:triangle'), /^range tau0_s: unknown distribution 'triangle'/],
    [() => rangesFromConfig({ tau0_s: { low: 1, hi: 2 } }), /^ranges.tau0_s: unknown key 'hi'/],
    [() => uncertainty(input, { samples: 0 }), /^uncertainty: SAMPLES must be a whole number ≥ 1/],
    [() => uncertainty(input, { samples: 1e8 }), /^uncertainty: SAMPLES must be .* ≤ 4e6/],
  ];
  for (const [run, message] of bad) {
    assert.throws(run, (err: unknown) => err instanceof InputError && message.test(err.message) && !err.message.includes('\n'), String(message));
  }
});

test('docs/model.md lists every default range', async () => {
  const { readFileSync } = await import('node:fs');
  const { DEFAULT_RANGES } = await import('../../src/data/ranges.js');
  const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## 8. Uncertainty'));
  for (const r of DEFAULT_RANGES) assert.ok(section.includes(`\`${r.name}\``), r.name);
});
