import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Compiles src/server to plain JavaScript so it can run in a child process (kill -9 tests). The
 * output lives under node_modules/.cache so `better-sqlite3` resolves from the project.
 */
export async function compileServer(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = join(ROOT, 'node_modules', '.cache', `jafs-server-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      join(ROOT, 'src', 'server', 'index.ts'),
      '--outDir',
      dir,
      '--rootDir',
      ROOT,
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      '--esModuleInterop',
      '--types',
      'node',
    ],
    { cwd: ROOT },
  );
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  await writeFile(
    join(dir, 'main.js'),
    `import { startServer } from './src/server/index.js';
const server = await startServer({ dataDir: process.argv[2], accounts: [{ username: 'user1', password: 'secret-pass' }] });
process.stdout.write(server.url + '\\n');
`,
  );
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts the compiled server on a data folder; resolves with its URL once it listens. */
export function spawnServer(
  dir: string,
  dataDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'main.js'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, url: out.trim() });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}
