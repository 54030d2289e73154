/**
 * The page's "Model config (config.json)" upload in Chromium: it gives the same table as
 * `limbound estimate --model-config`, says what the config set, and refuses a bad file with the
 * CLI's reason beside the field while the last good results stay.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { modelConfigFromText, modelConfigInput } from '../../src/model/model-config.js';
import { buildPage, serveStatic, launch, REPO, type BrowserSession } from './harness.js';
import { assertMatchesCli, computation, nextComputation, rows } from './page-helpers.js';

const LLAMA = join(REPO, 'examples', 'configs', 'llama-3-8b.json');

/** The CLI's one-line error for a --model-config file, after "error: model-config: <path>: ". */
function cliReason(path: string): string {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli', 'index.ts'), 'estimate', '--model-config', path], { encoding: 'utf8' });
  assert.equal(cli.status, 2, cli.stderr);
  const prefix = `error: model-config: ${path}: `;
  assert.ok(cli.stderr.startsWith(prefix), cli.stderr);
  return cli.stderr.trim().slice(prefix.length);
}

describe('model config upload in Chromium', { timeout: 300_000 }, () => {
  let session: BrowserSession;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let dist: string;
  let page: Page;
  let scratch: string;
  const errors: string[] = [];

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'limbound-model-config-'));
    dist = await buildPage();
    server = await serveStatic(dist);
    session = await launch();
    page = await session.context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  });

  after(async () => {
    await session?.close();
    await server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('llama-3-8b.json with 15T tokens on H100s for 30 d gives the CLI table', async () => {
    await page.goto(`${server.url}?tokens=15T&time_s=${encodeURIComponent('30 d')}&accelerator=h100`);
    await page.waitForSelector('#results[data-state="ready"]');
    const before = await computation(page);
    await page.setInputFiles('#field-model_config', LLAMA);
    await nextComputation(page, before);
    const summary = modelConfigFromText('model_config', 'llama-3-8b.json', readFileSync(LLAMA, 'utf8'));
    await assertMatchesCli(
      page,
      { ...modelConfigInput(summary), tokens: '15T', accelerator: 'h100', time_s: '30 d' },
      ['--model-config', LLAMA, '--tokens', '15T', '--accelerator', 'h100', '--time-s', '30 d'],
    );
    // What the config set, in words: 8.03e9 parameters and 6·7.505e9 + 12·32·32·128·8192 = 5.791e10 FLOP per token (by hand).
    const status = (await page.textContent('#status-model_config')) ?? '';
    assert.match(status, /^model config llama-3-8b\.json: llama, P = 8\.03e9 · flops_per_token = 6·7\.505e9 \+ 12·32·32·128·8192 = 5\.791e10 FLOP at seq_len 8192 · torch_dtype bfloat16 → precision_bits 16\./);
    assert.match(status, /link does not carry this file/);
    assert.equal(await page.textContent('#run-title'), 'meta-llama/Meta-Llama-3-8B, with your training tokens, time to solution, accelerator');
    // The link keeps the typed inputs only.
    assert.equal(new URL(page.url()).search, '?tokens=15T&time_s=30+d&accelerator=h100');
  });

  it('a mixture-of-experts config names its active parameters', async () => {
    const before = await computation(page);
    await page.setInputFiles('#field-model_config', join(REPO, 'examples', 'configs', 'mixtral-8x7b.json'));
    await nextComputation(page, before);
    assert.match((await page.textContent('#status-model_config')) ?? '', /8 experts, 2 per token: 1\.29e10 active/);
  });

  it('a bad file shows the CLI\'s reason beside the field and keeps the last results', async () => {
    const shown = await rows(page);
    const before = await computation(page);
    const cases = [
      ['not-json.json', '{"model_type": "llama",'],
      ['bert.json', '{"model_type": "bert", "hidden_size": 768}'],
    ] as const;
    for (const [name, text] of cases) {
      const path = join(scratch, name);
      writeFileSync(path, text);
      await page.setInputFiles('#field-model_config', path);
      await page.waitForFunction(`document.getElementById('msg-model_config').textContent.startsWith(${JSON.stringify(`model_config: ${name}: `)})`, undefined, { timeout: 10_000 });
      const msg = (await page.textContent('#msg-model_config')) ?? '';
      if (name === 'bert.json') assert.equal(msg, `model_config: bert.json: ${cliReason(path)}`);
      // JSON.parse words its errors differently in V8 versions; the reason's opening is the same.
      else assert.match(msg, /^model_config: not-json\.json: not valid JSON \(/);
      assert.equal(await page.getAttribute('#field-model_config', 'aria-invalid'), 'true');
      assert.deepEqual(await rows(page), shown);
      assert.equal(await computation(page), before);
    }
    assert.deepEqual(errors, []);
  });
});
