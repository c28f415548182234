import { describe, expect, it } from 'vitest';
import {
  editorReducer,
  type EditorAction,
  type EditorState,
} from '../../src/ui/state/line-editor.js';

/** `|` marks the cursor in these fixtures. */
function at(marked: string): EditorState {
  return { text: marked.replace('|', ''), cursor: marked.indexOf('|') };
}

function show(state: EditorState): string {
  return state.text.slice(0, state.cursor) + '|' + state.text.slice(state.cursor);
}

function apply(marked: string, ...actions: EditorAction[]): string {
  return show(actions.reduce(editorReducer, at(marked)));
}

describe('line editor reducer', () => {
  it('inserts at the cursor', () => {
    expect(apply('ab|cd', { type: 'insert', text: 'XY' })).toBe('abXY|cd');
  });

  it('moves by character and stays inside the text', () => {
    expect(apply('|ab', { type: 'backward-char' })).toBe('|ab');
    expect(apply('a|b', { type: 'backward-char' })).toBe('|ab');
    expect(apply('a|b', { type: 'forward-char' })).toBe('ab|');
    expect(apply('ab|', { type: 'forward-char' })).toBe('ab|');
  });

  it('steps over a whole astral character', () => {
    expect(apply('a😀|b', { type: 'backward-char' })).toBe('a|😀b');
    expect(apply('a|😀b', { type: 'forward-char' })).toBe('a😀|b');
    expect(apply('a😀|b', { type: 'backward-delete-char' })).toBe('a|b');
    expect(apply('a|😀b', { type: 'delete-char' })).toBe('a|b');
  });

  it('jumps to the beginning and end of the line', () => {
    expect(apply('Get-Item |foo', { type: 'beginning-of-line' })).toBe('|Get-Item foo');
    expect(apply('Get|-Item foo', { type: 'end-of-line' })).toBe('Get-Item foo|');
  });

  it('moves by words (Alt+B / Alt+F)', () => {
    expect(apply('Get-ChildItem -Path foo|', { type: 'backward-word' })).toBe(
      'Get-ChildItem -Path |foo',
    );
    expect(apply('Get-ChildItem -Path |foo', { type: 'backward-word' })).toBe(
      'Get-ChildItem -|Path foo',
    );
    expect(apply('|Get-ChildItem -Path', { type: 'forward-word' })).toBe('Get|-ChildItem -Path');
    expect(apply('Get|-ChildItem -Path', { type: 'forward-word' })).toBe('Get-ChildItem| -Path');
  });

  it('deletes backwards and forwards', () => {
    expect(apply('ab|c', { type: 'backward-delete-char' })).toBe('a|c');
    expect(apply('|abc', { type: 'backward-delete-char' })).toBe('|abc');
    expect(apply('ab|c', { type: 'delete-char' })).toBe('ab|');
    expect(apply('abc|', { type: 'delete-char' })).toBe('abc|');
  });

  it('kills to the end (Ctrl+K) and to the start (Ctrl+U) of the line', () => {
    expect(apply('ls -Force| foo', { type: 'kill-line' })).toBe('ls -Force|');
    expect(apply('ls -Force| foo', { type: 'backward-kill-line' })).toBe('| foo');
  });

  it('kills the previous blank-delimited word (Ctrl+W) and the next word (Alt+D)', () => {
    expect(apply('cd ./some/dir  |', { type: 'backward-kill-word' })).toBe('cd |');
    expect(apply('cd |./some/dir', { type: 'kill-word' })).toBe('cd |/dir');
  });

  it('edits only the current row of a multi-line text', () => {
    const text = 'if ($x) {\n  ls|\n}';
    expect(apply(text, { type: 'beginning-of-line' })).toBe('if ($x) {\n|  ls\n}');
    expect(apply(text, { type: 'backward-kill-line' })).toBe('if ($x) {\n|\n}');
    expect(apply('a\nb|c\nd', { type: 'kill-line' })).toBe('a\nb|\nd');
    expect(apply('a\nb|\nd', { type: 'kill-line' })).toBe('a\nb|d');
  });

  it('moves between rows keeping the column, clamped to a shorter row', () => {
    expect(apply('abcd\nx|y', { type: 'line-up' })).toBe('a|bcd\nxy');
    expect(apply('abc|d\nxy', { type: 'line-down' })).toBe('abcd\nxy|');
    expect(apply('ab|c', { type: 'line-up' })).toBe('ab|c');
    expect(apply('ab|c', { type: 'line-down' })).toBe('ab|c');
  });

  it('replaces a range and sets the whole text', () => {
    expect(apply('cd fo|', { type: 'replace', start: 3, length: 2, text: 'foo/' })).toBe(
      'cd foo/|',
    );
    expect(apply('x|', { type: 'set', text: 'hello' })).toBe('hello|');
    expect(apply('x|', { type: 'set', text: 'hello', cursor: 1 })).toBe('h|ello');
  });
});
