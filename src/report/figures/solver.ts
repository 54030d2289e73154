/**
 * Figure 6, a solver run: cumulative energy to solution under each paradigm against iterations, the
 * run's measured operation counts priced at each iteration (src/solvers' ledger trace).
 */
import { formatSI } from '../../util/format.js';
import { dashEncoding, seriesColor, seriesValues } from './series.js';
import { countLabelExpr, extent, framed, logAxis, logDomain, siLabelExpr, WIDTH, HEIGHT, type Frame } from './theme.js';
import type { SeriesMeta, VlSpec } from './types.js';

export interface IterationPoint {
  iteration: number;
  /** Cumulative energy per series id, J. */
  energy_J: Record<string, number>;
}

export interface SolverData extends Frame {
  series: SeriesMeta[];
  points: IterationPoint[];
}

export function solverSpec(data: SolverData): VlSpec {
  const values = seriesValues(data.series, data.points.filter((p) => p.iteration > 0).map((p) => ({ x: p.iteration, energy_J: p.energy_J }))).map((v) => ({
    iteration: v.x,
    ...v,
    energy_text: formatSI(v.energy_J, 'J'),
  }));
  const iterations = values.map((v) => v.iteration);
  const [lo, hi] = extent(iterations);
  // Iterations on a log axis when they span more than two decades, else linear.
  const log = hi / lo > 100;
  const xDomain = logDomain(iterations);
  const yDomain = logDomain(values.map((v) => v.energy_J));
  const x = {
    field: 'iteration',
    type: 'quantitative',
    title: log ? 'iterations (log scale)' : 'iterations',
    scale: log ? { type: 'log', domain: xDomain } : { zero: true, nice: true },
    axis: log ? logAxis(xDomain, countLabelExpr()) : { labelExpr: countLabelExpr(), grid: true },
  };
  const y = { field: 'energy_J', type: 'quantitative', title: 'energy to solution so far (J, log scale)', scale: { type: 'log', domain: yDomain }, axis: logAxis(yDomain, siLabelExpr('J')) };
  const plot = {
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x,
      y,
      color: seriesColor(data.series),
      strokeDash: dashEncoding(data.series),
      detail: { field: 'id' },
      tooltip: [{ field: 'label', title: 'paradigm' }, { field: 'kind' }, { field: 'iteration' }, { field: 'energy_text', title: 'energy' }],
    },
  };
  return { ...framed(data, plot), usermeta: { figure: 'solver' } };
}
