import { describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../../src/shell/api.js';
import { testShell, TreeEngine } from './helpers/recording-host.js';

const newThing: CmdletDefinition = {
  name: 'New-Thing',
  synopsis: 'Makes a thing.',
  parameters: [
    { name: 'Path', type: 'string', position: 0 },
    { name: 'ItemType', type: 'string', values: ['device', 'mountpoint', 'folder', 'file'] },
  ],
  dynamicParameters: (bound) =>
    bound.ItemType === 'device'
      ? [{ name: 'DeviceType', type: 'string', values: ['Laptop', 'Work Station'] }]
      : [],
};

const setLocation: CmdletDefinition = {
  name: 'Set-Location',
  aliases: ['cd'],
  synopsis: 'Changes the location.',
  parameters: [{ name: 'Path', type: 'string', position: 0 }],
};

function shell() {
  const engine = new TreeEngine([
    { path: 'JAFS:\\Archive', isContainer: true },
    { path: 'JAFS:\\My Files', isContainer: true },
    { path: 'JAFS:\\notes.txt', isContainer: false },
  ]);
  return testShell({ engine, cmdlets: [newThing, setLocation] });
}

describe('completion', () => {
  it('completes command names and aliases at command position', async () => {
    const t = shell();
    const c = await t.shell.complete('Get-Al', 6);
    expect(c).toMatchObject({ replaceStart: 0, replaceLength: 6 });
    expect(c.matches.map((m) => m.text)).toEqual(['Get-Alias']);
    const w = await t.shell.complete('1 | wh', 6);
    expect(w.matches.map((m) => [m.text, m.kind])).toEqual([
      ['where', 'alias'],
      ['Where-Object', 'cmdlet'],
    ]);
    expect(w.replaceStart).toBe(4);
  });

  it('completes parameter names, dynamic ones included', async () => {
    const t = shell();
    let c = await t.shell.complete('New-Thing -It', 13);
    expect(c.matches.map((m) => m.text)).toEqual(['-ItemType']);
    c = await t.shell.complete('New-Thing x -ItemType device -Dev', 33);
    expect(c.matches.map((m) => m.text)).toEqual(['-DeviceType']);
    c = await t.shell.complete('Sort-Object -D', 14);
    expect(c.matches.map((m) => m.text)).toEqual(['-Descending', '-Debug']);
  });

  it('completes closed-set values, quoting those with spaces', async () => {
    const t = shell();
    let c = await t.shell.complete('New-Thing -ItemType f', 21);
    expect(c.matches.map((m) => m.text)).toEqual(['folder', 'file']);
    expect(c.replaceStart).toBe(20);
    c = await t.shell.complete('New-Thing -ItemType device -DeviceType W', 40);
    expect(c.matches.map((m) => m.text)).toEqual(["'Work Station'"]);
  });

  it('completes variables', async () => {
    const t = shell();
    await t.run('$myVariable = 1');
    const c = await t.shell.complete('echo $myV', 9);
    expect(c.matches.map((m) => m.text)).toEqual(['$myVariable']);
    expect(c.replaceStart).toBe(5);
  });

  it('completes paths through the engine, containers only for Set-Location', async () => {
    const t = shell();
    let c = await t.shell.complete('Get-Content JAFS:\\', 18);
    expect(c.matches.map((m) => [m.text, m.kind])).toEqual([
      ['JAFS:\\Archive\\', 'container'],
      ["'JAFS:\\My Files\\'", 'container'],
      ['JAFS:\\notes.txt', 'leaf'],
    ]);
    c = await t.shell.complete('cd JAFS:\\', 9);
    expect(c.matches.map((m) => m.label)).toEqual(['JAFS:\\Archive', 'JAFS:\\My Files']);
    const engine = t.engine as TreeEngine;
    expect(engine.completionCalls.at(-1)).toEqual({ partial: 'JAFS:\\', containersOnly: true });
  });

  it('passes cancellation to the engine', async () => {
    const t = shell();
    const controller = new AbortController();
    controller.abort();
    await expect(t.shell.complete('Get-Item JAFS:\\', 15, controller.signal)).rejects.toThrow();
  });
});

describe('prompt', () => {
  it('shows the current location, or a user prompt function', async () => {
    const t = shell();
    expect(await t.shell.prompt()).toBe('PS JAFS:\\> ');
    await t.run('function prompt { "jafs> " }');
    expect(await t.shell.prompt()).toBe('jafs> ');
  });
});

describe('dynamic parameters that redefine static ones', () => {
  it('offer their values in completion', async () => {
    const cmdlet: CmdletDefinition = {
      name: 'New-Entry',
      synopsis: 'Makes an entry.',
      parameters: [{ name: 'ItemType', type: 'string' }],
      dynamicParameters: () => [{ name: 'ItemType', type: 'string', values: ['device', 'folder'] }],
    };
    const t = testShell({ cmdlets: [cmdlet] });
    const c = await t.shell.complete('New-Entry -ItemType d', 21);
    expect(c.matches.map((m) => m.text)).toEqual(['device']);
    expect((await t.run('Get-Command -Syntax New-Entry')).out).toBe(
      '\nNew-Entry [-ItemType {device | folder}] [<CommonParameters>]\n\n',
    );
  });
});
