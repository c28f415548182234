import type { ParameterDefinition } from '../../core/parameters.js';

const PREFERENCES = [
  'Continue',
  'SilentlyContinue',
  'Stop',
  'Inquire',
  'Ignore',
  'Break',
  'Suspend',
];

/** The common parameters every cmdlet (and advanced function) accepts. */
export const COMMON_PARAMETERS: readonly ParameterDefinition[] = [
  { name: 'Verbose', type: 'switch', aliases: ['vb'] },
  { name: 'Debug', type: 'switch', aliases: ['db'] },
  { name: 'ErrorAction', type: 'string', aliases: ['ea'], values: PREFERENCES },
  { name: 'WarningAction', type: 'string', aliases: ['wa'], values: PREFERENCES },
  { name: 'InformationAction', type: 'string', aliases: ['infa'], values: PREFERENCES },
  { name: 'ProgressAction', type: 'string', aliases: ['proga'], values: PREFERENCES },
  { name: 'ErrorVariable', type: 'string', aliases: ['ev'] },
  { name: 'WarningVariable', type: 'string', aliases: ['wv'] },
  { name: 'InformationVariable', type: 'string', aliases: ['iv'] },
  { name: 'OutVariable', type: 'string', aliases: ['ov'] },
  { name: 'OutBuffer', type: 'int', aliases: ['ob'] },
  { name: 'PipelineVariable', type: 'string', aliases: ['pv'] },
];

/** Added to cmdlets that declare supportsShouldProcess. */
export const SHOULD_PROCESS_PARAMETERS: readonly ParameterDefinition[] = [
  { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
  { name: 'Confirm', type: 'switch', aliases: ['cf'] },
];

export const COMMON_NAMES = new Set(
  [...COMMON_PARAMETERS, ...SHOULD_PROCESS_PARAMETERS].map((p) => p.name.toLowerCase()),
);
