/**
 * Annealer benchmark: single-thread flip attempts per second of the Metropolis sweep on G-set G1, and the
 * ratio to the plain C reference bench/c/anneal_ref.c (compiled with gcc -O2 when gcc is present).
 * Also `limbound bench anneal --json`.
 */
import { runAnnealBench } from '../src/solvers/bench-anneal.js';
import { formatSI } from '../src/util/format.js';

export async function run(): Promise<void> {
  const r = runAnnealBench();
  console.log(`anneal ${r.instance} (n = ${r.n}, ${r.sweeps} sweeps, seed ${r.seed}): flip_attempts_per_s ${formatSI(r.flip_attempts_per_s, '/s')} (${r.wasm ? 'WebAssembly' : 'JavaScript'} kernel; JavaScript kernel ${formatSI(r.js_kernel_flip_attempts_per_s, '/s')})`);
  if (r.c_reference) {
    console.log(`  C reference (gcc -O2): flip_attempts_per_s ${formatSI(r.c_reference.flip_attempts_per_s, '/s')}; ratio ${r.ratio_to_c!.toFixed(2)} (JavaScript kernel ${r.js_kernel_ratio_to_c!.toFixed(2)}); same decisions: ${r.same_decisions ? 'yes' : 'NO'}`);
  } else {
    console.log(`  C reference skipped: ${r.c_reference_note}`);
  }
}
