/** The CLI end to end with reported-energy files (kept apart from the in-process parser tests, which the mutation run uses). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reported');
const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');
const limbound = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });

test('CLI: "I measured 50 MWh, where does it sit?", a CodeCarbon file and an nvidia-smi log', () => {
  const fifty = limbound('estimate', '--params', '7e9', '--tokens', '2e12', '--accelerator', 'a100', '--reported-energy', '50 MWh');
  assert.equal(fifty.status, 0, fifty.stderr);
  assert.match(fifty.stdout, /Reported: your run \(system boundary\) +reported +180 GJ +50 MWh/);
  assert.match(fifty.stdout, /orders above the floor; 1\.67× the best-case accelerator row \(implied utilisation 59\.8 %\)/);
  // A changed brain-scale preset is custom, and says so on stderr.
  assert.match(fifty.stdout, /^Custom training workload \(7e9 parameters\)/);
  assert.match(fifty.stderr, /^warning: custom workload: params, tokens changed from preset 'brain-scale'/m);

  const codecarbon = limbound('estimate', '--workload', 'llama-2-7b', '--reported-file', join(FIXTURES, 'emissions.csv'), '--json');
  assert.equal(codecarbon.status, 0, codecarbon.stderr);
  const doc = JSON.parse(codecarbon.stdout);
  const reported = doc.rows.filter((r: { id: string }) => r.id === 'reported');
  assert.equal(reported.length, 1, 'the file replaces the preset report');
  assert.ok(Math.abs(reported[0].energy_J - 1.9176 * 3.6e6) < 1e-3);
  assert.ok(Array.isArray(doc.warnings));

  // A small run: 1e6 parameters on 1e8 tokens (floor 6e14 FLOP × 32 bit × kT·ln2 = 55 mJ, below the log's 1650 J).
  const smi = limbound('estimate', '--params', '1e6', '--tokens', '1e8', '--reported-file', join(FIXTURES, 'nvidia-smi.csv'), '--reported-format', 'nvidia-smi', '--csv');
  assert.equal(smi.status, 0, smi.stderr);
  assert.match(smi.stdout, /^id,.*,orders_above_floor,boundary,ratio_to_best_case_accelerator,implied_utilisation$/m);
  assert.match(smi.stdout, /^reported,Reported: your run \(gpu boundary\),reported,,,,,1650,[^,]+,[^,]+,gpu,[^,]+,[^,]+$/m);

  const bad = limbound('estimate', '--reported-file', join(FIXTURES, 'nvidia-smi-bad.csv'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^error: reported_file: .*nvidia-smi-bad\.csv:3: power\.draw '\[N\/A\]' is not a non-negative number\n$/);
  const format = limbound('estimate', '--reported-file', join(FIXTURES, 'emissions.csv'), '--reported-format', 'excel');
  assert.equal(format.status, 2);
  assert.match(format.stderr, /^error: reported_format: unknown format 'excel' \(allowed: codecarbon, nvidia-smi\)\n$/);
});
