import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5, startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.upload('/Jotta/Archive/fuzz/seed.txt', 'seed content');
});
afterAll(async () => {
  await t.stop();
});

const MISSING_COMMAND =
  "POST Request is missing multipart content or don't dont have any command parameters";

/** Anything a server error may be: only the documented 500 for an unknown command is allowed. */
async function expectHandled(response: Response): Promise<void> {
  if (response.status < 500) return;
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status: 500 });
  expect(text).toContain(MISSING_COMMAND);
}

const segment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '%',
    '%zz',
    '%E0%A4%A',
    '%2F',
    '..',
    '.',
    '+',
    '%00',
    ';x',
    'seed.txt',
    'fuzz',
    '%C3%A5',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
);
const commands = [
  'mkDir',
  'mv',
  'mvDir',
  'cp',
  'dl',
  'dlDir',
  'rm',
  'rmDir',
  'cphash',
  'mode',
  'type',
  'revision',
];
const query = fc.array(fc.tuple(fc.constantFrom(...commands), fc.string({ maxLength: 20 })), {
  maxLength: 3,
});

describe('bad input never breaks the server', () => {
  it('random paths, commands and headers are answered below 500 (or the documented 500)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 5 }),
        query,
        fc.constantFrom('GET', 'POST'),
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        async (segments, params, method, range) => {
          const path = `/Jotta/Archive/${segments.map((s) => s.replace(/[/?#]/g, '_')).join('/')}`;
          const search = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const headers: Record<string, string> = {};
          if (range !== undefined) headers.Range = range.replace(/[^\x20-\x7e]/g, '');
          const response = await t.jfs(`${path}${search ? `?${search}` : ''}`, { method, headers });
          await expectHandled(response);
        },
      ),
      { numRuns: 150 },
    );
    expect((await t.jfs('/Jotta/Archive/fuzz/seed.txt?mode=bin')).status).toBe(200);
  });

  it('random allocate bodies are answered with JSON errors, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc
            .record({
              path: fc.oneof(
                fc.string(),
                fc.constant('/jfs/Jotta/Archive/fuzz/a.bin'),
                fc.constant('/jfs/Nope/X/y'),
              ),
              bytes: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(-1)),
              md5: fc.oneof(fc.string(), fc.constant(md5('x'))),
            })
            .map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const response = await fetch(`${t.url}/files/v1/allocate`, {
            method: 'POST',
            headers: { Authorization: t.auth, 'Content-Type': 'application/json' },
            body,
          });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400)
            expect(typeof ((await response.json()) as { code: number }).code).toBe('number');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('garbage on the token endpoint and Authorization headers is 4xx', async () => {
    for (const body of [
      '',
      'grant_type=password',
      'grant_type=refresh_token&refresh_token=%FF',
      '%%%',
    ]) {
      const response = await fetch(
        `${t.url}/auth/realms/jottacloud/protocol/openid-connect/token`,
        { method: 'POST', body },
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    for (const header of [
      'Basic',
      'Basic !!!',
      'Bearer',
      'Bearer x.y.z',
      'Digest abc',
      `Basic ${Buffer.from(USER).toString('base64')}`,
    ]) {
      const response = await fetch(`${t.url}/jfs/${USER}`, { headers: { Authorization: header } });
      expect(response.status).toBe(401);
    }
  });

  it('an upload to an unknown upload id is 404 JSON', async () => {
    const response = await fetch(`${t.url}/files/v1/upload/nothing`, {
      method: 'POST',
      headers: { Authorization: t.auth },
      body: 'x',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error_id: string }).error_id).toBe(
      'NoSuchUploadException',
    );
  });
});

describe('quirk switches', () => {
  it('semicolon, percent-looking names, leading spaces and soft delete of a missing file', async () => {
    const quirky = await startTestServer({
      quirks: {
        semicolonEndsSegment: true,
        rejectPercentNames: true,
        rejectLeadingSpace: true,
        softDeleteMissingStatus: 200,
      },
    });
    try {
      await quirky.upload('/Jotta/Archive/name', 'n');
      // `name;x.pdf` is read as `name` (Jetty path parameter), as rclone#2750 saw.
      expect((await xml(await quirky.jfs('/Jotta/Archive/name;x.pdf'))).root['@name']).toBe('name');
      expect((await quirky.post('/Jotta/Archive/a%2520b?mkDir=true')).status).toBe(400);
      expect((await quirky.jfs('/Jotta/Archive/%20lead')).status).toBe(404);
      expect((await quirky.post('/Jotta/Archive/never.txt?dl=true')).status).toBe(200);
    } finally {
      await quirky.stop();
    }
  });

  it('mkDirReturnsTrashed answers mkDir on a trashed folder with that folder, creating nothing', async () => {
    const quirky = await startTestServer({ quirks: { mkDirReturnsTrashed: true } });
    try {
      await quirky.post('/Jotta/Archive/xxxx?mkDir=true');
      await quirky.post('/Jotta/Archive/xxxx?dlDir=true');
      const again = await quirky.post('/Jotta/Archive/xxxx?mkDir=true');
      expect(again.status).toBe(200);
      expect((await xml(again)).root['@deleted']).toBeDefined();
      const listing = await xml(await quirky.jfs('/Jotta/Archive'));
      expect(listing.root.folders.folder).toHaveLength(1);
    } finally {
      await quirky.stop();
    }
  });
});
