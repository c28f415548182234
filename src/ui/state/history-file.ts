import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { addEntry, DEFAULT_HISTORY_LIMIT, looksSecret } from './history.js';

/**
 * The history file, in PSReadLine's format: one entry per line, and an entry of several lines
 * written with each inner line ending in a backtick (the continuation character).
 */

/** Parses the file's text into entries (oldest first, de-duplicated, secrets dropped). */
export function parseHistory(content: string, limit = DEFAULT_HISTORY_LIMIT): string[] {
  const entries: string[] = [];
  let pending: string[] = [];

  for (const line of content.split(/\r?\n/)) {
    if (line.endsWith('`')) {
      pending.push(line.slice(0, -1));
      continue;
    }

    const entry = [...pending, line].join('\n');
    pending = [];
    if (entry.trim() !== '' && !looksSecret(entry)) entries.push(entry);
  }

  return entries.reduce<string[]>((all, entry) => addEntry(all, entry, limit), []);
}

/** Renders entries for the file, leaving out any that look like they hold a secret. */
export function formatHistory(entries: readonly string[]): string {
  const kept = entries.filter((entry) => !looksSecret(entry));
  return kept.map((entry) => entry.split('\n').join('`\n') + '\n').join('');
}

/** Reads the history file; a missing file is an empty history. */
export async function loadHistory(file: string, limit = DEFAULT_HISTORY_LIMIT): Promise<string[]> {
  try {
    return parseHistory(await readFile(file, 'utf8'), limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Replaces the history file atomically (owner-only: it is the user's command log). */
export async function saveHistory(file: string, entries: readonly string[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, formatHistory(entries), { mode: 0o600 });
}

/**
 * Adds `lines` to what the file holds now, so two jafs windows open at once both keep their
 * lines (the file is re-read each time; the last writer of a simultaneous pair wins that round).
 */
export async function appendHistory(
  file: string,
  lines: readonly string[],
  limit = DEFAULT_HISTORY_LIMIT,
): Promise<void> {
  const current = await loadHistory(file, limit);
  await saveHistory(
    file,
    lines.reduce((all, line) => addEntry(all, line, limit), current),
  );
}
