import type { CmdletContext, CmdletDefinition } from '../../api.js';
import {
  FILTER_PARAMETERS,
  FORCE_PARAMETER,
  dynamicValues,
  engineOf,
  forEachItem,
  operationOptions,
  pathParameters,
  providerDynamicParameters,
  targetPaths,
} from './common.js';
import { ENCODING_NAMES, encodingNamed } from './content-encoding.js';
import { readRecords, type RecordOptions } from './content-reader.js';
import { followRecords, refuseWait } from './content-wait.js';

export { addContent, setContent } from './content-write.js';

/**
 * Get-Content: the lines of a file, or with -Delimiter its records, -Raw the whole text,
 * -AsByteStream its bytes. Text is UTF-8 unless -Encoding says otherwise; a byte order mark at
 * the start wins, as in PowerShell.
 */
export const getContent: CmdletDefinition = {
  name: 'Get-Content',
  aliases: ['gc', 'type', 'cat'],
  synopsis: 'Gets the content of a file, line by line.',
  description:
    'Works on every drive: local files and Jottacloud files alike. -Wait keeps reading what is ' +
    'appended to a local file until Ctrl+C; on Jottacloud drives it is refused (it would poll ' +
    'the service every second).',
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
    {
      name: 'Delimiter',
      type: 'string',
      help: 'Ends each record at this string instead of at line breaks (it is not kept).',
    },
    {
      name: 'Encoding',
      type: 'string',
      suggestions: ENCODING_NAMES,
      help: 'Text encoding (default utf8NoBOM); a byte order mark in the file wins.',
    },
    { name: 'AsByteStream', type: 'switch', help: 'Writes the bytes (0–255) instead of text.' },
    { name: 'Wait', type: 'switch', help: 'Keeps reading what is appended (local files).' },
    ...FILTER_PARAMETERS,
    FORCE_PARAMETER,
  ],
  defaultParameterSet: 'Path',
  examples: [
    { code: 'Get-Content notes.txt -TotalCount 5', remarks: 'The first five lines.' },
    { code: 'cat JAFS:\\Jotta\\Archive\\todo.txt -Raw', remarks: 'A cloud file as one string.' },
    { code: 'Get-Content legacy.txt -Encoding latin1', remarks: 'An ISO-8859-1 file.' },
    { code: "Get-Content data.csv -Delimiter ';'", remarks: 'Records ended by semicolons.' },
    {
      code: 'Get-Content image.png -AsByteStream -TotalCount 8',
      remarks: 'The first eight bytes, as numbers.',
    },
    { code: 'Get-Content app.log -Tail 10 -Wait', remarks: 'Follows a local log (Ctrl+C).' },
  ],
  dynamicParameters: providerDynamicParameters('Get-Content'),
  begin(ctx) {
    // An unknown encoding stops the command before anything is read, as binding would.
    encodingNamed(ctx.params.Encoding);
    if (ctx.params.AsByteStream === true && ctx.params.Encoding !== undefined) {
      ctx.writeWarning('The Encoding parameter is ignored when AsByteStream is given.');
    }
  },
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const params = ctx.params;
    const records = recordOptions(ctx);
    const readCount = params.ReadCount === undefined ? 1 : Number(params.ReadCount);

    await forEachItem(ctx, targetPaths(params), operationOptions(ctx), async (item) => {
      const options = operationOptions(ctx, dynamicValues(ctx, 'Get-Content', item.path));
      if (params.Wait === true) refuseWait(item);

      const content = await engine.openContent(item, options);
      const stream = await content.open(0, ctx.signal);
      await writeBatched(ctx, readRecords(stream, records), records.raw ? 1 : readCount);
      // With -TotalCount, PowerShell stops once that many lines came; it follows only without.
      if (params.Wait === true && params.TotalCount === undefined) {
        await writeBatched(ctx, followRecords(engine, item, content, records, ctx.signal), 1);
      }
    });
  },
};

function recordOptions(ctx: CmdletContext): RecordOptions {
  const params = ctx.params;
  return {
    encoding: encodingNamed(params.Encoding),
    delimiter: params.Delimiter === undefined ? undefined : String(params.Delimiter),
    raw: params.Raw === true,
    asBytes: params.AsByteStream === true,
    totalCount: params.TotalCount === undefined ? undefined : Number(params.TotalCount),
    tail: params.Tail === undefined ? undefined : Number(params.Tail),
  };
}

/** -ReadCount N: arrays of N records (the last may be shorter); 0 or less: one array. */
async function writeBatched(ctx: CmdletContext, records: AsyncIterable<unknown>, size: number) {
  if (size === 1) {
    for await (const record of records) await ctx.write(record);
    return;
  }

  let batch: unknown[] = [];
  for await (const record of records) {
    batch.push(record);
    if (size > 0 && batch.length === size) {
      await ctx.write(batch);
      batch = [];
    }
  }

  if (batch.length > 0) await ctx.write(batch);
}

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
