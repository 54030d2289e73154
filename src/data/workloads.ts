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

export interface ReportedEnergy {
  energy_J: number;
  source: SourceRef;
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
  time_s: number;
  convergence?: { law: ConvergenceLaw; rate?: number };
  reported_energy?: ReportedEnergy;
  sources: SourceRef[];
  assumptions: string[];
}

const MWH_J = 1000 * KWH_J;
const MONTH_S = 30 * DAY_S;
const MIXED_PRECISION = 'N = 32: mixed-precision training updates FP32 master weights while the matrix math runs in BF16 (assumed)';
const RUN_TIME = 'time to solution 30 days (assumed; a typical large training run)';

export const WORKLOADS: readonly WorkloadPreset[] = [
  {
    id: 'brain-scale',
    name: 'Brain-scale model (1e15 parameters)',
    kind: 'training',
    params: 1e15,
    tokens: 300e9,
    batch_tokens: 3.2e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    time_s: YEAR_S,
    sources: [
      primary('chen2024lim', 'abstract: a brain-scale AI system comprising 1e15 parameters'),
      secondary('brown2020', 'GPT-3: 300e9 training tokens, batch 3.2M tokens (used here as the token budget and batch)'),
      secondary('kaplan2020', 'F = 6·P·D'),
    ],
    assumptions: [
      'P = 1e15 parameters: the upper end of human synapse-count estimates, as in Chen et al.',
      'D = 300e9 tokens: the GPT-3 token budget (a GPT-3-sized data set, not a compute-optimal one)',
      'F = 6·P·D = 1.8e27 FLOP (Kaplan et al. 2020 rule)',
      'batch = 3.2e6 tokens (GPT-3), so S = 93,750 steps',
      MIXED_PRECISION,
      'time to solution 1 year (assumed; the LIM bound is flat in time above seconds, see `limbound tradeoff`)',
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
    accelerator_precision: 'bf16',
    time_s: MONTH_S,
    reported_energy: { energy_J: 1287 * MWH_J, source: secondary('patterson2021', 'GPT-3 training energy 1,287 MWh') },
    sources: [secondary('brown2020', 'Table D.1: 174.6e9 params, 300e9 tokens, 3.14e23 FLOP; batch 3.2M tokens')],
    assumptions: [MIXED_PRECISION, RUN_TIME, 'accelerator rows use BF16 throughput (GPT-3 itself trained on V100 in FP16)'],
  },
  {
    id: 'bloom-176b',
    name: 'BLOOM 176B',
    kind: 'training',
    params: 176e9,
    tokens: 366e9,
    batch_tokens: 4.2e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    time_s: MONTH_S,
    reported_energy: { energy_J: 433 * MWH_J, source: primary('luccioni2023', 'abstract and §: 433 MWh GPU dynamic energy (1,082,990 GPU-h × 0.4 kW)') },
    sources: [primary('luccioni2023', '176e9 parameters')],
    assumptions: ['D = 366e9 tokens (common value, unconfirmed: assumed)', 'F = 6·P·D (assumed rule)', 'batch 4.2e6 tokens (assumed)', MIXED_PRECISION, RUN_TIME],
  },
  {
    id: 'llama-2-70b',
    name: 'Llama 2 70B',
    kind: 'training',
    params: 70e9,
    tokens: 2e12,
    flops: 8.4e23,
    batch_tokens: 4e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    time_s: MONTH_S,
    sources: [
      primary('touvron2023', 'Table 1 and §2.2.1: 70e9 params, 2.0e12 tokens, global batch 4M tokens; 1,720,320 A100 GPU-h'),
      derived('kaplan2020', 'F = 6·P·D = 8.4e23 FLOP'),
    ],
    assumptions: [MIXED_PRECISION, RUN_TIME],
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    kind: 'training',
    params: 405e9,
    tokens: 15e12,
    flops: 3.8e25,
    batch_tokens: 16e6,
    precision_bits: 32,
    accelerator_precision: 'bf16',
    time_s: MONTH_S,
    sources: [
      primary('metaLlama31', 'model card: 405B parameters, ~15 trillion tokens, 30.84M H100-80GB GPU-h'),
      secondary('epochModels', 'training compute 3.8e25 FLOP'),
    ],
    assumptions: ['batch 16e6 tokens (unconfirmed: assumed)', MIXED_PRECISION, RUN_TIME],
  },
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
    time_s: MONTH_S,
    sources: [
      secondary('chowdhery2022', '540e9 params, 780e9 tokens, 2527 zettaFLOP; batch 1M→2M→4M tokens at steps 50k/115k'),
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
    time_s: MONTH_S,
    sources: [primary('hoffmann2022', 'abstract: 70B parameters, 4× more data than Gopher (1.4e12 tokens), same compute budget 5.76e23 FLOP')],
    assumptions: ['batch 3e6 tokens (unconfirmed: assumed)', MIXED_PRECISION, RUN_TIME],
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
    time_s: 4 * DAY_S,
    sources: [secondary('devlin2019', '340M parameters; 1M steps of 256 sequences × 512 tokens (= 1.31e11 token positions)')],
    assumptions: ['training setup (1M steps × 256 × 512) not confirmed from the primary: assumed', 'F = 6·P·D ≈ 2.7e20 FLOP is an upper estimate (most sequences had 128 tokens)', 'N = 32 (FP32 training)', 'time to solution 4 days (assumed)'],
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
    time_s: DAY_S,
    sources: [
      secondary('he2016', 'Table 1: 3.8e9 multiply-adds per 224² forward pass; 25.6M parameters'),
      derived('he2016', 'F ≈ 3 × 2 × 3.8e9 × 1.28e6 images × 90 epochs = 2.6e18 FLOP'),
    ],
    assumptions: ['"tokens" are images seen: 1.28e6 × 90 epochs (epoch count assumed)', 'batch 256 images (assumed)', 'N = 32 (FP32 training)', 'time to solution 1 day (assumed)'],
  },
  {
    id: 'qp-1000',
    name: 'Box-constrained QP, 1000 variables (illustrative)',
    kind: 'optimizer',
    params: 1000,
    precision_bits: 16,
    accelerator_precision: 'fp32',
    time_s: 1e-3,
    convergence: { law: 'linear', rate: 0.95 },
    sources: [assumed('an illustrative optimizer workload: projected gradient descent with contraction 0.95 per iteration')],
    assumptions: ['P = 1000, N = 16 bits, linear convergence ρ = 0.95 (K = 217 iterations), time to solution 1 ms: all assumed'],
  },
];

export function findWorkload(id: string): WorkloadPreset | undefined {
  return WORKLOADS.find((w) => w.id === id.toLowerCase());
}
