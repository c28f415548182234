import { JafsError } from '../../core/errors.js';
import type { ParameterDefinition } from '../../core/parameters.js';
import type { CmdletContext, CmdletDefinition } from '../api.js';
import { CommandNotFoundError } from '../errors.js';
import { commandInfo, listCommands, type CommandEntry } from '../help/catalog.js';
import { renderHelp } from '../help/render.js';
import { syntaxLines } from '../help/syntax.js';
import { hasWildcard, wildcardToRegExp } from '../runtime/compare.js';
import { runtimeOf } from '../runtime/context.js';
import type { Session } from '../runtime/session.js';
import { toArray, toStr } from '../runtime/values.js';
import { param } from './define.js';

function sessionOf(ctx: CmdletContext): Session {
  return runtimeOf(ctx).ev.session;
}

/** Static plus dynamic parameters (asked with nothing bound, i.e. for the current location). */
export async function allParameters(
  entry: CommandEntry,
  session: Session,
): Promise<ParameterDefinition[]> {
  const dynamic = entry.cmdlet?.dynamicParameters
    ? await entry.cmdlet.dynamicParameters({}, session)
    : [];
  // A dynamic parameter redefining a static one keeps the static one's place in the syntax.
  return [
    ...entry.parameters.map((p) => dynamic.find((d) => d.name === p.name) ?? p),
    ...dynamic.filter((d) => !entry.parameters.some((p) => p.name === d.name)),
  ];
}

function matching(entries: CommandEntry[], names: string[]): CommandEntry[] {
  const patterns = names.map((n) => wildcardToRegExp(n));
  return entries.filter((e) => patterns.some((p) => p.test(e.name)));
}

export const commandCmdlets: CmdletDefinition[] = [
  {
    name: 'Get-Command',
    aliases: ['gcm'],
    synopsis: 'Gets the commands (cmdlets, functions and aliases) the shell knows.',
    parameters: [
      param('Name', 'string[]', { position: 0, acceptsWildcards: true, valueFromPipeline: true }),
      param('Verb', 'string[]'),
      param('Noun', 'string[]'),
      param('CommandType', 'string[]', {
        values: ['Alias', 'Cmdlet', 'Function', 'All'],
        aliases: ['Type'],
      }),
      param('Syntax', 'switch'),
    ],
    examples: [{ code: 'Get-Command *-Item', remarks: 'The cmdlets whose noun is Item.' }],
    async process(ctx) {
      const session = sessionOf(ctx);
      let entries = listCommands(session);
      const p = ctx.params;
      const names = p.Name === undefined ? undefined : toArray(p.Name).map(toStr);
      if (names) {
        for (const name of names) {
          if (
            !hasWildcard(name) &&
            !entries.some((e) => e.name.toLowerCase() === name.toLowerCase())
          ) {
            ctx.writeError(new CommandNotFoundError(name), name);
          }
        }
        entries = matching(entries, names);
      } else {
        entries = entries.filter((e) => e.kind !== 'Alias');
      }
      if (p.Verb !== undefined)
        entries = matching(
          entries,
          toArray(p.Verb).map((v) => `${toStr(v)}-*`),
        );
      if (p.Noun !== undefined)
        entries = matching(
          entries,
          toArray(p.Noun).map((n) => `*-${toStr(n)}`),
        );
      if (p.CommandType !== undefined) {
        const types = toArray(p.CommandType).map((t) => toStr(t).toLowerCase());
        if (!types.includes('all'))
          entries = entries.filter((e) => types.includes(e.kind.toLowerCase()));
      }
      for (const entry of entries) {
        if (p.Syntax === true) {
          const parameters = await allParameters(entry, session);
          const lines =
            entry.kind === 'Alias'
              ? [
                  `${entry.name} (alias) -> ${entry.definition}`,
                  '',
                  ...syntaxLines(entry.definition ?? entry.name, parameters, {
                    shouldProcess: entry.shouldProcess,
                  }),
                ]
              : syntaxLines(entry.name, parameters, {
                  shouldProcess: entry.shouldProcess,
                  defaultSet: entry.cmdlet?.defaultParameterSet,
                });
          await ctx.write(`\n${lines.join('\n\n')}\n`);
        } else {
          await ctx.write(commandInfo(entry));
        }
      }
    },
  },
  {
    name: 'Get-Alias',
    aliases: ['gal'],
    synopsis: 'Gets the aliases of the session.',
    parameters: [
      param('Name', 'string[]', { position: 0, acceptsWildcards: true }),
      param('Definition', 'string[]'),
    ],
    async process(ctx) {
      let entries = listCommands(sessionOf(ctx)).filter((e) => e.kind === 'Alias');
      if (ctx.params.Name !== undefined) {
        const names = toArray(ctx.params.Name).map(toStr);
        for (const name of names) {
          if (
            !hasWildcard(name) &&
            !entries.some((e) => e.name.toLowerCase() === name.toLowerCase())
          ) {
            ctx.writeError(new AliasNotFoundError(name), name);
          }
        }
        entries = matching(entries, names);
      }
      if (ctx.params.Definition !== undefined) {
        const patterns = toArray(ctx.params.Definition).map((d) => wildcardToRegExp(toStr(d)));
        entries = entries.filter((e) => patterns.some((p) => p.test(e.definition ?? '')));
      }
      for (const entry of entries) await ctx.write(commandInfo(entry));
    },
  },
  {
    name: 'Set-Alias',
    aliases: ['sal'],
    synopsis: 'Creates or changes an alias for a command.',
    parameters: [
      param('Name', 'string', { position: 0, mandatory: true }),
      param('Value', 'string', { position: 1, mandatory: true }),
      param('PassThru', 'switch'),
    ],
    examples: [
      { code: 'Set-Alias ll Get-ChildItem', remarks: 'Makes `ll` list the current folder.' },
    ],
    async process(ctx) {
      const session = sessionOf(ctx);
      const name = toStr(ctx.params.Name);
      session.aliases.set(name.toLowerCase(), toStr(ctx.params.Value));
      session.aliasNames.set(name.toLowerCase(), name);
      if (ctx.params.PassThru === true) {
        const entry = listCommands(session).find(
          (e) => e.kind === 'Alias' && e.name.toLowerCase() === name.toLowerCase(),
        );
        if (entry) await ctx.write(commandInfo(entry));
      }
    },
  },
  {
    name: 'Get-Help',
    aliases: ['help', 'man'],
    synopsis: 'Shows help for a command: synopsis, syntax from its parameters, and examples.',
    parameters: [
      param('Name', 'string', { position: 0 }),
      param('Full', 'switch'),
      param('Detailed', 'switch'),
      param('Examples', 'switch'),
      param('Parameter', 'string'),
    ],
    examples: [{ code: 'Get-Help Get-ChildItem -Examples', remarks: 'Examples of listing items.' }],
    async process(ctx) {
      const session = sessionOf(ctx);
      const name = ctx.params.Name === undefined ? undefined : toStr(ctx.params.Name);
      if (!name) {
        await ctx.write(GENERAL_HELP);
        return;
      }
      const entries = listCommands(session);
      const found = hasWildcard(name)
        ? matching(entries, [name])
        : entries.filter((e) => e.name.toLowerCase() === name.toLowerCase());
      if (found.length === 0) {
        throw new HelpNotFoundError(name);
      }
      if (found.length > 1) {
        for (const entry of found) await ctx.write(commandInfo(entry));
        return;
      }
      const entry = found[0];
      const target = entry.definition ?? entry.name;
      const aliases = entries
        .filter((e) => e.kind === 'Alias' && e.definition?.toLowerCase() === target.toLowerCase())
        .map((e) => e.name);
      const text = renderHelp(entry, await allParameters(entry, session), aliases, {
        full: ctx.params.Full === true || ctx.params.Detailed === true,
        examples: ctx.params.Examples === true,
        parameter: ctx.params.Parameter === undefined ? undefined : toStr(ctx.params.Parameter),
      });
      await ctx.write(text);
    },
  },
];

const GENERAL_HELP = `
TOPIC
    jafs help

SHORT DESCRIPTION
    Displays help about jafs cmdlets and concepts.

LONG DESCRIPTION
    Get-Help <command> shows the synopsis, syntax and aliases of a command.
    Get-Help <command> -Examples shows examples; -Full adds every parameter.
    Get-Command lists the commands; Get-Alias lists their aliases.
`;

class HelpNotFoundError extends JafsError {
  constructor(name: string) {
    super(
      `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
      {
        code: 'ENOHELP',
        errorId: 'HelpNotFound',
        category: 'ResourceUnavailable',
        targetObject: name,
      },
    );
  }
}

class AliasNotFoundError extends JafsError {
  constructor(name: string) {
    super(
      `This command cannot find a matching alias because an alias with the name '${name}' does not exist.`,
      {
        code: 'ENOALIAS',
        errorId: 'ItemNotFoundException',
        category: 'ObjectNotFound',
        targetObject: name,
      },
    );
  }
}
