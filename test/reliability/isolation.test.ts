import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jottacloud, MemoryTokenStore, loginWithToken } from '../../src/jfs/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

/**
 * Server isolation for every verb: account bob's valid credentials on every JFS verb aimed at
 * alice's tree are refused, and alice's data is byte-for-byte unchanged afterwards.
 * (test/server/auth.test.ts covers a GET of another tree and one cross-account move.)
 */
let server: RunningServer;
let dataDir: string;
let alice: Jottacloud;
let bobAuth: string;
const SECRET = Buffer.from('alice private data');

async function tokenClient(username: string) {
  const store = new MemoryTokenStore();
  await loginWithToken(server.issueLoginToken(username), { store, baseUrl: server.url });
  return { client: new Jottacloud({ baseUrl: server.url, auth: { type: 'token', store } }), store };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'jafs-rel-isolation-'));
  server = await startServer({
    dataDir,
    port: 0,
    accounts: [
      { username: 'alice', password: 'alice-pw' },
      { username: 'bob', password: 'bob-pw' },
    ],
  });
  alice = (await tokenClient('alice')).client;
  await alice.createFolder('/Jotta/Archive/secret');
  await alice.upload('/Jotta/Archive/secret/s.txt', {
    size: SECRET.length,
    open: async () => Readable.from([SECRET]),
  });
  const bob = await tokenClient('bob');
  await bob.client.createFolder('/Jotta/Archive/mine');
  const mine = Buffer.from('bob data');
  await bob.client.upload('/Jotta/Archive/mine/b.txt', {
    size: mine.length,
    open: async () => Readable.from([mine]),
  });
  const login = await bob.store.load();
  bobAuth = `Bearer ${login?.accessToken ?? ''}`;
  await bob.client.close();
});

afterAll(async () => {
  await alice?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function aliceState() {
  const tree = await alice.listTree('/Jotta/Archive');
  const download = await alice.download('/Jotta/Archive/secret/s.txt');
  const chunks: Buffer[] = [];
  for await (const chunk of download.stream) chunks.push(chunk as Buffer);
  return { tree: JSON.stringify(tree), bytes: Buffer.concat(chunks).toString() };
}

const A = '/jfs/alice/Jotta/Archive/secret';
const md5 = createHash('md5').update('planted').digest('hex');

/** [label, method, path, headers?, body?] — every verb bob might try on alice's tree. */
const ATTEMPTS: [string, string, string, Record<string, string>?, string?][] = [
  ['user document', 'GET', '/jfs/alice'],
  ['device', 'GET', '/jfs/alice/Jotta'],
  ['folder document', 'GET', A],
  ['file document', 'GET', `${A}/s.txt`],
  ['mode=bin', 'GET', `${A}/s.txt?mode=bin`],
  ['mode=list', 'GET', `${A}?mode=list`],
  ['mode=liststream', 'GET', `${A}?mode=liststream`],
  ['mode=enableShare', 'GET', `${A}/s.txt?mode=enableShare`],
  ['mkDir', 'POST', `${A}/made-by-bob?mkDir=true`],
  ['mv', 'POST', `${A}/s.txt?mv=${encodeURIComponent('/alice/Jotta/Archive/secret/moved.txt')}`],
  ['mv out to bob', 'POST', `${A}/s.txt?mv=${encodeURIComponent('/bob/Jotta/Archive/stolen.txt')}`],
  ['cp out to bob', 'POST', `${A}/s.txt?cp=${encodeURIComponent('/bob/Jotta/Archive/stolen.txt')}`],
  [
    'cp in from bob',
    'POST',
    `/jfs/bob/Jotta/Archive/mine/b.txt?cp=${encodeURIComponent(`/alice/Jotta/Archive/secret/s.txt`)}`,
  ],
  [
    'mv in from bob',
    'POST',
    `/jfs/bob/Jotta/Archive/mine/b.txt?mv=${encodeURIComponent('/alice/Jotta/Archive/secret/s.txt')}`,
  ],
  ['mvDir', 'POST', `${A}?mvDir=${encodeURIComponent('/alice/Jotta/Archive/renamed')}`],
  ['dl', 'POST', `${A}/s.txt?dl=true`],
  ['rm', 'POST', `${A}/s.txt?rm=true`],
  ['dlDir', 'POST', `${A}?dlDir=true`],
  ['rmDir', 'POST', `${A}?rmDir=true`],
  [
    'legacy upload',
    'POST',
    `${A}/s.txt`,
    { JMd5: md5, JSize: '7', 'content-type': 'application/octet-stream' },
    'planted',
  ],
];

describe("bob's credentials on alice's tree", () => {
  it("bob's credentials work on bob's own tree (control)", async () => {
    const own = await fetch(`${server.url}/jfs/bob/Jotta/Archive/mine/b.txt?mode=bin`, {
      headers: { authorization: bobAuth },
    });
    expect(own.status).toBe(200);
    expect(await own.text()).toBe('bob data');
  });

  it.each(ATTEMPTS)('%s is refused with 401/403', async (_label, method, path, headers, body) => {
    const before = await aliceState();
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: bobAuth, ...headers },
      body,
    });
    await response.arrayBuffer();
    expect([401, 403]).toContain(response.status);
    expect(await aliceState()).toEqual(before);
  });

  // Allocate paths are account-relative (§1.3): `/alice/…` names a mount point `alice` on bob's
  // own Jotta device. Whatever the server makes of them, bob's bytes must not reach alice.
  it('allocate with a path naming alice, followed through, writes nothing to alice', async () => {
    const before = await aliceState();
    for (const path of [
      '/alice/Jotta/Archive/secret/s.txt',
      '/jfs/alice/Jotta/Archive/secret/s.txt',
      '/jfs/../alice/Jotta/Archive/secret/s.txt',
    ]) {
      const response = await fetch(`${server.url}/files/v1/allocate`, {
        method: 'POST',
        headers: { authorization: bobAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ path, bytes: 7, md5 }),
      });
      const answer = (await response.json().catch(() => ({}))) as { upload_url?: string };
      if (response.status < 400 && answer.upload_url) {
        const upload = await fetch(answer.upload_url, {
          method: 'POST',
          headers: { authorization: bobAuth },
          body: 'planted',
        });
        await upload.arrayBuffer();
      }
      expect({ path, ...(await aliceState()) }).toEqual({ path, ...before });
    }
  });

  it("alice's upload URL does not accept bob's bytes", async () => {
    const before = await aliceState();
    const allocated = await fetch(`${server.url}/files/v1/allocate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await aliceToken()}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ path: '/Jotta/Archive/secret/s.txt', bytes: 7, md5 }),
    });
    expect(allocated.status).toBe(200);
    const { upload_url: uploadUrl } = (await allocated.json()) as { upload_url: string };
    const response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { authorization: bobAuth },
      body: 'planted',
    });
    await response.arrayBuffer();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await aliceState()).toEqual(before);
  });
});

async function aliceToken(): Promise<string> {
  const store = new MemoryTokenStore();
  await loginWithToken(server.issueLoginToken('alice'), { store, baseUrl: server.url });
  return (await store.load())?.accessToken ?? '';
}
