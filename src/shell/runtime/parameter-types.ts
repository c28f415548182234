import type { ParameterDefinition } from '../../core/parameters.js';
import { ParameterBindingError } from '../errors.js';
import { convertTo, toDate } from './convert.js';
import { Hashtable, ScriptBlock, toBool, toStr, typeNameOf } from './values.js';

/**
 * Converts a bound value to the parameter's declared type, with PowerShell's messages when it
 * cannot, and checks ValidateSet values (canonicalising their spelling).
 */
export function convertParameter(parameter: ParameterDefinition, value: unknown): unknown {
  const converted = convertValue(parameter, value);
  if (parameter.values && converted !== null && converted !== undefined) {
    const list = Array.isArray(converted) ? converted : [converted];
    const canonical = list.map((item) => {
      const match = parameter.values?.find((v) => v.toLowerCase() === toStr(item).toLowerCase());
      if (match === undefined) {
        throw new ParameterBindingError(
          `Cannot validate argument on parameter '${parameter.name}'. The argument "${toStr(item)}" does not belong to the set "${parameter.values?.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
          'ParameterArgumentValidationError',
        );
      }
      return match;
    });
    return Array.isArray(converted) ? canonical : canonical[0];
  }
  return converted;
}

function convertValue(parameter: ParameterDefinition, value: unknown): unknown {
  const fail = (target: string, detail?: string): never => {
    throw new ParameterBindingError(
      detail
        ? `Cannot bind parameter '${parameter.name}'. ${detail}`
        : `Cannot convert '${typeNameOf(value)}' to the type '${target}' required by parameter '${parameter.name}'. Specified method is not supported.`,
      detail ? 'CannotConvertArgumentNoMessage' : 'CannotConvertArgument',
    );
  };

  switch (parameter.type) {
    case 'switch':
    case 'bool':
      return toBool(value);
    case 'string':
      if (Array.isArray(value)) {
        if (value.length === 1) return toStr(value[0]);
        return fail('System.String');
      }
      return value === null || value === undefined ? value : toStr(value);
    case 'string[]':
      if (value === null || value === undefined) return value;
      return (Array.isArray(value) ? value : [value]).map(toStr);
    case 'int':
    case 'long':
    case 'double':
      try {
        const element = Array.isArray(value) && value.length === 1 ? value[0] : value;
        return convertTo(element, parameter.type);
      } catch (error) {
        return fail('', (error as Error).message);
      }
    case 'object[]':
      return value === null || value === undefined ? value : Array.isArray(value) ? value : [value];
    case 'scriptblock':
      if (value instanceof ScriptBlock || value === null) return value;
      return fail(
        '',
        `Cannot convert the "${toStr(value)}" value of type "${typeNameOf(value)}" to type "System.Management.Automation.ScriptBlock".`,
      );
    case 'hashtable':
      if (value instanceof Hashtable || value === null) return value;
      return fail(
        '',
        `Cannot convert the "${toStr(value)}" value of type "${typeNameOf(value)}" to type "System.Collections.Hashtable".`,
      );
    case 'datetime':
      try {
        return toDate(value);
      } catch (error) {
        return fail('', (error as Error).message);
      }
    default:
      return value;
  }
}

/** Mandatory parameters reject null and empty strings with PowerShell's wording. */
export function checkNotEmpty(parameter: ParameterDefinition, value: unknown): void {
  if (value === null || value === undefined) {
    throw new ParameterBindingError(
      `Cannot bind argument to parameter '${parameter.name}' because it is null.`,
      'ParameterArgumentValidationErrorNullNotAllowed',
    );
  }
  const values = Array.isArray(value) ? value : [value];
  if (parameter.type.startsWith('string') && values.some((v) => v === '')) {
    throw new ParameterBindingError(
      `Cannot bind argument to parameter '${parameter.name}' because it is an empty string.`,
      'ParameterArgumentValidationErrorEmptyStringNotAllowed',
    );
  }
}
