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
// Each scenario's share (seconds) of a full run: 550 s in all, under the 10 minutes with
// set-up; a quick run has no limit.
const scenarios = [
  { name: 'large-file', run: largeFile, shareS: 190 },
  { name: 'small-files', run: smallFiles, shareS: 120 },
  { name: 'completion', run: completion, shareS: 25 },
  { name: 'listing', run: listing, shareS: 150 },
  { name: 'startup', run: startup, shareS: 20 },
  { name: 'interactive', run: interactive, shareS: 25 },
  { name: 'server-load', run: serverLoad, shareS: 20 },
];

const sizes = sizesFromArgs(quick ? QUICK : FULL, process.argv.slice(2));
const context = await createContext(sizes);
const started = performance.now();
const printed = new Set<(typeof context.rows)[number]>();
try {
  for (const scenario of scenarios) {
    if (only && !only.split(',').includes(scenario.name)) continue;
    const begun = performance.now();
    const shareMs = quick ? Infinity : scenario.shareS * 1000;
    context.budget = { scenario: scenario.name, started: begun, shareMs };
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
// A quick run proves the script works; only a full run of every scenario replaces the
// committed figures (a run of some scenarios, or at other sizes, would drop or skew them).
const complete = !quick && !only;
const output = complete ? 'BENCHMARKS.md' : `dist/BENCHMARKS.${quick ? 'quick' : 'partial'}.md`;
await writeFile(output, markdown);
process.stderr.write(`bench: wrote ${output}\n`);
