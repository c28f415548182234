import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { ProviderArgumentError } from '../../../provider/errors.js';
import { driveQualifier } from '../../../provider/path-syntax.js';
import {
  engineOf,
  errorTarget,
  forEachItem,
  operationOptions,
  pathParameters,
  strings,
  targetPaths,
} from './common.js';
import {
  extensionOf,
  isAbsoluteText,
  joinText,
  leafBaseOf,
  leafOfText,
  parentOfText,
  qualifierOf,
  withoutQualifier,
} from './path-split.js';

/** Split-Path's selectors, one parameter set each. */
const SPLIT_SWITCHES = [
  'Parent',
  'Leaf',
  'LeafBase',
  'Extension',
  'Qualifier',
  'NoQualifier',
  'IsAbsolute',
];

/** Split-Path: a part of each path, lexically (or of the resolved paths with -Resolve). */
export const splitPath: CmdletDefinition = {
  name: 'Split-Path',
  synopsis: 'Returns a part of a path: parent, leaf, extension, qualifier…',
  parameters: [
    // In every parameter set: each selector switch is a set of its own.
    { ...pathParameters()[0], parameterSets: undefined, mandatory: false },
    { ...pathParameters()[1], parameterSets: undefined, mandatory: false },
    ...SPLIT_SWITCHES.map((name): ParameterDefinition => ({
      name,
      type: 'switch',
      parameterSets: [name],
      help: `The ${name} part.`,
    })),
    { name: 'Resolve', type: 'switch', help: 'Resolves the paths (wildcards) first.' },
  ],
  defaultParameterSet: 'Parent',
  examples: [
    { code: 'Split-Path JAFS:\\Jotta\\Archive\\a.txt -Leaf', remarks: '`a.txt`' },
    { code: 'Split-Path JAFS:\\Jotta\\Archive -Qualifier', remarks: '`JAFS:`' },
  ],
  async process(ctx) {
    const { paths, literal } = targetPaths(ctx.params);
    const texts = ctx.params.Resolve === true ? await resolvedTexts(ctx, paths, literal) : paths;
    for (const path of texts) {
      try {
        await ctx.write(splitOne(path, ctx.params));
      } catch (error) {
        ctx.writeError(error, errorTarget(error, path));
      }
    }
  },
};

function splitOne(path: string, params: CmdletContext['params']): string | boolean {
  if (params.IsAbsolute === true) return isAbsoluteText(path);
  if (params.Qualifier === true) {
    const qualifier = qualifierOf(path);
    if (qualifier === undefined) {
      throw new ProviderArgumentError(
        `Cannot parse path because path '${path}' does not have a qualifier specified.`,
        'ParsePathFormatError',
        path,
      );
    }

    return qualifier;
  }

  if (params.NoQualifier === true) return withoutQualifier(path);
  if (params.Leaf === true) return leafOfText(path);
  if (params.LeafBase === true) return leafBaseOf(leafOfText(path));
  if (params.Extension === true) return extensionOf(leafOfText(path));
  return parentOfText(path);
}

async function resolvedTexts(ctx: CmdletContext, paths: string[], literal: boolean) {
  const texts: string[] = [];
  await forEachItem(
    ctx,
    { paths, literal },
    operationOptions(ctx),
    async ({ path }) => {
      texts.push(path.display);
    },
    false,
  );
  return texts;
}

/** Join-Path: joins with the separator of the path's provider. */
export const joinPath: CmdletDefinition = {
  name: 'Join-Path',
  synopsis: "Joins a path and child paths with the provider's separator.",
  parameters: [
    {
      name: 'Path',
      type: 'string[]',
      position: 0,
      mandatory: true,
      aliases: ['PSPath'],
      valueFromPipelineByPropertyName: true,
      help: 'The parent paths.',
    },
    {
      name: 'ChildPath',
      type: 'string',
      position: 1,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'The child path.',
    },
    {
      name: 'AdditionalChildPath',
      type: 'string[]',
      position: 2,
      valueFromRemainingArguments: true,
      help: 'More child paths.',
    },
    { name: 'Resolve', type: 'switch', help: 'Resolves the joined paths (they must exist).' },
  ],
  examples: [{ code: 'Join-Path JAFS:\\Jotta Archive', remarks: '`JAFS:\\Jotta\\Archive`' }],
  async process(ctx) {
    const children = [
      String(ctx.params.ChildPath ?? ''),
      ...strings(ctx.params.AdditionalChildPath),
    ];

    for (const path of strings(ctx.params.Path)) {
      const separator = separatorFor(ctx, path);
      const joined = children.reduce((left, child) => joinText(left, child, separator), path);
      if (ctx.params.Resolve !== true) {
        await ctx.write(joined);
        continue;
      }

      await forEachItem(
        ctx,
        { paths: [joined], literal: false },
        operationOptions(ctx),
        async (item) => {
          await ctx.write(item.path.display);
        },
        false,
      );
    }
  },
};

/** The separator of the provider a path belongs to (the current one when it has no drive). */
function separatorFor(ctx: CmdletContext, path: string): string {
  const engine = engineOf(ctx.session);
  try {
    const drive = driveQualifier(path);
    if (drive !== undefined) return engine.getDrive(drive).provider.separator;
    if (path.includes('::'))
      return engine.getProvider(path.slice(0, path.indexOf('::')).split('\\').pop()!).separator;
    return engine.currentPath().drive.provider.separator;
  } catch {
    return '/';
  }
}
