import type { CmdletDefinition } from '../../api.js';
import type { ItemPath } from '../../../provider/item-path.js';
import {
  FILTER_PARAMETERS,
  engineOf,
  forEachItem,
  operationOptions,
  pathInfo,
  pathParameters,
  targetPaths,
} from './common.js';

/** Test-Path: true or false for each path; never an error (a bad drive is simply false). */
export const testPath: CmdletDefinition = {
  name: 'Test-Path',
  synopsis: 'Tells whether a path exists (or, with -IsValid, whether it is well formed).',
  parameters: [
    ...pathParameters({ mandatory: true }),
    ...FILTER_PARAMETERS,
    {
      name: 'PathType',
      type: 'string',
      aliases: ['Type'],
      values: ['Any', 'Container', 'Leaf'],
      help: 'Only this kind.',
    },
    { name: 'IsValid', type: 'switch', help: 'Checks the syntax only.' },
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Test-Path JAFS:\\Jotta\\Archive -PathType Container', remarks: 'Is it a folder?' },
  ],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const { paths, literal } = targetPaths(ctx.params);
    const kind = String(ctx.params.PathType ?? 'Any').toLowerCase();

    for (const path of paths) {
      if (ctx.params.IsValid === true) {
        await ctx.write(path !== '' && engine.isValidPath(path));
        continue;
      }

      let exists = false;
      try {
        const found = await engine.resolve(path, {
          ...operationOptions(ctx),
          literal,
          force: true,
        });
        exists = found.some(
          (entry) =>
            !entry.item.deleted &&
            (kind === 'any' || entry.item.isContainer === (kind === 'container')),
        );
      } catch {
        exists = false;
      }

      await ctx.write(exists);
    }
  },
};

/** Resolve-Path: wildcards expanded to full paths (PathInfo), or relative strings. */
export const resolvePath: CmdletDefinition = {
  name: 'Resolve-Path',
  aliases: ['rvpa'],
  synopsis: 'Expands wildcards and relative paths to full paths.',
  parameters: [
    ...pathParameters({ mandatory: true }),
    { name: 'Relative', type: 'switch', help: 'Paths relative to the current location.' },
    { name: 'Force', type: 'switch', help: 'Includes hidden items.' },
  ],
  defaultParameterSet: 'Path',
  examples: [{ code: 'Resolve-Path JAFS:\\Jotta\\*', remarks: 'Every mount point of Jotta.' }],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const here = engine.currentPath();
    await forEachItem(
      ctx,
      targetPaths(ctx.params),
      operationOptions(ctx),
      async ({ path }) => {
        if (ctx.params.Relative === true) await ctx.write(relativeTo(here, path));
        else
          await ctx.write(
            pathInfo(
              { drive: path.drive.name, providerPath: path.providerPath, display: path.display },
              engine,
            ),
          );
      },
      false,
    );
  },
};

/** `./a/b` or `../x` from `base` to `path` (the full path on another drive). */
function relativeTo(base: ItemPath, path: ItemPath): string {
  if (base.drive !== path.drive) return path.display;
  const separator = path.drive.provider.separator;
  let common = 0;
  while (
    common < base.segments.length &&
    common < path.segments.length &&
    base.segments[common] === path.segments[common]
  )
    common++;

  const ups = base.segments.length - common;
  const rest = path.segments.slice(common);
  if (ups === 0) return ['.', ...rest].join(separator);
  return [...Array<string>(ups).fill('..'), ...rest].join(separator);
}

/** Convert-Path: provider paths (native paths on the file system). */
export const convertPath: CmdletDefinition = {
  name: 'Convert-Path',
  aliases: ['cvpa'],
  synopsis: "Converts paths to the provider's own paths (native file system paths).",
  parameters: pathParameters({ mandatory: true }),
  defaultParameterSet: 'Path',
  examples: [{ code: 'Convert-Path ~', remarks: 'Your home folder as a native path.' }],
  async process(ctx) {
    await forEachItem(
      ctx,
      targetPaths(ctx.params),
      operationOptions(ctx),
      async ({ path }) => {
        await ctx.write(path.providerPath);
      },
      false,
    );
  },
};
