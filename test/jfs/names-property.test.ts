import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Folder, JfsFile } from '../../src/jfs/index.js';
import { basicClient, bufferSource, readAll, startTestServer } from './helpers.js';

/** Names JFS can hold: no `/`, not `.`/`..`, no control characters (XML cannot carry them). */
const awkward = fc.constantFrom(
  ' ',
  '+',
  '#',
  '%',
  '%2F',
  ';',
  '?',
  '\\',
  '&',
  '=',
  '.',
  'é',
  'e\u0301',
);
const jfsName = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: awkward, minLength: 1, maxLength: 12 }),
  )
  .filter((name) => !name.includes('/') && name !== '.' && name !== '..')
  .filter(
    (name) =>
      ![...name].some(
        (c) => c.codePointAt(0)! < 0x20 || ['\u007f', '\ufffe', '\uffff'].includes(c),
      ),
  );

describe('any name the server lists can be addressed again', () => {
  it('round-trips random Unicode names through upload, listing, GET and download', async () => {
    const client = basicClient(await startTestServer());
    let index = 0;

    await fc.assert(
      fc.asyncProperty(jfsName, async (name) => {
        const folder = `/Jotta/Archive/p${index++}`;
        const content = Buffer.from(`bytes of ${name}`);
        await client.upload(`${folder}/${name}`, bufferSource(content).source);

        const listing = (await client.getObject(folder)) as Folder;
        expect(listing.files.map((file) => file.name)).toEqual([name]);
        const listed = listing.files[0].name;
        const file = (await client.getObject(`${folder}/${listed}`)) as JfsFile;
        expect(file.name).toBe(name);
        const { stream } = await client.download(`${folder}/${listed}`);
        expect((await readAll(stream)).equals(content)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
