/**
 * The WebAssembly step loop against the JavaScript reference kernel (bit-identical replicas, on a QP with
 * a Gaussian start and a read-out window, and on a sparse MAX-CUT anneal with bit flips, several chunks,
 * rows of every length), and against the plain C reference (bench/c/machine_ref.c) where gcc is present:
 * the same work and flip count to the last bit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkQP } from '../../src/machine/checks.js';
import { prepareSetup, runReplica, type ReplicaResult } from '../../src/machine/kernel.js';
import { fromMaxCut, type MachineProblem } from '../../src/machine/problem.js';
import { buildPhases, type ProtocolSpec, type StepOptions } from '../../src/machine/protocol.js';
import { isingSchedule, qpProtocol } from '../../src/machine/schedules.js';
import { CHUNK_STEPS } from '../../src/machine/state.js';
import { wasmKernelAvailable } from '../../src/machine/wasm-kernel.js';
import { buildReference, rampSpec, runRamp, runReference } from '../../src/machine/benchmark.js';
import { RandomStream } from '../../src/sim/rng.js';
import { parseMaxCut } from '../../src/solvers/io/problem-files.js';

/** A G-set style edge list with ±1 weights: cell 0 isolated, cell d ≤ 5 with exactly d couplings, the rest random. */
function edgeList(n: number, seed: number): string {
  const rng = new RandomStream(seed, 0);
  const lines: string[] = [];
  const sign = () => (rng.int32() < 0 ? -1 : 1);
  for (let d = 1; d <= 5; d++) for (let k = 0; k < d; k++) lines.push(`${d + 1} ${10 + k + 1} ${sign()}`);
  for (let a = 6; a < n; a++) {
    for (let b = a + 1; b < n; b++) if (rng.unit() < (a % 5 === 0 ? 0.35 : 0.06)) lines.push(`${a + 1} ${b + 1} ${sign()}`);
  }
  return `${n} ${lines.length}\n${lines.join('\n')}\n`;
}

function replicas(p: MachineProblem, spec: ProtocolSpec, step: StepOptions, kernel: 'wasm' | 'js', seed: number, count: number): ReplicaResult[] {
  const built = buildPhases(spec, 0, 0, step);
  const setup = prepareSetup(p, built);
  return Array.from({ length: count }, (_, k) => runReplica(p, built, setup, seed, k, { kernel })!);
}

test('WebAssembly is available on this Node (else the JavaScript kernel would run everywhere)', () => {
  assert.equal(wasmKernelAvailable(), true);
});

test('WebAssembly kernel = JavaScript kernel, bit for bit: QP with Gaussian start, field ramp and read-out', () => {
  const p = checkQP(6, 3);
  const spec = qpProtocol({ protocol: 'field-ramp', duration_tau0: 5, readout_tau0: 2, reset_tau0: 2 });
  const step = { dt: 2e-3 };
  assert.ok(buildPhases(spec, 0, 0, step).steps > 4 * CHUNK_STEPS);
  const js = replicas(p, spec, step, 'js', 7, 3);
  const wasm = replicas(p, spec, step, 'wasm', 7, 3);
  assert.deepStrictEqual(wasm, js);
  assert.ok(js[0].readoutSteps > 0 && js[0].meanX.length === 6);
});

test('WebAssembly kernel = JavaScript kernel, bit for bit: sparse MAX-CUT anneal with bit flips', () => {
  const mc = parseMaxCut(edgeList(70, 11), 'test.txt');
  const p = fromMaxCut(mc);
  const degrees = new Set(Array.from({ length: p.n }, (_, i) => p.rowPtr[i + 1] - p.rowPtr[i]));
  for (const d of [0, 1, 2, 3, 4, 5]) assert.ok(degrees.has(d), `a row with ${d} couplings`);
  const spec = isingSchedule({ memory: 'lim', anneal_tau0: 40, lambda_max: 1, lambda_start: 0.02, retention_barrier_kT: 12, low_barrier_kT: 1, consolidate_tau0: 4, hold_tau0: 1, reset_tau0: 3, warmup_tau0: 1 });
  const step = { ratio: 0.05, maxDt: 0.05 };
  const js = replicas(p, spec, step, 'js', 3, 3);
  // The WebAssembly kernel reuses its state between replicas: run a different replica first.
  replicas(p, spec, step, 'wasm', 99, 1);
  const wasm = replicas(p, spec, step, 'wasm', 3, 3);
  assert.deepStrictEqual(wasm, js);
  assert.ok(js.every((r) => r.flips > p.n), 'the anneal flips bits');
});

test('WebAssembly kernel = JavaScript kernel, bit for bit: the same anneal between reflecting walls', () => {
  const mc = parseMaxCut(edgeList(70, 11), 'test.txt');
  const p = fromMaxCut(mc);
  for (const wall of [1, 0.8]) {
    const spec = isingSchedule({ memory: 'free', anneal_tau0: 40, lambda_max: 3, lambda_start: 0.02, retention_barrier_kT: 12, low_barrier_kT: 1, consolidate_tau0: 4, hold_tau0: 1, reset_tau0: 3, warmup_tau0: 1, wall });
    // Long steps (up to 0.5 τ_D, noise √(2dt) up to 1 against a box 2·wall wide): reflections are frequent.
    const step = { ratio: 0.3, maxDt: 0.5 };
    const js = replicas(p, spec, step, 'js', 3, 2);
    const wasm = replicas(p, spec, step, 'wasm', 3, 2);
    assert.deepStrictEqual(wasm, js);
    assert.ok(js.every((r) => r.flips > p.n), 'the anneal flips bits');
    assert.ok(js.every((r) => r.meanX.every((x) => Math.abs(x) <= wall)), 'time averages inside the box');
  }
});

let gcc = true;
try {
  execFileSync('gcc', ['--version'], { stdio: 'ignore' });
} catch {
  gcc = false;
}

test('the C reference (gcc -O2) prints the kernel\'s work and flip count to the last bit', { skip: gcc ? false : 'gcc not found' }, () => {
  const ref = buildReference();
  assert.ok('binary' in ref, 'skipped' in ref ? ref.skipped : '');
  const dir = mkdtempSync(join(tmpdir(), 'limbound-machine-ref-'));
  try {
    const graph = join(dir, 'graph.txt');
    writeFileSync(graph, edgeList(90, 5));
    const p = fromMaxCut(parseMaxCut(edgeList(90, 5), graph));
    const cases: Array<[steps: number, dt: number, barrier: number, lambda: number, wall: number | undefined, seed: number, replica: number]> = [
      [2500, 0.01, 1, 0.3, undefined, 1, 0],
      [700, 0.02, 3, 1.5, undefined, 12345, 4],
      [1500, 0.05, 1, 2, 1, 3, 2],
      [900, 0.05, 0.5, 1, 0.8, 8, 1],
    ];
    for (const [steps, dt, barrier, lambda, wall, seed, replica] of cases) {
      const c = runReference(ref, graph, steps, dt, barrier, lambda, wall, seed, replica);
      for (const kernel of ['wasm', 'js'] as const) {
        const k = runRamp(p, rampSpec(steps, dt, barrier, lambda, wall), dt, seed, replica, kernel);
        assert.equal(k.work, c.work, `${kernel} work, ${steps} steps`);
        assert.equal(k.flips, c.flips, `${kernel} flips, ${steps} steps`);
      }
      assert.ok(c.flips > 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(ref.dir, { recursive: true, force: true });
  }
});

test('bench machine: the same work in every kernel, identical results on 1 and 2 threads, every rate reported', async () => {
  const { benchmarkMachine } = await import('../../src/machine/benchmark.js');
  const b = await benchmarkMachine({ steps: 20, repeats: 1, threads: 2 });
  assert.equal(b.kernel, 'wasm');
  assert.equal(b.cells, 2000);
  assert.equal(b.couplings, 19990);
  assert.equal(b.deterministic_across_threads, true);
  for (const v of [b.cell_updates_per_s, b.cell_updates_per_s_js, b.cell_updates_per_s_threads, b.speedup_threads]) assert.ok(Number.isFinite(v) && v > 0);
  if (gcc) {
    assert.equal(b.c_reference?.same_result, true);
    assert.ok(b.c_reference.kernel_to_c_ratio > 0 && b.c_reference.speedup_processes > 0);
  } else assert.equal(b.c_reference_skipped, 'gcc not found');
});
