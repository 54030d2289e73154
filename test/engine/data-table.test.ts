/**
 * Double entry of the data tables: every accelerator, device and workload number typed again here from its
 * cited source (docs: the `source` of each row; /work-independent copies in docs/model.md), and the derived
 * J/FLOP and ridge intensity worked out by hand. A typo in either place fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCELERATORS, CMOS_LIMIT, DRAM_REFRESH, findAccelerator, joulesPerFlop, ridgeIntensity_flop_per_byte, PRECISIONS, type Precision } from '../../src/data/accelerators.js';
import { DEVICES, findDevice } from '../../src/data/devices.js';
import { BOUNDARIES, WORKLOADS, findWorkload } from '../../src/data/workloads.js';
import { DEFAULT_RANGES } from '../../src/data/ranges.js';
import { findOptimizer } from '../../src/data/optimizers.js';
import { CITATIONS, toBibtex, primary, secondary, derived, assumed, type SourceRef } from '../../src/data/sources.js';

const close = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

/** Typed from the datasheets the catalog cites (NVIDIA, Google), dense (no 2:4 sparsity), FLOP/s; TDP in W; HBM in B/s. */
const ACCELERATOR_SOURCES: Record<string, { tdp: number; peaks: Partial<Record<Precision, number>>; pJ_per_bit: number; bandwidth: number; memory: string }> = {
  v100: { tdp: 300, peaks: { fp16: 125e12, fp32: 15.7e12 }, pJ_per_bit: 3.97, bandwidth: 900e9, memory: 'HBM2' },
  a100: { tdp: 400, peaks: { bf16: 312e12, fp16: 312e12, tf32: 156e12, fp32: 19.5e12 }, pJ_per_bit: 3.97, bandwidth: 2039e9, memory: 'HBM2e' },
  h100: { tdp: 700, peaks: { bf16: 989.4e12, fp16: 989.4e12, fp8: 1978.9e12, tf32: 494.7e12, fp32: 66.9e12 }, pJ_per_bit: 3.9, bandwidth: 3.35e12, memory: 'HBM3' },
  b200: { tdp: 1000, peaks: { bf16: 2250e12, fp16: 2250e12, fp8: 4500e12, fp4: 9000e12, tf32: 1100e12, fp32: 75e12 }, pJ_per_bit: 3.9, bandwidth: 7.7e12, memory: 'HBM3E' },
  'tpu-v4': { tdp: 192, peaks: { bf16: 275e12 }, pJ_per_bit: 3.97, bandwidth: 1.2e12, memory: 'HBM2' },
  // NVIDIA A100 40GB, H100 PCIe (PB-11133-001) and H200 datasheets; AMD MI250X and MI300X data sheets;
  // Patterson et al. 2021 Table 4 (TPU v2), Cloud TPU v3 docs; Jouppi et al. 2020 Table 3 (TPU v2 HBM).
  'a100-40gb': { tdp: 400, peaks: { bf16: 312e12, fp16: 312e12, tf32: 156e12, fp32: 19.5e12 }, pJ_per_bit: 3.97, bandwidth: 1555e9, memory: 'HBM2' },
  'h100-pcie': { tdp: 350, peaks: { bf16: 756e12, fp16: 756e12, fp8: 1513e12, tf32: 378e12, fp32: 51e12 }, pJ_per_bit: 3.97, bandwidth: 2e12, memory: 'HBM2e' },
  h200: { tdp: 700, peaks: { bf16: 989.4e12, fp16: 989.4e12, fp8: 1978.9e12, tf32: 494.7e12, fp32: 66.9e12 }, pJ_per_bit: 3.9, bandwidth: 4.8e12, memory: 'HBM3E' },
  mi250x: { tdp: 560, peaks: { bf16: 383e12, fp16: 383e12, fp32: 47.9e12 }, pJ_per_bit: 3.97, bandwidth: 3.2768e12, memory: 'HBM2e' },
  mi300x: { tdp: 750, peaks: { bf16: 1307.4e12, fp16: 1307.4e12, fp8: 2614.9e12, tf32: 653.7e12, fp32: 163.4e12 }, pJ_per_bit: 3.9, bandwidth: 5.3e12, memory: 'HBM3' },
  'tpu-v2': { tdp: 280, peaks: { bf16: 46e12 }, pJ_per_bit: 3.97, bandwidth: 700e9, memory: 'HBM (1st gen)' },
  'tpu-v3': { tdp: 450, peaks: { bf16: 123e12 }, pJ_per_bit: 3.97, bandwidth: 900e9, memory: 'HBM2' },
};

/** TDP/peak in pJ/FLOP and peak/bandwidth in FLOP/B, divided out by hand (6 significant digits). */
const DERIVED_BY_HAND: Array<[string, Precision, number, number]> = [
  ['v100', 'fp16', 2.4, 138.889],
  ['a100', 'bf16', 1.28205, 153.016],
  ['a100', 'tf32', 2.5641, 76.5081],
  ['a100', 'fp32', 20.5128, 9.56351],
  ['h100', 'bf16', 0.707499, 295.343],
  ['h100', 'fp8', 0.353732, 590.716],
  ['h100', 'tf32', 1.415, 147.672],
  ['h100', 'fp32', 10.4634, 19.9701],
  ['tpu-v4', 'bf16', 0.698182, 229.167],
];

test('accelerators: every number against its source, typed twice', () => {
  for (const [id, src] of Object.entries(ACCELERATOR_SOURCES)) {
    const acc = findAccelerator(id)!;
    assert.equal(acc.id, id);
    assert.equal(acc.tdp_W, src.tdp, `${acc.id} TDP`);
    // Every rating, and no rating the source does not give.
    assert.deepEqual(Object.keys(acc.precisions).sort(), Object.keys(src.peaks).sort(), `${acc.id} precisions`);
    for (const [precision, peak] of Object.entries(src.peaks)) assert.equal(acc.precisions[precision as Precision]?.peak_flop_per_s, peak, `${acc.id} ${precision}`);
    assert.equal(acc.memory_J_per_bit, src.pJ_per_bit * 1e-12, `${acc.id} memory energy`);
    assert.equal(acc.memory_bandwidth_B_per_s, src.bandwidth, `${acc.id} bandwidth`);
    assert.equal(acc.memory, src.memory);
  }
  assert.deepEqual(ACCELERATORS.map((a) => a.id).sort(), Object.keys(ACCELERATOR_SOURCES).sort(), 'every accelerator typed twice');
  // Ratings the catalog does not have are NaN, not a silent number.
  assert.ok(Number.isNaN(joulesPerFlop(findAccelerator('tpu-v4')!, 'fp8')));
  assert.ok(Number.isNaN(ridgeIntensity_flop_per_byte(findAccelerator('tpu-v4')!, 'fp32')));
  assert.deepEqual(PRECISIONS, ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4']);
});

test('accelerators: J/FLOP = TDP/peak and the ridge point peak/bandwidth, by hand', () => {
  for (const [id, precision, pJ, ridge] of DERIVED_BY_HAND) {
    const acc = findAccelerator(id)!;
    close(joulesPerFlop(acc, precision) * 1e12, pJ, 5e-6, `${id} ${precision} pJ/FLOP`);
    close(ridgeIntensity_flop_per_byte(acc, precision), ridge, 5e-6, `${id} ${precision} ridge`);
  }
});

test('catalog numbers as their sources state them (V100 FP32 15.7, B200 FP32 75 and 7.7 TB/s, Llama 3.1 15.6e12 tokens)', () => {
  // V100 SXM2 final spec 15.7 TFLOP/s FP32; B200 (HGX, 1000 W) 75 TFLOP/s FP32 and 7.7 TB/s HBM3E.
  assert.equal(findAccelerator('v100')!.precisions.fp32!.peak_flop_per_s, 15.7e12);
  close(joulesPerFlop(findAccelerator('v100')!, 'fp32') * 1e12, 19.1083, 5e-6, 'v100 fp32 pJ/FLOP');
  assert.equal(findAccelerator('b200')!.precisions.fp32!.peak_flop_per_s, 75e12);
  assert.equal(findAccelerator('b200')!.memory_bandwidth_B_per_s, 7.7e12);
  close(ridgeIntensity_flop_per_byte(findAccelerator('b200')!, 'bf16'), 292.208, 5e-6, 'b200 bf16 ridge');
  assert.equal(findWorkload('llama-3.1-405b')!.tokens, 15.6e12);
});

test('the CMOS limit (Ho et al. 2023) and DRAM refresh (JEDEC tREF, HBM2 activation)', () => {
  assert.equal(CMOS_LIMIT.flop_per_J, 4.7e15);
  close(CMOS_LIMIT.J_per_flop, 2.12766e-16, 5e-6, 'J/FLOP');
  assert.equal(CMOS_LIMIT.memory_J_per_bit, 3.9e-12);
  assert.equal(DRAM_REFRESH.interval_s, 0.064);
  assert.equal(DRAM_REFRESH.J_per_bit, 1.21e-12);
});

/** Devices: value, range, read energy, bits per cell and refresh, typed from each cited table. */
const DEVICE_SOURCES: Record<string, { paradigm: 'lim' | 'cim'; unit: 'bit' | 'update'; write: number; low?: number; high?: number; read?: number; bits: number; volatile: boolean; refresh?: [number, number] }> = {
  'fn-dam': { paradigm: 'lim', unit: 'update', write: 5e-15, bits: 14, volatile: false }, // Mehta et al. 2021: 5 fJ/update, 14 bits
  rram: { paradigm: 'cim', unit: 'bit', write: 0.1e-12, low: 0.1e-12, high: 3e-12, bits: 1, volatile: false }, // ITRS 2011 0.1–3 pJ
  pcm: { paradigm: 'cim', unit: 'bit', write: 2e-12, low: 2e-12, high: 25e-12, read: 2.47e-12, bits: 1, volatile: false }, // ITRS 2–25 pJ; Lee 2009 read 2.47 pJ
  'stt-mram': { paradigm: 'cim', unit: 'bit', write: 0.1e-12, low: 0.1e-12, high: 2.5e-12, bits: 1, volatile: false }, // ITRS 0.1–2.5 pJ
  feram: { paradigm: 'cim', unit: 'bit', write: 0.03e-12, bits: 1, volatile: false }, // Sci. Rep. 2012 Table 1: 0.03 pJ
  sram: { paradigm: 'cim', unit: 'bit', write: 0.15625e-12, read: 0.15625e-12, bits: 1, volatile: true }, // Horowitz: 10 pJ / 64 bit
  dram: { paradigm: 'cim', unit: 'bit', write: 20e-12, read: 20e-12, bits: 1, volatile: true, refresh: [0.064, 1.21e-12] }, // Han: 640 pJ / 32 bit
  hbm2: { paradigm: 'cim', unit: 'bit', write: 3.97e-12, read: 3.97e-12, bits: 1, volatile: true, refresh: [0.064, 1.21e-12] }, // O'Connor 2017
};

test('devices: every number against its source, typed twice', () => {
  assert.deepEqual(DEVICES.map((d) => d.id), Object.keys(DEVICE_SOURCES));
  for (const dev of DEVICES) {
    const src = DEVICE_SOURCES[dev.id]!;
    assert.equal(dev.paradigm, src.paradigm, dev.id);
    assert.equal(dev.write_unit, src.unit, dev.id);
    close(dev.write.value_J, src.write, 1e-12, `${dev.id} write`);
    assert.equal(dev.write.low_J, src.low, `${dev.id} low`);
    assert.equal(dev.write.high_J, src.high, `${dev.id} high`);
    if (src.read === undefined) assert.equal(dev.read, undefined, `${dev.id} has no sourced read energy`);
    else close(dev.read!.value_J, src.read, 1e-12, `${dev.id} read`);
    assert.equal(dev.bits_per_cell, src.bits, `${dev.id} bits`);
    assert.equal(dev.volatile, src.volatile, `${dev.id} volatile`);
    assert.deepEqual(dev.refresh ? [dev.refresh.interval_s, dev.refresh.J_per_bit] : undefined, src.refresh, `${dev.id} refresh`);
  }
});

/** Workloads: the sourced facts P, D, F and the reported energy, typed from the cited papers (batch, T_sol and precision are assumptions). */
const WORKLOAD_SOURCES: Record<string, { P: number; D?: number; F?: number; S?: number; reported_J?: number }> = {
  'brain-scale': { P: 1e15, D: 300e9 }, // Chen et al. 2024: 1e15 parameters; GPT-3 token budget
  'gpt-3': { P: 175e9, D: 300e9, F: 3.14e23, reported_J: 1287 * 3.6e9 }, // Brown 2020 Table D.1; Patterson 2021: 1,287 MWh
  'bloom-176b': { P: 176e9, D: 366e9, reported_J: 433 * 3.6e9 }, // Luccioni 2023: 433 MWh
  // Llama model cards: GPU-hours × per-GPU power (A100 400 W, H100 700 W) × 3600 s/h.
  'llama-2-7b': { P: 7e9, D: 2e12, F: 8.4e22, reported_J: 184320 * 400 * 3600 },
  'llama-2-70b': { P: 70e9, D: 2e12, F: 8.4e23, reported_J: 1720320 * 400 * 3600 }, // Touvron 2023 Table 1; 6·P·D
  'llama-3.1-8b': { P: 8e9, D: 15e12, F: 7.2e23, reported_J: 1.46e6 * 700 * 3600 },
  'llama-3.1-405b': { P: 405e9, F: 3.8e25, reported_J: 30.84e6 * 700 * 3600 }, // model card; Epoch 3.8e25 FLOP
  'palm-540b': { P: 540e9, D: 780e9, F: 2.56e24, S: 256000 }, // Chowdhery 2022: 2527 zettaFLOP; batch schedule
  'chinchilla-70b': { P: 70e9, D: 1.4e12, F: 5.76e23 }, // Hoffmann 2022 abstract
  'bert-large': { P: 340e6, D: 1.31e11, S: 1e6 }, // Devlin 2019: 1M steps × 256 × 512
  'resnet-50': { P: 25.6e6, D: 115.2e6, F: 2.6e18 }, // He 2016: 25.6M; 1.28e6 images × 90 epochs
  'qp-1000': { P: 1000 }, // illustrative, assumed
};

test('workloads: every sourced number, typed twice', () => {
  for (const [id, src] of Object.entries(WORKLOAD_SOURCES)) {
    const w = findWorkload(id)!;
    assert.equal(w.params, src.P, `${id} P`);
    if (src.D !== undefined) close(w.tokens!, src.D, 1e-12, `${id} D`);
    if (src.F !== undefined) close(w.flops!, src.F, 1e-12, `${id} F`);
    if (src.S !== undefined) assert.equal(w.steps, src.S, `${id} steps`);
    if (src.reported_J !== undefined) close(w.reported_energy!.energy_J, src.reported_J, 1e-12, `${id} reported`);
    assert.ok(w.precision_bits >= 1 && w.time_s > 0, id);
  }
  assert.deepEqual(findWorkload('qp-1000')!.convergence, { law: 'linear', rate: 0.95 });
  assert.equal(findWorkload('qp-1000')!.precision_bits, 16);
  assert.equal(findWorkload('qp-1000')!.time_s, 0.001);
  assert.equal(findWorkload('brain-scale')!.time_s, 31557600);
});

test('catalog look-ups are case-insensitive and miss cleanly', () => {
  assert.equal(findOptimizer('NONE')!.id, 'none');
  assert.equal(findOptimizer('none')!.bytes_per_param, null);
  assert.equal(findOptimizer('lion'.repeat(2)), undefined);
  assert.equal(findAccelerator('H100')!.id, 'h100');
  assert.equal(findDevice('PCM')!.id, 'pcm');
  assert.equal(findWorkload('GPT-3')!.id, 'gpt-3');
  assert.equal(findAccelerator('h900'), undefined);
  assert.equal(findDevice('flash'), undefined);
  assert.equal(findWorkload('gpt-5'), undefined);
});

/** Every SourceRef reachable from the catalogs. */
function allSources(): SourceRef[] {
  const out: SourceRef[] = [CMOS_LIMIT.source, CMOS_LIMIT.memory_source, DRAM_REFRESH.interval_source, DRAM_REFRESH.energy_source];
  for (const a of ACCELERATORS) out.push(a.tdp_source, a.memory_source, a.bandwidth_source, ...Object.values(a.precisions).map((p) => p!.source));
  for (const d of DEVICES) {
    out.push(d.write.source);
    if (d.read) out.push(d.read.source);
    if (d.bits_source) out.push(d.bits_source);
    if (d.refresh) out.push(d.refresh.source);
  }
  for (const w of WORKLOADS) {
    out.push(...w.sources);
    if (w.reported_energy) out.push(w.reported_energy.source);
  }
  return out;
}

test('every data row carries a source that says where, with a known citation', () => {
  for (const s of allSources()) {
    assert.ok(s.citation === 'limbound' || CITATIONS[s.citation], `unknown citation ${s.citation}`);
    assert.ok(s.where.length >= 5, `empty 'where' for ${s.citation}`);
    assert.ok(s.note === undefined || s.note.length >= 5, `empty note for ${s.citation}`);
  }
  for (const a of ACCELERATORS) assert.ok(a.name.length > 3 && a.memory.length >= 3, a.id);
  for (const d of DEVICES) assert.ok(d.name.length > 3, d.id);
  for (const w of WORKLOADS) assert.ok(w.name.length > 3 && w.assumptions.every((x) => x.length > 10) && w.sources.length > 0, w.id);
  for (const [id, c] of Object.entries(CITATIONS)) {
    assert.equal(c.id, id);
    assert.ok(c.authors.length > 2 && c.title.length > 5 && c.venue.length > 3, id);
    assert.ok(Number.isInteger(c.year) && c.year >= 1940 && c.year <= 2026, `${id} year ${c.year}`);
    assert.ok(c.url === undefined || /^https:\/\/\S+$/.test(c.url), `${id} url`);
    assert.ok(c.doi === undefined || /^10\.\d+\/\S+$/.test(c.doi), `${id} doi`);
  }
});

test('source constructors and BibTeX, by hand', () => {
  assert.deepEqual(primary('x', 'p. 1'), { citation: 'x', where: 'p. 1', status: 'primary', note: undefined });
  assert.deepEqual(secondary('x', 'p. 2', 'n'), { citation: 'x', where: 'p. 2', status: 'secondary', note: 'n' });
  assert.deepEqual(derived('x', 'p. 3'), { citation: 'x', where: 'p. 3', status: 'derived', note: undefined });
  assert.deepEqual(assumed('a choice', 'why'), { citation: 'limbound', where: 'a choice', status: 'assumed', note: 'why' });
  assert.equal(
    toBibtex(['landauer1961', 'no-such-entry', 'landauer1961']),
    '@misc{landauer1961,\n  author = {R. Landauer},\n  title = {Irreversibility and Heat Generation in the Computing Process},\n  howpublished = {IBM Journal of Research and Development 5(3), 183–191},\n  year = {1961},\n  doi = {10.1147/rd.53.0183}\n}\n',
  );
  const lines = toBibtex(['si2019', 'chen2024lim']).split('\n');
  assert.deepEqual(lines.filter((l) => /^@|^ {2}(url|note|author|year|doi) /.test(l)), [
    '@misc{si2019,',
    '  author = {BIPM},',
    '  year = {2019},',
    '  url = {https://www.bipm.org/en/publications/si-brochure}',
    '@misc{chen2024lim,',
    '  author = {Z. Chen and F. Ahsan and J. Leugering and G. Cauwenberghs and S. Chakrabartty},',
    '  year = {2024},',
    '  url = {https://arxiv.org/abs/2402.14878},',
    '  note = {Licence: CC BY-NC-SA 4.0 (abstract)}',
  ]);
  assert.equal(lines.filter((l) => l === '').length, 2, 'one blank line between entries and a final newline');
});

/** Time to solution of every preset in seconds, multiplied out by hand (Julian year 31,557,600 s; day 86,400 s). */
const TIME_TO_SOLUTION_S: Record<string, number> = {
  'brain-scale': 31557600, 'brain-scale-compute-optimal': 31557600,
  'gpt-3': 1278720, // 14.8 d (Patterson et al. Table 4)
  'bloom-176b': 10153031.25, // 1,082,990 GPU-h ÷ 384 GPUs × 3600 s
  'llama-2-7b': 2592000, 'llama-2-13b': 2592000, 'llama-2-70b': 2592000, // 30 d, assumed
  'llama-3.1-8b': 2592000, 'llama-3.1-70b': 2592000, 'llama-3.1-405b': 2592000,
  't5-11b': 1728000, meena: 2592000, 'gshard-600b': 267840, 'switch-transformer': 2332800, // 20, 30, 3.1, 27 d (Table 4)
  'palm-540b': 2592000, 'chinchilla-70b': 2592000, 'bert-large': 345600, 'resnet-50': 86400, 'qp-1000': 1e-3,
};

/** Patterson et al. 2021, Table 4: MWh, chips, days, W per accelerator, PUE, achieved and peak TFLOP/s; F; active share. */
const PATTERSON_RUNS: Record<string, { mwh: number; chips: number; days: number; W: number; pue: number; tflops: number; peak: number; F: number; P: number; active: number; shown: string }> = {
  't5-11b': { mwh: 85.7, chips: 512, days: 20, W: 310, pue: 1.12, tflops: 45.6, peak: 123, F: 4.05e22, P: 11e9, active: 1, shown: '100%' },
  meena: { mwh: 232, chips: 1024, days: 30, W: 289, pue: 1.09, tflops: 42.3, peak: 123, F: 1.12e23, P: 2.6e9, active: 1, shown: '100%' },
  'gshard-600b': { mwh: 24.1, chips: 1024, days: 3.1, W: 288, pue: 1.09, tflops: 48.0, peak: 123, F: 1.33e22, P: 619e9, active: 0.0025, shown: '0.25%' },
  'switch-transformer': { mwh: 179, chips: 1024, days: 27, W: 245, pue: 1.1, tflops: 34.4, peak: 123, F: 8.22e22, P: 1500e9, active: 0.001, shown: '0.1%' },
};

test('workloads: every derived field by hand (time to solution, D = F/(6·P_active), batches, reported runs)', () => {
  assert.deepEqual(WORKLOADS.map((w) => w.id).sort(), Object.keys(TIME_TO_SOLUTION_S).sort());
  for (const [id, t] of Object.entries(TIME_TO_SOLUTION_S)) close(findWorkload(id)!.time_s, t, 1e-12, `${id} time_s`);
  close(findWorkload('brain-scale-compute-optimal')!.tokens!, 2e16, 1e-12, 'D = 20·P');
  close(findWorkload('resnet-50')!.tokens!, 1.152e8, 1e-12, '1.28e6 images × 90 epochs');
  close(findWorkload('llama-3.1-8b')!.flops!, 7.2e23, 1e-12, '6·8e9·15e12');
  close(findWorkload('llama-3.1-70b')!.flops!, 6.3e24, 1e-12, '6·70e9·15e12');
  assert.equal(findWorkload('bloom-176b')!.batch_tokens, 4194304, '2048 sequences × 2048 tokens');
  assert.deepEqual(findWorkload('gpt-3')!.reported_energy!.run, { chips: 10000, days: 14.8, power_W: 330, mfu: 0.1968, pue: 1.1 });
  assert.deepEqual(findWorkload('bloom-176b')!.reported_energy!.run, { gpu_hours: 1082990, power_W: 400, chips: 384 });
  assert.deepEqual(findWorkload('llama-2-13b')!.reported_energy!.run, { gpu_hours: 368640, power_W: 400 });
  close(findWorkload('llama-2-13b')!.reported_energy!.energy_J, 368640 * 400 * 3600, 1e-12, 'Llama 2 13B GPU-h × 400 W');
  for (const [id, r] of Object.entries(PATTERSON_RUNS)) {
    const w = findWorkload(id)!;
    close(w.reported_energy!.energy_J, r.mwh * 3.6e9, 1e-12, `${id} MWh`);
    const run = w.reported_energy!.run!;
    assert.deepEqual({ ...run, mfu: undefined }, { chips: r.chips, days: r.days, power_W: r.W, pue: r.pue, mfu: undefined }, id);
    close(run.mfu!, r.tflops / r.peak, 1e-12, `${id} MFU`);
    close(w.tokens!, r.F / (6 * r.P * r.active), 1e-12, `${id} D`);
    assert.equal(w.batch_tokens, 1e6);
    assert.ok(w.sources[0]!.where.includes(`${r.P / 1e9}B parameters (${r.shown} activated per token)`), w.sources[0]!.where);
    assert.ok(w.assumptions.some((a) => a.includes(`D = F/(6·P_active) = ${(r.F / (6 * r.P * r.active)).toExponential(2)} tokens`)), id);
    assert.ok(w.assumptions.some((a) => a.includes(`time to solution ${r.days} days`)), id);
    assert.equal(w.assumptions.some((a) => a.includes('mixture of experts')), r.active < 1, `${id} MoE note`);
    assert.equal(w.assumptions.length, r.active < 1 ? 5 : 4, `${id}: D, batch, N, time to solution, and the MoE note only`);
  }
  assert.ok(findWorkload('llama-2-70b')!.sources.some((s) => s.where === 'F = 6·P·D = 8.40e+23 FLOP'));
  assert.deepEqual(BOUNDARIES, ['gpu', 'system', 'facility']);
});

test('workloads: every preset states its assumed precision and time to solution', () => {
  for (const w of WORKLOADS) {
    assert.ok(w.assumptions.some((a) => /N = (16|32)|FP32/.test(a)), `${w.id}: precision assumption`);
    assert.ok(w.assumptions.some((a) => /time to solution|T_sol|days/.test(a)), `${w.id}: time-to-solution assumption`);
  }
});

/** Default uncertainty ranges, typed again from docs/model.md's range table and each row's source. */
test('default uncertainty ranges, typed twice', () => {
  const yr = 31557600;
  assert.deepEqual(DEFAULT_RANGES.map((r) => [r.name, r.distribution, r.low, r.high, r.relative ?? false]), [
    ['tau0_s', 'log', 1e-13, 1e-9, false],
    ['refresh_error', 'log', 1e-15, 1e-6, false],
    ['retention_s', 'log', yr, 100 * yr, false],
    ['retention_error', 'log', 1e-15, 1e-3, false],
    ['n_eff_fraction', 'uniform', 0.25, 1, false],
    ['arithmetic_intensity_flop_per_byte', 'log', 0.5, 2, true],
    ['mfu', 'uniform', 0.3, 0.6, false],
    // TPU v3 (Google Cloud): mean 220 W, max 262 W against a 450 W TDP, so a TDP overstates power by up to ≈ 2×.
    ['accelerator_power_W', 'uniform', Math.round((220 / 450) * 10) / 10, 1, true],
    ['pue', 'uniform', 1.1, 1.6, false],
    ['accelerator_memory_J_per_bit', 'log', 3.9e-12, 7e-12, false],
    ['cmos_memory_J_per_bit', 'log', 1.95e-12, 3.9e-12, false],
    ['cmos_J_per_flop', 'log', 1 / 2.35e16, 1 / 1.175e15, false],
    ['dram_refresh_J_per_bit', 'log', 0.1e-12, 1.21e-12, false],
  ]);
  const power = DEFAULT_RANGES.find((r) => r.name === 'accelerator_power_W')!;
  for (const figure of ['220 W', '262 W', '450 W']) assert.ok(power.source.where.includes(figure), figure);
});
