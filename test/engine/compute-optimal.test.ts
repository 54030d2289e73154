/** Energy against model size at a fixed number of tokens per parameter, from the CLI and the figure data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { validateInput } from '../../src/index.js';
import { sizeSweep } from '../../src/report/figures/data.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');
function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: energy against model size at 20 tokens per parameter grows as P² (D = 20·P, F = 120·P²)', () => {
  const r = limbound('sweep', '--vary', 'params=100M..1P:log:8', '--tokens-per-param', '20');
  assert.equal(r.code, 0, r.stderr);
  const [header, ...lines] = r.stdout.trim().split('\n');
  const cols = header!.split(',');
  assert.deepEqual(cols.slice(0, 4), ['params', 'tokens', 'flops', 'landauer_energy_J']);
  const rows = lines.map((l) => l.split(',').map(Number));
  assert.equal(rows.length, 8);
  for (const [p, d, f] of rows) {
    assert.equal(d, 20 * p!);
    assert.equal(f, 120 * p! * p!);
  }
  // The Landauer floor prices OPS = F bits at kT·ln2 per bit (N_eff = 32): ×100 per decade of P.
  const kTln2 = 1.380649e-23 * 300 * Math.LN2;
  for (const row of rows) assert.ok(Math.abs(row[3]! / (120 * row[0]! ** 2 * 32 * kTln2) - 1) < 1e-12);
  // No float noise: 15 significant digits at most, unless the number is an exactly representable integer.
  const digits = (field: string) => field.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
  for (const field of lines.join(',').split(',')) assert.ok(digits(field) <= 15 || Number.isSafeInteger(Number(field)), field);
});

test('figure size ties D to P with --tokens-per-param and says so', () => {
  const r = limbound('figure', 'size', '--tokens-per-param', '20', '--sizes', '1e8..1e15:8');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /D = 20·P tokens \(tokens per parameter\), F = 6·P·D = 120·P²/);
  const sweep = sizeSweep(validateInput({ tokens_per_param: 20 }), { from: 1e8, to: 1e15, count: 8 });
  const floor = sweep.points.map((p) => p.energy_J.landauer);
  for (let i = 1; i < floor.length; i++) assert.ok(Math.abs(floor[i]! / floor[i - 1]! / 100 - 1) < 1e-9);
  // At fixed D the same sweep grows only as P.
  const fixed = sizeSweep(validateInput({}), { from: 1e8, to: 1e15, count: 8 }).points.map((p) => p.energy_J.landauer);
  assert.ok(Math.abs(fixed[1]! / fixed[0]! / 10 - 1) < 1e-9);
});

test('sweep refuses to vary params under a model config’s fixed FLOP per token', () => {
  const r = limbound('sweep', '--vary', 'params=1e9..1e10:2', '--model-config', join(import.meta.dirname, '..', '..', 'examples', 'configs', 'gpt2.json'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^(model config .*\n)?error: vary: flops_per_token \(set by --model-config\) is fixed/);
});

test('units everywhere: tradeoff --from-s "1 h", counts with suffixes in options', () => {
  const r = limbound('tradeoff', '--from-s', '1 h', '--to-s', '10 yr', '--points', '3', '--csv');
  assert.equal(r.code, 0, r.stderr);
  const times = r.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
  assert.equal(times[0], 3600);
  assert.ok(Math.abs(times[2]! / 3.15576e8 - 1) < 1e-12);
  const bad = limbound('tradeoff', '--from-s', '1 hh');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error: from-s: unknown unit 'hh'/);
  const capped = limbound('sweep', '--vary', 'params=1e9..1e10:3', '--max-points', '2');
  assert.equal(capped.code, 2);
  const suffix = limbound('sweep', '--vary', 'params=1B..10B:3', '--max-points', '1k');
  assert.equal(suffix.code, 0, suffix.stderr);
  assert.equal(suffix.stdout.trim().split('\n')[1]!.split(',')[0], '1000000000');
});
