/**
 * The physical optimizer's figure: energy to solution (the measured mean work of a full cycle, ±1 s.e.)
 * against anneal time, one series per memory schedule, with the Landauer cost of the cycle (a rule) and the
 * engine's ideal LIM row for the committed bits at each anneal's time to solution (a dashed line).
 */
import { extent, framed, logAxis, logDomain, countLabelExpr, WIDTH, HEIGHT, KIND_COLORS, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export interface MachinePoint {
  memory: string;
  anneal_tau_D: number;
  energy_kT: number;
  stderr_kT: number;
  /** Fraction of replicas whose read-out is a ground state. */
  ground_fraction: number;
}

/** The engine's ideal LIM row at one anneal time (its time to solution), kT. */
export interface EnginePoint {
  anneal_tau_D: number;
  energy_kT: number;
}

export interface MachineFigureData extends Frame {
  points: MachinePoint[];
  landauer_kT: number;
  engine_lim: EnginePoint[];
}

const SERIES_COLORS: Record<string, string> = { static: '#d62728', lim: '#1f77b4', free: '#2ca02c' };

export function machineSpec(data: MachineFigureData): VlSpec {
  const xDomain = logDomain(data.points.map((p) => p.anneal_tau_D));
  const values = data.points.map((p) => ({ ...p, low: Math.max(1e-3, p.energy_kT - p.stderr_kT), high: p.energy_kT + p.stderr_kT }));
  const engine = data.engine_lim.filter((e) => e.energy_kT > 0 && Number.isFinite(e.energy_kT));
  // An error bar that reaches zero is clipped at a fifth of the lowest mean, not drawn to 10⁻³ kT.
  const floor = Math.min(...values.map((v) => v.energy_kT).filter((v) => v > 0)) / 5;
  const [yMin, yMax] = extent([data.landauer_kT, ...engine.map((e) => e.energy_kT), ...values.map((v) => Math.max(v.low, floor)), ...values.map((v) => v.high)]);
  const yDomain = logDomain([Math.max(1e-3, yMin), yMax]);
  const x = { field: 'anneal_tau_D', type: 'quantitative', title: 'anneal time (τ_D = γa²/kT, log scale)', scale: { type: 'log', domain: xDomain }, axis: logAxis(xDomain, countLabelExpr()) };
  const y = { field: 'energy_kT', type: 'quantitative', title: 'energy to solution, cycle work (kT, log scale)', scale: { type: 'log', domain: yDomain }, axis: { grid: true } };
  const memories = [...new Set(data.points.map((p) => p.memory))];
  const color = { field: 'memory', type: 'nominal', title: 'memory', scale: { domain: memories, range: memories.map((m) => SERIES_COLORS[m] ?? '#555') } };
  const lines = [{ energy_kT: data.landauer_kT, text: `bound: Landauer cost of the cycle, ${Number(data.landauer_kT.toPrecision(3))} kT`, kind: 'bound' }];
  const last = engine[engine.length - 1];
  const engineLabel = last ? [{ ...last, text: "bound: engine's ideal LIM row (committed bits at this T_sol; consolidated to its own 10-year barrier)" }] : [];
  const layer: Record<string, unknown>[] = [
    { data: { values: lines }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: KIND_COLORS.bound }, encoding: { y } },
    { data: { values: lines }, mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, fontSize: 10, color: KIND_COLORS.bound }, encoding: { y, x: { value: 6 }, text: { field: 'text' } } },
    { data: { values: engine }, mark: { type: 'line', strokeDash: [2, 3], strokeWidth: 1.5, color: KIND_COLORS.bound, point: { filled: false, color: KIND_COLORS.bound } }, encoding: { x, y } },
    { data: { values: engineLabel }, mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -6, fontSize: 10, color: KIND_COLORS.bound }, encoding: { x, y, text: { field: 'text' } } },
    { data: { values }, mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y, color } },
    { data: { values }, mark: { type: 'rule', strokeWidth: 1.5, clip: true }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color } },
    {
      data: { values },
      mark: { type: 'point', filled: true, size: 60, opacity: 1 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'memory' },
          { field: 'anneal_tau_D', format: '.3~g', title: 'anneal (τ_D)' },
          { field: 'energy_kT', format: '.4~g', title: 'cycle work (kT)' },
          { field: 'stderr_kT', format: '.2~g', title: 's.e. (kT)' },
          { field: 'ground_fraction', format: '.2f', title: 'P(ground state)' },
        ],
      },
    },
  ];
  return { ...framed(data, { width: WIDTH, height: HEIGHT, layer }), usermeta: { figure: 'machine' } };
}
