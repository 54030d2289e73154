/**
 * Weighted least-squares straight line y = intercept + slope·x with weights w_i (1/σ_i² for known
 * errors), from the closed-form normal equations (P. R. Bevington & D. K. Robinson, Data Reduction and
 * Error Analysis, 3rd ed., 2003, §6.3). The variances are those of known σ; a caller that estimates σ
 * from the scatter scales them by χ²/dof.
 */
export interface LineFit {
  intercept: number;
  slope: number;
  intercept_variance: number;
  slope_variance: number;
  points: number;
}

export function fitWeightedLine(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): LineFit {
  let S = 0;
  let Sx = 0;
  let Sy = 0;
  let Sxx = 0;
  let Sxy = 0;
  for (let i = 0; i < x.length; i++) {
    S += w[i]!;
    Sx += w[i]! * x[i]!;
    Sy += w[i]! * y[i]!;
    Sxx += w[i]! * x[i]! * x[i]!;
    Sxy += w[i]! * x[i]! * y[i]!;
  }
  const delta = S * Sxx - Sx * Sx;
  if (x.length < 2 || !(delta > 0)) return { intercept: NaN, slope: NaN, intercept_variance: NaN, slope_variance: NaN, points: x.length };
  return {
    intercept: (Sxx * Sy - Sx * Sxy) / delta,
    slope: (S * Sxy - Sx * Sy) / delta,
    intercept_variance: Sxx / delta,
    slope_variance: S / delta,
    points: x.length,
  };
}
