/**
 * Neuromorphic optimizers with an energy ledger: Ising / MAX-CUT annealing and box-constrained QP in an
 * N-bit fixed-point memory, their problem parsers, the ledger, and the pricing of measured counts.
 */
export { Rng, seedState, nextUint32, mix32 } from './rng.js';
export { Ledger, countIsingAttempts, VN_WORD_BITS, type LedgerTrace } from './ledger.js';
export {
  buildIsing,
  maxCutToIsing,
  quboToIsing,
  isingEnergy,
  cutValue,
  type EdgeList,
  type IsingProblem,
  type MaxCutProblem,
} from './ising/problem.js';
export { makeSchedule, checkScheduleParameters, temperatureAt, barrierKT, SCHEDULE_KINDS, type Schedule, type ScheduleKind } from './ising/schedule.js';
export { autoTemperatures, type TemperatureRange } from './ising/temperatures.js';
export { anneal, annealSync, DEFAULT_SWEEP_TIME_S, type AnnealOptions, type AnnealResult } from './ising/anneal.js';
export { solveMaxCut, solveMaxCutSync, type MaxCutResult } from './ising/maxcut.js';
export {
  parseMaxCut,
  readMaxCut,
  parseIsingInput,
  readIsingInput,
  parseBoxQP,
  readBoxQP,
  formatFromName,
  ISING_FORMATS,
  type IsingFormat,
  type IsingInput,
} from './io/problem-files.js';
export { parseEdgeListText } from './io/edge-list.js';
export { objective as qpObjective, gradient as qpGradient, kktResidual, MAX_QP_VARIABLES, type BoxQP } from './qp/problem.js';
export { FixedPointMemory, hamming, popcount32, MAX_MEMORY_BITS } from './qp/fixed-point.js';
export { solveQP, solveQPSync, spectralBounds, defaultGuardBits, QP_METHODS, DEFAULT_QP_ITERATION_TIME_S, type QPMethod, type QPOptions, type QPResult } from './qp/solve.js';
export { solveBoxQPReference, REFERENCE_KKT_TOLERANCE, type ReferenceSolution } from './qp/reference.js';
export { precisionReport, extrapolatedLaw, minimiserIsUnique, objectiveGapReport, type PrecisionReport, type ObjectiveGapReport } from './qp/precision.js';
export { generateBoxQP, boxQPToJson, type GenerateOptions } from './qp/generate.js';
export { checkConvex } from './qp/convexity.js';
export { priceRun, solverPricingEnv, type ParadigmEnergy, type SolverPricingOptions } from './pricing.js';
export {
  bestKnownCuts,
  bestKnownFor,
  gsetDir,
  gsetFile,
  gsetNameOf,
  parseInstanceList,
  runGsetInstance,
  summarize as summarizeGset,
  gsetMarkdownTable,
  GSET_BENCHMARK,
  GSET_ATTEMPT_BUDGET,
  type GsetInstanceResult,
  type GsetSummary,
} from './gset.js';
export { runAnnealBench, type AnnealBenchResult } from './bench-anneal.js';
