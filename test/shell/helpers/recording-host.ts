import type { EngineApi, LocationInfo, PathCompletion } from '../../../src/provider/engine-api.js';
import type { CmdletDefinition, Host } from '../../../src/shell/api.js';
import { createShell } from '../../../src/shell/index.js';

/** A Host that records everything written, with scripted answers for prompts. */
export class RecordingHost implements Host {
  output = '';
  errors = '';
  warnings: string[] = [];
  verbose: string[] = [];
  progressEvents: unknown[] = [];
  prompts: string[] = [];
  answers: string[] = [];
  choices: number[] = [];

  constructor(
    readonly interactive = false,
    readonly width = 120,
    readonly color = false,
  ) {}

  write(text: string): void {
    this.output += text;
  }

  writeError(text: string): void {
    this.errors += text;
  }

  writeWarning(text: string): void {
    this.warnings.push(text);
  }

  writeVerbose(text: string): void {
    this.verbose.push(text);
  }

  progress(_id: number, event: unknown): void {
    this.progressEvents.push(event);
  }

  async readLine(prompt: string): Promise<string> {
    this.prompts.push(prompt);
    if (!this.interactive) throw new Error(`The prompt '${prompt.trim()}' requires user input.`);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`No answer scripted for '${prompt}'.`);
    return answer;
  }

  async choose(caption: string, message: string): Promise<number> {
    this.prompts.push(`${caption}\n${message}`);
    if (!this.interactive) throw new Error(`The confirmation '${caption}' requires user input.`);
    const choice = this.choices.shift();
    if (choice === undefined) throw new Error(`No choice scripted for '${caption}'.`);
    return choice;
  }
}

/**
 * A small real EngineApi over a fixed tree of paths: enough for $PWD, the prompt and path
 * completion without the provider layer.
 */
export class TreeEngine implements EngineApi {
  location: LocationInfo = { drive: 'JAFS', providerPath: '/', display: 'JAFS:\\' };
  completionCalls: { partial: string; containersOnly: boolean }[] = [];

  constructor(private readonly entries: { path: string; isContainer: boolean }[] = []) {}

  currentLocation(): LocationInfo {
    return this.location;
  }

  async completePath(
    partial: string,
    options: { containersOnly: boolean; signal: AbortSignal },
  ): Promise<PathCompletion[]> {
    this.completionCalls.push({ partial, containersOnly: options.containersOnly });
    if (options.signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    const lower = partial.toLowerCase();
    return this.entries
      .filter(
        (e) => e.path.toLowerCase().startsWith(lower) && (!options.containersOnly || e.isContainer),
      )
      .map((e) => ({
        path: e.path,
        isContainer: e.isContainer,
        typeName: e.isContainer ? 'Folder' : 'File',
      }));
  }
}

/** A shell over a recording host; `run` returns the host after the text ran. */
export function testShell(
  options: {
    interactive?: boolean;
    width?: number;
    cmdlets?: CmdletDefinition[];
    engine?: EngineApi;
  } = {},
) {
  const host = new RecordingHost(options.interactive ?? false, options.width ?? 120);
  const engine = options.engine ?? new TreeEngine();
  const shell = createShell({ host, engine, cmdlets: options.cmdlets });
  return {
    host,
    shell,
    engine,
    async run(text: string, runOptions: { file?: string; args?: string[] } = {}) {
      host.output = '';
      host.errors = '';
      const result = await shell.run(text, runOptions);
      return { out: host.output, err: host.errors, result };
    },
  };
}
