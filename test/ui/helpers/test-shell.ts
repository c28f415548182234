import type {
  Completion,
  CompletionMatch,
  Host,
  RunResult,
  Shell,
} from '../../../src/shell/api.js';

/**
 * A TEST DOUBLE of the real shell, so the UI can be tested before and apart from it: it echoes
 * what it runs, understands a few fixed commands, and completes from a fixed word table.
 */
export const WORDS: readonly CompletionMatch[] = [
  { text: 'Get-ChildItem', label: 'Get-ChildItem', kind: 'cmdlet' },
  { text: 'Get-Content', label: 'Get-Content', kind: 'cmdlet' },
  { text: 'Get-Item', label: 'Get-Item', kind: 'cmdlet' },
  { text: 'Set-Location', label: 'Set-Location', kind: 'cmdlet' },
  { text: "'My Files/'", label: 'My Files', kind: 'container' },
  ...Array.from({ length: 20 }, (_, index) => ({
    text: `item${String(index).padStart(2, '0')}`,
    label: `item${String(index).padStart(2, '0')}`,
    kind: 'leaf' as const,
  })),
];

export class TestShell implements Shell {
  cwd = '/home/me';
  readonly ran: string[] = [];
  readonly completions: { line: string; cursor: number; signal?: AbortSignal }[] = [];
  /** When set, `complete` waits for it before answering (to test typing during a lookup). */
  completionGate: Promise<void> | undefined;
  lastRunSignal: AbortSignal | undefined;
  /** How often the UI asked for the prompt (once at start, then after each line). */
  prompts = 0;

  constructor(private readonly host: Host) {}

  async prompt(): Promise<string> {
    this.prompts++;
    return `PS ${this.cwd}> `;
  }

  isIncomplete(text: string): boolean {
    const opened = (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
    return opened > 0 || (text.match(/'/g) ?? []).length % 2 === 1;
  }

  async complete(line: string, cursor: number, signal?: AbortSignal): Promise<Completion> {
    this.completions.push({ line, cursor, signal });
    if (this.completionGate) await this.completionGate;
    if (signal?.aborted) throw new Error('aborted');

    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(start, cursor).toLowerCase();
    const matches = WORDS.filter((match) => match.label.toLowerCase().startsWith(word));
    return { replaceStart: start, replaceLength: cursor - start, matches };
  }

  async run(text: string, options: { signal?: AbortSignal } = {}): Promise<RunResult> {
    this.ran.push(text);
    this.lastRunSignal = options.signal;
    const [command, ...args] = text.trim().split(/\s+/);

    switch (command) {
      case 'exit':
        return { exitCode: Number(args[0] ?? 0), failed: false };
      case 'cd':
        this.cwd = args[0];
        return { failed: false };
      case 'fail':
        this.host.writeError(`fail: ${args.join(' ')}\n`);
        return { failed: true };
      case 'warn':
        this.host.writeWarning(args.join(' '));
        return { failed: false };
      case 'lines':
        for (let index = 0; index < Number(args[0]); index++) this.host.write(`line ${index}\n`);
        return { failed: false };
      case 'wait':
        return this.waitForAbort(options.signal);
      case 'ask': {
        const answer = await this.host.readLine('Name: ', { mask: args[0] === 'secret' });
        this.host.write(`answer=${answer}\n`);
        return { failed: false };
      }
      case 'confirm': {
        const choices = [
          { label: '&Yes', help: 'Continue with the operation.' },
          { label: '&No', help: 'Skip it.' },
        ];
        const picked = await this.host.choose('Confirm', 'Are you sure?', choices, 0);
        this.host.write(`picked=${picked}\n`);
        return { failed: false };
      }
      default:
        this.host.write(`echo: ${text}\n`);
        return { failed: false };
    }
  }

  private waitForAbort(signal: AbortSignal | undefined): Promise<RunResult> {
    return new Promise((resolve) => {
      signal?.addEventListener('abort', () => resolve({ failed: true }), { once: true });
    });
  }
}
