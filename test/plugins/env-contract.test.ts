import { runProviderContract } from '../../src/testing/index.js';
import { createEnvironmentProvider } from '../../providers/env/index.js';

// A fresh environment per test: values only, no folders below Env:\.
runProviderContract(
  'Environment',
  async () => ({
    provider: createEnvironmentProvider({}),
    drive: { name: 'E', root: '/' },
    cleanup: async () => undefined,
  }),
  { leafType: 'Variable', cannot: { nest: true, move: true, copy: true, keepModified: true } },
);
