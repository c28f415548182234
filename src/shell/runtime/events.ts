import { performance } from 'node:perf_hooks';

/** How long a script may compute before it lets pending events in. */
const SLICE_MS = 25;

let sliceStarted = performance.now();

/**
 * Lets pending events in (a Ctrl+C key on stdin, SIGINT, timers) when the current slice of work
 * is used up. A script that only computes awaits promises that are already resolved, and those
 * never give way to I/O: without this, a busy loop could not be stopped at all. Cheap enough to
 * call on every loop iteration and every pipeline record.
 */
export async function letEventsIn(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;

  await new Promise<void>((resume) => setImmediate(resume));
  sliceStarted = performance.now();
}
