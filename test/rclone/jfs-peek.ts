import { XMLParser } from 'fast-xml-parser';

import type { LoginTokenSource } from './harness.js';
import { loginForRclone } from './login-token.js';

/** A look at the server's own JFS documents, to check what rclone cannot show (revisions). */
export interface JfsPeek {
  /** The JFS username (from /account/v1/customer). */
  user: string;
  /** GETs `/jfs/<user>/Jotta/Archive/<path>` and returns the parsed root element, or the status. */
  archiveItem(path: string): Promise<{ status: number; root?: string; doc?: any }>;
  /** GETs an absolute server path with the peek's Bearer token. */
  get(path: string): Promise<Response>;
  /** POSTs (empty body) to an absolute server path with the peek's Bearer token. */
  post(path: string): Promise<Response>;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/**
 * Logs in separately from rclone (its own login token, so rclone's token family is untouched)
 * and reads documents over plain http on loopback.
 */
export async function openJfsPeek(
  serverUrl: string,
  server: LoginTokenSource,
  username: string,
): Promise<JfsPeek> {
  const login = await loginForRclone(await server.issueLoginToken(username), serverUrl);
  const accessToken = (JSON.parse(login.tokenJson) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${accessToken}` };
  const get = (path: string): Promise<Response> => fetch(new URL(path, serverUrl), { headers });
  const post = (path: string): Promise<Response> =>
    fetch(new URL(path, serverUrl), { method: 'POST', headers });

  const customer = await get('/account/v1/customer');
  if (!customer.ok) throw new Error(`customer answered ${customer.status}`);
  const user = ((await customer.json()) as { username: string }).username;

  return {
    user,
    get,
    post,
    async archiveItem(path) {
      const segments = path.split('/').map((segment) => encodeURIComponent(segment));
      const answer = await get(
        `/jfs/${encodeURIComponent(user)}/Jotta/Archive/${segments.join('/')}`,
      );
      if (!answer.ok) return { status: answer.status };

      const parsed = parser.parse(await answer.text()) as Record<string, any>;
      const root = Object.keys(parsed).find((key) => !key.startsWith('?'));
      return { status: answer.status, root, doc: root ? parsed[root] : undefined };
    },
  };
}

/** The revision numbers a `file` document lists: current first, then older ones. */
export function revisionNumbers(fileDoc: any): number[] {
  const numbers: number[] = [];
  if (fileDoc?.currentRevision) numbers.push(Number(fileDoc.currentRevision.number));
  const older = fileDoc?.revisions?.revision;
  for (const revision of Array.isArray(older) ? older : older ? [older] : []) {
    numbers.push(Number(revision.number));
  }
  return numbers;
}
