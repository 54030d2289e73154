/**
 * `limbound simulate …` (the stochastic-thermodynamics simulator, src/sim) and `limbound bench sim`.
 * Times are in τ0 (the simulation unit γa²/kT, converted to seconds through --tau0-s), lengths in a,
 * energies in kT (converted to J through --temperature-K).
 */
import type { Command } from 'commander';
import { DEFAULT_TAU0_S, DEFAULT_TEMPERATURE_K } from '../physics/constants.js';
import { formatCount, formatSI } from '../util/format.js';
import { benchmarkSimulator, type SimBenchmark } from '../sim/benchmark.js';
import { defaultThreads } from '../sim/parallel.js';
import { DEFAULT_CAPTURE_STIFFNESS, validateSpec, type ProtocolSpec } from '../sim/protocols.js';
import { geometricDurations, simulate, sweepDuration, withDuration, type SimulationResult } from '../sim/simulate.js';
import { buildProtocol, defaultTimeStep } from '../sim/protocols.js';
import { checkWork, MAX_WORK_FLAG } from './work.js';
import { InputError, requireNumber } from '../util/errors.js';
import { parseQuantity } from '../model/units.js';
import { interruptSignal } from './interrupt.js';
import { emit, parseCount, printJson } from './output.js';
import { createProgress } from './progress.js';

const DEFAULT_PARTICLES = '2000';
const DEFAULT_BARRIER_KT = 6;
/** Default write times: the static push, and the LIM lower + capture + release (slow enough to approach ln 2). */
const DEFAULT_PUSH_TAU0 = 2;
const DEFAULT_LIM_MOVE_TAU0 = 60;
const DEFAULT_ERASE_BARRIER_KT = 12;

function barrierOption(opts: Options, protocol: string): number {
  if (opts.barrierKT === undefined) return protocol === 'erase' ? DEFAULT_ERASE_BARRIER_KT : DEFAULT_BARRIER_KT;
  return num('barrier-kT', opts.barrierKT);
}

type Options = Record<string, string | boolean | undefined>;

function num(field: string, value: unknown): number {
  if (typeof value !== 'string') throw new InputError(field, 'is required');
  return parseCount(field, value);
}

function optionalNum(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : num(field, value);
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--particles <n>', 'number of trajectories', DEFAULT_PARTICLES)
    .option('--dt <tau0>', 'time step in τ0 (default: 0.02/|U″|max, at most 1e-3)')
    .option('--seed <s>', 'random seed (whole number); the same seed gives the same result on any number of threads', '1')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--temperature-K <K>', 'temperature for the conversion to joules, K (e.g. 300 or "77 K")', String(DEFAULT_TEMPERATURE_K))
    .option('--tau0-s <s>', 'the time unit τ_D = γa²/kT, s (e.g. 1e-9 or "1 ns"; the engine\'s Arrhenius attempt time is τ_D·2π/(√32·E_b/kT); docs/model.md §2.2)', String(DEFAULT_TAU0_S))
    .option('--histogram-bins <n>', 'bins of the work histogram', '30')
    .option('--timing', 'add threads, wall time and throughput to the JSON (these vary from run to run)')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .option('--json', 'print one JSON document')
    .option(`${MAX_WORK_FLAG} <n>`, `refuse runs above this many particle-steps (default ${SIM_WORK_LIMIT.toExponential()}; the refusal says the estimated time)`);
}

/** Nominal simulator throughput on two cores, particle-steps per second (limbound bench sim). */
const SIM_STEPS_PER_S = 1e8;
/** Default run-size limit: about an hour at the nominal throughput. */
const SIM_WORK_LIMIT = 3.6e11;

/** Refuses a run whose particles × steps (summed over `durations`) is above --max-work. */
function checkSimWork(spec: ProtocolSpec, durations: readonly number[], settings: RunSettings, opts: Options): void {
  let steps = 0;
  for (const d of durations) {
    const at = withDuration(spec, d);
    steps += buildProtocol(at, settings.dt ?? defaultTimeStep(at)).steps;
  }
  const detail = `${formatCount(settings.particles)} particles × ${formatCount(steps)} steps`;
  checkWork({ units: settings.particles * steps, unit: 'particle-steps', detail, perSecond: SIM_STEPS_PER_S, defaultLimit: SIM_WORK_LIMIT }, opts.maxWork);
}

interface RunSettings {
  particles: number;
  seed: number;
  dt?: number;
  threads: number;
  temperature_K: number;
  tau0_s: number;
  histogramBins: number;
}

function runSettings(opts: Options): RunSettings {
  return {
    particles: requireNumber('particles', num('particles', opts.particles), { min: 1, max: 1e9, integer: true }),
    seed: requireNumber('seed', num('seed', opts.seed), { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }),
    dt: optionalNum('dt', opts.dt),
    threads: requireNumber('threads', opts.threads === undefined ? defaultThreads() : num('threads', opts.threads), { min: 1, max: 1024, integer: true }),
    temperature_K: requireNumber('temperature-K', parseQuantity('temperature-K', opts.temperatureK, 'temperature'), { min: 0, minExclusive: true, max: 1e4 }),
    tau0_s: requireNumber('tau0-s', parseQuantity('tau0-s', opts.tau0S, 'time'), { min: 0, minExclusive: true, max: 1 }),
    histogramBins: requireNumber('histogram-bins', num('histogram-bins', opts.histogramBins), { min: 1, max: 10000, integer: true }),
  };
}

function schedule(opts: Options, allowed: string[]): string {
  const value = String(opts.schedule ?? opts.protocol ?? allowed[0]);
  if (!allowed.includes(value)) throw new InputError('protocol', `unknown schedule '${value}' (allowed: ${allowed.join(', ')})`);
  return value;
}

/** The protocol spec of a subcommand from its options. */
function specFrom(name: string, opts: Options): ProtocolSpec {
  let spec: ProtocolSpec;
  switch (name) {
    case 'trap':
      spec = {
        protocol: 'trap',
        schedule: schedule(opts, ['linear', 'optimal', 'step']) as 'linear' | 'optimal' | 'step',
        stiffness_kT_per_a2: num('stiffness', opts.stiffness),
        distance_a: num('distance', opts.distance),
        duration_tau0: num('duration', opts.duration),
      };
      break;
    case 'stiffness':
      spec = {
        protocol: 'stiffness',
        schedule: schedule(opts, ['linear', 'step']) as 'linear' | 'step',
        from_kT_per_a2: num('from', opts.from),
        to_kT_per_a2: num('to', opts.to),
        duration_tau0: num('duration', opts.duration),
      };
      break;
    case 'kramers':
    case 'retention':
      spec = { protocol: 'retention', barrier_kT: barrierOption(opts, 'retention'), duration_tau0: num('duration', opts.duration), bits: num('bits', opts.bits) };
      break;
    case 'erase':
      spec = { protocol: 'erase', barrier_kT: barrierOption(opts, 'erase'), tilt_kT_per_a: num('tilt', opts.tilt), duration_tau0: num('duration', opts.duration) };
      break;
    case 'write': {
      const memory = String(opts.memory);
      if (memory !== 'static' && memory !== 'lim') throw new InputError('memory', `unknown memory '${memory}' (allowed: static, lim)`);
      spec = {
        protocol: 'write',
        memory,
        barrier_kT: barrierOption(opts, 'write'),
        duration_tau0: opts.duration === undefined ? (memory === 'lim' ? DEFAULT_LIM_MOVE_TAU0 : DEFAULT_PUSH_TAU0) : num('duration', opts.duration),
        bits: num('bits', opts.bits),
        from_level: num('from-level', opts.fromLevel),
        to_level: num('to-level', opts.toLevel),
        head_stiffness_kT_per_a2: optionalNum('head-stiffness', opts.headStiffness),
        ramp_duration_tau0: optionalNum('ramp-duration', opts.rampDuration),
      };
      break;
    }
    case 'consolidate': {
      const barrier = barrierOption(opts, 'consolidate');
      const start = num('start-barrier-kT', opts.startBarrierKT);
      spec = {
        protocol: 'consolidate',
        barrier_kT: barrier,
        start_barrier_kT: start,
        // Default: the matched ramp, τ_m = τ0.
        duration_tau0: opts.duration === undefined ? Math.exp(barrier) - Math.exp(start) : num('duration', opts.duration),
        bits: num('bits', opts.bits),
        level: num('level', opts.level),
        head_stiffness_kT_per_a2: optionalNum('head-stiffness', opts.headStiffness),
        release_duration_tau0: optionalNum('release-duration', opts.releaseDuration),
      };
      break;
    }
    default:
      throw new InputError('protocol', `unknown protocol '${name}' (allowed: trap, stiffness, kramers, erase, write, consolidate)`);
  }
  // Drop options the user did not give (undefined) so the echoed parameters stay clean.
  for (const key of Object.keys(spec) as Array<keyof ProtocolSpec>) if (spec[key] === undefined) delete spec[key];
  validateSpec(spec);
  return spec;
}

/** Adds the options of protocol `name` (all of them for sweep-duration). */
function addProtocolOptions(cmd: Command, names: string[]): Command {
  const has = (n: string) => names.includes(n);
  if (has('trap')) {
    cmd.option('--stiffness <k>', 'trap stiffness k, kT/a²', '1').option('--distance <L>', 'trap displacement λ_f, a', '3');
  }
  if (has('trap') || has('stiffness')) {
    if (!has('sweep')) cmd.option('--protocol <schedule>', has('trap') ? 'linear | optimal | step' : 'linear | step', 'linear');
    cmd.option('--schedule <schedule>', 'same as --protocol (trap: linear | optimal | step; stiffness: linear | step)');
  }
  if (has('stiffness')) cmd.option('--from <k0>', 'initial stiffness, kT/a²', '1').option('--to <k1>', 'final stiffness, kT/a²', '4');
  if (has('kramers') || has('erase') || has('write') || has('consolidate')) {
    cmd.option('--barrier-kT <E>', `barrier height E_b, kT (default ${DEFAULT_BARRIER_KT}; erase: ${DEFAULT_ERASE_BARRIER_KT}, the barrier at both ends)`);
  }
  if (has('kramers') || has('write') || has('consolidate')) cmd.option('--bits <N>', 'bits per cell (2^N wells; 1 = double well)', '1');
  if (has('erase')) cmd.option('--tilt <f>', 'maximal tilt force f, kT/a', '3');
  if (has('write')) {
    cmd
      .option('--memory <kind>', 'static | lim', 'static')
      .option('--from-level <i>', 'level written from', '0')
      .option('--to-level <j>', 'level written to', '1')
      .option('--head-stiffness <k>', `piston (static, default 50·E_b) or capture trap (lim, default ${DEFAULT_CAPTURE_STIFFNESS}) stiffness, kT/a²`)
      .option('--ramp-duration <t>', 'lim: length of the matched barrier ramp, τ0 (default e^{E_b/kT} − 1, i.e. τ_m = τ0)');
  }
  if (has('consolidate')) {
    cmd
      .option('--start-barrier-kT <E0>', 'barrier at the start of the ramp, kT', '0')
      .option('--level <j>', 'level being consolidated', '1')
      .option('--release-duration <t>', 'time to release the holding trap after the ramp, τ0', '1');
    if (!has('write')) cmd.option('--head-stiffness <k>', `holding-trap stiffness, kT/a² (default ${DEFAULT_CAPTURE_STIFFNESS})`);
  }
  return cmd;
}

function progressHooks(label: string) {
  let bar: ReturnType<typeof createProgress> | undefined;
  let barTotal = 0;
  return {
    onProgress(done: number, total: number) {
      if (!bar || barTotal !== total) {
        bar?.finish();
        bar = createProgress(label, total);
        barTotal = total;
      }
      bar.update(done);
    },
    finish() {
      bar?.finish();
      bar = undefined;
    },
  };
}

function output(opts: Options, doc: SimulationResult, text: () => string): void {
  for (const warning of (doc.warnings as string[] | undefined) ?? []) process.stderr.write(`warning: ${warning}\n`);
  if (doc.interrupted) {
    const rows = doc.rows as unknown[] | undefined;
    const done = rows ? `${rows.length} durations finished` : `${fmt(doc.particles_completed)} of ${fmt(doc.particles)} particles finished`;
    process.stderr.write(`interrupted: ${done}; the result covers those\n`);
  }
  const out = typeof opts.out === 'string' ? opts.out : undefined;
  if (opts.json) {
    if (out) emit(JSON.stringify(doc, null, 2), out);
    else printJson(doc);
  } else {
    emit(text(), out);
  }
}

async function runOne(name: string, opts: Options): Promise<void> {
  const spec = specFrom(name, opts);
  const settings = runSettings(opts);
  checkSimWork(spec, [spec.duration_tau0], settings, opts);
  const { signal, dispose } = interruptSignal();
  const progress = progressHooks(`simulate ${name}`);
  const started = process.hrtime.bigint();
  try {
    const doc = await simulate(spec, { ...settings, signal, onProgress: progress.onProgress, useWorkers: true });
    progress.finish();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (opts.timing) {
      doc.threads = settings.threads;
      doc.elapsed_s = seconds;
      doc.particle_steps_per_s = (Number(doc.particles_completed) * Number(doc.steps)) / seconds;
    }
    output(opts, doc, () => renderResult(doc));
  } finally {
    progress.finish();
    dispose();
  }
}

/**
 * sweep-duration's --from/--to are durations, so a stiffness sweep takes its end stiffnesses from --k0/--k1:
 * the spec fields `duration`, `from`, `to` come from the options named here.
 */
const SWEEP_OPTIONS: Readonly<Record<string, string>> = { duration: 'from', from: 'k0', to: 'k1' };

/** An InputError about spec field f re-labelled with the option `names[f]` the user gave for it. */
function relabel(err: unknown, names: Readonly<Record<string, string>>): unknown {
  if (!(err instanceof InputError) || !Object.hasOwn(names, err.field)) return err;
  return new InputError(names[err.field]!, err.message.slice(err.field.length + 2));
}

async function runSweep(name: string, opts: Options): Promise<void> {
  const protocolName = name === 'kramers' ? 'retention' : name;
  if (protocolName === 'retention') throw new InputError('protocol', 'kramers has no work to sweep (allowed: trap, stiffness, erase, write, consolidate)');
  let spec: ProtocolSpec;
  try {
    spec = specFrom(protocolName, { ...opts, duration: opts.from, from: opts.k0, to: opts.k1 });
  } catch (err) {
    throw relabel(err, SWEEP_OPTIONS);
  }
  const durations = geometricDurations(num('from', opts.from), num('to', opts.to), num('count', opts.count));
  const settings = runSettings(opts);
  try {
    checkSimWork(spec, durations, settings, opts);
  } catch (err) {
    throw relabel(err, SWEEP_OPTIONS);
  }
  const { signal, dispose } = interruptSignal();
  const progress = progressHooks(`sweep ${name}`);
  try {
    const doc = await sweepDuration(spec, durations, {
      ...settings,
      signal,
      useWorkers: true,
      onProgress: (_point, _points, done, total) => progress.onProgress(done, total),
    });
    progress.finish();
    output(opts, doc, () => renderSweep(doc));
  } catch (err) {
    // A duration rejected while running (e.g. shorter than a step) is one of the swept --from … --to.
    throw relabel(err, SWEEP_OPTIONS);
  } finally {
    progress.finish();
    dispose();
  }
}

export function registerSimulate(program: Command): void {
  const sim = program
    .command('simulate')
    .description('stochastic-thermodynamics simulator: work and heat of simulated memory cells, checked against exact results');

  // One subcommand per protocol: name, description, and the meaning (and default) of --duration.
  const protocols: Array<{ name: string; alias?: string; description: string; duration: string; defaultDuration?: string }> = [
    { name: 'trap', description: 'drag a harmonic trap (linear, Schmiedl–Seifert optimal or step protocol)', duration: 'protocol duration, τ0', defaultDuration: '1' },
    { name: 'stiffness', description: 'change a trap stiffness k0 → k1 (Jarzynski estimate of ΔF)', duration: 'protocol duration, τ0', defaultDuration: '1' },
    { name: 'kramers', alias: 'retention', description: 'free retention at a fixed barrier: escape rate vs Kramers', duration: 'observation time per particle, τ0', defaultDuration: '500' },
    { name: 'erase', description: 'Landauer erasure: lower, tilt, raise, untilt; work vs kT(ln2 − H(p_fail))', duration: 'protocol duration (four equal phases), τ0', defaultDuration: '40' },
    {
      name: 'write',
      description: 'write a cell: static barrier (piston over the barrier) or LIM (lower, capture, matched raise, release)',
      duration: `static: push time (default ${DEFAULT_PUSH_TAU0}); lim: lower + capture + release time (default ${DEFAULT_LIM_MOVE_TAU0}), τ0`,
    },
    {
      name: 'consolidate',
      description: 'consolidation ramp: barrier raised as kT·ln(e^{E0/kT} + t/τ_m) with the state held, then released',
      duration: 'ramp duration, τ0 (default: the matched ramp e^{E_b/kT} − e^{E0/kT})',
    },
  ];
  for (const p of protocols) {
    const cmd = sim.command(p.name).description(p.description);
    if (p.alias) cmd.alias(p.alias);
    addCommonOptions(addProtocolOptions(cmd, [p.name]).option('--duration <t>', p.duration, p.defaultDuration)).action((opts: Options) => runOne(p.name, opts));
  }

  const sweep = sim
    .command('sweep-duration')
    .description('work against protocol duration, with a fit of the excess over the slow limit (∝ 1/t)')
    .argument('<protocol>', 'trap | stiffness | erase | write | consolidate')
    .requiredOption('--from <t>', 'shortest duration, τ0')
    .requiredOption('--to <t>', 'longest duration, τ0')
    .option('--count <n>', 'number of durations (geometric spacing)', '5');
  addCommonOptions(addProtocolOptions(sweep, ['sweep', 'trap', 'erase', 'write', 'consolidate'])).action((name: string, opts: Options) =>
    runSweep(name, opts),
  );
  sweep.option('--k0 <k>', 'stiffness sweep: initial stiffness, kT/a²', '1').option('--k1 <k>', 'stiffness sweep: final stiffness, kT/a²', '4');
}

export function registerBenchSim(bench: Command): void {
  bench
    .command('sim')
    .description('particle-steps per second of the double-well kernel with work accounting (1 thread, all threads, C reference)')
    .option('--threads <n>', 'threads for the parallel run (default: all cores)')
    .option('--particles <n>', 'particles per thread', '512')
    .option('--json', 'print one JSON document')
    .action(async (opts: Options) => {
      const result = await benchmarkSimulator({
        threads: opts.threads === undefined ? undefined : num('threads', opts.threads),
        particles: num('particles', opts.particles),
      });
      if (opts.json) printJson(result);
      else emit(renderBenchmark(result));
    });
}

// ---------- text output ----------

function fmt(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return formatCount(value);
    // NaN: nothing to estimate from (no or one particle), shown as such rather than as a number.
    if (Number.isNaN(value)) return 'n/a';
    return Number.isFinite(value) ? Number(value.toPrecision(4)).toString() : String(value);
  }
  // JSON null (a NaN read back from a result file).
  if (value === null) return 'n/a';
  if (Array.isArray(value)) return `[${value.map(fmt).join(', ')}]`;
  return String(value);
}

function pm(doc: SimulationResult, mean: string, err: string, unit: string): string {
  return `${fmt(doc[mean])} ± ${fmt(doc[err])} ${unit}`;
}

/** A short human summary of a result (the JSON has everything). */
export function renderResult(doc: SimulationResult): string {
  const lines: string[] = [];
  const params = Object.entries(doc.parameters as Record<string, unknown>)
    .filter(([k]) => k !== 'protocol')
    .map(([k, v]) => `${k}=${fmt(v)}`)
    .join(' ');
  lines.push(`simulate ${String(doc.protocol)}: ${params}`);
  lines.push(
    `  ${fmt(doc.particles_completed)} particles × ${fmt(doc.steps)} steps, dt = ${fmt(doc.dt_tau0)} τ0 (${formatSI(Number(doc.dt_s), 's')}), seed ${fmt(doc.seed)}, T = ${fmt(doc.temperature_K)} K`,
  );
  if (doc.particles_completed === 0) {
    lines.push(`  no particle finished (interrupted before the first block): nothing was measured`);
    return lines.join('\n');
  }
  const kT = Number(doc.kT_J);
  lines.push(`  mean work       ${pm(doc, 'mean_work_kT', 'stderr_work_kT', 'kT')}  (${formatSI(Number(doc.mean_work_J), 'J')}; 95%: ${fmt(doc.ci95_work_kT)})`);
  lines.push(`  mean heat       ${pm(doc, 'mean_heat_kT', 'stderr_heat_kT', 'kT')}`);
  const extra: Array<[string, string]> = [];
  const add = (label: string, key: string, unit = '') => {
    if (doc[key] !== undefined) extra.push([label, `${fmt(doc[key])}${unit ? ` ${unit}` : ''}`]);
  };
  add('analytic work', 'analytic_mean_work_kT', 'kT');
  if (doc.jarzynski_delta_F_kT !== undefined) extra.push(['Jarzynski ΔF', pm(doc, 'jarzynski_delta_F_kT', 'jarzynski_stderr_kT', 'kT')]);
  add('exact ΔF', 'exact_delta_F_kT', 'kT');
  if (doc.rate_per_tau0 !== undefined) {
    extra.push(['escape rate', `${pm(doc, 'rate_per_tau0', 'rate_stderr_per_tau0', '/τ0')} (${formatSI(Number(doc.rate_per_s), '/s')}; 95%: ${fmt(doc.rate_ci95_per_tau0)})`]);
    add('Kramers rate', 'kramers_rate_per_tau0', '/τ0');
    add('exact rate', 'exact_rate_per_tau0', '/τ0');
    add('transitions', 'transitions_total');
  }
  add('p_fail', 'p_fail');
  if (doc.landauer_bound_kT !== undefined) {
    extra.push(['Landauer bound', `${fmt(doc.landauer_bound_kT)} kT = kT(ln2 − H(p_fail)) (${formatSI(Number(doc.landauer_bound_kT) * kT, 'J')})`]);
    extra.push(['excess work', pm(doc, 'excess_work_kT', 'excess_stderr_kT', 'kT')]);
  }
  if (doc.dissipated_work_kT !== undefined) {
    extra.push(['dissipated work', `${pm(doc, 'dissipated_work_kT', 'dissipated_stderr_kT', 'kT')} (${formatSI(Number(doc.dissipated_work_J), 'J')})`]);
    add('ΔF', 'delta_F_kT', 'kT');
    add('static reference', 'static_reference_kT', 'kT');
    add('Landauer floor', 'landauer_floor_kT', 'kT');
  }
  for (const [label, value] of extra) lines.push(`  ${label.padEnd(15)} ${value}`);
  if (doc.interrupted) lines.push(`  (interrupted: ${fmt(doc.particles_completed)} of ${fmt(doc.particles)} particles)`);
  return lines.join('\n');
}

export function renderSweep(doc: SimulationResult): string {
  const rows = doc.rows as Array<Record<string, number>>;
  const fit = doc.fit as Record<string, number>;
  const lines = [`sweep-duration ${String(doc.protocol)} (${rows.length} durations)`];
  lines.push('  duration_tau0   mean_work_kT        reference_kT   excess_kT');
  for (const r of rows) {
    lines.push(
      `  ${fmt(r.duration_tau0).padEnd(15)} ${`${fmt(r.mean_work_kT)} ± ${fmt(r.stderr_work_kT)}`.padEnd(19)} ${fmt(r.reference_work_kT).padEnd(14)} ${fmt(r.excess_work_kT)} ± ${fmt(r.excess_stderr_kT)}`,
    );
  }
  lines.push(`  fit: excess ∝ t^${fmt(fit.exponent)} ± ${fmt(fit.exponent_stderr)}; excess ≈ ${fmt(fit.inverse_prefactor_kT_tau0)}/t kT (t in τ0)`);
  const dropped: string[] = [];
  if (fit.points_dropped_nonpositive_excess > 0) dropped.push(`${fit.points_dropped_nonpositive_excess} with excess ≤ 0 left out of the power law, which steepens its exponent`);
  if (fit.points_dropped_no_stderr > 0) dropped.push(`${fit.points_dropped_no_stderr} without a standard error left out of both`);
  lines.push(
    `  fit points: power law ${fit.points_used} of ${fit.points}, B/t ${fit.inverse_points_used} of ${fit.points}${dropped.length ? ` (${dropped.join('; ')})` : ''}`,
  );
  return lines.join('\n');
}

function renderBenchmark(b: SimBenchmark): string {
  const lines = [
    `sim kernel: ${b.kernel}`,
    `  1 thread:    ${formatSI(b.particle_steps_per_s_single_thread, 'particle-steps/s')}`,
    `  ${b.threads} threads:   ${formatSI(b.particle_steps_per_s_all_threads, 'particle-steps/s')} (scaling efficiency ${fmt(b.scaling_efficiency)})`,
  ];
  if (b.c_reference) {
    lines.push(`  C (${b.c_reference.compiler}): ${formatSI(b.c_reference.particle_steps_per_s, 'particle-steps/s')} → JS/C = ${fmt(b.c_reference.js_to_c_ratio)}`);
    lines.push(
      `  C (${b.c_reference.native_compiler}): ${formatSI(b.c_reference.native_particle_steps_per_s, 'particle-steps/s')} → JS/C = ${fmt(b.c_reference.js_to_native_ratio)}`,
    );
  } else if (b.c_reference_skipped) {
    lines.push(`  C reference skipped: ${b.c_reference_skipped}`);
  }
  return lines.join('\n');
}
