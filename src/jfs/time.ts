/**
 * JFS timestamps (§3.1): `2017-03-02-T11:10:13Z` (note the `-` before `T`), optionally with a
 * numeric offset `+0200`; liststream and allocate use RFC 3339 with milliseconds. An empty or
 * absent value means "unknown" (B32) and parses to `undefined`, never to an error.
 */
const JFS_TIME =
  /^(\d{4})-(\d{2})-(\d{2})-?T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?(?:Z)?$/;

export function parseJfsTime(text: string | undefined): Date | undefined {
  const value = text?.trim();
  if (!value) return undefined;

  const match = JFS_TIME.exec(value);
  if (!match) {
    const fallback = new Date(value);
    return Number.isNaN(fallback.getTime()) ? undefined : fallback;
  }

  const [, year, month, day, hour, minute, second, fraction = '0', zone = 'Z'] = match;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millis);
  return new Date(utc - zoneOffsetMinutes(zone) * 60_000);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

/** RFC 3339 in whole seconds, the form rclone sends in the allocate request. */
export function formatRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The JFS form `2024-05-01-T10:00:00Z`, for `JCreated`/`JModified` headers. */
export function formatJfsTime(date: Date): string {
  return formatRfc3339(date).replace('T', '-T');
}
