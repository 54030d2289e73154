import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/util/errors.js';
import { parseBoxQP, parseIsingInput, parseMaxCut } from '../../src/solvers/io/problem-files.js';
import { spawnSync } from 'node:child_process';
import { bestKnownFor, gsetFile } from '../../src/solvers/gset.js';

function throwsAtLine(fn: () => unknown, line: number, fragment: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected InputError, got ${String(err)}`);
    assert.match(err.message, new RegExp(`line ${line}\\b`));
    assert.match(err.message, fragment);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

test('rudy/G-set edge list parses into the graph it describes', () => {
  const mc = parseMaxCut('3 3\n1 2 1\n2 3 -1\n1 3 2\n', 'tri.txt');
  assert.equal(mc.ising.n, 3);
  assert.equal(mc.graph.w.length, 3);
  assert.equal(mc.totalWeight, 2);
  assert.deepEqual(Array.from(mc.graph.i), [0, 1, 0]);
  assert.deepEqual(Array.from(mc.graph.j), [1, 2, 2]);
});

test('malformed edge lists fail with the file and the line', () => {
  throwsAtLine(() => parseMaxCut('3\n1 2 1\n', 'g.txt'), 1, /bad header/);
  throwsAtLine(() => parseMaxCut('3 x\n1 2 1\n', 'g.txt'), 1, /edge count/);
  throwsAtLine(() => parseMaxCut('3 2\n1 2 1\n1 4 1\n', 'g.txt'), 3, /vertex 4 out of range \(1 to 3\)/);
  throwsAtLine(() => parseMaxCut('3 2\n1 2 1\n\n2 3 abc\n', 'g.txt'), 4, /weight must be a number, got 'abc'/);
  throwsAtLine(() => parseMaxCut('3 1\n1 2 1\n2 3 1\n', 'g.txt'), 3, /more entries than the 1 declared/);
  throwsAtLine(() => parseMaxCut('3 3\n1 2 1\n2 3 1\n', 'g.txt'), 3, /ended after 2 of the 3/);
  throwsAtLine(() => parseMaxCut('3 1\n2 2 1\n', 'g.txt'), 2, /self-loop/);
  throwsAtLine(() => parseMaxCut('3 1\n1 2\n', 'g.txt'), 2, /3 fields/);
  throwsAtLine(() => parseMaxCut('3 1\n1.5 2 1\n', 'g.txt'), 2, /whole number/);
  throwsAtLine(() => parseMaxCut('', 'g.txt'), 1, /empty file/);
});

test('Ising and QUBO inputs: JSON and edge lists', () => {
  const ising = parseIsingInput('{"type":"ising","n":3,"couplings":[[0,1,1],[1,2,-2]],"fields":[0,0,1]}', 'p.json');
  assert.equal(ising.kind, 'ising');
  assert.deepEqual(Array.from(ising.ising.h), [0, 0, 1]);
  const edges = parseIsingInput('3 3\n1 2 1\n2 3 -2\n3 3 1\n', 'p.ising', 'ising');
  assert.deepEqual(Array.from(edges.ising.h), [0, 0, 1]);
  assert.equal(edges.ising.couplings, 2);
  const qubo = parseIsingInput('{"type":"qubo","n":2,"terms":[[0,0,-1],[0,1,2]]}', 'q.json');
  assert.equal(qubo.kind, 'qubo');
});

test('malformed JSON inputs fail with the line of the offending value', () => {
  throwsAtLine(() => parseIsingInput('{\n"type": "ising",\n"n": 2,\n"couplings": [[0, 1, 1],\n [0, 5, 1]]\n}', 'p.json'), 5, /5 out of range \(0 to 1\)/);
  throwsAtLine(() => parseIsingInput('{\n"type": "ising",\n"n": 2,\n"couplings": [[0, 1, "x"]]\n}', 'p.json'), 4, /finite number/);
  throwsAtLine(() => parseIsingInput('{\n"type": "ising",\n"n": 2\n"couplings": []\n}', 'p.json'), 4, /invalid JSON/);
  throwsAtLine(() => parseIsingInput('{\n"type": "potts", "n": 2}', 'p.json'), 2, /"type" must be/);
});

test('box QP: symmetric convex Q accepted; non-symmetric and non-convex Q rejected at their line', () => {
  const ok = parseBoxQP('{"Q": [[2, 1], [1, 2]], "b": [-1, 0], "l": 0, "u": 1}', 'qp.json');
  assert.equal(ok.n, 2);
  assert.equal(ok.rowPtr[2], 4);
  throwsAtLine(() => parseBoxQP('{\n"Q": [[2, 1],\n      [3, 2]],\n"b": [0, 0], "l": 0, "u": 1}', 'qp.json'), 3, /not symmetric/);
  throwsAtLine(() => parseBoxQP('{\n"b": [0, 0],\n"Q": [[1, 2],\n [2, 1]],\n"l": 0, "u": 1}', 'qp.json'), 3, /not convex/);
  throwsAtLine(() => parseBoxQP('{\n"Q": [[1, 0], [0, 1]],\n"b": [0, 0],\n"l": 1,\n"u": 1}', 'qp.json'), 4, /l < u/);
  throwsAtLine(() => parseBoxQP('{\n"Q": [[1, 0], [0, 1]],\n"b": [0, "7"],\n"l": 0, "u": 1}', 'qp.json'), 3, /finite number/);
  throwsAtLine(() => parseBoxQP('{"Q_entries": [[0, 0, 1],\n[1, 1, 1],\n[0, 0, 2]], "b": [0, 0], "l": 0, "u": 1}', 'qp.json'), 3, /given twice/);
  assert.throws(() => parseBoxQP('{"Q": [[1]], "b": [0, 0], "l": 0, "u": 1}', 'qp.json'), /"Q" must be an array of 2 rows of 2 numbers each \(n from "b"\)/);
});

/** Runs the CLI in a child process (the test runner owns this process's stdout). */
function runCli(args: string[]): { code: number; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status ?? -1, stderr: r.stderr, stdout: r.stdout };
}

test('CLI: malformed files exit 2 with one line naming file and line; nothing crashes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-solve-'));
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, '4 2\n1 2 1\n2 9 1\n');
  const r = runCli(['solve', 'maxcut', bad]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^error: .*bad\.txt: line 3: vertex 9 out of range/);
  const missing = runCli(['solve', 'maxcut', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file/);
  const qp = join(dir, 'qp.json');
  writeFileSync(qp, '{"Q": [[1, 3], [3, 1]], "b": [0, 0], "l": -1, "u": 1}');
  const q = runCli(['solve', 'qp', qp, '--precision-bits', '8']);
  assert.equal(q.code, 2);
  assert.match(q.stderr, /line 1: Q is not convex/);
  const noBits = runCli(['solve', 'qp', qp]);
  assert.equal(noBits.code, 2);
  assert.match(noBits.stderr, /precision_bits/);
});

test('CLI: solve maxcut --json prints best_cut and a row per paradigm with energy_J', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-solve-'));
  const file = join(dir, 'square.txt');
  // A 4-cycle: bipartite, the maximum cut takes all 4 edges.
  writeFileSync(file, '4 4\n1 2 1\n2 3 1\n3 4 1\n4 1 1\n');
  const r = runCli(['solve', 'maxcut', file, '--sweeps', '200', '--seed', '3', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.best_cut, 4);
  const ids = doc.paradigms.map((p: { id: string }) => p.id);
  for (const id of ['landauer', 'lim', 'cim', 'vn-cmos-limit', 'vn-accelerator', 'lim-device', 'cim-device']) assert.ok(ids.includes(id), id);
  for (const p of doc.paradigms) assert.ok(Number.isFinite(p.energy_J) && p.energy_J >= 0);
  // 200 sweeps attempt each of the 4 spins; the greedy polish adds whole passes of 4 attempts.
  assert.ok(doc.counts.ops >= 200 * 4 + 4 && doc.counts.ops % 4 === 0, String(doc.counts.ops));
  assert.equal(doc.counts.params, 4);
  assert.equal(doc.counts.precision_bits, 1);
});

test('CLI: generate-qp writes a QP that solve qp reads and solves to the requested bits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-solve-'));
  const file = join(dir, 'qp30.json');
  const g = runCli(['solve', 'generate-qp', '30', '--seed', '4', '--out', file]);
  assert.equal(g.code, 0, g.stderr);
  const r = runCli(['solve', 'qp', file, '--precision-bits', '12', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.n, 30);
  assert.equal(doc.reached_precision, true);
  const bad = runCli(['solve', 'generate-qp', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error: n: must be ≥ 1/);
});

test('size limits: absurd headers and n fail at once, naming the file, the line and the limit', () => {
  const t = performance.now();
  throwsAtLine(() => parseMaxCut('2000000000 1\n1 2 1\n', 'g.txt'), 1, /vertex count n 2000000000 out of range \(1 to 10000000\)/);
  throwsAtLine(() => parseMaxCut('3 200000000\n1 2 1\n', 'g.txt'), 1, /edge count m 200000000 out of range \(0 to 100000000\)/);
  throwsAtLine(() => parseIsingInput('{"type": "ising",\n"n": 2e9, "couplings": []}', 'p.json'), 2, /2000000000 out of range \(1 to 10000000\)/);
  // A header may promise more entries than the file has: an error, without allocating for the promise.
  throwsAtLine(() => parseMaxCut('10 99000000\n1 2 1\n', 'g.txt'), 2, /ended after 1 of the 99000000/);
  const b = JSON.stringify(new Array(4001).fill(0));
  throwsAtLine(() => parseBoxQP(`{"Q_entries": [],\n"b": ${b}, "l": -1, "u": 1}`, 'qp.json'), 2, /n = 4001 variables .* exceeds the limit of 4000/);
  assert.ok(performance.now() - t < 5000, 'no n² work before the checks');
});

test('CLI: solve qp on 100000 variables and generate-qp beyond the limit exit 2 with one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-solve-'));
  const file = join(dir, 'qp100k.json');
  writeFileSync(file, JSON.stringify({ Q_entries: [], b: new Array(100000).fill(0), l: -1, u: 1 }));
  const q = runCli(['solve', 'qp', file, '--precision-bits', '8']);
  assert.equal(q.code, 2);
  assert.match(q.stderr, /^error: .*qp100k\.json: line 1 \(b\): n = 100000 variables .*limit of 4000/);
  assert.equal(q.stderr.trim().split('\n').length, 1);
  const g = runCli(['solve', 'generate-qp', '4001']);
  assert.equal(g.code, 2);
  assert.match(g.stderr, /^error: n: must be ≥ 1 and ≤ 4000, got 4001/);
});

test('best-known cut: only for the G-set instance itself, not any file of that name', () => {
  assert.equal(bestKnownFor(gsetFile('G1'), 800, 19176)?.best_known_cut, 11624);
  assert.equal(bestKnownFor('elsewhere/G1.txt', 3, 2), undefined);
  assert.equal(bestKnownFor('elsewhere/G1.txt', 800, 19175), undefined);
  assert.equal(bestKnownFor('elsewhere/H1.txt', 800, 19176), undefined);
  const dir = mkdtempSync(join(tmpdir(), 'limbound-solve-'));
  const file = join(dir, 'G1.txt');
  writeFileSync(file, '3 2\n1 2 1\n2 3 1\n');
  const r = runCli(['solve', 'maxcut', file, '--sweeps', '20', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.best_cut, 2);
  assert.equal(doc.best_known_cut, null);
  assert.equal(doc.ratio_to_best_known, null);
  assert.equal(doc.instance.name, null);
});

test('CLI: a lim run whose end temperature is clamped says so on stderr; an unclamped one does not', () => {
  const clamped = runCli(['solve', 'maxcut', 'data/gset/G11.txt', '--sweeps', '20', '--schedule', 'lim', '--t1', '0.001', '--json']);
  assert.equal(clamped.code, 0, clamped.stderr);
  assert.match(clamped.stderr, /^warning: t1: the lim schedule cools at most 20-fold/m);
  const doc = JSON.parse(clamped.stdout);
  assert.ok(doc.schedule.t1 > 0.001 && doc.schedule.t1 <= doc.schedule.t0 / 20 + 1e-12);
  const fine = runCli(['solve', 'maxcut', 'data/gset/G11.txt', '--sweeps', '2000', '--schedule', 'lim', '--json']);
  assert.equal(fine.code, 0, fine.stderr);
  assert.doesNotMatch(fine.stderr, /warning/);
});

test('the example problems solve to the optima worked out in examples/README.md', () => {
  const ring = JSON.parse(runCli(['solve', 'ising', 'examples/ising-frustrated-ring.json', '--sweeps', '2000', '--json']).stdout);
  assert.equal(ring.objective, -3.1); // odd antiferromagnetic ring: one bond broken, field +0.1
  const qubo = JSON.parse(runCli(['solve', 'ising', 'examples/qubo-small.json', '--sweeps', '2000', '--json']).stdout);
  assert.equal(qubo.objective, -5); // x = 1010, by enumerating 16 states
  const qp = JSON.parse(runCli(['solve', 'qp', 'examples/qp-2var.json', '--precision-bits', '12', '--json']).stdout);
  assert.ok(Math.abs(qp.objective + 0.25) < 1e-6, String(qp.objective)); // x = (½, 0)
});

test('solve ising on the 4-variable example finishes in well under a second by default: the budget scales with n', async () => {
  const { defaultSweeps } = await import('../../src/cli/solve.js');
  assert.equal(defaultSweeps(4, 1), 4000); // 1000·n sweeps: 16,000 flip attempts
  assert.equal(defaultSweeps(100, 2), 50000); // 1000·n² attempts shared by the restarts
  assert.equal(defaultSweeps(800, 1), 250000); // G-set sizes keep the 2e8-attempt cap
  const r = runCli(['solve', 'ising', 'examples/qubo-small.json', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.objective, -5);
  assert.equal(doc.sweeps_per_restart, 4000);
  // CPU time of the anneal itself, not the process start-up (tsx compiles the CLI first).
  assert.ok(doc.cpu_wall_time_s < 1, `anneal took ${doc.cpu_wall_time_s} s`);
});
