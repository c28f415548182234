import { JafsError } from '../../src/core/errors.js';
import { itemPath, type ResolvedItem } from '../../src/provider/item-path.js';
import type { DriveInfo, ProviderContext } from '../../src/provider/types.js';
import { fileItem } from './items.js';
import { segmentsOf } from './paths.js';
import { originalPathOf, searchViewFiles } from './search-views.js';
import type { JottacloudDriveState } from './state.js';

/**
 * Jottacloud features beyond the provider contract (Trash, revisions, public links, Latest),
 * for the Jottacloud cmdlets. They run on a drive of this provider, with a context like the
 * engine's.
 */
export { emptyTrash, restoreFromTrash, type RestoreSummary, type TrashSummary } from './trash.js';
export { REVISION_TYPE, listRevisions, restoreRevision, type RevisionInfo } from './revisions.js';
export {
  DEFAULT_WEB_BASE_URL,
  SHARE_TYPE,
  listShares,
  publicLink,
  setShare,
  type ShareInfo,
} from './sharing.js';

/** A path given to a Jottacloud cmdlet lies on a drive of another provider. */
export class NotJottacloudPathError extends JafsError {
  constructor(path: string, cmdlet: string) {
    super(`${cmdlet} works on Jottacloud drives (JAFS:); '${path}' is not on one.`, {
      code: 'EJOTTA_NOT_JOTTACLOUD',
      errorId: 'NotJottacloudPath',
      category: 'InvalidArgument',
      targetObject: path,
    });
  }
}

/** What a cmdlet passes on from its own context. */
export interface FeatureOptions {
  signal: AbortSignal;
  verbose?(message: string): void;
  warning?(message: string): void;
}

/**
 * The provider context of `drive`, after checking it is a Jottacloud drive; `shown` and
 * `cmdlet` only word the error.
 */
export function jottacloudContext(
  drive: DriveInfo,
  options: FeatureOptions,
  shown: string,
  cmdlet: string,
): ProviderContext<JottacloudDriveState> {
  if (drive.provider.name !== 'Jottacloud') throw new NotJottacloudPathError(shown, cmdlet);
  return {
    signal: options.signal,
    force: true,
    dynamic: {},
    drive: drive as DriveInfo<JottacloudDriveState>,
    progress: () => undefined,
    verbose: (message) => options.verbose?.(message),
    warning: (message) => options.warning?.(message),
  };
}

/**
 * The `max` most recently updated files of the account (the Latest view), newest first, as
 * items at their own paths on `ctx`'s drive; files outside the drive's root are left out.
 */
export async function latestItems(
  max: number,
  ctx: ProviderContext<JottacloudDriveState>,
): Promise<ResolvedItem[]> {
  const files = await searchViewFiles('/Jotta/Latest', ctx, max);
  const root = segmentsOf(ctx.drive.root).map((name) => name.toLowerCase());
  const found: ResolvedItem[] = [];
  for (const file of files) {
    const segments = segmentsOf(originalPathOf(file) ?? '');
    const inside = root.every((name, i) => segments[i]?.toLowerCase() === name);
    if (segments.length === 0 || !inside) continue;
    found.push({
      path: itemPath(ctx.drive, segments.slice(root.length)),
      item: fileItem(file, false),
    });
  }
  return found;
}
