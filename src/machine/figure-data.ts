/**
 * Data of `limbound figure machine`: a built-in small Ising problem (±1 Sherrington–Kirkpatrick on 12
 * cells, seed 5, ground states by enumeration) annealed by the machine for a range of anneal times under
 * each memory schedule; the cycle work per replica against anneal time, the Landauer cost of the cycle and,
 * at each anneal's time to solution, the engine's ideal LIM row for the bits the cycle commits, priced
 * for the machine's own cell (τ_r = 4·τ_D, as `limbound machine` prices its rows).
 */
import { thermalEnergy, DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K } from '../physics/constants.js';
import type { EnginePoint, MachineFigureData, MachinePoint } from '../report/figures/machine.js';
import { smallIsing, smallIsingCheck } from './checks.js';
import { fromIsing } from './problem.js';
import { enumerateGroundStates } from './analytic.js';
import { landauerCostKT, machineCounts } from './summary.js';
import { priceRun } from '../solvers/pricing.js';
import type { MemorySchedule } from './schedules.js';

export const FIGURE_CELLS = 12;
export const FIGURE_ANNEALS = [1, 3, 10, 30, 100];
export const FIGURE_MEMORIES: MemorySchedule[] = ['static', 'lim', 'free'];

export async function machineFigureData(threads: number, replicas = 16, signal?: AbortSignal): Promise<MachineFigureData> {
  const points: MachinePoint[] = [];
  const p = fromIsing(smallIsing(FIGURE_CELLS, 5));
  const g = enumerateGroundStates(p);
  const kT = thermalEnergy(DEFAULT_TEMPERATURE_K);
  const committed = FIGURE_CELLS - Math.log2(g.degeneracy);
  const engine: EnginePoint[] = [];
  for (const memory of FIGURE_MEMORIES) {
    for (const anneal of FIGURE_ANNEALS) {
      if (signal?.aborted) break;
      const r = await smallIsingCheck(FIGURE_CELLS, 5, anneal, replicas, threads, memory);
      points.push({ memory, anneal_tau_D: anneal, energy_kT: r.cycle, stderr_kT: r.cycleStderr, ground_fraction: r.groundProbability });
      if (memory === 'lim') {
        const time_s = r.time_tau_D * DEFAULT_TAU0_S;
        const lim = priceRun(machineCounts(p, 0, committed, 1, time_s), { relaxation_s: 4 * DEFAULT_TAU0_S }).find((row) => row.id === 'lim');
        engine.push({ anneal_tau_D: anneal, energy_kT: (lim?.energy_J ?? NaN) / kT });
      }
    }
  }
  return {
    title: 'The physical optimizer: energy to solution against anneal time',
    subtitle: [
      `±1 SK Ising problem, ${FIGURE_CELLS} cells (seed 5, ${g.degeneracy} ground states); ${replicas} replicas per point; full cycle (anneal, consolidate to 20 kT, hold, reset); time unit τ_D = ${Number((DEFAULT_TAU0_S * 1e9).toPrecision(6))} ns`,
      'static at 20 kT cannot anneal (its bits never cross the barrier): it commits nothing, so the Landauer cost does not bound it',
    ],
    note: 'Source: limbound machine (src/machine), measured Sekimoto work; bounds: docs/model.md §7 and §2.5.',
    points,
    landauer_kT: landauerCostKT(p, g.degeneracy),
    engine_lim: engine,
  };
}
