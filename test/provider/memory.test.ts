import { createMemoryProvider } from './memory-provider.js';
import { runProviderContract } from './contract.js';

runProviderContract(
  'Memory (test double of a cloud store)',
  async () => ({
    provider: createMemoryProvider(),
    drive: { name: 'M', root: '/' },
    cleanup: async () => undefined,
  }),
  { containerType: 'folder', leafType: 'file', cannot: { rename: true, move: true, copy: true } },
);
