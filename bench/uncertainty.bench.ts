/**
 * Uncertainty sampler (`npm run bench uncertainty`): 1e5 samples of the whole estimate (every row and
 * claim, with the quantiles) on one core, wall and CPU time (target < 2 s), and 1e6 samples on a warmed
 * pool of 1 and of 2 worker threads, the wall-time ratio (target ≥ 1.6×) and whether both give the same
 * arrays. The load average is printed with them: on a shared machine the ratio is depressed, and the
 * process CPU time of each pooled run shows whether the split itself costs anything.
 */
import { benchUncertainty } from '../src/model/uncertainty-bench.js';

const s = (v: number) => `${v.toFixed(2)} s`;

export async function run(): Promise<void> {
  const b = await benchUncertainty();
  console.log(`load average (1 min) ${b.load_average_start.toFixed(2)} at the start on ${b.cores} cores`);
  console.log(
    `uncertainty 1e5 samples × ${b.ranges} ranges, all rows and claims with quantiles, 1 thread: ${s(b.single_seconds)} wall, ${s(b.single_cpu_seconds)} CPU (medians of ${b.rounds}; target < 2 s: ${b.single_seconds < 2 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `uncertainty 1e6 samples: 1 thread ${s(b.one_thread_seconds)} wall (${s(b.one_thread_cpu_seconds)} CPU), 2 threads ${s(b.threaded_seconds)} wall (${s(b.threaded_cpu_seconds)} CPU); ratio ${b.speedup.toFixed(2)}× (target ≥ 1.6×: ${b.speedup >= 1.6 ? 'met' : 'NOT met'}); identical output at 1 and 2 threads: ${b.identical ? 'yes' : 'NO'}`,
  );
  console.log(`load average (1 min) ${b.load_average_end.toFixed(2)} at the end${b.load_average_start > b.cores / 2 ? ': the machine was busy, so the 2-thread wall-time ratio says little (compare the CPU times); re-measure on an idle machine' : ''}`);
}
