import type { ParameterDefinition } from '../../core/parameters.js';

const SHORT_TYPES: Record<string, string> = {
  string: 'string',
  'string[]': 'string[]',
  int: 'int',
  long: 'long',
  double: 'double',
  bool: 'bool',
  object: 'Object',
  'object[]': 'Object[]',
  scriptblock: 'scriptblock',
  hashtable: 'hashtable',
  datetime: 'datetime',
};

/** `<string[]>` or `{a | b | c}` for a closed set. */
export function typeText(parameter: ParameterDefinition): string {
  if (parameter.values) return `{${parameter.values.join(' | ')}}`;
  return `<${SHORT_TYPES[parameter.type] ?? 'Object'}>`;
}

function parameterText(parameter: ParameterDefinition): string {
  const name = parameter.position !== undefined ? `[-${parameter.name}]` : `-${parameter.name}`;
  const core =
    parameter.type === 'switch' ? `-${parameter.name}` : `${name} ${typeText(parameter)}`;
  return parameter.mandatory && parameter.type !== 'switch' ? core : `[${core}]`;
}

/**
 * Syntax lines as Get-Help and Get-Command -Syntax print them, one per parameter set:
 * positional parameters first (by position), then the named ones, then the risk-mitigation
 * switches and `[<CommonParameters>]`.
 */
export function syntaxLines(
  name: string,
  parameters: readonly ParameterDefinition[],
  options: { shouldProcess?: boolean; defaultSet?: string; common?: boolean } = {},
): string[] {
  const sets = [...new Set(parameters.flatMap((p) => p.parameterSets ?? []))];
  if (options.defaultSet && sets.includes(options.defaultSet)) {
    sets.splice(sets.indexOf(options.defaultSet), 1);
    sets.unshift(options.defaultSet);
  }
  const groups =
    sets.length === 0
      ? [parameters]
      : sets.map((set) =>
          parameters.filter((p) => !p.parameterSets || p.parameterSets.includes(set)),
        );

  return groups.map((group) => {
    const positional = group
      .filter((p) => p.position !== undefined)
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const named = group.filter((p) => p.position === undefined);
    const parts = [...positional, ...named].map(parameterText);
    if (options.shouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    if (options.common !== false) parts.push('[<CommonParameters>]');
    return `${name} ${parts.join(' ')}`.trimEnd();
  });
}
