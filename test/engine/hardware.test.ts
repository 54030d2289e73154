/**
 * The von Neumann rows, the hardware catalog and the reported runs, checked against numbers typed
 * again here from their cited sources (double entry: a typo in the catalog fails a test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate, type PricedRow } from '../../src/model/index.js';
import { ACCELERATORS, WORKLOADS, findAccelerator, findWorkload } from '../../src/data/index.js';
import { InputError } from '../../src/util/errors.js';

const row = (rows: PricedRow[], id: string) => rows.find((r) => r.id === id)!;
const close = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what} ${actual} vs ${expected}`);
const MWH = 3.6e9;

function rejects(fn: () => unknown, field: string, pattern?: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.field, field);
    assert.ok(!err.message.includes('\n'), 'one line');
    if (pattern) assert.match(err.message, pattern);
    return true;
  });
}

test('accelerator catalog, typed again from the datasheets and Patterson et al. 2021 Table 4', () => {
  const expect: Array<[id: string, watts: number, convention: string, precision: 'bf16' | 'fp16' | 'fp32', peak: number, bandwidth: number]> = [
    ['v100', 300, 'board TDP', 'fp32', 15.7e12, 900e9], // V100 SXM2 datasheet; Table 4: TDP 300 W
    ['v100', 300, 'board TDP', 'fp16', 125e12, 900e9], // Table 4 footnote: V100 peak 125 TFLOPS
    ['b200', 1000, 'board TDP', 'fp32', 75e12, 7.7e12], // HGX B200 table
    ['tpu-v2', 280, 'board TDP', 'bf16', 46e12, 700e9], // Table 4: TDP 280 W, peak 46
    ['tpu-v3', 450, 'board TDP', 'bf16', 123e12, 900e9], // Table 4: TDP 450 W; Cloud TPU v3 docs: 123 TF, 900 GBps
    ['tpu-v4', 192, 'measured max', 'bf16', 275e12, 1.2e12], // Cloud TPU v4 docs: 192 W max measured
    ['a100-40gb', 400, 'board TDP', 'bf16', 312e12, 1555e9],
    ['h100-pcie', 350, 'board TDP', 'bf16', 756e12, 2e12],
    ['h200', 700, 'board TDP', 'bf16', 989.4e12, 4.8e12],
    ['mi250x', 560, 'total board power', 'bf16', 383e12, 3.2768e12],
    ['mi300x', 750, 'total board power', 'bf16', 1307.4e12, 5.3e12],
  ];
  for (const [id, watts, convention, precision, peak, bandwidth] of expect) {
    const a = findAccelerator(id)!;
    assert.ok(a, id);
    assert.equal(a.tdp_W, watts, `${id} power`);
    assert.equal(a.power_convention, convention, `${id} power convention`);
    assert.equal(a.precisions[precision]!.peak_flop_per_s, peak, `${id} ${precision}`);
    assert.equal(a.memory_bandwidth_B_per_s, bandwidth, `${id} bandwidth`);
  }
  // Cloud TPU v3 docs: measured min/mean/max power 123/220/262 W, listed as the alternative.
  assert.deepEqual([findAccelerator('tpu-v3')!.alternative_power!.W, findAccelerator('tpu-v3')!.alternative_power!.convention], [262, 'measured max']);
  for (const a of ACCELERATORS) assert.ok(a.tdp_source.where && a.power_convention, a.id);
});

test('runs, typed again from Patterson et al. 2021 Table 4 and the Llama model cards', () => {
  // Table 4: [FLOP, MWh, chips, days, W per accelerator, PUE, TFLOPS/s achieved, peak].
  const table4: Record<string, [number, number, number, number, number, number, number, number]> = {
    't5-11b': [4.05e22, 85.7, 512, 20, 310, 1.12, 45.6, 123],
    meena: [1.12e23, 232, 1024, 30, 289, 1.09, 42.3, 123],
    'gshard-600b': [1.33e22, 24.1, 1024, 3.1, 288, 1.09, 48.0, 123],
    'switch-transformer': [8.22e22, 179, 1024, 27, 245, 1.1, 34.4, 123],
    'gpt-3': [3.14e23, 1287, 10000, 14.8, 330, 1.1, 24.6, 125],
  };
  for (const [id, [flops, mwh, chips, days, watts, pue, achieved, peak]] of Object.entries(table4)) {
    const w = findWorkload(id)!;
    assert.equal(w.flops, flops, id);
    const r = w.reported_energy!;
    assert.equal(r.energy_J, mwh * MWH, id);
    assert.equal(r.boundary, 'facility', id);
    assert.deepEqual([r.run!.chips, r.run!.days, r.run!.power_W, r.run!.pue], [chips, days, watts, pue], id);
    close(r.run!.mfu!, achieved / peak, 1e-12, `${id} MFU`);
    // Table 4's energy is its own inputs multiplied out (within its rounding).
    close(chips * days * 24 * watts * pue / 1e6, mwh, 0.02, `${id} Table 4 arithmetic`);
  }
  // Model cards: GPU-hours × per-GPU power.
  const cards: Record<string, [number, number, string]> = {
    'llama-2-7b': [184320, 400, 'a100'],
    'llama-2-13b': [368640, 400, 'a100'],
    'llama-2-70b': [1720320, 400, 'a100'],
    'llama-3.1-8b': [1.46e6, 700, 'h100'],
    'llama-3.1-70b': [7.0e6, 700, 'h100'],
    'llama-3.1-405b': [30.84e6, 700, 'h100'],
  };
  for (const [id, [hours, watts, accelerator]] of Object.entries(cards)) {
    const w = findWorkload(id)!;
    assert.equal(w.reported_energy!.energy_J, hours * 3600 * watts, id);
    assert.equal(w.reported_energy!.boundary, 'gpu', id);
    assert.equal(w.accelerator, accelerator, id);
  }
  // Luccioni et al.: 433 MWh, their rounding of 1,082,990 A100-hours × 400 W = 433.2 MWh.
  assert.equal(findWorkload('bloom-176b')!.reported_energy!.energy_J, 433 * MWH);
  close(1082990 * 3600 * 400, 433 * MWH, 0.001, 'BLOOM hours × TDP');
  assert.equal(findWorkload('bloom-176b')!.accelerator, 'a100');
  assert.equal(findWorkload('llama-3.1-405b')!.tokens, 15.6e12);
  close(6 * 405e9 * 15.6e12, findWorkload('llama-3.1-405b')!.flops!, 0.01, 'Llama 3.1 405B: F = 6PD');
  assert.deepEqual([findWorkload('bloom-176b')!.tokens, findWorkload('bloom-176b')!.batch_tokens], [366e9, 2048 * 2048]);
});

test('each preset defaults to the hardware its run used', () => {
  const used: Record<string, string> = { 'gpt-3': 'V100', 'bloom-176b': 'A100', 'llama-2-70b': 'A100', 'llama-3.1-405b': 'H100', 't5-11b': 'TPU v3', meena: 'TPU v3', 'switch-transformer': 'TPU v3' };
  for (const [id, chip] of Object.entries(used)) assert.match(row(estimate({ workload: id }).rows, 'vn-accelerator').label, new RegExp(chip), id);
  // A preset precision the chosen chip lacks falls back to the same width, with a warning.
  const r = estimate({ workload: 'gpt-3', accelerator: 'tpu-v3' });
  assert.match(row(r.rows, 'vn-accelerator').label, /TPU v3 BF16/);
  assert.ok(r.warnings.some((w) => /no fp16 rating/.test(w)));
});

const RUNS = WORKLOADS.filter((w) => w.reported_energy);

test('the best-case accelerator row is ≤ every sourced reported energy and within 10× of it', () => {
  const ids = RUNS.map((w) => w.id);
  for (const id of ['gpt-3', 'bloom-176b', 'llama-2-7b', 'llama-2-13b', 'llama-2-70b', 'llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b', 't5-11b', 'meena', 'gshard-600b', 'switch-transformer']) assert.ok(ids.includes(id), id);
  for (const w of RUNS) {
    const r = estimate({ workload: w.id });
    const best = row(r.rows, 'vn-accelerator').energy_J;
    const reported = row(r.rows, 'reported');
    assert.ok(best <= reported.energy_J, `${w.id}: best case ${best} > reported ${reported.energy_J}`);
    assert.ok(reported.energy_J <= 10 * best, `${w.id}: reported ${reported.energy_J} > 10 × best case ${best}`);
    close(reported.ratio_to_best_case_accelerator!, reported.energy_J / best, 1e-12, w.id);
    close(reported.implied_utilisation!, best / reported.energy_J, 1e-12, w.id);
  }
});

test('with the published MFU and PUE the accelerator row lands near the reported energy', () => {
  const calibrated = RUNS.filter((w) => w.reported_energy!.run?.mfu !== undefined && w.reported_energy!.run?.pue !== undefined);
  assert.equal(calibrated.length, 5, 'Patterson et al. publish both for five runs');
  for (const w of calibrated) {
    const { mfu, pue } = w.reported_energy!.run!;
    const r = estimate({ workload: w.id, mfu: mfu!, pue: pue! });
    const ratio = row(r.rows, 'vn-accelerator').energy_J / w.reported_energy!.energy_J;
    // By hand: E = F · W / (peak · MFU) · PUE = F · W / achieved · PUE.
    const acc = findAccelerator(w.accelerator)!;
    close(row(r.rows, 'vn-accelerator').energy_J, (w.flops! * acc.tdp_W) / (acc.precisions.bf16 ?? acc.precisions.fp16)!.peak_flop_per_s / mfu! * pue!, 1e-9, w.id);
    assert.ok(ratio > 0.5 && ratio < 2, `${w.id}: calibrated / reported = ${ratio}`);
    // TPUs run far below their TDP (Patterson et al.): the measured maximum power brings them within 20 %.
    if (w.accelerator === 'tpu-v3') {
      const measured = estimate({ workload: w.id, mfu: mfu!, pue: pue!, accelerator_power_W: 262 });
      const r2 = row(measured.rows, 'vn-accelerator').energy_J / w.reported_energy!.energy_J;
      assert.ok(r2 > 0.8 && r2 < 1.2, `${w.id} at 262 W: ${r2}`);
    }
  }
  // GPT-3 by hand: 3.14e23 FLOP × 300 W / 24.6e12 FLOP/s × 1.10 = 4.212e12 J, 0.91 of 1,287 MWh.
  close(row(estimate({ workload: 'gpt-3', mfu: 24.6 / 125, pue: 1.1 }).rows, 'vn-accelerator').energy_J, (3.14e23 * 300 / 24.6e12) * 1.1, 1e-9, 'GPT-3');
});

test('the accelerator row is F·TDP/peak with the HBM walls as shares inside it, not added', () => {
  const r = estimate();
  const acc = row(r.rows, 'vn-accelerator');
  // Brain scale on H100 at the ridge point: 1.8e27 FLOP × 700 W / 989.4e12 FLOP/s.
  close(acc.energy_J, (1.8e27 * 700) / 989.4e12, 1e-9, 'best case');
  close(acc.memory_J! + acc.update_J! + acc.consolidation_J! + acc.compute_J!, acc.energy_J, 1e-12, 'walls sum to the row');
  // The memory share is HBM energy at the ridge traffic: 8·F/(989.4e12/3.35e12) bits × 3.9 pJ.
  close(acc.memory_J!, ((8 * 1.8e27) / (989.4e12 / 3.35e12)) * 3.9e-12, 1e-9, 'memory share');
  assert.ok(acc.memory_J! < acc.energy_J);
});

test('the CMOS-limit row is the same whatever the accelerator, at its own 300 FLOP/B', () => {
  for (const workload of ['brain-scale', 'gpt-3', 'llama-3.1-405b', 'qp-1000']) {
    const energies = ACCELERATORS.map((a) => {
      const precision = (['bf16', 'fp16', 'fp32'] as const).find((p) => a.precisions[p])!;
      return row(estimate({ workload, accelerator: a.id, accelerator_precision: precision }).rows, 'vn-cmos-limit').energy_J;
    });
    for (const e of energies) assert.equal(e, energies[0], workload);
  }
  // Brain scale by hand: memory 8·1.8e27/300 bits × 3.9 pJ; compute 1.8e27 / 4.7e15.
  const cmos = row(estimate().rows, 'vn-cmos-limit');
  close(cmos.memory_J!, ((8 * 1.8e27) / 300) * 3.9e-12, 1e-12, 'CMOS memory');
  close(cmos.compute_J!, 1.8e27 / 4.7e15, 1e-12, 'CMOS compute');
});

test('optimizer state: mixed-precision Adam rewrites 16 bytes per parameter per step', () => {
  const adam = estimate();
  // U = P·S = 1e15 × 93,750; 16 B = 128 bit at 3.9 pJ/bit (CMOS-limit row).
  close(row(adam.rows, 'vn-cmos-limit').update_J!, 1e15 * 93750 * 128 * 3.9e-12, 1e-12, 'adam');
  const sgd = estimate({ optimizer: 'sgd' });
  close(row(sgd.rows, 'vn-cmos-limit').update_J!, 1e15 * 93750 * 64 * 3.9e-12, 1e-12, 'sgd');
  const bytes = estimate({ optimizer_state_bytes: 2 });
  close(row(bytes.rows, 'vn-cmos-limit').update_J!, 1e15 * 93750 * 16 * 3.9e-12, 1e-12, 'explicit');
  // A solver holds only its variables: N = 16 bits.
  const qp = estimate({ workload: 'qp-1000' });
  assert.equal(qp.derived.optimizer_state_bytes, null);
});

test('your run: --reported-energy, GPU-hours × power × PUE, with its boundary', () => {
  const fifty = estimate({ params: 7e9, tokens: 2e12, accelerator: 'a100', reported_energy_J: '50 MWh' });
  const r = row(fifty.rows, 'reported');
  assert.equal(r.energy_J, 50 * MWH);
  assert.equal(r.boundary, 'system');
  // Best case by hand: 6·7e9·2e12 FLOP × 400 W / 312e12 FLOP/s = 1.0769e11 J.
  close(r.ratio_to_best_case_accelerator!, (50 * MWH) / ((6 * 7e9 * 2e12 * 400) / 312e12), 1e-9, 'ratio');
  close(r.orders_above_floor, Math.log10((50 * MWH) / row(fifty.rows, 'landauer').energy_J), 1e-12, 'orders');
  // It replaces a preset's reported row.
  const mine = estimate({ workload: 'gpt-3', reported_energy_J: '2 GWh', boundary: 'facility' });
  assert.equal(mine.rows.filter((x) => x.id === 'reported').length, 1);
  assert.equal(row(mine.rows, 'reported').energy_J, 2 * 1000 * MWH);
  const hours = estimate({ workload: 'llama-2-70b', gpu_hours: 1000, gpu_power_W: '400 W', pue: 1.2 });
  assert.equal(row(hours.rows, 'reported').energy_J, 1000 * 3600 * 400 * 1.2);
  assert.equal(row(hours.rows, 'reported').boundary, 'facility');
  assert.equal(row(estimate({ gpu_hours: 10, gpu_power_W: 700 }).rows, 'reported').boundary, 'gpu');
});

test('bad values of the new inputs: one line naming the field', () => {
  rejects(() => estimate({ mfu: 0 }), 'mfu', /> 0/);
  rejects(() => estimate({ mfu: 1.5 }), 'mfu', /≤ 1/);
  rejects(() => estimate({ pue: 0.9 }), 'pue', /≥ 1/);
  rejects(() => estimate({ reported_energy_J: -1 }), 'reported_energy_J');
  rejects(() => estimate({ reported_energy_J: '50 MWs' }), 'reported_energy_J', /unknown unit 'MWs'/);
  rejects(() => estimate({ boundary: 'gpu' }), 'boundary', /reported energy/);
  rejects(() => estimate({ boundary: 'rack' as never }), 'boundary', /allowed: gpu, system, facility/);
  rejects(() => estimate({ gpu_hours: 10 }), 'gpu_power_W', /gpu_hours/);
  rejects(() => estimate({ gpu_power_W: 300 }), 'gpu_hours');
  rejects(() => estimate({ gpu_hours: 10, gpu_power_W: 300, reported_energy_J: 5 }), 'gpu_hours', /one reported energy/);
  rejects(() => estimate({ optimizer: 'lion' }), 'optimizer', /adam-mixed/);
  rejects(() => estimate({ optimizer_state_bytes: 0 }), 'optimizer_state_bytes');
  rejects(() => estimate({ accelerator_power_W: '-5 W' }), 'accelerator_power_W');
});

test('a changed preset is titled custom and says what it still inherits', () => {
  const r = estimate({ workload: 'gpt-3', params: 1e12 });
  assert.equal(r.workload.id, 'custom');
  assert.match(r.workload.name, /^Custom training workload \(1e12 parameters\)/);
  assert.doesNotMatch(r.workload.name, /GPT-3/);
  const w = r.warnings.find((x) => x.startsWith('custom workload'))!;
  assert.match(w, /params changed from preset 'gpt-3'/);
  for (const key of ['batch_tokens', 'time_s', 'precision_bits', 'accelerator']) assert.match(w, new RegExp(key));
  // The same P as the preset is still that run.
  assert.equal(estimate({ workload: 'gpt-3', params: 175e9 }).workload.id, 'gpt-3');
});

test('device endurance: a warning when the run writes each cell more often than it survives', () => {
  // Brain scale: OPS/P = 1.8e27/1e15 = 1.8e12 writes per cell > RRAM's 1e12 (ITRS 2011).
  const r = estimate({ device: 'rram' });
  assert.ok(r.warnings.some((w) => /cim-device.*1\.8e12 times.*1e12 cycles/.test(w)), r.warnings.join('\n'));
  assert.ok(!estimate({ device: 'stt-mram' }).warnings.some((w) => w.startsWith('device endurance')), 'STT-MRAM survives 1e15');
});

test('device endurance and optimizer state, typed again from ITRS 2011 (Yang et al. 2013) and ZeRO', async () => {
  const { findDevice, findOptimizer } = await import('../../src/data/index.js');
  const itrs: Record<string, number> = { rram: 1e12, pcm: 1e9, 'stt-mram': 1e15, sram: 1e16, dram: 1e16, hbm2: 1e16 };
  for (const [id, cycles] of Object.entries(itrs)) {
    assert.equal(findDevice(id)!.endurance!.cycles, cycles, id);
    assert.equal(findDevice(id)!.endurance!.source.citation, 'yang2013', id);
  }
  // No sourced endurance: no warning can be made up.
  assert.equal(findDevice('fn-dam')!.endurance, undefined);
  // ZeRO §3.1: 2 + 2 + 12 bytes for mixed-precision Adam.
  const bytes: Record<string, number | null> = { 'adam-mixed': 2 + 2 + 12, 'adam-fp32': 4 * 4, 'sgd-momentum': 3 * 4, sgd: 2 * 4, none: null };
  for (const [id, b] of Object.entries(bytes)) assert.equal(findOptimizer(id)!.bytes_per_param, b, id);
});
