import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

import { formatMs, summary, type Row } from './stats.js';

/**
 * A goal from issue 10: the contender's median at most `max` × the reference's median, or, with
 * no reference, at most `max` milliseconds.
 */
export interface Target {
  scenario: string;
  contender: string;
  reference?: string;
  max: number;
}

export const TARGETS: Target[] = [
  {
    scenario: 'Upload of one large file',
    contender: 'jafs Copy-Item',
    reference: 'floor',
    max: 1.15,
  },
  {
    scenario: 'Upload of one large file',
    contender: 'jafs Copy-Item',
    reference: 'rclone copyto',
    max: 0.8,
  },
  {
    scenario: 'Download of one large file',
    contender: 'jafs Copy-Item',
    reference: 'floor',
    max: 1.1,
  },
  {
    scenario: 'Download of one large file',
    contender: 'jafs Copy-Item',
    reference: 'rclone copyto',
    max: 0.8,
  },
  {
    scenario: 'Small files up',
    contender: 'jafs Copy-Item -Recurse',
    reference: 'rclone copy',
    max: 0.5,
  },
  {
    scenario: 'Small files down',
    contender: 'jafs Copy-Item -Recurse',
    reference: 'rclone copy',
    max: 0.5,
  },
  {
    scenario: 'Recursive listing',
    contender: 'jafs Get-ChildItem -Recurse',
    reference: 'floor',
    max: 1.5,
  },
  {
    scenario: 'Recursive listing',
    contender: 'jafs Get-ChildItem -Recurse',
    reference: 'rclone lsjson -R',
    max: 0.5,
  },
  { scenario: 'Recursive listing', contender: 'library listStream', reference: 'floor', max: 1.5 },
  {
    scenario: 'Recursive listing',
    contender: 'library listStream',
    reference: 'rclone lsjson -R',
    max: 0.5,
  },
  { scenario: 'Start-up', contender: 'jafs -c Get-Location', reference: 'node -e 0', max: 4 },
  { scenario: 'Tab completion', contender: 'second (cache)', max: 10 },
];

/**
 * What each scenario's other contenders are measured against (scenario names start with these
 * keys): every row of such a scenario shows its median as a multiple of theirs.
 */
export const BASELINES: Record<string, string[]> = {
  'Upload of one large file': ['floor', 'rclone copyto'],
  'Download of one large file': ['floor', 'rclone copyto'],
  'Small files up': ['rclone copy'],
  'Small files down': ['rclone copy'],
  'Recursive listing': ['floor', 'rclone lsjson -R'],
  'Start-up': ['node -e 0'],
};

/** `1.08× floor, 0.90× rclone copyto` for a row, or '' for a baseline or an unknown scenario. */
export function versusBaselines(rows: readonly Row[], row: Row): string {
  const key = Object.keys(BASELINES).find((prefix) => row.scenario.startsWith(prefix));
  const baselines = key ? BASELINES[key] : [];
  if (baselines.includes(row.contender)) return '';

  const median = summary(row.samples).median;
  return baselines
    .map((name) => rows.find((each) => each.scenario === row.scenario && each.contender === name))
    .filter((baseline): baseline is Row => baseline !== undefined && baseline.samples.length > 0)
    .map(
      (baseline) =>
        `${(median / summary(baseline.samples).median).toFixed(2)}× ${baseline.contender}`,
    )
    .join(', ');
}

export function describeMachine(): string[] {
  const version = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0].trim();
    } catch {
      return 'not installed';
    }
  };
  const cores = cpus();
  return [
    `CPU: ${cores[0]?.model ?? 'unknown'}, ${cores.length} cores`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node: ${process.version}; rclone: ${version('rclone', ['version'])}`,
    `Load average at the end: ${version('cat', ['/proc/loadavg'])}`,
  ];
}

const rowOf = (rows: readonly Row[], scenario: string, contender: string) =>
  rows.find((row) => row.scenario.startsWith(scenario) && row.contender === contender);

/** Each target with its measured ratio (median / median), or undefined when not measured. */
export function checkTargets(rows: readonly Row[]) {
  return TARGETS.map((target) => {
    const a = rowOf(rows, target.scenario, target.contender);
    const b = target.reference ? rowOf(rows, target.scenario, target.reference) : undefined;
    const divisor = target.reference ? (b ? summary(b.samples).median : undefined) : 1;
    const ratio = a && divisor ? summary(a.samples).median / divisor : undefined;
    return { ...target, ratio, met: ratio !== undefined && ratio <= target.max };
  });
}

function verdict(target: { ratio?: number; met: boolean }): string {
  if (target.ratio === undefined) return 'SKIP';
  return target.met ? 'MET ' : 'MISS';
}

/** What a target compares: a ratio of two contenders, or one contender's median in ms. */
function measure(target: Target): string {
  return target.reference
    ? `${target.contender} / ${target.reference}`
    : `${target.contender} median (ms)`;
}

function cells(rows: readonly Row[], row: Row): string[] {
  const { min, median } = summary(row.samples);
  const rss = row.samples.map((sample) => sample.rssMb).filter((mb) => mb !== undefined);
  const requests = row.samples.map((sample) => sample.requests).filter((n) => n !== undefined);
  const extra = [
    rss.length ? `peak RSS ${Math.max(...(rss as number[])).toFixed(0)} MB` : '',
    requests.length ? `${(requests as number[])[0]} req` : '',
    row.note ?? '',
  ].filter(Boolean);
  return [
    row.scenario,
    row.contender,
    formatMs(min),
    formatMs(median),
    String(row.samples.length),
    versusBaselines(rows, row),
    extra.join('; '),
  ];
}

/**
 * The plain-text table for the terminal; `measuredOnly` leaves out the targets of scenarios
 * that did not run (for the table printed after each scenario).
 */
export function renderTable(
  rows: readonly Row[],
  options: { measuredOnly?: boolean } = {},
): string {
  const header = ['scenario', 'contender', 'min', 'median', 'runs', 'vs baseline', 'notes'];
  const body = rows.map((row) => cells(rows, row));
  const widths = header.map((_, column) =>
    Math.max(...[header, ...body].map((line) => line[column].length)),
  );
  const line = (values: string[]) =>
    values.map((value, column) => value.padEnd(widths[column])).join('  ');
  const targets = checkTargets(rows)
    .filter((target) => !options.measuredOnly || target.ratio !== undefined)
    .map(
      (target) =>
        `${verdict(target)} ${target.scenario}: ${measure(target)} = ` +
        `${target.ratio?.toFixed(2) ?? 'n/a'} (target ≤ ${target.max})`,
    );
  return [line(header), ...body.map(line), '', ...targets].join('\n');
}

/** BENCHMARKS.md: machine, every figure, ratios against targets, notes. */
export function renderMarkdown(report: {
  machine: string[];
  rows: readonly Row[];
  notes: readonly string[];
  analysis?: string;
  quick: boolean;
  totalMs: number;
}): string {
  const table = [
    '| Scenario | Contender | min | median | runs | vs baseline | notes |',
    '|---|---|---:|---:|---:|---|---|',
    ...report.rows.map((row) => `| ${cells(report.rows, row).join(' | ')} |`),
  ];
  const targets = [
    '| Scenario | Measure | Measured | Target | Met |',
    '|---|---|---:|---:|---|',
    ...checkTargets(report.rows).map(
      (target) =>
        `| ${target.scenario} | ${measure(target)} | ` +
        `${target.ratio?.toFixed(2) ?? 'n/a'} | ≤ ${target.max} | ` +
        `${target.ratio === undefined ? 'not run' : target.met ? 'yes' : '**no**'} |`,
    ),
  ];
  return [
    '# jafs benchmarks',
    '',
    `Written by \`npm run bench${report.quick ? ' -- --quick' : ''}\` on ${new Date().toISOString()} ` +
      `(whole run ${formatMs(report.totalMs)}). Every contender runs against the same local JFS ` +
      "server (loopback) in the same run; rclone reaches it through the test harness's loopback " +
      'CONNECT proxy. Times are wall times of the whole process (start-up included) unless noted.',
    '',
    '## Machine',
    '',
    ...report.machine.map((line) => `- ${line}`),
    '',
    '## Figures',
    '',
    ...table,
    '',
    '## Targets',
    '',
    ...targets,
    '',
    '## Notes',
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
    ...(report.analysis ? [report.analysis, ''] : []),
  ].join('\n');
}
