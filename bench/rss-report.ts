/**
 * Loaded into a jafs CLI process with `node --import` by the bench: when the process exits it
 * prints one JSON line `{ ms, rssMb }` (time since the process started, peak resident set), the
 * figures the bench's own child scripts print, so the real CLI can be measured unchanged.
 */
import { performance } from 'node:perf_hooks';

process.on('exit', () => {
  const report = { ms: performance.now(), rssMb: process.resourceUsage().maxRSS / 1024 };
  // Pipes are written synchronously on Linux, so the line is out before the process ends.
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
});
