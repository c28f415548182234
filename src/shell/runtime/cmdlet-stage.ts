import { isAbortError } from '../../core/errors.js';
import { letEventsIn } from './events.js';
import type { ParameterDefinition } from '../../core/parameters.js';
import type { CmdletDefinition } from '../api.js';
import type { CommandNode } from '../ast.js';
import { ParameterBindingError } from '../errors.js';
import { activeSets, bindArguments, parametersInEffect, type BindingArgument } from './binder.js';
import { COMMON_NAMES, COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from './common-parameters.js';
import { createContext, reportNonTerminating, type InvocationState } from './context.js';
import type { Evaluator } from './evaluator.js';
import { StopUpstream, TerminatingError } from './flow.js';
import { checkNotEmpty, convertParameter } from './parameter-types.js';
import type { Stage } from './pipeline.js';
import type { ErrorRedirect } from './redirect-file.js';
import type { Emit, ExecState } from './state.js';
import { findKey, Hashtable, isObject, ScriptBlock } from './values.js';

let nextProgressId = 1;

/** A cmdlet in a pipeline: command-line binding once, pipeline binding per record. */
export class CmdletStage implements Stage {
  private readonly outVariable: unknown[] = [];

  private constructor(
    private readonly cmdlet: CmdletDefinition,
    private readonly parameters: ParameterDefinition[],
    private readonly bound: Record<string, unknown>,
    private readonly inv: InvocationState,
    private readonly downstream: Emit,
    private readonly expectingInput: boolean,
    private readonly position: number,
  ) {}

  static async create(
    ev: Evaluator,
    cmdlet: CmdletDefinition,
    args: BindingArgument[],
    st: ExecState,
    node: CommandNode,
    downstream: Emit,
    options: { errorRedirect?: ErrorRedirect; position: number },
  ): Promise<CmdletStage> {
    const parameters = [
      ...cmdlet.parameters,
      ...COMMON_PARAMETERS,
      ...(cmdlet.supportsShouldProcess ? SHOULD_PROCESS_PARAMETERS : []),
    ];
    const result = await bindArguments({
      parameters,
      args,
      defaultParameterSet: cmdlet.defaultParameterSet,
      dynamicParameters: cmdlet.dynamicParameters
        ? async (bound) => (await cmdlet.dynamicParameters?.(bound, ev.session)) ?? []
        : undefined,
    });
    const common: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(result.bound)) {
      if (COMMON_NAMES.has(key.toLowerCase())) common[key] = value;
    }
    const inv: InvocationState = {
      commandName: cmdlet.name,
      confirmImpact: cmdlet.confirmImpact,
      extent: node.extent,
      source: st.source,
      st,
      ev,
      common,
      errorRedirect: options.errorRedirect,
      progressId: nextProgressId++,
      hadError: false,
      merged: [],
      locals: {},
    };
    return new CmdletStage(
      cmdlet,
      result.parameters,
      result.bound,
      inv,
      downstream,
      options.position > 1,
      options.position,
    );
  }

  get failed(): boolean {
    return this.inv.hadError;
  }

  private write = async (value: unknown): Promise<void> => {
    await letEventsIn();
    if (this.inv.st.signal.aborted) this.inv.ev.checkCancel(this.inv.st);
    if (typeof this.inv.common.OutVariable === 'string') this.outVariable.push(value);
    await this.downstream(value);
  };

  async begin(): Promise<void> {
    if (!this.cmdlet.begin) return;
    const ctx = createContext(this.inv, this.bound, undefined, this.expectingInput, this.write);
    await this.guard(() => this.cmdlet.begin?.(ctx));
  }

  async process(input: unknown, hasInput: boolean): Promise<void> {
    const params = hasInput ? this.bindPipeline(input) : { ...this.bound };
    if (!params) return;
    try {
      await this.guard(async () => {
        await this.ensureMandatory(params);
        const value = hasInput ? input : undefined;
        const ctx = createContext(this.inv, params, value, this.expectingInput, this.write);
        await this.cmdlet.process?.(ctx);
      });
    } catch (error) {
      if (error instanceof StopUpstream && error.origin === undefined) error.origin = this;
      throw error;
    }
    await this.flushMerged();
  }

  async end(): Promise<void> {
    if (this.cmdlet.end) {
      const ctx = createContext(this.inv, this.bound, undefined, this.expectingInput, this.write);
      await this.guard(() => this.cmdlet.end?.(ctx));
      await this.flushMerged();
    }
    const name = this.inv.common.OutVariable;
    if (typeof name === 'string')
      this.inv.st.scope.set(name.replace(/^\+/, ''), [...this.outVariable]);
  }

  private async flushMerged(): Promise<void> {
    const records = this.inv.merged.splice(0);
    for (const record of records) await this.downstream(record);
  }

  /** Cmdlet failures become statement-terminating errors attributed to the cmdlet. */
  private async guard(run: () => Promise<void> | void): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (error instanceof TerminatingError || isAbortError(error)) throw error;
      if (error && typeof error === 'object' && !(error instanceof Error)) throw error;
      throw this.inv.ev.wrap(error, this.inv.extent, this.inv.st, this.cmdlet.name);
    }
  }

  /** Binds one pipeline record: by value, then by property name, then by value with coercion. */
  private bindPipeline(input: unknown): Record<string, unknown> | undefined {
    const params = { ...this.bound };
    const open = this.parameters.filter(
      (p) => (p.valueFromPipeline || p.valueFromPipelineByPropertyName) && !(p.name in this.bound),
    );
    const fits = (p: ParameterDefinition): boolean => {
      if (!p.parameterSets) return true;
      const sets = activeSets(params, this.parameters, false);
      return !sets || p.parameterSets.some((s) => sets.has(s));
    };
    const tryBind = (p: ParameterDefinition, value: unknown): boolean => {
      if (p.name in params || !fits(p)) return false;
      try {
        params[p.name] = convertParameter(p, value);
        return true;
      } catch {
        return false;
      }
    };

    let bound = false;
    for (const p of open)
      if (p.valueFromPipeline && exactType(p, input) && tryBind(p, input)) bound = true;
    if (isObject(input) && !(input instanceof Hashtable)) {
      for (const p of open) {
        if (!p.valueFromPipelineByPropertyName) continue;
        const key = [p.name, ...(p.aliases ?? [])]
          .map((n) => findKey(input, n))
          .find((k) => k !== undefined);
        if (key !== undefined && tryBind(p, input[key])) bound = true;
      }
    }
    if (!bound) for (const p of open) if (p.valueFromPipeline && tryBind(p, input)) bound = true;

    if (!bound) {
      reportNonTerminating(
        this.inv,
        new ParameterBindingError(
          'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
          'InputObjectNotBound',
        ),
        input,
      );
      return undefined;
    }
    return params;
  }

  private async ensureMandatory(params: Record<string, unknown>): Promise<void> {
    const inEffect = parametersInEffect(params, this.parameters, this.cmdlet.defaultParameterSet);
    const missing = inEffect.filter((p) => p.mandatory && !(p.name in params));
    for (const p of inEffect) {
      if (p.mandatory && p.name in params) checkNotEmpty(p, params[p.name]);
    }
    if (missing.length === 0) return;

    const host = this.inv.ev.session.host;
    if (!host.interactive) {
      throw new ParameterBindingError(
        `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
        'MissingMandatoryParameter',
      );
    }
    host.write(
      `\ncmdlet ${this.cmdlet.name} at command pipeline position ${this.position}\nSupply values for the following parameters:\n`,
    );
    for (const p of missing) {
      const values: string[] = [];
      const many = p.type.endsWith('[]');
      for (;;) {
        const answer = await host.readLine(many ? `${p.name}[${values.length}]: ` : `${p.name}: `, {
          signal: this.inv.st.signal,
        });
        if (!many) {
          values.push(answer);
          break;
        }
        if (answer === '') break;
        values.push(answer);
      }
      params[p.name] = convertParameter(p, many ? values : values[0]);
      checkNotEmpty(p, params[p.name]);
    }
  }
}

function exactType(p: ParameterDefinition, input: unknown): boolean {
  switch (p.type) {
    case 'object':
    case 'object[]':
      return true;
    case 'string':
    case 'string[]':
      return typeof input === 'string';
    case 'int':
    case 'long':
    case 'double':
      return typeof input === 'number';
    case 'bool':
    case 'switch':
      return typeof input === 'boolean';
    case 'scriptblock':
      return input instanceof ScriptBlock;
    case 'hashtable':
      return input instanceof Hashtable;
    case 'datetime':
      return input instanceof Date;
  }
  return false;
}
