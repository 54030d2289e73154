/**
 * Discrete choices as scenarios: an uncertainty run per value of each named choice (every combination
 * when several are named), reported side by side and never averaged. A choice is not a range: there
 * is no distribution over "what counts as a weight write" or "which accelerator", only answers under
 * each. Every scenario uses the same seed, hence the same sample design (common random numbers), so
 * the differences between columns are the choice's, not sampling noise.
 */
import { InputError } from '../util/errors.js';
import { FIELDS, type ChoiceField, type ValidInput } from './schema.js';
import type { UncertaintySummary } from './uncertainty.js';
import type { EstimateResult } from './estimate.js';
// The catalog choices (accelerators, devices) are registered with the schema by resolve.ts.
import './resolve.js';

/** The choices that can be scenarios: counting convention, cell model, hardware. */
export const SCENARIO_KEYS = ['ops_convention', 'cell', 'accelerator', 'accelerator_precision', 'device', 'lim_device'] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];
/** The discrete modelling choices (not hardware): `report --uncertainty` shows these by default. */
export const DEFAULT_SCENARIO_KEYS: readonly ScenarioKey[] = ['ops_convention', 'cell'];
/** At most this many combinations in one run. */
export const MAX_SCENARIOS = 64;

export type Scenario = Partial<Record<ScenarioKey, string>>;

export function scenarioChoices(key: ScenarioKey): readonly string[] {
  const field = FIELDS[key] as ChoiceField;
  return typeof field.choices === 'function' ? field.choices() : field.choices;
}

/** `ops_convention,cell`: the keys, checked; each one once. */
export function parseScenarioKeys(text: string): ScenarioKey[] {
  const keys = text.split(',').map((k) => k.trim()).filter(Boolean);
  if (!keys.length) throw new InputError('scenarios', `expected KEY[,KEY…] from ${SCENARIO_KEYS.join(', ')}, got '${text}'`);
  for (const k of keys) if (!(SCENARIO_KEYS as readonly string[]).includes(k)) throw new InputError('scenarios', `unknown choice '${k}' (allowed: ${SCENARIO_KEYS.join(', ')})`);
  if (new Set(keys).size !== keys.length) throw new InputError('scenarios', `a choice is named twice in '${text}'`);
  const count = keys.reduce((n, k) => n * scenarioChoices(k as ScenarioKey).length, 1);
  if (count > MAX_SCENARIOS) throw new InputError('scenarios', `${count} combinations; at most ${MAX_SCENARIOS} (name fewer choices)`);
  return keys as ScenarioKey[];
}

/** Every combination of the keys' values (first key slowest), each with its input. */
export function scenarioInputs(input: ValidInput, keys: readonly ScenarioKey[]): Array<{ scenario: Scenario; input: ValidInput }> {
  let combos: Scenario[] = [{}];
  for (const key of keys) combos = combos.flatMap((c) => scenarioChoices(key).map((v) => ({ ...c, [key]: v })));
  return combos.map((scenario) => ({ scenario, input: { ...input, ...scenario } as ValidInput }));
}

/** "ops_convention=flop, cell=binary". */
export function scenarioLabel(s: Scenario): string {
  return Object.entries(s).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The choices named and one result per combination, in scenarioInputs order. */
export interface ScenarioRun {
  keys: ScenarioKey[];
  list: ScenarioBands[];
}

/** One scenario's result: its bands beside its point values, or why it does not apply. */
export type ScenarioBands =
  | {
      scenario: Scenario;
      rows: Array<{ id: string; energy_J: number; energy_J_p05: number; energy_J_p50: number; energy_J_p95: number }>;
      claims: UncertaintySummary['claims'];
      probabilities: UncertaintySummary['probabilities'];
      ranges: number;
    }
  | { scenario: Scenario; not_applicable: string };

/** The JSON form of a scenario run: the summary's bands with each row's point value. */
export function scenarioBands(scenario: Scenario, point: EstimateResult, s: UncertaintySummary): ScenarioBands {
  return {
    scenario,
    rows: s.rows.map((b) => ({ id: b.id, energy_J: point.rows.find((r) => r.id === b.id)!.energy_J, energy_J_p05: b.energy_J_p05, energy_J_p50: b.energy_J_p50, energy_J_p95: b.energy_J_p95 })),
    claims: s.claims,
    probabilities: s.probabilities,
    ranges: s.ranges.length,
  };
}
