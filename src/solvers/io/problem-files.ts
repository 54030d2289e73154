/**
 * Reading problem files: G-set/rudy MAX-CUT edge lists, Ising and QUBO problems (JSON or edge list) and
 * box-constrained QPs (JSON). Every error names the file and the line.
 *
 * JSON formats (indices 0-based unless "index_base": 1):
 *   {"type": "ising", "n": 3, "couplings": [[i, j, J_ij], …], "fields": [h_0, …]}   H = −ΣJ s s − Σh s
 *   {"type": "qubo",  "n": 3, "terms": [[i, j, q_ij], …]}                            min Σ q_ij x_i x_j
 *   {"type": "box-qp", "Q": [[…], …] | "Q_entries": [[i, j, v], …], "b": […], "l": … , "u": …}
 * Edge lists: `n m`, then m lines `i j value`, 1-based; for Ising `i i h` is a field, for QUBO a linear term.
 */
import { extname } from 'node:path';
import { InputError } from '../../util/errors.js';
import { readInputFile } from '../../util/input-file.js';
import { buildIsing, maxCutToIsing, MAX_SPINS, quboToIsing, type IsingProblem, type MaxCutProblem } from '../ising/problem.js';
import { parseEdgeListText } from './edge-list.js';
import { jsonFail, jsonLineOf, parseJsonFile, type JsonPath } from './json-lines.js';
import { checkConvex } from '../qp/convexity.js';
import { csrFromDense, MAX_QP_VARIABLES, type BoxQP } from '../qp/problem.js';

export type IsingFormat = 'rudy' | 'ising' | 'qubo' | 'json';
export const ISING_FORMATS: readonly IsingFormat[] = ['rudy', 'ising', 'qubo', 'json'];

/** Largest problem file read: a dense 4000-variable QP in JSON fits; anything bigger is refused unread. */
export const MAX_PROBLEM_BYTES = 500_000_000;

export function readText(file: string): string {
  return readInputFile('file', file, MAX_PROBLEM_BYTES);
}

/** G-set / rudy MAX-CUT instance from text. */
export function parseMaxCut(text: string, file: string): MaxCutProblem {
  const e = parseEdgeListText(text, file, false);
  return maxCutToIsing({ n: e.n, i: e.i, j: e.j, w: e.w });
}

export function readMaxCut(file: string): MaxCutProblem {
  return parseMaxCut(readText(file), file);
}

/** The format a file name suggests: .json, .ising, .qubo, anything else rudy. */
export function formatFromName(file: string): IsingFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.ising') return 'ising';
  if (ext === '.qubo') return 'qubo';
  return 'rudy';
}

export interface IsingInput {
  kind: 'maxcut' | 'ising' | 'qubo';
  ising: IsingProblem;
  maxcut?: MaxCutProblem;
}

export function parseIsingInput(text: string, file: string, format: IsingFormat = formatFromName(file)): IsingInput {
  if (format === 'rudy') {
    const maxcut = parseMaxCut(text, file);
    return { kind: 'maxcut', ising: maxcut.ising, maxcut };
  }
  if (format === 'ising' || format === 'qubo') {
    const e = parseEdgeListText(text, file, true);
    return fromTriplets(format, e.n, e.i, e.j, e.w);
  }
  if (format !== 'json') throw new InputError('format', `unknown format '${String(format)}' (allowed: ${ISING_FORMATS.join(', ')})`);
  const doc = parseJsonFile(text, file);
  const fail: Fail = (path, msg) => jsonFail(text, file, path, msg);
  if (!isObject(doc)) fail([], 'expected a JSON object');
  const type = doc.type;
  if (type !== 'ising' && type !== 'qubo') fail(['type'], `"type" must be "ising" or "qubo", got ${JSON.stringify(type)}`);
  const n = jsonInt(doc.n, ['n'], 1, MAX_SPINS, fail);
  const base = doc.index_base === undefined ? 0 : jsonInt(doc.index_base, ['index_base'], 0, 1, fail);
  const key = type === 'ising' ? 'couplings' : 'terms';
  const list = doc[key];
  if (!Array.isArray(list)) fail([key], `"${key}" must be an array of [i, j, value] triplets`);
  const ii = new Int32Array(list.length), jj = new Int32Array(list.length), vv = new Float64Array(list.length);
  (list as unknown[]).forEach((t, k) => {
    if (!Array.isArray(t) || t.length !== 3) fail([key, k], 'expected a triplet [i, j, value]');
    ii[k] = jsonInt(t[0], [key, k, 0], base, n - 1 + base, fail) - base;
    jj[k] = jsonInt(t[1], [key, k, 1], base, n - 1 + base, fail) - base;
    vv[k] = jsonReal(t[2], [key, k, 2], fail);
    if (type === 'ising' && ii[k] === jj[k]) fail([key, k], `self-coupling ${t[0]}-${t[1]}: put fields in "fields"`);
  });
  if (type === 'qubo') return fromTriplets('qubo', n, ii, jj, vv);
  const h = new Float64Array(n);
  if (doc.fields !== undefined) {
    if (!Array.isArray(doc.fields) || doc.fields.length !== n) fail(['fields'], `"fields" must be an array of ${n} numbers`);
    (doc.fields as unknown[]).forEach((v, k) => (h[k] = jsonReal(v, ['fields', k], fail)));
  }
  return { kind: 'ising', ising: buildIsing(n, ii, jj, vv, h) };
}

function fromTriplets(kind: 'ising' | 'qubo', n: number, ii: Int32Array, jj: Int32Array, vv: Float64Array): IsingInput {
  if (kind === 'qubo') return { kind, ising: quboToIsing(n, ii, jj, vv) };
  const h = new Float64Array(n);
  const ci: number[] = [], cj: number[] = [], cv: number[] = [];
  for (let k = 0; k < vv.length; k++) {
    if (ii[k] === jj[k]) h[ii[k]] += vv[k];
    else {
      ci.push(ii[k]);
      cj.push(jj[k]);
      cv.push(vv[k]);
    }
  }
  return { kind, ising: buildIsing(n, Int32Array.from(ci), Int32Array.from(cj), Float64Array.from(cv), h) };
}

export function readIsingInput(file: string, format?: IsingFormat): IsingInput {
  return parseIsingInput(readText(file), file, format ?? formatFromName(file));
}

/** What parseBoxQP insists on: the solvers need finite bounds and a convex Q; the machine checks Q itself. */
export interface BoxQPParseOptions {
  /** Missing l / u become ∓∞ instead of an error. */
  optionalBounds?: boolean;
  /** Skip the convexity check (the caller checks definiteness and says so). */
  skipConvexity?: boolean;
}

/** Box QP from JSON text; symmetric and convex Q required, n ≤ MAX_QP_VARIABLES (errors name the line). */
export function parseBoxQP(text: string, file: string, options: BoxQPParseOptions = {}): BoxQP {
  const doc = parseJsonFile(text, file);
  const fail: Fail = (path, msg) => jsonFail(text, file, path, msg);
  if (!isObject(doc)) fail([], 'expected a JSON object');
  if (doc.type !== undefined && doc.type !== 'box-qp') fail(['type'], `"type" must be "box-qp", got ${JSON.stringify(doc.type)}`);
  if (!Array.isArray(doc.b)) fail(['b'], '"b" must be an array of numbers (the linear term)');
  const bArr = doc.b as unknown[];
  const n = bArr.length;
  if (n < 1) fail(['b'], '"b" must have at least one entry');
  if (n > MAX_QP_VARIABLES) fail(['b'], `n = ${n} variables (from "b") exceeds the limit of ${MAX_QP_VARIABLES}: the convexity check and the reference solve are dense (n² memory, n³ time)`);
  const b = Float64Array.from(bArr, (v, k) => jsonReal(v, ['b', k], fail));
  const dense = new Float64Array(n * n);
  let qKey: 'Q' | 'Q_entries' = 'Q';
  if (doc.Q !== undefined) {
    qKey = 'Q';
    const Q = doc.Q;
    if (!Array.isArray(Q) || Q.length !== n) fail(['Q'], `"Q" must be an array of ${n} rows of ${n} numbers each (n from "b")`);
    (Q as unknown[]).forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n) fail(['Q', i], `row ${i} of "Q" must have ${n} numbers`);
      (row as unknown[]).forEach((v, j) => (dense[i * n + j] = jsonReal(v, ['Q', i, j], fail)));
    });
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = dense[i * n + j], c = dense[j * n + i];
        if (Math.abs(a - c) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(c))) {
          fail(['Q', j, i], `Q is not symmetric: Q[${j}][${i}] = ${c} but Q[${i}][${j}] = ${a}`);
        }
      }
    }
  } else if (doc.Q_entries !== undefined) {
    qKey = 'Q_entries';
    const list = doc.Q_entries;
    if (!Array.isArray(list)) fail(['Q_entries'], '"Q_entries" must be an array of [i, j, value] (0-based, each pair once; mirrored)');
    const seen = new Set<number>();
    (list as unknown[]).forEach((t, k) => {
      if (!Array.isArray(t) || t.length !== 3) fail(['Q_entries', k], 'expected a triplet [i, j, value]');
      const i = jsonInt(t[0], ['Q_entries', k, 0], 0, n - 1, fail);
      const j = jsonInt(t[1], ['Q_entries', k, 1], 0, n - 1, fail);
      const v = jsonReal(t[2], ['Q_entries', k, 2], fail);
      const key = Math.min(i, j) * n + Math.max(i, j);
      if (seen.has(key)) fail(['Q_entries', k], `entry (${i}, ${j}) given twice (each unordered pair once; Q is mirrored)`);
      seen.add(key);
      dense[i * n + j] = v;
      dense[j * n + i] = v;
    });
  } else {
    fail([], 'missing "Q" (dense rows) or "Q_entries" (sparse triplets)');
  }
  const bound = (key: 'l' | 'u'): Float64Array => {
    const v = doc[key];
    if (v === undefined && options.optionalBounds) return new Float64Array(n).fill(key === 'l' ? -Infinity : Infinity);
    if (typeof v === 'number') {
      const x = jsonReal(v, [key], fail);
      return new Float64Array(n).fill(x);
    }
    if (!Array.isArray(v) || v.length !== n) fail([key], `"${key}" must be a number or an array of ${n} numbers (finite: the fixed-point memory spans [l, u])`);
    return Float64Array.from(v as unknown[], (x, k) => jsonReal(x, [key, k], fail));
  };
  const l = bound('l');
  const u = bound('u');
  for (let i = 0; i < n; i++) {
    if (!(l[i] < u[i])) fail(Array.isArray(doc.l) ? ['l', i] : ['l'], `need l < u, got l[${i}] = ${l[i]}, u[${i}] = ${u[i]}`);
  }
  const csr = csrFromDense(n, dense);
  const qp: BoxQP = { n, ...csr, b, l, u };
  if (options.skipConvexity) return qp;
  const convex = checkConvex(qp);
  if (!convex.convex) throw new InputError(file, `line ${jsonLineOf(text, [qKey])}: Q is not convex (not positive semidefinite): ${convex.reason}`);
  return qp;
}

export function readBoxQP(file: string, options: BoxQPParseOptions = {}): BoxQP {
  return parseBoxQP(readText(file), file, options);
}

type Fail = (path: JsonPath, msg: string) => never;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonInt(v: unknown, path: JsonPath, min: number, max: number, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, `expected a whole number, got ${JSON.stringify(v)}`);
  if (v < min || v > max) fail(path, `${v} out of range (${min} to ${max})`);
  return v;
}

function jsonReal(v: unknown, path: JsonPath, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `expected a finite number, got ${JSON.stringify(v)}`);
  return v;
}
