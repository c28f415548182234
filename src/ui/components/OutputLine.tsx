import { Text } from 'ink';
import type { OutputEntry, OutputKind } from '../state/ui-state.js';
import { EditorLine } from './EditorLine.js';

const COLORS: Partial<Record<OutputKind, string>> = {
  error: 'red',
  warning: 'yellow',
  verbose: 'yellow',
  info: 'gray',
};

/** One finished block of output as printed above the live area. */
export function OutputLine({ entry, color }: { entry: OutputEntry; color: boolean }) {
  if (entry.kind === 'command') {
    const editor = { text: entry.text, cursor: entry.text.length };
    return (
      <EditorLine prompt={entry.prompt ?? ''} editor={editor} showCursor={false} color={color} />
    );
  }

  // An empty Text would take no row at all; an empty output line must still show.
  const text = entry.text === '' ? ' ' : entry.text;
  return <Text color={color ? COLORS[entry.kind] : undefined}>{text}</Text>;
}
