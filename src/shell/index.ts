import type { EngineApi } from '../provider/engine-api.js';
import type { CmdletDefinition, Host, Shell } from './api.js';
import { languageCmdlets } from './cmdlets/index.js';
import { ShellSession } from './shell.js';

/**
 * Creates a shell session: the PowerShell-language subset with its built-in cmdlets plus
 * `cmdlets` (navigation and provider cmdlets), writing formatted output and errors to `host`.
 */
export function createShell(options: {
  host: Host;
  engine: EngineApi;
  cmdlets?: readonly CmdletDefinition[];
  variables?: Record<string, unknown>;
  /** `$env:`, shared with whoever else holds it (default: process.env, as `Env:` uses). */
  env?: Record<string, string | undefined>;
}): Shell {
  return new ShellSession({
    host: options.host,
    engine: options.engine,
    cmdlets: [...languageCmdlets, ...(options.cmdlets ?? [])],
    variables: options.variables,
    env: options.env,
  });
}

export { languageCmdlets };
export { FormattedText } from './format/formatted.js';
export { Hashtable, ScriptBlock } from './runtime/values.js';
export { invokeForCmdlet } from './runtime/context.js';
export { renderErrorRecord } from './format/error-view.js';
export { ErrorRecord, ParseError } from './errors.js';
export type { Shell, Host, CmdletDefinition } from './api.js';
