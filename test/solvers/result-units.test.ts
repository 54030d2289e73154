/**
 * Units in the solvers' result documents, end to end through the CLI: `--temperature-K` reaches the pricing
 * (the floor's heat at 77 K is 77/300 of the heat at 300 K, and equals Σbits·k_B·77 K·ln2 typed by hand;
 * rejecting it to a 300 K ambient costs it back, ×300/77), every row's energy is the sum of its walls (plus
 * that Carnot cooling), and every row carries the run's time to solution.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
interface Row { id: string; kind: string; memory_J: number; update_J: number; consolidation_J: number; compute_J: number; energy_J: number; time_to_solution_s: number }
interface SolveDoc { counts: { update_bits: number; time_s: number }; time_to_solution_s: number; paradigms: Row[] }

function solve(...extra: string[]): SolveDoc {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), 'solve', 'qp', join(ROOT, 'examples/qp-2var.json'), '--precision-bits', '12', '--json', ...extra], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as SolveDoc;
}

test('solve … --temperature-K 77: the floor is 77/300 of the 300 K floor, and Σbits·k_B·T·ln2 by hand', () => {
  const warm = solve();
  const cold = solve('--temperature-K', '77');
  assert.deepEqual(cold.counts, warm.counts, 'the temperature prices the run; it does not change it');
  const floor = (d: SolveDoc) => d.paradigms.find((p) => p.id === 'landauer')!.update_J;
  const ratio = floor(cold) / floor(warm);
  assert.ok(Math.abs(ratio - 77 / 300) < 1e-12, `ratio ${ratio}`);
  // k_B·77 K·ln 2 = 7.368846e-22 J per changed bit.
  assert.ok(Math.abs(floor(cold) / (cold.counts.update_bits * 7.368846e-22) - 1) < 1e-6, `floor ${floor(cold)} for ${cold.counts.update_bits} bits`);
  // Every bound row scales exactly with T at fixed counts; the device and accelerator rows do not move.
  for (const id of ['landauer', 'lim']) {
    const w = warm.paradigms.find((p) => p.id === id)!.update_J;
    const c = cold.paradigms.find((p) => p.id === id)!.update_J;
    if (id === 'landauer') assert.ok(Math.abs(c / w - 77 / 300) < 1e-12, id);
    else assert.ok(c < w, id);
  }
  for (const id of ['vn-accelerator', 'lim-device', 'cim-device']) {
    assert.equal(cold.paradigms.find((p) => p.id === id)!.update_J, warm.paradigms.find((p) => p.id === id)!.update_J, id);
  }
  for (const [doc, cooling] of [[warm, 1], [cold, 300 / 77]] as const) {
    assert.equal(doc.time_to_solution_s, doc.counts.time_s);
    for (const row of doc.paradigms) {
      assert.equal(row.time_to_solution_s, doc.counts.time_s, row.id);
      const walls = (row.memory_J + row.update_J + row.consolidation_J + row.compute_J) * cooling;
      assert.ok(Math.abs(walls - row.energy_J) <= 1e-12 * row.energy_J, `${row.id}: walls ${walls} vs energy ${row.energy_J}`);
    }
  }
});

test('solve … --temperature-K 77 --ambient-K 77: nothing to pump, so no cooling and the floor is k_B·77·ln2 per changed bit', () => {
  const cold = solve('--temperature-K', '77', '--ambient-K', '77');
  for (const row of cold.paradigms) {
    const walls = row.memory_J + row.update_J + row.consolidation_J + row.compute_J;
    assert.ok(Math.abs(walls - row.energy_J) <= 1e-12 * row.energy_J, `${row.id}: walls ${walls} vs energy ${row.energy_J}`);
  }
  const floor = cold.paradigms.find((p) => p.id === 'landauer')!.energy_J;
  assert.ok(Math.abs(floor / (cold.counts.update_bits * 7.368846e-22) - 1) < 1e-6, `floor ${floor}`);
});
