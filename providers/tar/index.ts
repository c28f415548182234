import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  ContainerNode,
  LeafNode,
  createNodeProvider,
  type NodeCallContext,
} from '../../src/provider/sdk/index.js';
import type { ContentSource, Provider } from '../../src/provider/types.js';
import { readTarIndex, type TarFile, type TarFolder } from './archive.js';

export { readTarIndex, TarFormatError } from './archive.js';

/** A drive of the Tar provider: the archive file and its index, read once when mounted. */
interface TarDrive {
  archive: string;
  index: TarFolder;
}

class FolderNode extends ContainerNode {
  constructor(
    private readonly folder: TarFolder,
    private readonly drive: TarDrive,
  ) {
    super(folder.name);
    this.lastWriteTime = folder.lastWriteTime;
  }

  children() {
    const folders = [...this.folder.folders.values()].map((f) => new FolderNode(f, this.drive));
    const files = [...this.folder.files.values()].map((f) => new FileNode(f, this.drive));
    return [...folders, ...files];
  }
}

class FileNode extends LeafNode {
  constructor(
    private readonly file: TarFile,
    private readonly drive: TarDrive,
  ) {
    super(file.name);
    this.size = file.size;
    this.lastWriteTime = file.lastWriteTime;
  }

  /** The file's bytes straight from the archive, from any offset, never all in memory. */
  override content(_ctx: NodeCallContext): ContentSource {
    const { offset: start, size } = this.file;
    return {
      size,
      lastWriteTime: this.file.lastWriteTime,
      open: async (offset = 0, signal) =>
        offset >= size
          ? Readable.from([], { signal })
          : createReadStream(this.drive.archive, {
              start: start + offset,
              end: start + size - 1,
              signal,
            }),
    };
  }
}

/**
 * A read-only provider over an uncompressed .tar archive. The drive root is the archive's path,
 * relative to the current file-system location: `New-PSDrive Backup Tar ./backup.tar`, then
 * `Copy-Item Backup:\photos JAFS:\… -Recurse`.
 */
export function createTarProvider(): Provider {
  return createNodeProvider<TarDrive>({
    name: 'Tar',
    description: 'Read-only: the files inside an uncompressed .tar archive.',
    caseSensitive: true,
    separator: '/',
    rootIsNativePath: true,
    cacheMs: Infinity,
    nodeTypes: [FolderNode, FileNode],
    newDrive: async (definition, signal) => ({
      archive: definition.root,
      index: await readTarIndex(definition.root, signal),
    }),
    root: (drive) => new FolderNode(drive.state.index, drive.state),
  });
}

export default createTarProvider;
