/**
 * From replica results to the machine's report: work per phase split into barrier (update and
 * consolidation) and coupling (compute) work, the anneal alone and the full cycle, heat, the read-out's
 * quality, time and energy to solution in kT and J with standard errors over replicas, the Landauer cost of
 * what the cycle erases, and the engine's paradigm rows priced on this run's measured counts.
 */
import { LN2, thermalEnergy } from '../physics/constants.js';
import { greedyDescent, zeroMoveTolerance } from '../solvers/ising/kernel.js';
import { cutValue, localFields, type IsingProblem, type MaxCutProblem } from '../solvers/ising/problem.js';
import { priceRun, type ParadigmEnergy } from '../solvers/pricing.js';
import type { OperationCounts } from '../model/counts.js';
import type { MachineProblem } from './problem.js';
import type { MachineRun } from './run.js';

export interface Units {
  temperature_K: number;
  /** The time unit τ_D = γa²/kT in seconds (the simulator's `--tau0-s`). */
  tau0_s: number;
}

export interface MeanSE {
  mean: number;
  stderr: number;
}

/** Mean and standard error (NaN error for fewer than two values). */
export function meanSE(values: ArrayLike<number>): MeanSE {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - mean) ** 2;
  return { mean, stderr: n > 1 ? Math.sqrt(v / (n - 1) / n) : NaN };
}

/** Rounds away float noise for JSON (12 significant digits). */
export const clean = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

export interface PhaseWork {
  phase: string;
  duration_tau_D: number;
  steps: number;
  dt_tau_D: number[];
  barrier_work_kT: number;
  barrier_work_stderr_kT: number;
  coupling_work_kT: number;
  coupling_work_stderr_kT: number;
}

export interface WorkSummary {
  phases: PhaseWork[];
  /** The anneal phase alone (the first phase). */
  mean_work_kT: number;
  stderr_work_kT: number;
  cycle_work_kT: number;
  cycle_work_stderr_kT: number;
  cycle_barrier_work_kT: number;
  cycle_coupling_work_kT: number;
  mean_delta_U_kT: number;
  mean_heat_kT: number;
  /** Mean cycle work ≥ −3 SE (the second law for a cycle from equilibrium). */
  second_law_holds: boolean;
}

export function summarizeWork(run: MachineRun): WorkSummary {
  const { results, built } = run;
  const phases = built.phases.map((ph, k): PhaseWork => {
    const b = meanSE(results.map((r) => r.phaseWork[2 * k]));
    const c = meanSE(results.map((r) => r.phaseWork[2 * k + 1]));
    return {
      phase: ph.name,
      duration_tau_D: clean(ph.end - ph.start),
      steps: ph.steps,
      dt_tau_D: [...new Set(ph.segments.map((s) => clean(s.dt)))],
      barrier_work_kT: clean(b.mean),
      barrier_work_stderr_kT: clean(b.stderr),
      coupling_work_kT: clean(c.mean),
      coupling_work_stderr_kT: clean(c.stderr),
    };
  });
  const first = meanSE(results.map((r) => r.phaseWork[0] + r.phaseWork[1]));
  const cycleOf = (r: (typeof results)[number], part: number) => {
    let s = 0;
    for (let k = 0; k < built.phases.length; k++) s += part < 0 ? r.phaseWork[2 * k] + r.phaseWork[2 * k + 1] : r.phaseWork[2 * k + part];
    return s;
  };
  const cycle = meanSE(results.map((r) => cycleOf(r, -1)));
  const dU = meanSE(results.map((r) => r.finalEnergy - r.initialEnergy));
  return {
    phases,
    mean_work_kT: clean(first.mean),
    stderr_work_kT: clean(first.stderr),
    cycle_work_kT: clean(cycle.mean),
    cycle_work_stderr_kT: clean(cycle.stderr),
    cycle_barrier_work_kT: clean(meanSE(results.map((r) => cycleOf(r, 0))).mean),
    cycle_coupling_work_kT: clean(meanSE(results.map((r) => cycleOf(r, 1))).mean),
    mean_delta_U_kT: clean(dU.mean),
    mean_heat_kT: clean(cycle.mean - dU.mean),
    second_law_holds: !(cycle.mean < -3 * (Number.isFinite(cycle.stderr) ? cycle.stderr : 0)),
  };
}

/**
 * The counts the engine prices for one solution: P = n cells of N = 1 bit (Ising) or `precisionBits`
 * (QP), one committed write per cell (OPS = n), the measured bit changes as update_bits (so N_eff =
 * flips per cell), T_sol = the time to solution; a von Neumann machine that simulates the same dynamics
 * moves every coupling (64-bit index + value) and does 2 FLOP per coupling and 10 per cell each step.
 */
export function machineCounts(p: MachineProblem, steps: number, flips: number, precisionBits: number, time_s: number): OperationCounts {
  const nnz = p.rowPtr[p.n];
  return {
    flops: steps * (2 * nnz + 10 * p.n),
    ops: p.n,
    update_bits: Math.max(flips, 0),
    param_writes: steps * p.n,
    read_bits: steps * (nnz * 64 + p.n * 64),
    params: p.n,
    precision_bits: precisionBits,
    checkpoints: 0,
    time_s,
  };
}

/**
 * The engine's rows on the run's counts, for the machine's own cell: a binary cell of the machine has
 * τ_D = --tau0-s, so its relaxation time over the state range is τ_r = γ(2a)²/kT = 4·τ_D (docs/model.md
 * §2.2). Without the override the engine would derive τ_D = 54.9·τ0 from its Arrhenius τ0 — a different,
 * slower cell than the one simulated.
 */
export function pricedRows(p: MachineProblem, run: MachineRun, precisionBits: number, time_s: number, units: Units): ParadigmEnergy[] {
  const flips = meanSE(run.results.map((r) => r.flips)).mean;
  return priceRun(machineCounts(p, run.built.steps - run.built.warmupSteps, flips, precisionBits, time_s), { temperature_K: units.temperature_K, relaxation_s: 4 * units.tau0_s }).map((row) => ({
    ...row,
    energy_J: clean(row.energy_J),
    orders_above_floor: clean(row.orders_above_floor),
  }));
}

export interface IsingReadout {
  /** Best over replicas of the polished read-out (objective: cut for MAX-CUT, lowest energy otherwise). */
  best_replica: number;
  energy: number;
  energy_unpolished: number;
  cut?: number;
  cut_unpolished?: number;
  spins: Int32Array;
  /** Fraction of replicas whose polished read-out reaches the best energy found. */
  hit_fraction: number;
}

/**
 * Read-out of the bistable cells: the signs at the end of the hold, then (stated) a greedy one-flip polish
 * (flip any cell that lowers the energy until none does), and the best over the replicas.
 */
export function isingReadout(ising: IsingProblem, run: MachineRun, polish: boolean, maxcut?: MaxCutProblem): IsingReadout {
  const tol = zeroMoveTolerance(ising.maxAbsField);
  let best: IsingReadout | undefined;
  const energies: number[] = [];
  for (const r of run.results) {
    const spins = Int32Array.from(r.signs);
    const e0 = energyOf(ising, spins);
    if (polish) {
      const field = new Float64Array(ising.n);
      localFields(ising, spins, field);
      greedyDescent(ising.n, ising.rowPtr, ising.col, ising.J, spins, field, tol, new Float64Array(4));
    }
    const e = energyOf(ising, spins);
    energies.push(e);
    if (!best || e < best.energy - tol) {
      best = { best_replica: r.replica, energy: e, energy_unpolished: e0, spins, hit_fraction: 0 };
      if (maxcut) {
        best.cut = cutValue(maxcut.graph, spins);
        best.cut_unpolished = cutValue(maxcut.graph, r.signs);
      }
    }
  }
  best!.hit_fraction = energies.filter((e) => e <= best!.energy + Math.max(tol, 1e-9)).length / energies.length;
  return best!;
}

/** The solvers' H = −Σ J s s − Σ h s (plus offset), which E_problem equals on ±1 cells. */
function energyOf(p: IsingProblem, s: ArrayLike<number>): number {
  let e = 0;
  for (let v = 0; v < p.n; v++) {
    let f = 0;
    for (let k = p.rowPtr[v]; k < p.rowPtr[v + 1]; k++) f += p.J[k] * s[p.col[k]];
    e -= 0.5 * s[v] * f + p.h[v] * s[v];
  }
  return e + p.offset;
}

/**
 * Landauer cost of the cycle, kT: the read-out commits n bits out of a uniformly random start, except
 * the one bit a problem without fields cannot fix (the global flip symmetry) — kT·ln2 per committed bit.
 * Degenerate ground states (g of them, when known) commit kT·ln g less.
 */
export function landauerCostKT(p: MachineProblem, degeneracy?: number): number {
  const symmetric = p.field.every((v) => v === 0);
  const g = degeneracy ?? (symmetric ? 2 : 1);
  return p.n * LN2 - Math.log(g);
}

export function joules(kT: number, units: Units): number {
  return clean(kT * thermalEnergy(units.temperature_K));
}
