import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { isCertificateHost, type TestCertificates } from './test-certificates.js';

/** A connection the gateway would not carry: anything but CONNECT to a Jottacloud host on 443. */
export interface RefusedAttempt {
  method: string;
  target: string;
}

/** One HTTPS request that came out of a tunnel and went to the local server. */
export interface ForwardedRequest {
  method: string;
  host: string;
  path: string;
  status: number;
  /** The answer's body when it is JSON of at most 8 KiB (allocate, customer), for assertions. */
  json?: unknown;
}

const JSON_CAPTURE_LIMIT = 8 * 1024;

/** A CONNECT proxy on 127.0.0.1 whose tunnels end in a TLS front for the local server. */
export interface LoopbackGateway {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY (and HTTP_PROXY, to catch strays). */
  proxyUrl: string;
  /** Everything refused so far; a test asserts this stays empty. */
  refused: RefusedAttempt[];
  /** Every forwarded request in order, to check which verbs rclone used and explain failures. */
  forwarded: ForwardedRequest[];
  close(): Promise<void>;
}

// Headers that describe one hop, not the message; node sets its own for the next hop.
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te']);

/**
 * Starts the gateway that lets rclone reach the local server without DNS, /etc/hosts or any
 * network beyond loopback. rclone (a Go client) sends `CONNECT jfs.jottacloud.com:443` to
 * HTTPS_PROXY; the gateway answers 200 and hands the raw socket to an in-process HTTPS server
 * holding the test certificate, which forwards each request, path unchanged, to the server's
 * plain-http loopback URL. No outgoing connection is ever opened except to `upstreamUrl`, which
 * must be a loopback address.
 */
export async function startLoopbackGateway(options: {
  upstreamUrl: string;
  certificates: TestCertificates;
}): Promise<LoopbackGateway> {
  const upstream = new URL(options.upstreamUrl);
  if (!isLoopbackHost(upstream.hostname) || upstream.protocol !== 'http:') {
    throw new Error(`the gateway only forwards to plain http on loopback, not ${upstream.origin}`);
  }
  const refused: RefusedAttempt[] = [];
  const forwarded: ForwardedRequest[] = [];

  const front = https.createServer(
    {
      key: await readFile(options.certificates.keyPath),
      cert: await readFile(options.certificates.certPath),
    },
    (request, response) => forward(request, response, upstream, forwarded),
  );

  const proxy = http.createServer((request, response) => {
    // A plain proxied request (e.g. HTTP_PROXY for an http:// URL): never carried.
    refused.push({ method: request.method ?? '?', target: request.url ?? '' });
    response.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy\n');
  });
  proxy.on('connect', (request: http.IncomingMessage, socket: Socket, head: Buffer) => {
    // A killed rclone resets its tunnel; that must not become an unhandled error in the test.
    socket.on('error', () => undefined);
    const target = request.url ?? '';
    const [host, port] = splitAuthority(target);
    if (port !== '443' || !isCertificateHost(host)) {
      refused.push({ method: 'CONNECT', target });
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }

    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    front.emit('connection', socket);
  });

  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  const { port } = proxy.address() as AddressInfo;

  return {
    proxyUrl: `http://127.0.0.1:${port}`,
    refused,
    forwarded,
    async close() {
      proxy.closeAllConnections();
      front.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
      await new Promise<void>((done) => front.close(() => done()));
    },
  };
}

/** Sends one request from the TLS front to the local server and streams the answer back. */
function forward(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  upstream: URL,
  log: ForwardedRequest[],
): void {
  const originalHost = request.headers.host ?? '';
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_HEADERS.has(name)) headers[name] = value;
  }

  // Host becomes the loopback origin so that any absolute URL the server builds (an allocate
  // upload_url, say) stays on loopback; the name the client used travels as X-Forwarded-Host.
  headers.host = upstream.host;
  headers['x-forwarded-host'] = originalHost;
  headers['x-forwarded-proto'] = 'https';

  const outgoing = http.request(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: request.method,
      path: request.url,
      headers,
    },
    (answer) => {
      const status = answer.statusCode ?? 502;
      const entry: ForwardedRequest = {
        method: request.method ?? '?',
        host: originalHost,
        path: request.url ?? '',
        status,
      };
      log.push(entry);
      if (/json/.test(answer.headers['content-type'] ?? '')) captureJson(answer, entry);

      const answerHeaders = { ...answer.headers };
      for (const name of HOP_HEADERS) delete answerHeaders[name];
      response.writeHead(status, answerHeaders);
      answer.pipe(response);
    },
  );
  outgoing.on('error', (error) => {
    log.push({
      method: request.method ?? '?',
      host: originalHost,
      path: request.url ?? '',
      status: 502,
    });
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`test gateway: local server unreachable: ${error.message}\n`);
  });
  request.pipe(outgoing);
}

/** Copies a small JSON body into the log entry while it streams on to the client. */
function captureJson(answer: http.IncomingMessage, entry: ForwardedRequest): void {
  const chunks: Buffer[] = [];
  let length = 0;
  answer.on('data', (chunk: Buffer) => {
    length += chunk.length;
    if (length <= JSON_CAPTURE_LIMIT) chunks.push(chunk);
  });
  answer.on('end', () => {
    if (length > JSON_CAPTURE_LIMIT) return;
    try {
      entry.json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      // Not JSON after all: the entry keeps no body.
    }
  });
}

function splitAuthority(authority: string): [string, string] {
  const colon = authority.lastIndexOf(':');
  if (colon < 0) return [authority, ''];
  return [authority.slice(0, colon), authority.slice(colon + 1)];
}

/** True for 127.0.0.0/8, ::1 and localhost: the only addresses a test may talk to. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
