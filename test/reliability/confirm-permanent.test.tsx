import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEY, renderApp } from '../ui/helpers/render-app.js';
import { startStack, type Stack } from './fixture.js';

/**
 * Permanent deletes and device removal ask first in the interactive shell (ConfirmImpact High
 * against $ConfirmPreference High), unless -Force or -Confirm:$false; moving to Trash does not.
 * The answers are PowerShell's: 0 Yes, 1 Yes to All, 2 No, 3 No to All.
 */
let stack: Stack;
const YES = 0;
const NO = 2;
const DIR = 'JAFS:\\Dev\\Mount';

beforeAll(async () => {
  stack = await startStack();
  const setup = await stack.run(
    "New-Item 'JAFS:\\Dev' -ItemType device | Out-Null\n" +
      "New-Item 'JAFS:\\Dev\\Mount' -ItemType mountpoint | Out-Null",
  );
  expect(setup.errors).toBe('');
});

afterAll(async () => {
  await stack?.close();
});

afterEach(() => cleanup());

/** Makes a file `name` under DIR; returns its path. */
async function file(name: string): Promise<string> {
  const path = `${DIR}\\${name}`;
  const made = await stack.run(`Set-Content '${path}' -Value 'precious'`);
  expect(made.errors).toBe('');
  return path;
}

/** 'live', 'trash' (deleted but kept) or 'gone' (deleted for good). */
async function stateOf(path: string): Promise<'live' | 'trash' | 'gone'> {
  const probe = await stack.run(
    `if (Test-Path '${path}') { 'live' } elseif (Get-Item '${path}' -Force -ErrorAction SilentlyContinue) { 'trash' } else { 'gone' }`,
  );
  return probe.output.trim() as 'live' | 'trash' | 'gone';
}

const PROMPT = 'Are you sure you want to perform this action?';

describe('Remove-Item -Permanent in the interactive shell', () => {
  it('asks, and keeps the file when the answer is No', async () => {
    const path = await file('kept.txt');

    const run = await stack.run(`Remove-Item '${path}' -Permanent`, [NO]);

    expect(run.host.prompts).toEqual([
      `${PROMPT}\nPerforming the operation "Remove Item" on target "${path}".`,
    ]);
    expect(run.errors).toBe('');
    expect(await stateOf(path)).toBe('live');
  });

  it('asks, and deletes for good when the answer is Yes', async () => {
    const path = await file('deleted.txt');

    const run = await stack.run(`Remove-Item '${path}' -Permanent`, [YES]);

    expect(run.host.prompts).toHaveLength(1);
    expect(run.errors).toBe('');
    expect(await stateOf(path)).toBe('gone');
  });

  it('does not ask with -Force, with -Confirm:$false, or with $ConfirmPreference None', async () => {
    const paths = [await file('forced.txt'), await file('unconfirmed.txt'), await file('pref.txt')];

    // The host has an answer ready, so a prompt would be answered and show in `prompts`.
    const forced = await stack.run(`Remove-Item '${paths[0]}' -Permanent -Force`, [NO]);
    const unconfirmed = await stack.run(`Remove-Item '${paths[1]}' -Permanent -Confirm:$false`, [
      NO,
    ]);
    const preference = await stack.run(
      `$ConfirmPreference = 'None'; Remove-Item '${paths[2]}' -Permanent`,
      [NO],
    );

    for (const run of [forced, unconfirmed, preference]) {
      expect(run.host.prompts).toEqual([]);
      expect(run.errors).toBe('');
    }
    for (const path of paths) expect(await stateOf(path)).toBe('gone');
  });

  it('does not ask when the file only goes to Trash', async () => {
    const path = await file('trashed.txt');

    const run = await stack.run(`Remove-Item '${path}'`, [NO]);

    expect(run.host.prompts).toEqual([]);
    expect(await stateOf(path)).toBe('trash');
  });

  it('asks before removing a device, and removes it on Yes', async () => {
    const made = await stack.run("New-Item 'JAFS:\\Spare' -ItemType device | Out-Null");
    expect(made.errors).toBe('');

    const declined = await stack.run("Remove-Item 'JAFS:\\Spare' -Permanent", [NO]);
    expect(declined.host.prompts[0]).toContain('on target "JAFS:\\Spare"');
    expect(await stateOf('JAFS:\\Spare')).toBe('live');

    const accepted = await stack.run("Remove-Item 'JAFS:\\Spare' -Permanent", [YES]);
    expect(accepted.errors).toBe('');
    expect(await stateOf('JAFS:\\Spare')).toBe('gone');
  });

  it('asks before each permanent deletion of Sync-Item -Delete -Permanent', async () => {
    const kept = await file('sync-kept.txt');
    const removed = await file('sync-removed.txt');
    const source = `${stack.local}/sync-source`;
    await stack.run(`New-Item '${source}/sync-new.txt' -Force -Value 'new' | Out-Null`);

    // The upload of sync-new.txt is no permanent change: only the two deletions ask.
    const run = await stack.run(
      `Sync-Item '${source}' '${DIR}' -Delete -Permanent -Include 'sync-*'`,
      [NO, YES],
    );

    expect(run.errors).toBe('');
    expect(run.host.prompts).toHaveLength(2);
    expect(run.host.prompts[0]).toContain(`"${kept}"`);
    expect(await stateOf(kept)).toBe('live');
    expect(await stateOf(removed)).toBe('gone');
    expect(await stateOf(`${DIR}\\sync-new.txt`)).toBe('live');
  });
});

describe('with nobody to ask (a non-interactive host)', () => {
  it('Remove-Item -Permanent does what the script says', async () => {
    const path = await file('scripted.txt');

    const run = await stack.run(`Remove-Item '${path}' -Permanent`);

    expect(run.errors).toBe('');
    expect(await stateOf(path)).toBe('gone');
  });

  it('an explicit -Confirm stops the command with how to go ahead, deleting nothing', async () => {
    const path = await file('confirm-asked.txt');

    const run = await stack.run(`Remove-Item '${path}' -Permanent -Confirm; 'next statement'`);

    expect(run.errors).toMatch(/^Remove-Item: Cannot perform the operation "Remove Item" on/m);
    expect(run.errors).toContain('running non-interactively');
    expect(run.errors).toContain('Leave out -Confirm to go ahead');
    expect(run.output.trim()).toBe('next statement');
    expect(await stateOf(path)).toBe('live');
  });
});

describe('the Ink app', () => {
  it('asks before a permanent delete: n keeps the file, y deletes it', async () => {
    const path = await file('ink.txt');
    const app = await renderApp((host) => stack.shellOn(host));

    await app.press(`Remove-Item '${path}' -Permanent`, KEY.enter);
    await app.see(`Performing the operation "Remove Item" on target "${path}".`);
    await app.see('[Y] Yes  [A] Yes to All  [N] No  [L] No to All');
    await app.press('n', KEY.enter);
    await app.frame(() => idle(app.session.getState()));
    expect(await stateOf(path)).toBe('live');

    await app.press(`Remove-Item '${path}' -Permanent`, KEY.enter);
    await app.frame(() => app.session.getState().request !== undefined);
    await app.press('y', KEY.enter);
    await app.frame(() => idle(app.session.getState()));
    expect(await stateOf(path)).toBe('gone');
  });

  it('asks before removing a device', async () => {
    const made = await stack.run("New-Item 'JAFS:\\InkDevice' -ItemType device | Out-Null");
    expect(made.errors).toBe('');
    const app = await renderApp((host) => stack.shellOn(host));

    await app.press("Remove-Item 'JAFS:\\InkDevice' -Permanent", KEY.enter);
    await app.see('on target "JAFS:\\InkDevice"');
    await app.press('y', KEY.enter);
    await app.frame(() => idle(app.session.getState()));
    expect(await stateOf('JAFS:\\InkDevice')).toBe('gone');
  });
});

/** No command running and no question open: the typed command has finished. */
function idle(state: { running: boolean; request?: unknown }): boolean {
  return !state.running && state.request === undefined;
}
