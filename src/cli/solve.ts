/**
 * `limbound solve …`: the optimizers with an energy ledger (src/solvers), and `limbound bench anneal`.
 *
 *   solve maxcut FILE   anneal a G-set / rudy MAX-CUT instance
 *   solve ising FILE    anneal an Ising or QUBO problem (JSON or edge list)
 *   solve qp FILE       box-constrained convex QP in an N-bit fixed-point memory
 *   solve bench-gset    the G-set benchmark table (docs/benchmarks.md)
 */
import { Option, type Command } from 'commander';
import { formatCount, formatSI } from '../util/format.js';
import { renderTable } from '../report/table.js';
import { InputError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { assertFiniteResult } from '../util/finite.js';
import { sanitize } from '../util/text.js';
import { checkWork, MAX_WORK_FLAG } from './work.js';
import { createProgress } from './progress.js';
import { interruptSignal } from './interrupt.js';
import { parseCount, printJson } from './output.js';
import {
  anneal,
  bestKnownFor,
  boxQPToJson,
  generateBoxQP,
  extrapolatedLaw,
  formatFromName,
  GSET_ATTEMPT_BUDGET,
  GSET_BENCHMARK,
  gsetMarkdownTable,
  ISING_FORMATS,
  MAX_QP_VARIABLES,
  minimiserIsUnique,
  objectiveGapReport,
  parseInstanceList,
  precisionReport,
  priceRun,
  QP_METHODS,
  readBoxQP,
  REFERENCE_KKT_TOLERANCE,
  readIsingInput,
  runAnnealBench,
  runGsetInstance,
  SCHEDULE_KINDS,
  solveBoxQPReference,
  solveMaxCut,
  solveQP,
  summarizeGset,
  qpObjective,
  type AnnealOptions,
  type AnnealResult,
  type GsetInstanceResult,
  type IsingFormat,
  type LedgerTrace,
  type ParadigmEnergy,
  type QPMethod,
  type ScheduleKind,
  type SolverPricingOptions,
} from '../solvers/index.js';
import type { Precision } from '../data/index.js';
import { parseQuantity } from '../model/units.js';

/** Largest budget of flip attempts per run when --sweeps is not given (≈1–2 s on one core). */
const AUTO_ATTEMPTS = 2e8;
/** Below the cap the budget grows as 1000·n² (1000·n sweeps): a 4-spin example finishes at once, G-set keeps the cap. */
const AUTO_SWEEPS_PER_SPIN = 1000;

/** Sweeps per restart when --sweeps is not given: 1000·n, at most 2e8 flip attempts over all restarts. */
export function defaultSweeps(n: number, restarts: number): number {
  const attempts = Math.min(AUTO_ATTEMPTS, AUTO_SWEEPS_PER_SPIN * n * n);
  return Math.max(1, Math.round(attempts / (n * Math.max(1, restarts))));
}

type Opts = Record<string, unknown>;

function positiveNumber(flag: string, text: string): number {
  const value = parseQuantity(flag, text, 'count');
  if (!(value > 0) || !Number.isFinite(value)) throw new InputError(flag, `must be a positive number, got '${sanitize(text)}'`);
  return value;
}

function num(opts: Opts, key: string, flag: string): number | undefined {
  const v = opts[key];
  return v === undefined ? undefined : parseCount(flag, String(v));
}

function addPricingOptions(cmd: Command): Command {
  return cmd
    .option('--temperature-K <K>', 'temperature of the priced hardware in K (default 300)')
    .option('--ambient-K <K>', 'ambient the heat is rejected to; below it every row carries Carnot cooling (default 300)')
    .option('--accelerator <id>', 'accelerator of the von Neumann accelerator row (default h100)')
    .option('--accelerator-precision <p>', 'precision of the accelerator row (default fp32)')
    .option('--lim-device <id>', 'device of the LIM device row (default fn-dam)')
    .option('--device <id>', 'device of the CIM device row (default rram)')
    .option('--trace', 'include the per-iteration ledger trace in --json output')
    .option('--json', 'print one JSON document');
}

function pricingOptions(opts: Opts): SolverPricingOptions {
  return {
    temperature_K: num(opts, 'temperatureK', '--temperature-K'),
    ambient_K: num(opts, 'ambientK', '--ambient-K'),
    accelerator: opts.accelerator as string | undefined,
    accelerator_precision: opts.acceleratorPrecision as Precision | undefined,
    lim_device: opts.limDevice as string | undefined,
    device: opts.device as string | undefined,
  };
}

function addAnnealOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--schedule <kind>', 'annealing schedule').choices([...SCHEDULE_KINDS]).default('geometric'))
    .option('--sweeps <S>', `sweeps per restart (default: ${AUTO_SWEEPS_PER_SPIN}·n / restarts, at most ${formatSI(AUTO_ATTEMPTS, '')} flip attempts in all)`)
    .option('--restarts <R>', 'independent restarts; the best is kept', '1')
    .option('--seed <S>', 'random seed (same seed, same result)', '1')
    .option('--t0 <T>', 'start temperature (default from the local-field distribution)')
    .option('--t1 <T>', 'end temperature (default from the smallest coupling)')
    .option('--tau0-sweeps <tau>', 'lim schedule: memory attempt time τ0 in sweeps (default fitted to span t0 → t1)')
    .option('--hajek-c <c>', 'log schedule: Hajek constant c in T = c/ln(1+t) (default t1·ln(1+S))')
    .option('--no-polish', 'skip the final greedy 1-flip descent')
    .option('--time-s <T>', 'time to solution of the priced hardware in s (default sweeps × --sweep-time-s)')
    .option('--sweep-time-s <t>', 'time per sweep of the priced hardware in s (default 1e-6, assumed)')
    .option(`${MAX_WORK_FLAG} <n>`, `refuse runs above this many flip attempts (default ${ANNEAL_WORK_LIMIT.toExponential()}; the refusal says the estimated time)`);
}

/** Nominal annealer throughput, flip attempts per second on one core (limbound bench anneal). */
const FLIPS_PER_S = 1e8;
/** Default run-size limit: about an hour at the nominal throughput. */
const ANNEAL_WORK_LIMIT = 3.6e11;

/** Refuses an annealing run (n spins × sweeps × restarts flip attempts) above --max-work. */
function checkAnnealWork(n: number, o: AnnealOptions, opts: Opts): void {
  const detail = `${formatCount(n)} spins × ${formatCount(o.sweeps!)} sweeps × ${formatCount(o.restarts!)} restarts`;
  checkWork({ units: n * o.sweeps! * o.restarts!, unit: 'flip attempts', detail, perSecond: FLIPS_PER_S, defaultLimit: ANNEAL_WORK_LIMIT }, opts.maxWork);
}

/** Nominal projected-gradient throughput, multiply-adds per second on one core (a CSR product in typed arrays). */
const QP_MULTIPLY_ADDS_PER_S = 1e9;
/** Default run-size limit: about an hour at the nominal throughput. */
const QP_WORK_LIMIT = 3.6e12;

/** Refuses a QP run whose iteration cap allows more than --max-work multiply-adds (one product by Q and the projection per iteration). */
function checkQPWork(n: number, nonzeros: number, maxIterations: number, opts: Opts): void {
  const detail = `up to ${formatCount(maxIterations)} iterations (--max-iterations) × ${formatCount(nonzeros + n)} multiply-adds`;
  checkWork({ units: maxIterations * (nonzeros + n), unit: 'multiply-adds', detail, perSecond: QP_MULTIPLY_ADDS_PER_S, defaultLimit: QP_WORK_LIMIT }, opts.maxWork);
}

function annealOptions(opts: Opts, n: number): AnnealOptions {
  const restarts = num(opts, 'restarts', '--restarts') ?? 1;
  const sweeps = num(opts, 'sweeps', '--sweeps') ?? defaultSweeps(n, restarts);
  return {
    schedule: opts.schedule as ScheduleKind,
    sweeps,
    restarts,
    seed: num(opts, 'seed', '--seed'),
    t0: num(opts, 't0', '--t0'),
    t1: num(opts, 't1', '--t1'),
    tau0_sweeps: num(opts, 'tau0Sweeps', '--tau0-sweeps'),
    hajek_c: num(opts, 'hajekC', '--hajek-c'),
    polish: opts.polish !== false,
    time_s: num(opts, 'timeS', '--time-s'),
    sweep_time_s: num(opts, 'sweepTimeS', '--sweep-time-s'),
  };
}

/** The run priced per paradigm, refused (one line) if any energy is not finite and ≥ 0. */
function checkedPrices(counts: Parameters<typeof priceRun>[0], pricing: SolverPricingOptions): ParadigmEnergy[] {
  const rows = priceRun(counts, pricing);
  assertFiniteResult({ counts, paradigms: rows.map(({ orders_above_floor: _orders, ...rest }) => rest) });
  return rows;
}

/** Runs a long job with progress on a TTY and Ctrl-C keeping the best so far. */
async function withInterrupt<T>(label: string, total: number, job: (signal: AbortSignal, progress: (done: number) => void) => Promise<T>): Promise<T> {
  const intr = interruptSignal();
  const progress = createProgress(label, total);
  try {
    return await job(intr.signal, (d) => progress.update(d));
  } finally {
    progress.finish();
    intr.dispose();
  }
}

function paradigmTable(rows: ParadigmEnergy[]): string {
  return renderTable(rows, [
    { header: 'paradigm', value: (r) => r.label },
    { header: 'kind', value: (r) => r.kind },
    { header: 'energy', value: (r) => formatSI(r.energy_J, 'J'), align: 'right' },
    { header: 'memory', value: (r) => (r.memory_J === null ? '—' : formatSI(r.memory_J, 'J')), align: 'right' },
    { header: 'update', value: (r) => (r.update_J === null ? '—' : formatSI(r.update_J, 'J')), align: 'right' },
    { header: 'consolidation', value: (r) => (r.consolidation_J === null ? '—' : formatSI(r.consolidation_J, 'J')), align: 'right' },
    { header: 'compute', value: (r) => (r.compute_J === null ? '—' : formatSI(r.compute_J, 'J')), align: 'right' },
    { header: 'orders above floor', value: (r) => (Number.isFinite(r.orders_above_floor) ? r.orders_above_floor.toFixed(2) : '—'), align: 'right' },
  ]);
}

function annealJson(r: AnnealResult, paradigms: ParadigmEnergy[], withTrace: boolean) {
  return {
    ising_energy: r.ising_energy,
    objective: r.objective,
    schedule: r.schedule,
    auto_temperature_range: r.temperatures,
    kernel: r.kernel,
    wasm_kernel: r.wasm,
    seed: r.seed,
    sweeps_per_restart: r.sweeps_per_restart,
    restarts: r.restarts,
    restarts_done: r.restarts_done,
    sweeps_done: r.sweeps_done,
    best_restart: r.best_restart,
    best_sweep: r.best_sweep,
    interrupted: r.interrupted,
    flip_attempts: r.flip_attempts,
    accepted_flips: r.accepted_flips,
    consolidations: r.consolidations,
    n_eff_bits: r.n_eff,
    counts: r.counts,
    time_to_solution_s: r.counts.time_s,
    cpu_wall_time_s: r.wall_time_s,
    cpu_flip_attempts_per_s: r.wall_time_s > 0 ? r.flip_attempts / r.wall_time_s : null,
    paradigms,
    trace: withTrace ? traceJson(r.trace, r.schedule.kind === 'lim' ? 'barrier_kT' : 'temperature') : undefined,
  };
}

function traceJson(t: LedgerTrace, extraName: string) {
  const { extra, ...rest } = t;
  return { ...rest, [extraName]: extra.map((v) => (Number.isFinite(v) ? v : null)) };
}

function printAnnealText(title: string, lines: string[], r: AnnealResult, paradigms: ParadigmEnergy[]): void {
  const out = [
    title,
    ...lines,
    `schedule ${r.schedule.kind}: T ${formatSI(r.schedule.t0, '')} → ${formatSI(r.schedule.t1, '')}, ${r.sweeps_per_restart} sweeps × ${r.restarts_done}/${r.restarts} restarts, seed ${r.seed}${r.interrupted ? ' (interrupted: best so far)' : ''}`,
    `ledger: ${formatCount(r.flip_attempts)} flip attempts (OPS), ${formatCount(r.accepted_flips)} accepted (bits changed), N_eff ${r.n_eff.toPrecision(3)} bit/op, ${r.consolidations} consolidations`,
    `time to solution (priced hardware, assumed): ${formatSI(r.counts.time_s, 's')}; this CPU: ${formatSI(r.wall_time_s, 's')} (${formatSI(r.flip_attempts / Math.max(r.wall_time_s, 1e-9), 'attempts/s')})`,
    '',
    'energy to solution per paradigm:',
    paradigmTable(paradigms),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** The lim schedule cools at most S-fold in S sweeps (src/solvers/ising/schedule.ts): say so when it clamped the end. */
function warnIfScheduleClamped(r: AnnealResult, o: AnnealOptions): void {
  const wanted = o.t1 ?? r.temperatures.t1;
  if (r.schedule.kind !== 'lim' || !(r.schedule.t1 > wanted * (1 + 1e-9))) return;
  process.stderr.write(
    `warning: t1: the lim schedule cools at most ${r.schedule.sweeps}-fold in ${r.schedule.sweeps} sweeps; it ends at T = ${formatSI(r.schedule.t1, '')} instead of ${formatSI(wanted, '')} (give more --sweeps)\n`,
  );
}

async function runMaxCut(file: string, opts: Opts): Promise<void> {
  const input = readIsingInput(file, 'rudy');
  const mc = input.maxcut!;
  const o = annealOptions(opts, mc.ising.n);
  checkAnnealWork(mc.ising.n, o, opts);
  const pricing = pricingOptions(opts);
  const bkText = opts.bestKnown;
  const bkFlag = bkText === undefined ? undefined : positiveNumber('--best-known', String(bkText));
  const gset = bestKnownFor(file, mc.ising.n, mc.graph.w.length);
  const bestKnown = bkFlag ?? gset?.best_known_cut;
  const r = await withInterrupt('anneal', o.sweeps! * o.restarts!, (signal, progress) =>
    solveMaxCut(mc, { ...o, signal, onProgress: (d) => progress(d) }),
  );
  warnIfScheduleClamped(r, o);
  const paradigms = checkedPrices(r.counts, pricing);
  const ratio = bestKnown !== undefined && bestKnown !== 0 ? r.best_cut / bestKnown : null;
  if (opts.json) {
    printJson({
      command: 'solve maxcut',
      file,
      instance: { name: gset?.instance ?? null, n: mc.ising.n, edges: mc.graph.w.length, total_weight: mc.totalWeight },
      best_cut: r.best_cut,
      best_known_cut: bestKnown ?? null,
      ratio_to_best_known: ratio,
      ...annealJson(r, paradigms, Boolean(opts.trace)),
      partition: opts.partition ? Array.from(r.partition).join('') : undefined,
    });
    return;
  }
  printAnnealText(
    `MAX-CUT ${file}: n = ${mc.ising.n}, ${mc.graph.w.length} edges`,
    [`best cut ${r.best_cut}${bestKnown !== undefined ? ` (best known ${bestKnown}, ratio ${ratio!.toFixed(4)})` : ''}; Ising energy ${r.ising_energy}`],
    r,
    paradigms,
  );
}

async function runIsing(file: string, opts: Opts): Promise<void> {
  const format = (opts.format as IsingFormat | undefined) ?? formatFromName(file);
  const input = readIsingInput(file, format);
  const o = annealOptions(opts, input.ising.n);
  checkAnnealWork(input.ising.n, o, opts);
  const r = await withInterrupt('anneal', o.sweeps! * o.restarts!, (signal, progress) =>
    anneal(input.ising, { ...o, signal, onProgress: (d) => progress(d) }),
  );
  warnIfScheduleClamped(r, o);
  const paradigms = checkedPrices(r.counts, pricingOptions(opts));
  if (opts.json) {
    printJson({
      command: 'solve ising',
      file,
      format,
      problem: { kind: input.kind, n: input.ising.n, couplings: input.ising.couplings, offset: input.ising.offset },
      best_cut: input.maxcut ? (input.maxcut.totalWeight - r.ising_energy) / 2 : undefined,
      ...annealJson(r, paradigms, Boolean(opts.trace)),
      spins: opts.partition ? Array.from(r.spins) : undefined,
    });
    return;
  }
  printAnnealText(
    `${input.kind.toUpperCase()} ${file}: n = ${input.ising.n}, ${input.ising.couplings} couplings`,
    [`best ${input.kind === 'qubo' ? 'QUBO objective' : 'Ising energy'} ${r.objective}`],
    r,
    paradigms,
  );
}

async function runQP(file: string, opts: Opts): Promise<void> {
  const bits = num(opts, 'precisionBits', '--precision-bits');
  if (bits === undefined) throw new InputError('precision_bits', 'is required (--precision-bits N, 1 to 52)');
  const memoryBits = num(opts, 'memoryBits', '--memory-bits');
  if (memoryBits !== undefined && !(memoryBits > bits)) throw new InputError('memory_bits', `must be greater than --precision-bits (${bits}): the memory word holds the requested bits and at least one guard bit, got ${memoryBits}`);
  const qp = readBoxQP(file);
  const reference = opts.reference === false ? undefined : solveBoxQPReference(qp);
  if (reference && !reference.accepted) {
    process.stderr.write(`warning: reference solve: KKT residual ${reference.kkt_residual.toPrecision(3)} > ${REFERENCE_KKT_TOLERANCE}, not a verified optimum; the objective gap and precision are measured against it\n`);
  }
  const maxIt = num(opts, 'maxIterations', '--max-iterations') ?? 1_000_000;
  checkQPWork(qp.n, qp.rowPtr[qp.n], maxIt, opts);
  const r = await withInterrupt('qp', maxIt, (signal, progress) =>
    solveQP(qp, {
      precision_bits: bits,
      memory_bits: memoryBits,
      guard_bits: num(opts, 'guardBits', '--guard-bits'),
      method: opts.method as QPMethod,
      seed: num(opts, 'seed', '--seed'),
      max_iterations: maxIt,
      reference: reference?.x,
      time_s: num(opts, 'timeS', '--time-s'),
      iteration_time_s: num(opts, 'iterationTimeS', '--iteration-time-s'),
      signal,
      onProgress: (d) => progress(d),
    }),
  );
  const paradigms = checkedPrices(r.counts, pricingOptions(opts));
  const refObjective = reference ? qpObjective(qp, reference.x) : undefined;
  // With μ ≈ 0 the distance to one of many minimisers is no precision: report the objective gap instead.
  const unique = minimiserIsUnique(r.lipschitz, r.strong_convexity);
  const prec = !r.errors ? undefined : unique ? precisionReport(r.errors, bits) : objectiveGapReport(r.initial_objective, r.objective, refObjective!);
  const law = r.errors && unique ? extrapolatedLaw(r.errors, bits) : null;
  const gap = refObjective !== undefined ? r.objective - refObjective : undefined;
  if (opts.json) {
    printJson({
      command: 'solve qp',
      file,
      n: qp.n,
      nonzeros: qp.rowPtr[qp.n],
      method: r.method,
      precision_bits: r.precision_bits,
      memory_bits: r.memory_bits,
      guard_bits: r.guard_bits,
      step_size: r.step_size,
      lipschitz: r.lipschitz,
      strong_convexity: r.strong_convexity,
      condition_number: Number.isFinite(r.condition_number) ? r.condition_number : null,
      iterations: r.iterations,
      converged: r.converged,
      interrupted: r.interrupted,
      objective: r.objective,
      reference: reference ? { objective: refObjective, method: reference.method, kkt_residual: reference.kkt_residual, accepted: reference.accepted, iterations: reference.iterations } : null,
      objective_gap: gap ?? null,
      relative_objective_gap: gap !== undefined && refObjective !== 0 ? gap / Math.abs(refObjective!) : null,
      ...(prec ?? {}),
      law_extrapolated_from_half: law,
      n_eff_bits: r.n_eff,
      counts: r.counts,
      time_to_solution_s: r.counts.time_s,
      cpu_wall_time_s: r.wall_time_s,
      paradigms,
      solution: opts.solution ? Array.from(r.x) : undefined,
      trace: opts.trace ? traceJson(r.trace, 'error_inf') : undefined,
    });
    return;
  }
  const lines = [
    `box QP ${file}: n = ${qp.n}, ${qp.rowPtr[qp.n]} nonzeros in Q, κ ≈ ${Number.isFinite(r.condition_number) ? r.condition_number.toPrecision(3) : '∞'}`,
    `${r.method}: ${r.iterations} iterations${r.converged ? ' (memory fixed point)' : r.interrupted ? ' (interrupted)' : ' (iteration cap)'}; memory ${r.memory_bits} bits = ${r.precision_bits} requested + ${r.guard_bits} guard`,
    `objective ${r.objective.toPrecision(12)}${refObjective !== undefined ? `; reference ${refObjective.toPrecision(12)} (${reference!.method}), gap ${gap!.toPrecision(3)}` : ''}`,
  ];
  if (prec && prec.reached_precision === null) {
    const gapBits = prec.objective_gap_bits === null ? 'to round-off' : `by ${prec.objective_gap_bits.toFixed(1)} bits`;
    lines.push(`precision: not applicable (Q is singular, μ ≈ 0: the minimiser is not unique); objective gap ${prec.final_objective_gap.toPrecision(3)}, reduced ${gapBits} from ${prec.initial_objective_gap.toPrecision(3)}`);
  } else if (prec) {
    lines.push(
      `precision: ${prec.achieved_bits === null ? 'exact' : `${prec.achieved_bits.toFixed(1)} bits`} (requested ${bits}: ${prec.reached_precision ? 'reached' : 'NOT reached'})` +
        (prec.iterations_to_precision !== null ? `; K = ${prec.iterations_to_precision} iterations to ${bits} bits, ρ = ${prec.contraction_rate?.toPrecision(4)}, linear law K = ${prec.law_iterations}` : '') +
        (law ? ` (ρ measured to ${Math.max(1, Math.floor(bits / 2))} bits predicts K = ${law.predicted})` : ''),
    );
  }
  lines.push(
    `ledger: ${formatCount(r.counts.ops)} writes (OPS), ${formatCount(r.counts.update_bits)} bits changed, N_eff ${r.n_eff.toPrecision(3)} of ${r.memory_bits} bits`,
    `time to solution (priced hardware, assumed): ${formatSI(r.counts.time_s, 's')}; this CPU: ${formatSI(r.wall_time_s, 's')}`,
    '',
    'energy to solution per paradigm:',
    paradigmTable(paradigms),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function runBenchGset(instances: string[], opts: Opts): Promise<void> {
  const names = instances.length ? parseInstanceList(instances) : GSET_BENCHMARK;
  const seedsCount = num(opts, 'seeds', '--seeds') ?? 5;
  if (!Number.isInteger(seedsCount) || seedsCount < 1 || seedsCount > 1000) throw new InputError('seeds', `must be a whole number 1 to 1000, got ${seedsCount}`);
  const budget = num(opts, 'budget', '--budget');
  const restarts = num(opts, 'restarts', '--restarts');
  const seeds = Array.from({ length: seedsCount }, (_, k) => k + 1);
  const perRun = budget ?? GSET_ATTEMPT_BUDGET;
  checkWork(
    { units: names.length * seedsCount * perRun, unit: 'flip attempts', detail: `${names.length} instances × ${seedsCount} seeds × ${formatCount(perRun)} attempts`, perSecond: FLIPS_PER_S, defaultLimit: ANNEAL_WORK_LIMIT },
    opts.maxWork,
  );
  const results: GsetInstanceResult[] = [];
  let interrupted = false;
  await withInterrupt('bench-gset', names.length, async (signal, progress) => {
    for (const name of names) {
      const r = await runGsetInstance(name, { seeds, budget, restarts, pricing: pricingOptions(opts), signal });
      if (!r) {
        interrupted = true;
        break;
      }
      results.push(r);
      progress(results.length);
      if (!opts.json) process.stderr.write(`${name}: mean cut ${r.mean_cut.toFixed(1)} / ${r.best_known_cut} (${r.mean_ratio.toFixed(4)}), best ${r.best_cut}, max ${r.max_cpu_time_s.toFixed(2)} s CPU\n`);
    }
  });
  const summary = results.length ? summarizeGset(results) : null;
  if (opts.out) writeFileAtomic(String(opts.out), `${JSON.stringify({ results, summary, interrupted }, null, 2)}\n`);
  if (opts.json) {
    printJson({ command: 'solve bench-gset', seeds, budget_attempts: budget ?? GSET_ATTEMPT_BUDGET, interrupted, summary, results });
    return;
  }
  process.stdout.write(`${gsetMarkdownTable(results)}\n`);
  if (summary) {
    process.stdout.write(
      `\n${summary.instances} instances${interrupted ? ' (interrupted)' : ''}: median mean ratio ${summary.median_mean_ratio.toFixed(4)}, worst mean ratio ${summary.min_mean_ratio.toFixed(4)}, worst single run ${summary.min_run_ratio.toFixed(4)}, max ${summary.max_cpu_time_s.toFixed(2)} s CPU per run\n`,
    );
  }
}

export function registerSolve(program: Command): void {
  const solve = program.command('solve').description('run a neuromorphic optimizer with an energy ledger (MAX-CUT/Ising annealing, box QP)');

  addPricingOptions(
    addAnnealOptions(
      solve
        .command('maxcut')
        .description('MAX-CUT of a G-set / rudy edge list (`n m`, then `i j w`) by annealing')
        .argument('<file>', 'edge-list file')
        .option('--best-known <cut>', 'best-known cut for the quality ratio (G-set files: looked up)')
        .option('--partition', 'include the best partition (0/1 per vertex) in --json output'),
    ),
  ).action((file: string, opts: Opts) => runMaxCut(file, opts));

  addPricingOptions(
    addAnnealOptions(
      solve
        .command('ising')
        .description('an Ising or QUBO problem by annealing (JSON, or edge list with --format ising|qubo)')
        .argument('<file>', 'problem file')
        .addOption(new Option('--format <f>', 'input format (default from the extension: .json, .ising, .qubo, else rudy)').choices([...ISING_FORMATS]))
        .option('--partition', 'include the best spins in --json output'),
    ),
  ).action((file: string, opts: Opts) => runIsing(file, opts));

  addPricingOptions(
    solve
      .command('qp')
      .description('box-constrained convex QP (min ½xᵀQx + bᵀx, l ≤ x ≤ u, JSON) in an N-bit fixed-point memory')
      .argument('<file>', 'QP JSON file')
      .option('--precision-bits <N>', 'requested precision in bits (error ≤ 2^-N of the initial error)')
      .option('--memory-bits <W>', 'memory word width (default N + guard bits)')
      .option('--guard-bits <G>', 'guard bits (default ⌈log2 κ⌉ + 2)')
      .addOption(new Option('--method <m>', 'optimizer').choices([...QP_METHODS]).default('fista'))
      .option('--seed <S>', 'random seed of the start point', '1')
      .option('--max-iterations <K>', 'iteration cap (default 1e6)')
      .option('--no-reference', 'skip the exact reference solve (no precision report)')
      .option('--time-s <T>', 'time to solution of the priced hardware in s (default iterations × --iteration-time-s)')
      .option('--iteration-time-s <t>', 'time per iteration of the priced hardware in s (default 1e-6, assumed)')
      .option('--solution', 'include x in --json output')
      .option(`${MAX_WORK_FLAG} <n>`, `refuse runs whose iteration cap allows more than this many multiply-adds (--max-iterations × (nonzeros of Q + n); default ${QP_WORK_LIMIT.toExponential()}; the refusal says the estimated time)`),
  ).action((file: string, opts: Opts) => runQP(file, opts));

  solve
    .command('generate-qp')
    .description('write a random convex box QP (strictly diagonally dominant Q, box [−1, 1]) for `solve qp`')
    .argument('<n>', `number of variables (1–${MAX_QP_VARIABLES}, the limit of solve qp)`)
    .option('--seed <S>', 'random seed', '1')
    .option('--margin <m>', 'smallest diagonal margin: smaller means worse conditioning', '0.3')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .action((n: string, opts: Opts) => {
      const qp = generateBoxQP(parseCount('n', n), { seed: parseCount('--seed', String(opts.seed)), margin: positiveNumber('--margin', String(opts.margin)) });
      const json = boxQPToJson(qp) + '\n';
      if (opts.out) writeFileAtomic(String(opts.out), json);
      else process.stdout.write(json);
    });

  addPricingOptions(
    solve
      .command('bench-gset')
      .description('the G-set MAX-CUT benchmark: cut ÷ best known, time and energy per paradigm (default G1–G54, 5 seeds)')
      .argument('[instances...]', 'instances, e.g. G1 G22 or G1-G10 (default G1-G54)')
      .option('--seeds <k>', 'seeds 1..k per instance', '5')
      .option('--budget <attempts>', `flip attempts per run (default ${GSET_ATTEMPT_BUDGET})`)
      .option('--restarts <R>', 'restarts per run (default 1)')
      .option('--out <file>', 'also write the full results as JSON to this file')
      .option(`${MAX_WORK_FLAG} <n>`, `refuse runs above this many flip attempts (default ${ANNEAL_WORK_LIMIT.toExponential()})`),
  ).action((instances: string[], opts: Opts) => runBenchGset(instances, opts));
}

export function registerBenchAnneal(bench: Command): void {
  bench
    .command('anneal')
    .description('flip attempts per second of the Metropolis sweep on G1, and the ratio to the C reference (gcc)')
    .option('--sweeps <S>', 'sweeps per run (default 200000)')
    .option('--json', 'print one JSON document')
    .action((opts: Opts) => {
      const r = runAnnealBench({ sweeps: num(opts, 'sweeps', '--sweeps') });
      if (opts.json) {
        printJson(r);
        return;
      }
      process.stdout.write(`anneal ${r.instance}: flip_attempts_per_s ${formatSI(r.flip_attempts_per_s, '/s')}`);
      process.stdout.write(r.c_reference ? `; C reference ${formatSI(r.c_reference.flip_attempts_per_s, '/s')}; ratio ${r.ratio_to_c!.toFixed(2)}; same decisions: ${r.same_decisions}\n` : `; C reference skipped: ${r.c_reference_note}\n`);
    });
}
