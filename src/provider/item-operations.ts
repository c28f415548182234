import type { Provider, ProviderItem } from './types.js';
import { childOf, parentOf, isSameOrBelow, type ItemPath, type ResolvedItem } from './item-path.js';
import { listChildren, liveItem } from './globber.js';
import { callProvider, contextFor, type OperationOptions } from './provider-call.js';
import {
  ItemExistsError,
  PartOfPathNotFoundError,
  NotSupportedError,
  ProviderArgumentError,
  ProviderOperationError,
  UnknownItemTypeError,
} from './errors.js';

/** Generic type names users type for any provider, mapped to what the provider lists. */
const GENERIC_TYPES: Readonly<Record<string, readonly string[]>> = {
  directory: ['directory', 'folder', 'container'],
  folder: ['folder', 'directory', 'container'],
  container: ['container', 'folder', 'directory'],
  file: ['file', 'leaf'],
  leaf: ['leaf', 'file'],
};

/** The provider method, or the uniform "does not support this operation" error. */
export function need<K extends keyof Provider>(
  provider: Provider,
  method: K,
  path?: ItemPath,
): NonNullable<Provider[K]> {
  const found = provider[method];
  if (typeof found !== 'function') throw new NotSupportedError(path?.display);
  return (found as (...args: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
}

/**
 * The provider's spelling of `-ItemType`: exact match, then the one type it is a prefix of
 * (`d` → `Directory`), then generic names (`Directory` → `folder` where the provider has one).
 */
export function matchItemType(given: string | undefined, known: readonly string[] | undefined) {
  if (!known || known.length === 0) return given ?? '';
  if (given === undefined || given === '') {
    return known.find((type) => type.toLowerCase() === 'file') ?? known[0];
  }

  const lower = given.toLowerCase();
  const exact = known.find((type) => type.toLowerCase() === lower);
  if (exact) return exact;

  const prefixed = known.filter((type) => type.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];

  const generic = Object.entries(GENERIC_TYPES).find(([name]) => name.startsWith(lower));
  const mapped = generic?.[1]
    .map((name) => known.find((type) => type.toLowerCase() === name))
    .find((type) => type !== undefined);
  if (mapped && prefixed.length === 0) return mapped;

  throw new UnknownItemTypeError(given, known);
}

/** Whether an item type names a container (`Directory`, `folder`, `container`). */
export function isContainerType(type: string): boolean {
  return GENERIC_TYPES.directory.includes(type.toLowerCase());
}

/** The provider's spelling of `-ItemType` for a new item at `target` (asks its parent). */
export function itemTypeFor(target: ItemPath, itemType: string | undefined): string {
  const parent = parentOf(target);
  return matchItemType(itemType, target.drive.provider.newItemTypes?.(parent?.providerPath ?? '/'));
}

/** New-Item: checks the parent and an existing item, then asks the provider. */
export async function newItem(
  target: ItemPath,
  itemType: string | undefined,
  value: unknown,
  options: OperationOptions,
): Promise<ResolvedItem> {
  const provider = target.drive.provider;
  const create = need(provider, 'newItem', target);
  const parent = parentOf(target);
  const type = itemTypeFor(target, itemType);

  const existing = await liveItem(target, options);
  if (existing && !options.force) throw new ItemExistsError(target.display, existing.isContainer);
  if (existing?.isContainer && options.force) return { path: target, item: existing };

  if (parent && !(await liveItem(parent, options))) {
    // As in pwsh, a new folder brings its missing parents along; a file only with -Force.
    const makesParents = options.force || isContainerType(type);
    if (!makesParents || !provider.makeContainer) {
      throw new PartOfPathNotFoundError(target.display, 'NewItemIOError');
    }

    await makeContainer(parent, options);
  }

  const ctx = contextFor(target.drive, options);
  const item = await callProvider('NewItem', target, () =>
    create(target.providerPath, type, value, ctx),
  );
  return { path: target, item };
}

/** Creates a container and its missing parents (mkdir -p) through the provider. */
export async function makeContainer(path: ItemPath, options: OperationOptions) {
  const make = need(path.drive.provider, 'makeContainer', path);
  const ctx = contextFor(path.drive, options);
  return callProvider('NewItem', path, () => make(path.providerPath, ctx));
}

/** Whether a container has at least one (visible) child; Remove-Item asks before recursing. */
export async function hasChildren(target: ResolvedItem, options: OperationOptions) {
  if (!target.item.isContainer) return false;
  for await (const child of listChildren(target.path, { ...options, force: true })) {
    // Trashed children are gone already: they do not make Remove-Item ask.
    if (!child.deleted) return true;
  }

  return false;
}

/** Remove-Item of one resolved item through the provider. */
export async function removeItem(
  target: ResolvedItem,
  recurse: boolean,
  options: OperationOptions,
): Promise<void> {
  const remove = need(target.path.drive.provider, 'removeItem', target.path);
  const ctx = contextFor(target.path.drive, options);
  await callProvider('RemoveItem', target.path, () =>
    remove(target.path.providerPath, { recurse }, ctx),
  );
}

/** Rename-Item: a new name in the same container, never a path (that would be a move). */
export async function renameItem(
  target: ResolvedItem,
  newName: string,
  options: OperationOptions,
): Promise<ResolvedItem> {
  const provider = target.path.drive.provider;
  const rename = need(provider, 'renameItem', target.path);
  const parent = parentOf(target.path);
  if (/[\\/]/.test(newName) || newName === '' || !parent) {
    throw new ProviderArgumentError(
      'Cannot rename the specified target, because it represents a path or device name.',
      'RenameItemArgumentError',
      newName,
    );
  }

  // The same name is nothing to do, on every drive; on a case-insensitive store a new case
  // of the same name is a rename of the item itself, not a clash with another one.
  const destination = childOf(parent, newName);
  if (newName === target.item.name) return target;
  const sameItem =
    !provider.caseSensitive && newName.toLowerCase() === target.item.name.toLowerCase();
  if (!sameItem && (await liveItem(destination, options))) {
    throw new ProviderOperationError(
      'Cannot create a file when that file already exists.',
      'RenameItemIOError',
      destination.display,
    );
  }

  const ctx = contextFor(target.path.drive, options);
  const item = await callProvider('RenameItem', target.path, () =>
    rename(target.path.providerPath, newName, ctx),
  );
  return { path: destination, item };
}

/**
 * Where a copy or move of `source` to `destination` lands: inside `destination` when it is an
 * existing container, at `destination` itself otherwise.
 */
export async function landingPath(
  source: ResolvedItem,
  destination: ItemPath,
  options: OperationOptions,
): Promise<{ target: ItemPath; existing: ProviderItem | undefined }> {
  const atDestination = await liveItem(destination, options);
  if (atDestination?.isContainer) {
    const target = childOf(destination, source.item.name);
    return { target, existing: await liveItem(target, options) };
  }

  if (atDestination && source.item.isContainer) {
    throw new ProviderOperationError(
      'Container cannot be copied onto existing leaf item.',
      'CopyContainerItemToLeafError',
      destination.display,
    );
  }

  const parent = parentOf(destination);
  if (parent && !(await liveItem(parent, options))) {
    throw new PartOfPathNotFoundError(destination.display, 'DestinationFolderNotFound');
  }

  return { target: destination, existing: atDestination };
}

/** Refuses to copy or move an item onto itself or a container into its own subtree. */
export function checkNotInside(source: ResolvedItem, target: ItemPath): void {
  if (!isSameOrBelow(target, source.path)) return;
  const same = target.segments.length === source.path.segments.length;
  throw new ProviderOperationError(
    same
      ? `Cannot overwrite the item ${source.path.display} with itself.`
      : `Destination path cannot be a subdirectory of the source: ${target.display}.`,
    same ? 'CopyError' : 'CopyContainerToSubdirectoryError',
    target.display,
  );
}

/** Move-Item within one drive (across drives the engine copies and then removes). */
export async function moveItem(
  source: ResolvedItem,
  target: ItemPath,
  options: OperationOptions,
): Promise<ResolvedItem> {
  const move = need(source.path.drive.provider, 'moveItem', source.path);
  const ctx = contextFor(source.path.drive, options);
  const item = await callProvider('MoveItem', source.path, () =>
    move(source.path.providerPath, target.providerPath, ctx),
  );
  return { path: target, item };
}
