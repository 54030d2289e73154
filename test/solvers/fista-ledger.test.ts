/**
 * The FISTA energy ledger counted by hand over two iterations, on a problem small enough to follow every
 * write: f(x) = ½‖x‖² − a·x with a = (8, 3) on the box [0, 15]², a 4-bit memory (grid step Δ = 1), step
 * η = 0.5, start (0, 0). FISTA keeps two banks, x_{k+1} overwriting x_{k−1}, so each write's bit changes
 * are counted against the iterate two steps back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveQPSync } from '../../src/solvers/qp/solve.js';
import { csrFromDense, type BoxQP } from '../../src/solvers/qp/problem.js';

function problem(): BoxQP {
  return { n: 2, ...csrFromDense(2, Float64Array.from([1, 0, 0, 1])), b: Float64Array.from([-8, -3]), l: Float64Array.from([0, 0]), u: Float64Array.from([15, 15]) };
}
const run = (method: 'fista' | 'pgd') => solveQPSync(problem(), { method, precision_bits: 2, memory_bits: 4, step_size: 0.5, initial: [0, 0], max_iterations: 2 });

test('FISTA, two iterations counted by hand', () => {
  // k = 1: t = 1, β = 0, y = (0, 0), ∇f = (−8, −3), y − η∇f = (4, 1.5) → codes (4, 2) written over (0, 0):
  //        0000→0100 and 0000→0010, 2 bits. Restart test (y − x₁)·(x₁ − x₀) = −16 − 4 < 0: t = φ = (1 + √5)/2.
  // k = 2: t' = (1 + √(1 + 4φ²))/2 = 2.193527, β = (φ − 1)/t' = 0.281754, y = (5.127016, 2.563508),
  //        y − η∇f = (6.563508, 2.781754) → codes (7, 3) written over bank x₀ = (0, 0): 0111 and 0011, 5 bits.
  // Per iteration: n = 2 writes; reads (nnz + 3n)·W = (2 + 6)·4 = 32 bits; FLOPs 2·nnz + 11n = 26.
  const r = run('fista');
  assert.equal(r.iterations, 2);
  assert.deepEqual(Array.from(r.x), [7, 3]);
  assert.equal(r.objective, 0.5 * (49 + 9) - (56 + 9));
  assert.deepEqual(r.counts, {
    flops: 52,
    ops: 4,
    update_bits: 7,
    param_writes: 4,
    read_bits: 64,
    params: 4, // two banks of n cells
    precision_bits: 4, // the memory word W
    checkpoints: 1, // the solution is consolidated once
    time_s: 2e-6, // 2 iterations × the default 1 µs
  });
  assert.equal(r.n_eff, 7 / 4);
  assert.deepEqual(r.trace.iteration, [0, 1, 2]);
  assert.deepEqual(r.trace.update_bits, [0, 2, 7]);
  assert.deepEqual(r.trace.n_eff, [0, 1, 2.5]);
  assert.deepEqual(r.trace.read_bits, [0, 32, 64]);
  assert.deepEqual(r.trace.flops, [0, 26, 52]);
  assert.deepEqual(r.trace.checkpoints, [0, 0, 1]);
  assert.deepEqual(r.trace.objective, [0, 10 - 38, 29 - 65]);
});

test('projected gradient on the same problem, two iterations by hand', () => {
  // k = 1: (0, 0) → (4, 1.5) → codes (4, 2), 2 bits. k = 2: ∇f = (−4, −1), x − η∇f = (6, 2.5) → (6, 3):
  // 0100→0110 (1 bit), 0010→0011 (1 bit). One bank of n cells; reads (nnz + 2n)·W = 24; FLOPs 2·nnz + 5n = 14.
  const r = run('pgd');
  assert.deepEqual(Array.from(r.x), [6, 3]);
  assert.deepEqual(r.counts, { flops: 28, ops: 4, update_bits: 4, param_writes: 4, read_bits: 48, params: 2, precision_bits: 4, checkpoints: 1, time_s: 2e-6 });
});
