/**
 * The JFS client's one debug logger. Silent unless `JAFS_DEBUG` is set (to anything but `0`)
 * or `NODE_DEBUG` mentions `jafs`. Callers pass URLs that carry no secret; headers are never
 * logged, so Authorization and tokens cannot leak through here.
 */
export interface JfsLogger {
  debug(subject: string, message: string): void;
}

function debugEnabled(): boolean {
  const flag = process.env.JAFS_DEBUG;
  if (flag !== undefined && flag !== '' && flag !== '0') return true;
  return /\bjafs\b/.test(process.env.NODE_DEBUG ?? '');
}

/** Writes `jafs:<subject> <message>` lines to stderr when debugging is on. */
export const stderrLogger: JfsLogger = {
  debug(subject, message) {
    if (!debugEnabled()) return;
    process.stderr.write(`jafs:${subject} ${message}\n`);
  },
};

/**
 * A URL as it may appear in a log line: origin and path only. Query strings are dropped
 * because move/copy destinations are private paths and upload URLs are bearer-like secrets.
 */
export function loggableUrl(url: URL, secretPath = false): string {
  if (secretPath) return `${url.origin}/<upload-url>`;
  return `${url.origin}${url.pathname}${url.search ? '?' + [...url.searchParams.keys()].join('&') : ''}`;
}
