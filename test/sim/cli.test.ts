/** `limbound simulate` options and errors: clear one-line messages naming the field, exit code 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerSimulate, renderResult, renderSweep } from '../../src/cli/simulate.js';
import { InputError } from '../../src/util/errors.js';
import { describeEnsemble, runEnsemble, sweepDuration } from '../../src/sim/index.js';
import { fitPowerLaw } from '../../src/sim/observables.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'index.ts');

async function expectInputError(args: string[], field: string, pattern: RegExp): Promise<void> {
  const program = new Command().exitOverride();
  registerSimulate(program);
  await assert.rejects(
    () => program.parseAsync(['simulate', ...args, ...(args.includes('--threads') ? [] : ['--threads', '1']), '--json'], { from: 'user' }),
    (err: unknown) => err instanceof InputError && err.field === field && pattern.test(err.message),
    `${args.join(' ')} should fail on ${field}`,
  );
}

test('bad parameters are rejected with the field named', async () => {
  await expectInputError(['trap', '--dt', '1.5'], 'dt', /must be < 1 for a stable Euler–Maruyama step/);
  await expectInputError(['kramers', '--barrier-kT', '10', '--dt', '0.02'], 'dt', /must be < 0\.013 /);
  await expectInputError(['trap', '--duration', '-1'], 'duration', /> 0/);
  await expectInputError(['erase', '--duration', '0'], 'duration', /> 0/);
  await expectInputError(['trap', '--particles', '0'], 'particles', /≥ 1/);
  await expectInputError(['trap', '--particles', '2.5'], 'particles', /whole number/);
  await expectInputError(['trap', '--stiffness', 'abc'], 'stiffness', /expected a number/);
  await expectInputError(['trap', '--protocol', 'zigzag'], 'protocol', /linear, optimal, step/);
  await expectInputError(['write', '--memory', 'flash'], 'memory', /static, lim/);
  await expectInputError(['write', '--to-level', '0'], 'to-level', /must differ/);
  await expectInputError(['write', '--bits', '2', '--to-level', '4'], 'to-level', /≤ 3/);
  await expectInputError(['trap', '--seed', '-3'], 'seed', /≥ 0/);
  await expectInputError(['trap', '--threads', '0'], 'threads', /≥ 1/);
  await expectInputError(['trap', '--duration', '1e-5'], 'duration', /shorter than one time step/);
});

test('errors name the option the user gave, with the value given', async () => {
  // sweep-duration: --from/--to are durations, --k0/--k1 the stiffnesses.
  await expectInputError(['sweep-duration', 'stiffness', '--k0', '-1', '--from', '1', '--to', '2'], 'k0', /> 0, got -1/);
  await expectInputError(['sweep-duration', 'stiffness', '--k1', 'x', '--from', '1', '--to', '2'], 'k1', /expected a number/);
  await expectInputError(['sweep-duration', 'trap', '--from', '-1', '--to', '2'], 'from', /> 0, got -1/);
  await expectInputError(['sweep-duration', 'trap', '--from', '1e-5', '--to', '1', '--dt', '1e-3'], 'from', /shorter than one time step .*got 0\.00001 τ0/);
  // Phased protocols report the user's duration and the minimum, not one phase's share.
  await expectInputError(['erase', '--duration', '1e-4', '--dt', '2e-4'], 'duration', /4 phases.*got 0\.0001 τ0, needs ≥ 0\.0008 τ0/);
  await expectInputError(['write', '--memory', 'lim', '--duration', '1e-3', '--dt', '1e-3'], 'duration', /3 phases.*got 0\.001 τ0, needs ≥ 0\.003 τ0/);
});

test('effectively endless runs are refused: head stiffness is capped, particles × steps beyond the work cap are refused up front', async () => {
  await expectInputError(['write', '--head-stiffness', '1e9'], 'head-stiffness', /must be > 0 and ≤ 10000, got 1000000000/);
  await expectInputError(['consolidate', '--head-stiffness', '2e4'], 'head-stiffness', /≤ 10000/);
  await expectInputError(['trap', '--dt', '1e-12'], 'max-work', /2000 particles × 1e12 steps = 2e15 particle-steps, about .* \(pass --max-work 2e15 to run it anyway\)/);
});

test('a tilt the old curvature bound ignored: the unstable step is refused (exit 2), not run into divergence', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'simulate', 'erase', '--barrier-kT', '1', '--tilt', '100', '--dt', '0.1', '--threads', '1', '--json'], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: dt: must be < 0\.0094 for a stable Euler–Maruyama step \(\|U''\|max = 106\.8 kT\/a²\), got 0\.1\n$/);
});

test('a run stopped before its first block reports no mean (JSON null, a note in the text), not 0', async () => {
  const controller = new AbortController();
  controller.abort();
  const spec = { protocol: 'trap', schedule: 'linear', stiffness_kT_per_a2: 1, distance_a: 1, duration_tau0: 1 } as const;
  const ensemble = await runEnsemble({ spec, dt: 1e-3, particles: 100, seed: 1 }, { threads: 1, signal: controller.signal });
  assert.equal(ensemble.particlesCompleted, 0);
  const doc = describeEnsemble(ensemble, { temperature: 300, tau0: 1e-9, bins: 10 });
  const json = JSON.parse(JSON.stringify(doc));
  for (const key of ['mean_work_kT', 'mean_work_J', 'mean_heat_kT', 'mean_delta_U_kT']) assert.equal(json[key], null, key);
  const text = renderResult(doc);
  assert.match(text, /no particle finished .*nothing was measured/);
  assert.doesNotMatch(text, /mean work/);
});

test('sweep text and JSON say how many points the fits used and why any were dropped', () => {
  const row = (duration_tau0: number, excess: number, se: number) => ({ duration_tau0, mean_work_kT: excess, stderr_work_kT: se, reference_work_kT: 0, excess_work_kT: excess, excess_stderr_kT: se });
  const fit = fitPowerLaw([1, 2, 4, 8], [1, 0.5, -0.01, 0.2], [0.1, 0.1, 0.1, 0]);
  assert.deepEqual([fit.points, fit.inversePoints, fit.droppedNonPositive, fit.droppedNoError], [2, 3, 1, 1]);
  const text = renderSweep({
    protocol: 'erase',
    rows: [row(1, 1, 0.1), row(2, 0.5, 0.1), row(4, -0.01, 0.1), row(8, 0.2, 0)],
    fit: { exponent: -1, exponent_stderr: 0.1, inverse_prefactor_kT_tau0: 1, points: 4, points_used: 2, inverse_points_used: 3, points_dropped_nonpositive_excess: 1, points_dropped_no_stderr: 1 },
  });
  assert.match(text, /fit points: power law 2 of 4, B\/t 3 of 4 \(1 with excess ≤ 0 left out of the power law, which steepens its exponent; 1 without a standard error left out of both\)/);
});

test('the real CLI prints one error line and exits 2', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'simulate', 'trap', '--dt', '5', '--json'], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^error: dt: must be < 1 for a stable Euler–Maruyama step .*got 5\n$/);
});

test('simulate trap --json prints the measured and analytic mean work with units in the names', () => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', CLI, 'simulate', 'trap', '--stiffness', '2', '--distance', '1', '--duration', '1', '--protocol', 'linear', '--particles', '4000', '--dt', '1e-3', '--seed', '4', '--json'],
    { encoding: 'utf8', cwd: ROOT },
  );
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const key of ['mean_work_kT', 'stderr_work_kT', 'analytic_mean_work_kT', 'mean_work_J', 'duration_s', 'dt_tau0', 'particles', 'steps', 'seed']) {
    assert.ok(key in doc, key);
  }
  // (λ²/t)[1 − (1 − e^{−kt})/(kt)] for k = 2, λ = 1, t = 1.
  assert.ok(Math.abs(doc.analytic_mean_work_kT - (1 - (1 - Math.exp(-2)) / 2)) < 1e-12);
  assert.ok(Math.abs(doc.mean_work_kT - doc.analytic_mean_work_kT) < 5 * doc.stderr_work_kT + 0.01);
  assert.ok(Math.abs(doc.mean_work_J - doc.mean_work_kT * 1.380649e-23 * 300) < 1e-30);
  assert.equal(doc.duration_s, 1e-9);
});

test('sweep-duration reproduces the moving-trap work against duration and fits its power law', async () => {
  const k = 4;
  const durations = [2, 4, 8, 16];
  const exact = (t: number) => (1 / t) * (1 - (1 - Math.exp(-k * t)) / (k * t)); // λ = 1, Schmiedl & Seifert
  const doc = await sweepDuration(
    { protocol: 'trap', schedule: 'linear', stiffness_kT_per_a2: k, distance_a: 1, duration_tau0: 1 },
    durations,
    { particles: 10000, seed: 8, dt: 2e-3, threads: 2 },
  );
  const fit = doc.fit as Record<string, number>;
  const rows = doc.rows as Array<Record<string, number>>;
  assert.deepEqual([fit.points, fit.points_used, fit.inverse_points_used, fit.points_dropped_nonpositive_excess, fit.points_dropped_no_stderr], [4, 4, 4, 0, 0]);
  assert.deepEqual(rows.map((r) => r.seed), [8, 9, 10, 11]);
  assert.deepEqual(rows.map((r) => r.duration_tau0), durations);
  for (const r of rows) {
    assert.equal(r.reference_work_kT, 0);
    assert.ok(Math.abs(r.mean_work_kT - exact(r.duration_tau0)) < 4 * r.stderr_work_kT + 0.01 * exact(r.duration_tau0), JSON.stringify(r));
  }
  // The exact curve's own log-log slope over these durations (least squares on exact values).
  const lx = durations.map(Math.log);
  const ly = durations.map((t) => Math.log(exact(t)));
  const mx = lx.reduce((a, b) => a + b) / 4;
  const my = ly.reduce((a, b) => a + b) / 4;
  const slope = lx.reduce((a, x, i) => a + (x - mx) * (ly[i] - my), 0) / lx.reduce((a, x) => a + (x - mx) ** 2, 0);
  assert.ok(Math.abs(fit.exponent - slope) < 4 * fit.exponent_stderr + 0.02, `fitted ${fit.exponent} ± ${fit.exponent_stderr}, exact ${slope}`);
  assert.ok(Math.abs(slope + 1) < 0.1);
});

test('temperature and attempt time use the engine flag names (--temperature-K, --tau0-s) and take units', async () => {
  await expectInputError(['trap', '--temperature-K', '0'], 'temperature-K', /> 0/);
  await expectInputError(['trap', '--temperature-K', '300 C'], 'temperature-K', /unknown unit 'C' \(allowed: K\)/);
  await expectInputError(['trap', '--tau0-s', '2 s'], 'tau0-s', /≤ 1/);
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'simulate', 'trap', '--particles', '1k', '--temperature-K', '77 K', '--tau0-s', '2 ns', '--threads', '1', '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.particles, 1000);
  assert.equal(doc.temperature_K, 77);
  assert.equal(doc.tau0_s, 2e-9);
  const old = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'simulate', 'trap', '--temperature', '77'], { encoding: 'utf8' });
  assert.equal(old.status, 2);
  assert.match(old.stderr, /Did you mean --temperature-K\?/);
});
