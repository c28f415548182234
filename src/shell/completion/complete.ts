import type { ParameterDefinition } from '../../core/parameters.js';
import type { PathCompletion } from '../../provider/engine-api.js';
import type { Completion, CompletionMatch } from '../api.js';
import { listCommands, type CommandEntry } from '../help/catalog.js';
import { typeText } from '../help/syntax.js';
import { resolveParameter } from '../runtime/binder.js';
import { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from '../runtime/common-parameters.js';
import { wildcardToRegExp } from '../runtime/compare.js';
import type { Session } from '../runtime/session.js';
import { needsQuotes, singleQuote, tokenize, type LineToken } from './tokens.js';

const AUTOMATIC = [
  'true',
  'false',
  'null',
  'PWD',
  'Error',
  'HOME',
  'args',
  'Matches',
  'LASTEXITCODE',
  'PSItem',
  '_',
];
const LOCATION_COMMANDS = new Set(['set-location', 'push-location']);

/**
 * Tab completion at `cursor`: command names at command position, `-Parameter` names (dynamic
 * ones too), closed-set values after such a parameter, `$variables`, and provider paths.
 */
export async function complete(
  session: Session,
  line: string,
  cursor: number,
  signal: AbortSignal,
): Promise<Completion> {
  const tokens = tokenize(line.slice(0, cursor));
  const last = tokens[tokens.length - 1];
  const current: LineToken =
    last && last.end === cursor
      ? last
      : {
          text: '',
          value: '',
          start: cursor,
          end: cursor,
          quoted: false,
          commandPosition: isCommandPosition(line, cursor, tokens),
        };
  const before = current === last ? tokens.slice(0, -1) : tokens;
  const result = (matches: CompletionMatch[]): Completion => ({
    replaceStart: current.start,
    replaceLength: current.end - current.start,
    matches,
  });

  if (current.text.startsWith('$')) return result(variableMatches(session, current.text));
  if (current.commandPosition && !/[\\/]/.test(current.value) && !current.value.startsWith('.')) {
    return result(commandMatches(session, current.value));
  }

  const commandToken = findCommandToken(before);
  const resolved = commandToken ? session.resolveCommand(commandToken.value) : undefined;
  // Only parameter completion needs the command's entry: listing every command for it would
  // cost a path completion (the common case, and the one a second Tab repeats) far more.
  const entryOf = () =>
    resolved
      ? listCommands(session).find(
          (e) => e.name.toLowerCase() === resolved.name.toLowerCase() && e.kind !== 'Alias',
        )
      : undefined;
  const args = commandToken ? before.slice(before.indexOf(commandToken) + 1) : [];

  const entry = current.text.startsWith('-') && !/^-\d/.test(current.text) ? entryOf() : undefined;
  if (entry) {
    const parameters = await parametersOf(session, entry, args);
    return result(parameterMatches(parameters, current.text.slice(1)));
  }

  const previous = args[args.length - 1];
  const owner =
    previous?.text.startsWith('-') && !previous.text.includes(':') ? entryOf() : undefined;
  if (owner) {
    const parameters = await parametersOf(session, owner, args.slice(0, -1));
    const parameter = safeResolve(parameters, previous.text.slice(1));
    const offered = parameter?.values ?? parameter?.suggestions;
    if (offered) return result(valueMatches(offered, current.value));
  }

  const containersOnly = LOCATION_COMMANDS.has((resolved?.name ?? '').toLowerCase());
  const paths = await session.engine.completePath(current.value, { containersOnly, signal });
  const separator = separatorFor(current.value, session.engine.currentLocation().display);
  const literal = /^-(literalpath|lp|pspath)$/i.test(previous?.text ?? '');
  return result(pathMatches(paths, separator, current.quoted, literal).slice());
}

/**
 * The engine answers a repeated query on a cached listing with the same list (a second Tab):
 * its matches are then reused too, instead of re-quoting thousands of names.
 */
const matchesByPaths = new WeakMap<readonly PathCompletion[], Map<string, CompletionMatch[]>>();

function pathMatches(
  paths: readonly PathCompletion[],
  separator: string,
  quoted: boolean,
  literal: boolean,
): CompletionMatch[] {
  const key = `${separator}${quoted}${literal}`;
  const known = matchesByPaths.get(paths)?.get(key);
  if (known) return known;

  const matches = paths.map((p): CompletionMatch => {
    const typed = p.isContainer && !/[\\/]$/.test(p.path) ? `${p.path}${separator}` : p.path;
    const escaped = literal ? typed : escapeLeaf(typed);
    return {
      text: needsQuotes(escaped) || quoted || escaped !== typed ? singleQuote(escaped) : escaped,
      label: p.path,
      kind: p.isContainer ? 'container' : 'leaf',
      detail: p.typeName,
    };
  });
  const byKey = matchesByPaths.get(paths) ?? new Map<string, CompletionMatch[]>();
  byKey.set(key, matches);
  matchesByPaths.set(paths, byKey);
  return matches;
}

/**
 * A completed name with wildcard characters must reach -Path escaped, or it matches nothing (or
 * something else); the caller puts it in single quotes, so the parser leaves the backticks to the
 * wildcard. Only the completed (last) segment: the folders before it are as the user typed them,
 * escaped already when an earlier Tab completed them.
 */
function escapeLeaf(path: string): string {
  const match = /^(.*[\\/])?([^\\/]+)([\\/]?)$/.exec(path);
  if (!match) return path;
  const [, parent = '', leaf, trailing] = match;
  return `${parent}${leaf.replace(/[[\]*?`]/g, '`$&')}${trailing}`;
}

function isCommandPosition(line: string, cursor: number, tokens: LineToken[]): boolean {
  const before = line.slice(0, cursor).trimEnd();
  if (tokens.length === 0 || before === '') return true;
  return /[|;({&]$/.test(before);
}

function findCommandToken(tokens: LineToken[]): LineToken | undefined {
  for (let i = tokens.length - 1; i >= 0; i -= 1) if (tokens[i].commandPosition) return tokens[i];
  return undefined;
}

function matcher(typed: string): (name: string) => boolean {
  if (/[*?]/.test(typed)) {
    const pattern = wildcardToRegExp(`${typed}*`);
    return (name) => pattern.test(name);
  }
  const lower = typed.toLowerCase();
  return (name) => name.toLowerCase().startsWith(lower);
}

function commandMatches(session: Session, typed: string): CompletionMatch[] {
  const matches = matcher(typed);
  return listCommands(session)
    .filter((e) => matches(e.name))
    .map((e) => ({
      text: e.name,
      label: e.name,
      kind:
        e.kind === 'Cmdlet'
          ? ('cmdlet' as const)
          : e.kind === 'Alias'
            ? ('alias' as const)
            : ('function' as const),
      detail: e.kind === 'Alias' ? e.definition : e.cmdlet?.synopsis,
    }));
}

function variableMatches(session: Session, text: string): CompletionMatch[] {
  const env = /^\$env:/i.exec(text);
  if (env) {
    const matches = matcher(text.slice(5));
    return Object.keys(session.env)
      .filter(matches)
      .sort()
      .map((name) => ({ text: `$env:${name}`, label: name, kind: 'variable' as const }));
  }
  const matches = matcher(text.slice(1));
  const names = new Map<string, string>();
  for (const name of [...session.current.all().map((v) => v.name), ...AUTOMATIC]) {
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()]
    .filter(matches)
    .sort((a, b) => a.localeCompare(b, 'en-US', { sensitivity: 'base' }))
    .map((name) => ({ text: `$${name}`, label: `$${name}`, kind: 'variable' as const }));
}

/** The command's parameters, with dynamic ones asked for what the line binds so far. */
async function parametersOf(
  session: Session,
  entry: CommandEntry,
  args: LineToken[],
): Promise<ParameterDefinition[]> {
  const base = [
    ...entry.parameters,
    ...COMMON_PARAMETERS,
    ...(entry.shouldProcess ? SHOULD_PROCESS_PARAMETERS : []),
  ];
  if (!entry.cmdlet?.dynamicParameters) return base;
  const bound: Record<string, unknown> = {};
  const positional = base
    .filter((p) => p.position !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg.text.startsWith('-')) {
      const parameter = safeResolve(base, arg.text.slice(1).split(':')[0]);
      if (parameter && parameter.type !== 'switch' && args[i + 1]) {
        bound[parameter.name] = args[i + 1].value;
        i += 1;
      } else if (parameter) {
        bound[parameter.name] = true;
      }
    } else {
      const next = positional.find((p) => !(p.name in bound));
      if (next) bound[next.name] = next.type.endsWith('[]') ? [arg.value] : arg.value;
    }
  }
  try {
    const dynamic = await entry.cmdlet.dynamicParameters(bound, session);
    // A dynamic parameter redefining a static one (ItemType with the provider's types) wins.
    return [...base.filter((p) => !dynamic.some((d) => d.name === p.name)), ...dynamic];
  } catch {
    return base;
  }
}

function safeResolve(
  parameters: readonly ParameterDefinition[],
  name: string,
): ParameterDefinition | undefined {
  try {
    return resolveParameter(parameters, name);
  } catch {
    return undefined;
  }
}

function parameterMatches(
  parameters: readonly ParameterDefinition[],
  typed: string,
): CompletionMatch[] {
  const matches = matcher(typed);
  return parameters
    .filter((p) => matches(p.name))
    .map((p) => ({
      text: `-${p.name}`,
      label: `-${p.name}`,
      kind: 'parameter' as const,
      detail: p.type === 'switch' ? 'switch' : typeText(p),
    }));
}

function valueMatches(values: readonly string[], typed: string): CompletionMatch[] {
  const matches = matcher(typed);
  return values.filter(matches).map((value) => ({
    text: needsQuotes(value) ? singleQuote(value) : value,
    label: value,
    kind: 'value' as const,
  }));
}

function separatorFor(typed: string, location: string): string {
  if (typed.includes('\\')) return '\\';
  if (typed.includes('/')) return '/';
  return location.includes('\\') ? '\\' : '/';
}
