import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { ContentSource, ProgressEvent, ProviderItem } from './types.js';
import type { ItemPath, ResolvedItem } from './item-path.js';
import { callProvider, contextFor, type OperationOptions } from './provider-call.js';
import { need } from './item-operations.js';
import { ProviderOperationError } from './errors.js';

/** Bytes between two progress reports of one file. */
const PROGRESS_STEP = 1024 * 1024;

/**
 * Streams leaves from one provider to another: content from the source, skipped when the target
 * already holds the same size and MD5, otherwise written through the target provider. The caller
 * says what is at the target (it has just looked, or listed the whole target tree once), so no
 * leaf costs a look-up of its own. Counts the items done for progress.
 */
export class LeafCopier {
  itemsDone = 0;
  /** Items of the whole copy, when known (a tree copy plans before it starts). */
  itemsTotal: number | undefined;

  constructor(private readonly options: OperationOptions) {}

  /** Progress of the copy as a whole. */
  report(event: Omit<ProgressEvent, 'activity' | 'itemsDone' | 'itemsTotal'>): void {
    const { itemsDone, itemsTotal } = this;
    this.options.progress?.({ activity: 'Copy-Item', itemsDone, itemsTotal, ...event });
  }

  /** Copies the leaf `source` to `target`, where `existing` is (undefined: nothing live). */
  async copyLeaf(
    source: ResolvedItem,
    target: ItemPath,
    existing: ProviderItem | undefined,
  ): Promise<ProviderItem> {
    if (existing?.isContainer) {
      throw new ProviderOperationError(
        `Cannot overwrite the container '${target.display}' with a leaf item.`,
        'CopyLeafToContainerError',
        target.display,
      );
    }

    const content = await this.read(source);
    if (existing && (await this.isIdentical(source, content, target, existing))) {
      this.options.verbose?.(`Skipped '${target.display}': same size and MD5 as the source.`);
      this.itemsDone++;
      return existing;
    }

    const item = await this.write(target, this.withProgress(source, content), existing);
    this.itemsDone++;
    return item;
  }

  /** The source's bytes; a provider that can trusts the listed item and skips a look-up. */
  private read(source: ResolvedItem): Promise<ContentSource> {
    const { provider } = source.path.drive;
    const ctx = contextFor(source.path.drive, this.options);
    const listed = provider.getListedContent;
    if (listed) {
      return callProvider('GetContent', source.path, () =>
        listed.call(provider, source.path.providerPath, source.item, ctx),
      );
    }
    const read = need(provider, 'getContent', source.path);
    return callProvider('GetContent', source.path, () => read(source.path.providerPath, ctx));
  }

  private write(target: ItemPath, content: ContentSource, existing: ProviderItem | undefined) {
    const { provider } = target.drive;
    const ctx = contextFor(target.drive, this.options);
    const listed = provider.setListedContent;
    if (listed) {
      return callProvider('CopyItem', target, () =>
        listed.call(provider, target.providerPath, content, existing, ctx),
      );
    }
    const write = need(provider, 'setContent', target);
    return callProvider('CopyItem', target, () => write(target.providerPath, content, ctx));
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
    const status = source.path.display;
    const bytesTotal = content.size ?? source.item.size;
    const report = (bytesDone: number) => this.report({ status, bytesDone, bytesTotal });

    return {
      size: content.size ?? source.item.size,
      md5: content.md5 ?? source.item.md5,
      lastWriteTime: content.lastWriteTime ?? source.item.lastWriteTime,
      createdTime: content.createdTime,
      // A reader of the file itself bypasses the counting below; the target provider then
      // reports the bytes (the Jottacloud upload does, as its 'Upload' progress).
      localFile: content.localFile,
      onLocalRead: (bytesDone) => report(bytesDone),
      async open(offset = 0, signal?: AbortSignal): Promise<Readable> {
        const stream = await content.open(offset, signal);
        let bytesDone = offset;
        let reported = offset;
        const counter = new PassThrough();
        counter.on('data', (chunk: Buffer) => {
          bytesDone += chunk.length;
          if (bytesDone - reported < PROGRESS_STEP && bytesDone !== bytesTotal) return;
          reported = bytesDone;
          report(bytesDone);
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
