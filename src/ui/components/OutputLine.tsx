import { Text } from 'ink';
import type { OutputEntry, OutputKind } from '../state/ui-state.js';

const COLORS: Partial<Record<OutputKind, string>> = {
  error: 'red',
  warning: 'yellow',
  verbose: 'yellow',
  info: 'gray',
};

/** One finished block of output as printed above the live area. */
export function OutputLine({ entry, color }: { entry: OutputEntry; color: boolean }) {
  // An empty Text would take no row at all; an empty output line must still show.
  const text = entry.text === '' ? ' ' : entry.text;
  return <Text color={color ? COLORS[entry.kind] : undefined}>{text}</Text>;
}
