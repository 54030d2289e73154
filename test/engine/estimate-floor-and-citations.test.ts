/**
 * The estimate's result around the Landauer floor: the refusal of rows below it, orders above it, the floor
 * under each counting convention with cooling, and which sources and optional parts the result carries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate, assertAboveFloor, ordersAbove, type PricedRow, type Term } from '../../src/model/index.js';
import { InputError } from '../../src/util/errors.js';

const K_B = 1.380649e-23; // J/K, exact (SI 2019)

const row = (id: string, kind: PricedRow['kind'], energy_J: number): PricedRow =>
  ({ id, kind, energy_J, label: id, citations: [] }) as unknown as PricedRow;

test('floor check: a bound or reported row below the floor is refused, a measured one and one within 1e-9 are kept', () => {
  const refused = (rows: PricedRow[]) =>
    assert.throws(() => assertAboveFloor(rows), (e: unknown) => e instanceof InputError && e.field === 'result' && /the lim row \(0\.5 J\) is below the Landauer floor \(1 J\)/.test(e.message));
  refused([row('landauer', 'bound', 1), row('lim', 'bound', 0.5)]);
  // A simulator's measurement is compared, not refused, even far below the floor.
  assert.doesNotThrow(() => assertAboveFloor([row('landauer', 'bound', 1), row('measured', 'measured', 1e-3)]));
  // Rounding tolerance: 1·(1 − 1e-9) is the lowest energy still accepted.
  assert.doesNotThrow(() => assertAboveFloor([row('landauer', 'bound', 1), row('cim', 'bound', 1 - 1e-9)]));
  assert.doesNotThrow(() => assertAboveFloor([row('landauer', 'bound', 1), row('cim', 'bound', 1)]));
});

test('estimate refuses a reported energy below the floor, but not when the user replaced terms', () => {
  // qp-1000: floor = OPS·N·kT·ln2 = 4.34e8 · 16 · 2.871e-21 J ≈ 2e-11 J, far above 1e-20 J.
  assert.throws(
    () => estimate({ workload: 'qp-1000', reported_energy_J: 1e-20 }),
    (e: unknown) => e instanceof InputError && e.field === 'result' && /reported row/.test(e.message),
  );
  // With user terms the rows are the user's model: a LIM update wall of 0 leaves only its consolidation,
  // kT·P·N·(ln2 + ½·ln E_ret) with E_ret = ln(10 yr/(1e-9·1 ns)) = ln(3.15576e26) = 61.016 kT:
  // 4.141947e-21 J · 16000 · (0.693147 + 2.055572) = 1.8216e-16 J, five orders below the floor, and the
  // estimate is still returned.
  const zeroUpdate: Term = { formula: '0', value: () => 0, parts: () => [] };
  const r = estimate({ workload: 'qp-1000' }, { terms: { lim: { update: zeroUpdate } } });
  const lim = r.rows.find((x) => x.id === 'lim')!;
  assert.ok(Math.abs(lim.energy_J / 1.8216e-16 - 1) < 1e-4, String(lim.energy_J));
});

test('orders above the floor: log10 of the ratio; 0 for two zeros; NaN when only one side is zero', () => {
  assert.equal(ordersAbove(1000, 1), 3);
  assert.equal(ordersAbove(0, 0), 0);
  assert.ok(Number.isNaN(ordersAbove(5, 0)));
  assert.ok(Number.isNaN(ordersAbove(0, 5)));
});

test('floor under each convention includes the Carnot cooling of a memory colder than the ambient', () => {
  // qp-1000 at T = 150 K, T_amb = 300 K: cooling 300/150 − 1 = 1 J per J, so the floor doubles.
  // flop: OPS = F = 2·P²·K = 2·1000²·217 = 4.34e8; sample = step: OPS = P·K = 217000; N_eff = N = 16.
  const r = estimate({ workload: 'qp-1000', temperature_K: 150, ambient_K: 300 });
  const perBit = K_B * 150 * Math.LN2;
  const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual / expected - 1) < 1e-12, `${actual} vs ${expected}`);
  close(r.floors_by_convention_J.flop, 4.34e8 * 16 * perBit * 2);
  close(r.floors_by_convention_J.sample, 217000 * 16 * perBit * 2);
  close(r.floors_by_convention_J.step, 217000 * 16 * perBit * 2);
});

test('the static barrier is reported in joules as its kT multiple times k_B·T', () => {
  const d = estimate({ workload: 'qp-1000' }).derived;
  // kT at 300 K = 1.380649e-23 · 300 = 4.141947e-21 J.
  assert.ok(Math.abs(d.cim_barrier_J / (d.cim_barrier_kT * 4.141947e-21) - 1) < 1e-12);
  assert.ok(d.cim_barrier_kT > 1, 'a barrier of several kT, where kT·E and E/kT differ');
});

test('result sources: the two framing papers always, the tool itself never; no trade-off or iterations unless asked for', () => {
  // qp-1000 is sourced only by a stated assumption (citation "limbound"), which is not a bibliography entry.
  const qp = estimate({ workload: 'qp-1000' });
  const ids = qp.citations.map((c) => c.id);
  assert.ok(ids.includes('si2019') && ids.includes('chen2024lim'));
  assert.ok(!ids.includes('limbound'));
  assert.ok(qp.citations.every((c) => c && typeof c.title === 'string'));
  assert.equal('tradeoff' in qp, false);
  assert.equal(qp.counts.iterations, 217); // ⌈16·ln2 / ln(1/0.95)⌉ = ⌈11.09/0.05129⌉ = 217
  // A training run has steps but no iterations.
  const training = estimate({});
  assert.equal('iterations' in training.counts, false);
});
