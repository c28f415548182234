import type { ServerResponse } from 'node:http';
import { renderDocument, leaf, type XmlElement } from '../xml/writer.js';
import { JfsHttpError, REASONS } from './errors.js';

let traceCounter = 0;

/** A 12-digit trace id, as error bodies and the `X-ID` header carry (§2.8). */
export function nextTraceId(): string {
  traceCounter += 1;
  return String(traceCounter).padStart(12, '0');
}

export function sendXml(
  res: ServerResponse,
  status: number,
  root: XmlElement,
  pretty = true,
): void {
  const body = renderDocument(root, pretty);
  res.writeHead(status, {
    'Content-Type': 'text/xml; charset=UTF-8',
    'Content-Length': Buffer.byteLength(body),
    'X-ID': nextTraceId(),
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(body),
    'X-ID': nextTraceId(),
  });
  res.end(body);
}

/** Which error shape an endpoint speaks. */
export type ErrorStyle = 'xml' | 'json' | 'oauth';

/** Turns anything thrown by a route into the endpoint's error document. */
export function sendError(
  res: ServerResponse,
  error: unknown,
  style: ErrorStyle,
  hostname: string,
): void {
  const fault =
    error instanceof JfsHttpError
      ? error
      : new JfsHttpError(500, 'java.lang.RuntimeException', 'Internal server error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(fault.headers)) res.setHeader(name, value);

  const xId = nextTraceId();
  if (style === 'xml') {
    sendXml(res, fault.status, {
      name: 'error',
      children: [
        leaf('code', fault.status),
        leaf('message', fault.message),
        leaf('reason', REASONS[fault.status] ?? 'Error'),
        leaf('cause', ''),
        leaf('hostname', hostname),
        leaf('x-id', xId),
      ],
    });
  } else if (style === 'json') {
    sendJson(res, fault.status, {
      code: fault.status,
      message: fault.message,
      cause: '',
      error_id: fault.simpleName,
      'x-id': xId,
    });
  } else {
    sendJson(res, fault.status, { error: fault.simpleName, error_description: fault.detail });
  }
}

/** An OAuth error (`{"error": …}`) travels as a JfsHttpError whose class name is the code. */
export function oauthError(status: number, code: string, description: string): JfsHttpError {
  return new JfsHttpError(status, code, description);
}
