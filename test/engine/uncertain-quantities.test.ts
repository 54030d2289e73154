/**
 * The quantities an uncertainty range can name: a sample of an input priced on the sampler's fast path
 * equals an estimate with that input set; catalog figures move their rows by the term they enter;
 * domains, units and derived design-point values by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate, validateInput } from '../../src/model/index.js';
import { SampleEvaluator, metricArrays, planSampling } from '../../src/model/uncertainty.js';
import { findQuantity } from '../../src/model/uncertain-inputs.js';
import { resolve } from '../../src/model/resolve.js';
import { PARADIGMS } from '../../src/model/paradigms.js';
import { InputError } from '../../src/util/errors.js';

const ROW = Object.fromEntries(PARADIGMS.map((p, i) => [p.id, i])) as Record<string, number>;

/** Row energies of samples at uniform coordinates `us` of a single range LOW..HIGH. */
function sampleAt(input: Record<string, unknown>, name: string, low: number, high: number, us: number[]): Float64Array[] {
  const plan = planSampling(validateInput(input), { ranges: [{ name, low, high, distribution: 'uniform' }], onlyRanges: true });
  const out = metricArrays(us.length);
  new SampleEvaluator(plan).evaluate(Float64Array.from(us), 1, [0], us.length, out, 0);
  return out;
}

const close = (got: number, want: number, what: string) => assert.ok(Math.abs(got - want) <= 1e-9 * Math.abs(want), `${what}: ${got} vs ${want}`);

test('each input the sampler writes directly prices like an estimate with that input', () => {
  // LOW..HIGH with the midpoint (u = ½) away from the design point, so that a sample that ignored the value would differ.
  const cases: Array<[string, number, number, Record<string, unknown>?]> = [
    ['n_eff_bits', 8, 24],
    ['temperature_K', 200, 600],
    ['time_s', 1e7, 3e7],
    ['tau0_s', 1e-9, 3e-9],
    ['relaxation_s', 1e-7, 3e-7],
    ['transport_c', 0.2, 0.4],
    ['erasure_error', 0.1, 0.3],
    ['refresh_error', 1e-6, 3e-6, { cell: 'analog', precision_bits: 4 }],
    ['retention_s', 1e8, 3e8],
    ['retention_error', 1e-6, 3e-6],
    ['ambient_K', 400, 800],
    // A set intensity applies to the CMOS-limit row too (without one that row keeps its own 300 FLOP/B).
    ['arithmetic_intensity_flop_per_byte', 1, 3, { arithmetic_intensity_flop_per_byte: 300 }],
    ['accelerator_power_W', 300, 500],
    ['mfu', 0.2, 0.6],
    ['pue', 1.2, 1.6],
  ];
  for (const [name, low, high, extra = {}] of cases) {
    assert.ok(findQuantity(name)!.set, `${name} is set without re-resolving`);
    const mid = (low + high) / 2;
    const got = sampleAt(extra, name, low, high, [0.5]);
    const want = estimate({ ...extra, [name]: mid });
    const at = estimate(extra);
    let moved = false;
    for (const p of PARADIGMS) {
      const e = want.rows.find((r) => r.id === p.id)!.energy_J;
      close(got[ROW[p.id]!]![0]!, e, `${name} = ${mid}: ${p.id}`);
      if (e !== at.rows.find((r) => r.id === p.id)!.energy_J) moved = true;
    }
    assert.ok(moved, `${name} = ${mid} changes some row`);
  }
});

test('N_eff/N sampled as a fraction equals that many changed bits of N', () => {
  // N = 32 at the design point: a fraction ½ is 16 changed bits.
  const got = sampleAt({}, 'n_eff_fraction', 0.25, 0.75, [0.5]);
  const want = estimate({ n_eff_bits: 16 });
  for (const p of PARADIGMS) close(got[ROW[p.id]!]![0]!, want.rows.find((r) => r.id === p.id)!.energy_J, p.id);
});

test('catalog figures: each moves its row by the term it prices', () => {
  const at = estimate({});
  const row = (id: string, r = at) => r.rows.find((x) => x.id === id)!;
  const flops = at.counts.flops;
  // e_FLOP from p to 2p adds F·p to the CMOS-limit row (its compute wall is F·e_FLOP).
  const p = findQuantity('cmos_J_per_flop')!.point(resolve(validateInput({})))!;
  const cmos = sampleAt({}, 'cmos_J_per_flop', p, 3 * p, [0, 0.5]);
  close(cmos[ROW['vn-cmos-limit']!]![0]!, row('vn-cmos-limit').energy_J, 'cmos at its figure');
  close(cmos[ROW['vn-cmos-limit']!]![1]! - cmos[ROW['vn-cmos-limit']!]![0]!, flops * p, 'F·p');
  // Device write energies: doubling one adds the row's update wall once more.
  for (const [name, id] of [['lim_device_write_J', 'lim-device'], ['cim_device_write_J', 'cim-device']] as const) {
    const q = findQuantity(name)!.point(resolve(validateInput({})))!;
    const s = sampleAt({}, name, q, 3 * q, [0, 0.5]);
    close(s[ROW[id]!]![1]! - s[ROW[id]!]![0]!, row(id).update_J!, `${name}: the ${id} update wall`);
  }
  // The read energy applies only to a device that has one (HBM2 does; the default CIM device does not).
  assert.throws(() => sampleAt({}, 'cim_device_read_J', 1e-15, 3e-15, [0.5]), (e: unknown) => e instanceof InputError && e.field === 'range cim_device_read_J' && /does not apply/.test(e.message));
  const hbm = estimate({ device: 'hbm2' });
  const r = findQuantity('cim_device_read_J')!.point(resolve(validateInput({ device: 'hbm2' })))!;
  const read = sampleAt({ device: 'hbm2' }, 'cim_device_read_J', r, 3 * r, [0, 0.5]);
  close(read[ROW['cim-device']!]![1]! - read[ROW['cim-device']!]![0]!, row('cim-device', hbm).memory_J!, 'the read wall');
  // Memory and refresh energies per bit enter the CMOS-limit row linearly: equal steps, equal rises.
  for (const name of ['cmos_memory_J_per_bit', 'dram_refresh_J_per_bit']) {
    const q = findQuantity(name)!.point(resolve(validateInput({})))!;
    const s = sampleAt({}, name, q, 3 * q, [0, 0.5, 1])[ROW['vn-cmos-limit']!]!;
    assert.ok(s[1]! > s[0]!, name);
    close(s[2]! - s[1]!, s[1]! - s[0]!, name);
  }
});

test('an HBM-bound accelerator row rises linearly with the memory energy per bit', () => {
  // From 1 µJ/bit the HBM traffic alone exceeds board power × time, so the row is the HBM shares, affine in
  // the energy per bit (the refresh part has its own figure): equal steps of it, equal rises of the row.
  const s = sampleAt({}, 'accelerator_memory_J_per_bit', 1e-6, 3e-6, [0, 0.5, 1])[ROW['vn-accelerator']!]!;
  assert.ok(s[0]! > estimate({}).rows.find((r) => r.id === 'vn-accelerator')!.energy_J, 'above the board-energy row');
  assert.ok(s[1]! > s[0]!);
  close(s[2]! - s[1]!, s[1]! - s[0]!, 'equal rises');
});

test('catalog energies and fractions keep to their domains', () => {
  const refused = (name: string, low: number, high: number) =>
    assert.throws(
      () => planSampling(validateInput({}), { ranges: [{ name, low, high, distribution: 'uniform' }], onlyRanges: true }),
      (e: unknown) => e instanceof InputError && e.field === `range ${name}` && /leaves the allowed values/.test(e.message),
      `${name} ${low}..${high}`,
    );
  refused('cmos_J_per_flop', 0, 1e-15);
  refused('lim_device_write_J', -1e-15, 1e-15);
  refused('n_eff_fraction', 0, 0.5);
  refused('n_eff_fraction', 0.5, 1.5);
  assert.equal(planSampling(validateInput({}), { ranges: [{ name: 'n_eff_fraction', low: 0.5, high: 1, distribution: 'uniform' }], onlyRanges: true }).ranges.length, 1);
});

test('units, names and derived design-point values', () => {
  assert.equal(findQuantity('temperature_K')!.unit, 'K');
  assert.equal(findQuantity('time_s')!.unit, 's');
  assert.equal(findQuantity('mfu')!.unit, '');
  assert.equal(findQuantity('mfu')!.name, 'mfu');
  assert.equal(findQuantity('pue')!.name, 'pue');
  assert.equal(findQuantity('nonsense'), undefined);
  // Choices are not quantities: no range over a workload or a cell model.
  assert.equal(findQuantity('workload'), undefined);
  assert.equal(findQuantity('cell'), undefined);
  // Unset, c and τ_r are derived from the cell: binary (M = 2 levels) c = (M² − 1 + 3)/(12·(M − 1)²) = 6/12;
  // analog with 4 bits (M = 16) has τ_r = 4·(M − 1)²·τ_D, (16 − 1)² = 225 times the binary 4·τ_D.
  const binary = resolve(validateInput({ precision_bits: 4 }));
  const analog = resolve(validateInput({ precision_bits: 4, cell: 'analog' }));
  assert.equal(findQuantity('transport_c')!.point(binary), 0.5);
  const tau = findQuantity('relaxation_s')!;
  close(tau.point(analog)! / tau.point(binary)!, 225, 'τ_r analog / binary');
  assert.equal(tau.point(resolve(validateInput({ relaxation_s: 1e-6 }))), 1e-6);
});
