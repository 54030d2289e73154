/**
 * Throughput of the estimate core: design points per second on one core, no I/O. A design point is a
 * training workload (P, D, N, T_sol) turned into counts and priced under every paradigm.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from './resolve.js';
import { priceInto, STRIDE, TOTAL } from './price.js';
import { PARADIGMS } from './paradigms.js';
import type { OperationCounts } from './counts.js';
import { estimate } from './estimate.js';
import { emptyDerived } from './env.js';

export interface EstimateBench {
  /** Median over the rounds: the figure to quote. */
  core_points_per_s: number;
  /** Best round: the code's speed with the least interference from the rest of the machine. */
  core_points_per_s_best: number;
  rounds: number;
  api_points_per_s: number;
  points: number;
  seconds: number;
  checksum: number;
}

const ROUNDS = 5;

export function benchEstimate(seconds = 2): EstimateBench {
  const base = resolve({});
  const env = base.env;
  const out = new Float64Array(PARADIGMS.length * STRIDE);
  const counts: OperationCounts = { ...base.counts };
  const scratch = emptyDerived();
  // Model sizes 1e6..1e15 parameters and T_sol 1..7 yr, tabulated so the loop times pricing, not pow().
  const sizes = Float64Array.from({ length: 1000 }, (_, i) => 1e6 * 10 ** (i * 0.009));
  const times = Float64Array.from({ length: 7 }, (_, i) => 3.15576e7 * (1 + i));
  let checksum = 0;
  let points = 0;
  let coreSeconds = 0;
  const rates: number[] = [];
  // Rounds of equal length: on a shared machine one slow stretch then moves the median, not the result.
  const roundBudget_ms = (seconds * 1000 * 0.8) / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    let roundPoints = 0;
    const start = performance.now();
    while (performance.now() - start < roundBudget_ms) {
      for (let i = 0; i < 10000; i++) {
        // D and the batch fixed: counts as resolve() makes them.
        const p = sizes[i % 1000]!;
        const flops = 6 * p * 300e9;
        counts.params = p;
        counts.flops = flops;
        counts.ops = flops;
        counts.update_bits = flops * 32;
        counts.param_writes = p * 93750;
        counts.read_bits = (8 * flops) / 295.3;
        counts.time_s = times[i % 7]!;
        priceInto(counts, env, out, PARADIGMS, scratch);
        checksum += out[STRIDE + TOTAL]!;
      }
      roundPoints += 10000;
    }
    const elapsed = (performance.now() - start) / 1000;
    rates.push(roundPoints / elapsed);
    points += roundPoints;
    coreSeconds += elapsed;
  }
  rates.sort((a, b) => a - b);
  let apiPoints = 0;
  const apiStart = performance.now();
  while (performance.now() - apiStart < seconds * 1000 * 0.2) {
    for (let i = 0; i < 100; i++) checksum += estimate({ params: 1e9 + i }).rows[1]!.energy_J;
    apiPoints += 100;
  }
  const apiSeconds = (performance.now() - apiStart) / 1000;
  return {
    core_points_per_s: rates[Math.floor(ROUNDS / 2)]!,
    core_points_per_s_best: rates[ROUNDS - 1]!,
    rounds: ROUNDS,
    api_points_per_s: apiPoints / apiSeconds,
    points,
    seconds: coreSeconds,
    checksum,
  };
}
