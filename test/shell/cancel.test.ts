import { describe, expect, it } from 'vitest';
import { testShell } from './helpers/recording-host.js';

// Ctrl+C reaches the shell as an event (a key on stdin, SIGINT). A script that only computes
// never waits for I/O, so the shell must let events through while it runs or nothing can stop it.
describe('cancelling a script that never waits', () => {
  for (const [name, script] of [
    ['while', 'while ($true) { $i++ }'],
    ['for', 'for ($i = 0; ; $i++) { }'],
    ['do', 'do { $i++ } while ($true)'],
    ['foreach over a range', 'foreach ($n in 1..10000000) { $i++ }'],
    ['pipeline', '1..10000000 | ForEach-Object { $_ * 2 } | Out-Null'],
  ] as const) {
    it(`stops a busy ${name} when the signal is aborted`, async () => {
      const { shell } = testShell();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 200);

      const result = await shell.run(script, { signal: controller.signal });

      clearTimeout(timer);
      expect(controller.signal.aborted).toBe(true);
      expect(result.failed).toBe(true);
    });
  }
});

describe('recursion', () => {
  it('stops runaway recursion with a call depth overflow and skips the rest of the script', async () => {
    const { shell, host } = testShell();

    const result = await shell.run('function f { f }; f; "not reached"');

    expect(result.failed).toBe(true);
    expect(host.errors).toContain('The script failed due to call depth overflow.');
    expect(host.output).not.toContain('not reached');
  });

  it('allows deep recursion below the limit', async () => {
    const { shell, host } = testShell();

    await shell.run('function f($n) { if ($n -gt 0) { f ($n - 1) } else { "bottom" } }; f 900');

    expect(host.errors).toBe('');
    expect(host.output.trim()).toBe('bottom');
  });
});
