/**
 * Browser-test plumbing: build the page with Vite into a temporary folder, serve it from a tiny
 * static server on 127.0.0.1, and drive Chromium (Debian's, or the one shipped on npm: see
 * browser.ts) with playwright-core (headless, no sandbox, background networking off). Every request
 * that leaves 127.0.0.1 is aborted and recorded.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findBrowser, INSTALL_HINT, type BrowserChoice } from './browser.js';

export const REPO = join(import.meta.dirname, '..', '..');

/** Builds web/ with Vite's API into a fresh temporary folder. */
export async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'limbound-web-'));
  const { build } = await import('vite');
  await build({ configFile: join(REPO, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static file server for `root` on 127.0.0.1 (random port). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export interface BrowserSession {
  /** Which Chromium runs, and its version. */
  choice: BrowserChoice;
  version: string;
  browser: Browser;
  context: BrowserContext;
  /** URLs the page tried to fetch from anywhere but 127.0.0.1 (aborted). */
  external: string[];
  close(): Promise<void>;
}

/** Starts a browser; when none can start, throws one line saying what to install. */
export async function launch(viewport = { width: 1400, height: 1000 }): Promise<BrowserSession> {
  const choice = await findBrowser();
  let browser: Browser;
  try {
    // Playwright gives launch() a fresh temporary profile (--user-data-dir) of its own.
    browser = await chromium.launch({
      executablePath: choice.executablePath,
      env: { ...process.env, ...choice.env },
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n').find((l) => l.trim()) ?? '';
    throw new Error(`${INSTALL_HINT} (${choice.source} failed: ${first.trim()})`);
  }
  const { context, external } = await offlineContext(browser, viewport);
  return {
    choice,
    version: browser.version(),
    browser,
    context,
    external,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/**
 * A fresh context (own storage, own viewport) of a running browser in which every request that
 * leaves 127.0.0.1 is aborted and recorded in `external`.
 */
export async function offlineContext(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; external: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.protocol === 'file:' || url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  return { context, external };
}

/** The built page served on 127.0.0.1, a browser, one page on it, and the errors the page logs. */
export interface PageSession {
  session: BrowserSession;
  server: Awaited<ReturnType<typeof serveStatic>>;
  page: import('playwright-core').Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openPageSession(): Promise<PageSession> {
  const dist = await buildPage();
  const server = await serveStatic(dist);
  const session = await launch();
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return {
    session,
    server,
    page,
    errors,
    async close() {
      await session.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
