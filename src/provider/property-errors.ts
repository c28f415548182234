import { JafsError } from '../core/errors.js';

/**
 * The item-property errors, worded as PowerShell words them, shared by the *-ItemProperty
 * cmdlets and the providers that implement setItemProperty.
 */

/** No property of that name on the item (Get-ItemProperty -Name, Set-ItemProperty). */
export class PropertyNotFoundError extends JafsError {
  constructor(name: string, path: string) {
    super(`Property ${name} does not exist at path ${path}.`, {
      code: 'ENOPROPERTY',
      errorId: 'System.Management.Automation.PSArgumentException',
      category: 'InvalidArgument',
      targetObject: name,
    });
  }
}

/** The property exists but cannot be set (Length, Name…). */
export class ReadOnlyPropertyError extends JafsError {
  constructor(name: string) {
    super(`'${name}' is a ReadOnly property.`, {
      code: 'EREADONLY_PROPERTY',
      errorId: 'ReadOnlyProperty',
      category: 'InvalidOperation',
      targetObject: name,
    });
  }
}

/** A value that cannot become the property's type (a date that does not parse). */
export class PropertyValueError extends JafsError {
  constructor(name: string, value: unknown, type: string) {
    super(`Cannot convert value "${String(value)}" to type "${type}" for property '${name}'.`, {
      code: 'EPROPERTY_VALUE',
      errorId: 'InvalidCastParseTargetInvocation',
      category: 'InvalidArgument',
      targetObject: value,
    });
  }
}
