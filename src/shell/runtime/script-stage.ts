import { isAbortError } from '../../core/errors.js';
import type { CommandNode, ScriptBlockBody } from '../ast.js';
import { ParameterBindingError, type SourceInfo } from '../errors.js';
import type { BindingArgument } from './binder.js';
import { convertTo } from './convert.js';
import type { Evaluator } from './evaluator.js';
import { TerminatingError } from './flow.js';
import { ScriptInvocation } from './invoke.js';
import type { Stage } from './pipeline.js';
import type { Emit, ExecState } from './state.js';
import { findKey, isObject } from './values.js';

/**
 * A function or script block in a pipeline. With a process block it runs once per record with
 * `$_` set; otherwise the records are gathered into `$input` for the end block.
 */
export class ScriptStage implements Stage {
  private readonly collected: unknown[] = [];
  failed = false;

  private constructor(
    private readonly invocation: ScriptInvocation,
    private readonly body: ScriptBlockBody,
    private readonly downstream: Emit,
  ) {}

  static async create(
    ev: Evaluator,
    body: ScriptBlockBody,
    source: SourceInfo,
    args: BindingArgument[],
    st: ExecState,
    node: CommandNode,
    downstream: Emit,
    dotSource: boolean,
  ): Promise<ScriptStage> {
    const call =
      typeof node.name === 'string'
        ? { name: node.name, extent: node.extent, source: st.source }
        : undefined;
    const invocation = new ScriptInvocation(ev, body, source, st, dotSource, call);
    try {
      await invocation.bind(args);
    } catch (error) {
      if (error instanceof TerminatingError || isAbortError(error)) throw error;
      const extent =
        error instanceof ParameterBindingError && error.extent ? error.extent : node.extent;
      throw ev.wrap(error, extent, st, typeof node.name === 'string' ? node.name : undefined);
    }
    return new ScriptStage(invocation, body, downstream);
  }

  begin(): Promise<void> {
    return this.invocation.runBlock('begin', this.downstream);
  }

  async process(input: unknown, hasInput: boolean): Promise<void> {
    if (hasInput) {
      this.invocation.setInput(input);
      this.bindPipelineParameters(input);
    }
    if (this.body.process) {
      await this.invocation.runBlock('process', this.downstream);
    } else if (hasInput) {
      this.collected.push(input);
    }
  }

  async end(): Promise<void> {
    this.invocation.scope.set('input', this.collected);
    await this.invocation.runBlock('end', this.downstream);
  }

  private bindPipelineParameters(input: unknown): void {
    for (const p of this.body.params) {
      let value: unknown;
      let found = false;
      if (p.valueFromPipeline) {
        value = input;
        found = true;
      } else if (p.valueFromPipelineByPropertyName && isObject(input)) {
        const key = [p.name, ...p.aliases]
          .map((n) => findKey(input, n))
          .find((k) => k !== undefined);
        if (key !== undefined) {
          value = input[key];
          found = true;
        }
      }
      if (found) {
        this.invocation.scope.set(
          p.name,
          p.typeName && p.typeName.toLowerCase() !== 'object'
            ? convertTo(value, p.typeName)
            : value,
        );
      }
    }
  }
}
