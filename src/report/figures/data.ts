/**
 * From engine results to figure data: the plain inputs of the spec functions. Pure and free of Node
 * APIs, so the CLI, the report and the web page (and its sweep worker) build identical figures.
 */
import type { EstimateResult } from '../../model/estimate.js';
import type { ValidInput } from '../../model/schema.js';
import { evaluatePoint, gridValues } from '../../model/sweep.js';
import { PARADIGMS, type ParadigmId } from '../../model/paradigms.js';
import { STRIDE } from '../../model/price.js';
import { WORKLOADS } from '../../data/workloads.js';
import { InputError } from '../../util/errors.js';
import { formatCount, formatDuration, formatScientific } from '../../util/format.js';
import { CITATIONS } from '../../data/sources.js';
import { BRAIN_POWER_CITATION, sourceNote } from './reference.js';
import type { LadderData } from './ladder.js';
import type { MeasuredPoint, SizeData, SizePoint } from './size.js';
import type { TradeoffData } from './tradeoff.js';
import type { WallsData } from './walls.js';
import type { Frame } from './theme.js';
import type { SeriesMeta } from './types.js';

const KIND_NOTE = 'bound = physics lower bound; estimate = technology data × counts; reported = energy a real run reports, with its accounting boundary.';

/** "P = 1e15 · F = 1.8e27 FLOP · N = 32 bit · T = 300 K · T_sol = 1 yr", as in the CLI header. */
export function inputSummary(r: EstimateResult): string {
  const c = r.counts;
  return `P = ${formatCount(c.params)} · F = ${formatScientific(c.flops)} FLOP · OPS = ${formatScientific(c.ops)} · N = ${c.precision_bits} bit · T = ${r.inputs.temperature_K} K · T_sol = ${formatDuration(c.time_s)}`;
}

/**
 * Bibliography ids behind each design-point figure. The figures' frames cite these and
 * figureCitations unions them, so a report or page cites exactly what its figures draw on.
 */
function designPointCitations(r: EstimateResult): Record<'ladder' | 'walls' | 'size' | 'tradeoff', string[]> {
  const engine = r.citations.map((c) => c.id);
  const reported = r.workload.kind === 'training' ? WORKLOADS.filter((w) => w.reported_energy).map((w) => w.reported_energy!.source.citation) : [];
  return { ladder: [...engine, BRAIN_POWER_CITATION], walls: engine, size: [...engine, ...reported], tradeoff: [...engine, BRAIN_POWER_CITATION] };
}

/**
 * Every source a result and the figures drawn from it cite (the four design-point figures, plus
 * `extra` frames such as the simulator and solver figures): known bibliography ids, each once,
 * without limbound's own stated assumptions. The report's references.bib and the page's citation.
 */
export function figureCitations(r: EstimateResult, extra: ReadonlyArray<Pick<Frame, 'citations'> | null | undefined> = []): string[] {
  const ids = [...Object.values(designPointCitations(r)).flat(), ...extra.flatMap((f) => f?.citations ?? [])];
  return [...new Set(ids)].filter((id) => CITATIONS[id] && id !== 'limbound');
}

/** The source note and the citation ids behind it. */
export function noted(ids: string[], lead: string): { note: string; citations: string[] } {
  const known = [...new Set(ids)];
  return { note: sourceNote(known, lead), citations: known };
}

function made(r: EstimateResult): string {
  return `limbound ${r.tool.version}. ${KIND_NOTE}`;
}

/** The paradigm series of a result (rows priced by the engine, measured excluded). */
export function seriesOf(r: EstimateResult): SeriesMeta[] {
  return r.rows.filter((row) => row.id !== 'reported').map((row) => ({ id: row.id, label: row.label, kind: row.kind }));
}

export function ladderData(r: EstimateResult): LadderData {
  return {
    title: `Energy ladder: ${r.workload.name}`,
    subtitle: [inputSummary(r), 'least energy to solution by paradigm; dashed line: the human brain at 20 W over the same time'],
    ...noted(designPointCitations(r).ladder, made(r)),
    rows: r.rows.map((row) => ({ id: row.id, label: row.label, kind: row.kind, energy_J: row.energy_J })),
    time_s: r.counts.time_s,
  };
}

export function wallsData(r: EstimateResult): WallsData {
  const rows = r.rows
    .filter((row) => row.memory_J !== null)
    .map((row) => ({ id: row.id, label: row.label, kind: row.kind, walls: { memory: row.memory_J, update: row.update_J, consolidation: row.consolidation_J, compute: row.compute_J } }));
  return {
    title: `Walls by paradigm: ${r.workload.name}`,
    subtitle: [inputSummary(r), 'memory = reading parameters; update = writing them; consolidation = keeping them; compute = arithmetic outside memory'],
    ...noted(designPointCitations(r).walls, `${made(r)} Measured rows have no wall split and are not shown.`),
    rows,
  };
}

export function tradeoffData(r: EstimateResult): TradeoffData {
  const t = r.tradeoff;
  if (!t) throw new Error('tradeoffData: estimate() was called without { tradeoff: true }');
  const markers = [{ time_s: r.counts.time_s, label: 'input T_sol' }];
  if (t.lim_within_2x_time_s !== null) markers.push({ time_s: t.lim_within_2x_time_s, label: 'LIM within 2× of floor' });
  markers.push({ time_s: t.relaxation_limited_time_s, label: 'τ_u = τ_r' });
  return {
    title: `Energy against time to solution: ${r.workload.name}`,
    subtitle: [inputSummary(r).replace(/ · T_sol = .*$/, ''), 'operation counts held fixed; LIM falls as 1/T_sol towards the Landauer floor'],
    ...noted(designPointCitations(r).tradeoff, made(r)),
    series: seriesOf(r),
    points: t.points.map((p) => ({ time_s: p.time_s, energy_J: { ...p.energy_J } })),
    markers,
    domain_min_time_s: t.model_domain_min_time_s,
  };
}

export interface SizeRange {
  from: number;
  to: number;
  count: number;
}

/** Default model sizes: a decade-aligned span around the input, two points per decade. */
export function defaultSizeRange(params: number, kind: string): SizeRange {
  const lo = kind === 'optimizer' ? Math.max(1, params / 1e3) : Math.min(1e6, params / 100);
  const hi = kind === 'optimizer' ? params * 1e3 : Math.max(1e15, params * 10);
  const from = 10 ** Math.floor(Math.log10(lo));
  const to = Math.min(1e30, 10 ** Math.ceil(Math.log10(hi)));
  return { from, to, count: sizeCount(from, to) };
}

/** Model sizes from `from` to `to` at two points per decade, both ends included. */
export function sizeCount(from: number, to: number): number {
  return 2 * Math.round(Math.log10(to / from)) + 1;
}

export interface SizeSweep {
  points: SizePoint[];
  /** Sizes the engine refused (e.g. a fixed `ops` below P), with the reason. */
  skipped: Array<{ params: number; reason: string }>;
}

/**
 * Energy of every paradigm at each model size, the other inputs held (F = 6·P·D recomputed; with
 * tokens_per_param, D = R·P moves with P, so F = 6·R·P²). A model config's FLOP per token describe one
 * model only and are dropped here.
 */
export function sizeSweep(input: ValidInput, range: SizeRange): SizeSweep {
  const { flops_per_token: _fixedToOneModel, ...base } = input;
  const values = gridValues({ key: 'params', from: range.from, to: range.to, count: range.count, log: true });
  const buf = new Float64Array(PARADIGMS.length * STRIDE);
  const points: SizePoint[] = [];
  const skipped: SizeSweep['skipped'] = [];
  for (const params of values) {
    try {
      const row = evaluatePoint(base, { params }, buf);
      points.push({ params, energy_J: { ...(row.energy_J as Record<ParadigmId, number>) } });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      skipped.push({ params, reason: err.message });
    }
  }
  return { points, skipped };
}

/** Reported energies of real training runs (the catalog's `reported_energy`), as measured points. */
export function reportedRuns(): MeasuredPoint[] {
  return WORKLOADS.filter((w) => w.reported_energy).map((w) => ({ params: w.params, label: w.name, energy_J: w.reported_energy!.energy_J }));
}

export function sizeData(r: EstimateResult, sweep: SizeSweep): SizeData {
  const training = r.workload.kind === 'training';
  const measured = training ? reportedRuns() : [];
  const ratio = r.inputs.tokens_per_param;
  const held = training
    ? typeof ratio === 'number'
      ? `D = ${formatCount(ratio)}·P tokens (tokens per parameter), F = 6·P·D = ${formatCount(6 * ratio)}·P²`
      : `D = ${formatScientific(Number(r.inputs.tokens))} tokens held fixed, F = 6·P·D`
    : `K = ${formatCount(r.counts.iterations ?? r.counts.steps)} iterations per variable held fixed, OPS = P·K`;
  return {
    title: `Energy against model size: ${r.workload.name} settings`,
    subtitle: [`${held} · N = ${r.counts.precision_bits} bit · T = ${r.inputs.temperature_K} K · T_sol = ${formatDuration(r.counts.time_s)}`, ...(measured.length ? ['diamonds: reported training energies of real runs (each at its own D and hardware)'] : [])],
    ...noted(designPointCitations(r).size, `${made(r)}${sweep.skipped.length ? ` ${sweep.skipped.length} sizes refused by the engine are left out.` : ''}`),
    series: seriesOf(r),
    points: sweep.points,
    measured,
    input_params: r.counts.params,
  };
}
