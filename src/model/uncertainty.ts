/**
 * Uncertainty of the estimate: every range of src/data/ranges.ts (or the user's) is sampled with a
 * shifted Sobol' sequence, each sample is priced by the engine's allocation-free core, and the rows and
 * the derived claims are summarised by their 5/50/95 % quantiles (docs/model.md, "Uncertainty").
 *
 * A sample's values depend only on (seed, sample index), so any split of the samples between threads
 * gives the same samples and the same quantiles.
 */
import { InputError } from '../util/errors.js';
import { inverseCdf, DISTRIBUTIONS, type DistributionKind } from '../util/distributions.js';
import { SobolSequence } from '../util/sobol.js';
import { quantiles, fractionWhere } from '../util/quantile.js';
import { seedParticle, nextInt32, MAX_SEED } from '../sim/rng.js';
import { DEFAULT_RANGES, MEASURED_MAX_POWER_LOW, SINGLE_FIGURE_DEVICE_SPREAD, type RangeRow } from '../data/ranges.js';
import { assumed, type SourceRef } from '../data/sources.js';
import type { DeviceEnergy, MemoryDevice } from '../data/devices.js';
import { resolve, type Resolved } from './resolve.js';
import type { ValidInput } from './schema.js';
import { parseQuantity } from './units.js';
import { FIELDS, suggestFrom, type NumericField } from './schema.js';
import { emptyDerived, forgetEnvConstants, type PricingEnv } from './env.js';
import { priceInto, STRIDE, TOTAL } from './price.js';
import { PARADIGMS, type ParadigmId } from './paradigms.js';
import { uncertainQuantities, type Domain, type SampleState, type UncertainQuantity } from './uncertain-inputs.js';
import { describeRange, compactNumber } from '../util/errors.js';

export const DEFAULT_SAMPLES = 10_000;
/** Largest sample count accepted: ten output arrays of this length stay within a few hundred MB. */
export const MAX_SAMPLES = 4_000_000;
export const DEFAULT_SEED = 1;
export const QUANTILE_LEVELS = [0.05, 0.5, 0.95] as const;

/** A range as the user writes it (flag or config), before it is checked against the quantity. */
export interface RangeSpec {
  name: string;
  low: number;
  high: number;
  distribution: DistributionKind;
}

/** A range in force for one run. */
export interface ActiveRange {
  name: string;
  description: string;
  unit: string;
  low: number;
  high: number;
  distribution: DistributionKind;
  /** Value at the design point. */
  point: number;
  origin: 'default' | 'user';
  source: SourceRef;
}

export interface SamplingOptions {
  /** User ranges: replace the default range of the same name, or add one. */
  ranges?: readonly RangeSpec[];
  /** Keep every input without a user range at its point value. */
  onlyRanges?: boolean;
}

export interface SamplingPlan {
  input: ValidInput;
  options: SamplingOptions;
  base: Resolved;
  ranges: ActiveRange[];
}

/** The sampled outputs: one energy per paradigm row, then the derived claims. */
export const CLAIMS = ['lim_over_floor', 'orders_accelerator_over_lim', 'cim_barrier_kT'] as const;
export type ClaimId = (typeof CLAIMS)[number];
export const METRIC_COUNT = PARADIGMS.length + CLAIMS.length;
const ROW_INDEX = Object.fromEntries(PARADIGMS.map((p, i) => [p.id, i])) as Record<ParadigmId, number>;

// ── ranges ────────────────────────────────────────────────────────────────

/** Parses `NAME=LOW..HIGH[:uniform|log|normal|lognormal]`; LOW and HIGH may carry units for input keys. */
export function parseRangeSpec(text: string): RangeSpec {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*\.\.\s*(.+?)\s*(?::\s*([A-Za-z]+)\s*)?$/.exec(text);
  if (!m) throw new InputError('range', `expected NAME=LOW..HIGH[:${DISTRIBUTIONS.join('|')}], got '${text}'`);
  const [, name, lowText, highText, dist] = m;
  return { name: name!, low: parseBound(name!, 'LOW', lowText!), high: parseBound(name!, 'HIGH', highText!), distribution: parseDistribution(name!, dist ?? 'uniform') };
}

/** A config file's `ranges:` mapping: NAME: "LOW..HIGH[:dist]" or NAME: { low, high, distribution }. */
export function rangesFromConfig(value: unknown): RangeSpec[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw new InputError('ranges', 'expected a mapping NAME: "LOW..HIGH[:distribution]"');
  return Object.entries(value as Record<string, unknown>).map(([name, spec]) => {
    if (typeof spec === 'string') return parseRangeSpec(`${name}=${spec}`);
    if (spec && typeof spec === 'object' && !Array.isArray(spec)) {
      const s = spec as Record<string, unknown>;
      for (const k of Object.keys(s)) if (!['low', 'high', 'distribution'].includes(k)) throw new InputError(`ranges.${name}`, `unknown key '${k}' (allowed: low, high, distribution)`);
      return {
        name,
        low: parseBound(name, 'low', s.low),
        high: parseBound(name, 'high', s.high),
        distribution: parseDistribution(name, s.distribution ?? 'uniform'),
      };
    }
    throw new InputError(`ranges.${name}`, 'expected "LOW..HIGH[:distribution]" or { low, high, distribution }');
  });
}

function parseBound(name: string, which: string, value: unknown): number {
  const field = (FIELDS as Record<string, { type: string }>)[name];
  let n: number;
  // A number is already in SI units; only a string of an input key can carry a unit.
  if (field?.type === 'number' && typeof value === 'string') n = parseQuantity(`range ${name}`, value, (field as NumericField).dimension);
  else n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new InputError(`range ${name}`, `${which} must be a finite number, got '${String(value)}'`);
  return n;
}

function parseDistribution(name: string, value: unknown): DistributionKind {
  const text = String(value).toLowerCase();
  if (!(DISTRIBUTIONS as readonly string[]).includes(text)) throw new InputError(`range ${name}`, `unknown distribution '${String(value)}' (allowed: ${DISTRIBUTIONS.join(', ')})`);
  return text as DistributionKind;
}

function inDomain(v: number, d: Domain): boolean {
  const lowOk = d.min === undefined || (d.minExclusive ? v > d.min : v >= d.min);
  const highOk = d.max === undefined || (d.maxExclusive ? v < d.max : v <= d.max);
  return lowOk && highOk;
}

/** Checks a user range against its quantity: ordered, positive for log scales, inside the allowed domain. */
function checkRange(spec: RangeSpec, q: UncertainQuantity): void {
  const field = `range ${spec.name}`;
  if (!(spec.low < spec.high)) throw new InputError(field, `LOW must be below HIGH, got ${compactNumber(spec.low)}..${compactNumber(spec.high)}`);
  if ((spec.distribution === 'log' || spec.distribution === 'lognormal') && spec.low <= 0) throw new InputError(field, `a ${spec.distribution} range needs LOW > 0, got ${compactNumber(spec.low)}`);
  if (!inDomain(spec.low, q.domain) || !inDomain(spec.high, q.domain)) {
    throw new InputError(field, `${compactNumber(spec.low)}..${compactNumber(spec.high)} leaves the allowed values (${describeRange(q.domain)}${q.unit ? ` ${q.unit}` : ''})`);
  }
}

function deviceRange(name: string, energy: DeviceEnergy | undefined, device: MemoryDevice): RangeRow | undefined {
  if (!energy) return undefined;
  if (energy.low_J !== undefined && energy.high_J !== undefined && energy.low_J < energy.high_J) {
    return { name, distribution: 'log', low: energy.low_J, high: energy.high_J, source: energy.source };
  }
  const { low, high } = SINGLE_FIGURE_DEVICE_SPREAD;
  return { name, distribution: 'log', low, high, relative: true, source: assumed(`${device.name}: the source gives one figure; ×${low}–×${high} around it`, energy.source.where) };
}

/** The default ranges for a design point: the table, plus the chosen devices' catalog ranges. */
export function defaultRangeRows(base: Resolved): RangeRow[] {
  const e = base.env;
  const devices = [
    deviceRange('lim_device_write_J', e.lim_device.write, e.lim_device),
    deviceRange('cim_device_write_J', e.cim_device.write, e.cim_device),
    deviceRange('cim_device_read_J', e.cim_device.read, e.cim_device),
  ].filter((r): r is RangeRow => r !== undefined);
  // A measured-maximum power figure has less room below it than a TDP.
  const table = e.accelerator.power_convention === 'measured max' ? DEFAULT_RANGES.map((r) => (r.name === 'accelerator_power_W' ? { ...r, low: MEASURED_MAX_POWER_LOW } : r)) : DEFAULT_RANGES;
  return [...table, ...devices];
}

export function planSampling(input: ValidInput, options: SamplingOptions = {}): SamplingPlan {
  const base = resolve(input);
  const quantities = new Map(uncertainQuantities().map((q) => [q.name, q]));
  const ranges: ActiveRange[] = [];
  const userNames = new Set<string>();
  for (const spec of options.ranges ?? []) {
    const q = quantities.get(spec.name);
    if (!q) throw new InputError('range', `unknown name '${spec.name}'${suggestFrom(spec.name, [...quantities.keys()])} (a numeric input key or one of: ${uncertainQuantities().filter((x) => !(x.name in FIELDS)).map((x) => x.name).join(', ')})`);
    if (userNames.has(spec.name)) throw new InputError(`range ${spec.name}`, 'given twice');
    userNames.add(spec.name);
    checkRange(spec, q);
    const point = q.point(base);
    if (point === undefined) throw new InputError(`range ${spec.name}`, 'does not apply to this design point');
    ranges.push({ ...spec, description: q.description, unit: q.unit, point, origin: 'user', source: assumed('user range') });
  }
  if (!options.onlyRanges) {
    for (const row of defaultRangeRows(base)) {
      // A value the user set is taken as meant: its default range does not apply.
      if (userNames.has(row.name) || base.origin[row.name] === 'input') continue;
      const q = quantities.get(row.name);
      if (!q) throw new Error(`range table names an unknown quantity '${row.name}'`);
      const point = q.point(base);
      if (point === undefined) continue;
      const low = row.relative ? row.low * point : row.low;
      const high = row.relative ? row.high * point : row.high;
      ranges.push({ name: row.name, description: q.description, unit: q.unit, low, high, distribution: row.distribution, point, origin: 'default', source: row.source });
    }
  }
  const plan: SamplingPlan = { input, options, base, ranges };
  checkEndpoints(plan);
  return plan;
}

/** Resolves the design point at each end of every input's range, so that a conflict (e.g. with another input) is reported up front. */
function checkEndpoints(plan: SamplingPlan): void {
  for (const r of plan.ranges) {
    // Stryker disable next-line ConditionalExpression: resolve() ignores keys outside FIELDS, so a catalog quantity's ends resolve as the design point already did; the skip saves the work
    if (!(r.name in FIELDS)) continue;
    for (const v of [r.low, r.high]) {
      try {
        resolve({ ...plan.input, [r.name]: v } as ValidInput);
      } catch (err) {
        if (err instanceof InputError) throw new InputError(`range ${r.name}`, `at ${compactNumber(v)}: ${err.message}`);
        throw err;
      }
    }
  }
}

// ── sampling ─────────────────────────────────────────────────────────────

/** Per-dimension digital shifts for a seed (xoshiro128** seeded by the simulator's hash). */
export function sobolShift(seed: number, dimension: number): Uint32Array {
  const state = new Uint32Array(4);
  seedParticle(seed, 0x51b01, state, 0);
  const shift = new Uint32Array(dimension);
  for (let d = 0; d < dimension; d++) shift[d] = nextInt32(state, 0) >>> 0;
  return shift;
}

function copyDevice(d: MemoryDevice): MemoryDevice {
  return { ...d, write: { ...d.write }, ...(d.read ? { read: { ...d.read } } : {}) };
}

/** Prices sample points: reuses one working setting and one output buffer for every point. */
export class SampleEvaluator {
  private readonly state: SampleState;
  private readonly inverse: Array<(u: number) => number>;
  private readonly setters: Array<((s: SampleState, v: number) => void) | undefined>;
  private readonly integer: boolean[];
  private readonly slow: number[];
  private readonly values: Float64Array;
  private readonly buffer = new Float64Array(PARADIGMS.length * STRIDE);
  private readonly scratch = emptyDerived();

  constructor(readonly plan: SamplingPlan) {
    const quantities = new Map(uncertainQuantities().map((q) => [q.name, q]));
    const b = plan.base;
    const env: PricingEnv = { ...b.env, accelerator: { ...b.env.accelerator }, lim_device: copyDevice(b.env.lim_device), cim_device: copyDevice(b.env.cim_device) };
    this.state = { counts: { ...b.counts }, env, base: b };
    this.inverse = plan.ranges.map((r) => {
      const q = quantities.get(r.name)!;
      return inverseCdf({ kind: r.distribution, low: r.low, high: r.high, min: q.domain.min, max: q.domain.max });
    });
    this.setters = plan.ranges.map((r) => quantities.get(r.name)!.set);
    this.integer = plan.ranges.map((r) => Boolean(quantities.get(r.name)!.domain.integer));
    this.slow = plan.ranges.map((_, i) => i).filter((i) => !this.setters[i]);
    this.values = new Float64Array(plan.ranges.length);
  }

  get dimension(): number {
    return this.plan.ranges.length;
  }

  /**
   * Prices `count` points whose uniform coordinates are u[(i·stride) + column[j]] for range j, and writes
   * metric m of point i to out[m][offset + i].
   */
  evaluate(u: Float64Array, stride: number, columns: ArrayLike<number>, count: number, out: Float64Array[], offset: number): void {
    const { state, values, buffer, scratch, inverse, setters, slow } = this;
    const dim = values.length;
    const accelerator = ROW_INDEX['vn-accelerator'] * STRIDE + TOTAL;
    const lim = ROW_INDEX.lim * STRIDE + TOTAL;
    const floor = ROW_INDEX.landauer * STRIDE + TOTAL;
    for (let i = 0; i < count; i++) {
      const row = i * stride;
      for (let j = 0; j < dim; j++) {
        const v = inverse[j]!(u[row + columns[j]!]!);
        values[j] = this.integer[j] ? Math.round(v) : v;
      }
      if (slow.length) this.reresolve();
      for (let j = 0; j < dim; j++) setters[j]?.(state, values[j]!);
      forgetEnvConstants();
      const d = priceInto(state.counts, state.env, buffer, PARADIGMS, scratch);
      const at = offset + i;
      for (let r = 0; r < PARADIGMS.length; r++) out[r]![at] = buffer[r * STRIDE + TOTAL]!;
      out[PARADIGMS.length]![at] = buffer[lim]! / buffer[floor]!;
      out[PARADIGMS.length + 1]![at] = Math.log10(buffer[accelerator]! / buffer[lim]!);
      out[PARADIGMS.length + 2]![at] = d.cim_barrier_kT;
    }
  }

  /** Slow path: resolve the design point with this sample's values of the inputs that need it. */
  private reresolve(): void {
    const input: Record<string, unknown> = { ...this.plan.input };
    for (const j of this.slow) input[this.plan.ranges[j]!.name] = this.values[j]!;
    const r = resolve(input as ValidInput);
    const { counts, env } = this.state;
    Object.assign(counts, r.counts);
    for (const [k, v] of Object.entries(r.env)) if (typeof v === 'number') (env as unknown as Record<string, number>)[k] = v;
    this.state.base = r;
  }
}

/** Output arrays for `count` samples. */
export function metricArrays(count: number): Float64Array[] {
  return Array.from({ length: METRIC_COUNT }, () => new Float64Array(count));
}

const CHUNK = 1024;

/** Samples start … start+count−1 of the plan's Sobol' design for `seed`, written at out[m][offset …]. */
export function sampleRange(plan: SamplingPlan, seed: number, start: number, count: number, out: Float64Array[], offset = 0): void {
  const evaluator = new SampleEvaluator(plan);
  const dim = evaluator.dimension;
  if (dim === 0) {
    evaluator.evaluate(new Float64Array(0), 0, [], count, out, offset);
    return;
  }
  const sobol = new SobolSequence(dim, sobolShift(seed, dim));
  const u = new Float64Array(CHUNK * dim);
  const columns = Array.from({ length: dim }, (_, j) => j);
  for (let done = 0; done < count; done += CHUNK) {
    const n = Math.min(CHUNK, count - done);
    sobol.fill(start + done, n, u);
    evaluator.evaluate(u, dim, columns, n, out, offset + done);
  }
}

/** SAMPLES as typed (`--uncertainty [SAMPLES]`, the page's sample count); `true` or nothing is the default. */
export function samplesFromOption(value: unknown, field = 'uncertainty'): number {
  if (value === true || value === undefined) return DEFAULT_SAMPLES;
  const text = String(value);
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new InputError(field, `SAMPLES must be a whole number, got '${text}'`);
  return checkSamples(n, field);
}

/** The seed of the sample design, as typed (`--seed`, the page's seed field). */
export function seedFromText(value: unknown): number {
  const text = String(value ?? DEFAULT_SEED);
  const seed = Number(text);
  if (text.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new InputError('seed', `must be a whole number from 0 to ${MAX_SEED}, got '${text}'`);
  return seed;
}

export function checkSamples(samples: number, field = 'uncertainty'): number {
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    throw new InputError(field, `SAMPLES must be a whole number ≥ 1 and ≤ ${compactNumber(MAX_SAMPLES)}, got ${samples}`);
  }
  return samples;
}

// ── summary ──────────────────────────────────────────────────────────────

export interface Band {
  p05: number;
  p50: number;
  p95: number;
}

export interface UncertaintySummary {
  samples: number;
  seed: number;
  method: string;
  ranges: ActiveRange[];
  rows: Array<{ id: ParadigmId; energy_J_p05: number; energy_J_p50: number; energy_J_p95: number }>;
  claims: Record<ClaimId, Band>;
  probabilities: {
    lim_within_one_order_of_floor: number;
    accelerator_over_lim_1e6_to_1e7: number;
    accelerator_over_lim_at_least_1e6: number;
  };
  statement: string;
}

export const SAMPLING_METHOD = "Sobol' sequence (Joe & Kuo 2008 directions) with a seeded random digital shift";

/** Four significant figures: a Monte-Carlo quantile carries no more. */
const sig = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

function band(values: Float64Array): Band {
  const [p05, p50, p95] = quantiles(values, QUANTILE_LEVELS).map(sig);
  return { p05: p05!, p50: p50!, p95: p95! };
}

/** Whole percent, but one decimal from 99.5 % up and below 0.5 %, where a whole percent would read 100 % or 0 %. */
const percent = (f: number) => `${(100 * f).toFixed(f >= 0.995 || f < 0.005 ? 1 : 0)} %`;

export function summarize(plan: SamplingPlan, seed: number, out: Float64Array[]): UncertaintySummary {
  const samples = out[0]!.length;
  const rows = PARADIGMS.map((p, r) => {
    const b = band(out[r]!);
    return { id: p.id, energy_J_p05: b.p05, energy_J_p50: b.p50, energy_J_p95: b.p95 };
  });
  const claimArrays = Object.fromEntries(CLAIMS.map((c, i) => [c, out[PARADIGMS.length + i]!])) as Record<ClaimId, Float64Array>;
  const claims = Object.fromEntries(CLAIMS.map((c) => [c, band(claimArrays[c])])) as Record<ClaimId, Band>;
  const probabilities = {
    lim_within_one_order_of_floor: fractionWhere(claimArrays.lim_over_floor, (v) => v <= 10),
    accelerator_over_lim_1e6_to_1e7: fractionWhere(claimArrays.orders_accelerator_over_lim, (v) => v >= 6 && v <= 7),
    accelerator_over_lim_at_least_1e6: fractionWhere(claimArrays.orders_accelerator_over_lim, (v) => v >= 6),
  };
  const statement =
    `Over ${samples} samples of ${plan.ranges.length} ranges: LIM within one order of the floor in ${percent(probabilities.lim_within_one_order_of_floor)} of samples; ` +
    `accelerator/LIM between 1e6 and 1e7 in ${percent(probabilities.accelerator_over_lim_1e6_to_1e7)}, at least 1e6 in ${percent(probabilities.accelerator_over_lim_at_least_1e6)}.`;
  return { samples, seed, method: SAMPLING_METHOD, ranges: plan.ranges, rows, claims, probabilities, statement };
}

/** One-thread run: plan, sample, summarise. */
export function uncertainty(input: ValidInput, options: SamplingOptions & { samples?: number; seed?: number } = {}): UncertaintySummary {
  const plan = planSampling(input, options);
  const samples = checkSamples(options.samples ?? DEFAULT_SAMPLES);
  const seed = options.seed ?? DEFAULT_SEED;
  const out = metricArrays(samples);
  sampleRange(plan, seed, 0, samples, out);
  return summarize(plan, seed, out);
}
