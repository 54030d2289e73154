/**
 * `limbound figure` and `limbound report` end to end through the CLI: files by extension, one-line
 * errors with exit 2, the full report folder (contents checked against `estimate --csv` and the
 * bibliography), atomic replacement, and refusal to overwrite a folder that is not a report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reproduceCommand } from '../../src/cli/figure-commands.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('figure NAME --out writes PNG, SVG or the Vega-Lite spec by extension', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-fig-'));
  const png = join(dir, 'ladder.png');
  let r = limbound('figure', 'ladder', '--out', png);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([...readFileSync(png).subarray(0, 8)], PNG_SIGNATURE);
  assert.ok(readFileSync(png).length > 20_000, 'a readable PNG, not an empty one');

  r = limbound('figure', 'tradeoff', '--workload', 'gpt-3', '--out', join(dir, 'tradeoff.svg'));
  assert.equal(r.code, 0, r.stderr);
  const svg = readFileSync(join(dir, 'tradeoff.svg'), 'utf8');
  assert.match(svg, /^<svg/);
  assert.match(svg, /GPT-3 175B/);

  r = limbound('figure', 'size', '--params', '1e12', '--sizes', '1e9..1e13:5', '--out', join(dir, 'size.json'));
  assert.equal(r.code, 0, r.stderr);
  const spec = JSON.parse(readFileSync(join(dir, 'size.json'), 'utf8'));
  assert.equal(spec.usermeta.figure, 'size');
  const params = [...new Set(spec.vconcat[0].layer[0].data.values.map((v: { params: number }) => v.params))];
  assert.deepEqual(params, [1e9, 1e10, 1e11, 1e12, 1e13]);
  assert.deepEqual(readdirSync(dir).sort(), ['ladder.png', 'size.json', 'tradeoff.svg'], 'no temporary files left');

  // Without --out the spec goes to stdout as one JSON document.
  r = limbound('figure', 'walls');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).usermeta.figure, 'walls');
});

test('figure errors: one line naming the field, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-fig-'));
  for (const [args, field] of [
    [['figure', 'pie', '--out', join(dir, 'x.svg')], 'name'],
    [['figure', 'ladder', '--out', join(dir, 'x.gif')], 'out'],
    [['figure', 'ladder', '--params', '-5', '--out', join(dir, 'x.svg')], 'params'],
    [['figure', 'size', '--sizes', '1e9..1e3', '--out', join(dir, 'x.svg')], 'sizes'],
    [['figure', 'sim', '--sim', join(dir, 'missing.json'), '--out', join(dir, 'x.svg')], 'sim'],
    [['figure', 'ladder', '--scale', '0.0001', '--out', join(dir, 'x.png')], 'scale'],
    [['figure', 'ladder', '--scale', '21', '--out', join(dir, 'x.png')], 'scale'],
    [['figure', 'size', '--sizes', '1e6..1e15:1000000', '--out', join(dir, 'x.svg')], 'sizes'],
    // Input flags are checked for every figure, the run-backed ones included.
    [['figure', 'solver', '--params', 'NaN', '--out', join(dir, 'x.svg')], 'params'],
    [['figure', 'sim', '--time-s', '3 dys', '--out', join(dir, 'x.svg')], 'time_s'],
  ] as const) {
    const r = limbound(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, new RegExp(`^error: ${field}: `));
  }
  assert.deepEqual(readdirSync(dir), []);
});

test('--sizes: one message naming the expected form; --points read only by the tradeoff figure', () => {
  const r = limbound('figure', 'size', '--sizes', 'foo');
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), "error: sizes: expected FROM..TO[:COUNT] with 0 < FROM < TO ≤ 1e30, e.g. 1e6..1e15:19, got 'foo'");
  assert.equal(limbound('figure', 'ladder', '--points', '0').code, 0);
  assert.match(limbound('figure', 'tradeoff', '--points', '0').stderr, /^error: points: /);
});

test('an output that cannot be written: one line naming it, exit 2, before any work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-fig-'));
  const file = join(dir, 'file.txt');
  writeFileSync(file, 'not a folder');
  for (const [args, message] of [
    [['figure', 'ladder', '--out', join(file, 'x.svg')], `cannot write '${join(file, 'x.svg')}': ENOTDIR`],
    [['figure', 'ladder', '--out', join(file, 'deeper', 'x.png')], `cannot write '${join(file, 'deeper', 'x.png')}': ENOTDIR`],
    // Under /proc nothing can be written and a recursive mkdir there never returns: refused up front.
    [['figure', 'ladder', '--out', '/proc/nope/x.svg'], "cannot write '/proc/nope/x.svg'"],
    // The report refuses before it runs the simulator (no "sim:" progress line).
    [['report', '--out', '/proc/x'], "cannot write '/proc/x'"],
    [['report', '--out', join(file, 'report')], `cannot write '${join(file, 'report')}': ENOTDIR`],
  ] as const) {
    const started = Date.now();
    const r = limbound(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0]!.startsWith(`error: out: ${message}`), lines[0]);
    assert.ok(Date.now() - started < 20_000, `${args.join(' ')} took ${Date.now() - started} ms`);
  }
  assert.deepEqual(readdirSync(dir), ['file.txt']);
  // A bad sampling flag is refused before the simulator runs, too.
  for (const [args, start] of [
    [['report', '--out', join(dir, 'r1'), '--uncertainty', '64', '--range', 'foo=1..2'], "error: range: unknown name 'foo'"],
    [['report', '--out', join(dir, 'r2'), '--range', 'tau0_s=1e-12..1e-9'], 'error: range: '],
  ] as const) {
    const r = limbound(...args);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.ok(r.stderr.startsWith(start), r.stderr);
  }
  assert.deepEqual(readdirSync(dir), ['file.txt']);
});

test('the reproduce command keeps every option that changes the output and quotes paths', () => {
  const base = { sim: undefined, solver: undefined, png: true, scale: '2', threads: '2' };
  assert.equal(reproduceCommand('out', base), 'limbound report --config out/config.json --out out');
  assert.equal(
    reproduceCommand('my report', { ...base, scale: '3', threads: '4', sizes: '1e6..1e9:7', solver: "it's.json" }),
    "limbound report --config 'my report/config.json' --threads 4 --solver 'it'\\''s.json' --sizes 1e6..1e9:7 --scale 3 --out 'my report'",
  );
  // Without PNGs the scale does not matter; without the built-in simulator neither do its threads.
  assert.equal(reproduceCommand('out', { ...base, png: false, scale: '3', sim: false, threads: '4' }), 'limbound report --config out/config.json --no-sim --no-png --out out');
});

test('figure sim and solver from result files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limbound-fig-'));
  const sim = join(dir, 'sweep.json');
  writeFileSync(sim, JSON.stringify({ protocol: 'erase', rows: [1, 3, 10, 30].map((t) => ({ duration_tau0: t, mean_work_kT: Math.LN2 + 4 / t, stderr_work_kT: 0.05 })) }));
  let r = limbound('figure', 'sim', '--sim', sim, '--out', join(dir, 'sim.json'));
  assert.equal(r.code, 0, r.stderr);
  const fit = JSON.parse(readFileSync(join(dir, 'sim.json'), 'utf8')).usermeta.fit;
  assert.ok(Math.abs(fit.a - Math.LN2) < 1e-9 && Math.abs(fit.b - 4) < 1e-9);
  writeFileSync(join(dir, 'bad.json'), '{ "rows": [ }');
  r = limbound('figure', 'sim', '--sim', join(dir, 'bad.json'), '--out', join(dir, 'x.svg'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: sim: .*bad\.json: malformed JSON/);
});

test('report --out DIR writes the whole report, atomically', () => {
  const parent = mkdtempSync(join(tmpdir(), 'limbound-report-'));
  const out = join(parent, 'out');
  const r = limbound('report', '--workload', 'gpt-3', '--out', out, '--no-sim');
  assert.equal(r.code, 0, r.stderr);
  const files = (sub: string) => readdirSync(join(out, sub)).sort();
  for (const f of ['report.md', 'report.html', 'references.bib', 'inputs.json', 'config.json', 'version.json', 'result.json']) assert.ok(existsSync(join(out, f)), f);
  for (const name of ['ladder', 'size', 'tradeoff', 'walls', 'solver']) for (const ext of ['svg', 'png', 'vl.json']) assert.ok(files('figures').includes(`${name}.${ext}`), `${name}.${ext}`);
  assert.ok(!files('figures').some((f) => f.startsWith('sim.')), '--no-sim leaves the simulator figure out');
  assert.deepEqual(files('tables'), ['rows.csv', 'size-sweep.csv', 'solver.csv', 'tradeoff.csv']);
  assert.deepEqual(readdirSync(parent), ['out'], 'no temporary folder left beside the report');

  // The rows table is what `estimate --csv` prints for the same input.
  const csv = limbound('estimate', '--workload', 'gpt-3', '--csv');
  assert.equal(readFileSync(join(out, 'tables', 'rows.csv'), 'utf8'), csv.stdout);

  // Inputs echoed with their origin; the version; every cited source in the BibTeX file.
  const inputs = JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8'));
  assert.deepEqual(inputs.given, { workload: 'gpt-3' });
  assert.equal(inputs.origin.params, 'preset');
  assert.equal(inputs.effective.params, 175e9);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'version.json'), 'utf8')), { tool: 'limbound', version: '0.1.0' });
  const bib = readFileSync(join(out, 'references.bib'), 'utf8');
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  const cited = [...md.matchAll(/^- \[([A-Za-z0-9]+)\] /gm)].map((m) => m[1]!);
  for (const id of ['landauer1961', 'chen2024lim', 'patterson2021', 'balasubramanian2021', 'brown2020']) assert.ok(cited.includes(id), `${id} listed`);
  for (const id of cited) assert.match(bib, new RegExp(`@misc\\{${id},`), `${id} in references.bib`);
  assert.equal((bib.match(/@misc\{/g) ?? []).length, cited.length);

  // Markdown: the CLI's strings; HTML: self-contained, one inline SVG per figure, ids unique.
  assert.match(md, /\| Reported: GPT-3 175B training run \| reported \| 4\.63 TJ \| 1\.29 GWh \|/);
  assert.match(md, /!\[[^\]]*\]\(figures\/ladder\.svg\)/);
  assert.match(md, /## Simulator\n\nNot included: left out \(--no-sim\)\./);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.equal((html.match(/<svg/g) ?? []).length, 5);
  assert.doesNotMatch(html, /<(script|link)\b|src="http/);
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids in report.html');

  // Run again from the echoed config: the previous report is replaced, with the same numbers.
  const again = limbound('report', '--config', join(out, 'config.json'), '--out', out, '--no-sim', '--no-solver');
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(join(out, 'tables', 'rows.csv'), 'utf8'), csv.stdout);
  assert.ok(!existsSync(join(out, 'figures', 'solver.svg')), 'the old report was replaced, not merged');
  assert.deepEqual(readdirSync(parent), ['out']);
});

test('report: the simulator paragraph says how the fit was weighted and names the protocol’s own bound', () => {
  const parent = mkdtempSync(join(tmpdir(), 'limbound report-'));
  const sim = join(parent, 'move sweep.json');
  // A moved trap: slow limit 0 kT, and one duration without a standard error (so the fit is unweighted).
  const rows = [1, 3, 10, 30].map((t, i) => ({ duration_tau0: t, mean_work_kT: 2 / t, stderr_work_kT: i === 0 ? 0 : 0.02, reference_work_kT: 0 }));
  writeFileSync(sim, JSON.stringify({ protocol: 'move', rows }));
  const out = join(parent, 'my report');
  const r = limbound('report', '--sim', sim, '--no-solver', '--no-png', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  const paragraph = md.split('\n').find((line) => line.startsWith(`Source: ${sim}.`))!;
  assert.match(paragraph, /^Source: .*\. Unweighted fit ⟨W⟩ = a \+ b\/τ \(4 points\): a = /);
  assert.match(paragraph, /Bound: slow limit = 0 kT, which the slow limit a is compared with\./);
  assert.doesNotMatch(paragraph, /ln2|Weighted/);
  // The command that rebuilds it, paths quoted for the shell, --no-png kept.
  assert.ok(md.includes(`limbound report --config '${join(out, 'config.json')}' --sim '${sim}' --no-solver --no-png --out '${out}'`), md);
  assert.ok(!readdirSync(join(out, 'figures')).some((f) => f.endsWith('.png')));
});

test('report refuses a folder that is not a report, and leaves it alone', () => {
  const parent = mkdtempSync(join(tmpdir(), 'limbound-report-'));
  const mine = join(parent, 'mine');
  mkdirSync(mine);
  writeFileSync(join(mine, 'thesis.tex'), 'precious');
  const r = limbound('report', '--out', mine, '--no-sim', '--no-solver');
  assert.equal(r.code, 2);
  assert.match(r.stderr.trim(), /^error: out: .*not a limbound report folder/);
  assert.deepEqual(readdirSync(mine), ['thesis.tex']);
  assert.deepEqual(readdirSync(parent), ['mine']);
});
