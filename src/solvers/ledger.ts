/**
 * The energy ledger: every memory read, write, bit flip and consolidation event of a solver run, counted
 * as it happens, and turned into the engine's `OperationCounts` (src/model/counts.ts) so the same pricing
 * function prices a formula and a measurement alike.
 *
 * What is counted, per solver, is stated next to the counting functions (isingCounting, qpCounting) and in
 * docs/benchmarks.md. A trace of cumulative counts against iterations is kept (decimated to at most
 * `maxPoints` rows) so energy-to-solution can be plotted against iterations.
 */
import type { OperationCounts } from '../model/counts.js';

export interface LedgerTrace {
  /** Iteration (sweep or QP iteration) at which each row was recorded, cumulative. */
  iteration: number[];
  ops: number[];
  update_bits: number[];
  param_writes: number[];
  read_bits: number[];
  flops: number[];
  checkpoints: number[];
  /** Bits changed per write over the iterations since the previous row (measured N_eff). */
  n_eff: number[];
  /** The solver's objective at that iteration (Ising energy H, or the QP objective). */
  objective: number[];
  /** A solver-specific quantity: the annealing temperature (the barrier in kT for the lim schedule), or the QP error ‖x − x*‖∞ when known. */
  extra: number[];
}

export class Ledger {
  flops = 0;
  ops = 0;
  update_bits = 0;
  param_writes = 0;
  read_bits = 0;
  checkpoints = 0;
  iterations = 0;
  readonly trace: LedgerTrace = emptyTrace();
  private stride = 1;

  constructor(
    /** P: parameter cells held in memory. */
    readonly params: number,
    /** N: bits per parameter cell. */
    readonly precision_bits: number,
    readonly maxPoints = 2000,
  ) {}

  /** Bits changed per write over the whole run so far (the measured N_eff; 0 before any write). */
  nEff(): number {
    return this.ops > 0 ? this.update_bits / this.ops : 0;
  }

  /**
   * Records a trace row if `iteration` falls on the current stride (always for `force`). A forced row at an
   * iteration already recorded replaces that row: work counted after it (a final polish, a consolidation) must
   * reach the trace, so its last row equals the final counts.
   */
  record(objective: number, extra: number, force = false): void {
    if (!force && this.iterations % this.stride !== 0) return;
    const t = this.trace;
    if (t.iteration.at(-1) === this.iterations) {
      if (!force) return;
      this.dropLastRow();
    }
    const last = t.iteration.length - 1;
    // n_eff of the row: bits changed per write since the previous row.
    const dOps = this.ops - (last >= 0 ? t.ops[last] : 0);
    const dBits = this.update_bits - (last >= 0 ? t.update_bits[last] : 0);
    t.iteration.push(this.iterations);
    t.ops.push(this.ops);
    t.update_bits.push(this.update_bits);
    t.param_writes.push(this.param_writes);
    t.read_bits.push(this.read_bits);
    t.flops.push(this.flops);
    t.checkpoints.push(this.checkpoints);
    t.n_eff.push(dOps > 0 ? dBits / dOps : 0);
    t.objective.push(objective);
    t.extra.push(extra);
    if (t.iteration.length > this.maxPoints) this.decimate();
  }

  private dropLastRow(): void {
    for (const column of Object.values(this.trace) as number[][]) column.pop();
  }

  /** The counts the engine prices, with T_sol = `time_s` (the priced hardware's time, not this CPU's). */
  counts(time_s: number): OperationCounts {
    return {
      flops: this.flops,
      ops: this.ops,
      update_bits: this.update_bits,
      param_writes: this.param_writes,
      read_bits: this.read_bits,
      params: this.params,
      precision_bits: this.precision_bits,
      checkpoints: this.checkpoints,
      time_s,
    };
  }

  /** Keeps every other row (the first always) and doubles the stride; n_eff of merged rows is recomputed. */
  private decimate(): void {
    const t = this.trace;
    const keep: number[] = [];
    for (let k = 0; k < t.iteration.length; k += 2) keep.push(k);
    const last = t.iteration.length - 1;
    if (keep[keep.length - 1] !== last) keep.push(last);
    const pick = (a: number[]) => keep.map((k) => a[k]);
    const nEff = keep.map((k, idx) => {
      if (idx === 0) return t.n_eff[k];
      const prev = keep[idx - 1];
      const dOps = t.ops[k] - t.ops[prev];
      return dOps > 0 ? (t.update_bits[k] - t.update_bits[prev]) / dOps : 0;
    });
    t.iteration = pick(t.iteration);
    t.ops = pick(t.ops);
    t.update_bits = pick(t.update_bits);
    t.param_writes = pick(t.param_writes);
    t.read_bits = pick(t.read_bits);
    t.flops = pick(t.flops);
    t.checkpoints = pick(t.checkpoints);
    t.objective = pick(t.objective);
    t.extra = pick(t.extra);
    t.n_eff = nEff;
    this.stride *= 2;
  }
}

function emptyTrace(): LedgerTrace {
  return { iteration: [], ops: [], update_bits: [], param_writes: [], read_bits: [], flops: [], checkpoints: [], n_eff: [], objective: [], extra: [] };
}

/** Word widths a von Neumann implementation moves per access (stated assumptions, docs/benchmarks.md). */
export const VN_WORD_BITS = { field: 32, index: 32, weight: 32 } as const;

/**
 * Ising (Metropolis) counting. The memory holds P = n one-bit spins (N = 1).
 * - Every flip attempt is one model-update operation on a spin cell (OPS += 1): it reads the spin and its
 *   local field (memory wall: 1 + 32 bits) and does 2 arithmetic operations (s·f and the comparison).
 *   Rejected attempts count too, so the device rows (OPS · N · e_write) charge a write per attempt: in a
 *   stochastic in-memory annealer each attempt applies a write pulse to the cell and the noise decides whether
 *   it switches. Only accepted flips change bits (update_bits).
 * - An accepted flip changes 1 bit (update_bits += 1, so N_eff = acceptance rate) and is one parameter write;
 *   updating deg(i) neighbour fields moves, per neighbour, an index, a weight and a field read-modify-write
 *   (32 + 32 + 2·32 bits) and costs 2 arithmetic operations (multiply-add).
 * - A copy of the state to the best-so-far store is one consolidation event (checkpoint).
 */
export function countIsingAttempts(ledger: Ledger, attempts: number, flips: number, degreeSum: number): void {
  const w = VN_WORD_BITS;
  ledger.ops += attempts;
  ledger.flops += 2 * attempts + 2 * degreeSum;
  ledger.read_bits += attempts * (1 + w.field) + degreeSum * (w.index + w.weight + 2 * w.field);
  ledger.update_bits += flips;
  ledger.param_writes += flips;
}
