/**
 * Figure specs: tick-label expressions evaluated by Vega itself against hand-written strings, the
 * encodings, log scales and kind colours of each figure, reference values computed by hand, the
 * 1/τ fit against exact data, and every figure rendered to SVG (and one to PNG).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { estimate } from '../../src/model/estimate.js';
import { validateInput } from '../../src/model/schema.js';
import {
  ladderSpec,
  ladderData,
  sizeSpec,
  sizeData,
  sizeSweep,
  tradeoffSpec,
  tradeoffData,
  wallsSpec,
  wallsData,
  wallValues,
  simSpec,
  analyseSim,
  solverSpec,
  fitInverseTime,
  figureCitations,
  extent,
  siExpr,
  durationLabelExpr,
  countLabelExpr,
  logTicks,
  durationTicks,
  logDomain,
  shortCite,
  KIND_COLORS,
  type VlSpec,
} from '../../src/report/figures/index.js';
import { renderSvgNode, svgToPng, systemFontsFound } from '../../src/report/figures/node-render.js';
import { formatDuration } from '../../src/util/format.js';
import { summaryNotes } from '../../src/report/estimate-table.js';
import type { EstimateResult } from '../../src/model/estimate.js';

type Json = Record<string, any>;

/** Evaluates a Vega expression of `datum.value` for each value, with Vega's own expression engine. */
async function evaluate(expr: string, values: number[]): Promise<string[]> {
  const spec = { data: { values: values.map((value, i) => ({ value, i })) }, transform: [{ calculate: expr, as: 'label' }], mark: 'text', encoding: { text: { field: 'label' } } };
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  await view.runAsync();
  const rows = view.data('data_0') as Array<{ i: number; label: string }>;
  view.finalize();
  return rows.sort((a, b) => a.i - b.i).map((r) => r.label);
}

/** The plot (first panel) of a framed figure. */
const plot = (spec: VlSpec): Json => (spec as Json).vconcat[0];
const layers = (spec: VlSpec): Json[] => plot(spec).layer;
const texts = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

const brain = () => estimate({}, { tradeoff: true });
const gpt3 = () => estimate({ workload: 'gpt-3' }, { tradeoff: true });

test('SI tick labels: prefixes with a space and the unit, no false zero, no digit grouping', async () => {
  const values = [1e-21, 2.87e-21, 1e-6, 1, 999, 1e3, 1e6, 1.65e8, 1e8, 1e15, 0, 1e-27, 1e30];
  const want = ['1 zJ', '2.87 zJ', '1 µJ', '1 J', '999 J', '1 kJ', '1 MJ', '165 MJ', '100 MJ', '1 PJ', '0 J', '1e-27 J', '1e30 J'];
  assert.deepEqual(await evaluate(siExpr('datum.value', 'J'), values), want);
  assert.deepEqual(await evaluate(siExpr('datum.value', 's'), [1e-9, 17.5e-6]), ['1 ns', '17.5 µs']);
});

test('duration and count tick labels', async () => {
  const labels = await evaluate(durationLabelExpr(), [1e-3, 1, 10, 60, 3600, 86400, 3.15576e7, 3.15576e9, 3.15576e10, 3.15576e11, 3.15576e13, 3.15576e15]);
  assert.deepEqual(labels, ['1 ms', '1 s', '10 s', '1 min', '1 h', '1 d', '1 yr', '100 yr', '1e3 yr', '1e4 yr', '1e6 yr', '1e8 yr']);
  // Long runs in scientific years, never a run of digits ("100000000 yr").
  for (const label of labels) assert.doesNotMatch(label, /\d{5,}/);
  assert.deepEqual(await evaluate(countLabelExpr(), [1e6, 1e15, 100, 1.75e11]), ['1e6', '1e15', '100', '1.75e11']);
});

test('log ticks: every decade when they fit, else every 3rd decade on the SI prefixes', () => {
  assert.deepEqual(logTicks([1e4, 1e13]), [1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13]);
  assert.deepEqual(logTicks([1e-4, 1e17]), [1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15]);
  assert.deepEqual(logDomain([1.65e8, 5.76e15]), [1e8, 1e16]);
  assert.deepEqual(logDomain([5, 5]), [1, 10]);
  assert.deepEqual(durationTicks(2, 3.2e9), [10, 60, 3600, 86400, 3.15576e7, 3.15576e8, 3.15576e9]);
  // Below an attosecond there are no duration candidates: plain decades instead of a bare axis.
  assert.deepEqual(durationTicks(1e-31, 1e-25), [1e-31, 1e-30, 1e-29, 1e-28, 1e-27, 1e-26, 1e-25]);
  assert.deepEqual(durationTicks(1e22, 1e26), [1e22, 1e23, 1e24, 1e25, 1e26]);
});

test('extents and log domains of long arrays (no Math.min(...array) stack overflow)', () => {
  const many = Array.from({ length: 1_000_000 }, (_, i) => 10 ** (6 + (9 * i) / 999_999));
  assert.deepEqual(extent(many), [1e6, many[many.length - 1]]);
  assert.deepEqual(logDomain(many), [1e6, 1e15]);
  assert.deepEqual(extent([]), [Infinity, -Infinity]);
});

test('short citations', () => {
  assert.equal(shortCite('landauer1961'), 'Landauer 1961');
  assert.equal(shortCite('chen2024lim'), 'Chen et al. 2024');
  assert.equal(shortCite('brown2020'), 'Brown et al. 2020');
  assert.equal(shortCite('nvidiaH100'), 'NVIDIA 2022');
  assert.equal(shortCite('balasubramanian2021'), 'Balasubramanian 2021');
});

test('ladder: log energy axis, colour by kind, rows from the floor up, brain reference at 20 W × T_sol', () => {
  const spec = ladderSpec(ladderData(brain()));
  const [stem, points, labels, rule] = layers(spec);
  assert.equal(points!.encoding.x.field, 'energy_J');
  assert.equal(points!.encoding.x.scale.type, 'log');
  assert.match(points!.encoding.x.axis.labelExpr, /format\(/);
  assert.match(points!.encoding.x.title, /\(J/);
  assert.equal(points!.encoding.color.field, 'kind');
  // Brain-scale has bounds and estimates, no measured run.
  assert.deepEqual(points!.encoding.color.scale.domain, ['bound', 'estimate']);
  assert.deepEqual(points!.encoding.color.scale.range, [KIND_COLORS.bound, KIND_COLORS.estimate]);
  const rows = points!.data.values as Array<{ id: string; energy_J: number; kind: string; energy_text: string }>;
  assert.equal(rows[0]!.id, 'landauer');
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i]!.energy_J >= rows[i - 1]!.energy_J);
  assert.equal(rows.find((r) => r.id === 'lim')!.energy_text, '167 MJ');
  assert.equal(stem!.encoding.x2.datum, 1e8);
  assert.equal(labels!.encoding.text.field, 'energy_text');
  // 20 W × 1 Julian year = 20 × 3.15576e7 s = 6.31152e8 J.
  assert.equal(rule!.data.values[0].energy_J, 6.31152e8);
  assert.equal(rule!.mark.type, 'rule');
  assert.match((spec as Json).title.text, /Energy ladder/);
  // GPT-3 adds the reported row, in the reported colour.
  const g = ladderSpec(ladderData(gpt3()));
  assert.deepEqual(layers(g)[1]!.encoding.color.scale.domain, ['bound', 'estimate', 'reported']);
  assert.ok((layers(g)[1]!.data.values as Array<{ kind: string }>).some((r) => r.kind === 'reported'));
});

test('energy against size: log–log, a line per paradigm, reported runs as points', () => {
  const input = validateInput({});
  const r = brain();
  const data = sizeData(r, sizeSweep(input, { from: 1e9, to: 1e15, count: 7 }));
  const spec = sizeSpec(data);
  const [lines, measured] = layers(spec);
  assert.equal(lines!.mark.type, 'line');
  assert.equal(lines!.encoding.x.field, 'params');
  assert.equal(lines!.encoding.x.scale.type, 'log');
  assert.equal(lines!.encoding.y.scale.type, 'log');
  assert.equal(lines!.encoding.color.field, 'kind');
  assert.equal(lines!.encoding.strokeDash.field, 'label');
  assert.equal(lines!.encoding.strokeDash.scale.domain.length, 7);
  const values = lines!.data.values as Array<{ id: string; params: number; energy_J: number }>;
  // Landauer floor at P = 1e9 with D = 3e11 held: 6·P·D·N·kT·ln2 = 1.8e21 × 32 × 2.870979e-21 J = 165.37 J.
  const floor = values.find((v) => v.id === 'landauer' && v.params === 1e9)!.energy_J;
  assert.ok(Math.abs(floor / 165.3684 - 1) < 1e-5, String(floor));
  // …and the floor is linear in P at fixed D: a decade of P is a decade of energy.
  const floorAt = (p: number) => values.find((v) => v.id === 'landauer' && v.params === p)!.energy_J;
  assert.ok(Math.abs(floorAt(1e15) / floorAt(1e9) / 1e6 - 1) < 1e-12);
  // Reported runs: GPT-3 1,287 MWh = 4.6332e12 J, BLOOM 433 MWh = 1.5588e12 J.
  const points = measured!.data.values as Array<{ label: string; params: number; energy_J: number; kind: string }>;
  const point = (label: string) => points.find((p) => p.label === label)!;
  assert.deepEqual([point('GPT-3 175B').params, point('GPT-3 175B').energy_J], [175e9, 1287 * 3.6e9]);
  assert.deepEqual([point('BLOOM 176B').params, point('BLOOM 176B').energy_J], [176e9, 433 * 3.6e9]);
  // Llama 2 70B: 1,720,320 A100-hours × 400 W; T5: 85.7 MWh (Patterson et al. Table 4).
  assert.equal(point('Llama 2 70B').energy_J, 1720320 * 3600 * 400);
  assert.equal(point('T5 11B').energy_J, 85.7 * 3.6e9);
  assert.equal(points.length, 12);
  assert.ok(points.every((p) => p.kind === 'reported'));
  assert.equal(measured!.encoding.color.field, 'kind');
  assert.ok(measured!.encoding.color.scale.domain.includes('reported'));
});

test('energy against time: log–log with duration ticks and the 2× marker of docs/model.md', () => {
  const spec = tradeoffSpec(tradeoffData(brain()));
  // The band τ_u < τ0 (outside the model's domain) is shaded from the left edge to T_sol = τ0·OPS/P = 1800 s.
  const band = layers(spec).find((l) => l.mark.type === 'rect')!;
  assert.equal(band.data.values[0].to, 1e-9 * 1.8e12);
  const lines = layers(spec).find((l) => l.mark.type === 'line');
  assert.equal(lines!.encoding.x.field, 'time_s');
  assert.equal(lines!.encoding.x.scale.type, 'log');
  assert.equal(lines!.encoding.y.scale.type, 'log');
  assert.ok(lines!.encoding.x.axis.values.includes(3.15576e7));
  assert.equal(lines!.encoding.color.field, 'kind');
  const markers = layers(spec).filter((l) => l.mark.type === 'text' && l.data.values[0]?.label !== undefined);
  const texts2 = markers.flatMap((l) => l.data.values.map((v: { text: string }) => v.text));
  // docs/model.md §4: with binary cells LIM = Σbits·kT·(ln2 + 2·τ_D/τ_u) + consolidation, τ_u = T·P/OPS, is 2× the
  // floor Σbits·kT·ln2 at T_2× = (OPS/P)·2τ_D/(ln2 − consolidation/(Σbits·kT)). Brain-scale: P = 1e15,
  // OPS = F = 6·P·D = 1.8e27 (D = 3e11), N = 32, Σbits = OPS·N, T = 300 K; τ_D = (√32/2π)·E_ret·τ0 with
  // E_ret = ln(10 yr/(1e-9·1 ns)); consolidation = P·N·kT·(ln2 + ½·ln E_ret).
  const P = 1e15, OPS = 6 * P * 3e11, N = 32;
  const eRet = Math.log((10 * 3.15576e7) / 1e-18);
  const tauD = (Math.sqrt(32) / (2 * Math.PI)) * eRet * 1e-9;
  const consolidationPerBit = (P * N * (Math.LN2 + 0.5 * Math.log(eRet))) / (OPS * N);
  const t2x = ((OPS / P) * 2 * tauD) / (Math.LN2 - consolidationPerBit);
  assert.ok(Math.abs(t2x / 285311 - 1) < 1e-5, String(t2x));
  const marker = tradeoffData(brain()).markers.find((m) => m.label === 'LIM within 2× of floor')!;
  assert.ok(Math.abs(marker.time_s / t2x - 1) < 1e-6, `${marker.time_s} vs ${t2x}`);
  assert.ok(texts2.includes(`LIM within 2× of floor: ${formatDuration(t2x)}`), texts2.join(' | '));
  // LIM falls towards the floor as T_sol grows.
  const lim = (lines!.data.values as Array<{ id: string; time_s: number; energy_J: number }>).filter((v) => v.id === 'lim');
  for (let i = 1; i < lim.length; i++) assert.ok(lim[i]!.energy_J <= lim[i - 1]!.energy_J * (1 + 1e-12));
});

test('walls: shares of each row sum to 1, measured rows left out, log panel beside', () => {
  const data = wallsData(gpt3());
  const values = wallValues(data.rows);
  assert.ok(!values.some((v) => v.id === 'measured'));
  const ids = [...new Set(values.map((v) => v.id))];
  assert.equal(ids.length, 7);
  for (const id of ids) {
    const sum = values.filter((v) => v.id === id).reduce((s, v) => s + v.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12, `${id}: ${sum}`);
  }
  const spec = wallsSpec(data) as Json;
  const [shares, absolute] = spec.vconcat[0].hconcat;
  assert.equal(shares.mark.type, 'bar');
  assert.equal(shares.encoding.x.stack, 'zero');
  assert.equal(shares.encoding.color.field, 'wall');
  assert.equal(absolute.encoding.x.scale.type, 'log');
  // Each row label carries its kind.
  assert.ok(values.every((v) => v.row.includes(` · ${v.kind} · `)));
});

test('1/τ fit recovers a and b, with the textbook errors', () => {
  const tau = [1, 2, 4, 8, 16];
  const exact = fitInverseTime(tau, tau.map((t) => Math.LN2 + 3 / t));
  assert.ok(Math.abs(exact.a - Math.LN2) < 1e-12 && Math.abs(exact.b - 3) < 1e-12);
  // Weighted, σ = 0.1 everywhere: var(a) = Σx²/Δ·σ²… by hand for x = 1/τ = 1, 1/2, 1/4 (S = 3/σ², Sx = 1.75/σ², Sxx = 1.3125/σ²).
  const w = fitInverseTime([1, 2, 4], [1.693, 1.193, 0.943], [0.1, 0.1, 0.1]);
  const S = 300, Sx = 175, Sxx = 131.25;
  const delta = S * Sxx - Sx * Sx;
  assert.ok(Math.abs(w.a_stderr - Math.sqrt(Sxx / delta)) < 1e-12);
  assert.ok(Math.abs(w.b_stderr - Math.sqrt(S / delta)) < 1e-12);
  assert.ok(Math.abs(w.a - 0.693) < 1e-9 && Math.abs(w.b - 1) < 1e-9);
});

test('simulator figure: kT·ln2 bound, measured points with error bars, fit as estimate', () => {
  const points = [1, 3, 10, 30].map((t) => ({ duration: t, mean_work_kT: Math.LN2 + 4 / t, stderr_work_kT: 0.05 }));
  const spec = simSpec({ title: 'erase', note: 'test', points, duration_unit: 'τ0' });
  const ls = layers(spec);
  const bound = ls.find((l) => l.mark.type === 'rule' && l.data.values[0].kind === 'bound')!;
  assert.equal(bound.data.values[0].work_kT, Math.LN2);
  const curve = ls.find((l) => l.mark.type === 'line')!;
  assert.equal(curve.data.values[0].kind, 'estimate');
  const pts = ls.find((l) => l.mark.type === 'point')!;
  assert.equal(pts.encoding.x.scale.type, 'log');
  assert.equal(pts.encoding.color.field, 'kind');
  const bars = ls.find((l) => l.mark.type === 'rule' && l.encoding.y2)!;
  assert.equal(bars.data.values[1].low_kT, Math.LN2 + 4 / 3 - 0.05);
  assert.deepEqual(pts.encoding.color.scale.domain, ['bound', 'estimate', 'measured']);
  const fit = (spec as Json).usermeta.fit;
  assert.ok(Math.abs(fit.a - Math.LN2) < 1e-9 && Math.abs(fit.b - 4) < 1e-9);
  assert.match((spec as Json).title.subtitle.at(-1), /^weighted fit ⟨W⟩ = a \+ b\/τ \(4 points, weights 1\/s\.e\.²\)/);
});

test('simulator figure: a point without a standard error makes the fit unweighted; another protocol brings its own bound', () => {
  const points = [1, 3, 10, 30].map((t, i) => ({ duration: t, mean_work_kT: 2 + 4 / t, stderr_work_kT: i === 0 ? 0 : 0.05 }));
  const data = { title: 'move', note: 'test', points, duration_unit: 'τ0', reference_kT: 2, reference_label: 'slow limit = 2 kT' };
  const a = analyseSim(data);
  assert.equal(a.fit.weighted, false);
  assert.equal(a.reference_kT, 2);
  const spec = simSpec(data, a) as Json;
  assert.match(spec.title.subtitle.at(-1), /^unweighted fit ⟨W⟩ = a \+ b\/τ \(4 points\): a = 2 ± /);
  const bound = layers(spec).find((l) => l.mark.type === 'rule' && l.data.values[0].kind === 'bound')!;
  assert.deepEqual(bound.data.values[0], { work_kT: 2, kind: 'bound', text: 'slow limit = 2 kT' });
});

test('figure citations: everything the four design-point figures cite, plus extra frames', () => {
  const r = brain();
  const ids = figureCitations(r);
  const frames = [ladderData(r), wallsData(r), sizeData(r, { points: [], skipped: [] }), tradeoffData(r)];
  for (const id of [...r.citations.map((c) => c.id), ...frames.flatMap((f) => f.citations ?? [])].filter((id) => id !== 'limbound')) assert.ok(ids.includes(id), id);
  // The brain's 20 W and the reported runs of the size figure.
  for (const id of ['balasubramanian2021', 'patterson2021', 'luccioni2023']) assert.ok(ids.includes(id), id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(!ids.includes('limbound'));
  assert.ok(figureCitations(r, [{ citations: ['proesmans2020', 'nosuchsource'] }]).includes('proesmans2020'));
  assert.ok(!figureCitations(r, [{ citations: ['nosuchsource'] }]).includes('nosuchsource'));
});

test('summary notes: one wording for the CLI, the report and the page', () => {
  const r = gpt3();
  const notes = summaryNotes(r);
  assert.match(notes[0]!, /^LIM is 35\.3 kJ, 0\.09 orders above the Landauer floor and 7\.33 orders below von Neumann, NVIDIA V100 SXM2 FP16\.$/);
  assert.match(notes[1]!, /^The accelerator row is a best case .*sourced real runs sit 2–10× above it/);
  assert.match(notes[3]!, /^LIM stays within 2× of the floor for T_sol ≥ 3\.29 d \(τ_u = 159 ns, inside the model's domain τ_u ≥ τ0\)\.$/);
  assert.match(notes[4]!, /^Landauer floor by counting convention \(--ops-convention\): flop 28\.8 kJ \(in force\) · sample 4\.82 kJ · step 1\.51 mJ\.$/);
  assert.match(notes[5]!, /^Reported: GPT-3 175B training run: 4\.63 TJ \(1\.29 GWh\)/);
  const never: EstimateResult = { ...r, tradeoff: { ...r.tradeoff!, lim_within_2x_time_s: null } };
  assert.equal(summaryNotes(never)[3], 'LIM is never within 2× of the floor, whatever T_sol.');
  assert.equal(summaryNotes({ ...r, tradeoff: undefined }).length, 6);
  // A 2× time faster than τ0 per update is said to be outside the model's domain.
  const outside: EstimateResult = { ...r, tradeoff: { ...r.tradeoff!, lim_within_2x_time_s: 1, lim_within_2x_in_model_domain: false } };
  assert.match(summaryNotes(outside)[3]!, /^LIM stays within 2× of the floor for T_sol ≥ 1 s — outside the model's domain, which starts at T_sol = 29\.9 min \(τ_u = τ0\)/);
});

test('solver figure: log energy, linear iterations when they span two decades or less', () => {
  const series = [{ id: 'landauer', label: 'Landauer adiabatic floor', kind: 'bound' as const }, { id: 'vn-accelerator', label: 'von Neumann', kind: 'estimate' as const }];
  const points = [0, 1, 10, 50].map((k) => ({ iteration: k, energy_J: { landauer: k * 1e-18, 'vn-accelerator': k * 1e-9 } }));
  const spec = solverSpec({ title: 'qp', note: 'n', series, points }) as Json;
  const p = plot(spec);
  assert.notEqual(p.encoding.x.scale.type, 'log');
  assert.equal(p.encoding.y.scale.type, 'log');
  assert.ok(!p.data.values.some((v: { iteration: number }) => v.iteration === 0));
  const longRun = solverSpec({ title: 'qp', note: 'n', series, points: [1, 10, 1000].map((k) => ({ iteration: k, energy_J: { landauer: k, 'vn-accelerator': k } })) }) as Json;
  assert.equal(plot(longRun).encoding.x.scale.type, 'log');
});

test('every figure renders to SVG with SI ticks, kinds in the legend and its source note', async () => {
  const r = gpt3();
  const specs: Record<string, VlSpec> = {
    ladder: ladderSpec(ladderData(r)),
    walls: wallsSpec(wallsData(r)),
    tradeoff: tradeoffSpec(tradeoffData(r)),
    size: sizeSpec(sizeData(r, sizeSweep(validateInput({ workload: 'gpt-3' }), { from: 1e9, to: 1e13, count: 5 }))),
    sim: simSpec({ title: 'erase', note: 'Source note: test', points: [1, 3, 10].map((t) => ({ duration: t, mean_work_kT: 0.7 + 3 / t, stderr_work_kT: 0.1 })), duration_unit: 'τ0' }),
    solver: solverSpec({ title: 'qp', note: 'Source note: test', series: [{ id: 'landauer', label: 'Landauer', kind: 'bound' }], points: [1, 2, 3].map((k) => ({ iteration: k, energy_J: { landauer: k * 1e-18 } })) }),
  };
  for (const [name, spec] of Object.entries(specs)) {
    const svg = await renderSvgNode(spec);
    assert.match(svg, /^<svg/, name);
    const t = texts(svg);
    assert.ok(!t.some((x) => /\d,\d{3}/.test(x)), `${name}: grouped digits in ${t.filter((x) => /\d,\d{3}/.test(x)).join(' | ')}`);
    assert.ok(t.some((x) => /limbound|Source/.test(x)), `${name}: no source note`);
    if (name !== 'walls') assert.ok(t.some((x) => /^bound/.test(x)), `${name}: no kind legend`);
  }
  const ladderTexts = texts(await renderSvgNode(specs.ladder!));
  for (const tick of ['10 kJ', '1 MJ', '1 GJ', '1 TJ', '10 TJ']) assert.ok(ladderTexts.includes(tick), `ladder tick ${tick}: ${ladderTexts.join(' | ')}`);
  assert.ok(ladderTexts.includes('4.63 TJ'), 'GPT-3 reported energy label');
  assert.ok(ladderTexts.some((x) => x.startsWith('reported')));
});

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what resvg writes). */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  assert.deepEqual([buf[24], buf[25], buf[28]], [8, 6, 0], '8-bit RGBA, not interlaced');
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

test('PNG through resvg, with its text drawn (a font is installed)', async () => {
  assert.ok(systemFontsFound(), 'no system font: PNG text would be missing');
  const svg = await renderSvgNode(ladderSpec(ladderData(brain())));
  const png = svgToPng(svg, { scale: 2 });
  assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const withText = decodePng(png);
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  assert.equal(withText.width, 2 * svgWidth);
  // The same figure with every <text> removed: the glyphs are the difference, thousands of pixels of
  // title, ticks, legend and note (none if resvg found no font and drew the text as nothing).
  const textless = svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, '');
  assert.doesNotMatch(textless, /<text/);
  const bare = decodePng(svgToPng(textless, { scale: 2 }));
  assert.equal(bare.width, withText.width);
  let changed = 0;
  for (let i = 0; i < withText.pixels.length; i += 4) {
    const d = Math.abs(withText.pixels[i]! - bare.pixels[i]!) + Math.abs(withText.pixels[i + 1]! - bare.pixels[i + 1]!) + Math.abs(withText.pixels[i + 2]! - bare.pixels[i + 2]!);
    if (d > 96) changed++;
  }
  assert.ok(changed > 20_000, `only ${changed} pixels changed by the text`);
});
