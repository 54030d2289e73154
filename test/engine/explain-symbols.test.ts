/** Every symbol an --explain formula uses is defined in the Symbols list it prints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, validateInput, explain, explainSymbols } from '../../src/index.js';
import { explainGlossary } from '../../src/model/explain-glossary.js';

/** Symbol-like words of a formula: prose in parentheses ("(reads are reversible)") is dropped, math kept. */
function symbolsOf(formula: string): string[] {
  let f = formula;
  let previous;
  do {
    previous = f;
    f = f.replace(/\([^()]*\)/g, (m) => (/ /.test(m) && !/[·/−+]/.test(m) ? ' ' : ` ${m.slice(1, -1)} `));
  } while (f !== previous);
  return f.match(/[A-Za-zΣτεκ][A-Za-z0-9_*₀-₉]*(?:\/[A-Za-z][A-Za-z0-9_]*)?/g) ?? [];
}

for (const input of [{}, { workload: 'gpt-3' }, { workload: 'qp-1000' }, { device: 'dram', lim_device: 'fn-dam' }]) {
  test(`--explain defines every symbol it uses (${JSON.stringify(input)})`, () => {
    const r = resolve(validateInput(input));
    const defined = new Set<string>();
    for (const [sym] of [...explainSymbols(r), ...explainGlossary(r)]) for (const part of sym.split(/,\s*/)) defined.add(part);
    defined.add('ln2'); // kT·ln2, the Landauer cost of one bit
    defined.add('or'); // alternatives: "A (per-bit cells) or B (analog cells)"
    for (const e of explain(r)) {
      // A formula may define its own helper ("n_ref = T_sol·…").
      const local = new Set([...e.formula.matchAll(/([A-Za-z_]+)\s*=/g)].map((m) => m[1]!));
      for (const sym of symbolsOf(e.formula)) {
        const ok = defined.has(sym) || local.has(sym) || sym.split('/').every((s) => defined.has(s));
        assert.ok(ok, `[${e.row}] ${e.wall}: '${sym}' in "${e.formula}" is not defined`);
      }
    }
  });
}
