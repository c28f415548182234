import type { ParameterDefinition } from '../../core/parameters.js';
import type { CommandEntry } from './catalog.js';
import { syntaxLines, typeText } from './syntax.js';

/** Text of `Get-Help <command>` in PowerShell's layout (NAME, SYNOPSIS, SYNTAX, …). */
export function renderHelp(
  entry: CommandEntry,
  parameters: readonly ParameterDefinition[],
  aliases: readonly string[],
  mode: { full?: boolean; examples?: boolean; parameter?: string },
): string {
  const cmdlet = entry.cmdlet;
  const name = entry.kind === 'Alias' ? (entry.definition ?? entry.name) : entry.name;
  const indent = (text: string): string =>
    text
      .split('\n')
      .map((l) => (l ? `    ${l}` : l))
      .join('\n');
  const synopsis = cmdlet?.synopsis ?? (entry.kind === 'Function' ? `${name} [<arguments>]` : '');

  if (mode.parameter) {
    const wanted = mode.parameter.toLowerCase();
    const matching = parameters.filter((p) => p.name.toLowerCase().startsWith(wanted));
    return `\n${matching.map(parameterBlock).join('\n')}\n`;
  }

  const sections: string[] = ['', 'NAME', indent(name), '', 'SYNOPSIS', indent(synopsis), ''];
  if (mode.examples) {
    sections.push(...examples(cmdlet));
    return `${sections.join('\n')}\n`;
  }
  sections.push('', 'SYNTAX');
  for (const line of syntaxLines(name, parameters, {
    shouldProcess: entry.shouldProcess,
    defaultSet: cmdlet?.defaultParameterSet,
  })) {
    sections.push(indent(line), '');
  }
  sections.push('', 'DESCRIPTION', indent(cmdlet?.description ?? synopsis), '');
  if (mode.full) {
    sections.push('', 'PARAMETERS', ...parameters.map((p) => indent(parameterBlock(p))));
    sections.push(
      indent('<CommonParameters>'),
      indent('    This cmdlet supports the common parameters: Verbose, Debug,'),
      indent('    ErrorAction, ErrorVariable, WarningAction, WarningVariable,'),
      indent('    OutBuffer, PipelineVariable, and OutVariable.'),
      '',
    );
    sections.push(...examples(cmdlet));
  }
  sections.push('', 'ALIASES', ...(aliases.length ? aliases.map(indent) : [indent('None')]), '');
  sections.push('', 'REMARKS');
  sections.push(indent(`To see the examples, type: "Get-Help ${name} -Examples".`));
  sections.push(indent(`For technical information, type: "Get-Help ${name} -Full".`));
  return `${sections.join('\n')}\n`;
}

function examples(cmdlet: CommandEntry['cmdlet']): string[] {
  const lines: string[] = [];
  (cmdlet?.examples ?? []).forEach((example, i) => {
    lines.push(`    -------------------------- Example ${i + 1} --------------------------`, '');
    lines.push(`    PS > ${example.code}`, '', `    ${example.remarks}`, '');
  });
  return lines;
}

function parameterBlock(p: ParameterDefinition): string {
  const pipeline = [
    p.valueFromPipeline ? 'ByValue' : '',
    p.valueFromPipelineByPropertyName ? 'ByPropertyName' : '',
  ].filter(Boolean);
  const lines = [
    `-${p.name} ${p.type === 'switch' ? '' : typeText(p)}`.trimEnd(),
    ...(p.help ? [`    ${p.help}`, ''] : []),
    `    Required?                    ${p.mandatory ? 'true' : 'false'}`,
    `    Position?                    ${p.position ?? 'named'}`,
    `    Accept pipeline input?       ${pipeline.length ? `true (${pipeline.join(', ')})` : 'false'}`,
    `    Aliases                      ${p.aliases?.length ? p.aliases.join(', ') : 'None'}`,
    `    Accept wildcard characters?  ${p.acceptsWildcards ? 'true' : 'false'}`,
    '',
  ];
  return lines.join('\n');
}
