/**
 * Workload presets. Training runs: P parameters, D tokens (or samples), F FLOPs (reported, or 6·P·D by
 * Kaplan et al. 2020), batch size B in tokens (steps S = D/B), N = bits of the parameters being updated
 * (FP32 master weights in mixed-precision training), the accelerator precision of the matrix math, and a
 * time to solution. Optimizer presets: P state variables, a convergence law and N bits of precision.
 * Every field that is not a sourced fact is listed in `assumptions`.
 */
import { type SourceRef, primary, secondary, derived, assumed } from './sources.js';
import type { Precision } from './accelerators.js';
import type { ConvergenceLaw } from '../model/convergence.js';
import { YEAR_S, DAY_S, KWH_J } from '../physics/constants.js';

/**
 * What a reported energy includes: 'gpu' (accelerator energy only, e.g. GPU-hours × TDP or integrated
 * nvidia-smi power), 'system' (servers: accelerators plus host CPU, memory, network, fans) or
 * 'facility' (system × PUE: cooling and power delivery of the datacentre included).
 */
export type AccountingBoundary = 'gpu' | 'system' | 'facility';
export const BOUNDARIES: readonly AccountingBoundary[] = ['gpu', 'system', 'facility'];

export interface ReportedEnergy {
  energy_J: number;
  boundary: AccountingBoundary;
  /** How the figure was obtained, in words (e.g. "GPU-hours × TDP"). */
  method: string;
  source: SourceRef;
  /** Published facts of the run, where given: used for a calibrated estimate and double-entry tests. */
  run?: {
    chips?: number;
    days?: number;
    gpu_hours?: number;
    /** Power per chip used in the reported figure, W. */
    power_W?: number;
    /** Model FLOPs utilisation: achieved ÷ peak FLOP/s. */
    mfu?: number;
    pue?: number;
  };
}

export interface WorkloadPreset {
  id: string;
  name: string;
  kind: 'training' | 'optimizer';
  params: number;
  /** Training tokens (or samples for vision models). */
  tokens?: number;
  /** Training FLOPs when reported; otherwise 6·P·D is used. */
  flops?: number;
  batch_tokens?: number;
  /** Optimizer steps when reported (takes precedence over tokens / batch). */
  steps?: number;
  precision_bits: number;
  accelerator_precision: Precision;
  /** The accelerator the run used (the default of the accelerator row for this preset). */
  accelerator: string;
  time_s: number;
  convergence?: { law: ConvergenceLaw; rate?: number };
  reported_energy?: ReportedEnergy;
  sources: SourceRef[];
  assumptions: string[];
}

const MWH_J = 1000 * KWH_J;
const HOUR_S = 3600;
const MONTH_S = 30 * DAY_S;
const MIXED_PRECISION = 'N = 32: mixed-precision training updates FP32 master weights while the matrix math runs in BF16 (assumed)';
const MIXED_PRECISION_FP16 = 'N = 32: mixed-precision training updates FP32 master weights while the matrix math runs in FP16 on V100 tensor cores (assumed)';
const RUN_TIME = 'time to solution 30 days (assumed; a typical large training run)';
const BRAIN_SCALE_P = 1e15;
/** What the two brain-scale presets share: only the token budget D differs between them. */
const BRAIN_SCALE_RUN = {
  kind: 'training',
  params: BRAIN_SCALE_P,
  batch_tokens: 3.2e6,
  precision_bits: 32,
  accelerator_precision: 'bf16',
  accelerator: 'h100',
  time_s: YEAR_S,
} as const satisfies Partial<WorkloadPreset>;

/** GPU-hours × power per GPU, in J: how Meta and Luccioni et al. report training energy. */
const gpuHoursEnergy = (gpuHours: number, powerW: number) => gpuHours * HOUR_S * powerW;

/** A run of Patterson et al. 2021, Table 4: measured system power per accelerator × chips × days × PUE. */
function pattersonRun(o: { chips: number; days: number; systemPowerW: number; pue: number; mwh: number; achievedTflops: number; peakTflops: number; name: string }): ReportedEnergy {
  return {
    energy_J: o.mwh * MWH_J,
    boundary: 'facility',
    method: `measured system power per accelerator (${o.systemPowerW} W, host and network included) × ${o.chips} chips × ${o.days} days × PUE ${o.pue}`,
    source: primary('patterson2021', `Table 4, ${o.name}: ${o.mwh} MWh; ${o.chips} chips, ${o.days} days, ${o.systemPowerW} W per accelerator, PUE ${o.pue}, ${o.achievedTflops} TFLOPS/s measured of ${o.peakTflops} peak`),
    run: { chips: o.chips, days: o.days, power_W: o.systemPowerW, mfu: o.achievedTflops / o.peakTflops, pue: o.pue },
  };
}

function llamaRun(gpuHours: number, powerW: number, where: string, citation: string): ReportedEnergy {
  return {
    energy_J: gpuHoursEnergy(gpuHours, powerW),
    boundary: 'gpu',
    method: `GPU-hours × per-GPU power (${gpuHours.toLocaleString('en-US')} h × ${powerW} W): an upper estimate of GPU energy, host and facility not included`,
    source: derived(citation, `${where}: ${gpuHours.toLocaleString('en-US')} GPU-hours, ${powerW} W per GPU; energy = hours × power`),
    run: { gpu_hours: gpuHours, power_W: powerW },
  };
}

const llama2 = (params: number, gpuHours: number, label: string): WorkloadPreset => ({
  id: `llama-2-${label.toLowerCase()}`,
  name: `Llama 2 ${label}`,
  kind: 'training',
  params,
  tokens: 2e12,
  flops: 6 * params * 2e12,
  batch_tokens: 4e6,
  precision_bits: 32,
  accelerator_precision: 'bf16',
  accelerator: 'a100',
  time_s: MONTH_S,
  reported_energy: llamaRun(gpuHours, 400, `model card, Llama 2 ${label}`, 'metaLlama2Card'),
  sources: [
    primary('touvron2023', `Table 1 and §2.2.1: ${label} parameters, 2.0e12 tokens, global batch 4M tokens; A100-80GB GPUs`),
    derived('kaplan2020', `F = 6·P·D = ${(6 * params * 2e12).toExponential(2)} FLOP`),
  ],
  assumptions: [MIXED_PRECISION, RUN_TIME],
});

const llama31 = (params: number, tokens: number, flops: number, gpuHours: number, label: string, tokenSource: SourceRef): WorkloadPreset => ({
  id: `llama-3.1-${label.toLowerCase()}`,
  name: `Llama 3.1 ${label}`,
  kind: 'training',
  params,
  tokens,
  flops,
  batch_tokens: 16e6,
  precision_bits: 32,
  accelerator_precision: 'bf16',
  accelerator: 'h100',
  time_s: MONTH_S,
  reported_energy: llamaRun(gpuHours, 700, `model card, Llama 3.1 ${label}`, 'metaLlama31'),
  sources: [primary('metaLlama31', `model card: ${label} parameters, H100-80GB GPUs at 700 W TDP`), tokenSource],
  assumptions: ['batch 16e6 tokens (unconfirmed: assumed)', MIXED_PRECISION, RUN_TIME],
});

/** Tokens a run of F FLOP on P (active) parameters implies under F = 6·P·D. */
const tokensFromFlops = (flops: number, activeParams: number) => flops / (6 * activeParams);

function patterson(o: { id: string; name: string; params: number; activeParams: number; flops: number; run: Parameters<typeof pattersonRun>[0]; days: number; note?: string }): WorkloadPreset {
  return {
    id: o.id,
    name: o.name,
    kind: 'training',
    params: o.params,
    tokens: tokensFromFlops(o.flops, o.activeParams),
    flops: o.flops,
    batch_tokens: 1e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'tpu-v3',
    time_s: o.days * DAY_S,
    reported_energy: pattersonRun(o.run),
    sources: [primary('patterson2021', `Table 4, ${o.name}: ${o.params / 1e9}B parameters (${Number(((100 * o.activeParams) / o.params).toPrecision(2))}% activated per token), ${o.flops.toExponential(2)} FLOP, TPU v3, ${o.run.chips} chips, ${o.days} days`)],
    assumptions: [
      `D = F/(6·P_active) = ${tokensFromFlops(o.flops, o.activeParams).toExponential(2)} tokens (derived so that the reported F holds; the token count is not in Table 4)`,
      'batch 1e6 tokens (assumed; sets the step count only)',
      'N = 32: FP32 master weights, BF16 matrix math on TPU v3 (assumed)',
      `time to solution ${o.days} days (Table 4)`,
      ...(o.note ? [o.note] : []),
    ],
  };
}

export const WORKLOADS: readonly WorkloadPreset[] = [
  {
    id: 'brain-scale',
    name: 'Brain-scale model (1e15 parameters)',
    ...BRAIN_SCALE_RUN,
    tokens: 300e9,
    sources: [
      primary('chen2024lim', 'abstract: a brain-scale AI system comprising 1e15 parameters'),
      secondary('brown2020', 'GPT-3: 300e9 training tokens, batch 3.2M tokens (used here as the token budget and batch)'),
      secondary('kaplan2020', 'F = 6·P·D'),
    ],
    assumptions: [
      'P = 1e15 parameters: the upper end of human synapse-count estimates, as in Chen et al.',
      'D = 300e9 tokens: chosen to reproduce the seed paper\'s 1e8–1e9 J anchor (GPT-3\'s token budget); a compute-optimal run would use D = 20·P, see brain-scale-compute-optimal',
      'F = 6·P·D = 1.8e27 FLOP (Kaplan et al. 2020 rule)',
      'batch = 3.2e6 tokens (GPT-3), so S = 93,750 steps',
      MIXED_PRECISION,
      'accelerator row: H100 SXM5 (a hypothetical run; no such run exists)',
      'time to solution 1 year (assumed; the LIM bound is flat in time above seconds, see `limbound tradeoff`)',
    ],
  },
  {
    id: 'brain-scale-compute-optimal',
    name: 'Brain-scale model, compute-optimal (D = 20·P)',
    ...BRAIN_SCALE_RUN,
    tokens: 20 * BRAIN_SCALE_P,
    sources: [
      primary('chen2024lim', 'abstract: a brain-scale AI system comprising 1e15 parameters'),
      secondary('hoffmann2022', 'compute-optimal training: about 20 tokens per parameter (Chinchilla)'),
      secondary('kaplan2020', 'F = 6·P·D'),
    ],
    assumptions: [
      'P = 1e15 parameters (as brain-scale)',
      'D = 20·P = 2e16 tokens: the Chinchilla compute-optimal ratio, 6.7e4 × the brain-scale preset\'s D',
      'F = 6·P·D = 1.2e32 FLOP',
      'batch = 3.2e6 tokens (GPT-3; assumed)',
      MIXED_PRECISION,
      'accelerator row: H100 SXM5 (hypothetical)',
      'time to solution 1 year (assumed)',
    ],
  },
  {
    id: 'gpt-3',
    name: 'GPT-3 175B',
    kind: 'training',
    params: 175e9,
    tokens: 300e9,
    flops: 3.14e23,
    batch_tokens: 3.2e6,
    precision_bits: 32,
    accelerator_precision: 'fp16',
    accelerator: 'v100',
    time_s: 14.8 * DAY_S,
    reported_energy: {
      energy_J: 1287 * MWH_J,
      boundary: 'facility',
      method: 'measured system power per V100 (330 W, host and network included) × 10,000 GPUs × 14.8 days × PUE 1.10 (OpenAI-measured inputs, Patterson et al.\'s arithmetic): an estimate from measured power, not a meter reading',
      source: primary('patterson2021', 'Table 4, GPT-3: 1,287 MWh; 10,000 V100, 14.8 days, 330 W per accelerator, PUE 1.10, 24.6 TFLOPS/s measured of 125 peak'),
      run: { chips: 10000, days: 14.8, power_W: 330, mfu: 24.6 / 125, pue: 1.1 },
    },
    sources: [
      secondary('brown2020', 'Table D.1: 174.6e9 params, 300e9 tokens, 3.14e23 FLOP; batch 3.2M tokens'),
      primary('patterson2021', 'Table 4: V100 GPUs, 10,000 chips, 14.8 days'),
    ],
    assumptions: [MIXED_PRECISION_FP16, 'time to solution 14.8 days (Patterson et al. Table 4)'],
  },
  {
    id: 'bloom-176b',
    name: 'BLOOM 176B',
    kind: 'training',
    params: 176e9,
    tokens: 366e9,
    batch_tokens: 2048 * 2048,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'a100',
    time_s: 1082990 * HOUR_S / 384,
    reported_energy: {
      energy_J: 433 * MWH_J,
      boundary: 'gpu',
      method: 'GPU-hours × TDP (1,082,990 A100-hours × 400 W): GPU dynamic energy, idle and host power and PUE not included',
      source: primary('luccioni2023', 'abstract and §: 433 MWh GPU dynamic energy (1,082,990 GPU-h × 0.4 kW)'),
      run: { gpu_hours: 1082990, power_W: 400, chips: 384 },
    },
    sources: [
      primary('luccioni2023', '176e9 parameters; 1,082,990 A100-80GB GPU-hours'),
      secondary('bigscience2022', '366e9 training tokens; global batch 2048 sequences × 2048 tokens; 384 A100-80GB GPUs', 'not re-read this session'),
    ],
    assumptions: ['F = 6·P·D (Kaplan et al. rule)', MIXED_PRECISION, 'time to solution = GPU-hours ÷ 384 GPUs (≈ 118 days)'],
  },
  llama2(7e9, 184320, '7B'),
  llama2(13e9, 368640, '13B'),
  llama2(70e9, 1720320, '70B'),
  llama31(8e9, 15e12, 6 * 8e9 * 15e12, 1.46e6, '8B', primary('metaLlama31', 'model card: ~15 trillion tokens of pretraining data; F = 6·P·D')),
  llama31(70e9, 15e12, 6 * 70e9 * 15e12, 7.0e6, '70B', primary('metaLlama31', 'model card: ~15 trillion tokens of pretraining data; F = 6·P·D')),
  llama31(405e9, 15.6e12, 3.8e25, 30.84e6, '405B', secondary('dubey2024', '405B pre-trained on 15.6T tokens with 3.8e25 FLOP (6·P·D = 3.79e25)')),
  patterson({ id: 't5-11b', name: 'T5 11B', params: 11e9, activeParams: 11e9, flops: 4.05e22, days: 20, run: { name: 'T5', chips: 512, days: 20, systemPowerW: 310, pue: 1.12, mwh: 85.7, achievedTflops: 45.6, peakTflops: 123 } }),
  patterson({ id: 'meena', name: 'Meena 2.6B', params: 2.6e9, activeParams: 2.6e9, flops: 1.12e23, days: 30, run: { name: 'Meena', chips: 1024, days: 30, systemPowerW: 289, pue: 1.09, mwh: 232, achievedTflops: 42.3, peakTflops: 123 } }),
  patterson({ id: 'gshard-600b', name: 'GShard-600B (MoE)', params: 619e9, activeParams: 619e9 * 0.0025, flops: 1.33e22, days: 3.1, run: { name: 'GShard-600B', chips: 1024, days: 3.1, systemPowerW: 288, pue: 1.09, mwh: 24.1, achievedTflops: 48.0, peakTflops: 123 }, note: 'sparse mixture of experts: 0.25% of the parameters are active per token; P counts all stored parameters' }),
  patterson({ id: 'switch-transformer', name: 'Switch Transformer 1.5T (MoE)', params: 1500e9, activeParams: 1500e9 * 0.001, flops: 8.22e22, days: 27, run: { name: 'Switch Transformer', chips: 1024, days: 27, systemPowerW: 245, pue: 1.1, mwh: 179, achievedTflops: 34.4, peakTflops: 123 }, note: 'sparse mixture of experts: 0.1% of the parameters are active per token; P counts all stored parameters' }),
  {
    id: 'palm-540b',
    name: 'PaLM 540B',
    kind: 'training',
    params: 540e9,
    tokens: 780e9,
    flops: 2.56e24,
    steps: 256000,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'tpu-v4',
    time_s: MONTH_S,
    sources: [
      secondary('chowdhery2022', '540e9 params, 780e9 tokens, 2527 zettaFLOP; batch 1M→2M→4M tokens at steps 50k/115k; TPU v4'),
      derived('chowdhery2022', '≈ 256,000 optimizer steps from the batch schedule'),
    ],
    assumptions: [MIXED_PRECISION, RUN_TIME],
  },
  {
    id: 'chinchilla-70b',
    name: 'Chinchilla 70B',
    kind: 'training',
    params: 70e9,
    tokens: 1.4e12,
    flops: 5.76e23,
    batch_tokens: 3e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'tpu-v4',
    time_s: MONTH_S,
    sources: [primary('hoffmann2022', 'abstract: 70B parameters, 4× more data than Gopher (1.4e12 tokens), same compute budget 5.76e23 FLOP; trained on TPU v3/v4')],
    assumptions: ['batch 3e6 tokens (unconfirmed: assumed)', 'accelerator row: TPU v4 (the paper used TPU v3 and v4; assumed)', MIXED_PRECISION, RUN_TIME],
  },
  {
    id: 'bert-large',
    name: 'BERT-large',
    kind: 'training',
    params: 340e6,
    tokens: 1.31e11,
    steps: 1e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'tpu-v2',
    time_s: 4 * DAY_S,
    sources: [secondary('devlin2019', '340M parameters; 1M steps of 256 sequences × 512 tokens (= 1.31e11 token positions); 16 Cloud TPUs (64 TPU chips), 4 days')],
    assumptions: ['training setup (1M steps × 256 × 512) not confirmed from the primary: assumed', 'F = 6·P·D ≈ 2.7e20 FLOP is an upper estimate (most sequences had 128 tokens)', 'N = 32 (FP32 master weights)', 'accelerator row: TPU v2 (Cloud TPUs of 2018; assumed)', 'time to solution 4 days (assumed)'],
  },
  {
    id: 'resnet-50',
    name: 'ResNet-50 on ImageNet-1k',
    kind: 'training',
    params: 25.6e6,
    tokens: 1.28e6 * 90,
    flops: 2.6e18,
    batch_tokens: 256,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    accelerator: 'a100',
    time_s: DAY_S,
    sources: [
      secondary('he2016', 'Table 1: 3.8e9 multiply-adds per 224² forward pass; 25.6M parameters'),
      derived('he2016', 'F ≈ 3 × 2 × 3.8e9 × 1.28e6 images × 90 epochs = 2.6e18 FLOP'),
    ],
    assumptions: ['"tokens" are images seen: 1.28e6 × 90 epochs (epoch count assumed)', 'batch 256 images (assumed)', 'N = 32 (FP32 training)', 'accelerator row: A100 (a modern single-node run; assumed)', 'time to solution 1 day (assumed)'],
  },
  {
    id: 'qp-1000',
    name: 'Box-constrained QP, 1000 variables (illustrative)',
    kind: 'optimizer',
    params: 1000,
    precision_bits: 16,
    accelerator_precision: 'fp32',
    accelerator: 'h100',
    time_s: 1e-3,
    convergence: { law: 'linear', rate: 0.95 },
    sources: [assumed('an illustrative optimizer workload: projected gradient descent with contraction 0.95 per iteration')],
    assumptions: ['P = 1000, N = 16 bits, linear convergence ρ = 0.95 (K = 217 iterations), time to solution 1 ms: all assumed'],
  },
];

export function findWorkload(id: string): WorkloadPreset | undefined {
  return WORKLOADS.find((w) => w.id === id.toLowerCase());
}
