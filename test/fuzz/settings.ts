/**
 * Run counts and seed of the fuzzing suite. `npm test` runs it seeded and small (CI budget: well under
 * three minutes on two cores); `npm run fuzz -- --runs N` sets LIMBOUND_FUZZ_RUNS=N for a longer
 * campaign (N library calls, N/10 parser documents, N/100 CLI invocations, each at least the CI count).
 */
export const CAMPAIGN_RUNS = Number(process.env.LIMBOUND_FUZZ_RUNS ?? 0);
export const SEED = Number(process.env.LIMBOUND_FUZZ_SEED ?? 20261130);

/** Runs for one part: its CI count, or the campaign's share of N. */
export function runs(ciCount: number, shareOfCampaign: number): number {
  return CAMPAIGN_RUNS > 0 ? Math.max(ciCount, Math.round(CAMPAIGN_RUNS * shareOfCampaign)) : ciCount;
}

/** Path and value of the first non-finite number, or negative number under an energy key, in a document. */
export function badNumber(value: unknown, path = '', energy = false): string | undefined {
  if (typeof value === 'number') return !Number.isFinite(value) || (energy && value < 0) ? `${path} = ${value}` : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = badNumber(item, `${path}.${key}`, energy || /_J$|_kWh$/.test(key));
    if (found) return found;
  }
  return undefined;
}
