/**
 * Machine benchmark (`npm run bench`, or `npm run bench machine`): cell updates per second of the coupled
 * Langevin kernel on G22 — WebAssembly and the JavaScript reference on one thread, two threads — against the
 * same update in plain C (bench/c/machine_ref.c).
 */
import { benchmarkLines, benchmarkMachine } from '../src/machine/benchmark.js';

export async function run(): Promise<void> {
  for (const line of benchmarkLines(await benchmarkMachine({}))) console.log(line);
}
