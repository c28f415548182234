import { withTypeNames } from '../../core/psobject.js';
import type { ResolvedItem } from '../../provider/item-path.js';
import type { CmdletContext, CmdletDefinition } from '../api.js';
import { escapeRegExp, toRegExp } from '../runtime/compare.js';
import { localsOf } from '../runtime/context.js';
import { toArray, toStr } from '../runtime/values.js';
import { param } from './define.js';
import { engineOf, forEachItem, strings } from './navigation/common.js';

/** Where a match came from: a file (its path) or the piped text itself. */
interface MatchSource {
  /** Full path as the drive shows it, or `InputStream`. */
  path: string;
  /** What the match prints before `:line:` (relative to the location when under it). */
  shown?: string;
}

const INPUT_STREAM: MatchSource = { path: 'InputStream' };

/** What one invocation keeps between records. */
interface SearchState {
  /** Line numbers of piped strings count across records, as PowerShell's do. */
  inputLine: number;
  found: boolean;
  /** Paths given on the command line are searched once, however many records are piped. */
  searchedPaths: boolean;
  /** -List and -Quiet stop at the first match of each source. */
  listed: Set<string>;
}

function stateOf(ctx: CmdletContext): SearchState {
  const locals = localsOf(ctx);
  locals.search ??= { inputLine: 0, found: false, searchedPaths: false, listed: new Set<string>() };
  return locals.search as SearchState;
}

/** The regular expressions of -Pattern, -SimpleMatch and -CaseSensitive. */
function patternsOf(ctx: CmdletContext): { text: string; regex: RegExp }[] {
  return toArray(ctx.params.Pattern).map((pattern) => {
    const text = toStr(pattern);
    const source = ctx.params.SimpleMatch === true ? escapeRegExp(text) : text;
    return { text, regex: toRegExp(source, ctx.params.CaseSensitive === true) };
  });
}

/**
 * Checks one line and writes its MatchInfo when it matches (or, under -NotMatch, when it does
 * not). Prints as `path:line:text` for files and as the line alone for piped text.
 */
async function check(
  ctx: CmdletContext,
  line: string,
  lineNumber: number,
  source: MatchSource,
): Promise<void> {
  const state = stateOf(ctx);
  if (state.listed.has(source.path)) return;

  const patterns = patternsOf(ctx);
  const hit = patterns.find((pattern) => pattern.regex.test(line));
  if (Boolean(hit) === (ctx.params.NotMatch === true)) return;

  state.found = true;
  if (ctx.params.List === true || ctx.params.Quiet === true) state.listed.add(source.path);
  if (ctx.params.Quiet === true) return;

  const shown = source.shown === undefined ? line : `${source.shown}:${lineNumber}:${line}`;
  const info = withTypeNames(
    {
      IgnoreCase: ctx.params.CaseSensitive !== true,
      LineNumber: lineNumber,
      Line: line,
      Filename: source.path === 'InputStream' ? 'InputStream' : lastSegment(source.path),
      Path: source.path,
      Pattern: (hit ?? patterns[0])?.text,
    },
    'Microsoft.PowerShell.Commands.MatchInfo',
  );
  Object.defineProperty(info, 'toString', { value: () => shown, enumerable: false });
  await ctx.write(info);
}

function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** `path` relative to the current location when it lies below it, else in full. */
function relativeToLocation(ctx: CmdletContext, path: string): string {
  const here = ctx.session.engine.currentLocation().display;
  for (const separator of ['/', '\\']) {
    const base = here.endsWith(separator) ? here : here + separator;
    if (path.startsWith(base)) return path.slice(base.length);
  }
  return path;
}

/** Reads a file's lines through the engine (any drive with content) and checks each. */
async function searchFile(ctx: CmdletContext, target: ResolvedItem): Promise<void> {
  // Folders are passed over, as PowerShell does for `Select-String x *`.
  if (target.item.isContainer) return;

  const engine = engineOf(ctx.session);
  const path = target.path.display;
  const source = { path, shown: relativeToLocation(ctx, path) };
  let lineNumber = 0;
  for await (const line of engine.readLines(target, { signal: ctx.signal, raw: false })) {
    lineNumber += 1;
    await check(ctx, line, lineNumber, source);
    if (stateOf(ctx).listed.has(path)) return;
  }
}

/** Every file a path names (wildcards unless literal); unknown paths are reported. */
async function searchPaths(ctx: CmdletContext, paths: string[], literal: boolean) {
  const search = (target: ResolvedItem) => searchFile(ctx, target);
  await forEachItem(ctx, { paths, literal }, { signal: ctx.signal }, search, false);
}

/** A piped object that is an item with a path (Get-ChildItem, Get-Item output). */
function pipedPath(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const path = (value as { PSPath?: unknown }).PSPath;
  return typeof path === 'string' && path ? path : undefined;
}

/**
 * Select-String: finds text matching patterns in piped strings or in files. Files are read
 * through the provider engine, so `Select-String caf JAFS:\Jotta\Archive\*.txt` and
 * `Get-ChildItem *.txt | Select-String caf` work on every drive with content.
 */
export const selectString: CmdletDefinition = {
  name: 'Select-String',
  aliases: ['sls'],
  synopsis: 'Finds text matching a pattern in strings and files.',
  description:
    'Checks each line against the patterns (regular expressions unless -SimpleMatch; case ' +
    'is ignored unless -CaseSensitive). Matches in files print as name:line:text, the name ' +
    'relative to the current location when the file lies below it. Piped items (Get-ChildItem) ' +
    'are read as files.',
  parameters: [
    param('Pattern', 'string[]', { position: 0, mandatory: true, help: 'What to look for.' }),
    param('Path', 'string[]', {
      position: 1,
      acceptsWildcards: true,
      help: 'Files to search; wildcards are expanded.',
    }),
    param('LiteralPath', 'string[]', {
      aliases: ['LP'],
      help: 'Files to search, used exactly as written.',
    }),
    param('InputObject', 'object', {
      valueFromPipeline: true,
      help: 'Text to search; piped items with a path are read as files.',
    }),
    param('SimpleMatch', 'switch', { help: 'The patterns are plain text, not expressions.' }),
    param('CaseSensitive', 'switch', { help: 'Upper and lower case differ.' }),
    param('NotMatch', 'switch', { help: 'Finds the lines that do not match.' }),
    param('List', 'switch', { help: 'Only the first match of each file.' }),
    param('Quiet', 'switch', { help: 'Writes True when something matched, False otherwise.' }),
  ],
  examples: [
    { code: 'Select-String caf *.txt', remarks: 'Matching lines of the text files here.' },
    { code: 'Get-ChildItem -Recurse *.log | Select-String error', remarks: 'Piped files.' },
    {
      code: "Select-String -SimpleMatch 'a.b' -LiteralPath JAFS:\\Jotta\\Archive\\notes.txt",
      remarks: 'A plain-text search in a Jottacloud file.',
    },
  ],
  async process(ctx) {
    const literal = strings(ctx.params.LiteralPath);
    if (literal.length > 0 || ctx.params.Path !== undefined) {
      if (stateOf(ctx).searchedPaths) return;
      stateOf(ctx).searchedPaths = true;
      const paths = literal.length > 0 ? literal : strings(ctx.params.Path);
      await searchPaths(ctx, paths, literal.length > 0);
      return;
    }

    const value = ctx.expectingInput ? ctx.input : ctx.params.InputObject;
    if (value === undefined) return;
    const path = pipedPath(value);
    if (path) {
      await searchPaths(ctx, [path], true);
      return;
    }

    const state = stateOf(ctx);
    state.inputLine += 1;
    await check(ctx, toStr(value), state.inputLine, INPUT_STREAM);
  },
  async end(ctx) {
    if (ctx.params.Quiet === true) await ctx.write(stateOf(ctx).found);
  },
};
