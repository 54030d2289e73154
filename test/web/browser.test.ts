/**
 * Finding a browser: a missing or broken Chromium fails the browser suite with one line naming what
 * to install (never a skip); the npm package's Chromium is found without Debian's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findBrowser, INSTALL_HINT } from './browser.js';
import { launch } from './harness.js';

async function withEnv<T>(env: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  }
}

test('a browser that is not there fails with one line saying what to install', async () => {
  await withEnv({ LIMBOUND_CHROMIUM: '/nonexistent/chromium' }, async () => {
    await assert.rejects(findBrowser(), (err: Error) => {
      assert.ok(err.message.startsWith(INSTALL_HINT), err.message);
      assert.match(err.message, /\/nonexistent\/chromium/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });
});

test('a browser that cannot start fails with one line saying what to install', async () => {
  await withEnv({ LIMBOUND_CHROMIUM: '/bin/false' }, async () => {
    await assert.rejects(launch(), (err: Error) => {
      assert.ok(err.message.startsWith(INSTALL_HINT), err.message);
      assert.match(err.message, /LIMBOUND_CHROMIUM=\/bin\/false failed/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });
});

test('without Debian\'s Chromium, the one shipped on npm is used', async () => {
  const choice = await withEnv({ LIMBOUND_CHROMIUM: undefined, LIMBOUND_BROWSER: 'npm' }, findBrowser);
  assert.equal(choice.source, '@sparticuz/chromium (npm)');
  assert.match(choice.executablePath, /chromium$/);
});
