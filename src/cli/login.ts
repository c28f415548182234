import { rm } from 'node:fs/promises';
import { JafsError } from '../core/errors.js';
import { FileTokenStore, Jottacloud, loginWithToken, type StoredLogin } from '../jfs/index.js';
import { UsageError } from './arguments.js';
import type { ProviderEngine } from '../provider/index.js';
import type {
  AccountService,
  ConnectRequest,
  ConnectResult,
  DisconnectResult,
} from '../shell/cmdlets/account/index.js';
import { prepareHome } from './home.js';

/** The real service: JFS and the JSON API live on two hosts (protocol notes §1.1). */
export const REAL_SERVICE = {
  baseUrl: 'https://jfs.jottacloud.com',
  apiBaseUrl: 'https://api.jottacloud.com',
} as const;

/** Where a login's requests go. */
export interface ServiceOrigins {
  baseUrl: string;
  apiBaseUrl: string;
}

/** Raised when `jafs login` has no token and cannot ask for one. */
export class MissingLoginTokenError extends JafsError {
  constructor() {
    super(
      'No personal login token given. Pass --token <token>, set JAFS_LOGIN_TOKEN, or run ' +
        "'jafs login' in a terminal to be asked for it.",
      { code: 'ENOLOGINTOKEN', errorId: 'MissingLoginToken', category: 'InvalidArgument' },
    );
  }
}

/** A `--server` / `-Server` that is not an http(s) URL. */
export class InvalidServerUrlError extends JafsError {
  constructor(server: string) {
    super(`The server must be an http or https URL, not '${server}'.`, {
      code: 'EINVALIDSERVER',
      errorId: 'InvalidServerUrl',
      category: 'InvalidArgument',
    });
  }
}

/**
 * The origins for `--server`: none means the real service's two hosts; a URL given by the user
 * (the local server, `jafs serve`) serves JFS and the API on that one origin.
 */
export function originsFor(server: string | undefined): ServiceOrigins {
  if (server === undefined || server.trim() === '') return { ...REAL_SERVICE };

  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new InvalidServerUrlError(server);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidServerUrlError(server);
  const origin = url.href.replace(/\/+$/, '');
  return { baseUrl: origin, apiBaseUrl: origin };
}

/**
 * Exchanges a personal login token (its well-known link picks the identity provider, so every
 * white-label brand works) and stores the session with its origins in `loginFile` (mode 0600,
 * replaced atomically). Resolves with the stored login; the token itself is never kept.
 */
export async function storeLogin(
  loginFile: string,
  token: string,
  origins: ServiceOrigins,
  signal?: AbortSignal,
): Promise<StoredLogin> {
  return loginWithToken(token, { store: new FileTokenStore(loginFile), ...origins, signal });
}

/** Removes the stored login; resolves false when there was none. */
export async function removeLogin(loginFile: string): Promise<boolean> {
  const existed = (await new FileTokenStore(loginFile).load().catch(() => true)) !== undefined;
  await rm(loginFile, { force: true });
  return existed;
}

/** A client on the stored login (the origins stored with it; the real service otherwise). */
export function clientForStoredLogin(
  loginFile: string,
  login: Pick<StoredLogin, 'baseUrl' | 'apiBaseUrl'>,
): Jottacloud {
  const baseUrl = login.baseUrl ?? REAL_SERVICE.baseUrl;
  const apiBaseUrl = login.apiBaseUrl ?? (login.baseUrl ? baseUrl : REAL_SERVICE.apiBaseUrl);
  return new Jottacloud({
    baseUrl,
    apiBaseUrl,
    auth: { type: 'token', store: new FileTokenStore(loginFile) },
  });
}

/** `jafs login [--token T] [--server URL]`. Resolves with the exit status. */
export async function login(args: readonly string[]): Promise<number> {
  // Loaded here: a CommonJS package costs every start the CommonJS export scan.
  const { default: minimist } = await import('minimist');
  const options = minimist([...args], {
    string: ['token', 'server'],
    unknown: (flag) => {
      if (flag.startsWith('-')) throw new UsageError(`Unknown option '${flag}' for 'jafs login'.`);
      throw new UsageError(`'jafs login' takes no argument '${flag}'.`);
    },
  });
  const origins = originsFor(options.server);

  const token = options.token || process.env.JAFS_LOGIN_TOKEN || (await askForToken());
  const paths = await prepareHome();
  const stored = await storeLogin(paths.login, token, origins);
  process.stdout.write(`Logged in as ${stored.username ?? 'unknown user'} (${origins.baseUrl})\n`);
  return 0;
}

/** `jafs logout`: removes the stored login; not an error when there is none. */
export async function logout(args: readonly string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`'jafs logout' takes no arguments.`);
  const paths = await prepareHome();
  const removed = await removeLogin(paths.login);
  process.stdout.write(
    removed
      ? `Logged out: removed the stored login ${paths.login}.\n`
      : 'Not logged in: there was no stored login.\n',
  );
  return 0;
}

/** Asks on the terminal without echo; fails at once when there is no terminal to ask on. */
async function askForToken(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new MissingLoginTokenError();

  process.stderr.write('Personal login token (from the web UI, Settings > Security): ');
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');

  try {
    const token = await new Promise<string>((done, fail) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            return done(typed.trim());
          }
          if (char === '\u0003') {
            input.off('data', onData);
            return fail(new JafsError('Login cancelled.', { code: 'ECANCELED' }));
          }
          typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
        }
      };
      input.on('data', onData);
    });
    if (token === '') throw new MissingLoginTokenError();
    return token;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}

/**
 * The drives mounted on the stored login, and the account service of Connect-Jottacloud /
 * Disconnect-Jottacloud. Each drive has its own client, closed when the drive goes away.
 */
export class StoredLoginDrives implements AccountService {
  private readonly clients = new Map<string, { name: string; client: Jottacloud }>();

  constructor(
    private readonly engine: ProviderEngine,
    private readonly loginFile: string,
  ) {}

  /** Mounts (or re-mounts) drive `name` on the stored login, after proving the login works. */
  async mount(name: string, stored: StoredLogin, signal?: AbortSignal): Promise<void> {
    const client = clientForStoredLogin(this.loginFile, stored);
    try {
      await client.getUser(signal);
      if (
        this.engine.getDrives().some((drive) => drive.name.toLowerCase() === name.toLowerCase())
      ) {
        await this.engine.removeDrive(name, { force: true });
        await this.forget(name);
      }
      await this.engine.newDrive('Jottacloud', { name, root: '/', options: { client } }, signal);
    } catch (error) {
      await client.close();
      throw error;
    }
    this.clients.set(name.toLowerCase(), { name, client });
  }

  async connect(request: ConnectRequest, signal: AbortSignal): Promise<ConnectResult> {
    const origins = originsFor(request.server);
    const stored = await storeLogin(this.loginFile, request.token, origins, signal);
    await this.mount(request.name, stored, signal);
    return {
      username: stored.username ?? '',
      server: origins.baseUrl,
      drive: request.name,
      file: this.loginFile,
    };
  }

  async disconnect(): Promise<DisconnectResult> {
    const removed = await removeLogin(this.loginFile);
    const drives: string[] = [];
    for (const { name } of [...this.clients.values()]) {
      await this.engine.removeDrive(name, { force: true }).catch(() => undefined);
      await this.forget(name);
      drives.push(name);
    }
    return { removed, drives, file: this.loginFile };
  }

  async close(): Promise<void> {
    for (const { name } of [...this.clients.values()]) await this.forget(name);
  }

  private async forget(name: string): Promise<void> {
    const entry = this.clients.get(name.toLowerCase());
    this.clients.delete(name.toLowerCase());
    await entry?.client.close();
  }
}
