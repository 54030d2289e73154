/**
 * Finds a Chromium for the browser tests, so `npm ci && npm test` runs them on a fresh machine:
 *  1. LIMBOUND_CHROMIUM=/path/to/chrome, when set;
 *  2. Debian's /usr/bin/chromium, when present (unless LIMBOUND_BROWSER=npm);
 *  3. the headless Chromium shipped inside the @sparticuz/chromium dev dependency (x86-64 Linux),
 *     with the NSS libraries the package also ships when the system has none.
 * When none can start, the suite fails with one line saying what to install; it never skips.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_HINT =
  'no Chromium could start for the browser tests: run `npm ci` on x86-64 Linux (it ships @sparticuz/chromium), or `apt-get install chromium`, or set LIMBOUND_CHROMIUM=/path/to/chromium';

export interface BrowserChoice {
  executablePath: string;
  /** Where the binary came from, as printed in the test output. */
  source: string;
  /** Extra environment for the browser process (shared libraries, fonts). */
  env: Record<string, string>;
}

/** Shared libraries the dynamic loader cannot find for `binary` (empty when ldd is missing). */
function missingLibraries(binary: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const r = spawnSync('ldd', [binary], { encoding: 'utf8', env });
  if (r.status !== 0 && !r.stdout) return [];
  return r.stdout.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(/\s/)[0]!);
}

/** Unpacks a .tar.br archive of the package into `dir` with the system tar (once). */
function unpackTarBr(archive: string, dir: string): void {
  if (existsSync(join(dir, '.unpacked'))) return;
  mkdirSync(dir, { recursive: true });
  const tar = join(dir, 'archive.tar');
  writeFileSync(tar, brotliDecompressSync(readFileSync(archive)));
  const r = spawnSync('tar', ['-xf', tar, '-C', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${INSTALL_HINT} (could not unpack ${archive}: ${r.stderr.trim()})`);
  writeFileSync(join(dir, '.unpacked'), '');
}

function hasSystemFonts(): boolean {
  const r = spawnSync('fc-list', [], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

async function packagedChromium(): Promise<BrowserChoice> {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`${INSTALL_HINT} (@sparticuz/chromium ships an x86-64 Linux binary; this is ${process.platform}-${process.arch})`);
  let chromium: typeof import('@sparticuz/chromium').default;
  try {
    chromium = (await import('@sparticuz/chromium')).default;
  } catch {
    throw new Error(`${INSTALL_HINT} (@sparticuz/chromium is not installed)`);
  }
  // The package unpacks its binary (and fonts) into the temporary folder on first use.
  const executablePath = await chromium.executablePath();
  const bin = join(createRequire(import.meta.url).resolve('@sparticuz/chromium'), '..', '..', '..', 'bin');
  const env: Record<string, string> = {};
  if (missingLibraries(executablePath).length) {
    // The same NSS libraries the package loads on Amazon Linux; glibc is the only other dependency.
    const dir = join(tmpdir(), 'limbound-chromium-libs');
    unpackTarBr(join(bin, 'al2023.tar.br'), dir);
    env.LD_LIBRARY_PATH = [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    const still = missingLibraries(executablePath, { ...process.env, ...env });
    if (still.length) throw new Error(`${INSTALL_HINT} (the packaged Chromium misses ${still.join(', ')})`);
  }
  // Without system fonts, the fonts shipped with the package (fontconfig file and all).
  if (!hasSystemFonts() && existsSync(join(tmpdir(), 'fonts', 'fonts.conf'))) env.FONTCONFIG_PATH = join(tmpdir(), 'fonts');
  return { executablePath, source: '@sparticuz/chromium (npm)', env };
}

export async function findBrowser(): Promise<BrowserChoice> {
  const explicit = process.env.LIMBOUND_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${INSTALL_HINT} (LIMBOUND_CHROMIUM=${explicit} does not exist)`);
    return { executablePath: explicit, source: `LIMBOUND_CHROMIUM=${explicit}`, env: {} };
  }
  if (process.env.LIMBOUND_BROWSER !== 'npm' && existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: `Debian (${DEBIAN_CHROMIUM})`, env: {} };
  return packagedChromium();
}
