/**
 * The --explain text at one design point, checked against hand computations: substituted formulas, the
 * symbol values and which description each setting selects (derived or given, binary or analog cell, best
 * case or given utilisation), and the counting-convention paragraph.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, validateInput, explain, explainSymbols, type EstimateInput } from '../../src/model/index.js';
import { explainGlossary } from '../../src/model/explain-glossary.js';
import { conventionExplanation, macReads } from '../../src/model/convention.js';

const symbols = (input: EstimateInput) => new Map(explainSymbols(resolve(validateInput(input))).map(([s, v, d]) => [s, { value: v, text: d }]));
const QP = { workload: 'qp-1000' } as const; // P = 1000, N = 16, K = 217 iterations, T_sol = 1 ms

test('explain substitutes the factors of each product: the Landauer update of qp-1000', () => {
  const ex = explain(resolve(validateInput(QP)));
  assert.equal(ex.length, 7 * 4, 'seven rows of four walls');
  assert.deepEqual(ex.slice(0, 4).map((w) => w.wall), ['memory', 'update', 'consolidation', 'compute']);
  // Σbits = OPS·N = 4.34e8·16 = 6.944e9; kT·ln2 at 300 K = 4.141947e-21·0.693147 = 2.871e-21 J;
  // product 1.9936e-11 J = 19.94 pJ.
  assert.equal(ex.find((w) => w.row === 'landauer' && w.wall === 'update')!.substituted, '6.944e9 bit × 2.871e-21 J/bit = 19.94 pJ');
});

test('explain symbols: write interval τ_w, and τ_ref = τ_w when the static barrier is the hold barrier', () => {
  const s = symbols(QP);
  // τ_w = T_sol·P·N/Σbits = 1e-3·1000·16 / 6.944e9 = 2.304e-9 s.
  assert.equal(s.get('τ_w')!.value, '2.304 ns');
  // E_b* = ln(τ_w/(ε_ref·τ0)) here, so τ_ref = ε_ref·τ0·e^{E_b*} = τ_w.
  assert.match(s.get('E_b*')!.text, /hold-between-writes barrier 21\.56 kT/);
  assert.equal(s.get('E_b*')!.value, '21.56 kT');
  assert.equal(s.get('τ_ref')!.value, '2.304 ns');
});

test('explain symbols: derived τ_r and c name the cell, given ones say so; N_eff only for binary cells', () => {
  const binary = symbols(QP);
  assert.match(binary.get('τ_r')!.text, /M = 2 levels \(binary cell\)$/);
  assert.match(binary.get('c')!.text, /^W₂²\/L² of one cell update/);
  assert.match(binary.get('e_ex')!.text, /: N_eff·c·kT·τ_r\/τ_u$/);
  const analog = symbols({ ...QP, cell: 'analog' });
  assert.match(analog.get('τ_r')!.text, /M = 2\^16 levels \(analog cell\)$/);
  assert.match(analog.get('e_ex')!.text, /at τ_u: c·kT·τ_r\/τ_u$/);
  const given = symbols({ ...QP, relaxation_s: 1e-6, transport_c: 0.25 });
  assert.equal(given.get('τ_r')!.text, "relaxation over the cell's range (given)");
  assert.equal(given.get('c')!.text, 'W₂²/L² of an update (given)');
});

test('explain symbols: cooling is 0 at the ambient and T_amb/T − 1 below it', () => {
  assert.equal(symbols(QP).get('cool')!.value, '0');
  // 300/150 − 1 = 1 J of work per J of heat.
  assert.equal(symbols({ ...QP, temperature_K: 150 }).get('cool')!.value, '1e0 J/J');
});

test('explain symbols of the von Neumann rows: catalog or given power, best case or given MFU/PUE, state bytes', () => {
  const d = symbols(QP);
  assert.doesNotMatch(d.get('W_board')!.text, /\(given\)$/);
  assert.equal(d.get('MFU')!.text, 'model FLOPs utilisation: 1, the best case');
  assert.equal(d.get('PUE')!.text, 'power usage effectiveness: 1, the best case (no facility overhead)');
  // No optimizer state for an optimizer workload: the parameter itself, N/8 = 16/8 = 2 B.
  assert.equal(d.get('B_state')!.value, '2 B');
  assert.match(d.get('B_state')!.text, /the parameter itself/);
  assert.equal(d.get('I_CMOS')!.value, "the workload's");
  const g = symbols({ ...QP, accelerator_power_W: 350, mfu: 0.5, pue: 1.2, optimizer_state_bytes: 4 });
  assert.match(g.get('W_board')!.text, /\(given\)$/);
  assert.equal(g.get('MFU')!.text, 'model FLOPs utilisation (given)');
  assert.equal(g.get('PUE')!.text, 'power usage effectiveness (given)');
  assert.equal(g.get('B_state')!.value, '4 B');
  assert.match(g.get('B_state')!.text, /^optimizer state rewritten/);
  // Training: the CMOS-limit machine's own intensity, 300 FLOP/B (docs/model.md §3).
  assert.equal(symbols({}).get('I_CMOS')!.value, '300 FLOP/B');
});

test('glossary: cells holding the model are P·N binary cells or P analog cells', () => {
  const cells = (input: EstimateInput) => explainGlossary(resolve(validateInput(input))).find(([s]) => s === 'cells')![1];
  assert.equal(cells(QP), '1.6e4'); // 1000·16
  assert.equal(cells({ ...QP, cell: 'analog' }), '1e3'); // 1000
});

test('counting convention: MACs that only read are none under flop, F/2 − OPS otherwise', () => {
  // Even with OPS given below F/2, the flop convention counts every FLOP as a write.
  assert.equal(macReads('flop', 100, 10), 0);
  assert.equal(macReads('sample', 100, 10), 40); // 100/2 − 10
  assert.equal(macReads('step', 100, 60), 0); // max(0, 50 − 60)
});

test('counting convention paragraph marks the default one only', () => {
  const flop = conventionExplanation('flop');
  assert.ok(flop.length > 1);
  assert.match(flop[0]!, /^Counting convention: flop \(default\): every FLOP/);
  assert.match(conventionExplanation('step')[0]!, /^Counting convention: step: each weight is written once per optimizer step/);
});
