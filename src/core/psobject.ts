/**
 * The shell's object model is plain JavaScript values. Objects that want a registered view (items,
 * drives, providers) carry their type names under one symbol, most specific first, the way
 * PowerShell's PSObject.TypeNames does. Every layer may read and set it; none needs more.
 */
export const TYPE_NAMES: unique symbol = Symbol.for('jafs.typeNames');

export type TypedObject = Record<string, unknown> & { [TYPE_NAMES]?: readonly string[] };

/** Tags `object` with type names (non-enumerable, so it never shows as a property). */
export function withTypeNames<T extends object>(object: T, ...typeNames: string[]): T {
  Object.defineProperty(object, TYPE_NAMES, {
    value: Object.freeze([...typeNames]),
    enumerable: false,
    configurable: true,
  });
  return object;
}

/** Type names of any value: registered ones first, then a name derived from its JS type. */
export function typeNamesOf(value: unknown): readonly string[] {
  if (value !== null && typeof value === 'object') {
    const names = (value as TypedObject)[TYPE_NAMES];
    if (names) return names;
    if (Array.isArray(value)) return ['System.Object[]'];
    if (value instanceof Date) return ['System.DateTime'];
    return ['System.Management.Automation.PSCustomObject'];
  }

  switch (typeof value) {
    case 'string':
      return ['System.String'];
    case 'number':
      return Number.isInteger(value) ? ['System.Int32'] : ['System.Double'];
    case 'bigint':
      return ['System.Int64'];
    case 'boolean':
      return ['System.Boolean'];
    default:
      return ['System.Object'];
  }
}
