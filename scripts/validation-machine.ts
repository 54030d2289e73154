/**
 * The "machine" section of docs/validation.md: the physical optimizer (src/machine) against its five exact
 * checks, and the two measured claims (lim against static per committed bit; energy to solution against
 * anneal time). Called by scripts/validation.ts; seeded, so the same on any number of threads.
 */
import { iterationsForPrecision } from '../src/model/convergence.js';
import { eraseCheck, fieldRampCheck, smallIsingCheck, timeAverageCheck, twoCellCheck, checkQP } from '../src/machine/checks.js';
import { qpMinimiser, timeAverageVariance } from '../src/machine/analytic.js';
import { fitWeightedLine } from '../src/util/weighted-line.js';
import { machinePrecisionSpec, type PrecisionPoint } from '../src/report/figures/machine-precision.js';
import { renderSvgNode } from '../src/report/figures/node-render.js';

/** Figures of the section, as (path relative to the validation document, SVG text). */
export type MachineFigures = Array<[string, string]>;

/** The precision figure's file, relative to docs/validation.md. */
export const PRECISION_FIGURE = 'figures/machine-precision.svg';

export interface MachineRow {
  check: string;
  reference: string;
  simulated: string;
  replicas: number;
  criterion: string;
  pass: boolean;
}

const f = (x: number, digits = 4) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toString() : String(x));
const pm = (m: number, se: number) => `${f(m)} ± ${f(se, 2)}`;

export async function machineValidation(threads: number, log: (s: string) => void): Promise<{ rows: MachineRow[]; markdown: string; figures: MachineFigures }> {
  const rows: MachineRow[] = [];
  const parts: string[] = [];
  const figures: MachineFigures = [];
  const qp = checkQP(4, 2);
  // The ramp check uses the same matrix with a 3× stronger field: the work grows as |f|² and its spread as |f|,
  // so the relative standard error is 3× smaller for the same replicas.
  const strong = { ...qp, field: qp.field.map((v) => 3 * v) };

  // ---------- check 1: field ramp ----------
  log('machine: field ramp');
  {
    const table = ['| t_f, τ_D | ⟨W⟩, kT | closed form, kT | deviation | (⟨W⟩ − ΔF)·t_f, kT·τ_D | replicas |', '|---|---|---|---|---|---|'];
    const xs: number[] = [], ys: number[] = [], ws: number[] = [];
    let dF = 0, coefficient = 0;
    for (const [k, tf] of [1, 2, 4].entries()) {
      const r = await fieldRampCheck(strong, tf, 4000, 20 + k, 2e-3, threads);
      dF = r.deltaF;
      coefficient = r.excessCoefficient;
      const dev = r.measured / r.exact - 1;
      rows.push({ check: `QP field ramp, n = 4, t_f = ${tf} τ_D: ⟨W⟩, kT`, reference: f(r.exact), simulated: pm(r.measured, r.stderr), replicas: r.replicas, criterion: 'within 2 %', pass: Math.abs(dev) < 0.02 });
      table.push(`| ${tf} | ${pm(r.measured, r.stderr)} | ${f(r.exact)} | ${f(dev * 100, 2)} % | ${pm((r.measured - r.deltaF) * tf, r.stderr * tf)} | ${r.replicas} |`);
      xs.push(1 / tf);
      ys.push(r.measured - r.deltaF);
      ws.push(1 / r.stderr ** 2);
    }
    const fit = fitWeightedLine(xs, ys, ws);
    parts.push(
      `### QP: field ramp (check 1)\n\nH = ½xᵀAx − s(t)·fᵀx with A = Q of a generated 4-variable QP (\`solve generate-qp\`, seed 2) and f = −3b, s: 0 → 1 linearly over t_f from equilibrium at zero field (exact Gaussian start), dt = 2·10⁻³ τ_D. The closed form solves the mean equation dm/dt = −(A·m − s(t)f) mode by mode: ⟨W⟩ = Σ_k [−f_k²/(2a_k) + (f_k²/(a_k² t_f))(1 − (1 − e^{−a_k t_f})/(a_k t_f))]; ΔF = −½fᵀA⁻¹f = ${f(dF)} kT; the excess tends to C/t_f with C = Σ_k f_k²/a_k² = ${f(coefficient)} kT·τ_D.\n\n${table.join('\n')}\n\nWeighted fit ⟨W⟩ − ΔF = c₀ + c₁/t_f: c₁ = ${f(fit.slope)} ± ${f(Math.sqrt(fit.slope_variance), 2)} kT·τ_D, c₀ = ${f(fit.intercept)} ± ${f(Math.sqrt(fit.intercept_variance), 2)} kT (the closed form's own 1/t_f² term makes c₁ a little smaller than C at these durations).`,
    );
  }

  // ---------- check 2: read-out precision ----------
  log('machine: read-out precision');
  {
    const xStar = qpMinimiser(qp);
    const scale = Math.max(...xStar.map(Math.abs));
    const table = ['| window τ, τ_D | Σ_i Var(x̄_i), measured | exact (OU) | deviation | bits of precision | steps | steps ratio | engine √-law ratio 4^ΔN | replicas |', '|---|---|---|---|---|---|---|---|---|'];
    let firstSteps = 0, firstBits = 0;
    const measured: PrecisionPoint[] = [];
    for (const [k, tau] of [1, 4, 16].entries()) {
      const r = await timeAverageCheck(qp, tau, 3000, 30 + k, 2e-3, threads);
      const dev = r.measured / r.exact - 1;
      rows.push({ check: `QP read-out, time average over ${tau} τ_D: Σ Var(x̄), a²`, reference: f(r.exact), simulated: pm(r.measured, r.stderr), replicas: r.replicas, criterion: 'within 5 %', pass: Math.abs(dev) < 0.05 });
      const bits = Math.log2(scale / Math.sqrt(r.measured / qp.n));
      const steps = Math.round(tau / 2e-3);
      if (k === 0) {
        firstSteps = steps;
        firstBits = bits;
      }
      measured.push({ bits, steps });
      const law = iterationsForPrecision('sqrt', Math.max(1, 1 + bits - firstBits)) / iterationsForPrecision('sqrt', 1);
      table.push(`| ${tau} | ${pm(r.measured, r.stderr)} | ${f(r.exact)} | ${f(dev * 100, 2)} % | ${f(bits, 3)} | ${steps} | ${f(steps / firstSteps, 3)} | ${f(law, 3)} | ${r.replicas} |`);
    }
    const exactLong = timeAverageVariance(qp, 1e4).reduce((a, b) => a + b, 0) * 1e4;
    // The exact curve and the engine's law over windows from 1/4 to 64 τ_D (steps of 2·10⁻³ τ_D).
    const windows = Array.from({ length: 41 }, (_, i) => 0.25 * 256 ** (i / 40));
    const exact = windows.map((tau) => ({ bits: Math.log2(scale / Math.sqrt(timeAverageVariance(qp, tau).reduce((a, b) => a + b, 0) / qp.n)), steps: tau / 2e-3 }));
    const bitsRange = [Math.min(...exact.map((p) => p.bits)), Math.max(...exact.map((p) => p.bits))];
    // The law with the exact long-window constant: Σ Var(x̄) = C/τ, C = 2·tr(A⁻²), so τ = C·4^bits/(n·‖x*‖∞²).
    const engine = Array.from({ length: 21 }, (_, i) => bitsRange[0]! + ((bitsRange[1]! - bitsRange[0]!) * i) / 20).map((bits) => ({ bits, steps: (exactLong * 4 ** bits) / (qp.n * scale * scale) / 2e-3 }));
    const spec = machinePrecisionSpec({
      title: 'Machine read-out: averaging time against bits of precision',
      subtitle: [`QP of 4 variables (generate-qp seed 2), time average from equilibrium, dt = 2·10⁻³ τ_D; measured: 3000 replicas per window`],
      note: "Source: limbound machine (src/machine), docs/validation.md check 2; engine's law: src/model/convergence.ts ('sqrt').",
      measured,
      exact,
      engine,
    });
    figures.push([PRECISION_FIGURE, await renderSvgNode(spec)]);
    parts.push(
      `### QP: read-out precision (check 2)\n\nStart in equilibrium at the full field (exact Gaussian sample) and average each cell over a window τ. Exact: Cov(x̄) = Σ_k v_k v_kᵀ·(2/(a_k²τ))·[1 − (1 − e^{−a_kτ})/(a_kτ)]. "Bits of precision" is log₂(‖x*‖∞ / RMS error per cell); the engine's convergence law for a thermal sampler is the \`sqrt\` law (error ∝ K^{−1/2}, src/model/convergence.ts), so one more bit costs 4× the averaging time — the last two columns set the measured step ratio beside 4^ΔN. At long windows τ·Σ Var(x̄) → 2·tr(A⁻²) = ${f(exactLong)} a²·τ_D. The figure plots the steps against the bits: the machine follows the exact Ornstein–Uhlenbeck curve; at windows short against the slowest relaxation time 1/a_min the samples are still correlated and a bit costs more than 4× the steps, and the curve bends onto the engine's law — 4× the steps per bit, drawn with the exact long-window constant Σ Var(x̄) → 2·tr(A⁻²)/τ — as the window grows.\n\n${table.join('\n')}\n\n![Machine read-out: time steps of averaging against the bits of precision, measured, exact and the engine's sqrt law](${PRECISION_FIGURE})`,
    );
  }

  // ---------- check 3: two coupled bistable cells ----------
  log('machine: two coupled cells');
  {
    const table = ['| E_b, kT | K₁₂, kT | walls | ⟨x₁x₂⟩ measured | quadrature | ⟨x₁²⟩ measured | quadrature | replicas |', '|---|---|---|---|---|---|---|---|'];
    for (const [k, [eb, j, wall]] of ([[1, 0.5, undefined], [2, -1, undefined], [1, 0.5, 1]] as const).entries()) {
      const r = await twoCellCheck(eb, j, 60, 400, 40 + k, 1e-3, threads, wall);
      const walls = wall === undefined ? 'none' : `±${wall}`;
      for (const [name, m] of [['⟨x₁x₂⟩', r.x1x2], ['⟨x₁²⟩', r.x1sq]] as const) {
        rows.push({ check: `two bistable cells, E_b = ${eb} kT, K = ${j} kT, walls ${walls}: ${name}`, reference: f(m.exact), simulated: pm(m.measured, m.stderr), replicas: m.replicas, criterion: 'within 3 %', pass: Math.abs(m.measured / m.exact - 1) < 0.03 });
      }
      table.push(`| ${eb} | ${j} | ${walls} | ${pm(r.x1x2.measured, r.x1x2.stderr)} | ${f(r.x1x2.exact)} | ${pm(r.x1sq.measured, r.x1sq.stderr)} | ${f(r.x1sq.exact)} | ${r.x1x2.replicas} |`);
    }
    parts.push(`### Two coupled bistable cells (check 3)\n\nH = E_b[(x₁² − 1)² + (x₂² − 1)²] + K₁₂·x₁x₂ with fixed controls; each replica time-averages over 60 τ_D after a 5 τ_D warm-up, dt = 10⁻³ τ_D. Reference: trapezoidal quadrature of e^{−H/kT} on [−3, 3]² (1201² points), or on the box [−1, 1]² of the reflecting walls that \`machine maxcut\` and \`machine ising\` use by default (the trapezoid's half weights at the walls, where the density does not vanish).\n\n${table.join('\n')}`);
  }

  // ---------- check 4: one cell against the simulator ----------
  log('machine: one cell vs simulator');
  {
    const table = ['| t_f, τ_D | machine ⟨W⟩, kT | simulator ⟨W⟩, kT | difference / combined SE | replicas |', '|---|---|---|---|---|'];
    for (const tf of [10, 40]) {
      const r = await eraseCheck(12, 3, tf, 2000, 5e-4, threads);
      const se = Math.hypot(r.machine.stderr, r.simulator.stderr);
      const z = (r.machine.measured - r.simulator.measured) / se;
      rows.push({ check: `one uncoupled cell, erasure (E_s = 12 kT, f = 3 kT/a, ${tf} τ_D): machine ⟨W⟩ vs simulator, kT`, reference: pm(r.simulator.measured, r.simulator.stderr), simulated: pm(r.machine.measured, r.machine.stderr), replicas: 2000, criterion: 'within 3 combined SE', pass: Math.abs(z) < 3 });
      table.push(`| ${tf} | ${pm(r.machine.measured, r.machine.stderr)} | ${pm(r.simulator.measured, r.simulator.stderr)} | ${f(z, 2)} | 2000 |`);
    }
    parts.push(`### One cell, no coupling (check 4)\n\nThe simulator's erasure protocol (\`simulate erase\`: lower, tilt, raise, untilt in E_s(x² − s)² − f·x) run by the machine as one cell with field g = 1 and μ(t) = −f(t), and by the simulator, with different seeds, dt = 5·10⁻⁴ τ_D.\n\n${table.join('\n')}`);
  }

  // ---------- check 5 and the claims: small Ising, second law, Landauer ----------
  log('machine: small Ising');
  {
    const n = 10;
    const replicas = 32;
    const header = ['| memory | retention barrier, kT | anneal, τ_D | P(ground state) | cycle work, kT | Landauer cost, kT | per committed bit, kT | second law |', '|---|---|---|---|---|---|---|---|'];
    const table = [...header];
    const series: Array<{ anneal: number; cycle: number; se: number }> = [];
    let landauer = NaN;
    const line = (memory: string, retention: number, anneal: number, r: Awaited<ReturnType<typeof smallIsingCheck>>) =>
      `| ${memory} | ${retention} | ${anneal} | ${f(r.groundProbability, 3)} | ${pm(r.cycle, r.cycleStderr)} | ${f(r.landauer)} | ${f(r.cycle / (r.landauer / Math.LN2), 3)} | ${r.secondLaw ? 'holds' : '**violated**'} |`;
    let slowP = 0;
    for (const anneal of [3, 10, 30, 100, 300]) {
      const r = await smallIsingCheck(n, 5, anneal, replicas, threads, 'lim', 20);
      landauer = r.landauer;
      series.push({ anneal, cycle: r.cycle, se: r.cycleStderr });
      if (anneal === 300) slowP = r.groundProbability;
      rows.push({ check: `Ising n = ${n} (SK ±1), lim, anneal ${anneal} τ_D: cycle work ≥ Landauer cost, kT`, reference: `≥ ${f(r.landauer)}`, simulated: pm(r.cycle, r.cycleStderr), replicas, criterion: 'not below by > 3 SE; second law', pass: r.cycle > r.landauer - 3 * r.cycleStderr && r.secondLaw });
      table.push(line('lim', 20, anneal, r));
    }
    rows.push({ check: `Ising n = ${n}, lim, anneal 300 τ_D: probability of reading out a ground state`, reference: '→ 1', simulated: f(slowP, 3), replicas, criterion: '≥ 0.9', pass: slowP >= 0.9 });
    const frozen = await smallIsingCheck(n, 5, 30, replicas, threads, 'static', 20);
    rows.push({ check: `Ising n = ${n}, static 20 kT, anneal 30 τ_D: second law (cycle work ≥ −3 SE), kT`, reference: '≥ 0', simulated: pm(frozen.cycle, frozen.cycleStderr), replicas, criterion: 'second law', pass: frozen.secondLaw });
    table.push(line('static', 20, 30, frozen));
    const claim = [...header];
    for (const anneal of [30, 300]) {
      for (const memory of ['static', 'lim'] as const) {
        const r = await smallIsingCheck(n, 5, anneal, replicas, threads, memory, 4);
        rows.push({ check: `Ising n = ${n}, ${memory} at 4 kT, anneal ${anneal} τ_D: second law, kT`, reference: '≥ 0', simulated: pm(r.cycle, r.cycleStderr), replicas, criterion: 'second law', pass: r.secondLaw });
        claim.push(line(memory, 4, anneal, r));
      }
    }
    const fit = fitWeightedLine(series.map((p) => 1 / p.anneal), series.map((p) => p.cycle), series.map((p) => 1 / p.se ** 2));
    parts.push(
      `### Small Ising problems: ground states, second law, Landauer (check 5)\n\nA ±1 Sherrington–Kirkpatrick instance on ${n} cells (seed 5; ground states by enumeration of all 2^${n} states, degeneracy counted). The cells run between the default reflecting walls at ±1. Full cycle: warm-up, anneal (λ: 0 → 8/√(n−1), geometric after a linear start; E_low = 1 kT for lim), consolidate (5 τ_D, geometric barrier ramp to the retention barrier), hold 1 τ_D (read-out: the signs, no polish), reset (λ → 0, barrier back). The Landauer cost is kT·(n ln 2 − ln g): the read-out commits the n bits of a uniformly random start to one of g ground states; "per committed bit" divides the cycle work by n − log₂g. dt = 0.05/|H″|max per segment; ${replicas} replicas per row.\n\n${table.join('\n')}\n\nThe static cell at 20 kT cannot anneal (its bits never cross the barrier): it reads out its random start and commits nothing; its cycle work is a few kT at most (the coupling released at the reset), the second law holds, and the Landauer bound does not apply to a cycle that erases nothing.`,
      `### Measured claims\n\n**Energy to solution against anneal time (lim, 20 kT).** Weighted fit of the cycle work over the five anneal times above: W = a + b/t with a = ${f(fit.intercept)} ± ${f(Math.sqrt(fit.intercept_variance), 2)} kT and b = ${f(fit.slope)} ± ${f(Math.sqrt(fit.slope_variance), 2)} kT·τ_D. The energy falls with anneal time, but not to the Landauer cost (${f(landauer)} kT): the slow limit keeps the quasi-static cost of compressing the wells during consolidation and the coupling released at the reset (per phase in \`limbound machine ising --json\`), so the 1/t law describes the approach to a floor ${f((fit.intercept - landauer) / n, 2)} kT per cell above Landauer's (without the walls, in the run of 2026-11-30, the fit gave a = 9.5 ± 0.3 kT, 0.40 kT per cell above Landauer's; which phase the walls save in is not separated here). The fit's χ² is not tested: the points at short anneals also change quality (P(ground state) rises with t), so a + b/t is a description, not a law.\n\n**lim against static per committed bit, at the same retention barrier.** At 20 kT the comparison has no second party: a static cell cannot anneal at all. At a 4 kT retention barrier, where a static cell still flips thermally (escape time ≈ τ0·e⁴ ≈ 15 τ_D with the Arrhenius τ0 = 1.11·τ_D·kT/E_b):\n\n${claim.join('\n')}\n\nAt the shorter anneal lim reaches the ground state more often and dissipates less per committed bit; at the longer one, where both reach comparable quality, the two cost the same within their errors — holding a 4 kT barrier throughout costs no barrier work, while lim pays the compression of its wells at consolidation and gets back part of it at the reset. The engine's LIM-over-CIM advantage (§2.4–2.5) comes from the update and retention walls at a 40 kT retention barrier, which a static annealer cannot reach; this run does not show a per-bit advantage of lim at low barriers, and the document says so.`,
    );
  }
  return { rows, markdown: parts.join('\n\n'), figures };
}
