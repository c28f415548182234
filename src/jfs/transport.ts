import type { Dispatcher, Pool } from 'undici';
import type { Readable } from 'node:stream';

import { OperationCanceledError, isAbortError } from '../core/errors.js';
import type { Authenticator } from './auth.js';
import { errorForStatus, parseServerFault } from './error-map.js';
import { JfsError, TransportError } from './errors.js';
import { loggableUrl, stderrLogger, type JfsLogger } from './logger.js';
import { defaultRetryPolicy, retryDelayMs, sleep, type RetryPolicy } from './retry.js';

/** One HTTP exchange as the JFS client describes it. */
export interface JfsRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  /** Strings and buffers can be re-sent; a stream is sent once (callers resume uploads). */
  body?: string | Buffer | Readable;
  /** Device-relative path the request concerns, for error messages. */
  path?: string;
  /** Verb for error messages: `read`, `move`, `upload`… */
  action: string;
  /** Send Authorization (default true). Off for OIDC discovery and token requests. */
  auth?: boolean;
  /**
   * Whether the request may simply be sent again after a network error or a transient status.
   * Moves and copies are not: the client verifies them before a retry (see `retryVerified`).
   */
  idempotent: boolean;
  /** Statuses that are answers, not failures (default: any 2xx). */
  accept?: (status: number) => boolean;
  /** Upload URLs are secrets: log only their origin. */
  secretUrl?: boolean;
  signal?: AbortSignal;
}

export interface JfsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
}

export interface TransportOptions {
  authenticator?: Authenticator;
  /** Per-request time without progress (headers, or between body chunks). @default 60000 */
  timeoutMs?: number;
  retry?: RetryPolicy;
  logger?: JfsLogger;
}

const NETWORK_CODES =
  /^(UND_ERR_|ECONN|EPIPE|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)/;

/**
 * undici is loaded on the first request, not with this module: a shell run that never reaches
 * the network (`jafs -c Get-Location`) would otherwise read its ~110 files at every start.
 */
let undici: Promise<typeof import('undici')> | undefined;

/** True for failures where the request may not have reached the server or got no answer. */
export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NETWORK_CODES.test(code);
}

/**
 * Every request of the client goes through here: one keep-alive undici Pool per origin,
 * timeouts, the retry pacer, the one-shot refresh after a 401, debug logging, and the
 * translation of failures into JfsErrors.
 */
export class Transport {
  readonly retry: RetryPolicy;
  private readonly pools = new Map<string, Pool>();
  private readonly timeoutMs: number;
  private readonly logger: JfsLogger;
  private authenticator?: Authenticator;
  private closed = false;

  constructor(options: TransportOptions = {}) {
    this.retry = options.retry ?? defaultRetryPolicy();
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.logger = options.logger ?? stderrLogger;
    this.authenticator = options.authenticator;
  }

  setAuthenticator(authenticator: Authenticator): void {
    this.authenticator = authenticator;
  }

  /** Sends the request and returns the accepted response with its body still unread. */
  async send(request: JfsRequest): Promise<JfsResponse> {
    const retries = request.idempotent && !isStream(request.body) ? this.retry.retries : 0;
    let renewed = false;

    for (let attempt = 0; ; attempt++) {
      const authorization = await this.authorizationFor(request);
      let response: JfsResponse;
      try {
        response = await this.exchange(request, authorization);
      } catch (error) {
        if (attempt >= retries || !isNetworkError(error)) throw this.networkFailure(request, error);
        await sleep(retryDelayMs(this.retry, attempt), request.signal);
        continue;
      }

      const accepted = request.accept ?? ((status: number) => status >= 200 && status < 300);
      if (accepted(response.status)) return response;

      if (response.status === 401 && authorization && !renewed && this.authenticator) {
        await discard(response);
        renewed = await this.authenticator.renew(authorization, request.signal);
        if (renewed && !isStream(request.body)) {
          attempt--;
          continue;
        }
        throw await this.failure(request, { ...response, body: emptyBody() });
      }

      if (this.retry.retryStatuses.has(response.status) && attempt < retries) {
        await discard(response);
        const delay = retryDelayMs(this.retry, attempt, response.headers['retry-after']);
        await sleep(delay, request.signal);
        continue;
      }
      throw await this.failure(request, response);
    }
  }

  /**
   * Sends the request and reads the whole answer as text (XML and JSON documents). An
   * idempotent request whose answer breaks off midway is sent again.
   */
  async text(request: JfsRequest): Promise<string> {
    const retries = request.idempotent && !isStream(request.body) ? this.retry.retries : 0;

    for (let attempt = 0; ; attempt++) {
      const response = await this.send(request);
      try {
        return await response.body.text();
      } catch (error) {
        if (attempt >= retries || !isNetworkError(error)) throw this.networkFailure(request, error);
        await sleep(retryDelayMs(this.retry, attempt), request.signal);
      }
    }
  }

  async json<T>(request: JfsRequest): Promise<T> {
    const body = await this.text(request);
    try {
      return JSON.parse(body) as T;
    } catch (error) {
      throw new TransportError(`Cannot ${request.action}: the server sent invalid JSON.`, {
        path: request.path,
        cause: error,
      });
    }
  }

  /** Closes every pooled connection. */
  /**
   * Closes every pooled connection. Requests still running get a short grace period; a body
   * nobody reads any more (an abandoned download) would otherwise keep close() waiting forever.
   */
  async close(graceMs = 2000): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();

    await Promise.all(
      pools.map(async (pool) => {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), graceMs);
        });
        const outcome = await Promise.race([pool.close(), grace]);
        clearTimeout(timer);
        if (outcome === 'late') await pool.destroy();
      }),
    );
  }

  private async authorizationFor(request: JfsRequest): Promise<string | undefined> {
    if (request.auth === false || !this.authenticator) return undefined;
    return this.authenticator.authorization(request.signal);
  }

  private async exchange(request: JfsRequest, authorization?: string): Promise<JfsResponse> {
    if (request.signal?.aborted) throw new OperationCanceledError();
    const headers: Record<string, string> = { 'user-agent': 'jafs', ...request.headers };
    if (authorization) headers.authorization = authorization;

    const url = request.url;
    try {
      const pool = await this.pool(url.origin);
      const response = await pool.request({
        method: request.method,
        path: url.pathname + url.search,
        headers,
        body: request.body,
        signal: request.signal,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      this.logger.debug(
        'http',
        `${request.method} ${loggableUrl(url, request.secretUrl)} ${response.statusCode}`,
      );
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      this.logger.debug('http', `${request.method} ${loggableUrl(url, request.secretUrl)} failed`);
      if (request.signal?.aborted || isAbortError(error)) throw new OperationCanceledError();
      throw error;
    }
  }

  private async pool(origin: string): Promise<Pool> {
    const closed = () => new JfsError('This Jottacloud client is closed; create a new one.');
    if (this.closed) throw closed();
    const existing = this.pools.get(origin);
    if (existing) return existing;

    const { Pool } = await (undici ??= import('undici'));
    // Closed, or the pool made by another first request, while undici was loading.
    if (this.closed) throw closed();
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: 8, keepAliveTimeout: 30_000 });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  private networkFailure(request: JfsRequest, error: unknown): Error {
    if (error instanceof OperationCanceledError || request.signal?.aborted) {
      return new OperationCanceledError();
    }
    if (isAbortError(error)) return new OperationCanceledError();
    if (error instanceof JfsError) return error;
    // A failing upload source (a local read error) is the caller's problem, not the network's.
    if (!isNetworkError(error) && error instanceof Error) return error;
    const target = request.path ?? request.url.host;
    const code = (error as { code?: unknown } | null)?.code;
    const why = typeof code === 'string' ? code : 'network error';
    return new TransportError(
      `Cannot ${request.action} ${target}: the server did not answer (${why}). ` +
        'Check the connection and try again.',
      { path: request.path, cause: error },
    );
  }

  private async failure(request: JfsRequest, response: JfsResponse): Promise<Error> {
    let body = '';
    try {
      body = await readLimited(response.body, 64 * 1024);
    } catch {
      // The status alone still classifies the failure.
    }
    return errorForStatus({
      status: response.status,
      path: request.path,
      action: request.action,
      fault: parseServerFault(body),
    });
  }
}

/** Drops an unwanted answer's body; a connection that breaks meanwhile does not matter. */
async function discard(response: JfsResponse): Promise<void> {
  await response.body.dump().catch(() => undefined);
}

function isStream(body: JfsRequest['body']): body is Readable {
  return typeof body === 'object' && body !== null && !Buffer.isBuffer(body);
}

async function readLimited(body: JfsResponse['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    if (size < limit) chunks.push(buffer);
    size += buffer.length;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function emptyBody(): JfsResponse['body'] {
  return { async *[Symbol.asyncIterator]() {} } as unknown as JfsResponse['body'];
}
