import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annealSync } from '../../src/solvers/ising/anneal.js';
import { Ledger, type LedgerTrace } from '../../src/solvers/ledger.js';
import type { OperationCounts } from '../../src/model/counts.js';
import { buildIsing } from '../../src/solvers/ising/problem.js';
import { solveMaxCutSync } from '../../src/solvers/ising/maxcut.js';
import { readMaxCut } from '../../src/solvers/io/problem-files.js';
import { gsetFile } from '../../src/solvers/gset.js';
import { solveQPSync } from '../../src/solvers/qp/solve.js';
import { csrFromDense, type BoxQP } from '../../src/solvers/qp/problem.js';
import { generateBoxQP } from '../../src/solvers/qp/generate.js';
import { solveBoxQPReference } from '../../src/solvers/qp/reference.js';
import { FixedPointMemory, hamming, popcount32 } from '../../src/solvers/qp/fixed-point.js';
import { priceRun } from '../../src/solvers/pricing.js';

test('3-spin Ising run, counted by hand', () => {
  // H = −s0·s1 + 2·s1·s2 − s2 (J01 = 1, J12 = −2, h2 = 1), start (+,+,+), T ≈ 0, 3 sweeps, no polish.
  // Fields at start: f0 = 1, f1 = 1 − 2 = −1, f2 = −2 + 1 = −1.
  // Sweep 1: i0 k = 1 reject; i1 k = −1 flip (deg 2: f0 → −1, f2 → 3), H 0 → −2; i2 k = 3 reject.
  // Sweep 2: i0 k = −1 flip (deg 1: f1 → −3), H → −4; i1 k = 3 reject; i2 k = 3 reject.
  // Sweep 3: k = 1, 3, 3: all rejected.
  // Attempts 9, flips 2, Σdeg of flipped spins 3; best-so-far copies after sweeps 1 and 2.
  const p = buildIsing(3, Int32Array.from([0, 1]), Int32Array.from([1, 2]), Float64Array.from([1, -2]), Float64Array.from([0, 0, 1]));
  const r = annealSync(p, { sweeps: 3, t0: 1e-9, t1: 1e-9, initialSpins: [1, 1, 1], polish: false, seed: 1 });
  assert.deepEqual(Array.from(r.spins), [-1, -1, 1]);
  assert.equal(r.ising_energy, -4);
  const attempts = 9, flips = 2, degSum = 3;
  assert.deepEqual(r.counts, {
    flops: 2 * attempts + 2 * degSum, // s·f and the comparison per attempt; a multiply-add per neighbour
    ops: attempts,
    update_bits: flips, // one bit per accepted flip
    param_writes: flips,
    read_bits: attempts * (1 + 32) + degSum * (32 + 32 + 2 * 32), // 297 + 384 = 681
    params: 3,
    precision_bits: 1,
    checkpoints: 2,
    time_s: 3 * 1e-6, // 3 sweeps at the default 1 µs per sweep
  });
  assert.equal(r.counts.read_bits, 681);
  assert.deepEqual(r.trace.iteration, [1, 2, 3]);
  assert.deepEqual(r.trace.n_eff, [1 / 3, 1 / 3, 0]);
  assert.deepEqual(r.trace.objective, [-2, -4, -4]);
});

test('2-variable QP in a 4-bit memory, counted by hand', () => {
  // f = ½xᵀQx + bᵀx, Q = [[2,1],[1,2]], b = (−20, −4), box [0, 15] so the 4-bit grid step is exactly 1.
  // PGD with η = 0.2 from (0, 15):
  //  k=1: g = (15−20, 30−4) = (−5, 26), x − ηg = (1, 9.8) → (1, 10); bits 0000→0001 (1), 1111→1010 (2)
  //  k=2: g = (12−20, 21−4) = (−8, 17), → (2.6, 6.6) → (3, 7);    bits 0001→0011 (1), 1010→0111 (3)
  //  k=3: g = (13−20, 17−4) = (−7, 13), → (4.4, 4.4) → (4, 4);    bits 0011→0100 (3), 0111→0100 (2)
  const n = 2;
  const qp: BoxQP = { n, ...csrFromDense(n, Float64Array.from([2, 1, 1, 2])), b: Float64Array.from([-20, -4]), l: Float64Array.from([0, 0]), u: Float64Array.from([15, 15]) };
  const r = solveQPSync(qp, { precision_bits: 4, memory_bits: 4, method: 'pgd', step_size: 0.2, initial: [0, 15], max_iterations: 3 });
  assert.deepEqual(Array.from(r.x), [4, 4]);
  assert.deepEqual(r.counts, {
    flops: 3 * (2 * 4 + 5 * 2), // per iteration: 2·nnz for Q·x, 5n for +b, scale, subtract, clamp, round
    ops: 6, // 2 cells written per iteration
    update_bits: 3 + 4 + 5,
    param_writes: 6,
    read_bits: 3 * (4 + 2 * 2) * 4, // (nnz + 2n) words of 4 bits per iteration
    params: 2,
    precision_bits: 4,
    checkpoints: 1, // the solution, consolidated once
    time_s: 3 * 1e-6,
  });
  assert.deepEqual(r.trace.n_eff.slice(1, 4), [1.5, 2, 2.5]);
  assert.equal(r.objective, 0.5 * (2 * 16 + 2 * 16 + 2 * 16) - 20 * 4 - 4 * 4);
});

test('fixed-point memory: codes, rounding and Hamming distances', () => {
  const mem = new FixedPointMemory(Float64Array.from([-1]), Float64Array.from([1]), 3);
  assert.equal(mem.maxCode, 7);
  assert.equal(mem.quantize(0, -1), 0);
  assert.equal(mem.quantize(0, 1), 7);
  assert.equal(mem.quantize(0, 5), 7); // clamped: the projection onto the box
  assert.equal(mem.quantize(0, 0.05), 4); // (0.05 + 1)/(2/7) = 3.675 → 4
  assert.equal(mem.write(0, 4), 1); // 000 → 100
  assert.equal(mem.write(0, 3), 3); // 100 → 011
  assert.equal(mem.write(0, 3), 0);
  for (const [a, b] of [[0, 2 ** 52 - 1], [2 ** 40 + 5, 5], [123456789, 987654321]]) {
    let naive = 0;
    for (let bit = 0; bit < 53; bit++) if (Math.floor(a / 2 ** bit) % 2 !== Math.floor(b / 2 ** bit) % 2) naive++;
    assert.equal(hamming(a, b), naive);
  }
  assert.equal(popcount32(0xffffffff), 32);
});

test('measured N_eff falls as the run converges (QP and annealing)', () => {
  const qp = generateBoxQP(200, { seed: 3 });
  const ref = solveBoxQPReference(qp);
  const r = solveQPSync(qp, { precision_bits: 20, method: 'pgd', seed: 2, reference: ref.x });
  const ne = r.trace.n_eff.slice(1);
  const k = Math.max(3, Math.floor(ne.length / 10));
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  assert.ok(mean(ne.slice(0, k)) > 2 * mean(ne.slice(-k)), `early ${mean(ne.slice(0, k))}, late ${mean(ne.slice(-k))}`);
  assert.ok(r.n_eff < r.memory_bits);
  const mc = readMaxCut(gsetFile('G11'));
  const a = solveMaxCutSync(mc, { sweeps: 500, seed: 1 });
  const acc = a.trace.n_eff;
  assert.ok(mean(acc.slice(0, 20)) > 5 * mean(acc.slice(-20)), 'acceptance rate (bits changed per attempt) falls as T falls');
});

test('measured counts are priced by the engine: every paradigm row ≥ the Landauer floor', () => {
  const mc = readMaxCut(gsetFile('G11'));
  const r = solveMaxCutSync(mc, { sweeps: 100, seed: 1 });
  const rows = priceRun(r.counts);
  const floor = rows.find((x) => x.id === 'landauer')!;
  // Landauer floor of the measured run: one kT·ln2 per changed bit at 300 K.
  assert.ok(Math.abs(floor.energy_J - r.accepted_flips * 1.380649e-23 * 300 * Math.LN2) < 1e-9 * floor.energy_J);
  for (const row of rows) assert.ok(row.energy_J >= floor.energy_J * (1 - 1e-12), row.id);
  assert.equal(rows.length, 7);
});

const COUNTED = ['ops', 'update_bits', 'param_writes', 'read_bits', 'flops', 'checkpoints'] as const;

function assertLastRowIsFinal(trace: LedgerTrace, counts: OperationCounts, iterations: number, label: string): void {
  const last = trace.iteration.length - 1;
  assert.equal(trace.iteration[last], iterations, `${label}: iteration`);
  for (const k of COUNTED) assert.equal(trace[k][last], counts[k], `${label}: ${k}`);
  assert.ok(trace.iteration[last - 1] < iterations, `${label}: one row per iteration`);
  const dOps = trace.ops[last] - trace.ops[last - 1];
  assert.equal(trace.n_eff[last], (trace.update_bits[last] - trace.update_bits[last - 1]) / dOps, `${label}: n_eff against the previous row`);
}

test('the last trace row equals the final counts: the polish and the final consolidation reach the trace', () => {
  const mc = readMaxCut(gsetFile('G1'));
  const a = solveMaxCutSync(mc, { sweeps: 50, seed: 1 });
  assert.ok(a.counts.ops > 50 * 800, 'the polish adds attempts after the last sweep');
  assertLastRowIsFinal(a.trace, a.counts, a.sweeps_done, 'anneal');
  const qp = generateBoxQP(60, { seed: 5 });
  const q = solveQPSync(qp, { precision_bits: 12, seed: 1, reference: solveBoxQPReference(qp).x });
  assert.equal(q.counts.checkpoints, 1);
  assertLastRowIsFinal(q.trace, q.counts, q.iterations, 'qp');
});

test('ledger: a forced row at a recorded iteration replaces it; an unforced one is dropped', () => {
  const l = new Ledger(4, 1);
  l.iterations = 1;
  l.ops = 4;
  l.update_bits = 2;
  l.record(-1, 0.5);
  l.iterations = 2;
  l.ops = 8;
  l.update_bits = 3;
  l.record(-2, 0.4);
  l.ops = 12;
  l.update_bits = 7;
  l.checkpoints = 1;
  l.record(-3, 0.3); // same iteration, not forced: ignored
  assert.deepEqual(l.trace.ops, [4, 8]);
  l.record(-4, 0, true);
  assert.deepEqual(l.trace.iteration, [1, 2]);
  assert.deepEqual(l.trace.ops, [4, 12]);
  assert.deepEqual(l.trace.checkpoints, [0, 1]);
  assert.deepEqual(l.trace.objective, [-1, -4]);
  assert.deepEqual(l.trace.extra, [0.5, 0]);
  assert.deepEqual(l.trace.n_eff, [0.5, (7 - 2) / (12 - 4)]);
});
