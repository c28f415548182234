import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fsShell } from './helpers/fs-shell.js';

/**
 * The conformance suite: every `test/scripts/NN-name.ps1` runs as a script file in a fresh temp
 * folder; its stdout must equal `NN-name.out` exactly, and its stderr `NN-name.err` (empty when
 * absent). `<SCRIPT>` stands for the script's path and `<ROOT>` for the temp folder. A script
 * marked `# expect-failed` must end with an unhandled terminating error, `# expect-exit N` with
 * `exit N`.
 */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'scripts');
const scripts = fs
  .readdirSync(folder)
  .filter((f) => f.endsWith('.ps1'))
  .sort();

describe('conformance scripts', () => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  it('has the scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(20);
  });

  for (const script of scripts) {
    it(script, async () => {
      const file = path.join(folder, script);
      const t = await fsShell({}, { width: 120 });
      dispose = t.dispose;
      const { result } = await t.run(fs.readFileSync(file, 'utf8'), { file });
      const source = fs.readFileSync(file, 'utf8');
      const fill = (text: string): string =>
        text.replaceAll('<SCRIPT>', file).replaceAll('<ROOT>', t.root);
      const expected = fill(fs.readFileSync(file.replace(/\.ps1$/, '.out'), 'utf8'));
      expect(t.host.output).toBe(expected);
      const errFile = file.replace(/\.ps1$/, '.err');
      expect(t.host.errors).toBe(
        fs.existsSync(errFile) ? fill(fs.readFileSync(errFile, 'utf8')) : '',
      );
      expect(result.failed).toBe(/^#\s*expect-failed/m.test(source));
      const exit = /^#\s*expect-exit (\d+)/m.exec(source);
      expect(result.exitCode).toBe(exit ? Number(exit[1]) : undefined);
    });
  }
});
