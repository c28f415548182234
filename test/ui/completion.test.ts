import { describe, expect, it } from 'vitest';
import type { Completion, CompletionMatch } from '../../src/shell/api.js';
import {
  applyMatch,
  completionReducer,
  IDLE,
  MENU_ROWS,
  scrollTo,
  type CompletionAction,
  type CompletionModel,
} from '../../src/ui/state/completion.js';

const match = (text: string, kind: CompletionMatch['kind'] = 'leaf'): CompletionMatch => ({
  text,
  label: text,
  kind,
});

const start: CompletionModel = { editor: { text: 'cd fo', cursor: 5 }, completion: IDLE };
const several: Completion = {
  replaceStart: 3,
  replaceLength: 2,
  matches: [match('foo/'), match('fob/'), match('fox/')],
};

function run(model: CompletionModel, ...actions: CompletionAction[]): CompletionModel {
  return actions.reduce(completionReducer, model);
}

const request = (id = 1, menu = false, reverse = false): CompletionAction => ({
  type: 'request',
  id,
  menu,
  reverse,
});

describe('completion reducer', () => {
  it('inserts a single match at once and goes idle', () => {
    const single = { ...several, matches: [match('foo/', 'container')] };
    const model = run(start, request(), { type: 'resolve', id: 1, completion: single });
    expect(model.editor).toEqual({ text: 'cd foo/', cursor: 7 });
    expect(model.completion).toBe(IDLE);
  });

  it('leaves the line alone when nothing matches', () => {
    const none = { ...several, matches: [] };
    const model = run(start, request(), { type: 'resolve', id: 1, completion: none });
    expect(model.editor).toBe(start.editor);
    expect(model.completion).toBe(IDLE);
  });

  it('inserts the first of several and cycles both ways, wrapping around', () => {
    let model = run(start, request(), { type: 'resolve', id: 1, completion: several });
    expect(model.editor.text).toBe('cd foo/');
    expect(model.completion).toMatchObject({ kind: 'active', index: 0, menu: false });

    model = run(model, { type: 'step', delta: 1 });
    expect(model.editor.text).toBe('cd fob/');
    model = run(model, { type: 'step', delta: 1 }, { type: 'step', delta: 1 });
    expect(model.editor.text).toBe('cd foo/');
    model = run(model, { type: 'step', delta: -1 });
    expect(model.editor.text).toBe('cd fox/');
  });

  it('starts from the last match for Shift+Tab', () => {
    const model = run(start, request(1, false, true), {
      type: 'resolve',
      id: 1,
      completion: several,
    });
    expect(model.editor.text).toBe('cd fox/');
  });

  it('opens the menu straight away for Ctrl+Space', () => {
    const model = run(start, request(1, true), { type: 'resolve', id: 1, completion: several });
    expect(model.completion).toMatchObject({ kind: 'active', menu: true });
  });

  it('restores the original line on revert (Escape) and keeps the match on accept', () => {
    const active = run(start, request(), { type: 'resolve', id: 1, completion: several });
    expect(run(active, { type: 'step', delta: 1 }, { type: 'revert' })).toEqual(start);
    const accepted = run(active, { type: 'step', delta: 1 }, { type: 'accept' });
    expect(accepted).toEqual({ editor: { text: 'cd fob/', cursor: 7 }, completion: IDLE });
  });

  it('ignores the answer of a lookup that was superseded or cancelled', () => {
    const superseded = run(start, request(1), request(2), {
      type: 'resolve',
      id: 1,
      completion: several,
    });
    expect(superseded.completion).toMatchObject({ kind: 'loading', id: 2 });

    const cancelled = run(
      start,
      request(1),
      { type: 'reset' },
      {
        type: 'resolve',
        id: 1,
        completion: several,
      },
    );
    expect(cancelled).toEqual(start);
  });

  it('keeps the cursor inside the closing quote of a quoted container', () => {
    const quoted = { replaceStart: 3, replaceLength: 2, matches: [] };
    const edited = applyMatch(start.editor, quoted, match("'My Files/'", 'container'));
    expect(edited).toEqual({ text: "cd 'My Files/'", cursor: 13 });

    const leaf = applyMatch(start.editor, quoted, match("'My File.txt'", 'leaf'));
    expect(leaf.cursor).toBe(leaf.text.length);
  });

  it('narrows the menu as the user types, and widens again', () => {
    const paths: Completion = {
      replaceStart: 3,
      replaceLength: 2,
      matches: [match('./food/', 'container'), match('./fob/', 'container'), match('./foxes')],
    };
    const labelled = {
      ...paths,
      matches: paths.matches.map((m) => ({ ...m, label: m.text.replace(/^\.\/|\/$/g, '') })),
    };
    let model = run(start, request(1, true), { type: 'resolve', id: 1, completion: labelled });
    model = run(model, { type: 'narrow', text: 'x' });
    expect(model.completion).toMatchObject({ filter: 'x', index: 0 });
    expect(model.editor.text).toBe('cd ./foxes');

    model = run(model, { type: 'widen' });
    expect(model.completion).toMatchObject({ filter: '' });
    expect(model.completion.kind === 'active' && model.completion.completion.matches).toHaveLength(
      3,
    );

    const stuck = run(model, { type: 'narrow', text: 'z' });
    expect(stuck).toBe(model);
  });

  it('scrolls the menu window to keep the highlighted row visible', () => {
    expect(scrollTo(0, 0)).toBe(0);
    expect(scrollTo(MENU_ROWS - 1, 0)).toBe(0);
    expect(scrollTo(MENU_ROWS, 0)).toBe(1);
    expect(scrollTo(19, 0)).toBe(19 - MENU_ROWS + 1);
    expect(scrollTo(3, 10)).toBe(3);
  });
});
