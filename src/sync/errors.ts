import { JafsError } from '../core/errors.js';

/**
 * The errors Sync-Item raises on purpose. The refusals are terminating: they are checked before
 * anything is written, so a refused sync has changed nothing.
 */

/** The destination lies inside the source or the source inside the destination. */
export class SyncOverlapError extends JafsError {
  constructor(source: string, destination: string) {
    super(
      `Cannot sync '${source}' to '${destination}': one lies inside the other, so the sync ` +
        'would copy into (or delete from) its own source. Choose folders that do not overlap.',
      {
        code: 'ESYNC_OVERLAP',
        errorId: 'SyncPathsOverlap',
        category: 'InvalidArgument',
        targetObject: destination,
      },
    );
  }
}

/** -Delete with nothing in the source: a vanished mount or a typo must not wipe a backup. */
export class SyncEmptySourceError extends JafsError {
  constructor(source: string) {
    super(
      `Refusing to sync with -Delete: the source '${source}' has no files (empty, only empty ` +
        'folders, or nothing passes -Include/-Exclude), so the destination would be emptied. ' +
        'Check the source, or add -Force if that is really what you want.',
      {
        code: 'ESYNC_EMPTY_SOURCE',
        errorId: 'SyncEmptySource',
        category: 'InvalidOperation',
        targetObject: source,
      },
    );
  }
}

/** The source or destination is not a container (a folder, mount point or drive root). */
export class SyncNotContainerError extends JafsError {
  constructor(path: string, side: 'source' | 'destination') {
    super(
      side === 'source'
        ? `Cannot sync '${path}': it is a file. Sync-Item mirrors folders; use Copy-Item for ` +
            'one file.'
        : `Cannot sync to '${path}': it is a file, not a folder.`,
      {
        code: 'ESYNC_NOT_CONTAINER',
        errorId: 'SyncNotContainer',
        category: 'InvalidArgument',
        targetObject: path,
      },
    );
  }
}

/** A source and destination item of the same name differ in kind (file vs folder). */
export class SyncKindConflictError extends JafsError {
  constructor(destination: string, sourceIsContainer: boolean) {
    const [source, target] = sourceIsContainer ? ['a folder', 'a file'] : ['a file', 'a folder'];
    super(
      `Cannot sync '${destination}': it is ${source} in the source but ${target} at the ` +
        'destination. Add -Delete to replace it.',
      {
        code: 'ESYNC_KIND_CONFLICT',
        errorId: 'SyncKindConflict',
        category: 'InvalidOperation',
        targetObject: destination,
      },
    );
  }
}

/** Two source names that the destination's case rules treat as one. */
export class SyncNameClashError extends JafsError {
  constructor(source: string, other: string) {
    super(
      `Cannot sync '${source}': the destination does not tell it apart from '${other}' ` +
        '(names that differ only in case). Rename one of them.',
      {
        code: 'ESYNC_NAME_CLASH',
        errorId: 'SyncNameClash',
        category: 'ResourceExists',
        targetObject: source,
      },
    );
  }
}

/**
 * An item whose name no path can hold (`.`, `..`, empty, or with `/` or NUL in it), as a
 * hostile or broken service could list: it is left out, with everything below it.
 */
export class SyncUnaddressableNameError extends JafsError {
  constructor(path: string, name: string, side: 'source' | 'destination') {
    const shown = JSON.stringify(name);
    super(
      `Cannot sync '${path}': its name ${shown} cannot be a file or folder name, so it was ` +
        `skipped${side === 'source' ? ' with everything below it' : ' and not deleted'}. Rename ` +
        'it where it is stored (for example on the Jottacloud web page).',
      {
        code: 'ESYNC_BAD_NAME',
        errorId: 'SyncUnaddressableName',
        category: 'InvalidData',
        targetObject: path,
      },
    );
  }
}

/** The closing non-terminating error of a run where some items failed. */
export class SyncIncompleteError extends JafsError {
  constructor(failed: number, destination: string) {
    super(
      `Sync to '${destination}' finished with ${failed} failed item${failed === 1 ? '' : 's'} ` +
        '(see the errors above). Run it again to retry them.',
      {
        code: 'ESYNC_INCOMPLETE',
        errorId: 'SyncIncomplete',
        category: 'WriteError',
        targetObject: destination,
      },
    );
  }
}
