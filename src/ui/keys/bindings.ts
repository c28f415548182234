import type { KeyPress } from './decode.js';

/**
 * What a key means at the prompt, named after PSReadLine's functions so the README table reads
 * like `Get-PSReadLineKeyHandler`.
 */
export type Command =
  | 'AcceptLine'
  | 'AddLine'
  | 'BackwardChar'
  | 'ForwardChar'
  | 'BackwardWord'
  | 'ForwardWord'
  | 'BeginningOfLine'
  | 'EndOfLine'
  | 'BackwardDeleteChar'
  | 'DeleteChar'
  | 'DeleteCharOrExit'
  | 'KillLine'
  | 'BackwardKillLine'
  | 'BackwardKillWord'
  | 'KillWord'
  | 'PreviousHistory'
  | 'NextHistory'
  | 'TabCompleteNext'
  | 'TabCompletePrevious'
  | 'MenuComplete'
  | 'CancelLine'
  | 'ClearScreen'
  | 'ReverseSearchHistory'
  | 'RevertLine'
  | 'HistorySearchBackward'
  | 'HistorySearchForward'
  | 'Yank'
  | 'Undo';

/** A key with the modifiers that must be held; unnamed modifiers must be up. */
export interface KeySpec {
  name: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** The default key map (Emacs-flavoured, as PSReadLine on Linux, plus the Windows arrows). */
export const DEFAULT_BINDINGS: Readonly<Record<Command, readonly KeySpec[]>> = {
  AcceptLine: [{ name: 'return' }],
  AddLine: [
    { name: 'return', shift: true },
    { name: 'return', meta: true },
    { name: 'j', ctrl: true },
  ],
  BackwardChar: [{ name: 'left' }, { name: 'b', ctrl: true }],
  ForwardChar: [{ name: 'right' }, { name: 'f', ctrl: true }],
  BackwardWord: [
    { name: 'b', meta: true },
    { name: 'left', ctrl: true },
    { name: 'left', meta: true },
  ],
  ForwardWord: [
    { name: 'f', meta: true },
    { name: 'right', ctrl: true },
    { name: 'right', meta: true },
  ],
  BeginningOfLine: [{ name: 'home' }, { name: 'a', ctrl: true }],
  EndOfLine: [{ name: 'end' }, { name: 'e', ctrl: true }],
  BackwardDeleteChar: [{ name: 'backspace' }, { name: 'h', ctrl: true }],
  DeleteChar: [{ name: 'delete' }],
  DeleteCharOrExit: [{ name: 'd', ctrl: true }],
  KillLine: [{ name: 'k', ctrl: true }],
  BackwardKillLine: [{ name: 'u', ctrl: true }],
  BackwardKillWord: [
    { name: 'w', ctrl: true },
    { name: 'backspace', meta: true },
  ],
  KillWord: [
    { name: 'd', meta: true },
    { name: 'delete', ctrl: true },
  ],
  PreviousHistory: [{ name: 'up' }, { name: 'p', ctrl: true }],
  NextHistory: [{ name: 'down' }, { name: 'n', ctrl: true }],
  TabCompleteNext: [{ name: 'tab' }],
  TabCompletePrevious: [{ name: 'tab', shift: true }],
  MenuComplete: [{ name: 'space', ctrl: true }],
  CancelLine: [{ name: 'c', ctrl: true }],
  ClearScreen: [{ name: 'l', ctrl: true }],
  ReverseSearchHistory: [{ name: 'r', ctrl: true }],
  RevertLine: [{ name: 'escape' }],
  HistorySearchBackward: [{ name: 'f8' }],
  HistorySearchForward: [{ name: 'f8', shift: true }],
  Yank: [{ name: 'y', ctrl: true }],
  Undo: [
    { name: '_', ctrl: true },
    { name: 'z', ctrl: true },
  ],
};

/** Whether `press` is exactly `spec` (same name, same modifiers). */
export function matchesSpec(press: KeyPress, spec: KeySpec): boolean {
  return (
    press.name === spec.name &&
    press.ctrl === (spec.ctrl ?? false) &&
    press.meta === (spec.meta ?? false) &&
    press.shift === (spec.shift ?? false)
  );
}

/** The command bound to `press`, if any. */
export function commandFor(
  press: KeyPress,
  bindings: Readonly<Record<Command, readonly KeySpec[]>> = DEFAULT_BINDINGS,
): Command | undefined {
  for (const [command, specs] of Object.entries(bindings) as [Command, readonly KeySpec[]][]) {
    if (specs.some((spec) => matchesSpec(press, spec))) return command;
  }
  return undefined;
}

/** `Ctrl+Shift+Tab`-style label of a key, for help text and the README table. */
export function describeKey(spec: KeySpec): string {
  const names: Record<string, string> = { return: 'Enter', escape: 'Escape', space: 'Space' };
  const base = names[spec.name] ?? spec.name[0].toUpperCase() + spec.name.slice(1);
  const mods = [spec.ctrl && 'Ctrl', spec.meta && 'Alt', spec.shift && 'Shift'].filter(Boolean);
  return [...mods, base].join('+');
}
