import type { ParameterDefinition, ParameterType } from '../../core/parameters.js';

/** Short parameter declarations for the built-in cmdlets. */
export function param(
  name: string,
  type: ParameterType,
  extra: Omit<ParameterDefinition, 'name' | 'type'> = {},
): ParameterDefinition {
  return { name, type, ...extra };
}

/** The usual `-InputObject` that takes pipeline input by value. */
export const INPUT_OBJECT = param('InputObject', 'object', {
  valueFromPipeline: true,
  help: 'The objects to process; usually given through the pipeline.',
});
