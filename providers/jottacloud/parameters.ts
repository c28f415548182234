import type { ParameterDefinition } from '../../src/core/parameters.js';
import { DEVICE_TYPES, type DeviceType } from '../../src/jfs/models.js';
import { InvalidDeviceTypeError } from './errors.js';

/** The device type New-Item gives a device when -DeviceType is left out (as JaFS's library). */
export const DEFAULT_DEVICE_TYPE: DeviceType = 'WORKSTATION';

/** Friendlier spellings accepted besides the JFS names (JaFS's enum names among them). */
const DEVICE_TYPE_ALIASES: Readonly<Record<string, DeviceType>> = {
  builtin: 'JOTTA',
  windowsphone: 'WINDOWS_PHONE',
};

/** -DeviceType of New-Item: the JFS device types, plus the JaFS spellings that differ. */
const DEVICE_TYPE_PARAMETER: ParameterDefinition = {
  name: 'DeviceType',
  type: 'string',
  values: [...DEVICE_TYPES, 'WindowsPhone', 'BuiltIn'],
  help: `Type of a new device (default ${DEFAULT_DEVICE_TYPE}).`,
};

/** -Permanent of Remove-Item: delete instead of moving to Trash (required for devices). */
const PERMANENT_PARAMETER: ParameterDefinition = {
  name: 'Permanent',
  type: 'switch',
  help:
    'Delete permanently instead of moving to Trash (the interactive shell asks first); ' +
    'required to remove a device.',
  // Nothing can bring the item back: the interactive shell asks first (issue 11).
  confirmImpact: 'High',
};

/** -Revision of Get-Content: read an older revision of a file (Get-ItemRevision lists them). */
const REVISION_PARAMETER: ParameterDefinition = {
  name: 'Revision',
  type: 'int',
  help: 'Reads this revision of the file instead of the current one.',
};

/** The provider's extra parameters of `cmdlet` (canonical name). */
export function dynamicParameters(cmdlet: string): readonly ParameterDefinition[] {
  switch (cmdlet.toLowerCase()) {
    case 'new-item':
      return [DEVICE_TYPE_PARAMETER];
    case 'remove-item':
      return [PERMANENT_PARAMETER];
    case 'get-content':
      return [REVISION_PARAMETER];
    default:
      return [];
  }
}

/** Reads -DeviceType case-insensitively (`Laptop`, `LAPTOP`, `windows_phone`, `WindowsPhone`). */
export function parseDeviceType(value: unknown): DeviceType {
  if (value === undefined || value === null || value === '') return DEFAULT_DEVICE_TYPE;

  const text = String(value);
  const upper = text.trim().toUpperCase();
  const exact = DEVICE_TYPES.find((type) => type === upper);
  if (exact) return exact;

  const alias = DEVICE_TYPE_ALIASES[upper.replace(/[_\s-]/g, '').toLowerCase()];
  if (alias) return alias;
  throw new InvalidDeviceTypeError(text, DEVICE_TYPES);
}

/** Whether a switch parameter was given (bound switches arrive as true or a SwitchParameter). */
export function isSwitchOn(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && 'isPresent' in value) {
    return Boolean((value as { isPresent: unknown }).isPresent);
  }
  return value === true;
}
