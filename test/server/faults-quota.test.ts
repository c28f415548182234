import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5, startTestServer, type TestServer, USER, xml } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    accounts: [
      { username: USER, password: 'secret-pass' },
      { username: 'small', password: 'small-pass', quotaBytes: 100 },
    ],
  });
});
afterAll(async () => {
  await t.stop();
});

const smallAuth = `Basic ${Buffer.from('small:small-pass').toString('base64')}`;

function smallUpload(path: string, content: Buffer): Promise<Response> {
  return fetch(`${t.url}/jfs/small${path}?umode=nomultipart`, {
    method: 'POST',
    body: content,
    headers: {
      Authorization: smallAuth,
      JMd5: md5(content),
      JSize: String(content.length),
      'Content-Type': 'application/octet-stream',
    },
  });
}

describe('quota', () => {
  it('shows capacity and usage, and answers 460 beyond the quota', async () => {
    expect((await smallUpload('/Jotta/Archive/a.bin', Buffer.alloc(60, 1))).status).toBe(201);
    const user = await xml(
      await fetch(`${t.url}/jfs/small`, { headers: { Authorization: smallAuth } }),
    );
    expect(user.root.capacity).toBe('100');
    expect(user.root.usage).toBe('60');
    expect(user.root['account-type']).toBe('free');

    const over = await smallUpload('/Jotta/Archive/b.bin', Buffer.alloc(60, 2));
    expect(over.status).toBe(460);
    expect((await xml(over)).root.message).toContain('QuotaExceededException');
    expect(
      (
        await fetch(`${t.url}/jfs/small/Jotta/Archive/b.bin`, {
          headers: { Authorization: smallAuth },
        })
      ).status,
    ).toBe(404);

    const allocate = await fetch(`${t.url}/files/v1/allocate`, {
      method: 'POST',
      headers: { Authorization: smallAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        path: '/jfs/Jotta/Archive/c.bin',
        bytes: 41,
        md5: md5(Buffer.alloc(41)),
      }),
    });
    expect(allocate.status).toBe(460);
  });

  it('old revisions and trash count; purging the trash frees space', async () => {
    await fetch(`${t.url}/jfs/small/Jotta/Archive/a.bin?dl=true`, {
      method: 'POST',
      headers: { Authorization: smallAuth },
    });
    expect((await smallUpload('/Jotta/Archive/d.bin', Buffer.alloc(50, 3))).status).toBe(460);
    await fetch(`${t.url}/files/v1/purge_trash`, {
      method: 'POST',
      headers: { Authorization: smallAuth },
    });
    expect((await smallUpload('/Jotta/Archive/d.bin', Buffer.alloc(50, 3))).status).toBe(201);
  });

  it('setQuota changes the capacity at run time', async () => {
    t.server.setQuota('small', -1);
    expect((await smallUpload('/Jotta/Archive/e.bin', Buffer.alloc(500, 4))).status).toBe(201);
    const customer = (await (
      await fetch(`${t.url}/account/v1/customer`, { headers: { Authorization: smallAuth } })
    ).json()) as Record<string, unknown>;
    expect(customer.quota).toBe(-1);
    expect(customer.usage).toBe(550);
  });
});

describe('faults', () => {
  it('injects a status with Retry-After a given number of times, then lets requests through', async () => {
    const handle = t.server.faults.add({
      method: 'GET',
      path: '/Jotta/Sync',
      status: 503,
      retryAfter: 2,
      times: 2,
    });
    const first = await t.jfs('/Jotta/Sync');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await xml(first)).root.code).toBe('503');
    expect((await t.jfs('/Jotta/Sync')).status).toBe(503);
    expect((await t.jfs('/Jotta/Sync')).status).toBe(200);
    expect(handle.hits).toBe(2);
  });

  it('speaks JSON on the JSON API and matches RegExp paths', async () => {
    t.server.faults.add({ path: /^\/files\/v1\/allocate$/, status: 429 });
    const response = await fetch(`${t.url}/files/v1/allocate`, {
      method: 'POST',
      headers: { Authorization: t.auth },
      body: '{}',
    });
    expect(response.status).toBe(429);
    expect(((await response.json()) as Record<string, unknown>).code).toBe(429);
  });

  it('afterHandling: the move happens although the answer is 500', async () => {
    await t.upload('/Jotta/Archive/f/x.txt', 'x');
    t.server.faults.add({
      method: 'POST',
      path: '/Jotta/Archive/f',
      status: 500,
      afterHandling: true,
    });
    const dest = encodeURIComponent(`/${USER}/Jotta/Archive/g`);
    expect((await t.post(`/Jotta/Archive/f/?mvDir=${dest}`)).status).toBe(500);
    expect(await (await t.jfs('/Jotta/Archive/g/x.txt?mode=bin')).text()).toBe('x');
  });

  it('resets the connection after some response bytes', async () => {
    await t.upload('/Jotta/Archive/long.bin', Buffer.alloc(200_000, 7));
    t.server.faults.add({ path: 'long.bin', resetAfterResponseBytes: 1000 });
    await expect(
      t.jfs('/Jotta/Archive/long.bin?mode=bin').then((r) => r.arrayBuffer()),
    ).rejects.toThrow();
    expect((await (await t.jfs('/Jotta/Archive/long.bin?mode=bin')).arrayBuffer()).byteLength).toBe(
      200_000,
    );
  });

  it('cuts a liststream mid-way, so a client can check it against stats', async () => {
    for (let i = 0; i < 30; i += 1) await t.upload(`/Jotta/Archive/ls/f${i}.txt`, `file ${i}`);
    const whole = await (await t.jfs('/Jotta/Archive/ls?mode=liststream')).text();
    expect(whole).toContain('<stats>');
    t.server.faults.add({ path: '/Jotta/Archive/ls', resetAfterResponseBytes: 500 });
    const cut = await t
      .jfs('/Jotta/Archive/ls?mode=liststream')
      .then((r) => r.text())
      .catch(() => 'connection broken');
    expect(cut).not.toContain('<stats>');
  });

  it('resets the connection after some request bytes; the bytes received stay resumable', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024, 9);
    const claim = {
      path: '/jfs/Jotta/Archive/reset.bin',
      bytes: content.length,
      md5: md5(content),
    };
    const allocate = async () =>
      (await (
        await fetch(`${t.url}/files/v1/allocate`, {
          method: 'POST',
          headers: { Authorization: t.auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(claim),
        })
      ).json()) as { upload_url: string; resume_pos: number };
    const first = await allocate();
    t.server.faults.add({
      path: '/files/v1/upload/',
      resetAfterRequestBytes: 2 * 1024 * 1024 + 10,
    });
    // Paced so the server has handled what arrived before the break.
    let offset = 0;
    const paced = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= content.length) return controller.close();
        await new Promise((r) => setTimeout(r, 5));
        controller.enqueue(content.subarray(offset, offset + 64 * 1024));
        offset += 64 * 1024;
      },
    });
    const init = {
      method: 'POST',
      headers: { Authorization: t.auth },
      body: paced,
      duplex: 'half',
    };
    await expect(fetch(first.upload_url, init as RequestInit)).rejects.toThrow();

    const second = await allocate();
    expect(second.resume_pos).toBeGreaterThan(0);
    const rest = content.subarray(second.resume_pos);
    const done = await fetch(second.upload_url, {
      method: 'POST',
      headers: { Authorization: t.auth, Range: `bytes=${second.resume_pos}-` },
      body: rest,
    });
    expect(done.status).toBe(200);
  });

  it('delays a request: a later request overtakes it', async () => {
    t.server.faults.add({ path: '/Jotta/Shared', delayMs: 300 });
    const order: string[] = [];
    const slow = t.jfs('/Jotta/Shared').then((r) => order.push(`slow ${r.status}`));
    const fast = t.jfs('/Jotta/Sync').then((r) => order.push(`fast ${r.status}`));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast 200', 'slow 200']);
  });
});
