/**
 * Everything the page says in words: a human label, unit and one-line help per input (one table, so
 * an input added to the engine's schema gets its place here; until then it is shown with a label
 * made from its schema description), the preset groups, the glossary of LIM / CIM / walls / kinds,
 * and the headline sentence. No DOM here, so it is unit-tested in Node.
 */
import { FIELDS, FIELD_KEYS, type FieldKey, type Field } from '../../src/model/schema.js';
import { SI_UNIT } from '../../src/model/units.js';
import type { EstimateResult } from '../../src/model/estimate.js';
import { formatSI } from '../../src/util/format.js';
import type { WorkloadPreset } from '../../src/data/workloads.js';

/** Where the model is written down, relative to the built page (web/dist/index.html in the repository). */
export const DOCS_URL = '../../docs/model.md';

export type GroupId = 'workload' | 'reported' | 'hardware' | 'physics' | 'counts';

export const GROUP_TITLES: Record<GroupId, string> = {
  workload: 'Your model and run',
  reported: 'Your measured run (optional)',
  hardware: 'Hardware',
  counts: 'Operation counts (optional)',
  physics: 'Physics of the memory (optional)',
};

export interface InputLabel {
  label: string;
  /** Unit shown after the label; the field also takes other units ("30 d", "1 h"). */
  unit?: string;
  help: string;
  group: GroupId;
  /** An example value typed the way people write it. */
  example?: string;
}

/** Labels for the inputs, keyed like the schema (other keys are ignored until the schema has them). */
export const INPUT_LABELS: Partial<Record<string, InputLabel>> = {
  workload: { label: 'Preset', help: 'Start from the brain-scale model, a published training run or an optimizer problem; any field below overrides it.', group: 'workload' },
  kind: { label: 'Workload type', help: 'Training counts FLOPs as update operations; an optimizer counts state variables × iterations.', group: 'workload' },
  params: { label: 'Parameters', help: 'P, the model size (or an optimizer\'s state variables).', group: 'workload', example: '70e9' },
  tokens: { label: 'Training tokens', help: 'D, tokens (or samples) seen in training.', group: 'workload', example: '15e12' },
  time_s: { label: 'Time to solution', unit: 's', help: 'Wall-clock length of the run; a unit is fine: 30 d, 1 yr.', group: 'workload', example: '30 d' },
  precision_bits: { label: 'Parameter precision', unit: 'bit', help: 'N, bits stored per parameter (32 for FP32 master weights).', group: 'workload', example: '16' },
  temperature_K: { label: 'Temperature', unit: 'K', help: 'Of the memory; 300 K is room temperature. Sets kT, the scale of every bound.', group: 'physics', example: '300' },
  tokens_per_param: { label: 'Tokens per parameter', help: 'R, sets the training tokens to R × parameters instead (compute-optimal: about 20, Hoffmann et al. 2022).', group: 'workload', example: '20' },
  flops_per_token: { label: 'Training FLOP per token', help: 'By default 6 × parameters; a model config adds attention.', group: 'counts' },
  accelerator: { label: 'Accelerator', help: 'The chip of the von Neumann row, at full use: a best case (real runs use 2–10× more).', group: 'hardware' },
  accelerator_precision: { label: 'Accelerator math precision', help: 'Precision of its matrix math; sets its joules per FLOP.', group: 'hardware' },
  device: { label: 'Memory device', help: 'A real memory device priced as an in-memory row (LIM-capable devices set the LIM row).', group: 'hardware' },
  lim_device: { label: 'LIM device', help: 'The learning-in-memory device of the “LIM on …” row.', group: 'hardware' },
  flops: { label: 'Training compute', unit: 'FLOP', help: 'F; by default 6·P·D (Kaplan et al. 2020).', group: 'counts', example: '3.14e23' },
  ops: { label: 'Update operations', help: 'OPS; by default F for training, P·K for an optimizer.', group: 'counts' },
  steps: { label: 'Optimizer steps', help: 'S; by default training tokens ÷ batch size.', group: 'counts' },
  batch_tokens: { label: 'Batch size', unit: 'tokens', help: 'B, tokens per optimizer step.', group: 'counts', example: '4M' },
  iterations: { label: 'Iterations', help: 'K, optimizer iterations to solution; by default from the convergence law.', group: 'counts' },
  convergence: { label: 'Convergence law', help: 'How an optimizer approaches its solution: linear (rate ρ), O(1/k) or O(1/√k).', group: 'counts' },
  convergence_rate: { label: 'Contraction per iteration', help: 'ρ of a linear law, between 0 and 1.', group: 'counts' },
  checkpoint_interval_steps: { label: 'Checkpoint interval', unit: 'steps', help: 'Optimizer steps between full-model checkpoints (part of the consolidation wall).', group: 'counts' },
  ops_convention: { label: 'What counts as a weight write', help: 'flop: every FLOP writes (the seed paper\'s reading, default); sample: once per weight per token; step: once per weight per optimizer step.', group: 'counts' },
  cell: { label: 'Memory cell', help: 'binary: N bistable cells per parameter (default); analog: one cell of 2^N levels.', group: 'physics' },
  retention_error: { label: 'Retention error', help: 'ε_ret, the tolerated chance of losing a bit of the trained model within the retention time.', group: 'physics' },
  ambient_K: { label: 'Ambient temperature', unit: 'K', help: 'Where the heat goes; below it, cooling costs the Carnot factor.', group: 'physics' },
  n_eff_bits: { label: 'Bits changed per update', unit: 'bit', help: 'N_eff; by default all N bits.', group: 'physics' },
  tau0_s: { label: 'Attempt time', unit: 's', help: 'τ0 of thermally activated escape from a memory state (about 1 ns).', group: 'physics' },
  relaxation_s: { label: 'Cell relaxation time', unit: 's', help: 'τ_r of a memory cell over its state range; by default from the cell and τ0.', group: 'physics' },
  transport_c: { label: 'Update transport factor', help: 'c = W₂²/L² of one update; by default from the cell: 1/2 binary, towards 1/12 analog.', group: 'physics' },
  erasure_error: { label: 'Erasure error', help: 'ε, the tolerated chance that an erased bit is wrong.', group: 'physics' },
  refresh_error: { label: 'Refresh error', help: 'ε_ref, the tolerated chance of losing a bit between refreshes.', group: 'physics' },
  retention_s: { label: 'Retention time', unit: 's', help: 'τ_ret, how long the trained model must be kept (sets the barrier height).', group: 'physics', example: '10 yr' },
  reported_energy_J: { label: 'Your run\'s energy', unit: 'J', help: 'The energy your run used, to place it on the ladder: a unit is fine (50 MWh, 3 GJ).', group: 'reported', example: '50 MWh' },
  boundary: { label: 'What that energy includes', help: 'gpu: accelerators only; system: whole servers; facility: servers × PUE (cooling, power delivery).', group: 'reported' },
  gpu_hours: { label: 'GPU-hours', unit: 'h', help: 'Instead of an energy: GPU-hours × power per GPU (× PUE) is your run\'s energy.', group: 'reported', example: '1.7e6' },
  gpu_power_W: { label: 'Power per GPU', unit: 'W', help: 'With GPU-hours: e.g. the board TDP (400 W for an A100, 700 W for an H100).', group: 'reported', example: '400' },
  mfu: { label: 'Model FLOPs utilisation', help: 'Achieved ÷ peak FLOP/s of the accelerator row; 1 is the best case, real runs reach 0.2–0.6.', group: 'hardware', example: '0.4' },
  pue: { label: 'PUE', help: 'Power usage effectiveness of the datacentre, applied to the accelerator row and to GPU-hours; 1 is the best case.', group: 'hardware', example: '1.1' },
  accelerator_power_W: { label: 'Accelerator board power', unit: 'W', help: 'By default the catalog figure (TDP, or a measured maximum where no TDP is published).', group: 'hardware' },
  optimizer: { label: 'Optimizer', help: 'Whose state the von Neumann machine rewrites each step: mixed-precision Adam moves 16 bytes per parameter.', group: 'hardware' },
  optimizer_state_bytes: { label: 'Optimizer state', unit: 'B', help: 'Bytes rewritten per parameter per step; by default from the optimizer.', group: 'hardware' },
  arithmetic_intensity_flop_per_byte: { label: 'Arithmetic intensity', unit: 'FLOP/B', help: 'FLOP per byte moved off-chip; by default the accelerator\'s ridge point.', group: 'hardware' },
};

/** The label of any input: from the table, or made from the schema description ("P: parameters" → "Parameters"). */
export function labelOf(key: string): InputLabel {
  const known = INPUT_LABELS[key];
  if (known) return known;
  const field = (FIELDS as Record<string, Field>)[key];
  const description = field?.description ?? key;
  const text = description.replace(/^[^:]{1,12}:\s*/, '');
  const short = text.replace(/\s*\(.*$/, '');
  const unit = field?.type === 'number' ? SI_UNIT[field.dimension] || undefined : undefined;
  return { label: short.charAt(0).toUpperCase() + short.slice(1), unit, help: `${description}.`, group: field?.type === 'choice' ? 'hardware' : 'physics' };
}

/** The input keys of each group, in the table's order, then any schema input the table does not know. */
export function groupedKeys(): Array<{ id: GroupId; title: string; keys: FieldKey[] }> {
  const order = Object.keys(INPUT_LABELS);
  const keys = [...FIELD_KEYS].sort((a, b) => rank(order, a) - rank(order, b));
  return (Object.keys(GROUP_TITLES) as GroupId[]).map((id) => ({ id, title: GROUP_TITLES[id], keys: keys.filter((k) => labelOf(k).group === id) }));
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

export interface PresetGroup {
  label: string;
  ids: string[];
}

/** Presets in three groups: the brain-scale model, published training runs, optimizer problems. */
export function presetGroups(workloads: readonly WorkloadPreset[]): PresetGroup[] {
  const brain = workloads.filter((w) => w.id === 'brain-scale');
  const optimizers = workloads.filter((w) => w.kind === 'optimizer');
  const runs = workloads.filter((w) => !brain.includes(w) && !optimizers.includes(w));
  return [
    { label: 'Brain scale', ids: brain.map((w) => w.id) },
    { label: 'Reported training runs', ids: runs.map((w) => w.id) },
    { label: 'Optimizers', ids: optimizers.map((w) => w.id) },
  ].filter((g) => g.ids.length);
}

export interface GlossaryEntry {
  id: string;
  term: string;
  text: string;
  /** Section of docs/model.md. */
  section: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { id: 'landauer', term: 'Landauer floor', text: 'Erasing one bit at temperature T costs at least kT·ln 2 (2.9 zJ at 300 K). Writing every bit that training changes, slowly enough, costs this much: no machine can do better.', section: '2.1 Landauer floor' },
  { id: 'lim', term: 'LIM, learning-in-memory', text: 'The memory cell itself learns: its energy barrier is lowered to update and raised to keep, following the optimizer, so parameters are never moved. Its bound sits at or near the Landauer floor.', section: '2.5 Learning-in-memory' },
  { id: 'cim', term: 'CIM, compute-in-memory', text: 'Arithmetic happens inside the memory array, but each cell has one fixed barrier high enough to keep the model: every update pays to cross it, and volatile cells pay for refresh.', section: '2.4 The best static barrier' },
  { id: 'von-neumann', term: 'von Neumann', text: 'Processor and memory are apart, so parameters are read from and written back to memory (HBM) for every step: today\'s GPUs and TPUs.', section: '3. Paradigms' },
  { id: 'walls', term: 'Walls', text: 'Where the energy goes. Memory: reading the parameters. Update: writing them at training precision. Consolidation: keeping them (refresh, checkpoints, long-term storage). Compute: arithmetic outside the memory.', section: '3. Paradigms' },
  { id: 'kinds', term: 'bound, estimate, reported', text: 'A bound is a physics lower bound under the stated model; an estimate is technology data × operation counts (the accelerator row is a best case, real runs sit 2–10× higher); a reported row is the measured energy of a real run.', section: '6. What is a bound and what is not' },
];

/**
 * The headline in words: "LIM needs 165 MJ, 6.95 orders of magnitude below an NVIDIA H100 SXM5" (and
 * the reported run, when there is one).
 */
export function headline(r: EstimateResult): { lead: string; detail: string } {
  const lim = r.rows.find((x) => x.id === 'lim')!;
  const floor = r.rows.find((x) => x.id === 'landauer')!;
  const acc = r.rows.find((x) => x.id === 'vn-accelerator')!;
  const reported = r.rows.find((x) => x.kind !== 'bound' && x.kind !== 'estimate');
  const below = Math.log10(acc.energy_J / lim.energy_J).toFixed(2);
  const chip = acc.label.replace(/^von Neumann, /, '');
  const lead = `LIM needs ${formatSI(lim.energy_J, 'J')}, ${below} orders of magnitude below ${chip}.`;
  const parts = [
    `The Landauer floor is ${formatSI(floor.energy_J, 'J')} (${formatSI(floor.energy_J / 3600, 'Wh')}); LIM sits ${lim.orders_above_floor.toFixed(2)} orders above it.`,
    `${chip} at full use needs ${formatSI(acc.energy_J, 'J')} (${formatSI(acc.energy_J / 3600, 'Wh')}), a best case.`,
  ];
  if (reported) parts.push(`${reported.label}: ${formatSI(reported.energy_J, 'J')} (${formatSI(reported.energy_J / 3600, 'Wh')}), ${reported.orders_above_floor.toFixed(2)} orders above the floor.`);
  return { lead, detail: parts.join(' ') };
}

/**
 * The run's title: the preset's name when its values are kept; a custom run is never given the
 * name of the preset it starts from.
 */
export function runTitle(presetName: string, presetChosen: boolean, changed: readonly string[]): string {
  if (!changed.length) return presetName;
  const list = changed.map((k) => labelOf(k).label.toLowerCase()).join(', ');
  return presetChosen ? `${presetName}, with your ${list}` : `Custom run (your ${list})`;
}
