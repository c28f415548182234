import type { ItemPath, ResolvedItem } from '../provider/item-path.js';
import type { OperationOptions } from '../provider/provider-call.js';

/** What Sync-Item decides besides the two places. */
export interface SyncOptions extends OperationOptions {
  /** Remove destination items that are missing from the source. @default false */
  delete?: boolean;
  /**
   * Name patterns (PowerShell wildcards) of the files to sync; folders are always descended
   * into, and created only where an included file needs them. @default every file
   */
  include?: readonly string[];
  /** Name patterns of files and folders to leave alone on both sides (a folder with all below). */
  exclude?: readonly string[];
  /**
   * Values of the destination provider's Remove-Item dynamic parameters (Jottacloud's
   * `Permanent`), used for the deletions.
   */
  removeDynamic?: Readonly<Record<string, unknown>>;
  /** How risky a deletion is with those values (-Permanent on JAFS: High, so it is confirmed). */
  deleteImpact?: 'Low' | 'Medium' | 'High';
  /** Files transferred at once. @default 4 (DEFAULT_PARALLEL) */
  parallel?: number;
}

/** A folder the destination lacks: created with all missing parents (mkdir -p). */
export interface CreateAction {
  kind: 'create';
  /** Path below the sync roots, `/` between segments ('' for the destination root). */
  relative: string;
  target: ItemPath;
}

/** A file that is new at the destination (`copy`) or whose content differs (`update`). */
export interface TransferAction {
  kind: 'copy' | 'update';
  relative: string;
  source: ResolvedItem;
  target: ItemPath;
  size: number | undefined;
  /** The source's MD5 when known (from its store or computed while comparing). */
  md5: string | undefined;
}

/** A destination item missing from the source (only with -Delete), or of the wrong kind. */
export interface DeleteAction {
  kind: 'delete';
  relative: string;
  target: ResolvedItem;
  /** Files and bytes that go with it (a folder counts its contents). */
  files: number;
  bytes: number;
}

export type SyncAction = CreateAction | TransferAction | DeleteAction;

/** Everything a run will do, in order: folders, then files, then deletions. */
export interface SyncPlan {
  source: ResolvedItem;
  destination: ItemPath;
  actions: SyncAction[];
  /** Files already identical at the destination. */
  skipped: number;
  /** Items that cannot be synced (name clashes, kind conflicts without -Delete). */
  problems: { error: Error; target: string }[];
}

/** What a run did: the properties of the `Jafs.SyncSummary` object scripts read. */
export interface SyncCounts {
  Copied: number;
  Updated: number;
  Deleted: number;
  Skipped: number;
  Failed: number;
  /** Actions that -WhatIf or a "No" under -Confirm held back. */
  Declined: number;
  /** Sizes of the files copied and updated (a Jottacloud upload the server dedupes sends less). */
  Bytes: number;
}
