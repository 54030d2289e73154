/**
 * The operation counts that every paradigm prices. The analytic engine derives them from a workload
 * (docs/model.md §1); the solvers measure them with their ledger. One pricing function turns counts into
 * energy per paradigm and wall, so a formula and a measurement are always priced the same way.
 */
export interface OperationCounts {
  /** F: arithmetic operations a von Neumann machine executes (FLOP). */
  flops: number;
  /** OPS: model-update operations, each landing on a memory cell as an N-bit write (in-memory paradigms). */
  ops: number;
  /**
   * Multiply–accumulates that read a weight in place without writing it (in-memory paradigms): 0 when
   * every FLOP is counted as a write (ops_convention flop) and in measured ledgers, else max(0, F/2 − OPS)
   * (docs/model.md §1).
   */
  mac_reads?: number;
  /** Σ bits that actually change over all OPS writes (= OPS·N_eff; measured by solvers as Hamming distance). */
  update_bits: number;
  /** U: N-bit parameter writes a von Neumann machine makes to its main memory. */
  param_writes: number;
  /** Memory-wall traffic of a von Neumann machine, in bits moved between memory and compute. */
  read_bits: number;
  /** P: parameters (state variables) held in memory. */
  params: number;
  /** N: bits of precision per parameter. */
  precision_bits: number;
  /** Full-model checkpoints written to long-term storage during the run. */
  checkpoints: number;
  /** T_sol: time to solution in s. */
  time_s: number;
}
