import { withTypeNames } from '../../core/psobject.js';

/** A System.TimeSpan for `$date2 - $date1`. */
export function timeSpan(ms: number): Record<string, unknown> {
  const sign = ms < 0 ? -1 : 1;
  const abs = Math.abs(ms);
  const part = (unit: number, mod: number): number => (sign * Math.floor(abs / unit)) % mod;
  const span = withTypeNames(
    {
      Days: sign * Math.floor(abs / 86_400_000),
      Hours: part(3_600_000, 24),
      Minutes: part(60_000, 60),
      Seconds: part(1000, 60),
      Milliseconds: part(1, 1000),
      TotalDays: ms / 86_400_000,
      TotalHours: ms / 3_600_000,
      TotalMinutes: ms / 60_000,
      TotalSeconds: ms / 1000,
      TotalMilliseconds: ms,
    },
    'System.TimeSpan',
  );
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  const text = `${sign < 0 ? '-' : ''}${span.Days ? `${Math.abs(span.Days as number)}.` : ''}${pad(span.Hours as number)}:${pad(span.Minutes as number)}:${pad(span.Seconds as number)}`;
  Object.defineProperty(span, 'toString', { value: () => text, enumerable: false });
  return span;
}
