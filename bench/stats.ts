/** Figures of one scenario: several runs of each contender, summarised as min / median. */
export interface Sample {
  ms: number;
  /** Peak resident set of the client process, when measured. */
  rssMb?: number;
  /** Requests the client made, when counted. */
  requests?: number;
}

export interface Row {
  scenario: string;
  contender: string;
  samples: Sample[];
  /** What the figure means when it is not plain wall time (e.g. throughput). */
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summary(samples: readonly Sample[]): { min: number; median: number } {
  const times = samples.map((sample) => sample.ms);
  return { min: Math.min(...times), median: median(times) };
}

/** The ratio of a contender's median to a reference's median (lower is better for jafs). */
export function ratio(
  rows: readonly Row[],
  scenario: string,
  contender: string,
  reference: string,
) {
  const of = (name: string) =>
    rows.find((row) => row.scenario === scenario && row.contender === name);
  const a = of(contender);
  const b = of(reference);
  if (!a || !b || a.samples.length === 0 || b.samples.length === 0) return undefined;
  return summary(a.samples).median / summary(b.samples).median;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}
