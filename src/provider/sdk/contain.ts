import { JafsError, OperationCanceledError, isAbortError } from '../../core/errors.js';
import { ProviderInvocationError } from '../errors.js';
import type { ContentSource, Provider, ProviderItem } from '../types.js';

/** Methods that produce items one by one (wrapped as async generators). */
const STREAMING = new Set(['getChildItems', 'walk']);
/** Methods the engine calls without awaiting. */
const SYNCHRONOUS = new Set(['newItemTypes', 'dynamicParameters']);

/**
 * A provider loaded from a module, wrapped so that nothing it does can take the shell down: a
 * synchronous throw, a rejected promise, a failing listing or an item without a name all become
 * a ProviderInvocationError naming the provider, the operation and the path (an error record in
 * the shell). jafs errors and cancellations pass through unchanged. `defaultDrives` is left out:
 * the module loader mounts them itself and reports each failure.
 */
export function containProvider(provider: Provider): Provider {
  const name = provider.name;
  const contained: Record<string, unknown> = {
    name,
    aliases: provider.aliases,
    separator: provider.separator === '/' ? '/' : '\\',
    caseSensitive: Boolean(provider.caseSensitive),
    home: provider.home,
    rootIsNativePath: provider.rootIsNativePath === true || undefined,
    description: provider.description,
  };

  for (const key of Object.keys(methodsOf(provider))) {
    const method = (provider as unknown as Record<string, (...args: unknown[]) => unknown>)[key];
    if (key === 'defaultDrives' || typeof method !== 'function') continue;
    const call = (args: unknown[]) => method.apply(provider, args);
    const operation = key[0].toUpperCase() + key.slice(1);
    const target = (args: unknown[]) => (typeof args[0] === 'string' ? args[0] : name);

    if (STREAMING.has(key)) {
      contained[key] = (...args: unknown[]) =>
        streamGuarded(name, operation, target(args), () => call(args) as AsyncIterable<unknown>);
    } else if (SYNCHRONOUS.has(key)) {
      contained[key] = (...args: unknown[]) => {
        try {
          return call(args);
        } catch (error) {
          throw wrap(name, operation, target(args), error);
        }
      };
    } else {
      contained[key] = async (...args: unknown[]) => {
        try {
          return checkResult(key, await call(args));
        } catch (error) {
          throw wrap(name, operation, target(args), error);
        }
      };
    }
  }

  return contained as unknown as Provider;
}

async function* streamGuarded(
  provider: string,
  operation: string,
  path: string,
  open: () => AsyncIterable<unknown>,
): AsyncIterable<unknown> {
  try {
    for await (const value of open()) {
      const entry = value as { path?: string; item?: ProviderItem };
      yield operation === 'Walk' ? { ...entry, item: checkItem(entry.item) } : checkItem(value);
    }
  } catch (error) {
    throw wrap(provider, operation, path, error);
  }
}

/** Items a provider hands back must at least have a name and a kind. */
function checkItem(value: unknown): ProviderItem {
  const item = value as ProviderItem | undefined;
  if (!item || typeof item.name !== 'string' || typeof item.isContainer !== 'boolean') {
    throw new TypeError('The provider returned an item without a name or kind.');
  }
  return {
    ...item,
    typeNames: Array.isArray(item.typeNames) ? item.typeNames : [],
    properties: item.properties ?? { Name: item.name },
  };
}

/** Methods whose result is one item, and those whose result is content to open. */
const RETURNS_ITEM = new Set([
  'newItem',
  'makeContainer',
  'renameItem',
  'moveItem',
  'copyItem',
  'setContent',
  'setListedContent',
  'setItem',
]);
const RETURNS_CONTENT = new Set(['getContent', 'getListedContent']);

function checkResult(method: string, value: unknown): unknown {
  if (RETURNS_CONTENT.has(method)) return guardedSource(value as ContentSource);
  if (method === 'getItem')
    return value === undefined || value === null ? undefined : checkItem(value);
  return RETURNS_ITEM.has(method) ? checkItem(value) : value;
}

/** A content source whose open() failures are reported like the provider's own. */
function guardedSource(source: ContentSource): ContentSource {
  if (!source || typeof source.open !== 'function') {
    throw new TypeError('The provider returned content that cannot be opened.');
  }
  return {
    size: source.size,
    md5: source.md5,
    lastWriteTime: source.lastWriteTime,
    createdTime: source.createdTime,
    open: async (offset, signal) => {
      try {
        return await source.open(offset, signal);
      } catch (error) {
        throw isAbortError(error) ? new OperationCanceledError() : error;
      }
    },
  };
}

function wrap(provider: string, operation: string, path: string, error: unknown): unknown {
  if (error instanceof JafsError) return error;
  if (isAbortError(error)) return new OperationCanceledError();
  return new ProviderInvocationError(operation, provider, path, error);
}

/** Every function member, own or inherited (a provider may be a class instance). */
function methodsOf(provider: Provider): Record<string, true> {
  const names: Record<string, true> = {};
  for (let proto: object | null = provider; proto && proto !== Object.prototype;) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key !== 'constructor') names[key] = true;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return names;
}
