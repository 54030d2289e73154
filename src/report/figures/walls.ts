/**
 * Figure 4, the walls per paradigm: left, each row's energy split into its memory, update,
 * consolidation and compute walls as shares of the row (stacked to 100 %); right, each wall's energy
 * on a log axis, since walls differ by many orders of magnitude. Rows without walls (reported) are
 * left out; walls of 0 J appear only on the left (as nothing).
 */
import type { Kind, Wall } from '../../model/paradigms.js';
import { formatSI } from '../../util/format.js';
import { framed, logAxis, logDomain, siLabelExpr, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export const WALL_ORDER: readonly Wall[] = ['memory', 'update', 'consolidation', 'compute'];
export const WALL_COLORS: Record<Wall, string> = { memory: '#56B4E9', update: '#0072B2', consolidation: '#009E73', compute: '#E69F00' };

export interface WallsRow {
  id: string;
  label: string;
  kind: Kind;
  walls: Record<Wall, number | null>;
}

export interface WallsData extends Frame {
  rows: WallsRow[];
}

export interface WallValue {
  id: string;
  /** "LIM, ideal (matched barrier) · bound · 165 MJ": the row label carries its kind and total. */
  row: string;
  kind: Kind;
  wall: Wall;
  wall_order: number;
  energy_J: number;
  share: number;
  energy_text: string;
}

/** Long-format wall values with each wall's share of its row's total. */
export function wallValues(rows: readonly WallsRow[]): WallValue[] {
  const out: WallValue[] = [];
  for (const r of rows) {
    const walls = WALL_ORDER.map((w) => [w, r.walls[w]] as const);
    if (walls.some(([, v]) => v === null)) continue;
    const total = walls.reduce((s, [, v]) => s + v!, 0);
    if (!(total > 0)) continue;
    const row = `${r.label} · ${r.kind} · ${formatSI(total, 'J')}`;
    walls.forEach(([wall, v], i) => out.push({ id: r.id, row, kind: r.kind, wall, wall_order: i, energy_J: v!, share: v! / total, energy_text: formatSI(v!, 'J') }));
  }
  return out;
}

export function wallsSpec(data: WallsData): VlSpec {
  const values = wallValues(data.rows);
  const rowOrder = [...new Set(values.map((v) => v.row))];
  const y = { field: 'row', type: 'nominal', title: null, sort: rowOrder, axis: { labelLimit: 500 } };
  const color = {
    field: 'wall',
    type: 'nominal',
    title: 'wall',
    scale: { domain: [...WALL_ORDER], range: WALL_ORDER.map((w) => WALL_COLORS[w]) },
  };
  const tooltip = [{ field: 'row', title: 'paradigm' }, { field: 'wall' }, { field: 'energy_text', title: 'energy' }, { field: 'share', format: '.1%' }];
  const positive = values.filter((v) => v.energy_J > 0);
  const domain = logDomain(positive.map((v) => v.energy_J));
  const height = Math.max(120, 26 * rowOrder.length);
  const shares = {
    width: 300,
    height,
    title: { text: 'share of each row’s energy', fontSize: 12 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y,
      x: { field: 'share', type: 'quantitative', stack: 'zero', title: 'share of the row’s energy (%)', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color,
      order: { field: 'wall_order' },
      tooltip,
    },
  };
  const absolute = {
    width: 300,
    height,
    title: { text: 'energy of each wall', fontSize: 12 },
    data: { values: positive },
    mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
    encoding: {
      y: { ...y, axis: null },
      x: { field: 'energy_J', type: 'quantitative', title: 'energy (J, log scale)', scale: { type: 'log', domain }, axis: logAxis(domain, siLabelExpr('J'), 7) },
      color,
      shape: { field: 'wall', type: 'nominal', scale: { domain: [...WALL_ORDER], range: ['circle', 'square', 'triangle-up', 'diamond'] } },
      tooltip,
    },
  };
  return { ...framed(data, { hconcat: [shares, absolute], spacing: 12 }), usermeta: { figure: 'walls' } };
}
