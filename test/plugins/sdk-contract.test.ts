import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runProviderContract } from '../../src/testing/index.js';
import { MODULE_API } from '../../src/shell/cmdlets/module/index.js';
import { createMemoryNodeProvider } from './memory-nodes.js';
import { guideExample } from './guide-example.js';
import { tempFolder } from './fixtures.js';
import { writeFile } from 'node:fs/promises';

runProviderContract(
  'node SDK, writable (in memory)',
  async () => ({
    provider: createMemoryNodeProvider(),
    drive: { name: 'M', root: '/' },
    cleanup: async () => undefined,
  }),
  { containerType: 'folder', leafType: 'file', cannot: { move: true, copy: true } },
);

// The guide's JSON provider: the seed tree as nested objects, leaves as strings.
runProviderContract(
  'guide example (Json)',
  async (seed) => {
    const { dir, cleanup } = await tempFolder();
    const json: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(seed)) {
      const names = key.replace(/\/$/, '').split('/');
      let at = json;
      for (const name of names.slice(0, -1)) at = at[name] as Record<string, unknown>;
      at[names.at(-1)!] = key.endsWith('/') ? {} : text;
    }
    const file = path.join(dir, 'seed.json');
    await writeFile(file, JSON.stringify(json));
    await writeFile(path.join(dir, 'json-provider.js'), await guideExample());
    const module = await import(pathToFileURL(path.join(dir, 'json-provider.js')).href);
    return { provider: module.default(MODULE_API), drive: { name: 'J', root: file }, cleanup };
  },
  { cannot: { write: true } },
);
