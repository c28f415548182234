import type { ProviderItem } from './types.js';
import type { ItemPath, ResolvedItem } from './item-path.js';
import { callProvider, contextFor, type OperationOptions } from './provider-call.js';
import { checkNotInside, landingPath, need } from './item-operations.js';
import { LeafCopier } from './copy-leaf.js';
import { copyTree } from './copy-tree.js';

export { md5Of } from './copy-leaf.js';

/** Copy-Item's choices besides the paths. */
export interface CopyOptions extends OperationOptions {
  recurse: boolean;
  /**
   * Called for an item inside a copied tree that fails (unreadable, refused by the target); the
   * copy goes on with the next one. Without it, the first failure stops the copy.
   */
  onError?(error: unknown, path: string): void;
}

/**
 * Copy-Item. Within one drive the provider copies (server-side where it can). Between drives,
 * even of different providers (a documented extension: PowerShell refuses), and within a drive
 * whose provider has no copyItem, the engine streams each leaf from the source provider to the
 * target provider, creates containers, skips leaves whose size and MD5 already match, and
 * reports progress (see copyTree for how a tree is planned from one listing of each side).
 */
export async function copyItem(
  source: ResolvedItem,
  destination: ItemPath,
  options: CopyOptions,
): Promise<ResolvedItem | undefined> {
  const { target, existing } = await landingPath(source, destination, options);
  checkNotInside(source, target);

  // Within a drive the provider copies when it can (server-side); otherwise the engine streams.
  if (source.path.drive === target.drive && source.path.drive.provider.copyItem) {
    const copy = need(source.path.drive.provider, 'copyItem', source.path);
    const ctx = contextFor(source.path.drive, options);
    const item = await callProvider('CopyItem', source.path, () =>
      copy(source.path.providerPath, target.providerPath, { recurse: options.recurse }, ctx),
    );
    return { path: target, item };
  }

  const copier = new LeafCopier(options);
  const item: ProviderItem = source.item.isContainer
    ? await copyTree(source, target, existing, copier, options)
    : await copier.copyLeaf(source, target, existing);
  copier.report({ completed: true });
  return { path: target, item };
}
