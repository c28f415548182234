import type { DriveDefinition, DriveInfo, Provider } from './types.js';
import {
  DriveExistsError,
  DriveNotFoundError,
  ProviderArgumentError,
  ProviderNotFoundError,
} from './errors.js';
import { normalizeProviderPath } from './path-syntax.js';

/**
 * The registered providers (by name and alias, case-insensitively) and the mounted drives, in
 * the order they were added: the first drive of a provider is the one `Provider::path` uses.
 */
export class DriveTable {
  private readonly providers = new Map<string, Provider>();
  private readonly ordered: Provider[] = [];
  private readonly drives: DriveInfo[] = [];

  addProvider(provider: Provider): void {
    for (const name of [provider.name, ...(provider.aliases ?? [])]) {
      if (this.providers.has(name.toLowerCase())) {
        throw new ProviderArgumentError(
          `A provider with the name '${name}' is already registered.`,
          'ProviderAlreadyExists',
          name,
        );
      }
    }

    for (const name of [provider.name, ...(provider.aliases ?? [])]) {
      this.providers.set(name.toLowerCase(), provider);
    }

    this.ordered.push(provider);
  }

  /** Forgets a provider under every name it was registered by (its drives are gone first). */
  removeProvider(provider: Provider): void {
    for (const [name, registered] of [...this.providers]) {
      if (registered === provider) this.providers.delete(name);
    }
    const index = this.ordered.indexOf(provider);
    if (index !== -1) this.ordered.splice(index, 1);
  }

  provider(name: string): Provider {
    const provider = this.providers.get(name.toLowerCase());
    if (!provider) throw new ProviderNotFoundError(name);
    return provider;
  }

  allProviders(): Provider[] {
    return [...this.ordered];
  }

  find(name: string): DriveInfo | undefined {
    const key = name.toLowerCase();
    return this.drives.find((drive) => drive.name.toLowerCase() === key);
  }

  get(name: string): DriveInfo {
    const drive = this.find(name);
    if (!drive) throw new DriveNotFoundError(name);
    return drive;
  }

  all(): DriveInfo[] {
    return [...this.drives];
  }

  of(provider: Provider): DriveInfo[] {
    return this.drives.filter((drive) => drive.provider === provider);
  }

  /** Checks a new drive's name before the provider is asked to set it up. */
  validate(definition: DriveDefinition): void {
    const name = definition.name;
    const invalid = name.length === 0 || /[:\\]/.test(name) || (name.includes('/') && name !== '/');
    if (invalid) {
      throw new ProviderArgumentError(
        `The drive name '${name}' is not valid: it must not be empty or contain ':', '/' or '\\'.`,
        'DriveNameIllegalCharacters',
        name,
      );
    }

    if (this.find(name)) throw new DriveExistsError(name);
  }

  add(provider: Provider, definition: DriveDefinition, state: unknown): DriveInfo {
    const drive: DriveInfo = Object.freeze({
      name: definition.name,
      root: normalizeProviderPath(definition.root),
      description: definition.description ?? '',
      provider,
      state,
    });
    this.drives.push(drive);
    return drive;
  }

  remove(drive: DriveInfo): void {
    const index = this.drives.indexOf(drive);
    if (index !== -1) this.drives.splice(index, 1);
  }
}
