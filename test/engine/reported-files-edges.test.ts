/**
 * Edges of the measurement-file readers (CodeCarbon emissions.csv, nvidia-smi power logs): empty files,
 * blank and missing fields, zero and negative readings, the optional duration column, the GPU id columns,
 * repeated headers, equal timestamps, fractional seconds and month ends — energies worked out by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, parseReportedFile } from '../../src/model/reported-files.js';
import { InputError } from '../../src/util/errors.js';

function rejects(f: () => unknown, message: RegExp) {
  assert.throws(f, (err: unknown) => err instanceof InputError && err.field === 'reported_file' && message.test(err.message), String(message));
}
const parse = (text: string) => parseReportedFile(text, 'f.csv');

test('an empty file is refused whichever way its format is chosen', () => {
  rejects(() => detectFormat('', 'f.csv'), /^reported_file: f\.csv: the file is empty$/);
  rejects(() => parseReportedFile('\n \n', 'f.csv', 'codecarbon'), /f\.csv: the file is empty$/);
  rejects(() => parseReportedFile('', 'f.csv', 'nvidia-smi'), /f\.csv: the file is empty$/);
});

test('CodeCarbon: whitespace-only lines are skipped; one run without a duration column', () => {
  // 0.5 kWh = 1.8e6 J; the method says "1 run" and, with no duration column, nothing about time tracked.
  const m = parse('run_id,energy_consumed\nr1,0.5\n   \n');
  assert.equal(m.energy_J, 1.8e6);
  assert.equal(m.method, 'CodeCarbon emissions.csv (f.csv): energy_consumed (CPU + GPU + RAM) summed over 1 run');
  // With a duration column: 3600.4 s rounds to 3600.
  assert.match(parse('run_id,duration,energy_consumed\nr1,3600.4,0.5\n').method, /summed over 1 run, 3600 s tracked$/);
});

test('CodeCarbon: without a run_id column every row is a run of its own', () => {
  // 0.25 + 0.5 kWh = 0.75 kWh = 2.7e6 J over 2 runs.
  const m = parse('energy_consumed\n0.25\n0.5\n');
  assert.equal(m.energy_J, 2.7e6);
  assert.match(m.method, /summed over 2 runs$/);
});

test('CodeCarbon: a missing, blank or negative energy is refused; zero is a reading', () => {
  rejects(() => parse('run_id,duration,energy_consumed\nr1,10\n'), /f\.csv:2: missing energy_consumed \(expected 3 fields, got 2\)$/);
  rejects(() => parse('run_id,energy_consumed\nr1,\n'), /f\.csv:2: energy_consumed '' is not a non-negative number$/);
  rejects(() => parse('run_id,energy_consumed\nr1,-0.5\n'), /f\.csv:2: energy_consumed '-0.5' is not a non-negative number$/);
  assert.equal(parse('run_id,energy_consumed\nr1,0\n').energy_J, 0);
});

test('nvidia-smi: the timestamp column may come anywhere; fractional seconds are milliseconds', () => {
  // 100 W from 10:00:00.000 to 10:00:01.500: 150 J, over 1.5 s (printed "2 s" rounded).
  const m = parse('index, timestamp, power.draw [W]\n0, 2024/05/02 10:00:00.000, 100 W\n0, 2024/05/02 10:00:01.500, 100 W\n');
  assert.equal(m.energy_J, 150);
  assert.equal(m.method, 'nvidia-smi power.draw (f.csv) integrated over time by the trapezoid rule: 1 GPU, 2 s');
});

test('nvidia-smi: a timestamp is read across a month end (February 2023 has 28 days)', () => {
  // 2023-02-28 23:59:59 → 2023-03-01 00:00:01 is 2 s: 100 W × 2 s = 200 J.
  assert.equal(parse('timestamp, power.draw [W]\n2023/02/28 23:59:59, 100 W\n2023-03-01T00:00:01, 100 W\n').energy_J, 200);
});

test('nvidia-smi: a timestamp with text before or after it is refused', () => {
  rejects(() => parse('timestamp, power.draw [W]\nx2024/05/02 10:00:00, 10 W\n2024/05/02 10:00:01, 10 W\n'), /f\.csv:2: timestamp 'x2024\/05\/02 10:00:00'/);
  rejects(() => parse('timestamp, power.draw [W]\n2024/05/02 10:00:00 UTC, 10 W\n2024/05/02 10:00:01, 10 W\n'), /f\.csv:2: timestamp '2024\/05\/02 10:00:00 UTC'/);
});

test('nvidia-smi: GPUs told apart by a uuid or a pci.bus_id column, whatever their timestamps', () => {
  // GPU a: 100 W over 1 s = 100 J; GPU b: 300 W over 1 s = 300 J; their samples interleave half a second apart.
  for (const id of ['uuid', 'pci.bus_id']) {
    const text = `timestamp, ${id}, power.draw [W]\n` +
      '2024/05/02 10:00:00.0, a, 100 W\n2024/05/02 10:00:00.5, b, 300 W\n2024/05/02 10:00:01.0, a, 100 W\n2024/05/02 10:00:01.5, b, 300 W\n';
    const m = parse(text);
    assert.equal(m.energy_J, 400, id);
    assert.match(m.method, /: 2 GPUs, 1 s$/, id);
  }
});

test('nvidia-smi: a repeated header is skipped; equal timestamps of one GPU are allowed', () => {
  // GPU 0: 100 W at 10:00:00 twice, then 10:00:02: 0 J + 200 J.
  const text = 'timestamp, index, power.draw [W]\n2024/05/02 10:00:00, 0, 100 W\n' +
    'timestamp, index, power.draw [W]\n2024/05/02 10:00:00, 0, 100 W\n2024/05/02 10:00:02, 0, 100 W\n';
  assert.equal(parse(text).energy_J, 200);
});

test('nvidia-smi: without an id column the n-th line of a timestamp is gpu n; a header alone has no samples', () => {
  // Two GPUs at 10:00:00, only the first again at 10:00:01: gpu 1 (line 3) has one sample.
  rejects(() => parse('timestamp, power.draw [W]\n2024/05/02 10:00:00, 10 W\n2024/05/02 10:00:00, 20 W\n2024/05/02 10:00:01, 10 W\n'), /f\.csv:3: gpu 1 has one sample/);
  rejects(() => parse('timestamp, power.draw [W]\n'), /^reported_file: f\.csv: no samples after the header$/);
  rejects(() => parse('timestamp, power.draw [W]\ntimestamp, power.draw [W]\n'), /f\.csv: no samples after the header$/);
});
