#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli/main.js and the shell, sync and provider plug-ins it
// imports) into a few files in dist/src/cli-bundle/, which bin/jafs.js prefers while it is newer
// than the compiled files. Node 20 has no compile cache, so every module file costs a start
// of `jafs`: resolving, reading and compiling ~210 of them was most of `jafs -c Get-Location`.
//
// The library's public entry points (src/jfs, src/core, src/provider, src/server,
// src/testing) stay separate files, imported by the bundle: a module (plug-in) loaded by the
// shell imports `jafs/provider`, and must get the same classes (JafsError, the SDK) as the shell.
// Packages in node_modules stay external too, except Ink: it imports es-toolkit/compat, whose
// ~415 files the interactive shell would otherwise read before its first prompt; bundled, only
// the few functions Ink uses remain. Ink still loads only with the UI (a chunk of its own).
import { rm } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const output = resolve(dist, 'src/cli-bundle');
const shared = ['jfs', 'core', 'provider', 'server', 'testing'].map((name) =>
  resolve(dist, 'src', name),
);
const bundledPackages = /^(ink|es-toolkit)(\/|$)/;

function isExternal(id, importer) {
  if (!id.startsWith('.') && !isAbsolute(id)) return !bundledPackages.test(id);
  const file = isAbsolute(id) ? id : resolve(dirname(importer ?? dist), id);
  // Files of a bundled package, reached by their relative imports.
  if (file.includes('/node_modules/')) return false;
  return shared.some((folder) => file.startsWith(`${folder}/`));
}

await rm(output, { recursive: true, force: true });
const bundle = await rolldown({
  input: resolve(dist, 'src/cli/main.js'),
  platform: 'node',
  external: isExternal,
  // The output folder is as deep as dist/src/cli, so relative imports of the shared entry
  // points (`../provider/index.js`) and main.js's `../../../package.json` stay right.
  makeAbsoluteExternalsRelative: true,
  onwarn(warning, warn) {
    // A module imported both statically and with import() stays in the main chunk: expected.
    if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
  },
});
await bundle.write({ dir: output, format: 'esm', entryFileNames: 'main.js' });
await bundle.close();
