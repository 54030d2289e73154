/**
 * The one-line errors of input validation: the document's shape, prototype keys, version, text and
 * choice fields, inclusive and exclusive range ends, and the "did you mean" suggestion's edit distance and cut-off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
// The engine's index registers the catalogues (workload, accelerator and device ids) as it loads.
import { inputJsonSchema, suggestFrom, validateInput } from '../../src/model/index.js';
import { InputError } from '../../src/util/errors.js';

const failsWith = (f: () => unknown, field: string, message: string | RegExp) =>
  assert.throws(
    f,
    (e: unknown) => e instanceof InputError && e.field === field && (typeof message === 'string' ? e.message === message : message.test(e.message)),
    `expected an error naming ${field}`,
  );

test('a document must be an object; prototype keys are refused by name', () => {
  for (const raw of [null, 'params', []]) failsWith(() => validateInput(raw), 'input', 'input: expected an object of input keys');
  failsWith(() => validateInput(null, 'run.yaml'), 'run.yaml', 'run.yaml: expected an object of input keys');
  for (const key of ['__proto__', 'constructor']) {
    failsWith(() => validateInput(JSON.parse(`{"${key}": 1}`)), key, `${key}: is not an input key (prototype keys are refused)`);
  }
});

test('version 1 is accepted, null values are left out, text is trimmed to one line of 1 to 120 characters', () => {
  assert.deepEqual(validateInput({ version: 1, params: 5 }), { params: 5 });
  assert.deepEqual(validateInput({ params: null, name: '  my run  ' }), { name: 'my run' });
  assert.deepEqual(validateInput({ name: 'x'.repeat(120) }), { name: 'x'.repeat(120) });
  for (const bad of ['', '   ', 'x'.repeat(121), 'a\u0001b']) {
    failsWith(() => validateInput({ name: bad }), 'name', /^name: must be text of 1 to 120 characters on one line, got '/);
  }
});

test('choices: the value is quoted when it is text, a suggestion only for text', () => {
  failsWith(() => validateInput({ kind: 'bogus' }), 'kind', "kind: unknown value 'bogus' (allowed: training, optimizer)");
  failsWith(() => validateInput({ accelerator: 'h10' }), 'accelerator', /^accelerator: unknown value 'h10' \(did you mean 'h100'\?\) \(allowed: /);
  // A number one edit from 'h100' is still not text: no suggestion.
  failsWith(() => validateInput({ accelerator: 100 }), 'accelerator', /^accelerator: unknown value 100 \(allowed: /);
});

test('range ends: mfu ≤ 1 includes 1, ρ < 1 excludes it; a value outside gets the range in the message', () => {
  assert.deepEqual(validateInput({ mfu: 1 }), { mfu: 1 });
  failsWith(() => validateInput({ mfu: 2 }), 'mfu', 'mfu: must be ≥ 1e-6 and ≤ 1, got 2');
  // ρ < 1 excludes 1 itself (a contraction by 1 never converges); just below it is allowed.
  assert.deepEqual(validateInput({ convergence_rate: 0.99 }), { convergence_rate: 0.99 });
  failsWith(() => validateInput({ convergence_rate: 1 }), 'convergence_rate', 'convergence_rate: must be > 0 and < 1, got 1');
  // The JSON Schema declares the whole-number field as an integer.
  const schema = inputJsonSchema() as { properties: Record<string, { anyOf: { type: string }[] }> };
  assert.equal(schema.properties.precision_bits!.anyOf[0]!.type, 'integer');
});

test('suggestions: the first of equally close options, within max(2, ⌊length/3⌋) edits, counting every letter', () => {
  // 'ab' is one substitution from both; the first listed wins.
  assert.equal(suggestFrom('ab', ['ax', 'ay']), " (did you mean 'ax'?)");
  // 4 letters: up to max(2, 1) = 2 edits.
  assert.equal(suggestFrom('abcd', ['abxy']), " (did you mean 'abxy'?)");
  // 9 letters: up to max(2, 3) = 3 edits.
  assert.equal(suggestFrom('abcdefghi', ['abcdefxyz']), " (did you mean 'abcdefxyz'?)");
  // 6 letters, all 6 different: beyond max(2, 2).
  assert.equal(suggestFrom('zzzzzz', ['abcdef']), '');
  // 'abcz' is one edit from 'abcd' (substitute) and from 'abc' (delete): the first wins.
  assert.equal(suggestFrom('abcz', ['abcd', 'abc']), " (did you mean 'abcd'?)");
});
