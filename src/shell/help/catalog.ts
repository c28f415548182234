import type { ParameterDefinition } from '../../core/parameters.js';
import { withTypeNames } from '../../core/psobject.js';
import type { CmdletDefinition } from '../api.js';
import { declaredParameters } from '../runtime/invoke.js';
import type { Session } from '../runtime/session.js';

/** One command as Get-Command, Get-Help and completion see it. */
export interface CommandEntry {
  name: string;
  kind: 'Cmdlet' | 'Function' | 'Alias';
  /** The target of an alias. */
  definition?: string;
  cmdlet?: CmdletDefinition;
  parameters: readonly ParameterDefinition[];
  shouldProcess: boolean;
}

/** Every command the session knows: cmdlets, functions and aliases, sorted by name. */
export function listCommands(session: Session): CommandEntry[] {
  const entries: CommandEntry[] = [];
  for (const cmdlet of session.cmdlets.values()) {
    entries.push({
      name: cmdlet.name,
      kind: 'Cmdlet',
      cmdlet,
      parameters: cmdlet.parameters,
      shouldProcess: cmdlet.supportsShouldProcess === true,
    });
  }
  for (const fn of session.functions.values()) {
    entries.push({
      name: fn.name,
      kind: 'Function',
      parameters: declaredParameters(fn.body),
      shouldProcess: false,
    });
  }
  for (const [alias, target] of session.aliases) {
    const resolved = session.resolveCommand(target);
    entries.push({
      name: aliasSpelling(session, alias),
      kind: 'Alias',
      definition: resolved?.name ?? target,
      cmdlet: resolved?.kind === 'cmdlet' ? resolved.cmdlet : undefined,
      parameters: resolved?.kind === 'cmdlet' ? resolved.cmdlet.parameters : [],
      shouldProcess: resolved?.kind === 'cmdlet' && resolved.cmdlet.supportsShouldProcess === true,
    });
  }
  const collator = (byName ??= new Intl.Collator('en-US', { sensitivity: 'base' }));
  return entries.sort((a, b) => collator.compare(a.name, b.name));
}

/** `localeCompare` with options builds a collator per call: ~35 ms for every command list. */
let byName: Intl.Collator | undefined;

/** Aliases are stored lower-case; show them as the cmdlet declared them. */
function aliasSpelling(session: Session, lower: string): string {
  for (const cmdlet of session.cmdlets.values()) {
    const found = cmdlet.aliases?.find((a) => a.toLowerCase() === lower);
    if (found) return found;
  }
  return session.aliasNames.get(lower) ?? lower;
}

/** The object Get-Command and Get-Alias output (CommandInfo view). */
export function commandInfo(entry: CommandEntry): Record<string, unknown> {
  const name = entry.kind === 'Alias' ? `${entry.name} -> ${entry.definition}` : entry.name;
  const info = {
    CommandType: entry.kind,
    Name: name,
    Version: '',
    Source: '',
    Definition: entry.definition ?? entry.name,
  };
  Object.defineProperty(info, 'Definition', { enumerable: false });
  return withTypeNames(
    info,
    entry.kind === 'Alias'
      ? 'System.Management.Automation.AliasInfo'
      : 'System.Management.Automation.CommandInfo',
  );
}
