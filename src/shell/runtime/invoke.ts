import type { ParameterDefinition, ParameterType } from '../../core/parameters.js';
import type { ParameterDeclaration, ScriptBlockBody } from '../ast.js';
import type { SourceInfo } from '../errors.js';
import { CallDepthOverflowError, ErrorRecord, ParameterBindingError } from '../errors.js';
import { bindArguments, type BindingArgument } from './binder.js';
import { convertParameter } from './parameter-types.js';
import { COMMON_PARAMETERS } from './common-parameters.js';
import { convertTo } from './convert.js';
import type { Evaluator } from './evaluator.js';
import { ReturnSignal, TerminatingError } from './flow.js';
import { Scope } from './scope.js';
import type { Emit, ExecState } from './state.js';
import { Hashtable, ScriptBlock } from './values.js';

/** Parameter metadata for a script's `param(…)` block, so binding, help and completion share it. */
export function declaredParameters(body: ScriptBlockBody): ParameterDefinition[] {
  const explicit = body.params.some((p) => p.position !== undefined);
  let next = 0;
  return body.params.map((p) => {
    const type = parameterType(p.typeName);
    const position = p.position ?? (explicit || type === 'switch' ? undefined : next++);
    return {
      name: p.name,
      type,
      position,
      mandatory: p.mandatory,
      aliases: p.aliases,
      valueFromPipeline: p.valueFromPipeline,
      valueFromPipelineByPropertyName: p.valueFromPipelineByPropertyName,
      values: p.validateSet,
      help: p.helpMessage,
    };
  });
}

function parameterType(typeName: string | undefined): ParameterType {
  const known: Record<string, ParameterType> = {
    string: 'string',
    'string[]': 'string[]',
    int: 'int',
    int32: 'int',
    long: 'long',
    int64: 'long',
    double: 'double',
    bool: 'bool',
    switch: 'switch',
    scriptblock: 'scriptblock',
    hashtable: 'hashtable',
    datetime: 'datetime',
    'object[]': 'object[]',
  };
  return known[(typeName ?? 'object').toLowerCase().replace(/^system\./, '')] ?? 'object';
}

/** A running invocation of a script body: its scope survives begin → process → end. */
/** Nested function and script block calls allowed before a run stops (PowerShell's limit). */
export const MAX_CALL_DEPTH = 1000;

export class ScriptInvocation {
  readonly scope: Scope;
  private readonly st: ExecState;

  constructor(
    private readonly ev: Evaluator,
    readonly body: ScriptBlockBody,
    source: SourceInfo,
    caller: ExecState,
    dotSource: boolean,
    invocation?: ExecState['invocation'],
  ) {
    this.scope = dotSource ? caller.scope : new Scope(caller.scope, 'function');
    this.st = { ...caller, scope: this.scope, source, invocation: invocation ?? caller.invocation };
  }

  /** Binds arguments to the declared parameters and sets them (and $args) as variables. */
  async bind(args: readonly BindingArgument[]): Promise<Record<string, unknown>> {
    const parameters = declaredParameters(this.body);
    const result = await bindArguments({
      parameters: this.body.cmdletBinding ? [...parameters, ...COMMON_PARAMETERS] : parameters,
      args,
      collectUnbound: !this.body.cmdletBinding,
    });
    await this.promptMissing(parameters, result.bound);
    await this.setParameters(result.bound, result.unbound);
    return result.bound;
  }

  /** Mandatory parameters left unbound: asked for when interactive, an error otherwise. */
  private async promptMissing(
    parameters: ParameterDefinition[],
    bound: Record<string, unknown>,
  ): Promise<void> {
    const missing = parameters.filter(
      (p) => p.mandatory && !(p.name in bound) && !p.valueFromPipeline,
    );
    if (missing.length === 0) return;
    const host = this.ev.session.host;
    if (!host.interactive) {
      throw new ParameterBindingError(
        `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
        'MissingMandatoryParameter',
      );
    }
    host.write('Supply values for the following parameters:\n');
    for (const p of missing) {
      bound[p.name] = convertParameter(
        p,
        await host.readLine(`${p.name}: `, { signal: this.st.signal }),
      );
    }
  }

  async setParameters(bound: Record<string, unknown>, unbound: unknown[]): Promise<void> {
    for (const declaration of this.body.params) {
      const value = await this.parameterValue(declaration, bound);
      this.scope.set(declaration.name, value);
    }
    this.scope.set('args', unbound);
    this.scope.set('PSBoundParameters', Hashtable.from(bound));
    // Common parameters of an advanced function become preferences inside it.
    if (bound.Verbose === true) this.scope.set('VerbosePreference', 'Continue');
    if (typeof bound.ErrorAction === 'string')
      this.scope.set('ErrorActionPreference', bound.ErrorAction);
    if (typeof bound.WarningAction === 'string')
      this.scope.set('WarningPreference', bound.WarningAction);
  }

  private async parameterValue(
    declaration: ParameterDeclaration,
    bound: Record<string, unknown>,
  ): Promise<unknown> {
    const key = Object.keys(bound).find((k) => k.toLowerCase() === declaration.name.toLowerCase());
    let value: unknown;
    if (key !== undefined) value = bound[key];
    else if (declaration.defaultValue)
      value = await this.ev.evaluate(declaration.defaultValue, this.st);
    else if (declaration.typeName?.toLowerCase() === 'switch') value = false;
    else value = null;
    if (
      declaration.typeName &&
      value !== null &&
      !['switch', 'object'].includes(declaration.typeName.toLowerCase())
    ) {
      value = convertTo(value, declaration.typeName);
    }
    return value;
  }

  setInput(dollarUnder: unknown): void {
    this.scope.set('_', dollarUnder);
  }

  async runBlock(which: 'begin' | 'process' | 'end', emit: Emit): Promise<void> {
    const statements = this.body[which];
    if (!statements) return;

    // Runaway recursion would otherwise grow until the process runs out of memory.
    const session = this.ev.session;
    if (session.callDepth >= MAX_CALL_DEPTH) {
      const record = new ErrorRecord(new CallDepthOverflowError(), { source: this.st.source });
      throw new TerminatingError(record, true);
    }

    session.callDepth += 1;
    try {
      await this.ev.runBlock(statements, this.st, emit);
    } catch (error) {
      if (!(error instanceof ReturnSignal)) throw error;
    } finally {
      session.callDepth -= 1;
    }
  }
}

/** Invokes a script block once (no pipeline input): `& { … }`, ForEach-Object, Where-Object. */
export async function invokeScriptBlock(
  ev: Evaluator,
  block: ScriptBlock,
  options: {
    caller: ExecState;
    args: unknown[];
    dotSource: boolean;
    dollarUnder?: unknown;
    emit: Emit;
  },
): Promise<void> {
  const invocation = new ScriptInvocation(
    ev,
    block.body,
    block.source,
    options.caller,
    options.dotSource,
  );
  const saved = options.dotSource ? invocation.scope.getLocal('_') : undefined;
  if (!options.dotSource || block.body.params.length > 0) {
    await invocation.bind(options.args.map((value) => ({ kind: 'positional', value })));
  }
  if ('dollarUnder' in options) invocation.setInput(options.dollarUnder);
  try {
    await invocation.runBlock('begin', options.emit);
    await invocation.runBlock('process', options.emit);
    await invocation.runBlock('end', options.emit);
  } finally {
    if (options.dotSource && 'dollarUnder' in options) {
      if (saved) invocation.scope.set('_', saved.value);
      else invocation.scope.remove('_');
    }
    ev.session.current = options.caller.scope;
  }
}
