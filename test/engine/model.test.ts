import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate, resolve, validateInput, priceCounts, explain, iterationsForPrecision, measuredContractionRate, type OperationCounts, type PricedRow } from '../../src/model/index.js';
import { findAccelerator, findDevice } from '../../src/data/index.js';
import { DEFAULT_PHYSICS, DEFAULT_TECHNOLOGY, derive, type PricingEnv } from '../../src/model/env.js';
import { PARADIGMS, WALLS } from '../../src/model/paradigms.js';

const KT300 = 1.380649e-23 * 300;
const row = (rows: PricedRow[], id: string) => rows.find((r) => r.id === id)!;
const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what} ${actual} vs ${expected}`);

test('seed anchor: brain-scale LIM lies in [1e8, 1e9] J, within one order of the floor', () => {
  const r = estimate();
  const lim = row(r.rows, 'lim');
  const floor = row(r.rows, 'landauer');
  assert.ok(lim.energy_J >= 1e8 && lim.energy_J <= 1e9, `LIM ${lim.energy_J}`);
  assert.ok(lim.energy_J / floor.energy_J < 10, 'within one order of the Landauer floor');
  // Hand count: F = 6·1e15·3e11 = 1.8e27 updates of 32 bits at kT·ln2 (300 K) = 1.6537e8 J.
  close(floor.energy_J, 1.8e27 * 32 * KT300 * Math.LN2, 1e-12, 'floor');
  // LIM adds the finite-time excess of 32 binary erasures per update, 2·kT·τ_D/τ_u each, with
  // τ_u = 1 yr·1e15/1.8e27 = 17.532 µs and τ_D = (√32/2π)·61.0164·1 ns = 54.934 ns: 8.3061e-22 J per update,
  // 1.4951e6 J in all; consolidation is 3.2e16 bits × kT·(ln2 + ½·ln 61.0164) = 3.6432e-4 J.
  close(lim.update_J!, 1.65368e8 + 1.8e27 * 8.3061e-22, 1e-5, 'LIM update wall');
  close(lim.consolidation_J!, 3.6432e-4, 1e-4, 'LIM consolidation wall');
  close(lim.energy_J, 1.668635e8, 1e-5, 'LIM total');
});

test('seed anchor: the H100 accelerator row of brain scale, wall by wall by hand, is 6 to 7 orders above LIM', () => {
  const r = estimate();
  const acc = row(r.rows, 'vn-accelerator');
  // Memory: 8·1.8e27 FLOP / 295.343 FLOP/B (989.4e12 / 3.35e12) = 4.875682e25 bit × 3.9 pJ.
  close(acc.memory_J!, 1.901516e14, 1e-6, 'memory wall');
  // Update: P·S = 1e15 × 93,750 steps, each writing the 16-byte mixed-precision Adam state (weights, two
  // moments, gradient: 128 bits) per parameter × 3.9 pJ.
  close(acc.update_J!, 4.68e10, 1e-12, 'update wall');
  // Consolidation: 94 checkpoints × 3.2e16 bits × 3.9 pJ, plus 3.2e16 bits × (31,557,600 s / 64 ms) × 1.21 pJ.
  close(acc.consolidation_J!, 1.173120e7 + 1.909235e13, 1e-6, 'consolidation wall');
  // The board's energy 1.8e27 FLOP × 700 W / 989.4e12 FLOP/s already contains the HBM: the compute wall is
  // the rest, 1.273499e15 − 1.901516e14 − 4.68e10 − 1.909236e13 J.
  close(acc.energy_J, 1.273499e15, 1e-6, 'total');
  close(acc.compute_J!, 1.273499e15 - 1.901516e14 - 4.68e10 - 1.909236e13, 1e-6, 'compute wall');
  const ratio = 1.273499e15 / row(r.rows, 'lim').energy_J;
  assert.ok(ratio >= 1e6 && ratio <= 1e7, `ratio ${ratio.toExponential(3)}`);
  assert.match(acc.label, /H100/);
});

test('brain-scale counts follow MODEL.md §1 (F = 6PD, S = D/B, U = P·S, OPS = F)', () => {
  const { counts, steps } = resolve(validateInput({}));
  assert.equal(counts.flops, 6 * 1e15 * 300e9);
  assert.equal(counts.ops, counts.flops);
  assert.equal(steps, 300e9 / 3.2e6);
  assert.equal(counts.param_writes, 1e15 * 93750);
  assert.equal(counts.update_bits, counts.ops * 32);
});

test('GPT-3 preset uses its reported FLOPs and shows the reported 1,287 MWh row at the facility boundary', () => {
  const r = estimate({ workload: 'gpt-3' });
  assert.equal(r.counts.flops, 3.14e23);
  const reported = row(r.rows, 'reported');
  assert.equal(reported.kind, 'reported');
  assert.equal(reported.energy_J, 1287 * 3.6e9);
  assert.equal(reported.boundary, 'facility');
  assert.equal(reported.update_J, null);
  // Changing the model size makes the preset's FLOPs and reported energy inapplicable.
  const bigger = estimate({ workload: 'gpt-3', params: 1e12 });
  assert.equal(bigger.counts.flops, 6 * 1e12 * 300e9);
  assert.equal(bigger.rows.find((x) => x.id === 'reported'), undefined);
});

test('row ids and kinds are stable', () => {
  const r = estimate({ workload: 'bloom-176b' });
  assert.deepEqual(r.rows.map((x) => x.id), ['landauer', 'lim', 'cim', 'vn-cmos-limit', 'vn-accelerator', 'lim-device', 'cim-device', 'reported']);
  assert.deepEqual(r.rows.map((x) => x.kind), ['bound', 'bound', 'bound', 'estimate', 'estimate', 'estimate', 'estimate', 'reported']);
  for (const x of r.rows) assert.ok(Number.isFinite(x.energy_J) && x.energy_J > 0, x.id);
});

/** A small case priced by hand. */
function tinyCase(): { counts: OperationCounts; env: PricingEnv } {
  const counts: OperationCounts = { flops: 2e6, ops: 1e6, update_bits: 8e6, param_writes: 1e4, read_bits: 5e5, params: 1000, precision_bits: 8, checkpoints: 2, time_s: 1 };
  const env: PricingEnv = {
    ...DEFAULT_PHYSICS,
    ...DEFAULT_TECHNOLOGY,
    accelerator: findAccelerator('h100')!,
    accelerator_precision: 'bf16',
    lim_device: findDevice('fn-dam')!,
    cim_device: findDevice('pcm')!,
  };
  return { counts, env };
}

test('every wall of a tiny case, counted by hand', () => {
  const { counts, env } = tinyCase();
  const { rows } = priceCounts(counts, env);
  const kT = KT300;
  // Landauer: 8e6 changed bits × kT ln2.
  close(row(rows, 'landauer').update_J!, 8e6 * kT * Math.LN2, 1e-12, 'landauer');
  // LIM: τ_u = T·P/OPS = 1e-3 s. Binary cells: each of the 8 changed bits is an erasure moving half the
  // mass across the well separation 2a, W₂² = 2a², so the excess is 2·kT·τ_D/τ_u per bit with
  // τ_D = γa²/kT = (√32/2π)·E_ret·τ0 and E_ret = ln(10 yr/(1e-9 · 1 ns)) = 61.0164 kT.
  const eRet = Math.log((10 * 3.15576e7) / (1e-9 * 1e-9));
  close(eRet, 61.0164, 1e-5, 'E_ret by hand');
  const tauD = ((Math.sqrt(32) / (2 * Math.PI)) * eRet * 1e-9);
  const excess = 8 * (2 * kT * tauD) / 1e-3;
  close(row(rows, 'lim').update_J!, 8e6 * kT * Math.LN2 + 1e6 * excess, 1e-12, 'lim update');
  close(row(rows, 'lim').consolidation_J!, 1000 * 8 * kT * (Math.LN2 + 0.5 * Math.log(eRet)), 1e-12, 'lim consolidation');
  // von Neumann, H100: HBM 3.9 pJ/bit; 700 W / 989.4 TFLOPS.
  const acc = row(rows, 'vn-accelerator');
  close(acc.memory_J!, 5e5 * 3.9e-12, 1e-12, 'memory wall');
  close(acc.update_J!, 1e4 * 8 * 3.9e-12, 1e-12, 'update wall');
  close(acc.consolidation_J!, 2 * 1000 * 8 * 3.9e-12 + 1000 * 8 * (1 / 0.064) * 1.21e-12, 1e-12, 'checkpoints + refresh');
  // The board energy is 700 W × the roofline time. Here the kernel is memory-bound: 62,500 B at
  // 3.35 TB/s = 18.66 ns > 2e6 FLOP at 989.4 TFLOP/s = 2.02 ns. The HBM walls are shares inside it.
  const boardJ = 700 * Math.max(2e6 / 989.4e12, 5e5 / 8 / 3.35e12);
  close(acc.energy_J, boardJ, 1e-12, 'row = board power × roofline time');
  close(acc.compute_J!, boardJ - acc.memory_J! - acc.update_J! - acc.consolidation_J!, 1e-12, 'compute = the rest');
  close(row(rows, 'vn-cmos-limit').compute_J!, 2e6 / 4.7e15, 1e-12, 'CMOS limit compute');
  // FN-DAM: 8 bits fit one 14-bit cell: 1e6 updates × 5 fJ. PCM: 1e6 × 8 bits × 2 pJ write + 2.47 pJ read.
  close(row(rows, 'lim-device').update_J!, 1e6 * 5e-15, 1e-12, 'fn-dam');
  close(row(rows, 'cim-device').update_J!, 1e6 * 8 * 2e-12, 1e-12, 'pcm write');
  close(row(rows, 'cim-device').memory_J!, 1e6 * 8 * 2.47e-12, 1e-12, 'pcm read');
});

test('a device cell with fewer bits than N needs ⌈N/bits⌉ cells per update', () => {
  const r = estimate({ params: 1e6, tokens: 1e9, precision_bits: 32 });
  // OPS = F = 6·1e6·1e9 = 6e15 updates; a 32-bit value needs ⌈32/14⌉ = 3 FN-DAM cells at 5 fJ each.
  close(row(r.rows, 'lim-device').update_J!, 6e15 * 3 * 5e-15, 1e-12);
  // 8 bits fit one cell: ⌈8/14⌉ = 1.
  close(row(estimate({ params: 1e6, tokens: 1e9, precision_bits: 8 }).rows, 'lim-device').update_J!, 6e15 * 5e-15, 1e-12);
});

test('CIM: the hold-between-writes barrier, no refresh for cells rewritten in time, and the final transfer', () => {
  const r = estimate();
  // Every bit is rewritten every τ_u = T_sol·P/OPS = 1 yr·1e15/1.8e27 = 17.53 µs; the barrier that holds it that
  // long with loss ε_ref = 1e-9 is ln(τ_u/(ε_ref·τ0)) = ln(17.53e-6/1e-18) = 30.50 kT (was 34.0 with refresh counted twice).
  const tauU = (3.15576e7 * 1e15) / 1.8e27;
  close(r.derived.cim_barrier_kT, Math.log(tauU / 1e-18), 1e-12, 'E_b*');
  close(r.derived.cim_barrier_kT, 30.4950, 1e-5, 'E_b* typed');
  assert.equal(r.derived.cim_refresh_count, 0);
  const cim = row(r.rows, 'cim');
  close(cim.consolidation_J!, 1e15 * 32 * 61.0164 * KT300, 1e-5, 'transfer to 10-year memory only');
  // The row fell by the double-counted refresh: 30.50/34.0 of the old update wall.
  close(cim.update_J! / (1.8e27 * 32 * KT300), 30.4950 + r.derived.finite_time_excess_per_op_J / (32 * KT300), 1e-5, 'update wall per bit');
});

test('explain parts multiply out to every computed wall (the explanation cannot drift)', () => {
  for (const workload of ['brain-scale', 'gpt-3', 'qp-1000', 'resnet-50', 'bloom-176b']) {
    for (const device of ['pcm', 'dram', 'sram', 'rram']) {
      const { counts, env } = resolve(validateInput({ workload, device }));
      const d = derive(counts, env);
      for (const p of PARADIGMS) {
        for (const wall of WALLS) {
          const term = p.walls[wall];
          const fromParts = term.parts(counts, env, d).reduce((sum, prod) => sum + prod.reduce((x, [, v]) => x * v, 1), 0);
          close(fromParts, term.value(counts, env, d), 1e-12, `${workload}/${device} ${p.id}.${wall}`);
        }
      }
      assert.equal(explain(resolve(validateInput({ workload, device }))).length, PARADIGMS.length * WALLS.length);
    }
  }
});

test('optimizer workloads: K from the convergence law; OPS = F (flop) or P·K (sample, step)', () => {
  const r = estimate({ workload: 'qp-1000' });
  const k = Math.ceil((16 * Math.LN2) / Math.log(1 / 0.95));
  assert.equal(k, 217);
  assert.equal(r.counts.iterations, k);
  assert.equal(r.counts.flops, 2 * 1000 * 1000 * k);
  assert.equal(r.counts.ops, r.counts.flops);
  for (const ops_convention of ['sample', 'step']) assert.equal(estimate({ workload: 'qp-1000', ops_convention }).counts.ops, 1000 * k);
  assert.equal(iterationsForPrecision('sublinear', 10), 1024);
  assert.equal(iterationsForPrecision('sqrt', 10), 1024 * 1024);
  assert.equal(iterationsForPrecision('linear', 20, 0.5), 20);
  close(measuredContractionRate(1, 2 ** -20, 20), 0.5, 1e-12);
});

test('the JSON result carries inputs, counts, rows, tradeoff and citations', () => {
  const r = estimate({}, { tradeoff: { points: 5 } });
  assert.deepEqual(Object.keys(r.counts).slice(0, 5), ['flops', 'ops', 'mac_reads', 'update_bits', 'param_writes']);
  for (const k of ['flops', 'ops', 'param_writes', 'steps']) assert.ok(k in r.counts, k);
  assert.equal(r.inputs.workload, 'brain-scale');
  assert.equal(r.tradeoff!.points.length, 5);
  assert.ok(r.citations.some((c) => c.id === 'landauer1961'));
  assert.ok(r.citations.some((c) => c.id === 'chen2024lim'));
  const json = JSON.parse(JSON.stringify(r));
  assert.equal(json.rows[0].id, 'landauer');
});

test('a user can replace one wall of one row with a term of their own', () => {
  const base = estimate();
  const custom = estimate({}, { terms: { lim: { consolidation: { formula: '1 J', value: () => 1, parts: () => [[['one', 1, 'J']]] } } } });
  assert.equal(row(custom.rows, 'lim').consolidation_J, 1);
  close(row(custom.rows, 'lim').energy_J, row(base.rows, 'lim').update_J! + 1, 1e-12);
  assert.equal(row(custom.rows, 'cim').energy_J, row(base.rows, 'cim').energy_J);
});
