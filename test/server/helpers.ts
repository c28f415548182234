import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { type RunningServer, startServer, type ServerOptions } from '../../src/server/index.js';

export const USER = 'user1';
export const PASSWORD = 'secret-pass';

/** A server on port 0 with a fresh temp data folder; `stop` closes it and removes the folder. */
export async function startTestServer(extra: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jafs-server-'));
  const server = await startServer({
    dataDir,
    accounts: [
      { username: USER, password: PASSWORD },
      { username: 'other', password: 'other-pass' },
    ],
    ...extra,
  });
  return new TestServer(server, dataDir);
}

export class TestServer {
  constructor(
    public server: RunningServer,
    public dataDir: string,
    public auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
  ) {}

  get url(): string {
    return this.server.url;
  }

  /** A request under `/jfs/user1/…` (path given raw, already escaped). */
  jfs(
    path: string,
    init: RequestInit & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    return fetch(`${this.url}/jfs/${USER}${path}`, {
      ...init,
      headers: { Authorization: this.auth, ...(init.headers ?? {}) },
    });
  }

  post(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.jfs(path, { method: 'POST', headers });
  }

  /** Legacy upload of `content` to a path under /jfs/user1. */
  upload(
    path: string,
    content: Buffer | string,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = Buffer.from(content);
    return this.jfs(`${path}?umode=nomultipart`, {
      method: 'POST',
      body,
      headers: {
        JMd5: md5(body),
        JSize: String(body.length),
        'Content-Type': 'application/octet-stream',
        ...headers,
      },
    });
  }

  async stop(): Promise<void> {
    await this.server.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

export function md5(content: Buffer | string): string {
  return createHash('md5').update(content).digest('hex');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['folder', 'file', 'device', 'mountPoint', 'revision'].includes(name),
});

/** Parses a response body as XML; returns the root element's object and its name. */
export async function xml(response: Response): Promise<{ name: string; root: any; text: string }> {
  const text = await response.text();
  const parsed = parser.parse(text);
  const name = Object.keys(parsed).find((k) => k !== '?xml') ?? '';
  const root = parsed[name];
  return { name, root: Array.isArray(root) ? root[0] : root, text };
}
