/**
 * `limbound bench machine`: cell updates per second (one cell advanced one time step, its couplings
 * included) of the machine kernel on a G-set-sized sparse problem (G22: 2000 cells, 19 990 couplings), on
 * one thread and on several (replicas in parallel), against the same update in plain C
 * (bench/c/machine_ref.c, gcc -O2) when gcc is present. The workload is a coupling ramp λ: 0 → 0.3 on
 * bistable cells E_b(x² − 1)² with E_b = 1 kT; JS and C print the same work and checksum for the same
 * seed, which the benchmark checks (the same update, not merely a similar one). Single-thread rates are per
 * second of process CPU time (JS and C alike); the multi-thread rate is per second of wall time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireNumber } from '../util/errors.js';
import { defaultThreads } from '../sim/parallel.js';
import { gsetFile } from '../solvers/gset.js';
import { readMaxCut } from '../solvers/io/problem-files.js';
import { prepareSetup, runReplica } from './kernel.js';
import { fromMaxCut, type MachineProblem } from './problem.js';
import { buildPhases, cellBarrier, type ProtocolSpec } from './protocol.js';
import { runMachine } from './run.js';

export const BENCH_INSTANCE = 'G22';
export const BENCH_BARRIER_KT = 1;
export const BENCH_LAMBDA = 0.3;
export const BENCH_DT = 0.01;

export interface MachineBenchmark {
  instance: string;
  cells: number;
  couplings: number;
  steps: number;
  dt_tau0: number;
  cell_updates_per_s: number;
  threads: number;
  /** Wall-time rate on `threads` threads (one replica each, worker start-up excluded). */
  cell_updates_per_s_threads: number;
  /** That rate over the one-thread wall-time rate measured alongside (both suffer the machine's load alike). */
  speedup_threads: number;
  /** Same seed, replicas 0..threads−1: identical results on 1 and `threads` threads. */
  deterministic_across_threads: boolean;
  c_reference?: { compiler: string; cell_updates_per_s: number; js_to_c_ratio: number; same_result: boolean };
  c_reference_skipped?: string;
}

export function benchSpec(steps: number): ProtocolSpec {
  const cell = cellBarrier(BENCH_BARRIER_KT);
  const duration = steps * BENCH_DT;
  return {
    times: [0, duration],
    controls: [
      [cell[0], cell[1], cell[2], 0, 1],
      [cell[0], cell[1], cell[2], BENCH_LAMBDA, 1],
    ],
    phases: [{ name: 'ramp', end_tau0: duration }],
    initial: 'wells',
    warmup_tau0: 0,
  };
}

function findC(): string | undefined {
  const candidate = fileURLToPath(new URL('../../bench/c/machine_ref.c', import.meta.url));
  return existsSync(candidate) ? candidate : undefined;
}

function single(p: MachineProblem, steps: number, replica: number): { rate: number; work: number; checksum: number } {
  const built = buildPhases(benchSpec(steps), 0, 0, { dt: BENCH_DT });
  const setup = prepareSetup(p, built);
  // Process CPU time, like the C reference: on a shared machine wall time mostly measures the neighbours.
  const started = process.cpuUsage();
  let checksum = 0;
  const r = runReplica(p, built, setup, 1, replica, {})!;
  const used = process.cpuUsage(started);
  const seconds = (used.user + used.system) / 1e6;
  // The final positions are not kept by the replica result; the work and the read-out signs identify the run.
  for (const s of r.signs) checksum += s;
  return { rate: (p.n * built.steps) / seconds, work: r.phaseWork[0] + r.phaseWork[1], checksum };
}

export async function benchmarkMachine(o: { threads?: number; steps?: number; repeats?: number } = {}): Promise<MachineBenchmark> {
  const threads = requireNumber('threads', o.threads ?? Math.min(2, defaultThreads()), { min: 1, max: 1024, integer: true });
  const steps = requireNumber('steps', o.steps ?? 1500, { min: 10, max: 1e7, integer: true });
  const repeats = requireNumber('repeats', o.repeats ?? 3, { min: 1, integer: true });
  const p = fromMaxCut(readMaxCut(gsetFile(BENCH_INSTANCE)));
  single(p, Math.max(50, steps >> 3), 0); // JIT warm-up
  const source = findC();
  let gcc = false;
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    gcc = source !== undefined;
  } catch {
    gcc = false;
  }
  const dir = gcc ? mkdtempSync(join(tmpdir(), 'limbound-machine-bench-')) : undefined;
  try {
    const binary = dir ? join(dir, 'machine_ref') : '';
    if (dir) execFileSync('gcc', ['-O2', '-o', binary, source!, '-lm']);
    let js = 0;
    let c = 0;
    let same = true;
    let jsWork = NaN;
    for (let r = 0; r < repeats; r++) {
      const s = single(p, steps, 0);
      js = Math.max(js, s.rate);
      jsWork = s.work;
      if (dir) {
        const out = JSON.parse(execFileSync(binary, [gsetFile(BENCH_INSTANCE), String(steps), String(BENCH_DT), String(BENCH_BARRIER_KT), String(BENCH_LAMBDA), '1', '0']).toString());
        c = Math.max(c, Number(out.cell_updates_per_s));
        same = same && Math.abs(Number(out.work_kT) - jsWork) <= 1e-9 * Math.max(1, Math.abs(jsWork));
      }
    }
    // Several threads: one replica per thread, timed from the first message to the last result.
    const request = { problem: p, spec: benchSpec(steps), step: { dt: BENCH_DT }, replicas: threads, seed: 1 };
    let many = 0;
    let oneWall = 0;
    let parallelWork: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const one = await runMachine({ ...request, replicas: 1 }, { threads: 1 });
      oneWall = Math.max(oneWall, (p.n * one.built.steps) / one.compute_time_s);
      const run = await runMachine(request, { threads });
      many = Math.max(many, (threads * p.n * run.built.steps) / run.compute_time_s);
      parallelWork = run.results.map((x) => x.phaseWork[0] + x.phaseWork[1]);
    }
    const sequential = await runMachine(request, { threads: 1 });
    const deterministic = sequential.results.every((x, k) => x.phaseWork[0] + x.phaseWork[1] === parallelWork[k]);
    const result: MachineBenchmark = {
      instance: BENCH_INSTANCE,
      cells: p.n,
      couplings: p.rowPtr[p.n] / 2,
      steps,
      dt_tau0: BENCH_DT,
      cell_updates_per_s: Number(js.toPrecision(4)),
      threads,
      cell_updates_per_s_threads: Number(many.toPrecision(4)),
      speedup_threads: Number((many / oneWall).toPrecision(3)),
      deterministic_across_threads: deterministic,
    };
    if (dir) result.c_reference = { compiler: 'gcc -O2', cell_updates_per_s: Number(c.toPrecision(4)), js_to_c_ratio: Number((js / c).toPrecision(3)), same_result: same };
    else result.c_reference_skipped = source ? 'gcc not found' : 'bench/c/machine_ref.c not found (it ships with the source repository)';
    return result;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
