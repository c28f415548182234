import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import type { ProviderEngine } from '../../src/provider/index.js';
import { navigationCmdlets } from '../../src/shell/cmdlets/navigation/index.js';
import { fileSystemEngine, makeTree, tempFolder } from './helpers.js';
import { messages, runCmdlet } from './cmdlet-context.js';

const cmdlet = (name: string) => navigationCmdlets.find((c) => c.name === name)!;
const paths = (output: unknown[]) => output.map((entry) => (entry as { Path: string }).Path);

let dir: string;
let cleanup: () => Promise<void>;
let engine: ProviderEngine;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  await makeTree(dir, { 'one/two/f.txt': 'F', 'other/': '', 'odd/': '' });
  engine = await fileSystemEngine(dir);
});

afterEach(() => cleanup());

describe('Set-Location and history', () => {
  it('goes into containers only, with wildcards resolving to one', async () => {
    const cd = cmdlet('Set-Location');
    expect(paths((await runCmdlet(cd, engine, { Path: 'on*', PassThru: true })).output)).toEqual([
      path.join(dir, 'one'),
    ]);
    // Set-Location reports a failure as a non-terminating error, as PowerShell does.
    const file = await runCmdlet(cd, engine, { Path: 'two/f.txt' });
    expect(String(file.errors[0])).toContain(
      `Cannot find path '${dir}/one/two/f.txt' because it does not exist.`,
    );
    await runCmdlet(cd, engine, { Path: '..' });
    const many = await runCmdlet(cd, engine, { Path: 'o*' });
    expect(String(many.errors[0])).toContain(
      "Cannot set the location because path 'o*' resolved to multiple containers.",
    );
    expect(engine.currentLocation().display).toBe(dir);
  });

  it('walks back and forward with - and +, and fails when history runs out', async () => {
    const cd = cmdlet('Set-Location');
    await runCmdlet(cd, engine, { Path: 'one' });
    await runCmdlet(cd, engine, { Path: 'two' });
    await runCmdlet(cd, engine, { Path: '-' });
    expect(engine.currentLocation().display).toBe(path.join(dir, 'one'));
    await runCmdlet(cd, engine, { Path: '+' });
    expect(engine.currentLocation().display).toBe(path.join(dir, 'one/two'));
    const none = await runCmdlet(cd, engine, { Path: '+' });
    expect(String(none.errors[0])).toContain(
      'There is no location history left to navigate forwards.',
    );
  });

  it('goes home without a path and keeps $PWD in step', async () => {
    const run = await runCmdlet(cmdlet('Set-Location'), engine, {});
    expect(engine.currentLocation().providerPath).toBe(os.homedir());
    expect(run.variables.get('PWD')).toMatchObject({ Path: os.homedir() });
  });

  it('has cd.. and cd\\ shortcuts', async () => {
    await engine.setLocation('one/two');
    await runCmdlet(cmdlet('cd..'), engine, {});
    expect(engine.currentLocation().display).toBe(path.join(dir, 'one'));
    await runCmdlet(cmdlet('cd\\'), engine, {});
    expect(engine.currentLocation().display).toBe('/');
  });
});

describe('location stacks', () => {
  it('pushes and pops, on the default and on named stacks', async () => {
    await runCmdlet(cmdlet('Push-Location'), engine, { Path: 'one' });
    await runCmdlet(cmdlet('Push-Location'), engine, { Path: 'two', StackName: 'work' });
    const stack = await runCmdlet(cmdlet('Get-Location'), engine, { Stack: true });
    expect(paths(stack.output)).toEqual([dir]);
    const named = await runCmdlet(cmdlet('Get-Location'), engine, { StackName: ['work'] });
    expect(paths(named.output)).toEqual([path.join(dir, 'one')]);

    await runCmdlet(cmdlet('Pop-Location'), engine, { StackName: 'work' });
    expect(engine.currentLocation().display).toBe(path.join(dir, 'one'));
    const gone = await runCmdlet(cmdlet('Pop-Location'), engine, { StackName: 'work' });
    expect(String(gone.errors[0])).toContain(
      "Cannot find location stack 'work'. It does not exist or it is not a container.",
    );

    await runCmdlet(cmdlet('Pop-Location'), engine, {});
    expect(engine.currentLocation().display).toBe(dir);
    const empty = await runCmdlet(cmdlet('Pop-Location'), engine, { PassThru: true });
    expect(empty.output).toEqual([]);
  });
});

describe('drives and providers', () => {
  it('mounts, lists, uses and removes a drive', async () => {
    const made = await runCmdlet(cmdlet('New-PSDrive'), engine, {
      Name: 'W',
      PSProvider: 'filesystem',
      Root: 'one',
    });
    expect(made.output[0]).toMatchObject({
      Name: 'W',
      Provider: 'FileSystem',
      Root: path.join(dir, 'one'),
    });

    await engine.setLocation('W:\\two');
    expect(engine.currentLocation()).toMatchObject({ drive: 'W', display: 'W:/two' });
    const [file] = await engine.resolve('f.txt');
    expect(engine.toPipelineObject(file).PSPath).toBe('FileSystem::W:/two/f.txt');

    const drives = await runCmdlet(cmdlet('Get-PSDrive'), engine, { Name: ['w', 'Nope'] });
    expect(drives.output).toHaveLength(1);
    expect(drives.output[0]).toMatchObject({ CurrentLocation: 'two' });
    expect(messages(drives.errors)).toEqual([
      "Cannot find drive. A drive with the name 'Nope' does not exist.",
    ]);

    const busy = await runCmdlet(cmdlet('Remove-PSDrive'), engine, { Name: ['W'] });
    expect(messages(busy.errors)).toEqual(["Cannot remove drive 'W' because it is in use."]);
    await engine.setLocation(dir);
    const native = await runCmdlet(cmdlet('Get-PSDrive'), engine, { Name: ['/'] });
    expect(native.output[0]).toMatchObject({ Root: '/', CurrentLocation: dir.slice(1) });
    await runCmdlet(cmdlet('Remove-PSDrive'), engine, { Name: ['W'] });
    await expect(engine.resolve('W:\\')).rejects.toThrow(
      "A drive with the name 'W' does not exist.",
    );
  });

  it('refuses a duplicate drive and a missing root', async () => {
    await expect(
      runCmdlet(cmdlet('New-PSDrive'), engine, { Name: '/', PSProvider: 'FileSystem', Root: '/' }),
    ).rejects.toThrow("A drive with the name '/' already exists.");
    await expect(
      runCmdlet(cmdlet('New-PSDrive'), engine, {
        Name: 'M',
        PSProvider: 'FileSystem',
        Root: 'missing',
      }),
    ).rejects.toThrow('either does not exist, or it is not a folder');
    expect(engine.getDrives().map((drive) => drive.name)).toEqual(['/']);
  });

  it('describes providers with derived capabilities', async () => {
    const run = await runCmdlet(cmdlet('Get-PSProvider'), engine, {
      PSProvider: ['File*', 'Nope'],
    });
    expect(run.output[0]).toMatchObject({ Name: 'FileSystem', Drives: ['/'] });
    const capabilities = (run.output[0] as { Capabilities: string }).Capabilities;
    expect(capabilities).toContain('ShouldProcess');
    expect(capabilities).toContain('SetContent');
    expect(messages(run.errors)).toEqual(["Cannot find a provider with the name 'Nope'."]);
  });
});

describe('path cmdlets', () => {
  it('tests paths without ever failing', async () => {
    const run = await runCmdlet(cmdlet('Test-Path'), engine, {
      Path: ['one', 'one/two/f.txt', 'missing', 'Nope:\\x', 'o*'],
    });
    expect(run.output).toEqual([true, true, false, false, true]);
    const typed = await runCmdlet(cmdlet('Test-Path'), engine, {
      Path: ['one', 'one/two/f.txt'],
      PathType: 'Leaf',
    });
    expect(typed.output).toEqual([false, true]);
    const valid = await runCmdlet(cmdlet('Test-Path'), engine, {
      Path: ['Nope:\\x', 'any/thing'],
      IsValid: true,
    });
    expect(valid.output).toEqual([false, true]);
  });

  it('resolves, converts, splits and joins', async () => {
    await engine.setLocation('one');
    const resolved = await runCmdlet(cmdlet('Resolve-Path'), engine, { Path: ['two/*'] });
    expect(paths(resolved.output)).toEqual([path.join(dir, 'one/two/f.txt')]);
    const relative = await runCmdlet(cmdlet('Resolve-Path'), engine, {
      Path: ['../other', 'two'],
      Relative: true,
    });
    expect(relative.output).toEqual(['../other', './two']);
    const converted = await runCmdlet(cmdlet('Convert-Path'), engine, { Path: ['~'] });
    expect(converted.output).toEqual([os.homedir()]);

    const split = (params: Record<string, unknown>) =>
      runCmdlet(cmdlet('Split-Path'), engine, params);
    expect((await split({ Path: ['JAFS:\\Jotta\\Archive\\a.txt'] })).output).toEqual([
      'JAFS:\\Jotta\\Archive',
    ]);
    expect((await split({ Path: ['JAFS:\\Jotta'] })).output).toEqual(['JAFS:\\']);
    expect((await split({ Path: ['/tmp'] })).output).toEqual(['/']);
    expect((await split({ Path: ['JAFS:\\a\\b.tar.gz'], LeafBase: true })).output).toEqual([
      'b.tar',
    ]);
    expect((await split({ Path: ['JAFS:\\a\\b.txt'], Extension: true })).output).toEqual(['.txt']);
    expect((await split({ Path: ['JAFS:\\a'], Qualifier: true })).output).toEqual(['JAFS:']);
    expect((await split({ Path: ['JAFS:\\a'], NoQualifier: true })).output).toEqual(['\\a']);
    expect((await split({ Path: ['a', '/a', 'X:\\a'], IsAbsolute: true })).output).toEqual([
      false,
      true,
      true,
    ]);
    expect(messages((await split({ Path: ['/tmp'], Qualifier: true })).errors)).toEqual([
      "Cannot parse path because path '/tmp' does not have a qualifier specified.",
    ]);

    const joined = await runCmdlet(cmdlet('Join-Path'), engine, {
      Path: ['/tmp/', 'sub'],
      ChildPath: '/x',
      AdditionalChildPath: ['y'],
    });
    expect(joined.output).toEqual(['/tmp/x/y', 'sub/x/y']);
  });
});

describe('aliases', () => {
  it('include the Windows extras and mkdir/md', () => {
    const aliases = navigationCmdlets.flatMap((c) => [...(c.aliases ?? [])]);
    for (const alias of [
      'ls',
      'rm',
      'mv',
      'cp',
      'cat',
      'md',
      'mount',
      'pwd',
      'gci',
      'rvpa',
      'cvpa',
      'clc',
      'ac',
    ]) {
      expect(aliases).toContain(alias);
    }

    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
