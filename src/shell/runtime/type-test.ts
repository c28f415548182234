import { Hashtable, typeNameOf } from './values.js';

/** `-is [type]` for the type names scripts use. */
export function isType(value: unknown, typeName: string): boolean {
  const name = typeName
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/^system\./, '');
  switch (name) {
    case 'string':
      return typeof value === 'string';
    case 'int':
    case 'int32':
    case 'long':
    case 'int64':
      return typeof value === 'number' && Number.isInteger(value);
    case 'double':
    case 'decimal':
    case 'single':
      return typeof value === 'number' && !Number.isInteger(value);
    case 'bool':
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
    case 'object[]':
      return Array.isArray(value);
    case 'hashtable':
    case 'collections.hashtable':
      return value instanceof Hashtable;
    case 'datetime':
      return value instanceof Date;
    case 'scriptblock':
      return typeNameOf(value).endsWith('ScriptBlock');
    case 'pscustomobject':
    case 'psobject':
    case 'object':
      return (
        value !== null && value !== undefined && (name === 'object' || typeof value === 'object')
      );
    case 'valuetype':
      return typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
  }
  return typeNameOf(value).toLowerCase().endsWith(name);
}
