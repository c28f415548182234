import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const JAFS_BIN = resolve(import.meta.dirname, '../../bin/jafs.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process, the way a user runs `npx jafs …`. */
export function runJafs(
  args: readonly string[],
  options: { home: string; cwd?: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [JAFS_BIN, ...args], {
      cwd: options.cwd ?? options.home,
      env: { ...process.env, JAFS_HOME: options.home, NO_COLOR: '1', TZ: 'UTC', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh JAFS_HOME for one test file; removed by the returned cleanup. */
export async function tempHome(): Promise<{ home: string; cleanup(): Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), 'jafs-e2e-'));
  return { home, cleanup: () => rm(home, { recursive: true, force: true }) };
}
