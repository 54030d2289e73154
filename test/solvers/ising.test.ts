import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { annealSync, anneal } from '../../src/solvers/ising/anneal.js';
import { solveMaxCutSync } from '../../src/solvers/ising/maxcut.js';
import { buildIsing, cutValue, isingEnergy, maxCutToIsing, quboToIsing, type EdgeList } from '../../src/solvers/ising/problem.js';
import { fitTau0, makeSchedule, temperatureAt, barrierKT } from '../../src/solvers/ising/schedule.js';
import { readMaxCut } from '../../src/solvers/io/problem-files.js';
import { gsetFile, bestKnownCuts } from '../../src/solvers/gset.js';
import { compileCReference, runCReference } from '../../src/solvers/bench-anneal.js';
import { Rng } from '../../src/solvers/rng.js';
import { rmSync } from 'node:fs';

function randomGraph(n: number, p: number, seed: number, weights: number[] = [1]): EdgeList {
  const rng = new Rng(seed, 5);
  const i: number[] = [], j: number[] = [], w: number[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng.unit() < p) {
    i.push(a);
    j.push(b);
    w.push(weights[rng.below(weights.length)]);
  }
  return { n, i: Int32Array.from(i), j: Int32Array.from(j), w: Float64Array.from(w) };
}

/** Maximum cut by enumerating all 2^(n−1) partitions (vertex 0 fixed). */
function bruteMaxCut(g: EdgeList): number {
  let best = -Infinity;
  const s = new Int8Array(g.n);
  for (let mask = 0; mask < 1 << (g.n - 1); mask++) {
    s[0] = 1;
    for (let v = 1; v < g.n; v++) s[v] = (mask >> (v - 1)) & 1 ? 1 : -1;
    best = Math.max(best, cutValue(g, s));
  }
  return best;
}

test('MAX-CUT ↔ Ising: cut(s) = (W − H(s))/2 for every state of small random graphs', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 7 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
      const g = randomGraph(n, 0.6, seed, [1, -1, 2.5]);
      const mc = maxCutToIsing(g);
      const s = new Int8Array(n);
      for (let mask = 0; mask < 1 << n; mask++) {
        for (let v = 0; v < n; v++) s[v] = (mask >> v) & 1 ? 1 : -1;
        assert.ok(Math.abs(cutValue(g, s) - (mc.totalWeight - isingEnergy(mc.ising, s)) / 2) < 1e-9);
      }
    }),
    { numRuns: 40 },
  );
});

test('QUBO → Ising: Σ q_ij x_i x_j = H(s) + offset with x = (1 + s)/2, on every state', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
      const rng = new Rng(seed, 9);
      const qi: number[] = [], qj: number[] = [], q: number[] = [];
      for (let a = 0; a < n; a++) for (let b = a; b < n; b++) if (rng.unit() < 0.7) {
        qi.push(a);
        qj.push(b);
        q.push(Math.round(10 * (rng.unit() - 0.5)));
      }
      const p = quboToIsing(n, Int32Array.from(qi), Int32Array.from(qj), Float64Array.from(q));
      const s = new Int8Array(n);
      for (let mask = 0; mask < 1 << n; mask++) {
        let direct = 0;
        for (let k = 0; k < q.length; k++) direct += q[k] * ((mask >> qi[k]) & 1) * ((mask >> qj[k]) & 1);
        for (let v = 0; v < n; v++) s[v] = (mask >> v) & 1 ? 1 : -1;
        assert.ok(Math.abs(isingEnergy(p, s) + p.offset - direct) < 1e-9);
      }
    }),
    { numRuns: 40 },
  );
});

test('annealing finds the exact maximum cut of small random graphs (brute force)', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const g = randomGraph(12, 0.4, seed, [1, -1, 2]);
    const r = solveMaxCutSync(maxCutToIsing(g), { sweeps: 400, restarts: 3, seed });
    assert.equal(r.best_cut, bruteMaxCut(g), `seed ${seed}`);
  }
});

test('WebAssembly, JavaScript-integer and real-valued kernels make identical decisions; the tracked energy is exact', () => {
  for (const name of ['G11', 'G43']) {
    const mc = readMaxCut(gsetFile(name));
    const a = annealSync(mc.ising, { sweeps: 300, seed: 5, polish: false });
    const j = annealSync(mc.ising, { sweeps: 300, seed: 5, polish: false, integerKernel: 'js' });
    const b = annealSync(mc.ising, { sweeps: 300, seed: 5, polish: false, forceFloatKernel: true });
    assert.equal(a.kernel, 'integer');
    assert.equal(a.wasm, true, 'Node has WebAssembly');
    assert.equal(j.wasm, false);
    assert.equal(b.kernel, 'float');
    assert.equal(a.accepted_flips, b.accepted_flips);
    assert.equal(j.accepted_flips, b.accepted_flips);
    assert.deepEqual(Array.from(a.spins), Array.from(b.spins));
    assert.deepEqual(Array.from(j.spins), Array.from(b.spins));
    assert.equal(a.ising_energy, isingEnergy(mc.ising, a.spins));
  }
});

test('same seed → same result; another seed → another trajectory', () => {
  const mc = readMaxCut(gsetFile('G1'));
  const a = solveMaxCutSync(mc, { sweeps: 200, seed: 11 });
  const b = solveMaxCutSync(mc, { sweeps: 200, seed: 11 });
  const c = solveMaxCutSync(mc, { sweeps: 200, seed: 12 });
  assert.equal(a.best_cut, b.best_cut);
  assert.deepEqual(Array.from(a.spins), Array.from(b.spins));
  assert.deepEqual(a.counts, b.counts);
  assert.notEqual(a.accepted_flips, c.accepted_flips);
});

test('G1 with a short geometric anneal reaches ≥ 99% of the best-known cut (11624)', () => {
  const mc = readMaxCut(gsetFile('G1'));
  const r = solveMaxCutSync(mc, { sweeps: 3000, seed: 1 });
  const best = bestKnownCuts().get('G1')!.best_known_cut;
  assert.equal(best, 11624);
  assert.ok(r.best_cut >= 0.99 * best, `cut ${r.best_cut}`);
  assert.ok(r.best_cut <= best);
});

test('all three schedules run and improve on a random state (G11, 1000 sweeps)', () => {
  const mc = readMaxCut(gsetFile('G11'));
  for (const schedule of ['geometric', 'log', 'lim'] as const) {
    const r = solveMaxCutSync(mc, { sweeps: 1000, seed: 2, schedule });
    // A random partition cuts half the weight in expectation; annealing must do far better.
    assert.ok(r.best_cut > 0.9 * 564, `${schedule}: ${r.best_cut}`);
    assert.equal(r.schedule.kind, schedule);
  }
});

test('schedules: geometric endpoints, Hajek T = c/ln(1+t), LIM barrier kT·ln(1 + t/τ0) spanning t0 → t1', () => {
  const g = makeSchedule('geometric', 101, 4, 0.25);
  assert.equal(temperatureAt(g, 0), 4);
  assert.ok(Math.abs(temperatureAt(g, 100) - 0.25) < 1e-12);
  assert.ok(Math.abs(temperatureAt(g, 50) - Math.sqrt(4 * 0.25)) < 1e-12); // geometric mean at the midpoint
  const h = makeSchedule('log', 1000, 4, 0.25, { hajek_c: 3 });
  for (const t of [1, 10, 999]) assert.ok(Math.abs(temperatureAt(h, t - 1) - 3 / Math.log(1 + t)) < 1e-12);
  const l = makeSchedule('lim', 1000, 4, 0.25);
  assert.ok(Math.abs(temperatureAt(l, 0) - 4) < 1e-9);
  assert.ok(Math.abs(temperatureAt(l, 999) - 0.25) < 1e-9);
  const tau = l.tau0_sweeps!;
  assert.ok(Math.abs(barrierKT(l, 9) - Math.log(1 + 10 / tau)) < 1e-12);
  // T·barrier is constant (= ε): acceptance e^{−ΔH·barrier/ε}.
  assert.ok(Math.abs(temperatureAt(l, 500) * barrierKT(l, 500) - l.epsilon!) < 1e-9);
  const r = 0.1;
  const t0 = fitTau0(1000, r);
  assert.ok(Math.abs(Math.log1p(1 / t0) / Math.log1p(1000 / t0) - r) < 1e-9);
});

test('Ctrl-C (abort) returns the best state found so far, flagged interrupted', async () => {
  const mc = readMaxCut(gsetFile('G22'));
  const controller = new AbortController();
  let calls = 0;
  const r = await anneal(mc.ising, {
    sweeps: 1e6,
    seed: 1,
    signal: controller.signal,
    onProgress: () => {
      if (++calls === 2) controller.abort();
    },
  });
  assert.equal(r.interrupted, true);
  assert.ok(r.sweeps_done < 1e6);
  assert.equal(r.ising_energy, isingEnergy(mc.ising, r.spins));
});

test('the C reference (gcc -O2) makes exactly the same decisions as both limbound integer sweeps', (t) => {
  if (spawnSync('gcc', ['--version']).status !== 0) {
    t.skip('gcc not available');
    return;
  }
  const compiled = compileCReference();
  assert.ok('binary' in compiled, 'reason' in compiled ? compiled.reason : '');
  try {
    const mc = readMaxCut(gsetFile('G1'));
    const c = runCReference(compiled.binary, gsetFile('G1'), 500, 9, 3, 0.25);
    for (const integerKernel of ['wasm', 'js'] as const) {
      const js = solveMaxCutSync(mc, { sweeps: 500, seed: 9, t0: 3, t1: 0.25, polish: false, integerKernel });
      assert.equal(c.flips, js.accepted_flips, integerKernel);
      assert.equal(c.best, js.ising_energy, integerKernel);
    }
  } finally {
    rmSync(compiled.dir, { recursive: true, force: true });
  }
});

test('a Hamiltonian with fields anneals to its brute-force ground state', () => {
  // H = −s0 s1 + 2 s1 s2 − s2: ground state (−1, −1, +1) with H = −4 (enumerated by hand in ledger.test.ts).
  const p = buildIsing(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]), Float64Array.from([1, -2]), Float64Array.from([0, 0, 1]));
  const r = annealSync(p, { sweeps: 50, seed: 1 });
  assert.equal(r.ising_energy, -4);
});
