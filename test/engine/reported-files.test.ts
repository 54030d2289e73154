/**
 * Your run on the ladder from its measurement files: small fixtures written from the documented
 * column formats (CodeCarbon's emissions.csv; nvidia-smi --query-gpu=timestamp,power.draw --format=csv),
 * energies worked out by hand (the CLI end to end: reported-files-cli.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, parseReportedFile, splitCsvLine } from '../../src/model/reported-files.js';
import { InputError } from '../../src/util/errors.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reported');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function rejectsLine(text: string, pattern: RegExp) {
  assert.throws(() => parseReportedFile(text, 'f.csv'), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.field, 'reported_file');
    assert.ok(!err.message.includes('\n'));
    assert.match(err.message, pattern);
    return true;
  });
}

test('CSV lines: quoted commas and doubled quotes', () => {
  assert.deepEqual(splitCsvLine('a, "b, c" ,"say ""hi""",'), ['a', 'b, c', 'say "hi"', '']);
});

test('CodeCarbon: the largest energy_consumed per run_id, summed over runs (kWh → J), system boundary', () => {
  const m = parseReportedFile(read('emissions.csv'), 'emissions.csv');
  // Run 1 was written twice (0.3271 then 0.6542 kWh, cumulative); run 2 once (1.2634 kWh).
  assert.equal(detectFormat(read('emissions.csv'), 'e'), 'codecarbon');
  assert.ok(Math.abs(m.energy_J - (0.6542 + 1.2634) * 3.6e6) < 1e-6);
  assert.equal(m.boundary, 'system');
  assert.match(m.method, /2 runs, 10800 s/);
});

test('nvidia-smi: per-GPU trapezoid integration of power over time', () => {
  // GPU 0: 300 → 400 W over 1 s, then 400 W for 2 s: 350 + 800 = 1150 J.
  // GPU 1: 100 W for 1 s, then 100 → 300 W over 2 s: 100 + 400 = 500 J.
  const m = parseReportedFile(read('nvidia-smi.csv'), 'nvidia-smi.csv');
  assert.equal(m.energy_J, 1650);
  assert.equal(m.boundary, 'gpu');
  assert.match(m.method, /2 GPUs, 3 s/);
  // With an index column and --format=csv,nounits: two GPUs at 250.5 W for 10 s (the second's clock 12 ms later).
  const n = parseReportedFile(read('nvidia-smi-index-nounits.csv'), 'x.csv');
  assert.ok(Math.abs(n.energy_J - 2 * 250.5 * 10) < 1e-9, String(n.energy_J));
});

test('malformed files: one line naming the file and line', () => {
  rejectsLine(read('nvidia-smi-bad.csv'), /^reported_file: f\.csv:3: power\.draw '\[N\/A\]'/);
  rejectsLine('timestamp, power.draw [W]\n2024/05/02 10:00:00, 10 W\n2024/05/02 09:00:00, 10 W\n', /f\.csv:3: .*goes back in time/);
  rejectsLine('timestamp, power.draw [W]\nyesterday, 10 W\n', /f\.csv:2: timestamp 'yesterday'/);
  rejectsLine('timestamp, power.draw [W]\n2024/05/02 10:00:00, 10 W\n', /f\.csv:2: gpu 0 has one sample/);
  rejectsLine('run_id,energy_consumed\nr1,abc\n', /f\.csv:2: energy_consumed 'abc'/);
  rejectsLine('run_id,energy_consumed\n', /no data rows/);
  rejectsLine('a,b\n1,2\n', /f\.csv:1: cannot tell the format/);
  assert.throws(() => parseReportedFile('run_id,duration\nr,1\n', 'f.csv', 'codecarbon'), /f\.csv:1: no energy_consumed column/);
});
