import type { Completion } from '../api.js';
import type { Session } from '../runtime/session.js';

/** Tab completion (filled in by completion/*.ts). */
export async function complete(
  _session: Session,
  _line: string,
  cursor: number,
  _signal: AbortSignal,
): Promise<Completion> {
  return { replaceStart: cursor, replaceLength: 0, matches: [] };
}
