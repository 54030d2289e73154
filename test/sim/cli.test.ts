/** `limbound simulate` options and errors: clear one-line messages naming the field, exit code 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerSimulate } from '../../src/cli/simulate.js';
import { InputError } from '../../src/util/errors.js';
import { sweepDuration } from '../../src/sim/index.js';

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
