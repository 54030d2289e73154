/**
 * Properties with teeth over the physics inputs (ε, N_eff, τ0, τ_r, τ_ret, ε_ref, c and T), on generators
 * that also reach the regime where the best static barrier sits at its Landauer edge (ln 2): exact
 * scalings, not inequalities that a wrong factor would still satisfy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimate, resolve, validateInput, tradeoff } from '../../src/model/index.js';
import { optimalStaticBarrier, staticBarrierEnergy_kT } from '../../src/physics/static-barrier.js';

fc.configureGlobal({ seed: 20261130, numRuns: 200 });

const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log10(lo), max: Math.log10(hi), noNaN: true }).map((e) => 10 ** e);

/** A training point with every physics input drawn, τ0 up to 1 ms and ε_ref up to 0.45 (the Landauer edge). */
const physicsPoint = fc
  .record({
    params: logUniform(1e3, 1e12),
    tokens: logUniform(1e5, 1e12),
    precision_bits: fc.integer({ min: 1, max: 32 }),
    n_eff_fraction: fc.double({ min: 0.05, max: 1, noNaN: true }),
    temperature_K: fc.double({ min: 1, max: 1000, noNaN: true }),
    time_s: logUniform(1e-2, 1e8),
    tau0_s: logUniform(1e-12, 1e-3),
    relaxation_ratio: logUniform(0.1, 100),
    retention_decades: fc.double({ min: 1.5, max: 12, noNaN: true }),
    refresh_error: logUniform(1e-12, 0.45),
    erasure_error: fc.double({ min: 0, max: 0.3, noNaN: true }),
    transport_c: logUniform(1e-3, 5),
  })
  .map((p) => ({
    params: p.params,
    tokens: p.tokens,
    batch_tokens: Math.min(p.tokens, 1e6),
    precision_bits: p.precision_bits,
    n_eff_bits: Math.max(1e-3, p.n_eff_fraction * p.precision_bits),
    temperature_K: p.temperature_K,
    time_s: p.time_s,
    tau0_s: p.tau0_s,
    relaxation_s: Math.min(1, p.tau0_s * p.relaxation_ratio),
    retention_s: p.tau0_s * 10 ** p.retention_decades,
    refresh_error: p.refresh_error,
    erasure_error: p.erasure_error,
    transport_c: p.transport_c,
  }))
  .filter((p) => p.time_s <= 1e20 && p.retention_s <= 1e20);

test('the generator reaches both static-barrier regimes', () => {
  const regimes = new Set<string>();
  fc.assert(
    fc.property(physicsPoint, (p) => {
      regimes.add(estimate(p).derived.cim_barrier_kT <= Math.LN2 * (1 + 1e-12) ? 'landauer-edge' : 'stationary');
    }),
  );
  assert.deepEqual([...regimes].sort(), ['landauer-edge', 'stationary']);
});

test('the static-barrier optimum is no worse than any barrier on a grid, in both regimes', () => {
  fc.assert(
    fc.property(logUniform(1, 1e30), fc.double({ min: -5, max: 120, noNaN: true }), (a, lnB) => {
      const best = optimalStaticBarrier(a, lnB);
      assert.ok(best.barrier_kT >= Math.LN2);
      assert.ok(Math.abs(best.write_kT + best.refresh_kT - best.energy_kT) <= 1e-12 * best.energy_kT);
      assert.ok(Math.abs(best.energy_kT - staticBarrierEnergy_kT(best.barrier_kT, a, lnB)) <= 1e-12 * best.energy_kT);
      for (let x = Math.LN2; x < 140; x *= 1.05) assert.ok(best.energy_kT <= staticBarrierEnergy_kT(x, a, lnB) * (1 + 1e-9), `x = ${x}: ${staticBarrierEnergy_kT(x, a, lnB)} < ${best.energy_kT}`);
      // At the edge the derivative A + B·e^{−x}(1 − x) is ≥ 0: moving up from ln 2 does not help.
      if (best.regime === 'landauer-edge') assert.ok(a + Math.exp(lnB - Math.LN2) * (1 - Math.LN2) >= 0);
    }),
  );
});

test('bound rows scale exactly with T at fixed counts; below the ambient the total adds Carnot cooling', () => {
  fc.assert(
    fc.property(physicsPoint, fc.double({ min: 0.1, max: 10, noNaN: true }), (p, k) => {
      const t2 = Math.min(1e4, p.temperature_K * k);
      const a = estimate(p);
      const b = estimate({ ...p, temperature_K: t2 });
      assert.deepEqual(b.counts, a.counts);
      for (const id of ['landauer', 'lim', 'cim']) {
        const ra = a.rows.find((r) => r.id === id)!;
        const rb = b.rows.find((r) => r.id === id)!;
        // The heat dissipated in the cell (the walls) is ∝ kT.
        for (const wall of ['update_J', 'consolidation_J'] as const) {
          const want = (ra[wall]! * t2) / p.temperature_K;
          assert.ok(Math.abs(rb[wall]! - want) <= 1e-9 * Math.abs(want), `${id}.${wall} at ${t2} K: ${rb[wall]} vs ${want}`);
        }
      }
      // Heat Q at T < T_amb = 300 K costs Q·T_amb/T in all (Carnot): every row's total is Σ walls × max(1, 300/T).
      for (const [r, t] of [[a, p.temperature_K], [b, t2]] as const) {
        for (const row of r.rows) {
          const walls = (row.memory_J ?? 0) + (row.update_J ?? 0) + (row.consolidation_J ?? 0) + (row.compute_J ?? 0);
          if (row.memory_J === null) continue;
          const want = walls * Math.max(1, 300 / t);
          assert.ok(Math.abs(row.energy_J - want) <= 1e-9 * want, `${row.id} at ${t} K: ${row.energy_J} vs ${want}`);
        }
      }
      // The estimate rows' walls are datasheet joules and do not depend on T.
      for (const id of ['vn-accelerator', 'lim-device', 'cim-device']) {
        assert.equal(b.rows.find((r) => r.id === id)!.update_J, a.rows.find((r) => r.id === id)!.update_J, id);
      }
    }),
  );
});

test('the time at which LIM is within 2× of the floor matches its closed form', () => {
  // LIM(T_sol) = floor + X/T_sol + K (the finite-time excess falls as 1/T_sol, consolidation K does not), so
  // LIM = 2·floor at T₂× = X/(floor − K), and never when K ≥ floor.
  fc.assert(
    fc.property(physicsPoint, (p) => {
      const resolved = resolve(validateInput(p));
      const r = estimate(p);
      const floor = r.rows[0]!.update_J!;
      const lim = r.rows.find((x) => x.id === 'lim')!;
      // X = OPS·c·kT·τ_r/τ_u·T_sol, from the excess per operation (not LIM − floor, which cancels).
      const excessTimesT = r.derived.finite_time_excess_per_op_J * r.counts.ops * p.time_s;
      assert.ok(Math.abs(lim.update_J! - floor - excessTimesT / p.time_s) <= 1e-9 * lim.update_J!);
      const k = lim.consolidation_J!;
      const t2x = tradeoff(resolved, { points: 2 }).lim_within_2x_time_s;
      if (k >= floor * (1 - 1e-9)) {
        if (k > floor * (1 + 1e-9)) assert.equal(t2x, null, `K ${k} ≥ floor ${floor}`);
        return;
      }
      const expected = excessTimesT / (floor - k);
      assert.ok(t2x !== null, 'a finite T₂× exists');
      assert.ok(Math.abs(t2x - expected) <= 1e-6 * expected + 1e-300, `T₂× ${t2x} vs ${expected}`);
    }),
  );
});

test('N_eff and ε move only the terms they enter, by exact factors', () => {
  fc.assert(
    fc.property(physicsPoint, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (p, f) => {
      const a = estimate(p);
      const b = estimate({ ...p, n_eff_bits: p.n_eff_bits * f });
      const floorA = a.rows[0]!.update_J!;
      const floorB = b.rows[0]!.update_J!;
      assert.ok(Math.abs(floorB - floorA * f) <= 1e-9 * floorA, 'the floor is Σbits·kT(ln2 − H(ε)), linear in N_eff');
      assert.equal(b.rows.find((r) => r.id === 'lim')!.consolidation_J, a.rows.find((r) => r.id === 'lim')!.consolidation_J, 'consolidation holds P·N cells whatever changes');
      // ε: the floor per bit is kT·(ln2 − H(ε)).
      const h = (x: number) => (x <= 0 ? 0 : -x * Math.log(x) - (1 - x) * Math.log(1 - x));
      const clean = estimate({ ...p, erasure_error: 0 }).rows[0]!.update_J!;
      assert.ok(Math.abs(floorA - (clean * (Math.LN2 - h(p.erasure_error))) / Math.LN2) <= 1e-9 * clean);
    }),
  );
});
