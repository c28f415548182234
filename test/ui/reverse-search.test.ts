import { describe, expect, it } from 'vitest';
import {
  findOlder,
  NEW_SEARCH,
  searchLabel,
  searchReducer,
  type SearchAction,
} from '../../src/ui/state/reverse-search.js';

const entries = ['Get-ChildItem', 'cd /tmp', 'Get-Content a.txt', 'ls -Force'];

function run(...actions: SearchAction[]) {
  return actions.reduce((state, action) => searchReducer(entries, state, action), NEW_SEARCH);
}

describe('reverse search', () => {
  it('finds the newest entry containing the query, ignoring case', () => {
    expect(findOlder(entries, 'get', 3)).toBe(2);
    expect(run({ type: 'type', text: 'GET' })).toEqual({ query: 'GET', match: 2, failed: false });
  });

  it('narrows as more is typed, starting from the current match', () => {
    const state = run({ type: 'type', text: 'get-c' }, { type: 'type', text: 'h' });
    expect(state).toEqual({ query: 'get-ch', match: 0, failed: false });
  });

  it('goes to older matches on Ctrl+R and reports failure past the oldest', () => {
    const older = run({ type: 'type', text: 'get' }, { type: 'older' });
    expect(older.match).toBe(0);

    const failed = searchReducer(entries, older, { type: 'older' });
    expect(failed).toMatchObject({ match: 0, failed: true });
    expect(searchLabel(failed)).toBe('failed-bck-i-search: ');
  });

  it('keeps the last match and flags failure when the query stops matching', () => {
    const state = run({ type: 'type', text: 'cd' }, { type: 'type', text: 'x' });
    expect(state).toEqual({ query: 'cdx', match: 1, failed: true });
  });

  it('widens again on Backspace', () => {
    const state = run({ type: 'type', text: 'cdx' }, { type: 'backspace' });
    expect(state).toEqual({ query: 'cd', match: 1, failed: false });
    expect(searchLabel(state)).toBe('bck-i-search: ');
  });
});
