import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { ItemNotFoundError } from '../../../provider/errors.js';
import type { ItemPath } from '../../../provider/item-path.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
  dynamicValues,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  targetPaths,
} from './common.js';

/** Get-Content: the lines of a file (UTF-8), or the whole text with -Raw. */
export const getContent: CmdletDefinition = {
  name: 'Get-Content',
  aliases: ['gc', 'type', 'cat'],
  synopsis: 'Gets the content of a file, line by line.',
  parameters: [
    { ...pathParameters({ mandatory: true, byValue: false })[0] },
    pathParameters()[1],
    {
      name: 'TotalCount',
      type: 'long',
      aliases: ['First', 'Head'],
      help: 'Only the first N lines.',
    },
    { name: 'Tail', type: 'int', aliases: ['Last'], help: 'Only the last N lines.' },
    { name: 'Raw', type: 'switch', help: 'One string with the line breaks kept.' },
    {
      name: 'ReadCount',
      type: 'long',
      help: 'Lines per object written: 1 (default) one string each, 0 all in one array.',
    },
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-Content notes.txt -TotalCount 5', remarks: 'The first five lines.' },
    { code: 'cat JAFS:\\Jotta\\Archive\\todo.txt -Raw', remarks: 'A cloud file as one string.' },
  ],
  dynamicParameters: providerDynamicParameters('Get-Content'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const params = ctx.params;
    const options = {
      ...operationOptions(ctx),
      totalCount: params.TotalCount === undefined ? undefined : Number(params.TotalCount),
      tail: params.Tail === undefined ? undefined : Number(params.Tail),
      raw: params.Raw === true,
    };

    await forEachItem(ctx, targetPaths(params), options, async (item) => {
      const read = { ...options, dynamic: dynamicValues(ctx, 'Get-Content', item.path) };
      const readCount = params.ReadCount === undefined ? 1 : Number(params.ReadCount);
      if (readCount === 1 || options.raw) {
        for await (const line of engine.readLines(item, read)) await ctx.write(line);
        return;
      }

      // -ReadCount N: arrays of N lines (the last may be shorter); 0 or less: one array.
      let batch: string[] = [];
      for await (const line of engine.readLines(item, read)) {
        batch.push(line);
        if (readCount > 0 && batch.length === readCount) {
          await ctx.write(batch);
          batch = [];
        }
      }

      if (batch.length > 0) await ctx.write(batch);
    });
  },
};

const VALUE: ParameterDefinition = {
  name: 'Value',
  type: 'object[]',
  position: 1,
  mandatory: true,
  valueFromPipeline: true,
  valueFromPipelineByPropertyName: true,
  help: 'The content: each value becomes one line.',
};

const WRITE_PARAMETERS: readonly ParameterDefinition[] = [
  { ...pathParameters({ mandatory: true, byValue: false })[0] },
  pathParameters()[1],
  VALUE,
  { name: 'NoNewline', type: 'switch', help: 'No line breaks between or after the values.' },
  ...FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
];

/**
 * Set-Content. With pipeline input and a -Path given on the command line, the file is emptied
 * once in `begin` and each piped record is appended, so every record ends up in the file (a
 * cost of one rewrite per record, acceptable for text; a buffered writer would avoid it).
 */
export const setContent: CmdletDefinition = {
  name: 'Set-Content',
  synopsis: 'Replaces the content of a file with new text.',
  parameters: WRITE_PARAMETERS,
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    { code: "Set-Content notes.txt 'first line','second line'", remarks: 'Two lines.' },
    { code: "'a','b' | Set-Content JAFS:\\Jotta\\Archive\\ab.txt", remarks: 'Piped lines.' },
  ],
  dynamicParameters: providerDynamicParameters('Set-Content'),
  async begin(ctx) {
    // Values will come from the pipeline: empty the file once, each record then appends.
    const valuesFromPipeline = ctx.expectingInput && ctx.params.Value === undefined;
    if (!valuesFromPipeline || targetPaths(ctx.params).paths.length === 0) return;
    await writeValues(ctx, 'Set Content', '', false);
  },
  async process(ctx) {
    await writeValues(ctx, 'Set Content', undefined, isPipedValue(ctx));
  },
};

/** Add-Content: appends lines to a file (creating it). */
export const addContent: CmdletDefinition = {
  name: 'Add-Content',
  aliases: ['ac'],
  synopsis: 'Appends text to a file.',
  parameters: WRITE_PARAMETERS,
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [{ code: "Add-Content log.txt 'one more line'", remarks: 'Appends a line.' }],
  dynamicParameters: providerDynamicParameters('Add-Content'),
  process: (ctx) => writeValues(ctx, 'Add Content', undefined, true),
};

/** Clear-Content: empties files, keeping them. */
export const clearContent: CmdletDefinition = {
  name: 'Clear-Content',
  aliases: ['clc'],
  synopsis: 'Deletes the content of a file but keeps the file.',
  parameters: [...pathParameters({ mandatory: true }), ...FILTER_PARAMETERS, FORCE_PARAMETER],
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [{ code: 'Clear-Content *.log', remarks: 'Empties every log file.' }],
  dynamicParameters: providerDynamicParameters('Clear-Content'),
  async process(ctx) {
    const engine = engineOf(ctx.session);
    await forEachItem(ctx, targetPaths(ctx.params), operationOptions(ctx), async (item) => {
      if (!(await ctx.shouldProcess(`Item: ${item.path.display}`, 'Clear Content'))) return;
      await engine.clearContent(
        item,
        operationOptions(ctx, dynamicValues(ctx, 'Clear-Content', item.path)),
      );
    });
  },
};

/** True when this record's -Value is the piped object (not paths bound from piped items). */
function isPipedValue(ctx: CmdletContext): boolean {
  if (!ctx.expectingInput) return false;
  const value = ctx.params.Value;
  return value === ctx.input || (Array.isArray(value) && value.includes(ctx.input));
}

/** The text a list of values becomes: one line each, each ending in `\n` unless -NoNewline. */
function textOf(values: unknown, noNewline: boolean): string {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const lines = list.map((value) => (value === null || value === undefined ? '' : String(value)));
  return noNewline ? lines.join('') : lines.map((line) => `${line}\n`).join('');
}

/**
 * Writes the bound values to every target: existing items matched by the paths (wildcards
 * allowed), or a new item at a literal path that does not exist yet.
 */
async function writeValues(
  ctx: CmdletContext,
  action: 'Set Content' | 'Add Content',
  fixedText: string | undefined,
  append: boolean,
): Promise<void> {
  const engine = engineOf(ctx.session);
  const text = fixedText ?? textOf(ctx.params.Value, ctx.params.NoNewline === true);
  const { paths, literal } = targetPaths(ctx.params);

  for (const path of paths) {
    let targets: ItemPath[];
    try {
      const found = await engine.resolve(path, { ...operationOptions(ctx), literal });
      targets = found.map((entry) => entry.path);
    } catch (error) {
      if (!(error instanceof ItemNotFoundError)) {
        ctx.writeError(error, path);
        continue;
      }

      targets = [engine.lexicalPath(path, literal)];
    }

    for (const target of targets) {
      try {
        if (!(await ctx.shouldProcess(`Path: ${target.display}`, action))) continue;
        const options = operationOptions(ctx, dynamicValues(ctx, 'Set-Content', target));
        await engine.writeText(target, text, append, options);
        if (ctx.params.PassThru === true && fixedText === undefined)
          await ctx.write(ctx.params.Value);
      } catch (error) {
        ctx.writeError(error, target.display);
      }
    }
  }
}
