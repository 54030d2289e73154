/** The CLI end to end, through tsx (the same code `npx limbound` runs after the build). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('estimate with no arguments prints the brain-scale table', () => {
  const r = limbound('estimate');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Brain-scale/);
  for (const label of ['Landauer adiabatic floor', 'LIM, ideal', 'CIM, static-barrier model', 'CMOS limit', 'H100', 'FN-DAM']) assert.match(r.stdout, new RegExp(label));
  assert.match(r.stdout, /165 MJ/);
  // The floor under each counting convention, with the one in force named (docs/model.md §1).
  assert.match(r.stdout, /Landauer floor by counting convention \(--ops-convention\): flop 165 MJ \(in force\) · sample 27\.6 MJ · step 8\.61 J\./);
  assert.match(r.stdout, /orders above floor/);
});

test('estimate --json has the documented shape and stable row ids', () => {
  const r = limbound('estimate', '--workload', 'gpt-3', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const key of ['inputs', 'counts', 'rows', 'citations']) assert.ok(key in doc, key);
  for (const key of ['flops', 'ops', 'param_writes', 'steps']) assert.equal(typeof doc.counts[key], 'number');
  assert.deepEqual(doc.rows.map((x: { id: string }) => x.id), ['landauer', 'lim', 'cim', 'vn-cmos-limit', 'vn-accelerator', 'lim-device', 'cim-device', 'reported']);
  for (const row of doc.rows) for (const k of ['kind', 'memory_J', 'update_J', 'consolidation_J', 'compute_J', 'energy_J', 'orders_above_floor']) assert.ok(k in row, k);
});

test('--explain shows each formula with values substituted', () => {
  const r = limbound('estimate', '--explain');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\[lim\]/);
  assert.match(r.stdout, /update\s+= Σbits · kT·\(ln2 − H\(ε\)\) \+ OPS · e_ex\(τ_u\)/);
  assert.match(r.stdout, /Counting convention: flop \(default\): every FLOP is charged as an N-bit memory-cell write/);
  assert.match(limbound('estimate', '--explain', '--ops-convention', 'step').stdout, /Counting convention: step: each weight is written once per optimizer step \(OPS = P·S\)/);
  assert.match(r.stdout, /= 5\.76e28 bit × 2\.871e-21 J\/bit/);
  assert.match(r.stdout, /E_b\*/);
  const j = JSON.parse(limbound('estimate', '--json', '--explain').stdout);
  assert.equal(j.explain.length, 28);
});

test('bad input exits non-zero with one line and no stack trace', () => {
  for (const args of [['--params', '-5'], ['--workload', 'nope'], ['--time-s', '3 dys'], ['--precision-bits', 'NaN'], ['--ops-convention', 'token'], ['--cell', 'ternary'], ['--retention-error', '2'], ['--ambient-K', '0']]) {
    const r = limbound('estimate', ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^error: [a-z_A-Z]+: /);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
    assert.equal(r.stdout, '');
  }
});

test('config files: YAML with version, flags override, malformed files named with their line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-'));
  const good = join(dir, 'run.yaml');
  writeFileSync(good, 'version: 1\nworkload: gpt-3\ntime_s: 14.8 d\n');
  const r = limbound('estimate', '--config', good, '--precision-bits', '16', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.inputs.time_s, 14.8 * 86400);
  assert.equal(doc.inputs.precision_bits, 16);
  const unknown = join(dir, 'bad.yaml');
  writeFileSync(unknown, 'version: 1\ntemprature_K: 300\n');
  assert.match(limbound('estimate', '--config', unknown).stderr, /^error: temprature_K: unknown key/);
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, 'version: 1\nparams: [1,\n');
  const b = limbound('estimate', '--config', broken);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /broken\.yaml:\d+:\d+: malformed/);
  const noVersion = join(dir, 'nov.yaml');
  writeFileSync(noVersion, 'params: 1e12\n');
  assert.match(limbound('estimate', '--config', noVersion).stderr, /version/);
});

test('presets list sources; schema prints JSON Schema', () => {
  const p = limbound('presets', 'accelerators');
  assert.equal(p.code, 0);
  assert.match(p.stdout, /H100/);
  assert.match(p.stdout, /\[secondary\]/);
  const all = JSON.parse(limbound('presets', '--json').stdout);
  assert.ok(all.workloads.every((w: { sources: unknown[] }) => w.sources.length > 0));
  const s = JSON.parse(limbound('schema').stdout);
  assert.equal(s.type, 'object');
});

test('tradeoff prints E against T_sol and the 2× time', () => {
  const r = limbound('tradeoff', '--points', '5', '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.points.length, 5);
  // Closed form for the brain-scale preset (binary cells): the excess 2·kT·τ_D/τ_u per bit equals the floor minus
  // the consolidation share, T = (OPS/P)·2τ_D/(ln2 − consolidation/(Σbits·kT)), τ_D = (√32/2π)·61.0164·1 ns.
  const tauD = (Math.sqrt(32) / (2 * Math.PI)) * 61.0164e-9;
  const consolidationPerBit = (1e15 * 32 * (Math.LN2 + 0.5 * Math.log(61.0164))) / 5.76e28;
  const t2x = 1.8e12 * (2 * tauD) / (Math.LN2 - consolidationPerBit);
  assert.ok(Math.abs(doc.lim_within_2x_time_s / t2x - 1) < 1e-5, `${doc.lim_within_2x_time_s} vs ${t2x}`);
  assert.ok(Math.abs(t2x - 285311) < 1, 'typed: 3.3 days');
  assert.equal(doc.lim_within_2x_in_model_domain, true);
  const csv = limbound('tradeoff', '--points', '3', '--csv').stdout.trim().split('\n');
  assert.equal(csv.length, 4);
  assert.match(csv[0]!, /^time_s,landauer_energy_J,lim_energy_J/);
});

test('sweep writes CSV atomically and caps the grid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-'));
  const out = join(dir, 'sweep.csv');
  const r = limbound('sweep', '--vary', 'params=1e9..1e15:log:4', '--vary', 'precision_bits=8..32:2', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 1 + 8);
  assert.match(lines[0]!, /^params,precision_bits,landauer_energy_J/);
  assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), [1e9, 1e9, 1e11, 1e11, 1e13, 1e13, 1e15, 1e15]);
  assert.deepEqual(readdirSync(dir), ['sweep.csv']); // no temporary file left behind
  const capped = limbound('sweep', '--vary', 'params=1..10:1000', '--vary', 'tokens=1e6..1e9:1000', '--out', join(dir, 'big.csv'));
  assert.equal(capped.code, 2);
  assert.match(capped.stderr, /max-points/);
  assert.equal(existsSync(join(dir, 'big.csv')), false);
  const jsonl = limbound('sweep', '--vary', 'time_s=1 d..10 d:2', '--format', 'jsonl').stdout.trim().split('\n');
  assert.equal(JSON.parse(jsonl[1]!).inputs.time_s, 864000);
});

test('a reader that closes the pipe early (| head) ends the CLI quietly with exit 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'estimate', '--explain'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Take the first chunk, then close our end as `head -1` would.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|^\s+at /m);
});

test("the README's first example is what `limbound estimate` prints", () => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const r = limbound('estimate');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(readme.includes(r.stdout.trimEnd()), 'README.md shows an outdated `limbound estimate` table: paste the current output');
});
