import { Text } from 'ink';
import type { EditorState } from '../state/line-editor.js';

export interface EditorLineProps {
  /** Shown before the first row; later rows get the `>> ` continuation prompt. */
  prompt: string;
  editor: EditorState;
  /** Draw the cursor (an inverse cell). */
  showCursor: boolean;
  /** Replace each character with `*` (or hide the text when `mask` is `''`). */
  mask?: string;
}

const CONTINUATION = '>> ';

function masked(text: string, mask: string | undefined): string {
  return mask === undefined ? text : mask.repeat([...text].length);
}

/** The prompt and the text being typed, one Ink row per line of the text. */
export function EditorLine({ prompt, editor, showCursor, mask }: EditorLineProps) {
  const rows = editor.text.split('\n');
  let offset = 0;

  return (
    <>
      {rows.map((row, index) => {
        const start = offset;
        offset += row.length + 1;
        const prefix = index === 0 ? prompt : CONTINUATION;
        const hasCursor =
          showCursor && editor.cursor >= start && editor.cursor <= start + row.length;

        if (!hasCursor) {
          return <Text key={index}>{prefix + masked(row, mask)}</Text>;
        }

        const column = editor.cursor - start;
        const under = [...row.slice(column)][0];
        const cell = under === undefined ? ' ' : masked(under, mask) || ' ';
        return (
          <Text key={index}>
            {prefix + masked(row.slice(0, column), mask)}
            <Text inverse>{cell}</Text>
            {masked(row.slice(column + (under?.length ?? 0)), mask)}
          </Text>
        );
      })}
    </>
  );
}
