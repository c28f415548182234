import type { BenchContext } from './context.js';

/** How long the scenario now running may take, and when it began. */
export interface Budget {
  scenario: string;
  started: number;
  /** The scenario's share of the whole run (ms); Infinity for a quick run. */
  shareMs: number;
}

/**
 * Run numbers 1…`max` for the current scenario, stopping early when one more run (estimated as
 * the mean of the runs so far) would end past the scenario's share of the bench's time. The
 * first run always happens, so every contender has a figure; a shortened scenario says so in
 * the notes. This keeps a full run under its time limit on a slower or busier machine without
 * changing the sizes, which would change what is measured.
 */
export function* runsWithin(context: BenchContext, max: number): Generator<number> {
  const { scenario, started, shareMs } = context.budget;
  const firstRun = performance.now();

  for (let run = 1; run <= max; run++) {
    if (run > 1) {
      const now = performance.now();
      const perRun = (now - firstRun) / (run - 1);
      if (now - started + perRun > shareMs) {
        context.notes.push(
          `${scenario}: ${run - 1} of ${max} runs, the time budget of ` +
            `${Math.round(shareMs / 1000)} s allowed no more (one run took ~` +
            `${Math.round(perRun / 1000)} s).`,
        );
        return;
      }
    }
    yield run;
  }
}
