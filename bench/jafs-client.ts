/**
 * One jafs command as a separate process, the way the CLI runs it, but on a given JFS server
 * (the benchmark's) instead of the embedded one: argv = server URL, user, password, command text.
 * Prints one JSON line with the wall time of the command and the process's peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { Jottacloud } from '../src/jfs/index.js';
import { useBaselineWasmCompiler } from '../src/jfs/wasm-compiler.js';
import { ProviderEngine } from '../src/provider/index.js';
import { createShell } from '../src/shell/index.js';
import { navigationCmdlets } from '../src/shell/cmdlets/navigation/index.js';
import { createPlainHost } from '../src/cli/plain-host.js';
import { createFileSystemProvider } from '../providers/filesystem/index.js';
import { createJottacloudProvider } from '../providers/jottacloud/index.js';

const [baseUrl, username, password, command] = process.argv.slice(2);
// As the CLI at start (see useBaselineWasmCompiler): no optimizing recompile of undici's parser.
useBaselineWasmCompiler();
const started = performance.now();
const client = new Jottacloud({ baseUrl, auth: { type: 'basic', username, password } });
const engine = new ProviderEngine();
engine.registerProvider(createFileSystemProvider());
engine.registerProvider(createJottacloudProvider({ client }));
await engine.newDrive('Jottacloud', { name: 'JAFS', root: '/' });
await engine.setLocation(process.cwd());

// Output goes nowhere (the bench times the work, not the terminal); an error record fails the run,
// since a non-terminating error would otherwise leave `failed` false and a wrong figure.
let errors = '';
const host = {
  ...createPlainHost(),
  write: () => undefined,
  writeError: (text: string) => void (errors += text),
};
const shell = createShell({ host, engine, cmdlets: navigationCmdlets });
const result = await shell.run(command);
await client.close();

const report = {
  ms: performance.now() - started,
  rssMb: process.resourceUsage().maxRSS / 1024,
  failed: result.failed || errors !== '',
};
process.stderr.write(errors);
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(report.failed ? 1 : 0);
