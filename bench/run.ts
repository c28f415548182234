/**
 * `npm run bench [-- --quick]`: jafs against rclone and against the machine's floor, as ratios
 * measured in one run on one local server. Prints the table and writes BENCHMARKS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';

import { createContext, FULL, QUICK, sizesFromArgs } from './context.js';
import { describeMachine, renderMarkdown, renderTable } from './report.js';
import { completion } from './scenarios/completion.js';
import { interactive } from './scenarios/interactive.js';
import { largeFile } from './scenarios/large-file.js';
import { listing } from './scenarios/listing.js';
import { serverLoad } from './scenarios/server-load.js';
import { smallFiles } from './scenarios/small-files.js';
import { startup } from './scenarios/startup.js';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const scenarios = [
  { name: 'large-file', run: largeFile },
  { name: 'small-files', run: smallFiles },
  { name: 'completion', run: completion },
  { name: 'listing', run: listing },
  { name: 'startup', run: startup },
  { name: 'interactive', run: interactive },
  { name: 'server-load', run: serverLoad },
];

const sizes = sizesFromArgs(quick ? QUICK : FULL, process.argv.slice(2));
const context = await createContext(sizes);
const started = performance.now();
const printed = new Set<(typeof context.rows)[number]>();
try {
  for (const scenario of scenarios) {
    if (only && !only.split(',').includes(scenario.name)) continue;
    const begun = performance.now();
    process.stderr.write(`bench: ${scenario.name}…\n`);
    await scenario.run(context);
    process.stderr.write(
      `bench: ${scenario.name} took ${Math.round(performance.now() - begun)} ms\n`,
    );
    // This scenario's figures and ratios now, so a long run shows them as it goes.
    const touched = new Set(
      context.rows.filter((row) => !printed.has(row)).map((row) => row.scenario),
    );
    const rows = context.rows.filter((row) => touched.has(row.scenario));
    rows.forEach((row) => printed.add(row));
    process.stderr.write(`${renderTable(rows, { measuredOnly: true })}\n\n`);
  }
} finally {
  await context.close();
}

const machine = describeMachine();
// The profile findings are written by hand (bench/analysis.md) and carried into every report.
const analysis = await readFile(new URL('../../bench/analysis.md', import.meta.url), 'utf8').catch(
  () => undefined,
);
process.stdout.write(renderTable(context.rows) + '\n');
const markdown = renderMarkdown({
  machine,
  rows: context.rows,
  notes: context.notes,
  analysis,
  quick,
  totalMs: performance.now() - started,
});
// A quick run proves the script works; only a full run replaces the committed figures.
await writeFile(quick ? 'dist/BENCHMARKS.quick.md' : 'BENCHMARKS.md', markdown);
