import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsShell } from './helpers/fs-shell.js';

let session: Awaited<ReturnType<typeof fsShell>>;

beforeAll(async () => {
  session = await fsShell({ 'docs/': '' });
});

afterAll(() => session.dispose());

describe('New-Item -ItemType completion', () => {
  it("offers the provider's item types", async () => {
    const line = 'New-Item ./new -ItemType ';
    const completion = await session.shell.complete(line, line.length);

    expect(completion.matches.map((match) => match.text)).toEqual(['File', 'Directory']);
  });

  it('narrows them by what is typed', async () => {
    const line = 'New-Item ./new -ItemType d';
    const completion = await session.shell.complete(line, line.length);

    expect(completion.matches.map((match) => match.text)).toEqual(['Directory']);
  });

  it('still binds a prefix the list does not name', async () => {
    const { out, err } = await session.run(
      'New-Item ./made -ItemType dir | Out-Null; Test-Path ./made -PathType Container',
    );

    expect(err).toBe('');
    expect(out.trim()).toBe('True');
  });
});
