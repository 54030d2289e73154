/**
 * `limbound machine qp|maxcut|ising` — the physical optimizer (src/machine): coupled Langevin memory cells
 * that solve a QP (harmonic cells) or an Ising / MAX-CUT problem (bistable cells), with the energy to
 * solution measured by Sekimoto accounting over a full cycle. Times in τ0, energies in kT and J.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K } from '../physics/constants.js';
import { formatSI } from '../report/format.js';
import { defaultThreads } from '../sim/parallel.js';
import { bestKnownFor } from '../solvers/gset.js';
import { readIsingInput, readMaxCut, readBoxQP } from '../solvers/io/problem-files.js';
import { generateBoxQP } from '../solvers/qp/generate.js';
import { InputError, requireNumber } from '../util/errors.js';
import { parseQuantity } from '../model/units.js';
import { runQP, runIsingMachine, type MachineOptions } from '../machine/solve.js';
import { MEMORY_SCHEDULES, QP_PROTOCOLS, type MemorySchedule, type QPProtocol } from '../machine/schedules.js';
import { fromBoxQP } from '../machine/problem.js';
import { interruptSignal } from './interrupt.js';
import { parseCount, printJson, emit } from './output.js';
import { createProgress } from './progress.js';

type Options = Record<string, string | boolean | undefined>;

const num = (field: string, value: unknown): number => {
  if (typeof value !== 'string') throw new InputError(field, 'is required');
  return parseCount(field, value);
};
const optionalNum = (field: string, value: unknown): number | undefined => (value === undefined ? undefined : num(field, value));

function common(cmd: Command, replicas: string): Command {
  return cmd
    .option('--duration <tau0>', 'anneal (ramp) time in τ0 (Ising/MAX-CUT default: from --budget; QP: 10/λ_min)')
    .option('--dt <tau0>', 'one time step for every phase (default: automatic per phase, ratio / |H″|max, refused when unstable)')
    .option('--replicas <n>', 'independent replicas (trajectories)', replicas)
    .option('--seed <s>', 'random seed; the same seed gives the same output on any number of threads', '1')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--temperature-K <K>', 'temperature for the conversion to joules, K (e.g. 300 or "77 K")', String(DEFAULT_TEMPERATURE_K))
    .option('--tau0-s <s>', 'the time unit γa²/kT in seconds, as for simulate (docs/model.md §2.2 relates it to the Arrhenius attempt time), e.g. 1e-9 or "1 ns"', String(DEFAULT_TAU0_S))
    .option('--json', 'print one JSON document');
}

function machineOptions(opts: Options): MachineOptions {
  return {
    replicas: requireNumber('replicas', num('replicas', opts.replicas), { min: 1, max: 1e6, integer: true }),
    seed: requireNumber('seed', num('seed', opts.seed), { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
    threads: requireNumber('threads', opts.threads === undefined ? defaultThreads() : num('threads', opts.threads), { min: 1, max: 1024, integer: true }),
    dt: optionalNum('dt', opts.dt),
    duration_tau0: optionalNum('duration', opts.duration),
    units: {
      temperature_K: requireNumber('temperature-K', parseQuantity('temperature-K', opts.temperatureK, 'temperature'), { min: 0, minExclusive: true, max: 1e4 }),
      tau0_s: requireNumber('tau0-s', parseQuantity('tau0-s', opts.tau0S, 'time'), { min: 0, minExclusive: true, max: 1 }),
    },
  };
}

async function withInterrupt<T>(label: string, work: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const interrupt = interruptSignal();
  let bar: ReturnType<typeof createProgress> | undefined;
  try {
    return await work(interrupt.signal, (done, total) => {
      bar ??= createProgress(label, total);
      bar.update(done);
    });
  } finally {
    bar?.finish();
    interrupt.dispose();
  }
}

function output(doc: Record<string, unknown>, opts: Options, text: () => string): void {
  if (opts.json) printJson(doc);
  else emit(text());
}

const f4 = (x: unknown) => (typeof x === 'number' ? Number(x.toPrecision(4)).toString() : String(x));

function workLines(doc: Record<string, unknown>): string[] {
  const w = doc.work as Record<string, unknown>;
  const lines = [
    `  anneal work      ${f4(w.mean_work_kT)} ± ${f4(w.stderr_work_kT)} kT`,
    `  cycle work       ${f4(w.cycle_work_kT)} ± ${f4(w.cycle_work_stderr_kT)} kT  (barrier ${f4(w.cycle_barrier_work_kT)}, coupling ${f4(w.cycle_coupling_work_kT)})  = ${formatSI(Number(doc.energy_to_solution_J), 'J')}`,
    `  Landauer cost    ${f4(doc.landauer_cost_kT)} kT; second law (cycle work ≥ −3 SE): ${w.second_law_holds ? 'holds' : 'VIOLATED'}`,
    `  time to solution ${f4(doc.time_to_solution_tau0)} τ0 = ${formatSI(Number(doc.time_to_solution_s), 's')}`,
  ];
  for (const p of w.phases as Array<Record<string, unknown>>) {
    lines.push(`    ${String(p.phase).padEnd(12)} ${f4(p.duration_tau0)} τ0, ${p.steps} steps: barrier ${f4(p.barrier_work_kT)} ± ${f4(p.barrier_work_stderr_kT)} kT, coupling ${f4(p.coupling_work_kT)} ± ${f4(p.coupling_work_stderr_kT)} kT`);
  }
  if (doc.interrupted) lines.push(`  interrupted: ${doc.replicas_completed} replicas finished and kept`);
  return lines;
}

export function registerMachine(program: Command): void {
  const machine = program.command('machine').description('the physical optimizer: coupled Langevin memory cells solving a QP or Ising/MAX-CUT, energy measured by Sekimoto accounting');

  common(
    machine
      .command('qp')
      .description('thermodynamic linear algebra: harmonic cells, H = ½xᵀQx + s(t)·bᵀx; the time average solves Qx = −b')
      .argument('[file]', 'QP JSON file as for `solve qp` (Q, b; bounds optional and ignored)')
      .option('--generate <n>', 'a random positive definite QP of n variables (as `solve generate-qp`)')
      .option('--protocol <p>', `${QP_PROTOCOLS.join(' | ')}`, 'field-ramp')
      .option('--readout <tau0>', 'read-out (time-average) window in τ0 (default: the duration)'),
    '200',
  ).action(async (file: string | undefined, opts: Options) => {
    if ((file === undefined) === (opts.generate === undefined)) throw new InputError('file', 'give a QP file or --generate N (one of them)');
    const qp = file !== undefined ? readBoxQP(file, { optionalBounds: true, skipConvexity: true }) : generateBoxQP(num('generate', opts.generate), { seed: num('seed', opts.seed) });
    const protocol = String(opts.protocol) as QPProtocol;
    if (!QP_PROTOCOLS.includes(protocol)) throw new InputError('protocol', `unknown QP protocol '${protocol}' (allowed: ${QP_PROTOCOLS.join(', ')})`);
    const o = machineOptions(opts);
    const doc = await withInterrupt('machine qp', (signal, onProgress) =>
      runQP(fromBoxQP(qp), { ...o, protocol, readout_tau0: optionalNum('readout', opts.readout), signal, onProgress, source: file ?? `generated n=${qp.n} seed=${o.seed}` }),
    );
    output(doc, opts, () =>
      [
        `machine qp (${doc.source}): n = ${doc.n}, protocol ${doc.protocol}, ${doc.replicas_completed} replicas, seed ${doc.seed}`,
        `  error ‖x̄ − x*‖∞  ${f4(doc.error_inf)} (${f4(doc.bits_of_precision)} bits of precision)`,
        ...workLines(doc),
      ].join('\n'),
    );
  });

  const isingCommand = (name: 'maxcut' | 'ising', description: string, argument: string) =>
    common(
      machine
        .command(name)
        .description(description)
        .argument('<file>', argument)
        .option('--memory <schedule>', `${MEMORY_SCHEDULES.join(' | ')} | a schedule JSON file ({"knots": [{t, barrier_kT, lambda}, …]})`, 'lim')
        .option('--lambda-max <x>', 'final coupling scale, in units of 1/(RMS coupling field of a random state)', '3')
        .option('--retention-barrier <kT>', 'retention barrier the solution is consolidated to (≈ 40 kT: 10 years at τ0 = 1 ns)', '40')
        .option('--low-barrier <kT>', 'barrier while the coupling anneals (lim)', '1')
        .option('--no-polish', 'no greedy one-flip polish of the read-out')
        .option('--best-known <cut>', 'best-known cut for the quality ratio (G-set files: looked up)')
        .option('--budget <updates>', 'coupling-updates per replica that set the default anneal time (steps × (2·couplings + 8·cells))', '8e9'),
      '2',
    ).action(async (file: string, opts: Options) => {
      const input = name === 'maxcut' ? { kind: 'maxcut' as const, maxcut: readMaxCut(file) } : readIsingInput(file);
      const maxcut = input.kind === 'maxcut' ? input.maxcut : undefined;
      const ising = maxcut ? maxcut.ising : (input as { ising: import('../solvers/ising/problem.js').IsingProblem }).ising;
      const memoryText = String(opts.memory);
      let memory: MemorySchedule | { file: string; doc: unknown };
      if ((MEMORY_SCHEDULES as readonly string[]).includes(memoryText)) memory = memoryText as MemorySchedule;
      else {
        let text: string;
        try {
          text = readFileSync(memoryText, 'utf8');
        } catch {
          throw new InputError('memory', `'${memoryText}' is neither a schedule (${MEMORY_SCHEDULES.join(', ')}) nor a readable schedule file`);
        }
        try {
          memory = { file: memoryText, doc: JSON.parse(text) };
        } catch (err) {
          throw new InputError('memory', `${memoryText}: not valid JSON (${(err as Error).message})`);
        }
      }
      const o = machineOptions(opts);
      const bestKnown = opts.bestKnown !== undefined ? num('best-known', opts.bestKnown) : maxcut ? bestKnownFor(file, maxcut.graph.n, maxcut.graph.w.length)?.best_known_cut : undefined;
      const doc = await withInterrupt(`machine ${name}`, (signal, onProgress) =>
        runIsingMachine(ising, {
          ...o,
          maxcut,
          memory,
          lambda_max: num('lambda-max', opts.lambdaMax),
          retention_barrier_kT: num('retention-barrier', opts.retentionBarrier),
          low_barrier_kT: num('low-barrier', opts.lowBarrier),
          polish: opts.polish !== false,
          budget: requireNumber('budget', num('budget', opts.budget), { min: 1e3, max: 1e13 }),
          best_known_cut: bestKnown,
          signal,
          onProgress,
          source: file,
        }),
      );
      output(doc, opts, () =>
        [
          `machine ${name} (${file}): n = ${doc.n}, memory ${doc.memory}, ${doc.replicas_completed} replicas, seed ${doc.seed}`,
          maxcut
            ? `  cut ${doc.cut} (unpolished ${doc.cut_unpolished}${doc.ratio !== undefined ? `; ratio to best-known ${f4(doc.ratio)}` : ''}), ${doc.readout}`
            : `  energy ${f4(doc.energy)} (unpolished ${f4(doc.energy_unpolished)}), ${doc.readout}`,
          ...workLines(doc),
        ].join('\n'),
      );
    });

  isingCommand('maxcut', 'MAX-CUT of a G-set / rudy edge list on bistable cells (J = w), annealed coupling, memory schedule', 'edge-list file');
  isingCommand('ising', 'an Ising or QUBO problem (as for `solve ising`) on bistable cells', 'problem file');
}

export function registerBenchMachine(bench: Command): void {
  bench
    .command('machine')
    .description('cell updates per second of the machine kernel on G22 (1 thread, several threads, C reference)')
    .option('--threads <n>', 'threads for the parallel run (default: min(2, cores))')
    .option('--steps <n>', 'time steps per replica', '3000')
    .option('--json', 'print one JSON document')
    .action(async (opts: Options) => {
      const { benchmarkMachine, benchmarkLines } = await import('../machine/benchmark.js');
      const b = await benchmarkMachine({ threads: optionalNum('threads', opts.threads), steps: num('steps', opts.steps) });
      if (opts.json) printJson(b);
      else emit(benchmarkLines(b).join('\n'));
    });
}
