/**
 * Fuzzing the command line through the built binary (dist/cli/index.js): seeded random invocations of
 * every command with hostile values and hostile --out targets (a directory, a symbolic link, a device
 * node, a FIFO, a missing folder, /proc). Every run must end in bounded time with exit 0 or 2, exit 2
 * with one stderr line, no stack trace, no NaN or Infinity printed, no temporary file left behind and
 * no existing target replaced.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { FIELD_KEYS } from '../../src/model/schema.js';
import { runs, SEED } from './settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/index.js');
/** Kill after this long; a run this slow is a finding (the budget is generous for a shared machine). */
const TIMEOUT_MS = Number(process.env.LIMBOUND_FUZZ_TIMEOUT_MS ?? 30000);
const PARALLEL = 2;

const work = mkdtempSync(join(tmpdir(), 'limbound-cli-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));

before(() => {
  if (!existsSync(CLI) || process.env.LIMBOUND_FUZZ_BUILD === '1') {
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  }
});

const hostileValues = ['0', '-1', '1', '2', '1e-300', '1e300', '1e308', 'NaN', 'Infinity', '-Infinity', 'abc', '', '1e9', '0.5', '1e-9', '100', '-0', '0x10', '5 s', '1e9...1e15', '__proto__', 'constructor', '\u001b[31mred', 'a\nb', '1'.repeat(3000), '9'.repeat(400)];
const value = (good: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 3 }, { arbitrary: fc.constantFrom(...hostileValues), weight: 2 });

const engineFlag = fc.tuple(fc.constantFrom(...FIELD_KEYS), value(['1e9', '1e12', '300', '0.3', '16', '1e6', '30 d', '1 ps', 'gpt-3', 'h100', 'rram', 'optimizer', 'linear', '0.9'])).map(([k, v]) => [`--${k.replace(/_/g, '-')}`, v]);
const engineFlags = fc.array(engineFlag, { maxLength: 3 }).map((pairs) => pairs.flat());
const OUT_KINDS = ['fresh', 'dir', 'link', 'devnull', 'devfull', 'fifo', 'missing-folder', 'proc', 'existing'] as const;
type OutKind = (typeof OUT_KINDS)[number];
const out = fc.option(fc.constantFrom(...OUT_KINDS), { nil: undefined });

interface Invocation {
  args: string[];
  out?: OutKind;
  ext: string;
}

const varySpec = fc.tuple(fc.constantFrom('params', 'time_s', 'temperature_K', 'tokens', 'erasure_error', 'bogus', 'workload'), value(['1e9', '1e3', '0.1']), value(['1e12', '1e7', '0.3']), fc.constantFrom('', ':log', ':log:5', ':3', ':0', ':1e9', ':abc')).map(([k, a, b, o]) => `${k}=${a}..${b}${o}`);

const invocation: fc.Arbitrary<Invocation> = fc.oneof(
  fc.tuple(fc.constantFrom<string[][]>([], ['--json'], ['--csv'], ['--explain'], ['--json', '--tradeoff']), engineFlags).map(([m, f]) => ({ args: ['estimate', ...m, ...f], ext: '' })),
  fc.tuple(engineFlags, fc.option(value(['5', '41'])), fc.option(value(['1e-3', '1'])), fc.option(value(['1e6', '1e3'])), fc.constantFrom([], ['--csv'], ['--json'])).map(([f, p, a, b, m]) => ({
    args: ['tradeoff', ...m, ...f, ...(p ? ['--points', p] : []), ...(a ? ['--from-s', a] : []), ...(b ? ['--to-s', b] : [])],
    ext: '',
  })),
  fc.tuple(fc.array(varySpec, { minLength: 1, maxLength: 2 }), engineFlags, fc.constantFrom('csv', 'jsonl', 'xml'), fc.option(value(['1000', '10'])), out).map(([v, f, fmt, mp, o]) => ({
    args: ['sweep', ...v.flatMap((s) => ['--vary', s]), ...f, '--format', fmt, ...(mp ? ['--max-points', mp] : [])],
    out: o,
    ext: '.csv',
  })),
  fc.constantFrom<string[][]>(['presets'], ['presets', 'devices'], ['presets', '__proto__'], ['presets', 'constructor'], ['presets', 'x'], ['schema']).map((args) => ({ args: [...args], ext: '' })),
  fc.tuple(fc.constantFrom('ladder', 'walls', 'tradeoff', 'size', 'nope'), engineFlags, fc.constantFrom('.json', '.svg', '.txt'), out).map(([name, f, ext, o]) => ({ args: ['figure', name, ...f], out: o ?? 'fresh', ext })),
  fc.tuple(fc.constantFrom('trap', 'stiffness', 'erase', 'kramers'), value(['50', '200']), fc.option(value(['1', '2'])), fc.option(value(['1e-3', '0.01'])), fc.constantFrom([], ['--json']), out).map(([p, n, d, dt, m, o]) => ({
    args: ['simulate', p, '--particles', n, '--threads', '1', ...m, ...(d ? ['--duration', d] : []), ...(dt ? ['--dt', dt] : [])],
    out: o,
    ext: '.txt',
  })),
  fc.tuple(fc.constantFrom('maxcut', 'ising'), fc.constantFrom('tiny.txt', 'qubo.json', 'missing.txt', 'deep.json', 'garbage.bin', '/dev/zero'), value(['10', '200']), fc.option(value(['1', '2'])), fc.option(value(['5', '100'])), fc.constantFrom([], ['--json'])).map(([cmd, file, sweeps, restarts, bk, m]) => ({
    args: ['solve', cmd, file, '--sweeps', sweeps, ...(restarts ? ['--restarts', restarts] : []), ...(bk && cmd === 'maxcut' ? ['--best-known', bk] : []), ...m],
    ext: '',
  })),
  fc.tuple(value(['8', '12', '16']), fc.option(value(['20', '4'])), fc.constantFrom([], ['--json'])).map(([bits, mem, m]) => ({ args: ['solve', 'qp', 'qp.json', '--precision-bits', bits, '--max-iterations', '20000', ...(mem ? ['--memory-bits', mem] : []), ...m], ext: '' })),
  fc.tuple(value(['3', '10']), fc.option(value(['0.3', '1'])), out).map(([n, margin, o]) => ({ args: ['solve', 'generate-qp', n, ...(margin ? ['--margin', margin] : [])], out: o, ext: '.json' })),
  fc.tuple(fc.constantFrom('G1', 'G1-G99999999', 'G0', 'G55', 'G2-G1', '__proto__'), value(['1']), value(['1e4', '2e4']), out).map(([inst, seeds, budget, o]) => ({ args: ['solve', 'bench-gset', inst, '--seeds', seeds, '--budget', budget], out: o, ext: '.json' })),
);

/** Fixtures of one run: small problem files and the hostile --out targets that must survive. */
function prepare(dir: string): void {
  mkdirSync(dir);
  writeFileSync(join(dir, 'tiny.txt'), '4 4\n1 2 1\n2 3 1\n3 4 1\n4 1 1\n');
  copyFileSync(join(ROOT, 'examples/qubo-small.json'), join(dir, 'qubo.json'));
  copyFileSync(join(ROOT, 'examples/qp-2var.json'), join(dir, 'qp.json'));
  writeFileSync(join(dir, 'deep.json'), `${'['.repeat(50000)}${']'.repeat(50000)}`);
  writeFileSync(join(dir, 'garbage.bin'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
  writeFileSync(join(dir, 'target.txt'), 'keep me\n');
  writeFileSync(join(dir, 'existing.out'), 'old\n');
  mkdirSync(join(dir, 'd'));
  symlinkSync('target.txt', join(dir, 'link'));
  spawnSync('mkfifo', [join(dir, 'fifo')]);
}

function outPath(dir: string, kind: OutKind, ext: string): string {
  switch (kind) {
    case 'fresh': return join(dir, `result${ext}`);
    case 'dir': return join(dir, 'd');
    case 'link': return join(dir, 'link');
    case 'devnull': return '/dev/null';
    case 'devfull': return '/dev/full';
    case 'fifo': return join(dir, 'fifo');
    case 'missing-folder': return join(dir, 'new', 'deeper', `result${ext}`);
    case 'proc': return `/proc/limbound${ext}`;
    case 'existing': return join(dir, 'existing.out');
  }
}

/** Type, size and link target of every entry under `dir`. */
function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      entries.set(p, s.isSymbolicLink() ? `link→${readlinkSync(p)}` : s.isDirectory() ? 'dir' : s.isFIFO() ? 'fifo' : `file:${s.size}`);
      if (s.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return entries;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], cwd: string): Promise<Outcome> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', LIMBOUND_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout.length < 1e6 ? (stdout += b) : undefined));
    child.stderr.on('data', (b) => (stderr.length < 1e6 ? (stderr += b) : undefined));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The problems of one invocation's outcome (empty when it behaved). */
function findings(inv: Invocation, target: string | undefined, r: Outcome, before: Map<string, string>, dir: string): string[] {
  const problems: string[] = [];
  if (r.status !== 0 && r.status !== 2) problems.push(`exit ${r.status} after ${r.ms} ms`);
  if (/^\s+at .+[:(]\d+:\d+\)?$/m.test(r.stderr) || /node:internal|\n\s*\^\n/.test(r.stderr)) problems.push('stack trace on stderr');
  // Warnings (one line each) may precede it; the refusal itself is exactly one `error:` line.
  const lines = r.stderr.trim().split('\n').filter((l) => l !== '' && !l.startsWith('warning: '));
  if (r.status === 2 && (lines.length !== 1 || !lines[0]!.startsWith('error: '))) problems.push(`exit 2 with ${lines.length} stderr lines`);
  if (/\bNaN\b|\bInfinity\b/.test(r.stdout) && inv.args[0] !== 'simulate') problems.push('NaN or Infinity on stdout');
  if (/"[a-z_]*_J": -\d/.test(r.stdout)) problems.push('negative energy on stdout');
  const after = snapshot(dir);
  for (const [p, kind] of after) {
    if (/\.tmp$/.test(p)) problems.push(`temporary file left: ${p}`);
    const was = before.get(p);
    if (was === undefined && p !== target && !(target && target.startsWith(`${p}/`))) problems.push(`unexpected new file ${p}`);
    if (was !== undefined && was !== kind && p !== target) problems.push(`${p} changed: ${was} → ${kind}`);
    if (was !== undefined && p === target && was !== kind && !was.startsWith('file:')) problems.push(`non-regular target ${p} replaced: ${was} → ${kind}`);
  }
  for (const p of before.keys()) if (!after.has(p)) problems.push(`${p} removed`);
  if (!lstatSync('/dev/null').isCharacterDevice()) problems.push('/dev/null replaced');
  if (r.status === 0 && target && inv.out === 'fresh' && !existsSync(target) && inv.args[0] !== 'presets') problems.push('exit 0 but the --out file is missing');
  return problems;
}

test('CLI: seeded hostile invocations end with exit 0 or 2, one clean line, and no file harmed', { timeout: 6 * 60 * 60 * 1000 }, async () => {
  const numRuns = runs(150, 0.01);
  const cases = fc.sample(fc.tuple(invocation, out), { numRuns, seed: SEED + 20 });
  const failures: string[] = [];
  let slowest = 0;
  const exits = new Map<number | null, number>();
  let index = 0;
  const worker = async () => {
    while (index < cases.length) {
      const k = index++;
      const [inv, extraOut] = cases[k]!;
      const dir = join(work, `run${k}`);
      prepare(dir);
      const kind = inv.out ?? (inv.args[0] === 'simulate' || inv.args[0] === 'sweep' ? extraOut : undefined);
      const target = kind === undefined ? undefined : outPath(dir, kind, inv.ext);
      const args = target === undefined ? inv.args : [...inv.args, '--out', target];
      const before = snapshot(dir);
      const r = await run(args, dir);
      slowest = Math.max(slowest, r.ms);
      exits.set(r.status, (exits.get(r.status) ?? 0) + 1);
      const problems = findings(inv, target, r, before, dir);
      if (problems.length) failures.push(`limbound ${args.map((a) => JSON.stringify(a.length > 60 ? `${a.slice(0, 60)}…` : a)).join(' ')}\n    ${problems.join('; ')}\n    stderr: ${r.stderr.slice(0, 300)}`);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  process.stderr.write(`cli fuzz: ${cases.length} invocations (${exits.get(0) ?? 0} exit 0, ${exits.get(2) ?? 0} exit 2), slowest ${slowest} ms, ${failures.length} findings\n`);
  assert.deepEqual(failures, [], failures.join('\n'));
});
