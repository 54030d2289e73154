/**
 * Throughput of the estimate core: design points per second on one core, no I/O. A design point is a
 * training workload (P, D, N, T_sol) turned into counts and priced under every paradigm.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from './resolve.js';
import { priceInto, STRIDE } from './price.js';
import { PARADIGMS } from './paradigms.js';
import type { OperationCounts } from './counts.js';
import { estimate } from './estimate.js';

export interface EstimateBench {
  core_points_per_s: number;
  api_points_per_s: number;
  points: number;
  seconds: number;
  checksum: number;
}

export function benchEstimate(seconds = 2): EstimateBench {
  const base = resolve({});
  const env = base.env;
  const out = new Float64Array(PARADIGMS.length * STRIDE);
  const counts: OperationCounts = { ...base.counts };
  let checksum = 0;
  let points = 0;
  const start = performance.now();
  const budget = seconds * 1000 * 0.8;
  while (performance.now() - start < budget) {
    for (let i = 0; i < 10000; i++) {
      // Vary the model size over 1e6..1e15 parameters, D and the batch fixed: counts as resolve() makes them.
      const p = 1e6 * 10 ** ((i % 1000) * 0.009);
      const flops = 6 * p * 300e9;
      counts.params = p;
      counts.flops = flops;
      counts.ops = flops;
      counts.update_bits = flops * 32;
      counts.param_writes = p * 93750;
      counts.read_bits = (8 * flops) / 295.3;
      counts.time_s = 3.15576e7 * (1 + (i % 7));
      priceInto(counts, env, out);
      checksum += out[STRIDE + 4]!;
    }
    points += 10000;
  }
  const coreSeconds = (performance.now() - start) / 1000;
  let apiPoints = 0;
  const apiStart = performance.now();
  while (performance.now() - apiStart < seconds * 1000 * 0.2) {
    for (let i = 0; i < 100; i++) checksum += estimate({ params: 1e9 + i }).rows[1]!.energy_J;
    apiPoints += 100;
  }
  const apiSeconds = (performance.now() - apiStart) / 1000;
  return { core_points_per_s: points / coreSeconds, api_points_per_s: apiPoints / apiSeconds, points, seconds: coreSeconds, checksum };
}
