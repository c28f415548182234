import { runProviderContract } from '../../src/testing/index.js';
import { createMemoryNodeProvider } from './memory-nodes.js';

runProviderContract(
  'node SDK, writable (in memory)',
  async () => ({
    provider: createMemoryNodeProvider(),
    drive: { name: 'M', root: '/' },
    cleanup: async () => undefined,
  }),
  { containerType: 'folder', leafType: 'file', cannot: { move: true, copy: true } },
);
