import type { DriveInfo, Provider } from './types.js';
import {
  combineSegments,
  joinProviderPath,
  parsePath,
  segmentsBelow,
  splitSegments,
  type ParsedPath,
} from './path-syntax.js';
import { itemPath, NATIVE_DRIVE_NAME, type ItemPath } from './item-path.js';
import { DriveNotFoundError, HomeNotSetError } from './errors.js';
import { WildcardPattern } from './wildcard.js';

/** One segment of a resolved path; `typed` ones came from the user and may hold wildcards. */
export interface Segment {
  readonly text: string;
  readonly typed: boolean;
}

/** A path anchored on a drive but not yet globbed. */
export interface PathSpec {
  readonly drive: DriveInfo;
  readonly segments: readonly Segment[];
}

/** What resolving a typed path needs to know about the session. */
export interface ResolveContext {
  findDrive(name: string): DriveInfo | undefined;
  findProvider(name: string): Provider;
  drivesOf(provider: Provider): DriveInfo[];
  current(): ItemPath;
  locationOn(drive: DriveInfo): ItemPath;
}

/** Anchors `input` on a drive and applies `.`/`..`; wildcards are left for the globber. */
export function resolveSpec(input: string, context: ResolveContext): PathSpec {
  const parsed = parsePath(input);
  if (parsed.provider && parsed.anchor.kind !== 'drive' && parsed.anchor.kind !== 'home') {
    return absoluteProviderSpec(parsed.segments, context.findProvider(parsed.provider), context);
  }

  const base = parsed.provider
    ? providerBase(parsed, context.findProvider(parsed.provider), context)
    : sessionBase(parsed, context);

  const segments: Segment[] = base.segments.map((text) => ({ text, typed: false }));
  for (const text of parsed.segments) {
    if (text === '.') continue;
    if (text === '..') segments.pop();
    else segments.push({ text, typed: true });
  }

  return { drive: base.drive, segments };
}

/**
 * The literal place a spec names: typed segments lose their escaping backticks unless the path
 * is literal (-LiteralPath names items exactly as written).
 */
export function literalPathOf(spec: PathSpec, literal: boolean): ItemPath {
  const names = spec.segments.map((segment) =>
    segment.typed && !literal ? WildcardPattern.unescape(segment.text) : segment.text,
  );
  return itemPath(spec.drive, names);
}

function sessionBase(parsed: ParsedPath, context: ResolveContext): ItemPath {
  const anchor = parsed.anchor;
  switch (anchor.kind) {
    case 'drive': {
      const drive = context.findDrive(anchor.drive);
      if (!drive) throw new DriveNotFoundError(anchor.drive);
      return anchor.fromRoot ? itemPath(drive, []) : context.locationOn(drive);
    }

    case 'home':
      return homeOf(context.current().drive.provider, context);
    case 'fileSystemRoot': {
      const native = context.findDrive(NATIVE_DRIVE_NAME);
      return itemPath(native ?? context.current().drive, []);
    }

    case 'driveRoot':
      return itemPath(context.current().drive, []);
    case 'relative':
      return context.current();
  }
}

/** `Provider::…`: a drive of that provider, its home, or an absolute provider path. */
function providerBase(parsed: ParsedPath, provider: Provider, context: ResolveContext) {
  const anchor = parsed.anchor;
  if (anchor.kind === 'drive') {
    const drive = context.findDrive(anchor.drive);
    if (!drive || drive.provider !== provider) throw new DriveNotFoundError(anchor.drive);
    return anchor.fromRoot ? itemPath(drive, []) : context.locationOn(drive);
  }

  return homeOf(provider, context);
}

/** `FileSystem::/tmp/x`: an absolute provider path, placed on a drive that contains it. */
function absoluteProviderSpec(typed: string[], provider: Provider, context: ResolveContext) {
  const names = combineSegments([], typed);
  const placed = onFirstDrive(provider, joinProviderPath('/', names), context);
  const segments = placed.segments.map((text) => ({ text, typed: true }));
  return { drive: placed.drive, segments };
}

function homeOf(provider: Provider, context: ResolveContext): ItemPath {
  if (provider.home === undefined) throw new HomeNotSetError(provider.name);
  return onFirstDrive(provider, provider.home, context);
}

/**
 * Places a provider path on the first drive of `provider` whose root contains it (the default
 * drive comes first), or on its first drive when none does.
 */
function onFirstDrive(provider: Provider, providerPath: string, context: ResolveContext) {
  const drives = context.drivesOf(provider);
  if (drives.length === 0) throw new DriveNotFoundError(provider.name);

  for (const drive of drives) {
    const below = segmentsBelow(drive.root, providerPath, provider.caseSensitive);
    if (below) return itemPath(drive, below);
  }

  return itemPath(drives[0], splitSegments(providerPath));
}
