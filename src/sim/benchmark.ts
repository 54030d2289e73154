/**
 * Throughput of the double-well kernel with work accounting (particle-steps per second), in one thread and
 * on all threads, and — when gcc and the C reference (bench/c/sim_doublewell.c) are at hand — the same
 * kernel compiled from plain C, for the ratio the project promises (JS ≥ ½ of C, single thread).
 * The workload is the Landauer erasure protocol (E_s = 12 kT, tilt 3 kT/a, 10 τ0, dt = 2·10⁻⁴ τ0).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireNumber } from '../util/errors.js';
import { runEnsemble, WorkerPool, defaultThreads } from './parallel.js';
import { buildProtocol, type EraseSpec } from './protocols.js';

export const BENCH_SPEC: EraseSpec = { protocol: 'erase', barrier_kT: 12, tilt_kT_per_a: 3, duration_tau0: 10 };
export const BENCH_DT = 2e-4;

export interface SimBenchmark {
  kernel: string;
  steps: number;
  dt_tau0: number;
  threads: number;
  particles_single_thread: number;
  particles_all_threads: number;
  particle_steps_per_s_single_thread: number;
  particle_steps_per_s_all_threads: number;
  /** all-thread throughput / (threads × single-thread throughput). */
  scaling_efficiency: number;
  c_reference?: {
    source: string;
    compiler: string;
    particle_steps_per_s: number;
    js_to_c_ratio: number;
    native_compiler: string;
    native_particle_steps_per_s: number;
    js_to_native_ratio: number;
  };
  c_reference_skipped?: string;
}

export interface SimBenchmarkOptions {
  threads?: number;
  /** Particles per thread (single-thread run; the all-thread run uses this × threads × 2). */
  particles?: number;
  repeats?: number;
  /** Path of the C reference; default bench/c/sim_doublewell.c found above this module. */
  cSource?: string;
}

/** Finds bench/c/sim_doublewell.c from src/sim or dist/sim (two levels up is the package root). */
export function findCReference(): string | undefined {
  const candidate = fileURLToPath(new URL('../../bench/c/sim_doublewell.c', import.meta.url));
  return existsSync(candidate) ? candidate : undefined;
}

function hasGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function timeRun(particles: number, threads: number, pool?: WorkerPool): Promise<number> {
  const started = process.hrtime.bigint();
  const ensemble = await runEnsemble({ spec: BENCH_SPEC, dt: BENCH_DT, particles, seed: 1 }, { threads, pool });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (particles * ensemble.protocol.steps) / seconds;
}

function runC(binary: string, particles: number): number {
  const out = execFileSync(binary, [String(particles), String(BENCH_SPEC.duration_tau0), String(BENCH_DT), '1', String(BENCH_SPEC.barrier_kT), String(BENCH_SPEC.tilt_kT_per_a)]);
  return Number(JSON.parse(out.toString()).particle_steps_per_s);
}

export async function benchmarkSimulator(options: SimBenchmarkOptions = {}): Promise<SimBenchmark> {
  const threads = requireNumber('threads', options.threads ?? defaultThreads(), { min: 1, max: 1024, integer: true });
  const particles = requireNumber('particles', options.particles ?? 512, { min: 1, integer: true });
  const repeats = requireNumber('repeats', options.repeats ?? 3, { min: 1, integer: true });
  const source = options.cSource ?? findCReference();
  const gcc = source !== undefined && hasGcc();
  const dir = gcc ? mkdtempSync(join(tmpdir(), 'limbound-sim-bench-')) : undefined;
  try {
    const plain = dir ? join(dir, 'sim_O2') : '';
    const native = dir ? join(dir, 'sim_native') : '';
    if (dir && source) {
      execFileSync('gcc', ['-O2', '-o', plain, source, '-lm']);
      execFileSync('gcc', ['-O3', '-march=native', '-o', native, source, '-lm']);
    }
    // Single thread, in this thread; the first run warms up the JIT. JS and C runs alternate so that a
    // change in machine load affects both alike; each keeps its best run.
    await timeRun(Math.max(64, particles >> 2), 1);
    let single = 0;
    let c = 0;
    let cNative = 0;
    for (let r = 0; r < repeats; r++) {
      single = Math.max(single, await timeRun(particles, 1));
      if (dir) {
        c = Math.max(c, runC(plain, particles));
        cNative = Math.max(cNative, runC(native, particles));
      }
    }
    // All threads on a warm pool (worker start-up is not kernel throughput).
    const many = particles * threads * 2;
    let all = single;
    if (threads > 1) {
      const pool = new WorkerPool(threads);
      try {
        await timeRun(64 * threads, threads, pool);
        all = 0;
        for (let r = 0; r < repeats; r++) all = Math.max(all, await timeRun(many, threads, pool));
      } finally {
        await pool.close();
      }
    }
    const result: SimBenchmark = {
      kernel: 'quartic double well E_s(x² − s)² − f·x, Euler–Maruyama + Sekimoto work + transition counting (erase protocol)',
      steps: buildProtocol(BENCH_SPEC, BENCH_DT).steps,
      dt_tau0: BENCH_DT,
      threads,
      particles_single_thread: particles,
      particles_all_threads: threads > 1 ? many : particles,
      particle_steps_per_s_single_thread: single,
      particle_steps_per_s_all_threads: all,
      scaling_efficiency: all / (threads * single),
    };
    if (dir && source) {
      result.c_reference = {
        source,
        compiler: 'gcc -O2',
        particle_steps_per_s: c,
        js_to_c_ratio: single / c,
        native_compiler: 'gcc -O3 -march=native',
        native_particle_steps_per_s: cNative,
        js_to_native_ratio: single / cNative,
      };
    } else {
      result.c_reference_skipped = source ? 'gcc not found' : 'bench/c/sim_doublewell.c not found (it ships with the source repository)';
    }
    return result;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
