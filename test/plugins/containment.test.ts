import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProfileModules, readModuleList } from '../../src/shell/cmdlets/module/index.js';
import { pluginShell } from './harness.js';
import { tempFolder } from './fixtures.js';

/** Modules that fail in every way a plug-in can: each must end as an error record. */
const MODULES: Record<string, string> = {
  'throws-at-import.js': `throw new Error('boom at import');`,
  'syntax-error.js': `export default {`,
  'factory-throws.js': `export default () => { throw new Error('factory boom'); };`,
  'exports-nothing.js': `export const answer = 42;`,
  'bad-drives.js': `
    export default ({ createNodeProvider, ContainerNode }) => {
      class Root extends ContainerNode { children() { return []; } }
      return {
        ...createNodeProvider({ name: 'BadDrives', root: () => new Root() }),
        defaultDrives() { throw new Error('no drives today'); },
      };
    };`,
  'name-taken.js': `
    export const providers = [
      ({ createNodeProvider, ContainerNode }) => {
        class Root extends ContainerNode { children() { return []; } }
        return createNodeProvider({ name: 'Twin', root: () => new Root() });
      },
      ({ createNodeProvider, ContainerNode }) => {
        class Root extends ContainerNode { children() { return []; } }
        return createNodeProvider({ name: 'FileSystem', root: () => new Root() });
      },
    ];`,
  'faulty.js': `
    export const provider = {
      name: 'Faulty',
      separator: '/',
      caseSensitive: true,
      getItem(p) {
        if (p === '/') return Promise.resolve({ name: '', isContainer: true, typeNames: ['F'], properties: {} });
        if (p === '/typeerror') return null.boom;
        if (p === '/nameless') return Promise.resolve({ isContainer: false });
        return Promise.resolve({ name: p.slice(1), isContainer: false, typeNames: ['F'], properties: { Name: p.slice(1) } });
      },
      getChildItems(p) { throw new RangeError('listing exploded'); },
      async getContent(p) { return { open: async () => { throw new Error('stream refused'); } }; },
      async removeDrive() { throw new Error('cleanup exploded'); },
    };
    export const drives = [{ name: 'F', root: '/' }];`,
};

describe('a provider module that throws is contained', () => {
  let folder: { dir: string; cleanup(): Promise<void> };

  beforeAll(async () => {
    folder = await tempFolder();
    for (const [name, text] of Object.entries(MODULES)) {
      await writeFile(path.join(folder.dir, name), text);
    }
  });

  afterAll(() => folder?.cleanup());

  it('reports each failed import as an error record and keeps the shell running', async () => {
    const { shell, host } = await pluginShell(folder.dir);
    for (const name of Object.keys(MODULES).filter((n) => n !== 'faulty.js')) {
      const result = await shell.run(`Import-Module ./${name}; 'after'`);
      const { output, errors } = host.take();
      expect(result.failed, name).toBe(false);
      expect(output, name).toBe('after\n');
      expect(errors, name).toMatch(/boom at import|not loaded|no drives today/);
    }

    await shell.run('Get-PSProvider BadDrives | ForEach-Object Name; Import-Module ./missing.js');
    const { output, errors } = host.take();
    expect(output).toBe('BadDrives\n');
    expect(errors).toContain('missing.js');

    // A module is loaded whole or not at all: Twin went out again when FileSystem was taken.
    await shell.run('Get-PSProvider Twin');
    expect(host.take().errors).toContain('Twin');
  });

  it('turns throws inside provider calls into error records naming the provider', async () => {
    const { shell, host } = await pluginShell(folder.dir);
    await shell.run('Import-Module ./faulty.js');
    expect(host.take().errors).toBe('');

    const attempts = [
      ['Get-ChildItem F:\\', 'listing exploded'],
      ['Get-Item F:\\typeerror', "'Faulty' provider"],
      ['Get-Item F:\\nameless', 'without a name'],
      ['Get-Content F:\\file.txt', 'stream refused'],
    ];
    for (const [command, message] of attempts) {
      const result = await shell.run(`${command}; 'still here'`);
      const { output, errors } = host.take();
      expect(result.failed, command).toBe(false);
      expect(output, command).toContain('still here');
      expect(errors, command).toContain(message);
    }

    const line = 'Get-ChildItem F:\\x';
    expect((await shell.complete(line, line.length)).matches).toEqual([]);

    await shell.run('Remove-Module faulty; Get-PSDrive F');
    const removal = host.take().errors;
    expect(removal).toContain('cleanup exploded');
    expect(removal).toMatch(/Get-PSDrive: .*F/);
  });

  it('imports the modules listed for start and reports the broken ones', async () => {
    const list = path.join(folder.dir, 'modules.json');
    await writeFile(list, JSON.stringify({ modules: ['./throws-at-import.js', './faulty.js'] }));
    const { engine, shell } = await pluginShell(folder.dir);

    const failures: unknown[] = [];
    const modules = await readModuleList(list);
    const loaded = await importProfileModules({ engine, shell }, modules, {
      baseDir: folder.dir,
      onError: (error) => failures.push(error),
    });

    expect(loaded.map((module) => module.name)).toEqual(['faulty']);
    expect(failures).toHaveLength(1);
    expect(engine.getDrive('F').provider.name).toBe('Faulty');
    expect(await readModuleList(path.join(folder.dir, 'none.json'))).toEqual([]);
    await writeFile(list, '{"modules": [1]}');
    await expect(readModuleList(list)).rejects.toThrow(/array of module names/);
  });
});
