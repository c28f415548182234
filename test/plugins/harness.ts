import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { ProviderEngine } from '../../src/provider/index.js';
import type { ProgressEvent } from '../../src/provider/types.js';
import type { Host, Shell } from '../../src/shell/api.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { moduleCmdlets } from '../../src/shell/cmdlets/module/index.js';
import { createShell } from '../../src/shell/index.js';
import type { Jottacloud } from '../../src/jfs/index.js';

/** A non-interactive host that keeps what the shell writes. */
export class CapturingHost implements Host {
  readonly interactive = false;
  readonly width = 160;
  readonly color = false;
  output = '';
  errors = '';

  write(text: string): void {
    this.output += text;
  }
  writeError(text: string): void {
    this.errors += text;
  }
  writeWarning(): void {}
  writeVerbose(): void {}
  progress(_id: number, _event: ProgressEvent | undefined): void {}
  async readLine(prompt: string): Promise<string> {
    throw new Error(`The prompt '${prompt.trim()}' requires user input.`);
  }
  async choose(caption: string): Promise<number> {
    throw new Error(`The confirmation '${caption}' requires user input.`);
  }

  /** What was written since the last call, output and errors. */
  take(): { output: string; errors: string } {
    const taken = { output: this.output, errors: this.errors };
    this.output = this.errors = '';
    return taken;
  }
}

/**
 * A shell as the CLI builds it (file system, `JAFS:` on `client`, module cmdlets) in `cwd`;
 * `$env:` is `env` when given (process.env otherwise).
 */
export async function pluginShell(
  cwd: string,
  client?: Jottacloud,
  env?: Record<string, string | undefined>,
): Promise<{ engine: ProviderEngine; shell: Shell; host: CapturingHost }> {
  const engine = new ProviderEngine();
  engine.registerProvider(createFileSystemProvider());
  if (client) {
    engine.registerProvider(createJottacloudProvider({ client }));
    await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
  }
  await engine.setLocation(cwd);

  const host = new CapturingHost();
  const cmdlets = [...navigationCmdlets, ...moduleCmdlets];
  return { engine, host, shell: createShell({ host, engine, cmdlets, env }) };
}
