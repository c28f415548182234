import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { expect } from 'vitest';

import { filePaths, uploadSmallFiles, type ConformanceCase } from './conformance-context.js';
import { errorLines, expectSuccess, md5Hex, parseMd5Sum } from './fixtures.js';

/** An allocate answer as the gateway captured it. */
interface AllocateAnswer {
  state?: string;
  resume_pos?: number;
}

/**
 * Cases where a transfer is disturbed and rclone must recover the way it does against the real
 * service: the server misbehaves on purpose (its fault switchboard: 5xx/429 are on rclone's retry
 * list, a broken connection is resumed), or rclone itself is killed half-way through an upload.
 */
export const faultCases: ConformanceCase[] = [
  {
    name: 'a 500 on allocate is retried and the upload completes',
    async run(context) {
      const fault = context.faults.add({ method: 'POST', path: '/files/v1/allocate', status: 500 });
      await uploadSmallFiles(context, 'retried', { 'r.txt': 'retried\n' });

      expect(fault.hits).toBe(1);
      const cat = await context.harness.rclone(['cat', 'remote:retried/r.txt']);
      expect(cat.stdout).toBe('retried\n');
    },
  },
  {
    name: 'a 429 with Retry-After on a folder listing is retried',
    async run(context) {
      await uploadSmallFiles(context, 'throttled', { 't.txt': 't\n' });
      const fault = context.faults.add({
        method: 'GET',
        path: '/Jotta/Archive/throttled',
        status: 429,
        retryAfter: 1,
      });

      const listed = await context.harness.rclone([
        'lsf',
        '--disable',
        'ListR',
        'remote:throttled',
      ]);
      expectSuccess(listed, 'lsf after a 429');
      expect(listed.stdout).toBe('t.txt\n');
      expect(fault.hits).toBe(1);
    },
  },
  {
    name: 'an upload whose connection breaks half-way resumes on rclone’s retry',
    timeoutMs: 90_000,
    async run(context) {
      const content = randomBytes(16 * 1024 * 1024);
      const local = join(context.harness.workDir, 'broken-upload.bin');
      await writeFile(local, content);
      const fault = context.faults.add({
        method: 'POST',
        path: '/files/v1/upload/',
        resetAfterRequestBytes: 6 * 1024 * 1024,
      });

      const mark = context.harness.gateway.forwarded.length;
      const copy = ['copyto', local, 'remote:broken/upload.bin'];
      expectSuccess(await context.harness.rclone(copy), 'copyto over a breaking connection');

      expect(fault.hits).toBe(1);
      const resumePositions = context.harness.gateway.forwarded
        .slice(mark)
        .filter((request) => request.path.startsWith('/files/v1/allocate'))
        .map((request) => (request.json as AllocateAnswer | undefined)?.resume_pos ?? 0);
      expect(Math.max(...resumePositions), 'resume_pos after the break').toBeGreaterThan(0);
      const sums = await context.harness.rclone(['md5sum', 'remote:broken']);
      expect(parseMd5Sum(sums.stdout)).toEqual(new Map([['upload.bin', md5Hex(content)]]));
    },
  },
  {
    name: 'an upload cut off by killing rclone resumes from resume_pos on the next copy',
    timeoutMs: 90_000,
    async run(context) {
      const content = randomBytes(24 * 1024 * 1024);
      const local = join(context.harness.workDir, 'resumable.bin');
      await writeFile(local, content);
      const target = 'remote:resume/big.bin';

      // At 4 MiB/s, killed once the server reports 2 MiB received (the INCOMPLETE revision's size
      // in the file document, §5.1), well before the end.
      const stop = new AbortController();
      const slow = ['copyto', '--bwlimit', '4M', local, target];
      const running = context.harness.rclone(slow, { signal: stop.signal, timeoutMs: 60_000 });
      let ended = false;
      void running.finally(() => (ended = true));
      await waitFor(async () => {
        const item = await context.peek.archiveItem('resume/big.bin');
        return ended || Number(item.doc?.latestRevision?.size ?? 0) >= 2 * 1024 * 1024;
      });
      stop.abort();
      const first = await running;
      expect(
        first.code,
        `the first copy should have been killed:\n${errorLines(first)}`,
      ).toBeNull();

      // The half-uploaded file is INCOMPLETE: rclone hides it in folder documents, and
      // liststream must leave it out (protocol notes §3.9).
      expect(await filePaths(context, 'remote:resume', ['--disable', 'ListR'])).toEqual([]);
      expect(await filePaths(context, 'remote:resume'), 'liststream').toEqual([]);

      const mark = context.harness.gateway.forwarded.length;
      expectSuccess(await context.harness.rclone(['copyto', local, target]), 'second copyto');
      const allocations = context.harness.gateway.forwarded
        .slice(mark)
        .filter((request) => request.path.startsWith('/files/v1/allocate'))
        .map((request) => request.json as AllocateAnswer);
      const resumedAt = Math.max(...allocations.map((answer) => answer?.resume_pos ?? 0));
      expect(resumedAt, 'resume_pos of the second allocate').toBeGreaterThan(0);
      expect(resumedAt).toBeLessThan(content.length);

      const sums = await context.harness.rclone(['md5sum', 'remote:resume']);
      expect(parseMd5Sum(sums.stdout)).toEqual(new Map([['big.bin', md5Hex(content)]]));
    },
  },
];

/** Polls `done` every 100 ms until it is true (the case's own timeout bounds the wait). */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await sleep(100);
}
