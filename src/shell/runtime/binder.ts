import type { ParameterDefinition } from '../../core/parameters.js';
import type { BoundParameters, SessionApi } from '../api.js';
import type { Extent } from '../ast.js';
import { atExtent, ParameterBindingError } from '../errors.js';
import { convertParameter } from './parameter-types.js';
import { Hashtable, ScriptBlock, toStr } from './values.js';

/** One argument after evaluation: `-Name`, `-Name:value`, or a positional value. */
export type BindingArgument =
  | { kind: 'named'; name: string; value?: unknown; hasValue: boolean; extent?: Extent }
  | { kind: 'positional'; value: unknown; extent?: Extent };

export interface BindingRequest {
  parameters: readonly ParameterDefinition[];
  args: readonly BindingArgument[];
  defaultParameterSet?: string;
  /** Asked once the static parameters are bound (provider dynamic parameters). */
  dynamicParameters?: (bound: BoundParameters) => Promise<readonly ParameterDefinition[]>;
  /** Functions without [CmdletBinding()] put unmatched arguments in `$args` instead of failing. */
  collectUnbound?: boolean;
}

export interface BindingResult {
  bound: Record<string, unknown>;
  parameters: ParameterDefinition[];
  unbound: unknown[];
}

/**
 * Binds command-line arguments to parameters: named (exact, alias, unambiguous prefix), then
 * positional by position, then dynamic parameters, then whatever was waiting for them.
 */
export async function bindArguments(request: BindingRequest): Promise<BindingResult> {
  const parameters = [...request.parameters];
  const bound: Record<string, unknown> = {};
  const unbound: unknown[] = [];
  const pending: {
    arg: Extract<BindingArgument, { kind: 'named' }>;
    next?: unknown;
    hasNext: boolean;
  }[] = [];
  const positionals: unknown[] = [];
  const extents: (Extent | undefined)[] = [];

  const args = request.args;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg.kind === 'positional') {
      positionals.push(arg.value);
      extents.push(arg.extent);
      continue;
    }
    const parameter = atExtent(arg.extent, () => resolveParameter(parameters, arg.name));
    if (!parameter) {
      const next = args[i + 1];
      const hasNext = !arg.hasValue && next?.kind === 'positional';
      pending.push({
        arg,
        next: hasNext ? (next as { value: unknown }).value : undefined,
        hasNext,
      });
      if (hasNext) i += 1;
      continue;
    }
    if (parameter.type === 'switch' || arg.hasValue) {
      const value = parameter.type === 'switch' && !arg.hasValue ? true : arg.value;
      atExtent(arg.extent, () => bindOne(bound, parameter, value));
      continue;
    }
    const next = args[i + 1];
    if (!next || next.kind !== 'positional') {
      const error = missingArgument(parameter);
      error.extent = arg.extent;
      throw error;
    }
    atExtent(next.extent ?? arg.extent, () => bindOne(bound, parameter, next.value));
    i += 1;
  }

  if (pending.length > 0 && request.dynamicParameters) {
    const trial = { ...bound };
    bindPositionals(trial, parameters, [...positionals], request.defaultParameterSet, true);
    const dynamic = await request.dynamicParameters(trial);
    parameters.push(...dynamic.filter((d) => !parameters.some((p) => p.name === d.name)));
  }

  for (const { arg, next, hasNext } of pending) {
    const parameter = atExtent(arg.extent, () => resolveParameter(parameters, arg.name));
    if (!parameter) {
      if (request.collectUnbound) {
        unbound.push(`-${arg.name}`);
        if (arg.hasValue) unbound.push(arg.value);
        if (hasNext) unbound.push(next);
        continue;
      }
      const error = new ParameterBindingError(
        `A parameter cannot be found that matches parameter name '${arg.name}'.`,
        'NamedParameterNotFound',
      );
      error.extent = arg.extent;
      throw error;
    }
    atExtent(arg.extent, () => {
      if (parameter.type === 'switch') {
        bindOne(bound, parameter, arg.hasValue ? arg.value : true);
        if (hasNext) {
          positionals.unshift(next);
          extents.unshift(undefined);
        }
      } else if (arg.hasValue || hasNext) {
        bindOne(bound, parameter, arg.hasValue ? arg.value : next);
      } else {
        throw missingArgument(parameter);
      }
    });
  }

  const leftover = bindPositionals(
    bound,
    parameters,
    positionals,
    request.defaultParameterSet,
    false,
    extents,
  );
  if (leftover.length > 0) {
    if (!request.collectUnbound) {
      const error = new ParameterBindingError(
        `A positional parameter cannot be found that accepts argument '${describe(leftover[0])}'.`,
        'PositionalParameterNotFound',
      );
      error.extent = extents[positionals.length - leftover.length];
      throw error;
    }
    unbound.push(...leftover);
  }
  activeSets(bound, parameters);
  return { bound, parameters, unbound };
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'System.Object[]' : toStr(value);
}

function missingArgument(parameter: ParameterDefinition): ParameterBindingError {
  return new ParameterBindingError(
    `Missing an argument for parameter '${parameter.name}'. Specify a parameter of type '${dotNetType(parameter)}' and try again.`,
    'MissingArgument',
  );
}

export function dotNetType(parameter: ParameterDefinition): string {
  const map: Record<string, string> = {
    string: 'System.String',
    'string[]': 'System.String[]',
    int: 'System.Int32',
    long: 'System.Int64',
    double: 'System.Double',
    bool: 'System.Boolean',
    switch: 'System.Management.Automation.SwitchParameter',
    object: 'System.Object',
    'object[]': 'System.Object[]',
    scriptblock: 'System.Management.Automation.ScriptBlock',
    hashtable: 'System.Collections.Hashtable',
    datetime: 'System.DateTime',
  };
  return map[parameter.type] ?? 'System.Object';
}

/** Exact name or alias first, then a unique prefix of a name; ambiguity is an error. */
export function resolveParameter(
  parameters: readonly ParameterDefinition[],
  typed: string,
): ParameterDefinition | undefined {
  const lower = typed.toLowerCase();
  const exact = parameters.find(
    (p) => p.name.toLowerCase() === lower || p.aliases?.some((a) => a.toLowerCase() === lower),
  );
  if (exact) return exact;

  const matches = parameters.filter((p) => p.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new ParameterBindingError(
      `Parameter cannot be processed because the parameter name '${typed}' is ambiguous. Possible matches include: ${matches.map((m) => `-${m.name}`).join(' ')}.`,
      'AmbiguousParameter',
    );
  }
  return undefined;
}

function bindOne(
  bound: Record<string, unknown>,
  parameter: ParameterDefinition,
  value: unknown,
): void {
  if (parameter.name in bound) {
    throw new ParameterBindingError(
      `Cannot bind parameter because parameter '${parameter.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
      'ParameterAlreadyBound',
    );
  }
  bound[parameter.name] = convertParameter(parameter, value);
}

function bindPositionals(
  bound: Record<string, unknown>,
  parameters: readonly ParameterDefinition[],
  positionals: unknown[],
  defaultSet: string | undefined,
  lenient: boolean,
  extents: readonly (Extent | undefined)[] = [],
): unknown[] {
  const queue = [...positionals];
  const candidates = parameters.filter((p) => p.position !== undefined);
  const positions = [...new Set(candidates.map((p) => p.position ?? 0))].sort((a, b) => a - b);

  for (const position of positions) {
    if (queue.length === 0) break;
    const options = candidates.filter(
      (p) => p.position === position && !(p.name in bound) && compatible(bound, parameters, p),
    );
    if (options.length === 0) continue;
    const value = queue[0];
    const chosen =
      options.find((p) => exactKind(p, value)) ??
      options.find(
        (p) =>
          !p.parameterSets || (defaultSet !== undefined && p.parameterSets.includes(defaultSet)),
      ) ??
      options[0];
    if (chosen.valueFromRemainingArguments) break;
    try {
      atExtent(extents[positionals.length - queue.length], () => bindOne(bound, chosen, value));
      queue.shift();
    } catch (error) {
      if (!lenient) throw error;
      queue.shift();
    }
  }

  const remaining = parameters.find(
    (p) => p.valueFromRemainingArguments && !(p.name in bound) && compatible(bound, parameters, p),
  );
  if (remaining && queue.length > 0) {
    const values = queue.splice(0);
    bound[remaining.name] = convertParameter(remaining, values.length === 1 ? values[0] : values);
  }
  return queue;
}

function exactKind(parameter: ParameterDefinition, value: unknown): boolean {
  if (parameter.type === 'scriptblock') return value instanceof ScriptBlock;
  if (parameter.type === 'hashtable') return value instanceof Hashtable;
  return false;
}

/** Whether `parameter` can join what is bound without leaving no parameter set. */
function compatible(
  bound: Record<string, unknown>,
  parameters: readonly ParameterDefinition[],
  parameter: ParameterDefinition,
): boolean {
  if (!parameter.parameterSets) return true;
  const sets = activeSets(bound, parameters, false);
  return sets === undefined || parameter.parameterSets.some((s) => sets.has(s));
}

/** Parameter sets still possible given what is bound; undefined = unconstrained. */
export function activeSets(
  bound: Record<string, unknown>,
  parameters: readonly ParameterDefinition[],
  strict = true,
): Set<string> | undefined {
  let sets: Set<string> | undefined;
  for (const parameter of parameters) {
    if (!(parameter.name in bound) || !parameter.parameterSets) continue;
    const own = new Set(parameter.parameterSets);
    sets = sets ? new Set([...sets].filter((s) => own.has(s))) : own;
  }
  if (strict && sets && sets.size === 0) {
    throw new ParameterBindingError(
      'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
      'AmbiguousParameterSet',
    );
  }
  return sets;
}

/** The parameters of the set that will run, for the mandatory check. */
export function parametersInEffect(
  bound: Record<string, unknown>,
  parameters: readonly ParameterDefinition[],
  defaultSet: string | undefined,
): ParameterDefinition[] {
  const sets = activeSets(bound, parameters);
  let chosen: string | undefined;
  if (sets) chosen = defaultSet && sets.has(defaultSet) ? defaultSet : [...sets][0];
  else chosen = defaultSet;
  return parameters.filter(
    (p) => !p.parameterSets || chosen === undefined || p.parameterSets.includes(chosen),
  );
}

export type { SessionApi };
