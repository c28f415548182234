/**
 * Turns one raw terminal input event (as Ink's input parser splits stdin) into a key press.
 *
 * We decode the raw sequences ourselves instead of using Ink's `useInput`, because `useInput`
 * reports Backspace (`\x7f`) as Delete, drops the bracketed-paste markers and cannot tell
 * Ctrl+Space or Shift+Enter apart from plain keys — all of which PSReadLine users expect.
 */

/** One decoded key press. Printable input has `name: 'text'` and the characters in `text`. */
export interface KeyPress {
  name: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  /** The characters typed, for `name: 'text'`; empty otherwise. */
  text: string;
}

const ESC = '\u001B';

/** Final byte of `ESC [ ... <final>` and `ESC O <final>` → key name. */
const CSI_LETTER_KEYS: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'tab',
};

/** Number of `ESC [ <n> ~` → key name. */
const CSI_TILDE_KEYS: Record<string, string> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
  '19': 'f8',
  '200': 'paste-start',
  '201': 'paste-end',
};

/** Code points that CSI-u (kitty) and xterm modifyOtherKeys report for named keys. */
const CODE_POINT_KEYS: Record<number, string> = {
  9: 'tab',
  13: 'return',
  27: 'escape',
  32: 'space',
  127: 'backspace',
};

function key(name: string, mods: Partial<Omit<KeyPress, 'name'>> = {}): KeyPress {
  return { name, ctrl: false, meta: false, shift: false, text: '', ...mods };
}

/** xterm modifier parameter: 1 + (shift 1 | alt 2 | ctrl 4). */
function withModifier(name: string, param: string | undefined): KeyPress {
  const bits = param === undefined ? 0 : Math.max(0, Number(param) - 1);
  return key(name, { shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0 });
}

function decodeCsi(body: string): KeyPress {
  const final = body.at(-1) ?? '';
  const params = body.slice(0, -1).replace(/^\[/, '').split(';');

  if (final === 'Z') return key('tab', { shift: true });
  if (final in CSI_LETTER_KEYS) return withModifier(CSI_LETTER_KEYS[final], params[1]);

  if (final === 'u') return fromCodePoint(Number(params[0]), params[1]);

  if (final === '~' && params[0] === '27' && params.length === 3) {
    return fromCodePoint(Number(params[2]), params[1]);
  }

  if (final === '~' && params[0] in CSI_TILDE_KEYS) {
    return withModifier(CSI_TILDE_KEYS[params[0]], params[1]);
  }

  return key('unknown', { text: '' });
}

function fromCodePoint(codePoint: number, modifier: string | undefined): KeyPress {
  const named = CODE_POINT_KEYS[codePoint];
  const decoded = withModifier(named ?? 'text', modifier);
  if (named) return decoded;

  const char = String.fromCodePoint(codePoint);
  if (decoded.ctrl || decoded.meta) return { ...decoded, name: char.toLowerCase() };
  return { ...decoded, text: char };
}

/** Decodes a control character (0x00–0x1F, 0x7F) on its own. */
function decodeControl(char: string, meta: boolean): KeyPress | undefined {
  const code = char.charCodeAt(0);
  if (char === '\r') return key('return', { meta });
  if (char === '\t') return key('tab', { meta });
  if (char === '\u007F' || char === '\b') return key('backspace', { meta });
  if (code === 0) return key('space', { ctrl: true, meta });
  if (code >= 1 && code <= 26) {
    return key(String.fromCharCode(code + 96), { ctrl: true, meta });
  }
  // Ctrl+\ Ctrl+] Ctrl+^ Ctrl+_ (0x1C–0x1F); 0x1B is Escape, handled by the caller.
  if (code >= 28 && code <= 31) return key('\\]^_'[code - 28], { ctrl: true, meta });
  return undefined;
}

/** Decodes one input event. Plain text of several characters stays one `text` press. */
export function decodeKey(sequence: string): KeyPress {
  if (sequence === ESC || sequence === ESC + ESC) return key('escape');

  if (sequence.startsWith(ESC + '[')) return decodeCsi(sequence.slice(2));
  if (sequence.startsWith(ESC + 'O') && sequence.length === 3) {
    return withModifier(CSI_LETTER_KEYS[sequence[2]] ?? 'unknown', undefined);
  }

  if (sequence.startsWith(ESC + ESC + '[')) return { ...decodeCsi(sequence.slice(3)), meta: true };

  if (sequence.startsWith(ESC) && sequence.length >= 2) {
    const rest = sequence.slice(1);
    const control = decodeControl(rest, true);
    if (control) return control;
    return key(rest.toLowerCase(), { meta: true, shift: rest !== rest.toLowerCase() });
  }

  if (sequence.length === 1) {
    const control = decodeControl(sequence, false);
    if (control) return control;
  }

  return key('text', { text: sequence });
}

/**
 * Splits a chunk of plain text that arrived in one event into single key presses, so typed-ahead
 * `ls\r` behaves like typing `l`, `s`, Enter. Bracketed paste is handled by the caller instead.
 */
export function splitTypedText(text: string): string[] {
  const parts: string[] = [];
  let run = '';

  for (const char of text) {
    if (char < ' ' || char === '\u007F') {
      if (run) parts.push(run);
      parts.push(char);
      run = '';
    } else {
      run += char;
    }
  }

  if (run) parts.push(run);
  return parts;
}
