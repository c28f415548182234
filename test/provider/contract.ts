// The suite moved to src/testing (published as `jafs/testing`); kept here for existing users.
export { runProviderContract } from '../../src/testing/index.js';
export type { ContractOptions, ContractSubject } from '../../src/testing/index.js';
