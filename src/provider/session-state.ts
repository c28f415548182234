import type { LocationInfo } from './engine-api.js';
import type { DriveDefinition, DriveInfo, Provider } from './types.js';
import { itemPath, type ItemPath, type ResolvedItem } from './item-path.js';
import { DriveTable } from './drives.js';
import { LocationState } from './locations.js';
import { literalPathOf, resolveSpec, type PathSpec, type ResolveContext } from './resolver.js';
import { globItems } from './globber.js';
import type { OperationOptions } from './provider-call.js';
import {
  DriveInUseError,
  DriveNotFoundError,
  ItemNotFoundError,
  MultipleContainersError,
} from './errors.js';

const NEVER = new AbortController().signal;

/**
 * The session side of the engine: registered providers, mounted drives, the current location
 * with its history and stacks, and turning typed paths into places and items. ProviderEngine
 * (engine.ts) adds the item operations on top.
 */
export class SessionState {
  private readonly table = new DriveTable();
  private readonly locations = new LocationState();
  /**
   * Default drives of providers whose defaultDrives() is asynchronous, still being mounted.
   * Never rejects, so one failed drive does not stop every later command; failures are kept
   * for ready().
   */
  protected pending: Promise<void> = Promise.resolve();
  private readonly mountFailures: unknown[] = [];

  // ----- providers and drives -----

  /**
   * Registers a provider and mounts its default drives (synchronously when it returns them
   * synchronously and needs no per-drive set-up, as the file system does).
   */
  registerProvider(provider: Provider): void {
    this.table.addProvider(provider);
    const defaults = provider.defaultDrives?.();
    if (!defaults) return;

    if (Array.isArray(defaults) && !provider.newDrive) {
      for (const definition of defaults) this.mount(provider, definition, undefined);
      return;
    }

    const mounting = Promise.resolve(defaults).then(async (list) => {
      for (const definition of list) await this.newDrive(provider.name, definition);
    });
    const failed = (error: unknown) => void this.mountFailures.push(error);
    this.pending = this.pending.then(() => mounting.catch(failed));
  }

  /** Resolves once every default drive has been mounted; rejects with the first failure. */
  async ready(): Promise<void> {
    await this.pending;
    if (this.mountFailures.length > 0) throw this.mountFailures[0];
  }

  getProviders(): Provider[] {
    return this.table.allProviders();
  }

  /** A provider by name or alias, case-insensitively; ProviderNotFoundError otherwise. */
  getProvider(name: string): Provider {
    return this.table.provider(name);
  }

  /** New-PSDrive: the provider validates the drive and attaches its state (a login). */
  async newDrive(
    providerName: string,
    definition: DriveDefinition,
    signal: AbortSignal = NEVER,
  ): Promise<DriveInfo> {
    const provider = this.table.provider(providerName);
    this.table.validate(definition);
    const state = provider.newDrive ? await provider.newDrive(definition, signal) : undefined;
    return this.mount(provider, definition, state);
  }

  private mount(provider: Provider, definition: DriveDefinition, state: unknown): DriveInfo {
    this.table.validate(definition);
    const drive = this.table.add(provider, definition, state);
    if (!this.locations.current()) this.locations.set(itemPath(drive, []), false);
    return drive;
  }

  /** Remove-PSDrive; the current drive only with `force`. */
  async removeDrive(name: string, options: { force?: boolean } = {}): Promise<void> {
    const drive = this.table.get(name);
    if (this.locations.current()?.drive === drive && !options.force) {
      throw new DriveInUseError(drive.name);
    }

    await drive.provider.removeDrive?.(drive);
    this.table.remove(drive);
    this.locations.forgetDrive(drive, this.table.all()[0]);
  }

  /**
   * Removes a provider with its drives (Remove-Module). Refused with DriveInUseError, changing
   * nothing, while the current location is on one of them. A drive whose provider fails to
   * clean up is removed all the same (a broken plug-in must not stay loaded); those failures
   * are returned for the caller to report.
   */
  async unregisterProvider(name: string): Promise<unknown[]> {
    await this.pending;
    const provider = this.table.provider(name);
    const drives = this.table.of(provider);
    const busy = drives.find((drive) => drive === this.locations.current()?.drive);
    if (busy) throw new DriveInUseError(busy.name);

    const failures: unknown[] = [];
    for (const drive of drives) {
      try {
        await provider.removeDrive?.(drive);
      } catch (error) {
        failures.push(error);
      }
      this.table.remove(drive);
      this.locations.forgetDrive(drive, this.table.all()[0]);
    }
    this.table.removeProvider(provider);
    return failures;
  }

  getDrives(): DriveInfo[] {
    return this.table.all();
  }

  /** A drive by name (case-insensitive); DriveNotFoundError otherwise. */
  getDrive(name: string): DriveInfo {
    return this.table.get(name);
  }

  // ----- locations -----

  currentLocation(): LocationInfo {
    return locationInfo(this.currentPath());
  }

  currentPath(): ItemPath {
    const current = this.locations.current();
    if (!current) throw new DriveNotFoundError('(none: no provider has a drive yet)');
    return current;
  }

  /** The place remembered on a drive, with its segments below the drive root. */
  placeOn(driveName: string): ItemPath {
    return this.locations.on(this.table.get(driveName));
  }

  /** The location remembered on a drive (what `JAFS:` means). */
  locationOn(driveName: string): LocationInfo {
    return locationInfo(this.locations.on(this.table.get(driveName)));
  }

  /**
   * Set-Location: the path may use wildcards but must name exactly one container. Failures
   * leave the current drive and location unchanged.
   */
  async setLocation(
    path: string,
    options: OperationOptions & { literal?: boolean } = {},
  ): Promise<LocationInfo> {
    await this.pending;
    const target = await this.containerAt(path, options);
    this.locations.set(target);
    return locationInfo(target);
  }

  private async containerAt(path: string, options: OperationOptions & { literal?: boolean }) {
    const found = await this.resolve(path, options);
    const containers = found.filter((entry) => entry.item.isContainer);
    if (containers.length > 1) throw new MultipleContainersError(path);
    if (containers.length === 0) {
      throw new ItemNotFoundError(found[0]?.path.display ?? this.lexicalPath(path).display);
    }

    return containers[0].path;
  }

  /** `cd -`: back to the previous location. */
  locationBack(): LocationInfo {
    const target = this.locations.takeBack();
    this.locations.jump(target);
    return locationInfo(target);
  }

  /** `cd +`: forward again after `cd -`. */
  locationForward(): LocationInfo {
    const target = this.locations.takeForward();
    this.locations.jump(target);
    return locationInfo(target);
  }

  /** Push-Location: saves the current location, then moves to `path` when given. */
  async pushLocation(
    path: string | undefined,
    options: OperationOptions & { literal?: boolean; stackName?: string } = {},
  ): Promise<LocationInfo> {
    const here = this.currentPath();
    const target = path === undefined ? undefined : await this.containerAt(path, options);
    this.locations.push(here, options.stackName);
    if (target) this.locations.set(target);
    return this.currentLocation();
  }

  /** Pop-Location: undefined when the default stack is empty (nothing happens then). */
  popLocation(stackName?: string): LocationInfo | undefined {
    const target = this.locations.pop(stackName);
    if (!target) return undefined;
    this.locations.set(target);
    return locationInfo(target);
  }

  /** A location stack, most recent first. */
  locationStack(stackName?: string): LocationInfo[] {
    return this.locations.stack(stackName).map(locationInfo);
  }

  /** Set-Location -StackName: the stack Push/Pop-Location use by default from now on. */
  useLocationStack(stackName: string | undefined): void {
    this.locations.useStack(stackName);
  }

  // ----- paths -----

  /** Anchors a typed path on its drive without touching any store (wildcards left in). */
  spec(path: string): PathSpec {
    return resolveSpec(path, this.resolveContext());
  }

  /** The single place a path names, read literally (or with escapes removed when not). */
  lexicalPath(path: string, literal = true): ItemPath {
    return literalPathOf(this.spec(path), literal);
  }

  /**
   * The items a path names: wildcards expanded unless `literal`. A missing non-wildcard path
   * is an ItemNotFoundError; a wildcard matching nothing gives an empty list.
   */
  async resolve(
    path: string,
    options: OperationOptions & { literal?: boolean } = {},
  ): Promise<ResolvedItem[]> {
    await this.pending;
    return globItems(this.spec(path), options.literal ?? false, options);
  }

  private resolveContext(): ResolveContext {
    return {
      findDrive: (name) => this.table.find(name),
      findProvider: (name) => this.table.provider(name),
      drivesOf: (provider) => this.table.of(provider),
      current: () => this.currentPath(),
      locationOn: (drive) => this.locations.on(drive),
    };
  }
}

/** The EngineApi view of a place. */
export function locationInfo(path: ItemPath): LocationInfo {
  return { drive: path.drive.name, providerPath: path.providerPath, display: path.display };
}
