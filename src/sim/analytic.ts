/**
 * Exact and asymptotic reference results the simulator is validated against. All in simulation units
 * (kT = γ = a = 1 unless the arguments say otherwise); each formula names its source.
 */

/**
 * Mean work to drag a harmonic trap (k/2)(x − λ)² at constant speed from 0 to λ_f in t_f, starting in
 * equilibrium: ⟨W⟩ = (γλ_f²/t_f)·[1 − (γ/(k t_f))(1 − e^{−k t_f/γ})].
 * T. Schmiedl & U. Seifert, "Optimal finite-time processes in stochastic thermodynamics",
 * PRL 98, 108301 (2007), eq. (8) (linear protocol); MODEL.md §6.
 */
export function trapLinearMeanWork(stiffness: number, distance: number, duration: number, friction = 1): number {
  const rate = (stiffness * duration) / friction;
  // 1 − (1 − e^{−r})/r, by its series for small r where the difference cancels.
  const lag = rate < 1e-4 ? rate / 2 - (rate * rate) / 6 + (rate * rate * rate) / 24 : 1 + Math.expm1(-rate) / rate;
  return ((friction * distance * distance) / duration) * lag;
}

/**
 * Minimal mean work of the same transfer, reached by the optimal protocol:
 * ⟨W*⟩ = γλ_f² / (t_f + 2γ/k). Schmiedl & Seifert, PRL 98, 108301 (2007), eq. (10).
 */
export function trapOptimalMeanWork(stiffness: number, distance: number, duration: number, friction = 1): number {
  return (friction * distance * distance) / (duration + (2 * friction) / stiffness);
}

/**
 * The optimal trap centre for 0 < t < t_f: λ*(t) = λ_f·(t + γ/k)/(t_f + 2γ/k), with jumps at both ends
 * (λ*(0) = 0, λ*(t_f) = λ_f). Schmiedl & Seifert, PRL 98, 108301 (2007), eq. (9).
 */
export function trapOptimalCentre(time: number, stiffness: number, distance: number, duration: number, friction = 1): number {
  if (time <= 0) return 0;
  if (time >= duration) return distance;
  return (distance * (time + friction / stiffness)) / (duration + (2 * friction) / stiffness);
}

/** Mean work of an instantaneous jump of the trap by λ_f from equilibrium: k·λ_f²/2 (direct average). */
export function trapStepMeanWork(stiffness: number, distance: number): number {
  return 0.5 * stiffness * distance * distance;
}

/**
 * Free-energy change when a harmonic trap's stiffness goes from k0 to k1: ΔF = (kT/2)·ln(k1/k0)
 * (ratio of Gaussian partition functions). Checked through the Jarzynski equality
 * ⟨e^{−W/kT}⟩ = e^{−ΔF/kT}: C. Jarzynski, PRL 78, 2690 (1997).
 */
export function harmonicDeltaF(fromStiffness: number, toStiffness: number, kT = 1): number {
  return 0.5 * kT * Math.log(toStiffness / fromStiffness);
}

/**
 * Exact mean work of a stiffness change k(t) from equilibrium (overdamped, γ = kT = 1): the position stays
 * Gaussian with mean 0 and variance v obeying dv/dt = −2k(t)v + 2 (moment equation of the
 * Ornstein–Uhlenbeck process), and ⟨W⟩ = ∫ (k̇/2)·v dt (Sekimoto work). Integrated by RK4.
 * For an instantaneous change, ⟨W⟩ = (k1 − k0)/(2k0).
 */
export function stiffnessRampMeanWork(fromStiffness: number, toStiffness: number, duration: number, substeps = 20000): number {
  if (duration === 0) return (toStiffness - fromStiffness) / (2 * fromStiffness);
  const kdot = (toStiffness - fromStiffness) / duration;
  const k = (t: number) => fromStiffness + kdot * t;
  const dv = (t: number, v: number) => -2 * k(t) * v + 2;
  const h = duration / substeps;
  // RK4 on the pair (v, W) with W' = (k̇/2)·v.
  let v = 1 / fromStiffness;
  let work = 0;
  for (let i = 0; i < substeps; i++) {
    const t = i * h;
    const v1 = v;
    const a1 = dv(t, v1);
    const v2 = v + (h / 2) * a1;
    const a2 = dv(t + h / 2, v2);
    const v3 = v + (h / 2) * a2;
    const a3 = dv(t + h / 2, v3);
    const v4 = v + h * a3;
    const a4 = dv(t + h, v4);
    work += (kdot / 2) * (h / 6) * (v1 + 2 * v2 + 2 * v3 + v4);
    v += (h / 6) * (a1 + 2 * a2 + 2 * a3 + a4);
  }
  return work;
}

/**
 * Kramers' overdamped escape rate over a barrier E_b between a well of curvature U''_min and a barrier
 * top of curvature |U''_max|: r = √(U''_min·|U''_max|)/(2πγ)·e^{−E_b/kT}, valid for E_b ≫ kT.
 * H. A. Kramers, Physica 7, 284 (1940); P. Hänggi, P. Talkner & M. Borkovec, RMP 62, 251 (1990), eq. (4.7b).
 */
export function kramersRate(barrier: number, wellCurvature: number, barrierCurvature: number, friction = 1, kT = 1): number {
  return (Math.sqrt(wellCurvature * Math.abs(barrierCurvature)) / (2 * Math.PI * friction)) * Math.exp(-barrier / kT);
}

/** Kramers rate of the quartic well E_b·(x² − 1)²: U''(±1) = 8E_b, U''(0) = −4E_b (MODEL.md §6). */
export function quarticKramersRate(barrier: number): number {
  return kramersRate(barrier, 8 * barrier, 4 * barrier);
}

/** Kramers rate out of one side of a well of the multi-well landscape: U''(well) = 4E_b, U''(top) = −8E_b. */
export function multiwellKramersRate(barrier: number): number {
  return kramersRate(barrier, 4 * barrier, 8 * barrier);
}

/**
 * Level changes per unit time of one particle in equilibrium over an M-well landscape: interior wells
 * escape both ways, the two end wells one way, all wells equally occupied: 2r(M − 1)/M.
 */
export function multiwellTransitionRate(barrier: number, levels: number): number {
  return (2 * multiwellKramersRate(barrier) * (levels - 1)) / levels;
}

/**
 * Exact mean first-passage time of overdamped diffusion (D = kT/γ = 1) from `from` to an absorbing point
 * `to` > from, reflecting at −∞:  τ = ∫_from^to dy e^{U(y)} ∫_{−∞}^y dz e^{−U(z)}.
 * C. W. Gardiner, Handbook of Stochastic Methods (Springer), §5.2.7; Hänggi, Talkner & Borkovec (1990), eq. (4.5).
 * `lower` stands for −∞ (choose it where U is far above its minimum). Trapezoid rule on `intervals` cells.
 */
export function meanFirstPassageTime(energy: (x: number) => number, from: number, to: number, lower: number, intervals = 400000): number {
  const h = (to - lower) / intervals;
  const shift = energy(from); // keeps exponents moderate; cancels between the two integrals
  let inner = 0;
  let previousInner = Math.exp(-(energy(lower) - shift));
  let outer = 0;
  let previousOuter = 0;
  for (let i = 1; i <= intervals; i++) {
    const y = lower + i * h;
    const u = energy(y) - shift;
    const e = Math.exp(-u);
    inner += 0.5 * h * (previousInner + e);
    previousInner = e;
    const integrand = y >= from ? Math.exp(u) * inner : 0;
    if (y > from) outer += 0.5 * h * (previousOuter + integrand);
    previousOuter = integrand;
  }
  return outer;
}

/**
 * Level changes per unit time in equilibrium over an M-well chain, counted when the particle reaches a
 * neighbouring well's centre, from the exact mean first-passage times out of an end well (τ_end, one
 * neighbour) and an interior well (τ_int, first of two neighbours). The embedded jump chain is a random walk
 * on a path, stationary ∝ degree d_j, so the rate is Σ d_j / Σ d_j·τ_j (renewal-reward theorem).
 */
export function chainTransitionRate(levels: number, endTime: number, interiorTime: number): number {
  if (levels === 2) return 1 / endTime;
  const degrees = 2 + 2 * (levels - 2);
  return degrees / (2 * endTime + 2 * (levels - 2) * interiorTime);
}

/** Binary entropy H(p) = −p ln p − (1 − p) ln(1 − p), in nats. */
export function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
}

/**
 * Generalised Landauer bound on the mean work to erase one bit from a symmetric mixture with final error
 * probability p: ⟨W⟩ ≥ kT·(ln 2 − H(p)). R. Landauer, IBM J. Res. Dev. 5, 183 (1961) (p = 0);
 * the error-dependent form follows from ⟨W⟩ ≥ ΔF between the initial mixture and the final local
 * equilibria with occupations (1 − p, p) (second law for stochastic processes, Sekimoto 1998); MODEL.md §2.1.
 */
export function generalizedLandauerBound(pFail: number, kT = 1): number {
  return kT * (Math.LN2 - binaryEntropy(pFail));
}
