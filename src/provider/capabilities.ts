import type { Provider } from './types.js';

/** Optional provider methods, and the capability name Get-PSProvider shows for each. */
const VERBS: ReadonlyArray<readonly [keyof Provider, string]> = [
  ['newItem', 'New'],
  ['removeItem', 'Remove'],
  ['renameItem', 'Rename'],
  ['moveItem', 'Move'],
  ['copyItem', 'Copy'],
  ['makeContainer', 'MakeContainer'],
  ['getContent', 'GetContent'],
  ['setContent', 'SetContent'],
  ['clearContent', 'ClearContent'],
  ['setItemProperty', 'SetProperty'],
  ['walk', 'Walk'],
  ['driveSpace', 'DriveSpace'],
  ['dynamicParameters', 'DynamicParameters'],
];

const CHANGING: ReadonlyArray<keyof Provider> = [
  'newItem',
  'removeItem',
  'renameItem',
  'moveItem',
  'copyItem',
  'setContent',
  'clearContent',
  'setItemProperty',
];

/**
 * What a provider can do, derived from the methods it implements (never declared separately).
 * `Filter` is always present because the engine applies -Filter for every provider;
 * `Credentials` when drives take options (a login), `ShouldProcess` when anything changes.
 */
export function capabilitiesOf(provider: Provider): string[] {
  const has = (name: keyof Provider) => typeof provider[name] === 'function';
  const names: string[] = [];

  if (has('newDrive')) names.push('Credentials');
  names.push('Filter');
  if (CHANGING.some(has)) names.push('ShouldProcess');
  for (const [method, name] of VERBS) if (has(method)) names.push(name);
  return names;
}
