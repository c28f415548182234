import type { ProgressEvent } from '../../provider/types.js';

/**
 * Text of one progress line, PowerShell's "Minimal" view plus transfer figures:
 * `Copy-Item: a.txt [=====>    ] 45% 12.0 MB/26.7 MB 1.2 MB/s 0:12 left`.
 */

const BAR_WIDTH = 20;
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → `1.5 KB` (binary multiples, as PowerShell's 1KB/1MB literals). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** 75 → `1:15`; 3700 → `1:01:40`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** The fraction done, from bytes when known, else from items; undefined when unknown. */
export function fractionDone(event: ProgressEvent): number | undefined {
  if (event.bytesTotal && event.bytesTotal > 0) return (event.bytesDone ?? 0) / event.bytesTotal;
  if (event.itemsTotal && event.itemsTotal > 0) return (event.itemsDone ?? 0) / event.itemsTotal;
  return undefined;
}

/** `[=====>    ]` for a fraction in [0, 1]. */
export function progressBar(fraction: number, width = BAR_WIDTH): string {
  const filled = Math.min(width, Math.max(0, Math.round(fraction * width)));
  const head = filled < width && filled > 0 ? '>' : '';
  return `[${'='.repeat(filled - head.length)}${head}${' '.repeat(width - filled)}]`;
}

/** The whole line; `elapsedMs` is the time since the operation's first event. */
export function formatProgress(event: ProgressEvent, elapsedMs: number): string {
  const parts = [event.status ? `${event.activity}: ${event.status}` : event.activity];
  const fraction = fractionDone(event);

  if (fraction !== undefined) {
    parts.push(progressBar(fraction), `${Math.floor(Math.min(1, fraction) * 100)}%`);
  }

  if (event.itemsTotal !== undefined && event.bytesTotal === undefined) {
    parts.push(`${event.itemsDone ?? 0}/${event.itemsTotal} items`);
  }

  if (event.bytesDone !== undefined) {
    const total = event.bytesTotal !== undefined ? `/${formatBytes(event.bytesTotal)}` : '';
    parts.push(formatBytes(event.bytesDone) + total);

    const seconds = elapsedMs / 1000;
    const rate = seconds > 0 ? event.bytesDone / seconds : 0;
    if (rate > 0) parts.push(`${formatBytes(rate)}/s`);
    if (rate > 0 && event.bytesTotal !== undefined) {
      parts.push(`${formatDuration((event.bytesTotal - event.bytesDone) / rate)} left`);
    }
  }

  return parts.join(' ');
}
