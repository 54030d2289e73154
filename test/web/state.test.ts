/**
 * The page's input state without a browser: URL encoding round trips (property test), and each bad
 * field gets the same message the CLI prints for it, while good values pass through to the engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkValues, queryFromValues, valuesFromQuery, type FormValues } from '../../web/src/state.js';
import { FIELD_KEYS } from '../../src/model/schema.js';

const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

test('URL encoding round-trips any values, in field order, skipping empty ones', () => {
  const value = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.length > 0);
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom(...FIELD_KEYS), value), (values: FormValues) => {
      const query = queryFromValues(values);
      const back = valuesFromQuery(query);
      assert.deepEqual(back.unknown, []);
      assert.deepEqual(back.values, { ...values });
      const keys = [...new URLSearchParams(query).keys()];
      assert.deepEqual(keys, FIELD_KEYS.filter((k) => k in values));
    }),
    { numRuns: 300 },
  );
  assert.equal(queryFromValues({ params: '  ', workload: 'gpt-3' }), '?workload=gpt-3');
  assert.equal(queryFromValues({ time_s: '30 d' }), '?time_s=30+d');
  assert.deepEqual(valuesFromQuery('?params=1e12&colour=red'), { values: { params: '1e12' }, unknown: ['colour'] });
});

test('every bad field gets its own message, the one the CLI prints', () => {
  const checked = checkValues({ params: '-5', time_s: '3 dys', workload: 'gpt-3' });
  assert.equal(checked.input, undefined);
  assert.deepEqual(Object.keys(checked.errors).sort(), ['params', 'time_s']);
  for (const [flag, key, value] of [['--params', 'params', '-5'], ['--time-s', 'time_s', '3 dys']] as const) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'estimate', flag, value], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(`error: ${key}: ${checked.errors[key]}`, r.stderr.trim());
  }
});

test('cross-field rules are reported on their field; good values reach the engine as SI numbers', () => {
  assert.match(checkValues({ precision_bits: '8', n_eff_bits: '16' }).errors.n_eff_bits ?? '', /must be ≤ precision_bits \(8\)/);
  assert.match(checkValues({ workload: 'gpt-3', iterations: '5' }).errors.iterations ?? '', /applies to optimizer workloads only/);
  const ok = checkValues({ workload: 'GPT-3', params: '7e10', time_s: '21 d' });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.input, { workload: 'gpt-3', params: 7e10, time_s: 21 * 86400 });
});
