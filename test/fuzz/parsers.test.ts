/**
 * Fuzzing the config reader and the problem-file parsers with random and adversarial documents (alias
 * bombs, deep nesting, many keys, long numbers, prototype keys, binary): each document is read into a
 * value or refused with one InputError, quickly, and a prototype key never reaches the input.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { inputFromOptions } from '../../src/cli/input-options.js';
import { parseIsingInput, parseBoxQP } from '../../src/solvers/io/problem-files.js';
import { InputError } from '../../src/util/errors.js';
import { runs, SEED } from './settings.js';

const dir = mkdtempSync(join(tmpdir(), 'limbound-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Longest a single document may take to be read or refused (generous: the machine may be shared). */
const MAX_MS = 2000;

function expectCleanly(run: () => unknown, what: string): unknown {
  const started = performance.now();
  let value: unknown;
  try {
    value = run();
  } catch (err) {
    assert.ok(err instanceof InputError, `${what}: not an InputError: ${(err as Error)?.stack ?? String(err)}`);
    assert.ok(!/[\n\r]/.test(err.message), `${what}: error not one line`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < MAX_MS, `${what}: took ${ms.toFixed(0)} ms`);
  return value;
}

const yamlish = fc.string({ unit: fc.constantFrom(...':{}[]-?&*!|>\'"#,\n\t 01ae._xyz<=%@`'.split('')), maxLength: 300 });
const bigNumber = fc.integer({ min: 1000, max: 60000 }).map((n) => '1'.repeat(n));
const adversarialConfig = fc.oneof(
  yamlish.map((t) => `version: 1\n${t}`),
  yamlish,
  fc.integer({ min: 2, max: 12 }).map((levels) => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return lines.join('\n');
  }),
  fc.integer({ min: 10, max: 5000 }).map((n) => `version: 1\nparams: ${'['.repeat(n)}1${']'.repeat(n)}`),
  fc.integer({ min: 10, max: 3000 }).map((n) => `version: 1\n${'a: {'.repeat(n)}${'}'.repeat(n)}`),
  fc.integer({ min: 100, max: 20000 }).map((n) => `version: 1\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}`),
  bigNumber.map((d) => `version: 1\nparams: ${d}`),
  bigNumber.map((d) => `version: 1\ntime_s: "${d}.${d} s"`),
  fc.constantFrom(
    'version: 1\n__proto__: {params: 12345}',
    '{"version": 1, "__proto__": {"params": 12345}}',
    'version: 1\nconstructor: {params: 12345}',
    'version: 1\nprototype: 5',
    'version: 1\n<<: {params: 12345}',
    'version: 1\nparams: !!js/function "x"',
    'version: 1\nparams: 1e9...1e15',
    'version: 1\nparams: "\u001b[2J1"',
  ),
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
);

test('config files: every adversarial document is read or refused cleanly, and prototype keys never apply', () => {
  let k = 0;
  fc.assert(
    fc.property(adversarialConfig, (text) => {
      const path = join(dir, `c${k++ % 8}.yaml`);
      writeFileSync(path, text, 'latin1');
      const input = expectCleanly(() => inputFromOptions({ config: path }), 'config') as Record<string, unknown> | undefined;
      if (input) assert.notEqual(input.params, 12345, 'a prototype key reached the input');
    }),
    { numRuns: runs(200, 0.05), seed: SEED + 10 },
  );
});

const token = fc.oneof(
  fc.integer({ min: -5, max: 2000 }).map(String),
  fc.double().map(String),
  fc.constantFrom('', '-', '1e400', 'NaN', '0x1', '1..2', '+', '.', '1e', '\u0000', '999999999999999999999'),
  bigNumber,
);
const edgeList = fc.tuple(fc.array(fc.array(token, { maxLength: 4 }), { maxLength: 40 }), fc.constantFrom('\n', '\r\n')).map(([rows, nl]) => rows.map((r) => r.join(' ')).join(nl));
const jsonDoc = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.record({ type: fc.constantFrom('ising', 'qubo', 'box-qp', 'x'), n: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()), couplings: fc.array(fc.array(fc.oneof(fc.integer({ min: -3, max: 60 }), fc.double()), { maxLength: 4 }), { maxLength: 20 }), terms: fc.array(fc.array(fc.integer({ min: -3, max: 60 }), { maxLength: 4 }), { maxLength: 20 }), Q: fc.array(fc.array(fc.double(), { maxLength: 4 }), { maxLength: 4 }), b: fc.array(fc.double(), { maxLength: 4 }), l: fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 4 })), u: fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 4 })) }, { requiredKeys: [] }).map((d) => JSON.stringify(d)),
  fc.integer({ min: 60, max: 100000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 60, max: 20000 }).map((n) => `{"type":"ising","n":2,"x":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
  fc.constantFrom('{"type":"ising","n":2,"couplings":[[0,1,1]],"__proto__":{"n":5}}', '{"constructor":{"prototype":1}}'),
);
const problemText = fc.oneof(edgeList, jsonDoc, fc.uint8Array({ maxLength: 1000 }).map((b) => Buffer.from(b).toString('latin1')));

test('problem files: every edge list, JSON problem or binary blob is parsed or refused cleanly', () => {
  fc.assert(
    fc.property(problemText, fc.constantFrom('rudy', 'ising', 'qubo', 'json', 'qp'), (text, format) => {
      if (format === 'qp') expectCleanly(() => parseBoxQP(text, 'p.json'), 'box-qp');
      else expectCleanly(() => parseIsingInput(text, 'p', format as 'rudy' | 'ising' | 'qubo' | 'json'), format);
    }),
    { numRuns: runs(400, 0.05), seed: SEED + 11 },
  );
});
