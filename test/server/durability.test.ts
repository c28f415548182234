import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { compileServer, spawnServer } from './child-server.js';
import { md5, PASSWORD, USER, xml } from './helpers.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jafs-durable-'));
  folders.push(dir);
  return dir;
}

const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const accounts = [{ username: USER, password: PASSWORD }];

function upload(url: string, path: string, content: Buffer): Promise<Response> {
  return fetch(`${url}/jfs/${USER}${path}?umode=nomultipart`, {
    method: 'POST',
    body: content,
    headers: {
      Authorization: auth,
      JMd5: md5(content),
      JSize: String(content.length),
      'Content-Type': 'application/octet-stream',
    },
  });
}

describe('durability', () => {
  it('keeps files, folders, trash and refresh tokens across a restart', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir, accounts });
    await upload(first.url, '/Jotta/Archive/keep/a.txt', Buffer.from('kept'));
    await fetch(`${first.url}/jfs/${USER}/Jotta/Archive/keep/a.txt?dl=true`, {
      method: 'POST',
      headers: { Authorization: auth },
    });
    await upload(first.url, '/Jotta/Archive/keep/b.txt', Buffer.from('also kept'));
    const tokens = (await (
      await fetch(`${first.url}/auth/realms/jottacloud/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', username: USER, password: PASSWORD }),
      })
    ).json()) as { refresh_token: string };
    await first.close();

    const second = await startServer({ dataDir });
    try {
      const listing = await xml(
        await fetch(`${second.url}/jfs/${USER}/Jotta/Archive/keep`, {
          headers: { Authorization: auth },
        }),
      );
      const files = listing.root.files.file;
      expect(files.map((f: any) => f['@name'])).toEqual(['a.txt', 'b.txt']);
      expect(files[0]['@deleted']).toBeDefined();
      const body = await (
        await fetch(`${second.url}/jfs/${USER}/Jotta/Archive/keep/b.txt?mode=bin`, {
          headers: { Authorization: auth },
        })
      ).text();
      expect(body).toBe('also kept');
      const refreshed = await fetch(
        `${second.url}/auth/realms/jottacloud/protocol/openid-connect/token`,
        {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: tokens.refresh_token,
          }),
        },
      );
      expect(refreshed.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a second server on the same data folder, naming the folder', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir, accounts });
    try {
      await expect(startServer({ dataDir })).rejects.toThrow(dataDir);
      await expect(startServer({ dataDir })).rejects.toMatchObject({ code: 'ESERVER_LOCKED' });
    } finally {
      await first.close();
    }
    const again = await startServer({ dataDir });
    await again.close();
  });

  it('sweeps orphan partial files and blobs at start, and they count for nothing', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir, accounts });
    await upload(first.url, '/Jotta/Archive/real.txt', Buffer.from('real'));
    await first.close();

    const orphan = Buffer.from('orphan blob bytes');
    await writeFile(join(dataDir, 'blobs', md5(orphan)), orphan);
    await writeFile(join(dataDir, 'partial', '999999'), 'half written');
    const second = await startServer({ dataDir });
    try {
      expect(await readdir(join(dataDir, 'blobs'))).toEqual([md5('real')]);
      expect(await readdir(join(dataDir, 'partial'))).toEqual([]);
      const user = await xml(
        await fetch(`${second.url}/jfs/${USER}`, { headers: { Authorization: auth } }),
      );
      expect(user.root.usage).toBe('4');
    } finally {
      await second.close();
    }
  });

  it('repairs the states a crash can leave between the disk and the database', async () => {
    const dataDir = await tempDir();
    const first = await startServer({ dataDir, accounts });
    const allocate = async (url: string, path: string, content: Buffer) =>
      (await (
        await fetch(`${url}/files/v1/allocate`, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ path, bytes: content.length, md5: md5(content) }),
        })
      ).json()) as { upload_url: string; resume_pos: number; state: string };

    // A: 1000 bytes recorded, but only 500 reached the disk.
    const partial = randomBytes(4000);
    const a = await allocate(first.url, '/jfs/Jotta/Archive/a.bin', partial);
    await fetch(a.upload_url, {
      method: 'POST',
      headers: { Authorization: auth },
      body: partial.subarray(0, 1000),
    });
    // B: all bytes moved into blobs/, but the crash came before the revision was marked COMPLETED.
    const whole = randomBytes(3000);
    const b = await allocate(first.url, '/jfs/Jotta/Archive/b.bin', whole);
    await fetch(b.upload_url, { method: 'POST', headers: { Authorization: auth }, body: whole });
    await first.close();

    const partials = await readdir(join(dataDir, 'partial'));
    await truncate(join(dataDir, 'partial', partials[0]), 500);
    const db = new Database(join(dataDir, 'metadata.sqlite'));
    db.prepare("UPDATE revisions SET state = 'INCOMPLETE', blob = NULL WHERE md5 = ?").run(
      md5(whole),
    );
    db.close();

    const second = await startServer({ dataDir });
    try {
      expect((await allocate(second.url, '/jfs/Jotta/Archive/a.bin', partial)).resume_pos).toBe(
        500,
      );
      const file = await xml(
        await fetch(`${second.url}/jfs/${USER}/Jotta/Archive/b.bin`, {
          headers: { Authorization: auth },
        }),
      );
      expect(file.root.currentRevision.state).toBe('COMPLETED');
      const bytes = await fetch(`${second.url}/jfs/${USER}/Jotta/Archive/b.bin?mode=bin`, {
        headers: { Authorization: auth },
      });
      expect(Buffer.from(await bytes.arrayBuffer()).equals(whole)).toBe(true);
    } finally {
      await second.close();
    }
  });

  // Compiling the server for the child process takes a while on a busy machine.
  it('a server killed with SIGKILL during uploads restarts consistent and resumable', async () => {
    const compiled = await compileServer();
    const dataDir = await tempDir();
    try {
      const { child, url } = await spawnServer(compiled.dir, dataDir);
      const contents = Array.from({ length: 6 }, () => randomBytes(4 * 1024 * 1024));
      const claims = contents.map((content, i) => ({
        path: `/jfs/Jotta/Archive/kill/f${i}.bin`,
        bytes: content.length,
        md5: md5(content),
      }));

      const allocations = await Promise.all(
        claims.map(async (claim) => {
          const response = await fetch(`${url}/files/v1/allocate`, {
            method: 'POST',
            headers: { Authorization: auth, 'Content-Type': 'application/json' },
            body: JSON.stringify(claim),
          });
          return (await response.json()) as { upload_url: string };
        }),
      );
      const started = contents.map((content, i) => {
        // A slow body: the server gets killed while these are mid-way.
        let offset = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (offset >= content.length) return controller.close();
            await new Promise((r) => setTimeout(r, 50));
            controller.enqueue(content.subarray(offset, offset + 256 * 1024));
            offset += 256 * 1024;
          },
        });
        const init = { method: 'POST', headers: { Authorization: auth }, body, duplex: 'half' };
        return fetch(allocations[i].upload_url, init as RequestInit).catch(() => undefined);
      });
      await new Promise((r) => setTimeout(r, 500));
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      await Promise.all(started);

      const restarted = await startServer({ dataDir });
      let resumedMidway = 0;
      try {
        for (const [i, content] of contents.entries()) {
          const alloc = (await (
            await fetch(`${restarted.url}/files/v1/allocate`, {
              method: 'POST',
              headers: { Authorization: auth, 'Content-Type': 'application/json' },
              body: JSON.stringify(claims[i]),
            })
          ).json()) as { state: string; resume_pos: number; upload_url: string };
          expect(alloc.resume_pos).toBeLessThanOrEqual(content.length);
          if (alloc.resume_pos > 0 && alloc.resume_pos < content.length) resumedMidway += 1;
          if (alloc.state !== 'COMPLETED') {
            const rest = content.subarray(alloc.resume_pos);
            const range = `bytes=${alloc.resume_pos}-${content.length - 1}`;
            const response = await fetch(alloc.upload_url, {
              method: 'POST',
              headers: { Authorization: auth, Range: range },
              body: rest,
            });
            expect(response.status).toBe(200);
          }
          const bytes = Buffer.from(
            await (
              await fetch(`${restarted.url}/jfs/${USER}/Jotta/Archive/kill/f${i}.bin?mode=bin`, {
                headers: { Authorization: auth },
              })
            ).arrayBuffer(),
          );
          expect(createHash('md5').update(bytes).digest('hex')).toBe(md5(content));
        }
        // The kill really landed mid-transfer: bytes received before it were kept.
        expect(resumedMidway).toBeGreaterThan(0);
        expect((await readdir(join(dataDir, 'blobs'))).sort()).toEqual(
          contents.map((c) => md5(c)).sort(),
        );
        expect(await readdir(join(dataDir, 'partial'))).toEqual([]);
      } finally {
        await restarted.close();
      }
    } finally {
      await compiled.cleanup();
    }
  }, 180_000);
});
