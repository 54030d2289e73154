/**
 * Parameter counts of tiny Hugging Face configs, counted by hand matrix by matrix, for each weight layout
 * (biases, tied heads, experts, shared experts, dense-only layers), and the checks on the config's numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelConfigFromText, modelConfigInput, parseModelConfig } from '../../src/model/model-config.js';
import { InputError } from '../../src/util/errors.js';

const fails = (f: () => unknown, field: string, message?: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof InputError && e.field === field && (!message || message.test(e.message)), `expected an error naming ${field}`);

// d = 4, one layer, 2 query heads and 1 key/value head of head_dim 4/2 = 2, vocab 10, d_ff 6:
// q = 2·2 = 4, kv = 1·2 = 2; attention d·q + 2·d·kv + q·d = 16 + 16 + 16 = 48; gated MLP 3·4·6 = 72;
// two RMSNorm vectors 2·4 = 8; layer = 128. Embedding 10·4 = 40, untied head 40, final norm 4.
const llama = { model_type: 'llama', hidden_size: 4, num_hidden_layers: 1, num_attention_heads: 2, num_key_value_heads: 1, vocab_size: 10, intermediate_size: 6 };

test('llama-family layouts: untied by default, Gemma tied, biases only where the architecture or config puts them', () => {
  // 128 + 40 + 40 + 4 = 212
  const plain = parseModelConfig(llama);
  assert.equal(plain.params, 212);
  assert.equal(plain.tied_embeddings, false);
  // A null flag means "not set": the architecture default applies.
  assert.equal(parseModelConfig({ ...llama, tie_word_embeddings: null }).params, 212);
  // Gemma ties the head: 212 − 40 = 172.
  assert.equal(parseModelConfig({ ...llama, model_type: 'gemma' }).params, 172);
  // Qwen2 has q, k, v biases: q + 2·kv = 4 + 4 = 8 more, 220.
  assert.equal(parseModelConfig({ ...llama, model_type: 'qwen2' }).params, 220);
  // attention_bias adds the q, k, v biases and the output bias (d = 4): 212 + 8 + 4 = 224.
  assert.equal(parseModelConfig({ ...llama, attention_bias: true }).params, 224);
  // mlp_bias: each gated MLP gains 2·d_ff + d = 12 + 4 = 16 biases: 228.
  assert.equal(parseModelConfig({ ...llama, mlp_bias: true }).params, 228);
});

test('mixtral: a router of d per expert, every expert counted in the total, the chosen ones in the active count', () => {
  const moe = { ...llama, model_type: 'mixtral', num_local_experts: 3 };
  // layer = 48 + 8 + router 4·3 = 12 + experts·72; outer 84.
  // All 3 experts per token (allowed: per token = count): 48 + 8 + 12 + 216 = 284, + 84 = 368.
  const all = parseModelConfig({ ...moe, num_experts_per_tok: 3 });
  assert.deepEqual([all.params, all.active_params], [368, 368]);
  // 2 of 3: active 48 + 8 + 12 + 144 = 212, + 84 = 296.
  const two = parseModelConfig({ ...moe, num_experts_per_tok: 2 });
  assert.deepEqual([two.params, two.active_params], [368, 296]);
  assert.deepEqual(two.experts, { count: 3, per_token: 2 });
  fails(() => parseModelConfig({ ...moe, num_experts_per_tok: 4 }), 'model_config', /'num_experts_per_tok' \(4\) must be ≤ 'num_local_experts' \(3\)/);
});

test('qwen2_moe: shared expert with its gate, decoder_sparse_step and mlp_only_layers choose the sparse layers', () => {
  // Qwen2 attention with q, k, v biases: 48 + 8 = 56; norms 8; dense MLP 72; expert MLP 3·4·2 = 24.
  // Sparse MLP, 3 experts: router 12 + 3·24 = 84. Outer 84.
  const moe = { ...llama, model_type: 'qwen2_moe', num_experts: 3, num_experts_per_tok: 3, moe_intermediate_size: 2 };
  // 56 + 8 + 84 = 148, + 84 = 232; no shared expert whether the key is absent or 0.
  assert.equal(parseModelConfig(moe).params, 232);
  assert.equal(parseModelConfig({ ...moe, shared_expert_intermediate_size: 0 }).params, 232);
  // Shared expert of d_ff 5: 3·4·5 = 60 plus its one-output gate d = 4: 64 in every token's path.
  // Total 56 + 8 + 84 + 64 = 212, + 84 = 296; active with 2 experts: 56 + 8 + 12 + 48 + 64 = 188, + 84 = 272.
  const shared = parseModelConfig({ ...moe, num_experts_per_tok: 2, shared_expert_intermediate_size: 5 });
  assert.deepEqual([shared.params, shared.active_params], [296, 272]);
  // Two layers, sparse every 3rd: layers 1 and 2 are both dense, 2·(56 + 8 + 72) = 272, + 84 = 356.
  assert.equal(parseModelConfig({ ...moe, num_hidden_layers: 2, decoder_sparse_step: 3 }).params, 356);
  // Two layers, layer 0 listed dense-only: 136 + 148 = 284, + 84 = 368.
  assert.equal(parseModelConfig({ ...moe, num_hidden_layers: 2, mlp_only_layers: [0] }).params, 368);
  // A layer list that is not a list names no layer: both layers sparse, 2·148 + 84 = 380.
  assert.equal(parseModelConfig({ ...moe, num_hidden_layers: 2, mlp_only_layers: 0 }).params, 380);
  fails(() => parseModelConfig({ ...moe, num_experts_per_tok: 4 }), 'model_config', /'num_experts_per_tok' \(4\) must be ≤ 'num_experts' \(3\)/);
});

test('gpt2 and gpt_neox: LayerNorm weights and biases, fused QKV, 4·d MLP by default, the head tied or not', () => {
  // GPT-2, d = 4, d_ff = 4·4 = 16: 2 LayerNorms 16, QKV 48 + 12, proj 16 + 4, up 64 + 16, down 64 + 4 = 244.
  // Embedding 10·4 + 8 positions·4 = 72, final LayerNorm 8, tied head: 244 + 8 + 72 = 324.
  const gpt2 = { model_type: 'gpt2', n_embd: 4, n_layer: 1, n_head: 2, vocab_size: 10, n_positions: 8 };
  const g = parseModelConfig({ ...gpt2, n_inner: null });
  assert.equal(g.params, 324);
  assert.equal(g.seq_len, 8); // n_positions alone sets the context
  // n_inner 8: up 32 + 8, down 32 + 4: 16 + 60 + 20 + 40 + 36 = 172, + 80 = 252.
  assert.equal(parseModelConfig({ ...gpt2, n_inner: 8 }).params, 252);
  // Untied head: 324 + 40 = 364.
  assert.equal(parseModelConfig({ ...gpt2, tie_word_embeddings: false }).params, 364);
  // NeoX, same layer (biases default on) 244, embedding 40, untied head 40, final norm 8: 332.
  const neox = parseModelConfig({ model_type: 'gpt_neox', hidden_size: 4, num_hidden_layers: 1, num_attention_heads: 2, vocab_size: 10 });
  assert.equal(neox.params, 332);
  assert.equal(neox.tied_embeddings, false);
  assert.equal(neox.head_dim, 2); // 4 / 2
});

test('config numbers: whole numbers from 1 to 1e9, booleans or null for flags, an object at the top', () => {
  fails(() => parseModelConfig({ ...llama, hidden_size: 0 }), 'model_config', /'hidden_size' must be a whole number from 1 to 1e9, got 0/);
  fails(() => parseModelConfig({ ...llama, vocab_size: 2e9 }), 'model_config', /'vocab_size' must be a whole number from 1 to 1e9/);
  // 1e9 itself is allowed: embedding and head 2·1e9·4 = 8e9 on top of the layer's 128 and the norm's 4.
  assert.equal(parseModelConfig({ ...llama, vocab_size: 1e9 }).params, 8e9 + 132);
  fails(() => parseModelConfig({ ...llama, mlp_bias: 'yes' }), 'model_config', /'mlp_bias' must be true or false/);
  fails(() => parseModelConfig(null), 'model_config', /expected a JSON object/);
  fails(() => parseModelConfig('llama'), 'model_config', /expected a JSON object/);
});

test('sequence length: the configured context up to the cap, a sliding window unless switched off, T checked', () => {
  // Attention FLOP per token 12·L·H·d_head·span = 12·1·2·2·span = 48·span.
  assert.equal(parseModelConfig({ ...llama, max_position_embeddings: 4096 }).seq_len, 4096);
  assert.equal(parseModelConfig({ ...llama, max_position_embeddings: 1 }).seq_len, 1);
  // A context of 0 is no context: the default cap of 8192 tokens applies (docs/model.md).
  assert.equal(parseModelConfig({ ...llama, max_position_embeddings: 0 }).seq_len, 8192);
  const windowed = { ...llama, max_position_embeddings: 64, sliding_window: 16 };
  assert.equal(parseModelConfig(windowed).attention_flops_per_token, 48 * 16);
  assert.equal(parseModelConfig({ ...windowed, use_sliding_window: true }).attention_flops_per_token, 48 * 16);
  assert.equal(parseModelConfig({ ...windowed, use_sliding_window: false }).attention_flops_per_token, 48 * 64);
  for (const bad of [1.5, 0, 2e9]) fails(() => parseModelConfig(llama, { seq_len: bad }), 'seq_len', /must be a whole number from 1 to 1e9/);
  assert.equal(parseModelConfig(llama, { seq_len: 1e9 }).attention_span, 1e9);
});

test('name and dtype: the path trimmed and cut to 120 characters, else the model type; float64 is 64 bits', () => {
  assert.equal(parseModelConfig({ ...llama, _name_or_path: '  org/tiny  ' }).name, 'org/tiny');
  assert.equal(parseModelConfig({ ...llama, _name_or_path: '   ' }).name, 'llama');
  assert.equal(parseModelConfig({ ...llama, _name_or_path: 'x'.repeat(130) }).name, 'x'.repeat(120));
  const bf16 = parseModelConfig({ ...llama, torch_dtype: 'bfloat16' });
  assert.deepEqual([bf16.torch_dtype, bf16.precision_bits], ['bfloat16', 16]);
  assert.equal(modelConfigInput(parseModelConfig({ ...llama, torch_dtype: 'float64' })).precision_bits, 64);
  // No torch_dtype: no precision key at all, so the run's own precision_bits stands. F per token: 6·(212 − 40)
  // matmul weights + 48·8192 attention (the default context cap) = 1032 + 393216 = 394248.
  assert.deepEqual(modelConfigInput(parseModelConfig(llama)), { name: 'llama', params: 212, flops_per_token: 394248 });
});

test('config text: bad JSON and bad configs are reported under the caller field with the file name', () => {
  assert.throws(
    () => modelConfigFromText('model', 'tiny.json', '{not json'),
    (e: unknown) => e instanceof InputError && e.field === 'model' && /^model: tiny\.json: not valid JSON \(.+\)$/.test(e.message),
  );
  // The parser's 'model_config: ' prefix (14 characters) is replaced by the caller's field and the file.
  assert.throws(
    () => modelConfigFromText('model', 'tiny.json', '{"model_type": "bert"}'),
    (e: unknown) => e instanceof InputError && e.field === 'model' && e.message.startsWith('model: tiny.json: unsupported model_type "bert" (allowed: llama'),
  );
  // An error of the caller's own option keeps its field.
  fails(() => modelConfigFromText('model', 'tiny.json', JSON.stringify(llama), { seq_len: 0 }), 'seq_len');
  assert.equal(modelConfigFromText('model', 'tiny.json', JSON.stringify(llama)).params, 212);
});
