import type { SyncAction } from './types.js';

/**
 * How one planned action reads in -WhatIf and -Confirm lines: PowerShell's
 * `Performing the operation "<text>" on target "<target>"`, with sizes, so a dry run shows what
 * would be sent and what would be removed.
 */
export function describeAction(action: SyncAction): { target: string; text: string } {
  switch (action.kind) {
    case 'create':
      return { target: action.target.display, text: 'Create folder' };
    case 'copy':
    case 'update': {
      const verb = action.kind === 'copy' ? 'Copy new file' : 'Update changed file';
      return {
        target: `Item: ${action.source.path.display} Destination: ${action.target.display}`,
        text: `${verb} (${formatBytes(action.size ?? 0)})`,
      };
    }
    case 'delete': {
      const text = action.target.item.isContainer
        ? `Delete folder (${action.files} file${action.files === 1 ? '' : 's'}, ` +
          `${formatBytes(action.bytes)})`
        : `Delete file (${formatBytes(action.bytes)})`;
      return { target: action.target.path.display, text };
    }
  }
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** `512 B`, `1.5 KB`, `23.4 MB`: binary multiples, as PowerShell's `1KB` literals. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }

  return `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}
