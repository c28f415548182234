import type { CmdletContext, CmdletDefinition } from '../../api.js';
import type { ParameterDefinition } from '../../../core/parameters.js';
import { ItemNotFoundError, PartOfPathNotFoundError } from '../../../provider/errors.js';
import { parentOf, type ItemPath } from '../../../provider/item-path.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
  dynamicValues,
  engineOf,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  targetPaths,
} from './common.js';
import { ENCODING_NAMES, encodingNamed } from './content-encoding.js';
import { gathered, gathering, isPipedValue, startGathering } from './content-gather.js';
import { contentFor, valueList } from './content-bytes.js';

const VALUE: ParameterDefinition = {
  name: 'Value',
  type: 'object[]',
  position: 1,
  mandatory: true,
  valueFromPipeline: true,
  valueFromPipelineByPropertyName: true,
  help: 'The content: each value becomes one line (bytes with -AsByteStream).',
};

const WRITE_PARAMETERS: readonly ParameterDefinition[] = [
  { ...pathParameters({ mandatory: true, byValue: false })[0] },
  pathParameters()[1],
  VALUE,
  { name: 'NoNewline', type: 'switch', help: 'No line breaks between or after the values.' },
  {
    name: 'Encoding',
    type: 'string',
    suggestions: ENCODING_NAMES,
    help: 'Text encoding (default utf8NoBOM); unicode, utf8BOM and utf32 start with a BOM.',
  },
  { name: 'AsByteStream', type: 'switch', help: 'The values are bytes (0–255), written as is.' },
  ...FILTER_PARAMETERS,
  FORCE_PARAMETER,
  PASSTHRU_PARAMETER,
];

/** Checks -Encoding before anything is written (an unknown name stops the command). */
function checkEncoding(ctx: CmdletContext): void {
  encodingNamed(ctx.params.Encoding);
  if (ctx.params.AsByteStream === true && ctx.params.Encoding !== undefined) {
    ctx.writeWarning('The Encoding parameter is ignored when AsByteStream is given.');
  }
}

/**
 * Set-Content. With pipeline input and a -Path given on the command line, the piped values are
 * gathered and written once at the end, as PowerShell's one writer per pipeline does: one upload
 * (one revision) on JAFS:, not one per record. Piped items that bring their own paths are
 * written one by one.
 */
export const setContent: CmdletDefinition = {
  name: 'Set-Content',
  synopsis: 'Replaces the content of a file with new text.',
  description:
    'Writes each value as a line (UTF-8 without a byte order mark unless -Encoding says ' +
    'otherwise), on local and Jottacloud drives alike. -AsByteStream writes bytes as they are.',
  parameters: WRITE_PARAMETERS,
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    { code: "Set-Content notes.txt 'first line','second line'", remarks: 'Two lines.' },
    { code: "'a','b' | Set-Content JAFS:\\Jotta\\Archive\\ab.txt", remarks: 'Piped lines.' },
    { code: "Set-Content win.txt 'text' -Encoding unicode", remarks: 'UTF-16 with its BOM.' },
    { code: 'Set-Content bytes.bin -Value 0,1,255 -AsByteStream', remarks: 'Three bytes.' },
  ],
  dynamicParameters: providerDynamicParameters('Set-Content'),
  async begin(ctx) {
    checkEncoding(ctx);

    // Outside the shell there is nowhere to gather: empty the file once, each record appends.
    if (startGathering(ctx) === 'per record') await writeValues(ctx, 'Set Content', [], false);
  },
  async process(ctx) {
    if (gathered(ctx)) return;
    await writeValues(ctx, 'Set Content', ctx.params.Value, isPipedValue(ctx));
  },
  end: (ctx) => writeGathered(ctx, 'Set Content', false),
};

/** Add-Content: appends lines to a file (creating it). */
export const addContent: CmdletDefinition = {
  name: 'Add-Content',
  aliases: ['ac'],
  synopsis: 'Appends text to a file.',
  description:
    'Appends each value as a line. A byte order mark (-Encoding unicode, utf8BOM, utf32) is ' +
    'written only when the file is new or empty.',
  parameters: WRITE_PARAMETERS,
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  examples: [
    { code: "Add-Content log.txt 'one more line'", remarks: 'Appends a line.' },
    { code: "Add-Content log.txt 'no break' -NoNewline", remarks: 'Appends without a break.' },
  ],
  dynamicParameters: providerDynamicParameters('Add-Content'),
  begin(ctx) {
    checkEncoding(ctx);
    startGathering(ctx);
  },
  async process(ctx) {
    if (gathered(ctx)) return;
    await writeValues(ctx, 'Add Content', ctx.params.Value, true);
  },
  end: (ctx) => writeGathered(ctx, 'Add Content', true),
};

/** At the end of the pipeline: one write of everything gathered (Set-Content even of nothing). */
async function writeGathered(
  ctx: CmdletContext,
  action: 'Set Content' | 'Add Content',
  append: boolean,
): Promise<void> {
  const values = gathering(ctx);
  if (!values || (append && values.length === 0)) return;
  await writeValues(ctx, action, values, append);
}

/**
 * A new file goes only into a folder that exists, on every drive (a Jottacloud upload would
 * make the missing folders): PowerShell's file-system error otherwise.
 */
async function checkParent(ctx: CmdletContext, target: ItemPath): Promise<void> {
  const parent = parentOf(target);
  if (parent === undefined) return;
  const folder = await engineOf(ctx.session).tryGetItem(parent, { signal: ctx.signal });
  if (folder?.isContainer) return;
  throw new PartOfPathNotFoundError(target.display, 'GetContentWriterDirectoryNotFoundError');
}

/**
 * Writes the bound values to every target: existing items matched by the paths (wildcards
 * allowed), or a new item at a literal path that does not exist yet.
 */
async function writeValues(
  ctx: CmdletContext,
  action: 'Set Content' | 'Add Content',
  values: unknown,
  append: boolean,
): Promise<void> {
  const engine = engineOf(ctx.session);
  const { paths, literal } = targetPaths(ctx.params);

  for (const path of paths) {
    let targets: ItemPath[];
    let created = false;
    try {
      const found = await engine.resolve(path, { ...operationOptions(ctx), literal });
      targets = found.map((entry) => entry.path);
    } catch (error) {
      if (!(error instanceof ItemNotFoundError)) {
        ctx.writeError(error, path);
        continue;
      }

      targets = [engine.lexicalPath(path, literal)];
      created = true;
    }

    for (const target of targets) {
      try {
        if (!(await ctx.shouldProcess(`Path: ${target.display}`, action))) continue;
        if (created) await checkParent(ctx, target);
        const options = operationOptions(ctx, dynamicValues(ctx, 'Set-Content', target));
        const bytes = await contentFor(ctx, target, values, append);
        await engine.writeText(target, bytes, append, options);
        if (ctx.params.PassThru === true) {
          for (const value of valueList(values)) await ctx.write(value);
        }
      } catch (error) {
        ctx.writeError(error, target.display);
      }
    }
  }
}
