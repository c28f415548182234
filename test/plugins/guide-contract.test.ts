import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { guideContractTest, guideExample } from './guide-example.js';

// The guide's json-provider.js and json-provider.test.js, written to a temp folder as a reader
// would; only the package names `jafs/provider` and `jafs/testing` point at this checkout's
// source, since the temp folder has no node_modules. Importing the test file registers the
// contract suite in this file.
const dir = await mkdtemp(path.join(os.tmpdir(), 'jafs-guide-contract-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const source = (name: string) => path.join(import.meta.dirname, '../../src', name, 'index.ts');
const test = (await guideContractTest())
  .replace("'jafs/provider'", JSON.stringify(source('provider')))
  .replace("'jafs/testing'", JSON.stringify(source('testing')));
await writeFile(path.join(dir, 'json-provider.js'), await guideExample());
await writeFile(path.join(dir, 'json-provider.test.js'), test);
await import(pathToFileURL(path.join(dir, 'json-provider.test.js')).href);
