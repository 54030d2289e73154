import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { annealSync, anneal } from '../../src/solvers/ising/anneal.js';
import { solveMaxCutSync } from '../../src/solvers/ising/maxcut.js';
import { buildIsing, cutValue, isingEnergy, localFields, maxCutToIsing, quboToIsing, type EdgeList, type IsingProblem } from '../../src/solvers/ising/problem.js';
import { fitTau0, makeSchedule, temperatureAt, barrierKT } from '../../src/solvers/ising/schedule.js';
import { fillAcceptanceTable, interleavedAdjacency, packState, STAT_FLIPS, sweepFloat, sweepPacked, unpackFields, unpackSpins, zeroMoveTolerance } from '../../src/solvers/ising/kernel.js';
import { WasmSweeper } from '../../src/solvers/ising/wasm-kernel.js';
import { seedState } from '../../src/solvers/rng.js';
import { InputError } from '../../src/util/errors.js';
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

test('WebAssembly, JavaScript-integer and real-valued kernels make identical decisions', () => {
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
  }
});

/** Random ±1 spins from stream 0 of `seed`. */
function randomSpins(n: number, seed: number): Int32Array {
  const rng = new Rng(seed, 1);
  return Int32Array.from({ length: n }, () => (rng.unit() < 0.5 ? 1 : -1));
}

/**
 * Drives one kernel sweep by sweep the way anneal.ts does, adding each sweep's returned ΔH to a running energy,
 * and after every sweep compares that energy and the incrementally updated fields with H and f recomputed
 * from the spins of that moment. Returns the accepted flips.
 */
function checkTrackedEnergy(p: IsingProblem, kernel: 'wasm' | 'js' | 'float', sweeps: number, T: number, tol: number): number {
  const spin = randomSpins(p.n, 7);
  const rng = seedState(3, 0);
  const stats = new Float64Array(3);
  const fresh = new Float64Array(p.n);
  const field = new Float64Array(p.n);
  localFields(p, spin, field);
  let energy = isingEnergy(p, spin);
  const adj = interleavedAdjacency(p.col, p.J);
  const wasm = kernel === 'wasm' ? WasmSweeper.create(p.n, p.rowPtr, adj, p.maxAbsField + 1)! : null;
  const st = wasm ? wasm.st : new Int32Array(p.n);
  const thr = wasm ? wasm.thr : new Float64Array(p.maxAbsField + 1);
  if (wasm) wasm.rng.set(rng);
  const fieldInt = Int32Array.from(field);
  if (kernel !== 'float') packState(spin, fieldInt, st);
  for (let s = 0; s < sweeps; s++) {
    if (kernel === 'float') {
      energy += sweepFloat(p.n, p.rowPtr, p.col, p.J, spin, field, T, zeroMoveTolerance(p.maxAbsField), rng, stats);
    } else {
      const len = fillAcceptanceTable(thr, T);
      energy += wasm ? wasm.sweep(len, stats) : sweepPacked(p.n, p.rowPtr, adj, st, thr, len, rng, stats);
      unpackSpins(st, spin);
      unpackFields(st, fieldInt);
      field.set(fieldInt);
    }
    const exact = isingEnergy(p, spin);
    assert.ok(Math.abs(energy - exact) <= tol, `${kernel} sweep ${s + 1}: tracked ${energy}, recomputed ${exact}`);
    localFields(p, spin, fresh);
    for (let v = 0; v < p.n; v++) assert.ok(Math.abs(field[v] - fresh[v]) <= tol, `${kernel} sweep ${s + 1}: field ${v}`);
  }
  return stats[STAT_FLIPS];
}

test('the energy and fields each kernel tracks incrementally equal H and f recomputed from the spins, after every sweep', () => {
  const mc = readMaxCut(gsetFile('G11'));
  // At T = 1.5 on G11 a sizeable share of the attempts flip, so the increments are well exercised.
  for (const kernel of ['wasm', 'js', 'float'] as const) {
    const flips = checkTrackedEnergy(mc.ising, kernel, 40, 1.5, 0);
    assert.ok(flips > 40 * 800 * 0.05, `${kernel}: ${flips} flips`);
  }
  // Real-valued couplings: only the float kernel, equal up to round-off.
  const real = maxCutToIsing(randomGraph(80, 0.15, 4, [0.1, -0.7, 1.3, 2.9])).ising;
  assert.equal(real.integral, false);
  checkTrackedEnergy(real, 'float', 40, 1.0, 1e-9);
});

test('the annealer keeps the tracked energy: the best sweep-end energy equals H of the best spins, recomputed', () => {
  // polish: false, so the best state is a sweep-end snapshot whose energy came from the increments; every trace row
  // but the last (the final, recomputed one) holds the tracked energy of its sweep.
  const mc = readMaxCut(gsetFile('G43'));
  for (const options of [{}, { integerKernel: 'js' as const }, { forceFloatKernel: true }]) {
    const r = annealSync(mc.ising, { sweeps: 300, seed: 5, polish: false, ...options });
    assert.ok(r.best_sweep < r.sweeps_done, 'the best state is not the final row');
    const tracked = r.trace.objective.slice(0, -1);
    assert.equal(tracked[r.trace.iteration.indexOf(r.best_sweep)], r.ising_energy);
    assert.equal(Math.min(...tracked), r.ising_energy);
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
  assert.ok(Math.abs(temperatureAt(g, 50) - 1) < 1e-12); // geometric mean of 4 and 0.25 at the midpoint
  // c = 2·ln 2: T(t) = 2·ln2/ln(1 + t) is 2 at t = 1, 1 at t = 3 (ln 4 = 2·ln 2), 2/3 at t = 7, 1/2 at t = 15.
  const h = makeSchedule('log', 1000, 4, 0.25, { hajek_c: 2 * Math.LN2 });
  for (const [t, T] of [[1, 2], [3, 1], [7, 2 / 3], [15, 0.5]]) assert.ok(Math.abs(temperatureAt(h, t - 1) - T) < 1e-12, `t = ${t}`);
  // τ0 = 1 sweep: ε = t0·ln 2 and T(t) = 2·ln2/ln(1 + t) again for t0 = 2; barrier ln 4 = 1.3862943611198906 kT at t = 3.
  const fixed = makeSchedule('lim', 15, 2, 0, { tau0_sweeps: 1 });
  for (const [t, T] of [[1, 2], [3, 1], [7, 2 / 3], [15, 0.5]]) assert.ok(Math.abs(temperatureAt(fixed, t - 1) - T) < 1e-12, `lim t = ${t}`);
  assert.ok(Math.abs(barrierKT(fixed, 2) - 1.3862943611198906) < 1e-15);
  assert.ok(Math.abs(fixed.t1 - 0.5) < 1e-12);
  const l = makeSchedule('lim', 1000, 4, 0.25);
  assert.ok(Math.abs(temperatureAt(l, 0) - 4) < 1e-9);
  assert.ok(Math.abs(temperatureAt(l, 999) - 0.25) < 1e-9);
  // T·barrier is constant (= ε): acceptance e^{−ΔH·barrier/ε}.
  assert.ok(Math.abs(temperatureAt(l, 500) * barrierKT(l, 500) - l.epsilon!) < 1e-9);
  const r = 0.1;
  const t0 = fitTau0(1000, r);
  assert.ok(Math.abs(Math.log1p(1 / t0) / Math.log1p(1000 / t0) - r) < 1e-9);
});

test('lim cools at most S-fold: t1 below t0/S (or 0) gives finite temperatures ending at ≈ t0/S, not NaN', () => {
  for (const t1 of [0, 0.25]) {
    const l = makeSchedule('lim', 20, 6, t1);
    for (let s = 0; s < 20; s++) {
      const T = temperatureAt(l, s);
      assert.ok(Number.isFinite(T) && T > 0, `t1 = ${t1}, sweep ${s}: T = ${T}`);
      assert.ok(barrierKT(l, s) > 0);
    }
    assert.ok(Math.abs(temperatureAt(l, 0) - 6) < 1e-9);
    assert.ok(Math.abs(l.t1 - 6 / 20) < 1e-9, `reported end temperature ${l.t1}`);
    assert.ok(Math.abs(temperatureAt(l, 19) - l.t1) < 1e-12);
  }
  const r = annealSync(readMaxCut(gsetFile('G11')).ising, { sweeps: 20, schedule: 'lim', t1: 0, polish: false, seed: 1 });
  for (const b of r.trace.extra) assert.ok(Number.isFinite(b) && b > 0, String(b));
});

test('schedule options are validated, and an option the schedule would ignore is an error', () => {
  const p = readMaxCut(gsetFile('G11')).ising;
  const rejects = (options: Parameters<typeof annealSync>[1], field: string, message: RegExp) =>
    assert.throws(() => annealSync(p, { sweeps: 2, ...options }), (e: unknown) => e instanceof InputError && e.field === field && message.test(e.message));
  rejects({ schedule: 'log', hajek_c: -1 }, 'hajek_c', /> 0/);
  rejects({ schedule: 'log', hajek_c: Infinity }, 'hajek_c', /finite/);
  rejects({ schedule: 'lim', tau0_sweeps: 0 }, 'tau0_sweeps', /> 0/);
  rejects({ schedule: 'lim', tau0_sweeps: NaN }, 'tau0_sweeps', /finite/);
  rejects({ schedule: 'log', t0: 3 }, 't0', /one constant.*--hajek-c or --t1/);
  rejects({ schedule: 'log', hajek_c: 3, t1: 0.5 }, 't1', /not both/);
  rejects({ schedule: 'lim', tau0_sweeps: 5, t1: 0.5 }, 't1', /not both/);
  rejects({ hajek_c: 3 }, 'hajek_c', /only to the log schedule/);
  rejects({ schedule: 'log', tau0_sweeps: 3 }, 'tau0_sweeps', /only to the lim schedule/);
  // What each schedule does use still runs.
  assert.equal(annealSync(p, { sweeps: 2, schedule: 'log', hajek_c: 3 }).schedule.hajek_c, 3);
  assert.equal(annealSync(p, { sweeps: 2, schedule: 'lim', t0: 3, tau0_sweeps: 5 }).schedule.tau0_sweeps, 5);
});

test('float kernel: a level move whose field rounds to ±5.6e−17 is accepted with probability ½, not by the rounding', () => {
  // Spin 0 couples to spins 1–3 with 0.1, 0.2, −0.3, so with spins 1–3 up its field is 0 exactly but sums to
  // 5.55e−17 in floating point. Fields h = 5 pin spins 1–3 (an uphill 2·5 at T = 1e−3 is never accepted), so every
  // attempt on spin 0 is the same level move: without the tolerance it is always accepted (k < 0, or e^{−2k/T} ≈ 1).
  const p = buildIsing(4, Int32Array.from([0, 0, 0]), Int32Array.from([1, 2, 3]), Float64Array.from([0.1, 0.2, -0.3]), Float64Array.from([0, 5, 5, 5]));
  assert.equal(p.integral, false);
  const f = new Float64Array(4);
  localFields(p, [-1, 1, 1, 1], f);
  assert.notEqual(f[0], 0, 'the round-off this test is about');
  const r = annealSync(p, { sweeps: 400, t0: 1e-3, t1: 1e-3, initialSpins: [-1, 1, 1, 1], polish: false, seed: 1 });
  // 400 Bernoulli(½) trials: mean 200, σ = 10.
  assert.ok(r.accepted_flips > 150 && r.accepted_flips < 250, `${r.accepted_flips} of 400`);
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
  // The best found so far, not the last state: no recorded sweep energy is below it (the greedy polish
  // may improve on them), and it is far below the random start (H ≈ 0 ± √m for ±1 couplings).
  const sweepEnergies = r.trace.objective.slice(0, -1);
  assert.ok(sweepEnergies.length > 0);
  assert.ok(r.ising_energy <= Math.min(...sweepEnergies), `${r.ising_energy} vs ${Math.min(...sweepEnergies)}`);
  assert.ok(r.ising_energy < -10 * Math.sqrt(mc.graph.w.length), String(r.ising_energy));
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
  // H = −s0 s1 + 2 s1 s2 − s2, enumerated below: the unique ground state is (−1, −1, +1) with H = −4.
  const p = buildIsing(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]), Float64Array.from([1, -2]), Float64Array.from([0, 0, 1]));
  const states = Array.from({ length: 8 }, (_, m) => [0, 1, 2].map((v) => ((m >> v) & 1 ? 1 : -1)));
  const H = (s: number[]) => -s[0] * s[1] + 2 * s[1] * s[2] - s[2];
  const ground = states.filter((s) => H(s) === Math.min(...states.map(H)));
  assert.deepEqual(ground, [[-1, -1, 1]]);
  assert.equal(H(ground[0]), -4);
  const r = annealSync(p, { sweeps: 50, seed: 1 });
  assert.deepEqual(Array.from(r.spins), [-1, -1, 1]);
  assert.equal(r.ising_energy, -4);
});
