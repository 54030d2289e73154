/**
 * The estimate document gathers what its rows and the resolver found: the citations of every priced row
 * and of the workload, and the warnings of the resolver and of the endurance check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/model/index.js';

test('the default estimate cites the sources of every row and of the workload, once each', () => {
  const ids = estimate().citations.map((c) => c.id).sort();
  // Always: SI 2019 (constants) and Chen 2024 (the LIM model). Rows: Landauer and Bérut (floor); Aurell and
  // Proesmans (finite-time LIM); Néel and Brown (CIM retention); Ho, Samsung HBM3E, JEDEC DDR, O'Connor,
  // Rajbhandari (von Neumann rows); Mehta and Rahman (the LIM device); Yang and Horowitz (the CIM device).
  // Workload: Brown 2020 (GPT-3) and Kaplan 2020 (C ≈ 6·N·D).
  const expected = [
    'si2019', 'chen2024lim', 'landauer1961', 'berut2012', 'aurell2012', 'proesmans2020', 'neel1949', 'brown1963',
    'ho2023', 'samsungHbm3e', 'jedecDdr', 'oconnor2017', 'rajbhandari2020', 'mehta2021', 'rahman2022', 'yang2013',
    'horowitz2014', 'brown2020', 'kaplan2020',
  ].sort();
  assert.deepEqual(ids, expected);
});

test('the default estimate carries the endurance warning of its RRAM compute-in-memory device', () => {
  const { warnings } = estimate();
  // RRAM is rated for 1e12 write cycles (Yang 2013); the default run writes each cell more often than that.
  assert.equal(warnings.filter((w) => /^device endurance: the cim-device row writes each Resistive RAM .* above its endurance of 1e12 cycles/.test(w)).length, 1);
});

test('a changed parameter count is reported as a custom workload warning in the estimate', () => {
  const { warnings } = estimate({ params: 1e9 });
  assert.equal(warnings.filter((w) => w.startsWith("custom workload: params changed from preset '")).length, 1);
});
