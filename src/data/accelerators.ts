/**
 * AI accelerators: peak dense throughput per precision and board power (TDP). Energy per FLOP is derived
 * as TDP ÷ peak — a best case: real runs sit 2–10× higher (MFU < 1, host, network and PUE not counted).
 * Adding a chip is a data-only change: append an entry here, with its sources.
 */
import { type SourceRef, primary, secondary, derived } from './sources.js';

export type Precision = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8' | 'fp4';
export const PRECISIONS: readonly Precision[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'fp4'];

export interface PrecisionRating {
  /** Peak dense throughput in FLOP/s (no 2:4 sparsity). */
  peak_flop_per_s: number;
  source: SourceRef;
}

export interface Accelerator {
  id: string;
  name: string;
  /** Board power in W used to derive J/FLOP. */
  tdp_W: number;
  tdp_source: SourceRef;
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

export const ACCELERATORS: readonly Accelerator[] = [
  {
    id: 'v100',
    name: 'NVIDIA V100 SXM2',
    tdp_W: 300,
    tdp_source: secondary('nvidiaV100', '300 W, GTC 2017 announcement'),
    precisions: {
      fp16: { peak_flop_per_s: 125e12, source: primary('nvidiaV100', '125 Tensor TFLOPS (FP16 tensor cores)') },
      fp32: { peak_flop_per_s: 15e12, source: secondary('nvidiaV100', '15 TFLOPS FP32 at announcement (15.7 final SXM2 is unconfirmed)') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 900e9,
    bandwidth_source: secondary('nvidiaV100', '900 GB/s HBM2 (AnandTech A100 80GB article, V100 column; V100 whitepaper summary)'),
  },
  {
    id: 'a100',
    name: 'NVIDIA A100 SXM4',
    tdp_W: 400,
    tdp_source: secondary('nvidiaA100', '400 W SXM4'),
    precisions: {
      bf16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      fp16: { peak_flop_per_s: 312e12, source: secondary('nvidiaA100', '312 TFLOPS BF16/FP16 tensor, dense') },
      tf32: { peak_flop_per_s: 156e12, source: secondary('nvidiaA100', '156 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 19.5e12, source: secondary('nvidiaA100', '19.5 TFLOPS FP32') },
    },
    memory: 'HBM2e',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: { ...hbm2Source, note: 'HBM2 figure used for HBM2e' },
    memory_bandwidth_B_per_s: 2039e9,
    bandwidth_source: secondary('nvidiaA100', '2,039 GB/s HBM2e, 80 GB SXM4 (NVIDIA datasheet table as reproduced by Thunder Compute and a GitHub copy)'),
  },
  {
    id: 'h100',
    name: 'NVIDIA H100 SXM5',
    tdp_W: 700,
    tdp_source: secondary('nvidiaH100', '700 W SXM5'),
    precisions: {
      bf16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH100', '989.4 TFLOPS BF16 tensor, dense (1979 is sparse)') },
      fp16: { peak_flop_per_s: 989.4e12, source: secondary('nvidiaH100', '989.4 TFLOPS FP16 tensor, dense') },
      fp8: { peak_flop_per_s: 1978.9e12, source: secondary('nvidiaH100', '1978.9 TFLOPS FP8 tensor, dense') },
      tf32: { peak_flop_per_s: 494.7e12, source: secondary('nvidiaH100', '494.7 TFLOPS TF32 tensor, dense') },
      fp32: { peak_flop_per_s: 66.9e12, source: secondary('nvidiaH100', '66.9 TFLOPS FP32') },
    },
    memory: 'HBM3',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: { ...hbm3eSource, note: 'no sourced HBM3 figure; the HBM3E 3.9 pJ/bit is used (assumed proxy)' },
    memory_bandwidth_B_per_s: 3.35e12,
    bandwidth_source: secondary('nvidiaH100', '3,350 GB/s, 5120-bit HBM3 (NVIDIA table as reproduced by HPC Tech)'),
  },
  {
    id: 'b200',
    name: 'NVIDIA B200 (HGX, 1000 W)',
    tdp_W: 1000,
    tdp_source: secondary('nvidiaB200', '1000 W HGX B200'),
    precisions: {
      bf16: { peak_flop_per_s: 2250e12, source: secondary('nvidiaB200', '2250 TFLOPS BF16, dense') },
      fp16: { peak_flop_per_s: 2250e12, source: secondary('nvidiaB200', '2250 TFLOPS FP16, dense') },
      fp8: { peak_flop_per_s: 4500e12, source: secondary('nvidiaB200', '4500 TFLOPS FP8, dense') },
      fp4: { peak_flop_per_s: 9000e12, source: secondary('nvidiaB200', '9000 TFLOPS FP4, dense') },
      tf32: { peak_flop_per_s: 1100e12, source: secondary('nvidiaB200', '1100 TFLOPS TF32') },
      fp32: { peak_flop_per_s: 80e12, source: secondary('nvidiaB200', '80 TFLOPS FP32') },
    },
    memory: 'HBM3E',
    memory_J_per_bit: HBM3E_J_PER_BIT,
    memory_source: hbm3eSource,
    memory_bandwidth_B_per_s: 8e12,
    bandwidth_source: secondary('nvidiaB200', '8.0 TB/s HBM3e (NVIDIA DGX B200: 64 TB/s for 8 GPUs; Vultr docs)'),
  },
  {
    id: 'tpu-v4',
    name: 'Google TPU v4',
    tdp_W: 192,
    tdp_source: secondary('googleTpuV4', '192 W max'),
    precisions: {
      bf16: { peak_flop_per_s: 275e12, source: secondary('googleTpuV4', '275 TFLOPS BF16') },
    },
    memory: 'HBM2',
    memory_J_per_bit: HBM2_J_PER_BIT,
    memory_source: hbm2Source,
    memory_bandwidth_B_per_s: 1.2e12,
    bandwidth_source: primary('googleTpuV4', 'Cloud TPU docs: HBM2 capacity and bandwidth 32 GiB, 1200 GBps'),
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
 */
export const CMOS_LIMIT = {
  flop_per_J: 4.7e15,
  J_per_flop: 1 / 4.7e15,
  source: primary('ho2023', 'abstract: 4.7e15 FP4 operations per joule (geometric mean)'),
  /** Off-chip memory energy assumed for the CMOS-limit machine: the best sourced DRAM figure (HBM3E). */
  memory_J_per_bit: HBM3E_J_PER_BIT,
  memory_source: { ...hbm3eSource, note: 'no sourced physical limit for off-chip access; the best sourced device figure is used' },
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
