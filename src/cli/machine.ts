/**
 * `limbound machine qp|maxcut|ising` — the physical optimizer (src/machine): coupled Langevin memory cells
 * that solve a QP (harmonic cells) or an Ising / MAX-CUT problem (bistable cells), with the energy to
 * solution measured by Sekimoto accounting over a full cycle. Times in τ_D = γa²/kT (the simulator's unit,
 * converted to seconds by --tau0-s), energies in kT and J.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K } from '../physics/constants.js';
import { formatCount, formatSI } from '../util/format.js';
import { defaultThreads } from '../sim/parallel.js';
import { bestKnownFor } from '../solvers/gset.js';
import { readIsingInput, readMaxCut, readBoxQP } from '../solvers/io/problem-files.js';
import { generateBoxQP } from '../solvers/qp/generate.js';
import { InputError, requireNumber } from '../util/errors.js';
import { parseQuantity } from '../model/units.js';
import { ISING_BUDGET_PER_REPLICA, ISING_OPTION_DEFAULTS, runQP, runIsingMachine, type MachineOptions, type MachineWork } from '../machine/solve.js';
import { MEMORY_SCHEDULES, QP_PROTOCOLS, type MemorySchedule, type QPProtocol } from '../machine/schedules.js';
import { MAX_WALL, MIN_WALL } from '../machine/protocol.js';
import { fromBoxQP } from '../machine/problem.js';
import { interruptSignal } from './interrupt.js';
import { parseCount, printJson, emit } from './output.js';
import { createProgress } from './progress.js';
import { addMaxWorkOption, checkWork } from './work.js';

type Options = Record<string, string | boolean | undefined>;

const num = (field: string, value: unknown): number => {
  if (typeof value !== 'string') throw new InputError(field, 'is required');
  return parseCount(field, value);
};
const optionalNum = (field: string, value: unknown): number | undefined => (value === undefined ? undefined : num(field, value));

/** Option defaults of the machine commands, shared with `report --machine` (which runs them as given). */
export const MACHINE_DEFAULTS = {
  seed: '1',
  temperatureK: String(DEFAULT_TEMPERATURE_K),
  tau0S: String(DEFAULT_TAU0_S),
  qp: { replicas: '200', protocol: 'field-ramp' },
  ising: {
    replicas: String(ISING_OPTION_DEFAULTS.replicas),
    memory: 'lim',
    lambdaMax: String(ISING_OPTION_DEFAULTS.lambda_max),
    retentionBarrier: String(ISING_OPTION_DEFAULTS.retention_barrier_kT),
    lowBarrier: String(ISING_OPTION_DEFAULTS.low_barrier_kT),
    wall: String(ISING_OPTION_DEFAULTS.wall),
    budget: ISING_BUDGET_PER_REPLICA.toExponential().replace('e+', 'e'),
    polish: true,
  },
} as const;

/**
 * Nominal machine-kernel throughput on one core, coupling-updates per second (steps × (2·couplings +
 * 8·cells)), WebAssembly kernel: a default G-set run (2 replicas × 2e10) took 28 s of CPU on the shared
 * 2-core machine, 1.4e9 per second.
 */
const MACHINE_UPDATES_PER_S = 1.5e9;
/** Default run-size limit: about an hour of one core at the nominal throughput. */
const MACHINE_WORK_LIMIT = 5.4e12;

/** Refuses a run above --max-work, in the shared one-line form that says how long it would take. */
function workCheck(opts: Options): (w: MachineWork) => void {
  return (w) => {
    const detail = `${formatCount(w.replicas)} replicas × ${formatCount(w.steps)} steps × ${formatCount(w.per_step)} coupling-updates per step`;
    checkWork({ units: w.coupling_updates, unit: 'coupling-updates', detail, perSecond: MACHINE_UPDATES_PER_S, defaultLimit: MACHINE_WORK_LIMIT }, opts.maxWork);
  };
}

function common(cmd: Command, replicas: string): Command {
  return addMaxWorkOption(cmd, 'coupling-updates (replicas × steps × (2·couplings + 8·cells))', MACHINE_WORK_LIMIT)
    .option('--duration <tau_D>', 'anneal (ramp) time in τ_D, the time unit γa²/kT (Ising/MAX-CUT default: from --budget; QP: 10/λ_min)')
    .option('--dt <tau_D>', 'one time step in τ_D for every phase (default: automatic per phase, ratio / |H″|max, refused when unstable)')
    .option('--replicas <n>', 'independent replicas (trajectories)', replicas)
    .option('--seed <s>', 'random seed; the same seed gives the same output on any number of threads', MACHINE_DEFAULTS.seed)
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--temperature-K <K>', 'temperature for the conversion to joules, K (e.g. 300 or "77 K")', MACHINE_DEFAULTS.temperatureK)
    .option('--tau0-s <s>', 'the time unit τ_D = γa²/kT in seconds, as for simulate (not the Arrhenius attempt time τ0; docs/model.md §2.2 relates the two), e.g. 1e-9 or "1 ns"', MACHINE_DEFAULTS.tau0S)
    .option('--json', 'print one JSON document');
}

function machineOptions(opts: Options): MachineOptions {
  return {
    replicas: requireNumber('replicas', num('replicas', opts.replicas), { min: 1, max: 1e6, integer: true }),
    seed: requireNumber('seed', num('seed', opts.seed), { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
    threads: requireNumber('threads', opts.threads === undefined ? defaultThreads() : num('threads', opts.threads), { min: 1, max: 1024, integer: true }),
    checkWork: workCheck(opts),
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
    `  time to solution ${f4(doc.time_to_solution_tau_D)} τ_D = ${formatSI(Number(doc.time_to_solution_s), 's')}`,
  ];
  for (const p of w.phases as Array<Record<string, unknown>>) {
    lines.push(`    ${String(p.phase).padEnd(12)} ${f4(p.duration_tau_D)} τ_D, ${p.steps} steps: barrier ${f4(p.barrier_work_kT)} ± ${f4(p.barrier_work_stderr_kT)} kT, coupling ${f4(p.coupling_work_kT)} ± ${f4(p.coupling_work_stderr_kT)} kT`);
  }
  if (doc.interrupted) lines.push(`  interrupted: ${doc.replicas_completed} replicas finished and kept`);
  return lines;
}

interface RunHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** `machine qp FILE | --generate N` as a result document (the options as commander gives them). */
export async function machineQPDocument(file: string | undefined, opts: Options, hooks: RunHooks = {}): Promise<Record<string, unknown>> {
  if ((file === undefined) === (opts.generate === undefined)) throw new InputError('file', 'give a QP file or --generate N (one of them)');
  const qp = file !== undefined ? readBoxQP(file, { optionalBounds: true, skipConvexity: true }) : generateBoxQP(num('generate', opts.generate), { seed: num('seed', opts.seed) });
  const protocol = String(opts.protocol) as QPProtocol;
  if (!QP_PROTOCOLS.includes(protocol)) throw new InputError('protocol', `unknown QP protocol '${protocol}' (allowed: ${QP_PROTOCOLS.join(', ')})`);
  const o = machineOptions(opts);
  return runQP(fromBoxQP(qp), { ...o, protocol, readout_tau0: optionalNum('readout', opts.readout), ...hooks, source: file ?? `generated n=${qp.n} seed=${o.seed}` });
}

/** `machine maxcut|ising FILE` as a result document (the options as commander gives them). */
export async function machineIsingDocument(name: 'maxcut' | 'ising', file: string, opts: Options, hooks: RunHooks = {}): Promise<Record<string, unknown>> {
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
  return runIsingMachine(ising, {
    ...o,
    maxcut,
    memory,
    lambda_max: num('lambda-max', opts.lambdaMax),
    retention_barrier_kT: num('retention-barrier', opts.retentionBarrier),
    low_barrier_kT: num('low-barrier', opts.lowBarrier),
    // The range is checked with the protocol, as for a schedule file's "wall".
    wall: opts.wall === 'none' ? undefined : num('wall', opts.wall),
    polish: opts.polish !== false,
    budget: requireNumber('budget', num('budget', opts.budget), { min: 1e3, max: 1e13 }),
    best_known_cut: bestKnown,
    ...hooks,
    source: file,
  });
}

export function registerMachine(program: Command): void {
  const machine = program.command('machine').description('the physical optimizer: coupled Langevin memory cells solving a QP or Ising/MAX-CUT, energy measured by Sekimoto accounting');

  common(
    machine
      .command('qp')
      .description('thermodynamic linear algebra: harmonic cells, H = ½xᵀQx + s(t)·bᵀx; the time average solves Qx = −b')
      .argument('[file]', 'QP JSON file as for `solve qp` (Q, b; bounds optional and ignored)')
      .option('--generate <n>', 'a random positive definite QP of n variables (as `solve generate-qp`)')
      .option('--protocol <p>', `${QP_PROTOCOLS.join(' | ')}`, MACHINE_DEFAULTS.qp.protocol)
      .option('--readout <tau_D>', 'read-out (time-average) window in τ_D (default: the duration)'),
    MACHINE_DEFAULTS.qp.replicas,
  ).action(async (file: string | undefined, opts: Options) => {
    const doc = await withInterrupt('machine qp', (signal, onProgress) => machineQPDocument(file, opts, { signal, onProgress }));
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
        .option('--memory <schedule>', `${MEMORY_SCHEDULES.join(' | ')} | a schedule JSON file ({"knots": [{t (τ_D), barrier_kT, lambda}, …]})`, MACHINE_DEFAULTS.ising.memory)
        .option('--lambda-max <x>', 'final coupling scale, in units of 1/(RMS coupling field of a random state)', MACHINE_DEFAULTS.ising.lambdaMax)
        .option('--retention-barrier <kT>', 'retention barrier the solution is consolidated to (≈ 40 kT: a 10-year mean lifetime at the Arrhenius attempt time τ0 = 1 ns)', MACHINE_DEFAULTS.ising.retentionBarrier)
        .option('--low-barrier <kT>', 'barrier while the coupling anneals (lim)', MACHINE_DEFAULTS.ising.lowBarrier)
        .option('--wall <x>', `reflecting walls at ±x, in units of the well position (${MIN_WALL}–${MAX_WALL}), or none; at 1 the wells sit on the walls and every cell's amplitude is the same (a schedule file sets its own "wall")`, MACHINE_DEFAULTS.ising.wall)
        .option('--no-polish', 'no greedy one-flip polish of the read-out')
        .option('--best-known <cut>', 'best-known cut for the quality ratio (G-set files: looked up)')
        .option('--budget <updates>', 'coupling-updates per replica that set the default anneal time (steps × (2·couplings + 8·cells))', MACHINE_DEFAULTS.ising.budget),
      MACHINE_DEFAULTS.ising.replicas,
    ).action(async (file: string, opts: Options) => {
      const doc = await withInterrupt(`machine ${name}`, (signal, onProgress) => machineIsingDocument(name, file, opts, { signal, onProgress }));
      output(doc, opts, () =>
        [
          `machine ${name} (${file}): n = ${doc.n}, memory ${doc.memory}, ${doc.wall_position_a === null ? 'no walls' : `walls at ±${doc.wall_position_a}`}, ${doc.replicas_completed} replicas, seed ${doc.seed}`,
          doc.mode === 'maxcut'
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
    .option('--steps <n>', 'time steps per timed replica', '15000')
    .option('--json', 'print one JSON document')
    .action(async (opts: Options) => {
      const { benchmarkMachine, benchmarkLines } = await import('../machine/benchmark.js');
      const b = await benchmarkMachine({ threads: optionalNum('threads', opts.threads), steps: num('steps', opts.steps) });
      if (opts.json) printJson(b);
      else emit(benchmarkLines(b).join('\n'));
    });
}
