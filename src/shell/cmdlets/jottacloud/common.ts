import { withTypeNames } from '../../../core/psobject.js';
import { jottacloudFeatures } from '../../../../providers/jottacloud/index.js';
import type { ItemPath } from '../../../provider/item-path.js';
import type { ResolvedItem } from '../../../provider/item-path.js';
import type { CmdletContext } from '../../api.js';
import { engineOf, forEachItem, operationOptions, targetPaths } from '../navigation/common.js';

/** The drive the Jottacloud cmdlets use when given no path: JAFS:, else the current one. */
export const DEFAULT_DRIVE = 'JAFS';

/** The provider context of the Jottacloud drive `path` lies on (an error on other drives). */
export function featureContext(ctx: CmdletContext, path: ItemPath, cmdlet: string) {
  return jottacloudFeatures.jottacloudContext(
    path.drive,
    {
      signal: ctx.signal,
      verbose: (message) => ctx.writeVerbose(message),
      warning: (message) => ctx.writeWarning(message),
    },
    path.display,
    cmdlet,
  );
}

/**
 * Runs `action` on each item the cmdlet's -Path/-LiteralPath names, hidden ones included (a
 * trashed or Trash-view file has revisions and links too). Failures are non-terminating.
 */
export async function forEachTarget(
  ctx: CmdletContext,
  action: (item: ResolvedItem) => Promise<void>,
): Promise<void> {
  const options = { ...operationOptions(ctx), force: true };
  await forEachItem(ctx, targetPaths(ctx.params), options, action, false);
}

/** The place `path` names, whether or not anything is there (a trashed original path). */
export function placeOf(ctx: CmdletContext, path: string): ItemPath {
  return engineOf(ctx.session).lexicalPath(path, true);
}

/** The root of the drive named by -Drive (`JAFS`, `JAFS:`), else JAFS: or the current drive. */
export function driveRoot(ctx: CmdletContext, name: unknown): ItemPath {
  const engine = engineOf(ctx.session);
  const given = typeof name === 'string' && name !== '' ? name.replace(/:$/, '') : undefined;
  if (given !== undefined) return engine.lexicalPath(`${given}:\\`, true);

  const here = engine.currentLocation();
  const drive = engine.getDrive(here.drive);
  const onJottacloud = drive.provider.name === 'Jottacloud';
  return engine.lexicalPath(onJottacloud ? `${drive.name}:\\` : `${DEFAULT_DRIVE}:\\`, true);
}

/** A plain object with a type name, so the registered views format it. */
export function typed<T extends object>(value: T, typeName: string): T {
  return withTypeNames({ ...value }, typeName) as T;
}
