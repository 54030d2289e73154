/** Hugging Face configs to parameters and FLOP per token, against published counts and hand arithmetic. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelConfig, modelConfigInput, estimate, InputError } from '../../src/index.js';

const CONFIGS = join(import.meta.dirname, '..', '..', 'examples', 'configs');
const load = (file: string) => JSON.parse(readFileSync(join(CONFIGS, file), 'utf8')) as Record<string, unknown>;

/**
 * Published parameter counts of each shipped config. Where a paper gives only a rounded name ("7B"),
 * the count is the one the model's Hugging Face page reports from its weight files.
 */
const PUBLISHED: Array<{ file: string; params: number; active?: number; source: string }> = [
  { file: 'llama-3-8b.json', params: 8.03e9, source: 'Meta Llama 3 8B model page: 8.03B params' },
  { file: 'mistral-7b.json', params: 7.24e9, source: 'Mistral-7B-v0.1 model page: 7.24B params (Jiang et al. 2023 call it 7B)' },
  { file: 'qwen2-7b.json', params: 7.62e9, source: 'Qwen2-7B model page: 7.62B params' },
  { file: 'gemma-7b.json', params: 786_825_216 + 7_751_248_896, source: 'Gemma Team 2024, arXiv:2403.08295, Table 2: embedding + non-embedding parameters' },
  { file: 'gpt2.json', params: 124e6, source: 'openai-community/gpt2 model page: 124M params (Radford et al. 2019 printed 117M)' },
  { file: 'pythia-1.4b.json', params: 1_414_647_808, source: 'EleutherAI/pythia-1.4b model card: total 1,414,647,808' },
  { file: 'mixtral-8x7b.json', params: 47e9, active: 13e9, source: 'Jiang et al. 2024, arXiv:2401.04088, §2.1: 47B parameters, 13B active per token' },
  { file: 'qwen1.5-moe-a2.7b.json', params: 14.3e9, active: 2.7e9, source: 'Qwen1.5-MoE-A2.7B model card: 14.3B total, 2.7B activated' },
];

for (const p of PUBLISHED) {
  test(`${p.file}: P within 2 % of the published count (${p.source})`, () => {
    const s = parseModelConfig(load(p.file));
    assert.ok(Math.abs(s.params / p.params - 1) < 0.02, `P = ${s.params}, published ${p.params}`);
    if (p.active) assert.ok(Math.abs(s.active_params / p.active - 1) < 0.02, `active = ${s.active_params}, published ${p.active}`);
    else assert.equal(s.active_params, s.params);
  });
}

test('exact counts where the paper prints every digit', () => {
  // Biderman et al. 2023 (Pythia), Table 1: 1,208,602,624 non-embedding parameters for Pythia-1.4B.
  const pythia = parseModelConfig(load('pythia-1.4b.json'));
  assert.equal(pythia.params - 2 * 50304 * 2048, 1_208_602_624);
  // Gemma Team 2024, Table 2: 7,751,248,896 non-embedding parameters for Gemma 7B (tied head).
  const gemma = parseModelConfig(load('gemma-7b.json'));
  assert.equal(gemma.params - gemma.embedding_params, 7_751_248_896);
  // GPT-2 small, counted by hand: 12 layers × 7,087,872 + 2·768 + (50257 + 1024)·768.
  assert.equal(parseModelConfig(load('gpt2.json')).params, 12 * 7_087_872 + 1536 + 51_281 * 768);
});

test('FLOP per token: 6 × matmul weights + 12·L·H·d_head·T, by hand for GPT-2 and Llama-3-8B', () => {
  const gpt2 = parseModelConfig(load('gpt2.json'));
  // Matmul weights: all but the 1024×768 position table (the tied token table is the output head).
  assert.equal(gpt2.matmul_params, 124_439_808 - 786_432);
  assert.equal(gpt2.seq_len, 1024);
  assert.equal(gpt2.flops_per_token, 6 * 123_653_376 + 12 * 12 * 12 * 64 * 1024);
  const llama = parseModelConfig(load('llama-3-8b.json'));
  // Untied: the 128256×4096 input table is a look-up; the output head of the same size is a matmul.
  assert.equal(llama.matmul_params, 8_030_261_248 - 128_256 * 4096);
  assert.equal(llama.attention_flops_per_token, 12 * 32 * 32 * 128 * 8192);
  // With a one-token context the attention term vanishes towards Kaplan's 6N.
  const short = parseModelConfig(load('llama-3-8b.json'), { seq_len: 1 });
  assert.equal(short.flops_per_token, 6 * short.matmul_params + 12 * 32 * 32 * 128);
  assert.equal(llama.precision_bits, 16);
});

test('sliding windows cap the attention span; MoE FLOP follow the active experts', () => {
  const mistral = parseModelConfig(load('mistral-7b.json'));
  assert.equal(mistral.seq_len, 8192);
  assert.equal(mistral.attention_span, 4096);
  const mixtral = parseModelConfig(load('mixtral-8x7b.json'));
  assert.deepEqual(mixtral.experts, { count: 8, per_token: 2 });
  // Dense part: two of eight 3·4096·14336 experts per layer, not all eight.
  assert.equal(mixtral.params - mixtral.active_params, 32 * 6 * 3 * 4096 * 14336);
  assert.equal(mixtral.dense_flops_per_token, 6 * (mixtral.active_params - 32000 * 4096));
});

test('bad configs: one line naming the missing or wrong key', () => {
  const bad = (json: unknown, pattern: RegExp) =>
    assert.throws(() => parseModelConfig(json), (e: unknown) => e instanceof InputError && e.field === 'model_config' && pattern.test(e.message) && !e.message.includes('\n'));
  bad([], /JSON object/);
  bad({ model_type: 'bert' }, /unsupported model_type "bert" \(allowed: llama/);
  const { num_hidden_layers: _, ...noLayers } = load('llama-3-8b.json');
  bad(noLayers, /missing 'num_hidden_layers'/);
  bad({ ...load('mixtral-8x7b.json'), num_experts_per_tok: 9 }, /num_experts_per_tok/);
  bad({ ...load('llama-3-8b.json'), hidden_size: 4096.5 }, /'hidden_size' must be a whole number/);
});

test('a model config feeds the engine: F = flops_per_token · D', () => {
  const s = parseModelConfig(load('llama-3-8b.json'));
  const r = estimate({ ...modelConfigInput(s), tokens: '15T', time_s: '30 d' });
  assert.equal(r.workload.name, 'meta-llama/Meta-Llama-3-8B');
  assert.equal(r.counts.params, 8_030_261_248);
  assert.equal(r.counts.flops, s.flops_per_token * 15e12);
  assert.equal(r.counts.precision_bits, 16);
  assert.ok(!r.rows.some((row) => row.id === 'reported'), "no preset's reported run beside a user's model");
});
