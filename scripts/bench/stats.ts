export type Summary = { runs: number; median: number; p99: number; min: number; max: number; mean: number };

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    runs: sorted.length,
    median: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean,
  };
}

export type Timing = Summary & {
  /**
   * CPU time of this process per call (user + system): unlike wall time it does not grow while
   * other work on a busy machine holds the CPU, so it is what a dedicated machine would see.
   */
  cpu: Summary;
};

/**
 * Times `fn` repeatedly: a few warm-up calls, then until `budgetMs` is spent, at least `minRuns`
 * and at most `maxRuns` times. Milliseconds per call, wall and CPU.
 */
export async function timeRepeated(
  fn: () => Promise<unknown>,
  options: { minRuns: number; maxRuns: number; budgetMs: number; warmup?: number },
): Promise<Timing> {
  let warm = 0;
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    const t = performance.now();
    await fn();
    warm = performance.now() - t;
  }
  // Slow reads (a whole sitemap file) get fewer runs, never fewer than five.
  const minRuns = Math.max(5, Math.min(options.minRuns, Math.floor(options.budgetMs / Math.max(warm, 0.001))));
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const started = performance.now();
  while (
    samples.length < minRuns ||
    (samples.length < options.maxRuns && performance.now() - started < options.budgetMs)
  ) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  return { ...summarize(samples), cpu: summarize(cpuSamples) };
}
