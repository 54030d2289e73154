/** Estimate-core throughput (target ≥ 1e6 design points/s on one core). */
import { benchEstimate } from '../src/model/bench.js';

export async function run(): Promise<void> {
  const r = benchEstimate(3);
  console.log(
    `estimate core: ${Math.round(r.core_points_per_s).toLocaleString('en-US')} design points/s (one core; median of ${r.rounds} rounds, best ${Math.round(r.core_points_per_s_best).toLocaleString('en-US')}; ${r.points} points)`,
  );
  console.log(`estimate() API incl. validation: ${Math.round(r.api_points_per_s).toLocaleString('en-US')} points/s`);
  console.log(`target ≥ 1,000,000 points/s (median): ${r.core_points_per_s >= 1e6 ? 'met' : 'NOT met'}`);
}
