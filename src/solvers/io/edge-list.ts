/**
 * Edge-list text formats: the rudy/G-set format (`n m`, then m lines `i j w`, 1-based vertices; Rinaldi's
 * rudy generator, as used by Helmberg & Rendl 1997) and the same layout for Ising (`i j J`, `i i h` for a
 * field) and QUBO (`i j q`, `i i q` for a linear term).
 */
import { MAX_COUPLINGS, MAX_SPINS } from '../ising/problem.js';
import { dataLines, fail, lastLine, parseIntToken, parseRealToken, type SourceRef } from './tokens.js';

export interface ParsedEdges {
  n: number;
  i: Int32Array;
  j: Int32Array;
  w: Float64Array;
  /** 1-based line of each entry, for later errors. */
  lines: Int32Array;
}

/**
 * Parses `n m` + m lines of `i j value`. `allowDiagonal` admits i = j (fields / linear terms); otherwise a
 * self-loop is an error.
 */
export function parseEdgeListText(text: string, file: string, allowDiagonal: boolean): ParsedEdges {
  const rows = dataLines(text);
  if (rows.length === 0) fail({ file, line: 1 }, "empty file: expected a header 'n m'");
  const header = rows[0];
  const href: SourceRef = { file, line: header.line };
  if (header.tokens.length !== 2) fail(href, `bad header: expected 'n m' (vertices, edges), got '${header.tokens.join(' ')}'`);
  const n = parseIntToken(href, 'vertex count n', header.tokens[0], 1, MAX_SPINS);
  const m = parseIntToken(href, 'edge count m', header.tokens[1], 0, MAX_COUPLINGS);
  // Sized by the entries actually present: a header may promise more than the file holds (an error below).
  const size = Math.min(m, rows.length - 1);
  const ii = new Int32Array(size), jj = new Int32Array(size), ww = new Float64Array(size), lines = new Int32Array(size);
  let count = 0;
  for (let r = 1; r < rows.length; r++) {
    const { line, tokens } = rows[r];
    const ref: SourceRef = { file, line };
    if (count === m) fail(ref, `more entries than the ${m} declared in the header (line ${header.line})`);
    if (tokens.length !== 3) fail(ref, `expected 'i j w' (3 fields), got ${tokens.length} field${tokens.length === 1 ? '' : 's'}`);
    const a = parseIntToken(ref, 'vertex', tokens[0], 1, n);
    const b = parseIntToken(ref, 'vertex', tokens[1], 1, n);
    const w = parseRealToken(ref, 'weight', tokens[2]);
    if (a === b && !allowDiagonal) fail(ref, `self-loop ${a}-${b} (a cut never separates a vertex from itself)`);
    ii[count] = a - 1;
    jj[count] = b - 1;
    ww[count] = w;
    lines[count] = line;
    count++;
  }
  if (count < m) fail({ file, line: lastLine(text) }, `file ended after ${count} of the ${m} entries declared in the header`);
  return { n, i: ii, j: jj, w: ww, lines };
}
