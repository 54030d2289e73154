/**
 * The Ising problem the annealer works on, in compressed sparse row (CSR) form.
 *
 * Convention: H(s) = −Σ_{i<j} J_ij s_i s_j − Σ_i h_i s_i, s_i ∈ {−1, +1}; the local field is
 * f_i = Σ_j J_ij s_j + h_i and flipping s_i changes H by ΔH = 2·s_i·f_i. A problem may carry a constant
 * `offset` so that the user's objective equals H + offset (QUBO inputs).
 *
 * MAX-CUT with weights w maps to J = −w, h = 0 and cut(s) = (W − H(s))/2 with W = Σ w
 * (Barahona et al., "An application of combinatorial optimization to statistical physics and circuit
 * layout design", Oper. Res. 36(3), 1988).
 */
import { InputError } from '../../util/errors.js';

/** A weighted edge list: 0-based endpoints, one entry per undirected edge (i ≠ j). */
export interface EdgeList {
  n: number;
  i: Int32Array;
  j: Int32Array;
  w: Float64Array;
}

export interface IsingProblem {
  n: number;
  /** Number of distinct undirected couplings. */
  couplings: number;
  /** CSR over both directions: neighbours of i are col[rowPtr[i] .. rowPtr[i+1]). */
  rowPtr: Int32Array;
  col: Int32Array;
  J: Float64Array;
  h: Float64Array;
  /** Objective = H + offset. */
  offset: number;
  /** All J and h are integers with small fields: the annealer can use its integer kernel. */
  integral: boolean;
  /** max_i (Σ_j |J_ij| + |h_i|): the largest |f_i| any state can produce. */
  maxAbsField: number;
}

/**
 * Input limits, checked by the parsers before anything is allocated: the CSR arrays take ≈ 24 bytes per
 * coupling and 40 per spin, so these keep a problem within a few GB (and 2·couplings within Int32 indices).
 */
export const MAX_SPINS = 10_000_000;
export const MAX_COUPLINGS = 100_000_000;

/** Largest field magnitude for which the integer kernel keeps a per-sweep acceptance table. */
export const INTEGER_KERNEL_MAX_FIELD = 1 << 16;

/**
 * Builds the CSR form from couplings (i, j, J_ij) and fields h. Repeated pairs are summed (a multigraph
 * edge list is the same quadratic form). Self-couplings are rejected by the parsers before this.
 */
export function buildIsing(n: number, ci: Int32Array, cj: Int32Array, cJ: Float64Array, h: Float64Array, offset = 0): IsingProblem {
  const m = ci.length;
  // Merge duplicates: sort pair keys (i<j) and sum.
  const order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[e] = e;
  const lo = new Int32Array(m), hi = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const a = ci[e], b = cj[e];
    if (a === b) throw new Error(`buildIsing: self-coupling at vertex ${a}`);
    lo[e] = a < b ? a : b;
    hi[e] = a < b ? b : a;
  }
  order.sort((x, y) => lo[x] - lo[y] || hi[x] - hi[y]);
  const ui: number[] = [], uj: number[] = [], uJ: number[] = [];
  for (let k = 0; k < m; k++) {
    const e = order[k];
    const last = ui.length - 1;
    if (last >= 0 && ui[last] === lo[e] && uj[last] === hi[e]) uJ[last] += cJ[e];
    else {
      ui.push(lo[e]);
      uj.push(hi[e]);
      uJ.push(cJ[e]);
    }
  }
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < ui.length; e++) {
    deg[ui[e]]++;
    deg[uj[e]]++;
  }
  const rowPtr = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) rowPtr[v + 1] = rowPtr[v] + deg[v];
  const fill = rowPtr.slice(0, n);
  const col = new Int32Array(rowPtr[n]);
  const J = new Float64Array(rowPtr[n]);
  // Insert in (lo, hi) order so each row's neighbours are sorted: the same layout as the C reference.
  for (let e = 0; e < ui.length; e++) {
    const a = ui[e], b = uj[e], w = uJ[e];
    col[fill[a]] = b;
    J[fill[a]++] = w;
  }
  for (let e = 0; e < ui.length; e++) {
    const a = ui[e], b = uj[e], w = uJ[e];
    col[fill[b]] = a;
    J[fill[b]++] = w;
  }
  for (let v = 0; v < n; v++) sortRow(col, J, rowPtr[v], rowPtr[v + 1]);
  let integral = true;
  let maxAbsField = 0;
  for (let v = 0; v < n; v++) {
    let s = Math.abs(h[v]);
    if (!Number.isInteger(h[v])) integral = false;
    for (let e = rowPtr[v]; e < rowPtr[v + 1]; e++) {
      s += Math.abs(J[e]);
      if (!Number.isInteger(J[e])) integral = false;
    }
    if (s > maxAbsField) maxAbsField = s;
  }
  if (maxAbsField > INTEGER_KERNEL_MAX_FIELD) integral = false;
  return { n, couplings: ui.length, rowPtr, col, J, h, offset, integral, maxAbsField };
}

function sortRow(col: Int32Array, J: Float64Array, a: number, b: number): void {
  // Insertion sort: rows are short and nearly sorted.
  for (let x = a + 1; x < b; x++) {
    const c = col[x], w = J[x];
    let y = x - 1;
    while (y >= a && col[y] > c) {
      col[y + 1] = col[y];
      J[y + 1] = J[y];
      y--;
    }
    col[y + 1] = c;
    J[y + 1] = w;
  }
}

/** The MAX-CUT instance as an Ising problem (J = −w, h = 0) plus its total weight W. */
export interface MaxCutProblem {
  graph: EdgeList;
  ising: IsingProblem;
  totalWeight: number;
}

export function maxCutToIsing(graph: EdgeList): MaxCutProblem {
  const negW = new Float64Array(graph.w.length);
  let total = 0;
  for (let e = 0; e < graph.w.length; e++) {
    negW[e] = -graph.w[e];
    total += graph.w[e];
  }
  return { graph, ising: buildIsing(graph.n, graph.i, graph.j, negW, new Float64Array(graph.n)), totalWeight: total };
}

/**
 * QUBO min Σ_{(i,j)} q_ij x_i x_j, x ∈ {0,1}: substitute x = (1+s)/2, so x_i x_j = (1 + s_i + s_j + s_i s_j)/4
 * and x_i² = x_i = (1 + s_i)/2. Entries with i = j are linear terms.
 */
export function quboToIsing(n: number, qi: Int32Array, qj: Int32Array, q: Float64Array): IsingProblem {
  const h = new Float64Array(n);
  const ci: number[] = [], cj: number[] = [], cJ: number[] = [];
  let offset = 0;
  for (let e = 0; e < q.length; e++) {
    const a = qi[e], b = qj[e], v = q[e];
    if (a === b) {
      h[a] -= v / 2;
      offset += v / 2;
    } else {
      ci.push(a);
      cj.push(b);
      cJ.push(-v / 4);
      h[a] -= v / 4;
      h[b] -= v / 4;
      offset += v / 4;
    }
  }
  return buildIsing(n, Int32Array.from(ci), Int32Array.from(cj), Float64Array.from(cJ), h, offset);
}

/** H(s) computed from scratch (O(n + m)); the annealer tracks it incrementally and checks with this. */
export function isingEnergy(p: IsingProblem, spin: ArrayLike<number>): number {
  let e = 0;
  for (let v = 0; v < p.n; v++) {
    let f = 0;
    for (let k = p.rowPtr[v]; k < p.rowPtr[v + 1]; k++) f += p.J[k] * spin[p.col[k]];
    e -= 0.5 * spin[v] * f + p.h[v] * spin[v];
  }
  return e;
}

/** cut(s) = Σ_{edges cut} w, from the edge list (independent of the Ising mapping). */
export function cutValue(graph: EdgeList, spin: ArrayLike<number>): number {
  let cut = 0;
  for (let e = 0; e < graph.w.length; e++) if (spin[graph.i[e]] !== spin[graph.j[e]]) cut += graph.w[e];
  return cut;
}

/** Local fields f_i = Σ_j J_ij s_j + h_i into `out`. */
export function localFields(p: IsingProblem, spin: ArrayLike<number>, out: Float64Array | Int32Array): void {
  for (let v = 0; v < p.n; v++) {
    let f = p.h[v];
    for (let k = p.rowPtr[v]; k < p.rowPtr[v + 1]; k++) f += p.J[k] * spin[p.col[k]];
    out[v] = f;
  }
}

export function requireSpins(p: IsingProblem, spins: ArrayLike<number>): void {
  if (spins.length !== p.n) throw new InputError('initial_spins', `expected ${p.n} spins, got ${spins.length}`);
  for (let v = 0; v < spins.length; v++) {
    if (spins[v] !== 1 && spins[v] !== -1) throw new InputError('initial_spins', `spin ${v} must be +1 or -1, got ${spins[v]}`);
  }
}
