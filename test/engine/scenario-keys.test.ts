/**
 * Scenario keys, combinations, labels and bands, in process: the key list as typed, the combination
 * count as a product of the catalog sizes, each scenario's row matched to its own point value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCENARIO_KEYS, parseScenarioKeys, scenarioBands, scenarioInputs, scenarioLabel } from '../../src/model/scenarios.js';
import type { EstimateResult } from '../../src/model/estimate.js';
import type { UncertaintySummary } from '../../src/model/uncertainty.js';
import { InputError } from '../../src/util/errors.js';

const refuses = (text: string, message: RegExp) =>
  assert.throws(() => parseScenarioKeys(text), (e: unknown) => e instanceof InputError && e.field === 'scenarios' && message.test(e.message), text);

test('the default scenarios are the two modelling choices, not hardware', () => {
  assert.deepEqual([...DEFAULT_SCENARIO_KEYS], ['ops_convention', 'cell']);
});

test('keys are trimmed, empty entries skipped, each checked once', () => {
  assert.deepEqual(parseScenarioKeys(' cell , ops_convention '), ['cell', 'ops_convention']);
  assert.deepEqual(parseScenarioKeys('cell,,'), ['cell']);
  refuses(' , ', /^scenarios: expected KEY/);
  refuses('cell,colour', /unknown choice 'colour'/);
  refuses('cell,ops_convention,cell', /named twice/);
});

test('the combination count is the product of the choices, at most 64', () => {
  // accelerator (12 ids) · accelerator_precision (6) = 72 > 64; device (8) · accelerator_precision (6) = 48.
  refuses('accelerator,accelerator_precision', /^scenarios: 72 combinations; at most 64/);
  assert.deepEqual(parseScenarioKeys('device,accelerator_precision'), ['device', 'accelerator_precision']);
  // ops_convention (3) · cell (2) · device (8) = 48; with accelerator (12) instead of device: 72.
  assert.equal(parseScenarioKeys('ops_convention,cell,device').length, 3);
  refuses('ops_convention,cell,accelerator', /^scenarios: 72 combinations/);
});

test('every combination carries its choices into its input, first key slowest; the label lists them', () => {
  const list = scenarioInputs({ params: 5 }, ['cell', 'ops_convention']);
  assert.deepEqual(list.map((s) => scenarioLabel(s.scenario)), [
    'cell=binary, ops_convention=flop',
    'cell=binary, ops_convention=sample',
    'cell=binary, ops_convention=step',
    'cell=analog, ops_convention=flop',
    'cell=analog, ops_convention=sample',
    'cell=analog, ops_convention=step',
  ]);
  assert.deepEqual(list[4]!.input, { params: 5, cell: 'analog', ops_convention: 'sample' });
  assert.deepEqual(scenarioInputs({ params: 5 }, []), [{ scenario: {}, input: { params: 5 } }]);
});

test('a scenario\'s bands sit beside the point value of the same row, whatever the row order', () => {
  const point = { rows: [{ id: 'lim', energy_J: 2 }, { id: 'landauer', energy_J: 1 }] } as unknown as EstimateResult;
  const summary = {
    rows: [
      { id: 'landauer', energy_J_p05: 0.5, energy_J_p50: 1.1, energy_J_p95: 3 },
      { id: 'lim', energy_J_p05: 1, energy_J_p50: 2.2, energy_J_p95: 9 },
    ],
    claims: { lim_over_floor: { p05: 1, p50: 2, p95: 3 } },
    probabilities: { lim_within_one_order_of_floor: 0.25 },
    ranges: [{}, {}, {}],
  } as unknown as UncertaintySummary;
  const bands = scenarioBands({ cell: 'analog' }, point, summary);
  assert.deepEqual(bands, {
    scenario: { cell: 'analog' },
    rows: [
      { id: 'landauer', energy_J: 1, energy_J_p05: 0.5, energy_J_p50: 1.1, energy_J_p95: 3 },
      { id: 'lim', energy_J: 2, energy_J_p05: 1, energy_J_p50: 2.2, energy_J_p95: 9 },
    ],
    claims: { lim_over_floor: { p05: 1, p50: 2, p95: 3 } },
    probabilities: { lim_within_one_order_of_floor: 0.25 },
    ranges: 3,
  });
});
