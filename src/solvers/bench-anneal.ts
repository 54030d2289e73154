/**
 * Annealer throughput: flip attempts per second of the Metropolis sweep on G1 (the solver's default
 * temperature range, geometric schedule, no polish), and the ratio to the plain
 * C reference (bench/c/anneal_ref.c, compiled with gcc -O2 into a temporary folder when gcc exists). Both
 * run the same schedule from the same seed; their flip counts and best energies must agree exactly.
 * Each side is run `repeats` times, interleaved, and its best rate kept. Rates are per second of process
 * CPU time (JS: process.cpuUsage; C: CLOCK_PROCESS_CPUTIME_ID), so other jobs on a shared machine do not
 * count against either side.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gsetFile } from './gset.js';
import { readMaxCut } from './io/problem-files.js';
import { solveMaxCutSync } from './ising/maxcut.js';
import { autoTemperatures } from './ising/temperatures.js';

export interface AnnealBenchResult {
  instance: string;
  n: number;
  sweeps: number;
  seed: number;
  repeats: number;
  t0: number;
  t1: number;
  flip_attempts_per_s: number;
  accepted_flips: number;
  best_ising_energy: number;
  c_reference: null | {
    flip_attempts_per_s: number;
    accepted_flips: number;
    best_ising_energy: number;
    compiler: string;
  };
  c_reference_note?: string;
  /** flip_attempts_per_s / the C reference's. */
  ratio_to_c: number | null;
  /** The same sweep with the JavaScript integer kernel instead of the WebAssembly one (integerKernel: 'js'). */
  js_kernel_flip_attempts_per_s: number;
  js_kernel_ratio_to_c: number | null;
  /** The default run used the WebAssembly kernel. */
  wasm: boolean;
  /** Both made the same decisions (same flips and best energy). */
  same_decisions: boolean | null;
}

export function cReferenceSource(): string {
  return fileURLToPath(new URL('../../bench/c/anneal_ref.c', import.meta.url));
}

/** Compiles the C reference; returns the binary path and the temp dir, or a reason it cannot. */
export function compileCReference(): { binary: string; dir: string; compiler: string } | { reason: string } {
  const src = cReferenceSource();
  if (!existsSync(src)) return { reason: `C reference source not found (${src})` };
  const probe = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return { reason: 'gcc not found' };
  const dir = mkdtempSync(join(tmpdir(), 'limbound-anneal-'));
  const binary = join(dir, 'anneal_ref');
  const build = spawnSync('gcc', ['-O2', '-o', binary, src, '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `gcc failed: ${build.stderr.split('\n')[0]}` };
  }
  return { binary, dir, compiler: probe.stdout.split('\n')[0] };
}

export function runCReference(binary: string, file: string, sweeps: number, seed: number, t0: number, t1: number): { rate: number; flips: number; best: number } {
  const out = execFileSync(binary, [file, String(sweeps), String(seed), String(t0), String(t1)], { encoding: 'utf8' });
  const field = (name: string) => {
    const m = new RegExp(`${name} (\\S+)`).exec(out);
    if (!m) throw new Error(`C reference output lacks ${name}: ${out}`);
    return Number(m[1]);
  };
  return { rate: field('flip_attempts_per_s'), flips: field('flips'), best: field('best_energy') };
}

export function runAnnealBench(o: { instance?: string; sweeps?: number; seed?: number; repeats?: number } = {}): AnnealBenchResult {
  const instance = o.instance ?? 'G1';
  const sweeps = o.sweeps ?? 200000;
  const seed = o.seed ?? 1;
  const repeats = o.repeats ?? 5;
  const file = gsetFile(instance);
  const mc = readMaxCut(file);
  // The solver's default temperature range for this instance (ising/temperatures.ts).
  const { t0, t1 } = autoTemperatures(mc.ising);
  const opts = { sweeps, seed, t0, t1, polish: false };
  solveMaxCutSync(mc, { ...opts, sweeps: Math.min(sweeps, 2000) }); // warm the JIT
  const compiled = compileCReference();
  let jsRate = 0, cRate = 0;
  const runJs = (integerKernel: 'wasm' | 'js' = 'wasm') => {
    const cpu0 = process.cpuUsage();
    const r = solveMaxCutSync(mc, { ...opts, integerKernel });
    const cpu = process.cpuUsage(cpu0);
    return { r, cpu_s: (cpu.user + cpu.system) / 1e6 };
  };
  solveMaxCutSync(mc, { ...opts, sweeps: Math.min(sweeps, 2000), integerKernel: 'js' });
  let jsKernelRate = 0;
  let js = runJs().r;
  let c: ReturnType<typeof runCReference> | undefined;
  try {
    for (let k = 0; k < repeats; k++) {
      const run = runJs();
      js = run.r;
      jsRate = Math.max(jsRate, js.flip_attempts / run.cpu_s);
      const plain = runJs('js');
      if (plain.r.accepted_flips !== js.accepted_flips) throw new Error('internal: the JavaScript and WebAssembly kernels disagree');
      jsKernelRate = Math.max(jsKernelRate, plain.r.flip_attempts / plain.cpu_s);
      if ('binary' in compiled) {
        c = runCReference(compiled.binary, file, sweeps, seed, t0, t1);
        cRate = Math.max(cRate, c.rate);
      }
    }
  } finally {
    if ('dir' in compiled) rmSync(compiled.dir, { recursive: true, force: true });
  }
  return {
    instance,
    n: mc.ising.n,
    sweeps,
    seed,
    repeats,
    t0,
    t1,
    flip_attempts_per_s: jsRate,
    accepted_flips: js.accepted_flips,
    best_ising_energy: js.ising_energy,
    c_reference: c && 'compiler' in compiled ? { flip_attempts_per_s: cRate, accepted_flips: c.flips, best_ising_energy: c.best, compiler: compiled.compiler } : null,
    c_reference_note: 'reason' in compiled ? compiled.reason : undefined,
    ratio_to_c: c ? jsRate / cRate : null,
    js_kernel_flip_attempts_per_s: jsKernelRate,
    js_kernel_ratio_to_c: c ? jsKernelRate / cRate : null,
    wasm: js.wasm,
    same_decisions: c ? c.flips === js.accepted_flips && c.best === js.ising_energy : null,
  };
}
