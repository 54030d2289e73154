/**
 * `limbound figure machine`: one series per memory schedule over the anneal times, the Landauer cost of the
 * cycle from the enumerated degeneracy, and the engine's LIM row priced for the committed bits at each
 * anneal's time to solution — its update excess checked against the closed form 2·kT·τ_D/τ_u per bit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIGURE_ANNEALS, FIGURE_CELLS, FIGURE_MEMORIES, machineFigureData } from '../../src/machine/figure-data.js';
import { machineSpec } from '../../src/report/figures/machine.js';
import { DEFAULT_TAU0_S } from '../../src/physics/constants.js';

test('figure machine: series per schedule, Landauer cost, and the engine LIM row against its closed form', async () => {
  const data = await machineFigureData(1, 4);
  assert.equal(data.points.length, FIGURE_MEMORIES.length * FIGURE_ANNEALS.length);
  assert.deepEqual([...new Set(data.points.map((p) => p.memory))], FIGURE_MEMORIES);
  // 12 cells, 4 degenerate ground states (enumerated): kT·(12·ln2 − ln4).
  assert.match(String(data.subtitle), /4 ground states/);
  assert.ok(Math.abs(data.landauer_kT - (FIGURE_CELLS * Math.LN2 - Math.log(4))) < 1e-12);
  assert.deepEqual(data.engine_lim.map((e) => e.anneal_tau_D), FIGURE_ANNEALS);
  // The LIM row = committed bits × (kT·ln2 + 2·kT·τ_D/T_sol) + a consolidation term that does not depend on
  // T_sol; T_sol = anneal + consolidate (5 τ_D) + hold (1 τ_D), τ_D = 1 ns, τ_u = T_sol (one write per cell).
  const committed = FIGURE_CELLS - 2;
  const excess = (anneal: number) => committed * 2 * (DEFAULT_TAU0_S / ((anneal + 6) * DEFAULT_TAU0_S));
  const [first, ...rest] = data.engine_lim;
  for (const e of rest) {
    const expected = excess(first!.anneal_tau_D) - excess(e.anneal_tau_D);
    assert.ok(Math.abs(first!.energy_kT - e.energy_kT - expected) < 1e-9 * first!.energy_kT, `${e.anneal_tau_D}: ${first!.energy_kT - e.energy_kT} vs ${expected}`);
    assert.ok(e.energy_kT > data.landauer_kT);
  }
  const spec = JSON.stringify(machineSpec(data));
  assert.ok(spec.includes("engine's ideal LIM row") && spec.includes('Landauer cost of the cycle'));
});
