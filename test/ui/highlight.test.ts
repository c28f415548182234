import { describe, expect, it } from 'vitest';
import { highlight, type TokenKind } from '../../src/ui/state/highlight.js';

/** The coloured words of `text` as `kind:text` pairs. */
function words(text: string): string[] {
  return highlight(text).map((span) => `${span.kind}:${text.slice(span.start, span.end)}`);
}

const kinds = (text: string): TokenKind[] => highlight(text).map((span) => span.kind);

describe('highlighter', () => {
  it('colours a pipeline: commands, parameters, strings, variables and numbers', () => {
    expect(words("Get-ChildItem -Path 'My Files' | Where-Object Length -gt 1MB")).toEqual([
      'command:Get-ChildItem',
      'parameter:-Path',
      "string:'My Files'",
      'operator:|',
      'command:Where-Object',
      'plain:Length',
      'parameter:-gt',
      'number:1MB',
    ]);
  });

  it('treats the word after =, (, ; and { as a command', () => {
    expect(words('$x = ls; (gci).Count')).toEqual([
      'variable:$x',
      'operator:=',
      'command:ls',
      'operator:;',
      'operator:(',
      'command:gci',
      'operator:)',
      'operator:.',
      'plain:Count',
    ]);
  });

  it('knows keywords, and that a block after else starts with a command', () => {
    expect(words('if ($a) { ls } else { pwd }')).toEqual([
      'keyword:if',
      'operator:(',
      'variable:$a',
      'operator:)',
      'operator:{',
      'command:ls',
      'operator:}',
      'keyword:else',
      'operator:{',
      'command:pwd',
      'operator:}',
    ]);
  });

  it('handles escapes in strings and colours an unfinished string to the end', () => {
    expect(words(`"a\`"b" 'it''s' "open`)).toEqual([
      'string:"a`"b"',
      "string:'it''s'",
      'string:"open',
    ]);
  });

  it('colours comments to the end of the line, and block comments', () => {
    expect(kinds('ls # list\npwd')).toEqual(['command', 'comment', 'command']);
    expect(kinds('<# note #> ls')).toEqual(['comment', 'command']);
  });

  it('reads special variables and ${braced} names', () => {
    expect(words('$_.Name ${my var} $env:HOME')).toEqual([
      'variable:$_',
      'operator:.',
      'plain:Name',
      'variable:${my var}',
      'variable:$env:HOME',
    ]);
  });

  it('covers the whole text without overlaps', () => {
    const text = 'foreach ($n in 1,2) {\n  "n=$n" | Out-Host\n}';
    let last = 0;
    for (const span of highlight(text)) {
      expect(span.start).toBeGreaterThanOrEqual(last);
      expect(span.end).toBeGreaterThan(span.start);
      last = span.end;
    }
    expect(last).toBeLessThanOrEqual(text.length);
  });
});
