import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from './backend.js';
import { withFault } from './faults.js';
import { authenticate } from './http/auth.js';
import { JfsHttpError, methodNotAllowed, notFoundRoute } from './http/errors.js';
import { decodeSegments, discardBody, parseTarget } from './http/request.js';
import { type ErrorStyle, sendError, sendJson } from './http/respond.js';
import { checkOwner, type JfsRequest } from './routes/context.js';
import { checkRealm, customer, tokenEndpoint, userInfo, wellKnown } from './routes/identity.js';
import { handleGet } from './routes/jfs-read.js';
import { handlePost } from './routes/jfs-write.js';
import { publicDownload } from './routes/public.js';
import { purgeTrash } from './routes/trash.js';
import { allocateEndpoint, uploadEndpoint } from './routes/uploads.js';

const REALM = /^\/auth\/realms\/([^/]+)\/(.+)$/;
const PUBLIC_LINK = /^\/opin\/io\/(?:downloadPublic|streamPublic)\/([^/]+)\/([0-9a-fA-F]{32})$/;

/** The request listener: faults first, then one route per path family; errors become documents. */
export function createRequestHandler(backend: Backend) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const target = parseTarget(req.url);
    const method = req.method ?? 'GET';
    const style = styleFor(target.rawPath);
    res.on('finish', () => backend.options.log(`${method} ${target.rawPath} ${res.statusCode}`));

    route(backend, req, res, method, target.rawPath, target.query)
      .catch(async (error: unknown) => {
        if (!(error instanceof JfsHttpError)) {
          backend.options.log(`error ${method} ${target.rawPath}: ${String(error)}`);
        }
        sendError(res, error, style, backend.options.nodeName);
        await discardBody(req);
      })
      // Nothing a request does may take the server down (a socket gone mid-answer, say).
      .catch(() => res.destroy());
  };
}

async function route(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  rawPath: string,
  query: URLSearchParams,
): Promise<void> {
  const fault = backend.faults.take(method, rawPath);
  if (fault)
    return withFault(fault, req, res, () => dispatch(backend, req, res, method, rawPath, query));
  return dispatch(backend, req, res, method, rawPath, query);
}

async function dispatch(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  rawPath: string,
  query: URLSearchParams,
): Promise<void> {
  if (rawPath === '/jfs' || rawPath.startsWith('/jfs/'))
    return routeJfs(backend, req, res, method, rawPath, query);

  const realm = REALM.exec(rawPath);
  if (realm) {
    const name = safeDecode(realm[1]);
    checkRealm(backend, name);
    if (realm[2] === '.well-known/openid-configuration' && method === 'GET')
      return wellKnown(backend, req, res, name);
    if (realm[2] === 'protocol/openid-connect/token' && method === 'POST')
      return tokenEndpoint(backend, req, res, name);
    if (realm[2] === 'protocol/openid-connect/userinfo') return userInfo(backend, req, res, name);
    throw notFoundRoute(rawPath);
  }

  const shared = PUBLIC_LINK.exec(rawPath);
  if (shared && method === 'GET')
    return publicDownload(backend, req, res, safeDecode(shared[1]), shared[2]);

  if (rawPath === '/account/v1/customer')
    return expect(method, 'GET', () => customer(backend, req, res));
  if (rawPath === '/files/v1/allocate')
    return expect(method, 'POST', () => allocateEndpoint(backend, req, res));
  if (rawPath === '/files/v1/purge_trash')
    return expect(method, 'POST', () => purgeTrash(backend, req, res));
  if (rawPath.startsWith('/files/v1/upload/')) {
    return expect(method, 'POST', () =>
      uploadEndpoint(backend, req, res, rawPath.slice('/files/v1/upload/'.length)),
    );
  }
  if (rawPath === '/' && method === 'GET')
    return sendJson(res, 200, { service: 'jafs local JFS server' });
  throw notFoundRoute(rawPath);
}

async function routeJfs(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  rawPath: string,
  query: URLSearchParams,
): Promise<void> {
  const account = authenticate(backend, req);
  const names = decodeSegments(rawPath.slice('/jfs'.length), backend.options.quirks);
  if (names.length === 0) throw notFoundRoute(rawPath);

  const request: JfsRequest = { backend, req, res, account, names, query };
  checkOwner(request);
  if (method === 'GET') return handleGet(request);
  if (method === 'POST') return handlePost(request);
  throw methodNotAllowed(method);
}

async function expect(
  method: string,
  wanted: string,
  run: () => void | Promise<void>,
): Promise<void> {
  if (method !== wanted) throw methodNotAllowed(method);
  await run();
}

function styleFor(rawPath: string): ErrorStyle {
  if (rawPath.startsWith('/jfs')) return 'xml';
  if (rawPath.startsWith('/auth/')) return 'oauth';
  return 'json';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
