import { setTimeout as sleep } from 'node:timers/promises';
import { JafsError } from '../../../core/errors.js';
import type { ProviderEngine } from '../../../provider/engine.js';
import type { ResolvedItem } from '../../../provider/item-path.js';
import type { ContentSource } from '../../../provider/types.js';
import { RecordSplitter, type RecordOptions } from './content-reader.js';

/** How often Get-Content -Wait looks for appended content (PowerShell: once a second). */
export const WAIT_POLL_MS = 1_000;

/**
 * Providers whose content -Wait does not follow: every look is a request to a remote service
 * (and Jottacloud listings are cached for seconds), so following would be slow and costly.
 */
const WAIT_REFUSED: ReadonlySet<string> = new Set(['Jottacloud']);

/** Get-Content -Wait on a drive whose provider cannot follow content. */
export class ContentWaitNotSupportedError extends JafsError {
  constructor(path: string, provider: string) {
    super(
      `Get-Content -Wait is not supported on ${provider} drives: '${path}' would be polled ` +
        'over the network every second. Read it without -Wait, or copy it to a local file.',
      {
        code: 'ECONTENT_WAIT',
        errorId: 'WaitNotSupported',
        category: 'NotImplemented',
        targetObject: path,
      },
    );
  }
}

/** Throws unless -Wait can follow `item`'s content. */
export function refuseWait(item: ResolvedItem): void {
  const provider = item.path.drive.provider.name;
  if (WAIT_REFUSED.has(provider))
    throw new ContentWaitNotSupportedError(item.path.display, provider);
}

/**
 * Get-Content -Wait after the first read: once a second, the records appended since, until the
 * command is stopped (Ctrl+C). Content that got shorter is read again from its start. The start
 * is the size the first read had; a byte order mark was already passed there.
 */
export async function* followRecords(
  engine: ProviderEngine,
  item: ResolvedItem,
  first: ContentSource,
  options: RecordOptions,
  signal: AbortSignal,
): AsyncGenerator<unknown> {
  let offset = first.size ?? 0;
  const splitter = new RecordSplitter(options.delimiter);
  const decoder = options.encoding.decoder();

  for (;;) {
    await sleep(WAIT_POLL_MS, undefined, { signal });
    const now = await engine.tryGetItem(item.path, { signal });
    if (now?.size === undefined || now.size === offset) continue;
    if (now.size < offset) offset = 0;

    const source = await engine.openContent({ path: item.path, item: now }, { signal });
    const stream = await source.open(offset, signal);
    for await (const chunk of stream) {
      offset += (chunk as Buffer).length;
      if (options.asBytes) yield* chunk as Buffer;
      else yield* splitter.push(decoder.write(chunk as Buffer));
    }
  }
}
