/** `limbound estimate | presets | tradeoff | sweep | schema` and `limbound bench estimate`. */
import type { Command } from 'commander';
import { addInputOptions, inputFromOptions } from './input-options.js';
import { printJson, emit } from './output.js';
import { estimateResolved, type EstimateResult } from '../model/estimate.js';
import { resolve } from '../model/resolve.js';
import { explain, explainSymbols } from '../model/explain.js';
import { explainGlossary } from '../model/explain-glossary.js';
import { tradeoff } from '../model/tradeoff.js';
import { FIELDS, checkRange, inputJsonSchema } from '../model/schema.js';
import { parseQuantity } from '../model/units.js';
import { assertFiniteResult } from '../util/finite.js';
import { sanitize } from '../util/text.js';
import { MAX_NUMBER_TEXT } from '../util/number-text.js';
import { renderTable, toCsv, type Column } from '../report/table.js';
import { estimateColumns, ROWS_CSV_HEADER, rowsCsvValues, summaryNotes } from '../report/estimate-table.js';
import { formatSI, formatCount, formatDuration, formatScientific } from '../util/format.js';
import type { PricedRow } from '../model/price.js';
import { PARADIGMS } from '../model/paradigms.js';
import { ACCELERATORS, DEVICES, WORKLOADS, CITATIONS, joulesPerFlop, type SourceRef } from '../data/index.js';
import { InputError } from '../util/errors.js';
import { conventionExplanation } from '../model/convention.js';
import { runSweep, parseVary } from './sweep.js';
import { benchEstimate } from '../model/bench.js';
import { DEFAULT_SAMPLES } from '../model/uncertainty.js';
import { addSamplingOptions, emitEstimateWithUncertainty, prepareUncertainty, refuseSamplingFlags, runScenarios, runUncertainty, scenarioKeysFromOptions } from './uncertainty.js';
import { SCENARIO_KEYS } from '../model/scenarios.js';

/** A count with an optional suffix ("100k"), or NaN for the caller's own error message. */
function countOrNaN(text: string): number {
  try {
    return parseQuantity('count', text, 'count');
  } catch {
    return Number.NaN;
  }
}
import { readFileSync } from 'node:fs';
import { REPORTED_FORMATS, parseReportedFile, type ReportedFormat } from '../model/reported-files.js';
import type { ReportedMeasurement } from '../model/reported.js';

export function registerEngineCommands(program: Command): void {
  addSamplingOptions(addInputOptions(
    program
      .command('estimate')
      .description('least energy to solution per paradigm, split by wall (default: the brain-scale preset)')
      .option('--json', 'print one JSON document')
      .option('--csv', 'print the rows as CSV')
      .option('--explain', 'show every formula with its values substituted, per row and wall')
      .option('--tradeoff', 'include the energy–speed trade-off (JSON only)')
      .option('--uncertainty [samples]', `sample the ranges of the assumptions (default ${DEFAULT_SAMPLES} samples): 5/50/95 % quantiles per row and claim`)
      .option('--scenarios <keys>', `with --uncertainty: the bands under every value of these discrete choices, side by side (${SCENARIO_KEYS.join(', ')}; comma-separated)`)
      .option('--reported-file <file>', "your run's measurement: CodeCarbon emissions.csv or an nvidia-smi --query-gpu=timestamp,power.draw --format=csv log")
      .option('--reported-format <format>', 'format of --reported-file: codecarbon or nvidia-smi (default: detected from the header)'),
  ), true).action(async (opts) => {
    const input = inputFromOptions(opts);
    const resolved = resolve(input, reportedFileFromOptions(opts));
    const result = estimateResolved(resolved, { tradeoff: Boolean(opts.tradeoff) || (!opts.json && !opts.csv) });
    // Flag errors first: a bad range is reported before any warning or output.
    const prepared = opts.uncertainty !== undefined ? prepareUncertainty(input, opts) : undefined;
    if (!prepared) refuseSamplingFlags(opts, '--uncertainty');
    const scenarioKeys = scenarioKeysFromOptions(opts, Boolean(prepared));
    printWarnings(result.warnings);
    if (prepared) {
      const summary = await runUncertainty(prepared);
      const scenarios = scenarioKeys && (await runScenarios(input, opts, scenarioKeys));
      emitEstimateWithUncertainty(result, summary, opts.json ? 'json' : opts.csv ? 'csv' : 'text', estimateHead(result), estimateFooter(result), scenarios);
      return;
    }
    if (opts.json) {
      printJson(opts.explain ? { ...result, explain: explain(resolved) } : result);
      return;
    }
    if (opts.csv) {
      emit(rowsCsv(result.rows));
      return;
    }
    emit(renderEstimate(result));
    if (opts.explain) emit(renderExplain(resolved));
  });

  program
    .command('presets')
    .description('list the built-in catalogs with their sources')
    .argument('[catalog]', 'workloads | accelerators | devices (default: all)')
    .option('--json', 'print JSON')
    .action((catalog: string | undefined, opts) => {
      const all = { workloads: WORKLOADS, accelerators: ACCELERATORS, devices: DEVICES };
      if (catalog !== undefined && !Object.hasOwn(all, catalog)) throw new InputError('catalog', `unknown catalog '${sanitize(catalog)}' (allowed: workloads, accelerators, devices)`);
      const chosen = catalog ? { [catalog]: all[catalog as keyof typeof all] } : all;
      if (opts.json) {
        printJson(chosen);
        return;
      }
      const parts: string[] = [];
      if (chosen.workloads) parts.push(renderWorkloads());
      if (chosen.accelerators) parts.push(renderAccelerators());
      if (chosen.devices) parts.push(renderDevices());
      emit(parts.join('\n\n'));
    });

  addInputOptions(
    program
      .command('tradeoff')
      .description('energy against time to solution for every paradigm (docs/model.md §4)')
      .option('--points <n>', 'number of T_sol values (log-spaced)', '25')
      .option('--from-s <time>', 'shortest T_sol, e.g. 1e-3 or "1 h" (default: 1000× faster than τ_u = τ_r)')
      .option('--to-s <time>', 'longest T_sol, e.g. "10 yr" (default: 100× the input T_sol)')
      .option('--json', 'print JSON')
      .option('--csv', 'print CSV'),
  ).action((opts) => {
    const resolved = resolve(inputFromOptions(opts));
    const points = positiveOption('points', opts.points, true);
    if (points < 2 || points > MAX_TRADEOFF_POINTS) throw new InputError('points', `must be a whole number from 2 to ${MAX_TRADEOFF_POINTS}, got ${points}`);
    const from_s = opts.fromS !== undefined ? timeOption('from-s', opts.fromS) : undefined;
    const to_s = opts.toS !== undefined ? timeOption('to-s', opts.toS) : undefined;
    if (from_s !== undefined && to_s !== undefined && to_s <= from_s) throw new InputError('to-s', `must be greater than --from-s (${from_s}), got ${to_s}`);
    const t = tradeoff(resolved, { points, from_s, to_s });
    assertFiniteResult(t);
    const last = t.points[t.points.length - 1]!.time_s;
    if (to_s !== undefined && last !== to_s) process.stderr.write(`warning: to-s: the span is at least one decade; it ends at ${formatDuration(last)} instead of ${formatDuration(to_s)}\n`);
    const ids = PARADIGMS.map((p) => p.id);
    if (opts.json) {
      printJson({ inputs: resolved.inputs, counts: resolved.counts, ...t });
      return;
    }
    if (opts.csv) {
      emit(toCsv(['time_s', ...ids.map((id) => `${id}_energy_J`), 'cim_barrier_kT', 'in_model_domain'], t.points.map((p) => [p.time_s, ...ids.map((id) => p.energy_J[id]), p.cim_barrier_kT, p.in_model_domain])));
      return;
    }
    const columns: Column<(typeof t.points)[number]>[] = [
      { header: 'T_sol', value: (p) => formatDuration(p.time_s), align: 'right' },
      ...ids.map((id) => ({ header: id, value: (p: (typeof t.points)[number]) => formatSI(p.energy_J[id], 'J'), align: 'right' as const })),
      { header: 'E_b* (kT)', value: (p) => p.cim_barrier_kT.toFixed(1), align: 'right' },
      { header: 'domain', value: (p) => (p.in_model_domain ? 'τ_u ≥ τ0' : 'outside (τ_u < τ0)') },
    ];
    const within = t.lim_within_2x_time_s;
    emit(
      [
        `Energy against time to solution — ${resolved.workload.name} (counts fixed; kind: bound for landauer/lim/cim, estimate otherwise)`,
        renderTable(t.points, columns),
        '',
        `LIM within 2× of the Landauer floor for T_sol ≥ ${within === null ? 'never (consolidation dominates)' : `${formatDuration(within)}${t.lim_within_2x_in_model_domain ? '' : " (outside the model's domain)"}`}; at the input's T_sol = ${formatDuration(resolved.counts.time_s)} LIM/floor = ${t.lim_over_floor_at_input.toPrecision(4)}.`,
        `Each cell is updated once per relaxation time (τ_u = τ_r) at T_sol = ${formatDuration(t.relaxation_limited_time_s)}; below T_sol = ${formatDuration(t.model_domain_min_time_s)} (τ_u < τ0) the model does not apply.`,
      ].join('\n'),
    );
  });

  addInputOptions(
    program
      .command('sweep')
      .description('evaluate a grid over numeric inputs: --vary NAME=FROM..TO[:log][:COUNT] (repeatable)')
      .option('--vary <spec>', 'a numeric input to vary, e.g. params=1e9..1e15:log:7 (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--format <format>', 'csv or jsonl', 'csv')
      .option('--out <file>', 'write to this file (written atomically; Ctrl-C keeps the rows finished)')
      .option('--max-points <n>', 'refuse grids larger than this', '100000'),
  ).action(async (opts) => {
    const varies = ((opts.vary as string[] | undefined) ?? []).map(parseVary);
    if (varies.length === 0) throw new InputError('vary', 'give at least one --vary NAME=FROM..TO[:log][:COUNT]');
    if (opts.format !== 'csv' && opts.format !== 'jsonl') throw new InputError('format', `unknown format '${opts.format}' (allowed: csv, jsonl)`);
    const maxPoints = positiveOption('max-points', opts.maxPoints, true);
    const base = inputFromOptions(opts);
    const summary = await runSweep({ base, varies, format: opts.format, out: opts.out, maxPoints });
    if (opts.out) process.stderr.write(`${summary.written} of ${summary.total} points written to ${opts.out}${summary.interrupted ? ' (interrupted)' : ''}\n`);
    if (summary.interrupted) process.exitCode = 130;
  });

  program
    .command('schema')
    .description('print the JSON Schema of the input / config format')
    .action(() => printJson(inputJsonSchema()));
}

export function registerBenchEstimate(bench: Command): void {
  bench
    .command('estimate')
    .description('throughput of the estimate core in design points per second (no I/O)')
    .option('--seconds <s>', 'measuring time', '2')
    .option('--json', 'print JSON')
    .action((opts) => {
      const result = benchEstimate(positiveOption('seconds', opts.seconds));
      if (opts.json) printJson(result);
      else emit(`estimate core: ${formatSI(result.core_points_per_s, 'points/s')} (one core, median of ${result.rounds} rounds; best ${formatSI(result.core_points_per_s_best, 'points/s')}); full estimate() API with validation: ${formatSI(result.api_points_per_s, 'points/s')}`);
    });
}

/** The most T_sol values of a tradeoff table. */
const MAX_TRADEOFF_POINTS = 10000;

/** A time option within the range of time_s (1 ps to 1e20 s), where every term of the model is finite. */
function timeOption(name: string, text: string): number {
  return relabelled(name, () => checkRange('time_s', parseQuantity('time_s', text, 'time'), FIELDS.time_s));
}

function relabelled<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof InputError) throw new InputError(name, err.message.slice(err.field.length + 2));
    throw err;
  }
}

/** Reads `--reported-file` (format detected or `--reported-format`) into a measurement. */
function reportedFileFromOptions(opts: Record<string, unknown>): ReportedMeasurement | undefined {
  const format = opts.reportedFormat as string | undefined;
  if (format !== undefined && !(REPORTED_FORMATS as readonly string[]).includes(format)) throw new InputError('reported_format', `unknown format '${format}' (allowed: ${REPORTED_FORMATS.join(', ')})`);
  if (typeof opts.reportedFile !== 'string') {
    if (format !== undefined) throw new InputError('reported_format', 'applies to --reported-file only');
    return undefined;
  }
  const path = opts.reportedFile;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('reported_file', `cannot read '${path}': ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseReportedFile(text, path, format as ReportedFormat | undefined);
}

/** Warnings go to stderr, one line each, so that --json and --csv output stays machine-readable. */
export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
}

function positiveOption(name: string, text: string, integer = false): number {
  const value = text.length > MAX_NUMBER_TEXT ? NaN : integer ? countOrNaN(text) : Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new InputError(name, `must be a positive ${integer ? 'whole ' : ''}number, got '${sanitize(text)}'`);
  }
  return value;
}

// ── rendering ───────────────────────────────────────────────────────────────

export function renderEstimate(r: EstimateResult): string {
  return [...estimateHead(r), renderTable(r.rows, estimateColumns(r)), ...estimateFooter(r)].join('\n');
}

function estimateHead(r: EstimateResult): string[] {
  const c = r.counts;
  const i = r.inputs;
  return [
    `${r.workload.name} — least energy to solution by paradigm (limbound ${r.tool.version})`,
    `P = ${formatCount(c.params)} · F = ${formatScientific(c.flops)} FLOP · OPS = ${formatScientific(c.ops)} · steps = ${formatCount(c.steps)} · U = ${formatScientific(c.param_writes)} writes · N = ${c.precision_bits} bit (N_eff ${r.derived.n_eff_bits}) · T = ${i.temperature_K} K · T_sol = ${formatDuration(c.time_s)}`,
    '',
  ];
}

function estimateFooter(r: EstimateResult): string[] {
  return [
    '',
    ...summaryNotes(r),
    'Kinds: bound = physics lower bound; estimate = technology data × counts; reported = energy a real run reports, with its accounting boundary.',
    'Run with --explain for every formula, --json for machine output, `limbound tradeoff` for energy against T_sol, `limbound presets` for sources.',
  ];
}

export function renderExplain(resolved: ReturnType<typeof resolve>): string {
  const lines = ['', ...conventionExplanation(resolved.ops_convention), '', 'Symbols:'];
  for (const [sym, value, meaning] of [...explainSymbols(resolved), ...explainGlossary(resolved)]) lines.push(`  ${sym.padEnd(6)} = ${value.padEnd(14)} ${meaning}`);
  let currentRow = '';
  for (const e of explain(resolved)) {
    if (e.row !== currentRow) {
      currentRow = e.row;
      lines.push('', `[${e.row}]`);
    }
    lines.push(`  ${e.wall.padEnd(13)} = ${e.formula}`);
    if (e.substituted) lines.push(`  ${''.padEnd(13)} = ${e.substituted}`);
  }
  return lines.join('\n');
}

function rowsCsv(rows: readonly PricedRow[]): string {
  return toCsv(ROWS_CSV_HEADER, rowsCsvValues(rows));
}

function sourceText(s: SourceRef): string {
  const c = CITATIONS[s.citation];
  return `${c ? `${c.authors.split(',')[0]} ${c.year}` : s.citation} [${s.status}]: ${s.where}`;
}

function renderWorkloads(): string {
  const table = renderTable(WORKLOADS, [
    { header: 'id', value: (w) => w.id },
    { header: 'kind', value: (w) => w.kind },
    { header: 'params', value: (w) => formatScientific(w.params), align: 'right' },
    { header: 'tokens', value: (w) => (w.tokens ? formatScientific(w.tokens) : '—'), align: 'right' },
    { header: 'FLOP', value: (w) => (w.flops ? formatScientific(w.flops) : w.tokens ? `6PD=${formatScientific(6 * w.params * w.tokens)}` : '—'), align: 'right' },
    { header: 'N', value: (w) => `${w.precision_bits}`, align: 'right' },
    { header: 'T_sol', value: (w) => formatDuration(w.time_s), align: 'right' },
    { header: 'accelerator', value: (w) => w.accelerator },
    { header: 'reported', value: (w) => (w.reported_energy ? `${formatSI(w.reported_energy.energy_J, 'J')} ${w.reported_energy.boundary}` : '—'), align: 'right' },
  ]);
  const sources = WORKLOADS.map((w) => [`  ${w.id}:`, ...w.sources.map((s) => `    source  ${sourceText(s)}`), ...(w.reported_energy ? [`    energy  ${sourceText(w.reported_energy.source)}`, `    method  ${w.reported_energy.method} (boundary: ${w.reported_energy.boundary})`] : []), ...w.assumptions.map((a) => `    assumes ${a}`)].join('\n'));
  return ['Workloads', table, '', ...sources].join('\n');
}

function renderAccelerators(): string {
  const rows = ACCELERATORS.flatMap((a) => Object.entries(a.precisions).map(([p, rating]) => ({ a, p, rating: rating! })));
  const table = renderTable(rows, [
    { header: 'id', value: (r) => r.a.id },
    { header: 'name', value: (r) => r.a.name },
    { header: 'precision', value: (r) => r.p },
    { header: 'peak', value: (r) => formatSI(r.rating.peak_flop_per_s, 'FLOP/s'), align: 'right' },
    { header: 'power', value: (r) => `${formatSI(r.a.tdp_W, 'W')} ${r.a.power_convention}`, align: 'right' },
    { header: 'energy/FLOP', value: (r) => formatSI(joulesPerFlop(r.a, r.p as never), 'J'), align: 'right' },
    { header: 'memory', value: (r) => `${r.a.memory} ${formatSI(r.a.memory_J_per_bit, 'J/bit')}`, align: 'right' },
    { header: 'bandwidth', value: (r) => formatSI(r.a.memory_bandwidth_B_per_s, 'B/s'), align: 'right' },
  ]);
  const sources = ACCELERATORS.map((a) => [`  ${a.id}:`, `    power     ${a.power_convention}: ${sourceText(a.tdp_source)}`, ...(a.alternative_power ? [`    alt power ${formatSI(a.alternative_power.W, 'W')} ${a.alternative_power.convention} (--accelerator-power-W): ${sourceText(a.alternative_power.source)}`] : []), ...Object.entries(a.precisions).map(([p, r]) => `    ${p.padEnd(9)} ${sourceText(r!.source)}`), `    memory    ${sourceText(a.memory_source)}${a.memory_source.note ? ` (${a.memory_source.note})` : ''}`, `    bandwidth ${sourceText(a.bandwidth_source)}`].join('\n'));
  return ['Accelerators (energy/FLOP = board power ÷ peak dense throughput: a best case; the power convention is stated per chip)', table, '', ...sources].join('\n');
}

function renderDevices(): string {
  const table = renderTable(DEVICES, [
    { header: 'id', value: (d) => d.id },
    { header: 'name', value: (d) => d.name },
    { header: 'paradigm', value: (d) => d.paradigm },
    { header: 'write', value: (d) => `${formatSI(d.write.value_J, 'J')}/${d.write_unit}${d.write.high_J ? ` (to ${formatSI(d.write.high_J, 'J')})` : ''}`, align: 'right' },
    { header: 'read', value: (d) => (d.read ? `${formatSI(d.read.value_J, 'J')}/bit` : '—'), align: 'right' },
    { header: 'bits/cell', value: (d) => String(d.bits_per_cell), align: 'right' },
    { header: 'volatile', value: (d) => (d.volatile ? 'yes' : 'no') },
  ]);
  const sources = DEVICES.map((d) => [`  ${d.id}:`, `    write  ${sourceText(d.write.source)}`, ...(d.read ? [`    read   ${sourceText(d.read.source)}`] : []), ...(d.bits_source ? [`    bits   ${sourceText(d.bits_source)}`] : []), ...(d.notes ? [`    note   ${d.notes}`] : [])].join('\n'));
  return ['Memory devices', table, '', ...sources].join('\n');
}
