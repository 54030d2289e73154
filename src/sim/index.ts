/**
 * limbound's stochastic-thermodynamics simulator (issue 3): overdamped Langevin ensembles of
 * barrier-modulated memory cells with Sekimoto work accounting, validated against exact results.
 */
export { simulate, sweepDuration, geometricDurations, withDuration, describeEnsemble, DEFAULT_HISTOGRAM_BINS } from './simulate.js';
export type { SimulateOptions, SimulationResult, SweepOptions, SweepRow, Units } from './simulate.js';
export { benchmarkSimulator, BENCH_SPEC, BENCH_DT } from './benchmark.js';
export type { SimBenchmark, SimBenchmarkOptions } from './benchmark.js';
export { runEnsemble, WorkerPool, blockSize, defaultThreads } from './parallel.js';
export type { Ensemble, EnsembleRequest, EnsembleHooks } from './parallel.js';
export { buildProtocol, defaultTimeStep, validateSpec, maxCurvatureOf, PROTOCOL_NAMES } from './protocols.js';
export type {
  ProtocolSpec,
  ProtocolName,
  TrapSpec,
  StiffnessSpec,
  RetentionSpec,
  EraseSpec,
  WriteSpec,
  ConsolidateSpec,
  Protocol,
} from './protocols.js';
export * as analytic from './analytic.js';
export * as observables from './observables.js';
