/**
 * Data of `limbound figure machine`: a built-in small Ising problem (±1 Sherrington–Kirkpatrick on 12
 * cells, seed 5, ground states by enumeration) annealed by the machine for a range of anneal times under
 * each memory schedule; the cycle work per replica against anneal time, the Landauer cost of the cycle and
 * the engine's LIM row priced on the run's counts.
 */
import { thermalEnergy, DEFAULT_TEMPERATURE_K } from '../physics/constants.js';
import type { MachineFigureData, MachinePoint } from '../report/figures/machine.js';
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
  for (const memory of FIGURE_MEMORIES) {
    for (const anneal of FIGURE_ANNEALS) {
      if (signal?.aborted) break;
      const r = await smallIsingCheck(FIGURE_CELLS, 5, anneal, replicas, threads, memory);
      points.push({ memory, anneal_tau_D: anneal, energy_kT: r.cycle, stderr_kT: r.cycleStderr, ground_fraction: r.groundProbability });
    }
  }
  const p = fromIsing(smallIsing(FIGURE_CELLS, 5));
  const g = enumerateGroundStates(p);
  const kT = thermalEnergy(DEFAULT_TEMPERATURE_K);
  const lim = priceRun(machineCounts(p, 0, p.n, 1, 1e-7)).find((row) => row.id === 'lim');
  return {
    title: 'The physical optimizer: energy to solution against anneal time',
    subtitle: [`±1 SK Ising problem, ${FIGURE_CELLS} cells (seed 5, ${g.degeneracy} ground states); ${replicas} replicas per point; full cycle (anneal, consolidate to 20 kT, hold, reset)`],
    note: 'Source: limbound machine (src/machine), measured Sekimoto work; bounds: docs/model.md §7 and §2.5.',
    points,
    landauer_kT: landauerCostKT(p, g.degeneracy),
    engine_lim_kT: (lim?.energy_J ?? NaN) / kT,
  };
}
