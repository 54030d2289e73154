/**
 * The page's words and figure fitting without a browser: every schema input has a place and a human
 * label (an input the table does not know yet still gets one from its description), the presets fall
 * into their three groups, the headline repeats the CLI's numbers, a custom run is not named after
 * its preset, and a fitted figure keeps every text at 11 px or more with lines that fit its width.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIELD_KEYS } from '../../src/model/schema.js';
import { WORKLOADS } from '../../src/data/workloads.js';
import { estimate } from '../../src/model/estimate.js';
import { ladderData, ladderSpec, wallsData, wallsSpec } from '../../src/report/figures/index.js';
import { textWidth } from '../../src/report/figures/text-width.js';
import { readFileSync } from 'node:fs';
import { GLOSSARY, INPUT_LABELS, groupedKeys, headline, labelOf, presetGroups, runTitle } from '../../web/src/labels.js';
import { fitSpec, noteText, wrapToWidth, MIN_FONT_PX } from '../../web/src/fit-figure.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

test('every input is placed once, in a group, with a label in words and help', () => {
  const placed = groupedKeys().flatMap((g) => g.keys);
  assert.deepEqual([...placed].sort(), [...FIELD_KEYS].sort());
  for (const key of FIELD_KEYS) {
    const l = labelOf(key);
    assert.notEqual(l.label, key);
    assert.match(l.label, /^[A-Z]/, key);
    assert.ok(l.help.length > 10, key);
  }
});

test('an input the label table does not know is labelled from its schema description', () => {
  const saved = INPUT_LABELS.tau0_s;
  delete INPUT_LABELS.tau0_s;
  try {
    // Schema: 'τ0: attempt time of thermally activated escape', a time in seconds.
    assert.deepEqual(labelOf('tau0_s'), { label: 'Attempt time of thermally activated escape', unit: 's', help: 'τ0: attempt time of thermally activated escape.', group: 'physics' });
    assert.ok(groupedKeys().some((g) => g.keys.includes('tau0_s')));
  } finally {
    INPUT_LABELS.tau0_s = saved;
  }
});

test('presets are grouped: brain scale, reported training runs, optimizers', () => {
  const groups = presetGroups(WORKLOADS);
  assert.deepEqual(groups.map((g) => g.label), ['Brain scale', 'Reported training runs', 'Optimizers']);
  assert.deepEqual(groups[0]!.ids, ['brain-scale']);
  assert.ok(groups[1]!.ids.includes('gpt-3'));
  assert.deepEqual(groups[2]!.ids, WORKLOADS.filter((w) => w.kind === 'optimizer').map((w) => w.id));
  assert.deepEqual(groups.flatMap((g) => g.ids).sort(), WORKLOADS.map((w) => w.id).sort());
});

test('the headline says what the CLI says about LIM and the accelerator', () => {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  const m = /LIM is (\S+ \S+), [\d.]+ orders above the Landauer floor and ([\d.]+) orders below von Neumann, (.+)\./.exec(cli.stdout);
  assert.ok(m, cli.stdout);
  assert.equal(headline(estimate({})).lead, `LIM needs ${m[1]}, ${m[2]} orders of magnitude below ${m[3]}.`);
});

test('a changed run is never titled by its preset alone', () => {
  assert.equal(runTitle('Brain-scale model (1e15 parameters)', false, []), 'Brain-scale model (1e15 parameters)');
  assert.equal(runTitle('Brain-scale model (1e15 parameters)', false, ['params']), 'Custom run (your parameters)');
  assert.equal(runTitle('GPT-3 175B', true, ['params', 'time_s']), 'GPT-3 175B, with your parameters, time to solution');
});

test('line breaking keeps every word, in order, within the width', () => {
  const text = 'Sources: BIPM 2019; Chen et al. 2024; Landauer 1961; Bérut et al. 2012; Aurell et al. 2012; Proesmans et al. 2020';
  for (const px of [120, 200, 340]) {
    const lines = wrapToWidth(text, px, 11);
    assert.equal(lines.join(' '), text);
    for (const line of lines) assert.ok(line.split(' ').length === 1 || textWidth(line, 11) <= px, `${px}: ${line}`);
  }
});

function fontSizes(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) node.forEach((n) => fontSizes(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) /fontsize$/i.test(k) && typeof v === 'number' ? out.push(v) : fontSizes(v, out);
  return out;
}

test('a fitted figure has no text under 11 px, wraps its title, stacks panels on a phone and keeps the source note', () => {
  const r = estimate({ workload: 'gpt-3' });
  const ladder = ladderSpec(ladderData(r));
  assert.ok(fontSizes(ladder).some((s) => s < MIN_FONT_PX), 'the report figure has small text to begin with');
  for (const width of [358, 1036]) {
    const { spec, note } = fitSpec(ladder, { width, plotWidth: 200 });
    assert.ok(fontSizes(spec).every((s) => s >= MIN_FONT_PX), `${width}: ${fontSizes(spec)}`);
    assert.equal(note, noteText((ladder.vconcat as Record<string, unknown>[])[1]!));
    assert.equal((spec.vconcat as unknown[]).length, 1);
    for (const line of (spec.title as { text: string[] }).text) assert.ok(textWidth(line, 15, true) <= width - 20, line);
  }
  const phone = fitSpec(wallsSpec(wallsData(r)), { width: 358, plotWidth: 200 }).spec;
  const panels = (phone.vconcat as Array<Record<string, unknown>>)[0]!;
  assert.equal(panels.hconcat, undefined);
  assert.equal((panels.vconcat as unknown[]).length, 2);
});

test('each glossary entry points to a section docs/model.md has', () => {
  const headings = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'model.md'), 'utf8').split('\n').filter((l) => /^#{2,3} /.test(l)).map((l) => l.replace(/^#+ /, ''));
  for (const entry of GLOSSARY) assert.ok(headings.some((h) => h.startsWith(entry.section)), `${entry.id}: no section '${entry.section}'`);
});
