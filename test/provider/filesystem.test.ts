import { createFileSystemProvider } from '../../providers/filesystem/index.js';
import { runProviderContract } from './contract.js';
import { tempFolder } from './helpers.js';

runProviderContract(
  'FileSystem',
  async () => {
    const { dir, cleanup } = await tempFolder('jafs-contract-');
    return { provider: createFileSystemProvider(), drive: { name: 'T', root: dir }, cleanup };
  },
  { containerType: 'Directory', leafType: 'File' },
);
