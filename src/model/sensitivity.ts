/**
 * Which assumption moves each result most: Sobol' first- and total-order indices of every row's
 * log10-energy and of the gaps (log10 LIM/floor, orders between LIM and the accelerator row, the CIM
 * barrier), over the same ranges as `estimate --uncertainty`. N base points cost N·(d + 2) evaluations.
 */
import { SobolSequence, SOBOL_MAX_DIMENSION } from '../util/sobol.js';
import { InputError } from '../util/errors.js';
import type { ValidInput } from './schema.js';
import { PARADIGMS } from './paradigms.js';
import { sobolIndices, type IndexEstimate } from './sobol-indices.js';
import {
  CLAIMS,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  METRIC_COUNT,
  SAMPLING_METHOD,
  SampleEvaluator,
  checkSamples,
  metricArrays,
  planSampling,
  sobolShift,
  type ActiveRange,
  type SamplingOptions,
} from './uncertainty.js';

export interface SensitivityOutput {
  id: string;
  /** What the indices decompose. */
  quantity: string;
  /** Inputs ranked by total-order index (largest first). */
  indices: Array<{ name: string } & IndexEstimate>;
}

export interface SensitivityResult {
  samples: number;
  evaluations: number;
  seed: number;
  bootstrap: number;
  method: string;
  estimators: string;
  ranges: ActiveRange[];
  outputs: SensitivityOutput[];
}

const OUTPUT_QUANTITY: Record<(typeof CLAIMS)[number], string> = {
  lim_over_floor: 'log10(LIM / Landauer floor)',
  orders_accelerator_over_lim: 'log10(accelerator row / LIM)',
  cim_barrier_kT: 'CIM barrier E_b* in kT',
};

export function sensitivity(input: ValidInput, options: SamplingOptions & { samples?: number; seed?: number; bootstrap?: number } = {}): SensitivityResult {
  const plan = planSampling(input, options);
  const n = checkSamples(options.samples ?? DEFAULT_SAMPLES, 'samples');
  const seed = options.seed ?? DEFAULT_SEED;
  const d = plan.ranges.length;
  if (d === 0) throw new InputError('range', 'no ranges to analyse (give --range, or drop --only-ranges)');
  // Unreachable while there are fewer than 41 quantities (39 today, each named at most once): kept for when the list grows.
  // Stryker disable next-line ArithmeticOperator: 2/d ≤ 2 never exceeds the limit, nor does 2·d today; the message is unreachable
  if (2 * d > SOBOL_MAX_DIMENSION) throw new InputError('range', `at most ${SOBOL_MAX_DIMENSION / 2} ranges for a sensitivity analysis, got ${d}`);
  const bootstrap = options.bootstrap ?? 100;
  const evaluator = new SampleEvaluator(plan);
  // One 2d-dimensional Sobol' point per row: A is its first d coordinates, B the last d.
  const u = new SobolSequence(2 * d, sobolShift(seed, 2 * d)).fill(0, n, new Float64Array(n * 2 * d));
  const run = (columns: number[]) => {
    const out = metricArrays(n);
    evaluator.evaluate(u, 2 * d, columns, n, out, 0);
    return out;
  };
  const aColumns = Array.from({ length: d }, (_, j) => j);
  const fA = run(aColumns);
  const fB = run(aColumns.map((j) => d + j));
  const fAB = aColumns.map((i) => run(aColumns.map((j) => (j === i ? d + i : j))));
  const toLog = (m: number) => m < PARADIGMS.length || CLAIMS[m - PARADIGMS.length] === 'lim_over_floor';
  const transform = (a: Float64Array, m: number) => (toLog(m) ? a.map(Math.log10) : a);
  const ids = [...PARADIGMS.map((p) => p.id as string), ...CLAIMS];
  const outputs: SensitivityOutput[] = [];
  for (let m = 0; m < METRIC_COUNT; m++) {
    const estimates = sobolIndices(transform(fA[m]!, m), transform(fB[m]!, m), fAB.map((f) => transform(f[m]!, m)), { bootstrap, seed });
    const indices = estimates.map((e, i) => ({ name: plan.ranges[i]!.name, ...e })).sort((x, y) => rankKey(y.total) - rankKey(x.total));
    const id = ids[m]!;
    outputs.push({ id, quantity: m < PARADIGMS.length ? `log10 energy of the ${id} row` : OUTPUT_QUANTITY[id as (typeof CLAIMS)[number]], indices });
  }
  return {
    samples: n,
    evaluations: n * (d + 2),
    seed,
    bootstrap,
    method: SAMPLING_METHOD,
    estimators: 'first order: Saltelli et al. 2010; total order: Jansen 1999; 95 % percentile bootstrap over the N design rows',
    ranges: plan.ranges,
    outputs,
  };
}

const rankKey = (v: number) => (Number.isNaN(v) ? -Infinity : v);
