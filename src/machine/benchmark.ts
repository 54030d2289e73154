/**
 * `limbound bench machine`: cell updates per second (one cell advanced one time step, its couplings
 * included) of the machine kernel on a G-set-sized sparse problem (G22: 2000 cells, 19 990 couplings), on
 * one thread and on several (replicas in parallel), against the same update in plain C
 * (bench/c/machine_ref.c, gcc -O2) when gcc is present. The workload is a coupling ramp λ: 0 → 0.3 on
 * bistable cells E_b(x² − 1)² with E_b = 1 kT. The C program is given the JavaScript ziggurat tables, so
 * both print the same work and bit-flip count for the same seed, which the benchmark checks on a
 * 3000-step run (the same update, not merely a similar one). Longer runs part ways after a while: the
 * ziggurat's rare wedge test calls exp(), and glibc's and V8's differ in the last bit for a few arguments.
 * The timed runs are 15 000 steps by default: runs of 3000 steps (0.1 s) gave lower and more scattered
 * rates, most of all for the thread pool; why was not pinned down (the module is compiled once per problem,
 * so it is not compilation).
 *
 * How it measures, so that a shared machine distorts it as little as possible: single-thread rates are
 * per second of process CPU time, C and WebAssembly (and the JavaScript reference kernel) runs are
 * interleaved, and the ratio is that of the medians. The multi-thread rate is per second of wall time
 * from the moment every worker is set up (kernel compiled and warmed), with two replicas per thread, over
 * the one-thread wall-time rate of the same replicas measured alongside; it needs idle cores to mean
 * anything, so the 1-minute load average is reported with it, and so is the speed-up of as many C processes
 * run at once, measured alongside (what the machine offered at the time).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireNumber } from '../util/errors.js';
import { quantileSorted } from '../util/quantile.js';
import { formatSI } from '../util/format.js';
import { defaultThreads } from '../sim/parallel.js';
import { ZIG_F, ZIG_X } from '../sim/rng.js';
import { gsetFile } from '../solvers/gset.js';
import { readMaxCut } from '../solvers/io/problem-files.js';
import { prepareSetup, runReplica, type ReplicaResult } from './kernel.js';
import { fromMaxCut, type MachineProblem } from './problem.js';
import { buildPhases, cellBarrier, type ProtocolSpec } from './protocol.js';
import { runMachine } from './run.js';
import { ISING_OPTION_DEFAULTS } from './solve.js';
import { wasmKernelAvailable, warmUpKernel } from './wasm-kernel.js';

export const BENCH_INSTANCE = 'G22';
export const BENCH_BARRIER_KT = 1;
export const BENCH_LAMBDA = 0.3;
export const BENCH_DT = 0.01;
/** The cells run between the default reflecting walls of `machine maxcut`, so the walls' test is timed too. */
export const BENCH_WALL = ISING_OPTION_DEFAULTS.wall;
/** Replicas per thread in the parallel run. */
export const BENCH_REPLICAS_PER_THREAD = 2;
/** Time steps of a timed run, and of the run that checks the C reference gives the same result. */
export const BENCH_STEPS = 15000;
const IDENTITY_STEPS = 3000;

export interface MachineBenchmark {
  instance: string;
  cells: number;
  couplings: number;
  steps: number;
  dt_tau_D: number;
  /** Step loop measured as `cell_updates_per_s`: WebAssembly, or JavaScript where it is unavailable. */
  kernel: 'wasm' | 'js';
  /** Median over `repeats` runs, one thread, per second of CPU time. */
  cell_updates_per_s: number;
  /** The JavaScript reference kernel (same results), measured the same way. */
  cell_updates_per_s_js: number;
  repeats: number;
  threads: number;
  /** Wall-time rate on `threads` threads (two replicas each, worker start-up and warm-up excluded). */
  cell_updates_per_s_threads: number;
  /** That rate over the one-thread wall-time rate of the same replicas measured alongside. */
  speedup_threads: number;
  /** Same seed: every replica's result identical on 1 and `threads` threads. */
  deterministic_across_threads: boolean;
  /** 1-minute load average when the benchmark ended (a busy machine depresses the speed-up). */
  load_average_1min: number;
  c_reference?: {
    compiler: string;
    cell_updates_per_s: number;
    /** Median kernel rate over median C rate (runs interleaved). */
    kernel_to_c_ratio: number;
    js_to_c_ratio: number;
    /** Work and flips of a C run equal the kernel's to the last bit (a run of `same_result_steps` steps). */
    same_result: boolean;
    same_result_steps: number;
    /**
     * `threads` C processes at once against one, in wall time, measured alongside the kernel's threads: the
     * parallelism the machine offered during the benchmark (≈ threads when the cores are idle).
     */
    speedup_processes: number;
  };
  c_reference_skipped?: string;
}

/** Bistable cells E_b(x² − 1)² between walls at ±wall (undefined: none), coupling ramp λ: 0 → λ1 over `steps` steps of dt, field scale 1. */
export function rampSpec(steps: number, dt: number, barrier: number, lambda: number, wall: number | undefined): ProtocolSpec {
  const cell = cellBarrier(barrier);
  const duration = steps * dt;
  return {
    times: [0, duration],
    controls: [
      [cell[0], cell[1], cell[2], 0, 1],
      [cell[0], cell[1], cell[2], lambda, 1],
    ],
    phases: [{ name: 'ramp', end_tau0: duration }],
    initial: 'wells',
    warmup_tau0: 0,
    wall,
  };
}

export function benchSpec(steps: number): ProtocolSpec {
  return rampSpec(steps, BENCH_DT, BENCH_BARRIER_KT, BENCH_LAMBDA, BENCH_WALL);
}

/** The ziggurat tables of src/sim/rng.ts in the C reference's format (257 lines "X f", exact decimals). */
export function writeZigguratTables(path: string): void {
  writeFileSync(path, Array.from(ZIG_X, (x, i) => `${x.toPrecision(17)} ${ZIG_F[i].toPrecision(17)}`).join('\n') + '\n');
}

export function referenceSource(): string | undefined {
  const candidate = fileURLToPath(new URL('../../bench/c/machine_ref.c', import.meta.url));
  return existsSync(candidate) ? candidate : undefined;
}

/** The C reference built with gcc -O2 in a fresh directory with the ziggurat tables, or why not. */
export function buildReference(): { dir: string; binary: string; tables: string } | { skipped: string } {
  const source = referenceSource();
  if (!source) return { skipped: 'bench/c/machine_ref.c not found (it ships with the source repository)' };
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
  } catch {
    return { skipped: 'gcc not found' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'limbound-machine-bench-'));
  const binary = join(dir, 'machine_ref');
  const tables = join(dir, 'ziggurat.txt');
  execFileSync('gcc', ['-O2', '-o', binary, source, '-lm']);
  writeZigguratTables(tables);
  return { dir, binary, tables };
}

export interface RampRun {
  rate: number;
  work: number;
  flips: number;
}

/** One run of the C reference on an edge-list file. */
export function runReference(ref: { binary: string; tables: string }, graph: string, steps: number, dt: number, barrier: number, lambda: number, wall: number | undefined, seed: number, replica: number): RampRun {
  const out = JSON.parse(execFileSync(ref.binary, [graph, String(steps), String(dt), String(barrier), String(lambda), String(seed), String(replica), String(wall ?? Infinity), ref.tables]).toString()) as Record<string, number>;
  return { rate: Number(out.cell_updates_per_s), work: Number(out.work_kT), flips: Number(out.flips) };
}

/** Wall seconds for `copies` concurrent runs of the C reference (replicas 0 … copies − 1). */
async function referenceWall(ref: { binary: string; tables: string }, graph: string, steps: number, copies: number): Promise<number> {
  const run = promisify(execFile);
  const start = performance.now();
  await Promise.all(Array.from({ length: copies }, (_, k) => run(ref.binary, [graph, String(steps), String(BENCH_DT), String(BENCH_BARRIER_KT), String(BENCH_LAMBDA), '1', String(k), String(BENCH_WALL), ref.tables])));
  return (performance.now() - start) / 1000;
}

/** The same run as runReference in this process, on one kernel; its rate is per second of CPU time. */
export function runRamp(p: MachineProblem, spec: ProtocolSpec, dt: number, seed: number, replica: number, kernel: 'wasm' | 'js'): RampRun {
  const built = buildPhases(spec, 0, 0, { dt });
  const setup = prepareSetup(p, built);
  // Process CPU time, like the C reference: on a shared machine wall time mostly measures the neighbours.
  const started = process.cpuUsage();
  const r = runReplica(p, built, setup, seed, replica, { kernel })!;
  const used = process.cpuUsage(started);
  return { rate: (p.n * built.steps) / ((used.user + used.system) / 1e6), work: r.phaseWork[0] + r.phaseWork[1], flips: r.flips };
}

function median(values: number[]): number {
  return quantileSorted([...values].sort((a, b) => a - b), 0.5);
}

function sameReplica(a: ReplicaResult, b: ReplicaResult): boolean {
  const arrays = (r: ReplicaResult) => [r.phaseWork, r.meanX, r.signs] as ArrayLike<number>[];
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.from(x).every((v, k) => Object.is(v, y[k]));
  return a.replica === b.replica && a.flips === b.flips && Object.is(a.finalEnergy, b.finalEnergy) && arrays(a).every((x, k) => same(x, arrays(b)[k]));
}

export async function benchmarkMachine(o: { threads?: number; steps?: number; repeats?: number } = {}): Promise<MachineBenchmark> {
  const threads = requireNumber('threads', o.threads ?? Math.min(2, defaultThreads()), { min: 1, max: 1024, integer: true });
  const steps = requireNumber('steps', o.steps ?? BENCH_STEPS, { min: 10, max: 1e7, integer: true });
  const repeats = requireNumber('repeats', o.repeats ?? 5, { min: 1, max: 1000, integer: true });
  const graph = gsetFile(BENCH_INSTANCE);
  const p = fromMaxCut(readMaxCut(graph));
  const kernel = wasmKernelAvailable() ? 'wasm' : 'js';
  const spec = benchSpec(steps);
  // Warm-up: the engines' optimising compilers, for both kernels.
  warmUpKernel(p, 100);
  for (const k of ['wasm', 'js'] as const) runRamp(p, benchSpec(Math.max(300, steps >> 2)), BENCH_DT, 1, 0, k);
  const ref = buildReference();
  try {
    const rates: Record<'wasm' | 'js' | 'c', number[]> = { wasm: [], js: [], c: [] };
    let same = true;
    for (let r = 0; r < repeats; r++) {
      // Interleaved, so a change of load hits every kernel alike.
      const main = runRamp(p, spec, BENCH_DT, 1, 0, kernel);
      rates.wasm.push(main.rate);
      rates.js.push(runRamp(p, spec, BENCH_DT, 1, 0, 'js').rate);
      if ('binary' in ref) {
        const c = runReference(ref, graph, steps, BENCH_DT, BENCH_BARRIER_KT, BENCH_LAMBDA, BENCH_WALL, 1, 0);
        rates.c.push(c.rate);
      }
    }
    const identitySteps = Math.min(steps, IDENTITY_STEPS);
    if ('binary' in ref) {
      const c = runReference(ref, graph, identitySteps, BENCH_DT, BENCH_BARRIER_KT, BENCH_LAMBDA, BENCH_WALL, 1, 0);
      const k = runRamp(p, benchSpec(identitySteps), BENCH_DT, 1, 0, kernel);
      same = c.work === k.work && c.flips === k.flips;
    }
    const rate = median(rates.wasm);
    const jsRate = median(rates.js);
    // Several threads: BENCH_REPLICAS_PER_THREAD replicas per thread, against the same replicas on one.
    const request = { problem: p, spec, step: { dt: BENCH_DT }, replicas: threads * BENCH_REPLICAS_PER_THREAD, seed: 1 };
    const cellSteps = request.replicas * p.n * buildPhases(spec, 0, 0, { dt: BENCH_DT }).steps;
    const one: number[] = [];
    const many: number[] = [];
    const processes: number[] = [];
    let deterministic = true;
    for (let r = 0; r < Math.max(1, Math.ceil(repeats / 2)); r++) {
      const sequential = await runMachine(request, { threads: 1 });
      const parallel = await runMachine(request, { threads });
      one.push(cellSteps / sequential.compute_time_s);
      many.push(cellSteps / parallel.compute_time_s);
      if ('binary' in ref) processes.push((threads * (await referenceWall(ref, graph, steps, 1))) / (await referenceWall(ref, graph, steps, threads)));
      deterministic = deterministic && sequential.results.length === parallel.results.length && sequential.results.every((x, k) => sameReplica(x, parallel.results[k]));
    }
    const result: MachineBenchmark = {
      instance: BENCH_INSTANCE,
      cells: p.n,
      couplings: p.rowPtr[p.n] / 2,
      steps,
      dt_tau_D: BENCH_DT,
      kernel,
      cell_updates_per_s: Number(rate.toPrecision(4)),
      cell_updates_per_s_js: Number(jsRate.toPrecision(4)),
      repeats,
      threads,
      cell_updates_per_s_threads: Number(median(many).toPrecision(4)),
      speedup_threads: Number((median(many) / median(one)).toPrecision(3)),
      deterministic_across_threads: deterministic,
      load_average_1min: Number(loadavg()[0].toFixed(2)),
    };
    if ('binary' in ref) {
      const c = median(rates.c);
      result.c_reference = {
        compiler: 'gcc -O2',
        cell_updates_per_s: Number(c.toPrecision(4)),
        kernel_to_c_ratio: Number((rate / c).toPrecision(3)),
        js_to_c_ratio: Number((jsRate / c).toPrecision(3)),
        same_result: same,
        same_result_steps: identitySteps,
        speedup_processes: Number(median(processes).toPrecision(3)),
      };
    } else result.c_reference_skipped = ref.skipped;
    return result;
  } finally {
    if ('dir' in ref) rmSync(ref.dir, { recursive: true, force: true });
  }
}

/** The benchmark as text lines (CLI and `npm run bench`). */
export function benchmarkLines(b: MachineBenchmark): string[] {
  const kernel = b.kernel === 'wasm' ? 'WebAssembly' : 'JavaScript';
  return [
    `machine kernel on ${b.instance} (${b.cells} cells, ${b.couplings} couplings), ${b.steps} steps, dt = ${b.dt_tau_D} τ_D, medians of ${b.repeats} interleaved runs`,
    `  cell_updates_per_s (1 thread, CPU time, ${kernel}): ${formatSI(b.cell_updates_per_s, '/s')}; JavaScript reference kernel ${formatSI(b.cell_updates_per_s_js, '/s')}`,
    b.c_reference
      ? `  C reference (${b.c_reference.compiler}): ${formatSI(b.c_reference.cell_updates_per_s, '/s')}; ${kernel}/C ${b.c_reference.kernel_to_c_ratio} (target ≥ 0.8), JavaScript/C ${b.c_reference.js_to_c_ratio}; same work and flips as the kernel over ${b.c_reference.same_result_steps} steps: ${b.c_reference.same_result}`
      : `  C reference skipped: ${b.c_reference_skipped}`,
    `  ${b.threads} threads (wall time, ${BENCH_REPLICAS_PER_THREAD} replicas each): ${formatSI(b.cell_updates_per_s_threads, '/s')}, speed-up ${b.speedup_threads}× (target ≥ 1.6 on idle cores; load average ${b.load_average_1min}${b.c_reference ? `; ${b.threads} C processes at once: ${b.c_reference.speedup_processes}×` : ''}); identical results on 1 and ${b.threads} threads: ${b.deterministic_across_threads}`,
  ];
}
