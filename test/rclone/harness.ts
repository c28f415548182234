import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loginForRclone, type RcloneLogin } from './login-token.js';
import { startLoopbackGateway, type LoopbackGateway } from './loopback-gateway.js';
import { makeTestCertificates } from './test-certificates.js';

/** The part of the local server the harness needs: a personal login token for an account. */
export interface LoginTokenSource {
  issueLoginToken(username: string): string | Promise<string>;
}

/** The outcome of one rclone run. */
export interface RcloneResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of one rclone run. */
export interface RcloneRunOptions {
  /** Kill rclone after this many ms (the result then has code null). @default 120000 */
  timeoutMs?: number;
  /** Extra environment, e.g. `RCLONE_JOTTACLOUD_HARD_DELETE`. */
  env?: Record<string, string>;
  /** Working directory. @default the harness's temp folder */
  cwd?: string;
  /** Bytes for rclone's stdin (for `rcat`). @default none: stdin is closed */
  input?: Buffer | string;
  /** Kills rclone (SIGKILL, result code null) when aborted, to cut a transfer at a set moment. */
  signal?: AbortSignal;
}

/** A configured rclone that reaches the local server through the loopback gateway. */
export interface RcloneHarness {
  /** Runs `rclone <args>` with the harness's config, CA and proxy. The remote is `remote:`. */
  rclone(args: readonly string[], options?: RcloneRunOptions): Promise<RcloneResult>;
  /** The rclone.conf the harness wrote (rclone rewrites its token there on refresh). */
  configPath: string;
  /** A temp folder for the test's local files; removed by close(). */
  workDir: string;
  /** The gateway, to assert no stray connection was refused and to explain failures. */
  gateway: LoopbackGateway;
  /** The login the config was written from. */
  login: RcloneLogin;
  close(): Promise<void>;
}

/** A further rclone remote on the same account. */
export interface ExtraRemote {
  name: string;
  device: string;
  mountpoint: string;
}

/** The rclone remote name the harness configures. */
export const REMOTE = 'remote';

/** The account the harness logs in as unless told otherwise. */
export const DEFAULT_RCLONE_USER = 'rclone-user';

/** True when an `rclone` executable is on PATH. */
export function rcloneInstalled(): boolean {
  return spawnSync('rclone', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Prepares rclone (the independent JFS client) against a running local server: test
 * certificates, the CONNECT proxy with its TLS front, a personal-login-token login done in the
 * harness, and an rclone.conf for remote `remote:` (device Jotta, mount point Archive).
 *
 * Each run is isolated: HOME, XDG dirs and TMPDIR point into the temp folder, RCLONE_* variables
 * from the parent are dropped, and both HTTPS_PROXY and HTTP_PROXY point at the gateway so that
 * any non-loopback connection rclone attempts is refused and recorded in `gateway.refused`.
 */
export async function startRcloneHarness(options: {
  serverUrl: string;
  server: LoginTokenSource;
  /** The account to log in as. @default DEFAULT_RCLONE_USER */
  username?: string;
  /**
   * More remotes besides `remote:` (Jotta/Archive), e.g. a custom device. Each gets its own
   * login, because remotes sharing one token would reuse each other's rotated refresh token.
   * The device and mount point must exist on the server before rclone uses the remote.
   */
  extraRemotes?: ExtraRemote[];
}): Promise<RcloneHarness> {
  const root = await mkdtemp(join(tmpdir(), 'jafs-rclone-'));
  const certDir = join(root, 'certs');
  const home = join(root, 'home');
  const workDir = join(root, 'work');
  await Promise.all([certDir, home, workDir].map((dir) => mkdir(dir, { recursive: true })));

  const certificates = await makeTestCertificates(certDir);
  const gateway = await startLoopbackGateway({ upstreamUrl: options.serverUrl, certificates });

  const username = options.username ?? DEFAULT_RCLONE_USER;
  const logIn = async (): Promise<RcloneLogin> =>
    loginForRclone(await options.server.issueLoginToken(username), options.serverUrl);
  const login = await logIn();
  const sections = [rcloneSection({ name: REMOTE, device: 'Jotta', mountpoint: 'Archive' }, login)];
  for (const remote of options.extraRemotes ?? []) {
    sections.push(rcloneSection(remote, await logIn()));
  }
  const configPath = join(root, 'rclone.conf');
  await writeFile(configPath, sections.join('\n'), { mode: 0o600 });

  const env = isolatedEnvironment(home, gateway.proxyUrl);
  const baseFlags = ['--config', configPath, '--ca-cert', certificates.caPath];

  return {
    rclone: (args, runOptions = {}) =>
      runRclone([...baseFlags, ...args], {
        env: { ...env, ...runOptions.env },
        cwd: runOptions.cwd ?? workDir,
        timeoutMs: runOptions.timeoutMs ?? 120_000,
        input: runOptions.input,
        signal: runOptions.signal,
      }),
    configPath,
    workDir,
    gateway,
    login,
    async close() {
      await gateway.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Reads the `token` JSON rclone currently keeps for `remote:` (the config's first section; rclone
 * saves refreshed tokens there).
 */
export async function readConfiguredToken(
  configPath: string,
): Promise<{ access_token: string; refresh_token: string; expiry: string }> {
  const text = await readFile(configPath, 'utf8');
  const line = text.split('\n').find((entry) => entry.startsWith('token = '));
  if (!line) throw new Error('rclone.conf has no token line');
  return JSON.parse(line.slice('token = '.length)) as {
    access_token: string;
    refresh_token: string;
    expiry: string;
  };
}

function rcloneSection(remote: ExtraRemote, login: RcloneLogin): string {
  return [
    `[${remote.name}]`,
    'type = jottacloud',
    'configVersion = 1',
    'client_id = jottacli',
    'client_secret = ',
    `tokenURL = ${login.tokenUrl}`,
    `token = ${login.tokenJson}`,
    `device = ${remote.device}`,
    `mountpoint = ${remote.mountpoint}`,
    '',
  ].join('\n');
}

function isolatedEnvironment(home: string, proxyUrl: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const foreign = /^(RCLONE_|https?_proxy$|no_proxy$|all_proxy$)/i.test(name);
    if (value !== undefined && !foreign) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: home,
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    TZ: 'UTC',
  };
}

function runRclone(
  args: readonly string[],
  options: {
    env: Record<string, string>;
    cwd: string;
    timeoutMs: number;
    input?: Buffer | string;
    signal?: AbortSignal;
  },
): Promise<RcloneResult> {
  return new Promise((done, fail) => {
    const child = spawn('rclone', args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // rclone may exit before reading all of stdin; that is its answer, not a harness failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

    const kill = (why: string): void => {
      stderr += `\n[harness] rclone killed: ${why}\n`;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => kill(`still running after ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    const onAbort = (): void => kill('the caller aborted');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      done({ code, stdout, stderr });
    });
  });
}
