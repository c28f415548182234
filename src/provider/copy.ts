import { createHash } from 'node:crypto';
import { isAbortError } from '../core/errors.js';
import { PassThrough, type Readable } from 'node:stream';
import type { ContentSource, ProviderItem } from './types.js';
import { childOf, type ItemPath, type ResolvedItem } from './item-path.js';
import { compareNames, listChildren, liveItem } from './globber.js';
import {
  callProvider,
  contextFor,
  throwIfAborted,
  type OperationOptions,
} from './provider-call.js';
import { checkNotInside, landingPath, makeContainer, need } from './item-operations.js';
import { ProviderOperationError } from './errors.js';

/** Leaf transfers of one container at once: rclone's default --transfers. */
const LEAF_TRANSFERS = 4;

/** Copy-Item's choices besides the paths. */
export interface CopyOptions extends OperationOptions {
  recurse: boolean;
  /**
   * Called for an item inside a copied tree that fails (unreadable, refused by the target); the
   * copy goes on with the next one. Without it, the first failure stops the copy.
   */
  onError?(error: unknown, path: string): void;
}

/** Bytes between two progress reports of one file. */
const PROGRESS_STEP = 1024 * 1024;

/**
 * Copy-Item. Within one drive the provider copies (server-side where it can). Between drives,
 * even of different providers (a documented extension: PowerShell refuses), and within a drive
 * whose provider has no copyItem, the engine streams each leaf from getContent to setContent,
 * creates containers with makeContainer, skips leaves whose size and MD5 already match, and
 * reports progress.
 */
export async function copyItem(
  source: ResolvedItem,
  destination: ItemPath,
  options: CopyOptions,
): Promise<ResolvedItem | undefined> {
  const { target } = await landingPath(source, destination, options);
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

  const copier = new StreamCopy(options);
  const item = await copier.copy(source, target);
  options.progress?.({ activity: 'Copy-Item', itemsDone: copier.itemsDone, completed: true });
  return item ? { path: target, item } : undefined;
}

class StreamCopy {
  itemsDone = 0;

  constructor(private readonly options: CopyOptions) {}

  async copy(source: ResolvedItem, target: ItemPath): Promise<ProviderItem | undefined> {
    throwIfAborted(this.options.signal);
    return source.item.isContainer
      ? this.copyContainer(source, target)
      : this.copyLeaf(source, target);
  }

  private async copyContainer(source: ResolvedItem, target: ItemPath) {
    const created = await makeContainer(target, this.options);
    this.itemsDone++;
    if (!this.options.recurse) return created;

    const children: ProviderItem[] = [];
    for await (const child of listChildren(source.path, this.options)) children.push(child);
    children.sort((a, b) => compareNames(a.name, b.name));

    // Leaves go a few at a time (each transfer mostly waits on the network), then the
    // sub-containers one after another, depth first.
    const pairs = children.map((child) => ({
      from: { path: childOf(source.path, child.name), item: child },
      to: childOf(target, child.name),
    }));
    await this.inParallel(pairs.filter(({ from }) => !from.item.isContainer));
    for (const pair of pairs.filter(({ from }) => from.item.isContainer)) {
      await this.copyChild(pair.from, pair.to);
    }

    return created;
  }

  /** Copies `pairs` with at most LEAF_TRANSFERS at once; the first hard failure wins. */
  private async inParallel(pairs: readonly { from: ResolvedItem; to: ItemPath }[]) {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      while (!failure && next < pairs.length) {
        const { from, to } = pairs[next++];
        try {
          await this.copyChild(from, to);
        } catch (error) {
          failure ??= { error };
        }
      }
    };

    await Promise.all(Array.from({ length: Math.min(LEAF_TRANSFERS, pairs.length) }, worker));
    if (failure) throw failure.error;
  }

  /** One child: its error is reported and the rest go on, unless it was a cancel. */
  private async copyChild(from: ResolvedItem, to: ItemPath) {
    try {
      await this.copy(from, to);
    } catch (error) {
      if (!this.options.onError || isAbortError(error)) throw error;
      this.options.onError(error, from.path.display);
    }
  }

  private async copyLeaf(source: ResolvedItem, target: ItemPath) {
    const read = need(source.path.drive.provider, 'getContent', source.path);
    const write = need(target.drive.provider, 'setContent', target);
    const content = await callProvider('GetContent', source.path, () =>
      read(source.path.providerPath, contextFor(source.path.drive, this.options)),
    );

    const existing = await liveItem(target, this.options);
    if (existing?.isContainer) {
      throw new ProviderOperationError(
        `Cannot overwrite the container '${target.display}' with a leaf item.`,
        'CopyLeafToContainerError',
        target.display,
      );
    }

    if (existing && (await this.isIdentical(source, content, target, existing))) {
      this.options.verbose?.(`Skipped '${target.display}': same size and MD5 as the source.`);
      this.itemsDone++;
      return existing;
    }

    const counted = this.withProgress(source, content);
    const ctx = contextFor(target.drive, this.options);
    const item = await callProvider('CopyItem', target, () =>
      write(target.providerPath, counted, ctx),
    );
    this.itemsDone++;
    return item;
  }

  /** Same size, then same MD5 (computed by streaming when a side does not know it). */
  private async isIdentical(
    source: ResolvedItem,
    content: ContentSource,
    target: ItemPath,
    existing: ProviderItem,
  ) {
    const sourceSize = source.item.size ?? content.size;
    const targetSize = existing.size ?? (existing.properties.Length as number | undefined);
    if (sourceSize === undefined || sourceSize !== targetSize) return false;

    const signal = this.options.signal;
    const sourceMd5 = source.item.md5 ?? content.md5 ?? (await md5Of(content, signal));
    const targetMd5 = existing.md5 ?? (await this.targetMd5(target, signal));
    return targetMd5 !== undefined && sourceMd5 === targetMd5;
  }

  private async targetMd5(target: ItemPath, signal: AbortSignal | undefined) {
    const read = target.drive.provider.getContent;
    if (!read) return undefined;
    const content = await callProvider('GetContent', target, () =>
      read.call(target.drive.provider, target.providerPath, contextFor(target.drive, this.options)),
    );
    return md5Of(content, signal);
  }

  /** The same content, reporting bytes as the target provider reads them. */
  private withProgress(source: ResolvedItem, content: ContentSource): ContentSource {
    const options = this.options;
    const status = source.path.display;
    const bytesTotal = content.size ?? source.item.size;
    const itemsDone = this.itemsDone;

    return {
      size: content.size ?? source.item.size,
      md5: content.md5 ?? source.item.md5,
      lastWriteTime: content.lastWriteTime ?? source.item.lastWriteTime,
      createdTime: content.createdTime,
      async open(offset = 0, signal?: AbortSignal): Promise<Readable> {
        const stream = await content.open(offset, signal);
        let bytesDone = offset;
        let reported = offset;
        const counter = new PassThrough();
        counter.on('data', (chunk: Buffer) => {
          bytesDone += chunk.length;
          if (bytesDone - reported < PROGRESS_STEP && bytesDone !== bytesTotal) return;
          reported = bytesDone;
          options.progress?.({ activity: 'Copy-Item', status, bytesDone, bytesTotal, itemsDone });
        });
        stream.on('error', (error) => counter.destroy(error));
        return stream.pipe(counter);
      },
    };
  }
}

/** Lower-case hex MD5 of a content source, read as a stream. */
export async function md5Of(content: ContentSource, signal?: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  const stream = await content.open(0, signal);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
