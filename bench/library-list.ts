/**
 * The library's own recursive walks, as a process: argv = `tree` | `stream`, server URL, user,
 * password, device-relative folder. Prints `{ ms, rssMb, entries }`.
 */
import { performance } from 'node:perf_hooks';

import { Jottacloud } from '../src/jfs/index.js';

const [mode, baseUrl, username, password, folder] = process.argv.slice(2);
const started = performance.now();
const client = new Jottacloud({ baseUrl, auth: { type: 'basic', username, password } });
let entries = 0;

if (mode === 'tree') {
  const tree = await client.listTree(folder);
  for (const each of tree.folders) entries += 1 + each.files.length;
} else {
  for await (const entry of client.listStream(folder)) if (entry) entries++;
}
await client.close();

const report = {
  ms: performance.now() - started,
  rssMb: process.resourceUsage().maxRSS / 1024,
  entries,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
