/**
 * One regression test per defect found by fuzzing: hangs, quadratic parsing, unbounded files, stack
 * traces on write errors, non-finite results, replaced device nodes and symlinks, late path checks,
 * temporary files and lost rows on signals, crashes, prototype keys, run-size limits, and the
 * smaller message problems. Each reproducer must end quickly with exit 0 or 2 and one clean line.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { estimate, InputError } from '../../src/index.js';
import { logTicks } from '../../src/report/figures/theme.js';
import { parseQuantity } from '../../src/model/units.js';
import { parseVary } from '../../src/model/sweep.js';
import { parseIsingInput } from '../../src/solvers/io/problem-files.js';
import { parseInstanceList } from '../../src/solvers/gset.js';
import { decimalPrefixLength, splitNumberAndUnit } from '../../src/util/number-text.js';
import { sanitize } from '../../src/util/text.js';
import { checkWork } from '../../src/cli/work.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/index.ts');
/** tsx by absolute URL: the CLI runs with its working directory in a temporary folder. */
const TSX = import.meta.resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'limbound-regress-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], options: { stdout?: number | 'pipe' } = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60000,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

/** Exit 2 with exactly one `error: field: …` line and no stack trace. */
function refused(r: { status: number | null; stderr: string }, field: string | RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, typeof field === 'string' ? new RegExp(`^error: ${field}: `) : field);
}

function rejects(run: () => unknown, field: string): void {
  assert.throws(run, (err: unknown) => err instanceof InputError && err.field === field && !err.message.includes('\n'));
}

test('log ticks of an overflowing or empty axis end (no endless loop) and the figure refuses the input', () => {
  assert.deepEqual(logTicks([0, Infinity]), []);
  assert.deepEqual(logTicks([1e-300, 0]), []);
  // Decades 1e0..1e29 thinned to ≤ 10 ticks: every 3rd decade, as the prefixes.
  assert.deepEqual(logTicks([1, 1e29], 10), [1, 1e3, 1e6, 1e9, 1e12, 1e15, 1e18, 1e21, 1e24, 1e27]);
  refused(cli(['figure', 'size', '--time-s', '1e-300', '--out', 's.svg']), 'time_s');
  assert.ok(!existsSync(join(dir, 's.svg')));
});

test('number text is read in one pass: a 200 kB number is refused at once, not after minutes', () => {
  assert.equal(decimalPrefixLength('-12.5e-3kJ'), 8);
  assert.equal(decimalPrefixLength('.5'), 2);
  assert.equal(decimalPrefixLength('.'), 0);
  assert.equal(decimalPrefixLength('1e'), 1);
  assert.deepEqual(splitNumberAndUnit(' 30 d '), { number: 30, digits: '30', unit: 'd' });
  const long = '1'.repeat(200_000);
  const started = performance.now();
  rejects(() => parseQuantity('params', long, 'count'), 'params');
  rejects(() => parseQuantity('params', `${long}x`, 'count'), 'params');
  assert.throws(() => parseIsingInput(`2 1\n1 2 ${long}.${long}x\n`, 'f.txt', 'rudy'), InputError);
  assert.ok(performance.now() - started < 1000, 'long number strings took more than a second');
});

test('config files: non-regular files, huge files and thousands of keys are refused before parsing', () => {
  refused(cli(['estimate', '--config', '/dev/zero']), /^error: config: cannot read '\/dev\/zero': not a regular file/);
  writeFileSync(join(dir, 'many.yaml'), `version: 1\n${Array.from({ length: 40000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
  refused(cli(['estimate', '--config', 'many.yaml']), 'config');
  writeFileSync(join(dir, 'keys.yaml'), `version: 1\n${Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
  refused(cli(['estimate', '--config', 'keys.yaml']), /more than 1000 keys/);
  refused(cli(['solve', 'maxcut', '/dev/zero']), 'file');
});

test('a failed write to stdout is one line on stderr and exit 2, no stack trace', { skip: !existsSync('/dev/full') }, () => {
  const full = spawnSync('sh', ['-c', `"${process.execPath}" --import "${TSX}" "${CLI}" estimate > /dev/full`], { encoding: 'utf8', timeout: 60000 });
  assert.equal(full.status, 2, full.stderr);
  // Warnings about the result may come first; the failure itself is one line, said once.
  const lines = full.stderr.trim().split('\n').filter((l) => !l.startsWith('warning: '));
  assert.deepEqual(lines, ['error: stdout: cannot write the output: ENOSPC']);
});

test('inputs are bounded to where the model is finite; results are checked for finiteness and the floor', () => {
  rejects(() => estimate({ erasure_error: 0.4999999949359178 }), 'erasure_error');
  rejects(() => estimate({ time_s: 1e-300 }), 'time_s');
  rejects(() => estimate({ arithmetic_intensity_flop_per_byte: 1e-300 }), 'arithmetic_intensity_flop_per_byte');
  rejects(() => estimate({ batch_tokens: 1e-300 }), 'batch_tokens');
  rejects(() => estimate({ temperature_K: 1e-310 }), 'temperature_K');
  rejects(() => estimate({ workload: 'gpt-3', ops: 1e39 }), 'ops');
  // At the edges of the domain every number is finite and every row at or above the floor.
  for (const edge of [{ erasure_error: 0.4 }, { time_s: 1e-12 }, { temperature_K: 1e-3 }, { arithmetic_intensity_flop_per_byte: 1e-6 }, { temperature_K: 1e4, time_s: 1e20 }]) {
    const r = estimate(edge, { tradeoff: { points: 5 } });
    const floor = r.rows[0]!.energy_J;
    assert.ok(floor > 0);
    for (const row of r.rows) {
      assert.ok(Number.isFinite(row.energy_J) && row.energy_J >= 0, `${row.id} at ${JSON.stringify(edge)}`);
      if (row.kind !== 'measured') assert.ok(row.energy_J >= floor * (1 - 1e-9), `${row.id} below the floor at ${JSON.stringify(edge)}`);
    }
  }
  refused(cli(['tradeoff', '--from-s', '1e308']), 'from-s');
  writeFileSync(join(dir, 'q.json'), readFileSync(join(ROOT, 'examples/qp-2var.json')));
  refused(cli(['solve', 'qp', 'q.json', '--memory-bits', '1', '--precision-bits', '16']), 'memory_bits');
});

test('--out never replaces a device node, a symlink or a directory, and is checked before any work', () => {
  writeFileSync(join(dir, 'target.txt'), 'keep\n');
  symlinkSync('target.txt', join(dir, 'link'));
  mkdirSync(join(dir, 'outdir'));
  for (const args of [
    ['sweep', '--vary', 'params=1e9..1e12:log:4'],
    ['simulate', 'trap', '--particles', '10', '--threads', '1'],
    ['solve', 'generate-qp', '3'],
    ['solve', 'bench-gset', 'G1', '--seeds', '1', '--budget', '1e4'],
  ]) {
    for (const [target, why] of [['link', /symbolic link/], ['/dev/null', /device node/], ['outdir', /directory/]] as const) {
      const r = cli([...args, '--out', target]);
      refused(r, new RegExp(`^error: out: cannot write '${target}': .*${why.source}`));
      assert.doesNotMatch(r.stderr, /G1:|particles finished/, 'the run started before the path was checked');
    }
  }
  assert.ok(lstatSync(join(dir, 'link')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'target.txt'), 'utf8'), 'keep\n');
  assert.ok(lstatSync('/dev/null').isCharacterDevice());
  assert.deepEqual(readdirSync(join(dir, 'outdir')), []);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
  test(`${signal} during a sweep keeps the finished rows under the final name, leaves no temporary file, exits 130`, async () => {
    const out = join(dir, `sweep-${signal}.csv`);
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'sweep', '--vary', 'params=1e9..1e15:log:1000', '--vary', 'time_s=1e3..1e7:log:1000', '--max-points', '1e6', '--out', out], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    // Wait for the first row to be written (the temporary file grows), then signal.
    await new Promise<void>((ready) => {
      const poll = setInterval(() => {
        const tmp = readdirSync(dir).find((f) => f.startsWith(`.sweep-${signal}.csv.`));
        if (tmp && lstatSync(join(dir, tmp)).size > 2000) {
          clearInterval(poll);
          ready();
        }
      }, 50);
    });
    child.kill(signal);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(status, 130, stderr);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    assert.ok(rows.length > 2, 'no rows kept');
    assert.match(stderr, new RegExp(`${rows.length - 1} of 1000000 points written`));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes(`sweep-${signal}`) && f.endsWith('.tmp')), []);
  });
}

test('crashes: --best-known 0, a problem nested 100k deep, BigInt / circular / prototype-less library input', () => {
  refused(cli(['solve', 'maxcut', join(ROOT, 'data/gset/G1.txt'), '--best-known', '0', '--sweeps', '10']), '--best-known');
  assert.throws(() => parseIsingInput(`${'['.repeat(100000)}${']'.repeat(100000)}`, 'deep.json', 'json'), (e: unknown) => e instanceof InputError && /nested 100000 levels/.test(e.message));
  const circular: Record<string, unknown> = {};
  circular.params = circular;
  rejects(() => estimate({ params: 10n } as never), 'params');
  rejects(() => estimate(circular as never), 'params');
  rejects(() => estimate({ params: Object.create(null) } as never), 'params');
  rejects(() => estimate({ workload: Object.create(null) } as never), 'workload');
  rejects(() => estimate({ version: 2n } as never), 'version');
  assert.equal(estimate(Object.create(null)).rows.length > 0, true);
});

test('prototype keys are refused in configs, library input and catalog names', () => {
  writeFileSync(join(dir, 'proto.yaml'), 'version: 1\n__proto__: {params: 12345}\n');
  refused(cli(['estimate', '--config', 'proto.yaml']), /^error: config: proto\.yaml: key '__proto__'/);
  rejects(() => estimate({ constructor: 5 } as never), 'constructor');
  rejects(() => estimate(JSON.parse('{"__proto__": {"params": 12345}}')), '__proto__');
  refused(cli(['presets', '__proto__']), 'catalog');
});

test('run-size limits: a long run is refused up front with its estimated time, and --max-work raises the limit', () => {
  const sim = cli(['simulate', 'trap', '--particles', '1e9']);
  refused(sim, /^error: max-work: this run is 1e9 particles × 1,?000 steps = 1e12 particle-steps, about .* h .*--max-work 1e12/);
  refused(cli(['solve', 'maxcut', join(ROOT, 'data/gset/G1.txt'), '--sweeps', '1e9']), /^error: max-work: this run is 800 spins × 1e9 sweeps × 1 restarts = 8e11 flip attempts, about 2\.22 h/);
  // A 2-variable QP: Q has 4 stored entries, so each iteration is 4 + 2 = 6 multiply-adds.
  writeFileSync(join(dir, 'qp2.json'), JSON.stringify({ Q: [[2, 0.5], [0.5, 1]], b: [1, -1], l: -10, u: 10 }));
  refused(cli(['solve', 'qp', 'qp2.json', '--precision-bits', '10', '--max-iterations', '1e12']), /^error: max-work: this run is up to 1e12 iterations \(--max-iterations\) × 6 multiply-adds = 6e12 multiply-adds, about 1\.67 h .*--max-work 6e12/);
  refused(cli(['solve', 'qp', 'qp2.json', '--precision-bits', '10', '--max-work', '1e3']), /^error: max-work: .*the limit is 1,?000 /);
  assert.throws(() => parseInstanceList(['G1-G99999999']), InputError);
  const estimateOnly = { units: 2e12, unit: 'steps', detail: '2e12 steps', perSecond: 1e9, defaultLimit: 1e12 };
  assert.throws(() => checkWork(estimateOnly, undefined), /about 33\.3 min/);
  assert.equal(checkWork(estimateOnly, '2e12'), 2000);
});

test('smaller: sanitized echoes, every sweep point checked first, three dots refused, one exit code for interrupts, messages', () => {
  assert.equal(sanitize('a\u001b[31mb\nc'), 'a\\x1b[31mb\\nc');
  assert.match(sanitize('x'.repeat(2_000_000)), /^x{80}… \(2000000 characters\)$/);
  const escape = cli(['estimate', '--params', `\u001b[2J${'9'.repeat(2_000)}`]);
  refused(escape, 'params');
  assert.ok(!escape.stderr.includes('\u001b') && escape.stderr.length < 400);
  // An interior point (erasure_error = 0.3 at the middle, with n_eff above N) is bad; nothing is written.
  const bad = cli(['sweep', '--vary', 'n_eff_bits=1..64:3', '--precision-bits', '16', '--out', 'bad.csv']);
  refused(bad, /^error: n_eff_bits: .*at grid point \{"n_eff_bits":32\.5\}/);
  assert.ok(!existsSync(join(dir, 'bad.csv')));
  assert.throws(() => parseVary('params=1e9...1e15'), /more than two dots/);
  assert.equal(parseVary('params=1e9..1e15:log:7').to, 1e15);
  rejects(() => estimate({ kind: 'optimizer', convergence: 'linear' }), 'convergence_rate');
  const adjusted = cli(['tradeoff', '--to-s', '1e-3', '--csv']);
  assert.equal(adjusted.status, 0);
  assert.match(adjusted.stderr, /^warning: to-s: the span is at least one decade; it ends at/);
});
