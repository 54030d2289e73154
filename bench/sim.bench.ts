/**
 * Simulator benchmark (`npm run bench`, or `npm run bench sim`): particle-steps per second of the
 * double-well kernel with work accounting, in one thread and on all threads; with gcc present, the same
 * kernel in plain C (bench/c/sim_doublewell.c) and the JS/C ratio (the target is ≥ 0.5 against gcc -O2).
 */
import { availableParallelism } from 'node:os';
import { formatSI } from '../src/util/format.js';
import { benchmarkSimulator } from '../src/sim/benchmark.js';

export async function run(): Promise<void> {
  const b = await benchmarkSimulator({ threads: availableParallelism() });
  console.log(`kernel: ${b.kernel}; ${b.steps} steps, dt = ${b.dt_tau0} τ0`);
  console.log(`particle_steps_per_s (1 thread):   ${formatSI(b.particle_steps_per_s_single_thread, '/s')}  [${b.particle_steps_per_s_single_thread.toExponential(3)}]`);
  console.log(
    `particle_steps_per_s (${b.threads} threads):  ${formatSI(b.particle_steps_per_s_all_threads, '/s')}  [${b.particle_steps_per_s_all_threads.toExponential(3)}], scaling efficiency ${b.scaling_efficiency.toFixed(2)}`,
  );
  if (b.c_reference) {
    const c = b.c_reference;
    console.log(`C reference (${c.compiler}):              ${formatSI(c.particle_steps_per_s, '/s')}  JS/C ratio ${c.js_to_c_ratio.toFixed(2)} (target ≥ 0.5)`);
    console.log(`C reference (${c.native_compiler}): ${formatSI(c.native_particle_steps_per_s, '/s')}  JS/C ratio ${c.js_to_native_ratio.toFixed(2)}`);
  } else {
    console.log(`C reference skipped: ${b.c_reference_skipped}`);
  }
}
