/**
 * `limbound figure NAME` and `limbound report`: the figures of src/report/figures (SVG by Vega's
 * headless renderer, PNG by resvg, or the Vega-Lite spec as JSON) and the report folder. Both take
 * the same input flags as `estimate`.
 */
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { addInputOptions, inputFromOptions } from './input-options.js';
import { createProgress } from './progress.js';
import { interruptSignal } from './interrupt.js';
import { resolve } from '../model/resolve.js';
import { estimateResolved } from '../model/estimate.js';
import type { ValidInput } from '../model/schema.js';
import { InputError, compactNumber } from '../util/errors.js';
import { parseQuantity } from '../model/units.js';
import { writeFileAtomic } from '../util/atomic.js';
import { writeOrRefuse } from '../util/out-path.js';
import { outIsFolder } from './output.js';
import { sizeCount } from '../report/figures/data.js';
import { FIGURE_NAMES, type FigureName } from '../report/figures/names.js';
import type { SizeRange, VlSpec, SimData, SolverData } from '../report/figures/index.js';
import type { RunFigure } from '../report/report.js';
import type { ReportUncertainty } from '../report/uncertainty-report.js';
import { DEFAULT_SEED } from '../model/uncertainty.js';
import { sensitivity } from '../model/sensitivity.js';
import { addSamplingOptions, prepareUncertainty, refuseSamplingFlags, runScenarios, runUncertainty, samplesFromOption, samplingFromOptions, scenarioKeysFromOptions } from './uncertainty.js';
import { DEFAULT_SCENARIO_KEYS } from '../model/scenarios.js';

/**
 * Vega, resvg, the simulator and the solvers load only when a figure or report is drawn, so the
 * other commands start as fast as before.
 */
async function load() {
  const [figures, render, runs, report] = await Promise.all([
    import('../report/figures/index.js'),
    import('../report/figures/node-render.js'),
    import('../report/runs.js'),
    import('../report/report.js'),
  ]);
  return { ...figures, ...render, ...runs, ...report };
}

const FORMATS = ['.svg', '.png', '.json'] as const;

/** Option defaults, shared with the reproduce command (which writes only values that differ). */
const DEFAULT_SCALE = '2';
const DEFAULT_THREADS = '2';
/** PNG pixels per SVG unit: below 0.1 a figure is a few pixels wide (resvg refuses a zero size); above 20, hundreds of megapixels. */
const SCALE_RANGE = { min: 0.1, max: 20 };
/** Model sizes of the size figure: each is a full estimate, and the figure cannot show more. */
const MAX_SIZES = 1000;

export function registerFigureCommands(program: Command): void {
  addSamplingOptions(addInputOptions(
    program
      .command('figure')
      .description(`draw one figure: ${FIGURE_NAMES.join(' | ')} (same input flags as estimate)`)
      .argument('<name>', FIGURE_NAMES.join(' | '))
      .option('--out <file>', 'FILE.svg (vector), FILE.png (raster, no browser needed) or FILE.json (Vega-Lite spec); written atomically. Default: the spec on stdout')
      .option('--scale <n>', `PNG pixels per SVG unit (${SCALE_RANGE.min} to ${SCALE_RANGE.max})`, DEFAULT_SCALE)
      .option('--sizes <range>', `model sizes of the size figure: FROM..TO[:COUNT], log-spaced, COUNT ≤ ${MAX_SIZES} (default: around the input)`)
      .option('--points <n>', 'T_sol values of the tradeoff figure', '41')
      .option('--sim <file>', 'simulator result for the sim figure (limbound simulate sweep-duration --json); default: a short built-in erasure sweep')
      .option('--solver <file>', 'solver result for the solver figure (limbound solve … --json --trace); default: a small built-in box QP')
      .option('--threads <n>', 'threads of the built-in simulator run', DEFAULT_THREADS)
      .option('--uncertainty [samples]', 'ladder: draw the 5–95 % band of each row; tornado: base sample size (default 10000)')
      .option('--output <id>', 'tornado: the row or gap whose indices are drawn (default orders_accelerator_over_lim)'),
  )).action(async (name: string, opts) => {
    if (!(FIGURE_NAMES as readonly string[]).includes(name)) throw new InputError('name', `unknown figure '${name}' (allowed: ${FIGURE_NAMES.join(', ')})`);
    const out = opts.out as string | undefined;
    const format = out === undefined ? '.json' : extname(out).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) throw new InputError('out', `unknown file type '${extname(out!) || out}' (allowed: ${FORMATS.join(', ')})`);
    const scale = numberOption('scale', opts.scale, SCALE_RANGE);
    const input = inputFromOptions(opts);
    const { renderSvgNode, svgToPng } = await load();
    const spec = await figureSpec(name as FigureName, input, opts);
    if (format === '.json') {
      const text = `${JSON.stringify(spec, null, 2)}\n`;
      if (out) writeOrRefuse(out, () => writeFileAtomic(out, text));
      else process.stdout.write(text);
    } else {
      const svg = await renderSvgNode(spec);
      if (format === '.svg') writeOrRefuse(out!, () => writeFileAtomic(out!, svg));
      else {
        await warnIfNoFonts();
        const png = svgToPng(svg, { scale });
        writeOrRefuse(out!, () => writeFileAtomic(out!, png));
      }
    }
    if (out) process.stderr.write(`${name} figure written to ${out}\n`);
  });

  addSamplingOptions(addInputOptions(
    outIsFolder(program.command('report'))
      .description('write a report folder: report.md, report.html, figures (SVG, PNG, Vega-Lite), tables (CSV), inputs, version and references.bib')
      .requiredOption('--out <dir>', 'the report folder (written atomically; a previous limbound report there is replaced)')
      .option('--sim <file>', 'simulator result to include (limbound simulate sweep-duration --json); default: a short built-in erasure sweep')
      .option('--no-sim', 'leave out the simulator figure')
      .option('--solver <file>', 'solver result to include (limbound solve … --json --trace); default: a small built-in box QP')
      .option('--no-solver', 'leave out the solver figure')
      .option('--no-png', 'skip the PNG copies of the figures')
      .option('--scale <n>', `PNG pixels per SVG unit (${SCALE_RANGE.min} to ${SCALE_RANGE.max})`, DEFAULT_SCALE)
      .option('--sizes <range>', `model sizes of the size figure: FROM..TO[:COUNT], log-spaced, COUNT ≤ ${MAX_SIZES}`)
      .option('--threads <n>', 'threads of the built-in simulator run', DEFAULT_THREADS)
      .option('--uncertainty [samples]', 'add the 5–95 % bands, the ranges with their sources and the tornado figure (default 10000 samples)')
      .option('--scenarios <keys>', `with --uncertainty: the discrete choices whose values get bands side by side (default ${DEFAULT_SCENARIO_KEYS.join(',')})`)
      .option('--machine <file>', 'add a physical-optimizer section: a `limbound machine … --json` result, or a problem the machine then runs with its defaults (a QP JSON, an Ising JSON, or a MAX-CUT edge list such as data/gset/G14.txt; on --threads threads)'),
  )).action(async (opts) => {
    const out = opts.out as string;
    const { checkReportDir, buildReport, writeReportDir, defaultSizeRange } = await load();
    checkReportDir(out);
    const input = inputFromOptions(opts);
    const resolved = resolve(input);
    const scale = numberOption('scale', opts.scale, SCALE_RANGE);
    const sizeRange = opts.sizes !== undefined ? parseSizes(opts.sizes) : defaultSizeRange(resolved.counts.params, resolved.kind);
    // The sampling flags are parsed before any long work, so a bad --range or --scenarios is reported at once.
    const scenarioKeys = scenarioKeysFromOptions(opts, opts.uncertainty !== undefined) ?? [...DEFAULT_SCENARIO_KEYS];
    const prepared = opts.uncertainty !== undefined ? prepareUncertainty(input, opts) : undefined;
    if (!prepared) refuseSamplingFlags(opts, '--uncertainty');
    if (opts.png !== false) await warnIfNoFonts();
    const { signal, dispose } = interruptSignal();
    try {
      // The solver figure first: a bad --solver file is then reported before the simulator runs.
      const solver = opts.solver === false ? null : await solverFigure(opts);
      // The machine run next: a bad --machine file is reported before the simulator runs.
      const machine = typeof opts.machine === 'string' ? await machineRun(opts.machine, opts, signal) : undefined;
      const sim = opts.sim === false ? null : await simFigure(opts, signal);
      let uncertainty: ReportUncertainty | undefined;
      if (prepared) {
        const summary = await runUncertainty(prepared);
        const scenarios = await runScenarios(input, opts, scenarioKeys);
        uncertainty = { summary, sensitivity: sensitivity(input, { ...prepared.plan.options, seed: prepared.seed, samples: prepared.samples }), scenarios };
      }
      let progress: ReturnType<typeof createProgress> | undefined;
      const files = await buildReport({
        input,
        sim,
        solver,
        simMissing: opts.sim === false ? 'left out (--no-sim)' : undefined,
        solverMissing: opts.solver === false ? 'left out (--no-solver)' : undefined,
        machine,
        png: opts.png !== false,
        pngScale: scale,
        sizeRange,
        command: reproduceCommand(out, opts),
        uncertainty,
        onStep: (done, total) => {
          progress ??= createProgress('report', total);
          progress.update(done);
        },
      });
      progress?.finish();
      writeReportDir(out, files);
      process.stderr.write(`report written to ${out.replace(/\/+$/, '')}/ (${files.size} files: report.md, report.html, figures/, tables/, references.bib)${signal.aborted ? ' — interrupted: the simulator sweep kept the durations finished' : ''}\n`);
      if (signal.aborted) process.exitCode = 130;
    } finally {
      dispose();
    }
  });
}

async function figureSpec(name: FigureName, input: ValidInput, opts: Record<string, unknown>): Promise<VlSpec> {
  const { ladderSpec, ladderData, sizeSpec, sizeData, sizeSweep, defaultSizeRange, tradeoffSpec, tradeoffData, wallsSpec, wallsData, simSpec, solverSpec, withBands, tornadoSpec, tornadoData } = await load();
  if (name !== 'ladder' && name !== 'tornado') refuseSamplingFlags(opts, 'the ladder or tornado figure');
  if (opts.uncertainty !== undefined && name !== 'ladder' && name !== 'tornado') throw new InputError('uncertainty', 'applies to the ladder and tornado figures');
  if (opts.output !== undefined && name !== 'tornado') throw new InputError('output', 'applies to the tornado figure');
  if (name === 'tornado') {
    const result = estimateResolved(resolve(input));
    const s = sensitivity(input, { ...samplingFromOptions(opts), samples: samplesFromOption(opts.uncertainty), bootstrap: 100 });
    return tornadoSpec(tornadoData(result, s, opts.output as string | undefined));
  }
  if (name === 'sim') {
    const { signal, dispose } = interruptSignal();
    try {
      const fig = await simFigure(opts, signal);
      if (signal.aborted) process.exitCode = 130;
      return simSpec(fig.data);
    } finally {
      dispose();
    }
  }
  if (name === 'solver') return solverSpec((await solverFigure(opts)).data);
  if (name === 'machine') {
    const [{ machineFigureData }, { machineSpec }] = await Promise.all([import('../machine/figure-data.js'), import('../report/figures/machine.js')]);
    const { signal, dispose } = interruptSignal();
    try {
      const threads = numberOption('threads', opts.threads as string, { min: 1, max: 1024, integer: true });
      return machineSpec(await machineFigureData(threads, 16, signal));
    } finally {
      dispose();
    }
  }
  const resolved = resolve(input);
  // --points and --sizes are read only by the figure that uses them.
  const points = name === 'tradeoff' ? numberOption('points', opts.points as string, { min: 2, max: 10000, integer: true }) : undefined;
  const sizes = name === 'size' && opts.sizes !== undefined ? parseSizes(opts.sizes as string) : undefined;
  const result = estimateResolved(resolved, { tradeoff: points === undefined ? false : { points } });
  switch (name) {
    case 'ladder': {
      const ladder = ladderData(result);
      if (opts.uncertainty === undefined) {
        refuseSamplingFlags(opts, '--uncertainty');
        return ladderSpec(ladder);
      }
      const summary = await runUncertainty(prepareUncertainty(input, opts));
      return ladderSpec(withBands(ladder, summary));
    }
    case 'walls':
      return wallsSpec(wallsData(result));
    case 'tradeoff':
      return tradeoffSpec(tradeoffData(result));
    case 'size':
      return sizeSpec(sizeData(result, sizeSweep(input, sizes ?? defaultSizeRange(result.counts.params, result.workload.kind))));
  }
}

async function simFigure(opts: Record<string, unknown>, signal: AbortSignal): Promise<RunFigure<SimData>> {
  const { readResultFile, simDataFromDocument, runBuiltInSim, BUILT_IN_SIM } = await load();
  if (typeof opts.sim === 'string') {
    const doc = readResultFile('sim', opts.sim);
    return { doc, data: simDataFromDocument(doc, opts.sim), source: opts.sim };
  }
  const threads = numberOption('threads', String(opts.threads ?? DEFAULT_THREADS), { min: 1, max: 256, integer: true });
  const b = BUILT_IN_SIM;
  const label = `built-in erasure sweep: E_b = ${b.spec.barrier_kT} kT, tilt ${b.spec.tilt_kT_per_a} kT/a, ${b.durations_tau0.count} durations ${b.durations_tau0.from}–${b.durations_tau0.to} τ0, ${b.particles} particles each, seed ${b.seed}`;
  process.stderr.write(`sim: ${label}\n`);
  const progress = createProgress('sim', b.durations_tau0.count);
  const { doc, data } = await runBuiltInSim({ signal, threads, onProgress: (point) => progress.update(point) });
  progress.finish();
  return { doc, data, source: label };
}

async function solverFigure(opts: Record<string, unknown>): Promise<RunFigure<SolverData>> {
  const { readResultFile, solverDataFromDocument, runBuiltInSolver, BUILT_IN_SOLVER } = await load();
  if (typeof opts.solver === 'string') {
    const doc = readResultFile('solver', opts.solver);
    return { doc, data: solverDataFromDocument(doc, opts.solver), source: opts.solver };
  }
  const b = BUILT_IN_SOLVER;
  const { doc, data } = runBuiltInSolver();
  return { doc, data, source: `built-in box QP: n = ${b.n} generated with seed ${b.problem_seed}, projected gradient to ${b.precision_bits} bits` };
}

/** A machine result file is at most a few MB (the solution vector of a large QP). */
const MAX_MACHINE_BYTES = 200_000_000;

/**
 * The report's machine run: a `limbound machine … --json` document as it is, or a problem run by the
 * machine with the command's defaults — a JSON with Q (or Q_entries) as `machine qp`, another JSON as
 * `machine ising`, anything else as a MAX-CUT edge list (`machine maxcut`).
 */
async function machineRun(file: string, opts: Record<string, unknown>, signal: AbortSignal) {
  const [{ isMachineDocument, machineRunFromDocument }, { machineQPDocument, machineIsingDocument, MACHINE_DEFAULTS }, { readInputFile }] = await Promise.all([
    import('../report/machine-report.js'),
    import('./machine.js'),
    import('../util/input-file.js'),
  ]);
  const text = readInputFile('machine', file, MAX_MACHINE_BYTES);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = undefined;
  }
  if (isMachineDocument(doc)) return machineRunFromDocument(doc, file);
  const threads = String(opts.threads ?? DEFAULT_THREADS);
  const common = { seed: MACHINE_DEFAULTS.seed, temperatureK: MACHINE_DEFAULTS.temperatureK, tau0S: MACHINE_DEFAULTS.tau0S, threads };
  const object = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  const kind = object && ('Q' in object || 'Q_entries' in object) ? 'qp' : object ? 'ising' : 'maxcut';
  const shown = kind === 'qp' ? `protocol ${MACHINE_DEFAULTS.qp.protocol}, ${MACHINE_DEFAULTS.qp.replicas} replicas` : `memory ${MACHINE_DEFAULTS.ising.memory}, default budget, best of ${MACHINE_DEFAULTS.ising.replicas} replicas after the polish`;
  const label = `limbound machine ${kind} ${file} (the command's defaults: ${shown}, seed ${MACHINE_DEFAULTS.seed})`;
  process.stderr.write(`machine: ${label}\n`);
  let progress: ReturnType<typeof createProgress> | undefined;
  const hooks = {
    signal,
    onProgress: (done: number, total: number) => {
      progress ??= createProgress('machine', total);
      progress.update(done);
    },
  };
  try {
    const result =
      kind === 'qp'
        ? await machineQPDocument(file, { ...common, ...MACHINE_DEFAULTS.qp }, hooks)
        : await machineIsingDocument(kind, file, { ...common, ...MACHINE_DEFAULTS.ising }, hooks);
    return machineRunFromDocument(result, label);
  } finally {
    progress?.finish();
  }
}

const NUMBER = String.raw`\+?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?\s*[A-Za-z]*`;
const SIZES = new RegExp(String.raw`^\s*(${NUMBER})\s*\.\.\s*(${NUMBER})\s*(?::\s*(\d+)\s*)?$`);

/** A size end: a count with an optional suffix ("100M", "1P"), NaN when it is not one. */
function sizeEnd(text: string | undefined): number {
  try {
    return text === undefined ? Number.NaN : parseQuantity('sizes', text, 'count');
  } catch {
    return Number.NaN;
  }
}

/** FROM..TO[:COUNT] of parameter counts, log-spaced; COUNT defaults to two per decade, as around the input. */
export function parseSizes(text: string): SizeRange {
  const m = SIZES.exec(text);
  const from = sizeEnd(m?.[1]);
  const to = sizeEnd(m?.[2]);
  if (!m || !(from > 0 && from < to && to <= 1e30)) throw new InputError('sizes', `expected FROM..TO[:COUNT] with 0 < FROM < TO ≤ 1e30, e.g. 1e6..1e15:19, got '${text}'`);
  if (m[3] === undefined) return { from, to, count: Math.min(MAX_SIZES, sizeCount(from, to)) };
  const count = Number(m[3]);
  if (count < 2 || count > MAX_SIZES) throw new InputError('sizes', `COUNT must be a whole number from 2 to ${MAX_SIZES}, got ${m[3]} in '${text}'`);
  return { from, to, count };
}

/** A number option within [min, max] (a whole number if asked), else a one-line error quoting the text given. */
function numberOption(name: string, text: string, range: { min: number; max: number; integer?: boolean }): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
    throw new InputError(name, `must be a ${range.integer ? 'whole ' : ''}number from ${compactNumber(range.min)} to ${compactNumber(range.max)}, got '${text}'`);
  }
  return value;
}

async function warnIfNoFonts(): Promise<void> {
  const { systemFontsFound } = await load();
  if (!systemFontsFound()) process.stderr.write('warning: no TrueType/OpenType fonts found; PNG text will be missing (install one, e.g. apt-get install fonts-dejavu-core)\n');
}

/** The command line that rebuilds the report: its config, every option that changes the output, paths quoted for a POSIX shell. */
export function reproduceCommand(out: string, opts: Record<string, unknown>): string {
  const parts = ['limbound report', `--config ${shellQuote(join(out, 'config.json'))}`];
  if (typeof opts.sim === 'string') parts.push(`--sim ${shellQuote(opts.sim)}`);
  else if (opts.sim === false) parts.push('--no-sim');
  else if (String(opts.threads) !== DEFAULT_THREADS) parts.push(`--threads ${shellQuote(String(opts.threads))}`);
  if (typeof opts.solver === 'string') parts.push(`--solver ${shellQuote(opts.solver)}`);
  else if (opts.solver === false) parts.push('--no-solver');
  if (typeof opts.machine === 'string') parts.push(`--machine ${shellQuote(opts.machine)}`);
  if (typeof opts.sizes === 'string') parts.push(`--sizes ${shellQuote(opts.sizes)}`);
  if (opts.png === false) parts.push('--no-png');
  else if (String(opts.scale) !== DEFAULT_SCALE) parts.push(`--scale ${shellQuote(String(opts.scale))}`);
  if (opts.uncertainty !== undefined) {
    // The config file written with the report holds no ranges: every user range goes on the command line.
    const flags = samplingFromOptions(opts);
    parts.push(opts.uncertainty === true ? '--uncertainty' : `--uncertainty ${shellQuote(String(opts.uncertainty))}`);
    for (const r of flags.ranges ?? []) parts.push(`--range ${shellQuote(`${r.name}=${compactNumber(r.low)}..${compactNumber(r.high)}:${r.distribution}`)}`);
    if (flags.onlyRanges) parts.push('--only-ranges');
    if (flags.seed !== DEFAULT_SEED) parts.push(`--seed ${flags.seed}`);
    if (typeof opts.scenarios === 'string') parts.push(`--scenarios ${shellQuote(opts.scenarios)}`);
  }
  parts.push(`--out ${shellQuote(out)}`);
  return parts.join(' ');
}

/** `text` as one POSIX shell word: bare when it is safe, else single-quoted. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
