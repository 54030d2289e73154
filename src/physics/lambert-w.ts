/**
 * The lower real branch W₋₁ of the Lambert W function (w·e^w = z, w ≤ −1, −1/e ≤ z < 0), from
 * ln(−z) so that arguments far below double precision (z ≈ −1e−400) still work: solve
 * g(w) = w + ln(−w) − ln(−z) = 0, which is increasing on w < −1, by bracketed Newton.
 * (Corless, Gonnet, Hare, Jeffrey & Knuth, Adv. Comput. Math. 5, 329 (1996).)
 */
export function lambertWm1FromLog(lnMinusZ: number): number {
  if (!(lnMinusZ <= -1)) return Number.NaN; // −z > 1/e: no real solution
  if (lnMinusZ === -1) return -1;
  // Asymptotic start (de Bruijn): w ≈ L1 − L2 + L2/L1 + L2(L2 − 2)/(2·L1²) with L1 = ln(−z), L2 = ln(−L1);
  // near the branch point a series in √(2(1 + e·z)). Halley's iteration on g (cubically convergent) then
  // needs one or two steps; bisection is the fallback.
  let w: number;
  if (lnMinusZ < -2) {
    const l2 = Math.log(-lnMinusZ);
    const r = l2 / lnMinusZ;
    w = lnMinusZ - l2 + r + (r * (l2 - 2)) / (2 * lnMinusZ);
  } else w = -1 - Math.sqrt(2 * (-1 - lnMinusZ));
  for (let i = 0; i < 20 && w < -1; i++) {
    // g = w + ln(−w) − L, g′ = 1 + 1/w, g″ = −1/w².
    const g = gap(w, lnMinusZ);
    const g1 = 1 + 1 / w;
    const step = g / (g1 + (g / (2 * w * w)) / g1);
    const next = w - step;
    // After a Halley step of relative size δ the error is O(δ³): δ < 1e-6 leaves it below round-off.
    if (Math.abs(step) <= 1e-6 * Math.abs(next)) return next;
    w = next;
  }
  return bisectWm1(lnMinusZ);
}

/** Safe fallback: bisection on g over a bracket [lo, −1] (exported for its own test: Halley rarely falls back). */
export function bisectWm1(lnMinusZ: number): number {
  let hi = -1;
  let lo = Math.min(-1 - 1e-12, lnMinusZ - Math.log(Math.max(1, -lnMinusZ)) - 2);
  while (gap(lo, lnMinusZ) > 0) lo *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.abs(lo); i++) {
    const mid = 0.5 * (lo + hi);
    if (gap(mid, lnMinusZ) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** g(w) = w + ln(−w) − ln(−z): zero at W₋₁(z), increasing for w < −1. */
function gap(w: number, lnMinusZ: number): number {
  return w + Math.log(-w) - lnMinusZ;
}

/** W₋₁(z) for −1/e ≤ z < 0. */
export function lambertWm1(z: number): number {
  if (!(z < 0) || z < -1 / Math.E - 1e-15) return Number.NaN;
  return lambertWm1FromLog(Math.log(-z));
}

/** Principal branch W₀(z) for z ≥ −1/e, by Halley's iteration. */
export function lambertW0(z: number): number {
  if (z < -1 / Math.E) return Number.NaN;
  if (z === 0) return 0;
  let w = z < 1 ? (z > -0.3 ? z * (1 - z) : -1 + Math.sqrt(2 * (1 + Math.E * z))) : Math.log(z) - Math.log(Math.log(z) + 1);
  for (let i = 0; i < 100; i++) {
    const ew = Math.exp(w);
    const f = w * ew - z;
    const wp1 = w + 1;
    if (wp1 === 0) break;
    const next = w - f / (ew * wp1 - ((w + 2) * f) / (2 * wp1));
    if (Math.abs(next - w) <= 1e-15 * (1 + Math.abs(next))) return next;
    w = next;
  }
  return w;
}
