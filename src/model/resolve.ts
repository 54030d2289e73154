/**
 * From a validated input (preset + overrides) to the operation counts and pricing setting of one design
 * point (docs/model.md §1). Pure: the same input gives the same counts.
 */
import { InputError } from '../util/errors.js';
import { ACCELERATORS, DEVICES, WORKLOADS, findDevice, findWorkload, ridgeIntensity_flop_per_byte } from '../data/index.js';
import type { WorkloadPreset, Precision } from '../data/index.js';
import type { OperationCounts } from './counts.js';
import { DEFAULT_PHYSICS, DEFAULT_TECHNOLOGY, type PricingEnv } from './env.js';
import { iterationsForPrecision, type ConvergenceLaw } from './convergence.js';
import { registerCatalogs, type ValidInput } from './schema.js';
import { formatSI } from '../util/format.js';
import { customWorkload, pickAccelerator, vonNeumannChoices } from './hardware-inputs.js';
import { reportedRun, type ReportedMeasurement, type ReportedRun } from './reported.js';
import { DEFAULT_OPS_CONVENTION, macReads, opsByConvention, type OpsConvention } from './convention.js';
import type { CellModel } from '../physics/cell.js';

registerCatalogs({
  workloads: () => WORKLOADS.map((w) => w.id),
  accelerators: () => ACCELERATORS.map((a) => a.id),
  devices: (p) => DEVICES.filter((d) => !p || d.paradigm === p).map((d) => d.id),
});

export const DEFAULT_WORKLOAD = 'brain-scale';
export const DEFAULT_ACCELERATOR = 'h100';
export const DEFAULT_LIM_DEVICE = 'fn-dam';
export const DEFAULT_CIM_DEVICE = 'rram';
export const DEFAULT_CHECKPOINT_INTERVAL_STEPS = 1000;

/** Everything a design point resolves to: the effective inputs (SI), the counts and the pricing setting. */
export interface Resolved {
  workload: WorkloadPreset;
  kind: 'training' | 'optimizer';
  /** Effective value of every input, after presets and defaults (SI). */
  inputs: Record<string, number | string>;
  counts: OperationCounts;
  steps: number;
  iterations?: number;
  /** The counting convention in force and OPS under each of the three (null where a count is missing). */
  ops_convention: OpsConvention;
  ops_by_convention: Record<OpsConvention, number | null>;
  env: PricingEnv;
  /** Where each effective input came from. */
  origin: Record<string, 'input' | 'preset' | 'default' | 'derived'>;
  /** The energy a real run reports, when the workload is that run or the user gave theirs. */
  reported?: ReportedRun;
  /** Things the user should know that do not stop the estimate (printed on stderr, JSON `warnings`). */
  warnings: string[];
}

export function resolve(input: ValidInput, measurement?: ReportedMeasurement): Resolved {
  const workloadId = input.workload ?? DEFAULT_WORKLOAD;
  const workload = findWorkload(workloadId);
  if (!workload) throw new InputError('workload', `unknown preset '${workloadId}' (allowed: ${WORKLOADS.map((w) => w.id).join(', ')})`);
  const origin: Resolved['origin'] = {};
  const inputs: Record<string, number | string> = { workload: workload.id };
  origin.workload = input.workload ? 'input' : 'default';

  /** Effective value: the user's, else the preset's, else a default; records the origin. */
  function pick<T extends number | string>(key: string, user: T | undefined, preset: T | undefined, fallback?: T): T | undefined {
    const value = user ?? preset ?? fallback;
    if (value !== undefined) {
      inputs[key] = value;
      origin[key] = user !== undefined ? 'input' : preset !== undefined ? 'preset' : 'default';
    }
    return value;
  }
  function set(key: string, value: number, how: 'derived' | 'default' = 'derived'): number {
    inputs[key] = value;
    origin[key] = how;
    return value;
  }

  const kind = (pick('kind', input.kind, workload.kind) ?? 'training') as 'training' | 'optimizer';
  const params = pick('params', input.params, workload.params)!;
  const precisionBits = pick('precision_bits', input.precision_bits, workload.precision_bits)!;
  const neff = pick('n_eff_bits', input.n_eff_bits, undefined, precisionBits)!;
  if (neff > precisionBits) throw new InputError('n_eff_bits', `must be ≤ precision_bits (${precisionBits}), got ${neff}`);
  const time = pick('time_s', input.time_s, workload.time_s)!;

  const warnings: string[] = [];
  const { accelerator, precision: accPrecision } = pickAccelerator(input, workload, DEFAULT_ACCELERATOR, pick, warnings);
  let limDeviceId = input.lim_device ?? DEFAULT_LIM_DEVICE;
  let cimDeviceId = DEFAULT_CIM_DEVICE;
  if (input.device) {
    const dev = findDevice(input.device)!;
    if (dev.paradigm === 'lim') {
      if (input.lim_device && input.lim_device !== dev.id) throw new InputError('device', `'${dev.id}' is a LIM device and lim_device is also set to '${input.lim_device}'; give one of them`);
      limDeviceId = dev.id;
    } else cimDeviceId = dev.id;
  }
  const limDevice = findDevice(limDeviceId)!;
  const cimDevice = findDevice(cimDeviceId)!;
  inputs.lim_device = limDevice.id;
  origin.lim_device = input.lim_device || (input.device && limDevice.id === input.device) ? 'input' : 'default';
  inputs.device = cimDevice.id;
  origin.device = input.device && cimDevice.id === input.device ? 'input' : 'default';

  const tau0 = pick('tau0_s', input.tau0_s, undefined, DEFAULT_PHYSICS.tau0_s)!;
  const env: PricingEnv = {
    temperature_K: pick('temperature_K', input.temperature_K, undefined, DEFAULT_PHYSICS.temperature_K)!,
    ambient_K: pick('ambient_K', input.ambient_K, undefined, DEFAULT_PHYSICS.ambient_K)!,
    tau0_s: tau0,
    cell: pick('cell', input.cell, undefined, DEFAULT_PHYSICS.cell)! as CellModel,
    // τ_r and c are derived from the cell unless given (env.ts); the derived values are reported in `derived`.
    relaxation_s: pick('relaxation_s', input.relaxation_s, undefined),
    transport_c: pick('transport_c', input.transport_c, undefined),
    erasure_error: pick('erasure_error', input.erasure_error, undefined, DEFAULT_PHYSICS.erasure_error)!,
    refresh_error: pick('refresh_error', input.refresh_error, undefined, DEFAULT_PHYSICS.refresh_error)!,
    retention_s: pick('retention_s', input.retention_s, undefined, DEFAULT_PHYSICS.retention_s)!,
    retention_error: pick('retention_error', input.retention_error, undefined, DEFAULT_PHYSICS.retention_error)!,
    accelerator,
    accelerator_precision: accPrecision,
    lim_device: limDevice,
    cim_device: cimDevice,
    ...DEFAULT_TECHNOLOGY,
    ...vonNeumannChoices(input, kind, accelerator, pick),
  };
  if (env.retention_s < 10 * tau0) throw new InputError('retention_s', `must be ≥ 10·tau0_s (${formatSI(10 * tau0, 's')}) for a memory to retain anything, got ${env.retention_s}`);

  let flops: number;
  let ops: number;
  let steps: number;
  let iterations: number | undefined;
  let intensity: number;
  const convention = pick('ops_convention', input.ops_convention, undefined, DEFAULT_OPS_CONVENTION)! as OpsConvention;
  let opsOptions: Record<OpsConvention, number | null>;
  const checkpointInterval = pick('checkpoint_interval_steps', input.checkpoint_interval_steps, undefined, DEFAULT_CHECKPOINT_INTERVAL_STEPS)!;

  if (kind === 'training') {
    for (const key of ['iterations', 'convergence', 'convergence_rate'] as const) {
      if (input[key] !== undefined) throw new InputError(key, "applies to optimizer workloads only (set kind: 'optimizer' or pick an optimizer preset)");
    }
    const tokens = trainingTokens(input, workload, params, pick, set);
    const userChangedSize = input.params !== undefined || input.tokens !== undefined || input.tokens_per_param !== undefined || input.flops_per_token !== undefined;
    if (input.flops !== undefined) flops = pick('flops', input.flops, undefined)!;
    else if (workload.flops !== undefined && !userChangedSize) flops = pick('flops', undefined, workload.flops)!;
    else {
      if (tokens === undefined) throw new InputError('tokens', 'is needed to derive flops = 6·params·tokens (or give flops)');
      const perToken = input.flops_per_token !== undefined ? pick('flops_per_token', input.flops_per_token, undefined)! : 6 * params;
      flops = set('flops', perToken * tokens);
    }
    if (input.steps !== undefined) steps = pick('steps', input.steps, undefined)!;
    else if (workload.steps !== undefined && input.batch_tokens === undefined && input.tokens === undefined && input.tokens_per_param === undefined) steps = pick('steps', undefined, workload.steps)!;
    else {
      const batch = pick('batch_tokens', input.batch_tokens, workload.batch_tokens);
      if (batch === undefined || tokens === undefined) throw new InputError('steps', 'cannot be derived: give steps, or tokens and batch_tokens');
      steps = set('steps', Math.max(1, tokens / batch));
    }
    opsOptions = opsByConvention({ flops, params, samples: tokens, steps });
    if (input.ops === undefined && opsOptions[convention] === null) throw new InputError('ops_convention', `'${convention}' needs tokens (OPS = P·D); give tokens, ops, or another convention`);
    ops = input.ops !== undefined ? pick('ops', input.ops, undefined)! : set('ops', opsOptions[convention]!);
    intensity = input.arithmetic_intensity_flop_per_byte ?? ridgeIntensity_flop_per_byte(accelerator, accPrecision);
  } else {
    for (const key of ['tokens', 'batch_tokens', 'tokens_per_param', 'flops_per_token'] as const) {
      if (input[key] !== undefined) throw new InputError(key, "applies to training workloads only (set kind: 'training')");
    }
    if (input.iterations !== undefined) iterations = pick('iterations', input.iterations, undefined)!;
    else {
      const law = (pick('convergence', input.convergence, workload.convergence?.law) ?? 'linear') as ConvergenceLaw;
      const rate = pick('convergence_rate', input.convergence_rate, workload.convergence?.rate);
      iterations = set('iterations', iterationsForPrecision(law, precisionBits, rate));
    }
    // One iteration updates every variable once: P·K variable updates. A dense quadratic objective needs a
    // row of Q·x, 2·P FLOP, per variable update.
    const updates = params * iterations;
    flops = input.flops !== undefined ? pick('flops', input.flops, undefined)! : set('flops', 2 * params * updates);
    steps = set('steps', input.steps ?? iterations);
    // An iteration is one step and one pass over the problem (one sample): both give P·K.
    opsOptions = opsByConvention({ flops, params, samples: iterations, steps: iterations });
    ops = input.ops !== undefined ? pick('ops', input.ops, undefined)! : set('ops', opsOptions[convention]!);
    // A matrix–vector product fetches one N-bit matrix element per multiply-add: 2 FLOP per N/8 bytes.
    intensity = input.arithmetic_intensity_flop_per_byte ?? 16 / precisionBits;
  }
  inputs.arithmetic_intensity_flop_per_byte = intensity;
  origin.arithmetic_intensity_flop_per_byte = input.arithmetic_intensity_flop_per_byte !== undefined ? 'input' : 'derived';

  const counts: OperationCounts = {
    flops,
    ops,
    mac_reads: macReads(convention, flops, ops),
    update_bits: ops * neff,
    // A von Neumann machine writes every parameter once per step (an optimizer iteration), whatever OPS counts.
    param_writes: params * steps,
    read_bits: (8 * flops) / intensity,
    params,
    precision_bits: precisionBits,
    checkpoints: Math.ceil(steps / checkpointInterval),
    time_s: time,
  };
  checkFeasible(counts, env);
  const custom = customWorkload(workload, input, inputs, origin);
  if (custom) warnings.push(custom.warning);
  let effectiveWorkload = custom?.workload ?? workload;
  if (input.name !== undefined) {
    inputs.name = input.name;
    origin.name = 'input';
    effectiveWorkload = { ...effectiveWorkload, name: input.name };
  }
  const reported = reportedRun(input, effectiveWorkload, measurement);
  return { workload: effectiveWorkload, kind, inputs, counts, steps, iterations, ops_convention: convention, ops_by_convention: opsOptions, env, origin, reported, warnings };
}

/**
 * D: the user's tokens, else R·P from tokens_per_param (a compute-optimal budget ties D to P), else the
 * preset's. Giving both tokens and tokens_per_param is ambiguous and refused.
 */
function trainingTokens(
  input: ValidInput,
  workload: WorkloadPreset,
  params: number,
  pick: <T extends number | string>(key: string, user: T | undefined, preset: T | undefined, fallback?: T) => T | undefined,
  set: (key: string, value: number) => number,
): number | undefined {
  if (input.tokens_per_param === undefined) return pick('tokens', input.tokens, workload.tokens);
  if (input.tokens !== undefined) throw new InputError('tokens_per_param', 'give tokens or tokens_per_param, not both (tokens_per_param sets tokens = R·params)');
  const ratio = pick('tokens_per_param', input.tokens_per_param, undefined)!;
  return set('tokens', ratio * params);
}

/**
 * Every parameter is written at least once (OPS below P would leave parameters untrained), and every
 * update operation takes at least one FLOP to compute (OPS above F would price updates no processor
 * computed, putting the von Neumann rows below the Landauer floor).
 */
export function checkFeasible(c: OperationCounts, _e: PricingEnv): void {
  if (c.ops < c.params) throw new InputError('ops', `must be ≥ params (${c.params}): every parameter is updated at least once, got ${c.ops}`);
  if (c.ops > c.flops) throw new InputError('ops', `must be ≤ flops (${c.flops}): each update operation takes at least one FLOP, got ${c.ops}`);
}
