import { resolve } from 'node:path';
import minimist from 'minimist';
import { startServer } from '../server/index.js';
import { UsageError } from './arguments.js';
import { prepareHome } from './home.js';

/**
 * `jafs serve`: the local JFS server alone, for other clients and for tests. The base URL is the
 * first line on stdout so that a parent process can read it; the server runs until SIGINT/SIGTERM.
 */
export async function serve(args: readonly string[]): Promise<number> {
  const options = minimist([...args], {
    string: ['host', 'port', 'data', 'account'],
    unknown: (flag) => {
      if (flag.startsWith('-')) throw new UsageError(`Unknown option '${flag}' for 'jafs serve'.`);
      return true;
    },
  });

  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, not '${options.port}'.`);
  }

  const accounts = ([] as string[]).concat(options.account ?? []).map(parseAccount);
  const dataDir = options.data ? resolve(options.data) : (await prepareHome()).serverData;
  const host = options.host ?? '127.0.0.1';

  const server = await startServer({ dataDir, host, port, accounts });
  process.stdout.write(`${server.url}\n`);
  if (!isLoopback(host)) {
    process.stderr.write(
      `WARNING: the server listens on ${host}, not only on loopback: other machines can reach it.\n`,
    );
  }

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}

function parseAccount(text: string): { username: string; password: string } {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    throw new UsageError(`--account takes NAME:PASSWORD, not '${text.replace(/:.*/, ':…')}'.`);
  }
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
