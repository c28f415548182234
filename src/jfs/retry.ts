import { OperationCanceledError } from '../core/errors.js';

/** The retry policy as data (STYLE habit 4): which statuses are transient and how long to wait. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Statuses worth another try; 400/404/460 are never in here. */
  retryStatuses: ReadonlySet<number>;
  /** First back-off step in ms; doubles per attempt. */
  baseDelayMs: number;
  /** Cap of one back-off step and of an honoured Retry-After, in ms. */
  maxDelayMs: number;
}

/** rclone's list (R1): 429 and the 5xx a busy Jottacloud answers. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504, 509]);

export function defaultRetryPolicy(retries = 5): RetryPolicy {
  return { retries, retryStatuses: RETRY_STATUSES, baseDelayMs: 100, maxDelayMs: 30_000 };
}

/**
 * Delay before retry number `attempt` (0-based): the server's Retry-After when it sent one
 * (seconds or an HTTP date), else capped exponential back-off with full jitter.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter?: string | string[],
): number {
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  const requested = parseRetryAfter(header);
  if (requested !== undefined) return Math.min(requested, policy.maxDelayMs);

  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function parseRetryAfter(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Waits `ms`, or rejects with OperationCanceledError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new OperationCanceledError());

  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new OperationCanceledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OperationCanceledError();
}
