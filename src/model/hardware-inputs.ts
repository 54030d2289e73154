/**
 * The von Neumann rows' inputs that are choices, not facts of the workload (docs/model.md §3): the
 * accelerator a preset defaults to, its precision, board power, MFU and PUE, the optimizer state and
 * the CMOS-limit machine's own intensity. Pure helpers used by `resolve`.
 */
import { InputError } from '../util/errors.js';
import { CMOS_LIMIT, findAccelerator, type Accelerator, type Precision } from '../data/accelerators.js';
import { DEFAULT_SOLVER_OPTIMIZER, DEFAULT_TRAINING_OPTIMIZER, findOptimizer } from '../data/optimizers.js';
import type { WorkloadPreset } from '../data/workloads.js';
import type { PricingEnv } from './env.js';
import type { ValidInput } from './schema.js';
import { formatScientific } from '../util/format.js';

/** Records an effective input and where it came from (shared with `resolve`). */
export type Pick = <T extends number | string>(key: string, user: T | undefined, preset: T | undefined, fallback?: T) => T | undefined;

/** Precisions that share a peak on every catalogued chip, tried when a preset's precision is missing. */
const SAME_WIDTH: Partial<Record<Precision, Precision>> = { bf16: 'fp16', fp16: 'bf16' };

/**
 * The accelerator of the row (the user's, else the hardware the preset's run used) and its precision.
 * A preset's precision the chosen chip lacks falls back to the same-width format (FP16 ↔ BF16) with a
 * warning; a precision the user chose must exist.
 */
export function pickAccelerator(input: ValidInput, workload: WorkloadPreset, fallbackId: string, pick: Pick, warnings: string[]): { accelerator: Accelerator; precision: Precision } {
  const accelerator = findAccelerator(pick('accelerator', input.accelerator, workload.accelerator, fallbackId)!)!;
  let precision = pick('accelerator_precision', input.accelerator_precision, workload.accelerator_precision)! as Precision;
  if (!accelerator.precisions[precision]) {
    const alternative = SAME_WIDTH[precision];
    if (input.accelerator_precision !== undefined || !alternative || !accelerator.precisions[alternative]) {
      throw new InputError('accelerator_precision', `${accelerator.name} has no ${precision} rating (allowed: ${Object.keys(accelerator.precisions).join(', ')})`);
    }
    warnings.push(`accelerator_precision: ${accelerator.name} has no ${precision} rating; the preset's ${precision} math is priced at ${alternative}, the same width`);
    precision = pick('accelerator_precision', alternative, undefined)! as Precision;
  }
  return { accelerator, precision };
}

/** The calibration and technology choices of the von Neumann rows, as PricingEnv fields. */
export function vonNeumannChoices(
  input: ValidInput,
  kind: 'training' | 'optimizer',
  accelerator: Accelerator,
  pick: Pick,
): Pick4<PricingEnv, 'accelerator_power_W' | 'mfu' | 'pue' | 'cmos_intensity_flop_per_byte' | 'optimizer_state_bytes'> {
  const optimizerId = pick('optimizer', input.optimizer, undefined, kind === 'training' ? DEFAULT_TRAINING_OPTIMIZER : DEFAULT_SOLVER_OPTIMIZER)!;
  const optimizer = findOptimizer(optimizerId)!;
  const stateBytes = input.optimizer_state_bytes ?? optimizer.bytes_per_param;
  if (stateBytes !== null) pick('optimizer_state_bytes', input.optimizer_state_bytes, undefined, stateBytes);
  // The CMOS-limit machine has its own intensity for training; a user's intensity or an optimizer's
  // matrix-vector intensity is a property of the workload and applies to every von Neumann row.
  const ownIntensity = kind === 'training' && input.arithmetic_intensity_flop_per_byte === undefined;
  return {
    accelerator_power_W: pick('accelerator_power_W', input.accelerator_power_W, undefined, accelerator.tdp_W)!,
    mfu: pick('mfu', input.mfu, undefined, 1)!,
    pue: pick('pue', input.pue, undefined, 1)!,
    cmos_intensity_flop_per_byte: ownIntensity ? CMOS_LIMIT.intensity_flop_per_byte : null,
    optimizer_state_bytes: stateBytes,
  };
}

type Pick4<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };

/** Inputs a workload preset supplies that a custom workload may still be inheriting. */
const INHERITABLE = ['batch_tokens', 'steps', 'time_s', 'precision_bits', 'accelerator', 'accelerator_precision'] as const;

/**
 * A preset whose P, D or F the user changed is no longer that run: it is titled "custom" everywhere,
 * loses the run's reported energy, and a warning names what it still inherits from the preset.
 */
export function customWorkload(workload: WorkloadPreset, input: ValidInput, inputs: Record<string, number | string>, origin: Record<string, string>): { workload: WorkloadPreset; warning: string } | undefined {
  const changed: string[] = (['params', 'tokens', 'flops'] as const).filter((k) => input[k] !== undefined && input[k] !== workload[k]);
  // A token budget tied to P, or a model's own FLOP per token, replace the preset's D or F as well.
  for (const k of ['tokens_per_param', 'flops_per_token'] as const) if (input[k] !== undefined) changed.push(k);
  if (changed.length === 0) return undefined;
  const inherited = INHERITABLE.filter((k) => origin[k] === 'preset').map((k) => `${k} = ${inputs[k]}`);
  const custom: WorkloadPreset = {
    ...workload,
    id: 'custom',
    name: `Custom ${workload.kind === 'optimizer' ? 'optimizer' : 'training'} workload (${formatScientific(Number(inputs.params))} parameters)`,
    reported_energy: undefined,
    assumptions: [`started from preset '${workload.id}' with ${changed.join(', ')} changed`, ...workload.assumptions],
  };
  const warning = `custom workload: ${changed.join(', ')} changed from preset '${workload.id}'; still inherited from it: ${inherited.length ? inherited.join(', ') : 'nothing else'}`;
  return { workload: custom, warning };
}
