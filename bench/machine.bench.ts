/**
 * Machine benchmark (`npm run bench`, or `npm run bench machine`): cell updates per second of the coupled
 * Langevin kernel on G22, one thread and two, against the same update in plain C (bench/c/machine_ref.c).
 */
import { formatSI } from '../src/report/format.js';
import { benchmarkMachine } from '../src/machine/benchmark.js';

export async function run(): Promise<void> {
  const b = await benchmarkMachine({});
  console.log(`machine kernel: ${b.instance}, ${b.cells} cells, ${b.steps} steps`);
  console.log(`cell_updates_per_s (1 thread, CPU time): ${formatSI(b.cell_updates_per_s, '/s')}`);
  console.log(`${b.threads} threads (wall): ${formatSI(b.cell_updates_per_s_threads, '/s')}, speed-up ${b.speedup_threads}× (target ≥ 1.6 on 2 idle cores), deterministic: ${b.deterministic_across_threads}`);
  if (b.c_reference) console.log(`C reference (gcc -O2): ${formatSI(b.c_reference.cell_updates_per_s, '/s')}, JS/C ${b.c_reference.js_to_c_ratio} (target ≥ 0.8), same result: ${b.c_reference.same_result}`);
  else console.log(`C reference skipped: ${b.c_reference_skipped}`);
}
