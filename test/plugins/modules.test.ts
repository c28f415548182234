import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginShell } from './harness.js';
import { tempFolder } from './fixtures.js';

/** An installed package exporting a provider factory, drives and a cmdlet. */
const PACKAGE_INDEX = `
export const provider = ({ ContainerNode, LeafNode, createNodeProvider }) => {
  class Greeting extends LeafNode {
    content() { return 'hello from a package'; }
  }
  class Root extends ContainerNode {
    children() { return [new Greeting('greeting.txt')]; }
  }
  return createNodeProvider({ name: 'Greeter', nodeTypes: [Root, Greeting], root: () => new Root() });
};
export const drives = [{ name: 'Hi', root: '/' }];
export const cmdlets = [{
  name: 'Get-Greeting',
  synopsis: 'Says hello.',
  parameters: [],
  async process(ctx) { await ctx.write('hej'); },
}];
`;

describe('Import-Module of an installed package', () => {
  let folder: { dir: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    folder = await tempFolder();
    const pkg = path.join(folder.dir, 'node_modules', 'jafs-provider-greeter');
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, 'index.js'), PACKAGE_INDEX);
    await writeFile(
      path.join(pkg, 'package.json'),
      JSON.stringify({ name: 'jafs-provider-greeter', type: 'module', main: 'index.js' }),
    );
  });

  afterAll(() => folder?.cleanup());

  it('registers its provider, drives and cmdlets, once however often it is imported', async () => {
    const { shell, host } = await pluginShell(folder.dir);
    await shell.run('Import-Module jafs-provider-greeter; Import-Module jafs-provider-greeter');
    expect(host.take().errors).toBe('');

    await shell.run('Get-Content Hi:\\greeting.txt; Get-Greeting');
    expect(host.take()).toEqual({ output: 'hello from a package\nhej\n', errors: '' });

    await shell.run('Get-Module | ForEach-Object { $_.Name; $_.Drives; $_.ExportedCommands }');
    expect(host.take().output).toBe('jafs-provider-greeter\nHi\nGet-Greeting\n');

    await shell.run('Import-Module jafs-provider-missing');
    expect(host.take().errors).toContain('jafs-provider-missing');
  });

  it('Remove-Module unloads cmdlets, provider and drives, never the current drive', async () => {
    const { shell, host } = await pluginShell(folder.dir);
    await shell.run('Import-Module jafs-provider-greeter; Set-Location Hi:\\');
    await shell.run('Remove-Module jafs-provider-greeter');
    expect(host.take().errors).toContain('Hi: is the current location');
    await shell.run('Get-Greeting; Get-Module | ForEach-Object Name');
    expect(host.take()).toEqual({ output: 'hej\njafs-provider-greeter\n', errors: '' });

    await shell.run(`Set-Location '${folder.dir}'; Get-Module jafs* | Remove-Module`);
    expect(host.take()).toEqual({ output: '', errors: '' });
    for (const gone of ['Get-Greeting', 'Get-PSProvider Greeter', 'Get-PSDrive Hi', 'ls Hi:\\']) {
      await shell.run(gone);
      expect(host.take().errors, gone).not.toBe('');
    }
    await shell.run('Get-Module; Remove-Module jafs-provider-greeter');
    expect(host.take()).toMatchObject({ output: '', errors: expect.stringContaining('No module') });

    await shell.run('Import-Module jafs-provider-greeter; Get-Content Hi:\\greeting.txt');
    expect(host.take()).toEqual({ output: 'hello from a package\n', errors: '' });
  });

  it('Import-Module after Remove-Module loads the edited file of a module', async () => {
    const file = path.join(folder.dir, 'reload.js');
    const version = (text: string) =>
      `export const drives = [{ name: 'V', root: '/' }];\n` +
      PACKAGE_INDEX.replace('hello from a package', text).replace(
        /export const (drives|cmdlets)[\s\S]*/,
        '',
      );
    await writeFile(file, version('first'));
    const { shell, host } = await pluginShell(folder.dir);
    await shell.run('Import-Module ./reload.js; Get-Content V:\\greeting.txt');

    await writeFile(file, version('second'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    await shell.run('Import-Module ./reload.js; Get-Content V:\\greeting.txt');
    await shell.run(
      'Remove-Module reload; Import-Module ./reload.js; Get-Content V:\\greeting.txt',
    );
    expect(host.take()).toEqual({ output: 'first\nfirst\nsecond\n', errors: '' });
  });
});
