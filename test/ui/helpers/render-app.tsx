import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { App } from '../../../src/ui/components/App.js';
import { createInkHost } from '../../../src/ui/ink-host.js';
import { InteractiveSession, type SessionOptions } from '../../../src/ui/session/session.js';
import type { Host, Shell } from '../../../src/shell/api.js';

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  tab: '\t',
  shiftTab: '\u001B[Z',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  home: '\u001B[H',
  end: '\u001B[F',
  backspace: '\u007F',
  delete: '\u001B[3~',
  escape: '\u001B',
  ctrlA: '\u0001',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  ctrlE: '\u0005',
  ctrlK: '\u000B',
  ctrlL: '\u000C',
  ctrlR: '\u0012',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  ctrlSpace: '\u0000',
  altB: '\u001Bb',
  altF: '\u001Bf',
  altD: '\u001Bd',
  altEnter: '\u001B\r',
  shiftEnter: '\u001B[13;2u',
  pasteStart: '\u001B[200~',
  pasteEnd: '\u001B[201~',
};

/** What ink-testing-library gives back, narrowed to what the tests use. */
export interface RenderedUi {
  stdin: { write(data: string): void };
  frames: string[];
  lastFrame(): string | undefined;
}

export interface AppHarness<S extends Shell> {
  session: InteractiveSession;
  shell: S;
  host: Host;
  ui: RenderedUi;
  press(...keys: string[]): Promise<void>;
  frame(check: (text: string) => boolean): Promise<string>;
  see(needle: string): Promise<string>;
  promptLine(): string;
}

/** Renders the App over a session and a shell built on its Ink host. */
export async function renderApp<S extends Shell>(
  makeShell: (host: Host) => S,
  options: SessionOptions & { columns?: number } = {},
): Promise<AppHarness<S>> {
  const session = new InteractiveSession(options);
  const host = createInkHost(session, {
    stdout: { columns: options.columns ?? 100 },
    color: false,
  });
  const shell = makeShell(host);
  const ui: RenderedUi = render(<App session={session} color={false} />);
  await session.attachShell(shell);

  /** Sends keys one event at a time, as a terminal would. */
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      ui.stdin.write(key);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  /** Waits until the frame satisfies `check` (Ink renders asynchronously). */
  const frame = async (check: (text: string) => boolean): Promise<string> => {
    let text = '';
    await vi.waitFor(
      () => {
        text = ui.lastFrame() ?? '';
        if (!check(text)) throw new Error(`frame did not match:\n${text}`);
      },
      { timeout: 2000, interval: 5 },
    );
    return text;
  };

  /** Waits until the frame contains `needle`. */
  const see = (needle: string): Promise<string> => frame((text) => text.includes(needle));

  /** The line holding the cursor's prompt (the last line starting with `PS `). */
  const promptLine = (): string =>
    (ui.lastFrame() ?? '')
      .split('\n')
      .filter((line) => line.startsWith('PS '))
      .at(-1) ?? '';

  return { session, shell, host, ui, press, frame, see, promptLine };
}
