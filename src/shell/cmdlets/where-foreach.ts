import type { CmdletContext, CmdletDefinition } from '../api.js';
import { ScriptRuntimeError } from '../errors.js';
import { invokeForCmdlet } from '../runtime/context.js';
import { getMember, invokeMethod } from '../runtime/members.js';
import { binaryOperator } from '../runtime/operators.js';
import { findKey, Hashtable, isObject, ScriptBlock, toBool, toArray } from '../runtime/values.js';
import { INPUT_OBJECT, param } from './define.js';

/** Where-Object's simplified-syntax operator switches and the operator each means. */
const OPERATORS: Record<string, string> = {
  EQ: 'eq',
  NE: 'ne',
  GT: 'gt',
  GE: 'ge',
  LT: 'lt',
  LE: 'le',
  Like: 'like',
  NotLike: 'notlike',
  Match: 'match',
  NotMatch: 'notmatch',
  Contains: 'contains',
  NotContains: 'notcontains',
  In: 'in',
  NotIn: 'notin',
  CEQ: 'ceq',
  CNE: 'cne',
  CGT: 'cgt',
  CGE: 'cge',
  CLT: 'clt',
  CLE: 'cle',
  CLike: 'clike',
  CNotLike: 'cnotlike',
  CMatch: 'cmatch',
  CNotMatch: 'cnotmatch',
  CContains: 'ccontains',
  CNotContains: 'cnotcontains',
  CIn: 'cin',
  CNotIn: 'cnotin',
  Is: 'is',
  IsNot: 'isnot',
};

async function whereTest(ctx: CmdletContext): Promise<boolean> {
  const p = ctx.params;
  if (p.FilterScript instanceof ScriptBlock) {
    const out = await invokeForCmdlet(ctx, p.FilterScript, { input: ctx.input });
    return out.some((value) => toBool(value));
  }
  const property = String(p.Property ?? '');
  const value = getMember(ctx.input, property);
  const switchName = Object.keys(OPERATORS).find((name) => p[name] === true);
  if (p.Not === true) return !toBool(value);
  if (!switchName) return toBool(value);
  const op = OPERATORS[switchName];
  return toBool(binaryOperator(op, value, p.Value, { setMatches: () => undefined }));
}

export const whereForeachCmdlets: CmdletDefinition[] = [
  {
    name: 'Where-Object',
    aliases: ['where', '?'],
    synopsis: 'Selects objects from a collection based on their property values.',
    defaultParameterSet: 'EqualSet',
    parameters: [
      { ...INPUT_OBJECT },
      param('FilterScript', 'scriptblock', {
        position: 0,
        mandatory: true,
        parameterSets: ['ScriptBlockSet'],
      }),
      param('Property', 'string', {
        position: 0,
        mandatory: true,
        parameterSets: ['EqualSet', 'OperatorSet'],
      }),
      param('Value', 'object', { position: 1, parameterSets: ['EqualSet', 'OperatorSet'] }),
      ...Object.keys(OPERATORS).map((name) =>
        param(name, 'switch', { parameterSets: ['OperatorSet'] }),
      ),
      param('Not', 'switch', { parameterSets: ['OperatorSet'] }),
    ],
    examples: [
      {
        code: 'Get-ChildItem | Where-Object { $_.Length -gt 1MB }',
        remarks: 'Files larger than 1 MB (script block).',
      },
      {
        code: 'Get-ChildItem | Where-Object Name -like *.txt',
        remarks: 'The simplified comparison syntax.',
      },
    ],
    async process(ctx) {
      if (!ctx.expectingInput) return;
      if (
        ctx.params.Property !== undefined &&
        ctx.params.Value !== undefined &&
        !Object.keys(OPERATORS).some((n) => ctx.params[n] === true)
      ) {
        const matches = toBool(
          binaryOperator(
            'eq',
            getMember(ctx.input, String(ctx.params.Property)),
            ctx.params.Value,
            { setMatches: () => undefined },
          ),
        );
        if (matches) await ctx.write(ctx.input);
        return;
      }
      if (await whereTest(ctx)) await ctx.write(ctx.input);
    },
  },
  {
    name: 'ForEach-Object',
    aliases: ['foreach', '%'],
    synopsis: 'Runs a script block (or reads a member) for each input object.',
    defaultParameterSet: 'ScriptBlockSet',
    parameters: [
      { ...INPUT_OBJECT },
      param('Process', 'object[]', {
        position: 0,
        mandatory: true,
        parameterSets: ['ScriptBlockSet'],
        valueFromRemainingArguments: false,
      }),
      param('Begin', 'scriptblock', { parameterSets: ['ScriptBlockSet'] }),
      param('End', 'scriptblock', { parameterSets: ['ScriptBlockSet'] }),
      param('RemainingScripts', 'object[]', {
        parameterSets: ['ScriptBlockSet'],
        valueFromRemainingArguments: true,
      }),
      param('MemberName', 'string', {
        position: 0,
        mandatory: true,
        parameterSets: ['PropertyAndMethodSet'],
      }),
      param('ArgumentList', 'object[]', {
        parameterSets: ['PropertyAndMethodSet'],
        aliases: ['Args'],
      }),
    ],
    examples: [
      { code: '1..3 | ForEach-Object { $_ * 2 }', remarks: 'Doubles each number.' },
      { code: 'Get-ChildItem | ForEach-Object Name', remarks: 'The member-name form.' },
    ],
    async begin(ctx) {
      if (ctx.params.Begin instanceof ScriptBlock) {
        await invokeForCmdlet(ctx, ctx.params.Begin, { hasInput: false, emit: ctx.write });
      }
    },
    async process(ctx) {
      const blocks = toArray(ctx.params.Process).concat(toArray(ctx.params.RemainingScripts ?? []));
      if (blocks.length > 0 && blocks.every((b) => b instanceof ScriptBlock)) {
        for (const block of blocks)
          await invokeForCmdlet(ctx, block as ScriptBlock, { input: ctx.input, emit: ctx.write });
        return;
      }
      // `ForEach-Object Split ','` binds like -MemberName Split -ArgumentList ','.
      const member = String(ctx.params.MemberName ?? blocks[0] ?? '');
      const extra = ctx.params.MemberName === undefined ? blocks.slice(1) : [];
      const argumentList = ctx.params.ArgumentList ?? (extra.length ? extra : undefined);
      if (!member)
        throw new ScriptRuntimeError(
          'ForEach-Object needs a script block or a member name.',
          'ArgumentNull',
        );
      const value = ctx.input;
      if (argumentList !== undefined || !hasProperty(value, member)) {
        const result = await invokeMethod(
          value,
          member,
          toArray(argumentList ?? []),
          async () => [],
        );
        for (const item of Array.isArray(result) ? result : [result]) {
          if (item !== undefined) await ctx.write(item);
        }
        return;
      }
      const result = getMember(value, member);
      for (const item of Array.isArray(result) ? result : [result]) await ctx.write(item);
    },
    async end(ctx) {
      if (ctx.params.End instanceof ScriptBlock) {
        await invokeForCmdlet(ctx, ctx.params.End, { hasInput: false, emit: ctx.write });
      }
    },
  },
];

function hasProperty(value: unknown, name: string): boolean {
  if (/^(length|count)$/i.test(name)) return true;
  if (value instanceof Hashtable) return value.has(name);
  return isObject(value) && findKey(value, name) !== undefined;
}
