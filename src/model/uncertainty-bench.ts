/**
 * Speed of the uncertainty sampler: samples of the whole estimate (every row and claim) per second on
 * one core, including the quantiles, and the speed-up of a warmed pool of worker threads on a larger run,
 * with a check that both give the same arrays.
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_SEED, metricArrays, planSampling, sampleRange, summarize } from './uncertainty.js';
import { SamplerPool } from './uncertainty-parallel.js';

export interface UncertaintyBench {
  ranges: number;
  /** Seconds for `single_samples` samples and their summary, one core (median of the rounds). */
  single_seconds: number;
  /** The same in CPU time of this process: what the run costs when the machine is shared. */
  single_cpu_seconds: number;
  single_samples: number;
  rounds: number;
  threads: number;
  parallel_samples: number;
  one_thread_seconds: number;
  threaded_seconds: number;
  /** Process CPU time (all threads) of each pooled run: equal when the blocks split without overhead. */
  one_thread_cpu_seconds: number;
  threaded_cpu_seconds: number;
  speedup: number;
  identical: boolean;
  /** 1-minute load average before and after, and the cores Node sees: a loaded machine depresses the speed-up. */
  load_average_start: number;
  load_average_end: number;
  cores: number;
}

export async function benchUncertainty(options: { samples?: number; parallelSamples?: number; threads?: number; rounds?: number } = {}): Promise<UncertaintyBench> {
  const samples = options.samples ?? 100_000;
  const parallelSamples = options.parallelSamples ?? 1_000_000;
  const threads = options.threads ?? 2;
  const rounds = options.rounds ?? 3;
  const loadStart = loadavg()[0]!;
  const plan = planSampling({});
  // Warm-up: compile the hot path before timing.
  sampleRange(plan, DEFAULT_SEED, 0, 20_000, metricArrays(20_000));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const out = metricArrays(samples);
    sampleRange(plan, DEFAULT_SEED, 0, samples, out);
    summarize(plan, DEFAULT_SEED, out);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  // One worker against `threads` workers, both warmed, so that the ratio measures the sampling alone.
  const timed = async (pool: SamplerPool) => {
    await pool.run(plan, DEFAULT_SEED, 65_536);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const { out } = await pool.run(plan, DEFAULT_SEED, parallelSamples);
    const cpu = process.cpuUsage(cpuStart);
    return { seconds: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6, out };
  };
  const one = new SamplerPool(1);
  const many = new SamplerPool(threads);
  try {
    const a = await timed(one);
    await one.close();
    const b = await timed(many);
    const identical = a.out.every((arr, m) => arr.every((v, i) => Object.is(v, b.out[m]![i])));
    return {
      ranges: plan.ranges.length,
      single_seconds: times[Math.floor(rounds / 2)]!,
      single_cpu_seconds: cpuTimes[Math.floor(rounds / 2)]!,
      single_samples: samples,
      rounds,
      threads,
      parallel_samples: parallelSamples,
      one_thread_seconds: a.seconds,
      threaded_seconds: b.seconds,
      one_thread_cpu_seconds: a.cpu,
      threaded_cpu_seconds: b.cpu,
      speedup: a.seconds / b.seconds,
      identical,
      load_average_start: loadStart,
      load_average_end: loadavg()[0]!,
      cores: availableParallelism(),
    };
  } finally {
    await Promise.all([one.close(), many.close()]);
  }
}
