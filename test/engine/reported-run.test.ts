/**
 * The `reported` row's figure from the user's inputs (docs/model.md §3, "reported"): one source of the
 * figure at a time, GPU-hours needing both of their inputs, the method line with and without PUE, and
 * the citations a preset's report carries while the user's own run carries none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportedRun } from '../../src/model/reported.js';
import { validateInput } from '../../src/model/index.js';
import { findWorkload } from '../../src/data/index.js';
import { InputError } from '../../src/util/errors.js';

const custom = findWorkload('custom')!;
const file = { energy_J: 5e6, boundary: 'gpu' as const, method: 'from a file' };

const failsWith = (f: () => unknown, field: string, message: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.field === field && message.test(e.message), `expected ${field}: ${message}`);

test('a reported energy and a measurement file together are refused, naming the file', () => {
  failsWith(() => reportedRun(validateInput({ reported_energy_J: 1e6 }), custom, file), 'reported_file', /got reported_energy_J and reported_file/);
  failsWith(() => reportedRun(validateInput({ gpu_hours: 10, gpu_power_W: 700 }), custom, file), 'reported_file', /got gpu_hours and reported_file/);
  // The file alone is the figure, with its own boundary and method.
  assert.deepEqual(reportedRun(validateInput({}), custom, file), {
    label: 'Reported: your run (gpu boundary)', energy_J: 5e6, boundary: 'gpu', method: 'from a file', citations: [], origin: 'input',
  });
});

test('GPU-hours and GPU power need each other; the error names the missing one and the one given', () => {
  failsWith(() => reportedRun(validateInput({ gpu_power_W: 700 }), custom), 'gpu_hours', /^gpu_hours: is needed with gpu_power_W:/);
  failsWith(() => reportedRun(validateInput({ gpu_hours: 10 }), custom), 'gpu_power_W', /^gpu_power_W: is needed with gpu_hours:/);
});

test('GPU-hours × power: the method names PUE only when it is above 1', () => {
  // 10 h × 700 W = 7000 Wh = 2.52e7 J; × PUE 1.5 = 3.78e7 J, facility boundary.
  const plain = reportedRun(validateInput({ gpu_hours: 10, gpu_power_W: 700 }), custom)!;
  assert.equal(plain.energy_J, 2.52e7);
  assert.equal(plain.boundary, 'gpu');
  assert.equal(plain.method, 'GPU-hours × power (10 h × 700 W; host not included)');
  const withPue = reportedRun(validateInput({ gpu_hours: 10, gpu_power_W: 700, pue: 1.5 }), custom)!;
  assert.ok(Math.abs(withPue.energy_J - 3.78e7) < 1e-6);
  assert.equal(withPue.boundary, 'facility');
  assert.equal(withPue.method, 'GPU-hours × power × PUE (10 h × 700 W × 1.5; host not included)');
  assert.deepEqual(withPue.citations, []);
});

test("a preset's reported run cites its source; the user's figure cites nothing", () => {
  const llama = reportedRun(validateInput({}), findWorkload('llama-3.1-8b')!)!;
  assert.equal(llama.origin, 'preset');
  assert.deepEqual(llama.citations, ['metaLlama31']); // the Llama 3.1 model card
  const mine = reportedRun(validateInput({ reported_energy_J: 1e6 }), custom)!;
  assert.deepEqual(mine.citations, []);
  assert.equal(mine.method, 'reported by the user (boundary not given: system assumed)');
});
