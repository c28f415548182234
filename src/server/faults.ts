import type { IncomingMessage, ServerResponse } from 'node:http';
import { JfsHttpError } from './http/errors.js';

/** One injected misbehaviour, matched against each request in the order rules were added. */
export interface FaultRule {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Matched against the raw request path (without the query): a substring or a RegExp. */
  path: string | RegExp;
  /** Answer with this status (XML or JSON error by endpoint) instead of handling the request. */
  status?: number;
  /** Seconds for a `Retry-After` header on the injected status. */
  retryAfter?: number;
  /** Wait this long before handling (or failing) the request. */
  delayMs?: number;
  /** Destroy the connection after this many bytes of the request body were read. */
  resetAfterRequestBytes?: number;
  /** Destroy the connection after this many bytes of the response body were written. */
  resetAfterResponseBytes?: number;
  /**
   * Handle the request first (its changes happen), then answer `status` instead of its response:
   * the 2020 "mvDir answered 500 although the move happened" behaviour (rclone#4295).
   * @default false
   */
  afterHandling?: boolean;
  /** How many matching requests this rule affects. @default 1 */
  times?: number;
}

/** A rule as returned by `add`, to remove it early or see how often it fired. */
export interface FaultHandle {
  readonly hits: number;
  remove(): void;
}

/**
 * The in-process fault switchboard of a running server (`server.faults`). Rules are consumed as
 * they fire; `expireTokens` makes issued access tokens expire at once (B16 tests).
 */
export class FaultInjector {
  readonly #rules: { rule: FaultRule; left: number; hits: number }[] = [];
  readonly #expire: (username?: string) => void;

  constructor(expire: (username?: string) => void) {
    this.#expire = expire;
  }

  add(rule: FaultRule): FaultHandle {
    const entry = { rule, left: rule.times ?? 1, hits: 0 };
    this.#rules.push(entry);
    return {
      get hits() {
        return entry.hits;
      },
      remove: () => {
        const index = this.#rules.indexOf(entry);
        if (index >= 0) this.#rules.splice(index, 1);
      },
    };
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** Expires every access token now (of one account when a username is given). */
  expireTokens(username?: string): void {
    this.#expire(username);
  }

  /** The first live rule matching this request; consumes one of its uses. */
  take(method: string, path: string): FaultRule | undefined {
    const entry = this.#rules.find(
      (e) =>
        e.left > 0 &&
        (e.rule.method === undefined || e.rule.method.toUpperCase() === method) &&
        (typeof e.rule.path === 'string' ? path.includes(e.rule.path) : e.rule.path.test(path)),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    entry.hits += 1;
    if (entry.left <= 0) this.#rules.splice(this.#rules.indexOf(entry), 1);
    return entry.rule;
  }
}

/**
 * Destroys the connection once about `limit` request-body bytes arrived. Counted on the socket,
 * not on the request stream, so the handler still reads every byte that came before the break.
 */
export function armRequestReset(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const socket = req.socket;
  let seen = 0;
  const count = (chunk: Buffer): void => {
    seen += chunk.length;
    if (seen >= limit) socket.destroy();
  };
  socket.on('data', count);
  res.on('close', () => socket.off('data', count));
}

/** Destroys the socket once `limit` response-body bytes have been written. */
export function armResponseReset(res: ServerResponse, limit: number): void {
  let sent = 0;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    const size = typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Buffer).length;
    if (sent + size >= limit) {
      const room = limit - sent;
      sent = limit;
      if (room > 0)
        write(
          typeof chunk === 'string'
            ? Buffer.from(chunk).subarray(0, room)
            : (chunk as Buffer).subarray(0, room),
        );
      res.socket?.destroy();
      return false;
    }
    sent += size;
    return write(chunk, ...rest);
  }) as ServerResponse['write'];

  // `end(chunk)` would bypass the counting above; route its chunk through `write` first.
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk === undefined || typeof chunk === 'function') return end(chunk, ...rest);
    res.write(chunk as Buffer);
    return res.destroyed ? res : end(...rest);
  }) as ServerResponse['end'];
}

/** Runs a request under a matched rule: delay, resets, then the injected status. */
export async function withFault(
  rule: FaultRule,
  req: IncomingMessage,
  res: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  if (rule.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
  if (rule.resetAfterRequestBytes !== undefined)
    armRequestReset(req, res, rule.resetAfterRequestBytes);
  if (rule.resetAfterResponseBytes !== undefined)
    armResponseReset(res, rule.resetAfterResponseBytes);
  if (rule.status === undefined) return handle();

  if (rule.afterHandling) {
    const restore = muffle(res);
    try {
      await handle();
    } finally {
      restore();
    }
  }
  const headers: Record<string, string> =
    rule.retryAfter === undefined ? {} : { 'Retry-After': String(rule.retryAfter) };
  throw new JfsHttpError(
    rule.status,
    'no.jotta.backup.errors.InjectedFaultException',
    'Injected fault',
    headers,
  );
}

/** Swallows what a handler writes, so an injected status can replace its answer. */
function muffle(res: ServerResponse): () => void {
  const target = res as unknown as Record<string, unknown>;
  target.writeHead = () => res;
  target.write = () => true;
  target.end = () => res;
  return () => {
    delete target.writeHead;
    delete target.write;
    delete target.end;
  };
}
