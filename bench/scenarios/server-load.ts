import { benchScript, runNodeChild } from '../child.js';
import { runsWithin } from '../budget.js';
import { record, type BenchContext } from '../context.js';

const CLIENTS = 8;

/**
 * The local server under 8 parallel clients (one load process, keep-alive HTTP), each
 * alternating a 4 KiB upload and a folder listing: throughput and p50/p99 request latency.
 */
export async function serverLoad(context: BenchContext): Promise<void> {
  const ops = context.sizes.loadOpsPerClient;
  const scenario = `Local server, ${CLIENTS} clients × ${ops} ops (upload 4 KiB / list)`;
  const args = [
    context.server.url,
    context.username,
    context.password,
    String(CLIENTS),
    String(ops),
  ];

  for (const run of runsWithin(context, context.sizes.runs)) {
    const sample = await runNodeChild(benchScript('load-client'), args);
    const { p50, p99, childMs } = sample;
    const requests = sample.requests ?? 0;
    // The child's own loop time: the wall time would add its start-up.
    record(context, scenario, '8 clients', { ms: childMs, requests });
    context.notes.push(
      `Server load run ${run}: ${requests} requests in ${childMs.toFixed(0)} ms = ` +
        `${((requests / childMs) * 1000).toFixed(0)} req/s, p50 ${p50.toFixed(1)} ms, ` +
        `p99 ${p99.toFixed(1)} ms.`,
    );
  }
}
