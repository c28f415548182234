import { JafsError } from '../../core/errors.js';
import { ProviderEngine } from '../../provider/engine.js';
import type { EngineApi } from '../../provider/engine-api.js';
import { ItemNotFoundError, PartOfPathNotFoundError } from '../../provider/errors.js';
import { parentOf, type ItemPath } from '../../provider/item-path.js';
import type { ErrorRecord } from '../errors.js';
import { renderError } from '../format/error-view.js';
import { OutDefault } from '../format/out-default.js';

/**
 * What `>`, `>>`, `2>`, `*>` and Out-File share: the text the host would have shown for a run of
 * objects, written through the provider engine so that any drive with content (the file system,
 * JAFS:) can receive it.
 */

/** How the text becomes bytes: UTF-8 without a byte order mark unless Out-File says otherwise. */
export interface FileEncoding {
  readonly preamble: Buffer;
  encode(text: string): Buffer;
}

const UTF8_NO_BOM: FileEncoding = {
  preamble: Buffer.alloc(0),
  encode: (text) => Buffer.from(text, 'utf8'),
};

export interface OutputFileOptions {
  append: boolean;
  /** The path is used as written (redirection, -LiteralPath); otherwise wildcards may match. */
  literal: boolean;
  /** -NoClobber: refuse to replace an existing file. */
  noClobber?: boolean;
  /** -Force: overwrite read-only items where the provider allows it. */
  force?: boolean;
  encoding?: FileEncoding;
  signal?: AbortSignal;
}

/** Out-File -NoClobber on a file that exists. */
export class OutputFileExistsError extends JafsError {
  constructor(path: string) {
    super(`The file '${path}' already exists.`, {
      code: 'EEXIST',
      errorId: 'NoClobber',
      category: 'ResourceExists',
      targetObject: path,
    });
  }
}

/** Output aimed at a folder, or at a wildcard matching several files. */
export class OutputFileTargetError extends JafsError {
  constructor(message: string, path: string) {
    super(message, {
      code: 'EBADTARGET',
      errorId: 'OutFileTargetInvalid',
      category: 'InvalidArgument',
      targetObject: path,
    });
  }
}

/**
 * The text Out-Default would print for `values` (tables, lists, the children table of items,
 * error records in the current $ErrorView), without colours, at `width` columns.
 */
export function renderForFile(values: readonly unknown[], width: number, errorView: unknown) {
  let text = '';
  const out = new OutDefault(
    (chunk) => (text += chunk),
    () => width,
    false,
    (record: ErrorRecord) => renderError(record, errorView),
  );
  for (const value of values) out.push(value);
  out.flush();
  return text;
}

/** The single place the output goes to (a new file at a path that does not exist yet). */
export async function outputTarget(
  engine: ProviderEngine,
  path: string,
  options: OutputFileOptions,
): Promise<ItemPath> {
  if (options.literal) return engine.lexicalPath(path, true);

  try {
    const found = await engine.resolve(path, { signal: options.signal });
    if (found.length === 1) return found[0].path;
    if (found.length > 1) {
      throw new OutputFileTargetError(
        `Cannot perform operation because the wildcard path ${path} resolved to multiple files.`,
        path,
      );
    }
  } catch (error) {
    if (!(error instanceof ItemNotFoundError)) throw error;
  }

  return engine.lexicalPath(path, false);
}

/** Writes `text` to the file at `path` (relative paths from the current location). */
export async function writeOutputFile(
  api: EngineApi,
  path: string,
  text: string,
  options: OutputFileOptions,
): Promise<ItemPath> {
  const engine = providerEngine(api);
  const target = await outputTarget(engine, path, options);
  const existing = await engine.tryGetItem(target, { signal: options.signal });

  if (existing?.isContainer) {
    throw new OutputFileTargetError(
      `Access to the path '${target.display}' is denied: it is a folder, not a file.`,
      target.display,
    );
  }
  if (existing && options.noClobber) throw new OutputFileExistsError(target.display);
  if (!existing) await checkParent(engine, target, options.signal);

  // A byte order mark starts the file only: never in the middle of appended text.
  const encoding = options.encoding ?? UTF8_NO_BOM;
  const fresh = !options.append || !existing || !existing.size;
  const bytes = Buffer.concat([fresh ? encoding.preamble : Buffer.alloc(0), encoding.encode(text)]);
  await engine.writeText(target, bytes, options.append, {
    signal: options.signal,
    force: options.force,
  });
  return target;
}

/** A new file goes only into a folder that exists, as PowerShell's file system requires. */
async function checkParent(engine: ProviderEngine, target: ItemPath, signal?: AbortSignal) {
  const parent = parentOf(target);
  if (parent === undefined) return;
  const folder = await engine.tryGetItem(parent, { signal });
  if (folder?.isContainer) return;
  throw new PartOfPathNotFoundError(target.display, 'DirectoryNotFoundException');
}

function providerEngine(api: EngineApi): ProviderEngine {
  if (api instanceof ProviderEngine) return api;
  throw new JafsError('Writing output to a file needs the session to run on a ProviderEngine.', {
    code: 'ENOENGINE',
    errorId: 'EngineUnavailable',
    category: 'InvalidOperation',
  });
}
