import { afterAll } from 'vitest';
import { createJottacloudProvider } from '../../providers/jottacloud/index.js';
import { runProviderContract } from './contract.js';
import { startJottacloud, type JottacloudFixture } from './jottacloud-fixture.js';

// One server for the file; every test gets a fresh, empty mount point as its drive root.
let running: Promise<JottacloudFixture> | undefined;
let mountPoints = 0;
afterAll(async () => (await running)?.close());

runProviderContract(
  'Jottacloud',
  async () => {
    running ??= startJottacloud().then(async (jafs) => {
      await jafs.client.createDevice('Contract', 'WORKSTATION');
      return jafs;
    });
    const jafs = await running;
    const root = `/Contract/Set${++mountPoints}`;
    await jafs.client.createMountPoint('Contract', `Set${mountPoints}`);
    const provider = createJottacloudProvider({ client: jafs.client });
    return { provider, drive: { name: 'J', root }, cleanup: async () => undefined };
  },
  { containerType: 'folder', leafType: 'file' },
);
