import { describe, expect, it } from 'vitest';
import {
  commandFor,
  DEFAULT_BINDINGS,
  describeKey,
  type Command,
} from '../../src/ui/keys/bindings.js';
import { decodeKey, splitTypedText } from '../../src/ui/keys/decode.js';

describe('key decoder', () => {
  it.each([
    ['\r', { name: 'return' }],
    ['\u001B\r', { name: 'return', meta: true }],
    ['\u001B[13;2u', { name: 'return', shift: true }],
    ['\u001B[27;2;13~', { name: 'return', shift: true }],
    ['\t', { name: 'tab' }],
    ['\u001B[Z', { name: 'tab', shift: true }],
    ['\u007F', { name: 'backspace' }],
    ['\b', { name: 'backspace' }],
    ['\u001B\u007F', { name: 'backspace', meta: true }],
    ['\u001B[3~', { name: 'delete' }],
    ['\u001B[3;5~', { name: 'delete', ctrl: true }],
    ['\u001B[A', { name: 'up' }],
    ['\u001BOB', { name: 'down' }],
    ['\u001B[1;5D', { name: 'left', ctrl: true }],
    ['\u001B[1;3C', { name: 'right', meta: true }],
    ['\u001B[H', { name: 'home' }],
    ['\u001B[4~', { name: 'end' }],
    ['\u001B[5~', { name: 'pageup' }],
    ['\u0000', { name: 'space', ctrl: true }],
    ['\u0003', { name: 'c', ctrl: true }],
    ['\u001Bb', { name: 'b', meta: true }],
    ['\u001B', { name: 'escape' }],
    ['\u001B[200~', { name: 'paste-start' }],
    ['\u001B[99;5u', { name: 'c', ctrl: true }],
    ['\u001B[99;133u', { name: 'c', ctrl: true }],
    ['\u001B[27u', { name: 'escape' }],
    ['\u001B[98;3u', { name: 'b', meta: true }],
    ['\u001B[32;5u', { name: 'space', ctrl: true }],
    ['\u001B[127;3u', { name: 'backspace', meta: true }],
    ['\u001B[201~', { name: 'paste-end' }],
  ])('decodes %j', (sequence, expected) => {
    const press = decodeKey(sequence);
    expect(press).toMatchObject({ ctrl: false, meta: false, shift: false, ...expected });
  });

  it('keeps typed characters as text, including non-ASCII', () => {
    expect(decodeKey('é')).toMatchObject({ name: 'text', text: 'é' });
    expect(decodeKey('😀')).toMatchObject({ name: 'text', text: '😀' });
  });

  it('splits typed-ahead text around control characters', () => {
    expect(splitTypedText('ls\rcd x\t')).toEqual(['ls', '\r', 'cd x', '\t']);
  });
});

describe('key bindings', () => {
  const expectations: [string, Command][] = [
    ['\r', 'AcceptLine'],
    ['\u001B[13;2u', 'AddLine'],
    ['\u001B\r', 'AddLine'],
    ['\u001B[D', 'BackwardChar'],
    ['\u001B[C', 'ForwardChar'],
    ['\u001Bb', 'BackwardWord'],
    ['\u001Bf', 'ForwardWord'],
    ['\u0001', 'BeginningOfLine'],
    ['\u0005', 'EndOfLine'],
    ['\u007F', 'BackwardDeleteChar'],
    ['\u001B[3~', 'DeleteChar'],
    ['\u0004', 'DeleteCharOrExit'],
    ['\u000B', 'KillLine'],
    ['\u0015', 'BackwardKillLine'],
    ['\u0017', 'BackwardKillWord'],
    ['\u001Bd', 'KillWord'],
    ['\u001B[A', 'PreviousHistory'],
    ['\u001B[B', 'NextHistory'],
    ['\t', 'TabCompleteNext'],
    ['\u001B[Z', 'TabCompletePrevious'],
    ['\u0000', 'MenuComplete'],
    ['\u0003', 'CancelLine'],
    ['\u000C', 'ClearScreen'],
    ['\u0012', 'ReverseSearchHistory'],
    ['\u001B', 'RevertLine'],
    ['\u0019', 'Yank'],
    ['\u001B[19~', 'HistorySearchBackward'],
    ['\u001B[19;2~', 'HistorySearchForward'],
    ['\u001F', 'Undo'],
    ['\u001A', 'Undo'],
  ];

  it.each(expectations)('maps %j to %s', (sequence, command) => {
    expect(commandFor(decodeKey(sequence))).toBe(command);
  });

  it('binds no key to two commands', () => {
    const seen = new Map<string, Command>();
    for (const [command, specs] of Object.entries(DEFAULT_BINDINGS) as [Command, never][]) {
      for (const spec of specs as { name: string }[]) {
        const label = describeKey(spec);
        expect(seen.get(label), label).toBeUndefined();
        seen.set(label, command);
      }
    }
  });

  it('describes keys for the README table', () => {
    expect(describeKey({ name: 'tab', shift: true })).toBe('Shift+Tab');
    expect(describeKey({ name: 'space', ctrl: true })).toBe('Ctrl+Space');
    expect(describeKey({ name: 'return', meta: true })).toBe('Alt+Enter');
  });
});
