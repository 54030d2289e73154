/**
 * Figure 5, the simulator: mean work of a protocol against its duration (points with ±1 standard
 * error, measured on simulated Langevin trajectories), the protocol's slow-limit bound (kT·ln2,
 * Landauer's, for erasure) and the fit a + b/τ (the finite-time Landauer form), weighted by 1/s.e.²
 * when every point has a standard error.
 */
import type { Kind } from '../../model/paradigms.js';
import { fitInverseTime, type InverseTimeFit } from './fit.js';
import { extent, framed, logAxis, logDomain, lookupExpr, countLabelExpr, siLabelExpr, subtitleLines, KIND_COLORS, WIDTH, HEIGHT, type Frame } from './theme.js';
import type { VlSpec } from './types.js';

export interface SimPoint {
  duration: number;
  mean_work_kT: number;
  stderr_work_kT: number;
}

export interface SimData extends Frame {
  points: SimPoint[];
  /** 's' for seconds (SI ticks); otherwise the name of the time unit, e.g. 'τ0'. */
  duration_unit: string;
  /** The slow-limit bound drawn as a line, kT (default ln 2). */
  reference_kT?: number;
  reference_label?: string;
}

/** What the figure draws besides the points: the bound and the fit, computed once for the figure and the report's text. */
export interface SimAnalysis {
  /** The points drawn and fitted (positive duration, finite work and error). */
  points: SimPoint[];
  reference_kT: number;
  reference_label: string;
  fit: InverseTimeFit;
  /** Whether the fit has finite coefficients (at least two distinct durations). */
  has_fit: boolean;
}

export function analyseSim(data: SimData): SimAnalysis {
  const points = data.points.filter((p) => p.duration > 0 && Number.isFinite(p.mean_work_kT) && Number.isFinite(p.stderr_work_kT));
  const reference_kT = data.reference_kT ?? Math.LN2;
  const reference_label = data.reference_label ?? `kT·ln2 = ${reference_kT.toFixed(3)} kT`;
  const fit = fitInverseTime(points.map((p) => p.duration), points.map((p) => p.mean_work_kT), points.map((p) => p.stderr_work_kT));
  return { points, reference_kT, reference_label, fit, has_fit: Number.isFinite(fit.a) && Number.isFinite(fit.b) };
}

/**
 * The fit in one line, "weighted fit ⟨W⟩ = a + b/τ (5 points, weights 1/s.e.²): a = 0.7 ± 0.01 kT,
 * b = 4 ± 0.1 kT·τ0": the figure's subtitle and the report's text.
 */
export function describeSimFit(a: SimAnalysis, durationUnit: string): string {
  const f = a.fit;
  if (!a.has_fit) return 'too few points for a fit';
  return `${f.weighted ? 'weighted' : 'unweighted'} fit ⟨W⟩ = a + b/τ (${f.points} points${f.weighted ? ', weights 1/s.e.²' : ''}): a = ${fmt(f.a)} ± ${fmt(f.a_stderr)} kT, b = ${fmt(f.b)} ± ${fmt(f.b_stderr)} kT·${durationUnit}`;
}

export function simSpec(data: SimData, analysis: SimAnalysis = analyseSim(data)): VlSpec {
  const { points, fit, has_fit: hasFit } = analysis;
  const reference = analysis.reference_kT;
  const referenceLabel = analysis.reference_label;
  const xDomain = logDomain(points.map((p) => p.duration));
  const seconds = data.duration_unit === 's';

  const measured = points.map((p) => ({
    duration: p.duration,
    work_kT: p.mean_work_kT,
    low_kT: p.mean_work_kT - p.stderr_work_kT,
    high_kT: p.mean_work_kT + p.stderr_work_kT,
    stderr_kT: p.stderr_work_kT,
    kind: 'measured',
  }));
  // The y range follows the data and the bound; the fitted curve is clipped rather than allowed to stretch it.
  const [yMin] = extent([reference, ...measured.map((m) => m.low_kT)]);
  const [, yMax] = extent([reference, ...measured.map((m) => m.high_kT)]);
  const pad = 0.08 * (yMax - yMin || 1);

  const kinds: Kind[] = hasFit ? ['bound', 'estimate', 'measured'] : ['bound', 'measured'];
  const legend: Record<Kind, string> = {
    bound: `bound: ${referenceLabel}`,
    estimate: 'estimate: fit a + b/τ',
    reported: '',
    measured: 'measured: simulated ⟨W⟩ ± 1 s.e.',
  };
  const color = {
    field: 'kind',
    type: 'nominal',
    title: 'kind',
    scale: { domain: kinds, range: kinds.map((k) => KIND_COLORS[k]) },
    legend: { labelExpr: lookupExpr('datum.label', Object.fromEntries(kinds.map((k) => [k, legend[k]])), 'datum.label'), labelLimit: 320 },
  };
  const x = {
    field: 'duration',
    type: 'quantitative',
    title: seconds ? 'protocol duration τ (s, log scale)' : `protocol duration τ (${data.duration_unit}, log scale)`,
    scale: { type: 'log', domain: xDomain },
    axis: logAxis(xDomain, seconds ? siLabelExpr('s') : countLabelExpr()),
  };
  const y = { field: 'work_kT', type: 'quantitative', title: 'mean work ⟨W⟩ (kT)', scale: { zero: false, domain: [yMin - pad, yMax + pad] }, axis: { grid: true } };

  const bound = [{ work_kT: reference, kind: 'bound', text: referenceLabel }];
  const layers: Record<string, unknown>[] = [
    { data: { values: bound }, mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y, color } },
    { data: { values: bound }, mark: { type: 'text', align: 'left', baseline: 'top', dy: 4, fontSize: 10 }, encoding: { y, x: { value: 6 }, text: { field: 'text' }, color } },
  ];
  if (hasFit) {
    const n = 80;
    const curve = Array.from({ length: n }, (_, i) => {
      const t = xDomain[0] * (xDomain[1] / xDomain[0]) ** (i / (n - 1));
      return { duration: t, work_kT: fit.a + fit.b / t, kind: 'estimate' };
    });
    layers.push({ data: { values: curve }, mark: { type: 'line', strokeWidth: 2, clip: true }, encoding: { x, y, color } });
  }
  layers.push(
    { data: { values: measured }, mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'low_kT' }, y2: { field: 'high_kT' }, color } },
    {
      data: { values: measured },
      mark: { type: 'point', filled: true, size: 60, opacity: 1 },
      encoding: {
        x,
        y,
        color,
        tooltip: [{ field: 'duration', format: '.3~g', title: `τ (${data.duration_unit})` }, { field: 'work_kT', format: '.4~g', title: '⟨W⟩ (kT)' }, { field: 'stderr_kT', format: '.2~g', title: 's.e. (kT)' }],
      },
    },
  );
  const subtitle = [...subtitleLines(data.subtitle), describeSimFit(analysis, data.duration_unit)];
  return { ...framed({ ...data, subtitle }, { width: WIDTH, height: HEIGHT, layer: layers }), usermeta: { figure: 'sim', fit } };
}

function fmt(v: number): string {
  return Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : String(v);
}
