import { describe, expect, it } from 'vitest';

import { errorForStatus, parseServerFault } from '../../src/jfs/error-map.js';
import {
  AlreadyExistsError,
  AuthError,
  NotFoundError,
  QuotaExceededError,
  TransportError,
} from '../../src/jfs/errors.js';
import {
  parseXmlDocument,
  toDevice,
  toFile,
  toFileDirList,
  toFolder,
  toMountPoint,
  toUser,
} from '../../src/jfs/xml.js';

const revision = (number: number, state: string, extra = '') =>
  `<number>${number}</number><state>${state}</state><created>2024-05-01-T10:00:00Z</created>` +
  `<modified>2024-05-01-T10:00:00Z</modified><mime>text/plain</mime>${extra}` +
  `<updated>2024-05-01-T10:00:05Z</updated>`;

describe('JFS documents', () => {
  it('reads a user with unlimited capacity and a device with an empty modified', () => {
    const { root, node } = parseXmlDocument(`<?xml version="1.0" encoding="UTF-8"?>
<user time="2024-05-01-T12:00:00Z" host="dn-100">
  <username>user1</username><account-type>unlimited</account-type><locked>false</locked>
  <capacity>-1</capacity><max-devices>-1</max-devices><usage>48</usage>
  <read-locked>false</read-locked><write-locked>true</write-locked>
  <devices>
    <device><name xml:space="preserve">PC 1</name><type>WORKSTATION</type>
      <sid>s1</sid><size>0</size><modified></modified></device>
  </devices>
</user>`);
    expect(root).toBe('user');
    const user = toUser(node);
    expect(user).toMatchObject({ username: 'user1', capacity: -1, usage: 48, writeLocked: true });
    expect(user.devices).toEqual([
      { name: 'PC 1', type: 'WORKSTATION', sid: 's1', size: 0, modified: undefined },
    ]);
  });

  it('reads mount points of a device, including a trashed one', () => {
    const { node } = parseXmlDocument(`<device time="t" host="h">
  <name xml:space="preserve">Jotta</name><type>JOTTA</type><sid>s</sid><size>48</size>
  <modified>2024-05-01-T10:00:05Z</modified><user>user1</user>
  <mountPoints>
    <mountPoint><name xml:space="preserve">Archive</name><size>48</size><modified/></mountPoint>
    <mountPoint><name xml:space="preserve">OldSet</name><deleted>2024-04-20-T08:00:00Z</deleted>
      <size></size><modified></modified></mountPoint>
  </mountPoints>
</device>`);
    const device = toDevice(node);
    expect(device.mountPoints.map((m) => [m.name, m.size, m.deleted?.toISOString()])).toEqual([
      ['Archive', 48, undefined],
      ['OldSet', undefined, '2024-04-20T08:00:00.000Z'],
    ]);
  });

  it('reads an empty mount point with empty size and modified (B32)', () => {
    const { node } = parseXmlDocument(`<mountPoint time="t" host="h">
  <name xml:space="preserve">Trash</name><path xml:space="preserve">/user1/Jotta</path>
  <size></size><modified></modified><device>Jotta</device><user>user1</user>
  <metadata first="" max="" total="0" num_folders="0" num_files="0"/>
</mountPoint>`);
    expect(toMountPoint(node, 'user1')).toEqual({
      kind: 'mountPoint',
      name: 'Trash',
      device: 'Jotta',
      size: undefined,
      modified: undefined,
      deleted: undefined,
      folders: [],
      files: [],
    });
  });

  it('reads trashed, incomplete and corrupt children with their states (B36, B37)', () => {
    const { node } = parseXmlDocument(`<folder name=" docs &amp; co" time="t" host="h">
  <path xml:space="preserve">/user1/Jotta/Archive</path>
  <folders><folder name="drafts"/><folder name="old" deleted="2024-04-30-T18:00:00Z"/></folders>
  <files>
    <file name="big.iso" uuid="u1"><latestRevision>${revision(1, 'INCOMPLETE', '<md5>AB</md5>')}</latestRevision></file>
    <file name="photo.jpg" uuid="u2">
      <currentRevision>${revision(2, 'COMPLETED', '<size>3</size><md5>900150983cd24fb0d6963f7d28e17f72</md5>')}</currentRevision>
      <latestRevision>${revision(3, 'CORRUPT', '<md5>ffff</md5>')}</latestRevision>
    </file>
    <file name="gone.txt" uuid="u3" deleted="2024-04-30-T18:05:00Z">
      <abspath xml:space="preserve">/user1/Jotta/Archive/docs</abspath>
      <currentRevision>${revision(1, 'COMPLETED', '<size>0</size><md5>d41d8cd98f00b204e9800998ecf8427e</md5>')}</currentRevision>
    </file>
  </files>
</folder>`);
    const folder = toFolder(node, 'user1');
    expect(folder.name).toBe(' docs & co');
    expect(folder.path).toBe('/Jotta/Archive');
    expect(folder.folders.map((f) => [f.name, Boolean(f.deleted)])).toEqual([
      ['drafts', false],
      ['old', true],
    ]);
    const [big, photo, gone] = folder.files;
    expect([big.state, big.size, big.md5, big.currentRevision]).toEqual([
      'INCOMPLETE',
      undefined,
      'ab',
      undefined,
    ]);
    expect([photo.state, photo.size, photo.md5, photo.latestRevision?.number]).toEqual([
      'CORRUPT',
      3,
      '900150983cd24fb0d6963f7d28e17f72',
      3,
    ]);
    expect([gone.state, gone.size, gone.path, gone.deleted?.getUTCDate()]).toEqual([
      'COMPLETED',
      0,
      '/Jotta/Archive/docs',
      30,
    ]);
  });

  it('reads a file with its revision history and share link', () => {
    const { node } = parseXmlDocument(`<file name="notes.txt" uuid="u" time="t" host="h">
  <path xml:space="preserve">/user1/Jotta/Archive/docs</path>
  <publicURI>0123</publicURI>
  <currentRevision>${revision(7, 'COMPLETED', '<size>12</size><md5>aa</md5>')}</currentRevision>
  <revisions>
    <revision>${revision(6, 'COMPLETED', '<size>12</size><md5>bb</md5>')}</revision>
    <revision>${revision(5, 'INCOMPLETE', '<md5>bb</md5>')}</revision>
  </revisions>
</file>`);
    const file = toFile(node, 'user1');
    expect(file).toMatchObject({
      name: 'notes.txt',
      path: '/Jotta/Archive/docs',
      publicUri: '0123',
    });
    expect(file.revisions.map((r) => [r.number, r.state, r.size])).toEqual([
      [6, 'COMPLETED', 12],
      [5, 'INCOMPLETE', undefined],
    ]);
    expect(file.modified?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  it('reads a recursive list (§3.8)', () => {
    const { root, node } = parseXmlDocument(`<filedirlist time="t" host="h"><folders>
  <folder name="Archive"><path xml:space="preserve">/user1/Jotta</path>
    <files><file name="a" uuid="1"><currentRevision>${revision(1, 'COMPLETED', '<size>1</size>')}</currentRevision></file></files>
  </folder>
  <folder name="docs"><path xml:space="preserve">/user1/Jotta/Archive</path></folder>
</folders></filedirlist>`);
    expect(root).toBe('filedirlist');
    const list = toFileDirList(node, 'user1');
    expect(list.folders.map((f) => [f.path, f.name, f.files.length])).toEqual([
      ['/Jotta', 'Archive', 1],
      ['/Jotta/Archive', 'docs', 0],
    ]);
  });
});

describe('error mapping', () => {
  it('reads XML, JSON and OAuth error bodies', () => {
    expect(
      parseServerFault(
        `<error><code>404</code><message>no.jotta.backup.errors.NoSuchFileException: File /u/a does not exist</message></error>`,
      ),
    ).toEqual({ exception: 'NoSuchFileException', text: 'File /u/a does not exist' });
    expect(parseServerFault('{"code":420,"error_id":"IncompleteUploadOpenApiException"}')).toEqual({
      exception: 'IncompleteUploadOpenApiException',
      text: undefined,
    });
    expect(parseServerFault('{"error":"invalid_grant","error_description":"Stale token"}')).toEqual(
      {
        exception: 'invalid_grant',
        text: 'Stale token',
      },
    );
    expect(parseServerFault('400 Bad request')).toEqual({});
  });

  it.each([
    [401, AuthError, 'EJFS_AUTH'],
    [404, NotFoundError, 'EJFS_NOT_FOUND'],
    [409, AlreadyExistsError, 'EJFS_EXISTS'],
    [460, QuotaExceededError, 'EJFS_QUOTA'],
    [503, TransportError, 'EJFS_TRANSPORT'],
  ])('maps HTTP %i to %o', (status, type, code) => {
    const error = errorForStatus({ status, path: '/Jotta/Archive/x', action: 'read', fault: {} });
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain('/Jotta/Archive/x');
  });
});
