/** The CLI end to end with a Hugging Face model config (kept apart from the in-process tests, which the mutation run uses). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const CONFIGS = join(import.meta.dirname, '..', '..', 'examples', 'configs');
const CLI = join(import.meta.dirname, '..', '..', 'src', 'cli', 'index.ts');

function limbound(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: Llama-3-8B from its config on 15T tokens on H100 for 30 days', () => {
  const r = limbound('estimate', '--model-config', join(CONFIGS, 'llama-3-8b.json'), '--tokens', '15T', '--accelerator', 'h100', '--time-s', '30 d', '--json');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /llama, P = 8\.03e9 .*flops_per_token = 6·7\.505e9 \+ 12·32·32·128·8192 = 5\.791e10 FLOP at seq_len 8192 · torch_dtype bfloat16 → precision_bits 16/);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.inputs.tokens, 15e12);
  assert.equal(doc.counts.time_s, 30 * 86400);
  assert.equal(doc.counts.flops, (6 * 7_504_924_672 + 12 * 32 * 32 * 128 * 8192) * 15e12);
  const h100 = doc.rows.find((row: { id: string }) => row.id === 'vn-accelerator');
  assert.match(h100.label, /H100/);
  // Flags override the model config.
  const r32 = limbound('estimate', '--model-config', join(CONFIGS, 'llama-3-8b.json'), '--tokens', '15T', '--precision-bits', '32', '--seq-len', '4k', '--json');
  assert.equal(r32.code, 0, r32.stderr);
  assert.equal(JSON.parse(r32.stdout).counts.precision_bits, 32);
  assert.equal(JSON.parse(r32.stdout).inputs.flops_per_token, 6 * 7_504_924_672 + 12 * 32 * 32 * 128 * 4000);
});

test('CLI: a missing or malformed model config is one line naming the option, exit 2', () => {
  const missing = limbound('estimate', '--model-config', '/nonexistent/config.json');
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), "error: model-config: cannot read '/nonexistent/config.json': no such file");
  const noSeq = limbound('estimate', '--seq-len', '4096');
  assert.equal(noSeq.code, 2);
  assert.match(noSeq.stderr, /^error: seq-len: applies with --model-config only\n$/);
});
