import type { ProviderContext, ProviderItem } from '../../src/provider/types.js';
import type { JfsFile, TreeFolder } from '../../src/jfs/models.js';
import { attempt } from './errors.js';
import { fileItem, folderItem } from './items.js';
import { canList, listChildren } from './lookup.js';
import { displayPath, joinPath, levelOf, pathKey, segmentsOf } from './paths.js';
import type { JottacloudDriveState } from './state.js';

type Context = ProviderContext<JottacloudDriveState>;
type Walked = { path: string; item: ProviderItem };

/**
 * Every item below `path`, parents before their children. Inside a mount point the whole
 * subtree comes from one `mode=list` request; above it (account, devices) the walk goes one
 * listing per container. The Trash view is walked by listings as well, one level deep (its
 * entries cannot be opened), and the Links and Latest search views are left out.
 */
export async function* walk(path: string, ctx: Context): AsyncGenerator<Walked> {
  const level = levelOf(path);
  const inTrash = segmentsOf(path)[1]?.toLowerCase() === 'trash';
  const inTree = level === 'mountPoint' || level === 'entry';
  if (inTree && !inTrash && (await canList(path, ctx))) {
    yield* walkTree(path, ctx);
    return;
  }

  for (const item of await listChildren(path, ctx)) {
    const childPath = joinPath(path, item.name);
    yield { path: childPath, item };
    if (item.isContainer && (await canList(childPath, ctx))) yield* walk(childPath, ctx);
  }
}

/**
 * One `mode=list` answer, ordered depth first. A folder that was trashed and made again is
 * listed twice (the live entry and the trashed one): both entries' files belong to that path,
 * and the folder is walked once, as the live one.
 */
async function* walkTree(path: string, ctx: Context): AsyncGenerator<Walked> {
  const { client } = ctx.drive.state;
  const shown = displayPath(path, ctx.drive);
  const tree = await attempt('list', shown, () => client.listTree(path, ctx.signal));

  const childFolders = new Map<string, Map<string, TreeFolder>>();
  const filesAt = new Map<string, JfsFile[]>();
  for (const folder of tree.folders) {
    const full = pathKey(joinPath(folder.path, folder.name));
    filesAt.set(full, [...(filesAt.get(full) ?? []), ...folder.files]);

    const siblings = childFolders.get(pathKey(folder.path)) ?? new Map<string, TreeFolder>();
    const twin = siblings.get(full);
    if (!twin || (twin.deleted !== undefined && folder.deleted === undefined)) {
      siblings.set(full, folder);
    }
    childFolders.set(pathKey(folder.path), siblings);
  }

  async function* below(folderPath: string): AsyncGenerator<Walked> {
    ctx.signal.throwIfAborted();
    for (const child of childFolders.get(pathKey(folderPath))?.values() ?? []) {
      const hidden = child.deleted !== undefined;
      if (hidden && !ctx.force) continue;
      const childPath = joinPath(folderPath, child.name);
      yield { path: childPath, item: folderItem(child, hidden) };
      yield* below(childPath);
    }

    for (const file of liveFirst(filesAt.get(pathKey(folderPath)) ?? [])) {
      const hidden = file.deleted !== undefined;
      if (hidden && !ctx.force) continue;
      yield { path: joinPath(folderPath, file.name), item: fileItem(file, hidden) };
    }
  }

  yield* below(path);
}

/** One file per name: the live one where a trashed twin shares its name. */
function liveFirst(files: readonly JfsFile[]): JfsFile[] {
  const byName = new Map<string, JfsFile>();
  for (const file of files) {
    const key = file.name.toLowerCase();
    const twin = byName.get(key);
    if (!twin || (twin.deleted !== undefined && file.deleted === undefined)) byName.set(key, file);
  }
  return [...byName.values()];
}
