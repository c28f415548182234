import { describe, expect, it } from 'vitest';

import { InvalidPathError } from '../../src/jfs/errors.js';
import {
  absoluteQueryValue,
  allocatePath,
  encodeSegment,
  jfsUrlPath,
  parseItemPath,
  splitPath,
  toDeviceRelative,
} from '../../src/jfs/paths.js';
import { formatJfsTime, parseJfsTime } from '../../src/jfs/time.js';

describe('path encoding (§1.4)', () => {
  it.each([
    ['a b', 'a%20b'],
    ['notepad++.exe', 'notepad%2B%2B.exe'],
    ['#1', '%231'],
    ['a%20b.jpg', 'a%2520b.jpg'],
    ['name;x.pdf', 'name%3Bx.pdf'],
    ['what?', 'what%3F'],
    ['back\\slash', 'back%5Cslash'],
    ['Привет', '%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82'],
    [' leading', '%20leading'],
  ])('encodes %j as %s', (name, encoded) => {
    expect(encodeSegment(name)).toBe(encoded);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('builds JFS, allocate and move-destination forms', () => {
    expect(jfsUrlPath('alice', ['My Laptop', 'My Docs', 'a+b.txt'])).toBe(
      '/jfs/alice/My%20Laptop/My%20Docs/a%2Bb.txt',
    );
    expect(allocatePath(['Laptop', 'Docs', 'a.txt'])).toBe('/jfs/Laptop/Docs/a.txt');
    expect(decodeURIComponent(absoluteQueryValue('alice', ['Jotta', 'Archive', 'n ew+.txt']))).toBe(
      '/alice/Jotta/Archive/n ew+.txt',
    );
  });

  it('keeps spaces at the ends of names and splits only on slashes', () => {
    expect(splitPath('/Jotta/Archive/ lead/trail /a\\b')).toEqual([
      'Jotta',
      'Archive',
      ' lead',
      'trail ',
      'a\\b',
    ]);
    expect(splitPath('Jotta//Archive/')).toEqual(['Jotta', 'Archive']);
  });

  it('refuses dot segments, shallow paths and names over 255 characters before any request', () => {
    expect(() => splitPath('/Jotta/Archive/../x')).toThrow(InvalidPathError);
    expect(() => parseItemPath('/Jotta/Archive', 3, 'a file')).toThrow(/does not name a file/);
    expect(() => parseItemPath(`/Jotta/Archive/${'a'.repeat(256)}`, 3, 'a file')).toThrow(
      /at most 255/,
    );
    expect(parseItemPath(`/Jotta/Archive/${'é'.repeat(255)}`, 3, 'a file')).toHaveLength(3);
    expect(() => parseItemPath('/Jotta/Archive/\uD800x', 3, 'a file')).toThrow(InvalidPathError);
  });

  it('turns server paths into device-relative ones', () => {
    expect(toDeviceRelative('/alice/Jotta/Archive', 'alice')).toBe('/Jotta/Archive');
    expect(toDeviceRelative('/Alice/Jotta', 'alice')).toBe('/Jotta');
    expect(toDeviceRelative('/alice', 'alice')).toBe('/');
    expect(toDeviceRelative('/alicex/Jotta', 'alice')).toBe('/alicex/Jotta');
  });
});

describe('JFS timestamps (§3.1, B32)', () => {
  it('parses the -T form, offsets, milliseconds and empties', () => {
    expect(parseJfsTime('2018-07-05-T15:08:02Z')?.toISOString()).toBe('2018-07-05T15:08:02.000Z');
    expect(parseJfsTime('2022-04-22-T10:00:00+0200')?.toISOString()).toBe(
      '2022-04-22T08:00:00.000Z',
    );
    expect(parseJfsTime('2021-11-30T10:21:05.123Z')?.toISOString()).toBe(
      '2021-11-30T10:21:05.123Z',
    );
    expect(parseJfsTime('')).toBeUndefined();
    expect(parseJfsTime('  ')).toBeUndefined();
    expect(parseJfsTime(undefined)).toBeUndefined();
    expect(parseJfsTime('garbage')).toBeUndefined();
  });

  it('formats headers in the JFS form', () => {
    expect(formatJfsTime(new Date('2024-05-01T10:00:00.789Z'))).toBe('2024-05-01-T10:00:00Z');
  });
});
