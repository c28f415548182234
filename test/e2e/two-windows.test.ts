import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JAFS_BIN, runJafs, tempHome } from './helpers.js';

describe('two jafs processes on one JAFS_HOME', () => {
  let home: Awaited<ReturnType<typeof tempHome>>;
  let first: ReturnType<typeof spawn> | undefined;

  beforeEach(async () => {
    home = await tempHome();
  });

  afterEach(async () => {
    first?.kill('SIGKILL');
    first = undefined;
    await home.cleanup();
  });

  it('share the embedded server of the first, and the data is one store', async () => {
    // The first window: writes a file (which starts the embedded server), then stays open.
    first = spawn(
      process.execPath,
      [JAFS_BIN, '-c', "Set-Content JAFS:\\Jotta\\Archive\\first.txt 'one'; Start-Sleep 120"],
      { env: { ...process.env, JAFS_HOME: home.home, NO_COLOR: '1' }, stdio: 'ignore' },
    );
    const announced = join(home.home, 'embedded-server.json');
    for (let waited = 0; !existsSync(announced) && waited < 60_000; waited += 100) {
      await delay(100);
    }
    expect(existsSync(announced)).toBe(true);

    const second = await runJafs(
      [
        '-c',
        "Get-Content JAFS:\\Jotta\\Archive\\first.txt; Set-Content JAFS:\\Jotta\\Archive\\second.txt 'two'",
      ],
      { home: home.home },
    );
    expect(second.stderr).toBe('');
    expect(second.stdout.trim()).toBe('one');
    expect(second.code).toBe(0);

    // Once the first window is gone, the next run starts its own server on the same data.
    first.kill('SIGKILL');
    await new Promise((done) => first?.once('exit', done));
    const third = await runJafs(['-c', 'Get-Content JAFS:\\Jotta\\Archive\\second.txt'], {
      home: home.home,
    });
    expect(third.stderr).toBe('');
    expect(third.stdout.trim()).toBe('two');
  });
});
