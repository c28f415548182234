import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expect } from 'vitest';

import { errorLines, expectSuccess, parseLsJson, type LsJsonEntry } from './fixtures.js';
import type { FaultInjector } from '../../src/server/faults.js';
import type { RcloneHarness, RcloneResult } from './harness.js';
import type { JfsPeek } from './jfs-peek.js';

/** What every conformance case gets: the harness, the local tree and a peek at the server. */
export interface ConformanceContext {
  harness: RcloneHarness;
  /** The account's quota in bytes. */
  quota: number;
  /** Local folder holding the conformance tree. */
  localTree: string;
  /** The tree's files: relative path → content. */
  tree: Map<string, Buffer>;
  peek: JfsPeek;
  /** The server's fault switchboard, for cases that make it misbehave on purpose. */
  faults: FaultInjector;
  /** Sets the account's quota in bytes (-1 = unlimited); a case restores `quota` afterwards. */
  setQuota(bytes: number): void;
}

/** One item of the conformance list; its name is the key in SERVER_GAPS. */
export interface ConformanceCase {
  name: string;
  run(context: ConformanceContext): Promise<void>;
  timeoutMs?: number;
}

/** Where the tree lives on the remote. */
export const REMOTE_TREE = 'remote:tree';

const uploads = new WeakMap<ConformanceContext, Promise<RcloneResult>>();

/**
 * Uploads the conformance tree once per context (`rclone copy <local> remote:tree`) and returns
 * that run's result; cases that only read the tree call this so they do not depend on order.
 */
export function uploadTreeOnce(context: ConformanceContext): Promise<RcloneResult> {
  let upload = uploads.get(context);
  if (!upload) {
    upload = context.harness.rclone(['copy', context.localTree, REMOTE_TREE], {
      timeoutMs: 120_000,
    });
    uploads.set(context, upload);
  }
  return upload;
}

/** Like uploadTreeOnce, but fails the calling case when the upload did. */
export async function ensureTree(context: ConformanceContext): Promise<void> {
  expectSuccess(await uploadTreeOnce(context), `copy ${context.localTree} ${REMOTE_TREE}`);
}

/** Uploads small text files (relative path → text) below a remote folder with `rclone copy`. */
export async function uploadSmallFiles(
  context: ConformanceContext,
  remoteFolder: string,
  files: Record<string, string>,
): Promise<void> {
  const local = join(context.harness.workDir, `small-${remoteFolder.replace(/\W/g, '-')}`);
  for (const [name, text] of Object.entries(files)) {
    const target = join(local, name);
    await mkdir(join(target, '..'), { recursive: true });
    await writeFile(target, text);
  }
  expectSuccess(
    await context.harness.rclone(['copy', local, `remote:${remoteFolder}`]),
    `copy into remote:${remoteFolder}`,
  );
}

/** `rclone lsjson -R` of a remote path, as entries. */
export async function listRemote(
  context: ConformanceContext,
  remotePath: string,
  extra: string[] = [],
): Promise<LsJsonEntry[]> {
  return parseLsJson(await context.harness.rclone(['lsjson', '-R', ...extra, remotePath]));
}

/** The file paths `rclone lsf -R` prints for a remote path (an error fails the case). */
export async function filePaths(
  context: ConformanceContext,
  remotePath: string,
  extra: string[] = [],
): Promise<string[]> {
  const result = await context.harness.rclone(['lsf', '-R', '--files-only', ...extra, remotePath]);
  expect(result.code, `lsf ${remotePath}:\n${errorLines(result)}`).toBe(0);
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .sort();
}

/** Forwarded requests since `mark` whose path contains `needle` (e.g. `cp=`, `mvDir=`). */
export function requestsSince(context: ConformanceContext, mark: number, needle: string): string[] {
  return context.harness.gateway.forwarded
    .slice(mark)
    .filter((request) => request.path.includes(needle))
    .map((request) => `${request.method} ${request.path} → ${request.status}`);
}
