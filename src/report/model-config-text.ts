/** What a model config set, in one line: shared by the CLI (on stderr) and the web page (beside the upload). */
import type { ModelConfigSummary } from '../model/model-config.js';
import { formatScientific } from '../util/format.js';

/** One line on what a model config set, so the numbers it feeds in are never silent. */
export function describeModelConfig(path: string, s: ModelConfigSummary): string {
  const moe = s.experts ? ` (${s.experts.count} experts, ${s.experts.per_token} per token: ${formatScientific(s.active_params, 3)} active)` : '';
  const window = s.attention_span < s.seq_len ? `, window ${s.attention_span}` : '';
  const dtype = s.torch_dtype ? ` · torch_dtype ${s.torch_dtype}${s.precision_bits ? ` → precision_bits ${s.precision_bits}` : ''}` : '';
  return `model config ${path}: ${s.model_type}, P = ${formatScientific(s.params, 4)}${moe} · flops_per_token = 6·${formatScientific(s.matmul_params, 4)} + 12·${s.layers}·${s.attention_heads}·${s.head_dim}·${s.attention_span} = ${formatScientific(s.flops_per_token, 4)} FLOP at seq_len ${s.seq_len}${window}${dtype}`;
}
