import { OperationCanceledError } from '../core/errors.js';
import { TransportError } from './errors.js';
import { retryDelayMs, sleep, type RetryPolicy } from './retry.js';

/**
 * Retries a non-idempotent command (mv, mvDir, cp) only after checking it did not already
 * happen: a move answered with a 5xx or a dropped connection may well have succeeded
 * (rclone#4295). `alreadyDone` inspects the server and resolves with the result when it did.
 */
export async function retryVerified<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
  alreadyDone: () => Promise<T | undefined>,
  signal?: AbortSignal,
): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof OperationCanceledError || signal?.aborted) throw error;
      if (!(error instanceof TransportError) || failures >= policy.retries) throw error;
      await sleep(retryDelayMs(policy, failures), signal);

      const result = await alreadyDone().catch(() => undefined);
      if (result !== undefined) return result;
    }
  }
}
