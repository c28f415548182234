import os from 'node:os';
import path from 'node:path';
import type { CmdletDefinition } from '../../api.js';
import { withTypeNames } from '../../../core/psobject.js';
import type { DriveInfo, Provider } from '../../../provider/types.js';
import type { ProviderEngine } from '../../../provider/engine.js';
import { DriveNotFoundError, ProviderArgumentError } from '../../../provider/errors.js';
import { driveQualifier, normalizeProviderPath } from '../../../provider/path-syntax.js';
import { WildcardPattern } from '../../../provider/wildcard.js';
import { fileSystemLocation } from '../module/resolve.js';
import { engineOf, strings } from './common.js';

/** The object Get-PSDrive and New-PSDrive write. */
async function driveObject(engine: ProviderEngine, drive: DriveInfo, signal: AbortSignal) {
  const space = await engine
    .driveSpace(drive, signal)
    .catch(() => ({ used: undefined, free: undefined }));
  return withTypeNames(
    {
      Name: drive.name,
      Used: space.used,
      Free: space.free,
      Provider: drive.provider.name,
      Root: drive.root,
      CurrentLocation: currentLocationOn(engine, drive),
      Description: drive.description,
    },
    'System.Management.Automation.PSDriveInfo',
  );
}

/** PowerShell shows a drive's current location relative to its root, without the drive. */
function currentLocationOn(engine: ProviderEngine, drive: DriveInfo): string {
  return engine.placeOn(drive.name).segments.join(drive.provider.separator);
}

/** Names matched by wildcard patterns; a literal name that matches nothing is an error. */
export function select<T>(
  all: T[],
  names: string[],
  nameOf: (item: T) => string,
  missing: (name: string) => Error,
  errors: Error[],
) {
  if (names.length === 0) return all;
  const chosen: T[] = [];
  for (const name of names) {
    const pattern = new WildcardPattern(name);
    const matched = all.filter((item) => pattern.isMatch(nameOf(item)));
    if (matched.length === 0 && !WildcardPattern.containsWildcard(name)) errors.push(missing(name));
    for (const item of matched) if (!chosen.includes(item)) chosen.push(item);
  }

  return chosen;
}

/** Get-PSDrive: the mounted drives with provider, root, location and space. */
export const getPSDrive: CmdletDefinition = {
  name: 'Get-PSDrive',
  aliases: ['gdr'],
  synopsis: 'Lists the drives: their provider, root, current location and space.',
  parameters: [
    {
      name: 'Name',
      type: 'string[]',
      position: 0,
      acceptsWildcards: true,
      valueFromPipelineByPropertyName: true,
      help: 'Drive names.',
    },
    { name: 'PSProvider', type: 'string[]', help: 'Only drives of these providers.' },
  ],
  examples: [{ code: 'Get-PSDrive', remarks: 'Every drive.' }],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const errors: Error[] = [];
    let drives = select(
      engine.getDrives(),
      strings(ctx.params.Name),
      (d) => d.name,
      (n) => new DriveNotFoundError(n),
      errors,
    );
    const providers = strings(ctx.params.PSProvider).map((name) => engine.getProvider(name));
    if (providers.length > 0) drives = drives.filter((drive) => providers.includes(drive.provider));

    for (const error of errors) ctx.writeError(error);
    for (const drive of drives) await ctx.write(await driveObject(engine, drive, ctx.signal));
  },
};

export const newPSDrive: CmdletDefinition = {
  name: 'New-PSDrive',
  aliases: ['ndr', 'mount'],
  synopsis: 'Creates a drive for a provider, rooted anywhere in it.',
  parameters: [
    {
      name: 'Name',
      type: 'string',
      position: 0,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'The drive name (no colon).',
    },
    {
      name: 'PSProvider',
      type: 'string',
      position: 1,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'FileSystem, Jottacloud…',
    },
    {
      name: 'Root',
      type: 'string',
      position: 2,
      mandatory: true,
      valueFromPipelineByPropertyName: true,
      help: 'Where the drive starts.',
    },
    {
      name: 'Description',
      type: 'string',
      valueFromPipelineByPropertyName: true,
      help: 'Shown by Get-PSDrive.',
    },
  ],
  supportsShouldProcess: true,
  examples: [
    { code: 'New-PSDrive -Name Docs -PSProvider FileSystem -Root ~/Documents', remarks: 'Docs:' },
    { code: 'New-PSDrive Arch Jottacloud JAFS:\\Jotta\\Archive', remarks: 'A drive inside JAFS.' },
  ],
  dynamicParameters(bound, session) {
    try {
      const provider = engineOf(session).getProvider(String(bound.PSProvider));
      return provider.dynamicParameters?.('New-PSDrive', undefined) ?? [];
    } catch {
      return [];
    }
  },
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const name = String(ctx.params.Name);
    const provider = engine.getProvider(String(ctx.params.PSProvider));
    const root = providerRoot(engine, provider, String(ctx.params.Root));
    const target = `Name: ${name} Provider: ${provider.name} Root: ${root}`;
    if (!(await ctx.shouldProcess(target, 'New drive'))) return;

    const options: Record<string, unknown> = {};
    for (const { name: option } of provider.dynamicParameters?.('New-PSDrive', undefined) ?? []) {
      if (ctx.params[option] !== undefined) options[option] = ctx.params[option];
    }

    const definition = {
      name,
      root,
      description: ctx.params.Description as string | undefined,
      options,
    };
    const drive = await engine.newDrive(provider.name, definition, ctx.signal);
    const rootItem = await engine
      .tryGetItem(engine.lexicalPath(`${drive.name}:\\`), { signal: ctx.signal, force: true })
      .catch(() => undefined);
    if (!rootItem?.isContainer) {
      await engine.removeDrive(drive.name, { force: true });
      throw new ProviderArgumentError(
        `The specified drive root "${root}" either does not exist, or it is not a folder.`,
        'DriveRootError',
        root,
      );
    }

    await ctx.write(await driveObject(engine, drive, ctx.signal));
  },
};

/**
 * A root given as the user types paths (`~/Docs`, `JAFS:\Jotta`, `.`) as a provider path:
 * through the engine when it names a drive of the same provider or is relative to a location
 * on it, literally otherwise.
 */
function providerRoot(engine: ProviderEngine, provider: Provider, root: string): string {
  if (provider.rootIsNativePath) return nativeRoot(engine, root);
  const drive = driveQualifier(root);
  const current = engine.currentPath();
  const relative = !/^[\\/]/.test(root) && drive === undefined;
  const usesEngine =
    (drive !== undefined && engine.getDrive(drive).provider === provider) ||
    root.startsWith('~') ||
    (relative && current.drive.provider === provider);
  if (!usesEngine) return normalizeProviderPath(root);
  return engine.lexicalPath(root).providerPath;
}

/**
 * The root of a provider whose drives open a local file (Tar): `./backup.tar` and `~/x.tar`
 * from the current file-system location, `Docs:\x.tar` through a file-system drive.
 */
function nativeRoot(engine: ProviderEngine, root: string): string {
  const drive = driveQualifier(root);
  if (drive !== undefined) {
    const place = engine.lexicalPath(root);
    if (place.drive.provider.name !== 'FileSystem') {
      throw new ProviderArgumentError(
        `The root "${root}" must be a file on this computer, not on the drive ${drive}:.`,
        'DriveRootNotNative',
        root,
      );
    }
    return place.providerPath;
  }

  const expanded = root.replace(/^~(?=$|[\\/])/, os.homedir()).replace(/\\/g, '/');
  return path.resolve(fileSystemLocation(engine), expanded);
}

export const removePSDrive: CmdletDefinition = {
  name: 'Remove-PSDrive',
  aliases: ['rdr'],
  synopsis: 'Removes drives (the current one only with -Force).',
  parameters: [
    {
      name: 'Name',
      type: 'string[]',
      position: 0,
      mandatory: true,
      acceptsWildcards: true,
      valueFromPipelineByPropertyName: true,
      help: 'Drive names.',
    },
    { name: 'PSProvider', type: 'string[]', help: 'Only drives of these providers.' },
    { name: 'Force', type: 'switch', help: 'Also the current drive.' },
  ],
  supportsShouldProcess: true,
  examples: [{ code: 'Remove-PSDrive Docs', remarks: 'Unmounts Docs:.' }],
  async process(ctx) {
    const engine = engineOf(ctx.session);
    const errors: Error[] = [];
    const drives = select(
      engine.getDrives(),
      strings(ctx.params.Name),
      (d) => d.name,
      (n) => new DriveNotFoundError(n),
      errors,
    );
    for (const error of errors) ctx.writeError(error);

    for (const drive of drives) {
      const target = `Name: ${drive.name} Provider: ${drive.provider.name} Root: ${drive.root}`;
      if (!(await ctx.shouldProcess(target, 'Remove Drive'))) continue;
      try {
        await engine.removeDrive(drive.name, { force: ctx.params.Force === true });
      } catch (error) {
        ctx.writeError(error, drive.name);
      }
    }
  },
};
