import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WildcardPattern } from '../../src/provider/index.js';

const match = (pattern: string, text: string, caseSensitive = false) =>
  new WildcardPattern(pattern, { caseSensitive }).isMatch(text);

describe('WildcardPattern', () => {
  it.each([
    ['*', '', true],
    ['*.txt', 'notes.TXT', true],
    ['*.txt', 'notes.txt.bak', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['[a-c]x', 'Bx', true],
    ['[a-c]x', 'dx', false],
    ['[abc]', 'c', true],
    ['x`[1`].txt', 'x[1].txt', true],
    ['x`*', 'x*', true],
    ['x`*', 'xy', false],
    ['a.b', 'aXb', false],
    ['(a)+', '(a)+', true],
    ['line*', 'line\nbreak', true],
  ])('%s matches %s: %s', (pattern, text, expected) => {
    expect(match(pattern, text)).toBe(expected);
  });

  it('is case-sensitive on request', () => {
    expect(match('*.TXT', 'a.txt', true)).toBe(false);
    expect(match('[A-C]', 'b', true)).toBe(false);
  });

  it('rejects an unclosed or reversed set with PowerShell words', () => {
    expect(() => new WildcardPattern('a[bc')).toThrow(
      'The specified wildcard character pattern is not valid: a[bc',
    );
    expect(() => new WildcardPattern('[z-a]')).toThrow(/not valid/);
  });

  it('detects, escapes and unescapes wildcard characters', () => {
    expect(WildcardPattern.containsWildcard('a`*b')).toBe(false);
    expect(WildcardPattern.containsWildcard('a]b')).toBe(true);
    expect(WildcardPattern.unescape('a`[1`]``')).toBe('a[1]`');
    expect(WildcardPattern.escape('a[1]*')).toBe('a`[1`]`*');
  });

  it('matches any escaped name literally (property)', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const pattern = new WildcardPattern(WildcardPattern.escape(name), { caseSensitive: true });
        expect(pattern.isMatch(name)).toBe(true);
        expect(WildcardPattern.containsWildcard(WildcardPattern.escape(name))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
