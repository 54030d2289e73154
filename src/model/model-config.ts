/**
 * A Hugging Face `config.json` (the `transformers` format) to the inputs the engine needs: parameters
 * (total, and active per token for mixture-of-experts models), training FLOP per token with the
 * attention term at a stated sequence length, and the weight precision from `torch_dtype`
 * (docs/model.md §1.1). Pure and free of Node APIs: the CLI reads the file, the web page its upload.
 */
import { InputError } from '../util/errors.js';
import { sanitize } from '../util/text.js';

/** Architectures whose weight layout is counted here (`model_type` of the config). */
export const MODEL_TYPES = ['llama', 'mistral', 'qwen2', 'gemma', 'mixtral', 'qwen2_moe', 'gpt2', 'gpt_neox'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** Sequence length used when the caller gives none: the configured context, at most this many tokens. */
export const DEFAULT_SEQ_LEN_CAP = 8192;

export interface ModelConfigSummary {
  /** `_name_or_path` of the config, else its model_type. */
  name: string;
  model_type: ModelType;
  layers: number;
  hidden_size: number;
  attention_heads: number;
  head_dim: number;
  vocab_size: number;
  tied_embeddings: boolean;
  /** Routed experts and experts per token (mixture-of-experts models only). */
  experts?: { count: number; per_token: number };
  /** Every weight of the checkpoint. */
  params: number;
  /** Weights one token passes through (= params for dense models). */
  active_params: number;
  /** Input-embedding (and learned-position) weights: a table look-up, no multiply. */
  embedding_params: number;
  /** Weights a token multiplies by: active − embedding look-up, plus the tied output head. */
  matmul_params: number;
  /** T: the sequence length the attention term is counted at. */
  seq_len: number;
  /** Keys each query attends to: T, or the sliding window when smaller. */
  attention_span: number;
  /** Training FLOP per token: 6·matmul_params + 12·L·H·d_head·span (forward + backward). */
  flops_per_token: number;
  /** Its two parts. */
  dense_flops_per_token: number;
  attention_flops_per_token: number;
  torch_dtype?: string;
  /** Bits per weight of torch_dtype (undefined when the config has none). */
  precision_bits?: number;
}

export interface ModelConfigOptions {
  /** T for the attention term (default: the configured context, capped at DEFAULT_SEQ_LEN_CAP). */
  seq_len?: number;
}

const DTYPE_BITS: Record<string, number> = {
  float32: 32, float: 32, float64: 64, double: 64, bfloat16: 16, float16: 16, half: 16,
  float8_e4m3fn: 8, float8_e5m2: 8,
};

type Json = Record<string, unknown>;

/** A positive whole number at `key`, or an error naming it. */
function whole(cfg: Json, key: string, fallback?: number): number {
  const value = cfg[key] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1e9) {
    throw new InputError('model_config', value === undefined ? `missing '${key}' (a whole number ≥ 1)` : `'${key}' must be a whole number from 1 to 1e9, got ${JSON.stringify(value)}`);
  }
  return value;
}

function flag(cfg: Json, key: string, fallback: boolean): boolean {
  const value = cfg[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new InputError('model_config', `'${key}' must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** Reads a transformers config.json (already parsed) into parameter and FLOP counts. */
export function parseModelConfig(json: unknown, options: ModelConfigOptions = {}): ModelConfigSummary {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InputError('model_config', 'expected a JSON object (a Hugging Face config.json)');
  const cfg = json as Json;
  const type = cfg.model_type;
  if (typeof type !== 'string' || !(MODEL_TYPES as readonly string[]).includes(type)) {
    throw new InputError('model_config', `unsupported model_type ${JSON.stringify(type)} (allowed: ${MODEL_TYPES.join(', ')})`);
  }
  const modelType = type as ModelType;
  const shape = modelType === 'gpt2' ? gpt2Shape(cfg) : modelType === 'gpt_neox' ? neoxShape(cfg) : decoderShape(cfg, modelType);

  const configured = modelType === 'gpt2' ? cfg.n_positions ?? cfg.n_ctx : cfg.max_position_embeddings;
  const seqLen = options.seq_len ?? Math.min(typeof configured === 'number' && configured >= 1 ? configured : DEFAULT_SEQ_LEN_CAP, DEFAULT_SEQ_LEN_CAP);
  if (!Number.isInteger(seqLen) || seqLen < 1 || seqLen > 1e9) throw new InputError('seq_len', `must be a whole number from 1 to 1e9, got ${seqLen}`);
  const window = typeof cfg.sliding_window === 'number' && cfg.use_sliding_window !== false ? cfg.sliding_window : Infinity;
  const span = Math.min(seqLen, window);

  const matmul = shape.active - shape.embedding + (shape.tied ? shape.vocab * shape.hidden : 0);
  const dense = 6 * matmul;
  const attention = 12 * shape.layers * shape.heads * shape.headDim * span;
  const dtype = typeof cfg.torch_dtype === 'string' ? cfg.torch_dtype : undefined;
  const name = typeof cfg._name_or_path === 'string' && cfg._name_or_path.trim() ? cfg._name_or_path.trim().slice(0, 120) : modelType;
  return {
    name,
    model_type: modelType,
    layers: shape.layers,
    hidden_size: shape.hidden,
    attention_heads: shape.heads,
    head_dim: shape.headDim,
    vocab_size: shape.vocab,
    tied_embeddings: shape.tied,
    ...(shape.experts ? { experts: shape.experts } : {}),
    params: shape.total,
    active_params: shape.active,
    embedding_params: shape.embedding,
    matmul_params: matmul,
    seq_len: seqLen,
    attention_span: span,
    flops_per_token: dense + attention,
    dense_flops_per_token: dense,
    attention_flops_per_token: attention,
    ...(dtype ? { torch_dtype: dtype } : {}),
    ...(dtype && DTYPE_BITS[dtype] ? { precision_bits: DTYPE_BITS[dtype] } : {}),
  };
}

/** Reads the text of a config.json called `name`; a bad file gets one line naming `field` and the file. */
export function modelConfigFromText(field: string, name: string, text: string, options: ModelConfigOptions = {}): ModelConfigSummary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(field, `${sanitize(name)}: not valid JSON (${sanitize((err as Error).message.split('\n')[0] ?? '')})`);
  }
  try {
    return parseModelConfig(json, options);
  } catch (err) {
    if (err instanceof InputError && err.field === 'model_config') throw new InputError(field, `${sanitize(name)}: ${err.message.slice(err.field.length + 2)}`);
    throw err;
  }
}

/** The engine inputs a model config sets; explicit flags and config keys override them. */
export function modelConfigInput(s: ModelConfigSummary): { name: string; params: number; flops_per_token: number; precision_bits?: number } {
  return { name: s.name, params: s.params, flops_per_token: s.flops_per_token, ...(s.precision_bits ? { precision_bits: s.precision_bits } : {}) };
}

interface Shape {
  layers: number;
  hidden: number;
  heads: number;
  headDim: number;
  vocab: number;
  tied: boolean;
  total: number;
  active: number;
  embedding: number;
  experts?: { count: number; per_token: number };
}

/**
 * Llama-family decoders (llama, mistral, qwen2, gemma) and their mixture-of-experts variants
 * (mixtral, qwen2_moe): RMSNorm (one weight vector) before attention and MLP, grouped-query attention,
 * a gated MLP of three d×d_ff matrices, rotary positions (no weights).
 */
function decoderShape(cfg: Json, type: ModelType): Shape {
  const d = whole(cfg, 'hidden_size');
  const layers = whole(cfg, 'num_hidden_layers');
  const heads = whole(cfg, 'num_attention_heads');
  const kvHeads = whole(cfg, 'num_key_value_heads', heads);
  const headDim = whole(cfg, 'head_dim', Math.floor(d / heads));
  const vocab = whole(cfg, 'vocab_size');
  const ff = whole(cfg, 'intermediate_size');
  // transformers' defaults per architecture: Gemma ties its output head to the embedding, the others do not.
  const tied = flag(cfg, 'tie_word_embeddings', type === 'gemma');
  const qkvBias = type === 'qwen2' || type === 'qwen2_moe';
  const allBias = flag(cfg, 'attention_bias', false);
  const mlpBias = flag(cfg, 'mlp_bias', false);

  const q = heads * headDim;
  const kv = kvHeads * headDim;
  const attention = d * q + 2 * d * kv + q * d + (qkvBias || allBias ? q + 2 * kv : 0) + (allBias ? d : 0);
  const gated = (width: number) => 3 * d * width + (mlpBias ? 2 * width + d : 0);
  const norms = 2 * d;

  let total = 0;
  let active = 0;
  let experts: Shape['experts'];
  if (type === 'mixtral') {
    const count = whole(cfg, 'num_local_experts');
    const perToken = whole(cfg, 'num_experts_per_tok');
    if (perToken > count) throw new InputError('model_config', `'num_experts_per_tok' (${perToken}) must be ≤ 'num_local_experts' (${count})`);
    experts = { count, per_token: perToken };
    const router = d * count;
    total = layers * (attention + norms + router + count * gated(ff));
    active = layers * (attention + norms + router + perToken * gated(ff));
  } else if (type === 'qwen2_moe') {
    const count = whole(cfg, 'num_experts');
    const perToken = whole(cfg, 'num_experts_per_tok');
    if (perToken > count) throw new InputError('model_config', `'num_experts_per_tok' (${perToken}) must be ≤ 'num_experts' (${count})`);
    experts = { count, per_token: perToken };
    const expertFf = whole(cfg, 'moe_intermediate_size');
    const sharedFf = cfg.shared_expert_intermediate_size === undefined || cfg.shared_expert_intermediate_size === 0 ? 0 : whole(cfg, 'shared_expert_intermediate_size');
    const step = whole(cfg, 'decoder_sparse_step', 1);
    // Stryker disable next-line ArrayDeclaration: a layer number never equals the string a mutated empty list would hold
    const denseOnly = new Set<unknown>(Array.isArray(cfg.mlp_only_layers) ? cfg.mlp_only_layers : []); // entries that are not layer numbers match no layer
    // A shared expert has its own one-output gate (d weights) beside the router (d per expert).
    const shared = sharedFf ? gated(sharedFf) + d : 0;
    for (let i = 0; i < layers; i++) {
      const sparse = !denseOnly.has(i) && (i + 1) % step === 0;
      const mlpTotal = sparse ? d * count + count * gated(expertFf) + shared : gated(ff);
      const mlpActive = sparse ? d * count + perToken * gated(expertFf) + shared : gated(ff);
      total += attention + norms + mlpTotal;
      active += attention + norms + mlpActive;
    }
  } else {
    total = layers * (attention + norms + gated(ff));
    active = total;
  }
  const embedding = vocab * d;
  const outer = embedding + (tied ? 0 : vocab * d) + d; // embeddings, output head, final norm
  return { layers, hidden: d, heads, headDim, vocab, tied, total: total + outer, active: active + outer, embedding, experts };
}

/** GPT-2: LayerNorm (weight and bias), fused QKV with biases, a 4d MLP with biases, learned positions, tied head. */
function gpt2Shape(cfg: Json): Shape {
  const d = whole(cfg, 'n_embd');
  const layers = whole(cfg, 'n_layer');
  const heads = whole(cfg, 'n_head');
  const vocab = whole(cfg, 'vocab_size');
  const positions = whole(cfg, 'n_positions', typeof cfg.n_ctx === 'number' ? cfg.n_ctx : undefined);
  const ff = cfg.n_inner === null || cfg.n_inner === undefined ? 4 * d : whole(cfg, 'n_inner');
  const tied = flag(cfg, 'tie_word_embeddings', true);
  const perLayer = 2 * 2 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * ff + ff) + (ff * d + d);
  const embedding = vocab * d + positions * d;
  const total = layers * perLayer + 2 * d + embedding + (tied ? 0 : vocab * d);
  return { layers, hidden: d, heads, headDim: d / heads, vocab, tied, total, active: total, embedding };
}

/** GPT-NeoX (Pythia): two LayerNorms per layer, fused QKV, biases throughout, rotary positions, untied head. */
function neoxShape(cfg: Json): Shape {
  const d = whole(cfg, 'hidden_size');
  const layers = whole(cfg, 'num_hidden_layers');
  const heads = whole(cfg, 'num_attention_heads');
  const vocab = whole(cfg, 'vocab_size');
  const ff = whole(cfg, 'intermediate_size', 4 * d);
  const tied = flag(cfg, 'tie_word_embeddings', false);
  const bias = flag(cfg, 'attention_bias', true);
  const perLayer = 2 * 2 * d + (d * 3 * d + (bias ? 3 * d : 0)) + (d * d + (bias ? d : 0)) + (d * ff + ff) + (ff * d + d);
  const embedding = vocab * d;
  const total = layers * perLayer + 2 * d + embedding + (tied ? 0 : vocab * d);
  return { layers, hidden: d, heads, headDim: d / heads, vocab, tied, total, active: total, embedding };
}
