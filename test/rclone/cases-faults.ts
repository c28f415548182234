import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'vitest';

import { uploadSmallFiles, type ConformanceCase } from './conformance-context.js';
import { expectSuccess, md5Hex, parseMd5Sum } from './fixtures.js';

/** An allocate answer as the gateway captured it. */
interface AllocateAnswer {
  state?: string;
  resume_pos?: number;
}

/**
 * Cases where the server misbehaves on purpose (its fault switchboard) and rclone must recover
 * the way it does against the real service: retry 5xx/429 (rclone's retry list), and resume an
 * upload whose connection broke.
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
];
