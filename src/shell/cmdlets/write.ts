import type { CmdletDefinition } from '../api.js';
import { JafsError } from '../../core/errors.js';
import { toArray, toStr } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';

const COLORS = [
  'Black',
  'DarkBlue',
  'DarkGreen',
  'DarkCyan',
  'DarkRed',
  'DarkMagenta',
  'DarkYellow',
  'Gray',
  'DarkGray',
  'Blue',
  'Green',
  'Cyan',
  'Red',
  'Magenta',
  'Yellow',
  'White',
];
const ANSI: Record<string, number> = {
  Black: 30,
  DarkBlue: 34,
  DarkGreen: 32,
  DarkCyan: 36,
  DarkRed: 31,
  DarkMagenta: 35,
  DarkYellow: 33,
  Gray: 37,
  DarkGray: 90,
  Blue: 94,
  Green: 92,
  Cyan: 96,
  Red: 91,
  Magenta: 95,
  Yellow: 93,
  White: 97,
};

/** A non-terminating error raised on purpose by Write-Error. */
export class WriteErrorException extends JafsError {
  constructor(message: string, errorId: string, category: string) {
    super(message, {
      code: 'EWRITEERROR',
      errorId,
      category: category as never,
    });
    this.name = 'WriteErrorException';
  }
}

export const writeCmdlets: CmdletDefinition[] = [
  {
    name: 'Write-Output',
    aliases: ['echo', 'write'],
    synopsis: 'Writes the specified objects to the pipeline.',
    parameters: [
      {
        ...INPUT_OBJECT,
        type: 'object[]',
        position: 0,
        mandatory: true,
        valueFromRemainingArguments: true,
      },
      param('NoEnumerate', 'switch', { help: 'Writes a collection as one object.' }),
    ],
    examples: [{ code: "Write-Output 'hello'", remarks: 'Writes the string to the pipeline.' }],
    async process(ctx) {
      const value = ctx.params.InputObject;
      if (ctx.params.NoEnumerate === true) {
        await ctx.write(value);
        return;
      }
      for (const item of toArray(value)) await ctx.write(item);
    },
  },
  {
    name: 'Write-Host',
    synopsis: 'Writes text straight to the host, bypassing the pipeline.',
    parameters: [
      param('Object', 'object', {
        position: 0,
        valueFromPipeline: true,
        valueFromRemainingArguments: true,
      }),
      param('NoNewline', 'switch'),
      param('Separator', 'object'),
      param('ForegroundColor', 'string', { values: COLORS }),
      param('BackgroundColor', 'string', { values: COLORS }),
    ],
    examples: [
      { code: "Write-Host 'Done' -ForegroundColor Green", remarks: 'Shows a green message.' },
    ],
    process(ctx) {
      const separator = ctx.params.Separator === undefined ? ' ' : toStr(ctx.params.Separator);
      const value = ctx.params.Object;
      let text = Array.isArray(value) ? value.map(toStr).join(separator) : toStr(value);
      const color = ctx.params.ForegroundColor;
      if (ctx.host.color && typeof color === 'string') text = `\x1b[${ANSI[color]}m${text}\x1b[0m`;
      ctx.host.write(ctx.params.NoNewline === true ? text : `${text}\n`);
    },
  },
  {
    name: 'Write-Error',
    synopsis: 'Writes a non-terminating error.',
    parameters: [
      param('Message', 'string', {
        position: 0,
        mandatory: true,
        valueFromPipeline: true,
        aliases: ['Msg'],
      }),
      param('ErrorId', 'string'),
      param('Category', 'string'),
      param('TargetObject', 'object'),
    ],
    process(ctx) {
      const error = new WriteErrorException(
        toStr(ctx.params.Message),
        toStr(ctx.params.ErrorId ?? 'Microsoft.PowerShell.Commands.WriteErrorException'),
        toStr(ctx.params.Category ?? 'NotSpecified'),
      );
      ctx.writeError(error, ctx.params.TargetObject);
    },
  },
  {
    name: 'Write-Warning',
    synopsis: 'Writes a warning message.',
    parameters: [
      param('Message', 'string', {
        position: 0,
        mandatory: true,
        valueFromPipeline: true,
        aliases: ['Msg'],
      }),
    ],
    process(ctx) {
      ctx.writeWarning(toStr(ctx.params.Message));
    },
  },
  {
    name: 'Write-Verbose',
    synopsis: 'Writes a verbose message (shown with -Verbose or $VerbosePreference).',
    parameters: [
      param('Message', 'string', {
        position: 0,
        mandatory: true,
        valueFromPipeline: true,
        aliases: ['Msg'],
      }),
    ],
    process(ctx) {
      ctx.writeVerbose(toStr(ctx.params.Message));
    },
  },
  {
    name: 'Write-Progress',
    synopsis: 'Shows a progress bar for a long operation.',
    parameters: [
      param('Activity', 'string', { position: 0 }),
      param('Status', 'string', { position: 1 }),
      param('Id', 'int', { position: 2 }),
      param('PercentComplete', 'int'),
      param('CurrentOperation', 'string'),
      param('Completed', 'switch'),
    ],
    process(ctx) {
      const p = ctx.params;
      if (p.Completed === true) {
        ctx.progress(undefined);
        return;
      }
      ctx.progress({
        activity: toStr(p.Activity ?? ''),
        status: p.Status === undefined ? undefined : toStr(p.Status),
        itemsDone: typeof p.PercentComplete === 'number' ? p.PercentComplete : undefined,
        itemsTotal: typeof p.PercentComplete === 'number' ? 100 : undefined,
      });
    },
  },
];
