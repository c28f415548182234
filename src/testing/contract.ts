import { afterEach, beforeEach, describe } from 'vitest';
import { ProviderEngine } from '../provider/engine.js';
import type { DriveDefinition, DriveInfo, Provider, ProviderContext } from '../provider/types.js';
import {
  CONTRACT_TREE,
  FLAT_CONTRACT_TREE,
  contractContext,
  leafKey,
  seedThroughApi,
} from './seed.js';
import { readContract } from './contract-read.js';
import { writeContract } from './contract-write.js';

/** A provider under test and the drive the suite mounts for one test. */
export interface ContractSubject {
  provider: Provider;
  /** For a writable provider, an empty container; for a read-only one, the seed tree. */
  drive: DriveDefinition;
  cleanup(): Promise<void>;
}

/**
 * Creates a fresh subject for one test. A read-only provider (`cannot.write`) must present
 * `seed` (CONTRACT_TREE, or FLAT_CONTRACT_TREE with `cannot.nest`) at the drive root; a
 * writable one may ignore it: the suite fills it.
 */
export type ContractFactory = (seed: Readonly<Record<string, string>>) => Promise<ContractSubject>;

/** What a provider cannot do, declared once instead of skipping tests ad hoc. */
export interface ContractOptions {
  /** New-Item types for a container and a leaf (`Directory`/`File`, `folder`/`file`). */
  containerType?: string;
  leafType?: string;
  cannot?: {
    /** Read-only: no newItem, setContent or removeItem; the factory presents the seed tree. */
    write?: boolean;
    /**
     * No containers below the drive root (Env:, Variable:): the seed is FLAT_CONTRACT_TREE,
     * one-line values at the root, and the suite creates, copies and moves leaves only.
     */
    nest?: boolean;
    rename?: boolean;
    move?: boolean;
    copy?: boolean;
    /** setContent does not keep the source's LastWriteTime. */
    keepModified?: boolean;
  };
}

/** What each test of the suite works on (rebuilt before every test). */
export interface ContractState {
  provider: Provider;
  drive: DriveInfo;
  ctx: ProviderContext;
  options: ContractOptions;
  /** The seed tree this provider is checked against (see ContractOptions.cannot.nest). */
  tree: Readonly<Record<string, string>>;
  /** A provider path below the drive root: `at('docs', 'readme.txt')`. */
  at(...names: string[]): string;
  /** The provider path of a seeded leaf by its name: `leaf('readme.txt')`. */
  leaf(name: string): string;
  /** Makes the contract tree present (fills a writable drive through the API). */
  seed(): Promise<void>;
}

/**
 * The behaviour every provider must show through the provider API, run against a fresh drive
 * for each test. A provider's test file calls it with a factory in a few lines:
 *
 *     runProviderContract('Tar', async (seed) => ({ provider, drive, cleanup }), {
 *       cannot: { write: true },
 *     });
 */
export function runProviderContract(
  name: string,
  factory: ContractFactory,
  options: ContractOptions = {},
): void {
  describe(`provider contract: ${name}`, () => {
    let subject: ContractSubject;
    const tree = options.cannot?.nest ? FLAT_CONTRACT_TREE : CONTRACT_TREE;
    const state = { options, tree } as ContractState;

    beforeEach(async () => {
      subject = await factory(tree);
      const engine = new ProviderEngine();
      engine.registerProvider(subject.provider);
      await engine.ready();
      const drive = await engine.newDrive(subject.provider.name, {
        ...subject.drive,
        name: 'Contract',
      });
      Object.assign(state, {
        provider: subject.provider,
        drive,
        ctx: contractContext(drive),
        at: (...names: string[]) => [drive.root === '/' ? '' : drive.root, ...names].join('/'),
        leaf: (name: string) => state.at(...leafKey(tree, name).split('/')),
        seed: async () => {
          if (options.cannot?.write) return;
          const type = containerType(options);
          await seedThroughApi(subject.provider, drive.root, state.ctx, type, tree);
        },
      });
    });

    afterEach(() => subject.cleanup());

    readContract(state);
    if (!options.cannot?.write) writeContract(state);
  });
}

/** The container item type the suite creates, `Directory` unless told otherwise. */
export function containerType(options: ContractOptions): string {
  return options.containerType ?? 'Directory';
}
