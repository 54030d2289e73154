/**
 * The sampling flags shared by `estimate --uncertainty` and `sensitivity` (--range, --only-ranges,
 * --seed, config `ranges:`), the uncertainty part of `estimate`, and the `sensitivity` command.
 */
import type { Command } from 'commander';
import { addInputOptions, configRanges, inputFromOptions } from './input-options.js';
import { printJson, emit } from './output.js';
import { InputError } from '../util/errors.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, parseRangeSpec, samplesFromOption, seedFromText, planSampling, rangesFromConfig, summarize, type RangeSpec, type SamplingOptions, type SamplingPlan, type UncertaintySummary } from '../model/uncertainty.js';
import { checkThreads, sampleParallel } from '../model/uncertainty-parallel.js';
import type { ValidInput } from '../model/schema.js';
import { createProgress } from './progress.js';
import { interruptSignal } from './interrupt.js';
import { sensitivity, type SensitivityResult } from '../model/sensitivity.js';
import type { EstimateResult } from '../model/estimate.js';
import { renderTable, toCsv } from '../report/table.js';
import { ROWS_CSV_HEADER, estimateColumns, rowsCsvValues } from '../report/estimate-table.js';
import { bandColumn, renderRanges, uncertaintyNotes } from '../report/uncertainty-table.js';
import { estimateResolved } from '../model/estimate.js';
import { resolve } from '../model/resolve.js';
import { SCENARIO_KEYS, parseScenarioKeys, scenarioBands, scenarioInputs, type ScenarioBands, type ScenarioKey, type ScenarioRun } from '../model/scenarios.js';
import { renderScenarios, scenariosCsv } from '../report/scenario-table.js';

export { samplesFromOption };

export function addSamplingOptions(cmd: Command, threads = false): Command {
  if (threads) cmd.option('--threads <n>', 'worker threads for the samples (the output does not depend on it)', '1');
  return cmd
    .option('--range <spec>', 'NAME=LOW..HIGH[:uniform|log|normal|lognormal]: a range for one input (repeatable; replaces its default range)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--only-ranges', 'sample only the --range inputs (and config `ranges:`); every other input stays at its point value')
    .option('--seed <n>', 'seed of the sample design (same seed, same output at any thread count)', String(DEFAULT_SEED));
}

/** A checked uncertainty run, ready to sample: every flag error is raised here, before any output. */
export interface PreparedUncertainty {
  plan: SamplingPlan;
  seed: number;
  samples: number;
  threads: number;
}

export function prepareUncertainty(input: ValidInput, opts: Record<string, unknown>, samplesValue: unknown = opts.uncertainty): PreparedUncertainty {
  const flags = samplingFromOptions(opts);
  const samples = samplesFromOption(samplesValue);
  const threads = checkThreads(Number(opts.threads ?? 1));
  return { plan: planSampling(input, flags), seed: flags.seed, samples, threads };
}

/** Samples with progress on a TTY; Ctrl-C keeps the samples finished (summarised, exit code 130). */
export async function runUncertainty(p: PreparedUncertainty): Promise<UncertaintySummary> {
  const progress = createProgress('uncertainty', p.samples);
  const { signal, dispose } = interruptSignal();
  try {
    const { out, completed } = await sampleParallel(p.plan, p.seed, p.samples, { threads: p.threads, signal, onProgress: (done) => progress.update(done) });
    progress.finish();
    if (completed < p.samples) {
      if (completed === 0) throw new InputError('uncertainty', 'interrupted before the first block of samples finished');
      process.stderr.write(`interrupted: ${completed} of ${p.samples} samples summarised\n`);
      process.exitCode = 130;
    }
    return summarize(p.plan, p.seed, out.map((a) => a.subarray(0, completed)));
  } finally {
    dispose();
  }
}

export interface SamplingFlags extends SamplingOptions {
  seed: number;
}

/** The user's ranges: config `ranges:` first, then --range flags (a flag replaces a config range of the same name). */
export function samplingFromOptions(opts: Record<string, unknown>): SamplingFlags {
  const byName = new Map<string, RangeSpec>();
  for (const r of rangesFromConfig(configRanges(opts))) byName.set(r.name, r);
  const flagNames = new Set<string>();
  for (const text of (opts.range as string[] | undefined) ?? []) {
    const r = parseRangeSpec(text);
    if (flagNames.has(r.name)) throw new InputError(`range ${r.name}`, 'given twice');
    flagNames.add(r.name);
    byName.set(r.name, r);
  }
  const seed = seedFromText(opts.seed);
  return { ranges: [...byName.values()], onlyRanges: Boolean(opts.onlyRanges), seed };
}

/** Refuses sampling flags on a run that does not sample. */
export function refuseSamplingFlags(opts: Record<string, unknown>, needs: string): void {
  if (opts.range !== undefined) throw new InputError('range', `needs ${needs}`);
  if (opts.onlyRanges) throw new InputError('only-ranges', `needs ${needs}`);
}

type BandRow = EstimateResult['rows'][number] & { energy_J_p05?: number | null; energy_J_p50?: number | null; energy_J_p95?: number | null };

/** The estimate's rows with their quantiles (null for a row that is not sampled, e.g. a reported run). */
export function rowsWithBands(result: EstimateResult, summary: UncertaintySummary): BandRow[] {
  return result.rows.map((row) => {
    const b = summary.rows.find((x) => x.id === row.id);
    return { ...row, energy_J_p05: b?.energy_J_p05 ?? null, energy_J_p50: b?.energy_J_p50 ?? null, energy_J_p95: b?.energy_J_p95 ?? null };
  });
}

// ── scenarios ────────────────────────────────────────────────────────────

/** `--scenarios KEY[,KEY…]`: checked before any output; undefined when not given. */
export function scenarioKeysFromOptions(opts: Record<string, unknown>, sampled: boolean): ScenarioKey[] | undefined {
  if (opts.scenarios === undefined) return undefined;
  if (!sampled) throw new InputError('scenarios', 'needs --uncertainty');
  return parseScenarioKeys(String(opts.scenarios));
}

/** One uncertainty run per combination of the choices; a combination the model refuses is kept with its reason. */
export async function runScenarios(input: ValidInput, opts: Record<string, unknown>, keys: ScenarioKey[]): Promise<ScenarioRun> {
  const list: ScenarioBands[] = [];
  for (const { scenario, input: one } of scenarioInputs(input, keys)) {
    let prepared: PreparedUncertainty;
    try {
      prepared = prepareUncertainty(one, opts);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      list.push({ scenario, not_applicable: err.message });
      continue;
    }
    list.push(scenarioBands(scenario, estimateResolved(prepared.plan.base), await runUncertainty(prepared)));
  }
  return { keys, list };
}

export const SCENARIOS_HINT = `Discrete choices (${SCENARIO_KEYS.join(', ')}) are not sampled: --scenarios ops_convention,cell shows the bands under each, side by side.`;

export function emitEstimateWithUncertainty(result: EstimateResult, summary: UncertaintySummary, format: 'json' | 'csv' | 'text', head: string[], notes: string[], scenarios?: ScenarioRun): void {
  const rows = rowsWithBands(result, summary);
  if (format === 'json') {
    const { rows: _bands, ...rest } = summary;
    printJson({ ...result, rows, uncertainty: scenarios ? { ...rest, scenarios: scenarios.list } : rest });
    return;
  }
  if (scenarios && format === 'csv') {
    emit(scenariosCsv(scenarios.keys, scenarios.list));
    return;
  }
  if (format === 'csv') {
    emit(toCsv([...ROWS_CSV_HEADER, 'energy_J_p05', 'energy_J_p50', 'energy_J_p95'], rowsCsvValues(result.rows).map((values, i) => [...values, rows[i]!.energy_J_p05, rows[i]!.energy_J_p50, rows[i]!.energy_J_p95])));
    return;
  }
  const columns = [...estimateColumns(result)];
  columns.splice(columns.findIndex((c) => c.header === 'energy') + 1, 0, bandColumn(summary));
  const tail = scenarios ? ['', renderScenarios(scenarios.keys, scenarios.list)] : [SCENARIOS_HINT];
  emit([...head, renderTable(result.rows, columns), '', ...uncertaintyNotes(summary), '', renderRanges(summary.ranges), ...tail, ...notes].join('\n'));
}

// ── sensitivity ──────────────────────────────────────────────────────────

export function registerSensitivity(program: Command): void {
  addSamplingOptions(
    addInputOptions(
      program
        .command('sensitivity')
        .description("which assumption drives each row and gap: Sobol' first- and total-order indices over the ranges of `estimate --uncertainty`")
        .option('--samples <n>', `base sample size N (N·(ranges + 2) evaluations; default ${DEFAULT_SAMPLES})`, String(DEFAULT_SAMPLES))
        .option('--bootstrap <n>', 'bootstrap resamples for the confidence intervals', '100')
        .option('--output <id>', 'show only this row or gap (e.g. vn-accelerator, orders_accelerator_over_lim)')
        .option('--json', 'print JSON'),
    ),
  ).action((opts) => {
    const input = inputFromOptions(opts);
    const flags = samplingFromOptions(opts);
    const samples = samplesFromOption(opts.samples, 'samples');
    const bootstrapText = String(opts.bootstrap);
    const bootstrap = Number(bootstrapText);
    if (!Number.isInteger(bootstrap) || bootstrap < 0 || bootstrap > 10000) throw new InputError('bootstrap', `must be a whole number from 0 to 10000, got '${bootstrapText}'`);
    const result = sensitivity(input, { ...flags, samples, bootstrap });
    let outputs = result.outputs;
    if (opts.output !== undefined) {
      outputs = outputs.filter((o) => o.id === opts.output);
      if (!outputs.length) throw new InputError('output', `unknown output '${opts.output}' (allowed: ${result.outputs.map((o) => o.id).join(', ')})`);
    }
    if (opts.json) {
      printJson({ ...result, outputs });
      return;
    }
    emit(renderSensitivity({ ...result, outputs }));
  });
}

const index = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(3));
const interval = (ci: [number, number]) => (Number.isNaN(ci[0]) ? '—' : `${ci[0].toFixed(3)} … ${ci[1].toFixed(3)}`);

/** Indices below this total order are folded into one line. */
const NEGLIGIBLE = 0.005;

export function renderSensitivity(r: SensitivityResult): string {
  const parts = [
    `Sobol' sensitivity indices — ${r.ranges.length} ranges, N = ${r.samples} (${r.evaluations} evaluations), seed ${r.seed}, ${r.bootstrap} bootstrap resamples`,
    `Estimators: ${r.estimators}. Sampling: ${r.method}.`,
  ];
  for (const o of r.outputs) {
    parts.push('', `${o.id}: ${o.quantity}`);
    if (o.indices.every((i) => Number.isNaN(i.total))) {
      parts.push('  constant over these ranges (no variance to apportion)');
      continue;
    }
    const shown = o.indices.filter((i) => i.total >= NEGLIGIBLE);
    parts.push(
      renderTable(shown, [
        { header: 'assumption', value: (i) => i.name },
        { header: 'first order', value: (i) => index(i.first), align: 'right' },
        { header: 'total order', value: (i) => index(i.total), align: 'right' },
        { header: '95 % CI (total)', value: (i) => interval(i.total_ci), align: 'right' },
      ]),
    );
    const rest = o.indices.length - shown.length;
    if (rest) parts.push(`  ${rest} other${rest > 1 ? 's' : ''} with total order below ${NEGLIGIBLE}`);
  }
  return parts.join('\n');
}
