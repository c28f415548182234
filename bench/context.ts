import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { Jottacloud } from '../src/jfs/index.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { startRcloneHarness, type RcloneHarness } from '../test/rclone/harness.js';
import { benchScript, runNodeChild, runProcess } from './child.js';
import type { Budget } from './budget.js';
import type { Row, Sample } from './stats.js';

/** The jafs CLI as users start it (it prefers the bundled build when that is current). */
export const CLI = fileURLToPath(new URL('../../bin/jafs.js', import.meta.url));

/**
 * Sizes of one bench run; `--quick` scales everything down so CI can prove the script works.
 * Every field can be set on the command line as `--<kebab-case name>=<n>`, e.g.
 * `--big-file-mib=256 --small-files=1000` (see {@link sizesFromArgs}).
 */
export interface BenchSizes {
  /** Runs of each contender where a scenario does not say otherwise. */
  runs: number;
  bigFileMib: number;
  /** Runs of the large-file scenario: its runs dominate the whole bench's time. */
  bigFileRuns: number;
  smallFiles: number;
  smallFileRuns: number;
  completionEntries: number;
  /** Files and folders of the tree the listing scenario seeds and walks. */
  treeFiles: number;
  treeFolders: number;
  listingRuns: number;
  /** Runs of the interactive first-prompt measurement (needs tmux). */
  interactiveRuns: number;
  loadOpsPerClient: number;
}

/**
 * The full run, scaled to finish in under 10 minutes on a 2-core machine (issue 10): the
 * largest sizes get fewer runs. bench/analysis.md says where this stays below the issue's scale.
 */
export const FULL: BenchSizes = {
  runs: 3,
  bigFileMib: 1024,
  bigFileRuns: 2,
  smallFiles: 2000,
  smallFileRuns: 2,
  completionEntries: 5000,
  treeFiles: 50_000,
  treeFolders: 2000,
  listingRuns: 2,
  interactiveRuns: 3,
  loadOpsPerClient: 60,
};

export const QUICK: BenchSizes = {
  runs: 2,
  bigFileMib: 32,
  bigFileRuns: 2,
  smallFiles: 100,
  smallFileRuns: 2,
  completionEntries: 200,
  treeFiles: 500,
  treeFolders: 25,
  listingRuns: 2,
  interactiveRuns: 1,
  loadOpsPerClient: 20,
};

/** `base` with every `--<kebab-case field>=<n>` of `argv` applied; unknown sizes are refused. */
export function sizesFromArgs(base: BenchSizes, argv: readonly string[]): BenchSizes {
  const sizes = { ...base };
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const fields = new Map(Object.keys(sizes).map((name) => [kebab(name), name as keyof BenchSizes]));

  for (const arg of argv) {
    const match = /^--([a-z-]+)=(\d+)$/.exec(arg);
    if (!match || ['only'].includes(match[1])) continue;
    const field = fields.get(match[1]);
    if (!field)
      throw new Error(`Unknown bench size ${arg}; known: ${[...fields.keys()].join(', ')}`);
    sizes[field] = Number(match[2]);
  }
  return sizes;
}

/** Everything a scenario needs: one server, one rclone, the account and a scratch folder. */
export interface BenchContext {
  sizes: BenchSizes;
  server: RunningServer;
  rclone: RcloneHarness;
  username: string;
  password: string;
  /** Scratch folder, removed at the end. */
  workDir: string;
  /** Requests the server answered since start (counted through its log hook). */
  requests(): number;
  /** Runs `jafs -c <command>` (the CLI, logged in to the bench server); fails on error output. */
  jafs(command: string, cwd?: string): Promise<Sample>;
  /** Runs the raw-HTTP floor in a child process. */
  floor(mode: string, ...args: string[]): Promise<Sample>;
  /** Runs rclone and fails on a non-zero exit. */
  rcloneRun(args: string[]): Promise<Sample>;
  rows: Row[];
  notes: string[];
  /** The running scenario's time budget (see runsWithin in budget.ts). */
  budget: Budget;
  close(): Promise<void>;
}

export async function createContext(sizes: BenchSizes): Promise<BenchContext> {
  const workDir = await mkdtemp(join(tmpdir(), 'jafs-bench-'));
  const username = 'bench';
  const password = 'bench-password';
  let requests = 0;
  const server = await startServer({
    dataDir: join(workDir, 'server'),
    accounts: [{ username, password }],
    log: () => void requests++,
  });
  // Copy-Item wants the destination's parent to exist, as in PowerShell.
  const client = new Jottacloud({
    baseUrl: server.url,
    auth: { type: 'basic', username, password },
  });
  for (const folder of ['big', 'small']) await client.createFolder(`/Jotta/Archive/${folder}`);
  await client.close();
  const rclone = await startRcloneHarness({ serverUrl: server.url, server, username });
  const credentials = [server.url, username, password];
  // The jafs CLI itself, logged in to the bench server as a user would be (a stored login in
  // its own JAFS_HOME), so each figure includes the CLI's real start-up.
  const cli = { JAFS_HOME: join(workDir, 'jafs-cli-home') };
  await mkdir(cli.JAFS_HOME);
  const token = server.issueLoginToken(username);
  await runProcess(process.execPath, [CLI, 'login', '--server', server.url, '--token', token], cli);
  const reporter = ['--import', pathToFileURL(benchScript('rss-report')).href];

  return {
    sizes,
    server,
    rclone,
    username,
    password,
    workDir,
    requests: () => requests,
    jafs: (command, cwd) =>
      runNodeChild(CLI, ['-c', command], { cwd, env: cli, nodeFlags: reporter, quietStderr: true }),
    floor: (mode, ...args) => runNodeChild(benchScript('floor'), [mode, ...credentials, ...args]),
    async rcloneRun(args) {
      const started = performance.now();
      const result = await rclone.rclone(args, { timeoutMs: 600_000 });
      if (result.code !== 0) throw new Error(`rclone ${args.join(' ')}: ${result.stderr}`);
      return { ms: performance.now() - started };
    },
    rows: [],
    notes: [],
    budget: { scenario: '', started: performance.now(), shareMs: Infinity },
    async close() {
      await rclone.close();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Adds a sample to the row of a scenario and contender. */
export function record(context: BenchContext, scenario: string, contender: string, sample: Sample) {
  let row = context.rows.find((each) => each.scenario === scenario && each.contender === contender);
  if (!row) {
    row = { scenario, contender, samples: [] };
    context.rows.push(row);
  }
  row.samples.push(sample);
}
