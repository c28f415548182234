import { Text } from 'ink';
import { highlight, type TokenKind } from '../state/highlight.js';
import type { EditorState } from '../state/line-editor.js';

/** Props of EditorLine. */
export interface EditorLineProps {
  /** Shown before the first row; later rows get the `>> ` continuation prompt. */
  prompt: string;
  editor: EditorState;
  /** Draw the cursor (an inverse cell). */
  showCursor: boolean;
  /** Replace each character with this (`*` for passwords); the text is then not coloured. */
  mask?: string;
  /** Colour the text as PSReadLine does (off under NO_COLOR). */
  color?: boolean;
}

const CONTINUATION = '>> ';

/** PSReadLine's default token colours, in Ink's colour names. */
const TOKEN_COLORS: Partial<Record<TokenKind, string>> = {
  command: 'yellow',
  parameter: 'gray',
  operator: 'gray',
  string: 'cyan',
  variable: 'greenBright',
  keyword: 'greenBright',
  comment: 'green',
};

interface Piece {
  text: string;
  kind: TokenKind;
  cursor: boolean;
  /** The blank cell the cursor sits on past the end of a row. */
  filler?: boolean;
}

function shown(piece: Piece, mask: string | undefined): string {
  if (piece.filler) return ' ';
  const text = mask === undefined ? piece.text : mask.repeat([...piece.text].length);
  return piece.cursor && text === '' ? ' ' : text;
}

/** The kind of every UTF-16 unit of `text`. */
function kindsOf(text: string, colored: boolean): TokenKind[] {
  const kinds = new Array<TokenKind>(text.length).fill('plain');
  if (!colored) return kinds;

  for (const span of highlight(text)) kinds.fill(span.kind, span.start, span.end);
  return kinds;
}

/** One row cut into runs of one kind, with the cursor cell (if on this row) on its own. */
function piecesOf(
  text: string,
  kinds: TokenKind[],
  start: number,
  end: number,
  cursor: number | undefined,
): Piece[] {
  const pieces: Piece[] = [];
  let index = start;

  while (index < end) {
    if (index === cursor) {
      const width = (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
      pieces.push({ text: text.slice(index, index + width), kind: kinds[index], cursor: true });
      index += width;
      continue;
    }

    let stop = index + 1;
    while (stop < end && kinds[stop] === kinds[index] && stop !== cursor) stop++;
    pieces.push({ text: text.slice(index, stop), kind: kinds[index], cursor: false });
    index = stop;
  }

  if (cursor === end) pieces.push({ text: ' ', kind: 'plain', cursor: true, filler: true });
  return pieces;
}

/** The prompt and the text being typed, one Ink row per line of the text. */
export function EditorLine({ prompt, editor, showCursor, mask, color = false }: EditorLineProps) {
  const { text } = editor;
  const kinds = kindsOf(text, color && mask === undefined);
  const rows = text.split('\n');
  let offset = 0;

  return (
    <>
      {rows.map((row, index) => {
        const start = offset;
        const end = start + row.length;
        offset = end + 1;
        const onRow = showCursor && editor.cursor >= start && editor.cursor <= end;
        const pieces = piecesOf(text, kinds, start, end, onRow ? editor.cursor : undefined);

        return (
          <Text key={index}>
            {index === 0 ? prompt : CONTINUATION}
            {pieces.map((piece, at) => (
              <Text key={at} inverse={piece.cursor} color={TOKEN_COLORS[piece.kind]}>
                {shown(piece, mask)}
              </Text>
            ))}
          </Text>
        );
      })}
    </>
  );
}
