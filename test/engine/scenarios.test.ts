/** Discrete choices as scenarios: `estimate --uncertainty --scenarios` side by side, each equal to its own run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseScenarioKeys, scenarioInputs } from '../../src/model/scenarios.js';
import { InputError } from '../../src/util/errors.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const bandsOf = (rows: Array<Record<string, unknown>>) => rows.map((r) => [r.id, r.energy_J, r.energy_J_p05, r.energy_J_p50, r.energy_J_p95]);

test('every combination of the named choices, first key slowest', () => {
  const list = scenarioInputs({ params: 1e9 }, ['ops_convention', 'cell']);
  assert.deepEqual(list.map((s) => s.scenario), [
    { ops_convention: 'flop', cell: 'binary' },
    { ops_convention: 'flop', cell: 'analog' },
    { ops_convention: 'sample', cell: 'binary' },
    { ops_convention: 'sample', cell: 'analog' },
    { ops_convention: 'step', cell: 'binary' },
    { ops_convention: 'step', cell: 'analog' },
  ]);
  assert.deepEqual(list[3]!.input, { params: 1e9, ops_convention: 'sample', cell: 'analog' });
  for (const [text, message] of [['ops', /unknown choice 'ops'/], ['cell,cell', /named twice/], ['', /expected KEY/], ['accelerator,device', /96 combinations; at most 64/]] as const) {
    assert.throws(() => parseScenarioKeys(text), (e: unknown) => e instanceof InputError && e.field === 'scenarios' && message.test(e.message), text);
  }
});

test('each scenario carries its choices and equals the run with that choice set', () => {
  const r = limbound('--uncertainty', '600', '--seed', '4', '--scenarios', 'ops_convention', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  const scenarios = doc.uncertainty.scenarios as Array<{ scenario: Record<string, string>; rows: Array<Record<string, unknown>>; claims: unknown }>;
  assert.deepEqual(scenarios.map((s) => s.scenario), [{ ops_convention: 'flop' }, { ops_convention: 'sample' }, { ops_convention: 'step' }]);
  for (const s of scenarios) {
    const alone = JSON.parse(limbound('--uncertainty', '600', '--seed', '4', '--ops-convention', s.scenario.ops_convention!, '--json').stdout);
    assert.deepEqual(bandsOf(s.rows), bandsOf(alone.rows.filter((x: { energy_J_p05: unknown }) => x.energy_J_p05 !== null)), s.scenario.ops_convention);
    assert.deepEqual(s.claims, alone.uncertainty.claims);
  }
  // Not averaged: the Landauer floor differs by orders between the conventions (flop 165 MJ, step 8.61 J at the point).
  const floor = (i: number) => scenarios[i]!.rows.find((x) => x.id === 'landauer')!.energy_J_p50 as number;
  assert.ok(floor(0) / floor(2) > 1e6);
});

test('text and CSV forms; --scenarios needs --uncertainty and names a known choice', () => {
  const text = limbound('--uncertainty', '300', '--scenarios', 'cell');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Scenarios \(cell\): 5–95 % bands side by side/);
  assert.match(text.stdout, /paradigm\s+binary\s+analog/);
  assert.match(limbound('--uncertainty', '300').stdout, /--scenarios ops_convention,cell shows the bands under each/);
  const csv = limbound('--uncertainty', '300', '--scenarios', 'cell', '--csv').stdout.trim().split('\n');
  assert.equal(csv[0], 'cell,id,energy_J,energy_J_p05,energy_J_p50,energy_J_p95');
  assert.equal(csv.filter((l) => l.startsWith('analog,')).length, csv.filter((l) => l.startsWith('binary,')).length);
  for (const [args, message] of [[['--scenarios', 'cell'], /^error: scenarios: needs --uncertainty$/], [['--uncertainty', '100', '--scenarios', 'colour'], /^error: scenarios: unknown choice 'colour'/]] as const) {
    const r = limbound(...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr.trim(), message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});
