/**
 * `jafs/testing`: the provider contract suite for provider authors. Run it from a vitest file:
 *
 *     import { runProviderContract } from 'jafs/testing';
 *     runProviderContract('Tar', async (seed) => ({ provider, drive, cleanup }), {
 *       cannot: { write: true },
 *     });
 *
 * It needs vitest (the suite registers `describe`/`it` blocks) in the author's dev dependencies.
 */
export { runProviderContract, containerType } from './contract.js';
export type {
  ContractFactory,
  ContractOptions,
  ContractState,
  ContractSubject,
} from './contract.js';
export {
  CONTRACT_TREE,
  FLAT_CONTRACT_TREE,
  childNames,
  collect,
  contractContext,
  contractPaths,
  leafKey,
  namesIn,
  readText,
  textSource,
} from './seed.js';
