/**
 * `limbound report --machine`: the physical optimizer's section from a `machine … --json` result file
 * (every number in it traced back to that document) and from a problem the report runs itself; bad
 * machine inputs get one line naming --machine, exit 2, before any other work.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSI } from '../../src/util/format.js';
import { reproduceCommand } from '../../src/cli/figure-commands.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'index.ts');
const RING = join(ROOT, 'examples', 'ising-frustrated-ring.json');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const quick = ['--no-sim', '--no-solver', '--no-png', '--threads', '1'];

test('report --machine RESULT.json: quality, time, energy, Landauer cost and the engine rows of that run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-machine-report-'));
  const run = limbound('machine', 'ising', RING, '--duration', '20', '--replicas', '8', '--seed', '4', '--threads', '1', '--json');
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  const resultFile = join(dir, 'ring.json');
  writeFileSync(resultFile, run.stdout);
  const out = join(dir, 'report');
  const r = limbound('report', '--machine', resultFile, ...quick, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  const section = md.slice(md.indexOf('## Physical optimizer (machine)'), md.indexOf('## Inputs'));
  assert.ok(section.length > 100, 'the machine section is there');
  assert.match(section, new RegExp(`energy ${doc.energy} \\(before the polish: ${doc.energy_unpolished}`));
  assert.ok(section.includes(`${Number(doc.time_to_solution_tau_D.toPrecision(4))} τ_D = ${formatSI(doc.time_to_solution_s, 's')}`));
  assert.ok(section.includes(`${Number(doc.energy_to_solution_kT.toPrecision(4))} ± ${Number(doc.energy_to_solution_stderr_kT.toPrecision(4))} kT = ${formatSI(doc.energy_to_solution_J, 'J')}`));
  assert.ok(section.includes(`${Number(doc.landauer_cost_kT.toPrecision(4))} kT = ${formatSI(doc.landauer_cost_J, 'J')}`));
  // Five cells and a field on one of them (no global flip symmetry): the cycle commits 5 bits, 5·kT·ln2.
  assert.ok(Math.abs(doc.landauer_cost_kT - 5 * Math.LN2) < 1e-9);
  const lim = doc.paradigms.find((p: { id: string }) => p.id === 'lim');
  assert.ok(section.includes(`engine's LIM row on these counts | ${formatSI(lim.energy_J, 'J')}`));
  for (const p of doc.paradigms) assert.ok(section.includes(`| ${p.label} | ${p.kind} | ${formatSI(p.energy_J, 'J')} |`), p.label);
  assert.match(section, /!\[.*\]\(figures\/machine-run\.svg\)/);
  const csv = readFileSync(join(out, 'tables', 'machine.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, doc.paradigms.length + 1);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'runs', 'machine.json'), 'utf8')), doc);
  const spec = JSON.parse(readFileSync(join(out, 'figures', 'machine-run.vl.json'), 'utf8'));
  const values = JSON.stringify(spec);
  assert.ok(values.includes('"kind":"measured"') && values.includes('Landauer cost of the cycle'));
  assert.ok(readFileSync(join(out, 'figures', 'machine-run.svg'), 'utf8').startsWith('<svg'));
  assert.match(md, new RegExp(`--machine ${resultFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
});

test('report --machine PROBLEM runs the machine with its defaults and says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-machine-report-'));
  const out = join(dir, 'report');
  const r = limbound('report', '--machine', RING, ...quick, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /machine: limbound machine ising .*ising-frustrated-ring\.json \(the command's defaults: memory lim/);
  const run = JSON.parse(readFileSync(join(out, 'runs', 'machine.json'), 'utf8'));
  assert.equal(run.mode, 'ising');
  assert.equal(run.replicas_completed, 2);
  assert.equal(run.memory, 'lim');
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(md, /Source: limbound machine ising .*ising-frustrated-ring\.json \(the command's defaults/);
});

test('report --machine: a bad file is one line naming machine, exit 2, and nothing is written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-machine-report-'));
  const out = join(dir, 'report');
  const partial = join(dir, 'partial.json');
  writeFileSync(partial, JSON.stringify({ mode: 'maxcut', n: 3 }));
  let r = limbound('report', '--machine', partial, ...quick, '--out', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: machine: .*partial\.json: "paradigms" must be a non-empty array/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  r = limbound('report', '--machine', join(dir, 'missing.txt'), ...quick, '--out', out);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: machine: /);
  const graph = join(dir, 'bad.txt');
  writeFileSync(graph, '3 2\n1 2 1\n2 x 1\n');
  r = limbound('report', '--machine', graph, ...quick, '--out', out);
  assert.equal(r.code, 2);
  // The announcement of the run, then one error line naming the file and line, no stack trace.
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0]!, /^machine: limbound machine maxcut /);
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[1]!, /^error: .*bad\.txt: line 3: /);
  assert.ok(!existsSync(out));
});

test('the reproduce command keeps --machine', () => {
  assert.match(reproduceCommand('out', { machine: 'data/gset/G14.txt', threads: '2', scale: '2' }), /--machine data\/gset\/G14\.txt/);
});
