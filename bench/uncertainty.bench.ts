/**
 * Uncertainty sampler (`npm run bench uncertainty`): 1e5 samples of the whole estimate on one core
 * (target < 2 s) and 1e6 on a warmed pool of 2 worker threads against 1 (target speed-up ≥ 1.6×; the
 * arrays must be identical).
 */
import { benchUncertainty } from '../src/model/uncertainty-bench.js';

export async function run(): Promise<void> {
  const b = await benchUncertainty();
  console.log(`uncertainty, one core: ${b.single_samples.toLocaleString('en-US')} samples × ${b.ranges} ranges, all rows, with quantiles: ${b.single_seconds.toFixed(3)} s wall, ${b.single_cpu_seconds.toFixed(3)} s CPU (medians of ${b.rounds}; target < 2 s: ${b.single_seconds < 2 ? 'met' : 'NOT met'} on wall time)`);
  console.log(
    `uncertainty, ${b.parallel_samples.toLocaleString('en-US')} samples: 1 worker ${b.one_thread_seconds.toFixed(2)} s, ${b.threads} workers ${b.threaded_seconds.toFixed(2)} s, speed-up ${b.speedup.toFixed(2)}× (target ≥ 1.6×: ${b.speedup >= 1.6 ? 'met' : 'NOT met'}); identical output: ${b.identical ? 'yes' : 'NO'}`,
  );
}
