/**
 * The physical optimizer against exact results: the field-ramp work (closed form, itself checked against a
 * numerical integration of the mean equation), the OU time-average variance, two coupled bistable cells
 * (quadrature), one cell against the simulator's erasure, small Ising problems (enumeration, second law,
 * Landauer), determinism over thread counts and the one-line errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eraseCheck, fieldRampCheck, smallIsingCheck, timeAverageCheck, twoCellCheck, checkQP } from '../../src/machine/checks.js';
import { enumerateGroundStates, fieldRampMeanWork, twoCellMoments } from '../../src/machine/analytic.js';
import { denseK, fromIsing } from '../../src/machine/problem.js';
import { runMachine } from '../../src/machine/run.js';
import { isingSchedule, qpProtocol } from '../../src/machine/schedules.js';
import { buildPhases } from '../../src/machine/protocol.js';
import { buildIsing } from '../../src/solvers/ising/problem.js';

const THREADS = 2;

test('field-ramp closed form equals an RK4 integration of the mean equation dm/dt = −(A·m − s(t)f)', () => {
  const p = checkQP(4, 2);
  const n = p.n;
  const a = denseK(p);
  const T = 1.7;
  const steps = 20000;
  const h = T / steps;
  const m = new Float64Array(n);
  const f = p.field.map((v) => -v);
  const rhs = (t: number, y: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = (t / T) * f[i];
      for (let j = 0; j < n; j++) s -= a[i * n + j] * y[j];
      out[i] = s;
    }
    return out;
  };
  const power = (t: number, y: Float64Array) => y.reduce((s, v, i) => s - (f[i] / T) * v, 0);
  let work = 0;
  for (let k = 0; k < steps; k++) {
    const t = k * h;
    const k1 = rhs(t, m);
    const k2 = rhs(t + h / 2, m.map((v, i) => v + (h / 2) * k1[i]));
    const k3 = rhs(t + h / 2, m.map((v, i) => v + (h / 2) * k2[i]));
    const k4 = rhs(t + h, m.map((v, i) => v + h * k3[i]));
    const mid = m.map((v, i) => v + (h / 2) * k1[i]);
    // Simpson on the work rate −ṡ·fᵀm.
    const next = m.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
    work += (h / 6) * (power(t, m) + 4 * power(t + h / 2, mid.map((v, i) => (v + (m[i] + next[i]) / 2) / 2)) + power(t + h, next));
    m.set(next);
  }
  const ref = fieldRampMeanWork(p, T);
  assert.ok(Math.abs(work - ref.meanWork) < 1e-6 * Math.abs(ref.meanWork) + 1e-6, `${work} vs ${ref.meanWork}`);
});

test('check 1: QP field-ramp mean work matches the closed form', async () => {
  const r = await fieldRampCheck(checkQP(4, 2), 2, 3000, 1, 2e-3, THREADS);
  assert.ok(Math.abs(r.measured - r.exact) < 4 * r.stderr + 0.01 * Math.abs(r.exact), `${r.measured} ± ${r.stderr} vs ${r.exact}`);
  assert.ok(r.measured > r.deltaF, 'mean work above ΔF');
});

test('check 2: variance of the time average matches the exact Ornstein–Uhlenbeck result', async () => {
  const r = await timeAverageCheck(checkQP(4, 2), 4, 1500, 4, 2e-3, THREADS);
  assert.ok(Math.abs(r.measured / r.exact - 1) < 4 * (r.stderr / r.exact) + 0.02, `${r.measured} ± ${r.stderr} vs ${r.exact}`);
});

test('check 3: two coupled bistable cells against 2-D quadrature', async () => {
  const q = twoCellMoments(1, 0.5);
  // Independent of the quadrature grid.
  const coarse = twoCellMoments(1, 0.5, 0, 801, 3.5);
  assert.ok(Math.abs(q.x1x2 - coarse.x1x2) < 1e-6 && Math.abs(q.x1sq - coarse.x1sq) < 1e-6);
  const r = await twoCellCheck(1, 0.5, 40, 300, 3, 1e-3, THREADS);
  for (const m of [r.x1x2, r.x1sq]) assert.ok(Math.abs(m.measured - m.exact) < 4 * m.stderr + 0.03 * Math.abs(m.exact), `${m.measured} ± ${m.stderr} vs ${m.exact}`);
});

test('check 3 between reflecting walls: the box moments against quadrature on the box', async () => {
  const open = twoCellMoments(1, 0.5);
  const box = twoCellMoments(1, 0.5, 0, 1201, 3, 1);
  // The walls at the wells cut off the outer half of each well: a real difference to detect.
  assert.ok(box.x1sq < 0.85 * open.x1sq, `${box.x1sq} vs ${open.x1sq}`);
  // A free cell (E_b = 0, J = 0) in the box is uniform: ⟨x²⟩ = wall²/3.
  assert.ok(Math.abs(twoCellMoments(0, 0, 0, 1201, 3, 1.5).x1sq - 0.75) < 1e-5);
  const coarse = twoCellMoments(1, 0.5, 0, 601, 3, 1);
  assert.ok(Math.abs(box.x1x2 - coarse.x1x2) < 1e-5 && Math.abs(box.x1sq - coarse.x1sq) < 1e-5);
  const r = await twoCellCheck(1, 0.5, 40, 300, 4, 1e-3, THREADS, 1);
  for (const m of [r.x1x2, r.x1sq]) assert.ok(Math.abs(m.measured - m.exact) < 4 * m.stderr + 0.03 * Math.abs(m.exact), `${m.measured} ± ${m.stderr} vs ${m.exact}`);
});

test('between walls the automatic step keeps the noise step below 0.3 of the wall; a longer --dt is warned about', () => {
  const schedule = (low: number, wall?: number) => isingSchedule({ memory: 'lim', anneal_tau0: 10, lambda_max: 1, lambda_start: 0.1, retention_barrier_kT: 20, low_barrier_kT: low, consolidate_tau0: 2, hold_tau0: 1, reset_tau0: 1, warmup_tau0: 1, wall });
  const step = { ratio: 0.3, maxDt: 0.5 };
  // A flat cell (E_low = 0) at λ ≈ 0 has no curvature: without walls the step is the 0.5 τ_D ceiling.
  assert.equal(buildPhases(schedule(0), 2, 0, step).warmupDt, 0.5);
  const capped = buildPhases(schedule(0, 1), 2, 0, step);
  // (0.3·1)²/2 = 0.045, then rounded to whole steps: 1 τ_D in 22 steps.
  assert.equal(capped.warmupDt, 1 / 22);
  // At E_low = 1 kT the curvature at the wall, 12 − 4 = 8 kT/a², sets 0.3/8 = 0.0375 below the cap: 1 τ_D in 27 steps.
  assert.equal(buildPhases(schedule(1, 1), 2, 0, step).warmupDt, 1 / 27);
  // A given --dt (here at a 1 kT retention barrier, so that it is stable): warned about above the cap only.
  const soft = { ...schedule(1, 1), controls: schedule(1, 1).controls.map((c) => [1, -2, 1, c[3], c[4]] as [number, number, number, number, number]) };
  assert.ok(!buildPhases(soft, 2, 0, { dt: 0.04 }).warnings.some((w) => w.includes('noise step')));
  assert.match(buildPhases(soft, 2, 0, { dt: 0.06 }).warnings[0], /^the noise step √\(2dt\) = 0\.35 a exceeds 0\.3 of the wall at ±1: a step may cross the whole box/);
});

test('check 4: one uncoupled cell reproduces the simulator’s erasure work', async () => {
  const r = await eraseCheck(12, 8, 20, 600, 2e-3, THREADS);
  const se = Math.hypot(r.machine.stderr, r.simulator.stderr);
  assert.ok(Math.abs(r.machine.measured - r.simulator.measured) < 4 * se, `${r.machine.measured} vs ${r.simulator.measured} (± ${se})`);
  assert.ok(r.machine.measured > Math.LN2 - 4 * r.machine.stderr);
});

test('check 5: small Ising — slow lim anneals find a ground state more often; cycle work ≥ Landauer cost', async () => {
  const fast = await smallIsingCheck(8, 5, 1, 24, THREADS);
  const slow = await smallIsingCheck(8, 5, 60, 24, THREADS);
  assert.ok(slow.groundProbability >= 0.75, `slow anneal reached the ground state in ${slow.groundProbability}`);
  assert.ok(slow.groundProbability >= fast.groundProbability);
  for (const r of [fast, slow]) {
    assert.ok(r.secondLaw);
    assert.ok(r.cycle > r.landauer - 3 * r.cycleStderr, `${r.cycle} ± ${r.cycleStderr} vs Landauer ${r.landauer}`);
  }
});

test('enumeration finds the ground states of a frustrated triangle (6 of 8 states)', () => {
  const tri = fromIsing(buildIsing(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(-1, -1, -1), new Float64Array(3)));
  const g = enumerateGroundStates(tri);
  assert.equal(g.degeneracy, 6);
  assert.equal(g.energy, -1);
});

test('same seed, same replicas on 1 and 2 threads', async () => {
  const p = checkQP(5, 1);
  const spec = qpProtocol({ protocol: 'field-ramp', duration_tau0: 0.5, readout_tau0: 0.2 });
  const one = await runMachine({ problem: p, spec, step: {}, replicas: 6, seed: 9 }, { threads: 1 });
  const two = await runMachine({ problem: p, spec, step: {}, replicas: 6, seed: 9 }, { threads: 2 });
  assert.deepEqual(two.results.map((r) => Array.from(r.phaseWork)), one.results.map((r) => Array.from(r.phaseWork)));
  assert.deepEqual(two.results.map((r) => Array.from(r.meanX)), one.results.map((r) => Array.from(r.meanX)));
});

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8' });

test('CLI: one-line errors for a non-PD QP (smallest eigenvalue), an unstable dt, a malformed file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'machine-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ Q: [[1, 2], [2, 1]], b: [1, 0] }));
  let r = cli('machine', 'qp', bad, '--threads', '1');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: Q: is not positive definite: its smallest eigenvalue is -1 /);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  r = cli('machine', 'qp', '--generate', '4', '--dt', '5', '--threads', '1');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: dt: must be < .* for a stable Euler–Maruyama step/);
  const malformed = join(dir, 'm.txt');
  writeFileSync(malformed, '3 2\n1 2 1\n2 x 1\n');
  r = cli('machine', 'maxcut', malformed, '--threads', '1');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  // The value as given, not the one divided by the RMS coupling field.
  r = cli('machine', 'ising', 'examples/ising-frustrated-ring.json', '--lambda-max', '-1', '--threads', '1');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), 'error: lambda-max: must be > 0 and ≤ 1e6, got -1');
  r = cli('machine', 'ising', 'examples/ising-frustrated-ring.json', '--wall', '0.3', '--threads', '1');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), 'error: wall: must be between 0.6 and 100 (units of the well position), got 0.3');
  const schedule = join(dir, 'schedule.json');
  writeFileSync(schedule, JSON.stringify({ knots: [{ t: 0, barrier_kT: 1, lambda: 0 }, { t: 2, barrier_kT: 1, lambda: 1 }, { t: 3, barrier_kT: 1, lambda: 1 }], wall: 50000 }));
  r = cli('machine', 'ising', 'examples/ising-frustrated-ring.json', '--memory', schedule, '--threads', '1');
  assert.equal(r.status, 2);
  assert.match(r.stderr.trim(), /^error: wall: must be between 0\.6 and 100 \(units of the well position\), got 50000$/);
});

test('CLI: machine ising runs between walls at ±1 by default and says so; --wall none removes them', () => {
  const args = ['machine', 'ising', 'examples/ising-frustrated-ring.json', '--duration', '5', '--replicas', '2', '--seed', '2', '--threads', '1', '--json'];
  const walls = cli(...args);
  const none = cli(...args, '--wall', 'none');
  assert.equal(walls.status, 0, walls.stderr);
  assert.equal(none.status, 0, none.stderr);
  const a = JSON.parse(walls.stdout);
  const b = JSON.parse(none.stdout);
  assert.equal(a.wall_position_a, 1);
  assert.equal(b.wall_position_a, null);
  assert.notEqual(a.energy_to_solution_kT, b.energy_to_solution_kT);
});

test('CLI: a machine run above --max-work gets the shared one-line refusal with its size and time; --max-work raises the limit', () => {
  let r = cli('machine', 'qp', '--generate', '4', '--duration', '1e9', '--threads', '1');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr.trim(), /^error: max-work: this run is 200 replicas × [\d.e]+ steps × \d+ coupling-updates per step = [\d.e]+ coupling-updates, about .* at 1\.5e9 coupling-updates\/s; the limit is 5\.4e12 \(pass --max-work [\d.e]+ to run it anyway\)$/);
  // G1: 2·19176 couplings + 8·800 cells = 44752 per step; the default budget is 2e10 per replica, so 2 replicas ≈ 4e10.
  r = cli('machine', 'maxcut', 'data/gset/G1.txt', '--threads', '1', '--max-work', '1e10');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: max-work: this run is 2 replicas × [\d,]+ steps × 44,?752 coupling-updates per step = 4(\.\d+)?e10 coupling-updates, about .*the limit is 1e10 \(pass --max-work 4(\.\d+)?e10/);
  r = cli('machine', 'maxcut', 'data/gset/G1.txt', '--max-work', 'lots');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: max-work: must be a positive number, got 'lots'/);
  r = cli('machine', 'qp', '--generate', '4', '--duration', '1', '--replicas', '4', '--threads', '1', '--max-work', '1e9', '--json');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).replicas_completed, 4);
});

test('CLI: machine qp --json prints mean_work_kT and stderr_work_kT', () => {
  const dir = mkdtempSync(join(tmpdir(), 'machine-'));
  const file = join(dir, 'qp.json');
  writeFileSync(file, JSON.stringify({ Q: [[2, 0.5], [0.5, 1]], b: [1, -1] }));
  const r = cli('machine', 'qp', file, '--protocol', 'field-ramp', '--duration', '1', '--replicas', '50', '--seed', '3', '--threads', '1', '--json');
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(typeof doc.mean_work_kT, 'number');
  assert.equal(typeof doc.stderr_work_kT, 'number');
  assert.equal(doc.replicas_completed, 50);
});
