import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

import { expect } from 'vitest';

import type { RcloneResult } from './harness.js';

/**
 * File names that real clients got wrong (bug-log B17, B19, B23; protocol notes §1.4): spaces,
 * `+` (read as a space when sent literally), `#` (a fragment), `%` (double decoding), `;`
 * (Jetty path parameter), non-ASCII in folders and files, leading and trailing spaces.
 */
export const TRICKY_NAMES = [
  'with space.txt',
  'notepad++.txt',
  'hash#tag.txt',
  'percent%20literal.txt',
  '100% done.txt',
  'semi;colon.txt',
  ' leading space.txt',
  'trailing space.txt ',
  'Привет/файл.txt',
  'Tõõtöö äü/Čšž+1.txt',
  'Notepad++/notepad++.exe',
] as const;

/** Sizes of the bulk files: an empty one, 1 MiB, and 40 MiB (beyond rclone's 10 MiB limits). */
export const BULK_FILES = {
  'empty.txt': 0,
  'one-mib.bin': 1024 * 1024,
  'big/forty-mib.bin': 40 * 1024 * 1024,
} as const;

/** Writes the conformance tree under `dir`; returns relative path (with `/`) → content. */
export async function writeConformanceTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of TRICKY_NAMES) files.set(name, Buffer.from(`content of "${name}"\n`));
  for (const [name, size] of Object.entries(BULK_FILES)) files.set(name, randomBytes(size));
  files.set('nested/a/b/deep.txt', Buffer.from('deep\n'));

  for (const [name, content] of files) {
    const target = join(dir, ...name.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return files;
}

/** Every regular file under `dir`, keyed by its relative path with `/` separators. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), await readFile(full));
  }
  return files;
}

export function md5Hex(content: Buffer | string): string {
  return createHash('md5').update(content).digest('hex');
}

/** The folders a set of relative file paths implies (`a/b/c.txt` → `a`, `a/b`). */
export function impliedFolders(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      folders.add(parts.slice(0, depth).join('/'));
    }
  }
  return folders;
}

/** Asserts a zero exit code, showing rclone's own error lines when it is not. */
export function expectSuccess(result: RcloneResult, what: string): void {
  expect(result.code, `${what} failed:\n${errorLines(result)}`).toBe(0);
}

/** The ERROR / Failed lines of an rclone run (its complaints), or the whole stderr tail. */
export function errorLines(result: RcloneResult): string {
  const lines = result.stderr.split('\n').filter((line) => /ERROR|Failed|CRITICAL/.test(line));
  return (lines.length > 0 ? lines : result.stderr.split('\n').slice(-10)).join('\n');
}

/** One entry of `rclone lsjson`. */
export interface LsJsonEntry {
  Path: string;
  Name: string;
  Size: number;
  ModTime: string;
  IsDir: boolean;
  Hashes?: Record<string, string>;
}

export function parseLsJson(result: RcloneResult): LsJsonEntry[] {
  expectSuccess(result, 'lsjson');
  return JSON.parse(result.stdout) as LsJsonEntry[];
}

/** `rclone md5sum` output (`<md5>  <path>` lines) as path → md5. */
export function parseMd5Sum(stdout: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    if (line.length < 34) continue;
    sums.set(line.slice(34), line.slice(0, 32));
  }
  return sums;
}
