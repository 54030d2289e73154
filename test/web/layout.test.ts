/**
 * The page as people see it, in real Chromium at a phone (390 × 844) and a desktop (1400 × 900) size:
 * no sideways scroll, every wall column of the table visible without scrolling on the desktop (and
 * at 1280 px), figure text at 11 px or more as drawn, the accessibility check (axe-core: no serious
 * or critical violation), keyboard use, human labels, and a custom run that is not called by its
 * preset's name. Screenshots of both sizes go to test-artifacts/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { FIELD_KEYS } from '../../src/model/schema.js';
import type { BrowserContext } from 'playwright-core';
import { buildPage, serveStatic, launch, offlineContext, REPO, type BrowserSession } from './harness.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(REPO, 'test-artifacts');
const WALLS = ['memory', 'update', 'consolidation', 'compute'];

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1400, height: 900 },
] as const;

async function ready(page: Page, query = ''): Promise<void> {
  await page.goto(query ? `${(await page.evaluate('location.origin'))}/${query}` : page.url());
  await page.waitForSelector('#results[data-state="ready"]');
  await page.waitForFunction(`document.getElementById('figures').dataset.sweepId !== undefined && document.querySelector('#fig-size svg')`, undefined, { timeout: 30_000 });
}

/** Smallest drawn font size over the text of every figure, in CSS px (font size × the SVG's scale). */
const SMALLEST_FIGURE_TEXT = `Math.min(...Array.from(document.querySelectorAll('.fig svg')).flatMap((svg) => {
  const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
  return Array.from(svg.querySelectorAll('text')).filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
}))`;

/** Wall columns' header cells against the table's scroll box and the window. */
const WALL_COLUMNS_SHOWN = `(() => {
  const wrap = document.querySelector('.table-wrap');
  const box = wrap.getBoundingClientRect();
  return { scrolls: wrap.scrollWidth > wrap.clientWidth, cells: ${JSON.stringify(WALLS)}.map((col) => {
    const th = document.querySelector('#results-table th[data-col="' + col + '"]');
    const r = th.getBoundingClientRect();
    return { col, text: th.textContent, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.right <= innerWidth };
  }) };
})()`;

describe('web page layout, accessibility and keyboard in Chromium', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let dist: string;
  let session: BrowserSession;
  const contexts: Array<{ context: BrowserContext; external: string[] }> = [];

  before(async () => {
    dist = await buildPage();
    server = await serveStatic(dist);
    session = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    for (const c of contexts) await c.context.close();
    await session?.close();
    await server?.close();
    for (const c of contexts) assert.deepEqual(c.external, [], 'requests outside 127.0.0.1');
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  async function open(width: number, height: number, query = ''): Promise<Page> {
    const opened = await offlineContext(session.browser, { width, height });
    contexts.push(opened);
    const page = await opened.context.newPage();
    page.on('pageerror', (e) => assert.fail(`pageerror: ${e.message}`));
    await page.goto(`${server.url}${query}`);
    await ready(page);
    return page;
  }

  for (const size of SIZES) {
    it(`${size.name} ${size.width}×${size.height}: no sideways scroll, readable figures, axe-core passes, screenshot kept`, async (t) => {
      const page = await open(size.width, size.height);
      const widths = (await page.evaluate('({ scroll: document.documentElement.scrollWidth, inner: innerWidth })')) as { scroll: number; inner: number };
      assert.ok(widths.scroll <= widths.inner, `page scrolls sideways: scrollWidth ${widths.scroll} > innerWidth ${widths.inner}`);
      const smallest = (await page.evaluate(SMALLEST_FIGURE_TEXT)) as number;
      assert.ok(Number.isFinite(smallest) && smallest >= 11 - 0.01, `figure text drawn at ${smallest.toFixed(2)} px`);
      // The first screen answers in words before anything else.
      assert.match((await page.textContent('#headline')) ?? '', /^LIM needs \S+ \S*J, [\d.]+ orders of magnitude below /);
      await page.addScriptTag({ content: AXE });
      const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })))`)) as Array<{ id: string; impact: string; nodes: number; help: string }>;
      t.diagnostic(`smallest figure text ${smallest.toFixed(2)} px; axe-core: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') : 'no violations'}`);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], JSON.stringify(serious));
      await page.screenshot({ path: join(ARTIFACTS, `web-${size.width}x${size.height}.png`), fullPage: false });
      await page.screenshot({ path: join(ARTIFACTS, `web-${size.width}x${size.height}-full.png`), fullPage: true });
    });
  }

  for (const width of [1400, 1280]) {
    it(`every wall column is visible without scrolling at ${width} px`, async () => {
      const page = await open(width, 900, '?workload=gpt-3');
      const shown = (await page.evaluate(WALL_COLUMNS_SHOWN)) as { scrolls: boolean; cells: Array<{ col: string; text: string; inside: boolean }> };
      assert.equal(shown.scrolls, false, 'the table scrolls sideways');
      for (const cell of shown.cells) {
        assert.equal(cell.text, cell.col);
        assert.ok(cell.inside, `${cell.col} column outside the visible table`);
      }
    });
  }

  it('is usable from the keyboard: Tab reaches the inputs, typing recomputes', async () => {
    const page = await open(1400, 900);
    const before = Number(await page.getAttribute('#results', 'data-computation'));
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'field-params'; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate('document.activeElement.id')) as string;
    }
    assert.equal(focused, 'field-params');
    // The focused control shows a visible outline.
    assert.notEqual(await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`), 'none');
    await page.keyboard.type('7e10');
    await page.waitForFunction(`Number(document.getElementById('results').dataset.computation) > ${before}`);
    assert.match(page.url(), /params=7e10/);
    // A preset is picked from the keyboard too.
    await page.focus('#field-workload');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(`document.getElementById('field-workload').value !== ''`);
  });

  it('labels every input in words with help, groups the presets, and names a custom run as such', async () => {
    const page = await open(1400, 900, '?params=1e12');
    const labels = (await page.$$eval('#form label', (ls) => ls.map((l) => ({ for: l.htmlFor, text: l.textContent ?? '' })))) as Array<{ for: string; text: string }>;
    assert.deepEqual(labels.map((l) => l.for).sort(), FIELD_KEYS.map((k) => `field-${k}`).sort());
    for (const l of labels) {
      const key = l.for.replace(/^field-/, '');
      assert.notEqual(l.text.trim(), key, `${key} is labelled with its raw name`);
      assert.match(l.text, /^[A-Z]/, `${key}: ${l.text}`);
      assert.ok(((await page.textContent(`#help-${key}`)) ?? '').length > 10, `${key} has no help`);
    }
    assert.deepEqual(await page.$$eval('#field-workload optgroup', (gs) => gs.map((g) => g.getAttribute('label'))), ['Brain scale', 'Reported training runs', 'Optimizers']);
    const title = (await page.textContent('#run-title')) ?? '';
    assert.match(title, /^Custom run/);
    assert.doesNotMatch(title, /brain-scale/i);
    assert.doesNotMatch((await page.textContent('#fig-ladder svg')) ?? '', /Brain-scale/);
    // LIM, CIM, the walls and the kinds are explained, with the docs linked, where they appear.
    for (const id of ['lim', 'cim', 'walls', 'kinds']) assert.ok(await page.$(`#glossary-${id}`), id);
    assert.equal(await page.getAttribute('#results-table tr[data-row-id="lim"] td[data-col="paradigm"] a', 'href'), '#glossary-lim');
    assert.equal(await page.getAttribute('#results-table th.group a', 'href'), '#glossary-walls');
    assert.match((await page.textContent('#glossary')) ?? '', /docs\/model\.md/);
    assert.match((await page.getAttribute('link[rel="icon"]', 'href')) ?? '', /^data:image\/svg\+xml,/);
  });
});
