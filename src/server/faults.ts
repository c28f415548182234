import type { IncomingMessage, ServerResponse } from 'node:http';

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
  /** How many matching requests this rule affects. @default 1 */
  times?: number;
}

/** A rule as returned by `add`, to remove it early or see how often it fired. */
export interface FaultHandle {
  readonly hits: number;
  remove(): void;
}

/** What the router does with a request that matched a rule. */
export interface FaultDecision {
  rule: FaultRule;
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

/** Destroys the socket once `limit` request-body bytes have been read by the handler. */
export function armRequestReset(req: IncomingMessage, limit: number): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen >= limit) req.socket.destroy();
  });
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
}
