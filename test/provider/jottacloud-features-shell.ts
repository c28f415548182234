import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import type { ProgressEvent } from '../../src/provider/types.js';
import type { Host } from '../../src/shell/api.js';
import { jottacloudCmdlets } from '../../src/shell/cmdlets/jottacloud/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { createShell } from '../../src/shell/index.js';
import type { JottacloudFixture } from './jottacloud-fixture.js';

/** A host that keeps what the shell writes and answers prompts from a list (else refuses). */
export class RecordingHost implements Host {
  readonly interactive: boolean;
  readonly width = 160;
  readonly color = false;
  output = '';
  errors = '';
  warnings: string[] = [];
  prompts: string[] = [];

  constructor(private readonly answers: number[] = []) {
    this.interactive = answers.length > 0;
  }

  write(text: string): void {
    this.output += text;
  }
  writeError(text: string): void {
    this.errors += text;
  }
  writeWarning(text: string): void {
    this.warnings.push(text);
  }
  writeVerbose(): void {}
  progress(_id: number, _event: ProgressEvent | undefined): void {}
  async readLine(prompt: string): Promise<string> {
    throw new Error(`The prompt '${prompt.trim()}' requires user input.`);
  }
  async choose(caption: string, message: string): Promise<number> {
    this.prompts.push(message);
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`The confirmation '${caption}' requires user input.`);
    return answer;
  }
}

/**
 * Runs `script` in a fresh shell with the file system, the JAFS: drive (public links on the
 * fixture's server) and the navigation and Jottacloud cmdlets.
 */
export async function runScript(jafs: JottacloudFixture, script: string, answers: number[] = []) {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  engine.registerProvider(createJottacloudProvider({ client: jafs.client, webBaseUrl: jafs.url }));
  await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  const host = new RecordingHost(answers);
  const shell = createShell({
    host,
    engine,
    cmdlets: [...navigationCmdlets, ...jottacloudCmdlets],
  });
  const result = await shell.run(script);
  return { ...result, output: host.output, errors: host.errors, host };
}

/** The output's lines, trimmed, without empty ones. */
export function lines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
