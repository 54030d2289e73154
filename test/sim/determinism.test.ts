/** Same seed → bit-identical results with 1 and 2 threads, from the library, the CLI and the built CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerPool, runEnsemble, simulate, type ProtocolSpec } from '../../src/sim/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const DIST_CLI = join(ROOT, 'dist', 'cli', 'index.js');

const specs: ProtocolSpec[] = [
  { protocol: 'trap', schedule: 'optimal', stiffness_kT_per_a2: 2, distance_a: 1, duration_tau0: 0.5 },
  { protocol: 'erase', barrier_kT: 8, tilt_kT_per_a: 3, duration_tau0: 2 },
  { protocol: 'retention', barrier_kT: 3, duration_tau0: 5, bits: 2 },
  { protocol: 'write', memory: 'lim', barrier_kT: 2, duration_tau0: 3, bits: 1, from_level: 0, to_level: 1 },
  { protocol: 'write', memory: 'static', barrier_kT: 4, duration_tau0: 0.5, bits: 1, from_level: 1, to_level: 0 },
];

test('library: identical JSON on 1 and 2 threads for every kernel', async () => {
  const pool = new WorkerPool(2);
  try {
    for (const spec of specs) {
      const one = await simulate(spec, { particles: 301, seed: 2024, threads: 1 });
      const two = await simulate(spec, { particles: 301, seed: 2024, threads: 2, pool });
      assert.equal(JSON.stringify(two), JSON.stringify(one), spec.protocol);
      const other = await simulate(spec, { particles: 301, seed: 2025, threads: 2, pool });
      assert.notEqual(JSON.stringify(other), JSON.stringify(one), 'a different seed must change the result');
    }
  } finally {
    await pool.close();
  }
});

function run(cli: string[], args: string[]) {
  return spawnSync(process.execPath, [...cli, ...args], { encoding: 'utf8', cwd: ROOT });
}

test('CLI (TypeScript sources): same --seed gives byte-identical JSON with --threads 1 and 2', () => {
  const args = ['simulate', 'erase', '--duration', '2', '--barrier-kT', '8', '--particles', '400', '--seed', '9', '--json'];
  const one = run(['--import', 'tsx', CLI], [...args, '--threads', '1']);
  const two = run(['--import', 'tsx', CLI], [...args, '--threads', '2']);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stdout, one.stdout);
  const doc = JSON.parse(one.stdout);
  assert.equal(doc.particles_completed, 400);
  assert.equal(typeof doc.p_fail, 'number');
});

test('built CLI (dist/, JavaScript workers): same --seed gives identical JSON with --threads 1 and 2', { skip: !existsSync(join(ROOT, 'dist', 'sim', 'worker.js')) && 'run npm run build first' }, () => {
  const args = ['simulate', 'trap', '--protocol', 'optimal', '--particles', '3000', '--seed', '3', '--json'];
  const one = run([DIST_CLI], [...args, '--threads', '1']);
  const two = run([DIST_CLI], [...args, '--threads', '2']);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.stdout, one.stdout);
});

test('an aborted run keeps the finished blocks and says it was interrupted', async () => {
  for (const threads of [1, 2]) {
    const controller = new AbortController();
    const ensemble = await runEnsemble(
      { spec: { protocol: 'retention', barrier_kT: 4, duration_tau0: 200, bits: 1 }, dt: 1e-3, particles: 2000, seed: 1 },
      {
        threads,
        signal: controller.signal,
        onProgress: (done) => {
          if (done > 0) controller.abort();
        },
      },
    );
    assert.equal(ensemble.interrupted, true);
    assert.ok(ensemble.particlesCompleted < 2000, `threads ${threads}: ${ensemble.particlesCompleted}`);
    assert.equal(ensemble.work.length, ensemble.particlesCompleted);
  }
});
