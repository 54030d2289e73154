/**
 * AI accelerators: peak dense throughput per precision and board power. Energy per FLOP is derived
 * as power ÷ peak — a best case: real runs sit 2–10× higher (MFU < 1, host, network and PUE not counted).
 * Each chip states its power convention (vendor board TDP, AMD's total board power, or a measured
 * maximum where no TDP is published), since the conventions differ by up to 1.7× for the same chip.
 * Adding a chip is a data-only change: append an entry here, with its sources.
 */
import { type SourceRef, primary, secondary, derived, assumed } from './sources.js';

export type Precision = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8' | 'fp4';
export const PRECISIONS: readonly Precision[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4'];

export interface PrecisionRating {
  /** Peak dense throughput in FLOP/s (no 2:4 sparsity). */
  peak_flop_per_s: number;
  source: SourceRef;
}

/**
 * What a chip's power figure means: 'board TDP' (the vendor's thermal design power of the board or
 * module), 'total board power' (AMD's TBP, the same idea), 'measured max' (the highest power measured
 * under load, published where no TDP is: lower than a TDP, so J/FLOP comes out lower).
 */
export type PowerConvention = 'board TDP' | 'total board power' | 'measured max';

export interface Accelerator {
  id: string;
  name: string;
  /** Board power in W used to derive J/FLOP (its meaning is `power_convention`). */
  tdp_W: number;
  tdp_source: SourceRef;
  power_convention: PowerConvention;
  /** A second published power figure under another convention, listed beside the one used. */
  alternative_power?: { W: number; convention: PowerConvention; source: SourceRef };
  precisions: Partial<Record<Precision, PrecisionRating>>;
  /** Off-chip memory technology and its energy per bit moved, J/bit. */
  memory: string;
  memory_J_per_bit: number;
  memory_source: SourceRef;
  /** Peak off-chip memory bandwidth in B/s, used for the roofline ridge point. */
  memory_bandwidth_B_per_s: number;
  bandwidth_source: SourceRef;
}

const HBM2_J_PER_BIT = 3.97e-12;
const HBM3E_J_PER_BIT = 3.9e-12;
const hbm2Source = secondary('oconnor2017', 'HBM2 3.97 pJ/bit = activate 1.21 + I/O 0.22 + on-die transfer 2.54 (numbers.md §2.2)');
const hbm3eSource = secondary('samsungHbm3e', 'HBM3E 3.9 pJ/bit (numbers.md §2.2)');

const HBM2_PROXY = { ...hbm2Source, note: 'HBM2 figure used for HBM2e (no sourced HBM2e figure)' };
const HBM3_PROXY = { ...hbm3eSource, note: 'no sourced HBM3 figure; the HBM3E 3.9 pJ/bit is used (assumed proxy)' };
const TDP: PowerConvention = 'board TDP';

export const ACCELERATORS: readonly Accelerator[] = [
  {
    id: 'v100',
    name: 'NVIDIA V100 SXM2',
    tdp_W: 300,
    tdp_source: primary('patterson2021', 'Table 4: chip TDP 300 W (V100); also the GTC 2017 announcement'),
    power_convention: TDP,
    precisions: {
      fp16: { peak_flop_per_s: 125e12, source: primary('nvidiaV100', '125 Tensor TFLOPS (FP16 tensor cores); Patterson et al. 2021 Table 4 footnote: peak 125 TFLOPS') },
      fp32: { peak_flop_per_s: 15.7e12, source: secondary('nvidiaV100', '15.7 TFLOPS FP32, V100 SXM2 datasheet (15 at the GTC 2017 announcement, before final clocks)') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 900e9,
    bandwidth_source: secondary('nvidiaV100', '900 GB/s HBM2 (AnandTech A100 80GB article, V100 column; V100 whitepaper summary)'),
  },
  {
    id: 'a100',
    name: 'NVIDIA A100 SXM4 80GB',
    tdp_W: 400,
    tdp_source: secondary('nvidiaA100', '400 W SXM4'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      fp16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      tf32: { peak_flop_per_s: 156e12, source: secondary('nvidiaA100', '156 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 19.5e12, source: secondary('nvidiaA100', '19.5 TFLOPS FP32') },
    },
    memory: 'HBM2e',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: HBM2_PROXY,
    memory_bandwidth_B_per_s: 2039e9,
    bandwidth_source: secondary('nvidiaA100', '2,039 GB/s HBM2e, 80 GB SXM4 (NVIDIA datasheet table as reproduced by Thunder Compute and a GitHub copy)'),
  },
  {
    id: 'a100-40gb',
    name: 'NVIDIA A100 SXM4 40GB',
    tdp_W: 400,
    tdp_source: secondary('nvidiaA100', '400 W SXM4 (40 GB and 80 GB modules)'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      fp16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      tf32: { peak_flop_per_s: 156e12, source: secondary('nvidiaA100', '156 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 19.5e12, source: secondary('nvidiaA100', '19.5 TFLOPS FP32') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 1555e9,
    bandwidth_source: secondary('nvidiaA100', '1,555 GB/s HBM2, 40 GB SXM4 (NVIDIA A100 datasheet)'),
  },
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM5',
    tdp_W: 700,
    tdp_source: secondary('nvidiaH100', '700 W SXM5'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH100', '989.4 TFLOPS BF16 tensor, dense (1979 is sparse)') },
      fp16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH100', '989.4 TFLOPS FP16 tensor, dense') },
      fp8: { peak_flop_per_s: 1978.9e12, source: secondary('nvidiaH100', '1978.9 TFLOPS FP8 tensor, dense') },
      tf32: { peak_flop_per_s: 494.7e12, source: secondary('nvidiaH100', '494.7 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 66.9e12, source: secondary('nvidiaH100', '66.9 TFLOPS FP32') },
    },
    memory: 'HBM3',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: HBM3_PROXY,
    memory_bandwidth_B_per_s: 3.35e12,
    bandwidth_source: secondary('nvidiaH100', '3,350 GB/s, 5120-bit HBM3 (NVIDIA table as reproduced by HPC Tech)'),
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe',
    tdp_W: 350,
    tdp_source: primary('nvidiaH100Pcie', 'product brief PB-11133-001: 350 W maximum board power'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 756e12, source: secondary('nvidiaH100Pcie', '756 TFLOPS BF16 tensor, dense (1,513 sparse)') },
      fp16: { peak_flop_per_s: 756e12, source: secondary('nvidiaH100Pcie', '756 TFLOPS FP16 tensor, dense') },
      fp8: { peak_flop_per_s: 1513e12, source: secondary('nvidiaH100Pcie', '1,513 TFLOPS FP8 tensor, dense') },
      tf32: { peak_flop_per_s: 378e12, source: secondary('nvidiaH100Pcie', '378 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 51e12, source: secondary('nvidiaH100Pcie', '51 TFLOPS FP32') },
    },
    memory: 'HBM2e',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: HBM2_PROXY,
    memory_bandwidth_B_per_s: 2e12,
    bandwidth_source: secondary('nvidiaH100Pcie', '2.0 TB/s HBM2e, 80 GB'),
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    tdp_W: 700,
    tdp_source: secondary('nvidiaH200', 'up to 700 W (configurable), SXM'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH200', 'same GH100 compute as H100 SXM: 989 TFLOPS BF16 dense (1,979 sparse)') },
      fp16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH200', '989 TFLOPS FP16 dense') },
      fp8: { peak_flop_per_s: 1978.9e12, source: secondary('nvidiaH200', '1,979 TFLOPS FP8 dense (3,958 sparse)') },
      tf32: { peak_flop_per_s: 494.7e12, source: secondary('nvidiaH200', '495 TFLOPS TF32 dense') },
      fp32: { peak_flop_per_s: 66.9e12, source: secondary('nvidiaH200', '67 TFLOPS FP32') },
    },
    memory: 'HBM3E',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: hbm3eSource,
    memory_bandwidth_B_per_s: 4.8e12,
    bandwidth_source: secondary('nvidiaH200', '141 GB HBM3e at 4.8 TB/s'),
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 (HGX, 1000 W)',
    tdp_W: 1000,
    tdp_source: secondary('nvidiaB200', '1000 W HGX B200'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 2250e12, source: secondary('nvidiaB200', '2250 TFLOPS BF16, dense') },
      fp16: { peak_flop_per_s: 2250e12, source: secondary('nvidiaB200', '2250 TFLOPS FP16, dense') },
      fp8: { peak_flop_per_s: 4500e12, source: secondary('nvidiaB200', '4500 TFLOPS FP8, dense') },
      fp4: { peak_flop_per_s: 9000e12, source: secondary('nvidiaB200', '9000 TFLOPS FP4, dense') },
      tf32: { peak_flop_per_s: 1100e12, source: secondary('nvidiaB200', '1100 TFLOPS TF32') },
      fp32: { peak_flop_per_s: 75e12, source: secondary('nvidiaB200', 'HGX B200 table: 75 TFLOPS FP32 per GPU (the 80 TFLOPS figure is the 1200 W GB200 part)') },
    },
    memory: 'HBM3E',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: hbm3eSource,
    memory_bandwidth_B_per_s: 7.7e12,
    bandwidth_source: secondary('nvidiaB200', 'HGX B200 table: 7.7 TB/s HBM3e per GPU (8 TB/s is the GB200 figure)'),
  },
  {
    id: 'mi250x',
    name: 'AMD Instinct MI250X (OAM)',
    tdp_W: 560,
    tdp_source: secondary('amdMi250x', '560 W total board power (OAM, liquid or air cooled)'),
    power_convention: 'total board power',
    precisions: {
      bf16: { peak_flop_per_s: 383e12, source: secondary('amdMi250x', '383 TFLOPS peak BF16 matrix') },
      fp16: { peak_flop_per_s: 383e12, source: secondary('amdMi250x', '383 TFLOPS peak FP16 matrix') },
      fp32: { peak_flop_per_s: 47.9e12, source: secondary('amdMi250x', '47.9 TFLOPS peak FP32 vector (95.7 matrix)') },
    },
    memory: 'HBM2e',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: HBM2_PROXY,
    memory_bandwidth_B_per_s: 3.2768e12,
    bandwidth_source: secondary('amdMi250x', '128 GB HBM2e at 3.2768 TB/s'),
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X (OAM)',
    tdp_W: 750,
    tdp_source: secondary('amdMi300x', '750 W total board power'),
    power_convention: 'total board power',
    precisions: {
      bf16: { peak_flop_per_s: 1307.4e12, source: secondary('amdMi300x', '1,307.4 TFLOPS peak BF16 dense (2,614.9 with sparsity)') },
      fp16: { peak_flop_per_s: 1307.4e12, source: secondary('amdMi300x', '1,307.4 TFLOPS peak FP16 dense') },
      fp8: { peak_flop_per_s: 2614.9e12, source: secondary('amdMi300x', '2,614.9 TFLOPS peak FP8 dense') },
      tf32: { peak_flop_per_s: 653.7e12, source: secondary('amdMi300x', '653.7 TFLOPS peak TF32 dense') },
      fp32: { peak_flop_per_s: 163.4e12, source: secondary('amdMi300x', '163.4 TFLOPS peak FP32 (vector and matrix)') },
    },
    memory: 'HBM3',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: HBM3_PROXY,
    memory_bandwidth_B_per_s: 5.3e12,
    bandwidth_source: secondary('amdMi300x', '192 GB HBM3 at 5.3 TB/s'),
  },
  {
    id: 'tpu-v2',
    name: 'Google TPU v2',
    tdp_W: 280,
    tdp_source: primary('patterson2021', 'Table 4: chip TDP 280 W (TPU v2)'),
    power_convention: TDP,
    precisions: {
      bf16: { peak_flop_per_s: 46e12, source: primary('patterson2021', 'Table 4 footnote 12: peak 46 TFLOPS for TPU v2') },
    },
    memory: 'HBM',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: { ...hbm2Source, note: 'HBM2 figure used (TPU v2 uses first-generation HBM; no sourced figure)' },
    memory_bandwidth_B_per_s: 700e9,
    bandwidth_source: secondary('jouppi2020', 'Table 3: 16 GiB HBM at 700 GB/s per chip', 'not re-read this session'),
  },
  {
    id: 'tpu-v3',
    name: 'Google TPU v3',
    tdp_W: 450,
    tdp_source: primary('patterson2021', 'Table 4: chip TDP 450 W (TPU v3); "TPUs don\'t offer [Turbo or DVFS], so their TDP is much higher than their average power"'),
    power_convention: TDP,
    alternative_power: { W: 262, convention: 'measured max', source: primary('googleTpuV3', 'Cloud TPU v3 docs: measured min/mean/max power 123/220/262 W') },
    precisions: {
      bf16: { peak_flop_per_s: 123e12, source: primary('googleTpuV3', 'Cloud TPU v3 docs: peak compute per chip 123 teraflops (bf16); Patterson et al. 2021 Table 4 footnote 12') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 900e9,
    bandwidth_source: primary('googleTpuV3', 'Cloud TPU v3 docs: HBM2 capacity and bandwidth 32 GiB, 900 GBps'),
  },
  {
    id: 'tpu-v4',
    name: 'Google TPU v4',
    tdp_W: 192,
    tdp_source: secondary('googleTpuV4', '192 W maximum measured power (Cloud TPU v4 docs); Google publishes no TDP for v4'),
    power_convention: 'measured max',
    precisions: {
      bf16: { peak_flop_per_s: 275e12, source: secondary('googleTpuV4', '275 TFLOPS BF16') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 1.2e12,
    bandwidth_source: primary('googleTpuV4', 'Cloud TPU v4 docs: HBM2 capacity and bandwidth 32 GiB, 1200 GBps'),
  },
];

/** J/FLOP = TDP / peak dense FLOP/s. */
export function joulesPerFlop(acc: Accelerator, precision: Precision): number {
  const rating = acc.precisions[precision];
  if (!rating) return Number.NaN;
  return acc.tdp_W / rating.peak_flop_per_s;
}

/** Roofline ridge point (FLOP per byte moved at which compute and bandwidth are both saturated). */
export function ridgeIntensity_flop_per_byte(acc: Accelerator, precision: Precision): number {
  const rating = acc.precisions[precision];
  if (!rating) return Number.NaN;
  return rating.peak_flop_per_s / acc.memory_bandwidth_B_per_s;
}

/**
 * The CMOS limit of Ho, Erdil & Besiroglu (2023): 4.7e15 FP4 operations per joule (geometric mean of
 * their estimate), ≈ 2.1e-16 J/FLOP, "roughly two hundred-fold more efficient than current microprocessors".
 * The figure is for FP4 arithmetic; it is applied per FLOP whatever the operand precision, so for BF16
 * or FP32 math it is an optimistic (low) estimate. The row is a property of the workload, not of the
 * chosen accelerator: it has its own off-chip energy and its own arithmetic intensity.
 */
export const CMOS_LIMIT = {
  flop_per_J: 4.7e15,
  J_per_flop: 1 / 4.7e15,
  /** The precision at which Ho et al. state the limit. */
  compute_precision: 'fp4' as Precision,
  source: primary('ho2023', 'abstract: 4.7e15 FP4 operations per joule (geometric mean)'),
  /** Off-chip memory energy assumed for the CMOS-limit machine: the best sourced DRAM figure (HBM3E). */
  memory_J_per_bit: HBM3E_J_PER_BIT,
  memory_source: { ...hbm3eSource, note: 'no sourced physical limit for off-chip access; the best sourced device figure is used' },
  /**
   * FLOP per byte moved off-chip by the CMOS-limit machine running a training workload: 300 FLOP/B,
   * the order of the BF16 ridge points of current accelerators (A100 153, TPU v4 229, B200 292,
   * H100 295), i.e. kernels blocked for today's on-chip SRAM. Assumed, not sourced as a limit.
   */
  intensity_flop_per_byte: 300,
  intensity_source: assumed('300 FLOP/B: the order of current accelerators\' BF16 ridge points (peak FLOP/s ÷ HBM bandwidth, 150–300 FLOP/B); a stated choice, independent of --accelerator'),
} as const;

/** DRAM refresh: JEDEC tREF = 64 ms; energy per refreshed bit taken as the HBM2 row-activation share. */
export const DRAM_REFRESH = {
  interval_s: 0.064,
  interval_source: secondary('jedecDdr', 'tREF = 64 ms at ≤ 85 °C (numbers.md §2.2)'),
  J_per_bit: 1.21e-12,
  energy_source: derived('oconnor2017', 'HBM2 row activation 1.21 pJ/bit', 'activation energy per bit accessed; refresh skips I/O and transfer, so this is taken as an upper-side estimate of refresh energy per bit (assumed)'),
} as const;

export function findAccelerator(id: string): Accelerator | undefined {
  return ACCELERATORS.find((a) => a.id === id.toLowerCase());
}
