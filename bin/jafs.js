#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script). `npm run
// build` also bundles it into dist/src/cli-bundle (scripts/bundle-cli.js), which starts in about
// half the time; a bundle older than the compiled files (tsc run alone since) is not used.
import { statSync } from 'node:fs';

// Over a file-size limit (ulimit -f) the kernel sends SIGXFSZ, whose default action kills the
// process mid-write and leaves the download's temporary file behind. Recent Node releases ignore
// it themselves; handling it keeps that true on every Node 20, so the write fails with EFBIG,
// which the download reports and cleans up like a full disk.
process.on('SIGXFSZ', () => {});

const bundled = new URL('../dist/src/cli-bundle/main.js', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);

function modified(url) {
  return statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

const bundleTime = modified(bundled);
const entry = bundleTime >= 0 && bundleTime >= modified(compiled) ? bundled : compiled;
const { main } = await import(entry.href);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`jafs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
