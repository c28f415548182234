import type { EngineApi, PathCompletion } from './engine-api.js';
import type { DriveInfo, DriveSpace, Provider } from './types.js';
import {
  isSameOrBelow,
  itemPath,
  NATIVE_DRIVE_NAME,
  type ItemPath,
  type ResolvedItem,
} from './item-path.js';
import { SessionState } from './session-state.js';
import { getItem } from './globber.js';
import { childItems, type ChildEntry, type ChildItemOptions } from './children.js';
import { callProvider, type OperationOptions } from './provider-call.js';
import * as items from './item-operations.js';
import { copyItem, type CopyOptions } from './copy.js';
import * as content from './content.js';
import { ListingCache, completionsAmong, splitPartial } from './completion.js';
import { toPipelineObject } from './pipeline-object.js';
import { capabilitiesOf } from './capabilities.js';
import { ProviderOperationError, RemoveItemInUseError } from './errors.js';

const NEVER = new AbortController().signal;

export { locationInfo } from './session-state.js';

/**
 * The provider engine: providers and drives, the current location and its history and stacks,
 * path resolution and wildcard expansion (SessionState), and every item operation the
 * navigation cmdlets run, done once for all providers. Providers only implement
 * src/provider/types.ts.
 */
export class ProviderEngine extends SessionState implements EngineApi {
  private readonly listings = new ListingCache();

  // ----- queries -----

  /** Capability names of a provider, derived from the methods it implements. */
  capabilities(provider: Provider): string[] {
    return capabilitiesOf(provider);
  }

  /** Used and free bytes, when the provider can tell; empty otherwise or on failure. */
  async driveSpace(drive: DriveInfo, signal: AbortSignal = NEVER): Promise<DriveSpace> {
    if (!drive.provider.driveSpace) return {};
    const root = itemPath(drive, []);
    return callProvider('GetDriveSpace', root, () => drive.provider.driveSpace!(drive, signal));
  }

  /** The item at a place, or undefined. */
  tryGetItem(path: ItemPath, options: OperationOptions = {}) {
    return getItem(path, options);
  }

  /** Test-Path's syntax check: the drive exists and the path parses. */
  isValidPath(path: string): boolean {
    try {
      this.spec(path);
      return true;
    } catch {
      return false;
    }
  }

  // ----- items -----

  childItems(root: ResolvedItem, options: ChildItemOptions = {}): AsyncIterable<ChildEntry> {
    return childItems(root, options);
  }

  async newItem(
    target: ItemPath,
    itemType: string | undefined,
    value: unknown,
    options: OperationOptions = {},
  ) {
    this.listings.clear();
    return items.newItem(target, itemType, value, options);
  }

  /**
   * Remove-Item's first check, made before -WhatIf and before asking about children (as
   * PowerShell does): the current location and its ancestors are in use.
   */
  assertNotInUse(target: ResolvedItem): void {
    if (isSameOrBelow(this.currentPath(), target.path)) {
      throw new RemoveItemInUseError(target.path.display);
    }
  }

  /** Remove-Item: never the current location or one of its ancestors. */
  async removeItem(target: ResolvedItem, recurse: boolean, options: OperationOptions = {}) {
    this.assertNotInUse(target);
    this.listings.clear();
    await items.removeItem(target, recurse, options);
  }

  hasChildren(target: ResolvedItem, options: OperationOptions = {}) {
    return items.hasChildren(target, options);
  }

  async renameItem(target: ResolvedItem, newName: string, options: OperationOptions = {}) {
    this.listings.clear();
    return items.renameItem(target, newName, options);
  }

  /** Move-Item; across drives it copies recursively and then removes the source. */
  async moveItem(source: ResolvedItem, destination: string, options: OperationOptions = {}) {
    this.listings.clear();
    const to = this.lexicalPath(destination);
    const { target, existing } = await items.landingPath(source, to, options);
    items.checkNotInside(source, target);
    if (isSameOrBelow(this.currentPath(), source.path)) {
      throw new RemoveItemInUseError(source.path.display);
    }

    if (existing) {
      if (!options.force || existing.isContainer) {
        throw new ProviderOperationError(
          'Cannot create a file when that file already exists.',
          'MoveItemIOError',
          target.display,
        );
      }

      await items.removeItem({ path: target, item: existing }, false, options);
    }

    if (source.path.drive === target.drive) return items.moveItem(source, target, options);
    const copied = await copyItem(source, target, { ...options, recurse: true });
    await items.removeItem(source, true, options);
    return copied;
  }

  async copyItem(source: ResolvedItem, destination: string, options: CopyOptions) {
    this.listings.clear();
    return copyItem(source, this.lexicalPath(destination), options);
  }

  // ----- content -----

  readLines(target: ResolvedItem, options: content.ReadOptions = {}) {
    return content.readLines(target, options);
  }

  openContent(target: ResolvedItem, options: OperationOptions = {}) {
    return content.openContent(target, options);
  }

  /** Set-Content/Add-Content: `text` as UTF-8, or bytes already encoded. */
  async writeText(
    target: ItemPath,
    text: string | Uint8Array,
    append: boolean,
    options: OperationOptions = {},
  ) {
    this.listings.clear();
    return content.writeText(target, text, append, options);
  }

  async clearContent(target: ResolvedItem, options: OperationOptions = {}) {
    this.listings.clear();
    return content.clearContent(target, options);
  }

  // ----- pipeline and completion -----

  /** The pipeline object of an item (properties plus PSPath, PSParentPath, …). */
  toPipelineObject(resolved: ResolvedItem) {
    return toPipelineObject(resolved);
  }

  async completePath(
    partial: string,
    options: { containersOnly: boolean; signal: AbortSignal },
  ): Promise<PathCompletion[]> {
    await this.pending;
    const { container, prefix } = splitPartial(partial);
    let parent: ItemPath;
    try {
      parent = this.lexicalPath(container === '' ? '.' : container, false);
    } catch {
      return [];
    }

    const force = prefix.startsWith('.');
    const listing = await this.listings.list(parent, options.signal, force).catch(() => []);
    const items = completionsAmong(listing, container, prefix, {
      containersOnly: options.containersOnly,
      caseSensitive: parent.drive.provider.caseSensitive,
    });
    return container === '' ? [...items, ...this.driveCompletions(prefix)] : items;
  }

  /** `JA` → `JAFS:`: drive names complete where a relative name could be typed. */
  private driveCompletions(prefix: string): PathCompletion[] {
    const lower = prefix.toLowerCase();
    return this.getDrives()
      .filter(
        (drive) => drive.name !== NATIVE_DRIVE_NAME && drive.name.toLowerCase().startsWith(lower),
      )
      .map((drive) => ({
        path: `${drive.name}:`,
        isContainer: true,
        typeName: 'System.Management.Automation.PSDriveInfo',
      }));
  }
}
