import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { Sample } from './stats.js';

/** The compiled bench scripts (dist/bench/…), next to this file. */
export const benchScript = (name: string): string =>
  fileURLToPath(new URL(`./${name}.js`, import.meta.url));

/**
 * Runs `node <script> <args>`: the sample is the wall time from spawn to exit (as for rclone, so
 * process start-up counts for every contender) and the peak RSS the child reports. With
 * BENCH_CPU_PROF set to a folder, the child writes a V8 CPU profile there (for finding why jafs
 * loses a scenario).
 */
export function runNodeChild(
  script: string,
  args: readonly string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    /** Node flags before the script, e.g. `--import` of the RSS reporter. */
    nodeFlags?: readonly string[];
    /** Fail when the child wrote anything to stderr (the CLI exits 0 after an error record). */
    quietStderr?: boolean;
  } = {},
): Promise<Sample & Record<string, number>> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const flags = [
    ...(options.nodeFlags ?? []),
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ];
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...flags, script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      const failed = code !== 0 || (options.quietStderr === true && stderr.trim() !== '');
      if (failed || !last.startsWith('{')) {
        fail(new Error(`${script} ${args.at(-1)} exited ${code}: ${stderr.slice(-2000)}`));
        return;
      }
      // Children may report more (latencies, counts); the wall time measured here wins.
      const parsed = JSON.parse(last) as Sample & Record<string, number>;
      done({ ...parsed, childMs: parsed.ms, ms: performance.now() - started });
    });
  });
}

/** Wall time of any process from spawn to a zero exit. */
export function runProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Sample> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done({ ms: performance.now() - started })
        : fail(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

/** Wall time of any async step, as a sample. */
export async function timed(step: () => Promise<unknown>): Promise<Sample> {
  const started = performance.now();
  await step();
  return { ms: performance.now() - started };
}
