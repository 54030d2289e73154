/**
 * Paradigm walls at small design points worked by hand: the static-barrier (CIM) consolidation with and
 * without refresh and retention raise, the accelerator's compute wall as the board energy left after the
 * HBM shares, the device rows' write and read factors, the accelerator row's label, and row sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CIM, CIM_DEVICE, VN_ACCELERATOR, emptyDerived, priceCounts, resolve, validateInput, type Derived, type OperationCounts, type PricingEnv } from '../../src/model/index.js';
import { CITATIONS } from '../../src/data/sources.js';

const derived = (fields: Partial<Derived>): Derived => ({ ...emptyDerived(), ...fields });
const NO_COUNTS = {} as OperationCounts;
const NO_ENV = {} as PricingEnv;

test('CIM consolidation: refresh at E_b* plus a raise to E_ret when E_b* is lower', () => {
  // 7 cells, kT = 2 J, n_ref = 3 refreshes at E_b* = 5 kT, E_ret = 40 kT:
  // 7·2·(3·5 + 40) = 770 J, as refresh 7 × 3 × (5·2 J) = 210 J plus raise 7 × (40·2 J) = 560 J.
  const d = derived({ stored_cells: 7, kT_J: 2, cim_refresh_count: 3, cim_barrier_kT: 5, retention_barrier_kT: 40 });
  const w = CIM.walls.consolidation;
  assert.equal(w.value(NO_COUNTS, NO_ENV, d), 770);
  assert.deepEqual(w.parts(NO_COUNTS, NO_ENV, d), [
    [['cells', 7, ''], ['n_ref', 3, ''], ['E_b*', 10, 'J']],
    [['cells', 7, ''], ['E_ret', 80, 'J']],
  ]);
});

test('CIM consolidation: nothing to pay without refresh when E_b* already reaches E_ret', () => {
  for (const barrier of [40, 50]) {
    const d = derived({ stored_cells: 7, kT_J: 2, cim_refresh_count: 0, cim_barrier_kT: barrier, retention_barrier_kT: 40 });
    assert.equal(CIM.walls.consolidation.value(NO_COUNTS, NO_ENV, d), 0, `E_b* = ${barrier} kT`);
    assert.deepEqual(CIM.walls.consolidation.parts(NO_COUNTS, NO_ENV, d), [], `E_b* = ${barrier} kT`);
  }
});

/** HBM at 1 J/bit, N = 1, P = 1, no DRAM refresh: the shares are memory = read_bits, update = U, consolidation = checkpoints. */
function accelerator(m: number, u: number, k: number, boardJ: number, pue: number) {
  const c = { read_bits: m, param_writes: u, checkpoints: k, params: 1, precision_bits: 1 } as OperationCounts;
  const e = { accelerator: { memory_J_per_bit: 1 }, optimizer_state_bytes: null, dram_refresh_J_per_bit: 0, pue } as unknown as PricingEnv;
  const d = derived({ accelerator_board_J: boardJ, accelerator_power_W: boardJ / 2, accelerator_time_s: 2, dram_refresh_count: 0 });
  const w = VN_ACCELERATOR.walls.compute;
  return { value: w.value(c, e, d), parts: w.parts(c, e, d) };
}

test('accelerator compute wall: board energy × PUE minus the HBM shares, written out only when positive', () => {
  // 10 J × PUE 2 − (2 + 3 + 5) J = 10 J.
  const facility = accelerator(2, 3, 5, 10, 2);
  assert.equal(facility.value, 10);
  assert.deepEqual(facility.parts, [
    [['W_board', 5, 'W'], ['t_board', 2, 's'], ['PUE', 2, '']],
    [['−1', -1, ''], ['memory', 2, 'J']],
    [['−1', -1, ''], ['update', 3, 'J']],
    [['−1', -1, ''], ['consolidation', 5, 'J']],
  ]);
  // 10 J − (2 + 3 + 5) J = 0 exactly: no compute share left.
  assert.deepEqual(accelerator(2, 3, 5, 10, 1), { value: 0, parts: [] });
  // 10 J − (2 + 3 + 6) J = −1 J: the HBM shares exceed the board energy, the wall is 0.
  assert.deepEqual(accelerator(2, 3, 6, 10, 1), { value: 0, parts: [] });
});

test('accelerator label names MFU and PUE when either differs from the best case', () => {
  const env = resolve(validateInput({ workload: 'qp-1000' })).env;
  const label = (mfu: number, pue: number) => VN_ACCELERATOR.label({ ...env, mfu, pue });
  assert.doesNotMatch(label(1, 1), /MFU|PUE/);
  assert.match(label(0.5, 1), / \(MFU 0\.5, PUE 1\)$/);
  assert.match(label(1, 1.2), / \(MFU 1, PUE 1\.2\)$/);
});

test('device rows: a per-bit device writes N bits per update, however many bits its cells hold', () => {
  // qp-1000 on RRAM (the default CIM device, per-bit writes): OPS = 4.34e8, N = 16.
  const r = resolve(validateInput({ workload: 'qp-1000' }));
  const d = priceCounts(r.counts, r.env).derived;
  const [write] = CIM_DEVICE.walls.update.parts(r.counts, r.env, d);
  assert.deepEqual(write!.slice(0, 2), [['OPS', 4.34e8, ''], ['N', 16, 'bit']]);
  assert.equal(write![2]![0], 'e_write');
  // A per-bit device packing 2 bits per cell: still 4.34e8 · 16 bit · 1e-12 J/bit = 6.944e-3 J.
  const packed = { ...r.env, cim_device: { ...r.env.cim_device, bits_per_cell: 2, write: { ...r.env.cim_device.write, value_J: 1e-12 } } };
  const value = CIM_DEVICE.walls.update.value(r.counts, packed, d);
  assert.ok(Math.abs(value / 6.944e-3 - 1) < 1e-12, String(value));
});

test('device rows: under the sample convention every MAC reads its weight (OPS writes + the other reads = F/2)', () => {
  // qp-1000, DRAM as the CIM device: OPS = P·K = 217000, MAC reads = F/2 − OPS, so OPS + reads = F/2 = 2.17e8.
  const r = resolve(validateInput({ workload: 'qp-1000', ops_convention: 'sample', device: 'dram' }));
  const d = priceCounts(r.counts, r.env).derived;
  const [reads] = CIM_DEVICE.walls.memory.parts(r.counts, r.env, d);
  assert.deepEqual(reads!.slice(0, 2), [['OPS + MAC_reads', 2.17e8, ''], ['N', 16, 'bit']]);
});

test('every priced row cites at least one bibliography source', () => {
  const r = resolve(validateInput({}));
  const rows = priceCounts(r.counts, r.env).rows;
  // The default estimate's seven rows: floor, LIM, CIM, CMOS limit, the accelerator and the two device rows.
  assert.equal(rows.length, 7);
  for (const row of rows) {
    assert.ok(row.citations.length > 0, `${row.id} cites nothing`);
    for (const id of row.citations) assert.ok(CITATIONS[id], `${row.id}: unknown source ${id}`);
  }
});
