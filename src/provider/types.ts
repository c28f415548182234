import type { Readable } from 'node:stream';
import type { ParameterDefinition } from '../core/parameters.js';

/**
 * The public provider API. A provider implements the two required methods and any of the
 * optional ones; the engine derives its capabilities from which methods exist (nothing is
 * declared twice) and does everything else once for all providers: path parsing, drives and
 * locations, wildcards, -Include/-Exclude, -Recurse/-Depth, ShouldProcess, error records.
 *
 * Paths given to a provider are *provider paths*: they start with `/`, use `/` between
 * segments, have no trailing separator (the root is `/`), and are already resolved (no `.`,
 * `..` or wildcards). The drive's root is part of them: a drive `Cloud:` rooted at
 * `/Jotta/Archive` turns `Cloud:\docs` into `/Jotta/Archive/docs`.
 */

/** What a provider returns for one item. The engine wraps it for the pipeline (PSPath, …). */
export interface ProviderItem {
  /** The item's own name (last segment), as the store spells it. */
  name: string;
  isContainer: boolean;
  /** Hidden items are left out of listings unless -Force (Trash, Links, deleted items). */
  hidden?: boolean;
  /**
   * The item is in the store's trash (a Jottacloud item moved there by Remove-Item). Listed like
   * a hidden item, only with -Force, but semantically gone: it does not make Test-Path true and
   * does not count as a child when Remove-Item asks whether a container has children.
   */
  deleted?: boolean;
  /** Formatting view key, most specific first, e.g. `['Jafs.Jottacloud.File']`. */
  typeNames: readonly string[];
  /**
   * The properties the user sees and scripts read, PascalCase as in PowerShell: `Name`,
   * `Length`, `LastWriteTime` (Date), `Mode`, and anything provider-specific (`MD5`, `State`).
   */
  properties: Record<string, unknown>;
  /** Size in bytes of a leaf, when known (used by copy to skip identical files). */
  size?: number;
  /** Lower-case hex MD5 of a leaf, when the store knows it without reading the content. */
  md5?: string;
  lastWriteTime?: Date;
}

/**
 * Content that can be opened more than once: an upload may read it once for its MD5 and again
 * to send it, and a resumed transfer opens it at an offset. Nothing ever holds it whole in memory.
 */
export interface ContentSource {
  /** Bytes in total, when known before reading. */
  size?: number;
  /** Lower-case hex MD5, when known before reading. */
  md5?: string;
  lastWriteTime?: Date;
  createdTime?: Date;
  /** Opens the bytes from `offset` (default 0) to the end. */
  open(offset?: number, signal?: AbortSignal): Promise<Readable>;
  /**
   * The local file that holds exactly these bytes, when there is one: a reader moving many bytes
   * (the Jottacloud upload) may then read it directly with reused buffers instead of `open`.
   */
  localFile?: string;
  /**
   * Told the bytes read so far by a reader that reads `localFile` itself (bypassing `open`), so
   * the copy's progress bar still moves during a long local pass such as the upload's MD5.
   */
  onLocalRead?(bytesDone: number): void;
}

/** Progress of one long operation, reported as it goes. */
export interface ProgressEvent {
  /** Short description of the whole operation, e.g. `Copy-Item`. */
  activity: string;
  /** What happens now, e.g. the file being sent. */
  status?: string;
  bytesDone?: number;
  bytesTotal?: number;
  itemsDone?: number;
  itemsTotal?: number;
  completed?: boolean;
}

/** Everything a provider call may need besides the path. */
export interface ProviderContext<DriveState = unknown> {
  /** Aborted on Ctrl+C; every request and stream must obey it. */
  signal: AbortSignal;
  /** -Force was given: include hidden items, allow what is refused by default. */
  force: boolean;
  /** Values bound to this provider's dynamic parameters, by canonical name. */
  dynamic: Readonly<Record<string, unknown>>;
  /** The drive the path came through (its state holds e.g. the logged-in client). */
  drive: DriveInfo<DriveState>;
  progress(event: ProgressEvent): void;
  verbose(message: string): void;
  warning(message: string): void;
}

/** What New-PSDrive (or a provider's default drives) asks for. */
export interface DriveDefinition {
  name: string;
  /** Provider path of the drive's root, e.g. `/` or `/Jotta/Archive`. */
  root: string;
  description?: string;
  /** Provider-specific options (a credential, a server URL). */
  options?: Readonly<Record<string, unknown>>;
}

export interface DriveInfo<DriveState = unknown> {
  readonly name: string;
  readonly root: string;
  readonly description: string;
  readonly provider: Provider<DriveState>;
  /** What the provider's newDrive returned (a logged-in client, for example). */
  readonly state: DriveState;
}

/** Space used and free on a drive, for Get-PSDrive. */
export interface DriveSpace {
  used?: number;
  free?: number;
}

export interface Provider<DriveState = unknown> {
  /** `FileSystem`, `Jottacloud`. */
  readonly name: string;
  /** Other names New-PSDrive accepts, e.g. `JottacloudPSProvider`. */
  readonly aliases?: readonly string[];
  /** Separator used when the engine shows paths of this provider's drives. */
  readonly separator: '/' | '\\';
  /** FileSystem on Linux is case-sensitive; Jottacloud is not. */
  readonly caseSensitive: boolean;
  /** Provider path that `~` expands to, when the provider has a home. */
  readonly home?: string;
  /**
   * A drive's root names a local file or folder (an archive, a database): New-PSDrive resolves
   * a relative root (`./backup.tar`) against the current file-system location, not against
   * this provider's own root.
   */
  readonly rootIsNativePath?: boolean;
  readonly description?: string;

  // ----- drives -----

  /** Drives to mount when the provider loads. */
  defaultDrives?(): DriveDefinition[] | Promise<DriveDefinition[]>;
  /** Validates a drive and attaches per-drive state (a client, a session). */
  newDrive?(definition: DriveDefinition, signal: AbortSignal): Promise<DriveState>;
  removeDrive?(drive: DriveInfo<DriveState>): Promise<void>;
  driveSpace?(drive: DriveInfo<DriveState>, signal: AbortSignal): Promise<DriveSpace>;

  // ----- required -----

  /** The item at `path`, or undefined when nothing is there (hidden items only with -Force). */
  getItem(path: string, ctx: ProviderContext<DriveState>): Promise<ProviderItem | undefined>;
  /** The children of a container, one level, as they arrive (hidden ones only with -Force). */
  getChildItems(path: string, ctx: ProviderContext<DriveState>): AsyncIterable<ProviderItem>;

  // ----- optional: each unlocks the cmdlets that need it -----

  /** Item types New-Item accepts under `path` (completion and the error message list them). */
  newItemTypes?(path: string): readonly string[];
  /** Creates the item `path` (its parent exists); `value` is New-Item's -Value. */
  newItem?(
    path: string,
    itemType: string,
    value: unknown,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /**
   * Set-Item: gives the item `path` the value `value`, creating it when it is missing (an
   * environment variable, a shell variable). Stores whose items have content rather than a
   * value (files) leave it out.
   */
  setItem?(path: string, value: unknown, ctx: ProviderContext<DriveState>): Promise<ProviderItem>;
  /** Creates `path` and any missing parent containers (mkdir -p); used by cross-drive copy. */
  makeContainer?(path: string, ctx: ProviderContext<DriveState>): Promise<ProviderItem>;
  removeItem?(
    path: string,
    options: { recurse: boolean },
    ctx: ProviderContext<DriveState>,
  ): Promise<void>;
  renameItem?(
    path: string,
    newName: string,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /** Moves within one drive; `destination` is the new full provider path. */
  moveItem?(
    path: string,
    destination: string,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /** Copies within one drive (server-side where the store can); `destination` is a full path. */
  copyItem?(
    path: string,
    destination: string,
    options: { recurse: boolean },
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /** The bytes of a leaf (Get-Content, and the source side of Copy-Item across drives). */
  getContent?(path: string, ctx: ProviderContext<DriveState>): Promise<ContentSource>;
  /**
   * Replaces the content of the leaf `path` (creating it) with `source`: the target side of
   * Set-Content and of Copy-Item across drives. Must never leave a partial item under `path`.
   */
  setContent?(
    path: string,
    source: ContentSource,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  clearContent?(path: string, ctx: ProviderContext<DriveState>): Promise<void>;
  /**
   * Set-ItemProperty: sets the property `name` (as the user typed it, any case) of the item at
   * `path` to `value` and returns the item afterwards. Unknown and read-only properties throw.
   */
  setItemProperty?(
    path: string,
    name: string,
    value: unknown,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /**
   * getContent of a leaf the caller has just listed (walk or getChildItems in this command):
   * `item` is that listing's entry, so the provider may trust its size and MD5 instead of
   * looking the leaf up again. Copy-Item of a tree uses it; without it the engine calls
   * getContent. Same guarantee: the bytes are those of a complete leaf, or an error.
   */
  getListedContent?(
    path: string,
    item: ProviderItem,
    ctx: ProviderContext<DriveState>,
  ): Promise<ContentSource>;
  /**
   * setContent for a caller that has just listed the target (Copy-Item): `existing` is what was
   * at `path` then (undefined: nothing live), so the provider need not look again. Missing
   * parent containers are created on the way, so the engine creates only empty containers
   * itself. Same guarantee as setContent: never a partial item under `path`.
   */
  setListedContent?(
    path: string,
    source: ContentSource,
    existing: ProviderItem | undefined,
    ctx: ProviderContext<DriveState>,
  ): Promise<ProviderItem>;
  /**
   * Every item below `path`, depth first, parents before children, as the store can list them
   * fastest (Jottacloud: one `mode=list` request). The engine falls back to getChildItems.
   */
  walk?(
    path: string,
    ctx: ProviderContext<DriveState>,
  ): AsyncIterable<{ path: string; item: ProviderItem }>;
  /**
   * Extra parameters of a cmdlet for paths of this provider (New-Item -DeviceType,
   * Remove-Item -Permanent). `cmdlet` is the canonical cmdlet name.
   */
  dynamicParameters?(cmdlet: string, path: string | undefined): readonly ParameterDefinition[];
}
