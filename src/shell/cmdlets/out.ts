import type { CmdletContext, CmdletDefinition } from '../api.js';
import { localsOf } from '../runtime/context.js';
import { renderValues } from '../format/out-default.js';
import { FormattedText } from '../format/formatted.js';
import { INPUT_OBJECT, param } from './define.js';

/** A cmdlet that gathers all its input and acts once at the end (Sort-Object, Out-String…). */
export function collecting(
  definition: Omit<CmdletDefinition, 'begin' | 'process' | 'end'>,
  finish: (
    items: unknown[],
    ctx: Parameters<NonNullable<CmdletDefinition['end']>>[0],
  ) => Promise<void> | void,
): CmdletDefinition {
  const items = (ctx: CmdletContext): unknown[] => {
    const locals = localsOf(ctx);
    locals.items ??= [];
    return locals.items as unknown[];
  };
  return {
    ...definition,
    process(ctx) {
      if (ctx.expectingInput) items(ctx).push(ctx.input);
      else if (ctx.params.InputObject !== undefined) {
        const value = ctx.params.InputObject;
        items(ctx).push(...(Array.isArray(value) ? value : [value]));
      }
    },
    async end(ctx) {
      await finish(items(ctx), ctx);
    },
  };
}

export const outCmdlets: CmdletDefinition[] = [
  {
    name: 'Out-Null',
    synopsis: 'Discards its input.',
    parameters: [INPUT_OBJECT],
  },
  collecting(
    {
      name: 'Out-Host',
      aliases: ['oh'],
      synopsis: 'Sends output to the host as formatted text.',
      parameters: [INPUT_OBJECT, param('Paging', 'switch')],
    },
    (items, ctx) => {
      const text = items
        .map((i) => (i instanceof FormattedText ? i.text : renderValues([i], ctx.host.width)))
        .join('');
      if (text) ctx.host.write(text);
    },
  ),
  collecting(
    {
      name: 'Out-String',
      synopsis: 'Converts objects to the text Out-Default would print.',
      parameters: [
        INPUT_OBJECT,
        param('Stream', 'switch'),
        param('Width', 'int'),
        param('NoNewline', 'switch'),
      ],
    },
    async (items, ctx) => {
      const width = typeof ctx.params.Width === 'number' ? ctx.params.Width : ctx.host.width;
      let text = '';
      let run: unknown[] = [];
      const flush = (): void => {
        if (run.length) text += renderValues(run, width);
        run = [];
      };
      for (const item of items) {
        if (item instanceof FormattedText) {
          flush();
          text += item.text;
        } else run.push(item);
      }
      flush();
      if (ctx.params.Stream === true) {
        for (const line of text.replace(/\n$/, '').split('\n')) await ctx.write(line);
        return;
      }
      await ctx.write(ctx.params.NoNewline === true ? text.replace(/\n/g, '') : text);
    },
  ),
];
