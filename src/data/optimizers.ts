/**
 * Optimizer state a von Neumann machine rewrites per parameter per step: the master weight and its
 * optimizer moments, plus the low-precision weight copy and gradient of mixed-precision training.
 * This sets the update wall of the von Neumann rows (U · 8·B_state · e_bit).
 */
import { type SourceRef, derived, assumed } from './sources.js';

export interface OptimizerState {
  id: string;
  name: string;
  /** Bytes per parameter rewritten each optimizer step; null: the parameter alone (N/8 bytes). */
  bytes_per_param: number | null;
  source: SourceRef;
}

export const OPTIMIZERS: readonly OptimizerState[] = [
  {
    id: 'adam-mixed',
    name: 'Adam, mixed precision',
    bytes_per_param: 16,
    source: derived('rajbhandari2020', '§3.1: mixed-precision Adam holds 2Ψ (FP16 weights) + 2Ψ (FP16 gradients) + 12Ψ (FP32 weights, momentum, variance) = 16Ψ bytes; each is rewritten once per step'),
  },
  {
    id: 'adam-fp32',
    name: 'Adam, FP32',
    bytes_per_param: 16,
    source: derived('rajbhandari2020', 'FP32 weights, gradients, momentum and variance: 4 × 4 bytes'),
  },
  {
    id: 'sgd-momentum',
    name: 'SGD with momentum, FP32',
    bytes_per_param: 12,
    source: derived('rajbhandari2020', 'FP32 weights, gradients and momentum: 3 × 4 bytes'),
  },
  {
    id: 'sgd',
    name: 'plain SGD, FP32',
    bytes_per_param: 8,
    source: derived('rajbhandari2020', 'FP32 weights and gradients: 2 × 4 bytes'),
  },
  {
    id: 'none',
    name: 'no optimizer state (the parameter alone)',
    bytes_per_param: null,
    source: assumed('the parameter itself, N/8 bytes: the state of an iterative solver'),
  },
];

/** Training presets use mixed-precision Adam; optimizer (solver) workloads hold only their variables. */
export const DEFAULT_TRAINING_OPTIMIZER = 'adam-mixed';
export const DEFAULT_SOLVER_OPTIMIZER = 'none';

export function findOptimizer(id: string): OptimizerState | undefined {
  return OPTIMIZERS.find((o) => o.id === id.toLowerCase());
}
