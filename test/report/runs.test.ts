/**
 * Simulator and solver results as figure data: documents are validated with one-line errors, a
 * ledger trace is priced at every iteration (the Landauer row checked by hand: changed bits × kT·ln2).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simDataFromDocument, solverDataFromDocument } from '../../src/report/runs.js';
import { InputError } from '../../src/util/errors.js';

const KT_LN2_300K = 2.870979e-21; // J, kT·ln2 at 300 K (docs/model.md §2.1)

test('a duration-sweep document becomes simulator figure data', () => {
  const doc = {
    protocol: 'erase',
    parameters: { protocol: 'erase', barrier_kT: 8, tilt_kT_per_a: 8, duration_tau0: 1 },
    particles: 300,
    rows: [
      { duration_tau0: 1, mean_work_kT: 4.7, stderr_work_kT: 0.17, reference_work_kT: 0.693, p_fail: 0 },
      { duration_tau0: 10, mean_work_kT: 1.18, stderr_work_kT: 0.05, reference_work_kT: 0.693, p_fail: 0 },
    ],
  };
  const data = simDataFromDocument(doc, 'sweep.json');
  assert.deepEqual(data.points, [
    { duration: 1, mean_work_kT: 4.7, stderr_work_kT: 0.17 },
    { duration: 10, mean_work_kT: 1.18, stderr_work_kT: 0.05 },
  ]);
  assert.equal(data.duration_unit, 'τ0');
  assert.equal(data.reference_kT, undefined, 'erasure draws kT·ln2');
  assert.ok(data.citations!.includes('landauer1961'));
  // Another protocol brings its own slow limit.
  const trap = simDataFromDocument({ ...doc, protocol: 'trap', rows: doc.rows.map((r) => ({ ...r, reference_work_kT: 0 })) }, 'trap.json');
  assert.equal(trap.reference_kT, 0);
});

test('malformed simulator documents are named with the field', () => {
  assert.throws(() => simDataFromDocument({ rows: [] }, 'x.json'), (e: unknown) => e instanceof InputError && e.field === 'sim' && /non-empty 'rows'/.test(e.message));
  assert.throws(() => simDataFromDocument({ rows: [{ duration_tau0: -1, mean_work_kT: 1, stderr_work_kT: 0 }] }, 'x.json'), /rows\[0\]\.duration_tau0 must be a positive number/);
  assert.throws(() => simDataFromDocument({ rows: [{ duration_tau0: 1, mean_work_kT: 'a', stderr_work_kT: 0 }] }, 'x.json'), /rows\[0\]\.mean_work_kT/);
});

test('a solver trace is priced at each iteration: the floor is the changed bits × kT·ln2', () => {
  const doc = {
    command: 'solve qp',
    n: 64,
    counts: { params: 64, precision_bits: 16, time_s: 2e-5 },
    trace: {
      iteration: [0, 10, 20],
      ops: [0, 640, 1280],
      update_bits: [0, 2000, 2500],
      param_writes: [0, 640, 1280],
      read_bits: [0, 1e5, 2e5],
      flops: [0, 1e4, 2e4],
      checkpoints: [0, 1, 1],
      n_eff: [0, 3.1, 0.8],
      objective: [1, 0.5, 0.4],
      error_inf: [null, 0.1, 0.01],
    },
  };
  const data = solverDataFromDocument(doc, 'qp.json');
  assert.deepEqual(data.points.map((p) => p.iteration), [10, 20], 'iteration 0 has no operations');
  const floor = data.points.map((p) => p.energy_J.landauer!);
  assert.ok(Math.abs(floor[0]! / (2000 * KT_LN2_300K) - 1) < 1e-6, String(floor[0]));
  assert.ok(Math.abs(floor[1]! / (2500 * KT_LN2_300K) - 1) < 1e-6, String(floor[1]));
  // With the run's final counts (work after the last trace row), the figure ends at the run's own energy.
  const final = solverDataFromDocument({ ...doc, iterations: 20, counts: { ...doc.counts, flops: 2.1e4, ops: 1280, update_bits: 2600, param_writes: 1280, read_bits: 2.1e5, checkpoints: 2 } }, 'qp.json');
  assert.deepEqual(final.points.map((p) => p.iteration), [10, 20]);
  assert.ok(Math.abs(final.points[1]!.energy_J.landauer! / (2600 * KT_LN2_300K) - 1) < 1e-6);
  assert.deepEqual(data.series.map((s) => s.id), ['landauer', 'lim', 'cim', 'vn-cmos-limit', 'vn-accelerator', 'lim-device', 'cim-device']);
  assert.deepEqual(data.series.map((s) => s.kind), ['bound', 'bound', 'bound', 'estimate', 'estimate', 'estimate', 'estimate']);
  // Every paradigm's energy grows with iterations.
  for (const s of data.series) assert.ok(data.points[1]!.energy_J[s.id]! >= data.points[0]!.energy_J[s.id]!, s.id);
});

test('malformed solver documents are named with the field', () => {
  assert.throws(() => solverDataFromDocument({ counts: {} }, 'x.json'), /no 'trace'/);
  const trace = { iteration: [1], ops: [1], update_bits: [1], param_writes: [1], read_bits: [1], flops: [1], checkpoints: ['x'] };
  assert.throws(() => solverDataFromDocument({ trace, counts: { params: 1, precision_bits: 1, time_s: 1 } }, 'x.json'), /trace\.checkpoints must be an array of numbers/);
  assert.throws(() => solverDataFromDocument({ trace: { ...trace, checkpoints: [0] }, counts: { params: 1 } }, 'x.json'), /'counts' must give params, precision_bits and time_s/);
});

test('built-in runs: the erasure sweep obeys the second law, the QP trace ends at the run’s own counts', async () => {
  const { runBuiltInSim, runBuiltInSolver, BUILT_IN_SIM } = await import('../../src/report/runs.js');
  const { fitInverseTime } = await import('../../src/report/figures/fit.js');
  const sim = await runBuiltInSim({ threads: 2 });
  const pts = sim.data.points;
  assert.equal(pts.length, BUILT_IN_SIM.durations_tau0.count);
  // Landauer: no erasure (every one succeeded here) costs less than kT·ln2 on average, within 3 s.e.
  for (const p of pts) assert.ok(p.mean_work_kT > Math.LN2 - 3 * p.stderr_work_kT, `${p.duration} τ0: ${p.mean_work_kT} kT`);
  // Slower is cheaper: the shortest protocol costs clearly more than the longest.
  assert.ok(pts[0]!.mean_work_kT - pts[pts.length - 1]!.mean_work_kT > 3 * (pts[0]!.stderr_work_kT + pts[pts.length - 1]!.stderr_work_kT));
  const fit = fitInverseTime(pts.map((p) => p.duration), pts.map((p) => p.mean_work_kT), pts.map((p) => p.stderr_work_kT));
  assert.ok(fit.a > Math.LN2 - 3 * fit.a_stderr && fit.b > 0, JSON.stringify(fit));

  const solver = runBuiltInSolver();
  const counts = solver.doc.counts as { update_bits: number; ops: number };
  const last = solver.data.points[solver.data.points.length - 1]!;
  assert.equal(last.iteration, solver.doc.iterations);
  assert.ok(Math.abs(last.energy_J.landauer! / (counts.update_bits * KT_LN2_300K) - 1) < 1e-6);
});
