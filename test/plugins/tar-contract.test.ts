import { runProviderContract } from '../../src/testing/index.js';
import { createTarProvider } from '../../providers/tar/index.js';
import { makeTar, tempFolder } from './fixtures.js';

runProviderContract(
  'Tar',
  async (seed) => {
    const { dir, cleanup } = await tempFolder();
    const archive = await makeTar(dir, seed);
    return { provider: createTarProvider(), drive: { name: 'T', root: archive }, cleanup };
  },
  { cannot: { write: true } },
);
