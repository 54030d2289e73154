/**
 * Simulator and solver results as figure data: read from result files (`limbound simulate
 * sweep-duration --json`, `limbound solve … --json --trace`) or produced by a short built-in run
 * (an erasure duration sweep; a small generated box QP). Node only: it runs src/sim and src/solvers.
 */
import { sweepDuration, geometricDurations, type EraseSpec } from '../sim/index.js';
import { generateBoxQP, solveQPSync, solveBoxQPReference, solverPricingEnv, type LedgerTrace } from '../solvers/index.js';
import type { OperationCounts } from '../model/counts.js';
import { priceCounts } from '../model/price.js';
import { InputError } from '../util/errors.js';
import { checkNesting, readInputFile } from '../util/input-file.js';
import { sanitize } from '../util/text.js';

/** A result document with a full trace is a few MB; far larger is not one. */
const MAX_RESULT_BYTES = 200_000_000;
import { formatSI } from '../util/format.js';
import { noted } from './figures/data.js';
import { extent } from './figures/theme.js';
import type { SimData, SimPoint } from './figures/sim.js';
import type { SolverData, IterationPoint } from './figures/solver.js';
import type { SeriesMeta } from './figures/types.js';
import { VERSION } from '../version.js';

type Doc = Record<string, unknown>;

/** Reads a JSON result file, with one-line errors naming the option and the file. */
export function readResultFile(option: 'sim' | 'solver', path: string): Doc {
  const text = readInputFile(option, path, MAX_RESULT_BYTES);
  checkNesting(option, path, text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(option, `${sanitize(path)}: malformed JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new InputError(option, `${sanitize(path)}: expected a JSON object`);
  return doc as Doc;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// ── simulator ──────────────────────────────────────────────────────────────

/** The built-in sweep: erasure in an 8 kT double well, tilt 8 kT/a, durations 1–50 τ0 (≈ 2–3 s on 2 cores). */
export const BUILT_IN_SIM = {
  spec: { protocol: 'erase', barrier_kT: 8, tilt_kT_per_a: 8, duration_tau0: 1 } as EraseSpec,
  durations_tau0: { from: 1, to: 50, count: 5 },
  particles: 300,
  seed: 1,
};

/**
 * Figure data from a duration-sweep document ({ protocol, rows: [{ duration_tau0, mean_work_kT,
 * stderr_work_kT, reference_work_kT?, p_fail? }] }, as `sweepDuration` returns it).
 */
export function simDataFromDocument(doc: Doc, source: string): SimData {
  const rows = doc.rows;
  if (!Array.isArray(rows) || rows.length === 0) throw new InputError('sim', `${source}: expected a duration sweep with a non-empty 'rows' array (limbound simulate sweep-duration --json)`);
  const points: SimPoint[] = rows.map((raw, i) => {
    const r = raw as Doc;
    const duration = r.duration_tau0 ?? r.duration;
    if (!finite(duration) || duration <= 0) throw new InputError('sim', `${source}: rows[${i}].duration_tau0 must be a positive number, got ${JSON.stringify(duration)}`);
    if (!finite(r.mean_work_kT)) throw new InputError('sim', `${source}: rows[${i}].mean_work_kT must be a number, got ${JSON.stringify(r.mean_work_kT)}`);
    if (!finite(r.stderr_work_kT) || r.stderr_work_kT < 0) throw new InputError('sim', `${source}: rows[${i}].stderr_work_kT must be a number ≥ 0, got ${JSON.stringify(r.stderr_work_kT)}`);
    return { duration, mean_work_kT: r.mean_work_kT, stderr_work_kT: r.stderr_work_kT };
  });
  const protocol = typeof doc.protocol === 'string' ? doc.protocol : 'protocol';
  const references = rows.map((r) => (r as Doc).reference_work_kT).filter(finite);
  const pFail = rows.map((r) => (r as Doc).p_fail).filter(finite);
  const subtitle: string[] = [];
  const params = doc.parameters && typeof doc.parameters === 'object' ? (doc.parameters as Doc) : {};
  const described = Object.entries(params)
    .filter(([k, v]) => k !== 'protocol' && k !== 'duration_tau0' && (typeof v === 'number' || typeof v === 'string'))
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  subtitle.push(`${protocol}${described ? ` (${described})` : ''}; ${finite(doc.particles) ? `${doc.particles} particles per duration, ` : ''}overdamped Langevin, time in τ0`);
  let reference_kT: number | undefined;
  let reference_label: string | undefined;
  if (protocol !== 'erase' && references.length === rows.length && references.every((v) => Math.abs(v - references[0]!) < 1e-12)) {
    // Other protocols have their own slow limit (ΔF, 0 for a moved trap, N·ln2 for a LIM write).
    reference_kT = references[0]!;
    reference_label = `slow limit = ${Number(reference_kT.toPrecision(4))} kT`;
  }
  if (pFail.length) {
    const [, max] = extent(pFail);
    subtitle.push(max > 0 ? `erasure error p_fail ≤ ${Number(max.toPrecision(2))}; at error p the bound is kT·(ln2 − H(p))` : 'every erasure succeeded (p_fail = 0 at every duration)');
  }
  return {
    title: `Work against protocol duration: ${protocol}`,
    subtitle,
    ...noted(['landauer1961', 'berut2012', 'proesmans2020'], `limbound ${VERSION}, Langevin simulator (src/sim). measured = simulated trajectories (mean ± 1 standard error); bound = ${reference_label ?? "Landauer's kT·ln2"}; estimate = fit a + b/τ.`),
    points,
    duration_unit: 'τ0',
    ...(reference_kT !== undefined ? { reference_kT, reference_label } : {}),
  };
}

/** Runs the built-in erasure sweep (interruptible; points finished before Ctrl-C are kept). */
export async function runBuiltInSim(options: { signal?: AbortSignal; threads?: number; onProgress?: (point: number, points: number) => void } = {}): Promise<{ doc: Doc; data: SimData }> {
  const b = BUILT_IN_SIM;
  const doc = (await sweepDuration(b.spec, geometricDurations(b.durations_tau0.from, b.durations_tau0.to, b.durations_tau0.count), {
    particles: b.particles,
    seed: b.seed,
    threads: options.threads ?? 2,
    signal: options.signal,
    onProgress: (point, points) => options.onProgress?.(point, points),
  })) as Doc;
  return { doc, data: simDataFromDocument(doc, 'built-in erasure sweep') };
}

// ── solvers ────────────────────────────────────────────────────────────────

/** The built-in run: projected gradient descent on a generated 64-variable box QP to 16 bits (≈ 0.1 s). */
export const BUILT_IN_SOLVER = { n: 64, problem_seed: 3, precision_bits: 16, seed: 1 };

interface TraceRun {
  trace: Pick<LedgerTrace, 'iteration' | 'ops' | 'update_bits' | 'param_writes' | 'read_bits' | 'flops' | 'checkpoints'>;
  params: number;
  precision_bits: number;
  /** Time to solution of the whole run on the priced hardware, s. */
  time_s: number;
  /** The run's final counts and iteration count: the last point is priced from them, so the figure ends at the run's own energy. */
  final?: { iteration: number; counts: OperationCounts };
}

/**
 * Prices the ledger trace at every recorded iteration with the engine's rows (limbound's default
 * solver pricing: H100 FP32, FN-DAM, RRAM, 300 K). The priced hardware's time is taken to grow in
 * proportion to iterations: T(k) = T_sol·k/K.
 */
export function priceTrace(run: TraceRun): { series: SeriesMeta[]; points: IterationPoint[] } {
  const t = run.trace;
  const env = solverPricingEnv();
  const last = t.iteration[t.iteration.length - 1] ?? 0;
  let series: SeriesMeta[] = [];
  const points: IterationPoint[] = [];
  for (let k = 0; k < t.iteration.length; k++) {
    const iteration = t.iteration[k]!;
    if (!(iteration > 0) || !(t.ops[k]! > 0)) continue;
    const counts: OperationCounts = {
      flops: t.flops[k]!,
      ops: t.ops[k]!,
      update_bits: t.update_bits[k]!,
      param_writes: t.param_writes[k]!,
      read_bits: t.read_bits[k]!,
      params: run.params,
      precision_bits: run.precision_bits,
      checkpoints: t.checkpoints[k]!,
      time_s: last > 0 ? (run.time_s * iteration) / last : run.time_s,
    };
    const { rows } = priceCounts(counts, env);
    if (series.length === 0) series = rows.map((r) => ({ id: r.id, label: r.label, kind: r.kind }));
    points.push({ iteration, energy_J: Object.fromEntries(rows.map((r) => [r.id, r.energy_J])) });
  }
  // The ledger may count work after its last trace row (a final consolidation, the last reads).
  if (run.final && run.final.iteration > 0 && run.final.counts.ops > 0) {
    const { rows } = priceCounts(run.final.counts, env);
    if (series.length === 0) series = rows.map((r) => ({ id: r.id, label: r.label, kind: r.kind }));
    const point = { iteration: run.final.iteration, energy_J: Object.fromEntries(rows.map((r) => [r.id, r.energy_J])) };
    if (points.length && points[points.length - 1]!.iteration === point.iteration) points[points.length - 1] = point;
    else if (!points.length || points[points.length - 1]!.iteration < point.iteration) points.push(point);
  }
  return { series, points };
}

const TRACE_KEYS = ['iteration', 'ops', 'update_bits', 'param_writes', 'read_bits', 'flops', 'checkpoints'] as const;

/** Figure data from a `limbound solve … --json --trace` document. */
export function solverDataFromDocument(doc: Doc, source: string): SolverData {
  const trace = doc.trace as Doc | undefined;
  if (!trace || typeof trace !== 'object') throw new InputError('solver', `${source}: no 'trace' (run limbound solve … --json --trace)`);
  for (const key of TRACE_KEYS) {
    const a = trace[key];
    if (!Array.isArray(a) || a.length !== (trace.iteration as unknown[]).length || !a.every(finite)) {
      throw new InputError('solver', `${source}: trace.${key} must be an array of numbers as long as trace.iteration`);
    }
  }
  const counts = doc.counts as Doc | undefined;
  if (!counts || !finite(counts.params) || !finite(counts.precision_bits) || !finite(counts.time_s)) {
    throw new InputError('solver', `${source}: 'counts' must give params, precision_bits and time_s`);
  }
  const run: TraceRun = {
    trace: Object.fromEntries(TRACE_KEYS.map((k) => [k, trace[k] as number[]])) as unknown as TraceRun['trace'],
    params: counts.params,
    precision_bits: counts.precision_bits,
    time_s: counts.time_s,
  };
  const countKeys = ['flops', 'ops', 'update_bits', 'param_writes', 'read_bits', 'checkpoints'] as const;
  const iterations = finite(doc.iterations) ? doc.iterations : finite(doc.sweeps_done) ? doc.sweeps_done : undefined;
  if (iterations !== undefined && countKeys.every((k) => finite(counts[k]))) {
    run.final = { iteration: iterations, counts: { ...(Object.fromEntries(countKeys.map((k) => [k, counts[k]])) as Record<(typeof countKeys)[number], number>), params: counts.params, precision_bits: counts.precision_bits, time_s: counts.time_s } };
  }
  const { series, points } = priceTrace(run);
  if (points.length === 0) throw new InputError('solver', `${source}: the trace has no iteration with operations`);
  const command = typeof doc.command === 'string' ? doc.command : 'solver run';
  const what = [finite(doc.n) ? `n = ${doc.n}` : '', typeof doc.method === 'string' ? doc.method : '', typeof doc.schedule === 'object' && doc.schedule && typeof (doc.schedule as Doc).kind === 'string' ? `${(doc.schedule as Doc).kind} schedule` : '']
    .filter(Boolean)
    .join(', ');
  return solverFrame({ series, points }, `${command}${typeof doc.file === 'string' ? ` ${doc.file}` : ''}${what ? ` (${what})` : ''}`, run);
}

function solverFrame(priced: { series: SeriesMeta[]; points: IterationPoint[] }, what: string, run: TraceRun): SolverData {
  return {
    title: `Energy to solution against iterations: ${what}`,
    subtitle: [`P = ${run.params} cells × ${run.precision_bits} bits; the run's measured ledger priced at each iteration; T_sol = ${formatSI(run.time_s, 's')} at the end, ∝ iterations`],
    ...noted(['landauer1961', 'chen2024lim', 'ho2023', 'mehta2021', 'yang2013', 'nvidiaH100'], `limbound ${VERSION}, solvers (src/solvers), default solver pricing (H100 FP32, FN-DAM, RRAM, 300 K). bound = physics lower bound; estimate = technology data × counts.`),
    series: priced.series,
    points: priced.points,
  };
}

/** Runs the built-in QP and prices its trace. */
export function runBuiltInSolver(): { doc: Doc; data: SolverData } {
  const b = BUILT_IN_SOLVER;
  const qp = generateBoxQP(b.n, { seed: b.problem_seed });
  const reference = solveBoxQPReference(qp);
  const r = solveQPSync(qp, { precision_bits: b.precision_bits, seed: b.seed, reference: reference.x });
  const run: TraceRun = { trace: r.trace, params: r.counts.params, precision_bits: r.counts.precision_bits, time_s: r.counts.time_s, final: { iteration: r.iterations, counts: r.counts } };
  const doc: Doc = {
    command: 'solve qp (built-in)',
    problem: `generated box QP, n = ${b.n}, seed ${b.problem_seed}`,
    method: r.method,
    precision_bits: r.precision_bits,
    memory_bits: r.memory_bits,
    iterations: r.iterations,
    converged: r.converged,
    counts: r.counts,
    trace: Object.fromEntries(TRACE_KEYS.map((k) => [k, r.trace[k]])),
  };
  return { doc, data: solverFrame(priceTrace(run), `built-in box QP (n = ${b.n}, ${r.method}, ${b.precision_bits} bits)`, run) };
}
