/** `estimate --uncertainty` and `sensitivity` end to end. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('estimate --uncertainty: bands per row in JSON, CSV and the table; the same for any thread count', () => {
  const json = limbound('estimate', '--workload', 'gpt-3', '--uncertainty', '40000', '--json');
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  for (const row of doc.rows) {
    if (row.id === 'measured') {
      assert.equal(row.energy_J_p05, null);
      continue;
    }
    assert.ok(row.energy_J_p05 <= row.energy_J_p50 && row.energy_J_p50 <= row.energy_J_p95, row.id);
  }
  assert.equal(doc.uncertainty.samples, 40000);
  assert.match(doc.uncertainty.statement, /LIM within one order of the floor in [\d.]+ % of samples/);
  for (const c of ['lim_over_floor', 'orders_accelerator_over_lim', 'cim_barrier_kT']) assert.ok(doc.uncertainty.claims[c].p05 <= doc.uncertainty.claims[c].p95);
  assert.ok(doc.uncertainty.ranges.every((r: { source: { status: string } }) => ['primary', 'secondary', 'derived', 'assumed'].includes(r.source.status)));
  const threaded = limbound('estimate', '--workload', 'gpt-3', '--uncertainty', '40000', '--json', '--threads', '2');
  assert.equal(threaded.stdout, json.stdout);

  const csv = limbound('estimate', '--uncertainty', '500', '--csv').stdout.split('\n');
  assert.match(csv[0]!, /,energy_J_p05,energy_J_p50,energy_J_p95$/);
  const text = limbound('estimate', '--uncertainty', '500');
  assert.match(text.stdout, /5–95 % band/);
  assert.match(text.stdout, /Ranges sampled/);
});

test('config ranges, --only-ranges, and flags that need --uncertainty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-'));
  const file = join(dir, 'run.yaml');
  writeFileSync(file, 'version: 1\nworkload: gpt-3\nranges:\n  tau0_s: 1 ps..1 ns:log\n  transport_c: { low: 0.05, high: 0.1 }\n');
  const doc = JSON.parse(limbound('estimate', '--config', file, '--uncertainty', '256', '--only-ranges', '--range', 'transport_c=0.02..0.3', '--json').stdout);
  assert.deepEqual(
    doc.uncertainty.ranges.map((r: { name: string; low: number; high: number }) => [r.name, r.low, r.high]),
    [['tau0_s', 1e-12, 1e-9], ['transport_c', 0.02, 0.3]],
  );
  const r = limbound('estimate', '--range', 'tau0_s=1e-12..1e-9');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: range: needs --uncertainty\n$/);
});

test('bad range specs and sample counts: one line naming the field, exit code 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--range', 'tau0_s=1e-9..1e-12'], /^error: range tau0_s: LOW must be below HIGH/],
    [['--range', 'tau0_s=0..1e-9:log'], /^error: range tau0_s: a log range needs LOW > 0/],
    [['--range', 'tau0=1e-12..1e-9'], /^error: range: unknown name 'tau0' \(did you mean 'tau0_s'\?\)/],
    [['--range', 'tau0_s=1e-12..5'], /^error: range tau0_s: .* leaves the allowed values/],
    [['--uncertainty', '0'], /^error: uncertainty: SAMPLES must be/],
    [['--uncertainty', '5e6'], /^error: uncertainty: SAMPLES must be .* ≤ 4e6/],
    [['--uncertainty', '100', '--threads', '0'], /^error: threads: /],
    [['--uncertainty', '100', '--seed', '-1'], /^error: seed: /],
  ];
  for (const [args, message] of cases) {
    const r = limbound('estimate', ...(args.includes('--uncertainty') ? [] : ['--uncertainty', '100']), ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

test('sensitivity ranks the inputs of a row, total order ≥ first order', () => {
  const r = limbound('sensitivity', '--samples', '2048', '--bootstrap', '20', '--only-ranges', '--range', 'mfu=0.3..0.6', '--range', 'cmos_J_per_flop=4e-17..9e-16:log', '--range', 'tau0_s=1e-13..1e-9:log', '--json', '--output', 'vn-accelerator');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  const [top, ...rest] = doc.outputs[0].indices;
  // The accelerator row (board power × time at MFU) depends on the MFU and on nothing else among these three.
  assert.equal(top.name, 'mfu');
  assert.ok(Math.abs(top.total - 1) < 0.05 && Math.abs(top.first - 1) < 0.05, JSON.stringify(top));
  for (const other of rest) assert.ok(Math.abs(other.total) < 1e-9, JSON.stringify(other));
  const text = limbound('sensitivity', '--samples', '256', '--bootstrap', '10');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /assumption\s+first order\s+total order\s+95 % CI \(total\)/);
});

test('figure ladder --uncertainty draws a band per sampled row; figure tornado ranks the assumptions', () => {
  const ladder = limbound('figure', 'ladder', '--uncertainty', '512');
  assert.equal(ladder.code, 0, ladder.stderr);
  const spec = JSON.parse(ladder.stdout);
  const band = spec.vconcat[0].layer.find((l: { encoding?: { x2?: { field?: string } } }) => l.encoding?.x2?.field === 'energy_J_p95');
  assert.ok(band, 'band layer');
  const summary = JSON.parse(limbound('estimate', '--uncertainty', '512', '--json').stdout);
  for (const row of band.data.values) {
    const expected = summary.rows.find((r: { id: string }) => r.id === row.id);
    assert.equal(row.energy_J_p05, expected.energy_J_p05);
    assert.equal(row.energy_J_p95, expected.energy_J_p95);
  }
  const plain = JSON.parse(limbound('figure', 'ladder').stdout);
  assert.ok(!plain.vconcat[0].layer.some((l: { encoding?: { x2?: { field?: string } } }) => l.encoding?.x2?.field === 'energy_J_p95'));

  const tornado = limbound('figure', 'tornado', '--uncertainty', '512', '--output', 'cim_barrier_kT');
  assert.equal(tornado.code, 0, tornado.stderr);
  const bars = JSON.parse(tornado.stdout).vconcat[0].data.values;
  const sens = JSON.parse(limbound('sensitivity', '--samples', '512', '--output', 'cim_barrier_kT', '--json').stdout).outputs[0].indices;
  assert.deepEqual(bars.map((b: { name: string }) => b.name), sens.filter((i: { total: number | null }) => i.total !== null).map((i: { name: string }) => i.name));
  assert.equal(limbound('figure', 'walls', '--uncertainty').code, 2);
});

test('report --uncertainty adds the bands, the ranges with sources, the sensitivity table and the tornado figure', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'limbound-')), 'report');
  const r = limbound('report', '--out', dir, '--uncertainty', '256', '--no-sim', '--no-solver', '--no-png', '--range', 'tau0_s=1e-12..1e-9:log');
  assert.equal(r.code, 0, r.stderr);
  const md = readFileSync(join(dir, 'report.md'), 'utf8');
  assert.match(md, /## Uncertainty/);
  assert.match(md, /\| tau0_s \| 1 ns \| 1 ps \| 1 ns \| log \| user range \|/);
  assert.match(md, /figures\/tornado\.svg/);
  assert.match(md, /--uncertainty 256 --range tau0_s=1e-12\.\.1e-9:log/);
  const ranges = readFileSync(join(dir, 'tables', 'ranges.csv'), 'utf8').trim().split('\n');
  assert.equal(ranges[0], 'name,unit,point,low,high,distribution,origin,source_citation,source_status,source_where');
  assert.ok(ranges.length >= 12);
  assert.match(readFileSync(join(dir, 'tables', 'sensitivity.csv'), 'utf8'), /^output,assumption,first_order,total_order,total_ci_low,total_ci_high\n/);
});
