/**
 * Properties of MODEL.md §5 over random design points (fast-check, fixed seed for a repeatable CI).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimate, type EstimateInput } from '../../src/model/index.js';

fc.configureGlobal({ seed: 20261123, numRuns: 300 });

const energies = (input: EstimateInput) => Object.fromEntries(estimate(input).rows.map((r) => [r.id, r.energy_J]));

/** OPS of a training point under its counting convention (docs/model.md §1). */
const opsOf = (p: { params: number; tokens: number; batch_tokens: number; ops_convention: string }) =>
  p.ops_convention === 'flop' ? 6 * p.params * p.tokens : p.ops_convention === 'sample' ? p.params * p.tokens : p.params * Math.max(1, p.tokens / p.batch_tokens);

/** Training design points inside the model's domain (τ_u ≥ τ0 = 1 ns), under every counting convention. */
const trainingPoint = fc
  .record({
    params: fc.double({ min: 1e3, max: 1e16, noNaN: true }),
    tokens: fc.double({ min: 1e6, max: 1e14, noNaN: true }),
    precision_bits: fc.integer({ min: 1, max: 64 }),
    temperature_K: fc.double({ min: 1, max: 1000, noNaN: true }),
    time_s: fc.double({ min: 1e2, max: 1e9, noNaN: true }),
    accelerator: fc.constantFrom('v100', 'a100', 'h100', 'b200', 'tpu-v4'),
    device: fc.constantFrom('rram', 'pcm', 'stt-mram', 'feram', 'sram', 'dram', 'hbm2'),
    ops_convention: fc.constantFrom('flop', 'sample', 'step'),
    ambient_K: fc.constantFrom(1, 300, 1000),
  })
  .map((p) => ({ ...p, accelerator_precision: p.accelerator === 'v100' ? 'fp16' : 'bf16', batch_tokens: Math.min(p.tokens, 1e6) }))
  .filter((p) => (p.time_s * p.params) / opsOf(p) >= 1e-9);

test('every row is at or above the Landauer floor', () => {
  fc.assert(
    fc.property(trainingPoint, (p) => {
      const e = energies(p);
      for (const [id, v] of Object.entries(e)) assert.ok(v >= e.landauer! * (1 - 1e-12), `${id} ${v} < floor ${e.landauer}`);
    }),
  );
});

test('LIM ≤ CIM ≤ von Neumann (CMOS limit and accelerator) for the same counts', () => {
  fc.assert(
    fc.property(trainingPoint, (p) => {
      const e = energies(p);
      assert.ok(e.lim! <= e.cim! * (1 + 1e-12), `LIM ${e.lim} > CIM ${e.cim}`);
      assert.ok(e.cim! <= e['vn-cmos-limit']!, `CIM ${e.cim} > vN CMOS ${e['vn-cmos-limit']}`);
      assert.ok(e.cim! <= e['vn-accelerator']!, `CIM ${e.cim} > vN accelerator`);
    }),
  );
});

test('every row is monotone (non-decreasing) in model size P, tokens (OPS) and precision N', () => {
  const grow = fc.double({ min: 1.01, max: 100, noNaN: true });
  fc.assert(
    fc.property(trainingPoint, grow, fc.integer({ min: 1, max: 8 }), (p, k, dn) => {
      const base = energies(p);
      const morePlan = [
        { ...p, params: p.params * k },
        { ...p, tokens: p.tokens * k, batch_tokens: p.batch_tokens },
        { ...p, precision_bits: Math.min(64, p.precision_bits + dn) },
      ];
      for (const q of morePlan) {
        const more = energies(q);
        for (const id of Object.keys(base)) assert.ok(more[id]! >= base[id]! * (1 - 1e-9), `${id} fell: ${base[id]} → ${more[id]} for ${JSON.stringify(q)}`);
      }
    }),
  );
});

test('every row is monotone in OPS given directly', () => {
  fc.assert(
    fc.property(trainingPoint, fc.double({ min: 1.01, max: 100, noNaN: true }), (p, k) => {
      const ops = opsOf(p);
      const a = energies({ ...p, ops });
      const b = energies({ ...p, ops: ops * k });
      for (const id of ['landauer', 'lim', 'cim', 'lim-device', 'cim-device']) assert.ok(b[id]! >= a[id]! * (1 - 1e-9), id);
    }),
  );
});

test('LIM is non-increasing in time to solution and tends to the floor', () => {
  fc.assert(
    fc.property(trainingPoint, fc.double({ min: 1.01, max: 1e3, noNaN: true }), (p, k) => {
      const a = energies(p);
      const b = energies({ ...p, time_s: p.time_s * k });
      assert.ok(b.lim! <= a.lim! * (1 + 1e-12), `LIM rose: ${a.lim} → ${b.lim}`);
      assert.equal(b.landauer, a.landauer);
    }),
  );
});

test('the Landauer floor is linear in temperature at or above the ambient', () => {
  fc.assert(
    fc.property(trainingPoint, fc.double({ min: 0.1, max: 10, noNaN: true }), (p, k) => {
      const t2 = Math.min(1e4, p.temperature_K * k);
      const ambient_K = Math.min(p.temperature_K, t2);
      const ratio = energies({ ...p, ambient_K, temperature_K: t2 }).landauer! / energies({ ...p, ambient_K }).landauer!;
      assert.ok(Math.abs(ratio - t2 / p.temperature_K) <= 1e-9 * (t2 / p.temperature_K));
    }),
  );
});

test('optimizer workloads keep the ordering and the floor', () => {
  const point = fc.record({
    params: fc.integer({ min: 10, max: 1e6 }),
    precision_bits: fc.integer({ min: 2, max: 32 }),
    convergence_rate: fc.double({ min: 0.1, max: 0.999, noNaN: true }),
    time_s: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
  });
  fc.assert(
    fc.property(point, (p) => {
      const e = energies({ workload: 'qp-1000', ...p });
      assert.ok(e.lim! >= e.landauer! && e.lim! <= e.cim! && e.cim! <= e['vn-cmos-limit']!);
    }),
    { numRuns: 150 },
  );
});

test('the bound rows scale exactly with T at fixed counts (no cooling at or above the ambient)', () => {
  fc.assert(
    fc.property(trainingPoint, fc.double({ min: 1.01, max: 10, noNaN: true }), (p, k) => {
      const t2 = Math.min(1e4, p.temperature_K * k);
      const a = energies({ ...p, ambient_K: p.temperature_K });
      const b = energies({ ...p, ambient_K: p.temperature_K, temperature_K: t2 });
      for (const id of ['landauer', 'lim', 'cim']) {
        const ratio = b[id]! / a[id]!;
        assert.ok(Math.abs(ratio / (t2 / p.temperature_K) - 1) <= 1e-9, `${id}: ${ratio} vs ${t2 / p.temperature_K}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('the 2× time matches its closed form on random points (binary cells)', () => {
  fc.assert(
    fc.property(trainingPoint, (p) => {
      const r = estimate(p, { tradeoff: { points: 2 } });
      const lim = r.rows.find((x) => x.id === 'lim')!;
      const kT = 1.380649e-23 * p.temperature_K;
      const bits = r.counts.update_bits;
      // Consolidation per changed bit in kT (walls exclude cooling, which scales floor and LIM alike), then
      // T = (OPS/P)·2τ_D/(ln2 − it).
      const consolidationPerBit = lim.consolidation_J! / (bits * kT);
      if (consolidationPerBit >= Math.LN2) return;
      const tauD = (Math.sqrt(32) / (2 * Math.PI)) * Math.log((10 * 3.15576e7) / 1e-18) * 1e-9;
      const t2x = ((r.counts.ops / r.counts.params) * 2 * tauD) / (Math.LN2 - consolidationPerBit);
      const got = r.tradeoff!.lim_within_2x_time_s!;
      assert.ok(Math.abs(got / t2x - 1) < 1e-6, `${got} vs ${t2x}`);
    }),
    { numRuns: 100 },
  );
});
