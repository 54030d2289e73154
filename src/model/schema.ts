/**
 * The input format, declared once. The field table drives the zod schema (API and config files), the
 * JSON Schema (`limbound schema`), the CLI flags (`--time-s` for `time_s`) and range checks with
 * one-line errors. Config files are YAML or JSON with `version: 1`.
 */
import { z } from 'zod';
import { InputError, describeRange } from '../util/errors.js';
import { describeValue, sanitize } from '../util/text.js';
import { parseQuantity, type Dimension, SI_UNIT } from './units.js';
import { PRECISIONS } from '../data/accelerators.js';
import { OPTIMIZERS } from '../data/optimizers.js';
import { BOUNDARIES } from '../data/workloads.js';
import { CONVERGENCE_LAWS } from './convergence.js';
import { CELL_MODELS } from '../physics/cell.js';
import { OPS_CONVENTIONS } from './convention.js';

export interface NumericField {
  type: 'number';
  dimension: Dimension;
  description: string;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
}
export interface ChoiceField {
  type: 'choice';
  description: string;
  /** Allowed values, or a function listing them (catalog ids). */
  choices: readonly string[] | (() => readonly string[]);
}
/** Free text of bounded length, such as the name of a custom run. */
export interface TextField {
  type: 'text';
  description: string;
  maxLength: number;
}
export type Field = NumericField | ChoiceField | TextField;

const positive = (dimension: Dimension, description: string, extra: Partial<NumericField> = {}): NumericField => ({
  type: 'number', dimension, description, min: 0, minExclusive: true, ...extra,
});

/** A count of things (parameters, tokens, steps, operations): at least one. */
const count = (description: string, max: number): NumericField => positive('count', description, { min: 1, minExclusive: false, max });

/**
 * Every input key, its meaning, unit and allowed range. Keys carry their SI unit in the name. The
 * ranges are where the model is finite and meaningful: counts are ≥ 1; T ≥ 1 mK (kT stays a normal
 * float); T_sol ≥ 1 ps, τ0, τ_r ≥ 1 as and I ≥ 1e-6 FLOP/B keep the finite-time and traffic terms
 * finite; ε ≤ 0.4 keeps ln2 − H(ε) well above float round-off (at ε → 0.5 it vanishes and rounds
 * negative). docs/model.md §1 lists them.
 */
export const FIELDS = {
  name: { type: 'text', description: 'name of the run, shown in titles (default: the preset name)', maxLength: 120 } as TextField,
  workload: { type: 'choice', description: 'workload preset id (see `limbound presets workloads`)', choices: () => workloadIds() } as ChoiceField,
  kind: { type: 'choice', description: "'training' (OPS = FLOPs) or 'optimizer' (OPS = P·K)", choices: ['training', 'optimizer'] } as ChoiceField,
  params: count('P: parameters (model size) or optimizer state variables', 1e30),
  tokens: count('D: training tokens (or samples)', 1e30),
  tokens_per_param: positive('ratio', 'R: training tokens per parameter, D = R·P instead of tokens (compute-optimal: about 20, Hoffmann et al. 2022)', { max: 1e9 }),
  flops_per_token: count('training FLOP per token, F = flops_per_token·D (default 6·P; a model config gives 6·N + attention)', 1e30),
  flops: count('F: training FLOPs (default 6·P·D)', 1e45),
  ops: count('OPS: model-update operations (default by ops_convention)', 1e45),
  ops_convention: { type: 'choice', description: "what counts as a weight write: 'flop' (every FLOP, OPS = F: the paper's reading), 'sample' (once per weight per token/sample, OPS = P·D) or 'step' (once per weight per optimizer step, OPS = P·S); under sample and step the other MACs read weights in place (default: flop)", choices: OPS_CONVENTIONS } as ChoiceField,
  steps: count('S: optimizer steps (default D / batch_tokens)', 1e30),
  batch_tokens: count('B: tokens per optimizer step', 1e30),
  iterations: count('K: optimizer iterations to solution (default from the convergence law)', 1e30),
  convergence: { type: 'choice', description: 'convergence law of an optimizer: linear (rate ρ), sublinear O(1/k), sqrt O(1/√k)', choices: CONVERGENCE_LAWS } as ChoiceField,
  convergence_rate: positive('ratio', 'ρ: contraction factor per iteration of a linear law', { max: 1, maxExclusive: true }),
  precision_bits: positive('bits', 'N: bits of precision of each parameter', { min: 1, minExclusive: false, max: 64, integer: true }),
  n_eff_bits: positive('bits', 'N_eff: bits that change per update (default N)', { min: 1e-3, minExclusive: false, max: 64 }),
  temperature_K: positive('temperature', 'T: temperature of the memory', { min: 1e-3, minExclusive: false, max: 1e4 }),
  time_s: positive('time', 'T_sol: time to solution', { min: 1e-12, minExclusive: false, max: 1e20 }),
  tau0_s: positive('time', 'τ0: attempt time of thermally activated escape', { min: 1e-18, minExclusive: false, max: 1 }),
  cell: { type: 'choice', description: "memory cell of the in-memory rows: 'binary' (N bistable cells per parameter) or 'analog' (one cell of 2^N levels) (default: binary)", choices: CELL_MODELS } as ChoiceField,
  relaxation_s: positive('time', 'τ_r: relaxation time of a memory cell over its state range (default derived from the cell and τ0)', { min: 1e-18, minExclusive: false, max: 1 }),
  transport_c: positive('ratio', 'c = W₂²/L² of an update (default derived from the cell: 1/2 binary, → 1/12 analog)', { min: 1e-6, minExclusive: false, max: 10 }),
  erasure_error: { type: 'number', dimension: 'ratio', description: 'ε: tolerated erasure error per bit', min: 0, max: 0.4 } as NumericField,
  refresh_error: positive('ratio', 'ε_ref: tolerated chance of losing a bit between refreshes', { min: 1e-300, minExclusive: false, max: 0.5, maxExclusive: true }),
  retention_s: positive('time', 'τ_ret: how long the trained model must be kept', { max: 1e20 }),
  retention_error: positive('ratio', 'ε_ret: tolerated chance of losing a bit of the trained model within τ_ret', { max: 1 }),
  ambient_K: positive('temperature', 'T_amb: ambient temperature the heat is rejected to (Carnot cooling when T < T_amb)', { min: 1e-3, minExclusive: false, max: 1e4 }),
  arithmetic_intensity_flop_per_byte: positive('intensity', 'I: FLOP per byte moved off-chip (default: the accelerator ridge point for training, 16/N for optimizers)', { min: 1e-6, minExclusive: false, max: 1e9 }),
  accelerator: { type: 'choice', description: 'accelerator id for the von Neumann accelerator row', choices: () => acceleratorIds() } as ChoiceField,
  accelerator_precision: { type: 'choice', description: 'precision of the accelerator math', choices: PRECISIONS } as ChoiceField,
  device: { type: 'choice', description: 'memory device for a device row (a LIM-capable device sets the LIM row, others the CIM row)', choices: () => deviceIds() } as ChoiceField,
  lim_device: { type: 'choice', description: 'LIM-capable memory device for the lim-device row', choices: () => deviceIds('lim') } as ChoiceField,
  checkpoint_interval_steps: count('optimizer steps between full-model checkpoints', 1e30),
  optimizer: { type: 'choice', description: 'optimizer whose state a von Neumann machine rewrites each step (default adam-mixed for training, none for solvers)', choices: OPTIMIZERS.map((o) => o.id) } as ChoiceField,
  optimizer_state_bytes: positive('count', 'B_state: optimizer state bytes written per parameter per step (default from optimizer: 16 for mixed-precision Adam)', { max: 1e3 }),
  accelerator_power_W: positive('power', 'board power of the accelerator row (default: the catalog figure, e.g. TPU v3 TDP 450 W; its measured max 262 W is the alternative)', { max: 1e6 }),
  mfu: positive('ratio', 'model FLOPs utilisation of the accelerator row (default 1: the best case)', { min: 1e-6, minExclusive: false, max: 1 }),
  pue: { type: 'number', dimension: 'ratio', description: 'power usage effectiveness: applied to the accelerator row and to --gpu-hours (default 1: the best case)', min: 1, max: 5 } as NumericField,
  reported_energy_J: positive('energy', 'reported energy of your run, e.g. "50 MWh" (adds the reported row)', { max: 1e25 }),
  boundary: { type: 'choice', description: 'accounting boundary of the reported energy: gpu (accelerators only), system (servers), facility (× PUE)', choices: BOUNDARIES } as ChoiceField,
  gpu_hours: positive('count', 'GPU-hours of your run (with gpu_power_W: reported energy = hours × power × PUE)', { max: 1e15 }),
  gpu_power_W: positive('power', 'power per GPU for gpu_hours, e.g. the board TDP', { max: 1e5 }),
} as const satisfies Record<string, Field>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

/** What a user may pass: each numeric key a number or a "value unit" string. */
export type EstimateInput = { version?: 1 } & { [K in FieldKey]?: (typeof FIELDS)[K] extends NumericField ? number | string : string };

/** Validated input: numbers in SI. */
export type ValidInput = { [K in FieldKey]?: (typeof FIELDS)[K] extends NumericField ? number : string };

// Catalog ids are looked up lazily to keep this module free of import cycles.
let catalogs: { workloads: () => string[]; accelerators: () => string[]; devices: (p?: 'lim' | 'cim') => string[] } | undefined;
export function registerCatalogs(c: NonNullable<typeof catalogs>): void {
  catalogs = c;
}
const workloadIds = () => catalogs?.workloads() ?? [];
const acceleratorIds = () => catalogs?.accelerators() ?? [];
const deviceIds = (p?: 'lim' | 'cim') => catalogs?.devices(p) ?? [];

function zodField(field: Field): z.ZodType {
  if (field.type === 'text') return z.string().max(field.maxLength).describe(field.description);
  if (field.type === 'choice') {
    const list = typeof field.choices === 'function' ? field.choices() : field.choices;
    return (list.length ? z.enum(list as [string, ...string[]]) : z.string()).describe(field.description);
  }
  let num = z.number().describe(`${field.description}${SI_UNIT[field.dimension] ? ` [${SI_UNIT[field.dimension]}]` : ''}`);
  if (field.min !== undefined) num = field.minExclusive ? num.gt(field.min) : num.gte(field.min);
  if (field.max !== undefined) num = field.maxExclusive ? num.lt(field.max) : num.lte(field.max);
  if (field.integer) num = num.int();
  const withUnit = z.string().describe(`number with a unit, e.g. ${exampleFor(field.dimension)}`);
  return z.union([num, withUnit]);
}

function exampleFor(d: Dimension): string {
  return { count: '"1e15", "8B", "15T"', bits: '"32 bit"', time: '"30 d"', temperature: '"300 K"', ratio: '"0.5"', intensity: '"300 FLOP/B"', energy: '"50 MWh"', power: '"700 W"' }[d];
}

let cachedSchema: z.ZodType | undefined;

/** The zod schema of an input document (config file or API call); built once. */
export function inputSchema(): z.ZodType {
  if (cachedSchema) return cachedSchema;
  const shape: Record<string, z.ZodType> = { version: z.literal(1).optional().describe('format version of a config file') };
  for (const key of FIELD_KEYS) shape[key] = zodField(FIELDS[key]).optional();
  cachedSchema = z.strictObject(shape);
  return cachedSchema;
}

/** JSON Schema of the input/config format. */
export function inputJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(inputSchema(), { io: 'input' }) as object),
    $id: 'https://limbound.dev/schema/input-v1.json',
    title: 'limbound input',
  };
}

/** Keys that reach an object's prototype machinery; refused in every input document. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Validates and converts an input document: one InputError naming the first bad field. */
export function validateInput(raw: unknown, source = 'input'): ValidInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(source, 'expected an object of input keys');
  const doc = raw as Record<string, unknown>;
  // Own keys only: an inherited `params` (a prototype set through `__proto__`) is never read.
  const own = (key: string) => (Object.hasOwn(doc, key) ? doc[key] : undefined);
  for (const key of Object.keys(doc)) {
    if (PROTOTYPE_KEYS.has(key)) throw new InputError(sanitize(key), 'is not an input key (prototype keys are refused)');
    if (key !== 'version' && !Object.hasOwn(FIELDS, key)) {
      const shown = sanitize(key);
      throw new InputError(shown, `unknown key '${shown}'${suggestFrom(shown, FIELD_KEYS) || ` (allowed: ${FIELD_KEYS.join(', ')})`}`);
    }
  }
  const version = own('version');
  if (version !== undefined && version !== 1) throw new InputError('version', `unsupported version ${describeValue(version)} (allowed: 1)`);
  const out: Record<string, number | string> = {};
  for (const key of FIELD_KEYS) {
    const value = own(key);
    if (value === undefined || value === null) continue;
    const field: Field = FIELDS[key];
    if (field.type === 'text') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text || text.length > field.maxLength || /[\u0000-\u001f]/.test(text)) throw new InputError(key, `must be text of 1 to ${field.maxLength} characters on one line, got ${typeof value === 'string' ? `'${sanitize(value)}'` : describeValue(value)}`);
      out[key] = text;
    } else if (field.type === 'choice') {
      const list = typeof field.choices === 'function' ? field.choices() : field.choices;
      const text = typeof value === 'string' ? value.toLowerCase() : '';
      if (typeof value !== 'string' || !list.includes(text)) {
        const shown = typeof value === 'string' ? sanitize(value) : describeValue(value);
        throw new InputError(key, `unknown value ${typeof value === 'string' ? `'${shown}'` : shown}${typeof value === 'string' ? suggestFrom(shown, list) : ''} (allowed: ${list.join(', ')})`);
      }
      out[key] = text;
    } else {
      out[key] = checkRange(key, parseQuantity(key, value, field.dimension), field);
    }
  }
  // Zod is the source of truth for shape; the checks above give friendlier single-line errors first.
  // Stryker disable next-line ObjectLiteral,ConditionalExpression,EqualityOperator: the checks above accept only what the zod schema accepts, so this parse cannot fail
  const parsed = inputSchema().safeParse({ ...out, ...(version !== undefined ? { version } : {}) });
  // Stryker disable next-line BlockStatement: unreachable, the parse above cannot fail
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Stryker disable next-line LogicalOperator: unreachable, the parse above cannot fail
    throw new InputError(issue.path.join('.') || source, issue.message);
  }
  return out as ValidInput;
}

export function checkRange(key: string, value: number, field: NumericField): number {
  const range = { min: field.min, max: field.max, minExclusive: field.minExclusive, maxExclusive: field.maxExclusive };
  const unit = SI_UNIT[field.dimension];
  // Stryker disable next-line MethodExpression: every numeric field has a min, so describeRange is never empty and there is no space to trim
  const allowed = `${describeRange(range)}${unit ? ` ${unit}` : ''}`.trim();
  if (!Number.isFinite(value)) throw new InputError(key, `must be a finite number ${allowed}, got ${value}`);
  const lowOk = field.min === undefined || (field.minExclusive ? value > field.min : value >= field.min);
  const highOk = field.max === undefined || (field.maxExclusive ? value < field.max : value <= field.max);
  if (!lowOk || !highOk) throw new InputError(key, `must be ${allowed}, got ${value}`);
  if (field.integer && !Number.isInteger(value)) throw new InputError(key, `must be a whole number ${allowed}, got ${value}`);
  return value;
}

export function suggestFrom(word: string, options: readonly string[]): string {
  let best = '';
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
